"""The timeline bar: a slider over the kept states, to rewind, where the display stands, and the red
record button."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QSlider, QToolBar, QToolButton

from .screen_fit import StatusLabel
from .language import translate


class TimelineBar(QToolBar):
    """A slider over a :class:`nnviz.core.history.History`'s kept states and a caption.

    Signal ``moved(int)``: the user dragged to the kept state of that index (0 = the oldest).
    ``record_button``: starts and stops a recording (the window connects it).
    """

    moved = Signal(int)

    def __init__(self, parent=None):
        super().__init__(translate("Timeline", "Timeline"), parent)
        self.setObjectName("timelineBar")
        self.setMovable(False)
        self.slider = QSlider(Qt.Horizontal)
        self.slider.setObjectName("timelineSlider")
        self.slider.setToolTip(translate("Timeline", "Rewind: drag back to see the network as it was at an earlier "
                                                "step (Left and Right arrows move one step; End returns to the "
                                                "newest)"))
        self.slider.setRange(0, 0)
        self.slider.valueChanged.connect(self.moved)
        self.label = StatusLabel(260)  # as wide as its text: the slider gives way, the text is never cut
        self.label.setText(translate("Timeline", "step {step}").format(step=0))
        self.label.setObjectName("timelineLabel")
        self.label.setToolTip(translate("Timeline", "The step on display, how many steps it is behind the newest "
                                                    "when rewound (End returns to the newest), and how many states "
                                                    "the timeline keeps"))
        self.record_button = QToolButton()
        self.record_button.setObjectName("recordButton")
        self.show_recording(False)
        self.addWidget(self.record_button)
        self.addWidget(QLabel(" " + translate("Timeline", "Timeline") + " "))
        self.addWidget(self.slider)
        self.addWidget(self.label)

    def show_position(self, history, state) -> None:
        """Put the slider on ``state`` among ``history``'s kept states (no ``moved`` signal)."""
        n = len(history)
        self.slider.blockSignals(True)
        self.slider.setRange(0, max(0, n - 1))
        i = history.index_of_step(state.step)
        self.slider.setValue(i if i >= 0 else n - 1)
        self.slider.blockSignals(False)
        newest = history.latest()
        behind = (newest.step - state.step) if newest is not None else 0
        text = translate("Timeline", "step {step}").format(step=f"{state.step:,}")
        if behind > 0:
            text += "  " + translate("Timeline", "({behind} behind; End returns)").format(
                behind=f"{behind:,}")
        self.label.setText(text + "  " + translate("Timeline", "history {kept}/{capacity}").format(
            kept=n, capacity=history.capacity))

    def show_recording(self, recording: bool) -> None:
        """A red dot to start; a red square with 'REC' while recording."""
        b = self.record_button
        b.setText("\u25a0 REC" if recording else "\u25cf")
        b.setStyleSheet("QToolButton { color: #d00; font-weight: bold; font-size: 17px; }" if not recording else
                        "QToolButton { color: white; background: #d00; font-weight: bold; border-radius: 3px; }")
        b.setToolTip(translate("Timeline", "Recording: press to stop and save (Esc)") if recording else
                     translate("Timeline", "Record the window or a pane to a GIF or MP4 while it trains or you "
                                           "scrub the timeline (Ctrl+Shift+R)"))
