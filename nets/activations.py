"""Hidden-layer activations, each beside its derivative.

Every derivative takes both the pre-activation ``z`` and the activation ``h = f(z)``
and uses whichever is cheaper, so the backward pass never recomputes ``f``.
"""

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Activation:
    """A named activation ``f`` and its derivative ``df(z, h) = f'(z)``."""

    name: str
    f: Callable[[np.ndarray], np.ndarray]
    df: Callable[[np.ndarray, np.ndarray], np.ndarray]
    formula: str  # LaTeX of f(z)
    derivative: str  # LaTeX of f'(z), in terms of h where that is how it is taught


def sigmoid(z):
    """Logistic function 1 / (1 + e^-z), exact at any finite z."""
    # exp of a non-positive number never overflows; both branches share it
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0, e) / (1.0 + e)


def _tanh_df(z, h):
    return 1.0 - h * h


def _relu(z):
    return np.maximum(z, 0.0)


def _relu_df(z, h):
    # the derivative at exactly 0 is taken as 0, as PyTorch does
    return (z > 0).astype(np.float64)


def _sigmoid_df(z, h):
    return h * (1.0 - h)


def _linear(z):
    return np.array(z, dtype=np.float64)


def _linear_df(z, h):
    return np.ones_like(z, dtype=np.float64)


ACTIVATIONS = {
    "tanh": Activation("tanh", np.tanh, _tanh_df, r"\tanh z", r"1 - h^2"),
    "relu": Activation("relu", _relu, _relu_df, r"\max(0, z)", r"[z > 0]"),
    "sigmoid": Activation("sigmoid", sigmoid, _sigmoid_df, r"\sigma(z)", r"h\,(1 - h)"),
    "linear": Activation("linear", _linear, _linear_df, r"z", r"1"),
}


def get_activation(name):
    """Look an activation up by name; a ValueError lists the names accepted."""
    try:
        return ACTIVATIONS[name]
    except (KeyError, TypeError):
        raise ValueError(
            f"activation must be one of {sorted(ACTIVATIONS)}; received {name!r}"
        ) from None
