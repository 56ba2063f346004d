"""The loss-surface pane: the ball sits where the trainer is, on a surface that tells the truth."""
import numpy as np
import pytest

from nnviz.core import Network, Trainer, datasets
from nnviz.gui.loss_surface import LossSurfaceView, default_pair, opengl_available


@pytest.fixture
def view(qtbot):
    v = LossSurfaceView()
    v.resize(520, 420)
    qtbot.addWidget(v)
    v.show()
    yield v
    v.shutdown()


def wait_surface(qtbot, v):
    qtbot.waitUntil(lambda: v.surface_values is not None and np.isfinite(v.surface_values).all()
                    and not v.jobs.busy(), timeout=20000)


@pytest.mark.parametrize("name,sizes,loss,output", [("line", [1, 1], "mse", "linear"),
                                                    ("zhou", [2, 2, 1], "mse", None)])
def test_exact_mode_surface_under_the_ball_is_the_trainers_loss(qtbot, view, name, sizes, loss, output):
    d = datasets.load(name)
    net = Network(sizes, loss=loss, output=output, seed=2)
    tr = Trainer(net, d, optimizer="sgd", lr=0.05, batch_size=len(d.X_train))  # full batch: comparable losses
    view.set_mode("two")
    view.set_context(net.config(), d)
    view.set_state(tr.state)
    wait_surface(qtbot, view)
    for _ in range(5):
        state = tr.step()
        view.set_state(state)
        x, y = view.ball_position()
        assert (x, y) == pytest.approx(tuple(state.theta[list(default_pair(sizes)[0])]))
        following = tr.step()  # its loss is measured at the parameters the ball shows
        assert view.surface_at(x, y) == pytest.approx(following.loss, rel=1e-4)
        view.set_state(following)


def test_plane_mode_ball_is_on_the_plane(qtbot, view):
    d = datasets.load("digits")
    net = Network([784, 16, 16, 10], seed=0)
    tr = Trainer(net, d, lr=3e-3)
    view.set_context(net.config(), d)
    for _ in range(10):
        view.set_state(tr.step())
    view.request_surface()
    wait_surface(qtbot, view)
    state = tr.state
    view.set_state(state)
    x, y = view.ball_position()
    assert (x, y) == pytest.approx((0.0, 0.0), abs=1e-6)  # the plane passes through the current parameters
    assert np.allclose(view.plane.point(x, y), state.theta, atol=1e-6)
    assert "plane holds" in view.info.text()
    ball_loss = view.surface_at(x, y)
    probe = Network.from_state(state)
    assert ball_loss == pytest.approx(probe.loss_value(d.X_train[:512], d.Y_train[:512]), rel=1e-4)


def test_scrubbing_moves_the_ball_back_along_the_trail(qtbot, view):
    d = datasets.load("line")
    net = Network([1, 1], loss="mse", output="linear")
    tr = Trainer(net, d, optimizer="sgd", lr=0.05, batch_size=40)
    view.set_mode("two")
    view.set_context(net.config(), d)
    states = [tr.state] + [tr.step() for _ in range(20)]
    for s in states:
        view.set_state(s)
    wait_surface(qtbot, view)
    view.show_step(states[5])
    assert view.ball_position() == pytest.approx((float(states[5].theta[0]), float(states[5].theta[1])))
    assert len(view.trail.getData()[0]) == 6


def test_race_mode_runs_its_own_balls(view):
    view.set_mode("race")
    view.landscape.setCurrentText("bowl")
    for _ in range(10):
        view.step_race()
    assert view.race.steps == 10 and "Adam" in view.message.text()


@pytest.mark.skipif(opengl_available()[0], reason="OpenGL is available here: the 3-D test runs instead")
def test_without_opengl_the_2d_view_explains_itself(view):
    ok, why = opengl_available()
    assert not ok and "showing 2-D" in why
    assert not view.three_d.isEnabled() and "2-D" in view.message.text()


def test_closing_mid_computation_stops_the_worker(qtbot):
    v = LossSurfaceView()
    qtbot.addWidget(v)
    v.show()
    d = datasets.load("digits")
    net = Network([784, 32, 10], norm="batch")  # the slow path: point by point
    v.set_context(net.config(), d)
    v.set_state(Trainer(net, d).state)
    qtbot.waitUntil(v.jobs.busy, timeout=5000)
    v.close()
    assert not v.jobs.busy()


def test_race_on_the_real_network_uses_the_same_start_and_a_shared_plane(qtbot, view):
    d = datasets.load("xor")
    net = Network([2, 8, 2], activation="tanh", seed=0)
    tr = Trainer(net, d, lr=0.01)
    view.set_context(net.config(), d)
    view.set_state(tr.state)
    view.set_mode("race")
    view.landscape.setCurrentText("this network")
    qtbot.waitUntil(lambda: view.network_race is not None, timeout=30000)
    race, trails, _ = view.network_race
    assert race.labels == ["SGD", "momentum", "RMSProp", "Adam"]
    assert all(np.allclose(t[0], (0.0, 0.0), atol=1e-9) for t in trails)  # one start, the plane's centre
    assert all(np.array_equal(t[0], race.trails[0][0]) for t in race.trails)
    for _ in range(5):
        view.step_race()
    assert view.network_race[2] == 6 and "batch loss" in view.message.text()


@pytest.mark.skipif(not opengl_available()[0], reason="needs a display with OpenGL and PyOpenGL (e.g. xvfb-run)")
def test_3d_view_renders_the_surface(qtbot, view):
    view.set_mode("race")
    view.landscape.setCurrentText("minima")
    view.three_d.setChecked(True)
    qtbot.wait(200)
    assert view.stack.currentWidget() is view.gl_view
    image = view.gl_view.grabFramebuffer()
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    assert len(colours) > 20  # a coloured landscape, not an empty background
    for _ in range(20):
        view.step_race()
    balls = view.gl_balls.pos
    assert balls is not None and len(balls) == 4  # every runner's ball on the landscape
    view.three_d.setChecked(False)
    assert view.stack.currentWidget() is view.plot
