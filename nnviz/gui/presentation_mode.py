"""Presentation mode (F5, View > Presentation mode): the window for a projector.

Entering it keeps the window's geometry and dock layout (``saveGeometry``/``saveState``), then:

* fonts :data:`~nnviz.gui.presentation.PRESENTING` ``.text_scale`` times larger: the window's
  font (every widget, the diagram's captions and labels), and pyqtgraph's tick labels, axis labels,
  titles and legends;
* lines ``.line_scale`` times wider: the diagram's edges, the curves, contours and axes;
* a high-contrast palette: black text on white around the diagram's white on black, saturated
  blue and orange weights;
* the controls collapsed to the transport buttons, the lessons and the lesson's text, and the
  panes below the diagram gathered in one row of tabs (the tab on top stays on top).

Leaving it (F5 again, or Esc) puts every one of these back as it was.  Nothing of it is kept in
the settings: a window closed while presenting saves the layout it had before (the next launch is
rarely on the projector, and a remembered 1.5x font would be a surprise there).
"""
from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QColor, QFont, QKeySequence, QPalette, QPen
from PySide6.QtWidgets import QMainWindow, QWidget

from . import presentation
from .language import translate
from .screen_fit import StatusLabel, place_pad, recompact

#: How often new plot items (a lesson with more layers draws more curves) get presentation's pens.
RESTYLE_MS = 1000
#: The bottom panes take this share of the window's height in presentation mode.
BOTTOM_SHARE = 0.42


def high_contrast(palette: QPalette) -> QPalette:
    """``palette`` with black text on white and a saturated blue selection."""
    p = QPalette(palette)
    white, black = QColor(255, 255, 255), QColor(0, 0, 0)
    for role, color in ((QPalette.Window, white), (QPalette.Base, white), (QPalette.AlternateBase, QColor(235, 235, 235)),
                        (QPalette.Button, QColor(238, 238, 238)), (QPalette.WindowText, black), (QPalette.Text, black),
                        (QPalette.ButtonText, black), (QPalette.ToolTipBase, white), (QPalette.ToolTipText, black),
                        (QPalette.Highlight, QColor(0, 70, 200)), (QPalette.HighlightedText, white),
                        (QPalette.Mid, QColor(90, 90, 90)), (QPalette.Dark, QColor(40, 40, 40))):
        p.setColor(QPalette.All, role, color)
    p.setColor(QPalette.Disabled, QPalette.ButtonText, QColor(110, 110, 110))
    p.setColor(QPalette.Disabled, QPalette.WindowText, QColor(110, 110, 110))
    p.setColor(QPalette.Disabled, QPalette.Text, QColor(110, 110, 110))
    return p


def scaled_font(font: QFont, scale: float) -> QFont:
    """``font`` ``scale`` times as large (in points)."""
    f = QFont(font)
    f.setPointSizeF(font.pointSizeF() * scale)
    return f


def _points(size, default: float) -> float:
    """A CSS size such as '11pt' in points (``default`` when there is none or it is not in points)."""
    text = str(size or "")
    try:
        return float(text[:-2]) if text.endswith("pt") else default
    except ValueError:
        return default


class PlotStyler:
    """Gives pyqtgraph's items in a window presentation's fonts and pens, and takes them back.

    Each styled item keeps its own ``(original, applied)`` in an attribute, so an item a pane
    removes is simply forgotten, and one whose pen a pane set anew is styled from its new pen.
    """

    ATTRIBUTE = "_nnviz_presentation"

    def __init__(self, look: presentation.Look, font: QFont):
        self.look, self.font = look, font

    @staticmethod
    def items(window):
        for view in window.findChildren(pg.GraphicsView):
            scene = view.scene()
            if scene is not None:
                yield from scene.items()

    def style(self, window) -> None:
        """Style every item not styled yet (or restyled by its pane since)."""
        for item in self.items(window):
            if isinstance(item, pg.AxisItem):
                self._axis(item)
            elif isinstance(item, pg.LabelItem):
                self._label(item)
            elif isinstance(item, (pg.PlotDataItem, pg.IsocurveItem)) or (
                    isinstance(item, pg.PlotCurveItem) and not isinstance(item.parentItem(), pg.PlotDataItem)):
                self._curve(item)

    def unstyle(self, window) -> None:
        """Give every styled item back what it had."""
        for item in self.items(window):
            saved = getattr(item, self.ATTRIBUTE, None)
            if saved is None:
                continue
            original = saved[0]
            if isinstance(item, pg.AxisItem):
                pen, text_pen, tick_font, label_style = original
                item.setPen(pen)
                item.setTextPen(text_pen)
                item.setTickFont(tick_font)
                item.labelStyle = label_style
                item._updateLabel()  # pyqtgraph's own re-layout of the label (setLabel resets the SI prefix)
            elif isinstance(item, pg.LabelItem):
                item.opts = original
                item.setText(item.text)
            else:
                item.setPen(original)
            delattr(item, self.ATTRIBUTE)

    def _axis(self, axis: pg.AxisItem) -> None:
        if getattr(axis, self.ATTRIBUTE, None) is not None:
            return
        original = (QPen(axis.pen()), QPen(axis.textPen()), axis.style["tickFont"], dict(axis.labelStyle))
        setattr(axis, self.ATTRIBUTE, (original, None))
        axis.setPen(pg.mkPen("k", width=self.look.line_scale))
        axis.setTextPen("k")
        axis.setTickFont(self.font)
        axis.labelStyle = {**axis.labelStyle, "color": "#000", "font-size": f"{self.font.pointSizeF():.1f}pt"}
        axis._updateLabel()

    def _label(self, label: pg.LabelItem) -> None:
        if getattr(label, self.ATTRIBUTE, None) is not None:
            return
        original = dict(label.opts)
        setattr(label, self.ATTRIBUTE, (original, None))
        base = _points(original.get("size"), self.font.pointSizeF() / self.look.text_scale)
        label.setText(label.text, size=f"{base * self.look.text_scale:.1f}pt")

    def _curve(self, item) -> None:
        pen = item.pen if isinstance(item, pg.IsocurveItem) else item.opts["pen"]
        saved = getattr(item, self.ATTRIBUTE, None)
        if saved is not None and saved[1] == pen:
            return
        if pen is None or (isinstance(pen, QPen) and pen.style() == Qt.NoPen):
            return
        original = QPen(pg.mkPen(pen))
        wide = QPen(original)
        wide.setWidthF((original.widthF() or 1.0) * self.look.line_scale)
        setattr(item, self.ATTRIBUTE, (original, wide))
        item.setPen(wide)


class PresentationMode(QObject):
    """Presentation mode for ``window`` (a :class:`nnviz.gui.main_window.MainWindow`), a child of it.

    ``action``: the checkable View menu entry (F5); ``leave_action``: Esc, enabled while presenting.
    ``active``: presenting now.
    """

    def __init__(self, window: QMainWindow):
        super().__init__(window)  # no Python reference to the window: only Qt's parent
        self.action = QAction(translate("PresentationMode", "&Presentation mode"), window)
        self.action.setObjectName("presentationAction")
        self.action.setCheckable(True)
        self.action.setShortcut(QKeySequence("F5"))
        tip = translate("PresentationMode", "Large text and lines, high contrast, only the transport buttons and the "
                                            "lesson: for a projector (F5 or Esc leaves it, and the layout comes back "
                                            "as it was)")
        self.action.setToolTip(tip)
        self.action.setStatusTip(tip)
        self.action.toggled.connect(self.set_active)
        self.leave_action = QAction(translate("PresentationMode", "Leave presentation mode"), window)
        self.leave_action.setShortcut(QKeySequence(Qt.Key_Escape))
        self.leave_action.setEnabled(False)  # Esc is the pad's otherwise
        self.leave_action.triggered.connect(self.leave)
        window.addAction(self.action)
        window.addAction(self.leave_action)
        self._saved = None  # what entering changed, while presenting
        self._styler: PlotStyler | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(RESTYLE_MS)
        self._timer.timeout.connect(self.restyle)

    @property
    def active(self) -> bool:
        return self._saved is not None

    def set_active(self, on: bool) -> None:
        self.enter() if on else self.leave()

    def enter(self) -> None:
        if self.active:
            return
        w = self.parent()
        look = presentation.PRESENTING
        pad = w.docks["padDock"]
        self._saved = {"geometry": w.geometry(), "state": w.saveState(), "saved geometry": w.saveGeometry(),
                       "font": QFont(w.font()) if w.testAttribute(Qt.WA_SetFont) else None,
                       "palette": QPalette(w.palette()) if w.testAttribute(Qt.WA_SetPalette) else None,
                       "pad hidden for data": pad.property("hiddenForData")}
        font = scaled_font(w.font(), look.text_scale)
        w.setFont(font)
        self._scale_styled(w, look.text_scale)
        w.setPalette(high_contrast(w.palette()))
        w.controls.set_compact(True)
        w.pad_pane.set_compact(True)
        self._gather_bottom_panes(w)
        self._refit(w)
        presentation.set_look(look)
        self._styler = PlotStyler(look, font)
        self._styler.style(w)
        self._timer.start()
        self._sync_actions(True)
        QTimer.singleShot(0, self, self._size_panes)

    def leave(self) -> None:
        if not self.active:
            return
        w, saved = self.parent(), self._saved
        self._timer.stop()
        self._styler.unstyle(w)
        self._styler = None
        w.setFont(saved["font"] if saved["font"] is not None else QFont())  # an empty font: inherit again
        self._scale_styled(w, None)
        w.setPalette(saved["palette"] if saved["palette"] is not None else QPalette())
        presentation.set_look(presentation.NORMAL)
        for dock in w.docks.values():
            if dock.titleBarWidget() is not None:
                dock.titleBarWidget().deleteLater()
                dock.setTitleBarWidget(None)  # the standard title bar again
        w.controls.set_compact(False)
        w.pad_pane.set_compact(False)
        self._refit(w)
        if not (w.isMaximized() or w.isFullScreen()):  # else the window's size is the screen's business
            w.setGeometry(saved["geometry"])
        # The normal font's layout first: the status bar gets its normal height back only then, and
        # docks restored before it would keep the 7 px it gives back.
        QCoreApplication.sendPostedEvents(None, QEvent.LayoutRequest)
        w.layout().activate()
        w.restoreState(saved["state"])
        pad = w.docks["padDock"]
        pad.setProperty("hiddenForData", saved["pad hidden for data"])
        place_pad(pad, w.session.pad)  # the data may have changed meanwhile
        self._saved = None
        self._sync_actions(False)
        w.update_on_screen()

    def layout_to_remember(self) -> tuple:
        """(saveGeometry(), saveState()) of the window, from before presentation mode if it is on."""
        if self.active:
            return self._saved["saved geometry"], self._saved["state"]
        return self.parent().saveGeometry(), self.parent().saveState()

    def restyle(self) -> None:
        """Style plot items that appeared since (a new lesson's curves)."""
        if self._styler is not None:
            self._styler.style(self.parent())

    def _sync_actions(self, on: bool) -> None:
        self.leave_action.setEnabled(on)
        if self.action.isChecked() != on:
            self.action.blockSignals(True)
            self.action.setChecked(on)
            self.action.blockSignals(False)

    @staticmethod
    def _scale_styled(w, scale: float | None) -> None:
        """Widgets with a style sheet take no font from their parent (Qt's style-sheet style): give
        them theirs, ``scale`` times as large (None: give it back)."""
        for widget in w.findChildren(QWidget):
            if scale is None and widget.property("presentationFont"):
                widget.setProperty("presentationFont", False)
                widget.setFont(QFont())  # an empty font: no font of its own again
            elif (scale is not None and widget.styleSheet() and "font-size" not in widget.styleSheet()
                  and not widget.testAttribute(Qt.WA_SetFont)):
                widget.setProperty("presentationFont", True)
                widget.setFont(scaled_font(widget.font(), scale))

    @staticmethod
    def _refit(w) -> None:
        """Widgets sized to their text at construction fit their text in the new font."""
        recompact(w)
        for label in w.findChildren(StatusLabel):
            label.setText(label.text())

    @staticmethod
    def _gather_bottom_panes(w) -> None:
        """The docked panes below the diagram in one group of tabs; the tab on top stays on top."""
        bottom = [d for d in w.docks.values()
                  if not d.isFloating() and d.isVisible() and w.dockWidgetArea(d) == Qt.BottomDockWidgetArea]
        if len(bottom) < 2:
            return
        on_top = [d for d in bottom if w.rect().intersects(d.geometry())]  # a tab behind is moved out
        # the pane on top of a group of tabs (the one a lesson raises), else any pane in sight
        front = next((d for d in on_top if w.tabifiedDockWidgets(d)), on_top[0] if on_top else bottom[0])
        anchor = next((d for d in bottom if w.tabifiedDockWidgets(d)), bottom[0])
        for dock in bottom:
            if dock is not anchor and dock not in w.tabifiedDockWidgets(anchor):
                w.tabifyDockWidget(anchor, dock)
            dock.setTitleBarWidget(QWidget(dock))  # the tab names them: their room goes to the pane
        front.raise_()

    def _size_panes(self) -> None:
        """The diagram gets most of the height; the controls are as narrow as their buttons."""
        w = self.parent()
        if not self.active:
            return
        bottom = [d for d in w.docks.values()
                  if d.isVisible() and not d.isFloating() and w.dockWidgetArea(d) == Qt.BottomDockWidgetArea]
        if bottom:
            w.resizeDocks(bottom[:1], [int(w.height() * BOTTOM_SHARE)], Qt.Vertical)
        controls = w.docks["controlsDock"]
        if controls.isVisible() and not controls.isFloating():
            w.resizeDocks([controls], [controls.minimumSizeHint().width()], Qt.Horizontal)
