"""nnviz.gui: the Qt window and its panes (PySide6 + pyqtgraph).

Importing this package sets pyqtgraph's global options once: images are
row-major (``image[row, col]``, as NumPy prints them), lines anti-aliased,
and plots dark on white (legible on a classroom projector).
"""
import pyqtgraph as pg

pg.setConfigOptions(imageAxisOrder="row-major", antialias=True, background="w", foreground="#333")
