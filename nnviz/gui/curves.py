"""The curves pane: training and test loss and accuracy against step."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QVBoxLayout, QWidget

from .throttled import ThrottledRedraw

TRAIN_PEN = pg.mkPen("#1f77b4", width=1.5)
TEST_PEN = pg.mkPen("#d62728", width=2)
SMOOTHING = 0.98  # exponential moving average of the noisy mini-batch figures
REDRAW_MS = 500  # the curves move slowly: redraw twice a second, not at every frame


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
        if self.n == len(self.x):
            if self.n >= self.max_points:
                keep = np.r_[0:self.n - 1:2, self.n - 1]  # x (n,) -> about n/2 points, the newest kept
                self.n = len(keep)
                self.x[:self.n], self.y[:self.n] = self.x[keep], self.y[keep]
            else:
                self.x = np.resize(self.x, min(2 * self.n, self.max_points))
                self.y = np.resize(self.y, len(self.x))
        self.x[self.n], self.y[self.n] = x, y
        self.n += 1

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
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("curvesView")
        self.plots = pg.GraphicsLayoutWidget()
        self.loss_plot = self.plots.addPlot(row=0, col=0, title="Loss")
        self.acc_plot = self.plots.addPlot(row=1, col=0, title="Accuracy")
        self.acc_plot.setXLink(self.loss_plot)
        self.acc_plot.setYRange(0, 1)
        self.acc_plot.setLabel("bottom", "step")
        for plot in (self.loss_plot, self.acc_plot):
            plot.setDownsampling(auto=True, mode="peak")
            plot.setClipToView(True)
            plot.addLegend(offset=(-10, 10))
        self.train_loss, self.train_acc = Series(), Series()
        self.test_loss, self.test_acc = Series(), Series()
        self._curves = {
            "train_loss": self.loss_plot.plot(pen=TRAIN_PEN, name="training (smoothed)", antialias=False),
            "test_loss": self.loss_plot.plot(pen=TEST_PEN, symbol="o", symbolSize=4, symbolBrush="#d62728",
                                             name="test", antialias=False),
            "train_acc": self.acc_plot.plot(pen=TRAIN_PEN, name="training (smoothed)", antialias=False),
            "test_acc": self.acc_plot.plot(pen=TEST_PEN, symbol="o", symbolSize=4, symbolBrush="#d62728",
                                           name="test", antialias=False),
        }
        self.setToolTip("Loss and accuracy as training goes on. Blue: the training mini-batches (smoothed); "
                        "red: the held-out test set, which the network never trains on.")
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
        self.redraw_now()

    def add_states(self, states) -> None:
        """Add the training figures of ``states`` (StepStates, oldest first) not yet plotted."""
        for s in states:
            if s.step <= 0 or s.diverged:
                continue
            if s.step <= self._last_step:  # a branch: forget the abandoned future
                self.train_loss.truncate(s.step)
                self.train_acc.truncate(s.step)
                self.test_loss.truncate(s.step)
                self.test_acc.truncate(s.step)
            if self._ema is None or s.step <= self._last_step:
                self._ema = [s.loss, s.accuracy]
            else:  # steps the window did not see count as if they had the same values
                keep = SMOOTHING ** (s.step - self._last_step)
                self._ema[0] = keep * self._ema[0] + (1 - keep) * s.loss
                self._ema[1] = keep * self._ema[1] + (1 - keep) * s.accuracy
            self.train_loss.add(s.step, self._ema[0])
            self.train_acc.add(s.step, self._ema[1])
            self._last_step = s.step

    def add_test(self, step: int, loss: float, accuracy: float) -> None:
        if self.test_loss.n and step <= self.test_loss.x[self.test_loss.n - 1]:
            self.test_loss.truncate(step)
            self.test_acc.truncate(step)
        self.test_loss.add(step, loss)
        self.test_acc.add(step, accuracy)

    @property
    def last_step(self) -> int:
        return self._last_step

    def redraw_now(self) -> None:
        self._curves["train_loss"].setData(*self.train_loss.data())
        self._curves["train_acc"].setData(*self.train_acc.data())
        self._curves["test_loss"].setData(*self.test_loss.data())
        self._curves["test_acc"].setData(*self.test_acc.data())
