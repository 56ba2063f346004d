"""Points drawn on the plane: the data of a 2-input classifier, edited by hand while it trains.

Where the drawing pad stands for digits, 2-D data sets get this editor: a click adds a point of
the chosen class, a right-click removes the nearest point, the brush (drag) lays many points along
the stroke, Clear empties the plane.  Every fifth point drawn is held out for testing (drawn
hollow, as in the Playground).  A short debounce after each edit (a brush stroke counts once, when
it ends) hands the edited set to the window as a new :class:`Dataset` (``pointsChanged``): the
session trains on it from its next step, keeping the network.  **Save points...** writes them as
a CSV table (atomically) that ``nnviz train --data`` and File > Open data read back.

Coordinates are the network's inputs: for a table opened from a CSV file they are standardised,
and saving writes them back in the table's own units.
"""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QKeySequence, QPainter, QPen, QPixmap, QShortcut
from PySide6.QtWidgets import (QFileDialog, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QToolButton,
                               QVBoxLayout, QWidget)

from nnviz.core import Network, NNVizError, tables
from nnviz.core.dataset import Dataset

from . import playground
from .fitted_text import ElidedCombo
from .language import translate
from .screen_fit import compact

#: Milliseconds between the last edit and the update handed to the trainer.
DEBOUNCE_MS = 300
#: Every HOLD_OUT-th point drawn goes to the test split.
HOLD_OUT = 5
#: The brush lays a point every this many pixels along the stroke, scattered this far (pixels).
BRUSH_SPACING, BRUSH_SCATTER = 9.0, 6.0
#: While training plays, the network's answer behind the points is redrawn at most this often (ms).
MAP_MS = 200
#: The plane of a data set with no points, in input units.
EMPTY_EXTENT = (-6.0, 6.0, -6.0, 6.0)


def class_color(c: int) -> QColor:
    return QColor(*playground.class_rgb(c))


class PointCanvas(QWidget):
    """The plane (a square): the network's answer behind the points; filled points train, hollow
    points test.  Mouse: left adds (or paints with the brush), right removes the nearest."""

    def __init__(self, editor: "PointEditor"):
        super().__init__(editor)
        self.editor = editor
        self.setObjectName("pointCanvas")
        self.setMinimumSize(140, 140)
        policy = QSizePolicy(QSizePolicy.Expanding, QSizePolicy.Preferred)
        policy.setHeightForWidth(True)  # a square: the text sits right under it
        self.setSizePolicy(policy)
        self.setCursor(Qt.CrossCursor)
        self.setFocusPolicy(Qt.ClickFocus)  # a click on the plane makes the editor's keys work
        self.setToolTip(translate("PointEditor", "Click: add a point of the chosen class. Right-click: remove the "
                                  "nearest point. With the brush (B), drag to paint many points."))
        self._last_brush: QPointF | None = None
        self._map = None  # (state, (n, n) answer map)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return width

    def sizeHint(self) -> QSize:
        return QSize(260, 260)

    # ------------------------------------------------------------ geometry
    def square(self) -> QRectF:
        side = min(self.width(), self.height()) - 8
        return QRectF((self.width() - side) / 2, 4, side, side)

    def to_plane(self, pos: QPointF) -> np.ndarray:
        """A widget position -> (2,) input coordinates."""
        r, (x0, x1, y0, y1) = self.square(), self.editor.extent
        return np.array([x0 + (pos.x() - r.left()) / r.width() * (x1 - x0),
                         y1 - (pos.y() - r.top()) / r.height() * (y1 - y0)])

    def to_widget(self, X: np.ndarray) -> np.ndarray:
        """(n, 2) input coordinates -> (n, 2) widget positions."""
        r, (x0, x1, y0, y1) = self.square(), self.editor.extent
        X = np.asarray(X, float).reshape(-1, 2)
        return np.stack([r.left() + (X[:, 0] - x0) / (x1 - x0) * r.width(),
                         r.top() + (y1 - X[:, 1]) / (y1 - y0) * r.height()], 1)

    # ------------------------------------------------------------ mouse
    def mousePressEvent(self, event) -> None:
        pos = event.position()
        if not self.square().contains(pos):
            return
        if event.button() == Qt.RightButton:
            self.editor.remove_nearest(self.to_plane(pos))
        elif event.button() == Qt.LeftButton:
            self.editor.begin_stroke()
            self.editor.add_point(self.to_plane(pos))
            self._last_brush = pos if self.editor.brush.isChecked() else None

    def mouseMoveEvent(self, event) -> None:
        if self._last_brush is None or not (event.buttons() & Qt.LeftButton):
            return
        pos = event.position()
        distance = np.hypot(pos.x() - self._last_brush.x(), pos.y() - self._last_brush.y())
        if distance >= BRUSH_SPACING and self.square().contains(pos):
            jitter = self.editor.rng.normal(0, BRUSH_SCATTER / 2, 2)
            self.editor.add_point(self.to_plane(QPointF(pos.x() + jitter[0], pos.y() + jitter[1])))
            self._last_brush = pos

    def mouseReleaseEvent(self, event) -> None:
        if event.button() == Qt.LeftButton and self.editor.stroking:
            self._last_brush = None
            self.editor.end_stroke()

    # ------------------------------------------------------------ drawing
    def answer(self):
        """The network's answer over the plane (n, n) in [-1, 1], once per state; None without one."""
        state = self.editor.state
        if state is None or state.layer_sizes[0] != 2:
            return None
        if self._map is None or self._map[0] is not state or self._map[1] != self.editor.extent:
            net = Network.from_state(state)
            self._map = (state, self.editor.extent, playground.answer_map(net, self.editor.extent))
        return self._map[2]

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        r = self.square()
        answer = self.answer() if self.editor.task == "classification" else None
        if answer is not None:
            painter.setRenderHint(QPainter.SmoothPixmapTransform)
            painter.drawImage(r, playground.diverging_image(answer * 0.6))  # paler: the points stand out
        else:
            painter.fillRect(r, QColor(232, 234, 237))
        painter.setRenderHint(QPainter.Antialiasing)
        editor = self.editor
        if len(editor.X):
            P = self.to_widget(editor.X)
            for (x, y), c, test in zip(P, editor.labels, editor.test):
                color = class_color(int(c))
                painter.setPen(QPen(color if test else QColor(255, 255, 255), 1.5 if test else 1.0))
                painter.setBrush(Qt.NoBrush if test else color)
                painter.drawEllipse(QPointF(x, y), 4.0, 4.0)
        painter.setPen(QPen(QColor(90, 96, 110), 1))
        painter.setBrush(Qt.NoBrush)
        painter.drawRect(r)
        names = editor.input_names
        painter.setPen(QColor(40, 44, 52))
        if len(names) == 2:
            painter.drawText(r.adjusted(4, 0, -4, -3), Qt.AlignRight | Qt.AlignBottom, f"{names[0]} →")
            painter.drawText(r.adjusted(4, 3, -4, 0), Qt.AlignLeft | Qt.AlignTop, f"↑ {names[1]}")
        painter.end()


class PointEditor(QWidget):
    """The points of a 2-input data set, editable (see the module's docstring).

    Attributes:
        X: (n, 2) float64 points in input coordinates; labels: (n,) int64 classes;
        test: (n,) bool, held out for testing; extent: (x0, x1, y0, y1) of the plane.
        state: the StepState whose network's answer is drawn behind the points.

    Signals:
        pointsChanged(Dataset): the edited points, once per edit (debounced), when they hold at
            least one training and one test point.
    """

    pointsChanged = Signal(object)

    def __init__(self):
        super().__init__()
        self.setObjectName("pointEditor")
        self.base: Dataset | None = None
        self.X, self.labels, self.test = np.zeros((0, 2)), np.zeros(0, np.int64), np.zeros(0, bool)
        self.extent = EMPTY_EXTENT
        self.input_names: tuple = ("x1", "x2")
        self.task = "classification"
        self.same_split = False  # the data's test split is its training split (Zhou's four people)
        self.drawn = 0  # points drawn since the data was set (every HOLD_OUT-th is held out)
        self.state = None
        self.rng = np.random.default_rng(0)
        self.stroking = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.publish)
        self.redraw = QTimer(self)  # the newest state's map, at most every MAP_MS
        self.redraw.setSingleShot(True)
        self.redraw.setInterval(MAP_MS)
        self.redraw.timeout.connect(self.canvas_update)

        self.classes = ElidedCombo(chars=6)
        self.classes.setObjectName("pointClass")
        self.classes.setToolTip(translate("PointEditor", "The class of the points you add (keys 1-9)"))
        self.brush = QToolButton()
        self.brush.setObjectName("brushButton")
        self.brush.setText(translate("PointEditor", "Brush"))
        self.brush.setCheckable(True)
        self.brush.setToolTip(translate("PointEditor", "Drag to paint many points of the chosen class (B)"))
        self.clear_button = QPushButton(translate("PointEditor", "Clear"))
        self.clear_button.setObjectName("clearPointsButton")
        self.clear_button.setToolTip(translate("PointEditor", "Remove every point (Del)"))
        self.save_button = QPushButton(translate("PointEditor", "Save..."))
        self.save_button.setObjectName("savePointsButton")
        self.save_button.setToolTip(translate("PointEditor", "Save the points as a CSV table (Ctrl+Alt+S)"))
        compact(self.clear_button, self.save_button)
        self.clear_button.clicked.connect(self.clear)
        self.save_button.clicked.connect(self.save_dialog)
        self.canvas = PointCanvas(self)
        self.info = QLabel("")
        self.info.setObjectName("pointInfo")
        self.info.setWordWrap(True)

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.classes, 1)
        for w in (self.brush, self.clear_button, self.save_button):
            row.addWidget(w)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(row)
        layout.addWidget(self.canvas)
        layout.addWidget(self.info)
        layout.addStretch(1)
        keys = [(str(k), self._choose_key) for k in range(1, 10)]
        keys += [("B", self.brush.toggle), ("Del", self.clear), ("Ctrl+Alt+S", self.save_dialog)]
        for key, slot in keys:
            shortcut = QShortcut(QKeySequence(key), self, context=Qt.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    # ------------------------------------------------------------ data in
    def set_data(self, data: Dataset) -> None:
        """Show ``data``'s points (a 2-input data set; others leave the editor empty and disabled)."""
        self.timer.stop()
        self.base = data
        self.drawn = 0
        two_d = data is not None and data.n_inputs == 2
        self.task = data.task if two_d else ""
        if not two_d:
            self.X, self.labels, self.test = np.zeros((0, 2)), np.zeros(0, np.int64), np.zeros(0, bool)
            self.setEnabled(False)
            self.info.setText(translate("PointEditor", "Points are for data with two inputs"))
            return
        self.same_split = (len(data.X_train) == len(data.X_test) and np.array_equal(data.X_train, data.X_test))
        parts = [(data.X_train, data.labels_train, False)] + ([] if self.same_split else
                                                              [(data.X_test, data.labels_test, True)])
        self.X = np.concatenate([np.asarray(X, float) for X, _, _ in parts])
        self.labels = np.concatenate([np.asarray(y, np.int64) for _, y, _ in parts])
        self.test = np.concatenate([np.full(len(X), t) for X, _, t in parts])
        self.extent = playground.extent_of(self.X) if len(self.X) else EMPTY_EXTENT
        self.input_names = tuple(data.input_names) if len(data.input_names) == 2 else ("x1", "x2")
        classify = data.task == "classification"
        names = self.class_names() if classify else ()
        self.classes.clear()
        for c, name in enumerate(names):
            pixmap = QPixmap(12, 12)
            pixmap.fill(class_color(c))
            self.classes.addItem(QIcon(pixmap), f"{c + 1}: {name}" if c < 9 else name)
        self.classes.setCurrentIndex(min(1, len(names) - 1))
        self.setEnabled(classify)
        self.info.setText(self.summary() if classify else
                          translate("PointEditor", "Points are drawn for classifiers; this data is a regression"))
        self.canvas.update()

    def class_names(self) -> tuple:
        """One name per class: the data's (two for a single sigmoid output)."""
        names = tuple(self.base.class_names) if self.base is not None else ()
        n = max(2, self.base.n_outputs) if self.base is not None else 2
        return names if len(names) == n else tuple(str(c) for c in range(n))

    def set_state(self, state) -> None:
        """The network whose answer lies behind the points (drawn when the editor is seen, at most
        every MAP_MS: a wide network's map costs a forward pass of 1,600 points)."""
        self.state = state
        if self.isVisible() and not self.redraw.isActive():
            self.redraw.start()

    def canvas_update(self) -> None:
        self.canvas.update()

    # ------------------------------------------------------------ editing
    def _choose_key(self) -> None:
        key = self.sender().key().toString()
        if key.isdigit() and int(key) <= self.classes.count():
            self.classes.setCurrentIndex(int(key) - 1)

    def begin_stroke(self) -> None:
        self.stroking = True
        self.timer.stop()

    def end_stroke(self) -> None:
        self.stroking = False
        self._edited()

    def add_point(self, xy) -> None:
        """Add a point of the chosen class at ``xy`` (2,); every HOLD_OUT-th drawn is a test point."""
        if self.classes.count() == 0:
            return
        self.drawn += 1
        test = not self.same_split and self.drawn % HOLD_OUT == 0
        self.X = np.vstack([self.X, np.asarray(xy, float).reshape(1, 2)])
        self.labels = np.append(self.labels, self.classes.currentIndex())
        self.test = np.append(self.test, test)
        self._edited()

    def remove_nearest(self, xy) -> None:
        """Remove the point nearest to ``xy`` (2,) (in the plane's proportions)."""
        if not len(self.X):
            return
        scale = np.array([self.extent[1] - self.extent[0], self.extent[3] - self.extent[2]])
        i = int(np.argmin((((self.X - np.asarray(xy, float)) / scale) ** 2).sum(axis=1)))
        keep = np.arange(len(self.X)) != i
        self.X, self.labels, self.test = self.X[keep], self.labels[keep], self.test[keep]
        self._edited()

    def clear(self) -> None:
        self.X, self.labels, self.test = np.zeros((0, 2)), np.zeros(0, np.int64), np.zeros(0, bool)
        self.drawn = 0
        self._edited()

    def _edited(self) -> None:
        self.canvas.update()
        self.info.setText(self.summary())
        if not self.stroking:
            self.timer.start()

    def summary(self) -> str:
        n_test = int(self.test.sum()) if not self.same_split else 0
        n_train = len(self.X) - n_test
        if n_train == 0 or (n_test == 0 and not self.same_split):
            text = (translate("PointEditor", "1 point: the network trains once there are training and test points "
                              "(every {k}th point drawn is held out)") if len(self.X) == 1 else
                    translate("PointEditor", "{n} points: the network trains once there are training and test "
                              "points (every {k}th point drawn is held out)"))
            return text.format(n=len(self.X), k=HOLD_OUT)
        if self.same_split:
            return translate("PointEditor", "{n} points, train and test alike").format(n=len(self.X))
        return translate("PointEditor", "{n} points, {held} held out (hollow)").format(n=len(self.X), held=n_test)

    # ------------------------------------------------------------ data out
    def dataset(self) -> Dataset | None:
        """The points as a Dataset shaped like the data they came from, or None while they lack a
        training or a test point."""
        base = self.base
        test = self.test if not self.same_split else np.zeros(len(self.X), bool)
        train_i, test_i = np.flatnonzero(~test), (np.flatnonzero(test) if not self.same_split
                                                  else np.arange(len(self.X)))
        if base is None or len(train_i) == 0 or len(test_i) == 0:
            return None
        X = self.X.astype(np.float32)
        if base.n_outputs == 1:
            Y = self.labels.astype(np.float32)[:, None]
        else:
            Y = np.zeros((len(X), base.n_outputs), np.float32)
            Y[np.arange(len(X)), self.labels] = 1.0
        arrays = [X[train_i], Y[train_i], X[test_i], Y[test_i], self.labels[train_i], self.labels[test_i]]
        for a in arrays:
            a.flags.writeable = False
        return Dataset("points", *arrays, class_names=base.class_names, input_names=base.input_names,
                       standardisation=base.standardisation, description=(
                           f"{len(X)} points drawn on the plane ({len(train_i)} for training, {len(test_i)} for "
                           f"testing), starting from {base.name!r}."))

    def publish(self) -> None:
        """Hand the edited points to the window (the debounce timer's end)."""
        data = self.dataset()
        if data is not None:
            self.base = data
            self.pointsChanged.emit(data)

    def save_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, translate("PointEditor", "Save points"), "points.csv",
                                              translate("PointEditor", "CSV table (*.csv)"))
        if path:
            self.save(path)

    def save(self, path) -> bool:
        """Write the points as a CSV table (in the table's own units when it was standardised),
        atomically; a problem is said under the plane."""
        X = self.X if self.base is None or self.base.standardisation is None else \
            self.base.standardisation.invert(self.X)
        try:
            tables.save_points(path, X, self.labels, self.input_names, self.class_names())
        except NNVizError as e:
            self.info.setText(str(e))
            return False
        self.info.setText(translate("PointEditor", "Saved {n} points to {path}").format(n=len(self.X), path=path))
        return True
