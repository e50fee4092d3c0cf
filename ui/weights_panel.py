"""The pen-and-paper panel: one forward pass at one point, written out with numbers.

Names: hidden layer ``W_ji, b_j`` (unit j, input i); sigmoid head ``w_j, b``;
softmax head ``V_kj, beta_k`` (row k = class k). Everything is computed in float64
by ``nets``; only the text is rounded, to ``dp`` decimals.
"""

import math
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Context, Decimal

import numpy as np

import nets

ACT_TEX = {  # activation name -> LaTeX of f(number)
    "tanh": r"\tanh({})",
    "relu": r"\max(0,\ {})",
    "sigmoid": r"\sigma({})",
    "linear": "{}",
}


@dataclass(frozen=True)
class PointPass:
    """Every number of both nets' forward pass at one point ``x`` with label ``y``."""

    x: np.ndarray  # (2,)
    y: int
    z1: np.ndarray  # hidden pre-activations, (n_hidden,), shared by both nets
    h: np.ndarray  # hidden activations, (n_hidden,)
    z: float  # sigmoid head logit
    p_sig: float
    loss_sig: float
    Z: np.ndarray  # softmax head logits (z0, z1)
    p_soft: float
    loss_soft: float
    p_identity: float  # sigmoid(z1 - z0) of the softmax net's logits


def point_pass(sig, soft, x, y):
    """Run both nets at ``x``; the losses come from the logits, as ``nets`` does."""
    X, t = np.array([x], dtype=np.float64), np.array([float(y)])
    a, s = nets.backprop(sig, X, t), nets.backprop(soft, X, t)
    Z = s.logits[0]
    return PointPass(
        x=X[0],
        y=int(y),
        z1=a.z1[0],
        h=a.h[0],
        z=float(a.logits[0, 0]),
        p_sig=float(a.p[0]),
        loss_sig=a.loss,
        Z=Z,
        p_soft=float(s.p[0]),
        loss_soft=s.loss,
        p_identity=float(nets.sigmoid(Z[1] - Z[0])),
    )


# every float64 written out in full, so a tie such as 0.5 is seen as one
_EXACT = Context(prec=800, rounding=ROUND_HALF_UP)


def num(v, dp):
    """``v`` rounded to ``dp`` decimals, ties away from zero, with no sign on a zero.

    Python's own formatting rounds an exact tie to even (0.5 -> "0", 2.5 -> "2"),
    which reads as a mistake on a page of hand-worked numbers. Only the text is
    rounded; ``v`` itself is never changed.
    """
    v = float(v)
    if not math.isfinite(v):
        return str(v)
    text = f"{Decimal(v).quantize(Decimal(1).scaleb(-dp), context=_EXACT):f}"
    return text.lstrip("-") if float(text) == 0 else text


def sci_tex(v):
    """``v`` in LaTeX scientific notation with three significant digits."""
    if v == 0:
        return "0"
    mantissa, exponent = f"{v:.2e}".split("e")
    return rf"{mantissa} \times 10^{{{int(exponent)}}}"


def _factor(v, dp):
    text = num(v, dp)
    return f"({text})" if text.startswith("-") else text


def _numbers(weights, inputs, bias, result, dp, per_line=3):
    """Lines ``&= w1 x1 + w2 x2 + ... + b = result``, ``per_line`` terms to a line."""
    pairs = zip(weights, inputs, strict=True)
    terms = [f"{_factor(w, dp)} \\cdot {_factor(v, dp)}" for w, v in pairs]
    terms.append(_factor(bias, dp))
    lines = [
        " + ".join(terms[i : i + per_line]) for i in range(0, len(terms), per_line)
    ]
    lines[-1] += f" = {num(result, dp)}"
    return ["&= " + lines[0], *[r"&\quad + " + line for line in lines[1:]]]


def _symbolic(weight, inputs, bias):
    return " + ".join([f"{weight}_{{{j}}} {v}" for j, v in inputs] + [bias])


def _aligned(lines):
    return (
        "$$\n\\small\\begin{aligned}\n" + " \\\\\n".join(lines) + "\n\\end{aligned}\n$$"
    )


def hidden_tex(net, pp, dp, units=None):
    """Each hidden unit (all, or those in ``units``): its sum, then its activation."""
    f = ACT_TEX[net.activation]
    lines = []
    for j in range(net.n_hidden) if units is None else units:
        k = j + 1
        sym = _symbolic("W", [(f"{k}1", "x_1"), (f"{k}2", "x_2")], f"b_{k}")
        lines.append(f"z_{k} &= {sym}")
        lines += _numbers(net.W1[j], pp.x, net.b1[j], pp.z1[j], dp)
        lines.append(
            f"h_{k} &= {f.format(f'z_{k}')} = {f.format(num(pp.z1[j], dp))} "
            f"= {num(pp.h[j], dp)}"
        )
    return _aligned(lines)


def _loss_line(y, p_label, loss, dp):
    return (
        rf"L &= -\log p_{{y={y}}} = -\log {num(p_label, dp)} = {num(loss, dp)}"
        r"\quad\text{(from the logits)}"
    )


def sigmoid_tex(net, pp, dp):
    """The sigmoid head: logit, probability, loss for the label."""
    hs = [(j + 1, f"h_{j + 1}") for j in range(net.n_hidden)]
    sym = _symbolic("w", hs, "b")
    p_label = pp.p_sig if pp.y == 1 else 1.0 - pp.p_sig
    return _aligned(
        [
            f"z &= {sym}",
            *_numbers(net.W2[0], pp.h, net.b2[0], pp.z, dp),
            rf"p &= \sigma(z) = \frac{{1}}{{1 + e^{{-z}}}} = "
            rf"\sigma({num(pp.z, dp)}) = {num(pp.p_sig, dp)}",
            _loss_line(pp.y, p_label, pp.loss_sig, dp),
        ]
    )


def softmax_tex(net, pp, dp):
    """The softmax head: both logits, the probability of class 1, the loss."""
    lines = []
    for k in (0, 1):
        hs = [(f"{k}{j + 1}", f"h_{j + 1}") for j in range(net.n_hidden)]
        sym = _symbolic("V", hs, rf"\beta_{k}")
        lines.append(f"z_{k} &= {sym}")
        lines += _numbers(net.W2[k], pp.h, net.b2[k], pp.Z[k], dp)
    z0, z1 = num(pp.Z[0], dp), num(pp.Z[1], dp)
    lines.append(
        rf"p &= \frac{{e^{{z_1}}}}{{e^{{z_0}} + e^{{z_1}}}} = "
        rf"\frac{{e^{{{z1}}}}}{{e^{{{z0}}} + e^{{{z1}}}}} = {num(pp.p_soft, dp)}"
    )
    p_label = pp.p_soft if pp.y == 1 else 1.0 - pp.p_soft
    lines.append(_loss_line(pp.y, p_label, pp.loss_soft, dp))
    return _aligned(lines)


def identity_tex(pp, dp):
    """softmax(z0, z1)[1] = sigmoid(z1 - z0) with these logits, and the measured gap."""
    z1 = num(pp.Z[1], dp)
    gap = abs(pp.p_soft - pp.p_identity)
    between = abs(pp.p_sig - pp.p_soft)
    return _aligned(
        [
            rf"\operatorname{{softmax}}(z_0, z_1)_1 &= {num(pp.p_soft, dp)}",
            rf"\sigma(z_1 - z_0) &= \sigma({z1} - {_factor(pp.Z[0], dp)}) = "
            rf"\sigma({num(pp.Z[1] - pp.Z[0], dp)}) = {num(pp.p_identity, dp)}",
            rf"\left|\operatorname{{softmax}}(z)_1 - \sigma(z_1 - z_0)\right| "
            rf"&= {sci_tex(gap)}\quad\text{{(measured in float64)}}",
            rf"\text{{sigmoid head: }} \sigma(z) &= {num(pp.p_sig, dp)}",
            rf"\left|\sigma(z) - \operatorname{{softmax}}(z_0, z_1)_1\right| "
            rf"&= {sci_tex(between)}\quad\text{{(the two nets at this point)}}",
        ]
    )
