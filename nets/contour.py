"""The p = 0.5 line of a probability grid as straight segments (marching squares).

Each grid cell whose corners lie on both sides of the level holds one segment (two
at a saddle), joining the points where the level crosses the cell's edges, found
by linear interpolation along each edge.
"""

import numpy as np


def _crossing(a, b, va, vb, level):
    # the point on the edge a -> b where the linear interpolant equals the level
    t = (level - va) / np.where(vb == va, 1.0, vb - va)
    return a + t[:, None] * (b - a)


def contour_segments(x1, x2, P, level=0.5):
    """Segments of ``P == level`` over the grid: (n_segments, 2 ends, 2 coordinates).

    ``P`` has shape (len(x2), len(x1)) as from ``probability_grid``.
    """
    x1, x2, P = (np.asarray(a, dtype=np.float64) for a in (x1, x2, P))
    if P.shape != (len(x2), len(x1)):
        raise ValueError(
            f"P must have shape (len(x2), len(x1)) = {(len(x2), len(x1))}; "
            f"received {P.shape}"
        )
    g1, g2 = np.meshgrid(x1, x2)
    above = P >= level
    # corners of every cell, counter-clockwise from the lower left: (rows-1, cols-1)
    corners = [
        (slice(None, -1), slice(None, -1)),
        (slice(None, -1), slice(1, None)),
        (slice(1, None), slice(1, None)),
        (slice(1, None), slice(None, -1)),
    ]
    pts = [np.stack([g1[c], g2[c]], axis=-1).reshape(-1, 2) for c in corners]
    vals = [P[c].ravel() for c in corners]
    ups = [above[c].ravel() for c in corners]
    crosses = [ups[k] != ups[(k + 1) % 4] for k in range(4)]  # per edge k -> k+1
    points = [
        _crossing(pts[k], pts[(k + 1) % 4], vals[k], vals[(k + 1) % 4], level)
        for k in range(4)
    ]
    n_cross = np.sum(crosses, axis=0)
    segments = []
    two = n_cross == 2
    if two.any():
        # the two crossed edges, in edge order
        order = np.argsort(~np.array(crosses)[:, two], axis=0, kind="stable")[:2]
        stacked = np.stack(points)[:, two]  # (4 edges, n, 2)
        cols = np.arange(two.sum())
        segments.append(np.stack([stacked[order[0], cols], stacked[order[1], cols]], 1))
    four = n_cross == 4
    if four.any():
        # a saddle: pair the edges so the centre value's side stays connected
        stacked = np.stack(points)[:, four]
        centre_up = np.mean([v[four] for v in vals], axis=0) >= level
        first_up = ups[0][four]
        same = centre_up == first_up
        # corners 0 and 2 joined through the centre: cut off corners 1 and 3
        pairs_a = np.where(same[:, None], [0, 1], [1, 2])
        pairs_b = np.where(same[:, None], [2, 3], [3, 0])
        cols = np.arange(four.sum())
        for pairs in (pairs_a, pairs_b):
            segments.append(
                np.stack([stacked[pairs[:, 0], cols], stacked[pairs[:, 1], cols]], 1)
            )
    if not segments:
        return np.zeros((0, 2, 2))
    return np.concatenate(segments)
