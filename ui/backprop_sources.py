"""Where the Backprop page's nets and batch come from: presets, a seed, other pages,
or a JSON file. Widgets in, a ``Setup`` out.
"""

from dataclasses import dataclass

import numpy as np
import pandas as pd
import streamlit as st

import nets
from nets.export import read_net_json
from nets.worked import MAX_SAMPLES
from ui.safe import plain
from ui.state import shared_nets

IMPORTED = "Imported file"
SEEDED = "From a seed"
IMPORT_KEY = "bp_imported"  # the last good import: dicts and lists, never a Net
LOSS_LABELS = {
    "cross_entropy": "Cross-entropy",
    "squared_error": "Half squared error (sigmoid head)",
}
# the weights of the shared known-value cases, written out so the app needs no files
PRESETS = {
    "Preset: one sample, cross-entropy": {
        "net": {
            "W1": [[0.1, 0.2], [0.3, -0.4]],
            "b1": [0.0, 0.1],
            "W2": [[0.7, -0.5]],
            "b2": [0.2],
            "activation": "sigmoid",
            "head": "sigmoid",
        },
        "X": [[0.5, -1.0]],
        "y": [1.0],
        "loss": "cross_entropy",
        "lr": 0.5,
    },
    "Preset: classic walk-through, squared error": {
        "net": {
            "W1": [[0.15, 0.2], [0.25, 0.3]],
            "b1": [0.35, 0.35],
            "W2": [[0.4, 0.45]],
            "b2": [0.6],
            "activation": "sigmoid",
            "head": "sigmoid",
        },
        "X": [[0.05, 0.1]],
        "y": [0.01],
        "loss": "squared_error",
        "lr": 0.5,
    },
    "Preset: batch of four, XOR corners": {
        "net": {
            "W1": [[0.5, -0.4], [0.3, 0.8]],
            "b1": [0.1, -0.2],
            "W2": [[0.6, -0.7]],
            "b2": [0.05],
            "activation": "tanh",
            "head": "sigmoid",
        },
        "X": [[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]],
        "y": [0.0, 1.0, 1.0, 0.0],
        "loss": "cross_entropy",
        "lr": 0.5,
    },
}


@dataclass
class Setup:
    """Everything a worked pass needs, as chosen on the page."""

    source: str
    sigmoid: nets.Net
    softmax: nets.Net
    softmax_given: bool  # False when the softmax net is the sigmoid net's image
    X: np.ndarray
    y: np.ndarray
    loss: str
    lr: float
    decimals: int
    carry: bool


def _apply_defaults(loss=None, lr=None):
    if loss is not None:
        st.session_state["bp_loss"] = loss
    if lr is not None:
        st.session_state["bp_lr"] = float(lr)


def _on_source_change():
    preset = PRESETS.get(st.session_state["bp_source"])
    if preset:
        _apply_defaults(preset["loss"], preset["lr"])
    elif st.session_state["bp_source"] == IMPORTED:
        data = st.session_state.get(IMPORT_KEY, {})
        _apply_defaults(data.get("loss"), data.get("lr"))
    else:
        _apply_defaults("cross_entropy")


def import_file():
    """The JSON uploader: a good file becomes the source; a bad one only a message."""
    upload = st.file_uploader(
        "Import a net (JSON)",
        type=["json"],
        key="bp_upload",
        help="A file exported from this page, a bare net (W1, b1, W2, b2, "
        "activation, head) or one of the project's known-value case files.",
    )
    if upload is None or st.session_state.get("bp_upload_seen") == upload.file_id:
        return st.session_state.get("bp_upload_error")
    st.session_state["bp_upload_seen"] = upload.file_id
    try:
        data = read_net_json(upload.getvalue())
    except ValueError as exc:
        message = f"{upload.name} was not loaded: {exc}. The previous net stays."
        st.session_state["bp_upload_error"] = message
        return message
    st.session_state.pop("bp_upload_error", None)
    st.session_state[IMPORT_KEY] = {
        "net": data["net"].to_dict(),
        "softmax_net": data["softmax_net"] and data["softmax_net"].to_dict(),
        "X": None if data["X"] is None else data["X"].tolist(),
        "y": None if data["y"] is None else data["y"].tolist(),
        "loss": data["loss"],
        "lr": data["lr"],
        "name": upload.name,
    }
    st.session_state["bp_import_count"] = st.session_state.get("bp_import_count", 0) + 1
    st.session_state["bp_source"] = IMPORTED
    _apply_defaults(data["loss"], data["lr"])
    return None


def _default_batch(n_inputs):
    x = np.resize([0.5, -1.0, 0.25, 0.75], n_inputs)
    return [x.tolist()], [1.0]


def _pick_net(source, shared):
    """``(sigmoid, softmax or None, X, y)`` for the chosen source."""
    if source in PRESETS:
        p = PRESETS[source]
        return nets.Net.from_dict(p["net"]), None, p["X"], p["y"]
    if source in shared:
        sig, soft = shared[source]
        return sig, soft, *_default_batch(sig.n_inputs)
    if source == IMPORTED:
        data = st.session_state[IMPORT_KEY]
        net = nets.Net.from_dict(data["net"])
        soft = data["softmax_net"] and nets.Net.from_dict(data["softmax_net"])
        if net.head == "softmax":
            net, soft = nets.softmax_to_sigmoid(net), net
        X, y = data["X"], data["y"]
        if X is None:
            X, y = _default_batch(net.n_inputs)
        return net, soft, X, y
    n_hidden = st.slider("Hidden units", 1, 4, 2, key="bp_hidden")
    activation = st.selectbox("Hidden activation", list(nets.ACTIVATIONS), key="bp_act")
    seed = st.number_input("Seed", 0, 10_000, 0, key="bp_seed")
    net = nets.init_net(2, n_hidden, activation, "sigmoid", seed=int(seed))
    return net, None, *_default_batch(2)


def batch_editor(X, y, key):
    """Up to four samples to edit; ``(X, y, problem)`` with a message if unusable."""
    X = np.asarray(X, np.float64)
    columns = [f"x[{j}]" for j in range(X.shape[1])]
    frame = pd.DataFrame(X, columns=columns).assign(y=np.asarray(y, np.float64))
    edited = st.data_editor(
        frame,
        num_rows="dynamic",
        key=key,
        hide_index=True,
        column_config={"y": st.column_config.NumberColumn("y (label or target)")},
    )
    if not 1 <= len(edited) <= MAX_SAMPLES:
        return None, None, f"use 1 to {MAX_SAMPLES} samples; there are {len(edited)}"
    values = edited.apply(pd.to_numeric, errors="coerce").to_numpy(np.float64)
    if not np.all(np.isfinite(values)):
        return None, None, "every cell of the batch needs a number"
    X, y = values[:, :-1], values[:, -1]
    if np.any((y < 0) | (y > 1)):
        return None, None, "y must be a label 0 or 1 (or a target between 0 and 1)"
    return X, y, None


def setup_controls():
    """Sidebar controls and the batch editor; a ``Setup``, or None after a warning."""
    shared = shared_nets()
    with st.sidebar:
        st.header("Net")
        upload_error = import_file()
        sources = [*PRESETS, SEEDED, *shared]
        if IMPORT_KEY in st.session_state:
            sources.append(IMPORTED)
        if st.session_state.get("bp_source") not in sources:
            st.session_state["bp_source"] = sources[0]
            _on_source_change()
        source = st.selectbox(
            "Net and sample", sources, key="bp_source", on_change=_on_source_change
        )
        sig, soft, X0, y0 = _pick_net(source, shared)
        st.header("Step")
        st.session_state.setdefault("bp_loss", "cross_entropy")
        loss = st.radio(
            "Loss of the sigmoid head",
            list(LOSS_LABELS),
            format_func=LOSS_LABELS.get,
            key="bp_loss",
            help="The softmax head always uses cross-entropy.",
        )
        st.session_state.setdefault("bp_lr", 0.5)
        lr = st.number_input("Learning rate η", 1e-4, 100.0, key="bp_lr", format="%g")
        decimals = st.slider("Decimals shown", 1, 8, 4, key="bp_decimals")
        carry = st.toggle(
            "Carry rounded values into the next step",
            key="bp_carry",
            help="As on paper: each step is computed from the previous steps "
            "rounded to the decimals shown. The drift from exact float64 is shown.",
        )
    if upload_error:
        st.error(plain(upload_error))
    if soft is not None and soft.W1.shape != sig.W1.shape:
        st.warning("The two nets offered do not share one hidden layer shape.")
        return None
    st.markdown("**Batch** (1 to 4 samples; add or delete rows)")
    count = st.session_state.get("bp_import_count", 0)
    X, y, problem = batch_editor(X0, y0, key=f"bp_batch_{source}_{count}")
    if problem:
        st.warning(f"This batch cannot be used: {plain(problem)}.")
        return None
    return Setup(
        source=source,
        sigmoid=sig,
        softmax=soft if soft is not None else nets.sigmoid_to_softmax(sig),
        softmax_given=soft is not None,
        X=X,
        y=y,
        loss=loss,
        lr=float(lr),
        decimals=int(decimals),
        carry=bool(carry),
    )
