"""The Layers pane: per-layer gradient norms against step, activation histograms, confusion matrix.

Vanishing gradients show as the early layers' gradient norms lying orders of
magnitude below the late layers'; saturated sigmoids as histograms piled up
at 0 and 1; switching batch norm on changes both visibly.
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QVBoxLayout, QWidget

from nnviz.core.network import holding

from .curves import Series
from .fitted_text import DecadeAxis, IntegerAxis, SparseAxis, TallLabel
from .language import translate
from .surface.jobs import SurfaceJobs
from .throttled import ThrottledRedraw

SAMPLES = 256  # test samples behind the histograms
CONFUSION_SAMPLES = 1000
REDRAW_MS = 500
#: Points drawn per layer's gradient-norm line, at evenly spaced steps: nine layers' lines of up
#: to 20,000 points each, drawn whole twice a second, held the GUI thread 60-190 ms each time.
DRAWN_POINTS = 600
BINS = 30
LABEL_FONT = QFont()
LABEL_FONT.setPointSize(7)


def layer_colors(n: int) -> list:
    """n distinguishable colours, input side blue to output side yellow (viridis)."""
    cmap = pg.colormap.get("viridis")
    return [cmap.map(0.1 + 0.8 * i / max(1, n - 1), mode="qcolor") for i in range(n)]


def histograms(activations, bins: int = BINS):
    """activations: per hidden layer (samples, n_l) -> (density (layers, bins), (lo, hi)).

    All layers share one range of values, so the rows can be compared; each
    row is the fraction of that layer's activations falling in each bin."""
    finite = [a[np.isfinite(a)] for a in activations]
    values = np.concatenate([a.ravel() for a in finite]) if finite else np.zeros(1)
    lo, hi = (np.percentile(values, [0.5, 99.5]) if values.size else (0.0, 1.0))
    lo, hi = float(min(lo, 0.0)), float(hi)
    if hi - lo < 1e-6:
        lo, hi = lo - 0.5, hi + 0.5
    density = np.array([np.histogram(np.clip(a, lo, hi), bins=bins, range=(lo, hi))[0] / max(1, a.size)
                        for a in finite]).reshape(len(finite), bins)
    return density, (lo, hi)


def evenly_spaced(x: np.ndarray, y: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    """At most about ``n`` of the points (x, y) (k,) each, x increasing: the first point at or after
    each of ``n`` evenly spaced x values (all of them when there are no more than ``n``)."""
    if len(x) <= n:
        return x, y
    i = np.unique(np.searchsorted(x, np.linspace(x[0], x[-1], n)))
    return x[i], y[i]


def confusion_matrix(labels: np.ndarray, predicted: np.ndarray, n_classes: int) -> np.ndarray:
    """(n,) true and predicted classes -> (n_classes, n_classes) counts, rows = truth."""
    m = np.zeros((n_classes, n_classes), np.int64)
    np.add.at(m, (labels, predicted), 1)
    return m



def chart_figures(net, X: np.ndarray, X_confusion: np.ndarray, labels: np.ndarray, n_classes: int):
    """What the pane charts of ``net``: ((density (n_hidden, BINS), (lo, hi), n_hidden) of the hidden
    layers' activations on X (m, n_in), confusion matrix (n_classes, n_classes) on X_confusion with
    ``labels``).  Plain NumPy: runs in any thread (one at a time per network)."""
    with np.errstate(all="ignore"):
        net.forward(X)
        hidden = net.activations[1:-1]
        density, span = histograms(hidden) if hidden else (None, (0.0, 1.0))
        predicted = net.predict(X_confusion)
    return (density, span, len(hidden)), confusion_matrix(labels, predicted, n_classes)


class LayerChartsView(ThrottledRedraw, QWidget):
    """Three stacked charts for the network on display.

    ``set_context(data)`` when the data changes, ``add_rows(rows)`` with
    every new step's figures (for the gradient norms), ``set_state(state)`` with
    the network on display (for the histograms and the confusion matrix).
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("layerChartsView")
        self.live, self._computing, self._pending = False, False, False
        self._jobs = SurfaceJobs(self)  # the forward passes while training plays (see set_live)
        self._jobs.done.connect(self._job_done)
        self._jobs.failed.connect(self._job_failed)
        # The titles are Qt labels that wrap, not pyqtgraph titles: those never get narrower than their
        # text and cut the charts on the right in a narrow dock.
        self.title = TallLabel(translate("LayerCharts", "Gradient norm per layer (log): <span style='color:#6a3d9a'>"
                                         "first</span> ... <span style='color:#b8a000'>last</span>"), whole=True)
        self.title.setObjectName("layersTitle")
        self.title.setTextFormat(Qt.RichText)
        self.title.setAlignment(Qt.AlignCenter)
        self.plots = pg.GraphicsLayoutWidget()
        self.plots.setMinimumWidth(0)
        self.grad_plot = self.plots.addPlot(
            row=0, col=0, colspan=2, axisItems={"bottom": IntegerAxis("bottom"), "left": DecadeAxis("left")})
        self.grad_plot.setLogMode(y=True)
        self.grad_plot.setLabel("bottom", translate("LayerCharts", "step"))
        self.hist_plot = self.plots.addPlot(row=1, col=0, axisItems={"left": IntegerAxis("left"),
                                                                   "bottom": SparseAxis("bottom")})
        self.hist_plot.setLabel("left", translate("LayerCharts", "hidden layer"))
        self.hist_plot.setLabel("bottom", translate("LayerCharts", "activation"))
        self.hist_plot.invertY(True)
        self.hist_image = pg.ImageItem()
        self.hist_image.setColorMap(pg.colormap.get("inferno"))
        self.hist_plot.addItem(self.hist_image)
        self.confusion_plot = self.plots.addPlot(
            row=1, col=1, axisItems={"left": IntegerAxis("left"), "bottom": IntegerAxis("bottom")})
        self.confusion_plot.setLabel("left", translate("LayerCharts", "true"))
        self.confusion_plot.setLabel("bottom", translate("LayerCharts", "predicted"))
        self.confusion_plot.invertY(True)
        self.confusion_plot.setMouseEnabled(x=False, y=False)
        self.confusion_image = pg.ImageItem()
        self.confusion_image.setColorMap(pg.colormap.get("CET-L12"))
        self.confusion_plot.addItem(self.confusion_image)
        self.confusion_plot.getViewBox().sigResized.connect(self._fit_confusion_labels)
        self._confusion_labels: list[pg.TextItem] = []
        self.setToolTip(translate("LayerCharts", "Top: how large each layer's weight gradient is (log scale) - "
                                  "vanishing gradients make the first layers' lines sink. Bottom left: how each "
                                  "hidden layer's activations are spread over {n} test samples (one row per layer). "
                                  "Bottom right: which class the network takes for which on the test set (rows: the "
                                  "truth).").format(n=SAMPLES))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.plots, 1)
        self.data = None
        self.state = None  # the state on display; its network is loaded into ``net`` when redrawn
        self.net = self._job_net = None
        self.confusion = None
        self._norms: list[Series] = []
        self._grad_curves = []
        self._last_step = -1
        self.init_throttle(REDRAW_MS)

    def set_context(self, data) -> None:
        self.data = data
        self._last_step = -1
        self._norms = []
        self.grad_plot.clear()
        self._grad_curves = []

    def set_data(self, data) -> None:
        """New samples for the same network (points drawn on the plane): the charts go on."""
        self.data = data

    def _layers_changed(self, n_layers: int) -> None:
        self.grad_plot.clear()
        colors = layer_colors(n_layers)
        self._norms = [Series() for _ in range(n_layers)]
        self._grad_curves = [self.grad_plot.plot(pen=pg.mkPen(c, width=1.5), antialias=False) for c in colors]

    def add_rows(self, rows) -> None:
        """Record the gradient norms of steps not seen yet (a :class:`nnviz.core.history.Rows`,
        oldest first)."""
        live = rows.step > 0
        steps, norms = rows.step[live], rows.grad_norms[live]
        if len(steps):
            if len(self._norms) != norms.shape[1]:
                self._layers_changed(norms.shape[1])
            if steps[0] <= self._last_step:
                for series in self._norms:
                    series.truncate(steps[0])
            for series, g in zip(self._norms, norms.T):
                series.extend(steps, np.maximum(g, 1e-12))
            self._last_step = int(steps[-1])
        self.schedule_redraw()

    def set_state(self, state) -> None:
        """Chart the network of ``state`` (copied into the pane's own network at the next redraw: a pane
        behind a tab, or one redrawing twice a second, copies no parameters at every frame)."""
        self.state = state
        self.schedule_redraw()

    def set_live(self, live: bool) -> None:
        """While training plays, the histograms' and confusion matrix's forward passes run in a
        background thread (a 784-512-512-512-10 network: 1.2 G multiply-adds a redraw); stepped,
        paused or rewound, they are computed at once, so what is on screen is the state's own."""
        self.live = live

    def redraw_now(self) -> None:
        for curve, series in zip(self._grad_curves, self._norms):
            curve.setData(*evenly_spaced(*series.data(), DRAWN_POINTS))
        state, data = self.state, self.data
        if state is None or data is None or state.layer_sizes[0] != data.n_inputs:
            return
        n = data.n_outputs if data.n_outputs > 1 else 2
        inputs = (data.X_test[:SAMPLES], data.X_test[:CONFUSION_SAMPLES], data.labels_test[:CONFUSION_SAMPLES], n)
        if not self.live:
            self.net = holding(self.net, state.config, state.theta, state.norm_stats)
            self._draw(chart_figures(self.net, *inputs))
        elif self._computing:
            self._pending = True  # the newest state is charted when the running job ends
        else:
            self._computing, self._pending = True, False
            # The job's own network (one job at a time): the pane's may be loaded meanwhile at a pause.
            self._job_net = net = holding(self._job_net, state.config, state.theta, state.norm_stats)
            self._jobs.submit(lambda should_stop, on_row: chart_figures(net, *inputs))

    def _job_done(self, token: int, figures) -> None:
        self._computing = False
        if token == self._jobs.token:
            self._draw(figures)
        if self._pending:
            self._pending = False
            self.redraw_now()

    def _job_failed(self, token: int, message: str) -> None:
        self._computing = False  # printed by the job; the next redraw tries again

    def shutdown(self) -> None:
        """Wait for a running computation (before the window closes)."""
        self._jobs.shutdown()

    def _draw(self, figures) -> None:
        (density, (lo, hi), n_hidden), confusion = figures
        if not n_hidden:
            self.hist_image.clear()
        else:
            self.hist_image.setImage(density, levels=(0, max(1e-6, float(density.max()))))
            self.hist_image.setRect(lo, 0.5, hi - lo, n_hidden)  # hidden layer k's row centred on k
            self.hist_plot.setRange(xRange=(lo, hi), yRange=(0.5, n_hidden + 0.5), padding=0)
        self._draw_confusion(confusion)

    def _draw_confusion(self, m: np.ndarray) -> None:
        self.confusion = m
        n = len(m)
        # Colour the mistakes: the diagonal (right answers) would drown them otherwise.
        shown = m.astype(float)
        np.fill_diagonal(shown, 0)
        self.confusion_image.setImage(shown, levels=(0, max(1.0, shown.max())))
        self.confusion_image.setRect(-0.5, -0.5, n, n)  # class k's cell centred on k
        if len(self._confusion_labels) != n * n:
            for item in self._confusion_labels:
                self.confusion_plot.removeItem(item)
            self._confusion_labels = []
            for i in range(n):
                for j in range(n):
                    item = pg.TextItem(anchor=(0.5, 0.5), color="#222" if i != j else "#1b5e20")
                    item.setFont(LABEL_FONT)
                    item.setPos(j, i)
                    self.confusion_plot.addItem(item)
                    self._confusion_labels.append(item)
            self.confusion_plot.setRange(xRange=(-0.5, n - 0.5), yRange=(-0.5, n - 0.5), padding=0)
        for k, item in enumerate(self._confusion_labels):
            item.setText(str(m.flat[k]))
        self._fit_confusion_labels()

    def _fit_confusion_labels(self, *_) -> None:
        """The counts are written in the cells only when a cell is wide enough for three digits."""
        box = self.confusion_plot.getViewBox()
        n = int(np.sqrt(len(self._confusion_labels)))
        cell = min(box.width(), box.height()) / max(1, n)
        show = cell >= QFontMetrics(LABEL_FONT).horizontalAdvance("888") + 2
        for item in self._confusion_labels:
            item.setVisible(show)
