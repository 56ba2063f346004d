"""Network diagram figures: set_state plus repaint, offscreen, for the app's typical networks."""
from __future__ import annotations

import statistics
import time


def _median_ms(view, states, app) -> float:
    times = []
    for s in states:
        t = time.perf_counter()
        view.set_state(s)
        view.canvas.repaint()
        times.append(time.perf_counter() - t)
    return round(statistics.median(times) * 1e3, 2)


def run(quick: bool = False) -> dict:
    from nnviz.core import Trainer, datasets, load_pretrained
    from nnviz.gui.app import application
    from nnviz.gui.network_view import NetworkView

    app = application()
    d = datasets.load("digits")
    n = 10 if quick else 30
    view = NetworkView()
    view.resize(1000, 620)
    view.show()
    app.processEvents()
    result = {}
    for name, model, target in (("784-16-16-10 (all 12,960 edges)", "3b1b", 16.0),
                                ("784-256-128-10 (strongest 8 edges per neuron)", "strong", 33.0)):
        tr = Trainer(load_pretrained(model), d, lr=1e-3)
        states = [tr.step() for _ in range(n + 1)]
        view.set_state(states[0])
        view.canvas.repaint()
        result[name] = {"set_state_and_repaint_median_ms": _median_ms(view, states[1:], app), "target_ms": target}
    # Drawing on the pad changes only the activations: the cached edges are reused.
    tr = Trainer(load_pretrained("3b1b"), d)
    view.set_state(tr.state)
    view.canvas.repaint()
    net = load_pretrained("3b1b")
    times = []
    for x in d.X_test[:n]:
        acts, zs = net.probe(x)
        t = time.perf_counter()
        view.set_probe(acts, zs)
        view.canvas.repaint()
        times.append(time.perf_counter() - t)
    result["784-16-16-10 new input only (pad drawing)"] = {"median_ms": round(statistics.median(times) * 1e3, 2)}
    view.close()
    return result
