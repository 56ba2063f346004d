"""The loss-surface pane: a ball rolling down the loss, on the real network or on small exact models.

Modes (the combo box):

* **This network (PCA plane)**: the plane through the current parameters spanned by the top two
  principal directions of the path so far (random filter-normalised directions until the path
  has three distinct points); the loss over it on 512 training samples, computed off the GUI
  thread.  Beside it: the share of the path the plane explains, and the true loss at the
  parameters against the plane's loss at the ball, so nobody mistakes the slice for the whole.
* **Single neuron y = w x + b** and **Zhou's 2-2-1: two weights**: exact.  When the window
  trains that model (sizes [1, 1] or [2, 2, 1]) the ball follows the trainer over the true loss
  of two parameters (w and b; Zhou's w1 and w5 with the other seven fixed).  Otherwise the pane
  races four optimisers on the model itself, with its own Play / Step.
* **Optimiser race**: SGD, momentum, RMSProp and Adam from one start on an analytic landscape
  (bowl, ravine, saddle, minima, plateau), or on copies of this network.
"""
from __future__ import annotations

import bisect
import time

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QTransform
from PySide6.QtWidgets import (QCheckBox, QComboBox, QHBoxLayout, QLabel, QPushButton, QSizePolicy,
                               QStackedWidget, QVBoxLayout, QWidget)

from nnviz.core import Network
from nnviz.core.surface import (SURFACES, Race, analytic_grid, losses_at, neuron_surface, network_race,
                                pca_plane, plane_loss_grid, random_plane, two_weight_grid, zhou_surface)

from .view_3d import Landscape3D, opengl_available
from .jobs import SurfaceJobs

GRID = 41
SAMPLES = 512
MAX_TRAJECTORY = 400
TRAJECTORY_BYTES = 64 * 2**20  # big networks keep fewer points of their path (784-256-128-10: 70)
RECOMPUTE_EVERY = 150  # states on display between two planes
RECOMPUTE_EXACT_EVERY = 10  # Zhou's mode: the other seven parameters move, the surface follows them
LIVE_BALL_SECONDS = 0.25  # while training plays, the ball moves at most four times a second (a plot repaint)
LIVE_RECOMPUTE_SECONDS = 6.0  # while training plays, a new surface at most this often (it shares the CPU)
MEASURE_MS = 150  # the plane's true-vs-plane loss is measured this long after the ball moved (coalesced)
UPSAMPLE = 4  # the heat map is shown linearly interpolated, this many pixels per grid step
LOG_RATIO = 30  # colour by log10(loss) when the largest loss shown is this many times the smallest
ARROW_PX = 46  # arrows show directions: this long on screen (the velocity a little longer)
MODES = {
    "plane": ("This network (PCA plane)",
              "The loss of the network being trained, on the plane through its current parameters along the "
              "two directions its path moved most (principal components). A slice of a space with thousands "
              "of dimensions: the text below says how much of the path it holds."),
    "neuron": ("Single neuron y = w x + b",
               "The exact loss of one neuron fitting a line (linear regression) over its only two parameters. "
               "Follows the trainer when the window trains the 'One neuron' network; otherwise four "
               "optimisers race on it here."),
    "zhou": ("Zhou's 2-2-1: two weights",
             "The exact loss of Victor Zhou's 2-2-1 network over two weights (w1, w5), the other seven "
             "fixed. Follows the trainer when the window trains a 2-2-1 network; otherwise four optimisers "
             "race on it here."),
    "race": ("Optimiser race",
             "SGD, momentum, RMSProp and Adam rolling from one start on a made-up landscape (bowl, ravine, "
             "saddle, several minima, plateau) or on copies of this network, with their own Play and Step, "
             "independent of the trainer."),
}
#: Exact modes follow the trainer when the window's network has these sizes.
FOLLOWS = {"neuron": [1, 1], "zhou": [2, 2, 1]}
RUNNER_COLORS = ("#e53935", "#43a047", "#1e88e5", "#fdd835")
THIS_NETWORK = "this network"
NETWORK_RACE_STEPS = 100
NETWORK_RACE_TEXT = ("The four optimisers train copies of this network from its current parameters, on the same "
                     "mini-batches, for 100 steps; the plane is the one their paths span together, and the loss "
                     "is measured on 512 training samples.")
RACE_STEPS = 300
CMAP = pg.colormap.get("viridis")

__all__ = ["LossSurfaceView", "default_pair", "opengl_available", "MODES"]


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
    sizes = list(sizes)
    if sizes == [1, 1]:
        return (0, 1), ("w", "b")
    last_start = sum(o * i + o for i, o in zip(sizes[:-2], sizes[1:-1]))
    if sizes == [2, 2, 1]:
        return (0, last_start), ("w1", "w5")
    return (0, last_start), ("w[layer 1][0,0]", f"w[layer {len(sizes) - 1}][0,0]")


def upsample(values: np.ndarray, factor: int) -> np.ndarray:
    """(n, m) -> ((n-1) factor + 1, (m-1) factor + 1), linearly interpolated between grid points."""
    n, m = values.shape
    if n < 2 or m < 2 or factor <= 1:
        return values

    def axis(count):
        t = np.linspace(0, count - 1, (count - 1) * factor + 1)
        i = np.minimum(t.astype(int), count - 2)
        return i, t - i

    i, fy = axis(n)
    j, fx = axis(m)
    rows = values[i] * (1 - fy)[:, None] + values[i + 1] * fy[:, None]
    return rows[:, j] * (1 - fx) + rows[:, j + 1] * fx


def log_ticks(lo: float, hi: float) -> list:
    """Colour-bar ticks for log10 values lo..hi, labelled with the losses themselves (1, 2, 5 x 10^k;
    only powers of ten when those are too many)."""
    k = np.arange(np.floor(lo) - 1, np.ceil(hi) + 1)
    for mantissas in ((1, 2, 5), (1,)):
        values = [m * 10.0 ** e for e in k for m in mantissas if lo <= np.log10(m) + e <= hi]
        if len(values) <= 8:
            break
    return [[(float(np.log10(v)), f"{v:g}") for v in values]]


def load_state(net: Network, state) -> Network:
    """Put ``state``'s parameters and normalisation statistics into ``net``; returns it."""
    net.theta[:] = state.theta
    for norm, (mean, var) in zip(net.norms, state.norm_stats):
        norm.running_mean[:], norm.running_var[:] = mean, var
    return net


class LossSurfaceView(QWidget):
    """The pane (objectName ``lossSurfaceView``); see the module docstring.

    ``set_context(config, data)`` when the network or data change, ``set_state(state)`` for each
    state on display (moves the ball, <= 2 ms), ``set_history(states)`` and ``show_step(i)`` when
    scrubbing the timeline, ``set_live(running)``, ``shutdown()`` before closing.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("lossSurfaceView")
        self.config = None
        self.data = None
        self.state = None
        self.history: list = []  # the window's states, for show_step(index)
        self.thetas: list = []  # (step, theta) of the states seen, thinned to MAX_TRAJECTORY
        self.plane = None
        self.plane_step = None  # the step whose parameters the plane passes through
        self.extent = None  # (x0, x1, y0, y1) of the grid on display
        self.surface_values = None  # (n, n) rows along y
        self._surface_net = None  # the network (with its parameters) the surface on display was computed from
        self._probe = None  # scratch network for measuring the loss at the ball
        self._measured = None  # (step, true loss, plane loss, off-plane fraction) at the ball
        self._since_plane = 0
        self._pending = None
        self._job_coords: dict = {}  # step -> (a, b) of the path, worked out by the job that made the plane
        self._trail_key = None  # the plane the cached trail coordinates belong to
        self._trail_steps: list = []
        self._trail_xy: list = []
        self._live = False
        self._last_request = self._last_ball = 0.0
        self._exact_surfaces: dict = {}  # mode -> Surface of the pane's own exact model
        self.race = None
        self.network_race = None  # [NetworkRace, trails projected (k, 2) each, points shown]
        self.pair, self.pair_names = (0, 1), ("", "")

        self.mode = QComboBox()
        self.mode.setObjectName("surfaceModeCombo")
        for key, (text, tip) in MODES.items():
            self.mode.addItem(text, key)
            self.mode.setItemData(self.mode.count() - 1, tip, Qt.ToolTipRole)
        self.mode.setToolTip("What the surface shows (hover over an entry for details)")
        self.landscape = QComboBox()
        self.landscape.setObjectName("raceSurfaceCombo")
        for name, s in SURFACES.items():
            self.landscape.addItem(name)
            self.landscape.setItemData(self.landscape.count() - 1, s.text, Qt.ToolTipRole)
        self.landscape.addItem(THIS_NETWORK)
        self.landscape.setItemData(self.landscape.count() - 1, NETWORK_RACE_TEXT, Qt.ToolTipRole)
        self.landscape.setToolTip("The landscape the race runs on")
        for combo, chars in ((self.mode, 14), (self.landscape, 8)):  # narrow docks: elide, do not force a width
            combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(chars)
        self.race_step = QPushButton("Step")
        self.race_step.setToolTip("One step for every ball")
        self.race_play = QPushButton("Play")
        self.race_play.setCheckable(True)
        self.race_play.setToolTip("Let the balls roll (the trainer is not involved)")
        self.race_reset = QPushButton("Restart")
        self.race_reset.setToolTip("Put every ball back at the start")
        ok, why = opengl_available()
        self.three_d = QCheckBox("3-D" if ok else "3-D (needs OpenGL)")
        self.three_d.setEnabled(ok)
        self.three_d.setToolTip("Show the surface as a 3-D landscape (drag to turn it)" if ok else why)
        self.message = QLabel()
        self.message.setObjectName("surfaceMessage")
        self.message.setTextFormat(Qt.RichText)
        self.message.setWordWrap(True)
        self.info = QLabel()
        self.info.setObjectName("surfaceInfo")
        self.info.setWordWrap(True)
        self.info.setTextFormat(Qt.RichText)
        # Room for five lines from the start: a text that rewraps while training plays then leaves
        # the plot's size alone (a resized plot repaints everything, axes and surface included).
        self.info.setMinimumHeight(5 * self.info.fontMetrics().lineSpacing())
        self.info.setAlignment(Qt.AlignLeft | Qt.AlignTop)

        # No context menu, decided at construction: destroying pyqtgraph's ViewBoxMenu afterwards
        # (setMenuEnabled(False)) crashed PySide 6.11 now and then in shiboken's releaseWrapper.
        self.plot = pg.PlotWidget(enableMenu=False)
        self.plot.setBackground("w")
        self.image = pg.ImageItem()
        self.image.setColorMap(CMAP)
        self.plot.addItem(self.image)
        self.colorbar = pg.ColorBarItem(colorMap=CMAP, interactive=False, width=12)
        self.colorbar.axis.enableAutoSIPrefix(False)
        self.colorbar.setImageItem(self.image, insert_in=self.plot.getPlotItem())
        self.contours = [pg.IsocurveItem(pen=pg.mkPen((255, 255, 255, 110), width=1)) for _ in range(7)]
        for c in self.contours:
            self.plot.addItem(c, ignoreBounds=True)
        # Plain curves (no symbols): moving the ball must stay cheap.
        self.trail = pg.PlotCurveItem(pen=pg.mkPen("#ff7043", width=2))
        self.ball = pg.ScatterPlotItem(size=14, brush=pg.mkBrush("#ff3d00"), pen=pg.mkPen("w", width=2))
        self.gradient_arrow = pg.PlotCurveItem(pen=pg.mkPen("#ffffff", width=2.5))
        self.velocity_arrow = pg.PlotCurveItem(pen=pg.mkPen("#00e5ff", width=2.5))
        for item in (self.trail, self.velocity_arrow, self.gradient_arrow, self.ball):
            self.plot.addItem(item)
        self.race_items = []
        for color in RUNNER_COLORS:
            trail = pg.PlotDataItem(pen=pg.mkPen(color, width=2))
            ball = pg.ScatterPlotItem(size=12, brush=pg.mkBrush(color), pen=pg.mkPen("w", width=1.5))
            self.plot.addItem(trail)
            self.plot.addItem(ball)
            self.race_items.append((trail, ball))
        self.legend = self.plot.addLegend(offset=(-5, -5), labelTextColor="#fff", brush=(20, 20, 30, 150),
                                          verSpacing=-6)
        self.plot.setToolTip("Dark = low loss. The ball is where the parameters are; the white arrow is the "
                             "negative gradient of the last step, the cyan one the update the optimiser made "
                             "(with momentum or Adam it points elsewhere).")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.plot)
        self.landscape3d: Landscape3D | None = None

        bar = QHBoxLayout()
        for w in (self.mode, self.landscape, self.race_step, self.race_play, self.race_reset, self.three_d):
            bar.addWidget(w, 3 if w is self.mode else 0)
        bar.addStretch(1)
        # The mode names in full when there is room, elided when the dock is narrow.
        self.mode.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
        metrics = self.mode.fontMetrics()
        longest = max(metrics.horizontalAdvance(self.mode.itemText(i)) for i in range(self.mode.count()))
        self.mode.setMaximumWidth(longest + 40)
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
        self.measures = SurfaceJobs(self)  # the true and the plane's loss at the ball
        self.measures.done.connect(self._on_measured)
        self.race_timer = QTimer(self)
        self.race_timer.setInterval(60)
        self.race_timer.timeout.connect(self.step_race)
        self._measure_timer = QTimer(self)
        self._measure_timer.setSingleShot(True)
        self._measure_timer.setInterval(MEASURE_MS)
        self._measure_timer.timeout.connect(self._measure_ball)
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
        """"plane", "neuron", "zhou" or "race"."""
        return self.mode.currentData()

    def set_mode(self, key: str) -> None:
        self.mode.setCurrentIndex(list(MODES).index(key))

    def following(self) -> bool:
        """Whether an exact mode follows the trainer (the window trains that very model)."""
        mode = self.current_mode
        return mode in FOLLOWS and self.config is not None and list(self.config["sizes"]) == FOLLOWS[mode]

    def racing(self) -> bool:
        """Whether the pane runs its own balls (the race, or an exact model the window does not train)."""
        return self.current_mode == "race" or (self.current_mode in FOLLOWS and not self.following())

    def set_context(self, config: dict, data) -> None:
        """A new network shape or data set: forget the path, start a new surface at the next state."""
        was_racing, landscape = self.racing(), self.landscape.currentText()
        self.config, self.data = dict(config), data
        self._probe = Network(**self.config)
        self.thetas, self.history = [], []
        self.state = None
        self.pair, self.pair_names = default_pair(self.config["sizes"])
        if list(self.config["sizes"]) == [1, 1] and self.current_mode == "plane":
            self.set_mode("neuron")  # two parameters: the exact surface is the whole truth
        elif not (was_racing and self.racing() and self.current_mode == "race" and landscape != THIS_NETWORK):
            self._mode_changed()  # (an analytic race does not depend on the trainer: it goes on)

    def set_state(self, state) -> None:
        """Move the ball to ``state`` (and start a new surface when it is due)."""
        if not self._accepts(state):
            return
        self.state = state
        # The states' read-only parameter vectors themselves: no copies.
        if not self.thetas or state.step > self.thetas[-1][0]:
            self.thetas.append((state.step, state.theta))
            if len(self.thetas) > self._max_points():
                self.thetas = self.thetas[::2]
        elif state.step < self.thetas[-1][0]:  # training went back (a branch): forget the abandoned path
            self.thetas = [t for t in self.thetas if t[0] < state.step] + [(state.step, state.theta)]
        self._since_plane += 1
        if self.racing() or not self.isVisible():
            return
        if self._surface_due():
            self.request_surface()
        now = time.perf_counter()
        if not self._live or now - self._last_ball >= LIVE_BALL_SECONDS:
            self._last_ball = now
            self._draw_ball(state)

    def set_history(self, states) -> None:
        """The window's kept states, oldest first (after loading a run, or when the pane starts late):
        they become the path, the last one the ball."""
        self.history = [s for s in states if self._accepts(s)]
        if not self.history:
            return
        keep = np.unique(np.linspace(0, len(self.history) - 1, min(len(self.history), self._max_points())).astype(int))
        self.thetas = [(self.history[i].step, self.history[i].theta) for i in keep]
        self.state = self.history[-1]
        self._since_plane = RECOMPUTE_EVERY
        if not self.racing() and self.isVisible():
            self.request_surface()
            self._draw_ball(self.state)

    def show_step(self, index_or_state) -> None:
        """Scrubbing the timeline: the ball goes back along its trail to a state, or to the
        ``index``-th state of ``set_history``'s list."""
        if isinstance(index_or_state, (int, np.integer)):
            if not -len(self.history) <= index_or_state < len(self.history):
                return
            index_or_state = self.history[index_or_state]
        if not self._accepts(index_or_state):
            return
        self.state = index_or_state
        if not self.racing():
            self._draw_ball(index_or_state)

    def set_live(self, live: bool) -> None:
        """True while training plays: new surfaces at most every LIVE_RECOMPUTE_SECONDS, the ball at most
        four times a second; when it stops, the surface and the ball catch up."""
        self._live = live
        if not live and self.state is not None and not self.racing():
            if self._surface_due():
                self.request_surface()
            self._draw_ball(self.state)

    def shutdown(self) -> None:
        """Stop the race, the measurements and any surface computation (waits for it; idempotent)."""
        self.race_timer.stop()
        self._measure_timer.stop()
        self.jobs.shutdown()
        self.measures.shutdown()

    def ball_position(self) -> tuple[float, float] | None:
        """The ball's (x, y) in the pane's coordinates (the first runner's in a race)."""
        item = self.race_items[0][1] if self.racing() else self.ball
        data = item.getData()
        return (float(data[0][0]), float(data[1][0])) if len(data[0]) else None

    def surface_at(self, x: float, y: float) -> float:
        """The loss the pane's surface shows at (x, y), evaluated exactly (not interpolated)."""
        if self.network_race is not None:
            net, plane = self._surface_net, self.network_race[0].plane
        elif self.racing():
            return float(self.race.surface.f(x, y))
        else:
            net, plane = self._surface_net, self.plane
        X, Y = self._sample()
        if plane is None:  # following an exact model
            return float(two_weight_grid(net, self.pair, np.array([x]), np.array([y]), X, Y)[0, 0])
        probe = net.copy()
        probe.theta[:] = plane.point(x, y)
        return probe.loss_value(X, Y)

    # ---------------------------------------------------------------- surfaces
    def _max_points(self) -> int:
        """How many points of the path are kept: MAX_TRAJECTORY, fewer for big networks."""
        n = self._probe.n_params * self._probe.theta.itemsize
        return int(np.clip(TRAJECTORY_BYTES // n, 20, MAX_TRAJECTORY))

    def _accepts(self, state) -> bool:
        return (state is not None and self.config is not None and not state.diverged
                and list(state.layer_sizes) == list(self.config["sizes"]) and np.isfinite(state.theta).all())

    def _sample(self):
        n = min(SAMPLES, len(self.data.X_train))
        return self.data.X_train[:n], self.data.Y_train[:n]

    def _network_now(self) -> Network:
        return load_state(Network(**{**self.config, "dtype": "float64"}), self.state)

    def _surface_due(self) -> bool:
        if self.surface_values is None and not self.jobs.busy():
            return True
        if self.jobs.busy() or self.extent is None:
            return False
        if self._live and time.perf_counter() - self._last_request < LIVE_RECOMPUTE_SECONDS:
            return False
        x, y = self._point(self.state)
        x0, x1, y0, y1 = self.extent
        mx, my = 0.1 * (x1 - x0), 0.1 * (y1 - y0)
        outside = not (x0 + mx < x < x1 - mx and y0 + my < y < y1 - my)
        if self.following():
            if self.current_mode == "neuron":
                return outside  # nothing else moves: the surface stays true
            return outside or self._since_plane >= RECOMPUTE_EXACT_EVERY
        principal_ready = self.plane is not None and self.plane.explained is None and self._distinct() >= 3
        return outside or principal_ready or self._since_plane >= RECOMPUTE_EVERY

    def _distinct(self) -> int:
        """How many distinct parameter vectors the path holds (at most 3 are counted)."""
        seen = []
        for _, t in reversed(self.thetas):
            if not any(np.array_equal(t, s) for s in seen):
                seen.append(t)
                if len(seen) == 3:
                    break
        return len(seen)

    def request_surface(self) -> None:
        """Compute the surface for the current state in the background (the newest request wins)."""
        if self.state is None or self.config is None or self.racing():
            return
        self._since_plane = 0
        self._last_request = time.perf_counter()
        net = self._network_now()
        X, Y = self._sample()
        # The job fills ``pending`` (plane, extent) before it reports its first row.
        pending = self._pending = {"net": net, "step": self.state.step}
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
        if self.plane is pending["plane"] and self.extent == pending["extent"] and self._surface_net is pending["net"]:
            return
        self.plane, self.extent = pending["plane"], pending["extent"]
        self._surface_net, self.plane_step = pending["net"], pending["step"]
        self._measured = None
        self._job_coords = dict(pending.get("coords", {}))
        self._trail_key = None

    def _on_row(self, token: int, i: int, values) -> None:
        if token != self.jobs.token or self._pending is None or self.racing():
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
        if self.racing():
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
        """Heat map (linearly interpolated between grid points), contour lines, colour bar, axis names."""
        values = self.surface_values if values is None else values
        x0, x1, y0, y1 = self.extent if extent is None else extent
        finite = values[np.isfinite(values)]
        if not finite.size:
            return
        lo, hi = float(finite.min()), float(np.percentile(finite, 98))
        hi = hi if hi > lo else lo + 1e-9
        shown = np.clip(np.nan_to_num(values, nan=hi), lo, hi)
        # Losses spanning orders of magnitude are coloured by their logarithm, or the valleys all look alike.
        log = lo > 0 and hi / lo >= LOG_RATIO
        if log:
            shown, lo, hi = np.log10(shown), np.log10(lo), np.log10(hi)
        self.colorbar.axis.setTicks(log_ticks(lo, hi) if log else None)
        self.colorbar.axis.setLabel("loss (log scale)" if log else "loss")
        fine = upsample(shown, UPSAMPLE)
        n, m = shown.shape
        dx, dy = (x1 - x0) / (m - 1), (y1 - y0) / (n - 1)
        fdx, fdy = (x1 - x0) / (fine.shape[1] - 1), (y1 - y0) / (fine.shape[0] - 1)
        self.image.setImage(fine, levels=(lo, hi))
        self.image.setRect(x0 - fdx / 2, y0 - fdy / 2, x1 - x0 + fdx, y1 - y0 + fdy)  # pixel centres on the grid
        self.colorbar.setLevels((lo, hi))
        # Contours at quantiles of the values: evenly spread rings whatever the loss's scale.
        levels = np.unique(np.quantile(shown, np.linspace(0.04, 0.85, len(self.contours))))
        transform = QTransform(dx, 0, 0, dy, x0 - dx / 2, y0 - dy / 2)  # isocurve coordinates: index + 0.5
        for k, c in enumerate(self.contours):
            if k < len(levels) and lo < levels[k] < hi:
                c.setTransform(transform)
                c.setData(shown, levels[k])
            else:
                c.setData(None)
        self.plot.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)
        labels = self._axis_names()
        self.plot.setLabel("bottom", labels[0])
        self.plot.setLabel("left", labels[1])
        if self.landscape3d is not None:
            self.landscape3d.set_surface(shown, (x0, x1, y0, y1))
            self._sync_3d()

    def _clear_surface(self) -> None:
        self.plane = self.surface_values = self.extent = self._surface_net = self.plane_step = None
        self._measured = self._trail_key = None
        self.image.clear()
        for c in self.contours:
            c.setData(None)
        for item in (self.trail, self.gradient_arrow, self.velocity_arrow):
            item.setData([], [])
        self.ball.setData([], [])
        self.info.setText("")

    def _axis_names(self):
        if self.current_mode == "plane":
            if self.plane is not None and self.plane.explained is not None:
                e = self.plane.explained
                return f"direction 1 ({e[0]:.0%} of the path)", f"direction 2 ({e[1]:.0%})"
            return "random direction 1", "random direction 2"
        if self.following():
            return self.pair_names
        if self.network_race is not None:
            e = self.network_race[0].plane.explained
            return f"direction 1 ({e[0]:.0%} of the paths)", f"direction 2 ({e[1]:.0%})"
        return self.race.surface.axes if self.race is not None else ("w1", "w2")

    # -------------------------------------------------------------- the ball
    def _coordinates(self, state) -> tuple[float, float]:
        theta = state.theta
        if self.following():
            return float(theta[self.pair[0]]), float(theta[self.pair[1]])
        if self.plane is None:
            return 0.0, 0.0
        return self.plane.project(theta)

    def _point(self, state) -> tuple[float, float]:
        """The state's coordinates: from the path's cache when the state is on the path."""
        steps, xy = self._trail()
        k = bisect.bisect_left(steps, state.step)
        if k < len(steps) and steps[k] == state.step and self.thetas[k][1] is state.theta:
            return xy[k]
        return self._coordinates(state)

    def _direction(self, state) -> tuple[float, float]:
        """The state's gradient in the pane's coordinates (projected onto the plane, in plane mode)."""
        if self.following():
            g = flat_gradient(state)
            return float(g[self.pair[0]]), float(g[self.pair[1]])
        pieces = [x for pair in zip(state.grad_weights, state.grad_biases) for x in pair]
        return self.plane.project_layers(pieces)

    def _arrow(self, item, x: float, y: float, dx: float, dy: float, px: float = ARROW_PX) -> None:
        """An arrow ``px`` long on screen from (x, y) along (dx, dy), head included (line pairs)."""
        pw, ph = self.plot.getViewBox().viewPixelSize()
        if not (np.isfinite(pw) and np.isfinite(ph) and pw > 0 and ph > 0):
            pw = ph = 1.0
        u, v = dx / pw, dy / ph  # in pixels
        length = np.hypot(u, v)
        if not np.isfinite(length) or length == 0:
            item.setData([], [])
            return
        u, v = u / length, v / length
        ex, ey = x + u * px * pw, y + v * px * ph
        xs, ys = [x, ex], [y, ey]
        for angle in (0.45, -0.45):  # two head strokes, 10 px, 26 degrees either side of backwards
            c, s = np.cos(angle), np.sin(angle)
            hu, hv = -(u * c - v * s), -(u * s + v * c)
            xs += [ex, ex + hu * 10 * pw]
            ys += [ey, ey + hv * 10 * ph]
        item.setData(xs, ys, connect="pairs")

    def _draw_ball(self, state) -> None:
        if self.extent is None or (self.current_mode == "plane" and self.plane is None):
            return
        x, y = self._point(state)
        self.ball.setData([x], [y])
        self._redraw_trail(upto=state.step)
        gx, gy = self._direction(state)
        self._arrow(self.gradient_arrow, x, y, -gx, -gy)
        steps, xy = self._trail()
        k = bisect.bisect_left(steps, state.step)  # xy[k - 1]: the point before this state's
        if state.optimizer != "sgd" and k > 0:  # momentum-like optimisers: where the last update went
            px, py = xy[k - 1]
            self._arrow(self.velocity_arrow, x, y, x - px, y - py, 1.4 * ARROW_PX)
        else:
            self.velocity_arrow.setData([], [])
        self._update_info(state, x, y)
        self._sync_3d()

    def _trail(self) -> tuple[list, list]:
        """(steps, (a, b) points) of the path on the surface on display; each point is projected once
        (projecting 235k numbers is not free) and the list grows with the path."""
        key = id(self.plane)
        n = len(self._trail_steps)
        stale = n > len(self.thetas) or (n and (self.thetas[0][0] != self._trail_steps[0]
                                                or self.thetas[n - 1][0] != self._trail_steps[-1]))
        if key != self._trail_key or stale:
            self._trail_key, self._trail_steps, self._trail_xy = key, [], []  # new plane, or a thinned or branched path
        for step, theta in self.thetas[len(self._trail_steps):]:
            ab = self._job_coords.get(step) if self.plane is not None else None
            self._trail_steps.append(step)
            self._trail_xy.append(ab or self._coordinates(_ThetaOnly(theta)))
        return self._trail_steps, self._trail_xy

    def _redraw_trail(self, upto: int | None = None) -> None:
        if self.racing() or (self.current_mode == "plane" and self.plane is None):
            return
        steps, xy = self._trail()
        k = len(steps) if upto is None else bisect.bisect_right(steps, upto)
        if k:
            points = np.array(xy[:k])
            self.trail.setData(points[:, 0], points[:, 1])

    def _update_info(self, state, x, y) -> None:
        if self.surface_values is None or self.extent is None:
            return
        if self.current_mode == "plane":
            self._write_plane_info()
            if not self._measure_timer.isActive():  # while training plays, once a second
                self._measure_timer.start(1000 if self._live else MEASURE_MS)
            return
        X, _ = self._sample()
        true = self._probe_loss(state.theta)
        text = (f"step {state.step}: {self.pair_names[0]} = {x:.3f}, {self.pair_names[1]} = {y:.3f}. "
                f"Loss at the ball <b>{true:.4f}</b> (all {len(X)} training samples)")
        if self.current_mode == "neuron":
            self.info.setText(text + ": w and b are the neuron's only parameters, so this surface is its whole loss.")
        else:
            shown = self.surface_at(x, y)
            others = len(state.theta) - 2
            self.info.setText(text + f"; the surface shows {shown:.4f} there: it holds the other {others} "
                              f"parameters as they were at step {self.plane_step}.")

    def _probe_loss(self, theta) -> float:
        """The true loss at ``theta`` (P,) on the surface's samples, with the state's normalisation statistics."""
        X, Y = self._sample()
        probe = load_state(self._probe, self.state)
        probe.theta[:] = theta
        return probe.loss_value(X, Y)

    def _measure_ball(self) -> None:
        """Plane mode, shortly after the ball moved, in the background: the true loss at the parameters,
        the plane's loss at the ball (their projection), and how far off the plane they are."""
        if self.current_mode != "plane" or self.plane is None or self.state is None:
            return
        state, plane, config = self.state, self.plane, self.config
        X, Y = self._sample()

        def compute(should_stop, on_row):
            net = load_state(Network(**config), state)
            theta = np.asarray(state.theta, float)
            on_plane = plane.point(*plane.project(state.theta))
            true, flat = losses_at(net, np.stack([theta, on_plane]), X, Y)
            away = np.linalg.norm(theta - plane.center)
            off = float(np.linalg.norm(theta - on_plane) / away) if away > 0 else 0.0
            return state.step, float(true), float(flat), off

        self.measures.submit(compute)

    def _on_measured(self, token: int, result) -> None:
        if token == self.measures.token and self.current_mode == "plane" and self.plane is not None:
            self._measured = result
            self._write_plane_info()

    def _write_plane_info(self) -> None:
        state, e = self.state, self.plane.explained
        if e is None:
            plane = (f"Random filter-normalised directions through step {self.plane_step} (the path is too short "
                     "for principal ones yet)")
        else:
            plane = (f"Plane through step {self.plane_step} along the path's top two principal directions: "
                     f"<b>{e[0]:.0%} + {e[1]:.0%}</b> of its movement")
        m = self._measured
        batch = f"last batch {state.loss:.4f}" if np.isfinite(state.loss) else "not trained yet"
        if m is None or m[0] != state.step:
            loss = f"Step {state.step}: {batch}; measuring the loss at the ball..."
        else:
            off = ("the parameters lie on the plane" if m[3] < 5e-4 else
                   f"of the parameters' move since step {self.plane_step}, {m[3]:.0%} is off the plane")
            loss = (f"Step {state.step}, {SAMPLES} training samples: true loss <b>{m[1]:.4f}</b>, the plane's loss "
                    f"at the ball <b>{m[2]:.4f}</b> ({off}); {batch}.")
        self.info.setText(f"{plane}.<br>{loss}")

    # ------------------------------------------------------------------ race
    def _race_surface(self):
        """The landscape the pane's own balls roll on in this mode."""
        mode = self.current_mode
        if mode == "race":
            return SURFACES[self.landscape.currentText()]
        if mode not in self._exact_surfaces:
            self._exact_surfaces[mode] = neuron_surface() if mode == "neuron" else zhou_surface()
        return self._exact_surfaces[mode]

    def restart_race(self, *_):
        """Every ball back at the start (or, on "this network", a new race from its current parameters)."""
        self.race_play.setChecked(False)
        if not self.racing():
            return
        self.network_race = None
        if self.current_mode == "race" and self.landscape.currentText() == THIS_NETWORK:
            self._start_network_race()
            return
        surface = self._race_surface()
        self.race = Race(surface)
        self.extent = surface.extent
        self.surface_values = analytic_grid(surface, 81)
        self._show_surface()
        text = surface.text
        if self.current_mode in FOLLOWS:
            lesson = "One neuron" if self.current_mode == "neuron" else "Victor Zhou"
            text += (" The window trains another network, so the balls here are the pane's own; load the "
                     f"{lesson} lesson to follow the trainer.")
        self.info.setText(text)
        self._draw_race()

    def _start_network_race(self) -> None:
        """Race the optimisers on copies of the network on display, in the background."""
        self.race = None
        for trail, ball in self.race_items:
            trail.setData([], [])
            ball.setData([], [])
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
            return race, trails, (-r, r, -r, r), values, net

        self.info.setText("racing the optimisers on this network (in the background)...")
        self.jobs.submit(compute)

    def _network_race_done(self, result) -> None:
        race, trails, extent, values, net = result
        self.network_race = [race, trails, 1]
        self.extent, self.surface_values, self._surface_net = extent, values, net
        self._show_surface()
        e = race.plane.explained
        self.info.setText(f"{NETWORK_RACE_TEXT} The plane holds {e[0] + e[1]:.0%} of their movement. "
                          "Play replays the race.")
        self._draw_race()

    def step_race(self) -> None:
        """One step for every ball of the pane's own race."""
        if not self.racing():
            return
        if self.network_race is not None:
            race, trails, shown = self.network_race
            self.network_race[2] = min(shown + 1, max(len(t) for t in trails))
            self._draw_race()
            if self.network_race[2] >= max(len(t) for t in trails):
                self.race_play.setChecked(False)
            return
        if self.race is None:
            if self.current_mode == "race" and self.landscape.currentText() == THIS_NETWORK:
                return
            self.restart_race()
        self.race.step()
        self._draw_race()
        if self.race.steps >= RACE_STEPS:
            self.race_play.setChecked(False)

    def _draw_race(self) -> None:
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
        text = "&nbsp; ".join(f'<span style="color:{c}">&#9679;</span> {l} {v:.3g}'
                              for l, v, c in zip(labels, losses, RUNNER_COLORS))
        what = "batch loss" if self.network_race is not None else "loss"
        self.message.setText(f"step {step}, {what}: {text}")
        self._sync_3d()

    def _mode_changed(self, *_):
        racing = self.racing()
        self.jobs.cancel()  # whatever was computing belongs to the previous mode
        self.legend.clear()
        self.legend.setVisible(not racing)  # the race names its balls, in colour, below the plot
        if not racing:
            self.legend.addItem(self.gradient_arrow, "−gradient")
            self.legend.addItem(self.velocity_arrow, "last update")
        self.landscape.setVisible(self.current_mode == "race")
        for w in (self.race_step, self.race_play, self.race_reset):
            w.setVisible(racing)
        for item in (self.trail, self.ball, self.gradient_arrow, self.velocity_arrow):
            item.setVisible(not racing)
        for trail, ball in self.race_items:
            trail.setVisible(racing)
            ball.setVisible(racing)
        self.race_timer.stop()
        self.race_play.setChecked(False)
        self._clear_surface()
        self.message.setText("")
        if racing:
            self.restart_race()
        else:
            self.network_race = self.race = None
            if self.state is not None and self.isVisible():
                self.request_surface()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self.racing() and self.state is not None and self.surface_values is None:
            self.request_surface()

    # ------------------------------------------------------------------- 3-D
    def _toggle_3d(self, on: bool) -> None:
        if on and self.landscape3d is None:
            self.landscape3d = Landscape3D(CMAP)
            self.stack.addWidget(self.landscape3d.widget)
        self.stack.setCurrentWidget(self.landscape3d.widget if on else self.plot)
        if on and self.surface_values is not None:
            self._show_surface()

    def _sync_3d(self) -> None:
        """Show the 2-D view's balls and trails on the 3-D landscape too."""
        if self.landscape3d is None or self.stack.currentWidget() is not self.landscape3d.widget:
            return
        if self.racing():
            paths = [(*trail.getData(), color) for (trail, _), color in zip(self.race_items, RUNNER_COLORS)]
        else:
            paths = [(*self.trail.getData(), "#ff7043")]
        self.landscape3d.set_paths(paths)

    def closeEvent(self, event) -> None:
        self.shutdown()
        super().closeEvent(event)


class _ThetaOnly:
    """Something with a ``theta``, for projecting a stored parameter vector like a state."""

    def __init__(self, theta):
        self.theta = theta
