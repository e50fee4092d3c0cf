"""The Lab's live charts: Vega-Lite specs and their data, redrawn many times a second.

The spec of a chart stays the same for a run and only its named data sets change,
so the browser updates the drawn chart in place instead of building a new one.
Colours and dashes follow ``ui.figures.NET_STYLE`` and ``CLASS_COLOURS``.
"""

import numpy as np
import pandas as pd

from nets.contour import contour_segments
from ui.figures import CLASS_COLOURS, NET_STYLE
from ui.lab_figures import GAP_FLOOR, thin
from ui.lab_png import grid_data_url

HEADS = ("sigmoid", "softmax")
LINE_NAMES = [f"{NET_STYLE[h]['label']}: p = 0.5" for h in HEADS]
SERIES = [f"{NET_STYLE[h]['label']}, {s}" for h in HEADS for s in ("train", "test")]
DASHES = {"solid": [1, 0], "dash": [8, 5], "dot": [2, 3]}
FONT = 14
LIVE_POINTS = 300  # points per curve while training: plenty for a chart this wide
# the epoch axis starts at 0 and spans at least one epoch, so a run at epoch 0 has an
# axis from 0 to 1, not one of zero width
EPOCH = {
    "field": "epoch",
    "type": "quantitative",
    "title": "epoch",
    "scale": {"domain": {"unionWith": [0, 1]}},
    "axis": {"tickMinStep": 1, "format": "d"},
}


def _config():
    return {
        "axis": {"labelFontSize": FONT, "titleFontSize": FONT},
        "legend": {"labelFontSize": FONT, "titleFontSize": FONT, "orient": "bottom"},
        "title": {"fontSize": FONT + 2},
    }


def _point_values(data):
    """The data set's points as Vega-Lite values; they stay put while nets train."""
    names = np.asarray(data.class_names)
    points = pd.concat(
        [
            pd.DataFrame(
                {
                    "x": X[:, 0],
                    "y": X[:, 1],
                    "class": names[y.astype(int)],
                    "split": split,
                    "filled": names[y.astype(int)] if split == "train" else "none",
                }
            )
            for split, X, y in (
                ("train", data.X_train, data.y_train),
                ("test", data.X_test, data.y_test),
            )
        ]
    )
    return points.to_dict(orient="records")


def boundary_spec(x1, x2, data, height=480):
    """The heatmap of P(class 1), both nets' p = 0.5 lines and the points.

    The points are written into the spec, which stays the same for a run.
    """
    axis_titles, class_names = data.input_names, data.class_names
    step1, step2 = (x1[1] - x1[0]) / 2, (x2[1] - x2[0]) / 2
    x_scale = {"domain": [float(x1[0] - step1), float(x1[-1] + step1)], "nice": False}
    y_scale = {"domain": [float(x2[0] - step2), float(x2[-1] + step2)], "nice": False}
    x = {"type": "quantitative", "scale": x_scale, "title": axis_titles[0]}
    y = {"type": "quantitative", "scale": y_scale, "title": axis_titles[1]}
    # the heatmap is one image stretched over the grid's cells
    heat = {
        "data": {"name": "image"},
        "mark": {"type": "image", "aspect": False, "smooth": False},
        "encoding": {
            "x": {"field": "x_lo", **x},
            "x2": {"field": "x_hi"},
            "y": {"field": "y_lo", **y},
            "y2": {"field": "y_hi"},
            "url": {"field": "url", "type": "nominal"},
        },
    }
    lines = {
        "data": {"name": "lines"},
        "mark": {"type": "rule", "strokeCap": "round"},
        "encoding": {
            "x": {"field": "x", **x},
            "y": {"field": "y", **y},
            "x2": {"field": "x_end"},
            "y2": {"field": "y_end"},
            "color": {
                "field": "net",
                "type": "nominal",
                "title": None,
                "scale": {
                    "domain": LINE_NAMES,
                    "range": [NET_STYLE[h]["color"] for h in HEADS],
                },
            },
            "strokeDash": {
                "field": "net",
                "type": "nominal",
                "legend": None,
                "scale": {
                    "domain": LINE_NAMES,
                    "range": [DASHES[NET_STYLE[h]["dash"]] for h in HEADS],
                },
            },
            "strokeWidth": {
                "field": "net",
                "type": "nominal",
                "legend": None,
                "scale": {
                    "domain": LINE_NAMES,
                    "range": [NET_STYLE[h]["width"] for h in HEADS],
                },
            },
        },
    }
    points = {
        "data": {"values": _point_values(data)},
        "mark": {"type": "point", "size": 40, "strokeWidth": 1.5, "opacity": 0.9},
        "encoding": {
            "x": {"field": "x", **x},
            "y": {"field": "y", **y},
            "color": {
                "field": "class",
                "type": "nominal",
                "title": "class",
                "scale": {"domain": list(class_names), "range": list(CLASS_COLOURS)},
                # stacked, so the legends beneath the chart fit its width
                "legend": {"direction": "vertical"},
            },
            "shape": {
                "field": "split",
                "type": "nominal",
                "title": "split",
                "legend": {"direction": "vertical"},
                "scale": {"domain": ["train", "test"], "range": ["circle", "diamond"]},
            },
            "fill": {
                "field": "filled",
                "type": "nominal",
                "legend": None,
                "scale": {
                    "domain": list(class_names) + ["none"],
                    "range": list(CLASS_COLOURS) + ["transparent"],
                },
            },
        },
    }
    return {
        "height": height,
        "title": "Decision boundaries (p = 0.5) over P(class 1) of the sigmoid net",
        "layer": [heat, lines, points],
        "resolve": {"scale": {"color": "independent"}},
        "config": _config(),
    }


def boundary_data(x1, x2, grids):
    """The named data sets of ``boundary_spec`` for the probabilities ``grids``."""
    h1, h2 = (x1[1] - x1[0]) / 2, (x2[1] - x2[0]) / 2
    image = pd.DataFrame(
        {
            "x_lo": [x1[0] - h1],
            "x_hi": [x1[-1] + h1],
            "y_lo": [x2[0] - h2],
            "y_hi": [x2[-1] + h2],
            "url": [grid_data_url(grids["sigmoid"])],
        }
    )
    parts = []
    for head, name in zip(HEADS, LINE_NAMES, strict=True):
        seg = contour_segments(x1, x2, grids[head])  # (n, 2 ends, 2 coordinates)
        parts.append(
            pd.DataFrame(
                {
                    "x": seg[:, 0, 0],
                    "y": seg[:, 0, 1],
                    "x_end": seg[:, 1, 0],
                    "y_end": seg[:, 1, 1],
                    "net": name,
                }
            )
        )
    return {"image": image, "lines": pd.concat(parts)}


def loss_spec(height=480):
    """Both nets' train and test loss by epoch, log scale, a dot at the last epoch."""
    y = {
        "field": "loss",
        "type": "quantitative",
        "scale": {"type": "log"},
        "title": "mean cross-entropy",
    }
    series = {
        "field": "series",
        "type": "nominal",
        "title": None,
        "scale": {
            "domain": SERIES,
            "range": [NET_STYLE[s.split(" ")[0]]["color"] for s in SERIES],
        },
    }
    return {
        "height": height,
        "title": "Cross-entropy loss",
        "layer": _with_last(_loss_lines(y, series), "loss_now", y, series),
        "config": _config(),
    }


def _loss_lines(y, series):
    return {
        "data": {"name": "loss"},
        "mark": {"type": "line", "clip": True},
        "encoding": {
            "x": EPOCH,
            "y": y,
            "color": series,
            "strokeDash": {
                "field": "series",
                "type": "nominal",
                "legend": None,
                "scale": {
                    "domain": SERIES,
                    "range": [
                        DASHES[
                            "dot"
                            if s.endswith("test")
                            else NET_STYLE[s.split(" ")[0]]["dash"]
                        ]
                        for s in SERIES
                    ],
                },
            },
            "strokeWidth": {"value": 3},
        },
    }


def loss_data(histories):
    parts = []
    for head, h in histories.items():
        keep = thin(len(h["epoch"]), LIVE_POINTS)
        for split in ("train", "test"):
            loss = np.asarray(h[f"{split}_loss"], dtype=np.float64)[keep]
            if np.all(np.isnan(loss)):
                continue
            parts.append(
                pd.DataFrame(
                    {
                        "epoch": np.asarray(h["epoch"])[keep],
                        "loss": loss,
                        "series": f"{NET_STYLE[head]['label']}, {split}",
                    }
                )
            )
    loss = pd.concat(parts)
    return {"loss": loss, "loss_now": loss[loss["epoch"] == loss["epoch"].max()]}


def _with_last(line, name, y, colour=None):
    """A line chart's layers: the line, and a dot at its last epoch from the data set
    ``name`` (at epoch 0 the dot is all there is to see)."""
    dot = {
        "data": {"name": name},
        "mark": {"type": "point", "filled": True, "size": 50},
        "encoding": {"x": EPOCH, "y": y},
    }
    if colour is not None:
        dot["encoding"]["color"] = colour
    else:
        dot["mark"]["color"] = "#000000"
    return [line, dot]


def lockstep_spec(height=260):
    """The largest |P_sigmoid − P_softmax| (log) beside the softmax rows' sum."""
    gap_y = {
        "field": "gap",
        "type": "quantitative",
        "scale": {"type": "log", "domain": [GAP_FLOOR, 1]},
        "axis": {"format": ".0e"},
        "title": "max |ΔP|",
    }
    gap_line = {
        "data": {"name": "gap"},
        "mark": {"type": "line", "color": "#000000", "strokeWidth": 2.5},
        "encoding": {"x": EPOCH, "y": gap_y},
    }
    gap = {
        "title": "Largest |P_sigmoid − P_softmax| on the grid (0 drawn at 1e-17)",
        "height": height,
        "width": 400,
        "layer": _with_last(gap_line, "gap_now", gap_y),
    }
    sum_y = {"field": "sum", "type": "quantitative", "title": "row sum"}
    part = {"field": "part", "type": "nominal", "title": None}
    sum_line = {
        "data": {"name": "sums"},
        "mark": {"type": "line", "strokeWidth": 2},
        "encoding": {"x": EPOCH, "y": sum_y, "color": part},
    }
    sums = {
        "title": "Softmax rows' sum r0 + r1 (stays put in lockstep)",
        "height": height,
        "width": 400,
        "layer": _with_last(sum_line, "sums_now", sum_y, part),
    }
    return {"hconcat": [gap, sums], "config": _config()}


def lockstep_data(probe):
    epoch = np.asarray(probe["epoch"])
    keep = thin(len(epoch), LIVE_POINTS)
    gap = np.maximum(np.asarray(probe["gap"], dtype=np.float64), GAP_FLOOR)[keep]
    sums = np.asarray(probe["row_sum"], dtype=np.float64).reshape(len(epoch), -1)
    n_hidden = sums.shape[1] - 1
    parts = [
        pd.DataFrame(
            {
                "epoch": epoch[keep],
                "sum": sums[keep, j],
                "part": f"W2[0,{j}] + W2[1,{j}]" if j < n_hidden else "b2[0] + b2[1]",
            }
        )
        for j in range(n_hidden + 1)
    ]
    gaps, sums = pd.DataFrame({"epoch": epoch[keep], "gap": gap}), pd.concat(parts)
    last = epoch[-1] if len(epoch) else 0
    return {
        "gap": gaps,
        "gap_now": gaps[gaps["epoch"] == last],
        "sums": sums,
        "sums_now": sums[sums["epoch"] == last],
    }
