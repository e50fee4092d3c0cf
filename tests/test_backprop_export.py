"""Exports round-trip; JSON import rejects bad files with a clear message."""

import csv
import io
import json
import re

import numpy as np
import pytest
from conftest import CASES, load_case

import nets
from nets.export import latex_value, read_net_json


def example():
    net = nets.Net(
        W1=[[0.1, 0.2], [0.3, -0.4]],
        b1=[0.0, 0.1],
        W2=[[0.7, -0.5]],
        b2=[0.2],
        activation="sigmoid",
    )
    X, y = np.array([[0.5, -1.0], [0.25, 0.75]]), np.array([1.0, 0.0])
    return net, X, y


def test_net_json_round_trips_net_twin_batch_loss_and_rate():
    net, X, y = example()
    soft = nets.sigmoid_to_softmax(net, shift=0.3)
    text = nets.net_json(net, X, y, "squared_error", 0.25, softmax_net=soft)
    back = read_net_json(text)
    for name in nets.PARAMS:
        np.testing.assert_array_equal(getattr(back["net"], name), getattr(net, name))
        np.testing.assert_array_equal(
            getattr(back["softmax_net"], name), getattr(soft, name)
        )
    np.testing.assert_array_equal(back["X"], X)
    np.testing.assert_array_equal(back["y"], y)
    assert back["loss"] == "squared_error" and back["lr"] == 0.25


def test_a_shared_case_file_imports_as_it_is():
    case = load_case("worked_example_squared_error.json")
    back = read_net_json((CASES / "worked_example_squared_error.json").read_bytes())
    assert back["net"].head == "sigmoid" and back["net"].activation == "sigmoid"
    np.testing.assert_array_equal(back["net"].W1, case["W1"])
    np.testing.assert_array_equal(back["y"], case["target"])
    assert back["loss"] == "squared_error"


def test_csv_holds_every_entry_of_every_step_with_its_drift():
    net, X, y = example()
    exact = {"sigmoid": nets.worked_steps(net, X, y)}
    carried = {"sigmoid": nets.worked_steps(net, X, y, decimals=3)}
    rows = list(csv.DictReader(io.StringIO(nets.steps_csv(exact, carried))))
    n_entries = sum(np.asarray(s.value).size for s in exact["sigmoid"])
    assert len(rows) == n_entries
    _, grads = nets.loss_and_grads(net, X, y)
    for row in rows:
        if row["step"] == "dW1":
            i, j = map(int, row["index"].split(","))
            assert float(row["exact"]) == grads.W1[i, j]  # repr round-trips exactly
            drift = float(row["carried"]) - float(row["exact"])
            assert float(row["drift"]) == pytest.approx(drift, abs=1e-15)
            assert abs(drift) < 5e-3


def test_markdown_has_every_step_formula_and_value():
    net, X, y = example()
    steps = nets.worked_steps(net, X, y)
    md = nets.worked_markdown("Worked", {"sigmoid head": steps}, decimals=4)
    assert md.startswith("# Worked")
    assert len(re.findall(r"^## \d+\. ", md, flags=re.M)) == len(nets.STEP_KEYS)
    for step in steps:
        assert f"$$\n{step.formula}\n$$" in md
    _, grads = nets.loss_and_grads(net, X, y)
    assert f"{grads.b2[0]:.4f}" in md
    # LaTeX environments are balanced, so the file renders
    assert md.count(r"\begin{bmatrix}") == md.count(r"\end{bmatrix}") > 0
    assert md.count("$$") % 2 == 0


def test_latex_value_shapes_and_signs():
    assert latex_value(-0.00001, 3) == "0.000"
    assert latex_value([1, -2], 1) == r"\begin{bmatrix} 1.0 & -2.0 \end{bmatrix}"
    assert latex_value([[1], [2]], 0) == r"\begin{bmatrix} 1 \\ 2 \end{bmatrix}"


GOOD = json.loads(nets.net_json(*example()))


def changed(**changes):
    data = json.loads(json.dumps(GOOD))
    for key, value in changes.items():
        if "." in key:
            outer, inner = key.split(".")
            data[outer][inner] = value
        elif value is None:
            data.pop(key)
        else:
            data[key] = value
    return json.dumps(data)


@pytest.mark.parametrize(
    "text, message",
    [
        ("{not json", "not valid JSON: .* line 1, column 2"),
        ("[1, 2]", "must hold a JSON object; it holds a list"),
        (b"\xff\xfe", "not UTF-8"),
        (changed(**{"net.W2": [[1, 2, 3]]}), r"W2 must have shape \(1, 2\)"),
        (changed(**{"net.activation": "swish"}), "activation must be one of"),
        (changed(**{"net.b1": "x"}), "b1 must be a 1-D array of numbers"),
        (changed(X=[[1, 2, 3]], y=[1]), "rows of 2 numbers"),
        (changed(X=[[1, 2]] * 5, y=[1] * 5), "1 to 4 samples"),
        (changed(y=[1, 0, 1]), "one number per row of X"),
        (changed(y=None), "X without y"),
        (changed(y=[2, 0]), "between 0 and 1"),
        (changed(loss="hinge"), "loss must be one of"),
        (changed(lr=-1), "lr must be a number > 0"),
        (json.dumps({"W1": [[1, 2]]}), "missing b1, W2, b2, activation"),
    ],
)
def test_bad_json_gets_a_clear_message(text, message):
    with pytest.raises(ValueError, match=message):
        read_net_json(text)


def test_a_mismatched_softmax_twin_is_rejected():
    net, X, y = example()
    soft = nets.sigmoid_to_softmax(net)
    wide = nets.init_net(2, 3, "sigmoid", "softmax")
    with pytest.raises(ValueError, match="does not match the sigmoid net"):
        read_net_json(nets.net_json(net, softmax_net=wide))
    with pytest.raises(ValueError, match="must have a softmax head"):
        read_net_json(nets.net_json(net, softmax_net=net))
    assert read_net_json(nets.net_json(soft))["net"].head == "softmax"


GOOD_NET = {
    "W1": [[0.1, 0.2], [0.3, -0.4]],
    "b1": [0.0, 0.1],
    "W2": [[0.7, -0.5]],
    "b2": [0.2],
    "activation": "sigmoid",
    "head": "sigmoid",
}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (json.dumps({"net": GOOD_NET, "X": [[10**400, 1]], "y": [1]}), "too large"),
        (json.dumps({**GOOD_NET, "loss": ["squared_error"]}), "loss must be one of"),
        ("[" * 100_000, "nested too deeply|not valid JSON"),
        (json.dumps({**GOOD_NET, "W2": [[1e300, 0.0]]}), "weights must lie within"),
        (
            json.dumps(
                {
                    **GOOD_NET,
                    "W1": [[0.1, 0.2]] * 3000,
                    "b1": [0.0] * 3000,
                    "W2": [[0.1] * 3000],
                }
            ),
            "at most 8 inputs and 8 hidden units",
        ),
    ],
)
def test_a_crafted_file_is_refused_with_a_message_not_a_crash(text, message):
    with pytest.raises(ValueError, match=message):
        nets.read_net_json(text)


def test_a_byte_order_mark_is_fine():
    text = "\ufeff" + json.dumps(GOOD_NET)
    assert nets.read_net_json(text.encode("utf-8"))["net"].n_hidden == 2
    assert nets.read_net_json(text)["net"].n_hidden == 2


def test_inputs_beyond_the_limit_are_refused():
    text = json.dumps({"net": GOOD_NET, "X": [[1e300, 1.0]], "y": [1.0]})
    with pytest.raises(ValueError, match="X must lie within"):
        nets.read_net_json(text)
