"""The controls dock: data, architecture and training settings, and the transport buttons.

Settings live in a pyqtgraph ``Parameter`` tree.  The panel only describes
what the user wants; the window decides what to do with it:

* ``trainingChanged(dict)``: optimiser, learning rate, batch size... apply from the next step.
* ``architectureChanged(dict)``: data set or network shape changed; the network must be rebuilt.
* ``lessonChosen(int)``: the user picked a lesson (an index into ``nnviz.lessons.LESSONS``).
* ``lessonShown(object)``: the lesson on display changed (a Lesson, or None); a guided lesson's
  steps are shown in ``guide`` (:class:`nnviz.gui.guide_panel.GuidePanel`).
"""
from __future__ import annotations

from functools import partial

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QSize, Qt, Signal
from PySide6.QtWidgets import (QComboBox, QFrame, QGridLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout,
                               QWidget)
from pyqtgraph.parametertree import Parameter, ParameterTree

from nnviz.core import datasets, optimizers, toy
from nnviz.core.activations import ACTIVATIONS
from nnviz.core.network import INITS
from nnviz.core.normalization import NORMS

from nnviz.lessons import LESSONS
from nnviz.session import ARCHITECTURE_KEYS, parse_hidden

from .fitted_text import ElidedCombo
from .guide_panel import GuidePanel
from .language import error_text, translate
from .screen_fit import compact

TIPS = {
    "dataset": QT_TRANSLATE_NOOP(
        "ControlsPanel",
        "What the network learns from. 'digits' are 10,000 real handwritten MNIST digits; 'zhou' "
        "is Victor Zhou's four people; the others are TensorFlow Playground's 2-D puzzles."),
    "noise": QT_TRANSLATE_NOOP(
        "ControlsPanel",
        "How much the 2-D toy points are jittered: more noise makes the classes overlap."),
    "hidden": QT_TRANSLATE_NOOP(
        "ControlsPanel",
        "Neurons in each hidden layer, comma separated (e.g. 16,16 gives 784-16-16-10). The input"
        " and output sizes follow the data. Leave empty for no hidden layer."),
    "activation": QT_TRANSLATE_NOOP(
        "ControlsPanel",
        "The function each hidden neuron applies to its weighted sum z: sigmoid and tanh squash "
        "it, relu keeps positives and zeroes negatives, leaky relu lets a little of the negatives"
        " through."),
    "loss": QT_TRANSLATE_NOOP(
        "ControlsPanel",
        "How wrongness is measured. Cross-entropy (with softmax outputs) suits classification; "
        "mean squared error is the simplest and fits regression or Zhou's single output."),
    "output": QT_TRANSLATE_NOOP(
        "ControlsPanel",
        "The output layer's activation: softmax gives probabilities that sum to 1, sigmoid "
        "squashes each output to 0..1, linear leaves them raw. 'auto' picks the one that matches "
        "the loss."),
    "norm": QT_TRANSLATE_NOOP(
        "ControlsPanel",
        "Normalisation of each hidden layer's weighted sums before the activation. Batch norm "
        "uses the mini-batch's mean and spread (and running averages when testing); layer and "
        "group norm use each sample's own neurons. All keep activations in a healthy range so "
        "deep networks train."),
    "init": QT_TRANSLATE_NOOP(
        "ControlsPanel",
        "How the first random weights are drawn. Xavier suits sigmoid and tanh, He suits relu "
        "('auto' picks the one that matches the activation); 'large' doubles He's spread, the "
        "mistake that makes gradients explode in a deep network."),
    "seed": QT_TRANSLATE_NOOP(
        "ControlsPanel",
        "The random seed for the initial weights and the shuffling: the same seed gives the same "
        "run."),
    "optimizer": QT_TRANSLATE_NOOP(
        "ControlsPanel",
        "How the gradient becomes a step. SGD steps straight downhill; momentum keeps rolling; "
        "Nesterov looks ahead before rolling; RMSProp and Adam adapt the step to each parameter."),
    "lr": QT_TRANSLATE_NOOP(
        "ControlsPanel",
        "The learning rate: how far each step moves the parameters along the negative gradient. "
        "Too small crawls; too large overshoots and can diverge."),
    "batch_size": QT_TRANSLATE_NOOP(
        "ControlsPanel",
        "How many training samples each step averages the gradient over. Small batches are noisy "
        "but quick; large batches are smooth but slow."),
    "momentum": QT_TRANSLATE_NOOP(
        "ControlsPanel",
        "How much of the previous step's velocity carries over (0 = none, 0.9 is typical)."),
    "beta1": QT_TRANSLATE_NOOP(
        "ControlsPanel",
        "Adam: how slowly the running average of the gradient forgets (0.9 is typical)."),
    "beta2": QT_TRANSLATE_NOOP(
        "ControlsPanel",
        "Adam: how slowly the running average of the squared gradient forgets (0.999 is typical)."),
    "alpha": QT_TRANSLATE_NOOP(
        "ControlsPanel",
        "RMSProp: how slowly the running average of the squared gradient forgets (0.99 is "
        "typical)."),
    "weight_decay": QT_TRANSLATE_NOOP(
        "ControlsPanel",
        "L2 regularisation: pulls every weight a little towards zero each step."),
}

#: The lesson's text and guide shrink to this height (px) and scroll on a short screen.
LESSON_MIN_HEIGHT = 110

SPEEDS = [(QT_TRANSLATE_NOOP("ControlsPanel", "Full speed"), 0),
          (QT_TRANSLATE_NOOP("ControlsPanel", "100 steps/s"), 100), (QT_TRANSLATE_NOOP("ControlsPanel", "30 steps/s"), 30),
          (QT_TRANSLATE_NOOP("ControlsPanel", "10 steps/s"), 10), (QT_TRANSLATE_NOOP("ControlsPanel", "3 steps/s"), 3),
          (QT_TRANSLATE_NOOP("ControlsPanel", "1 step/s"), 1)]



def _param_tree_spec() -> list[dict]:
    def item(name, type_, value, title, **opts):
        return {"name": name, "type": type_, "value": value, "title": title,
                "tip": translate("ControlsPanel", TIPS[name]), **opts}

    def group(name, title, children):
        return {"name": name, "title": title, "type": "group", "children": children}

    return [
        group("Data", translate("ControlsPanel", "Data"), [
            item("dataset", "list", "digits", translate("ControlsPanel", "Data set"), limits=list(datasets.NAMES)),
            item("noise", "float", 0.1, translate("ControlsPanel", "Noise (2-D toys)"), limits=(0.0, 5.0), step=0.05),
        ]),
        group("Network", translate("ControlsPanel", "Network"), [
            item("hidden", "str", "16,16", translate("ControlsPanel", "Hidden layers")),
            item("activation", "list", "sigmoid", translate("ControlsPanel", "Activation"), limits=list(ACTIVATIONS)),
            item("loss", "list", "cross_entropy", translate("ControlsPanel", "Loss"),
                 limits={translate("ControlsPanel", "cross-entropy"): "cross_entropy",
                         translate("ControlsPanel", "mean squared error"): "mse"}),
            item("output", "list", "auto", translate("ControlsPanel", "Output activation"), limits=["auto", "softmax", "sigmoid", "linear"]),
            item("norm", "list", "none", translate("ControlsPanel", "Normalisation"), limits=list(NORMS)),
            item("init", "list", "auto", translate("ControlsPanel", "Initial weights"), limits=["auto", *INITS]),
            item("seed", "int", 0, translate("ControlsPanel", "Seed"), limits=(0, 2**31 - 1)),
        ]),
        group("Training", translate("ControlsPanel", "Training"), [
            item("optimizer", "list", "adam", translate("ControlsPanel", "Optimiser"), limits=list(optimizers.NAMES)),
            item("lr", "float", 1e-3, translate("ControlsPanel", "Learning rate"), limits=(1e-7, 1e3), dec=True, step=0.5, decimals=4),
            item("batch_size", "int", 32, translate("ControlsPanel", "Batch size"), limits=(1, 60000)),
            item("momentum", "float", 0.9, translate("ControlsPanel", "Momentum"), limits=(0.0, 0.999), step=0.05),
            item("beta1", "float", 0.9, translate("ControlsPanel", "Adam beta1"), limits=(0.0, 0.999), step=0.01),
            item("beta2", "float", 0.999, translate("ControlsPanel", "Adam beta2"), limits=(0.0, 0.99999), step=0.001, decimals=5),
            item("alpha", "float", 0.99, translate("ControlsPanel", "RMSProp alpha"), limits=(0.0, 0.9999), step=0.01),
            item("weight_decay", "float", 0.0, translate("ControlsPanel", "Weight decay"), limits=(0.0, 1.0), step=1e-4, decimals=5),
        ]),
    ]


class LessonArea(QScrollArea):
    """The lesson's text and its guided steps: as tall as they are when there is room (the settings
    tree below gives way first), scrolling when the window is short, never pushing it past a small
    screen's height."""

    def __init__(self, *widgets: QWidget):
        super().__init__()
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        for widget in widgets:
            box.addWidget(widget)
        box.addStretch()
        self.setObjectName("lessonArea")
        self.setWidget(holder)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setMinimumHeight(LESSON_MIN_HEIGHT)
        holder.installEventFilter(self)
        self.hide()

    def eventFilter(self, obj, event) -> bool:
        if obj is self.widget() and event.type() in (QEvent.LayoutRequest, QEvent.Resize):
            self.updateGeometry()  # a new guided step or answer: the dock lays out again
        return super().eventFilter(obj, event)

    def sizeHint(self) -> QSize:
        """The whole content's height at the width the area has (QScrollArea caps it at 24 lines)."""
        holder = self.widget()
        height = holder.heightForWidth(self.viewport().width()) if holder.hasHeightForWidth() else -1
        return QSize(super().sizeHint().width(), max(height, holder.sizeHint().height()) + 2 * self.frameWidth())


class ControlsPanel(QWidget):
    """Transport buttons, speed and the settings tree.

    Signals:
        architectureChanged(dict): ``architecture()`` after a data or network setting changed.
        trainingChanged(dict): ``training()`` after an optimiser setting changed.
        speedChanged(float): steps per second, 0 = as fast as possible.
    """

    architectureChanged = Signal(dict)
    trainingChanged = Signal(dict)
    speedChanged = Signal(float)
    lessonChosen = Signal(int)
    lessonShown = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.params = Parameter.create(name="settings", type="group", children=_param_tree_spec())
        self.tree = ParameterTree(showHeader=False)
        self.tree.setObjectName("settingsTree")
        self.tree.setParameters(self.params, showTop=False)
        # pyqtgraph's TreeWidget keeps a Python wrapper of the tree's invisible root item, an item Qt
        # makes and deletes with the tree without telling shiboken.  Kept past the tree's deletion,
        # that stale wrapper was handed to the next Qt object built at the same address (seen: a new
        # menu arriving as a QTreeWidgetItem; crashes deleting items).  It goes with the tree.
        self.tree.destroyed.connect(partial(vars(self.tree.invisibleRootItem()).clear))
        self._set_name_tooltips(self.params)
        self._silent = False

        buttons = self.button_grid = QGridLayout()
        self.buttons = {}
        spec = [("stepButton", QT_TRANSLATE_NOOP("ControlsPanel", "Step"),
                 QT_TRANSLATE_NOOP("ControlsPanel", "Exactly one mini-batch update (Right arrow)"), 0, 0),
                ("step10Button", QT_TRANSLATE_NOOP("ControlsPanel", "Step x10"),
                 QT_TRANSLATE_NOOP("ControlsPanel", "Ten updates (Shift+Right)"), 0, 1),
                ("step100Button", QT_TRANSLATE_NOOP("ControlsPanel", "Step x100"),
                 QT_TRANSLATE_NOOP("ControlsPanel", "A hundred updates"), 0, 2),
                ("epochButton", QT_TRANSLATE_NOOP("ControlsPanel", "One epoch"),
                 QT_TRANSLATE_NOOP("ControlsPanel", "Updates until every training sample has been seen once"), 0, 3),
                ("playButton", QT_TRANSLATE_NOOP("ControlsPanel", "Play"),
                 QT_TRANSLATE_NOOP("ControlsPanel", "Train continuously (Space)"), 1, 0),
                ("pauseButton", QT_TRANSLATE_NOOP("ControlsPanel", "Pause"),
                 QT_TRANSLATE_NOOP("ControlsPanel", "Stop after the current step (Space)"), 1, 1),
                ("resetButton", QT_TRANSLATE_NOOP("ControlsPanel", "Reset"),
                 QT_TRANSLATE_NOOP("ControlsPanel", "Start again from fresh random weights (Ctrl+R)"), 1, 2)]
        for name, text, tip, row, col in spec:
            b = QPushButton(translate("ControlsPanel", text))
            b.setObjectName(name)
            b.setToolTip(translate("ControlsPanel", tip))
            buttons.addWidget(b, row, col)
            self.buttons[name] = b
        self.buttons["pauseButton"].setEnabled(False)
        compact(*self.buttons.values())
        self.speed = ElidedCombo()
        self.speed.setObjectName("speedCombo")
        self.speed.setToolTip(translate("ControlsPanel", "How fast Play trains: a few steps per second to watch every "
                                                         "update, or as fast as the computer allows (the panes then show "
                                                         "the newest step ~60 times a second)"))
        for text, value in SPEEDS:
            self.speed.addItem(translate("ControlsPanel", text), value)
        self.speed.currentIndexChanged.connect(self._speed_chosen)
        self.speed.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.speed.setMinimumContentsLength(9)
        buttons.addWidget(self.speed, 1, 3)

        self.preset = ElidedCombo()
        self.preset.setObjectName("presetCombo")
        self.preset.setToolTip(translate("ControlsPanel", "Ready-made lessons: each sets the data, the network "
                                                          "and the training, and says what to watch"))
        self.preset.addItem(translate("ControlsPanel", "Lessons: choose one..."))
        for lesson in LESSONS:
            self.preset.addItem(translate("lessons", lesson.title))
        self.preset.activated.connect(self._lesson_chosen)
        self.preset.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.preset.setMinimumContentsLength(16)  # long titles are elided: they never widen the dock
        self.preset_text = QLabel()
        self.preset_text.setObjectName("presetText")
        self.preset_text.setWordWrap(True)
        self.preset_text.setStyleSheet("background: #fff8e1; padding: 6px; border-radius: 4px;")
        self.preset_text.hide()

        self.message = QLabel()
        self.message.setObjectName("controlsMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020")
        self.message.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(buttons)
        layout.addWidget(self.preset)
        self.guide = GuidePanel()
        self.lesson_area = LessonArea(self.preset_text, self.guide)
        layout.addWidget(self.lesson_area)
        layout.addWidget(self.message)
        layout.addWidget(self.tree, 1)
        layout.addStretch()  # the room of a hidden tree (presentation mode) goes below, not between

        for key in ARCHITECTURE_KEYS:
            self.param(key).sigValueChanged.connect(self._architecture_edited)
        for key in ("optimizer", "lr", "batch_size", "momentum", "beta1", "beta2", "alpha", "weight_decay"):
            self.param(key).sigValueChanged.connect(self._training_edited)
        self.param("optimizer").sigValueChanged.connect(self._show_optimizer_settings)
        self.param("dataset").sigValueChanged.connect(self._show_data_settings)
        self._show_optimizer_settings()
        self._show_data_settings()

    # ------------------------------------------------------------------ values
    def param(self, key: str) -> Parameter:
        for group in self.params.children():
            if key in group.names:
                return group.child(key)
        raise KeyError(key)

    def architecture(self) -> dict:
        """{"dataset", "noise", "hidden" (list of int), "activation", "loss", "output" (None = auto), "norm", "seed"};
        raises ValueError when the hidden layers text is not valid."""
        spec = {key: self.param(key).value() for key in ARCHITECTURE_KEYS}
        spec["hidden"] = parse_hidden(spec["hidden"])
        spec["output"] = None if spec["output"] == "auto" else spec["output"]
        return spec

    def training(self) -> dict:
        """{"optimizer", "lr", "batch_size", "weight_decay", "settings": the optimiser's own settings}."""
        name = self.param("optimizer").value()
        settings = {key: self.param(key).value() for key in optimizers.DEFAULTS[name] if key != "eps"}
        return {"optimizer": name, "lr": self.param("lr").value(), "batch_size": self.param("batch_size").value(),
                "weight_decay": self.param("weight_decay").value(), "settings": settings}

    def set_values(self, **values) -> None:
        """Set settings without emitting change signals (e.g. after loading a model)."""
        self._silent = True
        try:
            for key, value in values.items():
                if key == "hidden" and not isinstance(value, str):
                    value = ",".join(str(n) for n in value)
                if key == "output" and value is None:
                    value = "auto"
                self.param(key).setValue(value)
        finally:
            self._silent = False
        self._show_optimizer_settings()
        self._show_data_settings()

    def restore(self, state: dict) -> None:
        """Put back settings saved with ``params.saveState(filter="user")`` (no change signals)."""
        self._silent = True
        try:
            self.params.restoreState(state, removeChildren=False, addChildren=False)
        finally:
            self._silent = False

    def show_lesson(self, lesson) -> None:
        """Show ``lesson``'s title in the lessons box and its text below it (None: no lesson)."""
        self.preset.setCurrentIndex(LESSONS.index(lesson) + 1 if lesson in LESSONS else 0)
        self.lessonShown.emit(lesson)
        self.lesson_area.setVisible(lesson is not None)
        if lesson is None:
            self.preset_text.hide()
            return
        self.preset_text.setText(f"<b>{translate('lessons', lesson.title)}</b><br>{translate('lessons', lesson.text)}")
        self.preset_text.show()

    def set_compact(self, compact: bool) -> None:
        """Only the buttons (in two columns), the lessons and the lesson's text (presentation mode),
        or everything (the buttons in four columns, the settings below)."""
        self.tree.setVisible(not compact)
        columns = 2 if compact else 4
        for i, widget in enumerate([*self.buttons.values(), self.speed]):
            self.button_grid.removeWidget(widget)
            self.button_grid.addWidget(widget, i // columns, i % columns)

    def set_running(self, running: bool) -> None:
        """Play is offered while stopped, Pause while playing."""
        self.buttons["playButton"].setEnabled(not running)
        self.buttons["pauseButton"].setEnabled(running)

    def _lesson_chosen(self, row: int) -> None:
        if row > 0:
            self.lessonChosen.emit(row - 1)

    def _speed_chosen(self, *_) -> None:
        self.speedChanged.emit(float(self.speed.currentData()))

    def show_message(self, text: str) -> None:
        """A red sentence above the settings (empty hides it)."""
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # ---------------------------------------------------------------- internal
    def _set_name_tooltips(self, group: Parameter) -> None:
        for p in group.children():
            if p.hasChildren():
                self._set_name_tooltips(p)
            tip = p.opts.get("tip")
            for item in p.items:
                if tip:
                    item.setToolTip(0, tip)
            if p.type() == "str":  # a long value ("32,32,32,...") may be cut: whole in the tooltip
                p.sigValueChanged.connect(self._show_value_tip)
                self._show_value_tip(p, p.value())

    @staticmethod
    def _show_value_tip(param: Parameter, value) -> None:
        for item in param.items:
            label = getattr(item, "displayLabel", None)
            if label is not None:
                label.setToolTip("\n\n".join(t for t in (str(value), param.opts.get("tip", "")) if t))

    def _architecture_edited(self, *_):
        if self._silent:
            return
        try:
            spec = self.architecture()
        except ValueError as e:
            self.show_message(error_text(e))
            return
        self.show_message("")
        self.architectureChanged.emit(spec)

    def _training_edited(self, *_):
        if not self._silent:
            self.trainingChanged.emit(self.training())

    def _show_optimizer_settings(self, *_):
        used = optimizers.DEFAULTS[self.param("optimizer").value()]
        for key in ("momentum", "beta1", "beta2", "alpha"):
            self.param(key).show(key in used)

    def _show_data_settings(self, *_):
        self.param("noise").show(self.param("dataset").value() in ("line", *toy.GENERATORS))

    def keyPressEvent(self, event):  # keep arrow keys for the window's shortcuts when nothing here uses them
        if event.key() in (Qt.Key_Left, Qt.Key_Right, Qt.Key_Space):
            event.ignore()
            return
        super().keyPressEvent(event)
