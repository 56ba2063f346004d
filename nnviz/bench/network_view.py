"""Network diagram figures: ``set_state`` plus a forced repaint, offscreen, for the app's typical networks.

Each figure is the median over distinct training states (so the edges really are recoloured every
time) of ``view.set_state(s); view.repaint(); app.processEvents()`` in a 1000 x 620 view.
"""
from __future__ import annotations

import statistics
import time


def _median_ms(view, states, app) -> float:
    times = []
    for s in states:
        t = time.perf_counter()
        view.set_state(s)
        view.repaint()
        app.processEvents()
        times.append(time.perf_counter() - t)
    return round(statistics.median(times) * 1e3, 2)


def bucketed_pyqtgraph_ms(state, n: int) -> float:
    """The reference the target was set against: the same edges as 16 colour-bucketed
    ``PlotCurveItem(connect='pairs')`` items (one per sign x strength level), set and repainted."""
    import numpy as np
    import pyqtgraph as pg

    from nnviz.gui.network_edges import LEVELS, bucket_color, edge_buckets, robust_scale
    from nnviz.gui.network_layout import compute_layout

    widget = pg.PlotWidget()
    widget.resize(1000, 620)
    widget.show()
    lay = compute_layout(state.layer_sizes, 1000, 620, 28)
    segments = []
    for l in range(len(state.weights)):
        a, b = lay.centers[l], lay.centers[l + 1]
        segments.append((np.repeat(b, len(a), axis=0), np.tile(a, (len(b), 1))))
    items = [pg.PlotCurveItem(connect="pairs", pen=pg.mkPen(bucket_color(k), width=1), antialias=False)
             for k in range(2 * LEVELS)]
    for item in items:
        widget.addItem(item)
    times = []
    for _ in range(n):
        t = time.perf_counter()
        xs, ys, ks = [], [], []
        for W, (end, start) in zip(state.weights, segments):
            w = np.asarray(W).ravel()
            ks.append(np.repeat(edge_buckets(w, robust_scale(w)), 2))
            pts = np.stack([start, end], 1).reshape(-1, 2)
            xs.append(pts[:, 0])
            ys.append(pts[:, 1])
        xs, ys, ks = np.concatenate(xs), np.concatenate(ys), np.concatenate(ks)
        for k, item in enumerate(items):
            mask = ks == k
            item.setData(xs[mask], ys[mask])
        widget.grab()  # renders the scene now (a repaint() of the view only schedules it)
        times.append(time.perf_counter() - t)
    widget.close()
    return round(statistics.median(times) * 1e3, 2)


def run(quick: bool = False) -> dict:
    """Median ms of set_state + repaint for 784-16-16-10 (all 12,960 edges, target 16 ms),
    784-128-64-10 and 784-256-128-10 (strongest 8 edges per neuron, target 33 ms), a new pad
    input only (cached edges), and the bucketed-pyqtgraph reference measured beside them."""
    from nnviz.core import Network, Trainer, datasets, load_pretrained
    from nnviz.gui.app import application
    from nnviz.gui.network_view import NetworkView

    app = application()
    d = datasets.load("digits")
    n = 10 if quick else 40
    view = NetworkView()
    view.resize(1000, 620)
    view.show()
    app.processEvents()
    result = {}
    cases = (("784-16-16-10 sigmoid (all 12,960 edges)", lambda: load_pretrained("3b1b"), 16.0),
             ("784-128-64-10 relu (strongest 8 edges per neuron)",
              lambda: Network([784, 128, 64, 10], activation="relu", seed=0), 33.0),
             ("784-256-128-10 relu (strongest 8 edges per neuron)", lambda: load_pretrained("strong"), 33.0))
    for name, make, target in cases:
        tr = Trainer(make(), d, optimizer="adam", lr=1e-3)
        states = [tr.step() for _ in range(n + 1)]
        view.set_state(states[0])
        view.repaint()
        app.processEvents()
        result[name] = {"set_state_and_repaint_median_ms": _median_ms(view, states[1:], app), "target_ms": target}
        if name.startswith("784-16-16-10"):
            result[name]["bucketed_pyqtgraph_reference_ms"] = bucketed_pyqtgraph_ms(states[-1], n)
            view.mode.setCurrentText("contribution")
            result[name]["contribution_mode_median_ms"] = _median_ms(view, states[1:], app)
            view.mode.setCurrentText("weight")
    # Drawing on the pad changes only the activations: the cached edges are reused.
    net = load_pretrained("3b1b")
    view.set_state(Trainer(net, d).state)
    view.repaint()
    times = []
    for x in d.X_test[:n]:
        acts, zs = net.probe(x)
        t = time.perf_counter()
        view.set_probe(acts, zs)
        view.repaint()
        app.processEvents()
        times.append(time.perf_counter() - t)
    result["784-16-16-10 new pad input only"] = {"median_ms": round(statistics.median(times) * 1e3, 2)}
    view.close()
    return result
