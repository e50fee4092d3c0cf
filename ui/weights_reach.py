"""Where a head's p = 0.5 line is, when the plane shown has none: nowhere at all,
within the widest plane the page draws, or further out.

A head puts x in class 1 when its logit t(x) > 0: t = z for the sigmoid head,
t = z1 - z0 for the softmax head, and t = a · h(x) + c in both cases.
"""

import math

import numpy as np

import nets

# the values a hidden unit can take over the whole plane, for a non-zero weight row
REACH = {
    "sigmoid": (0.0, 1.0),
    "tanh": (-1.0, 1.0),
    "relu": (0.0, math.inf),
    "linear": (-math.inf, math.inf),
}
FAR = (100.0, 1000.0)  # half-widths searched beyond the widest plane drawn
N_GRID = 121


def head_row(net):
    """``(a, c)`` with t = a · h + c the head's logit difference."""
    if net.head == "softmax":
        return net.W2[1] - net.W2[0], float(net.b2[1] - net.b2[0])
    return net.W2[0], float(net.b2[0])


def logit_bounds(net):
    """Bounds on t over every input x, from the range of each hidden unit.

    A unit with a zero weight row is the constant f(b_j); any other unit may take
    any value in its activation's range. The bounds may be loose, never wrong: a
    lower bound above 0 proves that no x is in class 0.
    """
    a, c = head_row(net)
    lo = hi = c
    f = nets.get_activation(net.activation).f
    for j, a_j in enumerate(a):
        if a_j == 0:
            continue
        if not np.any(net.W1[j]):
            h_lo = h_hi = float(f(np.array([net.b1[j]]))[0])
        else:
            h_lo, h_hi = REACH[net.activation]
        ends = (a_j * h_lo, a_j * h_hi)
        lo, hi = lo + min(ends), hi + max(ends)
    return lo, hi


def _other_class_reach(net, half, side):
    """The smallest max(|x1|, |x2|) on a grid of half-width ``half`` where the head
    puts a point in the class other than ``side``; None when there is none."""
    axis = np.linspace(-half, half, N_GRID)
    grid = nets.probability_grid(net, axis, axis)
    other = grid < 0.5 if side == 1 else grid > 0.5
    if not other.any():
        return None
    g1, g2 = np.meshgrid(axis, axis)
    return float(np.min(np.maximum(np.abs(g1), np.abs(g2))[other]))


def missing_boundary_note(net, name, side, widest):
    """A sentence for a head that puts the whole plane shown in class ``side``.

    ``widest`` is the largest half-width the page can draw. Says whether widening
    the plane can show the p = 0.5 line, and only then suggests it.
    """
    lo, hi = logit_bounds(net)
    start = f"The {name} head puts the whole plane shown in class {side}"
    if lo > 0 or hi < 0:
        sign = "positive" if lo > 0 else "negative"
        return (
            f"{start}, and every other point too: its logit stays {sign} for any "
            "input, so it has no p = 0.5 line anywhere. Widening the plane will not "
            "show one."
        )
    reach = _other_class_reach(net, widest, side)
    if reach is not None:
        width = min(max(math.ceil(reach / 0.5) * 0.5, 0.5), widest)
        return (
            f"{start}. Its p = 0.5 line lies further out: widen the plane to a "
            f"half-width of {width:g} or more to see it."
        )
    for half in FAR:
        reach = _other_class_reach(net, half, side)
        if reach is not None:
            return (
                f"{start}. Its p = 0.5 line lies beyond the widest plane drawn here "
                f"(half-width {widest:g}), about {reach:.3g} from the origin."
            )
    return (
        f"{start}. No p = 0.5 line was found out to {FAR[-1]:g} from the origin either."
    )
