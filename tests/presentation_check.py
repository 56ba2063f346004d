"""Run as ``python tests/presentation_check.py 1280x720 [picture.png] [--lang zh_CN]``: the window in presentation
mode on a screen of that size (offscreen, as ``screen_check.py``), through every lesson and a
neuron click; prints one JSON object of what was measured and every problem found (a text cut, the
window outside the screen, a pane too low).  With a picture's path, first saves the window on the
3Blue1Brown lesson after 200 steps, maximised, with a test digit on the pad (the README's picture).
``tests/test_presentation.py`` runs it in a subprocess: a screen's size is fixed when Qt starts.
"""
from __future__ import annotations

import json
import os
import sys
import tempfile

from screen_check import MIN_PANE_HEIGHT, check, screen_config, settle


def low_panes(window, where: str) -> list[str]:
    """Docked panes in the window lower than MIN_PANE_HEIGHT (``check`` skips the tabbed panes,
    whose docks have no title bar here and so no visible region of their own)."""
    return [f"{where}: {d.windowTitle()} only {d.widget().height()} px high" for d in window.docks.values()
            if d.isVisible() and not d.isFloating() and window.rect().intersects(d.geometry())
            and d.widget().height() < MIN_PANE_HEIGHT]


def wrapped_text_problems(window, where: str) -> list[str]:
    """Word-wrapped labels (the lesson's text) lower than their text needs at their width."""
    from PySide6.QtWidgets import QLabel

    return [f"{where}: {label.objectName() or 'a label'} needs {label.heightForWidth(label.width())} px "
            f"of height, has {label.height()}"
            for label in window.findChildren(QLabel)
            if label.wordWrap() and label.isVisible() and label.text() and label.window() is window
            and label.heightForWidth(label.width()) > label.height() + 1]


def main(size: str, picture: str | None = None, lang: str = "en") -> dict:
    width, height = (int(v) for v in size.split("x"))
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={screen_config(width, height)}"
    from PySide6.QtCore import QSettings

    from nnviz.gui.app import application
    from nnviz.lessons import LESSONS

    app = application()
    from nnviz.gui.language import install_translator
    from nnviz.gui.main_window import MainWindow

    install_translator(app, lang)

    settings = QSettings(os.path.join(tempfile.mkdtemp(), "s.ini"), QSettings.IniFormat)
    window = MainWindow(settings=settings, remember=False)
    window.confirm = lambda title, text: True  # discard the trained network when a lesson loads
    window.show()
    settle(app)
    normal_points = window.font().pointSizeF()
    window.presentation.action.trigger()
    problems: list[str] = []
    texts: list[str] = []
    record: dict = {"font": [normal_points, window.font().pointSizeF()]}
    check(window, app, "presentation", problems, record, texts)
    if picture:
        window.showMaximized()  # as on a projector
        window.load_lesson(0)
        data = window.session.data
        window.pad_pane.pad.set_sample(data.X_test[3].reshape(28, 28), "test digit #3", int(data.labels_test[3]))
        window.step(200)
        settle(app, 4.0)
        for pane in (window.curves, window.layer_charts):
            pane.flush()
        settle(app, 0.5)
        window.grab().save(picture)
        # Cleared: a digit left on the pad meets a stale probe when the next lesson's network has more
        # layers (an IndexError in the diagram's paint; main does the same, reported in issue #15).
        window.pad_pane.pad.clear()
        window.showNormal()
        settle(app)
    for i, lesson in enumerate(LESSONS):
        window.load_lesson(i)
        check(window, app, f"lesson {i} ({lesson.title})", problems, record, texts)
        texts += wrapped_text_problems(window, f"lesson {i}")
        problems += low_panes(window, f"lesson {i}")
    window.network_view.select(1, 0)
    check(window, app, "neuron clicked", problems, record, texts)
    window.close()
    return {"screen": [width, height], "problems": problems, "texts": texts, "record": record}


if __name__ == "__main__":
    args = sys.argv[1:]
    lang = args.pop(args.index("--lang") + 1) if "--lang" in args else "en"
    args = [a for a in args if a != "--lang"]
    print(json.dumps(main(args[0], args[1] if len(args) > 1 else None, lang)))
