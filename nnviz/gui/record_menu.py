"""File > Record (Stop recording while it runs; Esc too), Copy image, the timeline's red record button and the progress
bar while a recording is written: the window's side of :class:`nnviz.gui.recorder.Recorder`."""
from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QProgressBar

from .language import translate
from .record_dialog import RecordDialog, megabytes
from .recorder import Recorder
from .share import copy_image, pane_title


class RecordActions(QObject):
    """Builds the actions into ``file_menu`` and follows the window's :class:`Recorder`
    (``window.recorder``)."""

    def __init__(self, window, file_menu):
        super().__init__(window)
        self.window = window
        self.recorder = Recorder(window)
        self.record = self._action(
            file_menu, translate("RecordMenu", "&Record..."), self.toggle, shortcut="Ctrl+Shift+R",
            name="recordAction", tip=translate("RecordMenu", "Record the window or a pane to an animated GIF or MP4 "
                                                             "while it trains (press again, Esc or the red button to "
                                                             "stop and save)"))
        self.stop = self._action(  # the key only: Record... reads "Stop recording"
            None, translate("RecordMenu", "Stop recording"), self.recorder.stop, shortcut="Esc",
            name="stopRecordingAction", tip=translate("RecordMenu", "Stop the recording and save it"))
        self.stop.setEnabled(False)
        self.copy = self._action(
            file_menu, translate("RecordMenu", "&Copy image"), self.copy_image, shortcut="Ctrl+Shift+C",
            name="copyImageAction", tip=translate("RecordMenu", "Copy a picture of the pane you last clicked in (or "
                                                                "of the window) to the clipboard"))
        self.bar = QProgressBar()
        self.bar.setObjectName("recordProgress")
        self.bar.setToolTip(translate("RecordMenu", "Writing the recording (training goes on)"))
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
            self.window.statusBar().showMessage(translate("RecordMenu", "The last recording is still being written"),
                                                5000)
        else:
            dialog = RecordDialog(self.window, str(r.path or "nnviz.gif"), r.pane, int(r.fps))
            if dialog.exec() == QDialog.Accepted:
                r.start(*dialog.choice())
            dialog.deleteLater()

    def copy_image(self) -> None:
        name = copy_image(self.window)
        if name == "window":
            text = translate("RecordMenu", "Copied a picture of the whole window to the clipboard")
        else:  # the pane's name as --pane takes it, and what it is
            text = translate("RecordMenu", "Copied a picture of the {name} pane ({what}) to the clipboard").format(
                name=name, what=pane_title(name))
        self.window.statusBar().showMessage(text, 5000)

    def _on_recording(self, recording: bool) -> None:
        self.stop.setEnabled(recording)
        self.record.setText(translate("RecordMenu", "Stop &recording") if recording else
                            translate("RecordMenu", "&Record..."))
        self.window.timeline.show_recording(recording)
        if recording:
            r = self.recorder
            text = translate("RecordMenu", "Recording {what} to {file}: Esc or the red button stops and saves")
            self.window.statusBar().showMessage(text.format(what=pane_title(r.pane), file=r.path.name), 8000)

    def _on_progress(self, done: int, total: int) -> None:
        self.bar.setRange(0, total)
        self.bar.setValue(done)
        self.bar.setFormat(translate("RecordMenu", "writing %p%"))
        self.bar.show()

    def _on_saved(self, path: str, size: int) -> None:
        self.bar.hide()
        clip = self.recorder.clip
        text = translate("RecordMenu", "Saved {path} ({size}, {frames} frames, {seconds} s)")
        self.window.statusBar().showMessage(text.format(path=path, size=megabytes(size), frames=len(clip),
                                                        seconds=f"{clip.seconds:.1f}"), 15000)

    def _on_failed(self, message: str) -> None:
        self.bar.hide()
        self.window.error(translate("RecordMenu", "Could not save the recording"), message)
