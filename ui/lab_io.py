"""The Lab's weights and settings as a JSON file, and the checks when one comes back.

Pure Python and nets, no Streamlit. ``read_lab_json`` raises a ValueError that says
what is wrong, so a page can show it and keep what it had.
"""

import json

from nets.network import Net
from ui.lab_settings import validate

FORMAT = "twin-heads-lab"
VERSION = 1
MAX_BYTES = 1_000_000
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
    if isinstance(data, bytes):
        if len(data) > MAX_BYTES:
            raise ValueError(
                f"The file is {len(data):,} bytes, past the cap of {MAX_BYTES:,}."
            )
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ValueError(
                f"This is not a JSON file: byte {exc.start} is not UTF-8 text."
            ) from None
    try:
        doc = json.loads(data)
    except json.JSONDecodeError as exc:
        raise ValueError(
            f"This is not a JSON file: line {exc.lineno}, column {exc.colno}: "
            f"{exc.msg}."
        ) from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ValueError(
            f'This JSON file is not a Lab export: it needs "format": "{FORMAT}".'
        )
    if doc.get("version") != VERSION:
        raise ValueError(
            f"This Lab export has version {doc.get('version')!r}; this app reads "
            f"version {VERSION}."
        )
    return doc


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
        try:
            net = Net.from_dict(nets[head])
        except (TypeError, ValueError) as exc:
            raise ValueError(f"The {head} net is not valid: {exc}.") from None
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
    if not isinstance(epoch, int) or isinstance(epoch, bool) or epoch < 0:
        raise ValueError(f'"epoch" must be a whole number >= 0; received {epoch!r}.')
    return settings, out[0], out[1], epoch
