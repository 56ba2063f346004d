"""nnviz.gui: the Qt window and its panes (PySide6 + pyqtgraph).

Importing this package sets pyqtgraph's global options once: images are
row-major (``image[row, col]``, as NumPy prints them) and lines anti-aliased.
"""
import pyqtgraph as pg

pg.setConfigOptions(imageAxisOrder="row-major", antialias=True)
