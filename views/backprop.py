"""Backprop: every number of one forward and backward pass, for both heads, and
exercises to check a pass worked by hand."""

import streamlit as st

import nets
from ui.backprop_exercise import exercise_mode
from ui.backprop_exports import show_exports
from ui.backprop_sources import setup_controls
from ui.backprop_steps import relation_note, show_steps, show_tables

MODES = ("Worked pass", "Exercise")

st.title("Backprop: one step, every number")
if "bp_mode" not in st.session_state:
    # a shared exercise address (?seed=...) opens the exercise
    st.session_state["bp_mode"] = MODES[1] if "seed" in st.query_params else MODES[0]
mode = st.segmented_control("Mode", MODES, key="bp_mode", required=True)

if mode == "Exercise":
    exercise_mode()
    st.stop()
st.query_params.pop("seed", None)

st.caption(
    "The sigmoid net and its softmax twin, side by side, through z1, h, logits, p, "
    "loss, the gradients and one gradient-descent step, in the order you would "
    "compute them by hand."
)
setup = setup_controls()
if setup is None:
    st.stop()

# the softmax head is always trained with cross-entropy, which needs 0/1 labels
labels_ok = bool(((setup.y == 0) | (setup.y == 1)).all())
heads = {"sigmoid head": (setup.sigmoid, setup.loss)}
if labels_ok:
    heads["softmax head"] = (setup.softmax, "cross_entropy")
losses = {head: loss for head, (_, loss) in heads.items()}
exact = {
    head: nets.worked_steps(net, setup.X, setup.y, loss, setup.lr)
    for head, (net, loss) in heads.items()
}
shown = exact
if setup.carry:
    shown = {
        head: nets.worked_steps(net, setup.X, setup.y, loss, setup.lr, setup.decimals)
        for head, (net, loss) in heads.items()
    }

relations, note = None, None
if not labels_ok:
    note = (
        "The softmax head is left out: it needs class labels 0 or 1, and this "
        "batch has targets between them."
    )
elif setup.loss == "squared_error":
    note = (
        "The softmax head uses cross-entropy only; with squared error on the "
        "sigmoid head the two passes differ from the loss on, so they are not "
        "compared."
    )
else:
    relations = nets.head_relations(
        setup.sigmoid, exact["sigmoid head"], setup.softmax, exact["softmax head"]
    )
    if not setup.softmax_given:
        st.caption(
            "The softmax net is the sigmoid net's exact image: class-1 row = the "
            "sigmoid row, class-0 row = 0."
        )

show_steps(shown, exact, setup.decimals, setup.carry, relations, note)
show_tables(setup, exact, losses)
notes = relations and {k: relation_note(r) for k, r in relations.items()}
show_exports(setup, shown, exact, notes)
