"""Fixed twin-training jobs, timed in ``nets`` and, when installed, in PyTorch eager.

Each job trains the sigmoid net and the matched softmax net for 1,000 full-batch
epochs with 8 hidden tanh units, and keeps the same per-epoch history in both
implementations: train loss and accuracy, test loss and accuracy. PyTorch runs on the
CPU in float64 on one thread, with ``torch.optim.SGD`` and autograd.
"""

import statistics
import time

import nets

LABELS = {
    "xor": "XOR, 500 points (350 train), 1,000 epochs",
    "iris": "iris, 100 flowers (70 train), 1,000 epochs",
}
EPOCHS = 1000
N_HIDDEN = 8
LR = 0.1


def job_data(name):
    """Standardised (X_train, y_train, X_test, y_test) of a benchmark job."""
    if name == "xor":
        data = nets.make_toy("xor", n_points=500, noise=0.0, train_ratio=0.7, seed=0)
    else:
        data = nets.load_iris(train_ratio=0.7, seed=0)
    s = data.scaler
    return (
        s.transform(data.X_train),
        data.y_train,
        s.transform(data.X_test),
        data.y_test,
    )


def run_ours(X, y, X_test, y_test):
    twins = nets.train_twins(
        X, y, X_test, y_test, n_hidden=N_HIDDEN, lr=LR, epochs=EPOCHS, seed=0
    )
    return twins.sigmoid.history.train_loss[-1]


def run_torch(torch, X, y, X_test, y_test):
    F = torch.nn.functional
    sig = nets.init_net(X.shape[1], N_HIDDEN, "tanh", "sigmoid", seed=0)
    soft = nets.sigmoid_to_softmax(sig)
    Xt, yt, Xs, ys = (torch.tensor(a) for a in (X, y, X_test, y_test))
    history = []
    models = []
    for net, head_lr in ((sig, 2 * LR), (soft, LR)):
        p = {k: torch.tensor(v, requires_grad=True) for k, v in net.params().items()}
        opt = torch.optim.SGD(
            [
                {"params": [p["W1"], p["b1"]], "lr": LR},
                {"params": [p["W2"], p["b2"]], "lr": head_lr},
            ]
        )
        models.append((net.head, p, opt))

    def loss_of(head, Z, target):
        if head == "sigmoid":
            return F.binary_cross_entropy_with_logits(Z[:, 0], target), Z[:, 0] >= 0
        return F.cross_entropy(Z, target.long()), Z[:, 1] >= Z[:, 0]

    for _ in range(EPOCHS):
        for head, p, opt in models:
            opt.zero_grad()
            Z = torch.tanh(Xt @ p["W1"].T + p["b1"]) @ p["W2"].T + p["b2"]
            loss, pred = loss_of(head, Z, yt)
            loss.backward()
            opt.step()
            with torch.no_grad():
                Zs = torch.tanh(Xs @ p["W1"].T + p["b1"]) @ p["W2"].T + p["b2"]
                t_loss, t_pred = loss_of(head, Zs, ys)
                history.append(
                    (
                        loss.item(),
                        (pred == (yt == 1)).double().mean().item(),
                        t_loss.item(),
                        (t_pred == (ys == 1)).double().mean().item(),
                    )
                )
    return history[-2][0]


def median_time(fn, args, repeats):
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn(*args)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def measure(repeats=5):
    """Rows of (job, ours median s, torch median s or None) for both jobs."""
    try:
        import torch
    except ImportError:
        torch = None
    else:
        torch.set_num_threads(1)
        torch.set_default_dtype(torch.float64)
    rows = []
    for name in ("xor", "iris"):
        data = job_data(name)
        ours = median_time(run_ours, data, repeats)
        theirs = median_time(run_torch, (torch, *data), repeats) if torch else None
        rows.append((name, ours, theirs))
    return rows


def main():
    print(f"twin training: {EPOCHS} full-batch epochs, {N_HIDDEN} hidden tanh units,")
    print("both nets, per-epoch train and test loss and accuracy; median of 5 runs")
    print(f"{'job':<44}{'nets':>10}{'epochs/s':>10}{'PyTorch eager':>15}{'ratio':>7}")
    for name, ours, theirs in measure():
        torch_col = f"{theirs:.3f} s" if theirs else "not installed"
        ratio = f"{theirs / ours:.1f}x" if theirs else "-"
        speed = EPOCHS / ours
        print(
            f"{LABELS[name]:<44}{ours:>8.3f} s{speed:>10.0f}{torch_col:>15}{ratio:>7}"
        )


if __name__ == "__main__":
    main()
