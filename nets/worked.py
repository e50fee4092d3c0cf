"""A forward and backward pass written out step by step, as a person computes it.

Each step is a ``Step``: its name, its LaTeX formula and its value. Per-sample
quantities are (n_samples, n_units): one row per sample, as in ``Z = X W^T + b``.
With ``decimals`` set, every step is rounded half away from zero, as on paper, and
the next step is computed from the rounded values; compare with ``decimals=None``
(exact float64) to see how far the rounding drifts.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

import numpy as np

from .activations import ACTIVATIONS
from .heads import log_sigmoid, log_softmax
from .network import Net, check_inputs

STEP_KEYS = (
    "z1",
    "h",
    "logits",
    "p",
    "loss",
    "dlogits",
    "dW2",
    "db2",
    "dh",
    "dz1",
    "dW1",
    "db1",
    "W1_new",
    "b1_new",
    "W2_new",
    "b2_new",
    "p_new",
)
GRAD_KEYS = {"W1": "dW1", "b1": "db1", "W2": "dW2", "b2": "db2"}
MAX_SAMPLES = 4


@dataclass(frozen=True)
class Step:
    """One quantity of the pass: ``key`` (see STEP_KEYS), words, LaTeX and value."""

    key: str
    title: str
    symbol: str  # LaTeX name of the quantity, e.g. "z_1"
    formula: str  # LaTeX, e.g. "z_1 = W_1 x + b_1"
    value: np.ndarray
    per_sample: bool  # rows are samples


def round_half_up(a, decimals):
    """Round as a person does: halves away from zero, on the digits printed.

    ``np.round`` rounds halves to even and works on the binary value, so 0.125 and
    0.145 would not round up; ``Decimal`` of the shortest repr does.
    """
    q = Decimal(1).scaleb(-decimals)

    def one(x):
        return float(Decimal(repr(float(x))).quantize(q, rounding=ROUND_HALF_UP))

    return np.vectorize(one, otypes=[np.float64])(np.asarray(a, dtype=np.float64))


def _formulas(net, loss):
    act = ACTIVATIONS[net.activation]
    sig = net.head == "sigmoid"
    dL = r"\frac{\partial L}{\partial "
    if sig and loss == "squared_error":
        loss_f = r"L = \frac{1}{N}\sum_{n} \tfrac{1}{2}\,(p - y)^2"
        delta_f = r"\delta_2 = " + dL + r"z_2} = \frac{(p - y)\,p\,(1 - p)}{N}"
    elif sig:
        loss_f = r"L = -\frac{1}{N}\sum_{n} \big[y \log p + (1 - y)\log(1 - p)\big]"
        delta_f = r"\delta_2 = " + dL + r"z_2} = \frac{p - y}{N}"
    else:
        loss_f = r"L = -\frac{1}{N}\sum_{n} \log p_{y}"
        delta_f = r"\delta_{2,k} = " + dL + r"z_{2,k}} = \frac{p_k - [y = k]}{N}"
    if sig:
        p_f = r"p = \sigma(z_2) = \frac{1}{1 + e^{-z_2}}"
        p_new_f = r"p' = \sigma\big(W_2' f(W_1' x + b_1') + b_2'\big)"
    else:
        p_f = r"p_k = \frac{e^{z_{2,k}}}{e^{z_{2,0}} + e^{z_{2,1}}}"
        p_new_f = r"p' = \operatorname{softmax}\big(W_2' f(W_1' x + b_1') + b_2'\big)"
    return {
        "z1": r"z_1 = W_1 x + b_1",
        "h": rf"h = f(z_1), \quad f(z) = {act.formula}",
        "logits": r"z_2 = W_2 h + b_2",
        "p": p_f,
        "loss": loss_f,
        "dlogits": delta_f,
        "dW2": dL + r"W_2} = \sum_{n} \delta_2\, h^\top",
        "db2": dL + r"b_2} = \sum_{n} \delta_2",
        "dh": dL + r"h} = W_2^\top \delta_2",
        "dz1": r"\delta_1 = "
        + dL
        + r"z_1} = "
        + dL
        + rf"h}} \odot f'(z_1), \quad f'(z_1) = {act.derivative}",
        "dW1": dL + r"W_1} = \sum_{n} \delta_1\, x^\top",
        "db1": dL + r"b_1} = \sum_{n} \delta_1",
        "W1_new": r"W_1' = W_1 - \eta\, " + dL + r"W_1}",
        "b1_new": r"b_1' = b_1 - \eta\, " + dL + r"b_1}",
        "W2_new": r"W_2' = W_2 - \eta\, " + dL + r"W_2}",
        "b2_new": r"b_2' = b_2 - \eta\, " + dL + r"b_2}",
        "p_new": p_new_f,
    }


TITLES = {
    "z1": ("hidden pre-activation", "z_1", True),
    "h": ("hidden activation", "h", True),
    "logits": ("logits", "z_2", True),
    "p": ("probabilities", "p", True),
    "loss": ("loss", "L", False),
    "dlogits": ("loss gradient at the logits", r"\delta_2", True),
    "dW2": ("head weight gradient", r"\partial L/\partial W_2", False),
    "db2": ("head bias gradient", r"\partial L/\partial b_2", False),
    "dh": ("gradient at the hidden activation", r"\partial L/\partial h", True),
    "dz1": ("gradient at the hidden pre-activation", r"\delta_1", True),
    "dW1": ("hidden weight gradient", r"\partial L/\partial W_1", False),
    "db1": ("hidden bias gradient", r"\partial L/\partial b_1", False),
    "W1_new": ("new hidden weights", "W_1'", False),
    "b1_new": ("new hidden biases", "b_1'", False),
    "W2_new": ("new head weights", "W_2'", False),
    "b2_new": ("new head biases", "b_2'", False),
    "p_new": ("new probabilities", "p'", True),
}


def _head_forward(net, act, X, W1, b1, W2, b2, r):
    """z1, h, logits and probabilities, each rounded by ``r`` before it is used."""
    z1 = r(X @ W1.T + b1)  # (n_samples, n_hidden)
    h = r(act.f(z1))
    logits = r(h @ W2.T + b2)  # (n_samples, n_out)
    if net.head == "sigmoid":
        p = r(np.exp(log_sigmoid(logits)))  # (n_samples, 1)
    else:
        p = r(np.exp(log_softmax(logits)))  # (n_samples, 2): column k is class k
    return z1, h, logits, p


def worked_steps(net, X, y, loss="cross_entropy", lr=0.5, decimals=None):
    """Every step of one pass and one SGD update, in the order a person computes it.

    ``X`` (n_samples, n_inputs) with 1 to 4 samples, ``y`` (n_samples,). With
    ``decimals`` an int, each step is rounded and the next uses the rounded value.
    The loss is computed from the logits (log-sigmoid, log-softmax), which is
    ``-log p`` without a rounding of ``p`` in between. Returns a list of ``Step``.
    """
    if not isinstance(net, Net):
        raise TypeError(f"net must be a Net; received {type(net).__name__}")
    X, y = check_inputs(net, X, y, loss)
    if X.shape[0] > MAX_SAMPLES:
        raise ValueError(
            f"X may hold at most {MAX_SAMPLES} samples; received {X.shape[0]}"
        )
    if not (isinstance(lr, (int, float, np.floating)) and np.isfinite(lr) and lr > 0):
        raise ValueError(f"lr must be a finite number > 0; received {lr!r}")
    if decimals is not None and not (
        isinstance(decimals, (int, np.integer)) and 0 <= decimals <= 15
    ):
        raise ValueError(
            f"decimals must be None or a whole number 0..15; received {decimals!r}"
        )

    def r(a):
        return (
            np.asarray(a, np.float64)
            if decimals is None
            else round_half_up(a, decimals)
        )

    act = ACTIVATIONS[net.activation]
    n = X.shape[0]
    W1, b1, W2, b2 = net.W1, net.b1, net.W2, net.b2

    # forward
    z1, h, logits, p = _head_forward(net, act, X, W1, b1, W2, b2, r)

    # loss and its gradient at the logits
    if net.head == "sigmoid":
        z, q = logits[:, 0], p[:, 0]
        if loss == "squared_error":
            value = np.mean(0.5 * (np.exp(log_sigmoid(z)) - y) ** 2)
            dlogits = r(((q - y) * q * (1.0 - q) / n)[:, None])
        else:
            value = -np.mean(y * log_sigmoid(z) + (1.0 - y) * log_sigmoid(-z))
            dlogits = r(((q - y) / n)[:, None])
    else:
        Y = np.stack([1.0 - y, y], axis=1)  # one-hot, column k is class k
        value = -np.mean(np.sum(Y * log_softmax(logits), axis=1))
        dlogits = r((p - Y) / n)
    value = r(value)

    # backward
    dW2 = r(dlogits.T @ h)  # (n_out, n_hidden)
    db2 = r(dlogits.sum(axis=0))
    dh = r(dlogits @ W2)  # (n_samples, n_hidden)
    dz1 = r(dh * act.df(z1, h))
    dW1 = r(dz1.T @ X)  # (n_hidden, n_inputs)
    db1 = r(dz1.sum(axis=0))

    # one step of gradient descent, then the same batch again
    new = [r(w - lr * g) for w, g in ((W1, dW1), (b1, db1), (W2, dW2), (b2, db2))]
    p_new = _head_forward(net, act, X, *new, r)[3]

    values = [z1, h, logits, p, value, dlogits, dW2, db2, dh, dz1, dW1, db1]
    values += [*new, p_new]
    formulas = _formulas(net, loss)
    return [
        Step(key, TITLES[key][0], TITLES[key][1], formulas[key], v, TITLES[key][2])
        for key, v in zip(STEP_KEYS, values, strict=True)
    ]


def steps_by_key(steps):
    """``{key: value}`` of a list of steps."""
    return {s.key: s.value for s in steps}


def per_sample_grads(net, X, y, loss="cross_entropy"):
    """Each sample's own gradients, ``{"W1": (n_samples, *W1.shape), ...}``.

    The gradients of the mean loss are the mean of these over the samples.
    """
    v = steps_by_key(worked_steps(net, X, y, loss))
    X, _ = check_inputs(net, X, y, loss)
    n = X.shape[0]
    delta2 = v["dlogits"] * n  # each sample's own dL_n/dz2, (n_samples, n_out)
    delta1 = v["dz1"] * n  # (n_samples, n_hidden)
    return {
        "W1": np.einsum("nh,ni->nhi", delta1, X),
        "b1": delta1,
        "W2": np.einsum("no,nh->noh", delta2, v["h"]),
        "b2": delta2,
    }


def updated_net(net, steps):
    """The net after the update held in ``steps`` (from ``worked_steps``)."""
    v = steps_by_key(steps)
    return net.copy(W1=v["W1_new"], b1=v["b1_new"], W2=v["W2_new"], b2=v["b2_new"])
