"""Output heads and their losses, all computed from logits.

A sigmoid head has one logit ``z`` per sample and ``p = sigmoid(z)``; a softmax head
has two, ``(z0, z1)`` with row k of ``W2`` for class k, and ``p = softmax(z)[1]``.
Losses use log-sigmoid and log-softmax directly, never ``log(p)``, so a finite logit
never gives NaN or inf and ``dL/dz = p - y`` holds at any size.
"""

import numpy as np

from .activations import sigmoid

HEADS = {"sigmoid": 1, "softmax": 2}  # head name -> number of output units
LOSSES = ("cross_entropy", "squared_error")


def _softplus_minus(z, y, e):
    """-y log p - (1 - y) log(1 - p) for p = sigmoid(z), as softplus(z) - y z.

    ``e = exp(-|z|)``. The large parts, max(z, 0) - y z, cancel first (exactly, for
    labels 0 and 1), and only then is the tiny log1p(e) added, so a confident right
    answer keeps its tiny loss.
    """
    return (np.maximum(z, 0.0) - y * z) + np.log1p(e)


def log_sigmoid(z):
    """log(sigmoid(z)) = -log(1 + e^-z), exact at any finite z."""
    # log1p keeps the tiny value where e^-|z| is tiny; max adds the large part
    return -(np.maximum(-z, 0.0) + np.log1p(np.exp(-np.abs(z))))


def log_softmax(Z):
    """Row-wise log-softmax of logits ``Z`` (n_samples, n_classes)."""
    # subtracting the row maximum keeps every exp in [0, 1]; the maximum's own term
    # is exactly 1, so log(1 + rest) goes through log1p and keeps a tiny rest exact
    shifted = Z - Z.max(axis=1, keepdims=True)
    rest = np.exp(shifted)
    rest[np.arange(len(Z)), shifted.argmax(axis=1)] = 0.0
    return shifted - np.log1p(rest.sum(axis=1, keepdims=True))


def softmax(Z):
    """Row-wise softmax of logits ``Z`` (n_samples, n_classes)."""
    return np.exp(log_softmax(Z))


def head_proba(head, Z):
    """P(class 1) per sample from the logits ``Z`` (n_samples, n_out)."""
    if head == "sigmoid":
        return sigmoid(Z[:, 0])
    return softmax(Z)[:, 1]


def head_loss(head, Z, y, loss="cross_entropy"):
    """Mean loss over the samples and its gradient with respect to the logits.

    ``Z`` is (n_samples, n_out), ``y`` (n_samples,) holds labels 0/1 (or, for the
    sigmoid head, targets in [0, 1]). Returns ``(loss, dZ, P)`` with ``dZ`` shaped like
    ``Z`` and ``P`` the head's output probabilities (n_samples, n_out).
    """
    n = Z.shape[0]
    if head == "sigmoid":
        z = Z[:, 0]
        e = np.exp(-np.abs(z))  # shared by p and the loss, as in sigmoid()
        p = np.where(z >= 0, 1.0, e) / (1.0 + e)
        if loss == "cross_entropy":
            value = _softplus_minus(z, y, e).sum() / n
            dz = (p - y) / n
        else:  # half squared error on the probability
            diff = p - y
            value = 0.5 * np.mean(diff * diff)
            dz = diff * p * (1.0 - p) / n
        return value, dz[:, None], p[:, None]

    if loss != "cross_entropy":
        raise ValueError(
            f"loss for the softmax head must be 'cross_entropy'; received {loss!r}"
        )
    # log_softmax written out for the head's two columns, which is 4x faster: the
    # other column sits |z1 - z0| below the maximum, so log(sum) = log1p(e^-|d|)
    shifted = Z - np.maximum(Z[:, :1], Z[:, 1:])
    logp = shifted - np.log1p(np.exp(-np.abs(Z[:, 1:] - Z[:, :1])))
    P = np.exp(logp)
    Y = np.column_stack([1.0 - y, y])  # one-hot rows, class k in column k
    # the true class's log-probability alone: 0 * -inf in a product would be NaN
    value = -np.where(y == 1, logp[:, 1], logp[:, 0]).sum() / n
    return value, (P - Y) / n, P


def head_score(head, Z, y):
    """Mean cross-entropy and the number of right answers, from the logits alone.

    For measuring, not training: no probabilities or gradients are formed. Both
    heads go through the logit difference (the softmax loss is the sigmoid loss
    of z1 - z0), each term written so that it is exact for labels 0 and 1:
    softplus(t) - y·t, with softplus(t) = log1p(e^-|t|) + max(t, 0).
    """
    t = Z[:, 0] if head == "sigmoid" else Z[:, 1] - Z[:, 0]
    terms = _softplus_minus(t, y, np.exp(-np.abs(t)))
    right = np.count_nonzero((t >= 0) == (y == 1))
    return terms.sum() / len(t), right
