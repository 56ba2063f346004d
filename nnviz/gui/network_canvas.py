"""The drawing surface of the network diagram: edges, neurons, labels, legends, mouse.

The edges are drawn once into a cached image when they change (a new state,
another colouring, a resize, a scroll, a lab edit), not when only the
activations do (drawing on the pad): see ``network_edges`` for how.
"""
from __future__ import annotations

import time

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QImage, QLinearGradient, QPainter, QPen, QPixmap, QStaticText
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from nnviz.core import Network

from . import playground, presentation
from .fitted_text import column_captions, short_number
from .language import translate
from .network_edges import DENSE_EDGES, FanRaster, draw_bucketed, edge_ink, edge_palette, ink_table, robust_scale
from .network_layout import BOTTOM, MARGIN, MAX_INPUT_NODES, TOP, Layout, compute_layout

TEXT = QColor(222, 226, 232)
DIM_TEXT = QColor(150, 156, 168)
HIGHLIGHT = QColor(255, 213, 79)
SELECTED = QColor(129, 212, 250)
RING = QColor(120, 128, 140)
WIDE_EDGES = 400  # networks drawing at most this many edges get thick, smooth edges
FAN_SCALE = 0.5  # dense edges are computed at this resolution and scaled up smoothly
LIVE_EDGE_SECONDS = 0.5  # while training plays, new edges at most this often (neurons every frame)
DIMMED = 0.25  # strength of the edges the backward pass has not reached yet
NARROW_LEGEND = 640  # a diagram narrower than this draws its legend with short colour bars


NEGATIVE_GLOW = np.array([210.0, 70.0, 10.0])


def activation_rgb(a) -> np.ndarray:
    """activations (n,) -> (n, 3) uint8: 0 near black, 1 (or more) white; negative values (tanh,
    leaky relu) glow orange-red; non-finite purple."""
    a = np.asarray(a, np.float64).reshape(-1, 1)
    finite = np.isfinite(a)
    a = np.where(finite, a, 0.0)
    rgb = 34 + np.clip(a, 0, 1) * 221 + np.clip(-a, 0, 1) * NEGATIVE_GLOW
    return np.where(finite, rgb, (128, 0, 128)).astype(np.uint8)


def activation_color(a: float) -> QColor:
    """The fill colour of a neuron whose activation is ``a``."""
    return QColor(*(int(c) for c in activation_rgb([a])[0]))


def top_k_mask(values: np.ndarray, k: int) -> np.ndarray:
    """(n_out, n_in) -> bool mask of each row's k largest |values|."""
    keep = np.argpartition(-np.abs(values), k - 1, axis=1)[:, :k]
    mask = np.zeros(values.shape, bool)
    np.put_along_axis(mask, keep, True, axis=1)
    return mask


class NetworkCanvas(QWidget):
    """Paints the diagram of its NetworkView and turns the mouse into hover text, clicks and scrolls."""

    def __init__(self, view):
        super().__init__(view)
        self.view = view
        self.layout_: Layout | None = None
        self._lines: list = []  # per weight layer, (rows * cols, 4) x1, y1, x0, y0 of the shown edges
        self._fans: dict = {}  # weight layer -> (FanRaster, its pixel buffer), for the current layout
        self._table = ink_table(*edge_palette())
        self._edges: QImage | None = None
        self._animation: int | None = None  # layers the backward pass has reached
        self.map_rect: QRectF | None = None  # the Playground map, for 2-input classifiers
        self._live = False
        self._last_render = 0.0
        self._edge_timer = QTimer(self, singleShot=True)
        self._edge_timer.timeout.connect(self.invalidate_edges)
        self._maps = None  # (key, per-layer neuron maps, answer map, extent)
        self._backdrop_cache = None  # (key, image of the background, captions and legends)
        self._sprites: dict = {}  # (radius, rgb, device pixel ratio) -> QPixmap of a neuron
        self._fonts: dict = {}
        self._texts: dict = {}  # (text, bold) -> QStaticText of an output label
        self.caption_tips: list = []  # (QRectF, whole caption) of each column caption drawn shortened
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.ClickFocus)  # a click on the diagram makes Ctrl+Z undo lab edits
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self.setMinimumSize(300, 220)
        presentation.hub().changed.connect(self._look_changed)

    def _look_changed(self) -> None:
        """Presentation mode came or went: new colours, fonts and line widths, so everything is redrawn."""
        self._table = ink_table(*edge_palette())
        self._texts.clear()
        self._backdrop_cache = None
        self.relayout()

    # ------------------------------------------------------------ caching
    def new_state(self, shape_changed: bool) -> None:
        if shape_changed:
            self.relayout()
        if self._live and self._edges is not None and not shape_changed:
            wait = LIVE_EDGE_SECONDS - (time.perf_counter() - self._last_render)
            if wait <= 0:
                self.invalidate_edges()
            else:
                if not self._edge_timer.isActive():
                    self._edge_timer.start(int(wait * 1000) + 1)
                self.update()
        else:
            self.invalidate_edges()

    def invalidate_edges(self, *_) -> None:
        self._edges = None
        self.update()

    def relayout(self) -> None:
        self.layout_ = None
        self._fans.clear()
        self.invalidate_edges()

    def set_live(self, live: bool) -> None:
        """While training plays, edges are redrawn at most every LIVE_EDGE_SECONDS (the neurons at
        every frame): the trainer shares the GIL with the painting."""
        self._live = live
        if not live:
            self._edge_timer.stop()
            self.invalidate_edges()

    def set_animation(self, value) -> None:
        """The backward pass has reached ``value`` layers (from the output); None: it is over."""
        lit = None if value is None else int(np.ceil(float(value)))
        if lit != self._animation:
            self._animation = lit
            self.invalidate_edges()

    def resizeEvent(self, event) -> None:
        self.relayout()
        super().resizeEvent(event)

    def playground(self) -> bool:
        """A 2-input classifier: draw neurons as maps over the input plane, and the answer map."""
        data, state = self.view.data, self.view.state
        return (state is not None and data is not None and state.layer_sizes[0] == 2 and data.n_inputs == 2
                and data.task == "classification")

    def ensure_layout(self) -> Layout:
        if self.layout_ is None:
            sizes = self.view.state.layer_sizes
            side = int(round(np.sqrt(sizes[0])))
            image_side = side if side * side == sizes[0] and side >= 8 else None
            self.map_rect = None
            first = self.view.scroll
            labels, names = self._text_room(sizes)
            if self.playground():
                room = self.height() - TOP - BOTTOM - 24  # 24: the map's caption
                # what the columns need: the input names, about 90 pixels a gap, the output labels
                columns = self.width() - 2 * MARGIN - names - 90 * (len(sizes) - 1) - labels
                map_side = max(80.0, min(room, self.width() * 0.34, max(columns, self.width() * 0.22)))
                self.map_rect = QRectF(MARGIN, TOP + (room - map_side) / 2, map_side, map_side)
                self.layout_ = compute_layout(sizes, self.width(), self.height(), None, left=map_side,
                                              max_radius=22.0, first=first, label_space=labels, input_space=names)
            else:
                self.layout_ = compute_layout(sizes, self.width(), self.height(), image_side, first=first,
                                              label_space=labels, input_space=names)
            self._lines = []
            for l in range(len(sizes) - 1):
                a, b = self.layout_.centers[l], self.layout_.centers[l + 1]
                starts = self._image_exits(b) if l == 0 and self.layout_.image_rect else \
                    np.broadcast_to(a[None], (len(b), len(a), 2))
                ends = np.broadcast_to(b[:, None, :], starts.shape)
                self._lines.append(np.concatenate([ends, starts], axis=2).reshape(-1, 4).astype(np.float64))
        return self.layout_

    def _text_room(self, sizes) -> tuple:
        """(pixels right of the outputs for their labels, pixels left of the input nodes for their names)."""
        n, names = sizes[-1], self.view.class_names
        if n == 1:
            texts = [f"p({names[-1] if names else ''}) = 0.00"]
        else:
            texts = [f"{name}  100%" for name in (names if len(names) == n else [str(n - 1)])]
        labels = max(QFontMetrics(self._font(2, bold=True)).horizontalAdvance(t) for t in texts) + 40
        inputs = [name for name in self.view.input_names[:MAX_INPUT_NODES]] or [f"x{sizes[0]}"]
        return labels, max(QFontMetrics(self._font()).horizontalAdvance(t) for t in inputs) + 36

    def _image_exits(self, neurons: np.ndarray) -> np.ndarray:
        """(n_out, n_in, 2) where the edges from the input pixels to ``neurons`` (n_out, 2) leave the
        image's right side: the part of a line under the image is never seen."""
        x0, _, side = self.layout_.image_rect
        pixels = self.layout_.centers[0][None, :, :]
        n = neurons[:, None, :]
        t = (x0 + side - pixels[..., 0]) / np.maximum(n[..., 0] - pixels[..., 0], 1e-9)
        return pixels + t[..., None] * (n - pixels)

    def window(self, l: int) -> slice:
        """The neurons of layer ``l`` on display."""
        lay = self.ensure_layout()
        return slice(lay.first[l], lay.first[l] + lay.shown[l])

    def scroll_layer(self, l: int, first: int) -> None:
        """Show the neurons of compressed layer ``l`` from ``first`` on."""
        lay = self.ensure_layout()
        first = int(np.clip(first, 0, lay.sizes[l] - lay.shown[l]))
        if first != lay.first[l]:
            self.view.scroll[l] = lay.first[l] = first
            self.invalidate_edges()  # the same positions: the cached geometry stays valid

    # -------------------------------------------------------------- edges
    def edge_values(self, l: int, mode: str) -> np.ndarray:
        """(shown_out, shown_in) values that colour weight layer l's edges."""
        rows, cols = self.window(l + 1), self.window(l)
        if mode == "gradient":
            return np.asarray(self.view.state.grad_weights[l])[rows, cols]
        W = np.asarray(self.view.shown_weights()[l])[rows, cols]
        if mode == "contribution":
            acts, _ = self.view.shown_activations()
            return W * np.asarray(acts[l])[cols][None, :]
        return W

    def _fan(self, l: int):
        """The FanRaster of weight layer ``l`` and its pixel buffer, built once per layout."""
        if l not in self._fans:
            lay = self.layout_
            targets = lay.centers[l + 1] * FAN_SCALE
            if l == 0 and lay.image_rect is not None:
                source_x = (lay.image_rect[0] + lay.image_rect[2]) * FAN_SCALE
                source_y = self._image_exits(lay.centers[1])[..., 1] * FAN_SCALE
            else:
                source_x, source_y = lay.centers[l][0, 0] * FAN_SCALE, lay.centers[l][:, 1] * FAN_SCALE
            fan = FanRaster(source_x, source_y, targets, int(self.width() * FAN_SCALE) + 1,
                            int(self.height() * FAN_SCALE) + 1, stop=lay.radius[l + 1] * FAN_SCALE)
            buffer = np.full((fan.box[3], fan.box[2]), self._table[0], np.uint32)
            self._fans[l] = (fan, buffer)
        return self._fans[l]

    def _render_edges(self) -> QImage:
        """Every edge on display, into a new image the size of the widget."""
        self.ensure_layout()
        image = self._backdrop().copy()
        mode, k = self.view.edge_mode(), self.view.top_k.value()
        n_layers = len(self._lines)
        plans = []
        for l in range(n_layers):
            layer_mode, dim = mode, 1.0
            if self._animation is not None:  # the backward pass: the layers it reached show their gradient
                layer_mode, dim = ("gradient", 1.0) if l >= n_layers - self._animation else ("weight", DIMMED)
            values = self.edge_values(l, layer_mode)
            keep = top_k_mask(values, k) if 0 < k < values.shape[1] else None
            plans.append((values, keep, dim, values.size if keep is None else k * values.shape[0]))
        wide = sum(p[3] for p in plans) <= WIDE_EDGES
        painter = QPainter(image)
        painter.setRenderHint(QPainter.Antialiasing, wide)
        painter.setRenderHint(QPainter.SmoothPixmapTransform)
        for l, (values, keep, dim, drawn) in enumerate(plans):
            kept = values if keep is None else values[keep]
            scale = robust_scale(kept)
            if drawn > DENSE_EDGES:
                fan, buffer = self._fan(l)
                ink = edge_ink(values, scale)
                if keep is not None:
                    ink[~keep] = 0
                if dim != 1.0:
                    ink *= dim * dim  # ink adds up over thousands of edges: dim it more than a line
                buffer.ravel()[fan.pixels] = fan.colors(ink, self._table)
                x, y, w, h = fan.box
                picture = QImage(buffer.data, w, h, 4 * w, QImage.Format_ARGB32_Premultiplied)
                painter.drawImage(QRectF(x / FAN_SCALE, y / FAN_SCALE, w / FAN_SCALE, h / FAN_SCALE), picture)
            else:
                lines = self._lines[l] if keep is None else self._lines[l][keep.ravel()]
                draw_bucketed(painter, lines, kept.ravel(), scale, dim, wide)
        painter.end()
        self._last_render = time.perf_counter()
        return image

    def _backdrop(self) -> QImage:
        """The background with the captions and legends, redrawn only when they change."""
        dpr = self.devicePixelRatioF()
        key = (self.width(), self.height(), dpr, self.view.edge_mode(), self._animation is not None,
               self.layout_.hidden_text(), tuple(sorted(self.view.state.config.items())), self.map_rect is None)
        if self._backdrop_cache is None or self._backdrop_cache[0] != key:
            image = QImage(max(1, int(self.width() * dpr)), max(1, int(self.height() * dpr)),
                           QImage.Format_ARGB32_Premultiplied)
            image.setDevicePixelRatio(dpr)
            image.fill(edge_palette()[2])
            painter = QPainter(image)
            painter.setRenderHint(QPainter.Antialiasing)
            self._paint_captions(painter, self.layout_)
            self._paint_legend(painter, self.layout_)
            painter.end()
            self._backdrop_cache = (key, image)
        return self._backdrop_cache[1]

    # -------------------------------------------------------------- paint
    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        state = self.view.state
        if state is None:
            painter.fillRect(self.rect(), edge_palette()[2])
            painter.setPen(TEXT)
            painter.drawText(self.rect(), Qt.AlignCenter, translate("NetworkCanvas", "no network yet"))
            painter.end()
            return
        lay = self.ensure_layout()
        if self._edges is None:
            self._edges = self._render_edges()
        painter.drawImage(0, 0, self._edges)
        acts, _ = self.view.shown_activations()
        painter.setRenderHint(QPainter.Antialiasing)
        if self.map_rect is not None:
            self._paint_map(painter)
        self._paint_input(painter, lay, acts[0])
        for l in range(1, len(lay.centers)):
            self._paint_column(painter, lay, l, acts[l])
        self._paint_outputs(painter, lay, acts[-1])
        if self._animation is not None:
            self._paint_error(painter, lay)
        self._paint_selection(painter, lay)
        painter.end()

    def _font(self, delta: float = 0.0, bold: bool = False) -> QFont:
        """The widget's font ``delta`` points larger (cached)."""
        key = (delta, bold, self.font().key())
        if key not in self._fonts:
            font = QFont(self.font())
            font.setPointSizeF(max(7.0, font.pointSizeF() + delta))
            font.setBold(bold)
            self._fonts[key] = font
        return self._fonts[key]

    def _paint_input(self, painter: QPainter, lay: Layout, x: np.ndarray) -> None:
        if lay.image_rect is None:
            self._paint_column(painter, lay, 0, x)
            names = self.view.input_names
            painter.setPen(TEXT)
            painter.setFont(self._font())
            r = lay.radius[0]
            for i, (cx, cy) in zip(range(lay.first[0], lay.first[0] + lay.shown[0]), lay.centers[0]):
                name = names[i] if i < len(names) else f"x{i + 1}"
                if lay.shown[0] <= 16 or i % 4 == 0:  # a long column: every fourth name
                    painter.drawText(QRectF(cx - 140, cy - 9, 140 - r - 5, 18), Qt.AlignRight | Qt.AlignVCenter,
                                     name)
            return
        side = int(round(np.sqrt(len(x))))
        rgb = activation_rgb(x).astype(np.uint32)  # grey, or orange-red for negative pixels
        argb = np.ascontiguousarray((0xFF000000 | rgb[:, 0] << 16 | rgb[:, 1] << 8 | rgb[:, 2]).reshape(side, side))
        image = QImage(argb.data, side, side, 4 * side, QImage.Format_RGB32)
        x0, y0, s = lay.image_rect
        painter.setRenderHint(QPainter.Antialiasing, False)  # crisp pixels, and the fast path
        painter.drawImage(QRectF(x0, y0, s, s), image)
        painter.setRenderHint(QPainter.Antialiasing)
        painter.setPen(QPen(RING, 1))
        painter.setBrush(Qt.NoBrush)
        painter.drawRect(QRectF(x0, y0, s, s))

    def playground_maps(self):
        """(per-layer neuron maps, answer map, extent) of the network on display, once per state/lab."""
        view = self.view
        # The objects themselves, not their id(): a new state can get the id of a freed one (seen on
        # Python 3.13: the maps of the previous lesson's network were drawn, and the paint failed).
        key = (view.state, view.lab_network())
        if self._maps is None or self._maps[0][0] is not key[0] or self._maps[0][1] is not key[1]:
            net = view.lab_network() if view.lab_network() is not None else Network.from_state(view.state)
            extent = playground.extent_of(view.data.X_train)
            self._maps = (key, playground.neuron_maps(net, extent), playground.answer_map(net, extent), extent)
        return self._maps[1:]

    def _paint_map(self, painter: QPainter) -> None:
        _, answer, extent = self.playground_maps()
        d = self.view.data
        playground.paint_map(painter, self.map_rect, answer, extent, d.X_train, d.labels_train, d.X_test,
                             d.labels_test)
        painter.setPen(TEXT)
        painter.setFont(self._font())
        text = (translate("NetworkCanvas", "the network's answer (dots: the data)") if self.map_rect.width() > 200
                else translate("NetworkCanvas", "the answer"))
        painter.drawText(QRectF(self.map_rect.left() - 20, self.map_rect.bottom() + 4, self.map_rect.width() + 40,
                                18), Qt.AlignCenter, text)

    def _paint_column(self, painter: QPainter, lay: Layout, l: int, a: np.ndarray) -> None:
        r = lay.radius[l]
        painter.setPen(QPen(RING, 1))
        if self.map_rect is not None:  # each neuron as its map over the input plane
            maps, _, _ = self.playground_maps()
            for (cx, cy), image in zip(lay.centers[l], maps[l][self.window(l)]):
                square = QRectF(cx - r, cy - r, 2 * r, 2 * r)
                painter.drawImage(square, playground.diverging_image(image))
                painter.drawRect(square)
            return
        sprites = [self._sprite(r, tuple(rgb)) for rgb in activation_rgb(np.asarray(a)[self.window(l)]).tolist()]
        half = sprites[0].width() / sprites[0].devicePixelRatio() / 2 if sprites else 0
        for (x, y), sprite in zip((lay.centers[l] - half).round().astype(int).tolist(), sprites):
            painter.drawPixmap(x, y, sprite)

    def _sprite(self, r: float, rgb: tuple) -> QPixmap:
        """A neuron's circle of radius ``r`` filled with ``rgb``, drawn once (a pixmap copies faster than
        an anti-aliased ellipse draws)."""
        key = (r, rgb, self.devicePixelRatioF())
        sprite = self._sprites.get(key)
        if sprite is None:
            dpr = self.devicePixelRatioF()
            side = int(np.ceil(2 * r + 4))
            side += side % 2  # even: the centre falls on a pixel corner, like round(cx) + 0
            sprite = QPixmap(int(side * dpr), int(side * dpr))
            sprite.setDevicePixelRatio(dpr)
            sprite.fill(Qt.transparent)
            p = QPainter(sprite)
            p.setRenderHint(QPainter.Antialiasing)
            p.setPen(QPen(RING, 1))
            p.setBrush(QColor(*rgb))
            p.drawEllipse(QPointF(side / 2, side / 2), r, r)
            p.end()
            if len(self._sprites) > 2000:
                self._sprites.clear()
            self._sprites[key] = sprite
        return sprite

    def _paint_outputs(self, painter: QPainter, lay: Layout, p: np.ndarray) -> None:
        """Each output's name and value beside it; the prediction highlighted."""
        out = len(lay.centers) - 1
        p = np.asarray(p)[self.window(out)]
        names, n = self.view.class_names, lay.sizes[-1]
        output = self.view.state.config.get("output")
        if n == 1:
            label = (f"p({names[-1]})" if names else "p") if output == "sigmoid" else (names[0] if names else "y")
            texts, best = [f"{label} = {short_number(p[0], 2)}"], (0 if output == "sigmoid" and p[0] > 0.5 else -1)
        else:
            names = names if len(names) == n else [str(i) for i in range(n)]
            probability = output in ("softmax", "sigmoid")
            texts = [f"{names[lay.first[out] + j]}  " + (f"{v:.0%}" if probability else short_number(v, 2))
                     for j, v in enumerate(p)]
            best = int(np.argmax(p)) if output in ("softmax", "sigmoid") else -1
        r = lay.radius[-1]
        for j, ((cx, cy), text) in enumerate(zip(lay.centers[-1], texts)):
            win = j == best
            painter.setFont(self._font(2, bold=win))
            painter.setPen(HIGHLIGHT if win else TEXT)
            static = self._static_text(text, win)
            painter.drawStaticText(QPointF(cx + r + 8, cy - static.size().height() / 2), static)
            if win:
                painter.setBrush(Qt.NoBrush)
                painter.setPen(QPen(HIGHLIGHT, 2.5))
                painter.drawEllipse(QPointF(cx, cy), r + 3.5, r + 3.5)

    def _static_text(self, text: str, bold: bool) -> QStaticText:
        """``text`` laid out once (output labels repeat: drawing laid-out text is several times faster)."""
        key = (text, bold)
        static = self._texts.get(key)
        if static is None:
            if len(self._texts) > 2000:
                self._texts.clear()
            static = self._texts[key] = QStaticText(text)
            static.prepare(font=self._font(2, bold=bold))
        return static

    def _paint_error(self, painter: QPainter, lay: Layout) -> None:
        """During the backward pass: a ring on every neuron the error has reached, as bright as its
        error signal dLoss/dz (the last step's bias gradient) is large within its layer."""
        n_layers = len(lay.centers) - 1
        painter.setBrush(Qt.NoBrush)
        for l in range(max(1, n_layers - self._animation), n_layers + 1):
            delta = np.abs(np.asarray(self.view.state.grad_biases[l - 1]))
            strength = delta[self.window(l)] / (float(delta.max()) or 1.0)
            r = lay.radius[l] + 3.0
            for (cx, cy), s in zip(lay.centers[l], strength):
                color = QColor(HIGHLIGHT)
                color.setAlphaF(0.15 + 0.85 * float(s))
                painter.setPen(QPen(color, 1.0 + 2.5 * float(s)))
                painter.drawEllipse(QPointF(cx, cy), r, r)

    def _paint_selection(self, painter: QPainter, lay: Layout) -> None:
        if self.view.selected is None:
            return
        l, j = self.view.selected
        if l < len(lay.centers) and lay.first[l] <= j < lay.first[l] + lay.shown[l]:
            cx, cy = lay.centers[l][j - lay.first[l]]
            painter.setBrush(Qt.NoBrush)
            painter.setPen(QPen(SELECTED, 2, Qt.DashLine))
            painter.drawEllipse(QPointF(cx, cy), lay.radius[l] + 5, lay.radius[l] + 5)

    def _paint_captions(self, painter: QPainter, lay: Layout) -> None:
        """What each column is, above it, and which neurons of a compressed column are on display."""
        config = self.view.state.config
        self.caption_tips = []
        last = len(lay.centers) - 1
        xs = [lay.centers[l][0, 0] for l in range(1 if lay.image_rect is not None else 0, last + 1)]
        gap = min(np.diff(xs)) if len(xs) > 1 else 200.0
        for l in range(last + 1):
            if l == 0 and lay.image_rect is not None:
                x0, _, side = lay.image_rect
                n = int(round(np.sqrt(lay.sizes[0])))
                cx, texts = x0 + side / 2, column_captions("image", lay.sizes[0], side=n)
            else:
                cx = lay.centers[l][0, 0]
                kind = "input" if l == 0 else "output" if l == last else "layer"
                f = "" if l == 0 else config.get("output" if l == last else "activation", "")
                texts = column_captions(kind, lay.sizes[l], f, layer=l)  # the first that fits
            half = min(100.0, gap / 2 - 3)
            painter.setFont(self._font(0.5))
            painter.setPen(DIM_TEXT)
            fm, room = painter.fontMetrics(), int(2 * half)  # whole pixels: a caption that fits is never elided
            if fm.horizontalAdvance(texts[-1]) > room:  # not even the shortest: a smaller font ("32", not "…")
                painter.setFont(self._font(-1.5))
                fm = painter.fontMetrics()
            text = next((t for t in texts if fm.horizontalAdvance(t) <= room), texts[-1])
            # elidedText measures Chinese (a fallback font) wider than horizontalAdvance: only what does not fit is cut
            shown = text if fm.horizontalAdvance(text) <= room else fm.elidedText(text, Qt.ElideRight, room)
            painter.drawText(QRectF(cx - half, 6, 2 * half, 18), Qt.AlignCenter, shown)
            if shown != texts[0]:  # shortened: the hover gives the whole caption
                self.caption_tips.append((QRectF(cx - half, 4, 2 * half, 22), texts[0]))
            if lay.shown[l] < lay.sizes[l]:
                painter.setFont(self._font(-0.5))
                painter.setPen(HIGHLIGHT)
                first = lay.first[l]
                notes = [translate("NetworkCanvas", "#{first}-{last} of {total} (scroll)").format(
                    first=first, last=first + lay.shown[l] - 1, total=lay.sizes[l]),
                         translate("NetworkCanvas", "{shown} of {total}").format(shown=lay.shown[l], total=lay.sizes[l])]
                fm = painter.fontMetrics()
                note = next((t for t in notes if fm.horizontalAdvance(t) <= 2 * half), notes[-1])
                painter.drawText(QRectF(cx - half, 24, 2 * half, 16), Qt.AlignCenter,
                                 fm.elidedText(note, Qt.ElideRight, int(2 * half)))

    def _paint_legend(self, painter: QPainter, lay: Layout) -> None:
        """The two colour scales (neuron activation; edge sign and strength), and the backward pass's
        banner while it plays."""
        y = self.height() - 28
        painter.setFont(self._font(-0.5))
        fm = painter.fontMetrics()
        activation = self.view.state.config.get("activation")
        x = 10
        bar, swatch = (90, 44) if self.width() >= NARROW_LEGEND else (40, 22)  # narrow: short colour bars
        if self.map_rect is not None:  # neurons drawn as maps, in the Playground's colours
            label, low, high = translate("NetworkCanvas", "neuron output"), "−1", "+1"
            stops = [(0.0, QColor(*playground.ORANGE.astype(int))), (0.5, QColor(*playground.WHITE.astype(int))),
                     (1.0, QColor(*playground.BLUE.astype(int)))]
        else:
            label = translate("NetworkCanvas", "activation")
            bottom = -1.0 if activation in ("tanh", "leaky_relu", "linear") else 0.0
            low, high = f"{bottom:g}", "1" if activation in ("sigmoid", "tanh") else "≥1"
            stops = [((v - bottom) / (1 - bottom), activation_color(v)) for v in np.linspace(bottom, 1, 9)]
        for text in (label, low):
            painter.setPen(TEXT)
            painter.drawText(QRectF(x, y, 200, 18), Qt.AlignLeft | Qt.AlignVCenter, text)
            x += fm.horizontalAdvance(text) + 6
        gradient = QLinearGradient(x, 0, x + bar, 0)
        for at, color in stops:
            gradient.setColorAt(at, color)
        painter.fillRect(QRectF(x, y + 4, bar, 10), QBrush(gradient))
        painter.setPen(QPen(RING, 1))
        painter.drawRect(QRectF(x, y + 4, bar, 10))
        painter.setPen(TEXT)
        painter.drawText(QRectF(x + bar + 6, y, 40, 18), Qt.AlignLeft | Qt.AlignVCenter, high)
        x += bar + 6 + fm.horizontalAdvance(high) + (26 if bar == 90 else 14)
        mode = self.view.edge_name("gradient" if self._animation is not None else self.view.edge_mode())
        positive, negative, background = edge_palette()
        for text, color in ((f"− {mode}", negative), (f"+ {mode}", positive)):
            gradient = QLinearGradient(x, 0, x + swatch, 0)
            gradient.setColorAt(0, background)
            gradient.setColorAt(1, color)
            painter.fillRect(QRectF(x, y + 4, swatch, 10), QBrush(gradient))
            painter.setPen(TEXT)
            painter.drawText(QRectF(x + swatch + 4, y, 140, 18), Qt.AlignLeft | Qt.AlignVCenter, text)
            x += swatch + 4 + fm.horizontalAdvance(text) + (18 if bar == 90 else 10)
        note = translate("NetworkCanvas", "(brighter: stronger)")
        if self._animation is None and x + fm.horizontalAdvance(note) <= self.width() - 6:  # whole; not in the banner's way
            painter.setPen(DIM_TEXT)
            painter.drawText(QRectF(x, y, 200, 18), Qt.AlignLeft | Qt.AlignVCenter, note)
            x += fm.horizontalAdvance(note) + 18
        if self._animation is not None:  # the banner in the room left, shortened rather than cut
            painter.setPen(HIGHLIGHT)
            painter.setFont(self._font(0, bold=True))
            room, fm = self.width() - x - 10, painter.fontMetrics()
            texts = [translate("NetworkCanvas", "◀ backward pass: the error flows back (click to skip)"),
                     translate("NetworkCanvas", "◀ backward pass (click to skip)"),
                     translate("NetworkCanvas", "◀ backward pass")]
            text = next((t for t in texts if fm.horizontalAdvance(t) <= room), texts[-1])
            painter.drawText(QRectF(x, y, room, 18), Qt.AlignRight | Qt.AlignVCenter,
                             fm.elidedText(text, Qt.ElideRight, int(room)))

    # -------------------------------------------------------------- mouse
    def _hit(self, pos: QPointF):
        """(layer, neuron index) under ``pos`` (input nodes are layer 0; image pixels are not), or None."""
        hit = self.layout_.neuron_at(pos.x(), pos.y())
        return None if hit is None else (hit[0], hit[1] + self.layout_.first[hit[0]])

    def caption_tip(self, pos: QPointF) -> str:
        """The whole caption of the column whose shortened caption is under ``pos``, or ""."""
        return next((text for rect, text in self.caption_tips if rect.contains(pos)), "")

    def mouseMoveEvent(self, event) -> None:
        if self.view.state is None or self.layout_ is None:
            return
        pos = event.position()
        hit = self._hit(pos)
        pixel = self.layout_.pixel_at(pos.x(), pos.y())
        acts, _ = self.view.shown_activations()
        caption = self.caption_tip(pos)
        if caption:
            QToolTip.showText(event.globalPosition().toPoint(), caption, self)
        elif hit is not None:
            QToolTip.showText(event.globalPosition().toPoint(), self.view.hover_text(*hit), self)
        elif pixel is not None:
            side = int(round(np.sqrt(self.layout_.sizes[0])))
            QToolTip.showText(event.globalPosition().toPoint(),
                              translate("NetworkCanvas", "input pixel (row {row}, column {column}) = {value}").format(
                                  row=pixel // side, column=pixel % side, value=f"{float(acts[0][pixel]):.3f}"), self)
        else:
            QToolTip.hideText()

    def mousePressEvent(self, event) -> None:
        self.view.skip_animation()
        if self.view.state is None or self.layout_ is None:
            return
        hit = self._hit(event.position())
        if hit is not None and hit[0] > 0:
            self.view.select(*hit)

    def wheelEvent(self, event) -> None:
        lay = self.layout_
        l = lay.column_at(event.position().x()) if lay is not None else None
        if l is None or lay.shown[l] >= lay.sizes[l]:
            super().wheelEvent(event)
            return
        steps = -event.angleDelta().y() / 120
        self.scroll_layer(l, lay.first[l] + int(np.sign(steps) * max(1, lay.shown[l] // 4)))
        event.accept()
