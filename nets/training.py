"""Gradient-descent training of one net, and of the twin nets side by side.

Histories hold one entry per state: entry k is the net after k epochs, so a run of
E epochs has E + 1 entries. The training forward pass that measures state k is the
one the next step backpropagates through, so measuring costs no extra pass.
"""

from dataclasses import dataclass, field

import numpy as np

from .activations import ACTIVATIONS
from .checks import check_array, check_number
from .heads import head_loss, head_score
from .network import check_inputs
from .optim import LayerRates, NetRates, Optimizer, OptimizerSpec
from .pairing import make_twins

DIVERGED_LOSS = 1e8  # a mean cross-entropy past this is an overflow, not learning


@dataclass
class History:
    """Per-epoch measurements of one net; lists of equal length."""

    epoch: list = field(default_factory=list)
    train_loss: list = field(default_factory=list)
    test_loss: list = field(default_factory=list)
    train_acc: list = field(default_factory=list)
    test_acc: list = field(default_factory=list)

    def as_dict(self):
        return {k: list(v) for k, v in self.__dict__.items()}


class Trainer:
    """Trains one net in place; ``run`` may be called again to go on.

    X (n_train, n_inputs), y (n_train,); the test split may be empty or None.
    ``batch_size`` None (or >= n_train) is full-batch gradient descent.
    """

    def __init__(
        self,
        net,
        X,
        y,
        X_test=None,
        y_test=None,
        rates=None,
        optimizer=None,
        batch_size=None,
        name="",
        seed=0,
    ):
        self.net = net
        self.rng = np.random.default_rng(seed)  # minibatch order in ``run``
        self.X, self.y = check_inputs(net, X, y)
        if (X_test is None) != (y_test is None):
            raise ValueError("X_test and y_test must be given together, or neither")
        if X_test is not None and len(X_test):
            self.X_test, self.y_test = check_inputs(net, X_test, y_test)
        else:
            self.X_test = self.y_test = None
        self.rates = rates or NetRates(LayerRates(0.1), LayerRates(0.1))
        self.opt = Optimizer(optimizer or OptimizerSpec(), self.rates)
        n = len(self.y)
        if batch_size is not None and (
            not isinstance(batch_size, (int, np.integer)) or batch_size < 1
        ):
            raise ValueError(
                "batch_size must be a whole number >= 1 or None; "
                f"received {batch_size!r}"
            )
        self.batch_size = n if batch_size is None else min(int(batch_size), n)
        self.name = name
        self.act = ACTIVATIONS[net.activation]
        self.history = History()
        self.epoch = 0
        self.diverged = None  # a message once the loss overflowed
        # the current state's (z1, h, dlogits) on the full training set
        self._cached = None
        self._ones = np.ones(n)
        self._is_one = self.y == 1
        self._fold_hidden_bias()
        self._measure()

    def _fold_hidden_bias(self):
        """Keep W1 and b1 as one array A1 = [W1 | b1], and inputs as [X | 1].

        Then z1 = [X | 1] A1^T is one product, and its gradient gives dW1 and db1
        together. ``net.W1`` and ``net.b1`` become views into A1, so the net trains
        in place as before.
        """
        net, n_in = self.net, self.net.n_inputs
        A1 = np.empty((net.n_hidden, n_in + 1))
        A1[:, :n_in], A1[:, n_in] = net.W1, net.b1
        net.W1, net.b1 = A1[:, :n_in], A1[:, n_in]
        self._A1 = A1
        self._X1 = np.hstack([self.X, self._ones[:, None]])  # (n, n_inputs + 1)
        if self.X_test is not None:
            self._X1_test = np.hstack([self.X_test, np.ones((len(self.X_test), 1))])

    # forward and backward on raw arrays: the hot path
    def _forward(self, X1):
        """z1, h and the logits for inputs with a column of ones, [X | 1]."""
        z1 = X1 @ self._A1.T  # (n, n_hidden)
        h = self.act.f(z1)
        logits = h @ self.net.W2.T  # (n, n_out)
        logits += self.net.b2
        return z1, h, logits

    def _grads(self, X1, z1, h, dlogits):
        dh = dlogits @ self.net.W2  # (n, n_hidden)
        dz1 = dh * self.act.df(z1, h)
        dA1 = dz1.T @ X1  # (n_hidden, n_inputs + 1): dW1 and db1 side by side
        n_in = self.net.n_inputs
        # a column sum as a product with ones: much faster than sum(axis=0)
        ones = self._ones if len(X1) == len(self._ones) else np.ones(len(X1))
        return {
            "W1": dA1[:, :n_in],
            "b1": dA1[:, n_in],
            "W2": dlogits.T @ h,
            "b2": ones @ dlogits,
        }

    def _measure(self):
        """Append the current state's losses and accuracies to the history.

        Returns the training loss, or inf when a weight has become NaN or inf.
        """
        net = self.net
        z1, h, logits = self._forward(self._X1)
        loss, dlogits, _ = head_loss(net.head, logits, self.y)
        # a non-finite W1 or b1 makes z1 non-finite; W2 and b2 show in the loss
        if not np.isfinite(self._ones @ z1).all():
            loss = np.inf
        self._cached = (z1, h, dlogits)
        hist = self.history
        hist.epoch.append(self.epoch)
        hist.train_loss.append(float(loss))
        # P(class 1) >= 0.5 exactly where the logit (difference) is >= 0
        t = logits[:, 0] if net.head == "sigmoid" else logits[:, 1] - logits[:, 0]
        hist.train_acc.append(np.count_nonzero((t >= 0) == self._is_one) / len(t))
        if self.X_test is None:
            hist.test_loss.append(float("nan"))
            hist.test_acc.append(float("nan"))
        else:
            Z = self._forward(self._X1_test)[2]
            t_loss, right = head_score(net.head, Z, self.y_test)
            hist.test_loss.append(float(t_loss))
            hist.test_acc.append(right / len(self.y_test))
        return loss

    def run_epoch(self, order=None):
        """One pass over the training set, in ``order`` (a permutation) if given."""
        if self.diverged:
            return False
        params = self.net.params()
        before = {k: v.copy() for k, v in params.items()}
        n, bs = len(self.y), self.batch_size
        if bs >= n:
            z1, h, dlogits = self._cached
            self.opt.step(params, self._grads(self._X1, z1, h, dlogits))
        else:
            order = np.arange(n) if order is None else order
            for start in range(0, n, bs):
                idx = order[start : start + bs]
                Xb, yb = self._X1[idx], self.y[idx]
                z1, h, logits = self._forward(Xb)
                dlogits = head_loss(self.net.head, logits, yb)[1]
                self.opt.step(params, self._grads(Xb, z1, h, dlogits))

        self.epoch += 1
        with np.errstate(over="ignore", invalid="ignore"):
            loss = self._measure()
        if loss < DIVERGED_LOSS:  # False for NaN and inf too
            return True
        for k in ("epoch", "train_loss", "test_loss", "train_acc", "test_acc"):
            getattr(self.history, k).pop()
        # diverged: keep the last finite weights and say which learning rate did it
        for k, v in params.items():
            v[...] = before[k]
        self.epoch -= 1
        self._measure_restored()
        r = self.rates
        which = f"{self.name} net" if self.name else "net"
        self.diverged = (
            f"The {which} diverged in epoch {self.epoch + 1}: its loss "
            f"overflowed with learning rate {r.hidden.lr:g} on the hidden layer and "
            f"{r.head.lr:g} on the head. Training stopped and kept its last finite "
            f"weights (epoch {self.epoch}). Try a smaller learning rate."
        )
        return False

    def run(self, epochs, callback=None):
        """Train for ``epochs`` more epochs in a fresh order each epoch.

        ``callback(done, epochs)`` is told after each epoch; stops early on divergence.
        """
        n = len(self.y)
        epochs = check_number("epochs", epochs, low=0, integer=True)
        for i in range(1, epochs + 1):
            order = self.rng.permutation(n) if self.batch_size < n else None
            if not self.run_epoch(order):
                return i - 1
            if callback is not None:
                callback(i, epochs)
        return epochs

    def _measure_restored(self):
        # the restored state was measured already; only the cache must match it again
        z1, h, logits = self._forward(self._X1)
        self._cached = (z1, h, head_loss(self.net.head, logits, self.y)[1])


class TwinTrainer:
    """The sigmoid net and the softmax net trained side by side on one data set.

    Both see the minibatches in the same order (drawn from ``seed``), so any gap
    between them comes from the heads and their rates alone.
    """

    def __init__(
        self,
        sig_net,
        soft_net,
        X,
        y,
        X_test=None,
        y_test=None,
        sig_rates=None,
        soft_rates=None,
        optimizer=None,
        batch_size=None,
        seed=0,
    ):
        spec = (
            optimizer
            if isinstance(optimizer, OptimizerSpec)
            else OptimizerSpec(optimizer or "sgd")
        )
        self.sigmoid = Trainer(
            sig_net, X, y, X_test, y_test, sig_rates, spec, batch_size, "sigmoid"
        )
        self.softmax = Trainer(
            soft_net, X, y, X_test, y_test, soft_rates, spec, batch_size, "softmax"
        )
        self.rng = np.random.default_rng(seed)
        self.epoch = 0

    @property
    def trainers(self):
        return self.sigmoid, self.softmax

    @property
    def messages(self):
        return [t.diverged for t in self.trainers if t.diverged]

    def run(self, epochs, callback=None, every=None, hook=None):
        """Train both for ``epochs`` more epochs; ``callback(done, epochs)`` is told.

        ``hook(twins)``, if given, is called after every epoch; a true return stops
        the run there. Stops early once both nets have diverged. Returns the epochs
        run.
        """
        n = len(self.sigmoid.y)
        epochs = check_number("epochs", epochs, low=0, integer=True)
        every = every or max(1, epochs // 100)
        for i in range(1, epochs + 1):
            order = self.rng.permutation(n) if self.sigmoid.batch_size < n else None
            alive = [t.run_epoch(order) for t in self.trainers]
            self.epoch += 1
            if callback is not None and (i % every == 0 or i == epochs):
                callback(i, epochs)
            if not any(alive):
                return i
            if hook is not None and hook(self):
                return i
        return epochs


def train_twins(
    X,
    y,
    X_test=None,
    y_test=None,
    n_hidden=2,
    activation="tanh",
    pairing="matched",
    lr=0.1,
    lr_head=None,
    epochs=100,
    batch_size=None,
    optimizer="sgd",
    l1=0.0,
    l2=0.0,
    seed=0,
    callback=None,
):
    """Build the twins for ``pairing``, train them, and return the ``TwinTrainer``."""
    X = check_array("X", X, 2)
    sig, soft, sig_rates, soft_rates = make_twins(
        X.shape[1], n_hidden, activation, pairing, lr, lr_head, l1, l2, optimizer, seed
    )
    twins = TwinTrainer(
        sig,
        soft,
        X,
        y,
        X_test,
        y_test,
        sig_rates,
        soft_rates,
        optimizer,
        batch_size,
        seed,
    )
    twins.run(epochs, callback)
    return twins
