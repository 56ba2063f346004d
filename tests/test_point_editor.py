"""The point editor on 2-D data and tables opened in the window, driven as a user would."""
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from nnviz.core import tables
from nnviz.gui.point_editor import HOLD_OUT

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "data" / "penguins_synthetic.csv"


def plane_point(editor, fx, fy) -> QPoint:
    """The widget position at fractions (fx, fy) of the plane's square (from its top left)."""
    r = editor.canvas.square()
    return QPoint(int(r.left() + fx * r.width()), int(r.top() + fy * r.height()))


@pytest.fixture
def spiral(window, qtbot):
    window.load_lesson("Playground: spiral")
    qtbot.waitUntil(lambda: window.docks["pointsDock"].isVisible())
    return window


def test_the_editor_takes_the_pads_place_on_2d_data(spiral, qtbot):
    w = spiral
    assert not w.docks["padDock"].isVisible()
    assert len(w.points.X) == len(w.session.data.X_train) + len(w.session.data.X_test)
    w.load_lesson("3Blue1Brown")
    qtbot.waitUntil(lambda: w.docks["padDock"].isVisible())
    assert not w.docks["pointsDock"].isVisible()


def test_clicks_add_points_of_the_chosen_class_and_the_trainer_trains_on_them(spiral, qtbot):
    w, editor = spiral, spiral.points
    QTest.mouseClick(editor.findChild(type(editor.clear_button), "clearPointsButton"), Qt.LeftButton)
    assert len(editor.X) == 0
    theta = w.session.state.theta.copy()
    spots = [(0.2, 0.2), (0.25, 0.3), (0.3, 0.2), (0.8, 0.8), (0.75, 0.7), (0.7, 0.8), (0.2, 0.8), (0.8, 0.2),
             (0.5, 0.5), (0.6, 0.4)]
    classes = [0, 0, 0, 1, 1, 1, 0, 1, 0, 1]
    with qtbot.waitSignal(editor.pointsChanged, timeout=3000) as published:
        for (fx, fy), c in zip(spots, classes):
            QTest.keyClick(editor, str(c + 1))  # keys 1, 2 choose the class
            assert editor.classes.currentIndex() == c
            QTest.mouseClick(editor.canvas, Qt.LeftButton, pos=plane_point(editor, fx, fy))
    data = published.args[0]
    assert list(editor.labels) == classes
    # each point where it was clicked, in the plane's coordinates
    x0, x1, y0, y1 = editor.extent
    for (fx, fy), x in zip(spots, editor.X):
        assert x[0] == pytest.approx(x0 + fx * (x1 - x0), abs=0.02 * (x1 - x0))
        assert x[1] == pytest.approx(y1 - fy * (y1 - y0), abs=0.02 * (y1 - y0))
    assert editor.test.sum() == len(spots) // HOLD_OUT
    assert len(data.X_train) == 8 and len(data.X_test) == 2
    assert sorted(data.labels_train.tolist() + data.labels_test.tolist()) == sorted(classes)
    qtbot.waitUntil(lambda: w.session.data is data)
    assert np.array_equal(w.session.state.theta, theta)  # the same network, on the new points
    assert w.controls.param("dataset").value() == "points"
    qtbot.waitUntil(lambda: w.session.trainer.batch_size == 8)  # the lesson's 16, fitted to 8 training points
    assert w.controls.param("batch_size").value() == 8 and "8 training samples" in w.controls.message.text()
    w.step(10)
    qtbot.waitUntil(lambda: w.current_state.step == 10)
    assert w.session.trainer.data is data
    assert not np.array_equal(w.session.state.theta, theta)
    assert w.session.tests.at(10).samples == 2


def test_right_click_removes_the_nearest_point(spiral, qtbot):
    editor = spiral.points
    editor.clear()
    for fx in (0.2, 0.5, 0.8):
        QTest.mouseClick(editor.canvas, Qt.LeftButton, pos=plane_point(editor, fx, 0.5))
    QTest.mouseClick(editor.canvas, Qt.RightButton, pos=plane_point(editor, 0.55, 0.45))
    assert len(editor.X) == 2
    x0, x1 = editor.extent[:2]
    assert sorted(editor.X[:, 0]) == pytest.approx([x0 + 0.2 * (x1 - x0), x0 + 0.8 * (x1 - x0)], abs=0.02 * (x1 - x0))


def test_a_brush_stroke_is_one_update(spiral, qtbot):
    editor = spiral.points
    editor.clear()
    qtbot.waitSignal(editor.pointsChanged, timeout=100, raising=False).wait()
    updates = []
    editor.pointsChanged.connect(updates.append)
    editor.canvas.setFocus()  # as a click on the plane does
    QTest.keyClick(editor.canvas, Qt.Key_B)
    assert editor.brush.isChecked()
    QTest.mousePress(editor.canvas, Qt.LeftButton, pos=plane_point(editor, 0.1, 0.5))
    for i in range(1, 40):
        QTest.mouseMove(editor.canvas, plane_point(editor, 0.1 + 0.02 * i, 0.5))
        QTest.qWait(10 if i % 10 else 400)  # a pause mid-stroke longer than the debounce
    QTest.mouseRelease(editor.canvas, Qt.LeftButton, pos=plane_point(editor, 0.88, 0.5))
    assert len(editor.X) >= 15  # a point every BRUSH_SPACING pixels along the stroke
    qtbot.waitUntil(lambda: len(updates) == 1, timeout=3000)
    QTest.qWait(600)
    assert len(updates) == 1 and len(updates[0].X_train) + len(updates[0].X_test) == len(editor.X)


def test_saved_points_read_back_the_same(spiral, qtbot, tmp_path):
    editor = spiral.points
    assert editor.save(tmp_path / "spiral.csv")
    table = tables.read_table(tmp_path / "spiral.csv")
    order = np.argsort(editor.labels, kind="stable")
    assert np.array_equal(table.X, editor.X[order])
    assert table.class_names == ("orange", "blue") and table.input_names == ("x1", "x2")
    assert np.array_equal(table.targets, editor.labels[order])
    assert "Saved" in editor.info.text()
    assert not editor.save(tmp_path / "no-such-folder" / "p.csv")
    assert "does not exist" in editor.info.text()


def drop(window, path):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    try:  # PySide6 6.12 takes a QPointF (the QPoint form is deprecated); older ones a QPoint
        enter = QDragEnterEvent(QPointF(20, 20), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    except TypeError:
        enter = QDragEnterEvent(QPoint(20, 20), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(window, enter)  # Qt delivers a drop to the widget that accepted the drag
    assert enter.isAccepted()
    QApplication.sendEvent(window, QDropEvent(QPointF(20, 20), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier))


def test_a_table_dropped_on_the_window_is_learned_with_its_names(window, qtbot, tmp_path):
    path = tmp_path / "moons.csv"
    rng = np.random.default_rng(0)
    rows = [f"{rng.normal(c * 3, 1)!r},{rng.normal(-c, 1)!r},{['small', 'big'][c]}" for c in (0, 1) * 40]
    path.write_text("length,depth,size\n" + "\n".join(rows) + "\n")
    drop(window, path)
    data = window.session.data
    assert data.name == "moons" and window.controls.param("dataset").value() == "csv:moons"
    assert window.network_view.input_names == ("length", "depth")
    assert window.network_view.canvas.playground()  # two columns: the Playground's maps
    qtbot.waitUntil(lambda: window.docks["pointsDock"].isVisible())
    assert window.points.classes.itemText(0).endswith("small")
    # the editor works in standardised inputs and saves in the table's units
    window.points.save(tmp_path / "back.csv")
    back = tables.read_table(tmp_path / "back.csv")
    original = tables.read_table(path)
    assert np.allclose(np.sort(back.X, 0), np.sort(original.X, 0), atol=1e-4)


def test_a_bad_table_is_one_sentence_and_nothing_changes(window, qtbot, tmp_path):
    before = window.session
    path = tmp_path / "bad.csv"
    path.write_text("a,b,y\n1,2,x\n3,4,y\n5,abc,x\n")
    assert not window.data_files.open(path)
    assert window.session is before
    assert "row 4, column 2 'b'" in window.banner.text.text()


def test_a_model_of_a_table_reopens_on_the_table(window, qtbot, tmp_path):
    from nnviz.gui.main_window import MainWindow
    from conftest import close_and_delete

    assert window.data_files.open(EXAMPLE)
    window.step(20)
    qtbot.waitUntil(lambda: window.current_state.step == 20)
    assert window.save_model_to(tmp_path / "penguins.npz")
    other = MainWindow(settings=window.settings, data_dir=tmp_path / "other", remember=False)
    try:
        assert other.open_model(tmp_path / "penguins.npz")
        data = other.session.data
        assert data.input_names == window.session.data.input_names
        assert np.array_equal(data.standardisation.mean, window.session.data.standardisation.mean)
        assert other.controls.param("dataset").value() == "csv:penguins_synthetic"
        assert np.array_equal(other.session.state.theta, window.current_state.theta)
    finally:
        close_and_delete(other)


def test_points_on_zhous_people_keep_train_and_test_alike(window, qtbot):
    window.load_lesson("Victor Zhou")
    qtbot.waitUntil(lambda: window.docks["pointsDock"].isVisible())
    editor = window.points
    assert len(editor.X) == 4 and editor.classes.count() == 2
    with qtbot.waitSignal(editor.pointsChanged, timeout=3000) as published:
        QTest.mouseClick(editor.canvas, Qt.LeftButton, pos=plane_point(editor, 0.5, 0.5))
    data = published.args[0]
    assert len(data.X_train) == len(data.X_test) == 5 and data.Y_train.shape == (5, 1)
    qtbot.waitUntil(lambda: window.session.data is data)


def test_a_large_table_is_read_without_freezing_the_window(window, qtbot, monkeypatch):
    from nnviz.gui import data_files

    monkeypatch.setattr(data_files, "BACKGROUND_BYTES", 0)
    before = window.session
    with qtbot.waitSignal(window.data_files.loaded, timeout=10000):
        assert window.data_files.open(EXAMPLE)
        assert window.session is before  # returned at once: the reading goes on in its thread
        assert "Reading penguins_synthetic.csv" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: window.session.data.name == "penguins_synthetic")
