"""Text that fits: numbers in engineering format, captions shortened meaningfully, combo boxes that
elide their current entry with "…" (the whole entry in the tooltip) instead of cutting it."""
from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QComboBox, QLabel, QStyle, QStyleOptionComboBox, QStylePainter

from .language import translate

#: Short names of activations for narrow captions ("L1 16 sig").
SHORT_ACTIVATIONS = {"sigmoid": "sig", "softmax": "smax", "linear": "lin", "leaky_relu": "lrelu",
                     "identity": "id"}


def short_number(x: float, decimals: int = 4) -> str:
    """``x`` with ``decimals`` decimals, or in engineering format when that would be long:
    110116405248.0 -> "1.1e11", 0.00001234 -> "1.2e-05"; "nan" and "inf" as themselves."""
    x = float(x)
    if not math.isfinite(x):
        return str(x)
    if x != 0 and (abs(x) >= 1e5 or abs(x) < 10 ** -decimals):
        mantissa, exponent = f"{x:.1e}".split("e")
        return f"{mantissa}e{int(exponent)}"
    return f"{x:.{decimals}f}"


def column_captions(kind: str, size: int, function: str = "", layer: int = 0, side: int = 0) -> list[str]:
    """The caption of one column of the diagram, longest first, each shorter than the one before:
    the caller draws the first that fits.  ``kind`` is "image" (``side`` x ``side`` pixels),
    "input", "layer" (hidden layer ``layer``) or "output"; ``function`` its activation."""
    if kind == "image":
        return [translate("FittedText", "input: {side}x{side} pixels").format(side=side),
                translate("FittedText", "input {side}x{side}").format(side=side), f"{side}x{side}",
                translate("FittedText", "in")]
    short = SHORT_ACTIVATIONS.get(function, function)
    if kind == "input":
        return [translate("FittedText", "input: {size}").format(size=size),
                translate("FittedText", "in {size}").format(size=size), f"{size}"]
    tag = f"L{layer}" if kind == "layer" else translate("FittedText", "out")
    name = (translate("FittedText", "layer {layer}").format(layer=layer) if kind == "layer"
            else translate("FittedText", "output"))
    texts = [translate("FittedText", "{name}: {size} {function}").format(name=name, size=size, function=function),
             f"{size} {function}", f"{tag} {size} {short}", f"{size} {short}", f"{size}"]
    kept = []
    for t in (t.strip() for t in texts):  # a short name no shorter than the plain one is dropped
        if not kept or len(t) < len(kept[-1]):
            kept.append(t)
    return kept


class ElidedCombo(QComboBox):
    """A combo box drawn with its current entry elided ("This network (PCA…") when it is narrower
    than the entry; its tooltip then starts with the whole entry.  Never wider than it is given."""

    def __init__(self, parent=None, chars: int = 8):
        super().__init__(parent)
        self._tip = ""
        self.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(chars)
        self.currentTextChanged.connect(self._update_tip)

    def setToolTip(self, tip: str) -> None:
        self._tip = tip
        self._update_tip()

    def text_room(self) -> int:
        """How many pixels the current entry is given."""
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        return self.style().subControlRect(QStyle.CC_ComboBox, option, QStyle.SC_ComboBoxEditField, self).width()

    def elided(self) -> bool:
        return self.fontMetrics().horizontalAdvance(self.currentText()) > self.text_room()

    def paintEvent(self, event) -> None:
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        room = self.text_room()
        option.currentText = self.fontMetrics().elidedText(option.currentText, Qt.ElideRight, room)
        painter.drawComplexControl(QStyle.CC_ComboBox, option)
        painter.drawControl(QStyle.CE_ComboBoxLabel, option)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._update_tip()

    def _update_tip(self, *_) -> None:
        """The tooltip: the whole current entry first when it is elided."""
        whole = self.currentText()
        tip = "\n\n".join(t for t in (whole, self._tip) if t) if self.elided() else self._tip
        if self.toolTip() != tip:
            super().setToolTip(tip)


def thinned(levels: list, size: float, label_px: float) -> list:
    """pyqtgraph tick ``levels`` [(spacing, values)] cut to what an axis ``size`` pixels long can label
    without overlap (``label_px`` a label): the major level only, every k-th value of it."""
    if not levels:
        return levels
    spacing, values = levels[0]
    room = max(2, int(size // label_px))
    every = max(1, math.ceil(len(values) / room))
    return [(spacing * every, list(values)[::every])]


class SparseAxis(pg.AxisItem):
    """An axis whose labels never overlap: as many ticks as fit ``LABEL_PX`` apart, no minor ticks
    (pyqtgraph puts five labels on an 80-pixel axis); never an SI prefix or a "(x0.001)" scale."""

    LABEL_PX = 36

    def __init__(self, orientation, **kwargs):
        super().__init__(orientation, **kwargs)
        self.enableAutoSIPrefix(False)
        if orientation in ("left", "right"):
            self.LABEL_PX = 22  # one line of text and a gap

    def tickValues(self, minVal, maxVal, size):
        return thinned(super().tickValues(minVal, maxVal, size), size, self.LABEL_PX)


class IntegerAxis(SparseAxis):
    """An axis of whole numbers (steps, layers, classes): ticked on integers only, never 0.5 or 1.5."""

    def tickValues(self, minVal, maxVal, size):
        levels = [(spacing, [v for v in values if float(v).is_integer()])
                  for spacing, values in pg.AxisItem.tickValues(self, minVal, maxVal, size) if spacing >= 1]
        levels = [(spacing, values) for spacing, values in levels if values]
        if not levels and math.isfinite(minVal) and math.isfinite(maxVal) and maxVal - minVal < 1000:
            levels = [(1.0, [float(v) for v in range(math.ceil(minVal), math.floor(maxVal) + 1)])]
        return thinned(levels, size, self.LABEL_PX)


def decade_text(exponent: int) -> str:
    """10 ** ``exponent`` written short: 0 -> "1", 2 -> "100", -2 -> "0.01", -5 -> "1e-5", 6 -> "1e6"."""
    if -2 <= exponent <= 3:
        return f"{10.0 ** exponent:g}"
    return f"1e{exponent}"


class DecadeAxis(pg.AxisItem):
    """A log-scale axis ticked on whole powers of ten only, labelled short ("1e-5"), with as many
    labels as fit without overlapping: every decade, or every second, third... when the axis is short."""

    #: pixels each label needs along the axis (a line of text and a gap)
    LABEL_PX = 24

    def tickValues(self, minVal, maxVal, size):
        if not (math.isfinite(minVal) and math.isfinite(maxVal)):
            return []
        lo, hi = math.ceil(minVal), math.floor(maxVal)
        if hi < lo:
            return [(1.0, [float(round((minVal + maxVal) / 2))])]  # less than a decade: its nearest power
        room = max(1, int(size // self.LABEL_PX))
        every = max(1, math.ceil((hi - lo + 1) / room))
        return [(float(every), [float(v) for v in range(lo, hi + 1) if v % every == 0])]

    def tickStrings(self, values, scale, spacing):
        return [decade_text(int(round(v))) for v in values]


class TallLabel(QLabel):
    """A word-wrapped label that is never cut vertically, whatever its font (presentation mode's
    is 1.5x): at least ``lines`` lines of its font tall (room kept from the start, so a text that
    rewraps leaves the layout alone), and with ``whole`` at least as tall as its text at its width
    (what is below gives way).  With ``steady`` it keeps the height of its tallest text since its
    width last changed: a text that changes at every step (the loss surface's figures while the
    timeline is scrubbed) grows it once instead of moving what is below it up and down, each move
    laying out and redrawing the plot below (the slowest tenth of the scrubs)."""

    def __init__(self, text: str = "", lines: int = 0, whole: bool = False, steady: bool = False):
        super().__init__(text)
        self.lines, self.whole, self.steady = lines, whole, steady
        self._width = -1
        self.setWordWrap(True)
        self._fit()

    def setText(self, text: str) -> None:
        super().setText(text)
        if self.steady and text:
            needed = self.heightForWidth(self.width())
            if needed > self.minimumHeight():
                self.setMinimumHeight(needed)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.width() != self._width:
            self._width = self.width()
            self._fit()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.FontChange:
            self._fit()

    def _fit(self) -> None:
        height = self.lines * self.fontMetrics().lineSpacing()
        if self.whole or (self.steady and self.text()):
            height = max(height, self._text_height())
        if height > 0 and height != self.minimumHeight():
            self.setMinimumHeight(height)

    def _text_height(self) -> int:
        """The height of the text at the label's width (QLabel's heightForWidth is at least its
        minimum height, which would keep a label that gets wider as tall as it was)."""
        kept = self.minimumHeight()
        self.setMinimumHeight(0)
        height = self.heightForWidth(self.width())
        self.setMinimumHeight(kept)
        return height
