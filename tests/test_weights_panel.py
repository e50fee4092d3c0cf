"""The pen-and-paper panel: its numbers are the nets' numbers, rounded for display."""

import re

import numpy as np

import nets
from ui.weights_panel import (
    hidden_tex,
    identity_tex,
    num,
    point_pass,
    sci_tex,
    sigmoid_tex,
    softmax_tex,
)
from ui.weights_presets import random_weights, textbook
from ui.weights_state import twins


def test_point_pass_matches_predict_proba_and_the_losses_from_logits():
    state = random_weights(9, 3, "tanh")
    sig, soft = twins(state)
    for y in (0, 1):
        pp = point_pass(sig, soft, state.x, y)
        X = np.array([state.x])
        assert pp.p_sig == nets.predict_proba(sig, X)[0]
        assert pp.p_soft == nets.predict_proba(soft, X)[0]
        # binary cross-entropy from the logit, written out independently
        z = pp.z
        expected = np.log1p(np.exp(-z)) if y == 1 else np.log1p(np.exp(z))
        assert abs(pp.loss_sig - expected) < 1e-12
        z0, z1 = pp.Z
        expected = np.logaddexp(z0, z1) - (z1 if y == 1 else z0)
        assert abs(pp.loss_soft - expected) < 1e-12
        assert abs(pp.p_identity - pp.p_soft) < 1e-15


def test_num_rounds_for_display_and_drops_the_sign_of_zero():
    assert num(0.37749999, 4) == "0.3775"
    assert num(-0.00001, 3) == "0.000"
    # an exact tie rounds away from zero, not to even as Python formats it
    assert num(0.5, 0) == "1" and num(1.5, 0) == "2" and num(2.5, 0) == "3"
    assert num(-2.5, 0) == "-3" and num(0.125, 2) == "0.13"
    # anything that is not an exact tie rounds as before: 2.675 is 2.67499999…
    assert num(2.675, 2) == "2.67" and num(0.7513650695523157, 4) == "0.7514"
    for v in np.random.default_rng(1).uniform(-20, 20, 200):
        assert num(v, 3) == f"{v:.3f}".replace("-0.000", "0.000")
    assert sci_tex(0.0) == "0"
    assert sci_tex(1.1e-16) == r"1.10 \times 10^{-16}"


def test_hidden_lines_carry_the_weights_the_inputs_and_the_sums():
    state = textbook()
    sig, soft = twins(state)
    pp = point_pass(sig, soft, state.x, state.y)
    tex = hidden_tex(sig, pp, 4)
    z = sig.W1 @ np.array(state.x) + sig.b1
    for j in range(2):
        expected = f"{sig.W1[j, 0]:.4f} \\cdot {state.x[0]:.4f} + "
        expected += f"{sig.W1[j, 1]:.4f} \\cdot {state.x[1]:.4f} + {sig.b1[j]:.4f}"
        assert f"{expected} = {z[j]:.4f}" in tex
        assert f"\\sigma({z[j]:.4f}) = {nets.sigmoid(z[j]):.4f}" in tex


def test_negative_factors_are_bracketed_and_long_sums_wrap():
    state = random_weights(2, 4, "relu")
    sig, soft = twins(state)
    pp = point_pass(sig, soft, state.x, 1)
    tex = softmax_tex(soft, pp, 3)
    assert not re.search(r"\\cdot -", tex)  # every negative factor is in brackets
    assert tex.count(r"&\quad + ") == 2  # 4 products and a bias: two lines a logit
    assert f"= {pp.p_soft:.3f}" in tex


def test_head_lines_show_probability_and_loss_of_the_label():
    state = textbook()
    sig, soft = twins(state)
    pp = point_pass(sig, soft, state.x, 0)
    tex = sigmoid_tex(sig, pp, 6)
    assert f"= {pp.p_sig:.6f}" in tex
    assert f"-\\log {1 - pp.p_sig:.6f} = {pp.loss_sig:.6f}" in tex
    assert "p_{y=0}" in tex


def test_identity_states_both_sides_and_the_measured_gap():
    state = random_weights(4, 2)
    sig, soft = twins(state)
    pp = point_pass(sig, soft, state.x, 1)
    tex = identity_tex(pp, 5)
    assert f"= {pp.p_soft:.5f}" in tex and f"= {pp.p_identity:.5f}" in tex
    assert sci_tex(abs(pp.p_soft - pp.p_identity)) in tex
