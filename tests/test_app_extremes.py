"""Every slider and number input of every page, at its least and greatest value.

The page must rerun without an exception and show no NaN or inf anywhere.
"""

import re

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT

PAGES = ["training", "weights", "backprop", "lab"]
NOT_A_NUMBER = re.compile(r"\b(nan|inf)\b", re.IGNORECASE)


def shown_text(at):
    parts = []
    for kind in (
        "markdown",
        "metric",
        "latex",
        "caption",
        "info",
        "warning",
        "error",
        "success",
        "text",
        "title",
        "header",
        "subheader",
    ):
        parts += [str(el.value) for el in at.get(kind)]
    return "\n".join(parts)


def assert_clean(at, where):
    assert not at.exception, f"{where}: {at.exception[0].value}"
    found = NOT_A_NUMBER.search(shown_text(at))
    assert found is None, f"{where}: shows {found.group(0)!r}"
    for frame in at.dataframe:
        values = frame.value.select_dtypes("number").to_numpy(dtype=float)
        assert np.all(np.isfinite(values)), f"{where}: a table holds NaN or inf"
        cells = frame.value.astype(str).to_numpy().ravel()
        assert not any(NOT_A_NUMBER.search(c) for c in cells), f"{where}: a table"


def bounds(widget):
    proto = widget.proto
    if widget.type == "slider":
        return proto.min, proto.max
    lo = proto.min if proto.has_min else None
    hi = proto.max if proto.has_max else None
    return lo, hi


@pytest.mark.parametrize("name", PAGES)
def test_every_slider_and_number_input_at_both_ends(name):
    at = AppTest.from_file(str(ROOT / "views" / f"{name}.py"), default_timeout=120)
    at.run()
    assert_clean(at, f"{name} at first")
    keys = [(w.type, w.key) for w in [*at.slider, *at.number_input] if w.key]
    assert keys, "every page has sliders or number inputs"
    for kind, key in keys:
        for end in (0, 1):
            widgets = [w for w in at.get(kind) if w.key == key]
            if not widgets:
                continue  # another setting hid it
            widget = widgets[0]
            value = bounds(widget)[end]
            if value is None:
                continue
            if kind == "number_input" and widget.proto.data_type == 0:  # int
                value = int(value)
            elif kind == "slider" and widget.proto.data_type == 0:
                value = int(value)
            widget.set_value(value).run()
            assert_clean(at, f"{name}: {key} = {value}")
    # with every input at its greatest value (learning rate 1000 among them), train
    buttons = {"training": "train_go", "lab": "lab_step"}
    if name in buttons:
        at.button(key=buttons[name]).click().run()
        assert_clean(at, f"{name}: trained at the greatest settings")


@pytest.mark.parametrize("loss", ["cross_entropy", "squared_error"])
def test_backprop_with_logits_of_ten_thousand_shows_no_nan(loss):
    at = AppTest.from_file(str(ROOT / "views" / "backprop.py"), default_timeout=120)
    at.run()
    big = {
        "W1": [[3.0, -2.0], [1.0, 4.0]],
        "b1": [0.5, -0.5],
        "W2": [[1e4, -1e4]],
        "b2": [5e3],
        "activation": "tanh",
        "head": "sigmoid",
    }
    # what a JSON import leaves in the session: two samples, one on each side
    at.session_state["bp_imported"] = {
        "net": big,
        "softmax_net": None,
        "X": [[1.0, 1.0], [-1.0, 2.0]],
        "y": [0.0, 1.0],
        "loss": loss,
        "lr": 100.0,
    }
    at.run()
    at.selectbox(key="bp_source").set_value("Imported file").run()
    at.radio(key="bp_loss").set_value(loss).run()
    at.number_input(key="bp_lr").set_value(100.0).run()
    assert_clean(at, f"backprop, logits near 1e4, {loss}")
    assert "10000" in shown_text(at).replace(",", "").replace(" ", "")
