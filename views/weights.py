"""Weights: set every weight by hand and watch the two heads agree or disagree."""

import numpy as np
import streamlit as st

import nets
from ui.figures import boundary_figure
from ui.safe import plain
from ui.state import share_nets
from ui.weights_controls import (
    STASH,
    WARNINGS,
    sidebar_controls,
    sync_from_url,
    value_controls,
    write_url,
)
from ui.weights_figures import logit_figure, network_figure
from ui.weights_panel import (
    hidden_tex,
    identity_tex,
    num,
    point_pass,
    sigmoid_tex,
    softmax_tex,
)
from ui.weights_reach import missing_boundary_note
from ui.weights_state import SPAN_LIMITS, twins

GRID = 61  # points per axis of the plane

st.title("Weights: one body, two heads")
st.caption(
    "Set every weight of a net with a sigmoid head and of its twin with a softmax "
    "head, and see when they give exactly the same probability. The link in the "
    "address bar restores this page exactly."
)

state = sync_from_url()
with st.sidebar:
    state = sidebar_controls(state)
st.session_state[STASH] = state

if st.session_state.get(WARNINGS):
    with st.container(border=True):
        st.warning(
            "Some values could not be used as given and were replaced by the "
            "nearest valid value:\n\n"
            + "\n".join(f"- {plain(w)}" for w in st.session_state[WARNINGS])
        )
        if st.button("Dismiss", key="wt_dismiss"):
            st.session_state[WARNINGS] = []
            st.rerun()


def link_report(state, sig, soft, grids):
    """What the link mode guarantees, and how far apart the heads are on the plane."""
    gap = float(np.max(np.abs(grids["sigmoid"] - grids["softmax"])))
    if state.link == "softmax-follows":
        st.success(
            "The softmax rows are $V_0 = c$ and $V_1 = w + c$. Move the shift: every "
            "probability and both boundaries stay where they are. Largest "
            f"|P_sigmoid − P_softmax| over the plane: **{gap:.2e}** (float64 rounding)."
        )
    elif state.link == "sigmoid-follows":
        st.success(
            "The sigmoid head is $w = V_1 - V_0$, $b = \\beta_1 - \\beta_0$: the one "
            "sigmoid head that predicts what this softmax head predicts. Largest "
            f"|P_sigmoid − P_softmax| over the plane: **{gap:.2e}**."
        )
    else:
        dw = float(np.linalg.norm(sig.W2[0] - (soft.W2[1] - soft.W2[0])))
        db = abs(float(sig.b2[0] - (soft.b2[1] - soft.b2[0])))
        split = float(np.mean((grids["sigmoid"] > 0.5) != (grids["softmax"] > 0.5)))
        st.info(
            f"The heads are set separately. $\\lVert w - (V_1 - V_0) \\rVert$ = "
            f"**{dw:.4g}**, $|b - (\\beta_1 - \\beta_0)|$ = **{db:.4g}**; their "
            f"probabilities differ by up to **{gap:.4g}** on the plane, and they put "
            f"**{split:.1%}** of it in different classes."
        )


@st.fragment
def weights_body():
    """Everything a weight or the point changes: reruns alone when one of them moves."""
    state = st.session_state[STASH]
    left, right = st.columns([2, 3], gap="medium")
    with left:
        state = value_controls(state)
    st.session_state[STASH] = state
    write_url(state)
    sig, soft = twins(state)
    share_nets("Weights page", sig, soft)

    pp = point_pass(sig, soft, state.x, state.y)
    half = max(state.span, 1.1 * float(np.max(np.abs(state.x))))
    axis = np.linspace(-half, half, GRID)
    grids = {
        "sigmoid": nets.probability_grid(sig, axis, axis),
        "softmax": nets.probability_grid(soft, axis, axis),
    }
    heat = "softmax" if state.link == "sigmoid-follows" else "sigmoid"
    dp = state.decimals

    with right:
        cols = st.columns(3)
        cols[0].metric("P(class 1), sigmoid head", num(pp.p_sig, dp))
        cols[1].metric("P(class 1), softmax head", num(pp.p_soft, dp))
        cols[2].metric(
            "|P_sigmoid − P_softmax| at x", f"{abs(pp.p_sig - pp.p_soft):.2e}"
        )
        link_report(state, sig, soft, grids)
        point = {
            "X": [state.x],
            "y": [state.y],
            "name": f"x = ({num(state.x[0], 2)}, {num(state.x[1], 2)})",
            "symbol": "star",
            "size": 20,
        }
        fig = boundary_figure(
            axis,
            axis,
            grids,
            heat_grid=grids[heat],
            points=[point],
            title=f"Decision boundaries (p = 0.5); heat: P(class 1) of the {heat} head",
            height=480,
        )
        st.plotly_chart(fig, key="wt_boundary")
        for (head, grid), net in zip(grids.items(), (sig, soft), strict=True):
            if np.all(grid > 0.5) or np.all(grid < 0.5):
                side = 1 if grid[0, 0] > 0.5 else 0
                st.caption(missing_boundary_note(net, head, side, SPAN_LIMITS[1]))

    net_col, logit_col = st.columns(2, gap="medium")
    net_col.plotly_chart(network_figure(sig, soft, pp, dp), key="wt_network")
    logit_col.plotly_chart(logit_figure(pp), key="wt_logit")

    st.subheader("Pen and paper at x")
    st.caption(
        f"Every number is rounded to {dp} decimals for display only; the arithmetic "
        "is float64. Losses are computed from the logits, as the nets do."
    )
    st.markdown(f"**Shared hidden layer** ({sig.activation})")
    half_units = (sig.n_hidden + 1) // 2
    for col, units in zip(
        st.columns(2, gap="large"),
        (range(half_units), range(half_units, sig.n_hidden)),
        strict=True,
    ):
        if units:
            col.markdown(hidden_tex(sig, pp, dp, units))
    sig_col, soft_col = st.columns(2, gap="large")
    sig_col.markdown("**Sigmoid head**")
    sig_col.markdown(sigmoid_tex(sig, pp, dp))
    soft_col.markdown("**Softmax head**")
    soft_col.markdown(softmax_tex(soft, pp, dp))
    st.markdown("**The identity, with these numbers**")
    st.markdown(identity_tex(pp, dp))


weights_body()
