"""The network diagram: neurons coloured by activation, edges by weight, gradient or contribution.

Drawing 12,960 edges as separate items costs seconds a frame; here the edges
of each colour bucket (sign x strength) are drawn with one
``QPainter.drawLines`` call into a cached image, which is redrawn only when
the edges change (a new state, another mode, a resize), not when only the
activations do (drawing on the pad).
"""
from __future__ import annotations

import time

import numpy as np
from PySide6.QtCore import QLineF, QPoint, QPointF, QRectF, QSize, Qt, QTimer, QVariantAnimation, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QImage, QPainter, QPen
from pyqtgraph.Qt.internals import PrimitiveArray
from PySide6.QtWidgets import (QCheckBox, QComboBox, QHBoxLayout, QLabel, QSizePolicy, QSpinBox, QToolTip,
                               QVBoxLayout, QWidget)

from nnviz.core import Network

from . import playground
from .network_layout import MARGIN, Layout, compute_layout

LEVELS = 8  # strength buckets per sign
POSITIVE = QColor(66, 165, 245)  # blue: positive weight
NEGATIVE = QColor(255, 138, 61)  # orange: negative weight
BACKGROUND = QColor(24, 26, 31)
TEXT = QColor(220, 224, 230)
HIGHLIGHT = QColor(255, 213, 79)
MODES = {"weight": "Edges coloured by weight: blue positive, orange negative, stronger = more opaque",
         "gradient": "Edges coloured by the gradient of the last step: how each weight was pushed",
         "contribution": "Edges coloured by weight x incoming activation: what each edge adds to the sum "
                         "for the sample on display"}
MAX_EDGES_ALL = 20_000  # beyond this many edges, draw the strongest k per neuron by default
DEFAULT_TOP_K = 8
ANIMATION_MS = 900
CHUNK_LINES = 600  # lines drawn per event-loop turn while live (a few ms each)
LIVE_EDGE_SECONDS = 1.0  # while live, new edges at most this often
WIDE_EDGES = 400  # networks with at most this many edges get thick, smooth edges
MANY_EDGES = 4000  # beyond this many, edges are drawn at EDGE_SCALE resolution
EDGE_SCALE = 0.5


def activation_color(a: float) -> QColor:
    """0 -> near black, 1 (or more) -> white; negative values glow red-orange (tanh, leaky relu)."""
    if not np.isfinite(a):
        return QColor(128, 0, 128)
    if a >= 0:
        g = int(34 + 221 * min(1.0, a))
        return QColor(g, g, g)
    m = min(1.0, -a)
    return QColor(int(34 + 210 * m), int(34 + 70 * m), int(34 + 10 * m))


def edge_buckets(values: np.ndarray, scale: float) -> np.ndarray:
    """values (n,) -> bucket (n,) in 0..2*LEVELS-1: 0..LEVELS-1 negative, LEVELS.. positive,
    the level within a sign growing with |value| / scale (scale maps to the strongest level)."""
    level = np.minimum((np.abs(values) / max(scale, 1e-12) * LEVELS).astype(np.int64), LEVELS - 1)
    return np.where(values >= 0, LEVELS + level, level)


def bucket_color(bucket: int, dim: float = 1.0) -> QColor:
    """The bucket's colour, blended towards the background instead of made transparent: opaque lines
    draw about ten times faster than translucent ones in Qt's raster engine."""
    level = bucket % LEVELS
    base = POSITIVE if bucket >= LEVELS else NEGATIVE
    opacity = (0.07 + 0.93 * ((level + 1) / LEVELS) ** 1.6) * dim
    return QColor(*(int(bg + opacity * (c - bg)) for c, bg in zip(
        (base.red(), base.green(), base.blue()), (BACKGROUND.red(), BACKGROUND.green(), BACKGROUND.blue()))))


def bucket_pen(bucket: int, dim: float = 1.0, wide: bool = False) -> QPen:
    """One pixel wide (Qt's fast line path) for big networks; ``wide`` grows with strength (small ones)."""
    width = 1.0 + 4.0 * (bucket % LEVELS) / (LEVELS - 1) if wide else 1.0
    pen = QPen(bucket_color(bucket, dim), width)
    pen.setCosmetic(True)  # width in device pixels: Qt's fast path for thin lines, whatever the scale
    return pen


def draw_lines(painter: QPainter, coords: np.ndarray) -> None:
    """Draw (n, 4) x1, y1, x2, y2 lines in one call, handing Qt the array itself (no QLineF objects),
    the way pyqtgraph's own PlotCurveItem(connect='pairs') does."""
    lines = PrimitiveArray(QLineF, 4)
    lines.resize(len(coords))
    lines.ndarray()[:] = coords
    painter.drawLines(*lines.drawargs())


def robust_scale(values: np.ndarray) -> float:
    """The 99th percentile of |values|: one outlier does not wash out every other edge."""
    a = np.abs(values)
    return float(np.percentile(a, 99)) if a.size else 1.0


class NetworkView(QWidget):
    """The network diagram pane.

    ``set_state(state)`` draws a StepState; ``set_probe(activations, zs)``
    shows another input's activations (the drawing pad's), None to go back;
    ``animate_backward(state)`` plays the error flowing backwards.

    Signals: ``neuronSelected(layer, index)`` (layer 1 = first hidden);
    ``labChanged()`` when the neuron lab's edits change (``lab_network()``
    gives the edited network); ``labKept(theta)`` when the user keeps them.
    """

    neuronSelected = Signal(int, int)
    labChanged = Signal()
    labKept = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("networkView")
        self.state = None
        self.class_names: tuple = ()
        self.input_names: tuple = ()
        self.data = None
        self.selected: tuple | None = None
        self._probe = None  # (activations, zs) from the pad, or None
        self._lab_edits: dict = {}  # (layer, j) -> (bias shift, weight scale, off)
        self._lab_net: Network | None = None

        self.mode = QComboBox()
        self.mode.setObjectName("edgeModeCombo")
        for name, tip in MODES.items():
            self.mode.addItem(name)
            self.mode.setItemData(self.mode.count() - 1, tip, Qt.ToolTipRole)
        self.mode.setToolTip("What the edges show: the weights, the last step's gradient, or each weight "
                             "times its incoming activation")
        self.top_k = QSpinBox()
        self.top_k.setObjectName("topKSpin")
        self.top_k.setRange(0, 1000)
        self.top_k.setSpecialValueText("all")
        self.top_k.setPrefix("strongest ")
        self.top_k.setSuffix(" edges per neuron")
        self.top_k.setToolTip("Draw only each neuron's strongest incoming edges (all: every edge); "
                              "wide networks become readable")
        self.backward = QCheckBox("show backward pass")
        self.backward.setObjectName("backwardCheck")
        self.backward.setChecked(True)
        self.backward.setToolTip("After each single step, watch the error flow back from the outputs to the "
                                 "inputs, layer by layer, as the edges light up with their gradients")
        self.canvas = _Canvas(self)
        self.detail = None  # created on the first click (see neuron_detail)
        bar = QHBoxLayout()
        bar.setContentsMargins(4, 2, 4, 2)
        for w in (QLabel("edges:"), self.mode, self.top_k, self.backward):
            bar.addWidget(w)
        bar.addStretch(1)
        self.body = QHBoxLayout()
        self.body.setContentsMargins(0, 0, 0, 0)
        self.body.addWidget(self.canvas, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addLayout(self.body, 1)
        self.mode.currentIndexChanged.connect(self.canvas.invalidate_edges)
        self.top_k.valueChanged.connect(self.canvas.invalidate_edges)
        self._animation = QVariantAnimation(self)
        self._animation.setDuration(ANIMATION_MS)
        self._animation.valueChanged.connect(self.canvas.set_animation)
        self._animation.finished.connect(lambda: self.canvas.set_animation(None))

    def sizeHint(self) -> QSize:
        return QSize(760, 560)

    # --------------------------------------------------------------- public
    def set_class_names(self, names) -> None:
        """Labels of the outputs (for one sigmoid output, (name of 0, name of 1))."""
        self.class_names = tuple(names)
        self.canvas.update()

    def set_data(self, data) -> None:
        """The data set (class names, input names, and for 2-input networks the points of the map)."""
        self.data = data
        self.class_names = tuple(data.class_names)
        self.input_names = tuple(data.input_names)
        self.canvas.layout_ = None
        self.canvas.invalidate_edges()

    def set_input_names(self, names) -> None:
        """Labels of the input nodes when the input is not an image (default x1, x2, ...)."""
        self.input_names = tuple(names)
        self.canvas.update()

    def hidden_text(self) -> str:
        """What the diagram leaves out, e.g. 'showing 40 of 256 neurons in layer 1', or ''."""
        return self.canvas._ensure_layout().hidden_text() if self.state is not None else ""

    def set_state(self, state) -> None:
        """Draw ``state`` (a StepState); a state with non-finite parameters is ignored."""
        if state is None or not np.isfinite(state.theta).all():
            return
        shape_changed = self.state is None or self.state.layer_sizes != state.layer_sizes
        if self.state is not None and state.step != self.state.step or shape_changed:
            self._lab_edits.clear()
            self._lab_net = None
        if self._animation.state() == QVariantAnimation.Running:
            self._animation.stop()
            self.canvas.set_animation(None)
        self.state = state
        if shape_changed:
            sizes = state.layer_sizes
            edges = sum(a * b for a, b in zip(sizes[:-1], sizes[1:]))
            self.top_k.setValue(0 if edges <= MAX_EDGES_ALL else DEFAULT_TOP_K)
            self.selected = None
            if self.detail is not None:
                self.detail.hide()
        self.canvas.new_state(shape_changed)
        if self.detail is not None and self.detail.isVisible() and self.selected is not None:
            self.detail.show_neuron(state, *self.selected)

    def set_live(self, live: bool) -> None:
        """True while training plays: edges are redrawn in slices, at most once a second."""
        self.canvas.set_live(live)

    def set_probe(self, activations, zs) -> None:
        """Show these per-layer activations (from the drawing pad) instead of the state's probe sample."""
        self._probe = None if activations is None else (activations, zs)
        self.canvas.update()

    def animate_backward(self, state) -> None:
        """The error signal flowing from the outputs back to the inputs, layer by layer (under a second)."""
        if not self.backward.isChecked() or state is None or state is not self.state:
            return
        self._animation.stop()
        self._animation.setStartValue(0.0)
        self._animation.setEndValue(float(len(state.weights)))
        self._animation.start()

    def skip_animation(self) -> None:
        if self._animation.state() == QVariantAnimation.Running:
            self._animation.stop()
            self.canvas.set_animation(None)

    def shown_activations(self):
        """(activations, zs) on display: the lab's, the pad's, or the state's probe sample."""
        if self._lab_net is not None:
            x = (self._probe[0][0] if self._probe is not None else self.state.activations[0])
            return self._lab_net.probe(np.asarray(x))
        if self._probe is not None:
            return self._probe
        return self.state.activations, self.state.zs

    def neuron_center(self, layer: int, index: int) -> QPoint:
        """Widget (NetworkView) coordinates of neuron ``index`` of ``layer`` (0 = input)."""
        x, y = self.canvas._ensure_layout().centers[layer][index]
        return self.canvas.mapTo(self, QPoint(int(round(x)), int(round(y))))

    activation_color = staticmethod(activation_color)

    def hover_text(self, layer: int, j: int) -> str:
        """The tooltip of a neuron: its weighted sum, bias, activation function and value."""
        acts, zs = self.shown_activations()
        s = self.state
        net_out = layer == len(s.layer_sizes) - 1
        f = s.config.get("output") if net_out else s.config.get("activation")
        z, a, b = float(zs[layer - 1][j]), float(acts[layer][j]), float(s.biases[layer - 1][j])
        name = (self.class_names[j] if net_out and j < len(self.class_names) else None)
        title = f"output {j}" + (f" ('{name}')" if name else "") if net_out else f"layer {layer}, neuron {j}"
        return (f"{title}\nz = Σ w·a + b = {z:.4f}   (bias b = {b:.4f})\n"
                f"a = {f}(z) = {a:.4f}")

    # ----------------------------------------------------------------- lab
    def select(self, layer: int, j: int) -> None:
        """Open the detail panel (and lab) for neuron j of layer ``layer`` (1 = first hidden)."""
        from .neuron_detail import NeuronDetail

        self.selected = (layer, j)
        if self.detail is None:
            self.detail = NeuronDetail(self)
            self.body.addWidget(self.detail)
        self.detail.show_neuron(self.state, layer, j)
        self.detail.show()
        self.neuronSelected.emit(layer, j)
        self.canvas.update()

    def set_lab_edit(self, layer: int, j: int, bias_shift: float = 0.0, weight_scale: float = 1.0,
                     off: bool = False) -> None:
        """Edit neuron j of ``layer`` in the lab: shift its bias, scale its incoming weights, or switch
        it off (its outgoing weights count for nothing). The diagram and ``lab_network()`` follow at once."""
        if bias_shift == 0.0 and weight_scale == 1.0 and not off:
            self._lab_edits.pop((layer, j), None)
        else:
            self._lab_edits[(layer, j)] = (bias_shift, weight_scale, off)
        self._lab_net = self._build_lab_net() if self._lab_edits else None
        self.canvas.update()
        self.labChanged.emit()

    def _build_lab_net(self) -> Network:
        net = Network.from_state(self.state)
        last = net.n_layers
        for (layer, j), (shift, scale, off) in self._lab_edits.items():
            W, b = net.weights[layer - 1], net.biases[layer - 1]
            W[j] *= scale
            b[j] += shift
            if off:
                if layer < last:
                    net.weights[layer][:, j] = 0.0  # nothing it says reaches the next layer
                else:
                    W[j] = 0.0
                    b[j] = -50.0  # an output that never fires
        return net

    def lab_network(self) -> Network | None:
        """The network with the lab's edits, or None when there are none."""
        return self._lab_net

    def reset_lab(self) -> None:
        self._lab_edits.clear()
        self._lab_net = None
        self.canvas.update()
        self.labChanged.emit()

    def keep_lab(self) -> None:
        """Make the lab's edits the network's own (the window hands them to the trainer)."""
        if self._lab_net is not None:
            theta = self._lab_net.theta.copy()
            self._lab_edits.clear()
            self._lab_net = None
            self.labKept.emit(theta)


class _Canvas(QWidget):
    """Paints the diagram for its NetworkView."""

    def __init__(self, view: NetworkView):
        super().__init__(view)
        self.view = view
        self.layout_: Layout | None = None
        self._lines: list = []  # per weight layer, (edges, 4) x1, y1, x0, y0 of every shown (j, i) edge, row-major
        self._edges: QImage | None = None
        self._animation: float | None = None
        self.map_rect: QRectF | None = None  # the Playground map, for 2-input classifiers
        self._live = False
        self._chunks = None  # the edge drawing in progress while live
        self._last_render = 0.0
        self._maps = None  # (key, per-layer neuron maps, answer map)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self.setMinimumSize(300, 220)

    # ------------------------------------------------------------ caching
    def new_state(self, shape_changed: bool) -> None:
        if shape_changed:
            self.layout_ = None
        if self._live and self._edges is not None and not shape_changed:
            self._live_state()
        else:
            self.invalidate_edges()

    def invalidate_edges(self, *_):
        self._edges = None
        self._chunks = None
        self.update()

    def set_animation(self, value) -> None:
        self._animation = None if value is None else float(value)
        self.invalidate_edges()

    def resizeEvent(self, event) -> None:
        self.layout_ = None
        self._edges = None
        super().resizeEvent(event)

    def playground(self) -> bool:
        """A 2-input classifier: draw neurons as maps over the input plane, and the answer map."""
        data, state = self.view.data, self.view.state
        return (state is not None and data is not None and state.layer_sizes[0] == 2 and data.n_inputs == 2
                and data.task == "classification")

    def _ensure_layout(self) -> Layout:
        if self.layout_ is None:
            sizes = self.view.state.layer_sizes
            side = int(round(np.sqrt(sizes[0])))
            image_side = side if side * side == sizes[0] and side >= 8 else None
            self.map_rect = None
            if self.playground():
                map_side = max(80.0, min(self.height() - 2 * MARGIN - 30, self.width() * 0.34))
                self.map_rect = QRectF(MARGIN, (self.height() - map_side) / 2, map_side, map_side)
                self.layout_ = compute_layout(sizes, self.width(), self.height(), None, left=map_side,
                                              max_radius=22.0)
            else:
                self.layout_ = compute_layout(sizes, self.width(), self.height(), image_side)
            self._lines = []
            for l in range(len(sizes) - 1):
                a, b = self.layout_.centers[l], self.layout_.centers[l + 1]
                if l == 0 and self.layout_.image_rect is not None:
                    a = self._clip_to_image_edge(a, b)
                else:
                    a = np.broadcast_to(a[None], (len(b), len(a), 2))
                ends = np.broadcast_to(b[:, None, :], a.shape)
                self._lines.append(np.concatenate([ends, a], axis=2).reshape(-1, 4).astype(np.float64))
        return self.layout_

    def _clip_to_image_edge(self, pixels: np.ndarray, neurons: np.ndarray) -> np.ndarray:
        """Start points (n_out, n_in, 2) of the edges from the input image where they leave it:
        the part of a line under the image is never seen, and drawing it costs time."""
        x0, y0, side = self.layout_.image_rect
        edge_x = x0 + side
        p = pixels[None, :, :]
        n = neurons[:, None, :]
        t = (edge_x - p[..., 0]) / np.maximum(n[..., 0] - p[..., 0], 1e-9)
        return p + t[..., None] * (n - p)

    # -------------------------------------------------------------- edges
    def edge_values(self, l: int, mode: str) -> np.ndarray:
        """(shown_out, shown_in) values that colour weight layer l's edges."""
        s, lay = self.view.state, self.layout_
        n_in, n_out = lay.shown[l], lay.shown[l + 1]
        if mode == "gradient":
            return np.asarray(s.grad_weights[l][:n_out, :n_in])
        W = np.asarray(s.weights[l][:n_out, :n_in])
        if mode == "contribution":
            acts, _ = self.view.shown_activations()
            return W * np.asarray(acts[l][:n_in])[None, :]
        return W

    def _render_edges(self) -> QImage:
        """All edges, at once (step mode, a new layout, another colouring)."""
        image = None
        for image in self._edge_chunks(max_lines=None):
            pass
        return image

    def _edge_chunks(self, max_lines: int | None = CHUNK_LINES):
        """Draw the edges into a new image, yielding after about ``max_lines`` lines (None: at the end);
        the last value yielded is the finished image."""
        n_edges = sum(len(lines) for lines in self._lines)
        wide = n_edges <= WIDE_EDGES
        # Many edges: drawn at half resolution and scaled up smoothly (a line's cost is its length in
        # pixels; thousands of overlapping one-pixel lines look the same, at half the cost).
        scale = EDGE_SCALE if n_edges > MANY_EDGES else 1.0
        dpr = self.devicePixelRatioF() * scale
        image = QImage(max(1, int(self.width() * dpr)), max(1, int(self.height() * dpr)),
                       QImage.Format_ARGB32_Premultiplied)
        image.fill(BACKGROUND)
        mode = self.view.mode.currentText()
        k = self.view.top_k.value()
        n_layers = len(self._lines)
        work = []  # (pen, lines) in drawing order, decided now, from the state on display now
        for l in range(n_layers):
            layer_mode, dim = mode, 1.0
            if self._animation is not None:  # the backward pass: lit layers show their gradient
                lit = l >= n_layers - self._animation
                layer_mode, dim = ("gradient", 1.0) if lit else ("weight", 0.25)
            values = self.edge_values(l, layer_mode)
            if k and k < values.shape[1]:
                keep = np.argpartition(-np.abs(values), k - 1, axis=1)[:, :k]
                mask = np.zeros(values.shape, bool)
                np.put_along_axis(mask, keep, True, axis=1)
                flat_index = np.flatnonzero(mask)
            else:
                flat_index = np.arange(values.size)
            flat = values.ravel()[flat_index]
            buckets = edge_buckets(flat, robust_scale(flat))
            key = buckets % LEVELS * 2 + (buckets >= LEVELS)  # faint first, strong on top
            order = np.argsort(key, kind="stable")
            flat_index, buckets, key = flat_index[order], buckets[order], key[order]
            lines = self._lines[l]
            bounds = np.flatnonzero(np.diff(key)) + 1
            for chunk_idx, chunk_b in zip(np.split(flat_index, bounds), np.split(buckets, bounds)):
                if len(chunk_idx):
                    work.append((bucket_pen(int(chunk_b[0]), dim, wide), lines[chunk_idx]))
            if max_lines:
                yield None  # the colouring of one layer is a slice of work too
        painter = self._edge_painter(image, dpr, wide)
        drawn = 0
        for pen, lines in work:
            painter.setPen(pen)
            for start in range(0, len(lines), max_lines or len(lines)):
                part = lines[start:start + max_lines] if max_lines else lines
                draw_lines(painter, part)
                drawn += len(part)
                if max_lines and drawn >= max_lines:
                    drawn = 0
                    painter.end()
                    yield None
                    painter = self._edge_painter(image, dpr, wide)
                    painter.setPen(pen)
        painter.end()
        if scale != 1.0:  # scaled up once here, so that every paint is a plain copy
            full = QSize(int(self.width() * self.devicePixelRatioF()), int(self.height() * self.devicePixelRatioF()))
            image = image.scaled(full, Qt.IgnoreAspectRatio, Qt.SmoothTransformation)
        image.setDevicePixelRatio(self.devicePixelRatioF())
        yield image

    @staticmethod
    def _edge_painter(image: QImage, dpr: float, wide: bool) -> QPainter:
        painter = QPainter(image)
        painter.scale(dpr, dpr)
        if wide:
            painter.setRenderHint(QPainter.Antialiasing)
        return painter

    # ---------------------------------------------------- live (while playing)
    def set_live(self, live: bool) -> None:
        """While training plays, new edges are drawn a slice per event-loop turn, at most every
        LIVE_EDGE_SECONDS: the window never stalls on a frame, and the neurons stay current."""
        self._live = live
        if not live:
            self._chunks = None
            self.invalidate_edges()

    def _live_state(self) -> None:
        now = time.perf_counter()
        if self._chunks is None and now - self._last_render >= LIVE_EDGE_SECONDS:
            self._chunks = self._edge_chunks()
            QTimer.singleShot(0, self._next_chunk)
        self.update()

    def _next_chunk(self) -> None:
        if self._chunks is None:
            return
        try:
            image = next(self._chunks)
        except StopIteration:
            image = None
        if image is None:
            QTimer.singleShot(0, self._next_chunk)
            return
        self._chunks = None
        self._edges = image
        self._last_render = time.perf_counter()
        self.update()

    # -------------------------------------------------------------- paint
    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        state = self.view.state
        if state is None:
            painter.fillRect(self.rect(), BACKGROUND)
            painter.setPen(TEXT)
            painter.drawText(self.rect(), Qt.AlignCenter, "no network yet")
            painter.end()
            return
        lay = self._ensure_layout()
        if self._edges is None:
            self._edges = self._render_edges()
        painter.drawImage(0, 0, self._edges)
        acts, _ = self.view.shown_activations()
        painter.setRenderHint(QPainter.Antialiasing)
        if self.map_rect is not None:
            self._paint_map(painter)
        self._paint_input(painter, lay, acts[0])
        self._paint_neurons(painter, lay, acts)
        self._paint_legend(painter)
        painter.end()

    def _paint_input(self, painter: QPainter, lay: Layout, x: np.ndarray) -> None:
        if lay.image_rect is not None:
            side = int(round(np.sqrt(len(x))))
            grey = np.ascontiguousarray((np.clip(np.asarray(x, np.float32), 0, 1) * 221 + 34).astype(np.uint8))
            image = QImage(grey.data, side, side, side, QImage.Format_Grayscale8)
            x0, y0, s = lay.image_rect
            painter.drawImage(QRectF(x0, y0, s, s), image)
            painter.setPen(QPen(QColor(90, 96, 110), 1))
            painter.drawRect(QRectF(x0, y0, s, s))
            painter.setPen(TEXT)
            painter.drawText(QRectF(x0, y0 + s + 4, s, 18), Qt.AlignCenter, f"input: {side}x{side} pixels")
            return
        self._paint_column(painter, lay, 0, x)
        names = [self.view.input_names[i] if i < len(self.view.input_names) else f"x{i + 1}"
                 for i in range(lay.shown[0])]
        painter.setPen(TEXT)
        for (cx, cy), name in zip(lay.centers[0], names):
            painter.drawText(QRectF(cx - 120, cy - 9, 120 - lay.radius[0] - 4, 18),
                             Qt.AlignRight | Qt.AlignVCenter, name)

    def playground_maps(self):
        """(per-layer neuron maps, answer map) of the network on display, computed once per state/lab."""
        view = self.view
        key = (id(view.state), id(view.lab_network()))
        if self._maps is None or self._maps[0] != key:
            net = view.lab_network() or Network.from_state(view.state)
            extent = playground.extent_of(view.data.X_train)
            self._maps = (key, playground.neuron_maps(net, extent), playground.answer_map(net, extent), extent)
        return self._maps[1:]

    def _paint_map(self, painter: QPainter) -> None:
        _, answer, extent = self.playground_maps()
        d = self.view.data
        playground.paint_map(painter, self.map_rect, answer, extent, d.X_train, d.labels_train, d.X_test,
                             d.labels_test)
        painter.setPen(TEXT)
        painter.drawText(QRectF(self.map_rect.left() - 20, self.map_rect.bottom() + 4, self.map_rect.width() + 40, 18),
                         Qt.AlignCenter, "the network's answer (dots: the data)")

    def _paint_column(self, painter: QPainter, lay: Layout, l: int, a: np.ndarray) -> None:
        r = lay.radius[l]
        if self.map_rect is not None:  # each neuron as its map over the input plane
            maps, _, _ = self.playground_maps()
            painter.setPen(QPen(QColor(120, 128, 140), 1))
            for (cx, cy), image in zip(lay.centers[l], maps[l][:lay.shown[l]]):
                square = QRectF(cx - r, cy - r, 2 * r, 2 * r)
                painter.drawImage(square, playground.diverging_image(image))
                painter.drawRect(square)
            return
        painter.setPen(QPen(QColor(120, 128, 140), 1))
        for (cx, cy), value in zip(lay.centers[l], np.asarray(a)[:lay.shown[l]]):
            painter.setBrush(QBrush(activation_color(float(value))))
            painter.drawEllipse(QPointF(cx, cy), r, r)

    def _paint_neurons(self, painter: QPainter, lay: Layout, acts) -> None:
        for l in range(1, len(lay.centers)):
            self._paint_column(painter, lay, l, acts[l])
        out = len(lay.centers) - 1
        p = np.asarray(acts[out])
        names = self.view.class_names
        if len(p) == 1:
            names = (f"p({names[-1]})" if names else "p",)
        elif len(names) != len(p):
            names = tuple(str(i) for i in range(len(p)))
        best = int(np.argmax(p)) if len(p) > 1 else (0 if p[0] > 0.5 else -1)
        font = QFont(self.font())
        r = lay.radius[out]
        for j, (cx, cy) in enumerate(lay.centers[out]):
            win = j == best
            font.setBold(win)
            painter.setFont(font)
            painter.setPen(HIGHLIGHT if win else TEXT)
            painter.drawText(QRectF(cx + r + 6, cy - 10, 120, 20), Qt.AlignLeft | Qt.AlignVCenter,
                             f"{names[j]}  {p[j]:.0%}" if len(p) > 1 else f"{names[0]} = {p[j]:.2f}")
            if win:
                painter.setBrush(Qt.NoBrush)
                painter.setPen(QPen(HIGHLIGHT, 2.5))
                painter.drawEllipse(QPointF(cx, cy), r + 3, r + 3)
        if self.view.selected is not None:
            l, j = self.view.selected
            if l < len(lay.centers) and j < lay.shown[l]:
                cx, cy = lay.centers[l][j]
                painter.setBrush(Qt.NoBrush)
                painter.setPen(QPen(QColor(129, 212, 250), 2, Qt.DashLine))
                painter.drawEllipse(QPointF(cx, cy), lay.radius[l] + 5, lay.radius[l] + 5)

    def _paint_legend(self, painter: QPainter) -> None:
        x, y = 10, self.height() - 22
        painter.setPen(TEXT)
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() - 1))
        painter.setFont(font)
        for i in range(40):
            painter.fillRect(QRectF(x + 66 + i * 2, y + 4, 2, 10), activation_color(i / 39))
        painter.drawText(QRectF(x, y, 64, 18), Qt.AlignRight | Qt.AlignVCenter, "activation 0")
        painter.drawText(QRectF(x + 150, y, 20, 18), Qt.AlignLeft | Qt.AlignVCenter, "1")
        mode = self.view.mode.currentText()
        for k, (color, text) in enumerate(((POSITIVE, f"+ {mode}"), (NEGATIVE, f"- {mode}"))):
            cx = x + 190 + k * 130
            for level in range(4):
                c = QColor(color)
                c.setAlpha(60 + 65 * level)
                painter.setPen(QPen(c, 1 + level * 0.6))
                painter.drawLine(QPointF(cx + level * 9, y + 14), QPointF(cx + level * 9 + 7, y + 4))
            painter.setPen(TEXT)
            painter.drawText(QRectF(cx + 40, y, 90, 18), Qt.AlignLeft | Qt.AlignVCenter, text)
        hidden = self.layout_.hidden_text()
        if hidden:
            painter.setPen(TEXT)
            painter.drawText(QRectF(8, 4, self.width() - 16, 18), Qt.AlignRight | Qt.AlignVCenter,
                             hidden + " (the rest are not drawn)")
        if self._animation is not None:
            painter.setPen(HIGHLIGHT)
            painter.drawText(QRectF(0, 4, self.width(), 18), Qt.AlignCenter,
                             "backward pass: the error flows from the outputs back to the inputs (click to skip)")

    # -------------------------------------------------------------- mouse
    def mouseMoveEvent(self, event) -> None:
        if self.view.state is None or self.layout_ is None:
            return
        pos = event.position()
        hit = self.layout_.neuron_at(pos.x(), pos.y())
        if hit is not None and hit[0] > 0:
            QToolTip.showText(event.globalPosition().toPoint(), self.view.hover_text(*hit), self)
            return
        pixel = self.layout_.pixel_at(pos.x(), pos.y())
        if pixel is not None:
            side = int(round(np.sqrt(self.layout_.sizes[0])))
            acts, _ = self.view.shown_activations()
            QToolTip.showText(event.globalPosition().toPoint(),
                              f"input pixel ({pixel // side}, {pixel % side}) = {float(acts[0][pixel]):.3f}", self)
        else:
            QToolTip.hideText()

    def mousePressEvent(self, event) -> None:
        self.view.skip_animation()
        if self.view.state is None or self.layout_ is None:
            return
        pos = event.position()
        hit = self.layout_.neuron_at(pos.x(), pos.y())
        if hit is not None and hit[0] > 0:
            self.view.select(*hit)
