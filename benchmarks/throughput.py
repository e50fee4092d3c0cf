"""Twin-training throughput: epochs per second for both nets together.

Two cases: the XOR toy set with 500 points and 8 hidden tanh units, full batch; and
iris (versicolor against virginica, petal length and width, 70 % train), 4 hidden
units, full batch. Each optimiser is timed bare and with the Lab's per-epoch
lockstep probe (the gap on a 40 × 40 grid and the softmax rows' sum). Run it with
``python -m benchmarks.throughput``.
"""

import statistics
import time

import nets
from nets.features import FeatureMap
from nets.lockstep import LockstepProbe, data_twins, grid_inputs, lab_twins


def _twins(data, n_hidden, optimizer):
    fmap = FeatureMap.fit(data.X_train)
    pair = lab_twins(2, n_hidden, "tanh", "matched", 0.1, optimizer)
    return data_twins(data, fmap, pair, optimizer), grid_inputs(data, fmap, 40)


def epochs_per_second(data, n_hidden, optimizer, probe, epochs=1000, repeats=5):
    """Median epochs per second over ``repeats`` runs of ``epochs`` epochs."""
    rates = []
    for _ in range(repeats):
        twins, grid = _twins(data, n_hidden, optimizer)
        hook = LockstepProbe(grid, twins) if probe else None
        start = time.perf_counter()
        twins.run(epochs, hook=hook)
        rates.append(epochs / (time.perf_counter() - start))
    return statistics.median(rates)


def main():
    cases = [
        (
            "XOR, 500 points (all train), 8 hidden",
            nets.make_toy("xor", n_points=500, noise=0.0, train_ratio=1.0),
            8,
        ),
        ("iris, 70 of 100 flowers train, 4 hidden", nets.load_iris(), 4),
    ]
    print("twin training, both nets together, full batch, tanh, matched pairing")
    print(f"{'case':42s} {'optimiser':9s} {'epochs/s':>9s} {'with probe':>11s}")
    for name, data, n_hidden in cases:
        for optimizer in nets.OPTIMIZERS:
            bare = epochs_per_second(data, n_hidden, optimizer, probe=False)
            probed = epochs_per_second(data, n_hidden, optimizer, probe=True)
            print(f"{name:42s} {optimizer:9s} {bare:9.0f} {probed:11.0f}")


if __name__ == "__main__":
    main()
