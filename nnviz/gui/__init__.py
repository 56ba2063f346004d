"""nnviz.gui: the Qt window and its panes (PySide6 + pyqtgraph).

Importing this package sets pyqtgraph's global options once: images are
row-major (``image[row, col]``, as NumPy prints them), lines anti-aliased,
and plots dark on white (legible on a classroom projector).
"""
import sys

try:
    import PySide6  # noqa: F401  (the window's toolkit; pyqtgraph imports it too)
    import pyqtgraph as pg
except ModuleNotFoundError as e:  # a Python other than the venv's: one clear sentence, not a bare traceback
    raise ModuleNotFoundError(
        f"nnviz's window needs {e.name}, which this Python ({sys.executable}) does not have: run it with the Python "
        "of the venv nnviz was installed in (`. .venv/bin/activate` first, or `.venv/bin/python`), "
        "or install nnviz in this one (`pip install -e .`)", name=e.name) from e

pg.setConfigOptions(imageAxisOrder="row-major", antialias=True, background="w", foreground="#333")
