"""Run as ``python tests/screen_check.py 1280x720``: the window on a screen of that size (Qt's
offscreen platform, given the size in a config file), walked through every lesson, every surface
mode and a neuron click; prints one JSON object of what was measured and every problem found.

A script, not a test: a screen's size is fixed when the QApplication starts, and the suite's
offscreen screen is 800x800.  ``tests/test_screen_fit.py`` runs it in a subprocess.
"""
from __future__ import annotations

import json
import os
import sys
import tempfile

MIN_PANE_HEIGHT = 120
TABS = ("curvesDock", "layersDock", "formulaDock")  # the bottom panes, tabbed


def screen_config(width: int, height: int) -> str:
    """A config file for the offscreen platform with one screen of that size; its path."""
    handle, path = tempfile.mkstemp(suffix=".json")
    with os.fdopen(handle, "w") as f:
        json.dump({"screens": [{"name": "screen", "x": 0, "y": 0, "width": width, "height": height,
                                "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}, f)
    return path


def docks_on_screen(window) -> list:
    """Docked panes the user can see (not floating, not closed, not a tab behind another)."""
    return [d for d in window.docks.values()
            if d.isVisible() and not d.isFloating() and not d.visibleRegion().isEmpty()]


def settle(app, seconds: float = 0.3) -> None:
    """Let late figures (the test set's) arrive and the layouts they change settle."""
    import time

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def check(window, app, where: str, problems: list, record: dict, texts: list | None = None) -> None:
    settle(app)
    if texts is not None:
        texts += text_problems(window, where) + chart_problems(window, where)
    available = window.screen().availableGeometry()
    frame = window.frameGeometry()
    record[where] = {"window": [frame.x(), frame.y(), frame.width(), frame.height()],
                     "panes": {d.objectName(): d.height() for d in docks_on_screen(window)}}
    if not available.contains(frame):
        problems.append(f"{where}: window {frame.getRect()} outside the screen {available.getRect()}")
    for dock in docks_on_screen(window):
        if dock.height() < MIN_PANE_HEIGHT:
            problems.append(f"{where}: {dock.windowTitle()} only {dock.height()} px high")


def text_problems(window, where: str) -> list[str]:
    """Every visible label, button, check box and combo box whose text does not fit, unless it is
    elided with the whole text in its tooltip."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QAbstractButton, QCheckBox, QComboBox, QLabel, QStyle, QStyleOptionComboBox

    problems = []
    for w in window.findChildren(QLabel) + window.findChildren(QAbstractButton) + window.findChildren(QComboBox):
        if not w.isVisible() or w.visibleRegion().isEmpty() or w.window() is not window:
            continue
        fm = w.fontMetrics()
        if isinstance(w, QComboBox):
            text = w.currentText()
            option = QStyleOptionComboBox()
            w.initStyleOption(option)
            room = w.style().subControlRect(QStyle.CC_ComboBox, option, QStyle.SC_ComboBoxEditField, w).width()
        elif isinstance(w, QLabel):
            if w.wordWrap() or w.textFormat() == Qt.RichText or "<" in w.text() or not w.text():
                continue
            text, room = w.text(), w.contentsRect().width()
        else:
            text = w.text().replace("&", "")
            if not text or type(w).__name__ in ("QToolButton", "QDockWidgetTitleButton"):
                continue
            room = w.width() - (22 if isinstance(w, QCheckBox) else 6)
        if fm.horizontalAdvance(text) > room + 1 and text not in w.toolTip():
            problems.append(f"{where}: {type(w).__name__} {w.objectName() or ''} {text!r} "
                            f"needs {fm.horizontalAdvance(text)} px, has {room}")
    return problems


def chart_problems(window, where: str) -> list[str]:
    """Every visible pyqtgraph chart whose plots reach past its view: a chart cut on the right or at
    the bottom (pyqtgraph's titles and axes never shrink below their text)."""
    import pyqtgraph as pg
    from PySide6.QtCore import QRect

    problems = []
    for view in window.findChildren(pg.GraphicsView):
        if not view.isVisible() or view.viewport().visibleRegion().isEmpty() or view.window() is not window:
            continue
        room = view.viewport().rect()
        for item in view.scene().items():
            if isinstance(item, pg.PlotItem) and item.isVisible():
                r = item.sceneBoundingRect()
                rect = QRect(view.mapFromScene(r.topLeft()), view.mapFromScene(r.bottomRight()))
                if rect.right() > room.right() + 2 or rect.bottom() > room.bottom() + 2:
                    problems.append(f"{where}: a chart of {view.parent().objectName() or type(view).__name__} "
                                    f"is cut: {rect.getRect()} in a view of {room.width()}x{room.height()}")
    return problems


def main(size: str, shots: str | None = None) -> dict:
    width, height = (int(v) for v in size.split("x"))
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={screen_config(width, height)}"
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QComboBox

    from nnviz.lessons import LESSONS

    app = QApplication(sys.argv[:1])
    from nnviz.gui.main_window import MainWindow

    settings = QSettings(os.path.join(tempfile.mkdtemp(), "s.ini"), QSettings.IniFormat)
    window = MainWindow(settings=settings, remember=False)
    window.confirm = lambda title, text: True  # a lesson after a few steps: discard them
    window.show()
    problems: list[str] = []
    texts: list[str] = []
    record: dict = {}

    def shot(name):
        if shots:
            window.grab().save(os.path.join(shots, f"{size}-{name}.png"))

    check(window, app, "start", problems, record, texts)
    shot("start")
    combo = window.findChild(QComboBox, "surfaceModeCombo")
    for i in range(combo.count()):
        combo.setCurrentIndex(i)
        check(window, app, f"surface mode {combo.itemData(i)}", problems, record, texts)
    shot("race")
    for i, lesson in enumerate(LESSONS):
        window.load_lesson(i)
        window.step(3)  # something in every chart
        check(window, app, f"lesson {i} ({lesson.title})", problems, record, texts)
        shot(f"lesson{i}")
        for tab in TABS:  # the tabs behind the one the lesson raised
            window.docks[tab].raise_()
            check(window, app, f"lesson {i} ({lesson.title}), {tab}", problems, record, texts)
    window.load_lesson(0)
    window.network_view.select(1, 0)
    check(window, app, "neuron clicked", problems, record, texts)
    shot("neuron")
    window.step(12)
    settle(app, 1.0)
    for _ in range(3):  # rewound: the timeline says how far behind, the curves mark the step
        window.controller.back_one_step()
    check(window, app, "rewound", problems, record, texts)
    shot("rewound")
    window.close()

    # A geometry remembered from a bigger screen opens clamped to this one.
    from PySide6.QtWidgets import QWidget

    big = QWidget()
    big.setGeometry(300, 200, width + 1000, height + 600)
    settings.setValue("geometry", big.saveGeometry())
    big.deleteLater()
    window = MainWindow(settings=settings, data_dir=tempfile.mkdtemp())
    window.show()
    check(window, app, "remembered geometry", problems, record)
    window.close()
    return {"screen": [width, height], "problems": problems, "texts": texts, "record": record}


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else None)))
