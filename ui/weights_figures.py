"""Figures of the Weights page: the network diagram and P(class 1) against z1 - z0.

Both take the numbers of one forward pass (a ``PointPass``) and draw them; they
compute nothing beyond positions, colours and widths.
"""

import numpy as np
import plotly.graph_objects as go

import nets

from .figures import FONT, NET_STYLE

POSITIVE, NEGATIVE, ZERO = "#0072B2", "#D55E00", "#9CA3AF"  # Okabe-Ito blue, red
NODE_FILL = "#FFFFFF"
MAX_EDGE_WIDTH = 9.0


def _spread(n, gap=1.0):
    """``n`` heights centred on 0, ``gap`` apart, top first."""
    return [(n - 1) / 2 * gap - i * gap for i in range(n)]


def _edge_style(weight, scale):
    """Colour by sign, width and opacity by size relative to the largest weight."""
    size = min(abs(weight) / scale, 1.0)
    colour = POSITIVE if weight > 0 else NEGATIVE if weight < 0 else ZERO
    return colour, 0.75 + (MAX_EDGE_WIDTH - 0.75) * size, 0.35 + 0.65 * size


def _short(v, dp):
    text = f"{v:.{dp}f}"
    return text.lstrip("-") if float(text) == 0 else text


def network_figure(sig, soft, pp, decimals=3, height=None):
    """Inputs, the shared hidden layer and both heads, every number on its node.

    Edge colour: blue for a positive weight, red for a negative one; edge width and
    opacity grow with |weight|, relative to the largest weight drawn.
    """
    dp = min(decimals, 3)  # the diagram stays legible; the panel has every digit
    n = sig.n_hidden
    height = height or 380 + 70 * n
    inputs = [(0.0, y) for y in _spread(2, 1.4)]
    hidden = [(1.0, y) for y in _spread(n, 1.15)]
    top = max(hidden[0][1], inputs[0][1])
    outputs = {  # name -> position
        "sigmoid": (2.1, top),
        "class 1": (2.1, top - 1.8),
        "class 0": (2.1, top - 3.0),
    }
    edges = []  # (start, end, weight, description)
    for j, end in enumerate(hidden):
        for i, start in enumerate(inputs):
            edges.append(
                (start, end, sig.W1[j, i], f"W{j + 1}{i + 1}: x{i + 1} → h{j + 1}")
            )
    rows = {
        "sigmoid": (sig.W2[0], "w"),
        "class 1": (soft.W2[1], "V1"),
        "class 0": (soft.W2[0], "V0"),
    }
    for name, (row, label) in rows.items():
        for j, start in enumerate(hidden):
            edges.append(
                (start, outputs[name], row[j], f"{label}{j + 1}: h{j + 1} → {name}")
            )
    scale = max(max(abs(e[2]) for e in edges), 1e-12)

    # plain dicts, handed to go.Figure once: adding traces and annotations one by
    # one re-validates the figure each time and costs ten times as much
    traces = []
    for start, end, weight, _ in edges:
        colour, width, opacity = _edge_style(weight, scale)
        traces.append(
            {
                "type": "scatter",
                "x": [start[0], end[0]],
                "y": [start[1], end[1]],
                "mode": "lines",
                "line": {"color": colour, "width": width},
                "opacity": opacity,
                "hoverinfo": "skip",
                "showlegend": False,
            }
        )
    # each weight written three quarters of the way along its edge, where the edges
    # that meet at a node are far enough apart; the white box keeps it legible
    notes = [
        {
            "x": start[0] + 0.75 * (end[0] - start[0]),
            "y": start[1] + 0.75 * (end[1] - start[1]),
            "text": _short(weight, dp),
            "hovertext": f"{about} = {weight:.6g}",
            "showarrow": False,
            "font": {"size": 11, "color": _edge_style(weight, scale)[0]},
            "bgcolor": "rgba(255,255,255,0.85)",
            "borderpad": 1,
        }
        for start, end, weight, about in edges
    ]

    nodes = [  # position, value shown inside, name above, line below, border colour
        *[(p, pp.x[i], f"x{i + 1}", "", "#4B5563") for i, p in enumerate(inputs)],
        *[
            (
                p,
                pp.h[j],
                f"h{j + 1}",
                f"z = {_short(pp.z1[j], dp)}<br>b = {_short(sig.b1[j], dp)}",
                "#4B5563",
            )
            for j, p in enumerate(hidden)
        ],
        (
            outputs["sigmoid"],
            pp.p_sig,
            "sigmoid: p",
            f"z = {_short(pp.z, dp)}<br>b = {_short(sig.b2[0], dp)}",
            NET_STYLE["sigmoid"]["color"],
        ),
        (
            outputs["class 1"],
            pp.p_soft,
            "softmax: p1",
            f"z1 = {_short(pp.Z[1], dp)}<br>β1 = {_short(soft.b2[1], dp)}",
            NET_STYLE["softmax"]["color"],
        ),
        (
            outputs["class 0"],
            1.0 - pp.p_soft,
            "softmax: p0",
            f"z0 = {_short(pp.Z[0], dp)}<br>β0 = {_short(soft.b2[0], dp)}",
            NET_STYLE["softmax"]["color"],
        ),
    ]
    xs = [p[0] for p, *_ in nodes]
    ys = [p[1] for p, *_ in nodes]
    traces.append(
        {
            "type": "scatter",
            "x": xs,
            "y": ys,
            "mode": "markers+text",
            "marker": {
                "size": 50,
                "color": NODE_FILL,
                "line": {"width": 3, "color": [c for *_, c in nodes]},
            },
            "text": [_short(v, dp) for _, v, *_ in nodes],
            "textfont": {"size": 12},
            "hovertext": [
                f"{name} = {v:.6g}<br>{below}" for _, v, name, below, _ in nodes
            ],
            "hoverinfo": "text",
            "showlegend": False,
        }
    )
    right = [x > 2.0 for x in xs]  # output nodes: their details go to the right
    labels = {
        "names": (xs, [y + 0.3 for y in ys], "top center", 2),
        "details": (
            [x + 0.2 if r else x for x, r in zip(xs, right, strict=True)],
            [y if r else y - 0.3 for y, r in zip(ys, right, strict=True)],
            ["middle right" if r else "bottom center" for r in right],
            3,
        ),
    }
    for x, y, position, index in labels.values():
        traces.append(
            {
                "type": "scatter",
                "x": x,
                "y": y,
                "mode": "text",
                "text": [node[index] for node in nodes],
                "textposition": position,
                "textfont": {"size": 12, "color": "#374151"},
                "hoverinfo": "skip",
                "showlegend": False,
            }
        )
    low = min(min(ys), outputs["class 0"][1]) - 0.8
    layout = {
        "title": {"text": "Network: colour = sign of the weight, width = its size"},
        "height": height,
        "font": FONT,
        "margin": {"l": 10, "r": 10, "t": 50, "b": 10},
        "xaxis": {"visible": False, "range": [-0.3, 2.85]},
        "yaxis": {"visible": False, "range": [low, top + 0.8]},
        "plot_bgcolor": "white",
        "annotations": notes,
    }
    return go.Figure(data=traces, layout=layout)


def logit_figure(pp, height=360):
    """The sigmoid curve against t = z1 - z0, with each net's own point on it."""
    reach = max(6.0, 1.15 * abs(pp.Z[1] - pp.Z[0]), 1.15 * abs(pp.z))
    t = np.linspace(-reach, reach, 241)
    curve = nets.sigmoid(t)
    fig = go.Figure()
    fig.add_trace(
        go.Scatter(
            x=t.astype(np.float32),
            y=curve.astype(np.float32),
            mode="lines",
            name="σ(t)",
            line={"color": "#6B7280", "width": 2},
            hoverinfo="skip",
        )
    )
    sig, soft = NET_STYLE["sigmoid"], NET_STYLE["softmax"]
    fig.add_trace(
        go.Scatter(
            x=[pp.z],
            y=[pp.p_sig],
            mode="markers",
            name="sigmoid head: (z, p)",
            marker={
                "size": 20,
                "color": "rgba(0,0,0,0)",
                "line": {"width": 3, "color": sig["color"]},
            },
            hovertemplate="z = %{x:.6g}<br>p = %{y:.6g}<extra>sigmoid head</extra>",
        )
    )
    fig.add_trace(
        go.Scatter(
            x=[pp.Z[1] - pp.Z[0]],
            y=[pp.p_soft],
            mode="markers",
            name="softmax head: (z1 − z0, p)",
            marker={"size": 11, "symbol": "diamond", "color": soft["color"]},
            hovertemplate="z1 − z0 = %{x:.6g}<br>p = %{y:.6g}"
            "<extra>softmax head</extra>",
        )
    )
    fig.update_layout(
        title="P(class 1) = σ(t), with t = z for sigmoid and z1 − z0 for softmax",
        height=height,
        font=FONT,
        margin={"l": 60, "r": 20, "t": 50, "b": 50},
        xaxis={
            "title": "logit difference t",
            "gridcolor": "#E5E7EB",
            "zerolinecolor": "#9CA3AF",
        },
        yaxis={"title": "P(class 1)", "range": [-0.03, 1.03], "gridcolor": "#E5E7EB"},
        legend={"orientation": "h", "y": -0.25, "x": 0.0},
        plot_bgcolor="white",
    )
    return fig
