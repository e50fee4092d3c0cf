"""The twin nets' pairings: how the softmax net starts and learns beside its twin.

matched: mapped weights and the rates that keep the two in lockstep; same: one hidden
start and one rate everywhere; independent: each net on its own. ``lockstep_guarantee``
says in words whether, for given settings, the two must predict alike at every step.
"""

from .checks import check_choice, check_number
from .mapping import sigmoid_to_softmax
from .network import init_net
from .optim import OPTIMIZERS, LayerRates, NetRates

PAIRINGS = ("matched", "same", "independent")
MAX_RATE = 1e6  # learning rates and penalties above this are typing slips


def default_shift(optimizer="sgd", l1=0.0, l2=0.0):
    """The matched mapping's shift that keeps lockstep for these settings.

    L1 adds l1·sign(r) to each row, and Adam rescales each weight on its own, so
    with L1, or with Adam and L2, only rows that start as exact opposites
    (c = -w/2) get opposite penalty terms; otherwise the plain c = 0.
    """
    if l1 > 0 or (optimizer == "adam" and l2 > 0):
        return "symmetric"
    return 0.0


def make_twins(
    n_inputs=2,
    n_hidden=2,
    activation="tanh",
    pairing="matched",
    lr=0.1,
    lr_head=None,
    l1=0.0,
    l2=0.0,
    optimizer="sgd",
    seed=0,
    shift=None,
):
    """The twin nets and their rates for one of ``PAIRINGS``.

    - matched: the softmax net is ``sigmoid_to_softmax`` of the sigmoid net; the
      sigmoid head learns at twice the softmax head's rate with half its L2. Under
      Adam with L2 the symmetric shift is used, since Adam scales each weight alone.
    - same: one hidden initialisation, every rate the same, each head drawn alone.
    - independent: each net initialised on its own, every rate the same.

    Returns ``(sigmoid_net, softmax_net, sigmoid_rates, softmax_rates)``.
    """
    check_choice("pairing", pairing, PAIRINGS)
    check_choice("optimizer", optimizer, OPTIMIZERS)
    lr = check_number("lr", lr, low=0.0, high=MAX_RATE)
    lr_head = lr if lr_head is None else check_number("lr_head", lr_head, 0.0, MAX_RATE)
    l1 = check_number("l1", l1, low=0.0, high=MAX_RATE)
    l2 = check_number("l2", l2, low=0.0, high=MAX_RATE)
    hidden = LayerRates(lr, l1, l2)
    head = LayerRates(lr_head, l1, l2)
    soft_rates = NetRates(hidden, head)
    sig = init_net(n_inputs, n_hidden, activation, "sigmoid", seed)
    if pairing == "matched":
        if shift is None:
            shift = default_shift(optimizer, l1, l2)
        soft = sigmoid_to_softmax(sig, shift=shift)
        sig_rates = NetRates(hidden, LayerRates(2 * lr_head, l1, l2 / 2))
        return sig, soft, sig_rates, soft_rates
    soft_seed = seed if pairing == "same" else seed + 1
    soft = init_net(n_inputs, n_hidden, activation, "softmax", soft_seed)
    if pairing == "same":
        soft = soft.copy(W1=sig.W1, b1=sig.b1)
    return sig, soft, soft_rates, soft_rates


def lockstep_guarantee(pairing, optimizer="sgd", l1=0.0, l2=0.0, shift=None):
    """Whether the twins must predict alike at every step, and why, in words.

    ``shift`` is the matched mapping's shift; None means the one ``make_twins``
    picks (``default_shift``).
    """
    if pairing not in PAIRINGS:
        raise ValueError(
            f"pairing must be one of {list(PAIRINGS)}; received {pairing!r}"
        )
    if optimizer not in OPTIMIZERS:
        raise ValueError(
            f"optimizer must be one of {list(OPTIMIZERS)}; received {optimizer!r}"
        )
    if shift is None:
        shift = default_shift(optimizer, l1, l2)
    symmetric = isinstance(shift, str) and shift == "symmetric"
    if pairing == "same":
        return False, (
            "Not guaranteed: the softmax row difference w = W2[1] - W2[0] moves by "
            "2·lr·g per step while the sigmoid row moves by lr·g, so with the same "
            "rate the softmax boundary moves twice as far (and each head starts alone)."
        )
    if pairing == "independent":
        return False, (
            "Not guaranteed: the nets start from different weights, so they follow "
            "different paths even though both can represent the same functions."
        )
    if l1 > 0 and not symmetric:
        return False, (
            "Broken by L1: the rows get l1·sign(r1) and l1·sign(r0), and "
            "sign(r1) - sign(r0) is not a multiple of sign(r1 - r0), so the row "
            "difference no longer moves like the sigmoid row. Rows that start as "
            "opposites (c = -w/2) keep opposite L1 terms and restore it."
        )
    if optimizer == "adam" and l2 > 0 and not symmetric:
        return False, (
            "Broken by Adam with L2 and a non-symmetric shift: the row gradients "
            "g + l2·r1 and -g + l2·r0 are not opposite unless r0 = -r1, and Adam "
            "rescales each weight on its own. The symmetric shift c = -w/2 restores it."
        )
    why = (
        "Guaranteed: the softmax rows get gradients g and -g, so w = r1 - r0 moves by "
        "2·lr·g, exactly what the sigmoid head does at 2·lr"
    )
    if l1 > 0:
        why += (
            "; with opposite rows the L1 terms l1·sign(r1) and l1·sign(r0) are "
            "opposite too, matching the sigmoid head's l1·sign(w) at 2·lr"
        )
    if l2 > 0:
        why += "; the L2 term l2·(r1 - r0) matches the sigmoid head's (l2/2)·w at 2·lr"
    if optimizer == "adam":
        why += "; Adam's step is the same for g and -g up to sign"
    elif optimizer == "momentum":
        why += "; momentum is linear in the gradients, so it keeps the factor 2"
    return True, why + ". The hidden layers get the same signal (p - y)·w."
