"""Figures of the Weights page draw the numbers they are given."""

import itertools

import numpy as np
import pytest

import nets
from ui import weights_layout as layout
from ui.weights_figures import NEGATIVE, POSITIVE, ZERO, logit_figure, network_figure
from ui.weights_panel import num, point_pass
from ui.weights_presets import random_weights, textbook, xor_relu
from ui.weights_state import twins


def _setup(n_hidden=3, state=None):
    state = state or random_weights(8, n_hidden, "tanh")
    sig, soft = twins(state)
    return sig, soft, point_pass(sig, soft, state.x, state.y)


def _weight_notes(fig):
    return [a for a in fig.layout.annotations if a.name == "weight"]


def test_network_has_one_edge_per_weight_coloured_by_sign_sized_by_magnitude():
    sig, soft, pp = _setup(3)
    fig = network_figure(sig, soft, pp, 4)
    edges = [t for t in fig.data if t.mode == "lines"]
    weights = [*sig.W1.ravel(), *sig.W2[0], *soft.W2[1], *soft.W2[0]]
    assert len(edges) == 2 * 3 + 3 * 3
    # every weight is written, to the page's 4 decimals, on its own edge
    notes = _weight_notes(fig)
    assert [a.text for a in notes] == [num(w, 4) for w in weights]
    # edges are drawn in the order of the weights: W1 by unit, then w, V1, V0
    for edge, note, weight in zip(edges, notes, weights, strict=True):
        sign = POSITIVE if weight > 0 else NEGATIVE if weight < 0 else ZERO
        assert edge.line.color == sign
        (x0, x1), (y0, y1) = edge.x, edge.y
        assert min(x0, x1) < note.x < max(x0, x1)
        cross = (x1 - x0) * (note.y - y0) - (y1 - y0) * (note.x - x0)
        assert abs(cross) < 1e-9  # the number sits on its edge
    order = np.argsort(np.abs(weights))
    widths = np.array([edges[i].line.width for i in order])
    assert np.all(np.diff(widths) >= 0) and widths[-1] > widths[0]


@pytest.mark.parametrize("decimals", [0, 2, 4])
def test_network_nodes_show_the_pages_decimals_in_large_dark_text(decimals):
    sig, soft, pp = _setup(2)
    fig = network_figure(sig, soft, pp, decimals)
    nodes = next(t for t in fig.data if t.mode == "markers+text")
    expected = [*pp.x, *pp.h, pp.p_sig, pp.p_soft, 1 - pp.p_soft]
    assert list(nodes.text) == [num(v, decimals) for v in expected]
    assert nodes.textfont.size >= 16 and nodes.textfont.color == "#111827"
    assert "decimals here" not in fig.layout.title.text


def test_network_caps_its_decimals_and_says_so():
    sig, soft, pp = _setup(2)
    fig = network_figure(sig, soft, pp, 9)
    nodes = next(t for t in fig.data if t.mode == "markers+text")
    assert nodes.text[-1] == num(1 - pp.p_soft, 4)
    assert "4 decimals here, all 9 in the panel below" in fig.layout.title.text


def _boxes(fig):
    """Boxes of the edge numbers, and of the nodes with their names and details."""
    fr = layout.frame()
    nodes = next(t for t in fig.data if t.mode == "markers+text")
    discs = [
        fr.disc(x, y, d)
        for x, y, d in zip(nodes.x, nodes.y, nodes.marker.size, strict=True)
    ]
    texts = [
        fr.text(a.x, a.y, a.text.split("<br>"), a.font.size)
        for a in fig.layout.annotations
        if a.name == "node"
    ]
    numbers = [
        fr.text(a.x, a.y, [a.text], a.font.size, pad=2) for a in _weight_notes(fig)
    ]
    return numbers, discs + texts


CROWDED = [
    textbook(),
    xor_relu(),
    *[
        random_weights(seed, n, act)
        for seed, n, act in itertools.product(
            range(4), range(1, 5), ("tanh", "relu", "sigmoid")
        )
    ],
]


@pytest.mark.parametrize("state", CROWDED, ids=range(len(CROWDED)))
def test_no_number_on_the_network_covers_another_or_a_node(state):
    sig, soft, pp = _setup(state=state)
    numbers, nodes = _boxes(network_figure(sig, soft, pp, 4))
    for a, b in itertools.combinations(numbers, 2):
        assert a.overlap(b) == 0, (a, b)
    for a, b in itertools.product(numbers, nodes):
        assert a.overlap(b) == 0, (a, b)
    for a, b in itertools.combinations(nodes, 2):
        assert a.overlap(b) == 0, (a, b)


def test_the_textbook_numbers_no_longer_sit_on_the_softmax_node():
    # 0.4000 and 0.4500, the rows into "softmax: p1", once covered its name
    sig, soft, pp = _setup(state=textbook())
    fig = network_figure(sig, soft, pp, 4)
    numbers, nodes = _boxes(fig)
    name = next(
        i
        for i, a in enumerate(a for a in fig.layout.annotations if a.name == "node")
        if a.text == "softmax: p1"
    )
    label = nodes[7 + name]  # seven discs come first
    assert all(box.overlap(label) == 0 for box in numbers)


def test_logit_plot_puts_each_net_on_the_sigmoid_curve():
    sig, soft, pp = _setup(2)
    fig = logit_figure(pp)
    curve, sig_mark, soft_mark = fig.data
    np.testing.assert_allclose(curve.y, nets.sigmoid(np.asarray(curve.x)), atol=1e-6)
    assert (sig_mark.x[0], sig_mark.y[0]) == (pp.z, pp.p_sig)
    assert soft_mark.x[0] == pp.Z[1] - pp.Z[0] and soft_mark.y[0] == pp.p_soft
    assert curve.x[0] <= min(pp.z, pp.Z[1] - pp.Z[0]) <= curve.x[-1]
