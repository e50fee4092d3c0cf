"""The shared figure builders: tick labels on the log loss axis, and the overlay."""

import numpy as np
import pytest

import nets
from ui.figures import boundary_figure, log_ticks, loss_figure


@pytest.mark.parametrize(
    "values",
    [[0.55, 0.7], [0.62, 0.64], [0.03, 0.7], [1e-6, 1e3], [2.0, 2.0], [0.1, np.nan]],
)
def test_log_ticks_are_labelled_in_full_and_all_inside_the_axis(values):
    ticks = log_ticks(values)
    lo, hi = ticks["range"]
    assert len(ticks["tickvals"]) >= 2
    for t, text in zip(ticks["tickvals"], ticks["ticktext"], strict=True):
        assert lo <= np.log10(t) <= hi  # a tick outside the range is never drawn
        assert float(text) == pytest.approx(t)
    finite = [v for v in values if np.isfinite(v)]
    assert lo <= np.log10(min(finite)) and np.log10(max(finite)) <= hi


def test_loss_figure_sets_its_log_axis_from_every_curve():
    hist = {
        "epoch": [0, 1, 2],
        "train_loss": [0.69, 0.6, 0.58],
        "test_loss": [0.7, 0.66, 0.65],
    }
    fig = loss_figure({"sigmoid": hist, "softmax": hist})
    assert fig.layout.yaxis.type == "log"
    assert len(fig.data) == 4
    assert fig.layout.yaxis.range[0] <= np.log10(0.58)
    assert fig.layout.yaxis.range[1] >= np.log10(0.7)


def test_boundary_figure_lays_the_grid_out_rows_along_x2():
    net = nets.Net(
        [[1.0, 0.0], [0.0, 1.0]], [0.0, 0.0], [[2.0, -1.0]], [-1.0], activation="linear"
    )
    x1, x2 = np.array([0.0, 1.0, 2.0]), np.array([0.0, 1.0])
    grid = nets.probability_grid(net, x1, x2)
    fig = boundary_figure(x1, x2, {"sigmoid": grid}, heat_grid=grid)
    heat = fig.data[0]
    assert np.asarray(heat.z).shape == (len(x2), len(x1))
    # P at (x1 = 2, x2 = 0) is sigmoid(2*2 - 0 - 1) = sigmoid(3)
    assert np.asarray(heat.z)[0, 2] == pytest.approx(1 / (1 + np.exp(-3)), abs=1e-6)
    names = [t.name for t in fig.data]
    assert "sigmoid head: p = 0.5" in names
