"""Lab: live training with Playground's controls, own data, and the lockstep lab."""

import streamlit as st

from ui import lab_controls as controls
from ui import lab_views as views
from ui.lab_data import builtin_dataset, data_version, download_button, upload_controls
from ui.lab_saving import START, save_and_load
from ui.lab_state import (
    PLAYING,
    RUN,
    URL_NOTES,
    current_run,
    init_settings,
    new_run,
    read_settings,
)
from ui.safe import plain

init_settings()
st.title("Lab: train live, and see when the twins keep in step")

with st.sidebar:
    st.header("Data")
    source = controls.data_widgets()
    if source == "upload":
        uploaded = upload_controls(
            st.session_state["lab_ratio"], st.session_state["lab_data_seed"]
        )
    st.header("Net")
    controls.net_widgets()
    st.header("Training")
    controls.training_widgets()
    st.header("Run")
    controls.run_widgets()

settings = read_settings()
for note in st.session_state[URL_NOTES]:
    st.warning(f"The link had a bad value. {plain(note)}")

if source == "upload":
    data = uploaded
    if data is None and START in st.session_state:
        epoch = st.session_state[START][2]
        st.info(
            f"Loaded the nets saved at epoch {epoch} and their settings. They were "
            "trained on an uploaded CSV file, which an export does not hold: upload "
            "the same file in the sidebar to go on training from them."
        )
        st.stop()
    if data is None:
        st.info("Upload a CSV file in the sidebar to train on your own data.")
        st.stop()
else:
    try:
        data = builtin_dataset(settings)
    except ValueError as exc:
        st.error(f"This data set cannot be made with these options: {exc}")
        st.stop()

version = data_version(settings)
if START in st.session_state:
    sig, soft, epoch = st.session_state.pop(START)
    st.session_state[RUN] = new_run(settings, data, version, start=(sig, soft))
    st.session_state[PLAYING] = False
    st.success(f"Loaded the nets saved at epoch {epoch}; training starts from them.")
run = current_run(settings, data, version)

with st.sidebar:
    st.header("Save and load")
    download_button(data)
    save_and_load(settings, run)

st.subheader("Lockstep lab")
controls.lockstep_widgets()
views.statement(settings)
controls.preset_buttons()


def _play():
    st.session_state[PLAYING] = True
    st.session_state[RUN]["stopped"] = None


def _pause():
    st.session_state[PLAYING] = False


def _step():
    st.session_state[PLAYING] = False
    r = st.session_state[RUN]
    r["twins"].run(1, hook=r["probe"])


def _reset():
    st.session_state[PLAYING] = False
    st.session_state.pop(RUN, None)


buttons = st.columns(4)
playing = st.session_state[PLAYING]
buttons[0].button(
    "Play", key="lab_play", on_click=_play, disabled=playing, type="primary"
)
buttons[1].button("Pause", key="lab_pause", on_click=_pause, disabled=not playing)
buttons[2].button("Step", key="lab_step", on_click=_step)
buttons[3].button("Reset", key="lab_reset", on_click=_reset)

views.live_section(settings)

st.subheader("Accuracy and confusion matrices")
views.scores(run)
st.subheader("The hidden layer")
views.hidden_views(run, settings)
