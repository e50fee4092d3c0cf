"""The hidden layer as a plane: points in (h1, h2) space and each head's line there.

A sigmoid head cuts hidden space along ``w·h + b = 0``; a softmax head along
``(r1 − r0)·h + (b1 − b0) = 0``, the line of its one equivalent sigmoid head.
"""

import numpy as np

from .activations import ACTIVATIONS


def hidden_layer(net, X):
    """The hidden activations ``h`` of the net inputs ``X``: (n, n_hidden)."""
    X = np.asarray(X, dtype=np.float64)
    return ACTIVATIONS[net.activation].f(X @ net.W1.T + net.b1)


def head_line(net):
    """``(w, b)`` of the head's boundary ``w·h + b = 0`` in hidden space."""
    if net.head == "sigmoid":
        return net.W2[0].copy(), float(net.b2[0])
    return net.W2[1] - net.W2[0], float(net.b2[1] - net.b2[0])


def line_in_box(w, b, lo, hi):
    """The segment of ``w[0]·h1 + w[1]·h2 + b = 0`` inside the box [lo, hi]².

    ``lo`` and ``hi`` are (2,) corners. Returns ``(h1_pair, h2_pair)`` or None when
    the line misses the box or ``w`` is zero.
    """
    w = np.asarray(w, dtype=np.float64)
    lo, hi = np.asarray(lo, dtype=np.float64), np.asarray(hi, dtype=np.float64)
    if w.shape != (2,):
        raise ValueError(f"w must have shape (2,); received {w.shape}")
    if not np.any(w):
        return None
    # the line is p0 + t·d: p0 its point nearest the origin, d along it
    p0 = -b * w / (w @ w)
    d = np.array([-w[1], w[0]])
    t_lo, t_hi = -np.inf, np.inf
    for i in range(2):  # clip t to each pair of box edges (Liang-Barsky)
        if d[i] == 0:
            if not lo[i] <= p0[i] <= hi[i]:
                return None
            continue
        a, c = (lo[i] - p0[i]) / d[i], (hi[i] - p0[i]) / d[i]
        t_lo, t_hi = max(t_lo, min(a, c)), min(t_hi, max(a, c))
    if t_lo >= t_hi:
        return None
    seg = p0 + np.outer([t_lo, t_hi], d)  # (2 ends, 2 coordinates)
    return seg[:, 0], seg[:, 1]


def confusion(p, y):
    """2 × 2 counts: row = true class, column = predicted class (p >= 0.5 is 1)."""
    pred = (np.asarray(p) >= 0.5).astype(int)
    y = np.asarray(y).astype(int)
    out = np.zeros((2, 2), dtype=int)
    np.add.at(out, (y, pred), 1)
    return out
