"""Saving the Lab's weights and settings to JSON, and loading them back.

A file is read once when chosen; a bad file leaves the settings and the nets as they
were and says what is wrong with it.
"""

import streamlit as st

from ui.lab_io import MAX_BYTES, lab_json, read_lab_json
from ui.lab_state import PENDING
from ui.safe import plain

IMPORT = "lab_import"  # {"file": id, "error": text or None}
START = "lab_import_start"  # (sigmoid net, softmax net, epoch) for the next run


def save_and_load(settings, run):
    twins = run["twins"]
    st.download_button(
        "Export weights and settings (JSON)",
        lab_json(settings, twins.sigmoid.net, twins.softmax.net, twins.epoch),
        file_name="twin-heads-lab.json",
        mime="application/json",
        key="lab_json_download",
        on_click="ignore",
        width="stretch",
    )
    state = st.session_state.setdefault(IMPORT, {"file": None, "error": None})
    file = st.file_uploader(
        f"Import a Lab export (JSON, up to {MAX_BYTES // 1_000_000} MB)",
        key="lab_json_file",
    )
    if file is not None and file.file_id != state["file"]:
        state["file"] = file.file_id
        try:
            new_settings, sig, soft, epoch = read_lab_json(file.getvalue())
        except ValueError as exc:
            state["error"] = f"{file.name}: {exc} Nothing was changed."
        else:
            state["error"] = None
            st.session_state[PENDING] = new_settings
            st.session_state[START] = (sig, soft, epoch)
            st.rerun()
    if state["error"]:
        st.error(plain(state["error"]))
