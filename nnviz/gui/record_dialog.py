"""The Record dialog: what to record (the window or a pane), how many frames a second, to which file,
and about how large that file will be, before anything starts."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout,
                               QLabel, QLineEdit, QPushButton, QSpinBox, QWidget)

from nnviz.core.animation import FORMATS, estimate_bytes, video_available
from nnviz.panes import PANES

from .language import translate
from .share import pane_title

#: Seconds the size estimate is given for.
ESTIMATE_SECONDS = 10
#: What a file of each of :data:`nnviz.core.animation.FORMATS` is, as shown.
KINDS = {".gif": QT_TRANSLATE_NOOP("RecordDialog", "animated GIF"),
         ".mp4": QT_TRANSLATE_NOOP("RecordDialog", "MP4 video")}


def megabytes(n: int) -> str:
    """A file size for people: '2.4 MB', '63 kB'."""
    return f"{n / 1e6:.1f} MB" if n >= 100_000 else f"{n / 1e3:.0f} kB"


class RecordDialog(QDialog):
    """Asks pane, frame rate and file; ``choice()`` -> (path, pane, fps) once accepted."""

    def __init__(self, window, path: str = "nnviz.gif", pane: str = "window", fps: int = 15):
        super().__init__(window)
        self.setWindowTitle(translate("RecordDialog", "Record"))
        self.window_ = window
        self.pane = QComboBox()
        self.pane.setObjectName("recordPane")
        self.pane.setToolTip(translate("RecordDialog", "What to record: the whole window or one pane (its own "
                                                       "drawing, at its size)"))
        for name in PANES:
            title = pane_title(name)
            self.pane.addItem(title[0].upper() + title[1:], name)
        self.pane.setCurrentIndex(list(PANES).index(pane))
        self.fps = QSpinBox()
        self.fps.setObjectName("recordFps")
        self.fps.setRange(1, 30)
        self.fps.setValue(fps)
        self.fps.setSuffix(translate("RecordDialog", " frames/s"))
        self.fps.setToolTip(translate("RecordDialog", "Frames taken each second; fewer make a smaller file "
                                                      "(training is never held up: a large pane is captured less "
                                                      "often)"))
        self.path = QLineEdit(path)
        self.path.setObjectName("recordPath")
        self.path.setToolTip(
            translate("RecordDialog", "The file to write: .gif (animated GIF) or .mp4 (video)") if video_available()
            else translate("RecordDialog", "The file to write: .gif (animated GIF); .mp4 needs the video extra: "
                                           "pip install 'nnviz[video]'"))
        browse = QPushButton(translate("RecordDialog", "Browse..."))
        browse.setToolTip(translate("RecordDialog", "Choose the file"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path)
        row.addWidget(browse)
        holder = QWidget()
        holder.setLayout(row)
        row.setContentsMargins(0, 0, 0, 0)
        self.estimate = QLabel()
        self.estimate.setObjectName("recordEstimate")
        self.estimate.setToolTip(translate("RecordDialog", "A rough guess from the pane's size and the frame rate; "
                                                           "a busy pane makes more"))
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText(translate("RecordDialog", "Start recording"))
        buttons.button(QDialogButtonBox.Ok).setToolTip(translate("RecordDialog", "Record until you press Esc or "
                                                                                 "the red button again"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(translate("RecordDialog", "Record"), self.pane)
        form.addRow(translate("RecordDialog", "Frame rate"), self.fps)
        form.addRow(translate("RecordDialog", "File"), holder)
        form.addRow(translate("RecordDialog", "Size"), self.estimate)
        form.addRow(buttons)
        self.pane.currentIndexChanged.connect(self.update_estimate)
        self.fps.valueChanged.connect(self.update_estimate)
        self.path.textChanged.connect(self.update_estimate)
        self.update_estimate()

    def choice(self) -> tuple[str, str, int]:
        return self.path.text().strip(), self.pane.currentData(), self.fps.value()

    def update_estimate(self, *_) -> None:
        path, pane, fps = self.choice()
        suffix = Path(path).suffix.lower()
        attribute = PANES[pane][0]
        size = (getattr(self.window_, attribute) if attribute else self.window_).size()
        if suffix not in FORMATS:
            self.estimate.setText(translate("RecordDialog", "choose a .gif or .mp4 file"))
            return
        n = estimate_bytes(size.width(), size.height(), fps, ESTIMATE_SECONDS, suffix)
        text = translate("RecordDialog", "about {size} for {seconds} s ({width}x{height}, {kind})")
        self.estimate.setText(text.format(
            size=megabytes(n), seconds=ESTIMATE_SECONDS, width=size.width(), height=size.height(),
            kind=translate("RecordDialog", KINDS[suffix])))

    def _browse(self) -> None:
        kinds = translate("RecordDialog", "Animated GIF (*.gif)")
        if video_available():
            kinds += ";;" + translate("RecordDialog", "MP4 video (*.mp4)")
        path, _ = QFileDialog.getSaveFileName(self, translate("RecordDialog", "Record to"), self.path.text(), kinds)
        if path:
            self.path.setText(path)
