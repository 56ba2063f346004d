"""The look the panes draw with: normal, or presentation mode's (for a projector).

One look at a time for the whole application (nnviz shows one window; a window in presentation
mode sets the look and puts the normal one back when it leaves it or closes).  A pane that paints
itself reads :func:`look` when it paints and repaints when :func:`hub` emits ``changed``.  Widgets'
fonts and pyqtgraph's axes, titles and curves are scaled by the window
(:mod:`nnviz.gui.presentation_mode`), not here.  Colours are (r, g, b) tuples.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal


@dataclass(frozen=True)
class Look:
    """How large and in which colours to draw.

    Attributes:
        presenting: presentation mode is on.
        text_scale: fonts are this many times their normal point size.
        line_scale: pen widths are this many times their normal width.
        positive, negative: a positive and a negative weight's colour (the diagram's edges).
        background: the network diagram's background.
    """

    presenting: bool
    text_scale: float
    line_scale: float
    positive: tuple
    negative: tuple
    background: tuple


NORMAL = Look(False, 1.0, 1.0, positive=(66, 165, 245), negative=(255, 138, 61), background=(24, 26, 31))
#: White on black, with saturated blue and orange, twice-as-wide lines and fonts 1.5 times as large:
#: what a washed-out projector still shows from the back of a room.
PRESENTING = Look(True, 1.5, 2.0, positive=(0, 140, 255), negative=(255, 90, 0), background=(0, 0, 0))


class LookHub(QObject):
    """Emits ``changed`` after the look changed."""

    changed = Signal()


_current = NORMAL
_hub: LookHub | None = None


def look() -> Look:
    """The look in use."""
    return _current


def hub() -> LookHub:
    """The application's LookHub (made on first use; it lives as long as the process)."""
    global _hub
    if _hub is None:
        _hub = LookHub()
    return _hub


def set_look(new: Look) -> None:
    """Use ``new`` from now on; the panes are told if it differs from the look in use."""
    global _current
    if new != _current:
        _current = new
        hub().changed.emit()
