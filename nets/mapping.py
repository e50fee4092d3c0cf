"""Exact weight maps between the sigmoid head and the softmax head.

``softmax(z0, z1)[1] = sigmoid(z1 - z0)``, so a softmax head with rows ``r0, r1``
predicts what a sigmoid head with ``w = r1 - r0`` predicts. The way back is not
unique: ``r1 = w + c`` and ``r0 = c`` give the same prediction for any shift ``c``.
"""

import numpy as np

from .network import Net


def _require_head(net, head):
    if not isinstance(net, Net):
        raise TypeError(f"net must be a Net; received {type(net).__name__}")
    if net.head != head:
        raise ValueError(f"net must have a {head} head; received a {net.head} head")


def head_shift(net, shift=0.0, bias_shift=0.0):
    """The shift ``(c, c_b)`` for a sigmoid net, as ``sigmoid_to_softmax`` uses it.

    ``shift`` is a number (the same for every hidden unit), a vector of length
    n_hidden, or "symmetric" for ``c = -w/2`` and ``c_b = -b/2``, which makes the two
    rows exact opposites.
    """
    w, b = net.W2[0], net.b2[0]
    if isinstance(shift, str):
        if shift != "symmetric":
            raise ValueError(
                f"shift must be a number, a vector of length {net.n_hidden} or "
                f"'symmetric'; received {shift!r}"
            )
        if bias_shift != 0.0:
            raise ValueError(
                "bias_shift must be 0 with shift='symmetric', which sets the bias "
                f"shift to -b/2 itself; received {bias_shift!r}"
            )
        return -w / 2.0, -b / 2.0
    try:
        c = np.broadcast_to(np.asarray(shift, dtype=np.float64), w.shape).copy()
    except (TypeError, ValueError):
        raise ValueError(
            f"shift must be a number, a vector of length {net.n_hidden} or "
            f"'symmetric'; received {shift!r}"
        ) from None
    try:
        c_b = float(bias_shift)
    except (TypeError, ValueError):
        raise ValueError(
            f"bias_shift must be a number; received {bias_shift!r}"
        ) from None
    if not (np.all(np.isfinite(c)) and np.isfinite(c_b)):
        raise ValueError("shift and bias_shift must be finite")
    return c, c_b


def sigmoid_to_softmax(net, shift=0.0, bias_shift=0.0):
    """The softmax net that predicts exactly what the sigmoid ``net`` predicts.

    Class-1 row = sigmoid row + shift, class-0 row = shift (see ``head_shift``).
    """
    _require_head(net, "sigmoid")
    c, c_b = head_shift(net, shift, bias_shift)
    w, b = net.W2[0], net.b2[0]
    return net.copy(
        W2=np.stack([c, w + c]),
        b2=np.array([c_b, b + c_b]),
        head="softmax",
    )


def softmax_to_sigmoid(net):
    """The one sigmoid net predicting what the softmax ``net`` does: row 1 - row 0."""
    _require_head(net, "softmax")
    return net.copy(
        W2=(net.W2[1] - net.W2[0])[None, :],
        b2=np.array([net.b2[1] - net.b2[0]]),
        head="sigmoid",
    )
