"""Argument checks shared by the public functions: each error names the parameter,
what is accepted and what was received."""

import numbers

import numpy as np


def check_number(name, value, low=None, high=None, integer=False, low_open=False):
    """``value`` as a float (or int), within [low, high]; ValueError/TypeError if not.

    Booleans and strings are refused even though Python can treat them as numbers.
    """
    kind = "a whole number" if integer else "a number"
    ok_type = numbers.Integral if integer else numbers.Real
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, ok_type):
        raise TypeError(f"{name} must be {kind}; received {value!r}")
    value = int(value) if integer else float(value)
    if not np.isfinite(value):
        raise ValueError(f"{name} must be finite; received {value!r}")
    below = low is not None and (value <= low if low_open else value < low)
    if below or (high is not None and value > high):
        left = "(" if low_open else "["
        bounds = f"{left}{'-inf' if low is None else low}, "
        bounds += f"{'inf' if high is None else high}]"
        raise ValueError(f"{name} must be {kind} in {bounds}; received {value!r}")
    return value


def check_seed(seed):
    """A seed for numpy's generator: a whole number >= 0."""
    return check_number("seed", seed, low=0, integer=True)


def check_choice(name, value, choices):
    """``value`` must be one of ``choices`` (strings)."""
    if not isinstance(value, str) or value not in choices:
        raise ValueError(f"{name} must be one of {list(choices)}; received {value!r}")
    return value


def check_array(name, value, ndim):
    """``value`` as a float64 array with ``ndim`` dimensions and finite entries."""
    try:
        raw = np.asarray(value)
        if raw.dtype.kind not in "biuf":  # text or objects are not numbers
            raise TypeError
        arr = np.array(raw, dtype=np.float64)
    except (TypeError, ValueError):
        raise ValueError(
            f"{name} must be a {ndim}-D array of numbers; received {value!r}"
        ) from None
    if arr.ndim != ndim:
        raise ValueError(f"{name} must be a {ndim}-D array; received shape {arr.shape}")
    if not np.all(np.isfinite(arr)):
        raise ValueError(f"{name} must hold finite numbers; received NaN or inf")
    return arr
