"""The drawing pad: draw a digit, see what the network sees and what it answers, live.

``DrawingPad`` is the canvas (a float array, ink bright on dark, drawn with a
soft round brush); ``DigitPadPane`` puts it beside "what the network sees"
and the prediction bars, and runs the current network on every stroke movement.

Two pipelines, and the pad says which one is in use (``DrawingPad.source``):

* a **sample** already in MNIST form (a test digit from the browser, a 28x28 image file) reaches
  the network exactly as it is: the pad asks the network the learner's question unchanged;
* a **drawing** (strokes, any other picture, or strokes on top of a sample) goes through
  ``preprocess_drawing``: its bounding box scaled into 20x20, its centre of mass centred, as MNIST
  was made.
"""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QKeySequence, QPainter, QShortcut, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (QCheckBox, QFileDialog, QGridLayout, QHBoxLayout, QLabel, QPushButton,
                               QSizePolicy, QSpinBox, QVBoxLayout, QWidget)

from dataclasses import dataclass

from nnviz.core import NNVizError, preprocess_drawing
from nnviz.core.network import holding

from .image_files import load_image
from .input_view import InputView
from .language import translate
from .prediction_view import PredictionView
from .sample_browser import SAMPLE_MIME, SampleBrowser, sample_from_mime
from .screen_fit import compact

CANVAS = 280  # canvas pixels on a side (ten per MNIST pixel)
ERASER_SCALE = 1.5  # the eraser is wider than the brush, so one pass removes a stroke's soft edges
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".bmp", ".gif", ".webp", ".pgm", ".ppm", ".tif", ".tiff")
DRAWING_CAPTION = QT_TRANSLATE_NOOP("DrawingPad", "your drawing, centred and scaled like MNIST")
EMPTY_SOURCE = QT_TRANSLATE_NOOP("DrawingPad", "draw a digit: it is centred and scaled like MNIST")


@dataclass(frozen=True)
class Sample:
    """An input in MNIST form, given to the network as it is: ``image`` (28, 28), ``caption`` (what
    it is, e.g. "test digit #79 (a 0)"), ``label`` (its class index, -1 if unknown)."""

    image: np.ndarray
    caption: str
    label: int = -1


@dataclass(frozen=True)
class PadInput:
    """What the pad gives the network: ``image`` (28, 28), ``caption`` (which input and which
    pipeline, e.g. "test digit #79 (a 0), as it is"), ``label`` (-1 for a drawing) and ``sample``
    (True: as it is; False: a drawing, preprocessed)."""

    image: np.ndarray
    caption: str
    label: int = -1
    sample: bool = False


def brush(radius: float) -> np.ndarray:
    """A soft round dab (2r+3, 2r+3) in [0, 1]: full ink inside, fading over the outer third."""
    r = float(radius)
    half = int(np.ceil(r)) + 1
    y, x = np.mgrid[-half:half + 1, -half:half + 1]
    d = np.hypot(x, y)
    soft = max(1.0, r / 3)
    return np.clip((r - d) / soft + 0.5, 0.0, 1.0).astype(np.float32)


class _Edit(QUndoCommand):
    """One stroke (or clear, or loaded image): the canvas before and after, and the sample (or
    None for a drawing) before and after."""

    def __init__(self, pad: "DrawingPad", before: np.ndarray, after: np.ndarray, text: str,
                 sample_before: Sample | None = None, sample_after: Sample | None = None):
        super().__init__(text)
        self.pad, self.before, self.after = pad, before, after
        self.sample_before, self.sample_after = sample_before, sample_after
        self._first = True

    def redo(self) -> None:
        if self._first:  # the pad already shows it
            self._first = False
            return
        self.pad._set_canvas(self.after.copy(), self.sample_after)

    def undo(self) -> None:
        self.pad._set_canvas(self.before.copy(), self.sample_before)


class DrawingPad(QWidget):
    """A square canvas to draw on with the mouse or a tablet.

    Left button draws, right button (or the ``erasing`` toggle) erases.
    Signals ``inputChanged(np.ndarray (28, 28))`` on every change, with the
    image the network sees; ``fileError(str)`` when a dropped file cannot be read.
    ``sample`` is the :class:`Sample` on the pad as it is, or None for a drawing.
    """

    inputChanged = Signal(object)
    fileError = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("drawingPad")
        self.canvas = np.zeros((CANVAS, CANVAS), np.float32)
        self.undo_stack = QUndoStack(self)
        self.radius = 11.0
        self.erasing = False
        self._dab, self._eraser = brush(self.radius), brush(self.radius * ERASER_SCALE)
        self._input = np.zeros((28, 28), np.float32)
        self.sample: Sample | None = None
        self._last: QPointF | None = None
        self._before: np.ndarray | None = None
        self._sample_before: Sample | None = None
        self._erase_stroke = False
        self.setMinimumSize(160, 160)  # small screens: the pane fits in 720 px with the welcome strip
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.StrongFocus)
        self.setCursor(Qt.CrossCursor)
        self.setToolTip(translate("DrawingPad", "Draw a digit with the left mouse button; the right button erases. "
                                  "Esc or Delete clears; Ctrl+Z undoes. Drop an image file here to load it."))

    # ----------------------------------------------------------------- public
    def sizeHint(self) -> QSize:
        return QSize(CANVAS, CANVAS)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return width

    def set_brush_radius(self, radius: float) -> None:
        """Brush radius in canvas pixels (the canvas is 280 wide; an MNIST pixel is 10)."""
        self.radius = float(np.clip(radius, 2, 40))
        self._dab, self._eraser = brush(self.radius), brush(self.radius * ERASER_SCALE)

    def clear(self) -> None:
        """Empty the canvas (undoable)."""
        if self.canvas.any() or self.sample is not None:
            self._commit(np.zeros_like(self.canvas), "Clear")

    def input_image(self) -> np.ndarray:
        """(28, 28) float32: exactly what the network is given."""
        return self._input.copy()

    def shown_input(self) -> PadInput | None:
        """What the network is given and which pipeline made it, or None when the pad is empty."""
        if self.sample is not None:
            s = self.sample
            return PadInput(self._input.copy(), translate("DrawingPad", "{caption}, as it is").format(caption=s.caption),
                            s.label, True)
        if not self._input.any():
            return None
        return PadInput(self._input.copy(), translate("DrawingPad", DRAWING_CAPTION))

    def set_sample(self, image, caption: str | None = None, label: int = -1) -> None:
        """Put an input already in MNIST form (28, 28) in [0, 1] on the pad (undoable): the network
        is given exactly this image (``caption``: what it is; default "a 28x28 image").  A stroke on top
        of it makes it a drawing again."""
        caption = translate("DrawingPad", "a 28x28 image") if caption is None else caption
        image = np.clip(np.asarray(image, np.float32).reshape(28, 28), 0, 1)
        sample = Sample(image.copy(), caption, int(label))
        canvas = np.kron(image, np.ones((CANVAS // 28, CANVAS // 28), np.float32))
        self._commit(canvas, "Put a sample", sample)

    def set_image(self, image) -> None:
        """Put a picture on the pad (undoable): a 28x28 image is taken as an MNIST sample, as it
        is (see :meth:`set_sample`); any other greyscale (H, W) in [0, 1] (ink bright) is scaled to
        fit and read as a drawing (``preprocess_drawing``)."""
        image = np.asarray(image, np.float32)
        if image.shape == (28, 28):
            self.set_sample(image)
            return
        from nnviz.core.preprocess import resize

        h, w = image.shape
        scale = CANVAS / max(h, w)
        small = resize(image, max(1, round(h * scale)), max(1, round(w * scale)))
        canvas = np.zeros_like(self.canvas)
        r0, c0 = (CANVAS - small.shape[0]) // 2, (CANVAS - small.shape[1]) // 2
        canvas[r0:r0 + small.shape[0], c0:c0 + small.shape[1]] = small
        self._commit(np.clip(canvas, 0, 1), "Load image")

    def load_file(self, path) -> bool:
        """Load a picture: a 28x28 file is in MNIST form and goes to the network as it is; any
        other size is read as a drawing.  False (and ``fileError``) when it cannot be read."""
        try:
            image = load_image(path)
        except NNVizError as e:
            self.fileError.emit(str(e))
            return False
        if image.shape == (28, 28):
            from pathlib import Path

            self.set_sample(image, Path(path).name)
        else:
            self.set_image(image)
        return True

    # --------------------------------------------------------------- drawing
    def _commit(self, after: np.ndarray, text: str, sample: Sample | None = None) -> None:
        before, sample_before = self.canvas.copy(), self.sample
        self._set_canvas(after, sample)
        self.undo_stack.push(_Edit(self, before, after.copy(), text, sample_before, sample))

    def _set_canvas(self, canvas: np.ndarray, sample: Sample | None = None) -> None:
        self.canvas, self.sample = canvas, sample
        self._changed()

    def _changed(self) -> None:
        if self.sample is not None:
            self._input = self.sample.image.copy()
        else:
            self._input = preprocess_drawing(self.canvas)
        self.update()
        self.inputChanged.emit(self._input)

    def _to_canvas(self, pos: QPointF) -> QPointF:
        side = min(self.width(), self.height())
        ox, oy = (self.width() - side) / 2, (self.height() - side) / 2
        return QPointF((pos.x() - ox) * CANVAS / side, (pos.y() - oy) * CANVAS / side)

    def _dab_at(self, x: float, y: float, erase: bool, strength: float = 1.0) -> None:
        dab = (self._eraser if erase else self._dab) * strength
        half = dab.shape[0] // 2
        cx, cy = int(round(x)), int(round(y))
        r0, r1, c0, c1 = cy - half, cy + half + 1, cx - half, cx + half + 1
        dr0, dc0 = max(0, -r0), max(0, -c0)
        r0, c0, r1, c1 = max(r0, 0), max(c0, 0), min(r1, CANVAS), min(c1, CANVAS)
        if r0 >= r1 or c0 >= c1:
            return
        patch = dab[dr0:dr0 + r1 - r0, dc0:dc0 + c1 - c0]
        region = self.canvas[r0:r1, c0:c1]
        if erase:
            np.minimum(region, 1.0 - patch, out=region)
        else:
            np.maximum(region, patch, out=region)

    def _stroke_to(self, p: QPointF, strength: float = 1.0) -> None:
        start = self._last if self._last is not None else p
        dist = np.hypot(p.x() - start.x(), p.y() - start.y())
        n = max(1, int(dist / max(1.0, self.radius / 4)))
        for t in np.linspace(0, 1, n + 1)[1:] if dist else [1.0]:
            self._dab_at(start.x() + t * (p.x() - start.x()), start.y() + t * (p.y() - start.y()),
                         self._erase_stroke, strength)
        self._last = p
        self._changed()

    def _begin(self, pos: QPointF, erase: bool, strength: float = 1.0) -> None:
        self._before, self._sample_before = self.canvas.copy(), self.sample
        self.sample = None  # strokes on a sample: a drawing from now on
        self._erase_stroke = erase or self.erasing
        self._last = None
        self._stroke_to(self._to_canvas(pos), strength)

    def _end(self) -> None:
        if self._before is not None:
            self.undo_stack.push(_Edit(self, self._before, self.canvas.copy(),
                                       "Erase" if self._erase_stroke else "Stroke", self._sample_before, None))
        self._before, self._last = None, None

    def mousePressEvent(self, event) -> None:
        if event.button() in (Qt.LeftButton, Qt.RightButton):
            self._begin(event.position(), erase=event.button() == Qt.RightButton)

    def mouseMoveEvent(self, event) -> None:
        if self._before is not None:
            self._stroke_to(self._to_canvas(event.position()))

    def mouseReleaseEvent(self, event) -> None:
        self._end()

    def tabletEvent(self, event) -> None:
        """Pen pressure scales the ink; the eraser end of a pen erases."""
        pressure = max(0.2, float(event.pressure()))
        kind = event.type()
        if kind == event.Type.TabletPress:
            self._begin(event.position(), erase=event.pointerType() == event.pointerType().Eraser,
                        strength=pressure)
        elif kind == event.Type.TabletMove and self._before is not None:
            self._stroke_to(self._to_canvas(event.position()), pressure)
        elif kind == event.Type.TabletRelease:
            self._end()
        event.accept()

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key_Escape, Qt.Key_Delete, Qt.Key_Backspace):
            self.clear()
        else:
            super().keyPressEvent(event)

    def dragEnterEvent(self, event) -> None:
        mime = event.mimeData()
        urls = mime.urls()
        if mime.hasFormat(SAMPLE_MIME) or urls and urls[0].toLocalFile().lower().endswith(IMAGE_SUFFIXES):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        mime = event.mimeData()
        if mime.hasFormat(SAMPLE_MIME):  # a test digit dragged from the browser
            self.set_sample(*sample_from_mime(mime))
        else:
            self.load_file(mime.urls()[0].toLocalFile())

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        side = min(self.width(), self.height())
        ox, oy = (self.width() - side) / 2, (self.height() - side) / 2
        grey = np.ascontiguousarray((self.canvas * 255).astype(np.uint8))
        image = QImage(grey.data, CANVAS, CANVAS, CANVAS, QImage.Format_Grayscale8)
        painter.setRenderHint(QPainter.SmoothPixmapTransform)
        painter.drawImage(QRectF(ox, oy, side, side), image)
        painter.setPen(QColor("#455a64"))
        box = side * 20 / 28  # MNIST's 20x20 box, for a sense of scale
        painter.drawRect(QRectF(ox + (side - box) / 2, oy + (side - box) / 2, box, box))
        if not self.canvas.any():
            painter.setPen(QColor("#90a4ae"))
            painter.drawText(QRectF(ox, oy, side, side), Qt.AlignCenter, translate("DrawingPad", "draw a digit here"))
        painter.end()


class DigitPadPane(QWidget):
    """Pad, "what the network sees", prediction bars and the pad's buttons.

    ``set_state(state)`` (or ``show_network(net)``) runs a copy of that network on the pad's
    input now and on every change. Signal ``probed(activations, zs)``: the
    per-layer arrays for the drawing, or (None, None) when the pad is empty; ``inputShown(PadInput
    or None)`` on every change of the input (None: the pad is empty).  ``source`` says which input
    and which pipeline ("test digit #79 (a 0), as it is" / "your drawing, centred and scaled like MNIST").
    """

    probed = Signal(object, object)
    inputShown = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("digitPadPane")
        self._net = None
        self._source = None  # (config, theta, norm_stats) of the state on display, until net is needed
        self.data = None
        self.pad = DrawingPad()
        self.sees = InputView()
        self.prediction = PredictionView()
        self.answer = QLabel()
        self.answer.setObjectName("answerLabel")
        self.answer.setAlignment(Qt.AlignCenter)
        self.answer.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.source = QLabel(translate("DrawingPad", EMPTY_SOURCE))
        self.source.setObjectName("padSource")
        self.source.setWordWrap(True)
        self.source.setToolTip(translate("DrawingPad", "Which input the network is given, and how: a test digit "
                                         "(or a 28x28 image) as it is, or your drawing after MNIST's preprocessing"))
        self.status = QLabel()
        self.status.setObjectName("padStatus")
        self.status.setWordWrap(True)
        self.status.setStyleSheet("color: #b00020")

        def button(text, tip, slot, name):
            b = QPushButton(text)
            b.setToolTip(tip)
            b.setObjectName(name)
            b.clicked.connect(slot)
            return b

        self.clear_button = button(translate("DrawingPad", "Clear"), translate("DrawingPad", "Empty the pad (Esc)"),
                                   self.pad.clear, "clearPadButton")
        self.undo_button = button(translate("DrawingPad", "Undo"), translate("DrawingPad", "Undo the last stroke (Ctrl+Z)"),
                                  self.pad.undo_stack.undo, "undoPadButton")
        self.redo_button = button(translate("DrawingPad", "Redo"), translate("DrawingPad", "Redo (Ctrl+Shift+Z)"),
                                  self.pad.undo_stack.redo, "redoPadButton")
        self.pad.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.pad.undo_stack.canRedoChanged.connect(self.redo_button.setEnabled)
        self.undo_button.setEnabled(False)
        self.redo_button.setEnabled(False)
        self.open_button = button(translate("DrawingPad", "Open image..."),
                                  translate("DrawingPad", "Load a PNG or JPG of a digit (or drop one on the pad)"),
                                  self.open_image_dialog, "openImageButton")
        self.browse_button = button(translate("DrawingPad", "Test digits..."),
                                    translate("DrawingPad", "Pick a digit from the test set, or one the network gets "
                                              "wrong"), self.browse_samples, "browseSamplesButton")
        self.erase = QCheckBox(translate("DrawingPad", "Erase"))
        self.erase.setToolTip(translate("DrawingPad", "Draw with the eraser (the right mouse button always erases)"))
        self.erase.toggled.connect(self._erase_toggled)
        self.brush = QSpinBox()
        self.brush.setRange(4, 40)
        self.brush.setValue(int(self.pad.radius))
        self.brush.setPrefix(translate("DrawingPad", "brush "))
        self.brush.setToolTip(translate("DrawingPad", "Brush radius in pad pixels (one MNIST pixel is 10 pad pixels)"))
        self.brush.valueChanged.connect(self.pad.set_brush_radius)
        for seq, slot in (("Ctrl+Z", self.pad.undo_stack.undo), ("Ctrl+Shift+Z", self.pad.undo_stack.redo)):
            shortcut = QShortcut(QKeySequence(seq), self, context=Qt.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

        caption = QLabel(translate("DrawingPad", "the network sees:"))
        caption.setToolTip(self.sees.toolTip())
        sees_row = QHBoxLayout()
        sees_row.addWidget(caption)
        sees_row.addWidget(self.sees)
        sees_row.addWidget(self.answer, 1)
        compact(self.clear_button, self.undo_button, self.redo_button, self.open_button, self.browse_button)
        tools = self.tools = QGridLayout()
        self.set_compact(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.pad, 3)
        layout.addWidget(self.source)
        layout.addLayout(sees_row)
        layout.addWidget(self.prediction, 1)
        layout.addLayout(tools)
        layout.addWidget(self.status)

        self.pad.inputChanged.connect(self._input_changed)
        self.pad.fileError.connect(self.status.setText)
        self.drawingPad = self.pad
        self.predictionView = self.prediction

    def set_compact(self, compact: bool) -> None:
        """The buttons in two columns (presentation mode: a narrow pane in a large font), or four."""
        if compact:
            places = {self.clear_button: (0, 0), self.erase: (0, 1), self.undo_button: (1, 0),
                      self.redo_button: (1, 1), self.brush: (2, 0, 1, 2), self.open_button: (3, 0),
                      self.browse_button: (3, 1)}
        else:
            places = {self.clear_button: (0, 0), self.undo_button: (0, 1), self.redo_button: (0, 2),
                      self.erase: (0, 3), self.brush: (1, 0), self.open_button: (1, 1, 1, 2),
                      self.browse_button: (1, 3)}
        for widget, place in places.items():
            self.tools.removeWidget(widget)
            self.tools.addWidget(widget, *place)

    def _erase_toggled(self, on: bool) -> None:
        self.pad.erasing = on

    def set_dataset(self, data) -> None:
        self.data = data
        self.browse_button.setEnabled(data is not None and data.image_shape == (28, 28))

    @property
    def net(self):
        """The pad's own copy of the network on display (None before the first state): the state's
        parameters are copied into it when it is first needed, not at every frame while the pad is
        empty (932k parameters of 784-512-512-512-10: half a millisecond a frame)."""
        if self._source is not None:
            self._net, self._source = holding(self._net, *self._source), None
        return self._net

    def set_state(self, state) -> None:
        """Run the network of ``state`` on the pad (now, and whenever the drawing changes)."""
        self._source = (state.config, state.theta, state.norm_stats)  # read-only arrays: kept, not copied
        self._run(self.pad.input_image())

    def show_network(self, net) -> None:
        """Run a copy of the Network ``net`` on the pad (e.g. the neuron lab's edited one): copied now,
        since the lab goes on editing its network."""
        self._net, self._source = holding(self._net, net.frozen_config, net.theta, net.norm_stats), None
        self._run(self.pad.input_image())

    def _sizes(self):
        """The layer sizes of the network on display, without loading it; None before the first state."""
        if self._source is not None:
            return self._source[0]["sizes"]
        return None if self._net is None else self._net.sizes

    def _input_changed(self, image: np.ndarray) -> None:
        self.sees.set_image(image)
        self.status.setText("")
        shown = self.pad.shown_input()
        self.source.setText(translate("DrawingPad", "the network is given: {input}").format(input=shown.caption)
                            if shown is not None else translate("DrawingPad", EMPTY_SOURCE))
        self._run(image)
        self.inputShown.emit(shown)

    def _run(self, image: np.ndarray) -> None:
        sizes = self._sizes()
        if sizes is None or sizes[0] != image.size:
            self.prediction.set_probabilities(np.zeros(10))
            self.answer.setText("")
            return
        if not image.any():
            self.prediction.set_probabilities(np.zeros(sizes[-1]), self._class_names())
            self.answer.setText("")
            self.probed.emit(None, None)
            return
        with np.errstate(all="ignore"):
            activations, zs = self.net.probe(image.ravel())
        p = activations[-1]
        names = self._class_names()
        self.prediction.set_probabilities(p, names)
        best = self.prediction.winner()
        if best >= 0:
            label = names[best] if names else str(best)
            self.answer.setText(f"{label}  ({self.prediction.probabilities()[best]:.0%})")
        self.probed.emit(activations, zs)

    def _class_names(self):
        return self.data.class_names if self.data is not None else None

    def open_image_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, translate("DrawingPad", "Open a picture of a digit"), "",
            translate("DrawingPad", "Images (*.png *.jpg *.jpeg *.bmp *.gif *.webp);;All files (*)"))
        if path:
            self.pad.load_file(path)

    def browse_samples(self) -> None:
        if self.data is None:
            return
        browser = SampleBrowser(self.data, self.net, self)
        browser.chosen.connect(self.pad.set_sample)
        browser.show()
