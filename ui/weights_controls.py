"""Widgets of the Weights page, kept in step with one ``State`` and with the URL.

The last complete state lives in ``st.session_state[STASH]``. A widget takes its
value from there whenever it has none of its own (first run, a unit added, another
link mode, typed entry switched on); a preset, a shift button or a link opened from
elsewhere replaces the stash and clears the widgets, which then refill from it.
"""

from dataclasses import replace

import streamlit as st

import nets

from .weights_presets import DEFAULT_PRESET, PRESETS, make_preset, preset_state
from .weights_state import (
    FREE,
    LINKS,
    MAX_DECIMALS,
    MAX_HIDDEN,
    POINT_LIMIT,
    SEED_LIMITS,
    SPAN_LIMITS,
    WEIGHT_LIMIT,
    normalise,
    resize,
    switch_link,
)
from .weights_url import encode, has_state, parse

STASH = "wt_state"  # the last complete State
WRITTEN = "wt_url"  # the query parameters this page wrote last
WARNINGS = "wt_warnings"  # sentences about values that had to be replaced
PREFIX = "wt_"
BUTTONS = {"wt_reload", "wt_shift0", "wt_shift_sym", "wt_dismiss"}
NOT_WIDGET_VALUES = {STASH, WRITTEN, WARNINGS, *BUTTONS}
STEP = 0.01
# slider labels are plain text with subscript digits (W₁₂, β₀): Streamlit gives a
# slider its label as its accessible name, so a LaTeX label would be read out as
# "$W_{12}$"; the expander titles keep the LaTeX
SUB = "₀₁₂₃₄₅₆₇₈₉"


def _ss():
    return st.session_state


def _value_keys():
    """Session keys of this page's value widgets (not the buttons, not the stash)."""
    return [k for k in _ss() if k.startswith(PREFIX) and k not in NOT_WIDGET_VALUES]


def load_state(state, warnings=()):
    """Make ``state`` the page's state: every widget refills from it on this run."""
    for key in _value_keys():
        del _ss()[key]
    _ss()[STASH] = state
    _ss()[WARNINGS] = list(warnings)


def sync_from_url():
    """The state to start this run from: a link opened fresh, or the session's own.

    A URL the page did not write itself (a pasted link, the first visit) is read
    with ``parse``; a URL without this page's keys keeps the session's state.
    """
    params = st.query_params.to_dict()
    if STASH in _ss() and params == _ss().get(WRITTEN):
        return _ss()[STASH]
    if has_state(params):
        state, warnings = parse(params)
        load_state(state, warnings)
    elif STASH not in _ss():
        load_state(make_preset(DEFAULT_PRESET))
    return _ss()[STASH]


def write_url(state):
    """Put ``state`` in the address bar, so the link reproduces this page."""
    params = encode(state)
    if params != st.query_params.to_dict():
        st.query_params.from_dict(params)
    _ss()[WRITTEN] = params


def _seeded(key, value):
    if key not in _ss():
        _ss()[key] = value
    return key


# structural settings, in the sidebar -------------------------------------------------


def _on_preset():
    current = replace(_ss()[STASH], seed=int(_ss()[PREFIX + "seed"]))
    load_state(preset_state(_ss()[PREFIX + "preset"], current))


def _on_seed():
    if _ss()[PREFIX + "preset"] == "random":
        _on_preset()


def sidebar_controls(state):
    """Preset, size, activation, link mode and display settings; the new state."""
    st.header("Start from")
    preset = st.selectbox(
        "Preset",
        list(PRESETS),
        format_func=PRESETS.get,
        key=_seeded(PREFIX + "preset", state.preset),
        on_change=_on_preset,
    )
    seed = st.number_input(
        "Seed (random preset)",
        *SEED_LIMITS,
        key=_seeded(PREFIX + "seed", state.seed),
        on_change=_on_seed,
    )
    st.button("Load the preset again", key=PREFIX + "reload", on_click=_on_preset)

    st.header("Nets")
    n_hidden = st.slider(
        "Hidden units", 1, MAX_HIDDEN, key=_seeded(PREFIX + "h", state.n_hidden)
    )
    activation = st.selectbox(
        "Hidden activation",
        list(nets.ACTIVATIONS),
        key=_seeded(PREFIX + "act", state.activation),
    )
    link = st.radio(
        "Link between the heads",
        list(LINKS),
        format_func=LINKS.get,
        key=_seeded(PREFIX + "link", state.link),
    )

    st.header("Display")
    decimals = st.slider(
        "Decimals shown", 0, MAX_DECIMALS, key=_seeded(PREFIX + "dp", state.decimals)
    )
    span = st.slider(
        "Plane half-width",
        *SPAN_LIMITS,
        step=0.5,
        key=_seeded(PREFIX + "span", state.span),
    )
    typed = st.toggle("Type exact values", key=_seeded(PREFIX + "typed", state.typed))

    state = replace(
        state,
        activation=activation,
        decimals=int(decimals),
        span=float(span),
        typed=bool(typed),
        preset=preset,
        seed=int(seed),
    )
    state, notes = switch_link(resize(state, n_hidden), link)
    if notes:
        _ss()[WARNINGS] = [f"In the new link mode, {note}." for note in notes]
    return state


# weights and the point, inside the fragment ------------------------------------------


def _number(label, key, value, lo, hi, typed):
    if typed:
        key = _seeded(key + "_t", float(value))
        return st.number_input(label, lo, hi, step=STEP, format="%.10g", key=key)
    return st.slider(label, lo, hi, step=STEP, key=_seeded(key, float(value)))


def _grid(specs, typed, n_cols=3):
    """Widgets for ``(label, key, value, limit)`` in rows of ``n_cols``; values."""
    values = []
    for start in range(0, len(specs), n_cols):
        cols = st.columns(n_cols)
        row = specs[start : start + n_cols]
        for col, (label, key, value, lim) in zip(cols[: len(row)], row, strict=True):
            with col:
                values.append(_number(label, key, value, -lim, lim, typed))
    return values


def _on_shift(kind):
    state = _ss()[STASH]
    if kind == "symmetric":
        c, cb = tuple(-v / 2.0 for v in state.w), -state.b / 2.0
    else:
        c, cb = (0.0,) * state.n_hidden, 0.0
    for key in _value_keys():
        if key.startswith((PREFIX + "c_", PREFIX + "cb")):
            del _ss()[key]
    _ss()[STASH] = normalise(replace(state, c=c, cb=cb))


def value_controls(state):
    """Sliders (or typed entry) for the point, the hidden layer and the free heads."""
    n, typed, lim, free = state.n_hidden, state.typed, WEIGHT_LIMIT, FREE[state.link]

    with st.expander("Point x and its label", expanded=True):
        x = _grid(
            [
                (f"x{SUB[i + 1]}", f"{PREFIX}x_{i}", state.x[i], POINT_LIMIT)
                for i in range(2)
            ],
            typed,
            n_cols=2,
        )
        y = st.radio(
            "Label y", (0, 1), horizontal=True, key=_seeded(PREFIX + "y", state.y)
        )

    with st.expander(
        "Hidden layer (shared): $z_j = W_{j1} x_1 + W_{j2} x_2 + b_j$", expanded=True
    ):
        specs = []
        for j in range(n):
            k = j + 1
            specs += [
                (f"W{SUB[k]}{SUB[1]}", f"{PREFIX}W1_{j}_0", state.W1[j][0], lim),
                (f"W{SUB[k]}{SUB[2]}", f"{PREFIX}W1_{j}_1", state.W1[j][1], lim),
                (f"b{SUB[k]}", f"{PREFIX}b1_{j}", state.b1[j], lim),
            ]
        hidden = _grid(specs, typed)
    W1 = tuple((hidden[3 * j], hidden[3 * j + 1]) for j in range(n))
    b1 = tuple(hidden[3 * j + 2] for j in range(n))
    changes = {}

    if "w" in free:
        with st.expander("Sigmoid head: $z = \\sum_j w_j h_j + b$", expanded=True):
            specs = [
                (f"w{SUB[j + 1]}", f"{PREFIX}w_{j}", state.w[j], lim) for j in range(n)
            ]
            values = _grid([*specs, ("b", PREFIX + "b", state.b, lim)], typed)
        changes.update(w=tuple(values[:n]), b=values[n])
    if "V" in free:
        with st.expander(
            "Softmax head: $z_k = \\sum_j V_{kj} h_j + \\beta_k$", expanded=True
        ):
            specs = [  # one row per hidden unit: class 0, then class 1
                (f"V{SUB[k]}{SUB[j + 1]}", f"{PREFIX}V_{k}_{j}", state.V[k][j], lim)
                for j in range(n)
                for k in (0, 1)
            ]
            specs += [
                (f"β{SUB[k]}", f"{PREFIX}bV_{k}", state.bV[k], lim) for k in (0, 1)
            ]
            values = _grid(specs, typed, n_cols=2)
        V = (tuple(values[0 : 2 * n : 2]), tuple(values[1 : 2 * n : 2]))
        changes.update(V=V, bV=tuple(values[2 * n :]))
    if "c" in free:
        with st.expander(
            "Shift: $V_0 = c$, $V_1 = w + c$, $\\beta_0 = c_b$, $\\beta_1 = b + c_b$",
            expanded=True,
        ):
            specs = [
                (f"c{SUB[j + 1]}", f"{PREFIX}c_{j}", state.c[j], lim) for j in range(n)
            ]
            values = _grid([*specs, ("c_b", PREFIX + "cb", state.cb, lim)], typed)
            left, right = st.columns(2)
            left.button(
                "Shift to zero",
                key=PREFIX + "shift0",
                on_click=_on_shift,
                args=("zero",),
            )
            right.button(
                "Symmetric: c = −w/2",
                key=PREFIX + "shift_sym",
                on_click=_on_shift,
                args=("symmetric",),
            )
        changes.update(c=tuple(values[:n]), cb=values[n])

    return normalise(
        replace(
            state,
            W1=W1,
            b1=b1,
            x=tuple(x),
            y=int(y),
            **{k: _f(v) for k, v in changes.items()},
        )
    )


def _f(v):
    """Plain floats in plain tuples, as the state keeps them."""
    if isinstance(v, tuple):
        return tuple(_f(e) for e in v)
    return float(v)
