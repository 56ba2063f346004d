"""The main window: panes in docks, the controls dock, the timeline, menus and shortcuts.

Layout only.  What is being studied is the :class:`nnviz.session.Session`
(``window.session``); the :class:`nnviz.gui.controller.Controller` turns requests into session and
worker requests and hands the state on display to the panes; files live in
:class:`nnviz.gui.model_files.ModelFiles`.  The scripting API (see README.md) is the handful of
methods below that delegate to them.
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QByteArray, QCoreApplication, QEventLoop, QSettings, QSize, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow, QMessageBox, QTabBar

from nnviz.core import datasets
from nnviz.session import FIRST_ARCHITECTURE, Session

from . import lifetime
from .banner import Banner
from .controller import Controller
from .controls import ControlsPanel
from .curves import CurvesView
from .data_files import DataFiles
from .drawing_pad import DigitPadPane
from .formula_view import FormulaView
from .guide_panel import Guide
from .help_texts import about_html, shortcuts_text
from .language import translate
from .layer_charts import LayerChartsView
from .menus import build_menus
from .model_files import ModelFiles
from .screen_fit import FittedStatusBar, ScreenFit, StatusLabel, place_pad, preferred_size
from .network_view import NetworkView
from .point_editor import PointEditor
from .surface import LossSurfaceView
from .timeline import TimelineBar
from .welcome import WelcomeStrip

#: The window's title: the product's name, the same in every language.
APP_NAME = "nnviz"
#: (object name, title, attribute, area) of each dock; the titles are shown translated.
DOCKS = [("controlsDock", QT_TRANSLATE_NOOP("MainWindow", "Controls"), "controls", Qt.LeftDockWidgetArea),
         ("padDock", QT_TRANSLATE_NOOP("MainWindow", "Drawing pad"), "pad_pane", Qt.RightDockWidgetArea),
         ("pointsDock", QT_TRANSLATE_NOOP("MainWindow", "Points"), "points", Qt.RightDockWidgetArea),
         ("lossSurfaceDock", QT_TRANSLATE_NOOP("MainWindow", "Loss surface"), "loss_surface", Qt.BottomDockWidgetArea),
         ("curvesDock", QT_TRANSLATE_NOOP("MainWindow", "Curves"), "curves", Qt.BottomDockWidgetArea),
         ("layersDock", QT_TRANSLATE_NOOP("MainWindow", "Layers"), "layer_charts", Qt.BottomDockWidgetArea),
         ("formulaDock", QT_TRANSLATE_NOOP("MainWindow", "Formulas"), "formulas", Qt.BottomDockWidgetArea)]
STATUS = (("step", QT_TRANSLATE_NOOP("MainWindow", "Updates applied so far")),
          ("epoch", QT_TRANSLATE_NOOP("MainWindow", "Passes over the training set")),
          ("loss", QT_TRANSLATE_NOOP("MainWindow", "Loss of the last mini-batch")),
          ("accuracy", QT_TRANSLATE_NOOP("MainWindow", "Accuracy on the last mini-batch")),
          ("test", QT_TRANSLATE_NOOP("MainWindow", "Loss and accuracy on the held-out test set, measured at the step "
                                     "on display (while training: the newest measurement, with its step)")),
          ("speed", QT_TRANSLATE_NOOP("MainWindow", "Training speed while playing")))


class MainWindow(QMainWindow):
    """nnviz's window.

    Attributes:
        session: the Session being studied (``.data``, ``.lesson``, ``.history``, ``.tests``).
        current_state: the StepState on display (the newest, or an older one while rewinding).
        controller, files: the requests' and the files' halves of the window.
        confirm: ``confirm(title, text) -> bool`` asks the user (tests replace it).
    """

    def __init__(self, settings: QSettings | None = None, remember: bool = True, data_dir=None):
        """``settings`` holds the layout and the last settings (default: the user's);
        ``remember=False`` neither reads nor writes them, nor autosaves (screenshots);
        ``data_dir`` is where an unsaved trained network is kept (default: nnviz's data folder,
        :func:`nnviz.gui.model_files.default_data_dir`)."""
        super().__init__()
        lifetime.install(QApplication.instance())
        self.setWindowTitle(APP_NAME)
        self.setObjectName("mainWindow")
        self.settings = settings if settings is not None else QSettings("nnviz", "nnviz")
        self.remember = remember
        self.confirm = self._ask
        self.custom_data: dict = {}
        self.model_path: Path | None = None
        self._layout_restored = False
        self._sized = False

        self._build_panes()
        self.timeline = TimelineBar(self)
        self.addToolBar(Qt.BottomToolBarArea, self.timeline)
        self.banner = Banner(self)
        self.addToolBar(Qt.TopToolBarArea, self.banner)
        self.addToolBarBreak(Qt.TopToolBarArea)
        self.welcome = WelcomeStrip(self)  # first launch only (remembered in the settings)
        self.addToolBar(Qt.TopToolBarArea, self.welcome)
        self._build_status()
        self.files = ModelFiles(self, data_dir)
        self.data_files = DataFiles(self)  # File > Open data, tables dropped on the window, drawn points
        build_menus(self)  # File, Train, View, Help (gui/menus.py)

        spec, training = self._initial_settings(remember)
        session, note = Session.first(spec, training)
        self.controller = Controller(self, session)
        self._connect()
        self.controller.set_speed(float(self.controls.speed.currentData()))
        self.controller.start(session)
        if note:
            self.show_banner(note)
        lifetime.track(self)
        if remember:
            self._restore_layout()
            self.files.offer_autosave()
        self.welcome.offer(self.settings if remember else None)

    # ------------------------------------------------------------ scripting API
    @property
    def session(self) -> Session:
        return self.controller.session

    @property
    def current_state(self):
        return self.controller.current_state

    def load_lesson(self, which) -> bool:
        """Load a lesson by index, by the start of its title, or a :class:`nnviz.lessons.Lesson`."""
        return self.controller.load_lesson(which)

    def step(self, n: int = 1) -> None:
        self.controller.step(n)

    def wait_for_step(self, step: int, timeout: float = 30.0, stopped: bool = False) -> bool:
        """For scripts: handle events until the window shows step ``step`` or later (or the run
        diverged), with ``stopped`` until training has stopped too (the trainer runs in its own
        process, which starts with the window); False after ``timeout`` seconds."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            QCoreApplication.processEvents(QEventLoop.AllEvents, 10)
            state = self.current_state
            if (state is not None and (state.step >= step or state.diverged)
                    and not (stopped and self.controller.worker.running)):
                return True
            time.sleep(0.002)
        return False

    def step_epoch(self) -> None:
        self.controller.step_epoch()

    def play(self) -> None:
        self.controller.play()

    def pause(self) -> None:
        self.controller.pause()

    def toggle_play(self) -> None:
        self.controller.toggle_play()

    def reset(self) -> None:
        self.controller.reset()

    def open_model(self, path) -> bool:
        return self.files.open(path)

    def save_model_to(self, path) -> bool:
        return self.files.save_to(path)

    def export(self, widget, path) -> bool:
        return self.files.export(widget, path)

    def autosave(self) -> bool:
        return self.files.autosave()

    # ------------------------------------------------------------------ layout
    def _build_panes(self) -> None:
        self.setDockNestingEnabled(True)
        self.network_view = NetworkView()
        self.loss_surface = LossSurfaceView()
        self.pad_pane = DigitPadPane()
        self.points = PointEditor()
        self.curves = CurvesView()
        self.layer_charts = LayerChartsView()
        self.formulas = FormulaView()
        self.controls = ControlsPanel()
        self.controls.setObjectName("controlsPanel")  # the dock itself is "controlsDock"
        self.docks = {}
        for name, title, attribute, area in DOCKS:
            dock = QDockWidget(translate("MainWindow", title), self)
            dock.setObjectName(name)
            dock.setWidget(getattr(self, attribute))
            dock.setFeatures(QDockWidget.DockWidgetMovable | QDockWidget.DockWidgetFloatable
                             | QDockWidget.DockWidgetClosable)
            self.addDockWidget(area, dock)
            self.docks[name] = dock
        # The points take the pad's place on 2-D data (place_pad shows one and hides the other; tabified,
        # the hidden one left a stray tab bar that grew the window 35 px past a 720-px screen).
        self.splitDockWidget(self.docks["lossSurfaceDock"], self.docks["curvesDock"], Qt.Horizontal)
        self.tabifyDockWidget(self.docks["curvesDock"], self.docks["layersDock"])
        self.tabifyDockWidget(self.docks["layersDock"], self.docks["formulaDock"])
        self.docks["curvesDock"].raise_()
        self.tabifiedDockWidgetActivated.connect(self.update_on_screen)
        for name in ("curvesDock", "layersDock", "formulaDock"):
            self.docks[name].topLevelChanged.connect(self.update_on_screen)
            self.docks[name].visibilityChanged.connect(self.update_on_screen)
        # Controls and pad run the full height at the sides; the network in the middle, surface and curves below.
        for corner, area in ((Qt.TopLeftCorner, Qt.LeftDockWidgetArea), (Qt.BottomLeftCorner, Qt.LeftDockWidgetArea),
                             (Qt.TopRightCorner, Qt.RightDockWidgetArea),
                             (Qt.BottomRightCorner, Qt.RightDockWidgetArea)):
            self.setCorner(corner, area)
        # The network diagram is the stage: the central widget, which every dock arranges itself around.
        self.setCentralWidget(self.network_view)
        self.screen_fit = ScreenFit(self)  # inside the screen's available geometry, always
        self.resize(preferred_size(self))

    def _connect(self) -> None:
        """Controls, views and timeline -> the controller's named requests (bound methods only)."""
        c, b = self.controller, self.controls.buttons
        self.controls.architectureChanged.connect(c.rebuild)
        self.controls.trainingChanged.connect(c.set_training)
        self.controls.speedChanged.connect(c.set_speed)
        self.controls.lessonChosen.connect(c.load_lesson)
        self.guide = Guide(self, self.controls.guide)
        self.controls.lessonShown.connect(self.guide.show_lesson)
        b["stepButton"].clicked.connect(self._step1)
        b["step10Button"].clicked.connect(self._step10)
        b["step100Button"].clicked.connect(self._step100)
        b["epochButton"].clicked.connect(c.step_epoch)
        b["playButton"].clicked.connect(c.play)
        b["pauseButton"].clicked.connect(c.pause)
        b["resetButton"].clicked.connect(c.reset)
        self.timeline.moved.connect(c.show_index)
        self.pad_pane.probed.connect(self.network_view.set_probe)
        self.pad_pane.inputShown.connect(c.show_input)
        self.welcome.drawChosen.connect(c.draw_a_digit)
        self.welcome.scratchChosen.connect(c.start_from_scratch)
        self.welcome.lessonsChosen.connect(c.pick_lesson)
        self.points.pointsChanged.connect(self.data_files.use_points)
        self.network_view.labChanged.connect(self._on_lab_changed)
        self.network_view.labKept.connect(c.keep_parameters)
        self.network_view.neuronSelected.connect(self.formulas.select)

    def _on_lab_changed(self) -> None:
        """The neuron lab changed the network: the pad's prediction follows at once."""
        net = self.network_view.lab_network()
        if net is not None:
            self.pad_pane.show_network(net)
        elif self.current_state is not None:
            self.pad_pane.set_state(self.current_state)

    def update_on_screen(self, *_) -> None:
        """Tell the tabbed panes whether they can be seen, so a tab behind another does no drawing."""
        current = {bar.tabText(bar.currentIndex()) for bar in self.findChildren(QTabBar) if bar.count()}
        for name, pane in (("curvesDock", self.curves), ("layersDock", self.layer_charts),
                           ("formulaDock", self.formulas)):
            dock = self.docks[name]
            seen = dock.isVisible() and (dock.isFloating() or not self.tabifiedDockWidgets(dock)
                                         or dock.windowTitle() in current)
            pane.set_on_screen(seen)

    def _build_status(self) -> None:
        self.setStatusBar(FittedStatusBar())  # long messages elided, never over the labels
        self.status_labels = {}
        for key, tip in STATUS:
            label = StatusLabel(90)  # as wide as its text, never cut
            label.setObjectName(f"status_{key}")
            label.setToolTip(translate("MainWindow", tip))
            self.statusBar().addPermanentWidget(label)
            self.status_labels[key] = label

    # Slots of the menus (bound methods: nothing captures the window in a lambda).
    def _step1(self) -> None:
        self.step(1)

    def _step10(self) -> None:
        self.step(10)

    def _step100(self) -> None:
        self.step(100)

    def _back(self) -> None:
        self.controller.back_one_step()

    def _newest(self) -> None:
        self.controller.show_newest()

    def _open_3b1b(self) -> None:
        self.files.open_pretrained("3b1b")

    def _open_strong(self) -> None:
        self.files.open_pretrained("strong")

    def _export_window(self) -> None:
        self.files.export_dialog(self)

    def _export_pane(self) -> None:
        self.files.export_dialog(self.docks[self.sender().objectName().removeprefix("export_")].widget())

    def shortcuts_text(self) -> str:
        """Every action with a key, as lines 'key: what it does'."""
        return shortcuts_text(self)

    def show_shortcuts(self) -> None:
        QMessageBox.information(self, translate("MainWindow", "Keyboard shortcuts"), self.shortcuts_text())

    def show_about(self) -> None:
        QMessageBox.about(self, translate("MainWindow", "About nnviz"), about_html())

    # ----------------------------------------------------------------- messages
    def _ask(self, title: str, text: str) -> bool:
        return QMessageBox.question(self, title, text) == QMessageBox.Yes

    def error(self, title: str, text: str) -> None:
        """Report a problem in words (a dialog, and the status bar)."""
        self.statusBar().showMessage(text, 10000)
        if QApplication.platformName() != "offscreen":
            QMessageBox.warning(self, title, text)
        else:
            self.show_banner(text, diverged=False)

    def show_banner(self, text: str, diverged: bool = False) -> None:
        """Say what went wrong across the top of the window; after a divergence, offer the ways out."""
        actions = []
        if diverged:
            actions = [(translate("MainWindow", "Lower learning rate x0.1 and continue"),
                        translate("MainWindow", "Divide the learning rate by 10 and go on from the last good step"),
                        self.controller.lower_learning_rate),
                       (translate("MainWindow", "Reset the network"),
                        translate("MainWindow", "Start again from fresh random weights"), self.reset)]
        self.banner.show_message(text, actions)
        self.statusBar().showMessage(text, 10000)

    def hide_banner(self) -> None:
        self.banner.hide()

    # --------------------------------------------------------------- settings
    def _initial_settings(self, restore: bool):
        if restore:
            saved = self.settings.value("settings")
            if saved:
                try:
                    self.controls.restore(json.loads(saved))
                except (ValueError, TypeError, KeyError):
                    pass  # settings from another version: start from the defaults
        try:
            spec = self.controls.architecture()
        except ValueError:
            spec = None
        if spec is None or spec["dataset"] not in datasets.NAMES:
            self.controls.set_values(**FIRST_ARCHITECTURE)
            spec = dict(FIRST_ARCHITECTURE)
        self.controls.set_values(hidden=spec["hidden"])
        return spec, self.controls.training()

    def _restore_layout(self) -> None:
        geometry, state = self.settings.value("geometry"), self.settings.value("windowState")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        if isinstance(state, QByteArray):
            self._layout_restored = self.restoreState(state)
        self.banner.hide()

    def save_settings(self) -> None:
        geometry, state = self.presentation.layout_to_remember()  # never presentation mode's
        self.settings.setValue("geometry", geometry)
        self.settings.setValue("windowState", state)
        self.settings.setValue("settings", json.dumps(self.controls.params.saveState(filter="user")))
        self.settings.sync()

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
        place_pad(self.docks["padDock"], self.session.pad)
        place_pad(self.docks["pointsDock"], self.session.data.n_inputs == 2)
        self.default_layout()

    def default_layout(self) -> None:
        """Controls 330 px wide on the left, the pad on the right, the network above surface and curves."""
        d = self.docks
        self.resizeDocks([d["controlsDock"], d["padDock"]], [330, 380], Qt.Horizontal)
        self.resizeDocks([d["lossSurfaceDock"]], [360], Qt.Vertical)
        self.resizeDocks([d["lossSurfaceDock"], d["curvesDock"]], [400, 400], Qt.Horizontal)

    def sizeHint(self) -> QSize:
        return preferred_size(self)

    @property
    def closing(self) -> bool:
        return self.controller.closing

    def closeEvent(self, event) -> None:
        """Keep an unsaved network (or stay open and say why it could not be kept), stop the trainer
        cooperatively, remember the layout, close.  Runs once, whether the user, a script or the
        app's exit closes the window; at exit the window closes whatever happens."""
        if not self.controller.closing:
            if self.remember and not self.files.close_check(lifetime.exiting()):
                event.ignore()
                return
            self.recorder.shutdown()  # a recording is saved, its writer finished
            self.loss_surface.shutdown()
            self.layer_charts.shutdown()
            self.controller.shutdown()  # the worker keeps its newest state, then stops
            if self.remember:
                self.save_settings()
                if self.files.keep_on_close and not self.files.autosave() and self.files.autosave_error:
                    print(f"nnviz: {self.files.autosave_error}", file=sys.stderr)
            self.presentation.leave()  # the normal look again for any other window
            self.files.release()
        super().closeEvent(event)
