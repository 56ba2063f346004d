"""The loss-surface pane's 2-D drawing: SurfacePlot, a pyqtgraph PlotWidget with the heat map,
its contour lines and colour bar, the ball with its trail and arrows, and the race's runners.

It draws what it is given (the model in :mod:`.modes` works it out): surfaces are (n, m) losses,
rows along y, over an extent (x0, x1, y0, y1); points and paths are in the plot's coordinates,
paths (k, 2) arrays or lists of (x, y).
"""
from __future__ import annotations

import re

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QFontMetrics, QTransform

from .maths import contour_segments, log_ticks, upsample
from ..fitted_text import SparseAxis
from ..language import translate

UPSAMPLE = 4  # the heat map is shown linearly interpolated, this many pixels per grid step
LOG_RATIO = 30  # colour by log10(loss) when the largest loss shown is this many times the smallest
ARROW_PX = 46  # arrows show directions: this long on screen (the velocity a little longer)
TRAIL_COLOR = "#ff7043"
RUNNER_COLORS = ("#e53935", "#43a047", "#1e88e5", "#fdd835")
CMAP = pg.colormap.get("viridis")


class Contour(pg.IsocurveItem):
    """A contour line of (n, m) values (rows along y) at a level, in grid indices + 0.5 like
    pyqtgraph's own, its segments from :func:`~.maths.contour_segments` (NumPy) instead of
    pyqtgraph's grid walk in Python (35 ms of the GUI thread for the pane's seven at each new surface,
    the slowest paints while a big network played)."""

    def generatePath(self):
        if self.data is None:
            self.path = None
            return
        lines = contour_segments(self.data, self.level) + 0.5
        self.path = pg.arrayToQPath(lines[:, 0::2].ravel(), lines[:, 1::2].ravel(), connect="pairs")


class SurfacePlot(pg.PlotWidget):
    """The plot of the pane (white background, no context menu); see the module docstring."""

    def __init__(self):
        # No context menu, decided at construction: destroying pyqtgraph's ViewBoxMenu afterwards
        # (setMenuEnabled(False)) crashed PySide 6.11 now and then in shiboken's releaseWrapper.
        super().__init__(enableMenu=False, axisItems={"left": SparseAxis("left"), "bottom": SparseAxis("bottom")})
        self.setBackground("w")
        self.image = pg.ImageItem()
        self.image.setColorMap(CMAP)
        self.addItem(self.image)
        self.colorbar = pg.ColorBarItem(colorMap=CMAP, interactive=False, width=12)
        self.colorbar.axis.enableAutoSIPrefix(False)
        self.colorbar.setImageItem(self.image, insert_in=self.getPlotItem())
        self.contours = [Contour(pen=pg.mkPen((255, 255, 255, 110), width=1)) for _ in range(7)]
        for c in self.contours:
            self.addItem(c, ignoreBounds=True)
        # Plain curves (no symbols): moving the ball must stay cheap.
        self.trail = pg.PlotCurveItem(pen=pg.mkPen(TRAIL_COLOR, width=2))
        self.ball = pg.ScatterPlotItem(size=14, brush=pg.mkBrush("#ff3d00"), pen=pg.mkPen("w", width=2))
        self.gradient_arrow = pg.PlotCurveItem(pen=pg.mkPen("#ffffff", width=2.5))
        self.velocity_arrow = pg.PlotCurveItem(pen=pg.mkPen("#00e5ff", width=2.5))
        for item in (self.trail, self.velocity_arrow, self.gradient_arrow, self.ball):
            self.addItem(item)
        self._left_name, self._bar_name = "", translate("LossSurface", "loss")
        self.getViewBox().sigResized.connect(self._fit_labels)
        self.race_items = []  # (trail, ball) of each runner
        for color in RUNNER_COLORS:
            trail = pg.PlotDataItem(pen=pg.mkPen(color, width=2))
            ball = pg.ScatterPlotItem(size=12, brush=pg.mkBrush(color), pen=pg.mkPen("w", width=1.5))
            self.addItem(trail)
            self.addItem(ball)
            self.race_items.append((trail, ball))
        self.setToolTip(translate("LossSurface", "Dark = low loss. The ball is where the parameters are; the white "
                                  "arrow is the negative gradient of the last step, the cyan one the update the "
                                  "optimiser made (with momentum or Adam it points elsewhere)."))

    def set_racing(self, racing: bool) -> None:
        """Show the runners (racing) or the ball, its trail and arrows."""
        for item in (self.trail, self.ball, self.gradient_arrow, self.velocity_arrow):
            item.setVisible(not racing)
        for trail, ball in self.race_items:
            trail.setVisible(racing)
            ball.setVisible(racing)

    def _fit_labels(self, *_) -> None:
        """The vertical axes' names, without their bracketed details when the plot is too short for
        them (a neuron clicked at 1280x720): shortened, never cut."""
        for axis, name in ((self.getAxis("left"), self._left_name), (self.colorbar.axis, self._bar_name)):
            room = axis.height() - 4
            fits = QFontMetrics(axis.label.font()).horizontalAdvance
            short = re.sub(r"\s*[(（].*?[)）]", "", name)  # Chinese brackets too
            text = name if fits(name) <= room else short if fits(short) <= room else ""
            if axis.labelText != text or not axis.label.isVisible() and text:
                axis.setLabel(text)
            axis.showLabel(bool(text))

    def set_equal_axes(self, equal: bool) -> None:
        """One unit is as long on x as on y (a round bowl is drawn as a circle), or each axis fills the plot."""
        self.getViewBox().setAspectLocked(equal, ratio=1.0)

    # --------------------------------------------------------------- surface
    def show_surface(self, values: np.ndarray, extent: tuple, axis_names: tuple[str, str]) -> np.ndarray | None:
        """Heat map (linearly interpolated between grid points), contour lines, colour bar, axis names,
        for ``values`` (n, m) over ``extent``.  Returns the (n, m) values as coloured (clipped, log10 when
        they span orders of magnitude), or None when none is finite (nothing drawn)."""
        x0, x1, y0, y1 = extent
        finite = values[np.isfinite(values)]
        if not finite.size:
            return None
        lo, hi = float(finite.min()), float(np.percentile(finite, 98))
        hi = hi if hi > lo else lo + 1e-9
        shown = np.clip(np.nan_to_num(values, nan=hi), lo, hi)
        # Losses spanning orders of magnitude are coloured by their logarithm, or the valleys all look alike.
        log = lo > 0 and hi / lo >= LOG_RATIO
        if log:
            shown, lo, hi = np.log10(shown), np.log10(lo), np.log10(hi)
        self.colorbar.axis.setTicks(log_ticks(lo, hi) if log else None)
        self._bar_name = translate("LossSurface", "loss (log scale)") if log else translate("LossSurface", "loss")
        fine = upsample(shown, UPSAMPLE)
        n, m = shown.shape
        dx, dy = (x1 - x0) / (m - 1), (y1 - y0) / (n - 1)
        fdx, fdy = (x1 - x0) / (fine.shape[1] - 1), (y1 - y0) / (fine.shape[0] - 1)
        self.image.setImage(fine, levels=(lo, hi))
        self.image.setRect(x0 - fdx / 2, y0 - fdy / 2, x1 - x0 + fdx, y1 - y0 + fdy)  # pixel centres on the grid
        self.colorbar.setLevels((lo, hi))
        # Contours at quantiles of the values: evenly spread rings whatever the loss's scale.
        levels = np.unique(np.quantile(shown, np.linspace(0.04, 0.85, len(self.contours))))
        transform = QTransform(dx, 0, 0, dy, x0 - dx / 2, y0 - dy / 2)  # isocurve coordinates: index + 0.5
        for k, c in enumerate(self.contours):
            if k < len(levels) and lo < levels[k] < hi:
                c.setTransform(transform)
                c.setData(shown, levels[k])
            else:
                c.setData(None)
        self.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)
        self.setLabel("bottom", axis_names[0])
        self._left_name = axis_names[1]
        self._fit_labels()
        return shown

    def clear_surface(self) -> None:
        """No heat map, contours, ball, trail or arrows."""
        self.image.clear()
        for c in self.contours:
            c.setData(None)
        for item in (self.trail, self.gradient_arrow, self.velocity_arrow):
            item.setData([], [])
        self.ball.setData([], [])

    # -------------------------------------------------------------- the ball
    def arrow(self, item, x: float, y: float, dx: float, dy: float, px: float = ARROW_PX) -> None:
        """An arrow ``px`` long on screen from (x, y) along (dx, dy), head included (line pairs)."""
        pw, ph = self.getViewBox().viewPixelSize()
        if not (np.isfinite(pw) and np.isfinite(ph) and pw > 0 and ph > 0):
            pw = ph = 1.0
        u, v = dx / pw, dy / ph  # in pixels
        length = np.hypot(u, v)
        if not np.isfinite(length) or length == 0:
            item.setData([], [])
            return
        u, v = u / length, v / length
        ex, ey = x + u * px * pw, y + v * px * ph
        xs, ys = [x, ex], [y, ey]
        for angle in (0.45, -0.45):  # two head strokes, 10 px, 26 degrees either side of backwards
            c, s = np.cos(angle), np.sin(angle)
            hu, hv = -(u * c - v * s), -(u * s + v * c)
            xs += [ex, ex + hu * 10 * pw]
            ys += [ey, ey + hv * 10 * ph]
        item.setData(xs, ys, connect="pairs")

    def show_trail(self, points: np.ndarray | None) -> None:
        """The path as (k, 2) points (None: leave the trail as it is)."""
        if points is not None:
            self.trail.setData(points[:, 0], points[:, 1])

    def show_ball(self, x: float, y: float, trail: np.ndarray | None, gradient: tuple[float, float],
                  move: tuple | None) -> None:
        """The ball at (x, y), its ``trail`` (k, 2) (see show_trail), and arrows: the negative
        ``gradient`` (gx, gy), and the last update ``move`` (dx, dy) if any."""
        self.ball.setData([x], [y])
        self.show_trail(trail)
        gx, gy = gradient
        self.arrow(self.gradient_arrow, x, y, -gx, -gy)
        if move is not None:
            self.arrow(self.velocity_arrow, x, y, *move, 1.4 * ARROW_PX)
        else:
            self.velocity_arrow.setData([], [])

    def ball_position(self, racing: bool) -> tuple[float, float] | None:
        """The ball's (x, y) (the first runner's when racing); None when it is not drawn."""
        item = self.race_items[0][1] if racing else self.ball
        data = item.getData()
        return (float(data[0][0]), float(data[1][0])) if len(data[0]) else None

    # ------------------------------------------------------------------ race
    def show_runners(self, paths: list) -> None:
        """Each runner's path (k, 2), its ball at the last point."""
        for (trail, ball), p in zip(self.race_items, paths):
            trail.setData(p[:, 0], p[:, 1])
            ball.setData([p[-1, 0]], [p[-1, 1]])

    def clear_runners(self) -> None:
        for trail, ball in self.race_items:
            trail.setData([], [])
            ball.setData([], [])

    def paths(self, racing: bool) -> list:
        """[(xs, ys, colour)] of what is drawn: the runners' trails when racing, else the ball's trail."""
        if racing:
            return [(*trail.getData(), color) for (trail, _), color in zip(self.race_items, RUNNER_COLORS)]
        return [(*self.trail.getData(), TRAIL_COLOR)]
