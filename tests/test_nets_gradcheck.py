"""Backpropagation against central differences of an independently written loss.

The reference loss below is a few lines of plain numpy (``np.logaddexp``, no code from
``nets``), so a wrong forward pass and a wrong backward pass both show up.
"""

import numpy as np
import pytest

import nets

ACTS = sorted(nets.ACTIVATIONS)
HEADS = sorted(nets.HEADS)
EPS = 1e-5  # central-difference step: truncation and rounding both near 1e-11
REL_TOL = 1e-6
ABS_FLOOR = 1e-4  # below this size an entry is held to 1e-10 absolute instead
KINK_MARGIN = 0.05  # keep relu's pre-activations this far from 0

REFERENCE_ACTS = {
    "tanh": np.tanh,
    "relu": lambda z: np.maximum(z, 0.0),
    "sigmoid": lambda z: 0.5 * (1.0 + np.tanh(z / 2.0)),
    "linear": lambda z: z,
}


def reference_loss(params, activation, head, X, y, loss):
    """Mean loss written from the maths alone."""
    h = REFERENCE_ACTS[activation](X @ params["W1"].T + params["b1"])
    Z = h @ params["W2"].T + params["b2"]
    if head == "softmax":  # -log softmax(z)[y] = logsumexp(z) - z_y
        return np.mean(np.logaddexp(Z[:, 0], Z[:, 1]) - Z[np.arange(len(y)), y])
    z = Z[:, 0]
    if loss == "squared_error":
        return np.mean(0.5 * (1.0 / (1.0 + np.exp(-z)) - y) ** 2)
    # -log sigmoid(z) = log(1 + e^-z), -log(1 - sigmoid(z)) = log(1 + e^z)
    return np.mean(y * np.logaddexp(0.0, -z) + (1 - y) * np.logaddexp(0.0, z))


def central_differences(net, X, y, loss):
    params = {k: v.copy() for k, v in net.params().items()}
    grads = {}
    for name, arr in params.items():
        grads[name] = np.zeros_like(arr)
        for idx in np.ndindex(arr.shape):
            saved = arr[idx]
            arr[idx] = saved + EPS
            up = reference_loss(params, net.activation, net.head, X, y, loss)
            arr[idx] = saved - EPS
            down = reference_loss(params, net.activation, net.head, X, y, loss)
            arr[idx] = saved
            grads[name][idx] = (up - down) / (2 * EPS)
    return grads


def small_problem(activation, head, seed, n_samples=6, n_inputs=3, n_hidden=4):
    """A random net and batch; for relu, redrawn until no pre-activation is near 0."""
    rng = np.random.default_rng(seed)
    n_out = nets.HEADS[head]
    while True:
        net = nets.Net(
            W1=rng.normal(0, 1, (n_hidden, n_inputs)),
            b1=rng.normal(0, 0.5, n_hidden),
            W2=rng.normal(0, 1, (n_out, n_hidden)),
            b2=rng.normal(0, 0.5, n_out),
            activation=activation,
            head=head,
        )
        X = rng.normal(0, 1, (n_samples, n_inputs))
        z1 = X @ net.W1.T + net.b1
        if activation != "relu" or np.min(np.abs(z1)) > KINK_MARGIN:
            y = rng.permutation(np.arange(n_samples) % 2)
            return net, X, y


def assert_grads_close(analytic, numeric):
    for name in nets.PARAMS:
        a, n = analytic[name], numeric[name]
        scale = np.maximum(np.abs(a) + np.abs(n), ABS_FLOOR)
        rel = np.abs(a - n) / scale
        assert rel.max() < REL_TOL, f"{name}: relative error {rel.max():.2e}"


@pytest.mark.parametrize("activation", ACTS)
@pytest.mark.parametrize("head", HEADS)
@pytest.mark.parametrize("seed", range(3))
def test_cross_entropy_gradients(activation, head, seed):
    net, X, y = small_problem(activation, head, seed)
    loss, grads = nets.loss_and_grads(net, X, y)
    params = net.params()
    assert loss == pytest.approx(
        reference_loss(params, activation, head, X, y, "cross_entropy"), rel=1e-13
    )
    assert_grads_close(grads, central_differences(net, X, y, "cross_entropy"))


@pytest.mark.parametrize("activation", ACTS)
@pytest.mark.parametrize("seed", range(3))
def test_squared_error_gradients_on_the_sigmoid_head(activation, seed):
    net, X, y = small_problem(activation, "sigmoid", seed)
    targets = np.clip(y + np.random.default_rng(seed).uniform(-0.3, 0.3, len(y)), 0, 1)
    loss, grads = nets.loss_and_grads(net, X, targets, "squared_error")
    params = net.params()
    assert loss == pytest.approx(
        reference_loss(params, activation, "sigmoid", X, targets, "squared_error"),
        rel=1e-13,
    )
    assert_grads_close(grads, central_differences(net, X, targets, "squared_error"))


@pytest.mark.parametrize("activation", ACTS)
@pytest.mark.parametrize("head", HEADS)
def test_builtin_gradient_check_agrees(activation, head):
    net, X, y = small_problem(activation, head, 11)
    _, grads = nets.loss_and_grads(net, X, y)
    rows = nets.gradient_check(net, X, y, eps=EPS)
    assert len(rows) == sum(arr.size for arr in net.params().values())
    for row in rows:
        assert row.analytic == grads[row.param][row.index]
        scale = max(abs(row.analytic) + abs(row.numeric), ABS_FLOOR)
        assert abs(row.analytic - row.numeric) / scale < REL_TOL, row


def test_builtin_gradient_check_catches_a_wrong_derivative(monkeypatch):
    # a gradient check that cannot fail checks nothing: break tanh' on purpose
    tanh = nets.ACTIVATIONS["tanh"]
    broken = type(tanh)("tanh", tanh.f, lambda z, h: 1.0 - h, "", "")
    monkeypatch.setitem(nets.ACTIVATIONS, "tanh", broken)
    net, X, y = small_problem("tanh", "sigmoid", 0)
    rows = nets.gradient_check(net, X, y)
    assert max(row.rel_error for row in rows) > 1e-2


def test_numerical_grads_match_reference_differences():
    net, X, y = small_problem("sigmoid", "softmax", 5)
    ours = nets.numerical_grads(net, X, y)
    theirs = central_differences(net, X, y, "cross_entropy")
    for name in nets.PARAMS:
        np.testing.assert_allclose(ours[name], theirs[name], rtol=1e-6, atol=1e-9)
    # the probe net is a copy: the original weights are untouched
    again = nets.numerical_grads(net, X, y)
    np.testing.assert_array_equal(again.W1, ours.W1)
