"""Loss surface figures: a 41x41 plane for 784-16-16-10 on 512 samples, and moving the ball (set_state,
plane mode, 40-200 states into the path, one call each as in step mode)."""
from __future__ import annotations

import statistics
import time

import numpy as np


def run(quick: bool = False) -> dict:
    from nnviz.core import Trainer, datasets, load_pretrained
    from nnviz.core.surface import pca_plane, plane_loss_grid
    from nnviz.gui.app import application
    from nnviz.gui.surface import LossSurfaceView

    app = application()
    d = datasets.load("digits")
    net = load_pretrained("3b1b")
    tr = Trainer(net, d, lr=1e-3)
    states = [tr.step() for _ in range(40)]
    thetas = np.array([s.theta for s in states], float)
    plane = pca_plane(thetas, thetas[-1])
    axis = np.linspace(-1, 1, 41)
    grids = []
    for _ in range(1 if quick else 3):
        t = time.perf_counter()
        plane_loss_grid(net, plane, d.X_train[:512], d.Y_train[:512], axis, axis)
        grids.append(time.perf_counter() - t)
    view = LossSurfaceView()
    view.show()
    view.set_context(net.config(), d)
    for s in states:
        view.set_state(s)
    deadline = time.monotonic() + 30
    while (view.surface_values is None or view.jobs.busy()) and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    moves = []
    for _ in range(50 if quick else 200):
        s = tr.step()
        t = time.perf_counter()
        view.set_state(s)
        moves.append(time.perf_counter() - t)
    view.shutdown()
    view.close()
    return {"surface_41x41_784_16_16_10_512_samples_s": round(statistics.median(grids), 3), "surface_target_s": 1.0,
            "ball_move_median_ms": round(statistics.median(moves) * 1e3, 3),
            "ball_move_p90_ms": round(float(np.percentile(moves, 90)) * 1e3, 3), "ball_move_target_ms": 2.0}
