"""Weight maps between the sigmoid head and the softmax head.

softmax(z0, z1)[1] = sigmoid(z1 - z0): the way to the sigmoid head is unique
(w = r1 - r0), the way back has a free shift c added to both rows.
"""

import numpy as np
import pytest

import nets

ACTS = sorted(nets.ACTIVATIONS)
SEEDS = range(5)


def random_net(activation, head="sigmoid", seed=0, scale=1.0, n_hidden=4):
    rng = np.random.default_rng(seed)
    n_out = nets.HEADS[head]
    return nets.Net(
        W1=rng.normal(0, 1, (n_hidden, 2)),
        b1=rng.normal(0, 1, n_hidden),
        W2=rng.normal(0, scale, (n_out, n_hidden)),
        b2=rng.normal(0, scale, n_out),
        activation=activation,
        head=head,
    )


def points(seed=100, n=200):
    return np.random.default_rng(seed).uniform(-3, 3, (n, 2))


def assert_same_predictions(a, b, atol=1e-12):
    X = points()
    p, q = nets.predict_proba(a, X), nets.predict_proba(b, X)
    assert np.all(np.isfinite(p)) and np.all(np.isfinite(q))
    np.testing.assert_allclose(p, q, rtol=0, atol=atol)


def assert_same_body(a, b):
    np.testing.assert_array_equal(a.W1, b.W1)
    np.testing.assert_array_equal(a.b1, b.b1)
    assert a.activation == b.activation


# sigmoid -> softmax -> sigmoid


@pytest.mark.parametrize("activation", ACTS)
@pytest.mark.parametrize("seed", SEEDS)
def test_sigmoid_to_softmax_keeps_predictions_for_any_shift(activation, seed):
    sig = random_net(activation, seed=seed)
    rng = np.random.default_rng(seed + 50)
    for shift, bias_shift in [
        (0.0, 0.0),
        (rng.normal(0, 3, 4), rng.normal()),
        (-2.5, 7),
    ]:
        soft = nets.sigmoid_to_softmax(sig, shift=shift, bias_shift=bias_shift)
        assert soft.head == "softmax" and soft.W2.shape == (2, 4)
        assert_same_body(sig, soft)
        np.testing.assert_allclose(soft.W2[0], np.broadcast_to(shift, (4,)))
        assert soft.b2[0] == bias_shift
        assert_same_predictions(sig, soft)


@pytest.mark.parametrize("activation", ACTS)
@pytest.mark.parametrize("seed", SEEDS)
def test_round_trip_from_sigmoid_gives_back_the_sigmoid_row(activation, seed):
    sig = random_net(activation, seed=seed)
    c = np.random.default_rng(seed).normal(0, 2, 4)
    back = nets.softmax_to_sigmoid(nets.sigmoid_to_softmax(sig, shift=c, bias_shift=1))
    assert back.head == "sigmoid"
    assert_same_body(sig, back)
    np.testing.assert_allclose(back.W2, sig.W2, rtol=1e-14, atol=1e-14)
    np.testing.assert_allclose(back.b2, sig.b2, rtol=1e-14, atol=1e-14)


@pytest.mark.parametrize("activation", ACTS)
@pytest.mark.parametrize("seed", SEEDS)
def test_softmax_to_sigmoid_is_the_row_difference(activation, seed):
    soft = random_net(activation, "softmax", seed)
    sig = nets.softmax_to_sigmoid(soft)
    np.testing.assert_array_equal(sig.W2, [soft.W2[1] - soft.W2[0]])
    np.testing.assert_array_equal(sig.b2, [soft.b2[1] - soft.b2[0]])
    assert_same_body(soft, sig)
    assert_same_predictions(soft, sig)


@pytest.mark.parametrize("activation", ACTS)
def test_round_trip_from_softmax_with_row0_as_shift_restores_both_rows(activation):
    soft = random_net(activation, "softmax", 9)
    sig = nets.softmax_to_sigmoid(soft)
    again = nets.sigmoid_to_softmax(sig, shift=soft.W2[0], bias_shift=soft.b2[0])
    np.testing.assert_allclose(again.W2, soft.W2, rtol=1e-14, atol=1e-15)
    np.testing.assert_allclose(again.b2, soft.b2, rtol=1e-14, atol=1e-15)


# extreme weights


@pytest.mark.parametrize("activation", ACTS)
@pytest.mark.parametrize("scale", [1e2, 1e4, 1e8])
def test_maps_hold_at_extreme_head_weights(activation, scale):
    # logits reach hundreds to 1e9: every probability is 0 or 1, never NaN
    sig = random_net(activation, seed=3, scale=scale)
    soft = nets.sigmoid_to_softmax(sig, shift=0.0)
    sym = nets.sigmoid_to_softmax(sig, shift="symmetric")
    assert_same_predictions(sig, soft)
    assert_same_predictions(sig, sym)
    np.testing.assert_array_equal(nets.softmax_to_sigmoid(soft).W2, sig.W2)
    np.testing.assert_array_equal(nets.softmax_to_sigmoid(sym).W2, sig.W2)


@pytest.mark.parametrize("shift", [1e3, -1e6, 1e9])
def test_large_shift_costs_only_rounding(shift):
    # (w + c) h - c h loses about |c h| * 2^-52 of the logit, and p moves at most
    # a quarter of that; nothing else may go wrong
    sig = random_net("tanh", seed=4)
    soft = nets.sigmoid_to_softmax(sig, shift=shift, bias_shift=shift)
    logit_error = 8 * abs(shift) * np.finfo(float).eps
    assert_same_predictions(sig, soft, atol=logit_error)


# shift invariance


@pytest.mark.parametrize("activation", ACTS)
@pytest.mark.parametrize("seed", SEEDS)
def test_adding_one_vector_to_both_rows_changes_nothing(activation, seed):
    soft = random_net(activation, "softmax", seed)
    rng = np.random.default_rng(seed + 10)
    c, c_b = rng.normal(0, 5, 4), rng.normal(0, 5)
    shifted = soft.copy(W2=soft.W2 + c, b2=soft.b2 + c_b)
    X = points(seed)
    y = (X[:, 0] > 0).astype(float)

    loss_a, grads_a = nets.loss_and_grads(soft, X, y)
    loss_b, grads_b = nets.loss_and_grads(shifted, X, y)

    assert_same_predictions(soft, shifted, atol=1e-13)
    assert loss_a == pytest.approx(loss_b, rel=1e-12)
    for name in nets.PARAMS:
        np.testing.assert_allclose(grads_a[name], grads_b[name], atol=1e-13)
    np.testing.assert_allclose(
        nets.softmax_to_sigmoid(shifted).W2,
        nets.softmax_to_sigmoid(soft).W2,
        atol=1e-13,
    )


def test_different_rows_do_change_predictions():
    # the identity above is not vacuous: moving one row alone changes p
    soft = random_net("tanh", "softmax", 1)
    moved = soft.copy(W2=soft.W2 + np.array([[0.0] * 4, [0.5] * 4]))
    p, q = nets.predict_proba(soft, points()), nets.predict_proba(moved, points())
    assert np.max(np.abs(p - q)) > 1e-3


# the symmetric shift


@pytest.mark.parametrize("activation", ACTS)
@pytest.mark.parametrize("seed", SEEDS)
def test_symmetric_shift_gives_opposite_rows(activation, seed):
    sig = random_net(activation, seed=seed)
    soft = nets.sigmoid_to_softmax(sig, shift="symmetric")
    w, b = sig.W2[0], sig.b2[0]
    # halving is exact in binary, so these hold to the last bit
    np.testing.assert_array_equal(soft.W2, [-w / 2, w / 2])
    np.testing.assert_array_equal(soft.b2, [-b / 2, b / 2])
    np.testing.assert_array_equal(soft.W2[1] - soft.W2[0], w)
    assert_same_predictions(sig, soft)


def test_head_shift_returns_the_shift_it_is_given():
    sig = random_net("tanh", seed=2)
    c, c_b = nets.head_shift(sig, [1.0, 2.0, 3.0, 4.0], -1.5)
    np.testing.assert_array_equal(c, [1.0, 2.0, 3.0, 4.0])
    assert c_b == -1.5
    c, c_b = nets.head_shift(sig, "symmetric")
    np.testing.assert_array_equal(c, -sig.W2[0] / 2)
    assert c_b == -sig.b2[0] / 2


# independence and bad input


def test_mapped_net_does_not_share_arrays_with_the_original():
    sig = random_net("tanh", seed=0)
    before = {k: v.copy() for k, v in sig.params().items()}
    soft = nets.sigmoid_to_softmax(sig)
    for arr in soft.params().values():
        arr += 1.0
    for name, arr in sig.params().items():
        np.testing.assert_array_equal(arr, before[name])


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"shift": "opposite"}, ValueError, "shift must be a number, a vector of"),
        ({"shift": [1.0, 2.0]}, ValueError, "vector of length 4"),
        ({"shift": np.nan}, ValueError, "must be finite"),
        ({"bias_shift": "a"}, ValueError, "bias_shift must be a number"),
        ({"bias_shift": np.inf}, ValueError, "must be finite"),
    ],
)
def test_sigmoid_to_softmax_rejects_bad_shifts(kwargs, error, message):
    with pytest.raises(error, match=message):
        nets.sigmoid_to_softmax(random_net("tanh"), **kwargs)


def test_maps_reject_the_wrong_head_or_type():
    with pytest.raises(
        ValueError, match="must have a sigmoid head; received a softmax"
    ):
        nets.sigmoid_to_softmax(random_net("tanh", "softmax"))
    with pytest.raises(
        ValueError, match="must have a softmax head; received a sigmoid"
    ):
        nets.softmax_to_sigmoid(random_net("tanh", "sigmoid"))
    with pytest.raises(TypeError, match="net must be a Net; received dict"):
        nets.softmax_to_sigmoid(random_net("tanh").to_dict())


def test_symmetric_shift_refuses_a_bias_shift_it_would_ignore():
    net = nets.init_net(2, 3, "tanh", "sigmoid", seed=0)
    with pytest.raises(ValueError, match="bias_shift must be 0 with shift='symmetric'"):
        nets.sigmoid_to_softmax(net, shift="symmetric", bias_shift=5.0)
