"""Guided lessons: every step's claim holds when its action is acted out (no Qt)."""
import math

import pytest

from nnviz.guided import MEASURES, GuidedRun
from nnviz.lessons import LESSONS, Choice, GuidedStep, find_lesson

GUIDED = [lesson for lesson in LESSONS if lesson.steps]


def test_the_issue_s_lessons_are_guided():
    titles = [lesson.title for lesson in GUIDED]
    for start in ("3Blue1Brown", "Victor Zhou", "One neuron", "Vanishing gradients: 8", "Vanishing gradients: the same",
                  "Vanishing gradients: sigmoid", "Learning rate", "Exploding", "Layer norm", "Group norm",
                  "MSE vs cross-entropy", "The neuron is a function"):
        assert any(t.startswith(start) for t in titles), start


@pytest.mark.parametrize("lesson", GUIDED, ids=[lesson.title for lesson in GUIDED])
def test_every_guided_claim_holds(lesson):
    """Each step's expected choice is the one the run makes right (a lesson whose claim stops being true fails)."""
    run = GuidedRun(lesson)
    for step in lesson.steps:
        assert step.measure in MEASURES
        figure = run.act(step)
        assert math.isfinite(figure), (step.question, figure)
        assert step.answer(figure) == step.expect, (step.question, figure, step.choices[step.expect])


def test_exploding_gradients_grow_toward_the_input():
    """At step 1 each layer's gradient norm is larger than the next one's, >= 10x from the last to the first."""
    run = GuidedRun("Exploding")
    run.act(run.lesson.steps[0])
    norms = run.session.state.grad_norms
    assert norms[0] >= 10 * norms[-1]
    assert (norms[:-1] > norms[1:]).sum() >= len(norms) - 2  # grows layer by layer (one dip allowed)


def test_a_setting_step_changes_the_run_as_the_controls_would():
    run = GuidedRun("MSE vs")
    run.act(run.lesson.steps[0])
    assert run.session.trainer.step_count == 300
    run.act(run.lesson.steps[1])
    assert run.session.spec["loss"] == "mse" and run.session.trainer.step_count == 300  # a fresh network
    lr_run = GuidedRun("Learning rate")
    lr_run.act(lr_run.lesson.steps[0])
    assert lr_run.session.trainer.diverged
    lr_run.act(lr_run.lesson.steps[1])
    assert lr_run.session.training["lr"] == 0.05 and not lr_run.session.trainer.diverged


def test_answers():
    step = find_lesson("Layer norm").steps[1]
    assert step.answer(9.9) == 0 and step.answer(50) == 1 and step.answer(-1) is None


def test_a_malformed_step_is_refused():
    with pytest.raises(ValueError):
        GuidedStep("q", (Choice("a"),), ("jump", 3), "test_accuracy", "", "", 0)
    with pytest.raises(ValueError):
        GuidedStep("q", (Choice("a"),), ("step", 3), "test_accuracy", "", "", 1)
