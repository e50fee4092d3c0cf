"""Figures of the Weights page: the network diagram and P(class 1) against z1 - z0.

Both take the numbers of one forward pass (a ``PointPass``) and draw them; they
compute nothing beyond positions, colours and widths.
"""

from dataclasses import replace

import numpy as np
import plotly.graph_objects as go

import nets

from . import weights_layout as layout
from .figures import FONT, NET_STYLE
from .weights_panel import num

POSITIVE, NEGATIVE, ZERO = "#0072B2", "#D55E00", "#9CA3AF"  # Okabe-Ito blue, red
NODE_FILL = "#FFFFFF"
TEXT, GREY = "#111827", "#4B5563"  # near-black numbers, grey borders
MAX_EDGE_WIDTH = 9.0
MAX_DECIMALS = 4  # on the diagram; the pen-and-paper panel shows every decimal


def _edge_style(weight, scale):
    """Colour by sign, width and opacity by size relative to the largest weight."""
    size = min(abs(weight) / scale, 1.0)
    colour = POSITIVE if weight > 0 else NEGATIVE if weight < 0 else ZERO
    return colour, 0.75 + (MAX_EDGE_WIDTH - 0.75) * size, 0.35 + 0.65 * size


def network_figure(sig, soft, pp, decimals=4):
    """Inputs, the shared hidden layer and both heads, every number on its node.

    Numbers are rounded like the rest of the page, to ``decimals`` (at most
    ``MAX_DECIMALS``: longer numbers would not fit on the edges). Edge colour: blue
    for a positive weight, red for a negative one; edge width and opacity grow with
    |weight|, relative to the largest weight drawn.
    """
    dp = min(decimals, MAX_DECIMALS)
    n = sig.n_hidden
    inputs, hidden, outputs, y_range, height = layout.positions(n)
    fr = layout.frame()

    nodes = [  # position, value shown inside, name above, lines beside, border
        *[(p, pp.x[i], f"x{i + 1}", [], GREY) for i, p in enumerate(inputs)],
        *[
            (
                p,
                pp.h[j],
                f"h{j + 1}",
                [f"z = {num(pp.z1[j], dp)}", f"b = {num(sig.b1[j], dp)}"],
                GREY,
            )
            for j, p in enumerate(hidden)
        ],
        (
            outputs["sigmoid"],
            pp.p_sig,
            "sigmoid: p",
            [f"z = {num(pp.z, dp)}", f"b = {num(sig.b2[0], dp)}"],
            NET_STYLE["sigmoid"]["color"],
        ),
        (
            outputs["class 1"],
            pp.p_soft,
            "softmax: p1",
            [f"z1 = {num(pp.Z[1], dp)}", f"β1 = {num(soft.b2[1], dp)}"],
            NET_STYLE["softmax"]["color"],
        ),
        (
            outputs["class 0"],
            1.0 - pp.p_soft,
            "softmax: p0",
            [f"z0 = {num(pp.Z[0], dp)}", f"β0 = {num(soft.b2[0], dp)}"],
            NET_STYLE["softmax"]["color"],
        ),
    ]
    values = [num(v, dp) for _, v, *_ in nodes]
    diameters = [
        max(56.0, layout.CHAR * layout.FONTS["value"] * len(text) + 16)
        for text in values
    ]
    discs, names, details = [], [], []
    for ((x, y), _, name, beside, _), d in zip(nodes, diameters, strict=True):
        discs.append(fr.disc(x, y, d))
        box = fr.text(x, y, [name], layout.FONTS["name"])
        names.append(replace(box, y=y + (d / 2 + 2) / fr.sy + box.h / 2))
        if beside:
            box = fr.text(x, y, beside, layout.FONTS["detail"])
            details.append(replace(box, y=y - (d / 2 + 2) / fr.sy - box.h / 2))
        else:
            details.append(None)

    radius = [d / 2 for d in diameters]  # inputs, hidden units, then the outputs
    edges = []  # (start, end, weight, description, kind), cut back to the rims

    def edge(i, k, weight, about, kind):
        a, b = discs[i], discs[k]
        ends = layout.trim((a.x, a.y), (b.x, b.y), radius[i], radius[k], fr)
        edges.append((*ends, weight, about, kind))

    for j in range(n):
        for i in range(2):
            edge(
                i, 2 + j, sig.W1[j, i], f"W{j + 1}{i + 1}: x{i + 1} → h{j + 1}", "input"
            )
    rows = {
        "sigmoid": (sig.W2[0], "w"),
        "class 1": (soft.W2[1], "V1"),
        "class 0": (soft.W2[0], "V0"),
    }
    for k, (name, (row, label)) in enumerate(rows.items(), start=2 + n):
        for j in range(n):
            edge(2 + j, k, row[j], f"{label}{j + 1}: h{j + 1} → {name}", "head")
    scale = max(max(abs(e[2]) for e in edges), 1e-12)
    obstacles = [*discs, *names, *[b for b in details if b is not None]]
    spots = layout.place(
        [(s, e, num(w, dp), kind) for s, e, w, _, kind in edges], obstacles, fr
    )

    # plain dicts, handed to go.Figure once: adding traces and annotations one by
    # one re-validates the figure each time and costs ten times as much
    traces = []
    for start, end, weight, *_ in edges:
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
    # each weight on its own edge, where ``layout.place`` found room; the white box
    # keeps it legible over the edges it crosses
    notes = [
        {
            "x": x,
            "y": y,
            "text": num(weight, dp),
            "hovertext": f"{about} = {weight:.6g}",
            "showarrow": False,
            "font": {
                "size": layout.FONTS["edge"],
                "color": GREY if weight == 0 else _edge_style(weight, 1)[0],
                "weight": "bold",
            },
            "bgcolor": "rgba(255,255,255,0.92)",
            "borderpad": 1,
            "name": "weight",
        }
        for (x, y), (_, _, weight, about, _) in zip(spots, edges, strict=True)
    ]
    traces.append(
        {
            "type": "scatter",
            "x": [b.x for b in discs],
            "y": [b.y for b in discs],
            "mode": "markers+text",
            "marker": {
                "size": diameters,
                "color": NODE_FILL,
                "line": {"width": 3, "color": [c for *_, c in nodes]},
            },
            "text": values,
            "textfont": {"size": layout.FONTS["value"], "color": TEXT},
            "hovertext": [
                f"{name} = {v:.6g}<br>{'<br>'.join(beside)}"
                for _, v, name, beside, _ in nodes
            ],
            "hoverinfo": "text",
            "showlegend": False,
        }
    )
    texts = [
        (box, name, "name") for box, (_, _, name, *_) in zip(names, nodes, strict=True)
    ]
    texts += [
        (box, "<br>".join(node[3]), "detail")
        for box, node in zip(details, nodes, strict=True)
        if box is not None
    ]
    notes += [
        {
            "x": box.x,
            "y": box.y,
            "text": text,
            "showarrow": False,
            "font": {"size": layout.FONTS[kind], "color": TEXT},
            "bgcolor": "rgba(255,255,255,0.92)",
            "name": "node",
        }
        for box, text, kind in texts
    ]
    note = "colour = sign of the weight, width = its size"
    if decimals > dp:
        note += f"; {dp} decimals here, all {decimals} in the panel below"
    title = f"Network<br><sup>{note}</sup>"
    layout_ = {
        "title": {"text": title},
        "height": height,
        "font": FONT,
        "margin": layout.MARGIN,
        "xaxis": {"visible": False, "range": list(layout.X_RANGE), "fixedrange": True},
        "yaxis": {"visible": False, "range": list(y_range), "fixedrange": True},
        "plot_bgcolor": "white",
        "annotations": notes,
    }
    return go.Figure(data=traces, layout=layout_)


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
