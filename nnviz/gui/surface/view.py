"""The loss-surface pane's widgets and drawing: LossSurfaceView (the modes' logic is in :mod:`.modes`).

The view owns the combo boxes, the race's buttons, the plot (heat map, contours, colour bar, the
ball with its trail and arrows, the race's runners), the optional 3-D landscape and the texts.  It
tells its :class:`~.modes.LossSurfaceModel` the mode and the landscape, runs the jobs the model
builds in the background (:class:`~.jobs.SurfaceJobs`) and draws what the model works out.
"""
from __future__ import annotations

import time

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer
from PySide6.QtWidgets import (QCheckBox, QComboBox, QHBoxLayout, QLabel, QPushButton, QSizePolicy,
                               QStackedWidget, QVBoxLayout, QWidget)

from nnviz.core.surface import SURFACES

from .jobs import SurfaceJobs
from .modes import (COMPUTING_TEXT, MODES, NETWORK_RACING_TEXT, NO_NETWORK_TEXT, THIS_NETWORK, LossSurfaceModel,
                    landscape_name, network_race_text, surface_text)
from .plot import CMAP, RUNNER_COLORS, SurfacePlot
from .view_3d import Landscape3D, opengl_available
from ..fitted_text import ElidedCombo, TallLabel
from ..language import translate
from ..screen_fit import compact

#: The legend of the ball, its trail and arrows (the arrows' swatches on the map's dark ground).
LEGEND = QT_TRANSLATE_NOOP(
    "LossSurface", "<span style='color:#ff3d00'>&#9679;</span> now &nbsp;<span style='color:#ff7043'>&#9473;&#9473;</span> "
    "path &nbsp;<span style='background-color:#333; color:#ffffff'>&nbsp;&#10230;&nbsp;</span> downhill "
    "&nbsp;<span style='background-color:#333; color:#00e5ff'>&nbsp;&#10230;&nbsp;</span> last step")
LIVE_BALL_SECONDS = 0.25  # while training plays, the ball moves at most four times a second (a plot repaint)
MEASURE_MS = 150  # the plane's true-vs-plane loss is measured this long after the ball moved (coalesced)


def _from_model(name: str, doc: str) -> property:
    return property(lambda self: getattr(self.model, name), doc=doc + " (the model's, read-only)")



#: Lines of text kept free under the map from the start: a text that rewraps while training plays
#: then leaves the plot's size alone (a resized plot repaints everything, axes and surface included).
INFO_LINES = 6


class LossSurfaceView(QWidget):
    """The pane (objectName ``lossSurfaceView``); see the package docstring.

    ``set_context(config, data)`` when the network or data change, ``set_state(state)`` for each
    state on display (moves the ball, <= 2 ms), ``set_history(states)`` and ``show_step(i)`` when
    scrubbing the timeline, ``set_live(running)``, ``shutdown()`` before closing; ``set_mode(key)``
    with a key of MODES.
    """

    config = _from_model("config", "The network's config dict")
    data = _from_model("data", "The data set")
    state = _from_model("state", "The state the ball shows")
    history = _from_model("history", "The window's states, for show_step(index)")
    thetas = _from_model("thetas", "The path: [(step, theta (P,))], oldest first")
    plane = _from_model("plane", "The plane the surface lies on (None in an exact mode)")
    plane_step = _from_model("plane_step", "The step whose parameters the surface passes through")
    extent = _from_model("extent", "(x0, x1, y0, y1) of the surface on display")
    surface_values = _from_model("surface_values", "The surface on display, (n, n) losses, rows along y")
    race = _from_model("race", "The pane's own analytic Race")
    network_race = _from_model("network_race", "[NetworkRace, trails (k, 2) each, points shown]")
    pair = _from_model("pair", "The indices into theta of an exact mode's two parameters")
    pair_names = _from_model("pair_names", "Their names")

    @property
    def trail(self):
        """The curve of the ball's path on the plot."""
        return self.plot.trail

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("lossSurfaceView")
        self.model = LossSurfaceModel()
        self._last_ball = 0.0

        self.mode = ElidedCombo()
        self.mode.setObjectName("surfaceModeCombo")
        for key, (text, tip) in MODES.items():
            self.mode.addItem(translate("LossSurface", text), key)
            self.mode.setItemData(self.mode.count() - 1, translate("LossSurface", tip), Qt.ToolTipRole)
        self.mode.setToolTip(translate("LossSurface", "What the surface shows (hover over an entry for details)"))
        self.landscape = ElidedCombo()
        self.landscape.setObjectName("raceSurfaceCombo")
        for name, s in SURFACES.items():  # shown in the window's language, the key kept as the item's data
            self.landscape.addItem(landscape_name(name), name)
            self.landscape.setItemData(self.landscape.count() - 1, surface_text(s), Qt.ToolTipRole)
        self.landscape.addItem(landscape_name(THIS_NETWORK), THIS_NETWORK)
        self.landscape.setItemData(self.landscape.count() - 1, network_race_text(), Qt.ToolTipRole)
        self.landscape.setToolTip(translate("LossSurface", "The landscape the race runs on"))
        for combo, chars in ((self.mode, 14), (self.landscape, 6)):  # narrow docks: elide, do not force a width
            combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(chars)
        self.race_step = QPushButton(translate("LossSurface", "Step"))
        self.race_step.setToolTip(translate("LossSurface", "One step for every ball"))
        self.race_play = QPushButton(translate("LossSurface", "Play"))
        self.race_play.setCheckable(True)
        self.race_play.setToolTip(translate("LossSurface", "Let the balls roll (the trainer is not involved)"))
        self.race_reset = QPushButton(translate("LossSurface", "Restart"))
        self.race_reset.setToolTip(translate("LossSurface", "Put every ball back at the start"))
        ok, why = opengl_available()
        self.three_d = QCheckBox(translate("LossSurface", "3-D"))  # short: why it is off is in its tooltip
        self.three_d.setEnabled(ok)
        self.three_d.setToolTip(translate("LossSurface", "Show the surface as a 3-D landscape (drag to turn it)")
                                if ok else why)
        self.message = QLabel()
        self.message.setObjectName("surfaceMessage")
        self.message.setTextFormat(Qt.RichText)
        self.message.setWordWrap(True)
        self.info = TallLabel(lines=INFO_LINES, steady=True)
        self.info.setObjectName("surfaceInfo")
        self.info.setTextFormat(Qt.RichText)
        self.info.setAlignment(Qt.AlignLeft | Qt.AlignTop)

        self.plot = SurfacePlot()
        # What the marks on the map are, below it: a legend inside the map covered the map and the trail.
        self.legend = QLabel(translate("LossSurface", LEGEND))
        self.legend.setObjectName("surfaceLegend")
        self.legend.setTextFormat(Qt.RichText)
        self.legend.setWordWrap(True)
        self.legend.setToolTip(translate("LossSurface", "The ball: the network's parameters now (on this map); the "
                                         "orange line: the way they came; the white arrow: downhill, the negative "
                                         "gradient of the last step; the cyan arrow: the step the optimiser actually "
                                         "took (with momentum or Adam it differs from the gradient)"))
        self.stack = QStackedWidget()
        self.stack.addWidget(self.plot)
        self.landscape3d: Landscape3D | None = None

        # Two rows, so the race's controls never widen the dock (nor the window): the mode and 3-D;
        # below, while racing, the landscape and the race's buttons.
        bar = QHBoxLayout()
        bar.addWidget(self.mode, 3)
        bar.addWidget(self.three_d)
        bar.addStretch(1)
        race_bar = QHBoxLayout()
        for w in (self.landscape, self.race_step, self.race_play, self.race_reset):
            race_bar.addWidget(w)
        race_bar.addStretch(1)
        compact(self.race_step, self.race_play, self.race_reset)
        # The mode names in full when there is room, elided when the dock is narrow.
        self.mode.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
        metrics = self.mode.fontMetrics()
        longest = max(metrics.horizontalAdvance(self.mode.itemText(i)) for i in range(self.mode.count()))
        self.mode.setMaximumWidth(longest + 40)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(bar)
        layout.addLayout(race_bar)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.legend)
        layout.addWidget(self.info)
        layout.addWidget(self.message)

        self.jobs = SurfaceJobs(self)
        self.jobs.row.connect(self._on_row)
        self.jobs.done.connect(self._on_done)
        self.jobs.failed.connect(self._on_failed)
        self.measures = SurfaceJobs(self)  # the true and the plane's loss at the ball
        self.measures.done.connect(self._on_measured)
        self.projections = SurfaceJobs(self)  # while training plays: the ball's projections onto the plane
        self.projections.done.connect(self._on_projected)
        self.race_timer = QTimer(self)
        self.race_timer.setInterval(60)
        self.race_timer.timeout.connect(self.step_race)
        self._measure_timer = QTimer(self)
        self._measure_timer.setSingleShot(True)
        self._measure_timer.setInterval(MEASURE_MS)
        self._measure_timer.timeout.connect(self._measure_ball)
        self.mode.currentIndexChanged.connect(self._mode_changed)
        self.landscape.currentIndexChanged.connect(self._landscape_changed)
        self.race_step.clicked.connect(self.step_race)
        self.race_play.toggled.connect(self._race_play_toggled)
        self.race_reset.clicked.connect(self.restart_race)
        self.three_d.toggled.connect(self._toggle_3d)
        self.model.landscape = self.landscape.currentData()
        self._mode_changed()

    # ---------------------------------------------------------------- public
    @property
    def current_mode(self) -> str:
        """"plane", "neuron", "zhou" or "race" (a key of MODES)."""
        return self.model.mode

    def set_mode(self, key: str) -> None:
        """Show the mode ``key`` (a key of MODES), with or without a network or a state yet."""
        if key not in MODES:
            raise ValueError(f"unknown loss-surface mode {key!r}: one of {', '.join(MODES)}")
        self.mode.setCurrentIndex(list(MODES).index(key))

    def following(self) -> bool:
        """Whether an exact mode follows the trainer (the window trains that very model)."""
        return self.model.following()

    def racing(self) -> bool:
        """Whether the pane runs its own balls (the race, or an exact model the window does not train)."""
        return self.model.racing()

    def set_context(self, config: dict, data) -> None:
        """A new network shape or data set: forget the path, start a new surface at the next state."""
        switch = self.model.set_context(config, data)
        if switch is not None:
            self.set_mode(switch)
        elif not self.model.keeps_race():
            self._mode_changed()

    def set_data(self, data) -> None:
        """New samples for the same network (points drawn on the plane): the next surface is
        measured on them; the path is kept."""
        self.model.data = data

    def set_state(self, state) -> None:
        """Move the ball to ``state`` (and start a new surface when it is due)."""
        if not self.model.accepts(state):
            return
        self.model.record(state)
        if self.racing() or not self.isVisible():
            return
        if self.model.surface_due(self.jobs.busy()):
            self.request_surface()
        now = time.perf_counter()
        if not self.model.live:
            self._draw_ball(state)
        elif now - self._last_ball >= LIVE_BALL_SECONDS:
            self._last_ball = now
            self._draw_ball_soon(state)

    def set_history(self, states) -> None:
        """The window's kept states, oldest first (after loading a run, or when the pane starts late):
        they become the path, the last one the ball."""
        if self.model.set_history(states) and not self.racing() and self.isVisible():
            self.request_surface()
            self._draw_ball(self.model.state)

    def show_step(self, index_or_state) -> None:
        """Scrubbing the timeline: the ball goes back along its trail to a state, or to the
        ``index``-th state of ``set_history``'s list; a big network's state not projected yet is
        projected in the background first (the slider moves on meanwhile)."""
        state = self.model.show_step(index_or_state)
        if state is None or self.racing():
            return
        due = self.model.projections_due(state) if self.model.projects_in_background() else []
        if due:  # the newest request wins: the ball goes where the slider stopped
            self._project_then_draw(state, due)
        else:
            self._draw_ball(state)

    def set_live(self, live: bool) -> None:
        """True while training plays: new surfaces at most every LIVE_RECOMPUTE_SECONDS, the ball at most
        four times a second; when it stops, the surface and the ball catch up."""
        self.model.live = live
        if not live:
            self.projections.cancel()
        if not live and self.model.state is not None and not self.racing():
            if self.model.surface_due(self.jobs.busy()):
                self.request_surface()
            self._draw_ball(self.model.state)

    def shutdown(self) -> None:
        """Stop the race, the measurements and any surface computation (waits for it; idempotent)."""
        self.race_timer.stop()
        self._measure_timer.stop()
        self.jobs.shutdown()
        self.measures.shutdown()
        self.projections.shutdown()

    def ball_position(self) -> tuple[float, float] | None:
        """The ball's (x, y) in the pane's coordinates (the first runner's in a race)."""
        return self.plot.ball_position(self.racing())

    def surface_at(self, x: float, y: float) -> float:
        """The loss the pane's surface shows at (x, y), evaluated exactly (not interpolated)."""
        return self.model.surface_at(x, y)

    def request_surface(self) -> None:
        """Compute the surface for the current state in the background (the newest request wins)."""
        compute = self.model.surface_job()
        if compute is not None:
            self.info.setText(translate("LossSurface", COMPUTING_TEXT))
            self.jobs.submit(compute)

    # -------------------------------------------------------------- surfaces
    def _on_failed(self, _token: int, message: str) -> None:
        self.info.setText(translate("LossSurface", "The surface could not be computed: {error}").format(error=message))

    def _race_play_toggled(self, on: bool) -> None:
        self.race_timer.start() if on else self.race_timer.stop()

    def _on_row(self, token: int, i: int, values) -> None:
        model = self.model
        if token != self.jobs.token or model.pending is None or self.racing():
            return
        if i == 0:  # the first row of a new surface: switch over to it
            model.adopt(model.pending)
            model.surface_values = np.full((len(values), len(values)), np.nan)  # grid x grid
            if model.live and model.state is not None:
                self._draw_ball_soon(model.state)  # the path too, projected in the background
            else:
                self.plot.show_trail(model.trail_points())
        if model.surface_values is None:
            return
        model.surface_values[i] = values
        if i % 20 == 19:  # a slow surface appears as it is computed
            self._show_surface()

    def _on_done(self, token: int, values) -> None:
        if token != self.jobs.token:
            return
        if self.racing():
            if self.current_mode == "race":
                self._network_race_done(values)
            return
        self.model.adopt(self.model.pending)
        self.model.surface_done()
        self.model.surface_values = values
        self._show_surface()
        if self.model.state is not None:
            (self._draw_ball_soon if self.model.live else self._draw_ball)(self.model.state)
            if self.model.surface_due(self.jobs.busy()):  # training moved on while this one was computed
                self.request_surface()

    def _show_surface(self) -> None:
        """The model's surface on the plot (and on the 3-D landscape when there is one)."""
        model = self.model
        shown = self.plot.show_surface(model.surface_values, model.extent, model.axis_names())
        if shown is not None and self.landscape3d is not None:
            self.landscape3d.set_surface(shown, model.extent)
            self._sync_3d()

    def _clear_surface(self) -> None:
        self.model.clear_surface()
        self.plot.clear_surface()
        self.info.setText("")

    # -------------------------------------------------------------- the ball
    def _draw_ball_soon(self, state) -> None:
        """While training plays: the ball at ``state`` once its projections onto the plane (the path's
        new points, its own, its gradient: 0.5 ms each for 784-512-512-512-10, more when another thread
        holds Python's lock) are worked out in a background thread; at once when there are none.  On a
        new plane, the path kept while its surface was computed is projected so too (on the GUI
        thread, those projections stalled the window for 70 to 120 ms every six seconds).  While
        one is being worked out no other starts (a busy machine: the ball waits for it, then goes on)."""
        if self.projections.busy():
            return
        due = self.model.projections_due(state)
        if not due:
            self._draw_ball(state)
            return
        self._project_then_draw(state, due)

    def _project_then_draw(self, state, due: list) -> None:
        """Work out ``due`` (:meth:`LossSurfaceModel.projections_due`) in the background thread, then
        draw the ball at ``state`` if it is still the one to draw (:meth:`_on_projected`)."""
        plane = self.model.plane
        self.projections.submit(lambda should_stop, on_row: (state, plane, [(kind, array, project(array))
                                                                             for kind, array, project in due]))

    def _on_projected(self, token: int, result) -> None:
        state, plane, projected = result
        for kind, array, ab in projected:  # kept even when a newer job came meanwhile (if the plane is the same)
            self.model.remember(kind, array, ab, plane)
        if (token == self.projections.token and (self.model.live or state is self.model.state)
                and plane is self.model.plane and not self.racing()):  # (playing stopped: drawn at once)
            self._draw_ball(state)

    def _draw_ball(self, state) -> None:
        """The ball at ``state``, its trail up to it, the gradient and last-update arrows, the text."""
        model = self.model
        if not model.ball_shown():
            return
        x, y = model.point(state)
        self.plot.show_ball(x, y, model.trail_points(upto=state.step), model.direction(state),
                            model.last_move(state, x, y))
        self._update_info(state, x, y)
        self._sync_3d()

    def _update_info(self, state, x, y) -> None:
        text = self.model.ball_info(state, x, y)
        if text is None:
            return
        self.info.setText(text)
        self.info.setToolTip(self.model.plane_details() if self.current_mode == "plane" else "")
        if self.current_mode == "plane" and not self._measure_timer.isActive():  # while training plays, once a second
            self._measure_timer.start(1000 if self.model.live else MEASURE_MS)

    def _measure_ball(self) -> None:
        """Plane mode, shortly after the ball moved, in the background: the losses at the ball."""
        compute = self.model.measure_job()
        if compute is not None:
            self.measures.submit(compute)

    def _on_measured(self, token: int, result) -> None:
        if token == self.measures.token and self.current_mode == "plane" and self.model.plane is not None:
            self.model.measured = result
            self.info.setText(self.model.plane_info())
            self.info.setToolTip(self.model.plane_details())

    # ------------------------------------------------------------------ race
    def restart_race(self, *_):
        """Every ball back at the start (or, on "this network", a new race from its current parameters)."""
        self.race_play.setChecked(False)
        if not self.racing():
            return
        self.model.network_race = None
        if self.model.network_race_mode():
            self._start_network_race()
            return
        text = self.model.new_race()
        self._show_surface()
        self.info.setText(text)
        self._draw_race()

    def _start_network_race(self) -> None:
        """Race the optimisers on copies of the network on display, in the background."""
        compute = self.model.network_race_job()
        self.plot.clear_runners()
        if compute is None:
            self.info.setText(translate("LossSurface", NO_NETWORK_TEXT))
            return
        self.info.setText(translate("LossSurface", NETWORK_RACING_TEXT))
        self.jobs.submit(compute)

    def _network_race_done(self, result) -> None:
        text = self.model.network_race_done(result)
        self._show_surface()
        self.info.setText(text)
        self._draw_race()

    def step_race(self) -> None:
        """One step for every ball of the pane's own race."""
        if not self.racing():
            return
        if self.model.network_race is not None:
            done = self.model.advance_network_race()
            self._draw_race()
            if done:
                self.race_play.setChecked(False)
            return
        if self.model.race is None:
            if self.model.network_race_mode():
                return
            self.restart_race()
        done = self.model.step_race()
        self._draw_race()
        if done:
            self.race_play.setChecked(False)

    def _draw_race(self) -> None:
        paths, message = self.model.race_frame(RUNNER_COLORS)
        self.plot.show_runners(paths)
        self.message.setText(message)
        self._sync_3d()

    def _landscape_changed(self, *_):
        self.model.landscape = self.landscape.currentData()
        self.plot.set_equal_axes(self.model.equal_axes())
        self.restart_race()

    def _mode_changed(self, *_):
        self.model.mode = self.mode.currentData()
        racing = self.racing()
        self.jobs.cancel()  # whatever was computing belongs to the previous mode
        self.plot.set_racing(racing)
        self.legend.setVisible(not racing)  # the race names its balls, in colour, below the plot
        self.plot.set_equal_axes(self.model.equal_axes())
        self.landscape.setVisible(self.current_mode == "race")
        for w in (self.race_step, self.race_play, self.race_reset):
            w.setVisible(racing)
        self.race_timer.stop()
        self.race_play.setChecked(False)
        self._clear_surface()
        self.message.setText("")
        if racing:
            self.restart_race()
        else:
            self.model.network_race = self.model.race = None
            if self.model.state is not None and self.isVisible():
                self.request_surface()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self.racing() and self.model.state is not None and self.model.surface_values is None:
            self.request_surface()

    # ------------------------------------------------------------------- 3-D
    def _toggle_3d(self, on: bool) -> None:
        if on and self.landscape3d is None:
            self.landscape3d = Landscape3D(CMAP)
            self.stack.addWidget(self.landscape3d.widget)
        self.stack.setCurrentWidget(self.landscape3d.widget if on else self.plot)
        if on and self.model.surface_values is not None:
            self._show_surface()

    def _sync_3d(self) -> None:
        """Show the 2-D view's balls and trails on the 3-D landscape too."""
        if self.landscape3d is None or self.stack.currentWidget() is not self.landscape3d.widget:
            return
        self.landscape3d.set_paths(self.plot.paths(self.racing()))

    def closeEvent(self, event) -> None:
        self.shutdown()
        super().closeEvent(event)
