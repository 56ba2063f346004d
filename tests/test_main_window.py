"""The window: stepping, play/pause, rewind, settings, files, divergence, shutdown (pytest-qt, offscreen)."""
import os
import subprocess
import sys
import time

import numpy as np
import pytest
from PySide6.QtCore import Qt, qInstallMessageHandler
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QPushButton, QSlider

from nnviz.core import Network, load_network, save_network
from nnviz.gui.main_window import MainWindow
from conftest import close_and_delete


def wait_step(qtbot, w, step, timeout=10000):
    qtbot.waitUntil(lambda: w.current_state.step == step and not w.controller.worker.running, timeout=timeout)


def use_sgd(w, lr=0.1):
    w.controls.param("optimizer").setValue("sgd")
    w.controls.param("lr").setValue(lr)


def test_opens_on_the_trained_3blue1brown_network(window):
    s = window.current_state
    assert s.step == 0 and s.layer_sizes == [784, 16, 16, 10]
    for name in ("networkView", "lossSurfaceView", "drawingPad", "predictionView", "controlsDock"):
        assert window.findChild(object, name) is not None, name
    for name in ("stepButton", "playButton", "pauseButton", "resetButton"):
        assert isinstance(window.findChild(QPushButton, name), QPushButton)
    assert isinstance(window.findChild(QSlider, "timelineSlider"), QSlider)
    # Trained, not random: the shipped model gets most test digits right.
    net = Network.from_state(s)
    d = window.session.data
    assert np.mean(net.predict(d.X_test[:500]) == d.labels_test[:500]) > 0.85


def test_step_is_exactly_one_sgd_update(qtbot, window):
    use_sgd(window, lr=0.1)
    before = window.current_state
    window.controls.buttons["stepButton"].click()
    wait_step(qtbot, window, 1)
    after = window.current_state
    assert after.step == 1 and after.lr == pytest.approx(0.1)
    for W0, W1, G in zip(before.weights, after.weights, after.grad_weights):
        assert np.allclose(W1, W0 - 0.1 * G, atol=1e-6)
    for b0, b1, g in zip(before.biases, after.biases, after.grad_biases):
        assert np.allclose(b1, b0 - 0.1 * g, atol=1e-6)
    assert window.findChild(QLabel, "status_step").text() == "step 1"


def test_right_arrow_steps_and_left_arrow_rewinds(qtbot, window):
    for n in range(1, 4):
        QTest.keyClick(window, Qt.Key_Right)
        wait_step(qtbot, window, n)
    QTest.keyClick(window, Qt.Key_Left)
    assert window.current_state.step == 2
    assert window.findChild(QSlider, "timelineSlider").value() == 2


def test_rewind_shows_the_earlier_parameters_everywhere(qtbot, window):
    use_sgd(window, lr=0.5)
    window.step(5)
    wait_step(qtbot, window, 5)
    states = window.session.history.states()
    assert [s.step for s in states] == [0, 1, 2, 3, 4, 5]
    window.timeline.slider.setValue(2)
    shown = window.current_state
    assert shown.step == 2 and shown is states[2]
    assert not np.array_equal(shown.weights[0], states[5].weights[0])
    # The drawing pad's network is the one on display.
    assert np.array_equal(window.pad_pane.net.theta, states[2].theta)


def test_formulas_behind_another_tab_are_written_when_it_is_brought_forward(qtbot, window):
    use_sgd(window, lr=0.5)
    window.step(3)
    wait_step(qtbot, window, 3)
    formulas = window.formulas
    qtbot.waitUntil(lambda: not formulas.on_screen)  # behind the Curves tab
    before = formulas.text.toPlainText()
    window.timeline.slider.setValue(1)
    assert formulas.state is window.current_state and formulas.text.toPlainText() == before  # not written unseen
    window.docks["formulaDock"].raise_()
    qtbot.waitUntil(lambda: formulas.on_screen)
    shown = formulas.text.toPlainText()
    formulas._render()  # what the formulas of the state on display are
    assert shown == formulas.text.toPlainText() != before


def test_play_from_an_older_step_branches_after_confirmation(qtbot, window):
    window.step(4)
    wait_step(qtbot, window, 4)
    window.timeline.slider.setValue(1)
    asked = []
    window.confirm = lambda title, text: asked.append(text) or True
    window.step(1)
    wait_step(qtbot, window, 2)
    assert asked and "step 1" in asked[0]
    assert [s.step for s in window.session.history.states()] == [0, 1, 2]
    # The curves and the gradient-norm chart forgot steps 2-4 of the abandoned run.
    assert window.curves.train_loss.data()[0].tolist() == [1, 2]
    assert window.layer_charts._norms[0].data()[0].tolist() == [1, 2]


def test_play_and_pause(qtbot, window):
    window.controls.buttons["playButton"].click()
    qtbot.waitUntil(lambda: window.current_state.step > 20, timeout=10000)
    assert not window.controls.buttons["playButton"].isEnabled()
    window.controls.buttons["pauseButton"].click()
    qtbot.waitUntil(lambda: not window.controller.worker.running, timeout=2000)
    qtbot.wait(200)
    stopped = window.session.history.latest().step
    qtbot.wait(300)
    assert window.session.history.latest().step == stopped and window.current_state.step == stopped


def test_full_speed_keeps_a_state_per_chunk_and_every_step_on_the_curves(qtbot, window):
    window.play()
    qtbot.waitUntil(lambda: window.session.history.latest().step > 400, timeout=20000)
    window.pause()
    qtbot.waitUntil(lambda: not window.controller.worker.running, timeout=2000)
    qtbot.wait(100)
    kept = [s.step for s in window.session.history.states()]
    newest = kept[-1]
    # The timeline ends at the newest step (shown) and reaches back further than its length in steps.
    assert window.current_state.step == newest and window.timeline.slider.value() == len(kept) - 1
    assert kept == sorted(kept) and len(kept) < newest
    # The curves saw every step, kept or not (fewer than the series' bound here).
    assert window.curves.last_step == newest and window.curves.train_loss.n == newest
    QTest.keyClick(window, Qt.Key_Left)
    assert window.current_state.step == kept[-2]


def test_playing_at_a_set_speed_keeps_every_step(qtbot, window):
    window.controller.worker.set_speed(100)
    window.play()
    qtbot.waitUntil(lambda: window.session.history.latest().step >= 8, timeout=10000)
    window.pause()
    qtbot.waitUntil(lambda: not window.controller.worker.running, timeout=2000)
    kept = [s.step for s in window.session.history.states()]
    assert kept == list(range(kept[-1] + 1))  # 0, 1, 2, ... with no gaps


def test_space_toggles_play(qtbot, window):
    QTest.keyClick(window, Qt.Key_Space)
    qtbot.waitUntil(lambda: window.current_state.step > 3, timeout=10000)
    QTest.keyClick(window, Qt.Key_Space)
    qtbot.waitUntil(lambda: not window.controller.worker.running, timeout=2000)


def test_emitted_states_are_never_mutated(qtbot, window):
    seen = []
    window.controller.worker.stepped.connect(lambda s: seen.append((s, s.theta.copy(), [a.copy() for a in s.activations])))
    window.step(1)
    wait_step(qtbot, window, 1)
    window.step(30)
    wait_step(qtbot, window, 31)
    assert seen
    for state, theta, acts in seen:
        assert np.array_equal(state.theta, theta) and not state.theta.flags.writeable
        assert all(np.array_equal(a, b) for a, b in zip(state.activations, acts))
        with pytest.raises(ValueError):
            state.weights[0][0, 0] = 1.0


def test_learning_rate_change_applies_at_the_next_step(qtbot, window):
    use_sgd(window, lr=0.1)
    window.step(1)
    wait_step(qtbot, window, 1)
    window.controls.param("lr").setValue(0.02)
    before = window.current_state
    window.step(1)
    wait_step(qtbot, window, 2)
    after = window.current_state
    assert after.lr == pytest.approx(0.02)
    assert np.allclose(after.weights[1], before.weights[1] - 0.02 * after.grad_weights[1], atol=1e-6)


def test_batch_size_and_optimizer_change_mid_run(qtbot, window):
    window.controls.param("batch_size").setValue(7)
    window.controls.param("optimizer").setValue("momentum")
    window.step(2)
    wait_step(qtbot, window, 2)
    assert window.current_state.batch_size == 7 and window.current_state.optimizer == "momentum"


def test_architecture_change_rebuilds_after_asking(qtbot, window):
    window.step(3)
    wait_step(qtbot, window, 3)
    window.confirm = lambda title, text: False
    window.controls.param("hidden").setValue("32")
    assert window.current_state.layer_sizes == [784, 16, 16, 10]
    assert window.controls.param("hidden").value() == "16,16"  # the refusal puts the old value back
    window.confirm = lambda title, text: True
    window.controls.param("hidden").setValue("32")
    qtbot.waitUntil(lambda: window.current_state.layer_sizes == [784, 32, 10], timeout=3000)
    assert window.current_state.step == 0
    window.step(1)
    wait_step(qtbot, window, 1)
    assert window.current_state.layer_sizes == [784, 32, 10]


def test_absurd_architecture_is_refused_in_words(window):
    window.controls.param("hidden").setValue("100000")
    assert "16,384" in window.controls.message.text() and window.current_state.layer_sizes == [784, 16, 16, 10]
    window.controls.param("hidden").setValue("sixteen")
    assert "whole numbers" in window.controls.message.text()


def test_batch_larger_than_the_data_is_explained(qtbot, window):
    window.controls.param("dataset").setValue("zhou")
    qtbot.waitUntil(lambda: window.current_state.layer_sizes[0] == 2, timeout=3000)
    window.controls.param("batch_size").setValue(100)
    assert "more than the 4 training samples" in window.controls.message.text()
    assert window.controls.param("batch_size").value() == 4
    window.step(1)
    wait_step(qtbot, window, 1)
    assert window.current_state.batch_size == 4


def test_toy_data_set_builds_a_two_input_network(qtbot, window):
    window.controls.param("dataset").setValue("spiral")
    qtbot.waitUntil(lambda: window.current_state.layer_sizes == [2, 16, 16, 2], timeout=3000)
    window.step(10)
    wait_step(qtbot, window, 10)


def test_divergence_is_reported_with_a_way_out(qtbot, window):
    window.controls.param("dataset").setValue("xor")
    window.controls.param("activation").setValue("relu")
    window.controls.param("loss").setValue("mse")
    window.controls.param("output").setValue("linear")
    use_sgd(window, lr=1000.0)
    qtbot.waitUntil(lambda: window.current_state.layer_sizes[0] == 2, timeout=3000)
    window.play()
    qtbot.waitUntil(lambda: window.banner.isVisible(), timeout=10000)
    assert "diverged" in window.banner.text.text() and "learning rate" in window.banner.text.text()
    assert not window.controller.worker.running
    state = window.current_state
    assert all(np.isfinite(W).all() for W in state.weights)
    window.banner.buttons["Lower learning rate x0.1 and continue"].click()
    assert window.controls.param("lr").value() == pytest.approx(100.0)
    assert not window.banner.isVisible()


def test_save_and_open_a_model(qtbot, window, tmp_path):
    window.step(2)
    wait_step(qtbot, window, 2)
    path = tmp_path / "mine.npz"
    assert window.save_model_to(path)
    saved = load_network(path)
    assert np.array_equal(saved.theta, window.current_state.theta)
    window.controls.param("hidden").setValue("8")
    qtbot.waitUntil(lambda: window.current_state.layer_sizes == [784, 8, 10], timeout=3000)
    assert window.open_model(path)
    assert window.current_state.layer_sizes == [784, 16, 16, 10]
    assert np.array_equal(window.current_state.theta, saved.theta)
    assert window.controls.param("hidden").value() == "16,16"


def test_corrupt_model_file_is_reported_and_nothing_is_lost(window, tmp_path):
    path = tmp_path / "broken.npz"
    path.write_bytes(b"PK\x03\x04 this is not a model")
    before = window.current_state
    assert not window.open_model(path)
    assert "broken.npz" in window.banner.text.text()
    assert window.current_state is before


def test_model_that_does_not_fit_any_data_is_refused(window, tmp_path):
    path = tmp_path / "five.npz"
    save_network(Network([5, 3, 2]), path)
    assert not window.open_model(path)
    assert "5 inputs" in window.banner.text.text()


def test_export_png_and_svg(window, tmp_path):
    assert window.export(window, tmp_path / "w.png")
    assert (tmp_path / "w.png").stat().st_size > 10_000
    assert window.export(window.curves, tmp_path / "c.svg")
    assert (tmp_path / "c.svg").read_text().lstrip().startswith("<?xml")


def test_layout_and_settings_are_remembered(qtbot, settings, tmp_path):
    w = MainWindow(settings=settings, data_dir=tmp_path)
    w.controls.param("lr").setValue(0.005)
    w.docks["curvesDock"].hide()
    close_and_delete(w)
    w2 = MainWindow(settings=settings, data_dir=tmp_path)
    w2.show()
    assert w2.controls.param("lr").value() == pytest.approx(0.005)
    assert not w2.docks["curvesDock"].isVisible()
    close_and_delete(w2)


def test_closing_mid_run_is_quick_and_clean(qtbot, settings, tmp_path):
    messages = []
    previous = qInstallMessageHandler(lambda mode, ctx, text: messages.append(text))
    try:
        w = MainWindow(settings=settings, data_dir=tmp_path)
        w.show()
        w.play()
        qtbot.waitUntil(lambda: w.current_state.step > 5, timeout=10000)
        start = time.perf_counter()
        w.close()
        elapsed = time.perf_counter() - start
        assert elapsed < 1.0
        assert w.controller.worker.stopped
        close_and_delete(w)
    finally:
        qInstallMessageHandler(previous)
    assert not [m for m in messages if "QThread" in m or "Destroyed" in m], messages


def test_unsaved_trained_network_is_kept_at_closing_and_offered_back(qtbot, settings, tmp_path):
    w = MainWindow(settings=settings, data_dir=tmp_path)
    w.step(3)
    wait_step(qtbot, w, 3)
    trained = w.current_state.theta.copy()
    kept = w.files.autosave_path
    close_and_delete(w)
    assert kept.exists() and kept.parent == tmp_path
    w2 = MainWindow(settings=settings, data_dir=tmp_path)
    w2.show()
    assert w2.banner.isVisible() and "not saved" in w2.banner.text.text()
    w2.banner.buttons["Restore it"].click()
    assert np.array_equal(w2.current_state.theta, trained)
    assert not kept.exists()
    close_and_delete(w2)  # restored but not trained further: kept again, as it was never saved
    assert len(list(tmp_path.glob("autosave-*.npz"))) == 1
    w3 = MainWindow(settings=settings, data_dir=tmp_path)
    w3.banner.buttons["Discard it"].click()
    assert list(tmp_path.glob("autosave*.npz")) == []
    close_and_delete(w3)


def test_a_saved_network_is_not_autosaved(qtbot, settings, tmp_path):
    w = MainWindow(settings=settings, data_dir=tmp_path)
    w.step(2)
    wait_step(qtbot, w, 2)
    assert w.save_model_to(tmp_path / "kept.npz")
    close_and_delete(w)
    assert list(tmp_path.glob("autosave*.npz")) == []


def test_open_and_close_the_window_50_times(qtbot, settings, tmp_path):
    messages = []
    previous = qInstallMessageHandler(lambda mode, ctx, text: messages.append(text))
    try:
        for i in range(50):
            w = MainWindow(settings=settings, data_dir=tmp_path)
            w.show()
            if i % 10 == 0:
                w.play()
                qtbot.waitUntil(lambda: w.current_state.step > 0, timeout=10000)
            w.close()
            assert w.controller.worker.stopped
            close_and_delete(w)
    finally:
        qInstallMessageHandler(previous)
    assert not [m for m in messages if "QThread" in m or "Destroyed" in m], messages


def test_a_closed_and_deleted_window_is_freed(qtbot, settings, tmp_path):
    """Nothing outside the window (the trainer's worker and thread, whose Qt connections reach the
    window's methods) keeps it alive once Qt has deleted it."""
    import gc
    import weakref

    w = MainWindow(settings=settings, data_dir=tmp_path)
    w.show()
    w.step(2)
    wait_step(qtbot, w, 2)
    gone = weakref.ref(w)
    close_and_delete(w)
    del w
    gc.collect()
    assert gone() is None


def test_none_refcount_is_stable_across_thousands_of_qt_calls(qtbot):
    """PySide6 6.12.0 on Python 3.11 drops a reference to None on every Qt call that returns
    nothing and aborts after a few thousand (../shared/DESIGN.md): this would catch it."""
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for i in range(5000):
        label.setText("x")
        label.setToolTip("y")
    after = sys.getrefcount(None)
    assert abs(after - before) < 1000


def test_screenshot_command(tmp_path):
    path = tmp_path / "shot.png"
    # As a user runs it: no QT_QPA_PLATFORM, and here a DISPLAY with no X server behind it.
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"} | {"DISPLAY": ":97"}
    out = subprocess.run([sys.executable, "-m", "nnviz", "--screenshot", str(path), "--steps", "5"],
                         capture_output=True, text=True, timeout=120, env=env)
    assert out.returncode == 0, out.stderr
    assert "step 5" in out.stdout
    from PySide6.QtGui import QImage

    image = QImage(str(path))
    assert image.width() >= 1000 and image.height() >= 600


def test_screenshot_names_without_png_get_a_picture_or_a_clear_refusal(tmp_path):
    from PySide6.QtGui import QImage

    def shoot(name):
        return subprocess.run([sys.executable, "-m", "nnviz", "--screenshot", str(name)], capture_output=True,
                              text=True, timeout=120)

    out = shoot(tmp_path / "shot")  # no extension: a PNG named shot.png
    assert out.returncode == 0, out.stderr
    assert QImage(str(tmp_path / "shot.png")).width() >= 1000
    out = shoot(tmp_path / "shot.svg")  # not an image format Qt writes: refused in one line, nothing written
    assert out.returncode == 2 and ".svg" in out.stderr and "shot.png" in out.stderr
    assert not (tmp_path / "shot.svg").exists()
    out = shoot(tmp_path / "missing" / "shot.png")
    assert out.returncode == 2 and "does not exist" in out.stderr


def test_every_lesson_builds_and_trains(qtbot, window):
    from nnviz.session import parse_hidden
    from nnviz.lessons import LESSONS

    for i, lesson in enumerate(LESSONS):
        window.load_lesson(i)
        hidden = parse_hidden(lesson.values["hidden"])
        qtbot.waitUntil(lambda: window.current_state.layer_sizes[1:-1] == hidden and window.current_state.step == 0,
                        timeout=3000)
        assert lesson.title in window.controls.preset_text.text()
        window.step(3)
        qtbot.waitUntil(lambda: window.current_state.step == 3 or window.banner.isVisible(), timeout=10000)
        assert window.current_state.lr == pytest.approx(lesson.values["lr"]), (lesson.title, window.current_state.step)
        assert window.current_state.optimizer == lesson.values["optimizer"]
        if "too high" in lesson.title:
            assert "diverged" in window.banner.text.text()


def test_screenshot_of_a_lesson_and_a_wrong_lesson_name(tmp_path):
    path = tmp_path / "spiral.png"
    out = subprocess.run([sys.executable, "-m", "nnviz", "--screenshot", str(path), "--preset", "playground: spiral",
                          "--steps", "20", "--tab", "layers"], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert path.stat().st_size > 20_000
    out = subprocess.run([sys.executable, "-m", "nnviz", "--screenshot", str(path), "--preset", "quantum"],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 2 and "no lesson starts with 'quantum'" in out.stderr


def test_help_lists_every_shortcut_the_window_answers(window):
    text = window.shortcuts_text()
    for key, what in (("Right", "Step"), ("Space", "Play / pause"), ("Left", "Back one step"),
                      ("Ctrl+R", "Reset"), ("Ctrl+S", "Save model"), ("Ctrl+O", "Open model"), ("F11", "Full screen")):
        assert f"{key}: {what}" in text, (key, text)
