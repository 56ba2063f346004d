"""File > Record (Stop recording while it runs; Esc too), Copy image, the timeline's red record button and the progress
bar while a recording is written: the window's side of :class:`nnviz.gui.recorder.Recorder`."""
from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QProgressBar

from .record_dialog import RecordDialog, megabytes
from .recorder import Recorder
from .share import copy_image


class RecordActions(QObject):
    """Builds the actions into ``file_menu`` and follows the window's :class:`Recorder`
    (``window.recorder``)."""

    def __init__(self, window, file_menu):
        super().__init__(window)
        self.window = window
        self.recorder = Recorder(window)
        self.record = self._action(file_menu, "&Record...", self.toggle, "Ctrl+Shift+R", "recordAction",
                                   "Record the window or a pane to an animated GIF or MP4 while it trains "
                                   "(press again, Esc or the red button to stop and save)")
        self.stop = self._action(None, "Stop recording", self.recorder.stop, "Esc", "stopRecordingAction",
                                 "Stop the recording and save it")  # the key only: Record... reads "Stop recording"
        self.stop.setEnabled(False)
        self.copy = self._action(file_menu, "&Copy image", self.copy_image, "Ctrl+Shift+C", "copyImageAction",
                                 "Copy a picture of the pane you last clicked in (or of the window) to the "
                                 "clipboard")
        self.bar = QProgressBar()
        self.bar.setObjectName("recordProgress")
        self.bar.setToolTip("Writing the recording (training goes on)")
        self.bar.setMaximumWidth(160)
        self.bar.hide()
        window.statusBar().addWidget(self.bar)
        button = window.timeline.record_button
        button.clicked.connect(self.toggle)
        r = self.recorder
        r.recordingChanged.connect(self._on_recording)
        r.progress.connect(self._on_progress)
        r.saved.connect(self._on_saved)
        r.failed.connect(self._on_failed)

    def _action(self, menu, text, slot, shortcut, name, tip) -> QAction:
        action = QAction(text, self.window)
        action.setShortcut(QKeySequence(shortcut))
        action.setObjectName(name)
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.triggered.connect(slot)
        if menu is not None:
            menu.addAction(action)
        self.window.addAction(action)
        return action

    def toggle(self) -> None:
        """Stop a running recording, or ask what to record and start."""
        r = self.recorder
        if r.recording:
            r.stop()
        elif r.writing:
            self.window.statusBar().showMessage("The last recording is still being written", 5000)
        else:
            dialog = RecordDialog(self.window, str(r.path or "nnviz.gif"), r.pane, int(r.fps))
            if dialog.exec() == QDialog.Accepted:
                r.start(*dialog.choice())
            dialog.deleteLater()

    def copy_image(self) -> None:
        name = copy_image(self.window)
        self.window.statusBar().showMessage(f"Copied a picture of {'the window' if name == 'window' else 'the ' + name}"
                                            " to the clipboard", 5000)

    def _on_recording(self, recording: bool) -> None:
        self.stop.setEnabled(recording)
        self.record.setText("Stop &recording" if recording else "&Record...")
        self.window.timeline.show_recording(recording)
        if recording:
            r = self.recorder
            self.window.statusBar().showMessage(f"Recording {r.pane} to {r.path.name}: Esc or the red button "
                                                "stops and saves", 8000)

    def _on_progress(self, done: int, total: int) -> None:
        self.bar.setRange(0, total)
        self.bar.setValue(done)
        self.bar.setFormat("writing %p%")
        self.bar.show()

    def _on_saved(self, path: str, size: int) -> None:
        self.bar.hide()
        clip = self.recorder.clip
        self.window.statusBar().showMessage(f"Saved {path} ({megabytes(size)}, {len(clip)} frames, "
                                            f"{clip.seconds:.1f} s)", 15000)

    def _on_failed(self, message: str) -> None:
        self.bar.hide()
        self.window.error("Could not save the recording", message)
