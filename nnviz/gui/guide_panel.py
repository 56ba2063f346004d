"""A guided lesson in the lesson panel: predict, act, look, compare, next.

:class:`GuidePanel` shows one :class:`nnviz.lessons.GuidedStep` at a time: the question with its
choices (the learner predicts first: the action button waits for a choice), the action ("Step
x10", "Play until step 500", "Set activation = relu, then step x300"), what to look at (its pane is
raised and outlined), and, once the run has answered, the measured figure beside the prediction
and the explanation.  Back, Skip and Next move between steps; the step reached is kept per lesson
in the window's settings.

:class:`Guide` connects it to the window: it acts the step out through the controller (the same
requests the transport buttons and the controls make) and measures the answer with
``nnviz.guided.measure`` once the run has finished and the step's test figures are in.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import (QButtonGroup, QHBoxLayout, QLabel, QPushButton, QRadioButton, QVBoxLayout,
                               QWidget)

from nnviz.guided import MEASURES, Before, measure
from nnviz.lessons import GuidedStep, Lesson

from .language import translate

#: How often the guide looks whether the run it started has finished (ms), and how long it waits.
POLL_MS, PATIENCE_S = 100, 600
#: How long a pane to look at stays outlined (ms).
OUTLINE_MS = 2500


def figure_text(name: str, figure: float) -> str:
    """A measured figure in words: "test accuracy (%): 86.0"."""
    what = translate("guided", MEASURES[name][0])
    return f"{what}: {figure:.3g}" if abs(figure) < 1e4 else f"{what}: {figure:.2e}"


def action_text(action: tuple) -> str:
    """The action in words, for its button: "Step x10", "Play until step 500", "Set activation = relu,
    then step x300" (setting names and values stay as the controls show them)."""
    kind, arg, *then = action
    if kind == "step":
        return translate("GuidePanel", "Step once") if arg == 1 else translate("GuidePanel", "Step x{n}").format(n=arg)
    if kind == "until":
        return translate("GuidePanel", "Play until step {n}").format(n=arg)
    settings = ", ".join(f"{k} = {v}" for k, v in arg.items())
    if then:
        return translate("GuidePanel", "Set {settings}, then step x{n}").format(settings=settings, n=then[0])
    return translate("GuidePanel", "Set {settings}").format(settings=settings)


class GuidePanel(QWidget):
    """The steps of one guided lesson.

    Signals:
        actionRequested(object): the learner pressed the action button (the step's ``action`` tuple).
        stepShown(int): step ``i`` is now on display (to remember the progress).
    """

    actionRequested = Signal(object)
    stepShown = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("guidePanel")
        self.lesson: Lesson | None = None
        self.index = 0
        self.right = 0
        self.progress = QLabel()
        self.progress.setObjectName("guideProgress")
        self.question = QLabel()
        self.question.setObjectName("guideQuestion")
        self.question.setWordWrap(True)
        self.choices = QButtonGroup(self)
        self.choice_box = QVBoxLayout()
        self.choice_box.setContentsMargins(8, 0, 0, 0)
        self.action = QPushButton()
        self.action.setObjectName("guideAction")
        self.action.setToolTip(translate("GuidePanel", "Do what the step says; the run answers the question. "
                                                       "Choose your prediction first."))
        self.look = QLabel()
        self.look.setObjectName("guideLook")
        self.look.setWordWrap(True)
        self.result = QLabel()
        self.result.setObjectName("guideResult")
        self.result.setWordWrap(True)
        self.back = QPushButton(translate("GuidePanel", "Back"))
        self.skip = QPushButton(translate("GuidePanel", "Skip"))
        self.next = QPushButton(translate("GuidePanel", "Next"))
        for button, name, tip in ((self.back, "guideBack", translate("GuidePanel", "The previous step of the lesson")),
                                  (self.skip, "guideSkip", translate("GuidePanel", "Go to the next step without doing "
                                                                                   "this one")),
                                  (self.next, "guideNext", translate("GuidePanel", "On to the next step"))):
            button.setObjectName(name)
            button.setToolTip(tip)
        nav = QHBoxLayout()
        nav.addWidget(self.back)
        nav.addStretch(1)
        nav.addWidget(self.skip)
        nav.addWidget(self.next)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for w in (self.progress, self.question):
            layout.addWidget(w)
        layout.addLayout(self.choice_box)
        for w in (self.action, self.look, self.result):
            layout.addWidget(w)
        layout.addLayout(nav)
        self.setStyleSheet("#guidePanel { background: #eef6ff; } #guideQuestion { font-weight: bold; }")
        self.choices.idClicked.connect(self._chosen)
        self.action.clicked.connect(self._act)
        self.back.clicked.connect(lambda: self.show_step(self.index - 1))
        self.skip.clicked.connect(lambda: self.show_step(self.index + 1))
        self.next.clicked.connect(lambda: self.show_step(self.index + 1))
        self.hide()

    @property
    def step(self) -> GuidedStep | None:
        if self.lesson is None or not 0 <= self.index < len(self.lesson.steps):
            return None
        return self.lesson.steps[self.index]

    def set_lesson(self, lesson: Lesson | None, index: int = 0) -> None:
        """Guide ``lesson`` from step ``index`` (hidden for a lesson without steps or None)."""
        self.lesson, self.right = lesson, 0
        self.setVisible(bool(lesson and lesson.steps))
        if lesson and lesson.steps:
            self.show_step(min(max(index, 0), len(lesson.steps)))

    def show_step(self, index: int) -> None:
        """Show step ``index`` (one past the last: the lesson's end)."""
        steps = self.lesson.steps
        self.index = min(max(index, 0), len(steps))
        for button in self.choices.buttons():
            self.choices.removeButton(button)
            button.setParent(None)  # off the panel now, not at the next return to the event loop
            button.deleteLater()
        self.result.setText("")
        self.back.setEnabled(self.index > 0)
        step = self.step
        if step is None:
            self.progress.setText(translate("GuidePanel", "Done: {n} of {n} steps").format(n=len(steps)))
            self.question.setText(translate("GuidePanel", "The lesson is over. Choose another in the lessons box, "
                                                          "or keep exploring: every control is yours again."))
            for w in (self.action, self.look, self.skip, self.next):
                w.hide()
            self.stepShown.emit(self.index)
            return
        self.progress.setText(translate("GuidePanel", "Step {i} of {n}: predict, then act").format(
            i=self.index + 1, n=len(steps)))
        self.question.setText(translate("lessons", step.question))
        for i, choice in enumerate(step.choices):
            button = QRadioButton(translate("lessons", choice.text))
            button.setObjectName(f"guideChoice{i}")
            self.choices.addButton(button, i)
            self.choice_box.addWidget(button)
        self.action.setText(action_text(step.action))
        self.action.setEnabled(False)
        self.look.setText(translate("GuidePanel", "Look at: {what}").format(what=translate("lessons", step.look)))
        for w in (self.action, self.look, self.skip):
            w.show()
        self.next.hide()
        self.stepShown.emit(self.index)

    def choose(self, i: int) -> None:
        """Predict choice ``i`` (as clicking it does)."""
        self.choices.button(i).setChecked(True)
        self._chosen(i)

    def _chosen(self, i: int) -> None:
        self.action.setEnabled(not self.next.isVisible())

    def _act(self) -> None:
        self.action.setEnabled(False)
        for button in self.choices.buttons():
            button.setEnabled(False)
        self.result.setText(translate("GuidePanel", "Running..."))
        self.actionRequested.emit(self.step.action)

    def show_answer(self, figure: float) -> bool:
        """The run's answer to the step on display; returns whether the prediction was right."""
        step = self.step
        predicted, right = self.choices.checkedId(), step.answer(figure)
        correct = predicted == right
        self.right += correct
        what = (translate("lessons", step.choices[right].text) if right is not None
                else translate("GuidePanel", "none of these"))
        verdict = (translate("GuidePanel", "Right!") if correct
                   else translate("GuidePanel", "Not quite: it was “{answer}”.").format(answer=what))
        measured = translate("GuidePanel", "Measured {figure}.").format(figure=figure_text(step.measure, figure))
        self.result.setText(f"<b>{verdict}</b> {measured}<br>{translate('lessons', step.explain)}")
        self.skip.hide()
        self.next.show()
        self.next.setText(translate("GuidePanel", "Next") if self.index + 1 < len(self.lesson.steps)
                          else translate("GuidePanel", "Finish"))
        return correct

    def show_failure(self, message: str) -> None:
        """The action could not be carried out: say so and let the learner try again."""
        self.result.setText(message)
        for button in self.choices.buttons():
            button.setEnabled(True)
        self.action.setEnabled(self.choices.checkedId() >= 0)


class Guide(QObject):
    """Runs the guide panel's actions through the window's controller and measures the answers."""

    answered = Signal(float)

    def __init__(self, window, panel: GuidePanel):
        super().__init__(window)
        self.w, self.panel = window, panel
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._check)
        self._job = None
        panel.actionRequested.connect(self.act)
        panel.stepShown.connect(self._remember)

    def show_lesson(self, lesson: Lesson | None) -> None:
        """Guide ``lesson`` from the step reached last time (a finished lesson starts again)."""
        self._poll.stop()
        self._job = None
        index = 0
        if lesson and lesson.steps and self.w.remember:
            index = int(self.w.settings.value(self._key(lesson), 0) or 0)
            index = 0 if index >= len(lesson.steps) else index
        self.panel.set_lesson(lesson, index)

    def act(self, action: tuple) -> None:
        """Wait for the figures of the step on display, then carry ``action`` out."""
        self._outline(self.panel.step.pane)
        self._job = {"action": action, "phase": "before", "waited": 0}
        self._poll.start()
        self._check()

    def _check(self) -> None:
        job = self._job
        if job is None:
            self._poll.stop()
            return
        job["waited"] += POLL_MS
        if job["waited"] > PATIENCE_S * 1000:
            self._poll.stop()
            self._job = None
            self.panel.show_failure(translate("GuidePanel", "The run did not finish in time; try the step again."))
            return
        session, worker = self.w.controller.session, self.w.controller.worker
        step = session.trainer.step_count
        figures = session.tests.at(step)
        if job["phase"] == "before":
            if worker.running:
                self.w.controller.pause()
                return
            if figures is None:
                return  # the worker measures a new session's step 0 and every burst's end
            job.update(phase="running", before=Before(step, figures.loss), target=self._start(job["action"]))
            return
        if session is not job["session"] or worker.running:
            return
        if not session.trainer.diverged and (step < job["target"] or figures is None):
            return
        self._poll.stop()
        self._job = None
        name = self.panel.step.measure
        figure = measure(name, session, job["before"])
        self.panel.show_answer(figure)
        self.answered.emit(figure)

    def _start(self, action: tuple) -> int:
        """Carry ``action`` out; the step the run will have reached when it is done."""
        c, job = self.w.controller, self._job
        kind, arg, *then = action
        if kind == "set":
            c.apply_settings(arg)
            kind, arg = ("step", then[0]) if then else ("step", 0)
        session = c.session
        job["session"] = session
        now = session.trainer.step_count
        n = arg if kind == "step" else max(0, arg - now)
        if n:
            c.step(n)
        return now + n

    def _remember(self, index: int) -> None:
        if self.w.remember and self.panel.lesson is not None:
            self.w.settings.setValue(self._key(self.panel.lesson), index)

    @staticmethod
    def _key(lesson: Lesson) -> str:
        return f"guided/{lesson.title}"

    def _outline(self, pane: str) -> None:
        """Raise the pane to look at and outline it for a moment."""
        dock = self.w.controller.pane_dock(pane)
        if dock is None:
            return
        dock.show()
        dock.raise_()
        dock.setStyleSheet("QDockWidget { border: 3px solid #e6550d; }")
        QTimer.singleShot(OUTLINE_MS, dock, lambda: dock.setStyleSheet(""))

