"""The panel beside the diagram for the clicked neuron: what it looks for, its gradient, and the lab."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (QCheckBox, QDoubleSpinBox, QFormLayout, QHBoxLayout, QLabel, QPushButton,
                               QVBoxLayout, QWidget)

HEAT = pg.colormap.get("CET-D1")  # diverging blue - white - red
HEAT_SIZE = 140


def heat_pixmap(values: np.ndarray, size: int = HEAT_SIZE) -> QPixmap:
    """A (rows, cols) array as a diverging heat map (blue negative, red positive, symmetric about 0)."""
    v = np.asarray(values, float)
    scale = float(np.abs(v).max()) or 1.0
    lut = HEAT.getLookupTable(nPts=256, alpha=False)
    idx = np.clip(((v / scale + 1) / 2 * 255).round(), 0, 255).astype(np.uint8)
    rgb = np.ascontiguousarray(lut[idx].astype(np.uint8))
    h, w = v.shape
    image = QImage(rgb.data, w, h, 3 * w, QImage.Format_RGB888).copy()
    return QPixmap.fromImage(image).scaled(size, max(8, int(size * h / w)) if h > 1 else 18,
                                           Qt.IgnoreAspectRatio, Qt.FastTransformation)


def as_picture(row: np.ndarray) -> np.ndarray:
    """Incoming weights (n_in,) -> an image: 28x28 when they come from a square image, else one row."""
    side = int(round(np.sqrt(len(row))))
    return row.reshape(side, side) if side * side == len(row) and side >= 8 else row.reshape(1, -1)


class NeuronDetail(QWidget):
    """Weights, gradient and the lab for one neuron of ``view`` (a NetworkView)."""

    def __init__(self, view):
        super().__init__(view)
        self.setObjectName("neuronDetail")
        self.view = view
        self.layer = self.index = None
        self.setFixedWidth(HEAT_SIZE + 40)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-weight: bold;")
        self.weights = QLabel()
        self.weights.setToolTip("Its incoming weights (blue negative, red positive). For the first hidden layer "
                                "of a digit network: the pattern of pixels this neuron looks for.")
        self.gradient = QLabel()
        self.gradient.setToolTip("The gradient of those weights at the last step: where training pushed them")
        self.numbers = QLabel()
        self.numbers.setWordWrap(True)
        self.shift = QDoubleSpinBox()
        self.shift.setObjectName("labBiasShift")
        self.shift.setRange(-20, 20)
        self.shift.setSingleStep(0.5)
        self.shift.setToolTip("Add this to the neuron's bias: a higher bias makes it fire more easily")
        self.scale = QDoubleSpinBox()
        self.scale.setObjectName("labWeightScale")
        self.scale.setRange(-5, 5)
        self.scale.setSingleStep(0.25)
        self.scale.setValue(1.0)
        self.scale.setToolTip("Multiply the neuron's incoming weights: 0 makes it blind to its inputs")
        self.off = QCheckBox("switch it off")
        self.off.setObjectName("labOff")
        self.off.setToolTip("Silence the neuron: nothing it says reaches the next layer")
        keep = QPushButton("Keep")
        keep.setToolTip("Make these edits part of the network (training continues from them)")
        keep.clicked.connect(self._keep)
        undo = QPushButton("Undo lab")
        undo.setToolTip("Forget every lab edit")
        undo.clicked.connect(self._undo)
        close = QPushButton("Close")
        close.clicked.connect(self.hide)
        form = QFormLayout()
        form.addRow("bias +", self.shift)
        form.addRow("weights x", self.scale)
        form.addRow(self.off)
        buttons = QHBoxLayout()
        for b in (keep, undo):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        for w in (self.title, QLabel("incoming weights"), self.weights, QLabel("their gradient"), self.gradient,
                  self.numbers, QLabel("<b>Neuron lab</b>")):
            layout.addWidget(w)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(close)
        layout.addStretch(1)
        for w in (self.shift, self.scale):
            w.valueChanged.connect(self._edited)
        self.off.toggled.connect(self._edited)

    def show_neuron(self, state, layer: int, j: int) -> None:
        same = (layer, j) == (self.layer, self.index)
        self.layer, self.index = layer, j
        W, G = state.weights[layer - 1], state.grad_weights[layer - 1]
        out = layer == len(state.layer_sizes) - 1
        self.title.setText(f"{'Output' if out else f'Layer {layer}'} neuron {j}")
        self.weights.setPixmap(heat_pixmap(as_picture(W[j])))
        self.gradient.setPixmap(heat_pixmap(as_picture(G[j])))
        self.numbers.setText(f"bias {float(state.biases[layer - 1][j]):.3f}<br>"
                             f"|weights| {float(np.linalg.norm(W[j])):.3f}<br>"
                             f"|gradient| {float(np.linalg.norm(G[j])):.2e}")
        if not same:
            self._reset_controls()

    def _edited(self, *_):
        if self.layer is not None:
            self.view.set_lab_edit(self.layer, self.index, self.shift.value(), self.scale.value(),
                                   self.off.isChecked())

    def _undo(self):
        self._reset_controls()
        self.view.reset_lab()

    def _keep(self):
        self.view.keep_lab()
        self._reset_controls()

    def _reset_controls(self):
        """The lab's controls back to "no edit", without signalling an edit."""
        for w, v in ((self.shift, 0.0), (self.scale, 1.0)):
            w.blockSignals(True)
            w.setValue(v)
            w.blockSignals(False)
        self.off.blockSignals(True)
        self.off.setChecked(False)
        self.off.blockSignals(False)
