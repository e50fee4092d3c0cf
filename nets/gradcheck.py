"""Central-difference gradient check of ``loss_and_grads``."""

from dataclasses import dataclass

import numpy as np

from .checks import check_number
from .network import PARAMS, Grads, check_inputs, loss_and_grads


@dataclass(frozen=True)
class CheckRow:
    """One parameter entry: the analytic and numeric derivative and how far apart."""

    param: str
    index: tuple
    analytic: float
    numeric: float
    rel_error: float


def numerical_grads(net, X, y, loss="cross_entropy", eps=1e-6):
    """Gradients by central differences, ``(L(w + eps) - L(w - eps)) / (2 eps)``."""
    X, y = check_inputs(net, X, y, loss)
    eps = check_number("eps", eps, low=0.0, high=1.0, low_open=True)
    probe = net.copy()
    out = {}
    for name in PARAMS:
        arr = getattr(probe, name)
        grad = np.zeros_like(arr)
        for idx in np.ndindex(arr.shape):
            saved = arr[idx]
            arr[idx] = saved + eps
            up = loss_and_grads(probe, X, y, loss)[0]
            arr[idx] = saved - eps
            down = loss_and_grads(probe, X, y, loss)[0]
            arr[idx] = saved
            grad[idx] = (up - down) / (2.0 * eps)
        out[name] = grad
    return Grads(**out)


def relative_error(a, b):
    """|a - b| / max(|a| + |b|, 1e-12): near 0 when both agree, 1 when opposite."""
    return np.abs(a - b) / np.maximum(np.abs(a) + np.abs(b), 1e-12)


def gradient_check(net, X, y, loss="cross_entropy", eps=1e-6):
    """A row per parameter entry comparing backprop with central differences."""
    analytic = loss_and_grads(net, X, y, loss)[1]
    numeric = numerical_grads(net, X, y, loss, eps)
    rows = []
    for name in PARAMS:
        a, n = analytic[name], numeric[name]
        err = relative_error(a, n)
        for idx in np.ndindex(a.shape):
            rows.append(
                CheckRow(name, idx, float(a[idx]), float(n[idx]), float(err[idx]))
            )
    return rows
