"""How long training both twin nets takes: 1,000 epochs, 500 points, 8 hidden units.

Full batch, XOR toy set, matched pairing. Prints the best and median of several
runs; run it with ``python -m benchmarks.train_speed``.
"""

import statistics
import time

import nets


def main(repeats=7):
    data = nets.make_toy("xor", n_points=500, noise=0.0, train_ratio=1.0, seed=0)
    X = data.scaler.transform(data.X_train)
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        nets.train_twins(
            X, data.y_train, n_hidden=8, activation="tanh", lr=0.1, epochs=1000, seed=0
        )
        times.append(time.perf_counter() - start)
    print(
        "twin training, XOR, 500 points, 8 hidden tanh units, full batch, 1000 epochs"
    )
    print(f"best   {min(times):.3f} s")
    print(f"median {statistics.median(times):.3f} s  ({repeats} runs)")


if __name__ == "__main__":
    main()
