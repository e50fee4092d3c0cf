"""What the two heads' worked passes share, step by step, checked on the numbers.

From mapped weights under cross-entropy: the hidden layer sees the same numbers in
both nets, the softmax head's two rows get opposite gradients (the class-1 row's is
the sigmoid head's), so one update moves the row difference twice as far as the
sigmoid row. Each claim is tested on the values, never assumed.
"""

from dataclasses import dataclass

import numpy as np

from .worked import steps_by_key

EQUAL = ("z1", "h", "loss", "dh", "dz1", "dW1", "db1", "W1_new", "b1_new")
OPPOSITE = ("dlogits", "dW2", "db2")
TWICE = ("W2_new", "b2_new")
RTOL, ATOL = 1e-9, 1e-12


@dataclass(frozen=True)
class Relation:
    """How one step of the softmax net relates to the same step of the sigmoid net.

    ``kind`` is "equal", "difference", "opposite", "twice" or "apart"; ``holds`` is
    whether the numbers bear it out (None for "apart", which only reports a gap);
    ``gap`` is the largest absolute deviation from the claim.
    """

    key: str
    kind: str
    text: str
    holds: bool | None
    gap: float


def _gap(a, b):
    a, b = np.asarray(a, np.float64), np.asarray(b, np.float64)
    return float(np.max(np.abs(a - b))) if a.size else 0.0


def _close(a, b):
    # NaN or inf never counts as equal: allclose would call inf close to inf
    finite = np.all(np.isfinite(a)) and np.all(np.isfinite(b))
    return bool(finite and np.allclose(a, b, rtol=RTOL, atol=ATOL))


def _rows(a, key):
    """Class 0 and class 1 parts of a softmax quantity: columns if per sample."""
    a = np.asarray(a)
    return (a[:, 0], a[:, 1]) if key == "dlogits" else (a[0], a[1])


def head_relations(sig_net, sig_steps, soft_net, soft_steps):
    """A ``Relation`` per step key, comparing the sigmoid and the softmax pass."""
    s, t = steps_by_key(sig_steps), steps_by_key(soft_steps)
    out = {}
    for key in EQUAL:
        out[key] = Relation(
            key,
            "equal",
            "equal in both nets",
            _close(s[key], t[key]),
            _gap(s[key], t[key]),
        )
    diff = t["logits"][:, 1] - t["logits"][:, 0]
    out["logits"] = Relation(
        "logits",
        "difference",
        "softmax logit difference z(class 1) − z(class 0) equals the sigmoid logit",
        _close(diff, s["logits"][:, 0]),
        _gap(diff, s["logits"][:, 0]),
    )
    out["p"] = Relation(
        "p",
        "equal",
        "softmax p(class 1) equals the sigmoid p",
        _close(t["p"][:, 1], s["p"][:, 0]),
        _gap(t["p"][:, 1], s["p"][:, 0]),
    )
    for key in OPPOSITE:
        g0, g1 = _rows(t[key], key)
        sig = s[key][:, 0] if key == "dlogits" else s[key][0]
        out[key] = Relation(
            key,
            "opposite",
            "softmax rows are opposite (class 0 gets −g, class 1 gets g); "
            "g is the sigmoid head's gradient",
            _close(g0, -g1) and _close(g1, sig),
            max(_gap(g0, -g1), _gap(g1, sig)),
        )
    for key in TWICE:
        name = key.split("_")[0]
        old_t, old_s = getattr(soft_net, name), getattr(sig_net, name)
        move_t = (t[key][1] - t[key][0]) - (old_t[1] - old_t[0])
        move_s = s[key][0] - old_s[0]
        out[key] = Relation(
            key,
            "twice",
            "the softmax row difference moves twice as far as the sigmoid row",
            _close(move_t, 2.0 * move_s),
            _gap(move_t, 2.0 * move_s),
        )
    out["p_new"] = Relation(
        "p_new",
        "apart",
        "after one step at one rate the softmax head has moved further",
        None,
        _gap(t["p_new"][:, 1], s["p_new"][:, 0]),
    )
    return out
