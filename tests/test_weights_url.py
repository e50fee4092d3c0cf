"""The Weights page's URL: exact round trips, and bad values replaced with a warning."""

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ui.weights_presets import (
    DEFAULT_PRESET,
    make_preset,
    random_weights,
    textbook,
    xor_relu,
)
from ui.weights_state import (
    LINKS,
    MAX_HIDDEN,
    POINT_LIMIT,
    WEIGHT_LIMIT,
    State,
    normalise,
)
from ui.weights_url import KEYS, encode, has_state, parse

weights = st.floats(-WEIGHT_LIMIT, WEIGHT_LIMIT, allow_nan=False)
points = st.floats(-POINT_LIMIT, POINT_LIMIT, allow_nan=False)


@st.composite
def states(draw):
    n = draw(st.integers(1, MAX_HIDDEN))

    def vec(k):
        return tuple(draw(st.lists(weights, min_size=k, max_size=k)))

    state = State(
        n_hidden=n,
        activation=draw(st.sampled_from(["tanh", "relu", "sigmoid", "linear"])),
        link=draw(st.sampled_from(list(LINKS))),
        W1=tuple(vec(2) for _ in range(n)),
        b1=vec(n),
        w=vec(n),
        b=draw(weights),
        V=(vec(n), vec(n)),
        bV=vec(2),
        c=vec(n),
        cb=draw(weights),
        x=(draw(points), draw(points)),
        y=draw(st.integers(0, 1)),
        decimals=draw(st.integers(0, 15)),
        span=draw(st.floats(0.5, 10.0)),
        typed=draw(st.booleans()),
        preset=draw(st.sampled_from(["textbook", "xor-relu", "random"])),
        seed=draw(st.integers(0, 9999)),
    )
    return normalise(state)


def test_presets_round_trip_in_every_link_mode():
    for link in LINKS:
        for state in (
            textbook(link),
            xor_relu(link),
            random_weights(7, 3, "tanh", link),
        ):
            assert parse(encode(state)) == (state, [])


@settings(max_examples=200, deadline=None)
@given(states())
def test_any_valid_state_round_trips_exactly(state):
    # float64 values, signed zeros and subnormals included, come back bit for bit
    assert parse(encode(state)) == (state, [])


@settings(max_examples=300, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(KEYS),
        st.one_of(
            st.text(max_size=30),
            st.lists(st.floats(allow_nan=True), max_size=10).map(
                lambda v: ",".join(repr(x) for x in v)
            ),
        ),
    )
)
def test_any_text_gives_a_valid_state_and_the_state_rewrites_cleanly(params):
    state, warnings = parse(params)
    assert all(isinstance(w, str) and w for w in warnings)
    assert 1 <= state.n_hidden <= MAX_HIDDEN
    flat = [*sum(state.W1, ()), *state.b1, *state.x]
    assert all(math.isfinite(v) for v in flat)
    assert all(abs(v) <= WEIGHT_LIMIT for v in flat)
    assert all(abs(v) <= POINT_LIMIT for v in state.x)
    # what the page writes back is read without a single warning
    assert parse(encode(state)) == (state, [])


def test_out_of_range_values_move_to_the_nearest_valid_value():
    params = encode(textbook())
    params.update(h="9", x="7.5,-100", b="1e400", dp="40", span="0.1")
    state, warnings = parse(params)
    assert state.n_hidden == 4
    assert state.x == (POINT_LIMIT, -POINT_LIMIT)
    assert state.b == WEIGHT_LIMIT
    assert state.decimals == 15 and state.span == 0.5
    text = " ".join(warnings)
    for phrase in ("9 is outside [1, 4]", "7.5 is outside", "inf is outside", "40"):
        assert phrase in text


def test_malformed_and_missing_values_fall_back_with_a_warning_each():
    params = encode(textbook())
    params.update(W1="0.15,abc,nan,0.3", act="softplus", link="both")
    del params["y"], params["preset"]  # no preset to fall back on
    state, warnings = parse(params)
    assert state.W1 == ((0.15, 0.0), (0.0, 0.3))
    assert state.activation == "sigmoid" and state.link == "softmax-follows"
    assert state.y == 0
    text = " ".join(warnings)
    assert "'abc' is not a number" in text and "'nan' is not a number" in text
    assert "'softplus' is not one of" in text and "'both' is not one of" in text
    assert "label (y) is missing" in text and "preset is missing" in text
    assert len(warnings) == 6


def test_with_a_preset_a_missing_value_is_the_presets_and_a_bad_one_warns():
    params = encode(textbook())
    params.update(W1="0.15,abc,nan,0.3", x="0.05,99")
    del params["y"], params["b"]
    state, warnings = parse(params)
    # the malformed entries fall back on the preset's own values, with a warning
    assert state.W1 == ((0.15, 0.20), (0.25, 0.3))
    assert state.y == 0 and state.b == 0.60  # missing: the preset's, silently
    assert state.x == (0.05, POINT_LIMIT)
    text = " ".join(warnings)
    assert "'abc' is not a number; using 0.2" in text
    assert "'nan' is not a number; using 0.25" in text
    assert "99 is outside [-5, 5]; using 5" in text
    assert len(warnings) == 3


@pytest.mark.parametrize("name", ["xor-relu", "textbook"])
@pytest.mark.parametrize("link", list(LINKS))
def test_a_preset_name_alone_loads_the_preset_with_no_warning(name, link):
    expected = make_preset(name, link)
    assert parse({"preset": name, "link": link}) == (expected, [])
    if link == "softmax-follows":
        assert parse({"preset": name}) == (expected, [])


def test_link_values_override_the_preset_and_the_size_can_change():
    state, warnings = parse({"preset": "xor-relu", "h": "3", "w": "1,2,3", "y": "0"})
    assert warnings == []
    assert state.n_hidden == 3 and state.w == (1.0, 2.0, 3.0) and state.y == 0
    assert state.W1 == ((1.0, 1.0), (1.0, 1.0), (0.0, 0.0))  # the new unit at zero
    assert state.b == -2.5  # not in the link: the preset's
    state, warnings = parse({"preset": "random", "seed": "42", "act": "relu"})
    assert warnings == [] and state == make_preset("random", seed=42, activation="relu")


@pytest.mark.parametrize(
    ("text", "meant"),
    [("xor", "xor-relu"), ("XOR-ReLU", "xor-relu"), ("text", "textbook"),
     ("textbok", "textbook"), ("rand", "random")],
)  # fmt: skip
def test_a_near_miss_preset_name_warns_and_uses_the_name_meant(text, meant):
    state, warnings = parse({"preset": text})
    assert state == make_preset(meant)
    assert len(warnings) == 1
    assert f"'{text}' is not one of" in warnings[0]
    assert f"did you mean '{meant}'" in warnings[0]


def test_an_unknown_preset_name_warns_and_opens_the_default():
    state, warnings = parse({"preset": "banana"})
    assert state == make_preset(DEFAULT_PRESET)
    assert warnings == [
        "preset: 'banana' is not one of xor-relu, textbook, random; using 'xor-relu'."
    ]


def test_a_list_of_the_wrong_length_is_padded_or_cut():
    params = encode(textbook())
    params["b1"] = "1,2,3"
    state, warnings = parse(params)
    assert state.b1 == (1.0, 2.0)
    assert "expected 2 numbers, received 3" in warnings[0]
    params["b1"] = "1"
    state, warnings = parse(params)
    assert state.b1 == (1.0, 0.35)  # the missing one is the preset's
    del params["preset"]
    state, warnings = parse(params)
    assert state.b1 == (1.0, 0.0)  # with no preset named, zero


def test_a_fractional_count_is_rounded_and_a_repeated_key_takes_the_last_value():
    params = encode(textbook())
    params["h"] = ["1", "2.0"]
    state, warnings = parse(params)
    assert state.n_hidden == 2 and warnings == []
    params["dp"] = "3.6"
    state, warnings = parse(params)
    assert state.decimals == 4 and "not a whole number" in warnings[0]


def test_only_the_free_head_fields_are_written_and_the_rest_follow():
    state = textbook("sigmoid-follows")
    params = encode(state)
    assert "V" in params and "w" not in params and "c" not in params
    back, _ = parse(params)
    # the sigmoid head follows: w = V1 - V0
    assert back.w == tuple(v1 - v0 for v0, v1 in zip(*state.V, strict=True))


def test_has_state_only_for_this_pages_keys():
    assert not has_state({})
    assert not has_state({"embed": "true", "other": "1"})
    assert has_state({"x": "0,0"})
