"""Training one net and the twin nets: lockstep, what breaks it, and how runs end.

Lockstep (DESIGN fact 4): from mapped weights the softmax net at ``lr`` and the
sigmoid net at ``lr`` on the hidden layer and ``2 * lr`` on the head predict alike at
every step. Rounding is the only difference, so 1e-12 is a generous bound.
"""

import json

import numpy as np
import pytest

import nets
from nets import LayerRates, NetRates, OptimizerSpec, Trainer, TwinTrainer
from tests.conftest import CASES

ACTS = sorted(nets.ACTIVATIONS)
LOCKSTEP_TOL = 1e-12
DRIFT = 1e-6
EPOCHS = 500


def load_case(name):
    return json.loads((CASES / name).read_text())


def xor_data(n_points=60, seed=0):
    """The XOR toy set, standardised as the dashboard feeds it to the nets."""
    ds = nets.make_toy("xor", n_points=n_points, seed=seed)
    return ds.scaler.transform(ds.X_train), ds.y_train


def twins(
    pairing="matched",
    optimizer="sgd",
    lr=0.1,
    l1=0.0,
    l2=0.0,
    shift=None,
    batch_size=None,
    one_rate=False,
    seed=0,
):
    """A TwinTrainer on the XOR set; ``one_rate`` gives the sigmoid net the softmax
    net's rates, undoing the factor 2 on the head."""
    sig, soft, sig_rates, soft_rates = nets.make_twins(
        2, 4, "tanh", pairing, lr, None, l1, l2, optimizer, seed=0, shift=shift
    )
    X, y = xor_data()
    return TwinTrainer(
        sig,
        soft,
        X,
        y,
        sig_rates=soft_rates if one_rate else sig_rates,
        soft_rates=soft_rates,
        optimizer=optimizer,
        batch_size=batch_size,
        seed=seed,
    )


def twin_gaps(trainer, epochs=EPOCHS):
    """Largest |p_sigmoid - p_softmax| on the training set after every epoch."""
    sig, soft = trainer.sigmoid, trainer.softmax

    def gap():
        p = nets.predict_proba(sig.net, sig.X)
        q = nets.predict_proba(soft.net, soft.X)
        return float(np.max(np.abs(p - q)))

    gaps = [gap()]
    trainer.run(epochs, callback=lambda done, total: gaps.append(gap()), every=1)
    assert len(gaps) == epochs + 1 and not trainer.messages
    return np.array(gaps)


# lockstep


LOCKSTEP_CASES = {
    "sgd": {},
    "momentum": {"optimizer": "momentum"},
    "adam": {"optimizer": "adam"},
    "sgd+L2": {"l2": 0.01},
    "momentum+L2": {"optimizer": "momentum", "l2": 0.01},
    "adam+L2 symmetric": {"optimizer": "adam", "l2": 0.01},
}


@pytest.mark.parametrize("batch_size", [None, 8], ids=["full", "batch8"])
@pytest.mark.parametrize("kwargs", LOCKSTEP_CASES.values(), ids=LOCKSTEP_CASES)
def test_matched_twins_stay_in_lockstep(kwargs, batch_size):
    trainer = twins(**kwargs, batch_size=batch_size)
    start = trainer.sigmoid.net.copy()

    gaps = twin_gaps(trainer)

    assert gaps.max() < LOCKSTEP_TOL
    sig_hist, soft_hist = trainer.sigmoid.history, trainer.softmax.history
    np.testing.assert_allclose(sig_hist.train_loss, soft_hist.train_loss, rtol=1e-10)
    # the nets did learn: not a lockstep of two frozen nets
    assert sig_hist.train_loss[-1] < 0.8 * sig_hist.train_loss[0]
    assert np.max(np.abs(trainer.sigmoid.net.W1 - start.W1)) > 0.1


def test_adam_with_l2_gets_the_symmetric_shift():
    soft = twins(optimizer="adam", l2=0.01).softmax.net
    np.testing.assert_array_equal(soft.W2[0], -soft.W2[1])
    np.testing.assert_array_equal(soft.b2[0], -soft.b2[1])


# what breaks lockstep


def test_same_pairing_drifts_apart():
    gaps = twin_gaps(twins("same"))
    assert gaps.min() > DRIFT


def test_mapped_start_at_one_rate_everywhere_drifts_apart():
    # equal predictions at the start, but the softmax boundary moves twice as far
    gaps = twin_gaps(twins(one_rate=True))
    assert gaps[0] < LOCKSTEP_TOL
    assert gaps.max() > DRIFT


@pytest.mark.parametrize(
    "kwargs",
    [{"l1": 0.01, "shift": 0.0}, {"optimizer": "adam", "l2": 0.01, "shift": 0.0}],
    ids=["L1 zero shift", "adam+L2 zero shift"],
)
def test_lockstep_breakers(kwargs):
    # lockstep means alike at every step; under L2 both may still end in the
    # same regularised minimum, so the gap is looked for along the way
    gaps = twin_gaps(twins(**kwargs))
    assert gaps[0] < LOCKSTEP_TOL
    assert gaps.max() > DRIFT


def test_different_minibatch_order_breaks_lockstep():
    sig, soft = twins(batch_size=8).trainers
    rng = np.random.default_rng(0)
    for _ in range(200):
        sig.run_epoch(rng.permutation(len(sig.y)))
        soft.run_epoch(rng.permutation(len(soft.y)))
    p, q = nets.predict_proba(sig.net, sig.X), nets.predict_proba(soft.net, soft.X)
    assert np.max(np.abs(p - q)) > DRIFT


def test_twin_minibatch_order_is_drawn_from_the_seed():
    def trained(seed):
        trainer = twins(batch_size=8, seed=seed)
        trainer.run(20)
        return trainer.sigmoid.net.W1

    np.testing.assert_array_equal(trained(1), trained(1))
    assert not np.allclose(trained(1), trained(2))


# the guarantee in words agrees with what training does

GUARANTEES = [
    ({"pairing": "matched"}, True),
    ({"pairing": "matched", "optimizer": "momentum"}, True),
    ({"pairing": "matched", "optimizer": "adam"}, True),
    ({"pairing": "matched", "l2": 0.01}, True),
    (
        {"pairing": "matched", "optimizer": "adam", "l2": 0.01, "shift": "symmetric"},
        True,
    ),
    ({"pairing": "matched", "optimizer": "adam", "l2": 0.01, "shift": 0.0}, False),
    ({"pairing": "matched", "l1": 0.01, "shift": 0.0}, False),
    # rows that start opposite keep opposite L1 terms: the rule's shift under L1
    ({"pairing": "matched", "l1": 0.01}, True),
    ({"pairing": "matched", "optimizer": "adam", "l1": 0.01}, True),
    ({"pairing": "same"}, False),
    ({"pairing": "independent"}, False),
]


@pytest.mark.parametrize(("kwargs", "expected"), GUARANTEES)
def test_lockstep_guarantee_matches_training(kwargs, expected):
    guaranteed, why = nets.lockstep_guarantee(**kwargs)
    assert guaranteed is expected
    assert why.startswith("Guaranteed" if expected else ("Not guaranteed", "Broken"))

    gaps = twin_gaps(twins(**kwargs), epochs=200)
    if expected:
        assert gaps.max() < LOCKSTEP_TOL
    else:
        assert gaps.max() > DRIFT


# single steps against closed forms


def one_step(optimizer, lr=0.3, l1=0.0, l2=0.0, head="softmax"):
    """A random net before and after one full-batch step, and its gradients."""
    X, y = xor_data()
    net = nets.init_net(2, 3, "tanh", head, seed=4)
    net.b1[:], net.b2[:] = 0.3, -0.2  # non-zero, so a penalty on them would show
    before = net.copy()
    _, grads = nets.loss_and_grads(net, X, y)
    rates = NetRates(LayerRates(lr, l1, l2), LayerRates(lr, l1, l2))
    Trainer(net, X, y, rates=rates, optimizer=OptimizerSpec(optimizer)).run(1)
    return before, net, grads


@pytest.mark.parametrize("head", sorted(nets.HEADS))
@pytest.mark.parametrize("optimizer", ["sgd", "momentum"])
def test_first_step_is_gradient_descent(optimizer, head):
    before, after, grads = one_step(optimizer, lr=0.3, head=head)
    for name in nets.PARAMS:
        expected = getattr(before, name) - 0.3 * grads[name]
        np.testing.assert_allclose(getattr(after, name), expected, rtol=1e-14)


def test_first_adam_step_is_lr_times_sign_of_gradient():
    # m_hat = g and v_hat = g^2 after one step, so the step is lr * g / (|g| + eps)
    before, after, grads = one_step("adam", lr=0.01)
    for name in nets.PARAMS:
        g = grads[name]
        expected = getattr(before, name) - 0.01 * g / (np.abs(g) + 1e-8)
        np.testing.assert_allclose(getattr(after, name), expected, rtol=1e-14)


def test_penalties_act_on_weights_only():
    before, after, grads = one_step("sgd", lr=0.3, l1=0.05, l2=0.2)
    for name in nets.PARAMS:
        w, g = getattr(before, name), grads[name]
        if name.startswith("W"):
            g = g + 0.2 * w + 0.05 * np.sign(w)
        np.testing.assert_allclose(getattr(after, name), w - 0.3 * g, rtol=1e-14)


def test_one_sample_three_heads_after_one_step():
    case = load_case("one_sample_three_heads.json")
    expected, tol = case["p_class1_after_one_step"], case["tolerance"]

    def p_after_one_step(head_key, hidden_lr, head_lr):
        head = "sigmoid" if head_key == "sigmoid" else "softmax"
        weights = case["heads"][head_key]
        net = nets.Net(
            case["W1"],
            case["b1"],
            weights["W2"],
            weights["b2"],
            case["hidden_activation"],
            head,
        )
        rates = NetRates(LayerRates(hidden_lr), LayerRates(head_lr))
        Trainer(net, case["X"], case["y"], rates=rates).run(1)
        return nets.predict_proba(net, case["X"])[0]

    for key, hidden_lr, head_lr in [
        ("softmax_zero_shift_lr0.5", 0.5, 0.5),
        ("sigmoid_lr0.5_head_lr1.0", 0.5, 1.0),
        ("sigmoid_lr0.5_everywhere", 0.5, 0.5),
    ]:
        head_key = key.split("_lr")[0]
        p = p_after_one_step(head_key, hidden_lr, head_lr)
        assert p == pytest.approx(expected[key], rel=tol), key


# zero start, divergence, histories


@pytest.mark.parametrize("head", sorted(nets.HEADS))
def test_zero_init_is_stuck(head):
    case = load_case("zero_init_is_stuck.json")
    n_hidden, n_out = case["n_hidden"], nets.HEADS[head]
    net = nets.Net(
        np.zeros((n_hidden, 2)),
        np.zeros(n_hidden),
        np.zeros((n_out, n_hidden)),
        np.zeros(n_out),
        case["hidden_activation"],
        head,
    )
    trainer = Trainer(
        net, case["X"], case["y"], rates=NetRates(LayerRates(1.0), LayerRates(1.0))
    )

    trainer.run(50)

    for arr in net.params().values():
        assert np.max(np.abs(arr)) == case["expected_grad_max_abs"]
    np.testing.assert_array_equal(
        nets.predict_proba(net, case["X"]), case["expected_p"]
    )
    np.testing.assert_allclose(
        trainer.history.train_loss, case["expected_loss"], rtol=1e-15
    )
    assert len(trainer.history.train_loss) == 51


@pytest.mark.parametrize("activation", ACTS)
def test_divergence_stops_with_a_message_and_finite_weights(activation):
    X, y = xor_data()
    lr = 1e12
    net = nets.init_net(2, 4, activation, "sigmoid", seed=0)
    start = net.copy()
    trainer = Trainer(net, X, y, rates=NetRates(LayerRates(lr), LayerRates(lr)))

    done = trainer.run(20)

    assert done < 20
    assert f"learning rate {lr:g}" in trainer.diverged
    assert trainer.epoch == done
    assert len(trainer.history.train_loss) == done + 1
    for name, arr in net.params().items():
        assert np.all(np.isfinite(arr))
        if done == 0:  # the first step blew up: the start is what is kept
            np.testing.assert_array_equal(arr, getattr(start, name))
    assert np.isfinite(trainer.history.train_loss).all()
    assert trainer.run(5) == 0 and trainer.epoch == done


def test_diverged_twins_stop_early_with_both_messages():
    sig, soft, sig_rates, soft_rates = nets.make_twins(2, 4, "relu", lr=1e6, seed=0)
    X, y = xor_data()
    trainer = TwinTrainer(sig, soft, X, y, sig_rates=sig_rates, soft_rates=soft_rates)
    assert trainer.run(30) < 30
    assert len(trainer.messages) == 2
    assert "sigmoid" in trainer.messages[0] and "softmax" in trainer.messages[1]
    assert "2e+06 on the head" in trainer.messages[0]


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"lr": 1e12}, ValueError, r"lr must be a number in \[0.0, 1000000.0\]"),
        ({"lr": True}, TypeError, "lr must be a number; received True"),
        ({"lr_head": -1.0}, ValueError, "lr_head must be a number in"),
        ({"l2": "0.1"}, TypeError, "l2 must be a number"),
        ({"optimizer": "rmsprop"}, ValueError, "optimizer must be one of"),
    ],
)
def test_make_twins_names_a_bad_rate(kwargs, error, message):
    with pytest.raises(error, match=message):
        nets.make_twins(2, 4, **kwargs)


@pytest.mark.parametrize(
    ("epochs", "error"), [(-5, ValueError), (2.5, TypeError), ("3", TypeError)]
)
def test_epochs_must_be_a_whole_number_from_zero(epochs, error):
    with pytest.raises(error, match="epochs must be a whole number"):
        twins().run(epochs)


def test_a_test_split_needs_both_halves():
    X, y = xor_data()
    with pytest.raises(ValueError, match="X_test and y_test must be given together"):
        nets.train_twins(X, y, X, None, epochs=1)


@pytest.mark.parametrize("batch_size", [None, 7])
def test_histories_have_one_entry_per_state(batch_size):
    ds = nets.make_toy("moons", n_points=40, seed=1)
    net = nets.init_net(2, 3, "relu", "softmax", seed=1)
    trainer = Trainer(
        net, ds.X_train, ds.y_train, ds.X_test, ds.y_test, batch_size=batch_size
    )
    calls = []

    trainer.run(12, callback=lambda done, total: calls.append((done, total)))
    trainer.run(5)

    hist = trainer.history.as_dict()
    assert hist["epoch"] == list(range(18))
    assert all(len(v) == 18 for v in hist.values())
    assert np.isfinite(hist["test_loss"]).all()
    assert all(0 <= a <= 1 for a in hist["train_acc"] + hist["test_acc"])
    assert calls == [(i, 12) for i in range(1, 13)]


def test_train_twins_histories_and_no_test_split():
    X, y = xor_data()
    result = nets.train_twins(X, y, n_hidden=3, epochs=25, batch_size=10)
    for trainer in result.trainers:
        assert len(trainer.history.train_loss) == 26
        assert np.isnan(trainer.history.test_loss).all()
    assert result.epoch == 25


# bad arguments


def test_training_arguments_are_validated():
    X, y = xor_data()
    net = nets.init_net()
    with pytest.raises(ValueError, match="batch_size must be a whole number"):
        Trainer(net, X, y, batch_size=0)
    with pytest.raises(ValueError, match="pairing must be one of"):
        nets.make_twins(pairing="twins")
    with pytest.raises(ValueError, match="optimizer must be one of"):
        OptimizerSpec("rmsprop")
    # an unknown name must not be answered with a guarantee
    with pytest.raises(ValueError, match="pairing must be one of"):
        nets.lockstep_guarantee("matchd")
    with pytest.raises(ValueError, match="optimizer must be one of"):
        nets.lockstep_guarantee("matched", optimizer="rmsprop")
    with pytest.raises(ValueError, match=r"lr must be a number in \[0.0, inf\]"):
        LayerRates(-0.1)
    with pytest.raises(ValueError, match="l2 must be finite"):
        LayerRates(0.1, l2=np.inf)
