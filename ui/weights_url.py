"""The Weights page's state in the URL: ``encode`` writes it, ``parse`` reads it back.

Numbers are written with Python's shortest round-trip repr, so a link restores every
float64 exactly. ``parse`` never raises: a value that is missing, not a number or out
of range becomes the nearest valid value (a default when there is no nearest one),
and each replacement is described in a warning.

A short hand-written link names a preset (``?preset=xor-relu``): what it leaves out
comes from the preset without a warning, and what it gives overrides the preset.
"""

import difflib
import math
from dataclasses import replace

import nets

from .weights_presets import DEFAULT_PRESET, PRESETS, make_preset
from .weights_state import (
    FREE,
    LINKS,
    MAX_DECIMALS,
    MAX_HIDDEN,
    POINT_LIMIT,
    SEED_LIMITS,
    SPAN_LIMITS,
    WEIGHT_LIMIT,
    State,
    clamp,
    normalise,
    resize,
)

KEYS = (
    "h", "act", "link", "W1", "b1", "w", "b", "V", "bV", "c", "cb",
    "x", "y", "dp", "span", "typed", "preset", "seed",
)  # fmt: skip
NAMES = {  # how a warning names each key
    "h": "hidden units (h)",
    "act": "hidden activation (act)",
    "link": "link mode (link)",
    "W1": "hidden weights (W1)",
    "b1": "hidden biases (b1)",
    "w": "sigmoid head weights (w)",
    "b": "sigmoid head bias (b)",
    "V": "softmax head rows (V)",
    "bV": "softmax head biases (bV)",
    "c": "shift (c)",
    "cb": "bias shift (cb)",
    "x": "point (x)",
    "y": "label (y)",
    "dp": "decimals shown (dp)",
    "span": "plane half-width (span)",
    "typed": "typed entry (typed)",
    "preset": "preset",
    "seed": "seed",
}
INTS = {  # key -> (lowest, highest, default)
    "h": (1, MAX_HIDDEN, 2),
    "y": (0, 1, 0),
    "dp": (0, MAX_DECIMALS, 4),
    "typed": (0, 1, 0),
    "seed": (*SEED_LIMITS, 0),
}
CHOICES = {  # key -> (accepted values, default)
    "act": (tuple(nets.ACTIVATIONS), "sigmoid"),
    "link": (tuple(LINKS), "softmax-follows"),
    "preset": (tuple(PRESETS), DEFAULT_PRESET),
}


def has_state(params):
    """Whether a query-parameter dict carries any of this page's keys."""
    return any(key in params for key in KEYS)


def _num(v):
    text = repr(float(v))
    return text[:-2] if text.endswith(".0") else text


def encode(state):
    """The query parameters for ``state``: only what the link mode lets one set."""
    free = FREE[state.link]
    out = {
        "h": str(state.n_hidden),
        "act": state.activation,
        "link": state.link,
        "W1": ",".join(_num(v) for row in state.W1 for v in row),
        "b1": ",".join(_num(v) for v in state.b1),
    }
    heads = {
        "w": state.w,
        "b": (state.b,),
        "V": state.V[0] + state.V[1],
        "bV": state.bV,
        "c": state.c,
        "cb": (state.cb,),
    }
    out.update({k: ",".join(_num(v) for v in heads[k]) for k in free})
    out.update(
        x=",".join(_num(v) for v in state.x),
        y=str(state.y),
        dp=str(state.decimals),
        span=_num(state.span),
        typed=str(int(state.typed)),
        preset=state.preset,
        seed=str(state.seed),
    )
    return out


def closest_preset(text):
    """The preset name ``text`` most likely meant ('xor' -> 'xor-relu'), or None."""
    key = text.strip().lower()
    starts = [name for name in PRESETS if key and name.startswith(key)]
    if len(starts) == 1:
        return starts[0]
    near = difflib.get_close_matches(key, list(PRESETS), n=1, cutoff=0.6)
    return near[0] if near else None


def _given(state):
    """The values of ``state`` under the link's keys, as lists of numbers."""
    return {
        "h": [state.n_hidden],
        "act": state.activation,
        "link": state.link,
        "W1": [v for row in state.W1 for v in row],
        "b1": list(state.b1),
        "w": list(state.w),
        "b": [state.b],
        "V": [*state.V[0], *state.V[1]],
        "bV": list(state.bV),
        "c": list(state.c),
        "cb": [state.cb],
        "x": list(state.x),
        "y": [state.y],
        "dp": [state.decimals],
        "span": [state.span],
        "typed": [int(state.typed)],
        "seed": [state.seed],
    }


class _Reader:
    """Reads one parameter dict, collecting a warning for each value replaced.

    With a ``base`` (the values of a preset), a missing key takes the base's value
    without a warning, and a value that is not a number falls back to the base's.
    """

    def __init__(self, params):
        self.params = params
        self.warnings = []
        self.base = None
        self.done = set()

    def raw(self, key):
        if key in self.done:
            return None
        value = self.params.get(key)
        if isinstance(value, (list, tuple)):  # a repeated key: the last one counts
            value = value[-1] if value else None
        return value

    def choice(self, key):
        accepted, default = CHOICES[key]
        text = self.raw(key)
        if self.base is not None and key in self.base:
            default = self.base[key]
            if text is None:
                return default
        if text is None:
            self.warnings.append(f"{NAMES[key]} is missing; using '{default}'.")
            return default
        if text not in accepted:
            self.warnings.append(
                f"{NAMES[key]}: '{text}' is not one of {', '.join(accepted)}; "
                f"using '{default}'."
            )
            return default
        return text

    def integer(self, key):
        lo, hi, default = INTS[key]
        values = self.numbers(key, 1, lo, hi, [default])
        value = values[0]
        if value != round(value):
            self.warnings.append(
                f"{NAMES[key]}: {value:g} is not a whole number; using {round(value)}."
            )
        return int(round(value))

    def numbers(self, key, n, lo, hi, default=(0.0,)):
        """``n`` numbers in [lo, hi] from a comma-separated value.

        ``default`` holds one fallback, or ``n`` of them; a base replaces it.
        """
        name, text = NAMES[key], self.raw(key)
        if self.base is not None and key in self.base:
            default = self.base[key]
            if text is None:
                return [float(v) for v in default]
        default = [float(v) for v in (default if len(default) == n else default * n)]
        if text is None:
            shown = ", ".join(f"{v:g}" for v in dict.fromkeys(default))
            self.warnings.append(f"{name} is missing; using {shown}.")
            return default
        parts = text.split(",")
        if len(parts) != n:
            what = "the rest are" if len(parts) > n else "the missing ones are"
            fill = ", ".join(f"{v:g}" for v in dict.fromkeys(default[len(parts) :]))
            self.warnings.append(
                f"{name}: expected {n} number{'s' * (n > 1)}, received {len(parts)}; "
                f"{what} {'dropped' if len(parts) > n else f'set to {fill}'}."
            )
            parts = (parts + [None] * n)[:n]
        return [
            self._number(name, i, p, lo, hi, default[i], n) for i, p in enumerate(parts)
        ]

    def _number(self, name, i, part, lo, hi, default, n):
        if part is None:
            return float(default)
        where = f"{name} entry {i + 1}" if n > 1 else name
        try:
            value = float(part)
        except ValueError:
            value = math.nan
        if math.isnan(value):
            self.warnings.append(
                f"{where}: '{part}' is not a number; using {default:g}."
            )
            return float(default)
        if not lo <= value <= hi:
            fitted = clamp(value, lo, hi)
            self.warnings.append(
                f"{where}: {value:g} is outside [{lo:g}, {hi:g}]; using {fitted:g}."
            )
            return fitted
        return value


def _preset(read):
    """The preset the link names, fitted to the size, activation and link it gives.

    None when the link names no preset; a name that is not a preset gets a warning
    and the closest preset, or the page's default.
    """
    text = read.raw("preset")
    if text is None:
        return None
    name = text
    if text not in PRESETS:
        near = closest_preset(text)
        name = near or DEFAULT_PRESET
        hint = f"did you mean '{near}'? Using it." if near else f"using '{name}'."
        read.warnings.append(
            f"{NAMES['preset']}: '{text}' is not one of {', '.join(PRESETS)}; {hint}"
        )
    start = make_preset(name)  # the size and activation the preset comes with
    read.base = {"h": [start.n_hidden], "act": start.activation, "seed": [0]}
    read.base["link"] = start.link
    n, act = read.integer("h"), read.choice("act")
    link, seed = read.choice("link"), read.integer("seed")
    state = make_preset(name, link, seed, n, act)
    state = normalise(replace(resize(state, n), activation=act, seed=seed))
    read.base = {**_given(state), "preset": name}
    read.done = {"preset", "h", "act", "link", "seed"}  # read once, warned once
    return state


def parse(params):
    """``(state, warnings)`` from a query-parameter dict of strings; never raises."""
    read = _Reader(params)
    _preset(read)
    n = read.integer("h")
    link = read.choice("link")
    lim, free = WEIGHT_LIMIT, FREE[link]

    def head(key, size):
        if key in free:
            return read.numbers(key, size, -lim, lim)
        return [0.0] * size  # follows from the free fields; normalise fills it

    W1 = read.numbers("W1", 2 * n, -lim, lim)
    w, V, c = head("w", n), head("V", 2 * n), head("c", n)
    state = State(
        n_hidden=n,
        activation=read.choice("act"),
        link=link,
        W1=tuple(tuple(W1[2 * j : 2 * j + 2]) for j in range(n)),
        b1=tuple(read.numbers("b1", n, -lim, lim)),
        w=tuple(w),
        b=head("b", 1)[0],
        V=(tuple(V[:n]), tuple(V[n:])),
        bV=tuple(head("bV", 2)),
        c=tuple(c),
        cb=head("cb", 1)[0],
        x=tuple(read.numbers("x", 2, -POINT_LIMIT, POINT_LIMIT)),
        y=read.integer("y"),
        decimals=read.integer("dp"),
        span=read.numbers("span", 1, *SPAN_LIMITS, [3.0])[0],
        typed=bool(read.integer("typed")),
        preset=read.choice("preset"),
        seed=read.integer("seed"),
    )
    return normalise(state), read.warnings
