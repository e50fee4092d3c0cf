"""The Lab's output: the live charts, the lockstep statement, the scores and the
hidden layer. Each function draws one section from the session's run."""

import numpy as np
import pandas as pd
import streamlit as st

import nets
from nets.hidden import confusion, head_line, hidden_layer, line_in_box
from nets.live import STOPPED_DIVERGED, STOPPED_EPOCHS, STOPPED_TARGET, advance
from nets.lockstep import lockstep_statement
from ui import lab_live as live
from ui.figures import accuracy_figure
from ui.lab_figures import hidden_space_figure, unit_heatmaps_figure
from ui.lab_state import GRID, PLAYING, RUN

TICK = 0.05  # seconds between live updates asked for; a slow update delays the next
ROUNDING_NOTE = (
    "In lockstep the gap is float64 rounding: it starts near 1e-16 and adds up slowly "
    "over many steps, so values around 1e-13 after hundreds of epochs still mean "
    "lockstep."
)
STOP_TEXT = {
    STOPPED_EPOCHS: "Stopped: the epoch limit is reached.",
    STOPPED_TARGET: "Stopped: both nets reached the target training loss.",
    STOPPED_DIVERGED: "Stopped: a net diverged.",
}


def statement(settings):
    """Whether lockstep is guaranteed for the settings, and why."""
    ok, why = lockstep_statement(
        settings["pairing"],
        settings["optimizer"],
        settings["reg"],
        settings["reg_rate"],
        float(settings["head_factor"]),
        settings["shift"],
    )
    (st.success if ok else st.warning)(why, icon=":material/link:" if ok else None)
    st.caption(
        "Sigmoid: p = σ(w·h + b). Softmax: p = σ((r1 − r0)·h + (b1 − b0)). "
        "The softmax rows' sum r0 + r1 changes no prediction: it stays put while "
        "the rows get gradients g and −g (L2 shrinks it towards 0)."
    )


def _grid_probs(run, resolution):
    data, fmap = run["data"], run["fmap"]
    x1, x2 = nets.boundary_grid(np.vstack([data.X_train, data.X_test]), resolution)
    if resolution == GRID:  # the probe's grid: already mapped to the net's inputs
        X = run["probe"].X
    else:
        g1, g2 = np.meshgrid(x1, x2)
        X = fmap(np.column_stack([g1.ravel(), g2.ravel()]))
    grids = {
        t.name: nets.predict_proba(t.net, X).reshape(len(x2), len(x1))
        for t in run["twins"].trainers
    }
    return x1, x2, grids


def _live_body(settings):
    run = st.session_state[RUN]
    twins, probe = run["twins"], run["probe"]
    playing = st.session_state[PLAYING]
    if playing:
        _, reason = advance(
            twins,
            settings["speed"],
            settings["max_epochs"],
            settings["target_loss"],
            hook=probe,
        )
        if reason:
            run["stopped"] = reason
            st.session_state[PLAYING] = False
            st.rerun()  # the whole page, so the timer stops and every view updates

    sig, soft = twins.sigmoid.history, twins.softmax.history
    cols = st.columns(4)
    cols[0].metric("Epoch", twins.epoch)
    cols[1].metric("Sigmoid train loss", f"{sig.train_loss[-1]:.4f}")
    cols[2].metric("Softmax train loss", f"{soft.train_loss[-1]:.4f}")
    cols[3].metric("Largest |ΔP| on the grid", f"{probe.gap[-1]:.2e}")
    if not playing and run["stopped"]:
        st.info(STOP_TEXT[run["stopped"]])
    for message in twins.messages:
        st.error(message)

    _live_charts(run, GRID if playing else 2 * GRID)


def _vega(spec, datasets, key):
    st.vega_lite_chart(spec={**spec, "datasets": datasets}, key=key, width="stretch")


def _live_charts(run, resolution):
    """The boundary, loss and lockstep charts; their specs are kept for the run."""
    twins, data = run["twins"], run["data"]
    x1, x2, grids = _grid_probs(run, resolution)
    specs = run.setdefault("specs", {})
    if specs.get("resolution") != resolution:
        specs["resolution"] = resolution
        specs["boundary"] = live.boundary_spec(x1, x2, data)
    left, right = st.columns([5, 4])
    with left:
        _vega(specs["boundary"], live.boundary_data(x1, x2, grids), "lab_boundary")
    with right:
        hists = {t.name: t.history.as_dict() for t in twins.trainers}
        _vega(live.loss_spec(), live.loss_data(hists), "lab_loss")
    _vega(
        live.lockstep_spec(), live.lockstep_data(run["probe"].as_dict()), "lab_lockstep"
    )


def live_section(settings):
    """The epoch counter and the charts that follow the training while it plays."""
    playing = st.session_state[PLAYING]

    @st.fragment(run_every=TICK if playing else None)
    def body():
        _live_body(settings)

    body()
    st.caption(ROUNDING_NOTE)


def scores(run):
    """Accuracy and a confusion matrix for each net, train and test."""
    data, fmap = run["data"], run["fmap"]
    names = data.class_names
    columns = st.columns(4)
    i = 0
    for t in run["twins"].trainers:
        for split, X, y in (
            ("train", data.X_train, data.y_train),
            ("test", data.X_test, data.y_test),
        ):
            with columns[i]:
                i += 1
                if not len(y):
                    st.caption(f"{t.name}, {split}: no points")
                    continue
                p = nets.predict_proba(t.net, fmap(X))
                counts = confusion(p, y)
                acc = np.trace(counts) / counts.sum()
                st.markdown(f"**{t.name} head, {split}**: accuracy {acc:.3f}")
                st.dataframe(
                    pd.DataFrame(
                        counts,
                        index=[f"true {n}" for n in names],
                        columns=[f"pred {n}" for n in names],
                    ),
                    key=f"lab_confusion_{t.name}_{split}",
                )
    hists = {t.name: t.history.as_dict() for t in run["twins"].trainers}
    fig = accuracy_figure(hists, height=300)
    epoch = run["twins"].epoch
    fig.update_xaxes(range=[0, max(epoch, 1)])  # from epoch 0, never of zero width
    if epoch == 0:  # one point per curve: a dot, as a line of one point draws nothing
        fig.update_traces(mode="lines+markers", marker={"size": 9})
    st.plotly_chart(fig, key="lab_accuracy")


def hidden_views(run, settings):
    """Hidden space with both heads' lines (two units), and each unit's heatmap."""
    data, fmap, twins = run["data"], run["fmap"], run["twins"]
    if settings["hidden"] == 2:
        X = fmap(data.X_train)
        hidden = {t.name: hidden_layer(t.net, X) for t in twins.trainers}
        H = np.vstack(list(hidden.values()))
        lo, hi = H.min(axis=0), H.max(axis=0)
        pad = np.maximum(0.1 * (hi - lo), 0.05)
        lo, hi = lo - pad, hi + pad
        lines = {t.name: line_in_box(*head_line(t.net), lo, hi) for t in twins.trainers}
        fig = hidden_space_figure(hidden, data.y_train, lines, data.class_names)
        fig.update_layout(
            xaxis_range=[float(lo[0]), float(hi[0])],
            yaxis_range=[float(lo[1]), float(hi[1])],
        )
        st.plotly_chart(fig, key="lab_hidden_space")
        if settings["pairing"] != "matched":
            st.caption(
                "Outside matched mode the two hidden layers differ: each head's line "
                "belongs with its own points (filled circles: sigmoid net, open "
                "diamonds: softmax net)."
            )
    else:
        st.info("Set **Hidden units** to 2 to see the points in (h1, h2) space.")
    head = st.radio(
        "Hidden units of", ["sigmoid", "softmax"], horizontal=True, key="lab_units_of"
    )
    net = twins.sigmoid.net if head == "sigmoid" else twins.softmax.net
    x1, x2 = nets.boundary_grid(np.vstack([data.X_train, data.X_test]), GRID)
    units = hidden_layer(net, run["probe"].X)  # (GRID², n_hidden)
    units = units.T.reshape(-1, len(x2), len(x1))
    st.plotly_chart(
        unit_heatmaps_figure(x1, x2, units, data.input_names), key="lab_units"
    )
