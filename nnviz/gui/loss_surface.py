"""The loss-surface pane: a ball rolling down the loss, on the real network or on small exact models.

Modes:

* **This network (PCA plane)**: the plane through the current parameters spanned by the top two
  principal directions of the path so far (random filter-normalised directions until the path
  has three points); the loss over it on 512 training samples, computed off the GUI thread.
* **Two parameters (exact)**: two chosen parameters, every other fixed: the true loss. For the
  one-neuron network (the "line" data) these are w and b; for Zhou's 2-2-1 network, w1 and w5.
* **Optimiser race**: SGD, momentum, RMSProp and Adam from one start on an analytic surface.
"""
from __future__ import annotations

import os
import time

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (QCheckBox, QComboBox, QHBoxLayout, QLabel, QPushButton, QStackedWidget,
                               QVBoxLayout, QWidget)

from nnviz.core import Network
from nnviz.core.surface import (RUNNERS, SURFACES, Race, analytic_grid, network_race, pca_plane, plane_loss_grid,
                                random_plane, two_weight_grid)

from .surface_jobs import SurfaceJobs

GRID = 41
SAMPLES = 512
MAX_TRAJECTORY = 400
RECOMPUTE_EVERY = 150  # states on display between two planes
LIVE_BALL_SECONDS = 0.25  # while training plays, the ball moves at most four times a second (a plot repaint)
LIVE_RECOMPUTE_SECONDS = 6.0  # while training plays, a new surface at most this often (it shares the CPU)
MODES = {"plane": "This network (PCA plane)", "two": "Two parameters (exact)", "race": "Optimiser race"}
RUNNER_COLORS = ("#e53935", "#43a047", "#1e88e5", "#fdd835")
THIS_NETWORK = "this network"
NETWORK_RACE_STEPS = 100
NETWORK_RACE_TEXT = ("The four optimisers train copies of this network from its current parameters, on the same "
                     "mini-batches, for 100 steps; the plane is the one their paths span together, and the loss "
                     "is measured on 512 training samples.")
CMAP = pg.colormap.get("viridis")


def opengl_available() -> tuple[bool, str]:
    """(True, "") when the 3-D view can render here, else (False, why not)."""
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.platformName() in ("offscreen", "minimal") or os.environ.get("QT_QPA_PLATFORM") == "offscreen":
        return False, "3-D view needs a screen with OpenGL (this is an offscreen session); showing 2-D"
    try:
        import OpenGL  # noqa: F401  (PyOpenGL)
        import pyqtgraph.opengl  # noqa: F401
    except ImportError:
        return False, "3-D view needs PyOpenGL (pip install PyOpenGL); showing 2-D"
    return True, ""


def flat_gradient(state) -> np.ndarray:
    """The state's weight and bias gradients laid out like its theta (P,) (normalisation parts zero)."""
    g = np.zeros(state.theta.shape, float)
    offset = 0
    for gw, gb in zip(state.grad_weights, state.grad_biases):
        g[offset:offset + gw.size] = gw.ravel()
        offset += gw.size
        g[offset:offset + gb.size] = gb
        offset += gb.size
    return g


def default_pair(sizes) -> tuple[tuple[int, int], tuple[str, str]]:
    """Which two parameters the exact mode shows, and their names: (w, b) of a one-neuron network,
    else the first weight of the first layer and the first weight of the last layer (Zhou's w1, w5)."""
    if sizes == [1, 1]:
        return (0, 1), ("w", "b")
    last_start = sum(o * i + o for i, o in zip(sizes[:-2], sizes[1:-1]))
    return (0, last_start), ("w[layer 1][0,0]", f"w[layer {len(sizes) - 1}][0,0]")


class LossSurfaceView(QWidget):
    """The pane (objectName ``lossSurfaceView``); see the module docstring.

    ``set_context(config, data)`` when the network or data change, ``set_state(state)`` for each
    state on display (moves the ball, <= 2 ms), ``show_step(state)`` when scrubbing the timeline,
    ``shutdown()`` before closing.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("lossSurfaceView")
        self.config = None
        self.data = None
        self.state = None
        self.net: Network | None = None
        self.thetas: list = []  # (step, theta) of the states seen, thinned to MAX_TRAJECTORY
        self.plane = None
        self.extent = None  # (x0, x1, y0, y1) of the grid on display
        self.surface_values = None  # (GRID, GRID) rows along y
        self._since_plane = 0
        self._pending = None
        self._projections: dict = {}
        self._live = False
        self._last_request = self._last_ball = 0.0
        self.race = None
        self.network_race = None  # (NetworkRace, trails projected (k, 2) each, steps shown)
        self.pair, self.pair_names = (0, 1), ("", "")

        self.mode = QComboBox()
        self.mode.setObjectName("surfaceModeCombo")
        for key, text in MODES.items():
            self.mode.addItem(text, key)
        self.mode.setToolTip("PCA plane: a slice through this network's loss along the directions training "
                             "moved most. Two parameters: the true loss over two weights, the rest held fixed. "
                             "Race: four optimisers on a made-up landscape.")
        self.landscape = QComboBox()
        self.landscape.setObjectName("raceSurfaceCombo")
        for name, s in SURFACES.items():
            self.landscape.addItem(name)
            self.landscape.setItemData(self.landscape.count() - 1, s.text, 3)
        self.landscape.addItem(THIS_NETWORK)
        self.landscape.setItemData(self.landscape.count() - 1, NETWORK_RACE_TEXT, 3)
        self.landscape.setToolTip("The landscape the race runs on")
        self.race_step = QPushButton("Step")
        self.race_step.setToolTip("One step for every ball")
        self.race_play = QPushButton("Play")
        self.race_play.setCheckable(True)
        self.race_play.setToolTip("Let the balls roll")
        self.race_reset = QPushButton("Restart")
        self.race_reset.setToolTip("Put every ball back at the start")
        self.three_d = QCheckBox("3-D")
        ok, why = opengl_available()
        self.three_d.setEnabled(ok)
        self.three_d.setToolTip("Show the surface in 3-D" if ok else why)
        self.message = QLabel("" if ok else why)
        self.message.setObjectName("surfaceMessage")
        self.message.setStyleSheet("color: #777;")
        self.info = QLabel()
        self.info.setObjectName("surfaceInfo")
        self.info.setWordWrap(True)

        self.plot = pg.PlotWidget()
        self.plot.setBackground("w")
        self.image = pg.ImageItem()
        self.image.setColorMap(CMAP)
        self.plot.addItem(self.image)
        self.colorbar = pg.ColorBarItem(colorMap=CMAP, interactive=False, width=12, label="loss")
        self.colorbar.setImageItem(self.image, insert_in=self.plot.getPlotItem())
        self.contours = [pg.IsocurveItem(pen=pg.mkPen((255, 255, 255, 120), width=1)) for _ in range(6)]
        for c in self.contours:
            c.setParentItem(self.image)
        # Plain curves (no symbols): moving the ball must stay cheap.
        self.trail = pg.PlotCurveItem(pen=pg.mkPen("#ff7043", width=2))
        self.ball = pg.ScatterPlotItem(size=14, brush=pg.mkBrush("#ff3d00"), pen=pg.mkPen("w", width=2))
        self.gradient_arrow = pg.PlotCurveItem(pen=pg.mkPen("#ffffff", width=2.5))
        self.velocity_arrow = pg.PlotCurveItem(pen=pg.mkPen("#00e5ff", width=2, style=Qt.DashLine))
        self.race_items = []
        for item in (self.trail, self.gradient_arrow, self.velocity_arrow, self.ball):
            self.plot.addItem(item)
        self.legend = self.plot.addLegend(offset=(-5, -5), labelTextColor="#222", brush=(255, 255, 255, 190))
        self.stack = QStackedWidget()
        self.stack.addWidget(self.plot)
        self.gl_view = None
        self._heights = None  # (normalised surface values, extent) of the 3-D landscape

        bar = QHBoxLayout()
        for w in (self.mode, self.landscape, self.race_step, self.race_play, self.race_reset, self.three_d):
            bar.addWidget(w)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.info)
        layout.addWidget(self.message)

        self.jobs = SurfaceJobs(self)
        self.jobs.row.connect(self._on_row)
        self.jobs.done.connect(self._on_done)
        self.jobs.failed.connect(lambda token, msg: self.info.setText(f"The surface could not be computed: {msg}"))
        self.race_timer = QTimer(self)
        self.race_timer.setInterval(60)
        self.race_timer.timeout.connect(self.step_race)
        self.mode.currentIndexChanged.connect(self._mode_changed)
        self.landscape.currentIndexChanged.connect(self.restart_race)
        self.race_step.clicked.connect(self.step_race)
        self.race_play.toggled.connect(lambda on: self.race_timer.start() if on else self.race_timer.stop())
        self.race_reset.clicked.connect(self.restart_race)
        self.three_d.toggled.connect(self._toggle_3d)
        self._mode_changed()

    # ---------------------------------------------------------------- public
    @property
    def current_mode(self) -> str:
        return self.mode.currentData()

    def set_mode(self, key: str) -> None:
        self.mode.setCurrentIndex(list(MODES).index(key))

    def set_context(self, config: dict, data) -> None:
        """A new network shape or data set: forget the path, start a new surface at the next state."""
        self.config, self.data = dict(config), data
        self.net = Network(**{**self.config, "dtype": "float64"})
        self.thetas = []
        self.plane = self.surface_values = self.extent = None
        self.state = None
        self.jobs.cancel()
        self.pair, self.pair_names = default_pair(self.config["sizes"])
        self.image.clear()
        for c in self.contours:
            c.setData(None)
        self.trail.setData([], [])
        self.ball.setData([], [])

    def set_state(self, state) -> None:
        """Move the ball to ``state`` (and start a new surface when it is due)."""
        if state is None or not np.isfinite(state.theta).all() or self.config is None:
            return
        if list(state.layer_sizes) != list(self.config["sizes"]):
            return
        self.state = state
        if not self.thetas or state.step > self.thetas[-1][0]:
            self.thetas.append((state.step, np.asarray(state.theta, float)))
            if len(self.thetas) > MAX_TRAJECTORY:
                self.thetas = self.thetas[::2]
        elif state.step < self.thetas[-1][0]:  # training went back (a branch): forget the abandoned path
            self.thetas = [t for t in self.thetas if t[0] < state.step] + [(state.step, np.asarray(state.theta, float))]
        self._since_plane += 1
        if self.current_mode == "race" or not self.isVisible():
            return
        if self._surface_due():
            self.request_surface()
        now = time.perf_counter()
        if not self._live or now - self._last_ball >= LIVE_BALL_SECONDS:
            self._last_ball = now
            self._draw_ball(state)

    def show_step(self, state) -> None:
        """Scrubbing the timeline: the ball goes back along its trail."""
        if state is None or self.config is None or self.current_mode == "race":
            return
        self.state = state
        self._draw_ball(state)

    def shutdown(self) -> None:
        self.race_timer.stop()
        self.jobs.shutdown()

    def ball_position(self) -> tuple[float, float] | None:
        """The ball's (x, y) in the pane's coordinates."""
        data = self.ball.getData()
        return (float(data[0][0]), float(data[1][0])) if len(data[0]) else None

    def surface_at(self, x: float, y: float) -> float:
        """The loss the pane's surface shows at (x, y), evaluated exactly (not interpolated)."""
        if self.current_mode == "two":
            net = self._network_now()
            X, Y = self._sample()
            return float(two_weight_grid(net, self.pair, np.array([x]), np.array([y]), X, Y)[0, 0])
        if self.current_mode == "plane":
            net = self._network_now()
            net.theta[:] = self.plane.point(x, y)
            X, Y = self._sample()
            return net.loss_value(X, Y)
        s = SURFACES[self.landscape.currentText()]
        return float(s.f(x, y))

    # ---------------------------------------------------------------- surfaces
    def _sample(self):
        n = min(SAMPLES, len(self.data.X_train))
        return self.data.X_train[:n], self.data.Y_train[:n]

    def _network_now(self) -> Network:
        net = Network(**{**self.config, "dtype": "float64"})
        net.theta[:] = self.state.theta
        for norm, (mean, var) in zip(net.norms, self.state.norm_stats):
            norm.running_mean[:], norm.running_var[:] = mean, var
        return net

    def set_live(self, live: bool) -> None:
        """True while training plays: new surfaces at most every LIVE_RECOMPUTE_SECONDS; when it stops,
        the surface catches up."""
        self._live = live
        if not live and self.state is not None and self.current_mode != "race":
            if self._surface_due():
                self.request_surface()
            self._draw_ball(self.state)

    def _surface_due(self) -> bool:
        if self.surface_values is None and not self.jobs.busy():
            return True
        if self.jobs.busy() or self.extent is None:
            return False
        if self._live and time.perf_counter() - self._last_request < LIVE_RECOMPUTE_SECONDS:
            return False
        x, y = self._coordinates(self.state)
        x0, x1, y0, y1 = self.extent
        outside = not (x0 + 0.1 * (x1 - x0) < x < x1 - 0.1 * (x1 - x0) and y0 + 0.1 * (y1 - y0) < y < y1 - 0.1 * (y1 - y0))
        if self.current_mode == "two" and self.config["sizes"] == [1, 1]:
            return outside  # nothing else moves: the surface stays true
        principal_ready = (self.current_mode == "plane" and self.plane is not None and self.plane.explained is None
                           and len(self.thetas) >= 3)
        return outside or principal_ready or self._since_plane >= RECOMPUTE_EVERY

    def request_surface(self) -> None:
        """Compute the surface for the current state in the background (the newest request wins)."""
        if self.state is None or self.config is None:
            return
        self._since_plane = 0
        self._last_request = time.perf_counter()
        net = self._network_now()
        X, Y = self._sample()
        # The job fills ``pending`` (plane, extent) before it reports its first row.
        pending = self._pending = {}
        if self.current_mode == "plane":
            stored = [t for _, t in self.thetas]
            steps = [step for step, _ in self.thetas]
            seed = len(stored)

            def compute(should_stop, on_row):
                thetas = np.array(stored)
                center = net.theta.astype(float)
                moved = np.unique(np.round(thetas - center, 12), axis=0) if len(thetas) else thetas
                plane = pca_plane(thetas, center) if len(moved) >= 3 else random_plane(net, seed=seed)
                coords = (thetas - center) @ plane.projector.T if len(thetas) else np.zeros((1, 2))
                r = max(float(np.abs(coords).max()) * 1.3, 1e-3) if plane.explained is not None else 1.0
                pending["plane"], pending["extent"] = plane, (-r, r, -r, r)
                pending["coords"] = {step: (float(a), float(b)) for step, (a, b) in zip(steps, coords)}
                xs = np.linspace(-r, r, GRID)
                return plane_loss_grid(net, plane, X, Y, xs, xs, should_stop, on_row)
        else:
            i, j = self.pair
            v1, v2 = float(net.theta[i]), float(net.theta[j])
            s1, s2 = max(2.0, 1.5 * abs(v1)), max(2.0, 1.5 * abs(v2))
            extent = (v1 - s1, v1 + s1, v2 - s2, v2 + s2)
            pending["plane"], pending["extent"] = None, extent

            def compute(should_stop, on_row):
                xs, ys = np.linspace(extent[0], extent[1], GRID), np.linspace(extent[2], extent[3], GRID)
                out = np.full((GRID, GRID), np.nan)
                for k in range(GRID):
                    if should_stop():
                        break
                    out[k] = two_weight_grid(net, self.pair, xs, ys[k:k + 1], X, Y)[0]
                    on_row(k, out[k])
                return out
        self.info.setText("computing the surface...")
        self.jobs.submit(compute)

    def _adopt(self, pending: dict) -> None:
        """Switch to a newly computed plane, with the trail's coordinates the job worked out."""
        if self.plane is pending["plane"] and self.extent == pending["extent"]:
            return
        self.plane, self.extent = pending["plane"], pending["extent"]
        self._projections.clear()
        for step, ab in pending.get("coords", {}).items():
            self._projections[(id(self.plane), step)] = ab

    def _on_row(self, token: int, i: int, values) -> None:
        if token != self.jobs.token or self._pending is None or self.current_mode == "race":
            return
        if i == 0:  # the first row of a new surface: switch over to it
            self._adopt(self._pending)
            self.surface_values = np.full((GRID, GRID), np.nan)
            self._redraw_trail()
        if self.surface_values is None:
            return
        self.surface_values[i] = values
        if i % 20 == 19:  # a slow surface appears as it is computed
            self._show_surface()

    def _on_done(self, token: int, values) -> None:
        if token != self.jobs.token:
            return
        if self.current_mode == "race":
            self._network_race_done(values)
            return
        self._adopt(self._pending)
        self.surface_values = values
        self._show_surface()
        if self.state is not None:
            self._draw_ball(self.state)
            if self._surface_due():  # training moved on while this one was computed
                self.request_surface()

    def _show_surface(self, values=None, extent=None) -> None:
        values = self.surface_values if values is None else values
        x0, x1, y0, y1 = self.extent if extent is None else extent
        finite = values[np.isfinite(values)]
        if not finite.size:
            return
        lo, hi = float(finite.min()), float(np.percentile(finite, 98))
        hi = hi if hi > lo else lo + 1e-9
        shown = np.clip(np.nan_to_num(values, nan=hi), lo, hi)
        self.image.setImage(shown, levels=(lo, hi))
        self.image.setRect(x0, y0, x1 - x0, y1 - y0)
        self.colorbar.setLevels((lo, hi))
        for c, level in zip(self.contours, np.linspace(lo, hi, len(self.contours) + 2)[1:-1]):
            c.setData(shown)
            c.setLevel(level)
        self.plot.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)
        labels = self._axis_names()
        self.plot.setLabel("bottom", labels[0])
        self.plot.setLabel("left", labels[1])
        if self.gl_view is not None:
            self._update_3d(shown, (x0, x1, y0, y1))

    def _axis_names(self):
        if self.current_mode == "plane":
            if self.plane is not None and self.plane.explained is not None:
                e = self.plane.explained
                return f"direction 1 ({e[0]:.0%} of the path)", f"direction 2 ({e[1]:.0%})"
            return "random direction 1", "random direction 2"
        if self.current_mode == "two":
            return self.pair_names
        if self.network_race is not None:
            e = self.network_race[0].plane.explained
            return f"direction 1 ({e[0]:.0%} of the paths)", f"direction 2 ({e[1]:.0%})"
        return "w1", "w2"

    # -------------------------------------------------------------- the ball
    def _coordinates(self, state) -> tuple[float, float]:
        theta = np.asarray(state.theta, float)
        if self.current_mode == "two":
            return float(theta[self.pair[0]]), float(theta[self.pair[1]])
        if self.plane is None:
            return 0.0, 0.0
        return self.plane.project(theta)

    def _direction(self, vector: np.ndarray) -> tuple[float, float]:
        if self.current_mode == "two":
            return float(vector[self.pair[0]]), float(vector[self.pair[1]])
        # Elementwise, not BLAS: a BLAS dot wakes its thread pool, which costs more than the sum here.
        return float((self.plane.d1 * vector).sum()), float((self.plane.d2 * vector).sum())

    def _draw_ball(self, state) -> None:
        if self.extent is None or (self.current_mode == "plane" and self.plane is None):
            return
        x, y = self._coordinates(state)
        self.ball.setData([x], [y])
        self._redraw_trail(upto=state.step)
        span = max(self.extent[1] - self.extent[0], self.extent[3] - self.extent[2])
        g = self._direction(-flat_gradient(state))
        norm = np.hypot(*g)
        if norm > 0:
            scale = 0.15 * span / norm
            self.gradient_arrow.setData([x, x + g[0] * scale], [y, y + g[1] * scale])
        previous = [(s, t) for s, t in self.thetas if s < state.step]
        if previous:
            px, py = self._projected(*previous[-1])
            self.velocity_arrow.setData([px, x], [py, y])
        self._update_info(state, x, y)
        self._sync_3d()

    def _projected(self, step: int, theta) -> tuple[float, float]:
        """Coordinates of a stored theta, cached per plane (projecting 235k numbers is not free)."""
        key = (id(self.plane), step)
        if key not in self._projections:
            self._projections[key] = self._coordinates(_ThetaOnly(theta))
        return self._projections[key]

    def _redraw_trail(self, upto: int | None = None) -> None:
        if self.current_mode == "race" or (self.current_mode == "plane" and self.plane is None):
            return
        if len(self._projections) > 4 * MAX_TRAJECTORY:
            self._projections.clear()
        pts = [self._projected(s, t) for s, t in self.thetas if upto is None or s <= upto]
        if pts:
            xs, ys = zip(*pts)
            self.trail.setData(list(xs), list(ys))

    def _update_info(self, state, x, y) -> None:
        if self.surface_values is None or self.extent is None:
            return
        x0, x1, y0, y1 = self.extent
        j = int(np.clip(round((x - x0) / (x1 - x0) * (GRID - 1)), 0, GRID - 1))
        i = int(np.clip(round((y - y0) / (y1 - y0) * (GRID - 1)), 0, GRID - 1))
        on_surface = self.surface_values[i, j]
        if self.current_mode == "plane":
            explained = (f"the plane holds {sum(self.plane.explained):.0%} of the path's movement"
                         if self.plane.explained is not None else
                         "random directions (the path is too short for principal ones yet)")
            self.info.setText(f"step {state.step}: loss of the last batch {state.loss:.4f}; on this plane near "
                              f"the ball {on_surface:.4f} ({SAMPLES} training samples). {explained}; the ball is "
                              "the current parameters projected onto it.")
        else:
            self.info.setText(f"step {state.step}: {self.pair_names[0]} = {x:.3f}, {self.pair_names[1]} = {y:.3f}; "
                              f"loss there {on_surface:.4f} (every other parameter fixed at its current value)")

    # ------------------------------------------------------------------ race
    def restart_race(self, *_):
        self.race_play.setChecked(False)
        if self.landscape.currentText() == THIS_NETWORK:
            self._start_network_race()
            return
        self.network_race = None
        surface = SURFACES[self.landscape.currentText()]
        self.race = Race(surface)
        values = analytic_grid(surface, 81)
        self.surface_values = values
        self.extent = surface.extent
        if self.current_mode == "race":
            self._show_race_surface()
            self._draw_race()

    def _show_race_surface(self):
        surface = SURFACES[self.landscape.currentText()]
        self._show_surface(analytic_grid(surface, 81), surface.extent)
        self.info.setText(surface.text)

    def _start_network_race(self) -> None:
        """Race the optimisers on copies of the network on display, in the background."""
        self.race = None
        self.network_race = None
        if self.state is None or self.config is None:
            self.info.setText("Train or load a network first: the race starts from its current parameters.")
            return
        net, data = self._network_now(), self.data
        X, Y = self._sample()

        def compute(should_stop, on_row):
            race = network_race(net, data, steps=NETWORK_RACE_STEPS, should_stop=should_stop)
            trails = [np.array([race.plane.project(t) for t in trail]) for trail in race.trails]
            r = max(1e-3, 1.2 * max(float(np.abs(t).max()) for t in trails))
            axis = np.linspace(-r, r, GRID)
            values = plane_loss_grid(net, race.plane, X, Y, axis, axis, should_stop)
            return race, trails, (-r, r, -r, r), values

        self.info.setText("racing the optimisers on this network (in the background)...")
        self.jobs.submit(compute)

    def _network_race_done(self, result) -> None:
        race, trails, extent, values = result
        self.network_race = [race, trails, 1]
        self.plane, self.extent, self.surface_values = race.plane, extent, values
        self._show_surface()
        e = race.plane.explained
        self.info.setText(f"{NETWORK_RACE_TEXT} The plane holds {e[0] + e[1]:.0%} of their movement. "
                          "Play replays the race.")
        self._draw_race()

    def step_race(self) -> None:
        if self.network_race is not None:
            race, trails, shown = self.network_race
            self.network_race[2] = min(shown + 1, max(len(t) for t in trails))
            self._draw_race()
            if self.network_race[2] >= max(len(t) for t in trails):
                self.race_play.setChecked(False)
            return
        if self.race is None:
            if self.landscape.currentText() == THIS_NETWORK:
                return
            self.restart_race()
        self.race.step()
        self._draw_race()
        if self.race.steps >= 300:
            self.race_play.setChecked(False)

    def _draw_race(self) -> None:
        if not self.race_items:
            for (label, *_), color in zip(RUNNERS, RUNNER_COLORS):
                trail = pg.PlotDataItem(pen=pg.mkPen(color, width=2))
                ball = pg.ScatterPlotItem(size=12, brush=pg.mkBrush(color), pen=pg.mkPen("w", width=1.5))
                self.plot.addItem(trail)
                self.plot.addItem(ball)
                if self.current_mode == "race":
                    self.legend.addItem(trail, label)
                self.race_items.append((trail, ball))
        if self.network_race is not None:
            race, trails, shown = self.network_race
            paths = [t[:shown] for t in trails]
            step = min((shown - 1) * race.every, len(race.losses[0]))
            losses = [float(l[min(step, len(l)) - 1]) if step > 0 and len(l) else float("nan") for l in race.losses]
            labels = race.labels
        else:
            paths = [np.array(p) for p in self.race.trails]
            step, losses, labels = self.race.steps, self.race.losses(), self.race.labels
        for (trail, ball), p in zip(self.race_items, paths):
            trail.setData(p[:, 0], p[:, 1])
            ball.setData([p[-1, 0]], [p[-1, 1]])
        text = ", ".join(f"{l} {v:.3f}" for l, v in zip(labels, losses))
        what = "batch loss" if self.network_race is not None else "loss"
        self.message.setText(f"step {step}: {what} {text}")
        self._sync_3d()

    def _mode_changed(self, *_):
        race = self.current_mode == "race"
        self.legend.clear()
        if race:
            for (trail, _), (label, *_) in zip(self.race_items, RUNNERS):
                self.legend.addItem(trail, label)
        else:
            self.legend.addItem(self.gradient_arrow, "-gradient (last step)")
            self.legend.addItem(self.velocity_arrow, "last move")
        for w in (self.landscape, self.race_step, self.race_play, self.race_reset):
            w.setVisible(race)
        for item in (self.trail, self.ball, self.gradient_arrow, self.velocity_arrow):
            item.setVisible(not race)
        for trail, ball in self.race_items:
            trail.setVisible(race)
            ball.setVisible(race)
        self.race_timer.stop()
        self.race_play.setChecked(False)
        if race:
            self.jobs.cancel()
            self.restart_race()
        else:
            self.network_race = None
            self.plane = self.surface_values = self.extent = None
            self.image.clear()
            self.message.setText("" if self.three_d.isEnabled() else opengl_available()[1])
            if self.state is not None:
                self.request_surface()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.current_mode != "race" and self.state is not None and self.surface_values is None:
            self.request_surface()

    # ------------------------------------------------------------------- 3-D
    def _toggle_3d(self, on: bool) -> None:
        if on and self.gl_view is None:
            import pyqtgraph.opengl as gl

            self.gl_view = gl.GLViewWidget()
            self.gl_view.setBackgroundColor((24, 26, 31))
            self.gl_view.setCameraPosition(distance=42, elevation=28, azimuth=-60)
            self.gl_surface = gl.GLSurfacePlotItem(smooth=False, drawEdges=False)
            self.gl_view.addItem(self.gl_surface)
            self.gl_view.addItem(gl.GLGridItem(size=pg.Vector(20, 20, 1)))
            self.gl_balls = gl.GLScatterPlotItem(size=12, pxMode=True)
            self.gl_view.addItem(self.gl_balls)
            self.gl_trails = []
            self.stack.addWidget(self.gl_view)
        self.stack.setCurrentWidget(self.gl_view if on else self.plot)
        if on and self.surface_values is not None:
            self._update_3d(self.surface_values, self.extent)

    def _update_3d(self, values, extent) -> None:
        """The surface as a 20 x 20 x 10 landscape, coloured like the 2-D map (rows of values along y)."""
        z = np.nan_to_num(np.asarray(values, float))
        z = (z - z.min()) / max(1e-12, float(np.ptp(z)))
        colors = CMAP.map(z.T.ravel(), mode="float")  # one per vertex, (n*m, 4): the mesh wants them flat
        self.gl_surface.setData(x=np.linspace(-10, 10, z.shape[1]), y=np.linspace(-10, 10, z.shape[0]),
                                z=z.T * 10, colors=colors)
        self._heights = (z, extent)
        self._sync_3d()

    def _lift(self, xs, ys) -> np.ndarray:
        """Points (x, y) of the 2-D view -> (n, 3) on the 3-D landscape, a little above it."""
        z, (x0, x1, y0, y1) = self._heights
        u = np.clip((np.asarray(xs, float) - x0) / (x1 - x0), 0, 1)
        v = np.clip((np.asarray(ys, float) - y0) / (y1 - y0), 0, 1)
        height = z[np.rint(v * (z.shape[0] - 1)).astype(int), np.rint(u * (z.shape[1] - 1)).astype(int)]
        return np.column_stack([u * 20 - 10, v * 20 - 10, height * 10 + 0.3])

    def _sync_3d(self) -> None:
        """Show the 2-D view's balls and trails on the 3-D landscape too."""
        if self.gl_view is None or self.stack.currentWidget() is not self.gl_view or self._heights is None:
            return
        import pyqtgraph.opengl as gl

        if self.current_mode == "race":
            paths = [(trail.getData(), color) for (trail, _), color in zip(self.race_items, RUNNER_COLORS)]
        else:
            paths = [(self.trail.getData(), "#ff7043")]
        while len(self.gl_trails) < len(paths):
            item = gl.GLLinePlotItem(width=2, antialias=True)
            self.gl_view.addItem(item)
            self.gl_trails.append(item)
        balls, colours = [], []
        for item, ((xs, ys), color) in zip(self.gl_trails, paths):
            if xs is None or not len(xs):
                continue
            points = self._lift(xs, ys)
            rgba = pg.mkColor(color).getRgbF()
            item.setData(pos=points, color=rgba)
            balls.append(points[-1])
            colours.append(rgba)
        if balls:
            self.gl_balls.setData(pos=np.array(balls), color=np.array(colours))

    def closeEvent(self, event) -> None:
        self.shutdown()
        super().closeEvent(event)


class _ThetaOnly:
    """Something with a ``theta``, for projecting a stored parameter vector like a state."""

    def __init__(self, theta):
        self.theta = theta
