"""Backpropagation exercises: a small seeded net to work by hand, and a checker.

An exercise is a 2-2-1 net with one-decimal weights, one sample with one-decimal
inputs and a 0/1 label, cross-entropy loss and one gradient step at rate ``lr``.
The same seed always gives the same exercise, so a class can share one.
"""

from dataclasses import dataclass

import numpy as np

from .network import Net
from .worked import STEP_KEYS, worked_steps

MAX_SEED = 999_999
RTOL, ATOL = 0.01, 5e-4  # right within 1 % or 0.0005, whichever is larger
EXERCISE_ACTIVATIONS = ("sigmoid", "tanh", "relu")
LR = 0.5


@dataclass(frozen=True)
class Exercise:
    """A net, one sample and a learning rate; ``steps`` holds the exact answers."""

    seed: int
    net: Net
    X: np.ndarray  # (1, 2)
    y: np.ndarray  # (1,)
    lr: float
    loss: str = "cross_entropy"

    @property
    def steps(self):
        return worked_steps(self.net, self.X, self.y, self.loss, self.lr)


@dataclass(frozen=True)
class StepCheck:
    """One step of an answer sheet: ``status`` is "right", "wrong" or "blank"."""

    key: str
    title: str
    formula: str
    expected: np.ndarray
    given: np.ndarray  # NaN where nothing was entered
    wrong: np.ndarray  # bool, True where an entered number is out of tolerance
    status: str


@dataclass(frozen=True)
class ExerciseCheck:
    """Every step checked, and the first wrong one (None when none is wrong)."""

    steps: list
    first_wrong: StepCheck | None
    rtol: float
    atol: float

    @property
    def n_right(self):
        return sum(s.status == "right" for s in self.steps)

    @property
    def all_right(self):
        return self.n_right == len(self.steps)


def parse_seed(value):
    """``(seed, problem)``: a whole number 0..MAX_SEED, else ``(None, message)``."""
    text = str(value).strip()
    # isdigit alone accepts "²", which int() refuses: ASCII digits only
    if text.isascii() and text.isdigit() and int(text) <= MAX_SEED:
        return int(text), None
    return None, f"the seed must be a whole number from 0 to {MAX_SEED}; got {text!r}"


def _one_decimal(rng, shape, low=-10, high=10):
    return rng.integers(low, high + 1, size=shape) / 10.0


def make_exercise(seed):
    """The exercise for ``seed`` (a whole number from 0 to MAX_SEED)."""
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)):
        raise ValueError(f"seed must be a whole number; received {seed!r}")
    if not 0 <= seed <= MAX_SEED:
        raise ValueError(f"seed must be between 0 and {MAX_SEED}; received {seed}")
    rng = np.random.default_rng([int(seed), 20_240])
    activation = EXERCISE_ACTIVATIONS[int(rng.integers(len(EXERCISE_ACTIVATIONS)))]
    # draw again until every hidden unit passes a gradient back (a ReLU unit below
    # 0 would not) and no pre-activation sits on ReLU's kink
    while True:
        W1, b1 = _one_decimal(rng, (2, 2)), _one_decimal(rng, 2, -5, 5)
        W2, b2 = _one_decimal(rng, (1, 2)), _one_decimal(rng, 1, -5, 5)
        x = _one_decimal(rng, (1, 2))
        z1 = x @ W1.T + b1
        low = 0.05 if activation == "relu" else -np.inf
        if (
            np.all(W2 != 0)
            and np.all(x != 0)
            and np.all(np.abs(z1) >= 0.05)
            and np.all(z1 >= low)
        ):
            break
    y = rng.integers(0, 2, size=1).astype(np.float64)
    net = Net(W1=W1, b1=b1, W2=W2, b2=b2, activation=activation, head="sigmoid")
    return Exercise(seed=int(seed), net=net, X=x, y=y, lr=LR)


def _given_array(key, value, shape):
    """The answer for one step as floats of ``shape``, NaN where left blank."""
    if value is None:
        return np.full(shape, np.nan)
    try:
        arr = np.array(value, dtype=np.float64)
    except (TypeError, ValueError):
        raise ValueError(
            f"the answer for {key} must be numbers (None for a blank); "
            f"received {value!r}"
        ) from None
    if arr.size != int(np.prod(shape)):
        raise ValueError(
            f"the answer for {key} must have {int(np.prod(shape))} entries; "
            f"received {arr.size}"
        )
    return arr.reshape(shape)


def check_answers(exercise, answers, rtol=RTOL, atol=ATOL):
    """Check ``answers`` ({step key: numbers, None or NaN for blanks}) step by step.

    An entry is right when ``|given - exact| <= max(rtol * |exact|, atol)``. A step
    is "right" when all its entries are, "wrong" when any entered one is not, and
    "blank" otherwise. Returns an ``ExerciseCheck`` naming the first wrong step.
    """
    unknown = sorted(set(answers) - set(STEP_KEYS))
    if unknown:
        raise ValueError(f"unknown steps {unknown}; expected keys from {STEP_KEYS}")
    checks = []
    for step in exercise.steps:
        expected = np.asarray(step.value, np.float64)
        given = _given_array(step.key, answers.get(step.key), expected.shape)
        entered = np.isfinite(given)
        limit = np.maximum(rtol * np.abs(expected), atol)
        wrong = entered & ~(np.abs(given - expected) <= limit)
        if wrong.any():
            status = "wrong"
        elif entered.all():
            status = "right"
        else:
            status = "blank"
        checks.append(
            StepCheck(
                step.key, step.title, step.formula, expected, given, wrong, status
            )
        )
    first = next((c for c in checks if c.status == "wrong"), None)
    return ExerciseCheck(checks, first, rtol, atol)
