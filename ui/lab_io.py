"""The Lab's weights and settings as a JSON file, and the checks when one comes back.

Pure Python and nets, no Streamlit. ``read_lab_json`` raises a ValueError that says
what is wrong, so a page can show it and keep what it had. A file holds no more than
the page can make: settings within the widgets' ranges, nets of the settings' shape
with finite weights of at most ``MAX_WEIGHT`` in size, so no file can make the
server work for long.
"""

import json

import numpy as np

from nets.checks import read_json
from nets.csvdata import shorten
from nets.network import Net
from ui.lab_settings import validate

FORMAT = "twin-heads-lab"
VERSION = 1
MAX_BYTES = 1_000_000
MAX_WEIGHT = 1e6  # far past any weight a run reaches before it is stopped as diverged
MAX_EPOCH = 10**9
HEADS = ("sigmoid", "softmax")


def lab_json(settings, sig_net, soft_net, epoch):
    """The settings, both nets and the epoch they were saved at, as JSON text."""
    doc = {
        "format": FORMAT,
        "version": VERSION,
        "epoch": int(epoch),
        "settings": {
            k: list(v) if isinstance(v, tuple) else v for k, v in settings.items()
        },
        "nets": {"sigmoid": sig_net.to_dict(), "softmax": soft_net.to_dict()},
    }
    return json.dumps(doc, indent=1)


def _parse(data):
    if isinstance(data, bytes) and len(data) > MAX_BYTES:
        raise ValueError(
            f"The file is {len(data):,} bytes, past the cap of {MAX_BYTES:,}."
        )
    try:
        doc = read_json(data, MAX_BYTES)
    except ValueError as exc:
        raise ValueError(f"This is not a Lab export: {exc}.") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ValueError(
            f'This JSON file is not a Lab export: it needs "format": "{FORMAT}".'
        )
    if doc.get("version") != VERSION:
        raise ValueError(
            f"This Lab export has version {shorten(doc.get('version'))}; this app "
            f"reads version {VERSION}."
        )
    return doc


def _shapes(settings, head):
    """The parameter shapes a net of ``settings`` has, by name."""
    n_hidden, n_inputs = settings["hidden"], len(settings["features"])
    n_out = 1 if head == "sigmoid" else 2
    return {
        "W1": (n_hidden, n_inputs),
        "b1": (n_hidden,),
        "W2": (n_out, n_hidden),
        "b2": (n_out,),
    }


def _check_sizes(doc, settings, head):
    """Each array's shape and size, read before a net is built from it."""
    if not isinstance(doc, dict) or doc.get("head") != head:
        return  # the checks after Net.from_dict name the problem
    for name, shape in _shapes(settings, head).items():
        if name not in doc:
            continue
        try:
            arr = np.array(doc[name], dtype=np.float64)
        except (TypeError, ValueError, OverflowError):
            raise ValueError(
                f"The {head} net is not valid: {name} must be an array of numbers "
                f"of shape {shape}; received {shorten(doc[name])}."
            ) from None
        if arr.shape != shape:
            raise ValueError(
                f"The {head} net does not fit: {name} is {shorten(arr.shape)}; the "
                f"settings' (hidden, features) = {_shapes(settings, head)['W1']} "
                f"need {shape}."
            )
        if not np.all(np.isfinite(arr)) or np.max(np.abs(arr), initial=0) > MAX_WEIGHT:
            raise ValueError(
                f"The {head} net is not valid: {name} must hold finite numbers of at "
                f"most {MAX_WEIGHT:g} in size."
            )


def read_lab_json(data):
    """``(settings, sigmoid_net, softmax_net, epoch)`` from a Lab export."""
    doc = _parse(data)
    try:
        settings = validate(doc.get("settings", {}))
    except ValueError as exc:
        raise ValueError(f"The settings are not valid: {exc}.") from None
    nets = doc.get("nets")
    if not isinstance(nets, dict) or set(nets) != set(HEADS):
        raise ValueError('The file needs "nets" with exactly "sigmoid" and "softmax".')
    out = []
    for head in HEADS:
        _check_sizes(nets[head], settings, head)
        try:
            net = Net.from_dict(nets[head])
        except (TypeError, ValueError) as exc:
            reason = shorten(str(exc), 200, quote=False)
            raise ValueError(f"The {head} net is not valid: {reason}.") from None
        shape = (settings["hidden"], len(settings["features"]))
        problems = []
        if net.head != head:
            problems.append(f"it has a {net.head} head")
        if net.W1.shape != shape:
            problems.append(
                f"W1 is {net.W1.shape}, but the settings give (hidden, features) "
                f"= {shape}"
            )
        if net.activation != settings["activation"]:
            problems.append(
                f"its activation is {net.activation!r}, the settings' is "
                f"{settings['activation']!r}"
            )
        if problems:
            raise ValueError(f"The {head} net does not fit: {'; '.join(problems)}.")
        out.append(net)
    epoch = doc.get("epoch", 0)
    if (
        not isinstance(epoch, int)
        or isinstance(epoch, bool)
        or not 0 <= epoch <= MAX_EPOCH
    ):
        raise ValueError(
            f'"epoch" must be a whole number from 0 to {MAX_EPOCH:,}; received '
            f"{shorten(epoch)}."
        )
    return settings, out[0], out[1], epoch
