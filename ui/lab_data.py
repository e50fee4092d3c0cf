"""The Lab's data: a built-in set or the user's own CSV, and the CSV download.

The last good uploaded data set stays loaded while a new file or a new choice of
columns has a problem; the problem is shown with the row or column it is in.
"""

import streamlit as st

from nets.csvdata import (
    MAX_BYTES,
    MAX_ROWS,
    dataset_to_csv,
    default_columns,
    read_table,
    shorten,
    table_to_dataset,
)
from ui.data_controls import DATASETS, load_dataset
from ui.safe import plain

SOURCES = {**DATASETS, "upload": "My own CSV"}
UPLOAD = "lab_upload"  # {"file": id, "name", "table", "data", "version", "error"}
MEGABYTE = 1024 * 1024  # as the server counts the upload cap


def _upload_state():
    return st.session_state.setdefault(
        UPLOAD,
        {"file": None, "name": None, "table": None, "data": None, "version": 0},
    )


def _try_dataset(state, inputs, label, ratio, seed):
    """Make the data set from the chosen columns; on a problem keep the last one."""
    try:
        data = table_to_dataset(
            state["table"], inputs, label, ratio, seed, name=state["name"]
        )
    except ValueError as exc:
        state["error"] = f"{state['name']}: {exc}"
        return
    state["error"] = None
    key = (state["table_id"], tuple(inputs), label, ratio, seed)
    if state.get("key") != key:
        state["key"] = key
        state["data"] = data
        state["version"] += 1


def _read_upload(state, file):
    """Read a newly chosen file once; its columns get a first guess."""
    if file is None or file.file_id == state["file"]:
        return
    state["file"] = file.file_id
    try:
        table = read_table(file.getvalue())
    except ValueError as exc:
        state["file_error"] = f"{file.name}: {exc}"
        return
    state.update(table=table, table_id=file.file_id, name=file.name, file_error=None)
    inputs, label = default_columns(table)
    if len(inputs) < 2:  # the first columns besides the label: their problem is named
        others = [c for c in table.header if c != label] + list(table.header) * 2
        inputs = others[:2]
    x1, x2 = inputs
    st.session_state.update(lab_csv_x1=x1, lab_csv_x2=x2, lab_csv_label=label)
    last = table.header[-1]
    state["guess"] = None if label == last else label


def upload_controls(ratio, seed):
    """The uploader, the column pickers and the mapping; returns the data set in use.

    None until a first good file is loaded.
    """
    state = _upload_state()
    file = st.file_uploader(
        f"CSV file (up to {MAX_ROWS:,} rows, {MAX_BYTES // MEGABYTE} MB)",
        key="lab_csv_file",
        help="A header row, two numeric input columns and a label column with "
        "exactly two values.",
    )
    _read_upload(state, file)
    table = state["table"]
    if table is not None:
        cols = list(table.header)
        for name in ("lab_csv_x1", "lab_csv_x2", "lab_csv_label"):
            if st.session_state.get(name) not in cols:
                st.session_state[name] = cols[0]
        x1 = st.selectbox("x1 column", cols, key="lab_csv_x1")
        x2 = st.selectbox("x2 column", cols, key="lab_csv_x2")
        label = st.selectbox("Label column", cols, key="lab_csv_label")
        if state.get("guess") == label:
            st.info(
                plain(
                    f"The label column is guessed as {shorten(label)}: the last "
                    f"column, {shorten(cols[-1])}, has more than two values."
                )
            )
        _try_dataset(state, (x1, x2), label, ratio, seed)
    kept = state["data"]
    for error in (state.get("file_error"), state.get("error")):
        if error:
            still = f" Still using the last good data set, {kept.name}." if kept else ""
            st.error(plain(error + still))
    data = state["data"]
    if data is not None:
        c0, c1 = (shorten(c) for c in data.class_names)
        st.caption(plain(f"{data.name}: class 0 = {c0}, class 1 = {c1}"))
    return data


def data_version(settings):
    """What identifies the data in use, for knowing when to start a new run."""
    if settings["data"] == "upload":
        return ("upload", _upload_state()["version"])
    return (settings["data"], _options(settings))


def _options(settings):
    opts = {"train_ratio": settings["ratio"], "seed": settings["data_seed"]}
    if settings["data"] not in ("iris", "tips"):
        opts.update(n_points=settings["points"], noise=settings["noise"])
    return tuple(sorted(opts.items()))


def builtin_dataset(settings):
    return load_dataset(settings["data"], _options(settings))


def download_button(data):
    st.download_button(
        "Download the data set (CSV)",
        dataset_to_csv(data),
        file_name=f"{data.name.removesuffix('.csv')}.csv",
        mime="text/csv",
        key="lab_csv_download",
        on_click="ignore",
        width="stretch",
    )
