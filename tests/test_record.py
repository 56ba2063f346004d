"""Record and share (issue #18) in the window: a recording made while training plays or while the
timeline is scrubbed decodes to the frames the recorder took, with the step burned in; recording
keeps training going; Esc and the red button stop and save; the dialog estimates the size; Copy
image puts the focused pane on the clipboard."""
import time

import numpy as np
import pytest
from PIL import Image, ImageSequence

from nnviz.gui.share import frame_of

SPIRAL = "Playground: spiral"


def gif_frames(path) -> list[np.ndarray]:
    with Image.open(path) as im:
        return [np.asarray(f.convert("RGB")).copy() for f in ImageSequence.Iterator(im)]


def process_for(qtbot, seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        qtbot.wait(5)


def newest_step(window) -> int:
    latest = window.session.history.latest()
    return latest.step if latest is not None else 0


def stop_and_save(qtbot, window) -> None:
    window.recorder.stop()
    assert window.recorder.wait(60)
    qtbot.waitUntil(lambda: "Saved" in window.statusBar().currentMessage(), timeout=5000)


def burned_box(frame: np.ndarray) -> np.ndarray:
    """The bottom-left corner where 'step N' is burned in."""
    return frame[-40:, :140]


@pytest.fixture
def spiral(window, qtbot):
    window.load_lesson(SPIRAL)
    qtbot.waitUntil(lambda: window.current_state is not None, timeout=10000)
    return window


def test_a_recording_while_training_plays_decodes_to_the_recorded_frames(spiral, qtbot, tmp_path):
    w, path = spiral, tmp_path / "run.gif"
    assert w.recorder.start(path, "network", fps=10)
    assert w.timeline.record_button.text().endswith("REC")
    w.controller.set_speed(100)  # at full speed the GUI thread gets few frames on 2 busy cores (issue #19)
    w.play()
    clip = w.recorder.clip  # frames arrive as training goes (slower on a busy machine)
    qtbot.waitUntil(lambda: len(clip) >= 6 and clip.steps[-1] > clip.steps[0], timeout=60000)
    w.pause()
    stop_and_save(qtbot, w)
    frames = gif_frames(path)
    assert len(frames) == len(clip) >= 6
    assert frames[0].shape == clip.shape == frame_of(w.network_view).shape
    for i, frame in enumerate(frames):  # what was recorded, within the palette's rounding
        assert np.abs(frame.astype(int) - clip.frame(i)).mean() < 3
    assert clip.steps == sorted(clip.steps) and clip.steps[-1] > clip.steps[0]
    for i in range(1, len(frames)):  # a new step shows a new number in the burned-in box
        if clip.steps[i] != clip.steps[i - 1]:
            assert not np.array_equal(burned_box(frames[i]), burned_box(frames[i - 1]))
    assert not w.timeline.record_button.text().endswith("REC")
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".tmp"] == []


def test_recording_while_the_timeline_is_scrubbed_follows_the_step_on_display(spiral, qtbot, tmp_path):
    w = spiral
    w.step(40)
    qtbot.waitUntil(lambda: w.current_state.step == 40 and not w.controller.worker.running, timeout=20000)
    assert w.recorder.start(tmp_path / "scrub.gif", "window", fps=10)  # a first frame, at step 40
    for index in (0, 10, 20, 30, 40):
        w.timeline.slider.setValue(index)  # the user drags the slider
        w.recorder.capture()
    stop_and_save(qtbot, w)
    assert w.recorder.clip.steps == [40, 0, 10, 20, 30, 40]
    frames = gif_frames(tmp_path / "scrub.gif")
    assert len(frames) == 6 and frames[0].shape[:2] == (w.height(), w.width())
    boxes = [burned_box(f) for f in frames]
    assert all(not np.array_equal(a, b) for a, b in zip(boxes, boxes[1:]))


def steps_per_second(window, qtbot, seconds: float) -> float:
    start = newest_step(window)
    window.play()
    began = time.perf_counter()
    process_for(qtbot, seconds)
    window.pause()
    elapsed = time.perf_counter() - began
    qtbot.waitUntil(lambda: not window.controller.worker.running, timeout=5000)
    return (newest_step(window) - start) / elapsed


def test_recording_the_window_keeps_more_than_half_the_training_speed(spiral, qtbot, tmp_path):
    """Side by side, alternating (the machine's load drifts): four seconds of play without recording
    and four while recording the whole window."""
    w = spiral
    steps_per_second(w, qtbot, 0.5)  # warm up
    plain, recording = [], []
    for i in range(4):
        plain.append(steps_per_second(w, qtbot, 1.0))
        assert w.recorder.start(tmp_path / f"speed{i}.gif", "window", fps=15)
        recording.append(steps_per_second(w, qtbot, 1.0))
        stop_and_save(qtbot, w)
    assert min(plain) > 0 and sum(recording) > 0.5 * sum(plain), (plain, recording)
    r = w.recorder
    assert r.capture_seconds / r.clip.seconds < 0.6  # the frame budget held (0.35 asked, timing is coarse)


def test_esc_and_the_red_button_stop_and_save(spiral, qtbot, tmp_path):
    w = spiral
    stop = w.findChild(type(w.recording.stop), "stopRecordingAction")
    assert not stop.isEnabled()
    assert w.recorder.start(tmp_path / "esc.gif", "surface", fps=5)
    assert stop.isEnabled() and stop.shortcut().toString() == "Esc"
    qtbot.wait(300)
    stop.trigger()
    assert not w.recorder.recording
    assert w.recorder.wait(30)
    qtbot.waitUntil(lambda: (tmp_path / "esc.gif").exists(), timeout=5000)
    assert w.recorder.start(tmp_path / "button.gif", "curves", fps=5)
    w.timeline.record_button.click()  # pressed again: stops
    assert not w.recorder.recording and w.recorder.wait(30)
    qtbot.waitUntil(lambda: (tmp_path / "button.gif").exists(), timeout=5000)
    assert len(gif_frames(tmp_path / "button.gif")) == len(w.recorder.clip)


def test_closing_the_window_saves_a_running_recording(window, qtbot, tmp_path):
    assert window.recorder.start(tmp_path / "closed.gif", "network", fps=5)
    qtbot.wait(100)
    window.close()
    assert (tmp_path / "closed.gif").exists() and len(gif_frames(tmp_path / "closed.gif")) >= 1


@pytest.mark.parametrize("name, words", [("run.png", "a .gif or an .mp4"), ("missing/run.gif", "does not exist")])
def test_a_bad_target_is_refused_before_recording(window, tmp_path, name, words):
    assert not window.recorder.start(tmp_path / name, "window")
    assert not window.recorder.recording
    assert words in window.statusBar().currentMessage()
    assert list(tmp_path.glob("*.gif")) == []


def test_the_dialog_estimates_the_size_before_starting(window):
    from nnviz.gui.record_dialog import RecordDialog

    dialog = RecordDialog(window, "run.gif", "network", 15)
    text = dialog.estimate.text()
    size = window.network_view.size()
    assert f"{size.width()}x{size.height()}" in text and ("MB" in text or "kB" in text)
    dialog.fps.setValue(30)
    assert dialog.estimate.text() != text  # twice the frames, a larger file
    dialog.path.setText("run.txt")
    assert "choose a .gif" in dialog.estimate.text()
    dialog.path.setText("run.gif")
    assert dialog.choice() == ("run.gif", "network", 30)
    for widget in (dialog.pane, dialog.fps, dialog.path):
        assert widget.toolTip()
    dialog.deleteLater()


def test_copy_image_copies_the_focused_pane(window, qtbot):
    from PySide6.QtWidgets import QApplication, QWidget

    window.activateWindow()
    combo = window.findChild(QWidget, "surfaceModeCombo")  # the user clicked in the loss surface
    combo.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is combo, timeout=2000)
    window.findChild(type(window.recording.copy), "copyImageAction").trigger()
    image = QApplication.clipboard().image()
    assert (image.width(), image.height()) == (window.loss_surface.width(), window.loss_surface.height())
    assert "the surface" in window.statusBar().currentMessage()
    window.network_view.setFocus()
    window.controls.setFocus()  # the controls are no pane of their own: the whole window
    window.recording.copy_image()
    image = QApplication.clipboard().image()
    assert (image.width(), image.height()) == (window.width(), window.height())


def test_esc_on_the_pad_clears_it_unless_a_recording_runs(window, qtbot, tmp_path):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from test_drawing_pad import stroke

    window.docks["padDock"].show()
    pad = window.pad_pane.pad
    pad.setFocus()
    stroke(pad, [(100, 100), (180, 100)])
    assert pad.input_image().any()
    assert window.recorder.start(tmp_path / "pad.gif", "pad", fps=5)
    QTest.keyClick(pad, Qt.Key_Escape)  # stops the recording, the drawing stays
    assert not window.recorder.recording and pad.input_image().any()
    assert window.recorder.wait(30)
    QTest.keyClick(pad, Qt.Key_Escape)  # no recording: clears the pad, as before
    assert not pad.input_image().any()


def test_a_write_that_fails_is_reported_and_leaves_nothing(window, qtbot, tmp_path):
    folder = tmp_path / "gone"
    folder.mkdir()
    assert window.recorder.start(folder / "run.gif", "curves", fps=5)
    folder.rmdir()  # the folder went away while recording
    window.recorder.stop()
    assert window.recorder.wait(30)
    qtbot.waitUntil(lambda: "could not save" in window.statusBar().currentMessage(), timeout=5000)
    assert "does not exist" in window.statusBar().currentMessage()
    assert not folder.exists() and not window.recording.bar.isVisible()
