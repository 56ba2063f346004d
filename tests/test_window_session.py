"""The window on its session: figures that belong to the step on display, lessons that do not
leak into each other, and the scripting API (pytest-qt, offscreen)."""
import re

import pytest
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton

from nnviz.core import Network, evaluate


def idle(w):
    """Stopped, and the window has heard so (the worker's last state and figures are on their way first)."""
    return not w.controller.worker.running and w.controls.buttons["playButton"].isEnabled()


def shown_test_figures(w):
    """(loss, accuracy or None, the step named in brackets or None) from the status bar."""
    text = w.findChild(QLabel, "status_test").text()
    m = re.match(r"test loss ([\d.]+)(?:, accuracy ([\d.]+)%)?(?: \(at step ([\d,]+)\))?$", text)
    assert m, text
    return float(m[1]), (float(m[2]) / 100 if m[2] else None), (int(m[3].replace(",", "")) if m[3] else None)


def true_figures(w):
    return evaluate(Network.from_state(w.current_state), w.session.data)


def wait_figures_of_step(qtbot, w, step):
    qtbot.waitUntil(lambda: idle(w) and w.current_state.step == step and w.session.tests.at(step) is not None,
                    timeout=20000)


def test_step_x100_twice_shows_the_figures_of_the_network_on_display(qtbot, window):
    window.load_lesson("3Blue1Brown")
    for n in (100, 200):
        window.findChild(QPushButton, "step100Button").click()
        wait_figures_of_step(qtbot, window, n)
        loss, accuracy, at = shown_test_figures(window)
        truth = true_figures(window)
        assert at is None  # measured at the step on display
        assert loss == pytest.approx(truth.loss, abs=1e-4) and accuracy == pytest.approx(truth.accuracy, abs=1e-3)


def test_play_then_pause_shows_the_figures_of_the_step_it_stopped_at(qtbot, window):
    window.load_lesson("Vanishing gradients: the same with relu")
    window.play()
    qtbot.waitUntil(lambda: window.current_state.step > 30, timeout=30000)
    window.pause()
    qtbot.waitUntil(lambda: idle(window), timeout=3000)
    step = window.session.history.latest().step
    wait_figures_of_step(qtbot, window, step)
    loss, accuracy, at = shown_test_figures(window)
    truth = true_figures(window)
    assert at is None and accuracy == pytest.approx(truth.accuracy, abs=1e-3)


def test_rewinding_shows_that_steps_figures_or_says_none_were_measured(qtbot, window):
    window.load_lesson("Playground: circle")
    window.step(10)
    wait_figures_of_step(qtbot, window, 10)
    window.step(10)
    wait_figures_of_step(qtbot, window, 20)
    window.controller.show_index(10)  # step 10: measured when its burst ended
    assert window.current_state.step == 10
    loss, _, at = shown_test_figures(window)
    assert at is None and loss == pytest.approx(window.session.tests.at(10).loss, abs=1e-4)
    window.controller.show_index(5)
    assert window.findChild(QLabel, "status_test").text() == "test: not measured at step 5"


def test_a_new_lesson_clears_the_old_runs_figures(qtbot, window):
    window.step(5)
    wait_figures_of_step(qtbot, window, 5)
    assert window.findChild(QLabel, "status_loss").text().startswith("loss ")
    window.load_lesson("Victor Zhou")
    assert window.current_state.step == 0 and window.session.lesson.startswith("Victor Zhou")
    for key in ("status_loss", "status_accuracy"):
        assert window.findChild(QLabel, key).text() == "", key
    qtbot.waitUntil(lambda: window.session.tests.at(0) is not None, timeout=5000)
    qtbot.wait(50)
    loss, _, _ = shown_test_figures(window)
    assert loss == pytest.approx(true_figures(window).loss, abs=1e-4)


def test_zhou_then_one_neuron_each_get_their_batch_and_surface(qtbot, window):
    combo = window.findChild(QComboBox, "surfaceModeCombo")
    window.load_lesson("Victor Zhou")
    assert window.session.trainer.batch_size == 1 and combo.currentData() == "zhou"
    window.load_lesson("One neuron")
    assert window.controls.param("batch_size").value() == 40
    assert not window.controls.message.isVisible() or window.controls.message.text() == ""
    assert combo.currentData() == "neuron"
    window.step(1)
    qtbot.waitUntil(lambda: window.current_state.step == 1, timeout=5000)
    assert window.current_state.batch_size == 40
    window.load_lesson("3Blue1Brown")
    assert combo.currentData() == "plane"
    window.load_lesson("Victor Zhou")
    assert combo.currentData() == "zhou"
    window.controls.param("dataset").setValue("spiral")  # the user's own network: Zhou's surface no longer applies
    assert window.session.lesson == "" and combo.currentData() == "plane"
    combo.setCurrentIndex(combo.findData("race"))  # a choice that applies to any network is kept
    window.controls.param("hidden").setValue("8")
    assert combo.currentData() == "race"


def test_a_lesson_raises_its_pane_and_the_lessons_box_keeps_its_title(qtbot, window):
    window.load_lesson("Vanishing gradients: 8 sigmoid")
    qtbot.wait(50)
    layers = window.docks["layersDock"]
    assert layers.isVisible() and not layers.visibleRegion().isEmpty()
    assert window.controls.preset.currentText() == window.session.lesson == "Vanishing gradients: 8 sigmoid layers"
    window.controls.param("hidden").setValue("16")  # the user's own network: no longer the lesson
    assert window.controls.preset.currentIndex() == 0 and window.session.lesson == ""


def test_a_refused_lesson_changes_nothing(qtbot, window):
    window.load_lesson("Playground: xor")
    window.step(3)
    qtbot.waitUntil(lambda: window.current_state.step == 3 and idle(window), timeout=5000)
    window.confirm = lambda title, text: False
    assert not window.load_lesson("Victor Zhou")
    assert window.session.lesson == "Playground: xor" and window.current_state.step == 3
    assert window.controls.preset.currentText() == "Playground: xor"


def test_late_states_of_an_old_session_are_dropped(qtbot, window):
    window.step(3)
    qtbot.waitUntil(lambda: window.current_state.step == 3 and idle(window), timeout=5000)
    old = window.current_state
    window.load_lesson("Playground: xor")
    window.controller.worker.stepped.emit(old)  # as if it had been on its way
    qtbot.wait(50)
    assert window.current_state.step == 0 and window.current_state.layer_sizes[0] == 2


def test_scripting_api_names(window):
    for name in ("surfaceModeCombo", "step100Button", "status_test", "status_loss", "status_accuracy",
                 "stepButton", "playButton", "pauseButton", "resetButton", "timelineSlider", "presetCombo"):
        assert window.findChild(object, name) is not None, name
    assert window.session.data.name == "digits" and window.session.lesson == ""
    window.controls.set_values(lr=0.05)
    assert window.controls.training()["lr"] == pytest.approx(0.05)
