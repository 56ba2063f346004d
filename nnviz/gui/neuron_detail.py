"""The panel beside the diagram for the clicked neuron: what it looks for, its gradient, and the lab."""
from __future__ import annotations

import html

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPalette, QPixmap
from PySide6.QtWidgets import (QCheckBox, QDoubleSpinBox, QFormLayout, QFrame, QHBoxLayout, QLabel, QPushButton,
                               QScrollArea, QSlider, QVBoxLayout, QWidget)

from .language import translate
from .network_canvas import TEXT
from .network_edges import BACKGROUND, NEGATIVE, POSITIVE

HEAT_SIZE = 150
PANEL = QColor(32, 35, 42)
SLIDER_STEPS = 10  # slider positions per unit of bias


def diverging_rgb(values: np.ndarray) -> np.ndarray:
    """(...) values -> (..., 3) uint8 in the diagram's colours: orange negative, dark 0, blue positive,
    symmetric about 0 (the largest |value| is full colour)."""
    v = np.nan_to_num(np.asarray(values, float))
    t = v / (float(np.abs(v).max()) or 1.0)
    bg = np.array([BACKGROUND.red(), BACKGROUND.green(), BACKGROUND.blue()], float)
    pos = np.array([POSITIVE.red(), POSITIVE.green(), POSITIVE.blue()], float)
    neg = np.array([NEGATIVE.red(), NEGATIVE.green(), NEGATIVE.blue()], float)
    t = t[..., None]
    rgb = np.where(t >= 0, bg + t * (pos - bg), bg - t * (neg - bg))
    return np.clip(np.round(rgb), 0, 255).astype(np.uint8)


def heat_pixmap(values: np.ndarray, size: int = HEAT_SIZE) -> QPixmap:
    """A (rows, cols) array as a heat map ``size`` wide (a single row becomes a strip)."""
    rgb = np.ascontiguousarray(diverging_rgb(values))
    h, w = rgb.shape[:2]
    image = QImage(rgb.data, w, h, 3 * w, QImage.Format_RGB888).copy()
    height = max(8, int(size * h / w)) if h > 1 else 22
    return QPixmap.fromImage(image).scaled(size, height, Qt.IgnoreAspectRatio, Qt.FastTransformation)


def as_picture(row: np.ndarray) -> np.ndarray:
    """Incoming weights (n_in,) -> an image: 28x28 when they come from a square image, else one row."""
    side = int(round(np.sqrt(len(row))))
    return row.reshape(side, side) if side * side == len(row) and side >= 8 else row.reshape(1, -1)


class NeuronDetail(QWidget):
    """Weights, gradient and the lab for the selected neuron of ``view`` (a NetworkView)."""

    def __init__(self, view):
        super().__init__(view)
        self.setObjectName("neuronDetail")
        self.view = view
        self.layer = self.index = None
        self.setFixedWidth(HEAT_SIZE + 44)
        self.setAutoFillBackground(True)
        palette = self.palette()
        for role, color in ((QPalette.Window, PANEL), (QPalette.WindowText, TEXT), (QPalette.Base, BACKGROUND),
                            (QPalette.Text, TEXT), (QPalette.Button, PANEL.lighter(130)),
                            (QPalette.ButtonText, TEXT)):
            palette.setColor(role, color)
        self.setPalette(palette)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-weight: bold; font-size: 11pt;")
        self.weights_caption = QLabel()
        self.weights_caption.setWordWrap(True)
        self.weights = QLabel()
        self.weights.setToolTip(translate("NeuronDetail", "Its incoming weights (blue positive, orange negative). "
                                          "For the first hidden layer of a digit network: the pattern of pixels "
                                          "this neuron looks for."))
        self.gradient = QLabel()
        self.gradient.setToolTip(translate("NeuronDetail", "dLoss/dw of those weights at the last step: training "
                                           "moves each weight against its gradient"))
        self.numbers = QLabel()
        self.numbers.setWordWrap(True)
        self.numbers.setTextFormat(Qt.RichText)
        self.slider = QSlider(Qt.Horizontal)
        self.slider.setObjectName("labBiasSlider")
        self.slider.setRange(-10 * SLIDER_STEPS, 10 * SLIDER_STEPS)
        self.slider.setToolTip(translate("NeuronDetail", "Drag to shift the neuron's bias: the prediction follows at once"))
        self.shift = QDoubleSpinBox()
        self.shift.setObjectName("labBiasShift")
        self.shift.setRange(-20, 20)
        self.shift.setSingleStep(0.5)
        self.shift.setToolTip(translate("NeuronDetail",
                                        "Add this to the neuron's bias: a higher bias makes it fire more easily"))
        self.scale = QDoubleSpinBox()
        self.scale.setObjectName("labWeightScale")
        self.scale.setRange(-5, 5)
        self.scale.setSingleStep(0.25)
        self.scale.setValue(1.0)
        self.scale.setToolTip(translate("NeuronDetail",
                                        "Multiply the neuron's incoming weights: 0 makes it blind to its inputs"))
        self.off = QCheckBox(translate("NeuronDetail", "switch it off"))
        self.off.setObjectName("labOff")
        self.off.setToolTip(translate("NeuronDetail", "Silence the neuron: nothing it says reaches the next layer"))
        keep = QPushButton(translate("NeuronDetail", "Keep"))
        keep.setObjectName("labKeepButton")
        keep.setToolTip(translate("NeuronDetail", "Make the lab's edits part of the network (training continues from them)"))
        keep.clicked.connect(self.view.keep_lab)
        reset = QPushButton(translate("NeuronDetail", "Reset"))
        reset.setObjectName("labResetButton")
        reset.setToolTip(translate("NeuronDetail", "Forget every lab edit (Ctrl+Z undoes one edit at a time)"))
        reset.clicked.connect(self.view.reset_lab)
        close = QPushButton(translate("NeuronDetail", "Close"))
        close.setToolTip(translate("NeuronDetail", "Hide this panel (the lab's edits stay until Reset or the next step)"))
        close.clicked.connect(self.hide)
        form = QFormLayout()
        form.addRow(translate("NeuronDetail", "bias +"), self.shift)
        form.addRow(self.slider)
        form.addRow(translate("NeuronDetail", "weights ×"), self.scale)
        form.addRow(self.off)
        buttons = QHBoxLayout()
        for b in (keep, reset):
            buttons.addWidget(b)
        # In a scroll area: however tall the panel's content, it never squashes the panes below the
        # diagram nor makes the window taller than its screen.
        inner = QWidget()
        inner.setObjectName("neuronDetailContent")
        scroll = QScrollArea()
        scroll.setFrameShape(QFrame.NoFrame)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(6, 6, 6, 6)
        self.gradient_caption = QLabel()
        self.gradient_caption.setObjectName("gradientCaption")
        self.gradient_caption.setWordWrap(True)
        for w in (self.title, self.weights_caption, self.weights, self.gradient_caption, self.gradient,
                  self.numbers, QLabel(translate("NeuronDetail", "<b>Neuron lab</b>"))):
            layout.addWidget(w)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(close)
        layout.addStretch(1)
        self.shift.valueChanged.connect(self._edited)
        self.scale.valueChanged.connect(self._edited)
        self.off.toggled.connect(self._edited)
        self.slider.valueChanged.connect(self._slid)

    def _slid(self, value: int) -> None:
        self.shift.setValue(value / SLIDER_STEPS)

    def show_neuron(self, layer: int, j: int) -> None:
        """Show neuron j of ``layer`` (1 = first hidden) of the view's state, and its lab edits."""
        state, view = self.view.state, self.view
        self.layer, self.index = layer, j
        W, G = np.asarray(view.shown_weights()[layer - 1]), np.asarray(state.grad_weights[layer - 1])
        out = layer == len(state.layer_sizes) - 1
        name = view.class_names[j] if out and j < len(view.class_names) else None
        if not out:
            title = translate("NeuronDetail", "Layer {layer}, neuron {j}")
        else:
            title = translate("NeuronDetail", "Output {j} ('{name}')") if name else translate("NeuronDetail", "Output {j}")
        self.title.setText(title.format(layer=layer, j=j, name=name))
        picture = as_picture(W[j])
        image = picture.shape[0] > 1
        self.weights_caption.setText(translate("NeuronDetail", "incoming weights: what it looks for") if image
                                     else translate("NeuronDetail", "its {n} incoming weights").format(n=len(W[j])))
        self.weights.setPixmap(heat_pixmap(picture))
        self.gradient.setPixmap(heat_pixmap(as_picture(G[j])))
        if not state.step:
            caption = translate("NeuronDetail", "their gradient dLoss/dw: none yet (no training step)")
        elif image:
            caption = translate("NeuronDetail", "their gradient dLoss/dw: of the last mini-batch ({n} samples), "
                                "not the digit on display")
        else:
            caption = translate("NeuronDetail", "their gradient dLoss/dw: of the last mini-batch ({n} samples), "
                                "not the input on display")
        self.gradient_caption.setText(caption.format(n=f"{state.batch_size:,}"))
        acts, zs = view.shown_activations()
        lab = view.lab_network()
        bias = (lab.biases if lab is not None else state.biases)[layer - 1][j]
        shown_for = (translate("NeuronDetail", "for {input}:").format(input=html.escape(view.input_caption)) + "<br>"
                     if view.input_caption else "")
        self.numbers.setText(shown_for + translate(
            "NeuronDetail", "z = {z}, a = {a}<br>bias {bias}, |w| {norm}<br>dLoss/db {db}<br>|dLoss/dw| {dw}").format(
            z=f"{float(zs[layer - 1][j]):.3f}", a=f"{float(acts[layer][j]):.3f}", bias=f"{float(bias):.3f}",
            norm=f"{float(np.linalg.norm(W[j])):.3f}", db=f"{float(state.grad_biases[layer - 1][j]):.2e}",
            dw=f"{float(np.linalg.norm(G[j])):.2e}"))
        shift, scale, off = view.lab_edit(layer, j)
        for w, v in ((self.shift, shift), (self.scale, scale), (self.off, off),
                     (self.slider, int(round(shift * SLIDER_STEPS)))):
            w.blockSignals(True)
            w.setChecked(v) if w is self.off else w.setValue(v)
            w.blockSignals(False)

    def _edited(self, *_):
        if self.layer is not None:
            self.slider.blockSignals(True)
            self.slider.setValue(int(round(self.shift.value() * SLIDER_STEPS)))
            self.slider.blockSignals(False)
            self.view.set_lab_edit(self.layer, self.index, self.shift.value(), self.scale.value(),
                                   self.off.isChecked())
