"""The first-launch welcome strip: three ways in (draw a digit, watch a network learn from scratch,
pick a lesson), shown once and remembered in the window's settings."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QToolBar, QWidget

from .banner import STYLES
from .language import translate

#: The settings key that remembers the strip was shown.
WELCOMED = "welcomed"
TEXT = QT_TRANSLATE_NOOP("WelcomeStrip", "<b>Welcome to nnviz.</b> This is the 3Blue1Brown network (784-16-16-10), already trained on "
        "handwritten digits. Where to start?")
CHOICES = ((QT_TRANSLATE_NOOP("WelcomeStrip", "Draw a digit"),
            QT_TRANSLATE_NOOP("WelcomeStrip", "The trained network reads what you draw on the pad"), "drawChosen"),
           (QT_TRANSLATE_NOOP("WelcomeStrip", "Watch it learn from scratch"),
            QT_TRANSLATE_NOOP("WelcomeStrip", "The 3Blue1Brown lesson: fresh random weights, playing"), "scratchChosen"),
           (QT_TRANSLATE_NOOP("WelcomeStrip", "Pick a lesson"),
            QT_TRANSLATE_NOOP("WelcomeStrip", "Open the list of lessons in the Controls"), "lessonsChosen"))


class WelcomeStrip(QToolBar):
    """Signals ``drawChosen``, ``scratchChosen``, ``lessonsChosen`` (the strip hides itself after
    any of them, or Dismiss; the window also hides it at Play or a lesson).  ``offer(settings)`` shows it unless ``settings`` remember it was shown."""

    drawChosen = Signal()
    scratchChosen = Signal()
    lessonsChosen = Signal()

    def __init__(self, parent=None):
        super().__init__(translate("WelcomeStrip", "Welcome"), parent)
        self.setObjectName("welcomeStrip")
        self.setMovable(False)
        holder = QWidget()
        holder.setStyleSheet(STYLES["info"])
        layout = QHBoxLayout(holder)
        layout.setContentsMargins(8, 4, 8, 4)
        self.text = QLabel(translate("WelcomeStrip", TEXT))
        self.text.setWordWrap(True)
        layout.addWidget(self.text, 1)
        self.buttons: dict[str, QPushButton] = {}
        for label, tip, signal in CHOICES:
            button = QPushButton(translate("WelcomeStrip", label))
            button.setToolTip(translate("WelcomeStrip", tip))
            button.setObjectName(signal.removesuffix("Chosen") + "WelcomeButton")
            button.clicked.connect(getattr(self, signal))
            button.clicked.connect(self.hide)
            layout.addWidget(button)
            self.buttons[label] = button
        dismiss = QPushButton(translate("WelcomeStrip", "Dismiss"))
        dismiss.setToolTip(translate("WelcomeStrip", "Hide this strip (it is shown only on the first launch)"))
        dismiss.clicked.connect(self.hide)
        layout.addWidget(dismiss)
        self.addWidget(holder)
        self.hide()

    def offer(self, settings) -> bool:
        """Show the strip if ``settings`` (a QSettings, or None: never) have not seen it yet, and
        remember that they have.  Returns whether it is shown."""
        if settings is None or settings.value(WELCOMED, False, type=bool):
            self.hide()
            return False
        settings.setValue(WELCOMED, True)
        self.show()
        return True


#: The banner on Play of the shipped trained network.
OVERFIT_HINT = QT_TRANSLATE_NOOP("WelcomeStrip", "This network is already trained: more training now overfits. It learns the training digits by "
                "heart, so the test loss (red in Curves) rises and nothing visibly improves. To watch a network "
                "learn, start from scratch.")
