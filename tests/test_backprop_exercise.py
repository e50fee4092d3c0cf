"""Exercises: seeded, small, one-decimal; the checker names the first wrong step.

The right answers are built from ``backprop`` and ``loss_and_grads``, not from the
exercise's own worked steps.
"""

import numpy as np
import pytest

import nets
from nets.exercise import MAX_SEED, parse_seed


def right_answers(ex):
    """Every step's exact value from the network module's own backprop."""
    ref = nets.backprop(ex.net, ex.X, ex.y)
    grads = ref.grads
    moved = ex.net.copy(**{k: getattr(ex.net, k) - ex.lr * g for k, g in grads.items()})
    answers = {
        "z1": ref.z1,
        "h": ref.h,
        "logits": ref.logits,
        "p": ref.probs,
        "loss": ref.loss,
        "dlogits": ref.dlogits,
        "dh": ref.dh,
        "dz1": ref.dz1,
        "p_new": nets.predict_proba(moved, ex.X)[:, None],
    }
    for name in nets.PARAMS:
        answers[f"d{name}"] = grads[name]
        answers[f"{name}_new"] = getattr(moved, name)
    return answers


@pytest.mark.parametrize("seed", [0, 1, 42, 2024, MAX_SEED])
def test_exercise_is_small_one_decimal_and_repeatable(seed):
    ex = nets.make_exercise(seed)
    again = nets.make_exercise(seed)
    for name in nets.PARAMS:
        arr = getattr(ex.net, name)
        np.testing.assert_array_equal(arr, getattr(again.net, name))
        np.testing.assert_allclose(arr * 10, np.round(arr * 10), atol=1e-12)
        assert np.all(np.abs(arr) <= 1.0)
    assert ex.net.W1.shape == (2, 2) and ex.net.head == "sigmoid"
    assert ex.X.shape == (1, 2) and ex.y[0] in (0.0, 1.0)
    np.testing.assert_allclose(ex.X * 10, np.round(ex.X * 10), atol=1e-12)


def test_different_seeds_give_different_exercises():
    weights = {nets.make_exercise(s).net.W1.tobytes() for s in range(20)}
    assert len(weights) > 15


@pytest.mark.parametrize("seed", [0, 7, 99])
def test_exact_answers_are_all_right(seed):
    ex = nets.make_exercise(seed)
    result = nets.check_answers(ex, right_answers(ex))
    assert result.all_right and result.first_wrong is None
    assert result.n_right == len(nets.STEP_KEYS)


def test_answers_rounded_to_four_decimals_pass_the_stated_tolerance():
    ex = nets.make_exercise(3)
    rounded = {
        k: np.round(np.asarray(v, float), 4) for k, v in right_answers(ex).items()
    }
    assert nets.check_answers(ex, rounded).all_right


def test_first_wrong_step_is_named_with_the_right_value():
    ex = nets.make_exercise(5)
    answers = right_answers(ex)
    right_dz1 = np.array(answers["dz1"], float)
    answers["dz1"] = right_dz1 + np.array([[0.0, 0.05]])
    answers["dW1"] = np.asarray(answers["dW1"]) * -1  # a later slip
    result = nets.check_answers(ex, answers)
    first = result.first_wrong
    assert first.key == "dz1" and first.status == "wrong"
    np.testing.assert_allclose(first.expected, right_dz1, rtol=1e-12)
    np.testing.assert_array_equal(first.wrong, [[False, True]])
    assert "f'(z_1)" in first.formula
    statuses = {s.key: s.status for s in result.steps}
    assert statuses["dW1"] == "wrong" and statuses["dh"] == "right"


def test_tolerance_edges():
    ex = nets.make_exercise(8)
    answers = right_answers(ex)
    loss = answers["loss"]
    inside = nets.check_answers(ex, {"loss": loss * 1.009})
    outside = nets.check_answers(ex, {"loss": loss * 1.02})
    assert {s.key: s.status for s in inside.steps}["loss"] == "right"
    assert outside.first_wrong.key == "loss"
    # a tiny gradient: judged by the absolute floor of 0.0005
    small = nets.check_answers(ex, {"db2": [float(answers["db2"][0]) + 0.0004]})
    assert small.first_wrong is None


def test_blanks_are_not_wrong():
    ex = nets.make_exercise(9)
    answers = right_answers(ex)
    partial = {"z1": [answers["z1"][0, 0], None], "h": answers["h"]}
    result = nets.check_answers(ex, partial)
    statuses = {s.key: s.status for s in result.steps}
    assert statuses["z1"] == "blank" and statuses["h"] == "right"
    assert statuses["dW1"] == "blank" and result.first_wrong is None
    assert not result.all_right


def test_bad_answer_sheets_and_seeds_raise():
    ex = nets.make_exercise(1)
    with pytest.raises(ValueError, match="unknown steps"):
        nets.check_answers(ex, {"z3": [1.0]})
    with pytest.raises(ValueError, match="2 entries"):
        nets.check_answers(ex, {"z1": [1.0, 2.0, 3.0]})
    for bad in (-1, MAX_SEED + 1, 1.5, "3", True):
        with pytest.raises(ValueError, match="seed"):
            nets.make_exercise(bad)


@pytest.mark.parametrize(
    "raw, seed", [("42", 42), (" 7 ", 7), ("abc", None), ("-3", None), ("1e3", None)]
)
def test_parse_seed(raw, seed):
    got, problem = parse_seed(raw)
    assert got == seed
    assert (problem is None) == (seed is not None)
