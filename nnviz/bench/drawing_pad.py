"""Drawing pad figures: mouse move -> prediction repainted, and preprocess_drawing alone."""
from __future__ import annotations

import statistics
import time

import numpy as np

from nnviz.bench.windows import dispose


def run(quick: bool = False, with_window: bool = True) -> dict:
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    from nnviz.core import datasets, load_pretrained, preprocess_drawing
    from nnviz.gui.app import application

    app = application()
    n = 60 if quick else 200
    rng = np.random.default_rng(0)
    canvas = np.zeros((280, 280), np.float32)
    canvas[60:220, 130:150] = 1.0
    pre = []
    for _ in range(n):
        canvas[rng.integers(40, 240), rng.integers(40, 240)] = 1.0
        t = time.perf_counter()
        preprocess_drawing(canvas)
        pre.append(time.perf_counter() - t)

    def strokes(pad, repaint):
        times = []
        QTest.mousePress(pad, Qt.LeftButton, Qt.NoModifier, QPoint(60, 60))
        for i in range(n):
            p = QPoint(60 + (i * 7) % 160, 60 + (i * 13) % 160)
            t = time.perf_counter()
            QTest.mouseMove(pad, p)
            repaint()
            times.append(time.perf_counter() - t)
        QTest.mouseRelease(pad, Qt.LeftButton, Qt.NoModifier, QPoint(60, 60))
        return statistics.median(times) * 1e3

    from nnviz.gui.drawing_pad import DigitPadPane

    pane = DigitPadPane()
    pane.resize(380, 560)
    pane.set_dataset(datasets.load("digits"))
    pane.show_network(load_pretrained("3b1b"))
    pane.show()
    app.processEvents()
    # After each move, the event loop paints exactly what the move invalidated, as in the app.
    result = {"preprocess_median_ms": round(statistics.median(pre) * 1e3, 3), "preprocess_target_ms": 2.0,
              "move_to_prediction_pane_median_ms": round(strokes(pane.pad, app.processEvents), 2)}
    pane.close()
    if with_window:
        from nnviz.gui.main_window import MainWindow

        window = MainWindow(remember=False)
        window.show()
        app.processEvents()

        result["move_to_prediction_and_diagram_median_ms"] = round(strokes(window.pad_pane.pad, app.processEvents), 2)
        dispose(window)
    result["move_target_ms"] = 16.0
    return result
