"""Argument checks shared by the public functions: each error names the parameter,
what is accepted and what was received."""

import json
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


def read_json(data, max_chars):
    """Parse JSON text or UTF-8 bytes (a byte-order mark is fine) of a user's file.

    Every way a file can fail to be JSON is a ValueError whose message says which:
    not UTF-8, past ``max_chars``, not valid JSON (with line and column), nested
    too deeply, or holding an integer too long for Python to read.
    """
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ValueError(
                f"the file is not UTF-8 text (byte {exc.start}); expected JSON"
            ) from None
    data = data.removeprefix("\ufeff")
    if len(data) > max_chars:
        raise ValueError(
            f"the file is too large ({len(data):,} characters; at most {max_chars:,})"
        )
    try:
        return json.loads(data)
    except json.JSONDecodeError as exc:
        raise ValueError(
            f"the file is not valid JSON: {exc.msg} at line {exc.lineno}, "
            f"column {exc.colno}"
        ) from None
    except RecursionError:
        raise ValueError(
            "the file's lists or objects are nested too deeply to read"
        ) from None
    except ValueError:  # an integer of more digits than Python reads from text
        raise ValueError("the file holds a number too long to read") from None
