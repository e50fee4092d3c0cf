"""Two-class data sets with two inputs: toy sets and real data that ships with plotly.

The toy sets follow TensorFlow Playground's four classification sets (circle, XOR,
two Gaussians, spiral) on its [-6, 6] square, plus two moons. Labels are 0 and 1.
Real data is read from the CSV copies inside the plotly package, so nothing is
downloaded at run time.
"""

import gzip
from dataclasses import dataclass
from importlib import resources

import numpy as np

from .checks import check_choice, check_number, check_seed

TOY_SETS = ("circle", "xor", "gauss", "spiral", "moons")
IRIS_SPECIES = ("setosa", "versicolor", "virginica")
IRIS_MEASURES = ("sepal_length", "sepal_width", "petal_length", "petal_width")
TIPS_LABELS = {
    "smoker": ("No", "Yes"),
    "sex": ("Female", "Male"),
    "time": ("Dinner", "Lunch"),
}
TIPS_INPUTS = ("total_bill", "tip", "size")


@dataclass(frozen=True)
class Standardiser:
    """``(x - mean) / std`` per input, with the training split's mean and std."""

    mean: np.ndarray
    std: np.ndarray

    @classmethod
    def fit(cls, X):
        std = X.std(axis=0)
        # a constant input carries no information; dividing by 1 keeps it finite
        return cls(mean=X.mean(axis=0), std=np.where(std > 0, std, 1.0))

    def transform(self, X):
        return (X - self.mean) / self.std

    def inverse(self, Z):
        return Z * self.std + self.mean


@dataclass(frozen=True)
class Dataset:
    """A split two-class data set in the data's own units.

    X_train (n_train, 2), y_train (n_train,), X_test (n_test, 2), y_test (n_test,).
    """

    name: str
    X_train: np.ndarray
    y_train: np.ndarray
    X_test: np.ndarray
    y_test: np.ndarray
    input_names: tuple
    class_names: tuple

    @property
    def scaler(self):
        return Standardiser.fit(self.X_train)


def split(X, y, train_ratio=0.7, seed=0):
    """Shuffle with ``seed``, then cut into train and test (each keeps a point)."""
    train_ratio = check_number("train_ratio", train_ratio, 0.0, 1.0, low_open=True)
    n = len(y)
    order = np.random.default_rng(check_seed(seed)).permutation(n)
    n_train = min(n, max(1, int(round(train_ratio * n))))
    if train_ratio < 1.0 and n_train == n and n > 1:
        n_train = n - 1
    train, test = order[:n_train], order[n_train:]
    return X[train], y[train], X[test], y[test]


def _circle(rng, n, noise):
    radius = 5.0
    half = n // 2
    r = np.concatenate(
        [
            rng.uniform(0.0, 0.5 * radius, half),
            rng.uniform(0.7 * radius, radius, n - half),
        ]
    )
    angle = rng.uniform(0.0, 2 * np.pi, n)
    X = np.column_stack([r * np.sin(angle), r * np.cos(angle)])
    jitter = rng.uniform(-radius, radius, (n, 2)) * noise
    # the label is read off the jittered point, so noise moves points across classes
    y = (np.hypot(*(X + jitter).T) < 0.5 * radius).astype(np.float64)
    return X + jitter, y


def _xor(rng, n, noise):
    X = rng.uniform(-5.0, 5.0, (n, 2))
    X += np.where(X > 0, 0.3, -0.3)  # keep points off the axes
    jitter = rng.uniform(-5.0, 5.0, (n, 2)) * noise
    y = ((X[:, 0] + jitter[:, 0]) * (X[:, 1] + jitter[:, 1]) >= 0).astype(np.float64)
    return X + jitter, y


def _gauss(rng, n, noise):
    spread = 0.5 + 3.5 * noise  # Playground's variance range 0.5 to 4
    half = n // 2
    X = np.concatenate(
        [
            rng.normal(2.0, np.sqrt(spread), (half, 2)),
            rng.normal(-2.0, np.sqrt(spread), (n - half, 2)),
        ]
    )
    y = np.concatenate([np.ones(half), np.zeros(n - half)])
    return X, y


def _spiral(rng, n, noise):
    half = n // 2
    parts, labels = [], []
    for label, delta, count in ((1.0, 0.0, half), (0.0, np.pi, n - half)):
        i = np.arange(count)
        r = i / count * 5.0
        t = 1.75 * i / count * 2 * np.pi + delta
        pts = np.column_stack([r * np.sin(t), r * np.cos(t)])
        parts.append(pts + rng.uniform(-1.0, 1.0, (count, 2)) * noise)
        labels.append(np.full(count, label))
    return np.concatenate(parts), np.concatenate(labels)


def _moons(rng, n, noise):
    half = n // 2
    t0 = rng.uniform(0.0, np.pi, half)
    t1 = rng.uniform(0.0, np.pi, n - half)
    upper = np.column_stack([np.cos(t0), np.sin(t0)])
    lower = np.column_stack([1.0 - np.cos(t1), 0.5 - np.sin(t1)])
    X = np.concatenate([upper, lower]) * 2.5 - np.array([1.25, 0.0])
    X += rng.normal(0.0, 1.0, X.shape) * noise
    y = np.concatenate([np.zeros(half), np.ones(n - half)])
    return X, y


_MAKERS = {
    "circle": _circle,
    "xor": _xor,
    "gauss": _gauss,
    "spiral": _spiral,
    "moons": _moons,
}


def make_toy(name, n_points=200, noise=0.0, train_ratio=0.7, seed=0):
    """One of ``TOY_SETS``, drawn with ``seed`` and split with the same seed."""
    check_choice("name", name, TOY_SETS)
    n_points = check_number("n_points", n_points, 4, 100_000, integer=True)
    noise = check_number("noise", noise, 0.0, 1.0)
    rng = np.random.default_rng(check_seed(seed))
    X, y = _MAKERS[name](rng, n_points, noise)
    return Dataset(name, *split(X, y, train_ratio, seed), ("x1", "x2"), ("0", "1"))


def read_plotly_csv(stem):
    """A data set that ships with plotly, as (header, rows of strings)."""
    path = resources.files("plotly") / "package_data" / "datasets" / f"{stem}.csv.gz"
    with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
        lines = [line.rstrip("\n").split(",") for line in fh if line.strip()]
    return lines[0], lines[1:]


def _columns(stem):
    header, rows = read_plotly_csv(stem)
    return {name: [row[i] for row in rows] for i, name in enumerate(header)}


def _two_names(name, value, choices):
    """Two different names from ``choices``, as a tuple; a ValueError otherwise."""
    names = tuple(value) if isinstance(value, (list, tuple)) else None
    if (
        names is None
        or len(names) != 2
        or not all(isinstance(v, str) and v in choices for v in names)
        or names[0] == names[1]
    ):
        raise ValueError(
            f"{name} must be two different names from {list(choices)}; "
            f"received {value!r}"
        )
    return names


def load_iris(
    species=("versicolor", "virginica"),
    measures=("petal_length", "petal_width"),
    train_ratio=0.7,
    seed=0,
):
    """Fisher's iris: two of the three species (class 0, class 1), two measures (cm)."""
    species = _two_names("species", species, IRIS_SPECIES)
    measures = _two_names("measures", measures, IRIS_MEASURES)
    cols = _columns("iris")
    names = np.array(cols["species"])
    keep = np.isin(names, species)
    X = np.column_stack([np.array(cols[m], dtype=np.float64)[keep] for m in measures])
    y = (names[keep] == species[1]).astype(np.float64)
    return Dataset("iris", *split(X, y, train_ratio, seed), measures, species)


def load_tips(label="smoker", inputs=("total_bill", "tip"), train_ratio=0.7, seed=0):
    """The restaurant tips data: a two-valued column as label, two numeric inputs."""
    check_choice("label", label, TIPS_LABELS)
    inputs = _two_names("inputs", inputs, TIPS_INPUTS)
    cols = _columns("tips")
    X = np.column_stack([np.array(cols[c], dtype=np.float64) for c in inputs])
    classes = TIPS_LABELS[label]
    y = (np.array(cols[label]) == classes[1]).astype(np.float64)
    return Dataset("tips", *split(X, y, train_ratio, seed), inputs, classes)
