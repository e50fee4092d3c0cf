"""The twin networks: one hidden layer and a sigmoid or a softmax head.

Conventions, as in most textbooks and in PyTorch: ``z = W x + b`` with ``W`` shaped
(n_out, n_in); for a batch ``X`` (n_samples, n_inputs) that is ``Z = X W^T + b``.
Softmax rows are ordered by class: row 0 is class 0, row 1 is class 1. Everything is
float64, and losses are the mean over the samples.
"""

from dataclasses import dataclass, fields

import numpy as np

from .activations import ACTIVATIONS, get_activation
from .checks import check_array, check_choice, check_number, check_seed
from .heads import HEADS, LOSSES, head_loss, head_proba

PARAMS = ("W1", "b1", "W2", "b2")


@dataclass
class Net:
    """A 2-layer net: ``h = f(W1 x + b1)``, logits ``W2 h + b2``, then the head.

    W1: (n_hidden, n_inputs), b1: (n_hidden,), W2: (n_out, n_hidden), b2: (n_out,),
    with n_out = 1 for the sigmoid head and 2 for the softmax head.
    """

    W1: np.ndarray
    b1: np.ndarray
    W2: np.ndarray
    b2: np.ndarray
    activation: str = "tanh"
    head: str = "sigmoid"

    def __post_init__(self):
        get_activation(self.activation)
        check_choice("head", self.head, HEADS)
        self.W1 = check_array("W1", self.W1, 2)
        self.b1 = check_array("b1", self.b1, 1)
        self.W2 = check_array("W2", self.W2, 2)
        self.b2 = check_array("b2", self.b2, 1)
        n_hidden, n_out = self.W1.shape[0], HEADS[self.head]
        expected = {
            "b1": (n_hidden,),
            "W2": (n_out, n_hidden),
            "b2": (n_out,),
        }
        if n_hidden < 1 or self.W1.shape[1] < 1:
            raise ValueError(
                "W1 must have shape (n_hidden, n_inputs) with both at least 1; "
                f"received {self.W1.shape}"
            )
        for name, shape in expected.items():
            got = getattr(self, name).shape
            if got != shape:
                raise ValueError(
                    f"{name} must have shape {shape} for a {self.head} head with "
                    f"{n_hidden} hidden units; received {got}"
                )

    @property
    def n_inputs(self):
        return self.W1.shape[1]

    @property
    def n_hidden(self):
        return self.W1.shape[0]

    @property
    def n_out(self):
        return self.W2.shape[0]

    def params(self):
        """The four parameter arrays by name (the arrays themselves, not copies)."""
        return {name: getattr(self, name) for name in PARAMS}

    def copy(self, **changes):
        """A deep copy, with any field replaced by ``changes``."""
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        values.update(changes)
        return Net(**values)

    def to_dict(self):
        """Plain lists and strings, ready for JSON."""
        out = {name: arr.tolist() for name, arr in self.params().items()}
        out.update(activation=self.activation, head=self.head)
        return out

    @classmethod
    def from_dict(cls, data):
        """Inverse of ``to_dict``; a ValueError names what is missing or wrong."""
        if not isinstance(data, dict):
            raise ValueError(
                f"a net must be an object with keys {list(PARAMS)}, 'activation' "
                f"and 'head'; received {type(data).__name__}"
            )
        missing = [k for k in (*PARAMS, "activation", "head") if k not in data]
        if missing:
            raise ValueError(f"the net is missing {', '.join(missing)}")
        return cls(**{k: data[k] for k in (*PARAMS, "activation", "head")})


@dataclass
class Grads:
    """Gradients of the mean loss, named like the parameters; ``g["W1"]`` works too."""

    W1: np.ndarray
    b1: np.ndarray
    W2: np.ndarray
    b2: np.ndarray

    def __getitem__(self, name):
        if name not in PARAMS:
            raise KeyError(name)
        return getattr(self, name)

    def items(self):
        return ((name, getattr(self, name)) for name in PARAMS)


@dataclass
class Pass:
    """Every quantity of one forward and backward pass, in the order it is computed.

    Shapes: z1, h, dh, dz1 (n_samples, n_hidden); logits, probs, dlogits
    (n_samples, n_out); p (n_samples,).
    """

    z1: np.ndarray
    h: np.ndarray
    logits: np.ndarray
    probs: np.ndarray
    p: np.ndarray
    loss: float
    dlogits: np.ndarray
    dh: np.ndarray
    dz1: np.ndarray
    grads: Grads


def check_inputs(net, X, y=None, loss="cross_entropy"):
    """Validate a batch for ``net``; return ``(X, y)`` as float64 arrays."""
    if not isinstance(net, Net):
        raise TypeError(f"net must be a Net; received {type(net).__name__}")
    X = check_array("X", X, 2)
    if X.shape[1] != net.n_inputs or X.shape[0] < 1:
        raise ValueError(
            f"X must have shape (n_samples, {net.n_inputs}) with n_samples >= 1; "
            f"received {X.shape}"
        )
    if y is None:
        return X, None
    if loss not in LOSSES:
        raise ValueError(f"loss must be one of {list(LOSSES)}; received {loss!r}")
    y = check_array("y", y, 1)
    if y.shape[0] != X.shape[0]:
        raise ValueError(
            f"y must have one entry per row of X ({X.shape[0]}); received {y.shape[0]}"
        )
    if net.head == "softmax" and not np.all((y == 0) | (y == 1)):
        raise ValueError("y must hold class labels 0 or 1 for the softmax head")
    if np.any((y < 0) | (y > 1)):
        raise ValueError("y must hold labels 0 or 1 (or targets between 0 and 1)")
    return X, y


def forward(net, X):
    """Hidden pre-activations, activations, logits and probabilities for ``X``.

    Returns ``(z1, h, logits, p)`` with p = P(class 1), shape (n_samples,).
    """
    X, _ = check_inputs(net, X)
    act = ACTIVATIONS[net.activation]
    z1 = X @ net.W1.T + net.b1  # (n_samples, n_hidden)
    h = act.f(z1)
    logits = h @ net.W2.T + net.b2  # (n_samples, n_out)
    return z1, h, logits, head_proba(net.head, logits)


def predict_proba(net, X):
    """P(class 1) for each row of ``X`` (n_samples, n_inputs); shape (n_samples,)."""
    return forward(net, X)[3]


def backprop(net, X, y, loss="cross_entropy"):
    """One forward and one backward pass by hand, keeping every number (a ``Pass``)."""
    X, y = check_inputs(net, X, y, loss)
    act = ACTIVATIONS[net.activation]

    # forward
    z1 = X @ net.W1.T + net.b1  # (n_samples, n_hidden)
    h = act.f(z1)
    logits = h @ net.W2.T + net.b2  # (n_samples, n_out)

    # loss, and its gradient with respect to the logits
    value, dlogits, probs = head_loss(net.head, logits, y, loss)

    # backward
    dW2 = dlogits.T @ h  # (n_out, n_hidden)
    db2 = dlogits.sum(axis=0)
    dh = dlogits @ net.W2  # (n_samples, n_hidden)
    dz1 = dh * act.df(z1, h)
    dW1 = dz1.T @ X  # (n_hidden, n_inputs)
    db1 = dz1.sum(axis=0)

    return Pass(
        z1=z1,
        h=h,
        logits=logits,
        probs=probs,
        p=probs[:, -1],
        loss=float(value),
        dlogits=dlogits,
        dh=dh,
        dz1=dz1,
        grads=Grads(W1=dW1, b1=db1, W2=dW2, b2=db2),
    )


def loss_and_grads(net, X, y, loss="cross_entropy"):
    """Mean loss over the samples and its gradients (a ``Grads``) by backpropagation.

    ``loss`` is "cross_entropy" (either head) or "squared_error", half the squared
    difference between the sigmoid head's probability and the target.
    """
    result = backprop(net, X, y, loss)
    return result.loss, result.grads


def init_net(n_inputs=2, n_hidden=2, activation="tanh", head="sigmoid", seed=0):
    """A seeded, sensible start: Glorot-uniform weights and zero biases.

    The softmax head gets its own draw for each row, as a framework would give it.
    """
    get_activation(activation)
    check_choice("head", head, HEADS)
    n_inputs = check_number("n_inputs", n_inputs, low=1, integer=True)
    n_hidden = check_number("n_hidden", n_hidden, low=1, integer=True)
    rng = np.random.default_rng(check_seed(seed))
    n_out = HEADS[head]

    def glorot(shape, fan_in, fan_out):
        limit = np.sqrt(6.0 / (fan_in + fan_out))
        return rng.uniform(-limit, limit, size=shape)

    # the hidden layer is drawn first, so two nets with one seed share it; the head's
    # scale counts one output unit for both heads, so a softmax row starts on the
    # same scale as the sigmoid row
    return Net(
        W1=glorot((n_hidden, n_inputs), n_inputs, n_hidden),
        b1=np.zeros(n_hidden),
        W2=glorot((n_out, n_hidden), n_hidden, 1),
        b2=np.zeros(n_out),
        activation=activation,
        head=head,
    )
