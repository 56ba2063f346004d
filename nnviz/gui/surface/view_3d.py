"""The loss surface's optional 3-D view (pyqtgraph.opengl), and whether it can run here.

OpenGL does not render offscreen and ``pyqtgraph.opengl`` needs PyOpenGL, which nnviz does not
require: :func:`opengl_available` says why not, and the pane keeps its 2-D view.
"""
from __future__ import annotations

import os

import numpy as np
import pyqtgraph as pg

from ..language import translate

SIZE = 20.0  # the landscape spans -SIZE/2 .. SIZE/2 along both axes
HEIGHT = 10.0  # from the lowest to the highest loss shown


def opengl_available() -> tuple[bool, str]:
    """(True, "") when the 3-D view can render here, else (False, why not)."""
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.platformName() in ("offscreen", "minimal") or os.environ.get("QT_QPA_PLATFORM") == "offscreen":
        return False, translate("Surface3D", "3-D view needs OpenGL on a screen (this session is offscreen); "
                                             "showing 2-D")
    try:
        import OpenGL  # noqa: F401  (PyOpenGL)
        import pyqtgraph.opengl  # noqa: F401
    except ImportError:
        return False, translate("Surface3D", "3-D view needs OpenGL (pip install PyOpenGL); showing 2-D")
    return True, ""


class Landscape3D:
    """A GLViewWidget with the surface as a coloured mesh and balls with trails lying on it.

    Build it only when :func:`opengl_available` says yes.
    """

    def __init__(self, cmap):
        import pyqtgraph.opengl as gl

        self.cmap = cmap
        self.widget = gl.GLViewWidget()
        self.widget.setBackgroundColor((24, 26, 31))
        self.widget.setCameraPosition(distance=42, elevation=28, azimuth=-60)
        self.surface = gl.GLSurfacePlotItem(smooth=False, drawEdges=False)
        self.widget.addItem(self.surface)
        self.widget.addItem(gl.GLGridItem(size=pg.Vector(SIZE, SIZE, 1)))
        self.balls = gl.GLScatterPlotItem(size=12, pxMode=True)
        self.widget.addItem(self.balls)
        self.trails: list = []
        self.heights = None  # (normalised values (rows along y), extent)

    def set_surface(self, values: np.ndarray, extent: tuple) -> None:
        """values (n, m), rows along y, over extent (x0, x1, y0, y1)."""
        z = np.nan_to_num(np.asarray(values, float))
        z = (z - z.min()) / max(1e-12, float(np.ptp(z)))
        colors = self.cmap.map(z.T.ravel(), mode="float")  # one per vertex, (n*m, 4): the mesh wants them flat
        half = SIZE / 2
        self.surface.setData(x=np.linspace(-half, half, z.shape[1]), y=np.linspace(-half, half, z.shape[0]),
                             z=z.T * HEIGHT, colors=colors)
        self.heights = (z, extent)

    def lift(self, xs, ys) -> np.ndarray:
        """Points (x, y) of the 2-D view -> (n, 3) on the landscape, a little above it."""
        z, (x0, x1, y0, y1) = self.heights
        u = np.clip((np.asarray(xs, float) - x0) / (x1 - x0), 0, 1)
        v = np.clip((np.asarray(ys, float) - y0) / (y1 - y0), 0, 1)
        height = z[np.rint(v * (z.shape[0] - 1)).astype(int), np.rint(u * (z.shape[1] - 1)).astype(int)]
        return np.column_stack([u * SIZE - SIZE / 2, v * SIZE - SIZE / 2, height * HEIGHT + 0.3])

    def set_paths(self, paths) -> None:
        """paths: [(xs, ys, colour)], each a trail whose last point is its ball."""
        if self.heights is None:
            return
        import pyqtgraph.opengl as gl

        while len(self.trails) < len(paths):
            item = gl.GLLinePlotItem(width=2, antialias=True)
            self.widget.addItem(item)
            self.trails.append(item)
        balls, colours = [], []
        for item, (xs, ys, color) in zip(self.trails, paths):
            if xs is None or not len(xs):
                continue
            points = self.lift(xs, ys)
            rgba = pg.mkColor(color).getRgbF()
            item.setData(pos=points, color=rgba)
            balls.append(points[-1])
            colours.append(rgba)
        if balls:
            self.balls.setData(pos=np.array(balls), color=np.array(colours))
