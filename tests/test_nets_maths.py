"""Activations, heads and the forward/backward pass against known values.

Expected numbers come from the shared case files (computed by an independent
implementation), from closed-form maths, or from identities.
"""

import json
import math

import numpy as np
import pytest

import nets
from nets.heads import head_proba
from tests.conftest import CASES

ACTS = sorted(nets.ACTIVATIONS)
HEADS = sorted(nets.HEADS)


def load_case(name):
    return json.loads((CASES / name).read_text())


def net_from_case(case, head_key=None, head="sigmoid"):
    """The net described by a case file; ``head_key`` picks one of its heads."""
    weights = case["heads"][head_key] if head_key else case
    return nets.Net(
        W1=case["W1"],
        b1=case["b1"],
        W2=weights["W2"],
        b2=weights["b2"],
        activation=case["hidden_activation"],
        head=head,
    )


def random_net(activation, head, seed, n_inputs=3, n_hidden=4, scale=1.0):
    rng = np.random.default_rng(seed)
    n_out = nets.HEADS[head]
    return nets.Net(
        W1=rng.normal(0, scale, (n_hidden, n_inputs)),
        b1=rng.normal(0, scale, n_hidden),
        W2=rng.normal(0, scale, (n_out, n_hidden)),
        b2=rng.normal(0, scale, n_out),
        activation=activation,
        head=head,
    )


# activations


def closed_form(name, z):
    """Each activation written out directly, valid for moderate z."""
    return {
        "tanh": (np.exp(z) - np.exp(-z)) / (np.exp(z) + np.exp(-z)),
        "relu": np.where(z > 0, z, 0.0),
        "sigmoid": 1.0 / (1.0 + np.exp(-z)),
        "linear": z,
    }[name]


@pytest.mark.parametrize("name", ACTS)
def test_activation_matches_its_formula(name):
    z = np.linspace(-6, 6, 121)
    act = nets.get_activation(name)
    np.testing.assert_allclose(act.f(z), closed_form(name, z), rtol=1e-13, atol=1e-15)
    assert act.name == name


@pytest.mark.parametrize("name", ACTS)
def test_activation_derivative_matches_central_difference(name):
    z = np.linspace(-4, 4, 80) + 0.0125  # never exactly at relu's kink
    act = nets.get_activation(name)
    eps = 1e-6
    numeric = (act.f(z + eps) - act.f(z - eps)) / (2 * eps)
    np.testing.assert_allclose(act.df(z, act.f(z)), numeric, rtol=1e-7, atol=1e-9)


def test_relu_derivative_at_zero_is_zero_as_in_pytorch():
    act = nets.get_activation("relu")
    assert act.df(np.array([0.0]), act.f(np.array([0.0])))[0] == 0.0


def test_sigmoid_symmetry_and_no_overflow():
    z = np.array([-1e308, -800.0, -30.0, -1.0, 0.0, 1.0, 30.0, 800.0, 1e308])
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        s = nets.sigmoid(z)
    np.testing.assert_allclose(s + nets.sigmoid(-z), 1.0, rtol=0, atol=1e-16)
    assert np.all((s >= 0) & (s <= 1))


def test_unknown_activation_names_the_choices():
    with pytest.raises(ValueError, match="activation must be one of .*'swish'"):
        nets.get_activation("swish")


# heads at extreme logits


EXTREME = load_case("extreme_logits.json")
TOL = {
    "rtol": EXTREME["tolerance"]["relative"],
    "atol": EXTREME["tolerance"]["absolute"],
}


def sigmoid_head_loss(z, label):
    """Loss, dL/dz and p of the sigmoid head on one sample with logit ``z``."""
    value, dZ, P = nets.head_loss("sigmoid", np.array([[z]]), np.array([label]))
    return value, dZ[0, 0], P[0, 0]


@pytest.mark.parametrize("row", EXTREME["sigmoid_rows"], ids=lambda r: f"z={r['z']}")
def test_sigmoid_head_at_extreme_logits(row):
    z = np.array([row["z"]])
    np.testing.assert_allclose(nets.sigmoid(z), [row["sigmoid"]], **TOL)
    np.testing.assert_allclose(nets.log_sigmoid(z), [row["log_sigmoid"]], **TOL)
    np.testing.assert_allclose(
        nets.log_sigmoid(-z), [row["log_one_minus_sigmoid"]], **TOL
    )
    for label in (0, 1):
        value, dz, _ = sigmoid_head_loss(row["z"], label)
        np.testing.assert_allclose(value, row[f"bce_label{label}"], **TOL)
        np.testing.assert_allclose(dz, row[f"dloss_dz_label{label}"], **TOL)


def exact_log_softmax(z0, z1):
    """Two-class log-softmax in closed form: the smaller logit sits |d| below."""
    d = abs(z1 - z0)
    rest = math.log1p(math.exp(-d))
    top, low = -rest, -d - rest
    return [top, low] if z0 >= z1 else [low, top]


@pytest.mark.parametrize(
    "row", EXTREME["softmax_rows"], ids=lambda r: f"logits={r['logits']}"
)
def test_softmax_head_at_extreme_logits(row):
    Z = np.array([row["logits"]])
    np.testing.assert_allclose(nets.softmax(Z)[0], row["softmax"], **TOL)
    # the case rounds log(1 - 1.8e-35) at logits (40, -40) to 0.0, while float64
    # holds it: within 1e-34 of the case, and exact against the closed form
    near_case = {"rtol": TOL["rtol"], "atol": 1e-34}
    exact = exact_log_softmax(*row["logits"])
    np.testing.assert_allclose(nets.log_softmax(Z)[0], row["log_softmax"], **near_case)
    np.testing.assert_allclose(nets.log_softmax(Z)[0], exact, rtol=1e-15, atol=0)
    for label in (0, 1):
        value, dZ, P = nets.head_loss("softmax", Z, np.array([label]))
        assert np.isfinite(value) and np.all(np.isfinite(dZ))
        np.testing.assert_allclose(value, -row["log_softmax"][label], **near_case)
        np.testing.assert_allclose(value, -exact[label], rtol=1e-15, atol=0)
        # dL/dz = p - y, whatever the size of the logits
        np.testing.assert_allclose(dZ[0], P[0] - np.eye(2)[label], rtol=0, atol=0)


def test_two_class_cross_entropy_is_bce_of_the_difference():
    case = load_case("two_class_ce_is_bce_of_difference.json")
    z0, z1 = case["logits"]
    y = np.array([case["label"]])
    soft = nets.head_loss("softmax", np.array([[z0, z1]]), y)[0]
    sig = nets.head_loss("sigmoid", np.array([[z1 - z0]]), y)[0]
    assert soft == pytest.approx(case["expected_loss"], rel=case["tolerance"])
    assert sig == pytest.approx(case["bce_of_difference"], rel=case["tolerance"])


def test_softmax_class1_is_sigmoid_of_logit_difference():
    Z = np.random.default_rng(0).normal(0, 20, (500, 2))
    np.testing.assert_allclose(
        head_proba("softmax", Z), nets.sigmoid(Z[:, 1] - Z[:, 0]), rtol=1e-13
    )


def test_softmax_logit_gradients_are_opposite():
    rng = np.random.default_rng(1)
    Z, y = rng.normal(0, 3, (50, 2)), rng.integers(0, 2, 50)
    _, dZ, _ = nets.head_loss("softmax", Z, y)
    np.testing.assert_allclose(dZ[:, 0], -dZ[:, 1], rtol=0, atol=1e-17)


@pytest.mark.parametrize("head", HEADS)
def test_cross_entropy_is_mean_of_minus_log_likelihood(head):
    rng = np.random.default_rng(2)
    Z = rng.normal(0, 3, (40, nets.HEADS[head]))
    y = rng.integers(0, 2, 40)
    value, dZ, _ = nets.head_loss(head, Z, y)
    p = head_proba(head, Z)
    expected = -np.mean(np.where(y == 1, np.log(p), np.log1p(-p)))
    assert value == pytest.approx(expected, rel=1e-12)
    assert dZ.shape == Z.shape


def test_squared_error_loss_and_logit_gradient():
    z, t = np.array([[-1.0], [0.3], [2.0]]), np.array([0.0, 0.25, 1.0])
    p = 1 / (1 + np.exp(-z[:, 0]))
    value, dZ, _ = nets.head_loss("sigmoid", z, t, "squared_error")
    assert value == pytest.approx(0.5 * np.mean((p - t) ** 2), rel=1e-14)
    # d/dz of (p - t)^2 / 2, averaged over the three samples
    np.testing.assert_allclose(dZ[:, 0], (p - t) * p * (1 - p) / 3, rtol=1e-14)


# the three heads of one sample, and the worked squared-error example


THREE = load_case("one_sample_three_heads.json")


@pytest.mark.parametrize("head_key", sorted(THREE["heads"]))
def test_three_equivalent_heads_on_one_sample(head_key):
    head = "sigmoid" if head_key == "sigmoid" else "softmax"
    net = net_from_case(THREE, head_key, head)
    expected, tol = THREE["expected"][head_key], THREE["tolerance"]

    loss, grads = nets.loss_and_grads(net, THREE["X"], THREE["y"])

    np.testing.assert_allclose(
        nets.predict_proba(net, THREE["X"]), expected["p_class1"], rtol=tol
    )
    assert loss == pytest.approx(expected["mean_cross_entropy"], rel=tol)
    for name in nets.PARAMS:
        np.testing.assert_allclose(grads[name], expected["grad"][name], rtol=tol)


def test_worked_example_with_squared_error():
    case = load_case("worked_example_squared_error.json")
    net = net_from_case(case)
    expected, tol = case["expected"], case["tolerance"]

    step = nets.backprop(net, case["X"], case["target"], "squared_error")

    np.testing.assert_allclose(step.h[0], expected["h"], rtol=tol)
    assert step.p[0] == pytest.approx(expected["o"], rel=tol)
    assert step.loss == pytest.approx(expected["E"], rel=tol)
    for name in nets.PARAMS:
        np.testing.assert_allclose(step.grads[name], expected["grad"][name], rtol=tol)


def test_zero_net_predicts_one_half_with_zero_gradients():
    case = load_case("zero_init_is_stuck.json")
    for head, n_out in nets.HEADS.items():
        n_hidden = case["n_hidden"]
        net = nets.Net(
            W1=np.zeros((n_hidden, 2)),
            b1=np.zeros(n_hidden),
            W2=np.zeros((n_out, n_hidden)),
            b2=np.zeros(n_out),
            activation=case["hidden_activation"],
            head=head,
        )
        loss, grads = nets.loss_and_grads(net, case["X"], case["y"])
        np.testing.assert_array_equal(
            nets.predict_proba(net, case["X"]), case["expected_p"]
        )
        assert loss == pytest.approx(case["expected_loss"], rel=1e-15)
        for _, g in grads.items():
            assert np.max(np.abs(g)) == case["expected_grad_max_abs"]


# forward shapes


@pytest.mark.parametrize("activation", ACTS)
@pytest.mark.parametrize("head", HEADS)
def test_forward_and_backprop_shapes(activation, head):
    n_samples, n_inputs, n_hidden = 7, 3, 5
    net = random_net(activation, head, 0, n_inputs, n_hidden)
    X = np.random.default_rng(1).normal(size=(n_samples, n_inputs))
    y = np.arange(n_samples) % 2
    n_out = nets.HEADS[head]

    z1, h, logits, p = nets.forward(net, X)
    step = nets.backprop(net, X, y)

    assert z1.shape == h.shape == (n_samples, n_hidden)
    assert logits.shape == (n_samples, n_out)
    assert p.shape == (n_samples,)
    assert step.dh.shape == step.dz1.shape == (n_samples, n_hidden)
    assert step.probs.shape == step.dlogits.shape == (n_samples, n_out)
    for name, arr in net.params().items():
        assert step.grads[name].shape == arr.shape
    np.testing.assert_array_equal(step.p, p)
    assert np.all((p > 0) & (p < 1))


def test_forward_follows_z_equals_W_x_plus_b():
    net = random_net("tanh", "softmax", 3)
    x = np.array([0.4, -1.2, 2.0])
    z1, h, logits, p = nets.forward(net, x[None, :])
    hidden = np.tanh(net.W1 @ x + net.b1)
    out = net.W2 @ hidden + net.b2
    np.testing.assert_allclose(z1[0], net.W1 @ x + net.b1, rtol=1e-14)
    np.testing.assert_allclose(logits[0], out, rtol=1e-14)
    assert p[0] == pytest.approx(np.exp(out[1]) / np.exp(out).sum(), rel=1e-14)


def test_net_survives_a_json_round_trip():
    net = random_net("relu", "softmax", 4)
    back = nets.Net.from_dict(json.loads(json.dumps(net.to_dict())))
    assert (back.activation, back.head) == ("relu", "softmax")
    for name, arr in net.params().items():
        np.testing.assert_array_equal(getattr(back, name), arr)


def test_copy_does_not_share_arrays():
    net = random_net("tanh", "sigmoid", 5)
    twin = net.copy()
    twin.W1 += 1.0
    assert not np.allclose(twin.W1, net.W1)


def test_init_net_is_seeded_and_shares_the_hidden_draw_across_heads():
    sig = nets.init_net(2, 3, "tanh", "sigmoid", seed=7)
    soft = nets.init_net(2, 3, "tanh", "softmax", seed=7)
    other = nets.init_net(2, 3, "tanh", "sigmoid", seed=8)
    np.testing.assert_array_equal(sig.W1, soft.W1)
    assert not np.array_equal(sig.W1, other.W1)
    assert soft.W2.shape == (2, 3) and sig.W2.shape == (1, 3)
    assert not np.any(sig.b1) and not np.any(soft.b2)


# validation errors


def good_weights(head="sigmoid", n_hidden=2, n_inputs=2):
    n_out = nets.HEADS[head]
    return {
        "W1": np.ones((n_hidden, n_inputs)),
        "b1": np.zeros(n_hidden),
        "W2": np.ones((n_out, n_hidden)),
        "b2": np.zeros(n_out),
        "head": head,
    }


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"activation": "swish"}, "activation must be one of"),
        ({"head": "tanh"}, "head must be one of"),
        ({"W1": np.ones(2)}, "W1 must be a 2-D array"),
        ({"W1": [[1.0, "a"], [0.0, 1.0]]}, "W1 must be a 2-D array of numbers"),
        ({"b1": np.zeros(3)}, r"b1 must have shape \(2,\)"),
        ({"W2": np.ones((2, 2))}, r"W2 must have shape \(1, 2\) for a sigmoid head"),
        ({"b2": [np.nan]}, "b2 must hold finite numbers"),
        ({"W1": np.ones((0, 2))}, r"W1 must have shape \(n_hidden, n_inputs\)"),
    ],
)
def test_net_rejects_bad_weights(change, message):
    with pytest.raises(ValueError, match=message):
        nets.Net(**{**good_weights(), **change})


@pytest.mark.parametrize(
    ("head", "X", "y", "loss", "message"),
    [
        ("sigmoid", [[1.0, 2.0, 3.0]], [1], "cross_entropy", r"X must have shape"),
        ("sigmoid", [1.0, 2.0], [1], "cross_entropy", "X must be a 2-D array"),
        ("sigmoid", [[1.0, 2.0]], [1, 0], "cross_entropy", "one entry per row"),
        ("sigmoid", [[1.0, 2.0]], [2], "cross_entropy", "labels 0 or 1"),
        ("sigmoid", [[1.0, 2.0]], [1], "hinge", "loss must be one of"),
        ("softmax", [[1.0, 2.0]], [0.5], "cross_entropy", "class labels 0 or 1"),
        ("softmax", [[1.0, 2.0]], [1], "squared_error", "must be 'cross_entropy'"),
        ("sigmoid", [[np.inf, 2.0]], [1], "cross_entropy", "X must hold finite"),
    ],
)
def test_loss_and_grads_rejects_bad_batches(head, X, y, loss, message):
    net = nets.Net(**good_weights(head))
    with pytest.raises(ValueError, match=message):
        nets.loss_and_grads(net, X, y, loss)


def test_sigmoid_head_accepts_soft_targets_for_squared_error():
    net = nets.Net(**good_weights())
    loss, _ = nets.loss_and_grads(net, [[0.1, 0.2]], [0.25], "squared_error")
    assert np.isfinite(loss)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"n_hidden": 0}, r"n_hidden must be a whole number in \[1, inf\]"),
        ({"head": "softmax3"}, "head must be one of"),
        ({"head": ["sigmoid"]}, "head must be one of"),
        ({"activation": "elu"}, "activation must be one of"),
        ({"seed": -1}, "seed must be a whole number in"),
    ],
)
def test_init_net_rejects_bad_arguments(kwargs, message):
    with pytest.raises(ValueError, match=message):
        nets.init_net(**kwargs)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"n_inputs": 2.5}, "n_inputs must be a whole number; received 2.5"),
        ({"seed": 1.5}, "seed must be a whole number; received 1.5"),
    ],
)
def test_init_net_rejects_wrong_types(kwargs, message):
    with pytest.raises(TypeError, match=message):
        nets.init_net(**kwargs)


@pytest.mark.parametrize("bad", [None, {"W1": 1}, "net"])
def test_predict_proba_names_a_net_that_is_not_a_net(bad):
    with pytest.raises(TypeError, match="net must be a Net"):
        nets.predict_proba(bad, [[0.0, 0.0]])


def test_labels_given_as_text_are_refused():
    net = nets.init_net()
    with pytest.raises(ValueError, match="y must be a 1-D array of numbers"):
        nets.loss_and_grads(net, [[0.0, 0.0], [1.0, 1.0]], ["0", "1"])


def test_from_dict_names_the_missing_keys():
    data = nets.init_net().to_dict()
    del data["W2"], data["head"]
    with pytest.raises(ValueError, match="missing W2, head"):
        nets.Net.from_dict(data)
    with pytest.raises(ValueError, match="received list"):
        nets.Net.from_dict([1, 2])


@pytest.mark.filterwarnings("ignore:overflow encountered")
def test_softmax_loss_of_opposite_huge_logits_is_exact_not_nan():
    # 0 * -inf inside a one-hot product would give NaN; the true class alone is 0
    loss, dZ, P = nets.head_loss(
        "softmax", np.array([[-1e308, 1e308]]), np.array([1.0])
    )
    assert loss == 0.0
    np.testing.assert_array_equal(P, [[0.0, 1.0]])
    np.testing.assert_array_equal(dZ, [[0.0, 0.0]])


@pytest.mark.parametrize(
    ("eps", "error"),
    [(0.0, ValueError), (-1e-6, ValueError), (np.nan, ValueError), ("a", TypeError)],
)
def test_gradient_check_names_a_bad_step(eps, error):
    net = nets.init_net()
    with pytest.raises(error, match="eps must be"):
        nets.gradient_check(net, [[0.1, 0.2]], [1.0], eps=eps)


@pytest.mark.parametrize("margin", [5.0, 20.0, 40.0, 300.0])
def test_confident_softmax_loss_equals_bce_of_the_difference_to_the_last_digit(margin):
    # a right and confident prediction: the loss is tiny and must stay exact
    Z = np.array([[0.0, margin]])
    soft = nets.head_loss("softmax", Z, np.array([1.0]))[0]
    sig = nets.head_loss("sigmoid", np.array([[margin]]), np.array([1.0]))[0]
    assert soft == pytest.approx(math.log1p(math.exp(-margin)), rel=1e-15, abs=0)
    assert soft == pytest.approx(sig, rel=1e-15, abs=0)


@pytest.mark.parametrize("head", ["sigmoid", "softmax"])
@pytest.mark.parametrize("margin", [40.0, -40.0, 745.0])
def test_the_measuring_loss_keeps_a_confident_answer_exact(head, margin):
    from nets.heads import head_score

    Z = np.array([[margin]]) if head == "sigmoid" else np.array([[0.0, margin]])
    for label in (0.0, 1.0):
        value, right = head_score(head, Z, np.array([label]))
        # the closed form: softplus of the logit on the wrong side
        wrong_side = margin if label == 0.0 else -margin
        exact = math.log1p(math.exp(-abs(wrong_side))) + max(wrong_side, 0.0)
        assert value == pytest.approx(exact, rel=1e-15, abs=0)
        assert value == pytest.approx(
            nets.head_loss(head, Z, np.array([label]))[0], rel=1e-15, abs=0
        )
        assert right == int((margin >= 0) == (label == 1.0))
