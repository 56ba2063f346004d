"""A guided lesson in the window: predict, act through the controls, compare with the run."""
from nnviz.gui.guide_panel import action_text
from nnviz.lessons import find_lesson


def finish_step(qtbot, panel, choice: int, timeout=60_000):
    panel.choose(choice)
    assert panel.action.isEnabled()
    panel.action.click()
    qtbot.waitUntil(panel.next.isVisible, timeout=timeout)


def test_a_guided_step_acts_through_the_window_and_checks_the_prediction(qtbot, window):
    window.load_lesson("Vanishing gradients: 8")
    panel = window.controls.guide
    lesson = find_lesson("Vanishing gradients: 8")
    assert panel.isVisible() and panel.question.text() == lesson.steps[0].question
    assert panel.action.text() == action_text(lesson.steps[0].action)
    assert not panel.action.isEnabled()  # predict first
    finish_step(qtbot, panel, 2)  # a wrong prediction: the gradient vanishes
    assert window.controller.session.trainer.step_count == 1
    assert window.docks["layersDock"].isVisible()  # the pane to look at is raised
    assert "Not quite" in panel.result.text() and "under 1/100" in panel.result.text()
    assert panel.right == 0
    panel.next.click()
    assert panel.question.text() == lesson.steps[1].question and panel.back.isEnabled()
    finish_step(qtbot, panel, 0)
    assert window.controller.session.trainer.step_count == 300  # "Play until step 300"
    assert "Right!" in panel.result.text() and panel.right == 1


def test_a_setting_step_changes_the_controls_and_keeps_the_lesson(qtbot, window):
    window.load_lesson("MSE vs")
    panel = window.controls.guide
    panel.show_step(1)  # skip to "now mean squared error"
    finish_step(qtbot, panel, 0)
    assert window.controls.param("loss").value() == "mse"
    assert window.controller.session.spec["loss"] == "mse" and window.controller.session.lesson.startswith("MSE")
    assert window.controller.session.trainer.step_count == 300
    assert "Right!" in panel.result.text()
    assert panel.isVisible()


def test_progress_is_kept_per_lesson_and_skip_and_back_move(qtbot, window, settings):
    window.load_lesson("Exploding")
    panel = window.controls.guide
    panel.skip.click()
    panel.skip.click()
    assert panel.index == 2
    panel.back.click()
    assert panel.index == 1
    window.load_lesson("3Blue1Brown")
    assert panel.index == 0 and panel.lesson.title.startswith("3Blue1Brown")
    window.load_lesson("Exploding")
    assert panel.index == 1  # where the learner left it
    assert int(settings.value("guided/" + panel.lesson.title)) == 1


def test_an_unguided_lesson_and_a_changed_architecture_hide_the_guide(qtbot, window):
    window.load_lesson("Playground: spiral")
    assert not window.controls.guide.isVisible()
    window.load_lesson("One neuron")
    assert window.controls.guide.isVisible()
    window.controls.param("hidden").setValue("3")  # the learner leaves the lesson
    assert not window.controls.guide.isVisible()


def test_actions_in_words():
    step = find_lesson("Layer norm").steps[1]
    assert action_text(step.action) == "Set norm = batch, then step x1000"
    assert action_text(("step", 1)) == "Step once" and action_text(("until", 500)) == "Play until step 500"
