"""Probabilities over a grid of the input plane, laid out the way Plotly draws them.

Plotly's heatmap and contour take ``z[row][col]`` with rows along the y axis, so a
grid over ``x1`` (columns) and ``x2`` (rows) has shape (len(x2), len(x1)).
"""

import numpy as np

from .network import predict_proba


def boundary_grid(X, resolution=80, margin=0.15):
    """Axis values covering the points ``X`` (n, 2) with a margin on each side."""
    X = np.asarray(X, dtype=np.float64)
    lo, hi = X.min(axis=0), X.max(axis=0)
    pad = np.maximum((hi - lo) * margin, 1e-3)
    return (
        np.linspace(lo[0] - pad[0], hi[0] + pad[0], resolution),
        np.linspace(lo[1] - pad[1], hi[1] + pad[1], resolution),
    )


def probability_grid(net, x1, x2, transform=None):
    """P(class 1) at every (x1[j], x2[i]), shape (len(x2), len(x1)).

    ``transform`` maps points in the plotted units to the net's inputs, for example
    a standardiser followed by derived features.
    """
    x1, x2 = np.asarray(x1, dtype=np.float64), np.asarray(x2, dtype=np.float64)
    g1, g2 = np.meshgrid(x1, x2)  # each (len(x2), len(x1))
    points = np.column_stack([g1.ravel(), g2.ravel()])
    if transform is not None:
        points = transform(points)
    return predict_proba(net, points).reshape(len(x2), len(x1))
