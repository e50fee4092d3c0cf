"""The worked pass against backprop, central differences and the shared cases."""

import numpy as np
import pytest
from conftest import load_case

import nets
from nets.worked import STEP_KEYS, round_half_up, steps_by_key

ACTS = sorted(nets.ACTIVATIONS)


def random_net(activation, head, seed, n_inputs=2, n_hidden=3):
    rng = np.random.default_rng(seed)
    n_out = nets.HEADS[head]
    return nets.Net(
        W1=rng.normal(0, 1, (n_hidden, n_inputs)),
        b1=rng.normal(0, 1, n_hidden),
        W2=rng.normal(0, 1, (n_out, n_hidden)),
        b2=rng.normal(0, 1, n_out),
        activation=activation,
        head=head,
    )


def batch(seed, n_samples, n_inputs=2):
    rng = np.random.default_rng(100 + seed)
    X = rng.normal(0, 1, (n_samples, n_inputs)) + 0.013  # off ReLU's kink
    return X, rng.integers(0, 2, n_samples).astype(float)


CASES = [
    (act, head, loss, n)
    for act in ACTS
    for head, loss in (
        ("sigmoid", "cross_entropy"),
        ("sigmoid", "squared_error"),
        ("softmax", "cross_entropy"),
    )
    for n in (1, 4)
]


@pytest.mark.parametrize("act, head, loss, n", CASES)
def test_every_step_agrees_with_backprop(act, head, loss, n):
    net = random_net(act, head, seed=n)
    X, y = batch(n, n)
    steps = nets.worked_steps(net, X, y, loss, lr=0.3)
    assert [s.key for s in steps] == list(STEP_KEYS)
    v = steps_by_key(steps)
    ref = nets.backprop(net, X, y, loss)
    for key in ("z1", "h", "logits", "dlogits", "dh", "dz1"):
        np.testing.assert_allclose(v[key], getattr(ref, key), rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(v["p"], ref.probs, rtol=1e-12, atol=1e-15)
    loss_value, grads = nets.loss_and_grads(net, X, y, loss)
    assert v["loss"] == pytest.approx(loss_value, rel=1e-12)
    for name, g in grads.items():
        np.testing.assert_allclose(v[f"d{name}"], g, rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("act, head, loss, n", CASES[::3])
def test_every_gradient_agrees_with_central_differences(act, head, loss, n):
    net = random_net(act, head, seed=7 + n)
    X, y = batch(7 + n, n)
    v = steps_by_key(nets.worked_steps(net, X, y, loss))
    numeric = nets.numerical_grads(net, X, y, loss)
    for name, g in numeric.items():
        np.testing.assert_allclose(v[f"d{name}"], g, rtol=1e-6, atol=1e-9)


@pytest.mark.parametrize("head", ["sigmoid", "softmax"])
def test_update_is_one_sgd_step_and_new_p_is_its_prediction(head):
    net = random_net("tanh", head, seed=3)
    X, y = batch(3, 3)
    lr = 0.7
    v = steps_by_key(nets.worked_steps(net, X, y, lr=lr))
    _, grads = nets.loss_and_grads(net, X, y)
    moved = net.copy(**{k: getattr(net, k) - lr * g for k, g in grads.items()})
    for name in nets.PARAMS:
        np.testing.assert_allclose(v[f"{name}_new"], getattr(moved, name), rtol=1e-12)
    np.testing.assert_allclose(
        v["p_new"][:, -1], nets.predict_proba(moved, X), rtol=1e-12
    )


def test_squared_error_case_numbers():
    case = load_case("worked_example_squared_error.json")
    net = nets.Net(
        W1=case["W1"],
        b1=case["b1"],
        W2=case["W2"],
        b2=case["b2"],
        activation=case["hidden_activation"],
        head="sigmoid",
    )
    v = steps_by_key(nets.worked_steps(net, case["X"], case["target"], "squared_error"))
    exp, tol = case["expected"], case["tolerance"]
    np.testing.assert_allclose(v["h"][0], exp["h"], rtol=0, atol=tol)
    assert v["p"][0, 0] == pytest.approx(exp["o"], abs=tol)
    assert v["loss"] == pytest.approx(exp["E"], abs=tol)
    for name in nets.PARAMS:
        np.testing.assert_allclose(v[f"d{name}"], exp["grad"][name], rtol=0, atol=tol)


def test_three_heads_case_after_one_step():
    case = load_case("one_sample_three_heads.json")
    after = case["p_class1_after_one_step"]
    sig = nets.Net(
        W1=case["W1"],
        b1=case["b1"],
        activation=case["hidden_activation"],
        head="sigmoid",
        **case["heads"]["sigmoid"],
    )
    soft = sig.copy(head="softmax", **case["heads"]["softmax_zero_shift"])
    p_soft = steps_by_key(nets.worked_steps(soft, case["X"], case["y"], lr=0.5))
    p_sig = steps_by_key(nets.worked_steps(sig, case["X"], case["y"], lr=0.5))
    assert p_soft["p_new"][0, 1] == pytest.approx(after["softmax_zero_shift_lr0.5"])
    assert p_sig["p_new"][0, 0] == pytest.approx(after["sigmoid_lr0.5_everywhere"])
    assert p_sig["p"][0, 0] == pytest.approx(case["expected"]["sigmoid"]["p_class1"][0])


def test_per_sample_gradients_are_each_samples_own_and_average_to_the_batch():
    net = random_net("sigmoid", "softmax", seed=5)
    X, y = batch(5, 4)
    per = nets.per_sample_grads(net, X, y)
    _, grads = nets.loss_and_grads(net, X, y)
    for name, g in grads.items():
        np.testing.assert_allclose(per[name].mean(axis=0), g, rtol=1e-12, atol=1e-15)
        for i in range(4):
            own = nets.loss_and_grads(net, X[i : i + 1], y[i : i + 1])[1][name]
            np.testing.assert_allclose(per[name][i], own, rtol=1e-12, atol=1e-15)


def test_rounding_is_half_away_from_zero_on_the_printed_digits():
    got = round_half_up([0.125, 0.145, -0.145, 2.5, 0.0004999], 2)
    np.testing.assert_array_equal(got, [0.13, 0.15, -0.15, 2.5, 0.0])
    assert round_half_up(2.5, 0) == 3.0


def test_rounded_carry_recomputes_each_step_from_rounded_values():
    net = nets.Net(
        W1=[[0.15, 0.2], [0.25, 0.3]],
        b1=[0.35, 0.35],
        W2=[[0.4, 0.45]],
        b2=[0.6],
        activation="sigmoid",
    )
    X, y = [[0.05, 0.1]], [1.0]
    v = steps_by_key(nets.worked_steps(net, X, y, decimals=2))
    # by hand, to two decimals: z1 = 0.3775 -> 0.38, 0.3925 -> 0.39
    np.testing.assert_allclose(v["z1"], [[0.38, 0.39]])
    # h = sigmoid(0.38) = 0.5939 -> 0.59, sigmoid(0.39) = 0.5963 -> 0.60
    np.testing.assert_allclose(v["h"], [[0.59, 0.60]])
    # z2 = 0.4 * 0.59 + 0.45 * 0.60 + 0.6 = 1.106 -> 1.11; p = sigmoid(1.11) -> 0.75
    np.testing.assert_allclose(v["logits"], [[1.11]])
    np.testing.assert_allclose(v["p"], [[0.75]])
    # delta2 = p - y = -0.25; dW2 = delta2 * h = (-0.1475, -0.15) -> (-0.15, -0.15)
    np.testing.assert_allclose(v["dlogits"], [[-0.25]])
    np.testing.assert_allclose(v["dW2"], [[-0.15, -0.15]])
    exact = steps_by_key(nets.worked_steps(net, X, y))
    drift = abs(v["dW2"][0, 0] - exact["dW2"][0, 0])
    assert 0 < drift < 0.01


def test_rounded_carry_with_many_decimals_matches_exact():
    net = random_net("tanh", "softmax", seed=11)
    X, y = batch(11, 2)
    exact = nets.worked_steps(net, X, y)
    carried = nets.worked_steps(net, X, y, decimals=15)
    for a, b in zip(exact, carried, strict=True):
        np.testing.assert_allclose(b.value, a.value, rtol=1e-9, atol=1e-13)


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"X": np.zeros((5, 2)), "y": np.zeros(5)}, "at most 4"),
        ({"lr": 0.0}, "lr must be"),
        ({"decimals": 2.5}, "decimals must be"),
        ({"X": np.zeros((1, 3))}, "X must have shape"),
    ],
)
def test_bad_arguments_raise_clear_errors(kwargs, message):
    net = random_net("tanh", "sigmoid", seed=0)
    args = {"X": np.zeros((1, 2)), "y": np.ones(1), "lr": 0.5} | kwargs
    with pytest.raises(ValueError, match=message):
        nets.worked_steps(net, args.pop("X"), args.pop("y"), **args)


def test_relations_hold_for_mapped_twins_and_fail_for_unrelated_heads():
    sig = random_net("tanh", "sigmoid", seed=21)
    X, y = batch(21, 3)
    soft = nets.sigmoid_to_softmax(sig, shift=[0.3, -0.2, 0.1], bias_shift=0.4)
    rel = nets.head_relations(
        sig, nets.worked_steps(sig, X, y), soft, nets.worked_steps(soft, X, y)
    )
    assert {r.kind for r in rel.values()} >= {"equal", "opposite", "twice"}
    assert all(r.holds for r in rel.values() if r.holds is not None)
    # one rate everywhere: the softmax head moves further, so the new p differ
    assert rel["p_new"].gap > 1e-4

    head = random_net("tanh", "softmax", seed=22)  # same hidden layer, own head
    other = sig.copy(head="softmax", W2=head.W2, b2=head.b2)
    rel = nets.head_relations(
        sig, nets.worked_steps(sig, X, y), other, nets.worked_steps(other, X, y)
    )
    assert not rel["p"].holds and not rel["dW1"].holds
    assert rel["dW2"].holds is False  # rows differ from the sigmoid gradient
    assert rel["z1"].holds  # the same hidden layer


def test_relations_never_call_inf_or_nan_equal():
    from nets.relations import _close

    assert not _close([np.inf], [np.inf])
    assert not _close([np.nan], [np.nan])
    assert _close([1.0, 2.0], [1.0, 2.0])
