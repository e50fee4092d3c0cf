"""Check ``nets`` against PyTorch (float64, CPU): forward, loss, gradients, training.

Not part of the test suite, and the project does not depend on torch. Run it with
torch installed, from the repository root:

    .venv/bin/python -m benchmarks.check_against_torch

It builds the same nets in PyTorch from our weights and prints the largest absolute
difference of every quantity compared:

- forward probabilities, the loss and the four gradients, for every activation and
  both heads (and squared error on the sigmoid head);
- 200 full-batch steps of matched twin training with sgd, momentum and adam (and L2),
  ours against ``torch.optim.SGD``, ``SGD(momentum=0.9)`` and ``Adam`` with the same
  hyper-parameters, compared after every step.

Exits 1 when any difference exceeds THRESHOLD (1e-10), 0 otherwise; without torch it
says how to install it and exits 0.
"""

import sys

import numpy as np

import nets
from nets import OptimizerSpec, Trainer

THRESHOLD = 1e-10
STEPS = 200
N_HIDDEN = 4
TRAINING = {  # name -> (optimizer, lr, l2)
    "sgd": ("sgd", 0.1, 0.0),
    "momentum": ("momentum", 0.1, 0.0),
    "adam": ("adam", 0.01, 0.0),
    "sgd+L2": ("sgd", 0.1, 0.01),
    "adam+L2": ("adam", 0.01, 0.01),
}


def torch_activation(torch, name):
    table = {
        "tanh": torch.tanh,
        "relu": torch.relu,
        "sigmoid": torch.sigmoid,
        "linear": lambda z: z,
    }
    if name not in table:
        raise SystemExit(f"no PyTorch counterpart for the activation {name!r}")
    return table[name]


def to_torch(torch, net):
    """The net's four arrays as float64 leaf tensors that collect gradients."""
    return {
        name: torch.tensor(arr, dtype=torch.float64, requires_grad=True)
        for name, arr in net.params().items()
    }


def torch_forward(torch, params, activation, head, X):
    """Logits and P(class 1) of the torch copy of a net; X is a float64 tensor."""
    h = torch_activation(torch, activation)(X @ params["W1"].T + params["b1"])
    Z = h @ params["W2"].T + params["b2"]  # (n_samples, n_out)
    p = torch.sigmoid(Z[:, 0]) if head == "sigmoid" else torch.softmax(Z, dim=1)[:, 1]
    return Z, p


def torch_loss(torch, Z, p, y, head, loss):
    F = torch.nn.functional
    if loss == "squared_error":
        return 0.5 * ((p - y) ** 2).mean()
    if head == "sigmoid":
        return F.binary_cross_entropy_with_logits(Z[:, 0], y)
    return F.cross_entropy(Z, y.long())


def max_diff(a, b):
    if hasattr(b, "detach"):
        b = b.detach().numpy()
    return float(np.max(np.abs(np.asarray(a) - b)))


# forward, loss and gradients


def check_gradients(torch):
    rng = np.random.default_rng(0)
    X = rng.normal(0, 1.5, (16, 2))
    y = (rng.uniform(size=16) < 0.5).astype(np.float64)
    Xt, yt = torch.tensor(X), torch.tensor(y)
    rows = []
    for activation in nets.ACTIVATIONS:
        for head, loss in [
            ("sigmoid", "cross_entropy"),
            ("softmax", "cross_entropy"),
            ("sigmoid", "squared_error"),
        ]:
            net = nets.init_net(2, N_HIDDEN, activation, head, seed=1)
            net.b1[:] = rng.normal(0, 0.5, N_HIDDEN)
            ours_loss, ours_grads = nets.loss_and_grads(net, X, y, loss)

            params = to_torch(torch, net)
            Z, p = torch_forward(torch, params, activation, head, Xt)
            value = torch_loss(torch, Z, p, yt, head, loss)
            value.backward()

            diffs = [
                max_diff(nets.predict_proba(net, X), p),
                abs(ours_loss - value.item()),
                *(max_diff(ours_grads[k], params[k].grad) for k in nets.PARAMS),
            ]
            rows.append((f"{activation:8s} {head:8s} {loss:14s}", diffs))
    return rows


# matched twin training


def torch_optimizer(torch, params, optimizer, rates):
    """torch.optim with one group per array: layer rates, L2 on weights only."""
    groups = []
    for name, tensor in params.items():
        layer = rates.of(name)
        weight_decay = layer.l2 if name.startswith("W") else 0.0
        groups.append(
            {"params": [tensor], "lr": layer.lr, "weight_decay": weight_decay}
        )
    if optimizer == "sgd":
        return torch.optim.SGD(groups)
    if optimizer == "momentum":
        return torch.optim.SGD(groups, momentum=0.9)
    return torch.optim.Adam(groups, betas=(0.9, 0.999), eps=1e-8)


def torch_step(torch, params, opt, activation, head, Xt, yt):
    opt.zero_grad()
    Z, p = torch_forward(torch, params, activation, head, Xt)
    torch_loss(torch, Z, p, yt, head, "cross_entropy").backward()
    opt.step()


def check_training(torch):
    ds = nets.make_toy("xor", n_points=60, seed=0)
    X, y = ds.scaler.transform(ds.X_train), ds.y_train
    Xt, yt = torch.tensor(X), torch.tensor(y)
    rows = []
    for name, (optimizer, lr, l2) in TRAINING.items():
        for activation in nets.ACTIVATIONS:
            sig, soft, sig_rates, soft_rates = nets.make_twins(
                2, N_HIDDEN, activation, "matched", lr, l2=l2, optimizer=optimizer
            )
            twins = {"sigmoid": (sig, sig_rates), "softmax": (soft, soft_rates)}
            ours, theirs, opts = {}, {}, {}
            for head, (net, rates) in twins.items():
                spec = OptimizerSpec(optimizer)
                ours[head] = Trainer(net, X, y, rates=rates, optimizer=spec)
                theirs[head] = to_torch(torch, net)
                opts[head] = torch_optimizer(torch, theirs[head], optimizer, rates)

            worst = np.zeros(5)
            for _ in range(STEPS):
                probs = {}
                for head, trainer in ours.items():
                    trainer.run_epoch()
                    torch_step(
                        torch, theirs[head], opts[head], activation, head, Xt, yt
                    )
                    with torch.no_grad():
                        _, p = torch_forward(torch, theirs[head], activation, head, Xt)
                    probs[head] = (nets.predict_proba(trainer.net, X), p.numpy())
                step = [
                    max(
                        max_diff(trainer.net.params()[k], theirs[head][k])
                        for k in nets.PARAMS
                    )
                    for head, trainer in ours.items()
                ]
                step += [
                    max(max_diff(*probs[head]) for head in probs),
                    max_diff(probs["sigmoid"][0], probs["softmax"][0]),
                    max_diff(probs["sigmoid"][1], probs["softmax"][1]),
                ]
                worst = np.maximum(worst, step)
            assert not any(t.diverged for t in ours.values())
            rows.append((f"{name:9s} {activation:8s}", list(worst)))
    return rows


# report


def print_table(title, columns, rows):
    print(f"\n{title}")
    print(" " * len(rows[0][0]), *(f"{c:>10s}" for c in columns))
    for label, diffs in rows:
        flags = "" if max(diffs) <= THRESHOLD else "  <-- exceeds"
        print(label, *(f"{d:10.1e}" for d in diffs), flags)


def main():
    try:
        import torch
    except ImportError:
        print(
            "PyTorch is not installed, so there is nothing to compare against.\n"
            "Install it into the virtual env (never into requirements.txt):\n"
            "    .venv/bin/pip install torch\n"
            "then run this script again."
        )
        return 0
    torch.set_default_dtype(torch.float64)

    grad_rows = check_gradients(torch)
    print(f"PyTorch {torch.__version__}, float64, CPU; threshold {THRESHOLD:g}")
    print_table(
        "Forward, loss and gradients: max |ours - torch|",
        ["p", "loss", "dW1", "db1", "dW2", "db2"],
        grad_rows,
    )
    train_rows = check_training(torch)
    print_table(
        f"{STEPS} matched twin steps, full batch, checked after every step "
        "(weights: max |ours - torch|; gap: max |p_sigmoid - p_softmax|)",
        ["sig W", "soft W", "p", "gap ours", "gap torch"],
        train_rows,
    )

    worst = max(max(d) for _, d in grad_rows + train_rows)
    ok = worst <= THRESHOLD
    print(f"\nlargest difference {worst:.1e}: {'pass' if ok else 'FAIL'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
