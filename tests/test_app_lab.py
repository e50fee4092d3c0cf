"""The Lab page under Streamlit's AppTest: its controls drive the run it shows."""

import json

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT
from ui.lab_presets import PRESETS


def lab(query=None):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    for k, v in (query or {}).items():
        at.query_params[k] = v
    at.switch_page("views/lab.py")
    return at.run()


def metric(at, label):
    return next(m.value for m in at.metric if m.label == label)


def test_step_play_pause_and_reset_move_the_epoch_counter():
    at = lab()
    assert not at.exception and not at.error
    assert metric(at, "Epoch") == "0"
    at.button(key="lab_step").click().run()
    assert metric(at, "Epoch") == "1"
    at.button(key="lab_play").click().run()  # one live update: 5 epochs by default
    assert metric(at, "Epoch") == "6"
    assert at.session_state["lab_playing"]
    at.button(key="lab_pause").click().run()
    assert not at.session_state["lab_playing"]
    assert metric(at, "Epoch") == "6"
    at.button(key="lab_reset").click().run()
    assert metric(at, "Epoch") == "0"


def test_epochs_per_update_and_the_epoch_limit():
    at = lab()
    at.slider(key="lab_speed").set_value(20)
    at.number_input(key="lab_max_epochs").set_value(30).run()
    at.button(key="lab_play").click().run()
    assert metric(at, "Epoch") == "20"
    at.run()  # the next live update stops at the limit and says so
    assert metric(at, "Epoch") == "30"
    assert not at.session_state["lab_playing"]
    assert any("epoch limit" in i.value for i in at.info)


def test_a_target_loss_stops_the_run():
    at = lab()
    at.number_input(key="lab_target_loss").set_value(0.5).run()
    at.slider(key="lab_speed").set_value(100)
    at.button(key="lab_play").click().run()
    at.run()
    assert any("target" in i.value for i in at.info)
    run = at.session_state["lab_run"]
    assert all(t.history.train_loss[-1] <= 0.5 for t in run["twins"].trainers)


def test_a_changed_setting_starts_a_new_run_with_it():
    at = lab()
    at.button(key="lab_step").click().run()
    at.slider(key="lab_hidden").set_value(2)
    at.selectbox(key="lab_optimizer").set_value("adam")
    at.multiselect(key="lab_features").set_value(["x1", "x2", "x1x2"]).run()
    assert metric(at, "Epoch") == "0"
    net = at.session_state["lab_run"]["twins"].sigmoid.net
    assert net.W1.shape == (2, 3)
    assert at.session_state["lab_run"]["twins"].sigmoid.opt.spec.name == "adam"
    assert at.query_params["optimizer"] == "adam"
    assert at.query_params["features"] == "x1,x2,x1x2"


@pytest.mark.parametrize("name", list(PRESETS))
def test_each_preset_sets_its_settings_and_the_statement_follows(name):
    at = lab()
    at.button(key=f"lab_preset_{name}").click().run()
    assert not at.exception
    assert at.session_state["lab_playing"]
    if name.startswith("holds"):
        assert at.success and "Guaranteed" in at.success[0].value
        assert float(metric(at, "Largest |ΔP| on the grid")) < 1e-12
    else:
        assert any(w.value.startswith(("Not guaranteed", "Broken")) for w in at.warning)


def test_each_pairing_mode_runs():
    for pairing in ("matched", "same", "independent"):
        at = lab({"pairing": pairing})
        at.button(key="lab_step").click().run()
        assert not at.exception and not at.error
        assert at.session_state["lab_run"]["twins"].epoch == 1


def test_settings_come_from_the_link_and_bad_values_are_named():
    at = lab({"data": "spiral", "hidden": "6", "lr": "50", "reg": "l5"})
    assert at.selectbox(key="lab_data").value == "spiral"
    assert at.slider(key="lab_hidden").value == 6
    assert at.number_input(key="lab_lr").value == 10.0
    notes = " ".join(w.value for w in at.warning)
    assert "lr:" in notes and "using 10" in notes and "reg:" in notes


def test_two_hidden_units_show_the_hidden_space():
    at = lab({"hidden": "2"})
    specs = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    titles = [s["layout"]["title"]["text"] for s in specs]
    assert any("Hidden space" in t for t in titles)
    space = specs[[i for i, t in enumerate(titles) if "Hidden space" in t][0]]
    lines = [t["name"] for t in space["data"] if t.get("mode") == "lines"]
    assert lines == ["sigmoid head: p = 0.5", "softmax head: p = 0.5"]


def test_epoch_0_shows_axes_from_0_and_the_rounding_note():
    at = lab()
    accuracy = next(
        json.loads(c.proto.spec)
        for c in at.get("plotly_chart")
        if "Accuracy" in json.loads(c.proto.spec)["layout"]["title"]["text"]
    )
    assert accuracy["layout"]["xaxis"]["range"] == [0, 1]
    assert all("markers" in t["mode"] for t in accuracy["data"])
    assert any("1e-13" in c.value and "lockstep" in c.value for c in at.caption)
