"""The Weights page's twin nets: link modes, the free shift, presets."""

from dataclasses import replace

import numpy as np
import pytest
from conftest import load_case

import nets
from ui.weights_presets import preset_state, random_weights, textbook, xor_relu
from ui.weights_state import LINKS, WEIGHT_LIMIT, normalise, resize, switch_link, twins

RNG = np.random.default_rng(0)
PLANE = RNG.uniform(-3, 3, size=(500, 2))


def both(state, X=PLANE):
    sig, soft = twins(state)
    return nets.predict_proba(sig, X), nets.predict_proba(soft, X)


def test_softmax_rows_are_c_and_w_plus_c():
    state = replace(random_weights(3, 3), c=(0.5, -2.0, 1.25), cb=-0.75)
    sig, soft = twins(state)
    np.testing.assert_array_equal(soft.W2[0], state.c)
    np.testing.assert_array_equal(soft.W2[1], np.add(state.w, state.c))
    assert soft.b2.tolist() == [state.cb, state.b + state.cb]


@pytest.mark.parametrize("c", [(0.0, 0.0, 0.0), (3.0, -7.5, 9.99), (-10.0, 10.0, 0.1)])
def test_moving_the_shift_changes_no_prediction(c):
    base = random_weights(5, 3)
    p_sig, p_soft = both(replace(base, c=c, cb=c[1]))
    p_ref, _ = both(base)
    np.testing.assert_array_equal(p_sig, p_ref)  # the sigmoid head does not move
    # only rounding: w + c loses the low bits of w when |c| is large
    np.testing.assert_allclose(p_soft, p_sig, rtol=0, atol=1e-13)


def test_sigmoid_follows_softmax_is_row_one_minus_row_zero():
    state = normalise(replace(random_weights(2, 4), link="sigmoid-follows"))
    sig, soft = twins(state)
    np.testing.assert_array_equal(sig.W2[0], soft.W2[1] - soft.W2[0])
    p_sig, p_soft = both(state)
    np.testing.assert_allclose(p_sig, p_soft, rtol=0, atol=1e-15)


def test_independent_heads_can_disagree_and_are_built_as_set():
    state = random_weights(1, 2, link="independent")
    sig, soft = twins(state)
    assert sig.W2[0].tolist() == list(state.w)
    assert soft.W2.tolist() == [list(state.V[0]), list(state.V[1])]
    p_sig, p_soft = both(state)
    assert np.max(np.abs(p_sig - p_soft)) > 1e-3


def test_switching_link_keeps_the_nets_when_the_sliders_reach():
    state = random_weights(4, 3)
    before = both(state)
    for link in LINKS:
        moved, notes = switch_link(state, link)
        assert notes == []
        for p, q in zip(both(moved), before, strict=True):
            np.testing.assert_allclose(p, q, rtol=0, atol=1e-15)


def test_switching_link_clamps_rows_beyond_the_slider_range_and_says_so():
    state = replace(textbook(), w=(9.0, -8.0), c=(4.0, -5.0))
    moved, notes = switch_link(normalise(state), "sigmoid-follows")
    assert moved.V[1] == (WEIGHT_LIMIT, -WEIGHT_LIMIT)  # w + c was (13, -13)
    assert len(notes) == 2 and "13" in notes[0]


def test_a_new_hidden_unit_starts_at_zero_and_changes_nothing():
    state = random_weights(6, 2, "relu")
    grown = resize(state, 4)
    assert grown.W1[2:] == ((0.0, 0.0), (0.0, 0.0)) and grown.w[2:] == (0.0, 0.0)
    for p, q in zip(both(grown), both(state), strict=True):
        np.testing.assert_allclose(p, q, rtol=0, atol=1e-15)
    assert resize(grown, 2) == state


def test_textbook_preset_gives_the_walk_through_numbers():
    case = load_case("worked_example_squared_error.json")
    state = textbook()
    sig, _ = twins(state)
    z1, h, _, p = nets.forward(sig, case["X"])
    np.testing.assert_allclose(h[0], case["expected"]["h"], rtol=0, atol=1e-12)
    np.testing.assert_allclose(p[0], case["expected"]["o"], rtol=0, atol=1e-12)
    assert list(state.x) == case["X"][0]


@pytest.mark.parametrize("link", list(LINKS))
def test_xor_preset_solves_xor(link):
    X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
    for p in both(xor_relu(link), X):
        assert ((p > 0.5) == np.array([False, True, True, False])).all()
        assert np.all(np.abs(p - 0.5) > 0.4)


def test_random_preset_is_seeded_small_and_rounded_to_one_decimal():
    a, b, c = random_weights(11, 4), random_weights(11, 4), random_weights(12, 4)
    assert a == b and a != c
    # every value one sets by hand; in the default link mode the rows follow (w + c)
    for state in (a, random_weights(11, 4, link="independent")):
        free = [*sum(state.W1, ()), *state.b1, *state.w, state.b, *state.x]
        if state.link == "independent":
            free += [*state.V[0], *state.V[1], *state.bV]
        else:
            free += [*state.c, state.cb]
        values = np.array(free)
        assert np.all(np.abs(values) <= 1.0)
        np.testing.assert_array_equal(values, np.round(values, 1))


def test_preset_state_keeps_the_display_settings():
    current = replace(random_weights(0, 3), decimals=9, typed=True, link="independent")
    state = preset_state("xor-relu", current)
    assert (state.decimals, state.typed, state.link) == (9, True, "independent")
    with pytest.raises(ValueError, match="preset must be one of"):
        preset_state("mnist", current)
