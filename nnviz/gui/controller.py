"""The controller: turns the user's requests into session and worker requests, and hands the
state on display to every view.

It owns the :class:`nnviz.session.Session` being studied and the trainer's worker thread.  A
lesson, a reset, an opened model or a new architecture make a new session; the worker switches
to it between two steps, and states or figures of the old one still on their way are dropped
(each carries its session's number).  Views only render: ``show_state`` gives them the state on
display; nothing here calls a private method of the trainer or shares a mutable network.
"""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QObject, QTimer
from threadpoolctl import threadpool_limits

from nnviz.core import NNVizError, Network, datasets
from nnviz.lessons import Lesson, find_lesson
from nnviz.session import ARCHITECTURE_KEYS, Session, clamp_batch, lesson_settings, spec_of
from nnviz.training import trainer_blas_threads, trainer_place
from nnviz.training.remote import ProcessWorker
from nnviz.training.worker import TrainerWorker, start_worker, stop_worker

from .fitted_text import short_number
from .inputs import shown_input
from .screen_fit import place_pad
from .language import current_language, error_text, translate
from .welcome import OVERFIT_HINT

#: The pane a lesson raises -> the window's dock.
PANE_DOCKS = {"network": None, "surface": "lossSurfaceDock", "curves": "curvesDock", "layers": "layersDock",
              "formulas": "formulaDock", "pad": "padDock"}


class Controller(QObject):
    """Between the window and the worker (GUI thread; a child of the window).

    Attributes:
        session: the Session being studied.
        current_state: the StepState on display (the newest, or an older one while rewinding).
        viewing_old: whether an older state than the newest is on display.
        dirty: trained since the last save.
    """

    def __init__(self, window, session: Session):
        super().__init__(window)
        self.w = window
        self.session = session
        self.current_state = None
        self.viewing_old = False
        self._dirty, self._clean_step = False, 0
        self.closing = False
        self._animate_next = False
        self.overfit_hinted = False
        # BLAS threads on purpose: the trainer never fights the GUI thread for a core (the window's own
        # NumPy runs one thread beside a trainer process; a trainer thread takes every other core).
        if trainer_place() == "process":
            threadpool_limits(1)
            self.worker, self.thread = ProcessWorker(session, lang=current_language()), None
        else:
            threadpool_limits(trainer_blas_threads())
            self.worker = TrainerWorker(session)
            self.thread = start_worker(self.worker)
        worker = self.worker
        worker.stepped.connect(self._on_stepped)
        worker.evaluated.connect(self._on_evaluated)
        worker.branched.connect(self._on_branched)
        worker.diverged.connect(self._on_diverged)
        worker.failed.connect(self._on_failed)
        worker.runningChanged.connect(self._on_running_changed)
        worker.speed.connect(self._on_speed)

    @property
    def dirty(self) -> bool:
        """Whether the session's network changed since it was loaded or saved (the history is
        thread-safe, so this holds even before the newest state reached the window)."""
        latest = self.session.history.latest()
        return self._dirty or (latest is not None and latest.step != self._clean_step)

    @dirty.setter
    def dirty(self, value: bool) -> None:
        latest = self.session.history.latest()
        self._dirty, self._clean_step = value, latest.step if latest is not None else 0

    def newest_state(self):
        """The session's newest kept state (the one to autosave)."""
        return self.session.history.latest() or self.current_state

    # ------------------------------------------------------------- sessions
    def start(self, session: Session) -> None:
        """Study ``session`` from now on: every view forgets the old one."""
        w = self.w
        self.session = session
        self._dirty, self._clean_step = False, session.state.step
        self.viewing_old = False
        w.hide_banner()
        w.curves.clear()
        w.curves.set_data(session.data)
        w.layer_charts.set_context(session.data)
        w.network_view.set_data(session.data)
        w.loss_surface.set_context(session.trainer.net.config(), session.data)
        surface = w.loss_surface
        if session.surface:
            surface.set_mode(session.surface)
        elif surface.current_mode in ("neuron", "zhou") and not surface.following():
            surface.set_mode("plane")  # an exact mode for another network: back to this one's plane
        w.pad_pane.set_dataset(session.data)
        w.pad_pane.setEnabled(session.pad)
        place_pad(w.docks["padDock"], session.pad)  # 2-D data: the pad's room goes to the other panes
        w.points.set_data(session.data)
        place_pad(w.docks["pointsDock"], session.data.n_inputs == 2)  # ... and the point editor takes it
        for key in ("loss", "accuracy", "test", "speed"):
            w.status_labels[key].setText("")
        dock = self.pane_dock(session.pane)
        if dock is not None:
            dock.show()
            dock.raise_()
        self.show_state(session.state)
        self.show_input(w.pad_pane.pad.shown_input())
        self.worker.load_session(session)

    def pane_dock(self, pane: str):
        """The dock of a lesson's pane name ("layers"...), or None (the diagram, or no pane)."""
        name = PANE_DOCKS.get(pane)
        return self.w.docks[name] if name else None

    def new_session(self, spec: dict, network: Network | None = None, lesson: Lesson | None = None,
                    data=None, training: dict | None = None) -> bool:
        """Build and start a session; a setting that cannot be built is reported in the controls."""
        try:
            session = Session.build(spec, training or self.w.controls.training(), network=network,
                                    custom=self.w.custom_data, data=data, lesson=lesson)
        except (NNVizError, ValueError) as e:
            self.w.controls.show_message(error_text(e))
            return False
        self.w.controls.show_message("")
        self.start(session)
        return True

    def replace_data(self, data) -> None:
        """Train on ``data`` from the next step, keeping the network (the points drawn on the plane):
        the views show the new data at once, the worker switches between two steps."""
        w = self.w
        w.network_view.set_data(data)
        w.layer_charts.set_data(data)
        w.loss_surface.set_data(data)
        self._dirty = True
        self.worker.replace_data(data)
        self.set_training(self.w.controls.training(), data)  # the controls' batch size, fitted to the points

    def may_discard(self, title: str, text: str) -> bool:
        """Whether the trained network on display may be thrown away (asks if it was not saved)."""
        state = self.current_state
        return state is None or state.step == 0 or not self.dirty or self.w.confirm(title, text)

    def load_lesson(self, which: int | str | Lesson) -> bool:
        """Load a lesson (index, start of its title, or a Lesson): its settings, its session, its panes."""
        lesson = which if isinstance(which, Lesson) else find_lesson(which)
        if not self.may_discard(translate("Controller", "Start the lesson?"),
                                translate("Controller", "The network you trained will be discarded (save it first "
                                                        "with Ctrl+S).")):
            self.w.controls.show_lesson(self.lesson())  # the box goes back to what is loaded
            return False
        self.w.welcome.hide()
        controls = self.w.controls
        controls.set_values(**lesson.values)
        controls.show_lesson(lesson)
        spec, _ = lesson_settings(lesson)
        self.w.model_path = None
        if not self.new_session(spec, lesson=lesson, training=controls.training()):
            return False
        controls.set_values(batch_size=self.session.training["batch_size"])  # fitted to the data
        return True

    def lesson(self) -> Lesson | None:
        """The lesson of the session on display, or None."""
        return find_lesson(self.session.lesson) if self.session.lesson else None

    def apply_settings(self, changes: dict) -> None:
        """Change settings as a guided lesson's step does: an architecture change starts a new session
        of the same lesson (without asking: the lesson asked for it); training settings apply from the
        next step."""
        controls = self.w.controls
        controls.set_values(**changes)
        if any(key in ARCHITECTURE_KEYS for key in changes):
            self.new_session(controls.architecture(), lesson=self.lesson(), training=controls.training())
        else:
            self.set_training(controls.training())

    def rebuild(self, spec: dict) -> None:
        """The data or the architecture changed in the controls."""
        state = self.current_state
        if not self.may_discard(translate("Controller", "Rebuild the network?"),
                                translate("Controller", "Changing the data or the architecture starts a new network; "
                                                        "the one trained for {steps} steps will be discarded (save it "
                                                        "first with Ctrl+S).").format(steps=f"{state.step:,}")):
            self._show_settings_of(self.session)
            return
        self.w.model_path = None
        self.w.controls.show_lesson(None)
        self.new_session(spec)

    def reset(self) -> None:
        """Fresh random weights of the architecture in the controls."""
        state = self.current_state
        if not self.may_discard(translate("Controller", "Reset the network?"),
                                translate("Controller", "The network trained for {steps} steps will be "
                                                        "discarded.").format(steps=f"{state.step:,}")):
            return
        try:
            spec = self.w.controls.architecture()
        except ValueError as e:
            self.w.controls.show_message(error_text(e))
            return
        self.w.model_path = None
        self.new_session(spec, lesson=self.lesson())

    def use_network(self, net: Network, data, lesson: Lesson | None = None, key: str | None = None) -> bool:
        """A session of an opened network on ``data`` (``key``: its name in the controls, default
        ``data.name``); the controls follow the network."""
        spec = {**spec_of(net, data, seed=self.session.spec.get("seed", 0)), "dataset": key or data.name}
        if spec["dataset"] not in self.w.custom_data and spec["dataset"] not in datasets.NAMES:
            self.w.data_files.register(spec["dataset"], data)  # a table read again for the model: in the controls
        self.w.controls.set_values(dataset=key or data.name, hidden=net.sizes[1:-1], activation=net.activation.name,
                                   loss=net.loss, output=net.output, norm=net.norm)
        self.w.controls.show_lesson(lesson)
        return self.new_session(spec, network=net, data=data, lesson=lesson)

    def _show_settings_of(self, session: Session) -> None:
        net = session.trainer.net
        self.w.controls.set_values(dataset=session.data.name, hidden=net.sizes[1:-1],
                                   activation=net.activation.name, loss=net.loss, output=net.output, norm=net.norm)

    def set_training(self, training: dict, data=None) -> None:
        """Training settings from the next step, the batch fitted to ``data`` (default: the session's)."""
        batch, message = clamp_batch(training["batch_size"], data if data is not None else self.session.data)
        self.w.controls.show_message(error_text(message))
        if message:
            self.w.controls.set_values(batch_size=batch)
        self.worker.set_training({**training, "batch_size": batch})

    def set_speed(self, steps_per_second: float) -> None:
        self.worker.set_speed(steps_per_second)

    def keep_parameters(self, theta) -> None:
        self._dirty = True
        self.worker.keep_parameters(np.array(theta, copy=True))

    def lower_learning_rate(self) -> None:
        """After a divergence: a tenth of the learning rate, from the last good step."""
        lr = self.w.controls.param("lr").value() / 10
        self.w.controls.param("lr").setValue(lr)  # emits trainingChanged -> the worker applies it
        self.worker.resume(lr)
        self.w.hide_banner()

    # ------------------------------------------------------------- transport
    def step(self, n: int = 1) -> None:
        """``n`` mini-batch updates; after a single one the diagram animates the backward pass."""
        if not self.continue_from_shown():
            return
        self._animate_next = n == 1
        self.worker.step(n)

    def step_epoch(self) -> None:
        training = self.session.training
        self.step(max(1, int(np.ceil(len(self.session.data.X_train) / training["batch_size"]))))

    def play(self) -> None:
        if self.continue_from_shown():
            self.worker.play()
            self.w.welcome.hide()  # a choice made: one strip at a time, the window keeps its height
            if self.session.pretrained and not self.overfit_hinted:  # once per run of the app
                self.overfit_hinted = True
                self.w.banner.show_message(
                    translate("WelcomeStrip", OVERFIT_HINT),
                    [(translate("Controller", "Start from scratch"),
                      translate("Controller", "The 3Blue1Brown lesson: the same network from fresh random weights, "
                                              "playing"), self.start_from_scratch)], kind="info")

    def start_from_scratch(self) -> None:
        """The 3Blue1Brown lesson from fresh weights, playing (the welcome strip's and the overfitting
        hint's way to watch a network learn)."""
        if self.load_lesson("3Blue1Brown"):
            self.play()

    def draw_a_digit(self) -> None:
        """Bring the drawing pad forward, ready to draw on."""
        dock = self.w.docks["padDock"]
        dock.show()
        dock.raise_()
        self.w.pad_pane.pad.setFocus()

    def pick_lesson(self) -> None:
        """Open the list of lessons."""
        dock = self.w.docks["controlsDock"]
        dock.show()
        dock.raise_()
        self.w.controls.preset.showPopup()

    def pause(self) -> None:
        self.worker.pause()

    def toggle_play(self) -> None:
        self.pause() if self.worker.running else self.play()

    def continue_from_shown(self) -> bool:
        """When an older step is on display, ask whether to branch from it (else go to the newest)."""
        shown, newest = self.current_state, self.session.history.latest()
        if self.viewing_old and shown is not None and newest is not None and shown.step < newest.step:
            if self.w.confirm(translate("Controller", "Continue from this step?"),
                              translate("Controller", "You are looking at step {step}. Continue training from here "
                                                      "and discard the {later} later steps? (No continues from the "
                                                      "newest step.)").format(step=f"{shown.step:,}",
                                                                              later=f"{newest.step - shown.step:,}")):
                self.worker.branch_from(shown)
            else:
                self.show_newest()
        self.viewing_old = False
        return True

    # ------------------------------------------------------------- timeline
    def show_index(self, index: int) -> None:
        """Show the history's ``index``-th kept state (0 = the oldest) in every pane."""
        history = self.session.history
        if not 0 <= index < len(history):
            return
        if self.worker.running:
            self.worker.pause()
        state = history[index]
        self.viewing_old = index < len(history) - 1
        self.show_state(state, rewound=True)
        self.w.loss_surface.show_step(state)

    def back_one_step(self) -> None:
        if self.worker.running:
            self.worker.pause()
        if self.current_state is not None:
            i = self.session.history.index_of_step(self.current_state.step)
            if i > 0:
                self.show_index(i - 1)

    def show_newest(self) -> None:
        self.show_index(len(self.session.history) - 1)

    # ------------------------------------------------------------- display
    def show_input(self, pad_input=None) -> None:
        """One input on display across the diagram, the formulas and the neuron panel, chosen by the
        pad: its input (a PadInput), or the probe sample when it is empty (None)."""
        caption, x, label = shown_input(self.session, pad_input)
        self.w.formulas.set_input(x, label, caption)
        self.w.network_view.set_input_caption(caption)

    def show_state(self, state, rewound: bool = False) -> None:
        """Hand ``state`` to every view, and its figures to the status bar and the timeline.  ``rewound``:
        a kept state shown again from the timeline, not a new point of the loss surface's path (the
        ball goes back along the path, which is neither cut nor projected again)."""
        w = self.w
        self.current_state = state
        w.network_view.set_state(state)
        if not rewound:
            w.loss_surface.set_state(state)
        if w.network_view.lab_network() is None:
            w.pad_pane.set_state(state)
        w.layer_charts.set_state(state)
        w.points.set_state(state)
        w.curves.set_state(state)
        w.curves.show_step(state.step if self.viewing_old else None)  # a mark at a rewound step
        if not self.worker.running:  # the formulas are for reading: not redrawn at full speed
            w.formulas.set_state(state)
        s = w.status_labels
        s["step"].setText(translate("Controller", "step {step}").format(step=f"{state.step:,}"))
        s["epoch"].setText(translate("Controller", "epoch {epoch}").format(epoch=f"{state.epoch:.2f}"))
        s["loss"].setText(translate("Controller", "loss {loss}").format(loss=short_number(state.loss))
                          if state.step else "")
        s["accuracy"].setText(translate("Controller", "batch accuracy {accuracy}").format(
            accuracy=f"{state.accuracy:.0%}") if state.step and np.isfinite(state.accuracy) else "")
        self._show_test_figures()
        w.timeline.show_position(self.session.history, state)
        w.files.update_title()

    def _show_test_figures(self) -> None:
        """The test figures of the step on display; while training, the newest with its step."""
        state, tests = self.current_state, self.session.tests
        label = self.w.status_labels["test"]
        figures = tests.at(state.step)
        at = ""
        if figures is None and not self.viewing_old and tests.latest() is not None:
            step, figures = tests.latest()
            at = translate("Controller", " (at step {step})").format(step=f"{step:,}") if step != state.step else ""
        if figures is None:
            label.setText(translate("Controller", "test: not measured at step {step}").format(step=f"{state.step:,}")
                          if self.viewing_old else "")
            return
        text = (translate("Controller", "test loss {loss}, accuracy {accuracy}") if np.isfinite(figures.accuracy)
                else translate("Controller", "test loss {loss}"))
        label.setText(text.format(loss=short_number(figures.loss), accuracy=f"{figures.accuracy:.1%}") + at)

    def _on_stepped(self, state) -> None:
        if self.closing or state.session != self.session.number:
            self.worker.frame_done()
            return
        w = self.w
        if not self.viewing_old:
            if state.step > w.curves.last_step:
                rows = self.session.history.rows_after(w.curves.last_step)
                w.curves.add_rows(rows)
                w.curves.schedule_redraw()
                w.layer_charts.add_rows(rows)
            self.show_state(state)
            if self._animate_next and state.step > 0:
                w.network_view.animate_backward(state)
        self._animate_next = False
        # After drawing; cancelled with the controller.  The worker's method, not one of ours: a
        # cancelled single shot keeps its callable (and whatever that holds) alive.
        QTimer.singleShot(0, self, self.worker.frame_done)

    def _on_branched(self, state) -> None:
        if state.session != self.session.number:
            return
        rows = self.session.history.rows_after(state.step - 1)  # the branch point's own: the rest goes
        self.w.curves.add_rows(rows)
        self.w.layer_charts.add_rows(rows)
        self.show_state(state)

    def _on_evaluated(self, session: int, step: int, loss: float, accuracy: float) -> None:
        if self.closing or session != self.session.number:
            return
        if step > 0:
            self.w.curves.add_test(step, loss, accuracy)
            self.w.curves.schedule_redraw()
        if self.current_state is not None:
            self._show_test_figures()

    def _on_diverged(self, state) -> None:
        if state.session == self.session.number:
            self.w.show_banner(error_text(state.message), diverged=True)

    def _on_failed(self, message: str) -> None:
        self.w.show_banner(message, diverged=False)

    def _on_speed(self, steps_per_second: float) -> None:
        if self.worker.running:
            self.w.status_labels["speed"].setText(translate("Controller", "{speed} steps/s").format(
                speed=f"{steps_per_second:,.0f}"))

    def _on_running_changed(self, running: bool) -> None:
        if self.closing:
            return
        w = self.w
        w.network_view.set_live(running)
        w.loss_surface.set_live(running)
        w.layer_charts.set_live(running)
        w.controls.set_running(running)
        if not running:
            w.status_labels["speed"].setText("")
            if self.current_state is not None:
                w.formulas.set_state(self.current_state)

    # ------------------------------------------------------------- lifetime
    def shutdown(self) -> None:
        """Stop the worker for good (it and its thread delete themselves)."""
        self.closing = True
        stop_worker(self.worker)
