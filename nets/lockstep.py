"""When the twins train in lockstep: the lab's twins, the statement, and probes.

The softmax rows ``r0, r1`` get logit gradients ``-g`` and ``g``, so their difference
``w = r1 - r0`` moves by ``2·lr·g`` and their sum ``s = r0 + r1`` does not move at all
without a penalty. The probes record, once per epoch, the largest gap between the
nets' probabilities on a set of points and the softmax rows' sum.
"""

import numpy as np

from .activations import ACTIVATIONS
from .grid import boundary_grid
from .heads import head_proba
from .optim import LayerRates, NetRates
from .pairing import default_shift, lockstep_guarantee, make_twins
from .training import TwinTrainer

REGULARISERS = ("none", "l1", "l2")
SHIFTS = {"auto": None, "symmetric": "symmetric", "zero": 0.0, "half": 0.5}
HEAD_FACTORS = (2.0, 1.0)  # the sigmoid head's rate in matched mode, times lr


def penalties(reg, rate):
    """``(l1, l2)`` for a regulariser name in ``REGULARISERS`` and its rate."""
    if reg not in REGULARISERS:
        raise ValueError(f"reg must be one of {list(REGULARISERS)}; received {reg!r}")
    return (rate if reg == "l1" else 0.0), (rate if reg == "l2" else 0.0)


def resolve_shift(shift, optimizer, l1, l2):
    """The shift ``make_twins`` uses: "auto" is the rule's (``default_shift``)."""
    if shift not in SHIFTS:
        raise ValueError(f"shift must be one of {list(SHIFTS)}; received {shift!r}")
    if shift == "auto":
        return default_shift(optimizer, l1, l2)
    return SHIFTS[shift]


def lab_twins(
    n_inputs,
    n_hidden,
    activation,
    pairing,
    lr,
    optimizer="sgd",
    reg="none",
    reg_rate=0.0,
    seed=0,
    head_factor=2.0,
    shift="auto",
):
    """``make_twins`` with two matched-mode overrides the lab uses to break lockstep.

    ``head_factor``: the sigmoid head learns at ``head_factor·lr`` with L2
    ``l2 / head_factor`` (2 is the rule, 1 the same settings as the softmax head).
    ``shift``: a name in ``SHIFTS`` for the softmax start ``r1 = w + c``, ``r0 = c``.
    Returns ``(sigmoid_net, softmax_net, sigmoid_rates, softmax_rates)``.
    """
    if head_factor not in HEAD_FACTORS:
        raise ValueError(
            f"head_factor must be one of {list(HEAD_FACTORS)}; received {head_factor!r}"
        )
    l1, l2 = penalties(reg, reg_rate)
    twins = make_twins(
        n_inputs,
        n_hidden,
        activation,
        pairing,
        lr,
        None,
        l1,
        l2,
        optimizer,
        seed,
        resolve_shift(shift, optimizer, l1, l2),
    )
    if pairing != "matched" or head_factor == 2.0:
        return twins
    sig, soft, sig_rates, soft_rates = twins
    head = LayerRates(head_factor * lr, l1, l2 / head_factor)
    return sig, soft, NetRates(sig_rates.hidden, head), soft_rates


def lockstep_statement(
    pairing, optimizer="sgd", reg="none", reg_rate=0.0, head_factor=2.0, shift="auto"
):
    """``(guaranteed, why)`` for the lab's settings, in a sentence or two."""
    l1, l2 = penalties(reg, reg_rate)
    if pairing == "matched" and head_factor != 2.0:
        return False, (
            f"Not guaranteed: the sigmoid head learns at {head_factor:g}·lr, but the "
            "softmax row difference w = r1 − r0 moves by 2·lr·g per step, so the two "
            "boundaries move by different amounts; lockstep needs the sigmoid head at "
            "2·lr."
        )
    return lockstep_guarantee(
        pairing, optimizer, l1, l2, resolve_shift(shift, optimizer, l1, l2)
    )


def row_sum(net):
    """The softmax rows' sum ``[W2[0] + W2[1], b2[0] + b2[1]]``, (n_hidden + 1,)."""
    if net.head != "softmax":
        raise ValueError(f"net must have a softmax head; received {net.head!r}")
    return np.append(net.W2.sum(axis=0), net.b2.sum())


def _proba(net, X):
    # the forward pass without validation: the probe runs once per epoch
    h = ACTIVATIONS[net.activation].f(X @ net.W1.T + net.b1)
    return head_proba(net.head, h @ net.W2.T + net.b2)


def max_gap(sig_net, soft_net, X):
    """Largest |P_sigmoid − P_softmax| over the net inputs ``X`` (n, n_inputs)."""
    return float(np.max(np.abs(_proba(sig_net, X) - _proba(soft_net, X))))


class LockstepProbe:
    """Per-epoch gap and row sum of a ``TwinTrainer``; pass it as ``run``'s hook.

    ``X`` (n_points, n_inputs) holds the points the gap is measured on, for
    example a grid of the input plane mapped to the net's inputs.
    """

    def __init__(self, X, twins=None):
        self.X = np.asarray(X, dtype=np.float64)
        self.epoch, self.gap, self.row_sum = [], [], []
        if twins is not None:
            self.record(twins)

    def record(self, twins):
        sig, soft = twins.sigmoid.net, twins.softmax.net
        self.epoch.append(twins.epoch)
        self.gap.append(max_gap(sig, soft, self.X))
        self.row_sum.append(row_sum(soft))

    def __call__(self, twins):
        self.record(twins)
        return False  # a probe never stops the run

    def as_dict(self):
        return {
            "epoch": list(self.epoch),
            "gap": list(self.gap),
            "row_sum": np.array(self.row_sum).tolist(),
        }


def data_twins(data, fmap, twins, optimizer="sgd", batch_size=None, seed=0):
    """A ``TwinTrainer`` on a data set's inputs as the nets see them (``fmap``).

    ``twins`` is ``(sigmoid_net, softmax_net, sigmoid_rates, softmax_rates)``, as
    ``lab_twins`` returns it; an empty test split is no test split.
    """
    sig, soft, sig_rates, soft_rates = twins
    has_test = len(data.X_test) > 0
    return TwinTrainer(
        sig,
        soft,
        fmap(data.X_train),
        data.y_train,
        fmap(data.X_test) if has_test else None,
        data.y_test if has_test else None,
        sig_rates,
        soft_rates,
        optimizer,
        batch_size,
        seed,
    )


def grid_inputs(data, fmap, resolution):
    """The plotted grid's points over ``data``, as the nets see them."""
    x1, x2 = boundary_grid(np.vstack([data.X_train, data.X_test]), resolution)
    g1, g2 = np.meshgrid(x1, x2)
    return fmap(np.column_stack([g1.ravel(), g2.ravel()]))
