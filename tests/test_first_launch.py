"""Issue #20: the welcome strip, the overfitting hint, and one input on display across the panes."""
import numpy as np
from PySide6.QtCore import QSettings

from nnviz.core import Network
from nnviz.gui.main_window import MainWindow
from conftest import close_and_delete


def test_the_welcome_strip_appears_once_and_is_remembered(qtbot, settings, tmp_path):
    w = MainWindow(settings=settings, data_dir=tmp_path)
    w.show()
    assert w.welcome.isVisible()
    assert list(w.welcome.buttons) == ["Draw a digit", "Watch it learn from scratch", "Pick a lesson"]
    close_and_delete(w)
    w2 = MainWindow(settings=settings, data_dir=tmp_path)
    w2.show()
    assert not w2.welcome.isVisible()
    close_and_delete(w2)
    fresh = QSettings(str(tmp_path / "other.ini"), QSettings.IniFormat)
    w3 = MainWindow(settings=fresh, data_dir=tmp_path, remember=False)  # screenshots: never
    w3.show()
    assert not w3.welcome.isVisible() and not fresh.contains("welcomed")
    close_and_delete(w3)


def test_draw_a_digit_brings_the_pad_forward(qtbot, window):
    window.welcome.buttons["Draw a digit"].click()
    assert not window.welcome.isVisible()
    assert window.docks["padDock"].isVisible()
    assert window.session.pretrained  # the trained network reads it


def test_pick_a_lesson_opens_the_list_of_lessons(qtbot, window):
    window.welcome.buttons["Pick a lesson"].click()
    assert not window.welcome.isVisible()
    combo = window.controls.preset
    qtbot.waitUntil(lambda: combo.view().isVisible(), timeout=3000)
    combo.hidePopup()


def test_watch_it_learn_from_scratch_plays_the_3blue1brown_lesson(qtbot, window):
    window.welcome.buttons["Watch it learn from scratch"].click()
    assert not window.welcome.isVisible()
    assert window.session.lesson.startswith("3Blue1Brown") and not window.session.pretrained
    qtbot.waitUntil(lambda: window.current_state.step > 3, timeout=10000)
    assert window.controller.worker.running
    assert not window.banner.isVisible()  # a fresh network: no overfitting hint
    window.pause()


def test_the_overfitting_hint_appears_on_play_of_the_trained_network(qtbot, window):
    assert window.session.pretrained
    window.play()
    assert window.banner.isVisible() and "overfits" in window.banner.text.text()
    window.pause()
    qtbot.waitUntil(lambda: not window.controller.worker.running, timeout=10000)
    window.banner.buttons["Start from scratch"].click()
    assert window.session.lesson.startswith("3Blue1Brown") and not window.session.pretrained
    assert not window.banner.isVisible()
    qtbot.waitUntil(lambda: window.current_state.step > 3, timeout=10000)
    window.pause()


def test_a_pretrained_model_opened_from_the_menu_is_known_to_be_trained(qtbot, window):
    window.reset()
    assert not window.session.pretrained
    assert window.files.open_pretrained("3b1b")
    assert window.session.pretrained
    window.play()
    assert window.banner.isVisible() and "overfits" in window.banner.text.text()
    window.pause()
    qtbot.waitUntil(lambda: not window.controller.worker.running, timeout=10000)


def test_no_overfitting_hint_on_a_fresh_network(qtbot, window):
    window.reset()
    assert not window.session.pretrained
    window.play()
    qtbot.waitUntil(lambda: window.current_state.step > 3, timeout=10000)
    assert not window.banner.isVisible()
    window.pause()


def test_one_input_on_display_named_alike_in_every_pane(qtbot, window):
    d = window.session.data
    view, formulas = window.network_view, window.formulas
    probe = f"test digit #0 (a {d.labels_test[0]}), the probe sample (the pad is empty)"
    assert view.input_label.text() == f"input: {probe}"
    assert formulas.caption.text().startswith("for test digit #0") and formulas.input is None
    window.pad_pane.pad.set_sample(d.X_test[79], f"test digit #79 (a {d.labels_test[79]})", int(d.labels_test[79]))
    caption = f"test digit #79 (a {d.labels_test[79]}), as it is, on the pad"
    assert view.input_label.text() == f"input: {caption}"
    assert formulas.caption.text() == f"for {caption}"
    assert np.array_equal(formulas.input[0], d.X_test[79]) and formulas.input[1] == d.labels_test[79]
    # The diagram shows the pad's input, and its answer is the network's answer on the sample.
    net = Network.from_state(window.current_state)
    acts, _ = view.shown_activations()
    assert np.array_equal(acts[0], d.X_test[79])
    assert int(np.argmax(acts[-1])) == net.predict(d.X_test[79:80])[0] == window.pad_pane.prediction.winner()
    # The formulas are written for that input.
    formulas.select(3, int(np.argmax(acts[-1])))
    window.docks["formulaDock"].show()
    window.docks["formulaDock"].raise_()
    formulas._render()
    assert f"{float(acts[-1][np.argmax(acts[-1])]):.4g}" in formulas.text.toPlainText()
    # The neuron panel names the same input, and says the gradient map is the last mini-batch's.
    view.select(1, 0)
    assert f"for {caption}" in view.detail.numbers.text()
    assert "none yet" in view.detail.gradient_caption.text()
    window.step(1)
    qtbot.waitUntil(lambda: window.current_state.step == 1 and not window.controller.worker.running, timeout=10000)
    view.select(1, 0)
    assert view.detail.gradient_caption.text() == ("their gradient dLoss/dw: of the last mini-batch (32 samples), "
                                                   "not the digit on display")
    window.pad_pane.pad.clear()
    assert "the probe sample" in view.input_label.text() and formulas.input is None
