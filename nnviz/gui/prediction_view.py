"""Bars of the network's output probabilities, the winner highlighted."""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from .language import translate

BAR = QColor("#90a4ae")
WINNER = QColor("#ef6c00")


class PredictionView(QWidget):
    """``set_probabilities(p (n,), class_names)``; ``probabilities()`` returns the last p."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("predictionView")
        self._p = np.zeros(10)
        self._names = tuple(str(d) for d in range(10))
        self.setMinimumHeight(110)
        self.setMaximumHeight(170)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Preferred)
        self.setToolTip(translate("PredictionView", "What the network answers: one bar per class, its probability; "
                                  "the tallest (orange) is the network's guess"))

    def sizeHint(self) -> QSize:
        return QSize(300, 140)

    def set_probabilities(self, p, class_names=None) -> None:
        p = np.nan_to_num(np.asarray(p, dtype=float).ravel(), nan=0.0)
        if len(p) == 1:  # a single sigmoid output: probability of class 1
            p = np.array([1.0 - p[0], p[0]])
        if class_names is not None and len(class_names) == len(p):
            names = tuple(class_names)
        elif len(self._names) != len(p):
            names = tuple(str(i) for i in range(len(p)))
        else:
            names = self._names
        if names == self._names and np.array_equal(p, self._p):
            return  # (an empty pad at every frame of training: nothing to repaint)
        self._p, self._names = p, names
        self.update()

    def probabilities(self) -> np.ndarray:
        return self._p.copy()

    def winner(self) -> int:
        return int(np.argmax(self._p)) if self._p.any() else -1

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing)
        w, h = self.width(), self.height()
        n = len(self._p)
        label_h, top = 18, 16
        slot = w / max(1, n)
        bar_w = slot * 0.7
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, min(11.0, slot / 3.2)))
        painter.setFont(font)
        best = self.winner()
        for i, (p, name) in enumerate(zip(self._p, self._names)):
            x = i * slot + (slot - bar_w) / 2
            bar_h = max(0.0, float(p)) * (h - label_h - top)
            color = WINNER if i == best else BAR
            painter.fillRect(QRectF(x, h - label_h - bar_h, bar_w, bar_h), color)
            painter.setPen(QColor("#212121") if i == best else QColor("#546e7a"))
            painter.drawText(QRectF(i * slot, h - label_h, slot, label_h), Qt.AlignCenter, name)
            if p >= 0.005:
                painter.drawText(QRectF(i * slot, h - label_h - bar_h - top, slot, top), Qt.AlignCenter,
                                 f"{p:.0%}")
        painter.end()
