"""Toy sets, the iris and tips loaders, the standardiser and the probability grid.

Known numbers of iris and tips are published facts of those data sets (class means,
class counts), not values computed by our code.
"""

import json

import numpy as np
import pytest

import nets
from tests.conftest import CASES


def load_case(name):
    return json.loads((CASES / name).read_text())


def all_points(ds):
    return np.concatenate([ds.X_train, ds.X_test]), np.concatenate(
        [ds.y_train, ds.y_test]
    )


def sorted_rows(X):
    return X[np.lexsort(X.T[::-1])]


# toy sets


@pytest.mark.parametrize("name", nets.TOY_SETS)
@pytest.mark.parametrize("noise", [0.0, 0.3])
def test_toy_set_shapes_and_labels(name, noise):
    ds = nets.make_toy(name, n_points=101, noise=noise, train_ratio=0.7, seed=3)
    X, y = all_points(ds)

    assert ds.X_train.shape == (71, 2) and ds.y_train.shape == (71,)
    assert ds.X_test.shape == (30, 2) and ds.y_test.shape == (30,)
    assert X.dtype == y.dtype == np.float64
    assert set(np.unique(y)) == {0.0, 1.0}
    assert set(np.unique(ds.y_train)) == {0.0, 1.0}
    assert np.all(np.isfinite(X))
    assert ds.name == name and ds.input_names == ("x1", "x2")


@pytest.mark.parametrize("name", nets.TOY_SETS)
def test_toy_sets_are_seeded(name):
    a = nets.make_toy(name, n_points=60, noise=0.2, seed=5)
    b = nets.make_toy(name, n_points=60, noise=0.2, seed=5)
    c = nets.make_toy(name, n_points=60, noise=0.2, seed=6)
    for field in ("X_train", "y_train", "X_test", "y_test"):
        np.testing.assert_array_equal(getattr(a, field), getattr(b, field))
    assert not np.array_equal(a.X_train, c.X_train)


@pytest.mark.parametrize("name", nets.TOY_SETS)
@pytest.mark.parametrize(
    ("n_points", "train_ratio", "n_train"),
    [(200, 0.5, 100), (200, 0.7, 140), (200, 1.0, 200), (10, 0.3, 3), (4, 0.99, 3)],
)
def test_split_sizes_and_nothing_lost(name, n_points, train_ratio, n_train):
    ds = nets.make_toy(name, n_points=n_points, train_ratio=train_ratio, seed=1)
    whole = nets.make_toy(name, n_points=n_points, train_ratio=1.0, seed=1)
    assert len(ds.y_train) == n_train
    assert len(ds.y_test) == n_points - n_train
    # the split only shuffles and cuts: the same points, each once
    np.testing.assert_array_equal(
        sorted_rows(all_points(ds)[0]), sorted_rows(whole.X_train)
    )


def test_noiseless_labels_follow_their_rule():
    X, y = all_points(nets.make_toy("circle", n_points=300, seed=0))
    np.testing.assert_array_equal(y == 1, np.hypot(X[:, 0], X[:, 1]) < 2.5)
    assert np.hypot(X[:, 0], X[:, 1]).max() <= 5.0

    X, y = all_points(nets.make_toy("xor", n_points=300, seed=0))
    np.testing.assert_array_equal(y == 1, X[:, 0] * X[:, 1] >= 0)
    assert np.all((np.abs(X) >= 0.3) & (np.abs(X) <= 5.3))

    X, y = all_points(nets.make_toy("gauss", n_points=2000, seed=0))
    np.testing.assert_allclose(X[y == 1].mean(axis=0), [2, 2], atol=0.1)
    np.testing.assert_allclose(X[y == 0].mean(axis=0), [-2, -2], atol=0.1)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"name": "checkerboard"}, "name must be one of"),
        ({"n_points": 3}, r"n_points must be a whole number in \[4, 100000\]"),
        ({"n_points": 200_000}, "n_points must be a whole number"),
        ({"noise": -0.1}, r"noise must be a number in \[0.0, 1.0\]"),
        ({"noise": 1.5}, r"noise must be a number in \[0.0, 1.0\]"),
        ({"train_ratio": 0.0}, r"train_ratio must be a number in \(0.0, 1.0\]"),
        ({"train_ratio": 1.5}, r"train_ratio must be a number in \(0.0, 1.0\]"),
    ],
)
def test_make_toy_rejects_bad_arguments(kwargs, message):
    with pytest.raises(ValueError, match=message):
        nets.make_toy(**{"name": "xor", **kwargs})


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"n_points": 50.5}, "n_points must be a whole number; received 50.5"),
        ({"noise": "0.1"}, "noise must be a number; received '0.1'"),
        ({"noise": None}, "noise must be a number"),
        ({"train_ratio": "0.5"}, "train_ratio must be a number"),
        ({"seed": 1.5}, "seed must be a whole number"),
        ({"seed": True}, "seed must be a whole number"),
    ],
)
def test_make_toy_rejects_wrong_types_naming_the_parameter(kwargs, message):
    with pytest.raises(TypeError, match=message):
        nets.make_toy("xor", **kwargs)


@pytest.mark.parametrize("bad", [["xor"], None, 3])
def test_make_toy_names_the_set_when_it_is_not_a_name(bad):
    with pytest.raises(ValueError, match="name must be one of"):
        nets.make_toy(bad)


def test_negative_seed_is_named():
    with pytest.raises(ValueError, match="seed must be a whole number in"):
        nets.make_toy("xor", seed=-1)
    with pytest.raises(ValueError, match="seed must be a whole number in"):
        nets.load_iris(seed=-1)


@pytest.mark.parametrize("bad", [None, "setosa", ["setosa", ["x"]]])
def test_iris_species_that_are_not_two_names_are_named(bad):
    with pytest.raises(ValueError, match="species must be two different names"):
        nets.load_iris(species=bad)


def test_tips_label_that_is_not_a_name_is_named():
    with pytest.raises(ValueError, match="label must be one of"):
        nets.load_tips(label=["smoker"])


# iris and tips


def test_iris_default_is_versicolor_against_virginica_by_petals():
    ds = nets.load_iris()
    X, y = all_points(ds)
    assert (len(ds.y_train), len(ds.y_test)) == (70, 30)
    assert ds.class_names == ("versicolor", "virginica")
    assert ds.input_names == ("petal_length", "petal_width")
    assert np.sum(y == 0) == np.sum(y == 1) == 50
    # Fisher's class means (cm): versicolor 4.260, 1.326; virginica 5.552, 2.026
    np.testing.assert_allclose(X[y == 0].mean(axis=0), [4.260, 1.326], atol=1e-9)
    np.testing.assert_allclose(X[y == 1].mean(axis=0), [5.552, 2.026], atol=1e-9)


def test_iris_species_and_measures_options():
    ds = nets.load_iris(
        species=("virginica", "setosa"), measures=("sepal_width", "sepal_length")
    )
    X, y = all_points(ds)
    assert ds.class_names == ("virginica", "setosa")
    assert ds.input_names == ("sepal_width", "sepal_length")
    # class 1 is the second species named; columns come in the order asked for
    assert X[y == 1, 1].mean() == pytest.approx(5.006)  # setosa sepal length
    assert X[y == 0, 1].mean() == pytest.approx(6.588)  # virginica sepal length


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"species": ("setosa",)}, "species must be two different names"),
        ({"species": ("setosa", "setosa")}, "species must be two different names"),
        ({"species": ("setosa", "rose")}, r"received \('setosa', 'rose'\)"),
        ({"measures": ("petal_length",)}, "measures must be two different names"),
        ({"measures": ("petal_length", "colour")}, "measures must be two different"),
        ({"train_ratio": 0}, "train_ratio must be a number in"),
    ],
)
def test_iris_rejects_bad_options(kwargs, message):
    with pytest.raises(ValueError, match=message):
        nets.load_iris(**kwargs)


@pytest.mark.parametrize(
    ("label", "n_class1"), [("smoker", 93), ("sex", 157), ("time", 68)]
)
def test_tips_labels(label, n_class1):
    ds = nets.load_tips(label=label, train_ratio=1.0)
    assert len(ds.y_train) == 244 and len(ds.y_test) == 0
    assert ds.y_train.sum() == n_class1  # class 1 is the second value named
    assert ds.class_names == nets.TIPS_LABELS[label]


def test_tips_inputs_option():
    ds = nets.load_tips(inputs=("size", "tip"), train_ratio=1.0)
    assert ds.input_names == ("size", "tip")
    np.testing.assert_allclose(ds.X_train.sum(axis=0), [627, 731.58])
    default = nets.load_tips(train_ratio=1.0)
    np.testing.assert_allclose(
        default.X_train.mean(axis=0), [19.785943, 2.998279], atol=1e-6
    )
    assert len(nets.load_tips().y_train) == round(0.7 * 244)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"label": "day"}, "label must be one of"),
        ({"inputs": ("tip",)}, "inputs must be two different names"),
        ({"inputs": ("tip", "tip")}, "inputs must be two different names"),
        ({"inputs": ("tip", "day")}, r"received \('tip', 'day'\)"),
    ],
)
def test_tips_rejects_bad_options(kwargs, message):
    with pytest.raises(ValueError, match=message):
        nets.load_tips(**kwargs)


# standardiser


def test_standardiser_uses_the_training_split():
    ds = nets.make_toy("gauss", n_points=200, noise=0.5, seed=2)
    scaler = ds.scaler
    np.testing.assert_allclose(scaler.mean, ds.X_train.mean(axis=0), rtol=1e-14)
    np.testing.assert_allclose(scaler.std, ds.X_train.std(axis=0), rtol=1e-14)
    Z = scaler.transform(ds.X_train)
    np.testing.assert_allclose(Z.mean(axis=0), 0, atol=1e-14)
    np.testing.assert_allclose(Z.std(axis=0), 1, rtol=1e-14)
    # the test split is scaled with the training numbers, so it is not exactly centred
    assert np.abs(scaler.transform(ds.X_test).mean(axis=0)).max() > 1e-6
    np.testing.assert_allclose(scaler.inverse(Z), ds.X_train, rtol=1e-14, atol=1e-14)


def test_standardiser_leaves_a_constant_input_finite():
    X = np.array([[1.0, 3.0], [2.0, 3.0], [4.0, 3.0]])
    scaler = nets.Standardiser.fit(X)
    Z = scaler.transform(X)
    assert scaler.std[1] == 1.0
    np.testing.assert_array_equal(Z[:, 1], 0.0)
    assert np.all(np.isfinite(Z))


# probability grid


def test_probability_grid_orientation():
    case = load_case("boundary_grid_orientation.json")
    # linear hidden layer with identity weights: the net is the logistic unit itself
    net = nets.Net(
        W1=np.eye(2),
        b1=np.zeros(2),
        W2=case["W"],
        b2=case["b"],
        activation="linear",
        head="sigmoid",
    )
    grid = nets.probability_grid(net, case["x1"], case["x2"])
    assert grid.shape == (len(case["x2"]), len(case["x1"]))
    np.testing.assert_allclose(grid, case["expected_z"], rtol=1e-12)


def test_probability_grid_applies_the_transform_first():
    case = load_case("boundary_grid_orientation.json")
    net = nets.Net(np.eye(2), np.zeros(2), case["W"], case["b"], "linear", "sigmoid")
    # points are given in units twice as large as the net's inputs
    x1, x2 = 2 * np.array(case["x1"]), 2 * np.array(case["x2"])
    grid = nets.probability_grid(net, x1, x2, transform=lambda P: P / 2)
    np.testing.assert_allclose(grid, case["expected_z"], rtol=1e-12)


def test_boundary_grid_covers_the_points_with_a_margin():
    X = np.array([[-1.0, 10.0], [3.0, 12.0], [0.0, 11.0]])
    x1, x2 = nets.boundary_grid(X, resolution=50, margin=0.25)
    assert len(x1) == len(x2) == 50
    assert (x1[0], x1[-1]) == pytest.approx((-2.0, 4.0))
    assert (x2[0], x2[-1]) == pytest.approx((9.5, 12.5))
    assert np.all(np.diff(x1) > 0) and np.all(np.diff(x2) > 0)
