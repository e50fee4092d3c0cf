"""Every setting of the Lab: its range, its default, and its reading from text.

Pure Python, no Streamlit: the page, the URL and the JSON import all read settings
through ``SPEC``. A link with a bad value gets the nearest valid value and a note
saying so; an imported file with a bad value is refused with the setting named.
"""

import difflib
import math
from dataclasses import dataclass

from nets.csvdata import shorten
from nets.features import DEFAULT_FEATURES, FEATURES
from nets.lockstep import REGULARISERS, SHIFTS
from nets.pairing import PAIRINGS

DATA_SOURCES = ("circle", "xor", "gauss", "spiral", "moons", "iris", "tips", "upload")


@dataclass(frozen=True)
class Choice:
    options: tuple
    default: object

    def strict(self, value):
        if value in self.options and type(value) is type(self.default):
            return value
        raise ValueError(
            f"must be one of {list(self.options)}; received {shorten(value)}"
        )

    def nearest(self, text):
        by_text = {str(o): o for o in self.options}
        if text in by_text:
            return by_text[text], None
        # a name in other letter case is that name (CIRCLE is circle), before the
        # closest spelling is guessed
        folded = {t.casefold(): o for t, o in by_text.items()}
        close = difflib.get_close_matches(text.casefold(), list(folded), n=1, cutoff=0)
        value = folded.get(text.casefold(), folded[close[0]] if close else self.default)
        return value, f"{shorten(text)} is not one of {list(by_text)}"


@dataclass(frozen=True)
class Number:
    lo: float
    hi: float
    default: float
    integer: bool = False

    def _range(self):
        kind = "a whole number" if self.integer else "a number"
        return f"{kind} from {self.lo:g} to {self.hi:g}"

    def strict(self, value):
        # the range is checked before any float(): an int such as 10**400 compares
        # exactly, but has no float
        ok_type = (
            isinstance(value, int)
            if self.integer
            else isinstance(value, int)
            or (isinstance(value, float) and math.isfinite(value))
        )
        if ok_type and not isinstance(value, bool) and self.lo <= value <= self.hi:
            return int(value) if self.integer else float(value)
        raise ValueError(f"must be {self._range()}; received {shorten(value)}")

    def nearest(self, text):
        try:
            x = float(text)
        except ValueError:
            return self.default, f"{shorten(text)} is not a number"
        if math.isnan(x):
            return self.default, f"{shorten(text)} is not a number"
        value = min(max(x, self.lo), self.hi)
        if self.integer:
            value = int(round(value))
        else:
            value = float(value)
        if value != x:
            return value, f"{shorten(text, quote=False)} is not {self._range()}"
        return value, None


@dataclass(frozen=True)
class Many:
    """A set of names from ``options``, kept in their order; at least one."""

    options: tuple
    default: tuple

    def strict(self, value):
        if (
            isinstance(value, (list, tuple))
            and value
            and all(isinstance(v, str) and v in self.options for v in value)
        ):
            return tuple(o for o in self.options if o in value)
        raise ValueError(
            f"must be a non-empty list of names from {list(self.options)}; "
            f"received {shorten(value)}"
        )

    def nearest(self, text):
        names = [t.strip() for t in text.split(",") if t.strip()]
        folded = {n.casefold() for n in names}  # X1 is x1
        good = tuple(o for o in self.options if o.casefold() in folded)
        bad = [n for n in names if n.casefold() not in map(str.casefold, self.options)]
        if not good:
            return self.default, f"{shorten(text)} names none of {list(self.options)}"
        if bad:
            return good, f"{shorten(bad)} are not among {list(self.options)}"
        if any(n not in self.options for n in names):
            return good, f"{shorten(text)} has names in other letter case"
        return good, None


SPEC = {
    "data": Choice(DATA_SOURCES, "circle"),
    "points": Number(40, 1000, 300, integer=True),
    "noise": Number(0.0, 0.5, 0.1),
    "ratio": Number(0.1, 0.9, 0.7),
    "data_seed": Number(0, 10_000, 0, integer=True),
    "features": Many(tuple(FEATURES), DEFAULT_FEATURES),
    "hidden": Number(1, 8, 4, integer=True),
    "activation": Choice(("tanh", "relu", "sigmoid", "linear"), "tanh"),
    "optimizer": Choice(("sgd", "momentum", "adam"), "sgd"),
    "lr": Number(1e-4, 10.0, 0.1),
    "reg": Choice(REGULARISERS, "none"),
    "reg_rate": Number(0.0, 1.0, 0.001),
    "batch": Number(0, 1000, 10, integer=True),
    "seed": Number(0, 10_000, 0, integer=True),
    "pairing": Choice(PAIRINGS, "matched"),
    "head_factor": Choice((2, 1), 2),
    "shift": Choice(tuple(SHIFTS), "auto"),
    "speed": Number(1, 100, 5, integer=True),
    "max_epochs": Number(1, 100_000, 2000, integer=True),
    "target_loss": Number(0.0, 10.0, 0.0),
}
# the settings that do not change what is trained, only how far and how fast
RUN_ONLY = ("speed", "max_epochs", "target_loss")


def defaults():
    return {name: spec.default for name, spec in SPEC.items()}


def from_query(params):
    """Settings from URL parameters (a str -> str mapping): ``(settings, notes)``.

    A missing parameter takes its default; a bad one the nearest valid value, with
    a note naming the parameter, the value received and the value used.
    """
    settings, notes = defaults(), []
    for name, spec in SPEC.items():
        if name not in params:
            continue
        value, problem = spec.nearest(str(params[name]))
        settings[name] = value
        if problem:
            notes.append(f"{name}: {problem}; using {to_text(name, value)}.")
    return settings, notes


def to_text(name, value):
    """A setting as it appears in the URL: a float in its shortest exact form."""
    if isinstance(SPEC[name], Many):
        return ",".join(value)
    if isinstance(value, float):
        return repr(value).removesuffix(".0")  # float(repr(x)) == x; "10" for 10.0
    return str(value)


def to_query(settings):
    """The URL parameters for ``settings``: only those that differ from the default."""
    return {
        name: to_text(name, settings[name])
        for name, spec in SPEC.items()
        if settings[name] != spec.default
    }


def validate(data):
    """Settings from a JSON object, strictly: a ValueError names the bad setting.

    Missing settings take their defaults; unknown ones are refused.
    """
    if not isinstance(data, dict):
        raise ValueError(f"settings must be an object; received {type(data).__name__}")
    unknown = sorted(set(data) - set(SPEC))
    if unknown:
        raise ValueError(f"unknown settings {shorten(unknown)}; known are {list(SPEC)}")
    settings = defaults()
    for name, value in data.items():
        spec = SPEC[name]
        try:
            settings[name] = spec.strict(value)
        except ValueError as exc:
            raise ValueError(f"setting {name!r} {exc}") from None
    return settings
