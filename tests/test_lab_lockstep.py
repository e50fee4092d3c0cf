"""The lockstep rules of the Lab, each checked against its formula, and each case
that breaks lockstep checked to break it."""

import numpy as np
import pytest

import nets
from nets.lockstep import (
    LockstepProbe,
    lab_twins,
    lockstep_statement,
    max_gap,
    row_sum,
)
from ui.lab_presets import PRESETS, preset_settings
from ui.lab_settings import defaults

RNG = np.random.default_rng(7)
X = RNG.normal(size=(60, 2))
Y = (X[:, 0] * X[:, 1] > 0).astype(float)
X_PROBE = RNG.normal(size=(400, 2)) * 2


def trainer(optimizer="sgd", reg="none", rate=0.0, pairing="matched", **kw):
    sig, soft, sr, fr = lab_twins(
        2, 3, "tanh", pairing, 0.1, optimizer, reg, rate, seed=3, **kw
    )
    return nets.TwinTrainer(sig, soft, X, Y, None, None, sr, fr, optimizer)


def head_step(twins):
    """One full-batch epoch; the change of the sigmoid row and of each softmax row."""
    w0 = twins.sigmoid.net.W2[0].copy()
    R0 = twins.softmax.net.W2.copy()
    twins.run(1)
    return twins.sigmoid.net.W2[0] - w0, twins.softmax.net.W2 - R0


@pytest.mark.parametrize("optimizer", ["sgd", "momentum", "adam"])
@pytest.mark.parametrize("reg", ["none", "l2"])
def test_matched_twins_predict_alike_for_hundreds_of_epochs(optimizer, reg):
    twins = trainer(optimizer, reg, 0.01)
    assert lockstep_statement("matched", optimizer, reg, 0.01)[0]
    probe = LockstepProbe(X_PROBE, twins)
    twins.run(300, hook=probe)
    assert len(probe.gap) == 301
    assert max(probe.gap) < 1e-12
    # and the nets did learn something: the loss fell
    assert twins.sigmoid.history.train_loss[-1] < twins.sigmoid.history.train_loss[0]


def test_sgd_rule_row_difference_moves_twice_each_row_and_the_sum_stays():
    twins = trainer()
    dw, dR = head_step(twins)
    # rows get opposite steps: -lr·g and +lr·g, so the sum does not move
    np.testing.assert_allclose(dR[0], -dR[1], atol=1e-15)
    # the difference moves by 2·lr·g, which is the sigmoid head's step at 2·lr
    np.testing.assert_allclose(dR[1] - dR[0], dw, atol=1e-15)
    np.testing.assert_allclose(dR[1] - dR[0], 2 * dR[1], atol=1e-15)


def test_l2_rule_row_sum_shrinks_by_one_minus_lr_l2_per_step():
    lr, l2, k = 0.1, 0.05, 40
    twins = trainer("sgd", "l2", l2)
    s0 = row_sum(twins.softmax.net)[:-1]
    twins.run(k)
    # the sum's gradient is l2·(r0 + r1) alone, so s_k = (1 - lr·l2)^k · s_0
    np.testing.assert_allclose(
        row_sum(twins.softmax.net)[:-1], (1 - lr * l2) ** k * s0, rtol=1e-12
    )
    # the sigmoid head carries half the L2 at twice the rate
    rates = twins.sigmoid.rates.head
    assert rates.lr == pytest.approx(2 * lr) and rates.l2 == pytest.approx(l2 / 2)


def test_adam_with_l2_rule_keeps_the_rows_exact_opposites():
    twins = trainer("adam", "l2", 0.01)
    R = twins.softmax.net.W2
    np.testing.assert_allclose(R[0], -R[1], atol=0)  # the symmetric start c = -w/2
    twins.run(50)
    R = twins.softmax.net.W2
    np.testing.assert_allclose(R[0] + R[1], 0.0, atol=1e-14)
    np.testing.assert_allclose(R[1] - R[0], twins.sigmoid.net.W2[0], atol=1e-12)


def test_l1_breaks_the_difference_formula_by_the_sign_mismatch():
    l1, lr = 0.01, 0.1
    twins = trainer("sgd", "l1", l1, shift="zero")
    w = twins.sigmoid.net.W2[0].copy()
    R = twins.softmax.net.W2.copy()
    dw, dR = head_step(twins)
    # the gap between the two steps is exactly the L1 terms that do not match
    extra_soft = -lr * l1 * (np.sign(R[1]) - np.sign(R[0]))
    extra_sig = -2 * lr * l1 * np.sign(w)
    np.testing.assert_allclose((dR[1] - dR[0]) - dw, extra_soft - extra_sig, atol=1e-15)
    assert np.any(np.abs(extra_soft - extra_sig) > 0)


def test_same_rate_moves_the_sigmoid_row_half_as_far():
    twins = trainer(head_factor=1.0)
    dw, dR = head_step(twins)
    np.testing.assert_allclose(dR[1] - dR[0], 2 * dw, atol=1e-15)
    ok, why = lockstep_statement("matched", head_factor=1.0)
    assert not ok and "2·lr" in why


CAUSES = {
    "l1": dict(optimizer="sgd", reg="l1", rate=0.01, shift="zero"),
    "same rate": dict(head_factor=1.0),
    "independent": dict(pairing="independent"),
    "adam l2 c=0": dict(optimizer="adam", reg="l2", rate=0.01, shift="zero"),
    "adam l2 c=0.5": dict(optimizer="adam", reg="l2", rate=0.01, shift="half"),
}


@pytest.mark.parametrize("cause", list(CAUSES))
def test_each_cause_breaks_lockstep_and_is_said_to(cause):
    kw = CAUSES[cause]
    twins = trainer(**kw)
    probe = LockstepProbe(X_PROBE, twins)
    twins.run(200, hook=probe)
    assert max(probe.gap[-20:]) > 1e-6
    ok, why = lockstep_statement(
        kw.get("pairing", "matched"),
        kw.get("optimizer", "sgd"),
        kw.get("reg", "none"),
        kw.get("rate", 0.0),
        kw.get("head_factor", 2.0),
        kw.get("shift", "auto"),
    )
    assert not ok and why.startswith(("Not guaranteed", "Broken"))


@pytest.mark.parametrize("name", list(PRESETS))
def test_presets_hold_or_break_as_their_names_say(name):
    s = {**defaults(), **preset_settings(name)}
    sig, soft, sr, fr = lab_twins(
        2,
        s["hidden"],
        s["activation"],
        s["pairing"],
        s["lr"],
        s["optimizer"],
        s["reg"],
        s["reg_rate"],
        s["seed"],
        float(s["head_factor"]),
        s["shift"],
    )
    twins = nets.TwinTrainer(sig, soft, X, Y, None, None, sr, fr, s["optimizer"], 10)
    probe = LockstepProbe(X_PROBE, twins)
    twins.run(100, hook=probe)
    ok = lockstep_statement(
        s["pairing"],
        s["optimizer"],
        s["reg"],
        s["reg_rate"],
        float(s["head_factor"]),
        s["shift"],
    )[0]
    holds = name.startswith("holds")
    assert ok == holds
    if holds:
        assert max(probe.gap) < 1e-12
    else:
        assert probe.gap[-1] > 1e-6


def test_probe_gap_matches_an_independent_computation():
    twins = trainer(pairing="independent")
    twins.run(5)
    p_sig = nets.predict_proba(twins.sigmoid.net, X_PROBE)
    p_soft = nets.predict_proba(twins.softmax.net, X_PROBE)
    assert max_gap(twins.sigmoid.net, twins.softmax.net, X_PROBE) == np.max(
        np.abs(p_sig - p_soft)
    )
    W2, b2 = twins.softmax.net.W2, twins.softmax.net.b2
    np.testing.assert_array_equal(
        row_sum(twins.softmax.net), [*(W2[0] + W2[1]), b2[0] + b2[1]]
    )


def test_the_hook_can_stop_a_run_and_leaves_plain_runs_alone():
    twins = trainer()
    assert twins.run(10, hook=lambda t: t.epoch >= 3) == 3
    assert twins.epoch == 3
    assert twins.run(4) == 4 and twins.epoch == 7


def test_twins_on_a_data_set_without_a_test_split_train():
    from nets.features import FeatureMap
    from nets.lockstep import data_twins, grid_inputs

    data = nets.make_toy("xor", n_points=40, train_ratio=1.0, seed=0)
    assert len(data.X_test) == 0
    fmap = FeatureMap.fit(data.X_train)
    twins = data_twins(data, fmap, lab_twins(2, 3, "tanh", "matched", 0.1))
    twins.run(3)
    assert twins.sigmoid.history.epoch == [0, 1, 2, 3]
    assert np.isnan(twins.sigmoid.history.test_loss).all()
    assert grid_inputs(data, fmap, 10).shape == (100, fmap.n_inputs)
