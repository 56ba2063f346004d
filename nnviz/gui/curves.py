"""The curves pane: training and test loss and accuracy against step."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from .fit_view import FitPlot, shows_fit
from .fitted_text import IntegerAxis, SparseAxis
from .language import translate
from .throttled import ThrottledRedraw

TRAIN_PEN = pg.mkPen("#1f77b4", width=1)  # a 1-px line is Qt's fast path: a wider one costs twice the paint
TEST_PEN = pg.mkPen("#d62728", width=2)
SMOOTHING = 0.98  # exponential moving average of the noisy mini-batch figures
REDRAW_MS = 500  # the curves move slowly: redraw twice a second, not at every frame
#: smooth() works in blocks of at most this many steps (SMOOTHING ** 10,000 = 1e-88: no underflow).
SMOOTH_BLOCK = 10_000
NICE_MANTISSAS = (1, 1.5, 2, 3, 4, 5, 6, 8, 10)
MARKER_COLOR = "#ff9800"
MARKER_PEN = pg.mkPen(MARKER_COLOR, width=1.5, style=Qt.DashLine)


def smooth(steps: np.ndarray, values: np.ndarray, step_from: int, start: float) -> np.ndarray:
    """Exponential moving average of ``values`` (n,) at increasing ``steps`` (n,), continuing from
    ``start`` at ``step_from``: e_k = s^d e_{k-1} + (1 - s^d) v_k with s = SMOOTHING and d the steps
    since the previous value (steps the window did not see count as if they had the same value).

    Vectorised: e_k = P_k (start + sum_{j<=k} (1 - s^d_j) v_j / P_j) with P_k = s^(steps_k - step_from).
    """
    out = np.empty(len(values))
    for lo in range(0, len(values), SMOOTH_BLOCK):  # per block: P stays far from underflow
        x, v = steps[lo:lo + SMOOTH_BLOCK], values[lo:lo + SMOOTH_BLOCK]
        gaps = np.diff(x, prepend=step_from)
        P = SMOOTHING ** (x - step_from).astype(float)
        out[lo:lo + len(x)] = P * (start + np.cumsum((1 - SMOOTHING ** gaps) * v / P))
        step_from, start = x[-1], out[lo + len(x) - 1]
    return out


def nice_ceiling(x: float) -> float:
    """The smallest 1, 1.5, 2, 3, 4, 5, 6 or 8 times a power of ten that is >= ``x`` (> 0).

    The curves' axes end at such a number, so they change only when the data outgrow them
    (a few times in a run), not at every redraw: a fixed range lets pyqtgraph reuse its axis
    pictures and paint once per redraw, about five times cheaper than auto-range.
    """
    power = 10.0 ** np.floor(np.log10(x))
    return float(next(m * power for m in NICE_MANTISSAS if m * power >= x * (1 - 1e-12)))


class Series:
    """A growing (step, value) series in NumPy buffers of at most ``max_points`` points.

    When full, every other point is dropped (the first and the newest stay), so a
    long run keeps its whole history at a coarser resolution the further back it
    goes, and memory and drawing time stay bounded however many steps are trained.
    """

    def __init__(self, max_points: int = 20_000):
        self.max_points = max_points
        self.x = np.empty(min(1024, max_points))
        self.y = np.empty(len(self.x))
        self.n = 0

    def add(self, x: float, y: float) -> None:
        self.extend(np.array([x]), np.array([y]))

    def extend(self, x: np.ndarray, y: np.ndarray) -> None:
        """Append points ``x``, ``y`` (k,) each, x increasing."""
        n, k = self.n, len(x)
        if n + k > len(self.x):
            if n + k <= self.max_points:
                size = min(self.max_points, max(2 * len(self.x), n + k))
                self.x, self.y = np.resize(self.x, size), np.resize(self.y, size)
            else:  # full: drop every other point until the new ones fit (the first and the newest stay)
                all_x, all_y = np.r_[self.x[:n], x], np.r_[self.y[:n], y]
                while len(all_x) > self.max_points:
                    keep = np.r_[0:len(all_x) - 1:2, len(all_x) - 1]
                    all_x, all_y = all_x[keep], all_y[keep]
                self.x, self.y = np.resize(self.x, self.max_points), np.resize(self.y, self.max_points)
                self.n = len(all_x)
                self.x[:self.n], self.y[:self.n] = all_x, all_y
                return
        self.x[n:n + k], self.y[n:n + k] = x, y
        self.n = n + k

    def truncate(self, x: float) -> None:
        """Forget points at or after step x (training went back in time)."""
        self.n = int(np.searchsorted(self.x[:self.n], x, side="left"))

    def data(self):
        return self.x[:self.n], self.y[:self.n]


class CurvesView(ThrottledRedraw, QWidget):
    """Loss (top) and accuracy (bottom) against step.

    The mini-batch loss and accuracy of every step are smoothed (a moving
    average, as the raw figures jump from batch to batch); the test split's
    are drawn as points joined by a thicker line.

    The view follows the data (from step 0 to a round number past the newest
    step, loss from 0) until the user pans or zooms; pyqtgraph's "A" button in
    the corner makes it follow again.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("curvesView")
        self.plots = pg.GraphicsLayoutWidget()
        # One legend for both plots, in a row of its own above them: inside a plot it covered the curves.
        self.legend = pg.LegendItem(colCount=2, labelTextColor="#333", verSpacing=-4)
        self.plots.addItem(self.legend, row=0, col=0)
        self.loss_plot = self.plots.addPlot(row=1, col=0, title=translate("CurvesView", "Loss"), axisItems={"bottom": IntegerAxis("bottom"),
                                                                                  "left": SparseAxis("left")})
        self.acc_plot = self.plots.addPlot(row=2, col=0, title=translate("CurvesView", "Accuracy"),
                                           axisItems={"bottom": IntegerAxis("bottom"),  # steps: whole numbers
                                                      "left": SparseAxis("left")})
        self.acc_plot.setXLink(self.loss_plot)
        self.acc_plot.setYRange(0, 1)
        self.acc_plot.setLabel("bottom", translate("CurvesView", "step"))
        # Regression data have no accuracy: the fit takes the accuracy plot's place.
        self.fit_plot = FitPlot()
        self.shows_fit = False
        for plot in (self.loss_plot, self.acc_plot):
            plot.setDownsampling(auto=True, mode="peak")
            plot.setClipToView(True)
            plot.disableAutoRange()
            plot.sigRangeChangedManually.connect(self._stop_following)
            plot.autoBtn.clicked.connect(self._follow_again)  # after pyqtgraph's own handler
        self.following = True
        self._range = None  # (x max, loss max) last set while following
        self.train_loss, self.train_acc = Series(), Series()
        self.test_loss, self.test_acc = Series(), Series()
        self._curves = {
            "train_loss": self.loss_plot.plot(pen=TRAIN_PEN, antialias=False),
            "test_loss": self.loss_plot.plot(pen=TEST_PEN, symbol="o", symbolSize=4, symbolBrush="#d62728",
                                             antialias=False),
            "train_acc": self.acc_plot.plot(pen=TRAIN_PEN, antialias=False),
            "test_acc": self.acc_plot.plot(pen=TEST_PEN, symbol="o", symbolSize=4, symbolBrush="#d62728",
                                           antialias=False),
        }
        self.legend.addItem(self._curves["train_loss"], translate("CurvesView", "training (smoothed)"))
        self.legend.addItem(self._curves["test_loss"], translate("CurvesView", "test"))
        # The step on display when the timeline is rewound: a vertical line and a dot on the training curve.
        self.marker_step: int | None = None
        self._marker_lines = [pg.InfiniteLine(angle=90, pen=MARKER_PEN) for _ in range(2)]
        self._marker_dots = [pg.ScatterPlotItem(size=9, brush=pg.mkBrush(MARKER_COLOR), pen=pg.mkPen("w", width=1.5))
                             for _ in range(2)]
        for plot, line, dot in zip((self.loss_plot, self.acc_plot), self._marker_lines, self._marker_dots):
            plot.addItem(line, ignoreBounds=True)
            plot.addItem(dot, ignoreBounds=True)
            line.hide()
            dot.hide()
        self.setToolTip(translate("CurvesView", "Loss and accuracy as training goes on. Blue: the training "
                                  "mini-batches (smoothed); red: the held-out test set, which the network never "
                                  "trains on."))
        self._last_step = -1
        self._ema = None
        self.init_throttle(REDRAW_MS)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plots)

    def clear(self) -> None:
        for s in (self.train_loss, self.train_acc, self.test_loss, self.test_acc):
            s.n = 0
        self._last_step, self._ema = -1, None
        self._follow_again()

    def add_rows(self, rows) -> None:
        """Add steps' figures (a :class:`nnviz.core.history.Rows`, oldest first)."""
        live = rows.step > 0
        steps, loss, accuracy = rows.step[live], rows.loss[live], rows.accuracy[live]
        if not len(steps):
            return
        if steps[0] <= self._last_step:  # a branch: forget the abandoned future
            for series in (self.train_loss, self.train_acc, self.test_loss, self.test_acc):
                series.truncate(steps[0])
            self._ema = None
        if self._ema is None:
            self._ema, self._last_step = [loss[0], accuracy[0]], steps[0] - 1
        step_from = self._last_step
        self.train_loss.extend(steps, smooth(steps, loss, step_from, self._ema[0]))
        self.train_acc.extend(steps, smooth(steps, accuracy, step_from, self._ema[1]))
        self._ema = [self.train_loss.y[self.train_loss.n - 1], self.train_acc.y[self.train_acc.n - 1]]
        self._last_step = int(steps[-1])

    def add_test(self, step: int, loss: float, accuracy: float) -> None:
        if self.test_loss.n and step <= self.test_loss.x[self.test_loss.n - 1]:
            self.test_loss.truncate(step)
            self.test_acc.truncate(step)
        self.test_loss.add(step, loss)
        self.test_acc.add(step, accuracy)

    def set_data(self, data) -> None:
        """The data set: regression (or one-input) data show the fit where the accuracy was."""
        fit = shows_fit(data)
        if fit != self.shows_fit:
            self.plots.removeItem(self.fit_plot if self.shows_fit else self.acc_plot)
            self.plots.addItem(self.acc_plot if self.shows_fit else self.fit_plot, row=2, col=0)
            self.shows_fit = fit
        self.fit_plot.set_data(data)

    def set_state(self, state) -> None:
        """The network on display (for the fit)."""
        if self.shows_fit:
            self.fit_plot.set_state(state)

    def show_step(self, step: int | None) -> None:
        """Mark ``step`` (the timeline rewound to it) with a line and a dot on each training curve; None
        (back at the newest step) takes the marks away."""
        self.marker_step = step
        self._draw_marker()

    def marker_position(self) -> tuple[float, float] | None:
        """(step, smoothed training loss) where the loss plot's marker is drawn, or None."""
        if not self._marker_lines[0].isVisible():
            return None
        xs, ys = self._marker_dots[0].getData()
        return float(self._marker_lines[0].value()), float(ys[0])

    def _draw_marker(self) -> None:
        step = self.marker_step
        for line, dot, series in zip(self._marker_lines, self._marker_dots, (self.train_loss, self.train_acc)):
            x, y = series.data()
            shown = step is not None and len(x) > 0
            line.setVisible(shown)
            dot.setVisible(shown)
            if shown:
                line.setValue(step)
                dot.setData([step], [float(np.interp(step, x, y))])

    @property
    def last_step(self) -> int:
        return self._last_step

    def redraw_now(self) -> None:
        for name in ("train_loss", "train_acc", "test_loss", "test_acc"):
            x, y = getattr(self, name).data()
            # An infinite loss (a diverging run's last test) is not drawn: pyqtgraph's bounds of a dot
            # at infinity are NaN (a warning at every repaint, and a plot that cannot fit).
            finite = np.isfinite(y)
            if not finite.all():
                x, y = x[finite], y[finite]
            self._curves[name].setData(x, y)
        self._draw_marker()
        if self.following:
            self._fit()

    def _fit(self) -> None:
        """Steps 0 .. a round number past the newest; loss 0 .. a round number above the highest."""
        steps = [s.x[s.n - 1] for s in (self.train_loss, self.test_loss) if s.n]
        losses = np.concatenate([s.data()[1] for s in (self.train_loss, self.test_loss)])
        losses = losses[np.isfinite(losses)]
        x_max = nice_ceiling(max(steps, default=10.0))
        y_max = nice_ceiling(float(losses.max())) if losses.size and losses.max() > 0 else 1.0
        if self._range != (x_max, y_max):
            self._range = (x_max, y_max)
            self.loss_plot.setXRange(0, x_max, padding=0)  # the accuracy plot's x is linked
            self.loss_plot.setYRange(0, y_max, padding=0.02)
            self.acc_plot.setYRange(0, 1, padding=0.02)

    def _stop_following(self, *_) -> None:
        self.following = False

    def _follow_again(self, *_) -> None:
        self.following = True
        self._range = None
        self.redraw_now()
