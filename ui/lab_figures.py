"""Plotly figures of the Lab: the lockstep chart and the views of the hidden layer.

While the nets train, a chart is redrawn many times a second. Building a Plotly
figure validates every property, which takes tens of milliseconds; so a live chart is
built (and validated) once as a template, and each update copies the template's
plain dict with new arrays in place (``patched``), which takes well under one.
"""

import numpy as np
import plotly.graph_objects as go

from ui.figures import CLASS_COLOURS, FONT, NET_STYLE

GAP_FLOOR = 1e-17  # a gap of exactly 0 is drawn here on the log axis
UNIT_COLOURS = [[0.0, "#B35806"], [0.5, "#F7F7F7"], [1.0, "#542788"]]
SUM_COLOURS = ("#0072B2", "#D55E00", "#CC79A7", "#56B4E9", "#009E73", "#E69F00")


def patched(template, traces, title=None):
    """A figure from ``template`` (a validated figure's dict) with new trace values.

    ``traces`` maps a trace's name to the properties that replace its own, for
    example ``{"sigmoid head, train": {"x": epochs, "y": losses}}``.
    """
    data = [dict(t, **traces.get(t.get("name"), {})) for t in template["data"]]
    layout = dict(template["layout"])
    if title is not None:
        layout["title"] = {**layout.get("title", {}), "text": title}
    # the template was validated when it was built; the new arrays are plain numbers
    return go.Figure(
        {"data": data, "layout": layout}, skip_invalid=False, _validate=False
    )


def _base_layout(height, title):
    return {
        "title": title,
        "height": height,
        "font": FONT,
        "margin": {"l": 60, "r": 20, "t": 50, "b": 50},
        "plot_bgcolor": "white",
        "legend": {"orientation": "h", "y": -0.25, "x": 0.0},
    }


GAP_NAME = "max |P_sigmoid − P_softmax| on the grid"


def _sum_name(j, n_hidden):
    return f"W2[0,{j}] + W2[1,{j}]" if j < n_hidden else "b2[0] + b2[1]"


def thin(n, n_max=600):
    """Indices of at most about ``n_max`` of ``n`` points, evenly, the last included."""
    step = max(1, -(-n // n_max))
    idx = np.arange(0, n, step)
    return idx if n == 0 or idx[-1] == n - 1 else np.append(idx, n - 1)


def lockstep_traces(probe):
    """Trace name -> {x, y} of the lockstep chart, from ``LockstepProbe.as_dict()``."""
    epoch = np.asarray(probe["epoch"])
    gap = np.maximum(np.asarray(probe["gap"], dtype=np.float64), GAP_FLOOR)
    sums = np.asarray(probe["row_sum"], dtype=np.float64).reshape(len(epoch), -1)
    n_hidden = sums.shape[1] - 1
    keep = thin(len(epoch))
    x = epoch[keep]
    out = {GAP_NAME: {"x": x, "y": gap[keep].astype(np.float32)}}
    for j in range(sums.shape[1]):
        out[_sum_name(j, n_hidden)] = {"x": x, "y": sums[keep, j].astype(np.float32)}
    return out


def loss_traces(histories):
    """Trace name -> {x, y} of ``loss_figure``, for patching a live copy of it."""
    out = {}
    for head, h in histories.items():
        keep = thin(len(h["epoch"]))
        for split in ("train", "test"):
            out[f"{NET_STYLE[head]['label']}, {split}"] = {
                "x": np.asarray(h["epoch"])[keep],
                "y": np.asarray(h[f"{split}_loss"], dtype=np.float32)[keep],
            }
    return out


def lockstep_figure(probe, height=360, title=None):
    """Largest |P_sigmoid − P_softmax| (log) and the softmax rows' sum, by epoch.

    ``probe`` is ``LockstepProbe.as_dict()``: epoch, gap, row_sum (epochs, n + 1).
    """
    traces = lockstep_traces(probe)
    fig = go.Figure()
    fig.add_trace(
        go.Scatter(
            **traces.pop(GAP_NAME),
            mode="lines",
            name=GAP_NAME,
            line={"color": "#000000", "width": 3},
        )
    )
    n_hidden = len(traces) - 1
    for j, (name, xy) in enumerate(traces.items()):
        fig.add_trace(
            go.Scatter(
                **xy,
                mode="lines",
                name=name,
                xaxis="x2",
                yaxis="y2",
                line={
                    "color": SUM_COLOURS[j % len(SUM_COLOURS)],
                    "dash": "dot" if j == n_hidden else "solid",
                    "width": 2,
                },
            )
        )
    fig.update_layout(
        **_base_layout(height, title),
        xaxis={"domain": [0.0, 0.46], "title": "epoch", "gridcolor": "#E5E7EB"},
        yaxis={
            "type": "log",
            "title": "largest |ΔP| (0 drawn at 1e-17)",
            "dtick": 2,
            "exponentformat": "power",
            "gridcolor": "#E5E7EB",
        },
        xaxis2={
            "domain": [0.56, 1.0],
            "anchor": "y2",
            "title": "epoch",
            "gridcolor": "#E5E7EB",
        },
        yaxis2={
            "anchor": "x2",
            "title": "softmax rows' sum",
            "gridcolor": "#E5E7EB",
        },
    )
    return fig


def hidden_space_figure(hidden, y, lines, class_names=("0", "1"), height=460):
    """Points in (h1, h2) space and each head's boundary line there.

    ``hidden`` maps head -> h (n, 2) of that net's hidden layer; ``lines`` maps
    head -> (h1 pair, h2 pair) or None, in the same space.
    """
    fig = go.Figure()
    symbols = {"sigmoid": "circle", "softmax": "diamond-open"}
    for head, H in hidden.items():
        for label, colour in enumerate(CLASS_COLOURS):
            mask = y == label
            fig.add_trace(
                go.Scatter(
                    x=H[mask, 0],
                    y=H[mask, 1],
                    mode="markers",
                    name=f"{NET_STYLE[head]['label']} h, class {class_names[label]}",
                    marker={
                        "symbol": symbols[head],
                        "size": 8 if head == "sigmoid" else 10,
                        "color": colour,
                        "line": {"width": 1.5, "color": colour},
                    },
                )
            )
    for head, seg in lines.items():
        if seg is None:
            continue
        style = NET_STYLE[head]
        fig.add_trace(
            go.Scatter(
                x=seg[0],
                y=seg[1],
                mode="lines",
                name=f"{style['label']}: p = 0.5",
                line={
                    "color": style["color"],
                    "dash": style["dash"],
                    "width": style["width"],
                },
            )
        )
    fig.update_layout(
        **_base_layout(height, "Hidden space (h1, h2) with each head's line"),
        xaxis={"title": "h1", "gridcolor": "#E5E7EB", "zeroline": False},
        yaxis={"title": "h2", "gridcolor": "#E5E7EB", "zeroline": False},
    )
    return fig


def unit_heatmaps_figure(x1, x2, units, axis_titles=("x1", "x2"), height=230):
    """One small heatmap per hidden unit over the input plane, side by side.

    ``units`` is (n_hidden, len(x2), len(x1)); one colour scale, centred on 0.
    """
    n = units.shape[0]
    top = float(np.max(np.abs(units))) or 1.0
    gap = 0.02
    width = (1.0 - gap * (n - 1)) / n
    fig = go.Figure()
    layout = {}
    for j in range(n):
        suffix = "" if j == 0 else str(j + 1)
        fig.add_trace(
            go.Heatmap(
                x=np.asarray(x1, dtype=np.float32),
                y=np.asarray(x2, dtype=np.float32),
                z=np.asarray(units[j], dtype=np.float32),
                zmin=-top,
                zmax=top,
                colorscale=UNIT_COLOURS,
                showscale=j == n - 1,
                colorbar={"title": {"text": "h"}, "thickness": 10},
                xaxis=f"x{suffix}",
                yaxis=f"y{suffix}",
                hovertemplate=f"h{j + 1} = %{{z:.3f}}<extra></extra>",
            )
        )
        lo = j * (width + gap)
        layout[f"xaxis{suffix}"] = {
            "domain": [lo, lo + width],
            "anchor": f"y{suffix}",
            "title": f"h{j + 1}",
            "showticklabels": False,
        }
        layout[f"yaxis{suffix}"] = {
            "anchor": f"x{suffix}",
            "showticklabels": j == 0,
            "scaleanchor": f"x{suffix}",
        }
    fig.update_layout(
        **_base_layout(height, "Each hidden unit over the input plane"), **layout
    )
    fig.update_layout(margin={"l": 40, "r": 10, "t": 40, "b": 40}, showlegend=False)
    return fig
