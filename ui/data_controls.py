"""The data-set picker shared by the pages that train: widgets in, a Dataset out."""

import streamlit as st

import nets

DATASETS = {
    "iris": "Iris (real data)",
    "tips": "Restaurant tips (real data)",
    "circle": "Circle",
    "xor": "XOR",
    "gauss": "Two Gaussians",
    "spiral": "Spiral",
    "moons": "Two moons",
}


# units of the real data's columns, for axis titles
UNITS = {
    **{m: "cm" for m in nets.IRIS_MEASURES},
    "total_bill": "US$",
    "tip": "US$",
    "size": "people",
}


def axis_titles(data):
    """Each input's name with its unit, where the data set has one."""
    return tuple(f"{n} ({UNITS[n]})" if n in UNITS else n for n in data.input_names)


@st.cache_data(show_spinner=False, max_entries=64)
def load_dataset(name, options):
    """The data set for ``name`` and its options (a tuple of pairs, hashable)."""
    opts = dict(options)
    if name == "iris":
        return nets.load_iris(**opts)
    if name == "tips":
        return nets.load_tips(**opts)
    return nets.make_toy(name, **opts)


def _pair(labels, choices, default, key):
    """Two different choices from ``choices``; the second list drops the first pick."""
    first = st.selectbox(
        labels[0], choices, index=choices.index(default[0]), key=f"{key}_a"
    )
    rest = [c for c in choices if c != first]
    second_default = default[1] if default[1] in rest else rest[0]
    second = st.selectbox(
        labels[1], rest, index=rest.index(second_default), key=f"{key}_b"
    )
    return first, second


def data_controls(prefix):
    """Draw the data-set widgets (keys start ``prefix``); return (name, options)."""
    name = st.selectbox(
        "Data set", list(DATASETS), format_func=DATASETS.get, key=f"{prefix}_data"
    )
    if name == "iris":
        species = _pair(
            ("Class 0 species", "Class 1 species"),
            list(nets.IRIS_SPECIES),
            ("versicolor", "virginica"),
            f"{prefix}_species",
        )
        measures = _pair(
            ("x1 (cm)", "x2 (cm)"),
            list(nets.IRIS_MEASURES),
            ("petal_length", "petal_width"),
            f"{prefix}_measure",
        )
        opts = {"species": species, "measures": measures}
    elif name == "tips":
        label = st.selectbox(
            "Label column", list(nets.TIPS_LABELS), key=f"{prefix}_tips_label"
        )
        no, yes = nets.TIPS_LABELS[label]
        st.caption(f"class 0 = {label} {no}, class 1 = {label} {yes}")
        inputs = _pair(
            ("x1", "x2"),
            list(nets.TIPS_INPUTS),
            ("total_bill", "tip"),
            f"{prefix}_tips_input",
        )
        opts = {"label": label, "inputs": inputs}
    else:
        opts = {
            "n_points": st.slider("Points", 40, 1000, 300, 20, key=f"{prefix}_points"),
            "noise": st.slider("Noise", 0.0, 0.5, 0.1, 0.05, key=f"{prefix}_noise"),
        }
    opts["train_ratio"] = st.slider(
        "Training share",
        0.1,
        0.9,
        0.7,
        0.05,
        key=f"{prefix}_ratio",
        help="The rest is the test split.",
    )
    opts["seed"] = st.number_input("Data seed", 0, 10_000, 0, key=f"{prefix}_data_seed")
    return name, tuple(sorted(opts.items()))
