"""Pictures of the window or a pane: which widget a pane name means, the pane with the keyboard focus,
a frame as a NumPy array with the step number burned in, and File > Copy image."""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QRect, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from PySide6.QtWidgets import QApplication, QWidget

from nnviz.panes import PANES

from .language import translate
from .throttled import ThrottledRedraw

#: What each pane of :data:`nnviz.panes.PANES` is, as shown (the same English as there, for lupdate).
PANE_TITLES = {
    "window": QT_TRANSLATE_NOOP("Panes", "the whole window"),
    "network": QT_TRANSLATE_NOOP("Panes", "the network diagram"),
    "surface": QT_TRANSLATE_NOOP("Panes", "the loss surface"),
    "curves": QT_TRANSLATE_NOOP("Panes", "the loss and accuracy curves"),
    "layers": QT_TRANSLATE_NOOP("Panes", "the layer charts"),
    "formulas": QT_TRANSLATE_NOOP("Panes", "the formulas"),
    "pad": QT_TRANSLATE_NOOP("Panes", "the drawing pad and its prediction"),
}


def pane_title(name: str) -> str:
    """'the loss surface' for "surface", in the installed language."""
    return translate("Panes", PANE_TITLES[name])


def pane_widget(window, name: str) -> QWidget:
    """The widget ``name`` (a key of :data:`nnviz.panes.PANES`) shows; a pane whose dock is a tab
    behind another is brought to the front, a closed one is shown."""
    attribute, dock_name, _ = PANES[name]
    if attribute is None:
        return window
    if dock_name is not None:
        dock = window.docks[dock_name]
        dock.show()
        dock.raise_()
    return getattr(window, attribute)


def focused_pane(window) -> tuple[str, QWidget]:
    """The pane holding the keyboard focus (name, widget), or ("window", the window)."""
    focus = QApplication.focusWidget()
    for name, (attribute, _, _) in PANES.items():
        widget = getattr(window, attribute) if attribute else None
        if widget is not None and focus is not None and (focus is widget or widget.isAncestorOf(focus)):
            return name, widget
    return "window", window


def flush_redraws(widget: QWidget) -> None:
    """Draw now what the throttled panes inside ``widget`` would draw within half a second."""
    for pane in [widget, *widget.findChildren(QWidget)]:
        if isinstance(pane, ThrottledRedraw):
            pane.flush()


def burn_step(image: QImage, step: int) -> None:
    """Paint 'step N' in a dark box in the bottom-left corner of ``image`` (in place)."""
    painter = QPainter(image)
    try:
        font = QFont()
        font.setPixelSize(max(12, min(22, image.height() // 24)))
        font.setBold(True)
        painter.setFont(font)
        text = translate("Share", "step {step}").format(step=f"{step:,}")
        metrics = painter.fontMetrics()
        box = QRect(6, image.height() - metrics.height() - 14, metrics.horizontalAdvance(text) + 16,
                    metrics.height() + 8)
        painter.fillRect(box, QColor(20, 20, 30, 200))
        painter.setPen(QColor("white"))
        painter.drawText(box, Qt.AlignCenter, text)
    finally:
        painter.end()


def frame_of(widget: QWidget, step: int | None = None) -> np.ndarray:
    """Render ``widget`` (its own painting, not the screen: works offscreen) -> (H, W, 3) uint8 RGB,
    with 'step N' burned in when ``step`` is given."""
    image = widget.grab().toImage().convertToFormat(QImage.Format_RGB888)
    if step is not None:
        burn_step(image, step)
    h, w = image.height(), image.width()
    raw = np.frombuffer(image.constBits(), np.uint8, count=image.sizeInBytes()).reshape(h, image.bytesPerLine())
    return raw[:, :w * 3].reshape(h, w, 3).copy()


def copy_image(window) -> str:
    """File > Copy image: the pane with the focus (or the window) to the clipboard; returns its name."""
    name, widget = focused_pane(window)
    flush_redraws(widget)
    QApplication.clipboard().setImage(widget.grab().toImage())
    return name
