"""The Weights page driven through AppTest: sliders, link modes, the shift, the URL."""

import numpy as np
import pytest
from conftest import ROOT
from streamlit.testing.v1 import AppTest

import nets
from ui.weights_url import parse

PAGE = str(ROOT / "views" / "weights.py")


def open_page(params=None, decimals=15):
    at = AppTest.from_file(PAGE, default_timeout=60)
    at.query_params.update(params or {})
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    if decimals is not None:
        at.slider(key="wt_dp").set_value(decimals).run()
    return at


def value(at, key):
    """A number from its slider or, with typed entry on, its number input."""
    found = [w for w in (*at.slider, *at.number_input) if w.key in (key, key + "_t")]
    assert len(found) == 1, key
    return float(found[0].value)


def nets_from_widgets(at):
    """Both nets built straight from what the widgets show, without the page's code."""
    n = at.slider(key="wt_h").value
    act = at.selectbox(key="wt_act").value
    W1 = [[value(at, f"wt_W1_{j}_{i}") for i in (0, 1)] for j in range(n)]
    b1 = [value(at, f"wt_b1_{j}") for j in range(n)]
    body = {"W1": W1, "b1": b1, "activation": act}
    link = at.radio(key="wt_link").value
    if link != "sigmoid-follows":
        w = [value(at, f"wt_w_{j}") for j in range(n)]
        b = value(at, "wt_b")
    if link == "softmax-follows":
        c = [value(at, f"wt_c_{j}") for j in range(n)]
        cb = value(at, "wt_cb")
        V, bV = [c, list(np.add(w, c))], [cb, b + cb]
    else:
        V = [[value(at, f"wt_V_{k}_{j}") for j in range(n)] for k in (0, 1)]
        bV = [value(at, f"wt_bV_{k}") for k in (0, 1)]
    if link == "sigmoid-follows":
        w, b = list(np.subtract(V[1], V[0])), bV[1] - bV[0]
    sig = nets.Net(**body, W2=[w], b2=[b])
    soft = nets.Net(**body, W2=V, b2=bV, head="softmax")
    x = [[value(at, "wt_x_0"), value(at, "wt_x_1")]]
    return sig, soft, x


def shown(at):
    """The probabilities in the metrics: label -> number."""
    return {m.label: m.value for m in at.metric if m.label.startswith("P(class 1)")}


def check_against_predict_proba(at):
    """The shown probabilities are predict_proba's, to the decimals shown."""
    tol = 0.5 * 10.0 ** -at.slider(key="wt_dp").value + 1e-14
    sig, soft, x = nets_from_widgets(at)
    p = shown(at)
    assert (
        abs(float(p["P(class 1), sigmoid head"]) - nets.predict_proba(sig, x)[0]) < tol
    )
    assert (
        abs(float(p["P(class 1), softmax head"]) - nets.predict_proba(soft, x)[0]) < tol
    )


def test_default_page_opens_on_xor_whose_boundaries_cross_the_plane():
    at = open_page()
    assert at.title[0].value.startswith("Weights")
    assert at.selectbox(key="wt_preset").value == "xor-relu"
    check_against_predict_proba(at)
    assert not at.warning  # a first visit without a link warns of nothing
    # both heads have a p = 0.5 line on the plane shown, so no caption says none
    assert not [c for c in at.caption if "p = 0.5 line" in c.value]
    assert float(shown(at)["P(class 1), sigmoid head"]) > 0.9  # (1, 0) is class 1


def test_textbook_link_shows_its_numbers_and_says_no_boundary_exists():
    at = open_page({"preset": "textbook"})
    assert not at.warning  # the short link leaves the rest to the preset
    assert at.selectbox(key="wt_preset").value == "textbook"
    check_against_predict_proba(at)
    # the forward pass is written out, with the walk-through's output 0.7513650695…
    panel = " ".join(md.value for md in at.markdown)
    assert "0.751365069552316" in panel
    notes = [c.value for c in at.caption if "p = 0.5 line" in c.value]
    assert len(notes) == 2  # one per head
    for note in notes:
        assert "no p = 0.5 line anywhere" in note and "Widen the plane to" not in note


def test_a_boundary_just_off_the_plane_is_found_by_widening():
    # XOR's lines x1 + x2 = 0.5 and 1.5 lie off a plane of half-width 0.5 moved
    # nowhere near them once the hidden biases push them out
    at = open_page({"preset": "xor-relu", "b1": "-4,-5", "x": "0,0", "span": "0.5"})
    assert not at.warning
    notes = [c.value for c in at.caption if "p = 0.5 line" in c.value]
    assert notes and all("widen the plane to a half-width of" in n for n in notes)
    at.slider(key="wt_span").set_value(4.0).run()
    assert not [c for c in at.caption if "p = 0.5 line" in c.value]


def test_a_tie_rounds_away_from_zero_with_no_decimals():
    # at (0.5, 0) the XOR net's logit is exactly 0, so p is exactly 0.5
    at = open_page({"preset": "xor-relu", "x": "0.5,0", "dp": "0"}, decimals=None)
    p = shown(at)
    assert p["P(class 1), sigmoid head"] == p["P(class 1), softmax head"] == "1"


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"preset": "xor-relu"}, {"wt_W1_0_0": 1.0, "wt_b": -2.5, "wt_x_0": 1.0}),
        ({"preset": "textbook"}, {"wt_W1_0_0": 0.15, "wt_b": 0.6, "wt_x_0": 0.05}),
        # values in the link override the preset's
        ({"preset": "textbook", "b": "-1.5"}, {"wt_W1_0_0": 0.15, "wt_b": -1.5}),
    ],
)
def test_short_preset_links_load_the_preset_without_warnings(params, expected):
    at = open_page(params, decimals=None)
    assert not at.warning
    assert at.selectbox(key="wt_preset").value == params["preset"]
    for key, v in expected.items():
        assert value(at, key) == v


def test_a_near_miss_preset_name_warns_and_suggests_the_right_one():
    at = open_page({"preset": "xor"}, decimals=None)
    text = at.warning[0].value.replace("\\", "")
    assert "'xor' is not one of" in text and "did you mean 'xor-relu'" in text
    assert at.selectbox(key="wt_preset").value == "xor-relu"
    assert value(at, "wt_b") == -2.5
    assert "missing" not in text  # the preset fills what the link leaves out

    at = open_page({"preset": "banana", "x": "99,0"}, decimals=None)
    text = at.warning[0].value.replace("\\", "")
    assert "'banana' is not one of" in text and "99 is outside [-5, 5]" in text
    assert value(at, "wt_x_0") == 5.0


def test_sliders_have_plain_text_names():
    at = open_page()
    labels = {s.key: s.label for s in at.slider}
    assert labels["wt_W1_0_1"] == "W₁₂" and labels["wt_b1_1"] == "b₂"
    assert labels["wt_c_0"] == "c₁" and labels["wt_x_1"] == "x₂"
    assert not [label for label in labels.values() if "$" in label or "\\" in label]
    at.radio(key="wt_link").set_value("sigmoid-follows").run()
    labels = {s.key: s.label for s in at.slider}
    assert labels["wt_V_0_1"] == "V₀₂" and labels["wt_bV_1"] == "β₁"


def test_moving_sliders_moves_the_shown_probabilities_with_predict_proba():
    at = open_page()
    before = shown(at)
    moves = {"wt_W1_0_0": -2.5, "wt_b1_1": 1.37, "wt_w_1": -3.0, "wt_x_0": 1.2}
    for key, v in moves.items():
        at.slider(key=key).set_value(v).run()
        assert value(at, key) == v
        check_against_predict_proba(at)
    assert shown(at) != before
    at.radio(key="wt_y").set_value(1).run()
    check_against_predict_proba(at)


@pytest.mark.parametrize("decimals", [4, 15])
def test_moving_the_shift_leaves_every_shown_probability_unchanged(decimals):
    at = open_page(decimals=decimals)
    at.slider(key="wt_W1_1_0").set_value(-1.3).run()
    before = shown(at)
    panel = [md.value for md in at.markdown]
    for key, v in (("wt_c_0", 4.2), ("wt_c_1", -7.77), ("wt_cb", 9.5)):
        at.slider(key=key).set_value(v).run()
        now = shown(at)
        for label, text in before.items():
            assert abs(float(now[label]) - float(text)) <= 1e-14 + 10**-decimals / 2
        check_against_predict_proba(at)
    # the softmax rows in the panel moved, its probabilities did not
    after = [md.value for md in at.markdown]
    assert after != panel
    p_lines = [
        line for md in after for line in md.splitlines() if line.startswith("p &=")
    ]
    assert len(p_lines) == 2
    success = at.success[0].value
    gap = float(success.split("**")[1])
    assert gap < 1e-13


def test_symmetric_shift_makes_the_rows_opposite_and_changes_no_probability():
    at = open_page()
    before = shown(at)
    at.button(key="wt_shift_sym").click().run()
    _, soft, _ = nets_from_widgets(at)
    np.testing.assert_allclose(soft.W2[0], -soft.W2[1], rtol=0, atol=1e-15)
    for label, text in shown(at).items():
        assert abs(float(text) - float(before[label])) < 1e-14


def test_sigmoid_follows_softmax_and_independent_modes():
    at = open_page({"preset": "textbook"})
    sig_before, soft_before, _ = nets_from_widgets(at)
    at.radio(key="wt_link").set_value("sigmoid-follows").run()
    assert not at.exception
    keys = {s.key for s in at.slider}
    assert "wt_V_1_0" in keys and "wt_w_0" not in keys and "wt_c_0" not in keys
    sig, soft, _ = nets_from_widgets(at)
    np.testing.assert_allclose(soft.W2, soft_before.W2, atol=1e-15)
    at.slider(key="wt_V_0_1").set_value(2.0).run()
    check_against_predict_proba(at)
    p = shown(at)
    assert p["P(class 1), sigmoid head"] == p["P(class 1), softmax head"]

    at.radio(key="wt_link").set_value("independent").run()
    keys = {s.key for s in at.slider}
    assert {"wt_V_1_0", "wt_w_0"} <= keys
    at.slider(key="wt_w_0").set_value(-4.0).run()
    check_against_predict_proba(at)
    p = shown(at)
    assert p["P(class 1), sigmoid head"] != p["P(class 1), softmax head"]
    report = at.info[0].value
    sig, soft, _ = nets_from_widgets(at)
    dw = np.linalg.norm(sig.W2[0] - (soft.W2[1] - soft.W2[0]))
    assert f"**{dw:.4g}**" in report and "different classes" in report


def test_url_round_trip_restores_the_page_exactly():
    at = open_page()
    at.slider(key="wt_h").set_value(3).run()
    at.selectbox(key="wt_act").set_value("relu").run()
    at.slider(key="wt_W1_2_1").set_value(1.23).run()
    at.toggle(key="wt_typed").set_value(True).run()
    at.number_input(key="wt_w_2_t").set_value(0.123456789).run()
    at.number_input(key="wt_c_2_t").set_value(-3.3).run()
    at.radio(key="wt_link").set_value("independent").run()
    params = dict(at.query_params)
    assert params["w"].split(",")[2] == "0.123456789"

    again = open_page(params, decimals=None)
    assert not again.warning
    assert again.session_state["wt_state"] == at.session_state["wt_state"]
    assert shown(again) == shown(at)
    assert [md.value for md in again.markdown] == [md.value for md in at.markdown]
    assert dict(again.query_params) == params


def test_bad_url_values_are_replaced_with_a_visible_warning():
    params = {
        "h": "9",
        "act": "softplus",
        "link": "softmax-follows",
        "W1": "1,abc,nan,inf",
        "x": "99,-0.5",
        "dp": "4",
    }
    at = open_page(params, decimals=None)
    assert not at.exception
    # values from the link are shown escaped, so Markdown makes nothing of them
    assert "outside \\[1, 4\\]" in at.warning[0].value
    text = at.warning[0].value.replace("\\", "")
    assert "hidden units (h): 9 is outside [1, 4]; using 4" in text
    assert "'softplus' is not one of" in text
    assert "'abc' is not a number" in text and "inf is outside" in text
    assert "point (x) entry 1: 99 is outside [-5, 5]; using 5" in text
    assert at.slider(key="wt_h").value == 4
    assert value(at, "wt_x_0") == 5.0 and value(at, "wt_W1_1_1") == 10.0
    # the address bar now holds only valid values
    assert parse(dict(at.query_params))[1] == []
    at.button(key="wt_dismiss").click().run()
    assert not at.warning


def test_more_hidden_units_start_at_zero_and_presets_load():
    at = open_page()
    before = shown(at)
    at.slider(key="wt_h").set_value(4).run()
    assert len([s for s in at.slider if s.key.startswith("wt_W1_")]) == 8
    assert value(at, "wt_W1_3_1") == 0.0 and value(at, "wt_w_3") == 0.0
    assert shown(at) == before

    at.selectbox(key="wt_preset").set_value("xor-relu").run()
    assert value(at, "wt_W1_1_0") == 1.0 and at.selectbox(key="wt_act").value == "relu"
    check_against_predict_proba(at)
    assert float(shown(at)["P(class 1), sigmoid head"]) > 0.9  # (1, 0) is class 1

    at.selectbox(key="wt_preset").set_value("random").run()
    at.number_input(key="wt_seed").set_value(42).run()
    first = shown(at)
    check_against_predict_proba(at)
    at.number_input(key="wt_seed").set_value(43).run()
    assert shown(at) != first
    at.number_input(key="wt_seed").set_value(42).run()
    assert shown(at) == first


def test_the_page_offers_its_nets_to_the_other_pages():
    at = open_page()
    at.slider(key="wt_b1_0").set_value(-0.5).run()
    sig_dict, soft_dict = at.session_state["shared_nets"]["Weights page"]
    sig, soft, _ = nets_from_widgets(at)
    assert sig_dict["b1"] == sig.b1.tolist() and soft_dict["W2"] == soft.W2.tolist()
