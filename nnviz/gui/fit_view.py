"""The fit of a network on one-input or regression data: the points and the network's answer.

For data with one input (the One neuron lesson's line) the plot is y against x: the training
points (filled), the test points (hollow) and the network's answer over the input, a curve of
CURVE_POINTS points (for one neuron with no activation, the line y = w x + b, named in the title).
For regression data with several inputs it is the network's prediction against the target, for
the test samples, with the diagonal where a perfect fit would put them.  ``FitPlot`` is a
pyqtgraph PlotItem (the curves pane puts it in its layout); ``FitView`` the same as a widget (the
diagram's pane shows it beside the network).
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt

from nnviz.core.network import holding

from .fitted_text import SparseAxis
from .language import translate

CURVE_POINTS = 200
MAX_POINTS = 1000  # test samples drawn in the prediction-vs-target plot
LINE_PEN = pg.mkPen("#d62728", width=2.5)
TRAIN_BRUSH = pg.mkBrush(31, 119, 180, 170)
TEST_PEN = pg.mkPen("#1f77b4", width=1.2)


def shows_fit(data) -> bool:
    """Whether ``data`` is drawn as a fit: one input, or a regression."""
    return data is not None and (data.n_inputs == 1 or data.task == "regression")


def input_range(X: np.ndarray) -> tuple[float, float]:
    """(low, high) of one input column X (n, 1), with a 5% margin either side."""
    lo, hi = float(np.min(X)), float(np.max(X))
    pad = 0.05 * max(hi - lo, 1e-6)
    return lo - pad, hi + pad


class FitPlot(pg.PlotItem):
    """The plot; see the module docstring.  ``set_data(data)`` when the data change, ``set_state(state)``
    with the network on display (its own copy of it), ``answer(xs)`` the network's output at inputs xs (k,)."""

    def __init__(self):
        super().__init__(axisItems={"left": SparseAxis("left"), "bottom": SparseAxis("bottom")})
        self.setMenuEnabled(False)
        self.train_points = pg.ScatterPlotItem(size=6, brush=TRAIN_BRUSH, pen=None)
        self.test_points = pg.ScatterPlotItem(size=7, brush=None, pen=TEST_PEN)
        self.line = pg.PlotCurveItem(pen=LINE_PEN)
        self.diagonal = pg.PlotCurveItem(pen=pg.mkPen("#888", width=1, style=Qt.DashLine))
        for item in (self.diagonal, self.train_points, self.test_points, self.line):
            self.addItem(item)
        self.data = None
        self.net = None

    def set_data(self, data) -> None:
        """The points of ``data`` (a Dataset), nothing drawn for the network until ``set_state``."""
        self.data = data
        self.net = None
        self.line.setData([], [])
        self.diagonal.setData([], [])
        self.train_points.setData([], [])
        self.test_points.setData([], [])
        if not shows_fit(data):
            return
        target = data.class_names[0] if data.class_names else translate("FitView", "target")
        if data.n_inputs == 1:
            self.train_points.setData(data.X_train[:, 0], data.Y_train[:, 0])
            self.test_points.setData(data.X_test[:, 0], data.Y_test[:, 0])
            self.setLabel("bottom", data.input_names[0] if data.input_names else translate("FitView", "input"))
            self.setLabel("left", target)
            self.setTitle(translate("FitView", "the points and the network's answer"), size="9pt")
        else:
            y = data.Y_test[:MAX_POINTS, 0]
            lo, hi = float(y.min()), float(y.max())
            self.diagonal.setData([lo, hi], [lo, hi])
            self.setLabel("bottom", translate("FitView", "target {name}").format(name=target))
            self.setLabel("left", translate("FitView", "prediction"))
            self.setTitle(translate("FitView", "prediction against target (test)"), size="9pt")

    def answer(self, xs: np.ndarray) -> np.ndarray:
        """The network's first output at one-dimensional inputs ``xs`` (k,) -> (k,)."""
        with np.errstate(all="ignore"):
            return np.asarray(self.net.forward(np.asarray(xs, np.float32)[:, None]))[:, 0].astype(float)

    def set_state(self, state) -> None:
        """Draw the network of ``state`` over the points."""
        data = self.data
        if not shows_fit(data) or state is None or state.layer_sizes[0] != data.n_inputs:
            return
        self.net = holding(self.net, state.config, state.theta, state.norm_stats)
        if data.n_inputs == 1:
            xs = np.linspace(*input_range(np.r_[data.X_train[:, 0], data.X_test[:, 0]]), CURVE_POINTS)
            ys = self.answer(xs)
            self.line.setData(xs, np.where(np.isfinite(ys), ys, np.nan), connect="finite")
            if list(state.layer_sizes) == [1, 1] and state.config.get("output") == "linear":
                w, b = float(state.weights[0][0, 0]), float(state.biases[0][0])
                line = f"y = w x + b = {w:.2f} x {'+' if b >= 0 else '-'} {abs(b):.2f}"
                self.setTitle(translate("FitView", "{line} (step {step})").format(line=line, step=state.step),
                              size="9pt")
        else:
            X, y = data.X_test[:MAX_POINTS], data.Y_test[:MAX_POINTS, 0]
            with np.errstate(all="ignore"):
                predicted = np.asarray(self.net.forward(X))[:, 0]
            keep = np.isfinite(predicted)
            self.test_points.setData(y[keep], predicted[keep])


class FitView(pg.PlotWidget):
    """A FitPlot as a widget (white, no context menu); ``fit`` is the plot."""

    def __init__(self, parent=None):
        self.fit = FitPlot()
        super().__init__(parent, plotItem=self.fit)
        self.setBackground("w")
        self.setObjectName("fitView")
        self.setMinimumWidth(160)
        self.setToolTip(translate("FitView", "The data and the network's answer: each point is a training sample "
                                  "(filled) or a test sample (hollow); the red curve is what the network outputs for "
                                  "every input. Training moves it towards the points."))
