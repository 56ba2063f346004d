"""The loss-surface pane's modes and their logic, without widgets (plain Python + NumPy; its texts
in the window's language through Qt's translate()).

:class:`LossSurfaceModel` knows which mode is active, keeps the path, builds the background jobs
that compute a surface (or race the optimisers on this network), holds the plane, the surface and
the race, works out where the ball and its trail go, and writes the texts below the plot.  The
view (:mod:`.view`) sets ``mode`` and ``landscape`` (keys: the combo boxes show them translated,
keeping the keys as item data) from its combo boxes, runs the jobs and draws.

Shapes: theta (P,), a network's parameters; the path ``thetas`` [(step, theta)], oldest first;
``surface_values`` (n, n) (GRID for a network, 81 for an analytic landscape), rows along y, over
``extent`` (x0, x1, y0, y1); points (x, y) in the pane's coordinates: (a, b) on a plane, or the two
parameters' own values in an exact mode.
"""
from __future__ import annotations

import bisect
import time
import weakref

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP

from nnviz.core import Network
from nnviz.core.surface import (SURFACES, Race, analytic_grid, neuron_surface, surface_resolution, two_weight_grid,
                                zhou_surface)

from .computations import ball_losses, pair_extent, pair_surface, plane_surface, race_on_network
from ..language import translate
from .maths import ThetaOnly, default_pair, flat_gradient

GRID = 41
SAMPLES = 512
MAX_TRAJECTORY = 400
PROJECTIONS = 2000  # states whose projections on the plane on display are remembered
TRAJECTORY_BYTES = 64 * 2**20  # big networks keep fewer points of their path (784-256-128-10: 70)
#: A network with at least this many parameters has the states the timeline goes back to projected
#: onto the plane in the background (two projections of 932k parameters: 10 ms of a scrub).
BACKGROUND_PROJECTION_PARAMS = 100_000
RECOMPUTE_EVERY = 150  # states on display between two planes
RECOMPUTE_EXACT_EVERY = 10  # Zhou's mode: the other seven parameters move, the surface follows them
LIVE_RECOMPUTE_SECONDS = 6.0  # while training plays, a new surface at most this often (it shares the CPU)
LIVE_JOB_SHARE = 0.1  # ... and surfaces take at most this share of the time (a slow one waits longer)
#: The modes, in the combo box's order: key -> (title, tooltip), in English (``translate("LossSurface", text)``
#: shows them in the window's language).
MODES = {
    "plane": (QT_TRANSLATE_NOOP("LossSurface", "This network (PCA plane)"),
              QT_TRANSLATE_NOOP("LossSurface",
                                "The loss of the network being trained, on the plane through its current parameters "
                                "along the two directions its path moved most (principal components). A slice of a "
                                "space with thousands of dimensions: the text below says how much of the path it "
                                "holds.")),
    "neuron": (QT_TRANSLATE_NOOP("LossSurface", "Single neuron y = w x + b"),
               QT_TRANSLATE_NOOP("LossSurface",
                                 "The exact loss of one neuron fitting a line (linear regression) over its only two "
                                 "parameters. Follows the trainer when the window trains the 'One neuron' network; "
                                 "otherwise four optimisers race on it here.")),
    "zhou": (QT_TRANSLATE_NOOP("LossSurface", "Zhou's 2-2-1: two weights"),
             QT_TRANSLATE_NOOP("LossSurface",
                               "The exact loss of Victor Zhou's 2-2-1 network over two weights (w1, w5), the other "
                               "seven fixed. Follows the trainer when the window trains a 2-2-1 network; otherwise "
                               "four optimisers race on it here.")),
    "race": (QT_TRANSLATE_NOOP("LossSurface", "Optimiser race"),
             QT_TRANSLATE_NOOP("LossSurface",
                               "SGD, momentum, RMSProp and Adam rolling from one start on a made-up landscape (bowl, "
                               "ravine, saddle, several minima, plateau) or on copies of this network, with their own "
                               "Play and Step, independent of the trainer.")),
}
#: The mode keys alone, in order: ("plane", "neuron", "zhou", "race").
MODE_KEYS = tuple(MODES)
#: Exact modes follow the trainer when the window's network has these sizes.
FOLLOWS = {"neuron": [1, 1], "zhou": [2, 2, 1]}
#: The race's landscape that is this network (the others are the names of SURFACES).
THIS_NETWORK = "this network"
NETWORK_RACE_STEPS = 100
RACE_STEPS = 300
#: The texts below the plot, in English (shown through ``translate("LossSurface", text)``).
COMPUTING_TEXT = QT_TRANSLATE_NOOP("LossSurface", "computing the surface...")
NETWORK_RACING_TEXT = QT_TRANSLATE_NOOP("LossSurface", "racing the optimisers on this network (in the background)...")
NO_NETWORK_TEXT = QT_TRANSLATE_NOOP("LossSurface",
                                    "Train or load a network first: the race starts from its current parameters.")


def network_race_text() -> str:
    """What the race on this network is (the landscape's tooltip and the start of the text below it)."""
    return translate("LossSurface", "The four optimisers train copies of this network from its current parameters, "
                     "on the same mini-batches, for {steps} steps; the plane is the one their paths span together, "
                     "and the loss is measured on the training samples (at most {samples}).").format(
                         steps=NETWORK_RACE_STEPS, samples=SAMPLES)


def landscape_name(key: str) -> str:
    """The race's landscape ``key`` (a name of SURFACES, or THIS_NETWORK) as the combo box shows it."""
    return translate("LossSurface", "this network") if key == THIS_NETWORK else translate("surfaces", key)


def surface_text(surface) -> str:
    """What an analytic or exact landscape (a core Surface) is, in the window's language."""
    return translate("surfaces", surface.text)


def samples_text(n: int) -> str:
    """How many training samples the loss is measured on, in words: 4 -> "4 training samples"."""
    text = translate("LossSurface", "{n} training sample") if n == 1 else translate("LossSurface", "{n} training samples")
    return text.format(n=f"{n:,}")


#: "No trail computed yet" (None is a plane too: the one of no surface).
_NO_PLANE = object()

class LossSurfaceModel:
    """What the pane shows in every mode; see the module docstring.  No widgets: the view sets
    ``mode`` (a key of MODES) and ``landscape`` (a name of SURFACES, or THIS_NETWORK)."""

    def __init__(self, landscape: str = next(iter(SURFACES))):
        self.mode = MODE_KEYS[0]
        self.landscape = landscape
        self.config = None
        self.data = None
        self.state = None
        self.history: list = []  # the window's states, for show_step(index)
        self.thetas: list = []  # (step, theta) of the states seen, thinned to MAX_TRAJECTORY
        self.plane = None
        self.plane_step = None  # the step whose parameters the plane passes through
        self.extent = None  # (x0, x1, y0, y1) of the grid on display
        self.surface_values = None  # (n, n) rows along y
        self.live = False  # training plays
        self.pending = None  # the newest surface job's {"net", "step"}, then "plane", "extent" (and "coords")
        self.measured = None  # (step, true loss, plane loss, off-plane fraction) at the ball
        self.race = None
        self.network_race = None  # [NetworkRace, trails projected (k, 2) each, points shown]
        self.pair, self.pair_names = (0, 1), ("", "")
        self.last_point = None  # (x, y) of the state point() last placed
        self._surface_net = None  # the network (with its parameters) the surface on display was computed from
        self._probe = None  # scratch network for measuring the loss at the ball
        self._since_plane = 0
        self._last_request = 0.0
        self._job_seconds = 0.0  # how long the last surface took, from its request
        self._job_coords: dict = {}  # step -> (a, b) of the path, worked out by the job that made the plane
        self._trail_key = _NO_PLANE  # the plane the cached trail coordinates belong to
        self._trail_steps: list = []
        self._trail_xy: list = []
        self._exact_surfaces: dict = {}  # mode -> Surface of the pane's own exact model
        self._projections: tuple = (lambda: None, {})  # (plane, {(kind, id(array)): (array, (a, b))}), weakly: see _projected

    # ----------------------------------------------------------------- modes
    def following(self) -> bool:
        """Whether an exact mode follows the trainer (the window trains that very model)."""
        return self.mode in FOLLOWS and self.config is not None and list(self.config["sizes"]) == FOLLOWS[self.mode]

    def racing(self) -> bool:
        """Whether the pane runs its own balls (the race, or an exact model the window does not train)."""
        return self.mode == "race" or (self.mode in FOLLOWS and not self.following())

    def network_race_mode(self) -> bool:
        """Whether the race runs on copies of this network (rather than on an analytic landscape)."""
        return self.mode == "race" and self.landscape == THIS_NETWORK

    def keeps_race(self) -> bool:
        """Whether the race goes on through a new network or data set (an analytic one does not depend on them)."""
        return self.mode == "race" and self.landscape != THIS_NETWORK

    def set_context(self, config: dict, data) -> str | None:
        """A new network shape or data set: forget the path.  Returns the mode to switch to ("neuron"
        for a one-neuron network: the exact surface is the whole truth), else None."""
        self.config, self.data = dict(config), data
        self._probe = Network(**self.config)
        self.thetas, self.history = [], []
        self.state = self.last_point = None
        self.pair, self.pair_names = default_pair(self.config["sizes"])
        return "neuron" if list(self.config["sizes"]) == [1, 1] and self.mode == "plane" else None

    # ------------------------------------------------------------------ path
    def accepts(self, state) -> bool:
        return (state is not None and self.config is not None and not state.diverged
                and list(state.layer_sizes) == list(self.config["sizes"]) and np.isfinite(state.theta).all())

    def record(self, state) -> None:
        """``state`` is on display: the ball's state, and the next point of the path."""
        self.state = state
        # The states' read-only parameter vectors themselves: no copies.
        if not self.thetas or state.step > self.thetas[-1][0]:
            self.thetas.append((state.step, state.theta))
            if len(self.thetas) > self.max_points():
                self.thetas = self.thetas[::2]
        elif state.step < self.thetas[-1][0]:  # training went back (a branch): forget the abandoned path
            self.thetas = [t for t in self.thetas if t[0] < state.step] + [(state.step, state.theta)]
        self._since_plane += 1

    def set_history(self, states) -> bool:
        """The window's kept states, oldest first, become the path and the last one the ball's;
        False when none of them fits the network."""
        self.history = [s for s in states if self.accepts(s)]
        if not self.history:
            return False
        keep = np.unique(np.linspace(0, len(self.history) - 1, min(len(self.history), self.max_points())).astype(int))
        self.thetas = [(self.history[i].step, self.history[i].theta) for i in keep]
        self.state = self.history[-1]
        self._since_plane = RECOMPUTE_EVERY
        return True

    def show_step(self, index_or_state):
        """The state to show (a state, or an index into the history), now the ball's; None if there is none."""
        if isinstance(index_or_state, (int, np.integer)):
            if not -len(self.history) <= index_or_state < len(self.history):
                return None
            index_or_state = self.history[index_or_state]
        if not self.accepts(index_or_state):
            return None
        self.state = index_or_state
        return index_or_state

    def max_points(self) -> int:
        """How many points of the path are kept: MAX_TRAJECTORY, fewer for big networks."""
        n = self._probe.n_params * self._probe.theta.itemsize
        return int(np.clip(TRAJECTORY_BYTES // n, 20, MAX_TRAJECTORY))

    def resolution(self) -> tuple[int, int]:
        """(grid points per side, training samples) of this network's surfaces: GRID and SAMPLES, fewer
        for big networks (``nnviz.core.surface.surface_resolution``: a bounded amount of work)."""
        return surface_resolution(self.config["sizes"], len(self.data.X_train), GRID, SAMPLES)

    def sample(self):
        """The training samples the surfaces are computed on: X (n, n_in), Y (n, n_out), n <= SAMPLES."""
        n = self.resolution()[1]
        return self.data.X_train[:n], self.data.Y_train[:n]

    def network_now(self) -> Network:
        """A float64 network with the current state's parameters and normalisation statistics."""
        return Network(**{**self.config, "dtype": "float64"}).load_state(self.state.theta, self.state.norm_stats)

    def distinct(self) -> int:
        """How many distinct parameter vectors the path holds (at most 3 are counted)."""
        seen = []
        for _, t in reversed(self.thetas):
            if not any(np.array_equal(t, s) for s in seen):
                seen.append(t)
                if len(seen) == 3:
                    break
        return len(seen)

    # -------------------------------------------------------------- surfaces
    def surface_due(self, busy: bool) -> bool:
        """Whether the current state needs a new surface (``busy``: one is being computed)."""
        if self.surface_values is None and not busy:
            return True
        if busy or self.extent is None:
            return False
        wait = max(LIVE_RECOMPUTE_SECONDS, self._job_seconds / LIVE_JOB_SHARE)
        if self.live and time.perf_counter() - self._last_request < wait:
            return False
        # Playing: where the ball was last drawn (the newest state's projection would read every
        # parameter on the GUI thread, 5 ms for 784-512-512-512-10, at every frame).
        xy = self.last_point if self.live else self.point(self.state)
        x0, x1, y0, y1 = self.extent
        mx, my = 0.1 * (x1 - x0), 0.1 * (y1 - y0)
        outside = xy is not None and not (x0 + mx < xy[0] < x1 - mx and y0 + my < xy[1] < y1 - my)
        if self.following():
            if self.mode == "neuron":
                return outside  # nothing else moves: the surface stays true
            return outside or self._since_plane >= RECOMPUTE_EXACT_EVERY
        principal_ready = self.plane is not None and self.plane.explained is None and self.distinct() >= 3
        return outside or principal_ready or self._since_plane >= RECOMPUTE_EVERY

    def surface_job(self):
        """The job computing the surface for the current state in this mode, ``compute(should_stop,
        on_row) -> (GRID, GRID)`` losses, rows along y (each reported as done); None when there is
        nothing to compute.  It fills ``pending`` (plane, extent) before it reports its first row."""
        if self.state is None or self.config is None or self.racing():
            return None
        self._since_plane = 0
        self._last_request = time.perf_counter()
        net = self.network_now()
        X, Y = self.sample()
        pending = self.pending = {"net": net, "step": self.state.step}
        if self.mode == "plane":
            return plane_surface(net, [t for _, t in self.thetas], [step for step, _ in self.thetas], X, Y,
                                 self.resolution()[0], pending)
        pending["plane"], pending["extent"] = None, pair_extent(net, self.pair)
        return pair_surface(net, self.pair, pending["extent"], X, Y, self.resolution()[0])

    def surface_done(self) -> None:
        """The requested surface is complete: how long it took paces the next ones while training plays."""
        self._job_seconds = time.perf_counter() - self._last_request

    def adopt(self, pending: dict) -> None:
        """Switch to a newly computed plane, with the trail's coordinates the job worked out."""
        if self.plane is pending["plane"] and self.extent == pending["extent"] and self._surface_net is pending["net"]:
            return
        self.plane, self.extent = pending["plane"], pending["extent"]
        self._surface_net, self.plane_step = pending["net"], pending["step"]
        self.measured = None
        self._job_coords = dict(pending.get("coords", {}))
        self._trail_key = _NO_PLANE
        self.last_point = None

    def clear_surface(self) -> None:
        self.plane = self.surface_values = self.extent = self._surface_net = self.plane_step = None
        self.measured = self.last_point = None
        self._trail_key = _NO_PLANE

    def axis_names(self) -> tuple[str, str]:
        """The names of the plot's x and y axes."""
        if self.mode == "plane":
            if self.plane is not None and self.plane.explained is not None:
                e = self.plane.explained
                return (translate("LossSurface", "direction 1 ({share} of the path)").format(share=f"{e[0]:.0%}"),
                        translate("LossSurface", "direction 2 ({share})").format(share=f"{e[1]:.0%}"))
            return translate("LossSurface", "random direction 1"), translate("LossSurface", "random direction 2")
        if self.following():
            return self.pair_names
        if self.network_race is not None:
            e = self.network_race[0].plane.explained
            return (translate("LossSurface", "direction 1 ({share} of the paths)").format(share=f"{e[0]:.0%}"),
                    translate("LossSurface", "direction 2 ({share})").format(share=f"{e[1]:.0%}"))
        return self.race.surface.axes if self.race is not None else ("w1", "w2")

    def surface_at(self, x: float, y: float) -> float:
        """The loss the pane's surface shows at (x, y), evaluated exactly (not interpolated)."""
        if self.network_race is not None:
            net, plane = self._surface_net, self.network_race[0].plane
        elif self.racing():
            return float(self.race.surface.f(x, y))
        else:
            net, plane = self._surface_net, self.plane
        X, Y = self.sample()
        if plane is None:  # following an exact model
            return float(two_weight_grid(net, self.pair, np.array([x]), np.array([y]), X, Y)[0, 0])
        probe = net.copy()
        probe.theta[:] = plane.point(x, y)
        return probe.loss_value(X, Y)

    # -------------------------------------------------------------- the ball
    def ball_shown(self) -> bool:
        """Whether there is a surface to put the ball on."""
        return self.extent is not None and not (self.mode == "plane" and self.plane is None)

    def coordinates(self, state) -> tuple[float, float]:
        """The state's (x, y): its two parameters in an exact mode, its projection on the plane otherwise."""
        theta = state.theta
        if self.following():
            return float(theta[self.pair[0]]), float(theta[self.pair[1]])
        if self.plane is None:
            return 0.0, 0.0
        return self._projected("xy", theta, self.plane.project)

    def _projected(self, kind: str, array: np.ndarray, project) -> tuple[float, float]:
        """``project(array)`` on the plane on display, once per array: scrubbing the timeline shows the
        same states again, and a projection reads every parameter (6 ms for 784-512-512-512-10)."""
        hit = self._cached(kind, array)
        if hit is None:
            hit = project(array)
            self.remember(kind, array, hit, self.plane)
        return hit

    def _cached(self, kind: str, array: np.ndarray):
        """The remembered projection of ``array`` on the plane on display, else None."""
        projections = self._projections
        if projections[0]() is not self.plane:
            return None
        hit = projections[1].get((kind, id(array)))
        return hit[1] if hit is not None and hit[0]() is array else None

    def remember(self, kind: str, array: np.ndarray, ab: tuple, plane) -> None:
        """Remember ``array``'s projection ``ab`` on ``plane`` (nothing if that is no longer the plane on
        display).  Bounded (PROJECTIONS entries; weak references, so no array is kept alive by it)."""
        if plane is None or plane is not self.plane:
            return
        if self._projections[0]() is not plane:  # a weak reference: an old plane is not kept alive
            self._projections = (weakref.ref(plane), {})
        cache = self._projections[1]
        if len(cache) >= PROJECTIONS:
            cache.clear()
        cache[(kind, id(array))] = (weakref.ref(array), ab)

    def projections_due(self, state) -> list:
        """What drawing the ball at ``state`` would project onto the plane now: [(kind, array,
        project)], ``project(array) -> (a, b)`` plain NumPy (any thread), for the path's new points,
        the state's own point and its gradient; [] when all are remembered (or nothing is projected)."""
        plane = self.plane
        if self.following() or plane is None or not self.ball_shown():
            return []
        start = len(self._trail_steps) if plane is self._trail_key and not self._trail_stale() else 0
        due = [("xy", theta, plane.project) for step, theta in self.thetas[start:]
               if self._job_coords.get(step) is None and self._cached("xy", theta) is None]
        if self._cached("xy", state.theta) is None and not any(theta is state.theta for _, theta in self.thetas):
            due.append(("xy", state.theta, plane.project))
        if self._cached("gradient", state.grad_weights[0]) is None:
            pieces = [x for pair in zip(state.grad_weights, state.grad_biases) for x in pair]
            due.append(("gradient", state.grad_weights[0], lambda _: plane.project_layers(pieces)))
        return due

    def projects_in_background(self) -> bool:
        """Whether a state shown from the timeline is projected in the background (a big network)."""
        return self._probe is not None and self._probe.n_params >= BACKGROUND_PROJECTION_PARAMS

    def point(self, state) -> tuple[float, float]:
        """The state's coordinates: from the path's cache when the state is on the path."""
        steps, xy = self.trail(upto=state.step)
        k = bisect.bisect_left(steps, state.step)
        if k < len(steps) and steps[k] == state.step and self.thetas[k][1] is state.theta:
            self.last_point = xy[k]
        else:
            self.last_point = self.coordinates(state)
        return self.last_point

    def direction(self, state) -> tuple[float, float]:
        """The state's gradient in the pane's coordinates (projected onto the plane, in plane mode)."""
        if self.following():
            g = flat_gradient(state)
            return float(g[self.pair[0]]), float(g[self.pair[1]])
        pieces = [x for pair in zip(state.grad_weights, state.grad_biases) for x in pair]
        return self._projected("gradient", state.grad_weights[0], lambda _: self.plane.project_layers(pieces))

    def last_move(self, state, x: float, y: float) -> tuple[float, float] | None:
        """(dx, dy) of the update that brought the ball to (x, y), for momentum-like optimisers; else None."""
        steps, xy = self.trail(upto=state.step)
        k = bisect.bisect_left(steps, state.step)  # xy[k - 1]: the point before this state's
        if state.optimizer != "sgd" and k > 0:
            px, py = xy[k - 1]
            return x - px, y - py
        return None

    def trail(self, upto: int | None = None) -> tuple[list, list]:
        """(steps, (a, b) points) of the path on the surface on display, at least up to step ``upto``
        (all of it by default); each point is projected once (projecting 235k numbers is not free) and
        the list grows with the path.  While training plays the ball is drawn at a state whose path
        was projected in the background: the points recorded since are left for the next job."""
        plane = self.plane  # compared by identity (an id() can be reused by a new plane)
        if plane is not self._trail_key or self._trail_stale():
            self._trail_key, self._trail_steps, self._trail_xy = plane, [], []  # new plane, or a thinned or branched path
        for step, theta in self.thetas[len(self._trail_steps):]:
            if upto is not None and step > upto:
                break
            ab = self._job_coords.get(step) if self.plane is not None else None
            self._trail_steps.append(step)
            self._trail_xy.append(ab or self.coordinates(ThetaOnly(theta)))
        return self._trail_steps, self._trail_xy

    def _trail_stale(self) -> bool:
        """Whether the path was thinned or branched since its points were projected."""
        n = len(self._trail_steps)
        return n > len(self.thetas) or bool(n and (self.thetas[0][0] != self._trail_steps[0]
                                                   or self.thetas[n - 1][0] != self._trail_steps[-1]))

    def trail_points(self, upto: int | None = None) -> np.ndarray | None:
        """The path up to step ``upto`` (all of it by default) as (k, 2) points; None when there is
        no trail to draw (racing, no plane yet, an empty path)."""
        if self.racing() or (self.mode == "plane" and self.plane is None):
            return None
        steps, xy = self.trail(upto)
        k = len(steps) if upto is None else bisect.bisect_right(steps, upto)
        return np.array(xy[:k]) if k else None

    # ----------------------------------------------------------------- texts
    def ball_info(self, state, x: float, y: float) -> str | None:
        """The text below the plot for the ball at (x, y); None before there is a surface."""
        if self.surface_values is None or self.extent is None:
            return None
        if self.mode == "plane":
            return self.plane_info()
        X, _ = self.sample()
        true = self.probe_loss(state.theta)
        where = translate("LossSurface", "step {step}: {x_name} = {x}, {y_name} = {y}. Loss at the ball <b>{loss}</b> "
                          "(all {n} training samples)").format(
            step=state.step, x_name=self.pair_names[0], x=f"{x:.3f}", y_name=self.pair_names[1], y=f"{y:.3f}",
            loss=f"{true:.4f}", n=len(X))
        if self.mode == "neuron":
            return where + translate("LossSurface",
                                     ": w and b are the neuron's only parameters, so this surface is its whole loss.")
        return where + translate("LossSurface", "; the surface shows {shown} there: it holds the other {others} "
                                 "parameters as they were at step {step}.").format(
            shown=f"{self.surface_at(x, y):.4f}", others=len(state.theta) - 2, step=self.plane_step)

    def probe_loss(self, theta) -> float:
        """The true loss at ``theta`` (P,) on the surface's samples, with the state's normalisation statistics."""
        X, Y = self.sample()
        return self._probe.load_state(theta, self.state.norm_stats).loss_value(X, Y)

    def measure_job(self):
        """Plane mode: the job measuring, at the current state, the true loss, the plane's loss at the
        ball (the parameters' projection) and how far off the plane they are, ``compute(should_stop,
        on_row) -> (step, true, plane's, off-plane fraction)``; None in other modes."""
        if self.mode != "plane" or self.plane is None or self.state is None:
            return None
        X, Y = self.sample()
        return ball_losses(self.config, self.state, self.plane, X, Y)

    def plane_info(self) -> str:
        """Plane mode's text, in a student's words: what the slice is, and the loss ``measured`` at the ball."""
        state, e = self.state, self.plane.explained
        if e is None:
            plane = translate("LossSurface", "A slice through the loss along two random directions (training has not "
                              "moved far enough yet to say which directions matter).")
        else:
            plane = translate("LossSurface", "A slice through the loss along the two directions training moved the "
                              "weights most (<b>{first} + {second}</b> of their way so far).").format(
                first=f"{e[0]:.0%}", second=f"{e[1]:.0%}")
        m = self.measured
        batch = (translate("LossSurface", "last batch {loss}").format(loss=f"{state.loss:.4f}")
                 if np.isfinite(state.loss) else translate("LossSurface", "not trained yet"))
        if m is None or m[0] != state.step:
            loss = translate("LossSurface", "Step {step}: {batch}; measuring the loss at the ball...").format(
                step=state.step, batch=batch)
        else:
            loss = translate("LossSurface", "Step {step}: loss <b>{loss}</b> on {samples} ({batch}).").format(
                step=state.step, loss=f"{m[1]:.4f}", samples=samples_text(len(self.sample()[0])), batch=batch)
            if m[3] >= 5e-4:
                loss += translate("LossSurface", " The weights have left the slice a little: the map reads {loss} at "
                                  "the ball.").format(loss=f"{m[2]:.4f}")
        return f"{plane}<br>{loss}"

    def plane_details(self) -> str:
        """Plane mode's tooltip: the same in the precise words (principal directions, true loss, plane's loss)."""
        state, e = self.state, self.plane.explained
        if e is None:
            plane = translate("LossSurface", "Random filter-normalised directions through step {step} (the path is "
                              "too short for principal ones yet).").format(step=self.plane_step)
        else:
            plane = translate("LossSurface", "Plane through step {step} along the path's top two principal "
                              "directions: {first} + {second} of its movement.").format(
                step=self.plane_step, first=f"{e[0]:.0%}", second=f"{e[1]:.0%}")
        m = self.measured
        if m is None or m[0] != state.step:
            return plane
        off = (translate("LossSurface", "the parameters lie on the plane") if m[3] < 5e-4 else
               translate("LossSurface", "of the parameters' move since step {step}, {share} is off the plane").format(
                   step=self.plane_step, share=f"{m[3]:.0%}"))
        return plane + "\n" + translate(
            "LossSurface", "Step {step}, {samples}: true loss {true}, the plane's loss at the ball {plane} ({off}).\n"
            "A plane is a slice of a space with {n} dimensions: the loss off it can differ.").format(
            step=state.step, samples=samples_text(len(self.sample()[0])), true=f"{m[1]:.4f}", plane=f"{m[2]:.4f}",
            off=off, n=f"{len(state.theta):,}")

    def equal_axes(self) -> bool:
        """Whether both axes are in the same units and the landscape's shape matters (the race's made-up
        landscapes of two weights: a round bowl must look round)."""
        return self.mode == "race" and self.landscape in SURFACES

    # ------------------------------------------------------------------ race
    def race_surface(self):
        """The landscape the pane's own balls roll on in this mode."""
        if self.mode == "race":
            return SURFACES[self.landscape]
        if self.mode not in self._exact_surfaces:
            self._exact_surfaces[self.mode] = neuron_surface() if self.mode == "neuron" else zhou_surface()
        return self._exact_surfaces[self.mode]

    def new_race(self) -> str:
        """Every ball at the start of this mode's landscape (its (81, 81) grid the surface); returns the text."""
        surface = self.race_surface()
        self.race = Race(surface)
        self.extent = surface.extent
        self.surface_values = analytic_grid(surface, 81)
        text = surface_text(surface)
        if self.mode in FOLLOWS:
            text += (translate("LossSurface", " The window trains another network, so the balls here are the pane's "
                               "own; load the One neuron lesson to follow the trainer.") if self.mode == "neuron" else
                     translate("LossSurface", " The window trains another network, so the balls here are the pane's "
                               "own; load the Victor Zhou lesson to follow the trainer."))
        return text

    def network_race_job(self):
        """The job racing the optimisers on copies of the network on display, ``compute(should_stop,
        on_row) -> (NetworkRace, trails [(k, 2)], extent, (GRID, GRID) losses, net)``; None without a state."""
        self.race = None
        if self.state is None or self.config is None:
            return None
        X, Y = self.sample()
        return race_on_network(self.network_now(), self.data, X, Y, NETWORK_RACE_STEPS, self.resolution()[0])

    def network_race_done(self, result) -> str:
        """Adopt the network race's result (its first points shown); returns the text."""
        race, trails, extent, values, net = result
        self.network_race = [race, trails, 1]
        self.extent, self.surface_values, self._surface_net = extent, values, net
        e = race.plane.explained
        return network_race_text() + translate("LossSurface", " The plane holds {share} of their movement. Play "
                                               "replays the race.").format(share=f"{e[0] + e[1]:.0%}")

    def advance_network_race(self) -> bool:
        """One more point of every replayed path; True once they are all shown."""
        race, trails, shown = self.network_race
        self.network_race[2] = min(shown + 1, max(len(t) for t in trails))
        return self.network_race[2] >= max(len(t) for t in trails)

    def step_race(self) -> bool:
        """One step for every ball of the analytic race; True once it has run RACE_STEPS."""
        self.race.step()
        return self.race.steps >= RACE_STEPS

    def race_frame(self, colors) -> tuple[list, str]:
        """The runners' paths [(k, 2)] (the last point its ball) and the message naming them in ``colors``."""
        if self.network_race is not None:
            race, trails, shown = self.network_race
            paths = [t[:shown] for t in trails]
            step = min((shown - 1) * race.every, len(race.losses[0]))
            losses = [float(l[min(step, len(l)) - 1]) if step > 0 and len(l) else float("nan") for l in race.losses]
            labels = race.labels
        else:
            paths = [np.array(p) for p in self.race.trails]
            step, losses, labels = self.race.steps, self.race.losses(), self.race.labels
        text = "&nbsp; ".join(f'<span style="color:{c}">&#9679;</span>&nbsp;{l}&nbsp;{v:.3g}'
                              for l, v, c in zip(labels, losses, colors))
        what = (translate("LossSurface", "step {step}, batch loss: {runners}") if self.network_race is not None
                else translate("LossSurface", "step {step}, loss: {runners}"))
        return paths, what.format(step=step, runners=text)
