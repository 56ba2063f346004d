"""nnviz.gui: the Qt window and its panes (PySide6 + pyqtgraph).

Importing this package sets pyqtgraph's global options once: images are
row-major (``image[row, col]``, as NumPy prints them), lines anti-aliased,
and plots dark on white (legible on a classroom projector).
"""
from nnviz import missing_dependency

try:
    import PySide6  # noqa: F401  (the window's toolkit; pyqtgraph imports it too)
    import pyqtgraph as pg
except ModuleNotFoundError as e:  # a Python other than the venv's: one clear sentence, not a bare traceback
    raise ModuleNotFoundError(missing_dependency(e.name), name=e.name) from e

pg.setConfigOptions(imageAxisOrder="row-major", antialias=True, background="w", foreground="#333")
