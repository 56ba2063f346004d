"""The window fits its screen and its text fits the window (issue #15): at 1280x720 and 1920x1080 it opens inside the available
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
    # every label, button and combo box fits, or is elided with a tooltip; no chart is cut; in every
    # lesson, with each of the bottom tabs raised
    assert result["texts"] == []
    assert any(", layersDock" in where for where in result["record"]) and "rewound" in result["record"]
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


def test_numbers_in_engineering_format_when_they_would_be_long():
    from nnviz.gui.fitted_text import short_number

    assert short_number(110116405248.0) == "1.1e11"
    assert short_number(-33301591599, 2) == "-3.3e10"
    assert short_number(0.31924) == "0.3192"
    assert short_number(0.5, 2) == "0.50" and short_number(0.0) == "0.0000"
    assert short_number(1.234e-7) == "1.2e-7"
    assert short_number(float("nan")) == "nan" and short_number(float("inf")) == "inf"


def test_column_captions_shorten_meaningfully():
    from nnviz.gui.fitted_text import column_captions

    assert column_captions("layer", 16, "sigmoid", layer=1) == [
        "layer 1: 16 sigmoid", "16 sigmoid", "L1 16 sig", "16 sig", "16"]
    assert column_captions("output", 10, "softmax") == ["output: 10 softmax", "10 softmax", "10 smax", "10"]
    assert column_captions("image", 784, side=28)[:2] == ["input: 28x28 pixels", "input 28x28"]
    for kind in ("image", "input", "layer", "output"):
        texts = column_captions(kind, 32, "relu", layer=2, side=28)
        assert all(len(a) > len(b) for a, b in zip(texts, texts[1:]))


def test_an_elided_combo_box_and_label_give_the_whole_text_in_the_tooltip(qtbot):
    from nnviz.gui.elided_label import ElidedLabel
    from nnviz.gui.fitted_text import ElidedCombo

    combo = ElidedCombo(chars=4)
    qtbot.addWidget(combo)
    combo.addItems(["This network (PCA plane)", "x"])
    combo.setToolTip("What the surface shows")
    combo.resize(80, 24)
    combo.show()
    assert combo.elided() and combo.toolTip() == "This network (PCA plane)\n\nWhat the surface shows"
    combo.setCurrentIndex(1)
    assert not combo.elided() and combo.toolTip() == "What the surface shows"
    label = ElidedLabel("input: test digit #79 (a 0), as it is")
    qtbot.addWidget(label)
    label.setToolTip("The input")
    label.resize(40, 20)
    label.show()
    assert label.toolTip().startswith("input: test digit #79")
    label.resize(1000, 20)
    assert label.toolTip() == "The input"


def test_a_status_label_is_as_wide_as_its_text(qtbot):
    from PySide6.QtWidgets import QStatusBar

    from nnviz.gui.screen_fit import StatusLabel

    bar = QStatusBar()
    qtbot.addWidget(bar)
    label = StatusLabel(90)
    bar.addPermanentWidget(label)
    bar.resize(800, 22)
    bar.show()
    label.setText("test loss 0.3192, accuracy 92.1% (at step 12,400)")
    assert label.width() >= label.fontMetrics().horizontalAdvance(label.text())


def test_a_steady_label_grows_for_a_longer_text_and_keeps_what_is_below_it_still(qtbot):
    """The loss surface's figures change at every scrub of the timeline: the plot below them must
    not move up and down (each move laid out and redrew it: the slowest scrubs)."""
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    from nnviz.gui.fitted_text import TallLabel

    pane = QWidget()
    qtbot.addWidget(pane)
    label, below = TallLabel(lines=2, steady=True), QWidget()
    layout = QVBoxLayout(pane)
    layout.addWidget(label)
    layout.addWidget(below, 1)
    pane.resize(300, 400)
    pane.show()
    long_text = "Step 877: last batch 2.6408; " * 6
    label.setText(long_text)
    pane.layout().activate()
    assert label.height() >= label.heightForWidth(label.width())  # the whole text shows
    top = below.y()
    assert top > label.geometry().bottom()
    for text in ("Step 878", long_text, "Step 879: measuring the loss at the ball..."):
        label.setText(text)
        pane.layout().activate()
        assert below.y() == top  # shorter texts leave the plot where it is
    pane.resize(600, 400)  # a new width: the height is measured again, for the text there is now
    qtbot.waitUntil(lambda: below.y() < top)
    assert label.height() >= label.heightForWidth(label.width())


def test_step_axes_are_ticked_on_whole_numbers(qtbot):
    from nnviz.gui.curves import CurvesView
    from nnviz.gui.fitted_text import IntegerAxis

    axis = IntegerAxis("bottom")
    for low, high in ((0, 2), (0.3, 1.7), (0, 12), (0, 25000)):
        values = [v for _, level in axis.tickValues(low, high, 400) for v in level]
        assert values and all(float(v).is_integer() for v in values), (low, high, values)
    view = CurvesView()
    qtbot.addWidget(view)
    assert isinstance(view.acc_plot.getAxis("bottom"), IntegerAxis)


def test_the_surface_says_how_many_samples_it_measures_on(window):
    from nnviz.gui.surface.modes import samples_text

    assert samples_text(4) == "4 training samples" and samples_text(1) == "1 training sample"
    assert samples_text(512) == "512 training samples"
    window.load_lesson(1)  # Victor Zhou's four people
    assert len(window.loss_surface.model.sample()[0]) == 4


def test_a_long_status_message_never_runs_into_the_status_labels(window):
    from PySide6.QtWidgets import QStatusBar

    bar = window.statusBar()
    whole = "Autosave failed: " + "a long reason naming a folder " * 8
    bar.showMessage(whole, 10000)
    shown = QStatusBar.currentMessage(bar)  # what Qt draws
    first_label = min(w.x() for w in window.status_labels.values() if w.isVisible())
    assert shown.endswith("…") and bar.fontMetrics().horizontalAdvance(shown) < first_label
    assert bar.currentMessage() == whole and bar.toolTip() == whole
    bar.clearMessage()
    assert bar.currentMessage() == "" and bar.toolTip() == ""
