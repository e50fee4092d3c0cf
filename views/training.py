"""Training: both nets trained side by side on one data set, boundaries and curves."""

import numpy as np
import streamlit as st

import nets
from ui.data_controls import axis_titles, data_controls, load_dataset
from ui.figures import accuracy_figure, boundary_figure, loss_figure
from ui.state import share_nets

PAIRING_LABELS = {
    "matched": "Matched: softmax mapped from sigmoid, sigmoid head at 2 × rate",
    "same": "Same settings: shared hidden start, one rate everywhere",
}
RESULT = "training_result"
MAX_STEPS = 100_000  # gradient steps per net in one run: about 20 s at batch size 1

st.title("Training: two heads, one body")
st.caption(
    "A sigmoid-head net and a softmax-head net share a hidden layer design and train "
    "side by side on the same data, in the same batch order."
)

with st.sidebar:
    # first, so it is in view on a short screen; it trains with the settings below
    clicked = st.button("Train", type="primary", key="train_go", width="stretch")
    st.header("Data")
    data_name, data_options = data_controls("train")
    st.header("Nets")
    n_hidden = st.slider("Hidden units", 1, 8, 4, key="train_hidden")
    activation = st.selectbox(
        "Hidden activation", list(nets.ACTIVATIONS), key="train_act"
    )
    pairing = st.radio(
        "Pairing",
        list(PAIRING_LABELS),
        format_func=PAIRING_LABELS.get,
        key="train_pairing",
    )
    lr = st.number_input(
        "Learning rate, hidden layer", 1e-4, 1e3, 0.3, format="%g", key="train_lr"
    )
    lr_head = st.number_input(
        "Learning rate, head",
        1e-4,
        1e3,
        0.3,
        format="%g",
        key="train_lr_head",
        help="The softmax head learns at this rate; in matched mode the sigmoid head "
        "learns at twice it.",
    )
    epochs = st.number_input("Epochs", 1, 20_000, 500, step=100, key="train_epochs")
    batch = st.number_input(
        "Batch size (0 = full batch)", 0, 10_000, 0, key="train_batch"
    )
    seed = st.number_input(
        "Seed (weights and batch order)", 0, 10_000, 0, key="train_seed"
    )

settings = {
    "data": (data_name, data_options),
    "n_hidden": n_hidden,
    "activation": activation,
    "pairing": pairing,
    "lr": float(lr),
    "lr_head": float(lr_head),
    "epochs": int(epochs),
    "batch": int(batch),
    "seed": int(seed),
}

try:
    data = load_dataset(data_name, data_options)
except ValueError as exc:
    st.error(f"This data set cannot be made with these options: {exc}")
    st.stop()
scaler = data.scaler


def train(settings):
    """Train the twins for ``settings`` with a progress bar; keep the result."""
    bar = st.progress(0.0, text="Training both nets…")

    def report(done, total):
        bar.progress(done / total, text=f"Training both nets… epoch {done} of {total}")

    twins = nets.train_twins(
        scaler.transform(data.X_train),
        data.y_train,
        scaler.transform(data.X_test),
        data.y_test,
        n_hidden=settings["n_hidden"],
        activation=settings["activation"],
        pairing=settings["pairing"],
        lr=settings["lr"],
        lr_head=settings["lr_head"],
        epochs=settings["epochs"],
        batch_size=settings["batch"] or None,
        seed=settings["seed"],
        callback=report,
    )
    bar.empty()
    share_nets("Training page", twins.sigmoid.net, twins.softmax.net)
    st.session_state[RESULT] = {
        "settings": settings,
        "nets": {t.name: t.net for t in twins.trainers},
        "histories": {t.name: t.history.as_dict() for t in twins.trainers},
        "messages": twins.messages,
    }


n_train = len(data.y_train)
batches = -(-n_train // min(settings["batch"] or n_train, n_train))  # ceil
steps = settings["epochs"] * batches
if clicked and steps > MAX_STEPS:
    st.error(
        f"This run needs {steps:,} gradient steps per net ({settings['epochs']:,} "
        f"epochs × {batches:,} batches); one run here takes at most {MAX_STEPS:,} so "
        "the page stays responsive. Raise the batch size or lower the epochs."
    )
elif clicked or RESULT not in st.session_state:
    train(settings)
result = st.session_state[RESULT]
if result["settings"] != settings:
    st.info("The settings have changed since this run. Press **Train** to train again.")
    if result["settings"]["data"] != settings["data"]:
        data = load_dataset(*result["settings"]["data"])
        scaler = data.scaler
for message in result["messages"]:
    st.error(message)
for head, hist in result["histories"].items():
    start, end = hist["train_loss"][0], hist["train_loss"][-1]
    if not result["messages"] and end > start:
        st.warning(
            f"The {head} net's training loss ended higher than it began "
            f"({start:.3g} → {end:.3g}): the learning rate is too large for it, and "
            "each step overshoots. With one rate everywhere the softmax net's stable "
            "limit is half the sigmoid net's, because its row difference moves twice "
            "as far per step."
        )

# the plane in the data's own units; the nets see standardised inputs
x1, x2 = nets.boundary_grid(np.vstack([data.X_train, data.X_test]), resolution=80)
grids = {
    head: nets.probability_grid(net, x1, x2, transform=scaler.transform)
    for head, net in result["nets"].items()
}
gap = float(np.max(np.abs(grids["sigmoid"] - grids["softmax"])))

left, right = st.columns([3, 2])
with right:
    heat = st.radio(
        "Heatmap shows P(class 1) of",
        ["sigmoid", "softmax"],
        horizontal=True,
        key="train_heat",
    )
    st.metric("Largest |P_sigmoid − P_softmax| on the grid", f"{gap:.2e}")
    if result["settings"]["pairing"] == "matched" and gap > 1e-9:
        st.warning(
            "Matched mode, yet the nets disagree. Each step keeps them equal in exact "
            "arithmetic, but at this learning rate training is chaotic: float64 "
            "rounding, about 1e-16 per step, is magnified from step to step until the "
            "paths part. PyTorch shows the same. A smaller learning rate keeps them "
            "together."
        )
    elif result["settings"]["pairing"] == "matched":
        st.write(
            "Matched mode: the softmax net began as the exact image of the sigmoid "
            "net, and its rows get gradients g and −g, so their difference moves by "
            "2·lr·g — the sigmoid head's step at 2·lr — leaving only float64 "
            "rounding, about 1e-16."
        )
    else:
        st.write(
            "Same settings: each head starts on its own, and at one rate the softmax "
            "row difference moves twice as far per step as the sigmoid row, so the two "
            "nets take different paths and end apart."
        )
    hists = result["histories"]
    # four significant digits for losses, accuracies as percentages
    rows = {
        head: {
            "epochs": str(h["epoch"][-1]),
            "train loss": f"{h['train_loss'][-1]:.4g}",
            "test loss": f"{h['test_loss'][-1]:.4g}",
            "train accuracy": f"{h['train_acc'][-1]:.1%}",
            "test accuracy": f"{h['test_acc'][-1]:.1%}",
        }
        for head, h in hists.items()
    }
    st.dataframe(rows, width="stretch")
    with st.expander("Standardisation (training split)"):
        st.write("Each input is fed to the nets as (x − mean) / sd:")
        st.dataframe(
            {"input": list(data.input_names), "mean": scaler.mean, "sd": scaler.std},
            hide_index=True,
        )
with left:
    points = [
        {
            "X": data.X_train,
            "y": data.y_train,
            "name": "train",
            "symbol": "circle",
            "classes": data.class_names,
        },
        {
            "X": data.X_test,
            "y": data.y_test,
            "name": "test",
            "symbol": "diamond-open",
            "classes": data.class_names,
        },
    ]
    fig = boundary_figure(
        x1,
        x2,
        grids,
        heat_grid=grids[heat],
        points=points,
        axis_titles=axis_titles(data),
        title="Decision boundaries (p = 0.5)",
    )
    st.plotly_chart(fig, key="train_boundary")

loss_col, acc_col = st.columns(2)
loss_col.plotly_chart(loss_figure(hists), key="train_loss")
acc_col.plotly_chart(accuracy_figure(hists), key="train_acc")
