"""Plotly figure builders shared by the pages. No maths here beyond what drawing needs.

Colours are from the Okabe-Ito palette, which stays distinct under the common forms
of colour blindness; the two nets also differ by dash style, so the charts read in
greyscale and on a washed-out projector.
"""

import numpy as np
import plotly.graph_objects as go

NET_STYLE = {
    "sigmoid": {
        "color": "#009E73",
        "dash": "solid",
        "width": 4,
        "label": "sigmoid head",
    },
    "softmax": {
        "color": "#E69F00",
        "dash": "dash",
        "width": 3,
        "label": "softmax head",
    },
}
CLASS_COLOURS = ("#B2182B", "#2166AC")  # class 0, class 1: dark ends of the heatmap
HEATMAP = [[0.0, "#F4A582"], [0.5, "#F7F7F7"], [1.0, "#92C5DE"]]
FONT = {"size": 15}


def _compact(a):
    # float32 halves what the browser is sent; four significant digits are plenty
    return np.asarray(a, dtype=np.float32)


def boundary_figure(
    x1,
    x2,
    grids,
    heat_grid=None,
    points=(),
    axis_titles=("x1", "x2"),
    title=None,
    height=520,
    heat_name="P(class 1)",
):
    """The p = 0.5 boundary of each net over a probability heatmap.

    ``grids`` maps "sigmoid"/"softmax" to P(class 1) over the grid, shape
    (len(x2), len(x1)). ``points`` is a sequence of dicts with keys X (n, 2),
    y (n,), name and symbol ("circle", "diamond-open", ...), drawn per class.
    """
    fig = go.Figure()
    if heat_grid is not None:
        fig.add_trace(
            go.Heatmap(
                x=_compact(x1),
                y=_compact(x2),
                z=_compact(heat_grid),
                zmin=0.0,
                zmax=1.0,
                colorscale=HEATMAP,
                name=heat_name,
                colorbar={"title": {"text": heat_name}, "thickness": 14, "len": 0.6},
                hovertemplate="x1 %{x:.3g}<br>x2 %{y:.3g}<br>P %{z:.3f}<extra></extra>",
            )
        )
    for head, grid in grids.items():
        style = NET_STYLE[head]
        fig.add_trace(
            go.Contour(
                x=_compact(x1),
                y=_compact(x2),
                z=_compact(grid),
                showscale=False,
                contours={"start": 0.5, "end": 0.5, "size": 1.0, "coloring": "lines"},
                line={
                    "color": style["color"],
                    "width": style["width"],
                    "dash": style["dash"],
                },
                colorscale=[[0, style["color"]], [1, style["color"]]],
                name=f"{style['label']}: p = 0.5",
                showlegend=True,
                hoverinfo="skip",
            )
        )
    for group in points:
        X, y = np.asarray(group["X"]), np.asarray(group["y"])
        classes = group.get("classes", ("0", "1"))
        for label, colour in enumerate(CLASS_COLOURS):
            mask = y == label
            if not mask.any():
                continue
            open_marker = group["symbol"].endswith("open")
            fig.add_trace(
                go.Scatter(
                    x=X[mask, 0],
                    y=X[mask, 1],
                    mode="markers",
                    name=f"{group['name']}, class {classes[label]}",
                    marker={
                        "symbol": group["symbol"],
                        "size": group.get("size", 9),
                        "color": colour,
                        "line": {
                            "width": 2 if open_marker else 1,
                            "color": colour if open_marker else "white",
                        },
                    },
                    hovertemplate="(%{x:.3g}, %{y:.3g})<extra>%{fullData.name}</extra>",
                )
            )
    fig.update_layout(
        title=title,
        height=height,
        font=FONT,
        margin={"l": 60, "r": 20, "t": 50, "b": 50},
        legend={"orientation": "h", "y": -0.18, "x": 0.0},
        xaxis={"title": axis_titles[0], "range": [float(x1[0]), float(x1[-1])]},
        yaxis={"title": axis_titles[1], "range": [float(x2[0]), float(x2[-1])]},
        plot_bgcolor="white",
    )
    return fig


def _curves_figure(histories, metric, title, y_axis, height):
    """Train (the net's own dash) and test (dotted) ``metric`` of each net by epoch."""
    fig = go.Figure()
    for head, hist in histories.items():
        style = NET_STYLE[head]
        for split, dash in (("train", style["dash"]), ("test", "dot")):
            values = np.asarray(hist[f"{split}_{metric}"], dtype=np.float64)
            if values.size == 0 or np.all(np.isnan(values)):
                continue
            fig.add_trace(
                go.Scatter(
                    x=hist["epoch"],
                    y=_compact(values),
                    mode="lines",
                    name=f"{style['label']}, {split}",
                    line={
                        "color": style["color"],
                        "dash": dash,
                        "width": style["width"] - (1 if split == "test" else 0),
                    },
                )
            )
    fig.update_layout(
        title=title,
        height=height,
        font=FONT,
        margin={"l": 60, "r": 20, "t": 50, "b": 50},
        xaxis={"title": "epoch", "gridcolor": "#E5E7EB"},
        yaxis={"gridcolor": "#E5E7EB", **y_axis},
        legend={"orientation": "h", "y": -0.25, "x": 0.0},
        plot_bgcolor="white",
    )
    return fig


def log_ticks(values):
    """Tick values 1, 2, 5 x 10^k spanning ``values``, each labelled in full.

    Plotly labels the minor ticks of a log axis with a bare digit ("2", "5"), which
    reads badly on a projector; these ticks carry their whole value.
    """
    v = np.asarray(values, dtype=np.float64)
    v = v[np.isfinite(v) & (v > 0)]
    if v.size == 0:
        return {}
    lo, hi = v.min(), v.max()
    ticks = [
        m * 10.0**k
        for k in range(int(np.floor(np.log10(lo))), int(np.ceil(np.log10(hi))) + 1)
        for m in (1, 2, 5)
    ]
    inside = [t for t in ticks if lo <= t <= hi]
    if len(inside) < 3:  # a narrow range: keep one tick either side
        below = [t for t in ticks if t < lo][-1:]
        above = [t for t in ticks if t > hi][:1]
        inside = below + inside + above
    if len(inside) > 8:  # a wide range: powers of ten only
        inside = [t for t in inside if np.isclose(np.log10(t), round(np.log10(t)))]
    # the axis spans the data and every tick, so no tick falls outside it unseen
    span = np.log10([min(lo, inside[0]), max(hi, inside[-1])])
    pad = 0.03 * max(span[1] - span[0], 0.1)
    return {
        "tickvals": inside,
        "ticktext": [f"{t:g}" for t in inside],
        "range": [float(span[0] - pad), float(span[1] + pad)],  # log10 units
    }


def loss_figure(histories, height=380, log_y=True):
    """Both nets' train and test loss; ``histories``: head -> ``History.as_dict()``."""
    y_axis = {"title": "mean cross-entropy", "type": "log" if log_y else "linear"}
    if log_y:
        losses = [h[f"{s}_loss"] for h in histories.values() for s in ("train", "test")]
        y_axis.update(log_ticks(np.concatenate([np.ravel(x) for x in losses])))
    return _curves_figure(histories, "loss", "Cross-entropy loss", y_axis, height)


def accuracy_figure(histories, height=380):
    """Both nets' train and test accuracy over the epochs."""
    y_axis = {"title": "fraction correct", "range": [0, 1.02]}
    return _curves_figure(histories, "acc", "Accuracy", y_axis, height)
