"""``nnviz bench``: speed of the NumPy trainer, side by side with PyTorch.

Each case trains the same architecture with plain SGD on the same data, in
many short alternating rounds so all contenders see the same machine load (its
speed drifts by a third over seconds on the build machines), and reports steps
per second for each and the ratios (medians over rounds, beside the lower
quartile).  nnviz's
steps include building the :class:`StepState` the GUI receives.  PyTorch is
measured twice: with the ``DataLoader`` loop its tutorials teach (the
target's baseline) and with a lean loop over pre-built tensors.
"""
from __future__ import annotations

import statistics
import time

import numpy as np

from nnviz.core import Network, Trainer
from nnviz.core.dataset import Dataset

from .rates import rate

CASES = [
    {"layers": [784, 16, 16, 10], "activation": "sigmoid", "batch": 32, "target_ratio": 3.0},
    {"layers": [784, 128, 64, 10], "activation": "relu", "batch": 128, "target_ratio": 1.8},
]


def _synthetic_digits(n: int = 4096, seed: int = 0) -> Dataset:
    """Random 784-pixel inputs with 10 classes: the benchmark needs shapes, not meaning."""
    rng = np.random.default_rng(seed)
    X = rng.random((n, 784), dtype=np.float32)
    labels = rng.integers(0, 10, n)
    Y = np.eye(10, dtype=np.float32)[labels]
    return Dataset("bench", X, Y, X[:64], Y[:64], labels, labels[:64], (28, 28), tuple("0123456789"))


def _nnviz_stepper(case, data):
    net = Network(case["layers"], activation=case["activation"], seed=0)
    trainer = Trainer(net, data, optimizer="sgd", lr=0.01, batch_size=case["batch"], seed=0)
    return trainer.step


def _torch_model(case):
    import torch

    act = {"sigmoid": torch.nn.Sigmoid, "relu": torch.nn.ReLU}[case["activation"]]
    sizes, layers = case["layers"], []
    for i, (a, b) in enumerate(zip(sizes[:-1], sizes[1:])):
        layers.append(torch.nn.Linear(a, b))
        if i < len(sizes) - 2:
            layers.append(act())
    model = torch.nn.Sequential(*layers)
    return model, torch.optim.SGD(model.parameters(), lr=0.01), torch.nn.CrossEntropyLoss()


def _torch_stepper(case, data, lean: bool):
    """One torch SGD step per call.

    ``lean=False`` is the loop the PyTorch tutorials write (a shuffling
    ``DataLoader`` over a ``TensorDataset``); ``lean=True`` indexes
    pre-built tensors with a random permutation, the fastest plain loop.
    """
    try:
        import torch
    except ImportError:
        return None
    torch.manual_seed(0)
    model, opt, loss_fn = _torch_model(case)
    X = torch.from_numpy(np.ascontiguousarray(data.X_train))
    y = torch.from_numpy(data.labels_train.astype(np.int64))
    batch, n = case["batch"], len(X)
    if lean:
        cursor = {"order": torch.randperm(n), "i": 0}

        def batches():
            while True:
                i = cursor["i"]
                idx = cursor["order"][i:i + batch]
                cursor["i"] = i + batch
                if cursor["i"] >= n:
                    cursor["order"], cursor["i"] = torch.randperm(n), 0
                yield X[idx], y[idx]
    else:
        loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(X, y), batch_size=batch, shuffle=True)

        def batches():
            while True:
                yield from loader
    source = batches()

    def step():
        xb, yb = next(source)
        opt.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        opt.step()
        return loss.item()

    return step


def forward_latency_us(repeats: int = 2000) -> float:
    """Median time of one single-sample forward pass of 784-16-16-10, in microseconds."""
    net = Network([784, 16, 16, 10], activation="sigmoid", seed=0)
    x = np.random.default_rng(0).random((1, 784), dtype=np.float32)
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        net.forward(x)
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1e6


def run(quick: bool = False, seconds: float | None = None, rounds: int | None = None) -> dict:
    """Run every case; returns {"cases": [...], "forward_latency_us": float}.

    Each contender runs ``rounds`` times for ``seconds`` (defaults: 0.25 s x 30,
    or 0.1 s x 8 when ``quick``), alternated; a case's ratio is the median of the
    rounds' ratios, ``ratio_lower_quartile`` the 25th percentile of them.  Short
    rounds keep the two contenders of a round on the same machine speed: a
    round's ratio then varies from the machine's noise only, which the median
    of many rounds removes (so the ratio holds in every run of the bench).
    """
    data = _synthetic_digits()
    seconds = seconds or (0.1 if quick else 0.25)
    rounds = rounds or (8 if quick else 30)
    cases = []
    for case in CASES:
        steppers = {"nnviz": _nnviz_stepper(case, data), "torch": _torch_stepper(case, data, lean=False),
                    "torch_lean": _torch_stepper(case, data, lean=True)}
        rates = {name: [] for name, step in steppers.items() if step is not None}
        for name in rates:
            rate(steppers[name], 0.0, warm_up=50)
        for _ in range(rounds):  # alternate, so every contender sees the same machine load
            for name in rates:
                rates[name].append(rate(steppers[name], seconds, warm_up=2))

        def ratio(other, quantile=0.5):
            """That quantile of the rounds' ratios nnviz / ``other`` (a round's contenders ran back to back)."""
            if other not in rates:
                return None
            return round(float(np.quantile([a / b for a, b in zip(rates["nnviz"], rates[other])], quantile)), 2)

        def median_rate(name):
            return round(statistics.median(rates[name]), 1) if name in rates else None

        cases.append({
            "layers": case["layers"], "activation": case["activation"], "batch": case["batch"],
            "nnviz_steps_per_s": median_rate("nnviz"),
            "torch_steps_per_s": median_rate("torch"), "ratio": ratio("torch"),
            "ratio_lower_quartile": ratio("torch", 0.25),
            "torch_lean_steps_per_s": median_rate("torch_lean"), "ratio_lean": ratio("torch_lean"),
            "target_ratio": case["target_ratio"], "rounds": rounds,
        })
    return {"cases": cases, "forward_latency_us": round(forward_latency_us(), 1), "forward_target_us": 50}


def run_gui(quick: bool = False, long: bool = False) -> dict:
    """The window's and panes' benchmarks (needs Qt; offscreen without a display)."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from nnviz.bench import big_network
    from nnviz.bench.gui import run_gui_bench

    result = run_gui_bench(quick=quick, long=long)
    if not long:
        result["big_network"] = big_network.run(quick=quick)
    return result


def summary(result: dict) -> str:
    """Human-readable lines for a :func:`run` result."""
    lines = []
    for c in result["cases"]:
        name = f"{'-'.join(map(str, c['layers']))} {c['activation']} batch {c['batch']}"
        if c["ratio"] is None:
            lines.append(f"{name}: nnviz {c['nnviz_steps_per_s']:,.0f} steps/s (torch not installed)")
        else:
            lines.append(f"{name}: nnviz {c['nnviz_steps_per_s']:,.0f} steps/s; torch DataLoader loop "
                         f"{c['torch_steps_per_s']:,.0f} = {c['ratio']:.2f}x (median of {c['rounds']} short rounds; "
                         f"lower quartile {c['ratio_lower_quartile']:.2f}x; target >= {c['target_ratio']}x in every run); "
                         f"lean torch loop {c['torch_lean_steps_per_s']:,.0f} = {c['ratio_lean']:.2f}x")
    lines.append(f"single-sample forward: {result['forward_latency_us']:.1f} us (target <= 50 us)")
    if "gui" in result:
        import json

        lines.append("window and panes: " + json.dumps(result["gui"], indent=1))
    return "\n".join(lines)

