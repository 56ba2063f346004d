"""A strip across the top of the window that says what happened and offers ways out."""
from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QToolBar, QWidget

from .language import translate

STYLES = {"error": "background: #fdecea; color: #611a15;", "info": "background: #e8f4fd; color: #0d3c61;"}


class Banner(QToolBar):
    """``show_message(text, actions=[(label, tooltip, callback)], kind="error"|"info")``; Dismiss hides it."""

    def __init__(self, parent=None):
        super().__init__(translate("MessageBanner", "Message"), parent)
        self.setObjectName("messageBanner")
        self.setMovable(False)
        self.holder = QWidget()
        self.layout_ = QHBoxLayout(self.holder)
        self.layout_.setContentsMargins(8, 4, 8, 4)
        self.text = QLabel()
        self.text.setObjectName("bannerText")
        self.text.setWordWrap(True)
        self.layout_.addWidget(self.text, 1)
        self.buttons: dict[str, QPushButton] = {}
        self.dismiss = QPushButton(translate("MessageBanner", "Dismiss"))
        self.dismiss.setToolTip(translate("MessageBanner", "Hide this message"))
        self.dismiss.clicked.connect(self.hide)
        self.layout_.addWidget(self.dismiss)
        self.addWidget(self.holder)
        self.hide()

    def show_message(self, text: str, actions=(), kind: str = "error") -> None:
        for button in self.buttons.values():
            self.layout_.removeWidget(button)
            button.deleteLater()
        self.buttons = {}
        for label, tip, callback in actions:
            button = QPushButton(label)
            button.setToolTip(tip)
            button.clicked.connect(callback)
            self.layout_.insertWidget(self.layout_.count() - 1, button)
            self.buttons[label] = button
        self.holder.setStyleSheet(STYLES[kind])
        self.text.setText(text)
        self.show()
