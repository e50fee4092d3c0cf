"""The Weights page's state: every weight of the twin nets, the point and the view.

The hidden layer ``W1, b1`` is shared. The sigmoid head is ``w, b``; the softmax head
has rows ``V[0], V[1]`` (class 0, class 1) with biases ``bV``; ``c, cb`` is the shift
of the mapping sigmoid -> softmax (``V[0] = c``, ``V[1] = w + c``). The link mode
says which of these the user sets and which follow; ``normalise`` fills the ones
that follow from the ones that are set, with the maps of ``nets.mapping``.
"""

from dataclasses import dataclass, replace

import numpy as np

import nets

LINKS = {
    "softmax-follows": "Softmax follows sigmoid: rows w + c and c",
    "sigmoid-follows": "Sigmoid follows softmax: w = row 1 − row 0",
    "independent": "Independent: both heads free",
}
FREE = {  # link mode -> the head fields the user sets
    "softmax-follows": ("w", "b", "c", "cb"),
    "sigmoid-follows": ("V", "bV"),
    "independent": ("w", "b", "V", "bV"),
}
WEIGHT_LIMIT = 10.0  # every weight, bias and shift lies in [-10, 10]
POINT_LIMIT = 5.0  # each coordinate of the point lies in [-5, 5]
MAX_HIDDEN = 4
MAX_DECIMALS = 15
SPAN_LIMITS = (0.5, 10.0)  # half-width of the plotted plane
SEED_LIMITS = (0, 9999)


@dataclass(frozen=True)
class State:
    """Everything the page shows, as plain floats in tuples (hashable, picklable)."""

    n_hidden: int
    activation: str
    link: str
    W1: tuple  # n_hidden pairs (w_j1, w_j2)
    b1: tuple  # (n_hidden,)
    w: tuple  # sigmoid head row, (n_hidden,)
    b: float
    V: tuple  # two softmax rows, each (n_hidden,)
    bV: tuple  # (b_0, b_1)
    c: tuple  # shift, (n_hidden,)
    cb: float
    x: tuple  # the point (x1, x2)
    y: int  # its label, 0 or 1
    decimals: int = 4
    span: float = 3.0
    typed: bool = False
    preset: str = "xor-relu"
    seed: int = 0


def _floats(a):
    return tuple(float(v) for v in np.ravel(a))


def twins(state):
    """The sigmoid net and the softmax net that ``state`` describes."""
    body = {"W1": np.array(state.W1), "b1": np.array(state.b1)}
    act = state.activation
    if state.link == "softmax-follows":
        sig = nets.Net(**body, W2=[state.w], b2=[state.b], activation=act)
        soft = nets.sigmoid_to_softmax(sig, shift=state.c, bias_shift=state.cb)
    elif state.link == "sigmoid-follows":
        soft = nets.Net(**body, W2=state.V, b2=state.bV, activation=act, head="softmax")
        sig = nets.softmax_to_sigmoid(soft)
    else:
        sig = nets.Net(**body, W2=[state.w], b2=[state.b], activation=act)
        soft = nets.Net(**body, W2=state.V, b2=state.bV, activation=act, head="softmax")
    return sig, soft


def normalise(state):
    """``state`` with the fields that follow recomputed from the ones that are set."""
    sig, soft = twins(state)
    c, cb = state.c, state.cb
    if state.link != "softmax-follows":  # the class-0 row is the shift that fits
        c, cb = _floats(soft.W2[0]), float(soft.b2[0])
    return replace(
        state,
        w=_floats(sig.W2[0]),
        b=float(sig.b2[0]),
        V=(_floats(soft.W2[0]), _floats(soft.W2[1])),
        bV=_floats(soft.b2),
        c=c,
        cb=cb,
    )


def resize(state, n_hidden):
    """Keep the first units; a new unit starts at zero, so no prediction changes."""
    n_old = state.n_hidden
    if n_hidden == n_old:
        return state

    def fit(row, fill=0.0):
        return tuple(row[:n_hidden]) + (fill,) * max(0, n_hidden - n_old)

    return replace(
        state,
        n_hidden=n_hidden,
        W1=tuple(state.W1[:n_hidden]) + ((0.0, 0.0),) * max(0, n_hidden - n_old),
        b1=fit(state.b1),
        w=fit(state.w),
        V=(fit(state.V[0]), fit(state.V[1])),
        c=fit(state.c),
    )


def clamp(value, lo, hi):
    return min(max(value, lo), hi)


def fit_free_fields(state):
    """Clamp the fields the user sets in this link mode to the slider range.

    Fields that followed may lie outside it (``w + c`` reaches 20). Returns the
    state, normalised, and a sentence for each value that had to move.
    """
    notes, lim = [], WEIGHT_LIMIT
    changes = {}
    for name in FREE[state.link]:
        value = getattr(state, name)
        flat = np.ravel(value).astype(np.float64)
        fitted = np.clip(flat, -lim, lim)
        if np.array_equal(flat, fitted):
            continue
        for i in np.flatnonzero(flat != fitted):
            notes.append(
                f"{name} entry {i + 1} was {flat[i]:g}, beyond ±{lim:g}; set to "
                f"{fitted[i]:g}, so the prediction changes"
            )
        if isinstance(value, float):
            changes[name] = float(fitted[0])
        elif name == "V":
            changes[name] = (
                _floats(fitted[: state.n_hidden]),
                _floats(fitted[state.n_hidden :]),
            )
        else:
            changes[name] = _floats(fitted)
    return normalise(replace(state, **changes)), notes


def switch_link(state, link):
    """The same nets seen from another link mode, as far as the sliders reach."""
    if link == state.link:
        return state, []
    return fit_free_fields(replace(state, link=link))
