"""The loss-surface pane: the ball sits where the trainer is, on a surface that tells the truth."""
import numpy as np
import pytest

from nnviz.core import Network, Trainer, datasets
from nnviz.gui.surface import LossSurfaceView, default_pair, opengl_available


@pytest.fixture
def view(qtbot):
    v = LossSurfaceView()
    v.resize(560, 460)
    qtbot.addWidget(v)
    v.show()
    yield v
    v.shutdown()


def wait_surface(qtbot, v):
    qtbot.waitUntil(lambda: v.surface_values is not None and np.isfinite(v.surface_values).all()
                    and not v.jobs.busy(), timeout=20000)
    qtbot.wait(20)  # the last row's and done's signals


def show_line_run(qtbot, v, steps):
    """One neuron fitting the line data: the view is shown its first ``steps`` states -> (trainer, states)."""
    d = datasets.load("line")
    net = Network([1, 1], loss="mse", output="linear")
    tr = Trainer(net, d, optimizer="sgd", lr=0.05, batch_size=40)
    v.set_context(net.config(), d)
    states = [tr.state] + [tr.step() for _ in range(steps)]
    for s in states:
        v.set_state(s)
    wait_surface(qtbot, v)
    return tr, states


@pytest.mark.parametrize("name,sizes,loss,output,mode", [("line", [1, 1], "mse", "linear", "neuron"),
                                                         ("zhou", [2, 2, 1], "mse", None, "zhou")])
def test_exact_mode_surface_under_the_ball_is_the_trainers_loss(qtbot, view, name, sizes, loss, output, mode):
    d = datasets.load(name)
    net = Network(sizes, loss=loss, output=output, seed=2)
    tr = Trainer(net, d, optimizer="sgd", lr=0.05, batch_size=len(d.X_train))  # full batch: comparable losses
    view.set_context(net.config(), d)
    view.set_mode(mode)
    assert view.following() and not view.racing()
    state = tr.state
    for _ in range(4):
        view.set_state(state)
        view.request_surface()  # Zhou's other seven parameters moved: the surface follows them
        wait_surface(qtbot, view)
        x, y = view.ball_position()
        assert (x, y) == pytest.approx(tuple(state.theta[list(default_pair(sizes)[0])]))
        following = tr.step()  # its loss is measured at the parameters the ball shows
        assert view.surface_at(x, y) == pytest.approx(following.loss, rel=1e-4)
        assert f"{following.loss:.4f}" in view.info.text()
        state = following


def test_one_neuron_network_switches_the_plane_to_the_exact_mode(view):
    d = datasets.load("line")
    view.set_context(Network([1, 1], loss="mse", output="linear").config(), d)
    assert view.current_mode == "neuron" and view.following()


def test_plane_mode_ball_is_on_the_plane_and_true_loss_is_shown(qtbot, view):
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
    true = Network.from_state(state).loss_value(d.X_train[:512], d.Y_train[:512])
    assert view.surface_at(x, y) == pytest.approx(true, rel=1e-4)
    qtbot.waitUntil(lambda: "true loss" in view.info.toolTip(), timeout=3000)
    # In plain words below the plot, the precise ones in its tooltip.
    assert "two directions training moved the weights most" in view.info.text()
    assert f"{true:.4f}" in view.info.text()
    assert "principal directions" in view.info.toolTip() and f"{true:.4f}" in view.info.toolTip()
    # The trainer moves on, off the plane: the pane says so, with both losses.
    for _ in range(5):
        state = tr.step()
        view.set_state(state)
    qtbot.waitUntil(lambda: f"Step {state.step}," in view.info.toolTip(), timeout=3000)
    assert "left the slice" in view.info.text() and "off the plane" in view.info.toolTip()
    # The heat map is drawn: many colours in the plot.
    image = view.plot.grab().toImage()
    colours = {image.pixel(px, py) for px in range(0, image.width(), 9) for py in range(0, image.height(), 9)}
    assert len(colours) > 30


def test_plane_mode_with_a_two_input_network_and_a_diverged_state(qtbot, view):
    d = datasets.load("xor")
    net = Network([2, 8, 2], activation="tanh", seed=0)
    tr = Trainer(net, d, optimizer="adam", lr=0.01)
    view.set_context(net.config(), d)
    for _ in range(30):
        view.set_state(tr.step())
    wait_surface(qtbot, view)
    view.set_state(tr.state)
    assert view.plane is not None and view.ball_position() is not None
    bad = tr.state.__class__(**{**tr.state.__dict__, "diverged": True})
    view.set_state(bad)  # ignored, no crash
    assert view.state is tr.state


def test_scrubbing_moves_the_ball_back_along_the_trail(qtbot, view):
    tr, states = show_line_run(qtbot, view, 20)
    view.show_step(states[5])
    assert view.ball_position() == pytest.approx((float(states[5].theta[0]), float(states[5].theta[1])))
    assert len(view.trail.getData()[0]) == 6
    # The window's history, then an index into it.
    view.set_history(states)
    view.show_step(3)
    assert view.ball_position() == pytest.approx((float(states[3].theta[0]), float(states[3].theta[1])))
    assert len(view.trail.getData()[0]) == 4
    view.show_step(-1)
    assert view.ball_position() == pytest.approx((float(states[-1].theta[0]), float(states[-1].theta[1])))


def test_race_mode_runs_its_own_balls(view):
    view.set_mode("race")
    view.landscape.setCurrentText("bowl")
    start = view.ball_position()
    for _ in range(10):
        view.step_race()
    assert view.race.steps == 10 and "Adam" in view.message.text()
    x, y = view.ball_position()
    assert np.hypot(x, y) < np.hypot(*start)  # SGD rolled towards the bottom at (0, 0)
    assert view.surface_at(x, y) == pytest.approx(x * x + y * y)


@pytest.mark.parametrize("mode", ["neuron", "zhou"])
def test_exact_modes_race_on_their_own_model_when_the_window_trains_another(view, mode):
    d = datasets.load("digits")
    view.set_context(Network([784, 16, 16, 10]).config(), d)
    view.set_mode(mode)
    assert view.racing() and view.race_play.isVisible() and not view.landscape.isVisible()
    for _ in range(20):
        view.step_race()
    x, y = view.ball_position()
    if mode == "neuron":  # the whole loss of y = w x + b on the line data
        line = datasets.load("line")
        expected = np.mean((x * line.X_train[:, 0].astype(float) + y - line.Y_train[:, 0]) ** 2)
        assert view.surface_at(x, y) == pytest.approx(expected, rel=1e-6)
    assert view.race.losses()[0] < view.race.surface.f(*view.race.surface.start)


def test_race_play_runs_on_a_timer_and_stops(qtbot, view):
    view.set_mode("race")
    view.race_play.setChecked(True)
    qtbot.waitUntil(lambda: view.race.steps >= 3, timeout=3000)
    view.race_play.setChecked(False)
    steps = view.race.steps
    qtbot.wait(200)
    assert view.race.steps == steps


@pytest.mark.skipif(opengl_available()[0], reason="OpenGL is available here: the 3-D test runs instead")
def test_without_opengl_the_2d_view_explains_itself(qtbot, view):
    ok, why = opengl_available()
    assert not ok and "showing 2-D" in why
    assert not view.three_d.isEnabled() and view.three_d.text() == "3-D"  # short: the why in its tooltip
    assert view.three_d.toolTip() == why
    view.set_mode("race")  # and the 2-D view works
    assert view.stack.currentWidget() is view.plot and view.surface_values is not None


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


def test_deleting_the_pane_mid_computation_stops_the_worker(qtbot):
    import shiboken6

    v = LossSurfaceView()
    v.show()
    d = datasets.load("digits")
    net = Network([784, 32, 10], norm="batch")
    v.set_context(net.config(), d)
    v.set_state(Trainer(net, d).state)
    qtbot.waitUntil(v.jobs.busy, timeout=5000)
    thread = v.jobs._thread
    shiboken6.delete(v)  # no close(), no shutdown()
    thread.join(5)
    assert not thread.is_alive()


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
    gl_view = view.landscape3d.widget
    assert view.stack.currentWidget() is gl_view
    image = gl_view.grabFramebuffer()
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    assert len(colours) > 20  # a coloured landscape, not an empty background
    for _ in range(20):
        view.step_race()
    balls = view.landscape3d.balls.pos
    assert balls is not None and len(balls) == 4  # every runner's ball on the landscape
    view.three_d.setChecked(False)
    assert view.stack.currentWidget() is view.plot


def test_plane_uses_random_directions_until_the_path_has_three_points(qtbot, view):
    d = datasets.load("digits")
    net = Network([784, 16, 16, 10], seed=1)
    tr = Trainer(net, d, lr=3e-3)
    view.set_context(net.config(), d)
    view.set_state(tr.state)
    wait_surface(qtbot, view)
    assert view.plane.explained is None and "random direction 1" == view.plot.getPlotItem().getAxis("bottom").labelText
    # Filter-normalised: every neuron's row of the first layer's direction is as long as its weights.
    W = net.weights[0]
    start, stop = net.weight_slices[0]
    D = view.plane.d1[start:stop].reshape(W.shape)
    assert np.allclose(np.linalg.norm(D, axis=1), np.linalg.norm(W, axis=1), rtol=1e-5)
    for _ in range(3):
        view.set_state(tr.step())
    qtbot.waitUntil(lambda: view.plane is not None and view.plane.explained is not None and not view.jobs.busy(),
                    timeout=20000)
    assert "of the path" in view.plot.getPlotItem().getAxis("bottom").labelText


def test_going_back_and_branching_keeps_the_trail_consistent(qtbot, view):
    tr, states = show_line_run(qtbot, view, 8)
    view.set_state(states[3])  # the window went back three steps, and trains on from there
    tr.restore(states[3])
    branch = [tr.step() for _ in range(2)]
    for s in branch:
        view.set_state(s)
    xs, ys = view.trail.getData()
    expected = np.array([s.theta[:2] for s in states[:4] + branch], float)
    assert np.allclose(np.column_stack([xs, ys]), expected)


def test_contour_lines_lie_on_their_level_and_close_around_a_bowl():
    from nnviz.gui.surface.maths import contour_segments

    x = np.linspace(-1, 1, 41)
    X, Y = np.meshgrid(x, x)  # rows along y
    bowl = X ** 2 + 2 * Y ** 2 + 0.3 * X * Y
    for level in (0.1, 0.4, 0.7):
        segments = contour_segments(bowl, level)
        assert len(segments) > 20
        ends = segments.reshape(-1, 2)  # (x, y) in grid indices, along cell edges
        px, py = np.interp(ends[:, 0], np.arange(41), x), np.interp(ends[:, 1], np.arange(41), x)
        assert np.allclose(px ** 2 + 2 * py ** 2 + 0.3 * px * py, level, atol=0.01)  # linear along an edge
        # a closed ring: every end is the end of exactly two segments
        _, shared = np.unique(np.round(ends, 9), axis=0, return_counts=True)
        assert set(shared) == {2}
    # a saddle (no grid point at its centre, the middle cell ambiguous): the two branches of x y = c
    # stay on their side of the axes, whichever the sign of c
    u = np.linspace(-1, 1, 40)
    U, V = np.meshgrid(u, u)
    for c in (1e-4, -1e-4):
        segments = contour_segments(U * V, c)
        middles = (segments[:, :2] + segments[:, 2:]) / 2
        mx, my = np.interp(middles[:, 0], np.arange(40), u), np.interp(middles[:, 1], np.arange(40), u)
        assert len(segments) and np.all(np.sign(mx * my) == np.sign(c))
    assert contour_segments(bowl, 5.0).shape == (0, 4)  # above everything: no line


def test_a_new_surfaces_contours_are_drawn_where_the_loss_equals_their_level(qtbot):
    from nnviz.gui.surface.plot import SurfacePlot

    plot = SurfacePlot()
    qtbot.addWidget(plot)
    x = np.linspace(-2, 2, 31)
    X, Y = np.meshgrid(x, x)
    plot.show_surface(1 + X ** 2 + Y ** 2, (-2, 2, -2, 2), ("a", "b"))  # spans less than LOG_RATIO: linear
    drawn = [c for c in plot.contours if c.data is not None]
    assert len(drawn) >= 5
    for contour in drawn:
        contour.generatePath()
        path, to_plot = contour.path, contour.transform()
        points = [to_plot.map(path.elementAt(i).x, path.elementAt(i).y) for i in range(path.elementCount())]
        r2 = np.array([px * px + py * py for px, py in points])
        assert len(points) > 20 and np.allclose(1 + r2, contour.level, rtol=0.02)
