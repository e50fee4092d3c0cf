"""The Lab's widgets. Values come from ``st.session_state`` (see ``ui.lab_state``),
so no widget is given a default here."""

import streamlit as st

from nets.features import FEATURES
from ui.lab_data import SOURCES
from ui.lab_presets import PRESETS, preset_settings
from ui.lab_state import PLAYING, apply_settings, key

OPTIMIZER_LABELS = {
    "sgd": "Gradient descent",
    "momentum": "Momentum (0.9)",
    "adam": "Adam",
}
REG_LABELS = {"none": "None", "l1": "L1", "l2": "L2"}
PAIRING_LABELS = {
    "matched": "Matched: the rule that keeps lockstep",
    "same": "Same settings: shared hidden start, one rate, heads drawn alone",
    "independent": "Independent initialisation",
}
HEAD_FACTOR_LABELS = {2: "2 × lr (the rule)", 1: "1 × lr (same as softmax)"}
SHIFT_LABELS = {
    "auto": "The rule: c = 0, or c = −w/2 with L1, or with Adam and L2",
    "symmetric": "c = −w/2 (rows exact opposites)",
    "zero": "c = 0 (class-0 row starts at 0)",
    "half": "c = 0.5 for every unit",
}


def data_widgets():
    """The data-set choice and its options; returns the source name."""
    source = st.selectbox(
        "Data set", list(SOURCES), format_func=SOURCES.get, key=key("data")
    )
    if source not in ("iris", "tips", "upload"):
        st.slider("Points", 40, 1000, step=20, key=key("points"))
        st.slider("Noise", 0.0, 0.5, step=0.05, key=key("noise"))
    elif source == "iris":
        st.caption("Iris: versicolor (0) against virginica (1), petal length, width.")
    elif source == "tips":
        st.caption("Tips: smoker No (0) against Yes (1), total bill and tip.")
    st.slider("Training share", 0.1, 0.9, step=0.05, key=key("ratio"))
    st.number_input("Data seed", 0, 10_000, step=1, key=key("data_seed"))
    return source


def net_widgets():
    st.multiselect(
        "Input features",
        list(FEATURES),
        format_func=lambda n: FEATURES[n][0],
        key=key("features"),
        help="Derived from the standardised x1 and x2.",
    )
    st.slider("Hidden units", 1, 8, step=1, key=key("hidden"))
    st.selectbox(
        "Hidden activation",
        ["tanh", "relu", "sigmoid", "linear"],
        key=key("activation"),
    )


def training_widgets():
    st.selectbox(
        "Optimiser",
        list(OPTIMIZER_LABELS),
        format_func=OPTIMIZER_LABELS.get,
        key=key("optimizer"),
    )
    st.number_input("Learning rate", 1e-4, 10.0, step=0.01, format="%g", key=key("lr"))
    left, right = st.columns(2)
    left.selectbox(
        "Regulariser", list(REG_LABELS), format_func=REG_LABELS.get, key=key("reg")
    )
    right.number_input("Rate", 0.0, 1.0, step=0.001, format="%g", key=key("reg_rate"))
    st.number_input("Batch size (0 = full batch)", 0, 1000, step=1, key=key("batch"))
    st.number_input("Seed (weights, batch order)", 0, 10_000, step=1, key=key("seed"))


def run_widgets():
    st.slider("Epochs per update", 1, 100, step=1, key=key("speed"))
    st.number_input("Stop after epochs", 1, 100_000, step=100, key=key("max_epochs"))
    st.number_input(
        "Stop at training loss (0 = off)",
        0.0,
        10.0,
        step=0.01,
        format="%g",
        key=key("target_loss"),
        help="Stops when both nets' training loss is at or below it.",
    )


def lockstep_widgets():
    st.radio(
        "Pairing",
        list(PAIRING_LABELS),
        format_func=PAIRING_LABELS.get,
        key=key("pairing"),
        horizontal=True,
    )
    left, right = st.columns(2)
    left.radio(
        "Sigmoid head's learning rate in matched mode",
        list(HEAD_FACTOR_LABELS),
        format_func=HEAD_FACTOR_LABELS.get,
        key=key("head_factor"),
        horizontal=True,
    )
    right.selectbox(
        "Softmax start in matched mode: r1 = w + c, r0 = c",
        list(SHIFT_LABELS),
        format_func=SHIFT_LABELS.get,
        key=key("shift"),
    )


def _use_preset(name):
    apply_settings(preset_settings(name))
    st.session_state[PLAYING] = True


PRESETS_PER_ROW = 3  # wide enough for a whole label on a projector


def preset_buttons():
    st.caption("Presets: each sets the lockstep settings and starts training.")
    items = list(PRESETS.items())
    for start in range(0, len(items), PRESETS_PER_ROW):
        columns = st.columns(PRESETS_PER_ROW)
        for column, (name, (label, _)) in zip(
            columns, items[start : start + PRESETS_PER_ROW], strict=False
        ):
            column.button(
                label,
                key=f"lab_preset_{name}",
                on_click=_use_preset,
                args=(name,),
                help=label,
                width="stretch",
            )
