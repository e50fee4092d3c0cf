"""Presets of the lockstep lab: two settings where lockstep holds, one per cause
that breaks it. Each changes only the settings it names."""

PRESETS = {
    "holds_gd": (
        "Holds: gradient descent",
        {"pairing": "matched", "optimizer": "sgd", "reg": "none", "lr": 0.1},
    ),
    "holds_adam_l2": (
        "Holds: Adam + L2, c = −w/2",
        {"pairing": "matched", "optimizer": "adam", "reg": "l2", "lr": 0.01},
    ),
    "breaks_l1": (
        "Breaks: L1, c = 0",
        {
            "pairing": "matched",
            "optimizer": "sgd",
            "reg": "l1",
            "lr": 0.1,
            "shift": "zero",
        },
    ),
    "breaks_rate": (
        "Breaks: same learning rate",
        {"pairing": "matched", "optimizer": "sgd", "reg": "none", "head_factor": 1},
    ),
    "breaks_independent": (
        "Breaks: independent heads",
        {"pairing": "independent", "reg": "none"},
    ),
    "breaks_adam_l2": (
        "Breaks: Adam + L2, c = 0",
        {
            "pairing": "matched",
            "optimizer": "adam",
            "reg": "l2",
            "lr": 0.01,
            "shift": "zero",
        },
    ),
}
# what every preset resets unless it names it: the lockstep rule's own settings
BASE = {"head_factor": 2, "shift": "auto", "reg_rate": 0.01}


def preset_settings(name):
    """The settings a preset changes, the lockstep rule's defaults included."""
    return {**BASE, **PRESETS[name][1]}
