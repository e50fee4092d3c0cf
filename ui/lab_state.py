"""The Lab's session: settings kept across page switches, the URL, and the run.

Widget keys are ``lab_<setting>``. The settings are read from the URL once per
session, kept in ``st.session_state`` between page switches, and written back to the
URL on every run. The run (the twins, their probe and the grid) lives in
``st.session_state`` too: one user's nets are never shared.
"""

import streamlit as st

from nets.features import FeatureMap
from nets.lockstep import LockstepProbe, data_twins, grid_inputs, lab_twins
from ui import lab_settings as ls

STORE = "lab_settings"
URL_NOTES = "lab_url_notes"
PENDING = "lab_pending"
RUN = "lab_run"
PLAYING = "lab_playing"
GRID = 40  # points per side of the grid the gap is measured on and drawn during play


def key(name):
    return f"lab_{name}"


def _widget_value(name, value):
    return list(value) if isinstance(ls.SPEC[name], ls.Many) else value


def init_settings():
    """Before any widget: the URL once, a pending import or preset, then the store."""
    ss = st.session_state
    if STORE not in ss:
        ss[STORE], ss[URL_NOTES] = ls.from_query(st.query_params.to_dict())
    pending = ss.pop(PENDING, None)
    if pending is not None:
        ss[STORE] = {**ss[STORE], **pending}
        for name, value in pending.items():
            ss[key(name)] = _widget_value(name, value)
    for name, value in ss[STORE].items():
        if key(name) not in ss:
            ss[key(name)] = _widget_value(name, value)
    ss.setdefault(PLAYING, False)


def apply_settings(changes):
    """A callback's way to set several settings at once (presets)."""
    for name, value in changes.items():
        st.session_state[key(name)] = _widget_value(name, value)


def read_settings():
    """The settings the widgets hold now; kept for the next visit and put in the URL."""
    ss = st.session_state
    settings = {}
    for name, spec in ls.SPEC.items():
        value = ss[key(name)]
        settings[name] = spec.strict(tuple(value) if isinstance(value, list) else value)
    if settings != ss[STORE]:
        ss[URL_NOTES] = []  # the link's notes are about settings no longer in use
    ss[STORE] = settings
    _sync_url(settings)
    return settings


def _sync_url(settings):
    want = ls.to_query(settings)
    have = {k: v for k, v in st.query_params.to_dict().items() if k in ls.SPEC}
    for name in have.keys() - want.keys():
        del st.query_params[name]
    for name, value in want.items():
        if have.get(name) != value:
            st.query_params[name] = value


def run_key(settings, data_version):
    return (
        data_version,
        tuple((k, v) for k, v in settings.items() if k not in ls.RUN_ONLY),
    )


def new_run(settings, data, data_version, start=None):
    """A fresh ``TwinTrainer`` for the settings; ``start`` = (sigmoid, softmax) nets."""
    fmap = FeatureMap.fit(data.X_train, settings["features"])
    sig, soft, sig_rates, soft_rates = lab_twins(
        fmap.n_inputs,
        settings["hidden"],
        settings["activation"],
        settings["pairing"],
        settings["lr"],
        settings["optimizer"],
        settings["reg"],
        settings["reg_rate"],
        settings["seed"],
        float(settings["head_factor"]),
        settings["shift"],
    )
    if start is not None:
        sig, soft = start
    twins = data_twins(
        data,
        fmap,
        (sig, soft, sig_rates, soft_rates),
        settings["optimizer"],
        settings["batch"] or None,
        settings["seed"],
    )
    probe = LockstepProbe(grid_inputs(data, fmap, GRID), twins)
    return {
        "key": run_key(settings, data_version),
        "twins": twins,
        "fmap": fmap,
        "probe": probe,
        "data": data,
        "imported": start is not None,
        "stopped": None,
    }


def current_run(settings, data, data_version):
    """The session's run, started afresh when the settings or the data changed."""
    run = st.session_state.get(RUN)
    if run is None or run["key"] != run_key(settings, data_version):
        run = st.session_state[RUN] = new_run(settings, data, data_version)
    return run
