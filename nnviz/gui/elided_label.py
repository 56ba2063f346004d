"""A one-line label that never widens its window: it takes the room it is given and elides the rest
("input: test digit #79 (a 0), as it…"), the whole text then first in its tooltip."""
from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QLabel, QSizePolicy


class ElidedLabel(QLabel):
    """``setText(text)`` as a QLabel; drawn elided on the right when narrower than the text."""

    def __init__(self, text: str = "", parent=None):
        super().__init__(text, parent)
        self._tip = ""
        self.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)

    def minimumSizeHint(self) -> QSize:
        return QSize(0, super().minimumSizeHint().height())

    def elided(self) -> bool:
        return self.fontMetrics().horizontalAdvance(self.text()) > self.width()

    def setText(self, text: str) -> None:
        super().setText(text)
        self._update_tip()

    def setToolTip(self, tip: str) -> None:
        self._tip = tip
        self._update_tip()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._update_tip()

    def _update_tip(self) -> None:
        tip = "\n\n".join(t for t in (self.text(), self._tip) if t) if self.elided() else self._tip
        if self.toolTip() != tip:
            super().setToolTip(tip)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        text = self.fontMetrics().elidedText(self.text(), Qt.ElideRight, self.width())
        painter.drawText(self.rect(), int(self.alignment()) | Qt.AlignVCenter, text)
        painter.end()
