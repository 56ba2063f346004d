"""Browse the test digits (optionally only those the network gets wrong) and put one on the pad."""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QDialog, QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout)

from .input_view import InputView


class SampleBrowser(QDialog):
    """A non-modal dialog over ``data``'s test split; ``chosen(np.ndarray (28, 28))`` when the user picks one.

    With a network, each digit shows what it answers, and "only the ones it gets wrong" filters them.
    """

    chosen = Signal(object)

    def __init__(self, data, net=None, parent=None):
        super().__init__(parent)
        self.setObjectName("sampleBrowser")
        self.setWindowTitle("Test digits")
        self.data, self.net = data, net
        self.predicted = None
        if net is not None and net.sizes[0] == data.n_inputs:
            with np.errstate(all="ignore"):
                self.predicted = net.predict(data.X_test)
        self.indices = np.arange(len(data.X_test))
        self.image = InputView()
        self.image.setFixedSize(168, 168)
        self.caption = QLabel()
        self.caption.setObjectName("sampleCaption")
        self.caption.setAlignment(Qt.AlignCenter)
        self.position = QSpinBox()
        self.position.setToolTip("Which digit of the list (Left/Right arrows step through)")
        self.position.valueChanged.connect(self._show)
        self.wrong_only = QCheckBox("only the ones the network gets wrong")
        self.wrong_only.setToolTip("Show only the test digits the current network misclassifies")
        self.wrong_only.setEnabled(self.predicted is not None)
        self.wrong_only.toggled.connect(self._filter)
        use = QPushButton("Put it on the pad")
        use.setObjectName("useSampleButton")
        use.setDefault(True)
        use.setToolTip("Copy this digit onto the drawing pad")
        use.clicked.connect(self.use_current)
        previous, following = QPushButton("<"), QPushButton(">")
        previous.setToolTip("Previous digit")
        following.setToolTip("Next digit")
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
        self.position.setRange(0, max(0, len(self.indices) - 1))
        self.position.setSuffix(f" of {len(self.indices):,}")
        self._show()

    def current_index(self) -> int:
        """Index into the test split of the digit on display (-1 when the list is empty)."""
        return int(self.indices[self.position.value()]) if len(self.indices) else -1

    def _show(self, *_):
        i = self.current_index()
        if i < 0:
            self.caption.setText("the network gets every test digit right")
            return
        self.image.set_image(self.data.X_test[i].reshape(self.data.image_shape))
        names = self.data.class_names
        text = f"test digit #{i}: a {names[self.data.labels_test[i]]}"
        if self.predicted is not None:
            text += f"; the network says {names[self.predicted[i]]}"
        self.caption.setText(text)

    def use_current(self) -> None:
        i = self.current_index()
        if i >= 0:
            self.chosen.emit(self.data.X_test[i].reshape(self.data.image_shape).copy())

    def keyPressEvent(self, event) -> None:
        step = {Qt.Key_Left: -1, Qt.Key_Right: 1}.get(event.key())
        if step:
            self.position.setValue(self.position.value() + step)
        else:
            super().keyPressEvent(event)
