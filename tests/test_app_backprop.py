"""The Backprop page in AppTest: its numbers against backprop and the shared cases,
the exercise checker, the seed in the address and the JSON import."""

import re

import numpy as np
import pytest
from conftest import CASES, ROOT, load_case
from streamlit.testing.v1 import AppTest

import nets
from ui.backprop_sources import PRESETS

SQUARED = "Preset: classic walk-through, squared error"
NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


def open_page(query=None):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    if query:
        at.query_params.update(query)
    at.run()
    at.switch_page("views/backprop.py").run()
    assert not at.exception, at.exception
    return at


def value_of(latex):
    """The numbers right of '=' in a value line such as 'z_1 = \\begin{bmatrix}...'."""
    rhs = latex.split(" = ", 1)[1]
    rows = rhs.split(r"\\")
    return np.array([[float(x) for x in NUMBER.findall(r)] for r in rows])


def shown_values(at):
    """``[(sigmoid values, softmax values or None)]`` per step, in page order."""
    latex = [el.value for el in at.latex]
    two = len(latex) == 4 * len(nets.STEP_KEYS)
    per_step = 4 if two else 2
    out = []
    for i in range(len(nets.STEP_KEYS)):
        block = latex[i * per_step : (i + 1) * per_step]
        out.append((value_of(block[1]), value_of(block[3]) if two else None))
    return out


def reference(net, X, y, loss, lr):
    """Every step from backprop, loss_and_grads and a hand-made update."""
    ref = nets.backprop(net, X, y, loss)
    g = ref.grads
    moved = net.copy(**{k: getattr(net, k) - lr * v for k, v in g.items()})
    z1, h, logits, _ = nets.forward(moved, X)
    p_new = ref.probs.copy()
    p_new[:, -1] = nets.predict_proba(moved, X)
    if net.head == "softmax":
        p_new[:, 0] = 1 - p_new[:, 1]
    values = [ref.z1, ref.h, ref.logits, ref.probs, ref.loss, ref.dlogits]
    values += [g.W2, g.b2, ref.dh, ref.dz1, g.W1, g.b1]
    values += [moved.W1, moved.b1, moved.W2, moved.b2, p_new]
    return values


def assert_shown(shown, expected, decimals):
    shown = np.asarray(shown, float)
    expected = np.atleast_2d(np.asarray(expected, float))
    if expected.shape != shown.shape:
        expected = expected.reshape(shown.shape)
    np.testing.assert_allclose(shown, expected, rtol=0, atol=0.51 * 10.0**-decimals)


@pytest.mark.parametrize("preset", list(PRESETS))
def test_every_number_on_the_page_agrees_with_backprop(preset):
    at = open_page()
    at.selectbox(key="bp_source").select(preset).run()
    at.slider(key="bp_decimals").set_value(8).run()
    assert not at.exception
    p = PRESETS[preset]
    sig = nets.Net.from_dict(p["net"])
    X, y, loss, lr = np.array(p["X"]), np.array(p["y"]), p["loss"], p["lr"]
    shown = shown_values(at)
    for (s, _), exp in zip(shown, reference(sig, X, y, loss, lr), strict=True):
        assert_shown(s, exp, 8)
    if shown[0][1] is not None:
        soft = nets.sigmoid_to_softmax(sig)
        for (_, t), exp in zip(shown, reference(soft, X, y, loss, lr), strict=True):
            assert_shown(t, exp, 8)


def test_squared_error_preset_shows_the_cases_numbers():
    case = load_case("worked_example_squared_error.json")
    exp = case["expected"]
    at = open_page()
    at.selectbox(key="bp_source").select(SQUARED).run()
    at.slider(key="bp_decimals").set_value(8).run()
    assert at.radio(key="bp_loss").value == "squared_error"
    shown = dict(zip(nets.STEP_KEYS, (s for s, _ in shown_values(at)), strict=True))
    assert_shown(shown["h"], [exp["h"]], 8)
    assert_shown(shown["p"], [[exp["o"]]], 8)
    assert_shown(shown["loss"], [[exp["E"]]], 8)
    for name in nets.PARAMS:
        assert_shown(shown[f"d{name}"], exp["grad"][name], 8)
    # the target 0.01 is not a class, so the softmax head is left out, with a reason
    assert any("softmax head is left out" in i.value for i in at.info)


def test_gradient_check_tables_agree_and_batch_shows_per_sample_mean():
    at = open_page()
    at.selectbox(key="bp_source").select("Preset: batch of four, XOR corners").run()
    checks = [df.value for df in at.dataframe if "relative error" in df.value]
    assert len(checks) == 2
    p = PRESETS["Preset: batch of four, XOR corners"]
    sig = nets.Net.from_dict(p["net"])
    rows = nets.gradient_check(sig, p["X"], p["y"])
    np.testing.assert_allclose(checks[0]["analytic"], [r.analytic for r in rows])
    np.testing.assert_allclose(
        checks[0]["central difference"], [r.numeric for r in rows], rtol=1e-12
    )
    assert (checks[0]["relative error"] < 1e-6).all()
    per = [df.value for df in at.dataframe if "mean = batch gradient" in df.value.index]
    _, grads = nets.loss_and_grads(sig, p["X"], p["y"])
    mean = per[0].loc["mean = batch gradient"]
    np.testing.assert_allclose(mean["dW1[0,1]"], grads.W1[0, 1], rtol=1e-12)
    np.testing.assert_allclose(mean["db2[0]"], grads.b2[0], rtol=1e-12)


def test_twin_relations_are_marked_on_the_page():
    at = open_page()
    # the badge lines under the steps (the Markdown preview repeats them in words)
    text = " ".join(m.value for m in at.markdown if m.value.startswith(":"))
    assert text.count("equal in both nets ✓") == len(nets.relations.EQUAL)
    assert text.count("softmax rows are opposite") == 3
    assert text.count("row difference moves twice as far") == 2
    assert "not here" not in text


def test_carrying_rounded_values_shows_the_drift():
    at = open_page()
    at.slider(key="bp_decimals").set_value(2).run()
    at.toggle(key="bp_carry").set_value(True).run()
    drift = [c.value for c in at.caption if c.value.startswith("drift from exact")]
    assert len(drift) == 2 * len(nets.STEP_KEYS)
    gaps = [float(d.rsplit("=", 1)[1]) for d in drift]
    assert max(gaps) > 0 and max(gaps) < 0.05


def fill(at, seed, answers):
    """Type ``answers`` ({key: array}) into the exercise form."""
    for key, value in answers.items():
        value = np.asarray(value, float)
        for idx in np.ndindex(value.shape):
            box = f"ex_{seed}_{key}_{'_'.join(map(str, idx))}"
            at.text_input(key=box).input(f"{value[idx]:.4f}")


def test_exercise_from_the_address_checks_answers_and_names_a_slip():
    at = open_page({"seed": "42"})
    assert at.segmented_control(key="bp_mode").value == "Exercise"
    assert at.number_input(key="ex_seed").value == 42
    ex = nets.make_exercise(42)
    ref = nets.backprop(ex.net, ex.X, ex.y)
    answers = {"z1": ref.z1, "h": ref.h, "logits": ref.logits, "p": ref.probs}
    answers |= {"loss": ref.loss, "dlogits": ref.dlogits, "dW2": ref.grads.W2}
    answers["db2"] = ref.grads.b2 + 0.1  # the slip
    answers["dh"] = ref.dh
    fill(at, 42, answers)
    at.button(key="FormSubmitter:ex_form_42-Check my answers").click().run()
    assert not at.exception
    errors = [e.value for e in at.error]
    assert len(errors) == 1 and "First wrong step: 8. head bias gradient" in errors[0]
    assert f"the right value is {ref.grads.b2[0]:.6g}." in errors[0]
    assert any(r"\frac{\partial L}{\partial b_2}" in la.value for la in at.latex)
    assert at.query_params["seed"] == "42"


def download_labels(at):
    return [el.proto.label for el in at.get("download_button")]


def test_the_answer_key_is_offered_only_behind_the_teacher_switch():
    at = open_page({"seed": "42"})
    assert "Answer key (Markdown)" not in download_labels(at)
    at.button(key="FormSubmitter:ex_form_42-Check my answers").click().run()
    assert "Answer key (Markdown)" not in download_labels(at)  # not after a check
    teacher = at.toggle(key="ex_teacher")
    assert teacher.label == "Show the answer key (for teachers)"
    teacher.set_value(True).run()
    assert not at.exception
    assert download_labels(at) == ["Answer key (Markdown)"]


def test_bad_seed_in_the_address_warns_and_falls_back():
    at = open_page({"seed": "twelve"})
    assert at.number_input(key="ex_seed").value == 1
    assert any("could not be used" in w.value for w in at.warning)
    assert at.query_params["seed"] == "1"


def test_json_import_loads_a_good_file_and_keeps_the_net_on_a_bad_one():
    at = open_page()
    case_file = (CASES / "worked_example_squared_error.json").read_bytes()
    at.file_uploader(key="bp_upload").upload("case.json", case_file).run()
    assert not at.exception and not at.error
    assert at.selectbox(key="bp_source").value == "Imported file"
    assert at.radio(key="bp_loss").value == "squared_error"
    first = value_of(at.latex[1].value)
    case = load_case("worked_example_squared_error.json")
    z1 = np.array(case["X"]) @ np.array(case["W1"]).T + case["b1"]
    np.testing.assert_allclose(first, z1, atol=5.1e-5)

    at.file_uploader(key="bp_upload").set_value(
        ("broken.json", b'{"W1": [[1, 2]], "b1": [0]}', "application/json")
    ).run()
    assert not at.exception
    assert any("broken.json was not loaded" in e.value for e in at.error)
    assert any("missing W2, b2" in e.value for e in at.error)
    assert at.selectbox(key="bp_source").value == "Imported file"
    np.testing.assert_allclose(value_of(at.latex[1].value), first)


def test_nets_offered_by_another_page_are_shown_with_their_own_softmax_twin():
    sig = nets.Net.from_dict(PRESETS["Preset: one sample, cross-entropy"]["net"])
    mapped = nets.sigmoid_to_softmax(sig, shift="symmetric")
    unrelated = mapped.copy(W2=[[0.1, 0.2], [0.3, 0.4]])
    for soft, related in ((mapped, True), (unrelated, False)):
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
        at.run()
        at.session_state["shared_nets"] = {
            "Weights page": (sig.to_dict(), soft.to_dict())
        }
        at.switch_page("views/backprop.py").run()
        at.selectbox(key="bp_source").select("Weights page").run()
        assert not at.exception
        shown = shown_values(at)
        # the softmax column shows the offered net's own head, not a mapped one
        z2 = nets.forward(soft, np.array([[0.5, -1.0]]))[2]
        assert_shown(shown[2][1], z2, 4)
        badges = " ".join(m.value for m in at.markdown if m.value.startswith(":"))
        assert ("not here" in badges) is not related
