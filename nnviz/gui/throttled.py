"""Panes that redraw a few times a second, and not at all while hidden behind another tab."""
from __future__ import annotations

from PySide6.QtCore import QTimer


class ThrottledRedraw:
    """Mixin for a QWidget with a ``redraw_now()``: ``schedule_redraw()`` coalesces calls into one
    redraw within ``interval_ms``; ``set_on_screen(False)`` (from the window) skips redraws until the
    pane can be seen again."""

    def init_throttle(self, interval_ms: int) -> None:
        self.on_screen = True
        self._redraw_timer = QTimer(self)
        self._redraw_timer.setSingleShot(True)
        self._redraw_timer.setInterval(interval_ms)
        self._redraw_timer.timeout.connect(self.redraw)

    def schedule_redraw(self) -> None:
        if not self._redraw_timer.isActive():
            self._redraw_timer.start()

    def set_on_screen(self, on_screen: bool) -> None:
        """The window says whether this pane can be seen (a tab behind another cannot)."""
        self.on_screen = on_screen
        if on_screen:
            self.schedule_redraw()

    def flush(self) -> None:
        """Redraw now if a redraw is pending (before a screenshot)."""
        if self._redraw_timer.isActive():
            self._redraw_timer.stop()
            self.redraw()

    def redraw(self) -> None:
        if self.on_screen:  # a tab behind another costs nothing; brought forward, it redraws
            self.redraw_now()
