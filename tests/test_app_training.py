"""The app and the Training page under Streamlit's AppTest (no browser)."""

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

import nets
from tests.conftest import ROOT


def run_app(timeout=120):
    return AppTest.from_file(str(ROOT / "app.py"), default_timeout=timeout).run()


def test_app_starts_on_the_training_page_without_an_exception():
    at = run_app()
    assert not at.exception
    assert not at.error
    assert any("two heads, one body" in t.value for t in at.title)


def test_training_on_iris_shows_charts_and_matches_a_direct_run():
    at = run_app()
    at.sidebar.number_input(key="train_epochs").set_value(200)
    at.sidebar.button(key="train_go").click().run()
    assert not at.exception and not at.error

    result = at.session_state["training_result"]
    assert result["settings"]["data"][0] == "iris"
    charts = at.get("plotly_chart")
    assert len(charts) == 3

    # the same run straight through nets gives the same nets
    data = nets.load_iris()
    scaler = data.scaler
    twins = nets.train_twins(
        scaler.transform(data.X_train),
        data.y_train,
        scaler.transform(data.X_test),
        data.y_test,
        n_hidden=4,
        activation="tanh",
        pairing="matched",
        lr=0.3,
        lr_head=0.3,
        epochs=200,
        seed=0,
    )
    X = scaler.transform(np.vstack([data.X_train, data.X_test]))
    for t in twins.trainers:
        shown = result["nets"][t.name]
        np.testing.assert_allclose(
            nets.predict_proba(shown, X), nets.predict_proba(t.net, X), rtol=0, atol=0
        )
    assert result["histories"]["sigmoid"]["epoch"][-1] == 200


@pytest.mark.parametrize("pairing", ["matched", "same"])
def test_gap_metric_is_tiny_only_when_matched(pairing):
    at = run_app()
    at.sidebar.radio(key="train_pairing").set_value(pairing)
    at.sidebar.button(key="train_go").click().run()
    gap = float(at.metric[0].value)
    if pairing == "matched":
        assert gap < 1e-12
    else:
        assert gap > 1e-4


def test_a_diverging_rate_stops_with_a_message_naming_it():
    at = run_app()
    at.sidebar.selectbox(key="train_data").set_value("xor")
    at.sidebar.selectbox(key="train_act").set_value("relu")
    at.sidebar.number_input(key="train_lr").set_value(1000.0)
    at.sidebar.number_input(key="train_lr_head").set_value(1000.0)
    at.sidebar.button(key="train_go").click().run()
    assert not at.exception
    messages = [e.value for e in at.error]
    assert messages, "a diverged run must say so"
    assert any("learning rate 1000" in m and "diverged" in m for m in messages)
    for net in at.session_state["training_result"]["nets"].values():
        assert all(np.all(np.isfinite(a)) for a in net.params().values())


def test_every_data_set_trains_without_an_exception():
    at = run_app()
    at.sidebar.number_input(key="train_epochs").set_value(20)
    for name in ("tips", "circle", "xor", "gauss", "spiral", "moons"):
        at.sidebar.selectbox(key="train_data").set_value(name)
        at.sidebar.button(key="train_go").click().run()
        assert not at.exception, name
        assert not at.error, name
        assert at.session_state["training_result"]["settings"]["data"][0] == name


def test_changed_settings_ask_for_a_new_run():
    at = run_app()
    at.sidebar.slider(key="train_hidden").set_value(2).run()
    assert any("Press **Train**" in i.value for i in at.info)


def test_a_run_too_long_for_the_page_is_refused_and_the_last_result_kept():
    at = run_app()
    before = at.session_state["training_result"]
    at.sidebar.number_input(key="train_epochs").set_value(20_000)
    at.sidebar.number_input(key="train_batch").set_value(1)
    at.sidebar.button(key="train_go").click().run()
    assert not at.exception
    assert any("gradient steps per net" in e.value for e in at.error)
    assert at.session_state["training_result"] is before


def test_matched_nets_that_part_at_a_chaotic_rate_are_not_called_equal():
    at = run_app()
    at.sidebar.selectbox(key="train_data").set_value("xor")
    at.sidebar.slider(key="train_hidden").set_value(8)
    at.sidebar.number_input(key="train_lr").set_value(30.0)
    at.sidebar.number_input(key="train_lr_head").set_value(30.0)
    at.sidebar.button(key="train_go").click().run()
    gap = float(at.metric[0].value)
    assert gap > 1e-9
    assert any("training is chaotic" in w.value for w in at.warning)
    assert not any("about 1e-16" in m.value for m in at.markdown)


def test_a_loss_that_ends_above_its_start_is_called_out():
    at = run_app()
    at.sidebar.radio(key="train_pairing").set_value("same")
    at.sidebar.number_input(key="train_lr").set_value(100.0)
    at.sidebar.number_input(key="train_lr_head").set_value(100.0)
    at.sidebar.button(key="train_go").click().run()
    hist = at.session_state["training_result"]["histories"]["softmax"]
    assert hist["train_loss"][-1] > hist["train_loss"][0]
    assert any(
        "softmax net's training loss ended higher" in w.value for w in at.warning
    )
