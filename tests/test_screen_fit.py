"""The window fits its screen (issue #15): at 1280x720 and 1920x1080 it opens inside the available
geometry, stays inside it through every lesson, every surface mode and a neuron click, and every
docked pane keeps at least 120 px of height.  Each screen size runs in its own process
(``tests/screen_check.py``): a screen's size is fixed when Qt starts."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QRect

from nnviz.gui.screen_fit import clamped

ROOT = Path(__file__).resolve().parents[1]


def run_check(size: str) -> dict:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]))
    env.pop("QT_QPA_PLATFORM", None)
    out = subprocess.run([sys.executable, str(ROOT / "tests" / "screen_check.py"), size], env=env,
                         capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr[-3000:]
    return json.loads(out.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("size", ["1280x720", "1920x1080"])
def test_window_stays_inside_the_screen_and_panes_keep_their_height(size):
    result = run_check(size)
    assert result["problems"] == []
    width, height = result["screen"]
    start = result["record"]["start"]["window"]
    assert start[2] <= width and start[3] <= height
    if width >= 1600:
        assert start[2] >= 1500 and start[3] >= 950  # the preferred size, when the screen has room
    else:
        assert start[2] == width and start[3] == height  # else the whole screen
    assert result["record"]["remembered geometry"]["window"][2] <= width
    assert "lossSurfaceDock" in result["record"]["neuron clicked"]["panes"]


def test_clamped_moves_and_shrinks_a_rectangle_into_the_screen():
    screen = QRect(0, 0, 1280, 720)
    assert clamped(QRect(300, 200, 2000, 1500), screen) == screen
    assert clamped(QRect(1000, 600, 800, 400), screen) == QRect(480, 320, 800, 400)
    assert clamped(QRect(10, 20, 100, 100), screen) == QRect(10, 20, 100, 100)


@pytest.fixture
def window(qtbot, tmp_path):
    from PySide6.QtCore import QSettings

    from conftest import close_and_delete
    from nnviz.gui.main_window import MainWindow

    w = MainWindow(settings=QSettings(str(tmp_path / "nnviz.ini"), QSettings.IniFormat), remember=False)
    w.confirm = lambda title, text: True
    w.show()
    yield w
    close_and_delete(w)


def two_d_lesson() -> int:
    from nnviz.lessons import LESSONS
    from nnviz.session import lesson_settings

    return next(i for i, lesson in enumerate(LESSONS) if lesson_settings(lesson)[0]["dataset"] != "digits")


def test_the_pad_makes_room_on_2d_data_and_comes_back_for_digits(window):
    pad = window.docks["padDock"]
    assert window.session.pad and pad.isVisible()
    window.load_lesson(two_d_lesson())
    assert not window.session.pad and not pad.isVisible()
    window.reset_layout()  # the layout's reset keeps to the data
    assert not pad.isVisible()
    window.load_lesson(0)  # digits: the pad is back
    assert window.session.pad and pad.isVisible()


def test_a_pad_the_user_closed_stays_closed(window):
    pad = window.docks["padDock"]
    pad.close()
    window.load_lesson(two_d_lesson())
    window.load_lesson(0)
    assert window.session.pad and not pad.isVisible()
    window.docks["padDock"].toggleViewAction().trigger()  # View > Drawing pad brings it back
    assert pad.isVisible()
