"""Guided lessons without a window: a lesson's steps acted out on a :class:`Session`, and the
figures that settle each step's question.  Plain Python and NumPy: no Qt.

The window acts a step out through its own controls (``nnviz.gui.guide_panel``) and then reads the
same figures from its session; :class:`GuidedRun` does it in the caller's thread, which is how the
tests check that every guided lesson's claims still hold.

>>> from nnviz.guided import GuidedRun
>>> run = GuidedRun("Vanishing gradients: 8 sigmoid")
>>> figure = run.act(run.lesson.steps[0])      # doctest: +SKIP
>>> run.lesson.steps[0].answer(figure)          # doctest: +SKIP
1
"""
from __future__ import annotations

from dataclasses import replace
from typing import Callable, NamedTuple

import numpy as np

from nnviz.lessons import GuidedStep, Lesson, find_lesson
from nnviz.session import ARCHITECTURE_KEYS, Session, lesson_settings


class Before(NamedTuple):
    """What a measure compares with: the step and test loss before the action."""

    step: int
    test_loss: float


def test_figures(session: Session):
    """The test figures of the newest step (measured now if they were not)."""
    figures = session.tests.at(session.trainer.step_count)
    return figures if figures is not None else session.evaluate()[1]


def _test_accuracy(session: Session, before: Before) -> float:
    return 100.0 * test_figures(session).accuracy


def _test_loss_ratio(session: Session, before: Before) -> float:
    return test_figures(session).loss / before.test_loss


def _first_over_last(session: Session, before: Before) -> float:
    norms = session.state.grad_norms
    return float(norms[0] / norms[-1])


def _slope(session: Session, before: Before) -> float:
    return float(session.state.weights[0][0, 0])


def _diverged(session: Session, before: Before) -> float:
    return 1.0 if session.trainer.diverged else 0.0


def _first_output(session: Session, before: Before) -> float:
    return float(session.network().forward(session.data.X_train[:1])[0, 0])


#: name -> (what the figure is, in words; how to measure it after an action).
MEASURES: dict[str, tuple[str, Callable[[Session, Before], float]]] = {
    "test_accuracy": ("test accuracy (%)", _test_accuracy),
    "test_loss_ratio": ("test loss now / test loss before", _test_loss_ratio),
    "first_over_last": ("first layer's gradient norm / last layer's", _first_over_last),
    "slope": ("the neuron's weight w", _slope),
    "diverged": ("1 if training diverged, else 0", _diverged),
    "first_output": ("the output for the first training sample", _first_output),
}


def settings_after(lesson: Lesson, changes: dict) -> tuple[Lesson, bool]:
    """``lesson`` with ``changes`` applied to its settings, and whether they change the architecture
    (a new session) rather than only the training."""
    return replace(lesson, settings={**lesson.settings, **changes}), any(k in ARCHITECTURE_KEYS for k in changes)


class GuidedRun:
    """A guided lesson acted out in the caller's thread."""

    def __init__(self, which: int | str | Lesson):
        self.lesson = which if isinstance(which, Lesson) else find_lesson(which)
        self.session = Session.from_lesson(self.lesson)

    def before(self) -> Before:
        return Before(self.session.trainer.step_count, test_figures(self.session).loss)

    def act(self, step: GuidedStep) -> float:
        """Do ``step``'s action and return its measured figure."""
        before = self.before()
        kind, arg, *then = step.action
        if kind == "step":
            self.session.step(arg)
        elif kind == "until":
            self.session.step(max(0, arg - self.session.trainer.step_count))
        else:
            self.lesson, rebuild = settings_after(self.lesson, arg)
            spec, training = lesson_settings(self.lesson)
            if rebuild:
                self.session = Session.build(spec, training, lesson=self.lesson)
            else:
                self.session.set_training(training)
            if then:
                self.session.step(then[0])
        return measure(step.measure, self.session, before)


def measure(name: str, session: Session, before: Before) -> float:
    """The figure ``name`` (see :data:`MEASURES`) of ``session`` after an action that began at ``before``."""
    return float(np.float64(MEASURES[name][1](session, before)))
