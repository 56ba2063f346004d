"""The window fits its screen: it opens inside the available geometry and never grows past it.

Widgets are kept narrow at the source (short captions, elided combo boxes, buttons no wider than
their text); :class:`ScreenFit` is the backstop: whenever the window is shown, moved to another
screen, or resized by a layout that asked for more room, it is clamped to
``screen.availableGeometry()``.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt, QTimer
from PySide6.QtWidgets import QAbstractButton, QLabel, QStatusBar, QWidget

#: The size the window would like on a large screen.
PREFERRED = QSize(1500, 950)


def compact(*buttons: QAbstractButton) -> None:
    """Let each button be as narrow as its text (styles make a push button at least ~80 px).  Marked
    ``compact``: when the font changes (presentation mode), :func:`recompact` fits them again."""
    for b in buttons:
        b.setMinimumWidth(b.fontMetrics().horizontalAdvance(b.text()) + 16)
        b.setProperty("compact", True)


def recompact(window: QWidget) -> None:
    """Fit every compact button of ``window`` to its text in its font now."""
    compact(*(b for b in window.findChildren(QAbstractButton) if b.property("compact")))


def clamped(rect: QRect, available: QRect) -> QRect:
    """``rect`` moved and shrunk so that it lies inside ``available``."""
    width, height = min(rect.width(), available.width()), min(rect.height(), available.height())
    x = min(max(rect.x(), available.x()), available.right() + 1 - width)
    y = min(max(rect.y(), available.y()), available.bottom() + 1 - height)
    return QRect(x, y, width, height)


def available_geometry(window: QWidget) -> QRect | None:
    screen = window.screen()
    return screen.availableGeometry() if screen is not None else None


def preferred_size(window: QWidget) -> QSize:
    """PREFERRED, or the screen's available size if smaller."""
    available = available_geometry(window)
    return PREFERRED if available is None else PREFERRED.boundedTo(available.size())


class ScreenFit(QObject):
    """Keeps ``window`` (a top-level widget) inside its screen's available geometry."""

    def __init__(self, window: QWidget):
        super().__init__(window)  # no Python reference to the window: only Qt's parent
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.fit)
        window.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        if event.type() in (QEvent.Show, QEvent.Resize) and obj is self.parent():
            self._timer.start()  # a window the user moves partly off the screen is left alone
        return False

    def fit(self) -> None:
        """Clamp the window now (full-screen and maximised windows are the screen's own business)."""
        w = self.parent()
        available = available_geometry(w)
        if available is None or w.isFullScreen() or w.isMaximized() or not w.isVisible():
            return
        frame, inner = w.frameGeometry(), w.geometry()
        extra_w, extra_h = frame.width() - inner.width(), frame.height() - inner.height()
        target = clamped(frame, available)
        if target != frame:
            w.setGeometry(target.x() + inner.x() - frame.x(), target.y() + inner.y() - frame.y(),
                          target.width() - extra_w, target.height() - extra_h)


def place_pad(dock: QWidget, pad: bool) -> None:
    """The drawing pad's dock is shown only for digit data: on 2-D data its room goes to the panes
    in use.  Shown again for digit data only if it was hidden here (a pad the user closed stays
    closed), so the user's layout is otherwise kept."""
    if not pad and not dock.isHidden():
        dock.setProperty("hiddenForData", True)
        dock.hide()
    elif pad and dock.property("hiddenForData"):
        dock.setProperty("hiddenForData", False)
        dock.show()


class StatusLabel(QLabel):
    """A label of the status bar as wide as its text (at least ``minimum`` px): the status bar
    lays its permanent widgets out again at once when a text grows, so none is ever cut."""

    def __init__(self, minimum: int = 90):
        super().__init__()
        self.minimum = minimum
        self.setMinimumWidth(minimum)

    def setText(self, text: str) -> None:
        super().setText(text)
        width = max(self.minimum, self.fontMetrics().horizontalAdvance(text) + 4)
        if width != self.minimumWidth():
            self.setMinimumWidth(width)
            bar = self.parentWidget()
            if bar is not None and bar.layout() is not None:
                bar.layout().activate()


class FittedStatusBar(QStatusBar):
    """A status bar whose messages never run into its permanent labels (Qt draws a long one over
    them): a message longer than the room left of them is drawn elided, the whole message in the
    tooltip while it shows; ``currentMessage()`` is the whole message."""

    def __init__(self):
        super().__init__()
        self._permanent: list[QWidget] = []
        self._whole = ""
        self.messageChanged.connect(self._message_changed)

    def addPermanentWidget(self, widget: QWidget, stretch: int = 0) -> None:
        super().addPermanentWidget(widget, stretch)
        self._permanent.append(widget)

    def showMessage(self, text: str, timeout: int = 0) -> None:
        self._whole = text
        shown = self.fontMetrics().elidedText(text, Qt.ElideRight, self.message_room())
        super().showMessage(shown, timeout)
        self.setToolTip(text if shown != text else "")

    def message_room(self) -> int:
        """Pixels a message has: from the left edge to the first visible permanent label."""
        right = min((w.x() for w in self._permanent if w.isVisible()), default=self.width())
        return max(0, right - 12)

    def currentMessage(self) -> str:
        return self._whole if super().currentMessage() else ""

    def _message_changed(self, text: str) -> None:
        if not text:
            self._whole = ""
            self.setToolTip("")
