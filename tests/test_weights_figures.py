"""Figures of the Weights page draw the numbers they are given."""

import numpy as np

import nets
from ui.weights_figures import NEGATIVE, POSITIVE, ZERO, logit_figure, network_figure
from ui.weights_panel import point_pass
from ui.weights_presets import random_weights
from ui.weights_state import twins


def _setup(n_hidden=3):
    state = random_weights(8, n_hidden, "tanh")
    sig, soft = twins(state)
    return sig, soft, point_pass(sig, soft, state.x, state.y)


def test_network_has_one_edge_per_weight_coloured_by_sign_sized_by_magnitude():
    sig, soft, pp = _setup(3)
    fig = network_figure(sig, soft, pp, 4)
    edges = [t for t in fig.data if t.mode == "lines"]
    weights = [*sig.W1.ravel(), *sig.W2[0], *soft.W2[1], *soft.W2[0]]
    assert len(edges) == 2 * 3 + 3 * 3
    # every weight, as written on its edge, is one of the net's weights
    labels = sorted(float(a.text) for a in fig.layout.annotations)
    np.testing.assert_allclose(labels, sorted(np.round(weights, 3)), atol=1e-9)
    # edges are drawn in the order of the weights: W1 by unit, then w, V1, V0
    for edge, weight in zip(edges, weights, strict=True):
        sign = POSITIVE if weight > 0 else NEGATIVE if weight < 0 else ZERO
        assert edge.line.color == sign
    order = np.argsort(np.abs(weights))
    widths = np.array([edges[i].line.width for i in order])
    assert np.all(np.diff(widths) >= 0) and widths[-1] > widths[0]


def test_network_nodes_show_inputs_activations_and_probabilities():
    sig, soft, pp = _setup(2)
    fig = network_figure(sig, soft, pp, 6)
    nodes = next(t for t in fig.data if t.mode == "markers+text")
    expected = [*pp.x, *pp.h, pp.p_sig, pp.p_soft, 1 - pp.p_soft]
    shown = [float(v) for v in nodes.text]
    np.testing.assert_allclose(shown, expected, atol=5e-4)  # three decimals at most


def test_logit_plot_puts_each_net_on_the_sigmoid_curve():
    sig, soft, pp = _setup(2)
    fig = logit_figure(pp)
    curve, sig_mark, soft_mark = fig.data
    np.testing.assert_allclose(curve.y, nets.sigmoid(np.asarray(curve.x)), atol=1e-6)
    assert (sig_mark.x[0], sig_mark.y[0]) == (pp.z, pp.p_sig)
    assert soft_mark.x[0] == pp.Z[1] - pp.Z[0] and soft_mark.y[0] == pp.p_soft
    assert curve.x[0] <= min(pp.z, pp.Z[1] - pp.Z[0]) <= curve.x[-1]
