"""Optimisers and weight penalties, applied per parameter with a rate per layer.

Penalties act on the weights ``W1`` and ``W2`` only, never on the biases:
L2 adds ``l2 * W`` to the gradient (the penalty ``l2/2 * ||W||^2``, PyTorch's
``weight_decay``), L1 adds ``l1 * sign(W)`` (the penalty ``l1 * |W|``).
"""

from dataclasses import dataclass

import numpy as np

from .checks import check_number

OPTIMIZERS = ("sgd", "momentum", "adam")
LAYER_OF = {"W1": "hidden", "b1": "hidden", "W2": "head", "b2": "head"}


@dataclass(frozen=True)
class LayerRates:
    """Learning rate and penalties of one layer."""

    lr: float
    l1: float = 0.0
    l2: float = 0.0

    def __post_init__(self):
        for name in ("lr", "l1", "l2"):
            check_number(name, getattr(self, name), low=0.0)


@dataclass(frozen=True)
class NetRates:
    """The rates of one net: its hidden layer and its head."""

    hidden: LayerRates
    head: LayerRates

    def of(self, param):
        return getattr(self, LAYER_OF[param])


@dataclass(frozen=True)
class OptimizerSpec:
    """Which optimiser, with its constants (PyTorch's defaults)."""

    name: str = "sgd"
    momentum: float = 0.9
    beta1: float = 0.9
    beta2: float = 0.999
    eps: float = 1e-8

    def __post_init__(self):
        if self.name not in OPTIMIZERS:
            raise ValueError(
                f"optimizer must be one of {list(OPTIMIZERS)}; received {self.name!r}"
            )


class Optimizer:
    """Updates a net's parameter arrays in place from their gradients."""

    def __init__(self, spec, rates):
        self.spec = spec
        self.rates = rates
        self.t = 0
        self.state = {}
        # (learning rate, l1, l2) per parameter, read once: the rates never change
        self._plan = {
            name: (
                rates.of(name).lr,
                rates.of(name).l1 if name[0] == "W" else 0.0,
                rates.of(name).l2 if name[0] == "W" else 0.0,
            )
            for name in LAYER_OF
        }

    def penalised(self, param, value, grad):
        """The gradient with the layer's weight penalties added (biases have none)."""
        _, l1, l2 = self._plan[param]
        if l2:
            grad = grad + l2 * value
        if l1:
            grad = grad + l1 * np.sign(value)
        return grad

    def step(self, params, grads):
        """One update of every array in ``params`` (a dict) from ``grads``."""
        self.t += 1
        spec = self.spec
        for name, value in params.items():
            lr, l1, l2 = self._plan[name]
            g = self.penalised(name, value, grads[name]) if (l1 or l2) else grads[name]
            if spec.name == "sgd":
                value -= lr * g
            elif spec.name == "momentum":
                v = self.state.get(name)
                v = g.copy() if v is None else spec.momentum * v + g
                self.state[name] = v
                value -= lr * v
            else:
                m, v = self.state.get(name, (np.zeros_like(g), np.zeros_like(g)))
                m = spec.beta1 * m + (1.0 - spec.beta1) * g
                v = spec.beta2 * v + (1.0 - spec.beta2) * g * g
                self.state[name] = (m, v)
                m_hat = m / (1.0 - spec.beta1**self.t)
                v_hat = v / (1.0 - spec.beta2**self.t)
                value -= lr * m_hat / (np.sqrt(v_hat) + spec.eps)
