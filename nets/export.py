"""Worked passes out as Markdown (with LaTeX) and CSV; nets in and out as JSON.

Reading JSON validates everything and raises ValueError with a sentence that says
what was expected and what the file holds.
"""

import csv
import io
import json

import numpy as np

from .checks import read_json
from .heads import LOSSES
from .network import Net
from .worked import MAX_SAMPLES

FORMAT = "twin-heads/backprop"
MAX_JSON_CHARS = 200_000
MAX_HIDDEN = 8  # the most hidden units any page makes
MAX_INPUTS = 8  # two inputs and the derived features of the Lab
MAX_WEIGHT = 1e6


def fmt(x, decimals):
    """``x`` with ``decimals`` digits after the point; never a "-0.000"."""
    text = f"{float(x):.{decimals}f}"
    return text[1:] if text.startswith("-") and float(text) == 0 else text


def latex_value(a, decimals):
    """A number, or a ``bmatrix`` (a vector is one row; a matrix keeps its rows)."""
    a = np.asarray(a, np.float64)
    if a.ndim == 0:
        return fmt(a, decimals)
    rows = a[None, :] if a.ndim == 1 else a
    body = r" \\ ".join(" & ".join(fmt(v, decimals) for v in row) for row in rows)
    return r"\begin{bmatrix} " + body + r" \end{bmatrix}"


def display_math(latex):
    """Lines of a display formula: ``$$`` on lines of their own, as GitHub, Pandoc
    and Streamlit all read it."""
    return ["$$", latex, "$$", ""]


def givens_markdown(net, X, y, lr, loss, decimals=4):
    """The inputs of a worked pass as Markdown lines: weights, sample, rate, loss."""
    loss_words = {
        "cross_entropy": "mean cross-entropy",
        "squared_error": "mean half squared error",
    }
    names = {"W1": "W_1", "b1": "b_1", "W2": "W_2", "b2": "b_2"}
    params = r",\quad ".join(
        f"{names[k]} = {latex_value(v, decimals)}" for k, v in net.params().items()
    )
    return [
        f"Hidden activation: {net.activation}; head: {net.head}; "
        f"loss: {loss_words[loss]}; learning rate $\\eta = {lr:g}$. "
        "Per-sample quantities have one row per sample; softmax column/row k is "
        "class k.",
        "",
        *display_math(params),
        *display_math(
            f"X = {latex_value(X, decimals)},\\quad "
            f"y = {latex_value(np.asarray(y)[:, None], decimals)}"
        ),
    ]


def worked_markdown(title, columns, decimals=4, intro=(), notes=None):
    """A worked pass as Markdown with ``$$`` LaTeX, one section per step.

    ``columns`` maps a heading ("sigmoid head", ...) to a list of ``Step``; all
    lists hold the same keys in the same order. ``notes`` maps a step key to one
    line of text printed under that step.
    """
    lines = [f"# {title}", "", *intro, ""]
    first = next(iter(columns.values()))
    for i, step in enumerate(first, start=1):
        lines += [f"## {i}. {step.title.capitalize()}: ${step.symbol}$", ""]
        for heading, steps in columns.items():
            s = steps[i - 1]
            if len(columns) > 1:
                lines += [f"**{heading}**", ""]
            lines += display_math(s.formula)
            lines += display_math(f"{s.symbol} = {latex_value(s.value, decimals)}")
        if notes and step.key in notes:
            lines += [f"> {notes[step.key]}", ""]
    return "\n".join(lines)


def steps_csv(exact, carried=None):
    """Every entry of every step as CSV: head, step, index, exact, carried, drift.

    ``exact`` and ``carried`` map a head name to a list of ``Step``; ``carried``
    (the rounded-carry pass) may be None, which leaves those columns empty.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["head", "step", "quantity", "index", "exact", "carried", "drift"])
    for head, steps in exact.items():
        others = carried[head] if carried else [None] * len(steps)
        for step, other in zip(steps, others, strict=True):
            value = np.asarray(step.value)
            for idx in np.ndindex(value.shape):
                row = [head, step.key, step.title, ",".join(map(str, idx))]
                row.append(repr(float(value[idx])))
                if other is None:
                    row += ["", ""]
                else:
                    c = float(np.asarray(other.value)[idx])
                    row += [repr(c), repr(c - float(value[idx]))]
                writer.writerow(row)
    return out.getvalue()


def net_json(net, X=None, y=None, loss="cross_entropy", lr=0.5, softmax_net=None):
    """A net (and optionally its softmax twin and a batch) as indented JSON."""
    data = {"format": FORMAT, "version": 1, "net": net.to_dict()}
    if softmax_net is not None:
        data["softmax_net"] = softmax_net.to_dict()
    if X is not None:
        data["X"] = np.asarray(X, np.float64).tolist()
        data["y"] = np.asarray(y, np.float64).tolist()
    data.update(loss=loss, lr=float(lr))
    return json.dumps(data, indent=2)


def _net(data, where):
    """A Net from a dict, accepting ``hidden_activation`` and a missing ``head``."""
    if not isinstance(data, dict):
        raise ValueError(
            f"{where} must be a JSON object; it is a {type(data).__name__}"
        )
    data = dict(data)
    if "activation" not in data and "hidden_activation" in data:
        data["activation"] = data["hidden_activation"]
    if "head" not in data and isinstance(data.get("W2"), list):
        data["head"] = {1: "sigmoid", 2: "softmax"}.get(len(data["W2"]), "?")
    try:
        return Net.from_dict(data)
    except (ValueError, TypeError) as exc:
        raise ValueError(f"{where} is not a valid net: {exc}") from None


def _batch(data, net):
    X, y = data.get("X"), data.get("y", data.get("target"))
    if X is None and y is None:
        return None, None
    if X is None or y is None:
        raise ValueError("the file has X without y (or y without X); give both")
    try:
        X = np.array(X, dtype=np.float64)
        y = np.array(y, dtype=np.float64)
    except (TypeError, ValueError):
        raise ValueError("X and y must hold numbers only") from None
    if X.ndim != 2 or X.shape[1] != net.n_inputs:
        raise ValueError(
            f"X must be a list of rows of {net.n_inputs} numbers, one per input of "
            f"the net; the file's X has shape {X.shape}"
        )
    if not 1 <= X.shape[0] <= MAX_SAMPLES:
        raise ValueError(
            f"X must hold 1 to {MAX_SAMPLES} samples; the file has {X.shape[0]}"
        )
    if y.shape != (X.shape[0],):
        raise ValueError(
            f"y must hold one number per row of X ({X.shape[0]}); it has shape "
            f"{y.shape}"
        )
    if not (np.all(np.abs(X) <= MAX_WEIGHT) and np.all((y >= 0) & (y <= 1))):
        raise ValueError(f"X must lie within ±{MAX_WEIGHT:g} and y between 0 and 1")
    return X, y


def _check_size(net, where):
    """Refuse nets larger or with weights bigger than any page makes or can show."""
    if net.n_hidden > MAX_HIDDEN or net.n_inputs > MAX_INPUTS:
        raise ValueError(
            f"{where} has {net.n_inputs} inputs and {net.n_hidden} hidden units; "
            f"this page takes at most {MAX_INPUTS} inputs and {MAX_HIDDEN} hidden units"
        )
    biggest = max(float(np.abs(a).max()) for a in net.params().values())
    if biggest > MAX_WEIGHT:
        raise ValueError(
            f"{where} has a weight of size {biggest:.3g}; weights must lie within "
            f"±{MAX_WEIGHT:g}, beyond which the worked numbers overflow float64"
        )


def read_net_json(text):
    """Parse JSON from ``net_json`` (or a bare net, or a shared case file).

    Returns a dict: ``net`` (a Net), ``softmax_net`` (a Net or None), ``X`` and
    ``y`` (arrays or None), ``loss`` and ``lr`` (None when the file has none).
    Anything wrong with the file is a ValueError whose message says what.
    """
    try:
        return _read_net_json(text)
    except (TypeError, OverflowError, RecursionError, MemoryError) as exc:
        # numbers too large for float64, lists nested past Python's limit, or a
        # field of the wrong kind that slipped past the checks above
        kind = {
            OverflowError: "a number too large for float64",
            RecursionError: "lists nested too deeply",
        }.get(type(exc), "a field of the wrong kind")
        raise ValueError(f"the file cannot be read as a net: it has {kind}") from None


def _read_net_json(text):
    data = read_json(text, MAX_JSON_CHARS)
    if not isinstance(data, dict):
        raise ValueError(
            f"the file must hold a JSON object; it holds a {type(data).__name__}"
        )
    net = _net(data["net"] if "net" in data else data, "the net")
    softmax_net = None
    if data.get("softmax_net") is not None:
        if net.head != "sigmoid":
            raise ValueError("'softmax_net' goes with a sigmoid 'net'; this is softmax")
        softmax_net = _net(data["softmax_net"], "the softmax net")
        if softmax_net.head != "softmax":
            raise ValueError("'softmax_net' must have a softmax head (two rows in W2)")
        same = (
            softmax_net.W1.shape == net.W1.shape
            and softmax_net.activation == net.activation
        )
        if not same:
            raise ValueError(
                "the softmax net does not match the sigmoid net: W1 "
                f"{softmax_net.W1.shape} {softmax_net.activation} against "
                f"{net.W1.shape} {net.activation}"
            )
    _check_size(net, "the net")
    if softmax_net is not None:
        _check_size(softmax_net, "the softmax net")
    X, y = _batch(data, net)
    loss = data.get("loss")
    if loss is not None and not isinstance(loss, str):
        raise ValueError(f"loss must be one of {list(LOSSES)}; the file has {loss!r}")
    if loss is not None and loss not in LOSSES:
        # the shared cases write the loss out in words
        loss = {"half squared error": "squared_error"}.get(loss, loss)
        if loss not in LOSSES:
            raise ValueError(
                f"loss must be one of {list(LOSSES)}; the file has {loss!r}"
            )
    lr = data.get("lr")
    if lr is not None and not (
        isinstance(lr, (int, float)) and not isinstance(lr, bool) and 0 < lr < 1e6
    ):
        raise ValueError(f"lr must be a number > 0; the file has {lr!r}")
    return {
        "net": net,
        "softmax_net": softmax_net,
        "X": X,
        "y": y,
        "loss": loss,
        "lr": lr,
    }
