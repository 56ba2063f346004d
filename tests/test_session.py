"""The session model and the lessons, without Qt."""
import subprocess
import sys

import numpy as np
import pytest

from nnviz.core import Network, evaluate
from nnviz.lessons import LESSONS, find_lesson
from nnviz.session import FIRST_ARCHITECTURE, Session, clamp_batch


def true_figures(session, state):
    """The test loss and accuracy of the network ``state`` shows, measured from scratch."""
    return evaluate(Network.from_state(state), session.data)


def test_session_and_lessons_import_no_qt():
    code = "import sys, nnviz.session, nnviz.lessons; print([m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph'))])"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0 and out.stdout.strip() == "[]", out.stdout + out.stderr


def test_a_burst_ends_with_the_test_figures_of_its_last_step():
    s = Session.from_lesson("3Blue1Brown")
    for n in (100, 200):
        state = s.step(100)
        assert state.step == n
        figures = s.tests.at(n)
        truth = true_figures(s, state)
        assert figures.loss == pytest.approx(truth.loss, rel=1e-5)
        assert figures.accuracy == pytest.approx(truth.accuracy)


def test_every_lesson_builds_its_own_settings_whatever_came_before():
    previous = None
    for lesson in [*LESSONS, *reversed(LESSONS)]:
        s = Session.from_lesson(lesson)
        v = lesson.values
        assert s.lesson == lesson.title and s.surface == lesson.surface and s.pane == lesson.pane
        assert s.trainer.batch_size == min(v["batch_size"], len(s.data.X_train))
        assert s.trainer.lr == pytest.approx(v["lr"]) and s.trainer.optimizer.name == v["optimizer"]
        assert s.data.name == v["dataset"] and s.pad == (v["dataset"] == "digits")
        assert s.state.session == s.number and s.state.step == 0 and len(s.tests) == 0
        if previous is not None:
            assert s.number != previous.number
        previous = s


def test_zhou_then_one_neuron_uses_one_neurons_batch_and_surface():
    zhou = Session.from_lesson("Victor Zhou")
    assert zhou.trainer.batch_size == 1 and zhou.surface == "zhou"
    line = Session.from_lesson("One neuron")
    assert line.trainer.batch_size == 40 and line.surface == "neuron"
    batch, message = clamp_batch(40, zhou.data)
    assert batch == 4 and "more than the 4 training samples of 'zhou'" in message


def test_states_carry_their_session_number():
    a, b = Session.from_lesson("Playground: xor"), Session.from_lesson("Playground: xor")
    assert a.step(3).session == a.number and b.step(3).session == b.number and a.number != b.number


def test_branch_forgets_the_abandoned_states_and_figures():
    s = Session.from_lesson("Playground: circle")
    s.step(5)
    s.evaluate()
    early = s.history[2]
    s.step(5)
    assert s.tests.at(10) is not None
    s.branch_from(early)
    assert [st.step for st in s.history.states()] == [0, 1, 2]
    assert s.tests.steps() == []  # steps 5 and 10 were measured on the abandoned run
    assert s.step(1).step == 3
    other = Session.from_lesson("Playground: circle")
    with pytest.raises(Exception, match="another session"):
        s.branch_from(other.state)


def test_keep_parameters_and_set_training():
    s = Session.from_lesson("Playground: xor")
    s.step(2)
    theta = s.state.theta.copy()
    theta[0] += 1.0
    kept = s.keep_parameters(theta)
    assert kept.step == 2 and np.array_equal(kept.theta, theta) and s.history.latest() is kept
    message = s.set_training({**s.training, "optimizer": "sgd", "settings": {}, "lr": 0.5, "batch_size": 10_000})
    assert "more than the" in message and s.trainer.batch_size == len(s.data.X_train)
    before = s.state
    after = s.step(1)
    for W0, W1, G in zip(before.weights, after.weights, after.grad_weights):
        assert np.allclose(W1, W0 - 0.5 * G, atol=1e-6)


def test_find_lesson_by_index_and_title():
    assert find_lesson(0) is LESSONS[0]
    assert find_lesson("playground: SPIRAL").title == "Playground: spiral"
    with pytest.raises(ValueError, match="no lesson starts with 'quantum'"):
        find_lesson("quantum")


def test_zhou_forward_pass_known_numbers():
    """Victor Zhou's tutorial: all weights 1, biases 0, Alice (-2, -1) gives h1 = 0.0474, o1 = 0.524."""
    s = Session.from_lesson("Victor Zhou")
    net = s.network()
    theta = np.zeros_like(net.theta)
    for W in net.weights:
        W[:] = 1.0
    theta[:] = net.theta
    net.load_state(theta)
    activations, _ = net.probe(np.array([-2.0, -1.0], np.float32))
    assert activations[1][0] == pytest.approx(0.0474, abs=1e-4)
    assert activations[2][0] == pytest.approx(0.524, abs=1e-3)


def test_the_opening_session_knows_its_network_is_the_shipped_trained_one():
    first, _ = Session.first()
    assert first.pretrained and first.probe_index == 0
    assert not Session.from_lesson("3Blue1Brown").pretrained
    other, _ = Session.first({**FIRST_ARCHITECTURE, "hidden": [8]})
    assert not other.pretrained
