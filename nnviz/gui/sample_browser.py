"""Browse the test digits (optionally only those the network gets wrong) and put one on the pad
(with the button, or by dragging the digit onto the pad)."""
from __future__ import annotations

import json

import numpy as np
from PySide6.QtCore import QByteArray, QMimeData, Qt, Signal
from PySide6.QtGui import QDrag
from PySide6.QtWidgets import (QApplication, QCheckBox, QDialog, QHBoxLayout, QLabel, QPushButton, QSpinBox,
                               QVBoxLayout)

from .input_view import InputView
from .language import translate
from .inputs import sample_caption

#: The drag-and-drop format of a sample: JSON {"image": its 784 float32 as hex (exact), "caption", "label"}.
SAMPLE_MIME = "application/x-nnviz-sample"


def sample_mime(image: np.ndarray, caption: str, label: int) -> QMimeData:
    mime = QMimeData()
    payload = {"image": np.asarray(image, "<f4").tobytes().hex(), "caption": caption, "label": int(label)}
    mime.setData(SAMPLE_MIME, QByteArray(json.dumps(payload).encode()))
    return mime


def sample_from_mime(mime: QMimeData) -> tuple[np.ndarray, str, int]:
    """(image (28, 28) float32, caption, label) of a dragged sample."""
    payload = json.loads(bytes(mime.data(SAMPLE_MIME)).decode())
    image = np.frombuffer(bytes.fromhex(payload["image"]), "<f4").astype(np.float32).reshape(28, 28)
    return image, str(payload["caption"]), int(payload["label"])


class _DraggableInput(InputView):
    """The browser's digit: drag it onto the pad to put it there."""

    def __init__(self, browser: "SampleBrowser"):
        super().__init__()
        self.browser = browser
        self._press = None
        self.setToolTip(translate("SampleBrowser", "This test digit, as the network sees it; drag it onto the drawing pad"))

    def mousePressEvent(self, event) -> None:
        self._press = event.position()

    def mouseMoveEvent(self, event) -> None:
        if self._press is None or (event.position() - self._press).manhattanLength() < \
                QApplication.startDragDistance():
            return
        self._press = None
        mime = self.browser.current_mime()
        if mime is not None:
            drag = QDrag(self)
            drag.setMimeData(mime)
            drag.setPixmap(self.pixmap())
            drag.exec(Qt.CopyAction)


class SampleBrowser(QDialog):
    """A non-modal dialog over ``data``'s test split; ``chosen(image (28, 28), caption, label)`` when
    the user picks one (the image exactly as in the data set; caption e.g. 'test digit #79 (a 0)').

    With a network, each digit shows what it answers, and "only the ones it gets wrong" filters them.
    Positions in the list count from 1 ("1 of 52").
    """

    chosen = Signal(object, str, int)

    def __init__(self, data, net=None, parent=None):
        super().__init__(parent)
        self.setObjectName("sampleBrowser")
        self.setWindowTitle(translate("SampleBrowser", "Test digits"))
        self.data, self.net = data, net
        self.predicted = None
        if net is not None and net.sizes[0] == data.n_inputs:
            with np.errstate(all="ignore"):
                self.predicted = net.predict(data.X_test)
        self.indices = np.arange(len(data.X_test))
        self.image = _DraggableInput(self)
        self.image.setFixedSize(168, 168)
        self.caption = QLabel()
        self.caption.setObjectName("sampleCaption")
        self.caption.setAlignment(Qt.AlignCenter)
        self.position = QSpinBox()
        self.position.setObjectName("samplePosition")
        self.position.setToolTip(translate("SampleBrowser", "Which digit of the list, counting from 1 (Left/Right "
                                                            "arrows step through)"))
        self.position.valueChanged.connect(self._show)
        self.wrong_only = QCheckBox(translate("SampleBrowser", "only the ones the network gets wrong"))
        self.wrong_only.setToolTip(translate("SampleBrowser", "Show only the test digits the current network misclassifies"))
        self.wrong_only.setEnabled(self.predicted is not None)
        self.wrong_only.toggled.connect(self._filter)
        use = QPushButton(translate("SampleBrowser", "Put it on the pad"))
        use.setObjectName("useSampleButton")
        use.setDefault(True)
        use.setToolTip(translate("SampleBrowser", "Copy this digit onto the drawing pad"))
        use.clicked.connect(self.use_current)
        previous, following = QPushButton("<"), QPushButton(">")
        previous.setToolTip(translate("SampleBrowser", "Previous digit (Left arrow)"))
        following.setToolTip(translate("SampleBrowser", "Next digit (Right arrow)"))
        previous.clicked.connect(self.position.stepDown)
        following.clicked.connect(self.position.stepUp)
        row = QHBoxLayout()
        for w in (previous, self.position, following):
            row.addWidget(w)
        layout = QVBoxLayout(self)
        layout.addWidget(self.image, 0, Qt.AlignHCenter)
        layout.addWidget(self.caption)
        layout.addLayout(row)
        layout.addWidget(self.wrong_only)
        layout.addWidget(use)
        self._filter(False)

    def _filter(self, wrong_only: bool) -> None:
        labels = self.data.labels_test
        if wrong_only and self.predicted is not None:
            self.indices = np.flatnonzero(self.predicted != labels)
        else:
            self.indices = np.arange(len(labels))
        self.position.setRange(1, max(1, len(self.indices)))
        self.position.setSuffix(translate("SampleBrowser", " of {n}").format(n=f"{len(self.indices):,}"))
        self._show()

    def current_index(self) -> int:
        """Index into the test split of the digit on display (-1 when the list is empty)."""
        return int(self.indices[self.position.value() - 1]) if len(self.indices) else -1

    def _show(self, *_):
        i = self.current_index()
        if i < 0:
            self.caption.setText(translate("SampleBrowser", "the network gets every test digit right"))
            return
        self.image.set_image(self.data.X_test[i].reshape(self.data.image_shape))
        names = self.data.class_names
        text = sample_caption(self.data, i)
        if self.predicted is not None:
            text = translate("SampleBrowser", "{caption}; the network says {answer}").format(
                caption=text, answer=names[self.predicted[i]])
        self.caption.setText(text)

    def current_sample(self):
        """(image (28, 28), caption, label) of the digit on display, or None."""
        i = self.current_index()
        if i < 0:
            return None
        return (self.data.X_test[i].reshape(self.data.image_shape).copy(), sample_caption(self.data, i),
                int(self.data.labels_test[i]))

    def current_mime(self) -> QMimeData | None:
        sample = self.current_sample()
        return sample_mime(*sample) if sample is not None else None

    def use_current(self) -> None:
        sample = self.current_sample()
        if sample is not None:
            self.chosen.emit(*sample)

    def keyPressEvent(self, event) -> None:
        step = {Qt.Key_Left: -1, Qt.Key_Right: 1}.get(event.key())
        if step:
            self.position.setValue(self.position.value() + step)
        else:
            super().keyPressEvent(event)
