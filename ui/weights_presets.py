"""Starting points for the Weights page: a textbook net, XOR by hand, random weights."""

from dataclasses import replace

import numpy as np

from .weights_state import State, normalise

PRESETS = {
    "xor-relu": "XOR by hand with two ReLU units",
    "textbook": "Textbook exercise: 2-2-1, sigmoid, x = (0.05, 0.10)",
    "random": "Small random weights (one decimal) from a seed",
}
# the page opens on XOR: its boundaries cross the plane. The textbook net has none
# anywhere (positive hidden units, positive head weights), so it opens on a blank map
DEFAULT_PRESET = "xor-relu"


def textbook(link="softmax-follows"):
    """The 2-2 sigmoid net of the widely copied backpropagation walk-through.

    Its first output unit is the sigmoid head, so the panel shows the walk-through's
    numbers (h1 = 0.5933, o = 0.7514); that output's target 0.01 is class 0 here.
    The shift starts at zero: the softmax rows are 0 and w.
    """
    w = (0.40, 0.45)
    return normalise(
        State(
            n_hidden=2,
            activation="sigmoid",
            link=link,
            W1=((0.15, 0.20), (0.25, 0.30)),
            b1=(0.35, 0.35),
            w=w,
            b=0.60,
            V=((0.0, 0.0), w),
            bV=(0.0, 0.60),
            c=(0.0, 0.0),
            cb=0.0,
            x=(0.05, 0.10),
            y=0,
            span=1.0,
            preset="textbook",
        )
    )


def xor_relu(link="softmax-follows"):
    """XOR: h1 = relu(x1 + x2), h2 = relu(x1 + x2 - 1), z = 5 h1 - 10 h2 - 2.5.

    z is -2.5 at (0, 0) and (1, 1) and +2.5 at (0, 1) and (1, 0); the boundaries are
    the lines x1 + x2 = 0.5 and x1 + x2 = 1.5.
    """
    w, c = (5.0, -10.0), (0.0, 0.0)
    return normalise(
        State(
            n_hidden=2,
            activation="relu",
            link=link,
            W1=((1.0, 1.0), (1.0, 1.0)),
            b1=(0.0, -1.0),
            w=w,
            b=-2.5,
            V=(c, w),
            bV=(0.0, -2.5),
            c=c,
            cb=0.0,
            x=(1.0, 0.0),
            y=1,
            span=2.0,
            preset="xor-relu",
        )
    )


def random_weights(seed, n_hidden=2, activation="tanh", link="softmax-follows"):
    """Every weight uniform in [-1, 1], rounded to one decimal; both heads drawn.

    The softmax rows are drawn on their own, so in the independent mode the heads
    disagree; the shift is the class-0 row.
    """
    rng = np.random.default_rng(seed)

    def draw(*shape):
        # adding 0.0 turns a rounded -0.0 into 0.0
        return np.round(rng.uniform(-1.0, 1.0, size=shape), 1) + 0.0

    W1, b1 = draw(n_hidden, 2), draw(n_hidden)
    w, b = draw(n_hidden), draw(1)
    V, bV = draw(2, n_hidden), draw(2)
    x = draw(2)

    def t(a):
        return tuple(float(v) for v in a)

    return normalise(
        State(
            n_hidden=n_hidden,
            activation=activation,
            link=link,
            W1=tuple(t(row) for row in W1),
            b1=t(b1),
            w=t(w),
            b=float(b[0]),
            V=(t(V[0]), t(V[1])),
            bV=t(bV),
            c=t(V[0]),
            cb=float(bV[0]),
            x=t(x),
            y=1,
            span=2.0,
            preset="random",
            seed=int(seed),
        )
    )


def make_preset(name, link="softmax-follows", seed=0, n_hidden=2, activation="tanh"):
    """The preset ``name`` in link mode ``link``; the rest is for the random one."""
    if name == "textbook":
        return textbook(link)
    if name == "xor-relu":
        return xor_relu(link)
    if name == "random":
        return random_weights(seed, n_hidden, activation, link)
    raise ValueError(f"preset must be one of {list(PRESETS)}; received {name!r}")


def preset_state(name, current):
    """The preset ``name`` in the current link mode, keeping the display settings."""
    state = make_preset(
        name, current.link, current.seed, current.n_hidden, current.activation
    )
    return replace(state, decimals=current.decimals, typed=current.typed)
