"""Derived inputs beside x1 and x2, as TensorFlow Playground offers them.

The features are computed from the standardised inputs, so ``x1²`` and ``sin x1``
see values of order 1 whatever the data's units. A ``FeatureMap`` takes points in
the data's own units (n, 2) to the net's inputs (n, n_features); the same map is
used for training points and for the points of a plotted grid.
"""

from dataclasses import dataclass

import numpy as np

from .data import Standardiser

# name -> (label, function of the standardised columns x1, x2)
FEATURES = {
    "x1": ("x1", lambda x1, x2: x1),
    "x2": ("x2", lambda x1, x2: x2),
    "x1sq": ("x1²", lambda x1, x2: x1 * x1),
    "x2sq": ("x2²", lambda x1, x2: x2 * x2),
    "x1x2": ("x1·x2", lambda x1, x2: x1 * x2),
    "sinx1": ("sin x1", lambda x1, x2: np.sin(x1)),
    "sinx2": ("sin x2", lambda x1, x2: np.sin(x2)),
}
DEFAULT_FEATURES = ("x1", "x2")


def check_features(names):
    """The feature names in ``FEATURES`` order; a ValueError names a bad one."""
    names = tuple(names)
    unknown = [n for n in names if n not in FEATURES]
    if unknown:
        raise ValueError(
            f"features must be names from {list(FEATURES)}; received {unknown}"
        )
    if not names:
        raise ValueError("features must hold at least one name; received none")
    return tuple(n for n in FEATURES if n in names)


def feature_matrix(Z, names):
    """The named features of standardised points ``Z`` (n, 2): (n, len(names))."""
    Z = np.asarray(Z, dtype=np.float64)
    if Z.ndim != 2 or Z.shape[1] != 2:
        raise ValueError(f"Z must have shape (n, 2); received {Z.shape}")
    x1, x2 = Z[:, 0], Z[:, 1]
    return np.column_stack([FEATURES[n][1](x1, x2) for n in check_features(names)])


@dataclass(frozen=True)
class FeatureMap:
    """Points in the data's units -> standardised -> the chosen features."""

    scaler: Standardiser
    names: tuple

    @classmethod
    def fit(cls, X_train, names=DEFAULT_FEATURES):
        return cls(Standardiser.fit(np.asarray(X_train)), check_features(names))

    @property
    def labels(self):
        return tuple(FEATURES[n][0] for n in self.names)

    @property
    def n_inputs(self):
        return len(self.names)

    def __call__(self, X):
        """(n, 2) in the data's units -> (n, n_inputs), the net's inputs."""
        return feature_matrix(self.scaler.transform(np.asarray(X)), self.names)
