"""The network diagram: colours match activations and weights, hover and lab tell the truth."""
import dataclasses

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QPushButton

from nnviz.core import Network, Trainer, datasets, load_pretrained
from nnviz.gui.network_canvas import top_k_mask
from nnviz.gui.network_edges import LEVELS, NEGATIVE, POSITIVE, FanRaster, edge_buckets, edge_ink
from nnviz.gui.network_view import NetworkView, activation_color


def state_of(net, data, **kw):
    return Trainer(net, data, lr=1e-9, batch_size=4, **kw).state


@pytest.fixture
def view(qtbot):
    v = NetworkView()
    v.resize(900, 600)
    qtbot.addWidget(v)
    v.show()
    return v


@pytest.fixture(scope="module")
def digits():
    return datasets.load("digits")


def color_at(v, point):
    return QColor(v.grab().toImage().pixel(point))


def close(c1: QColor, c2: QColor, tol=12):
    return all(abs(a - b) <= tol for a, b in zip(c1.getRgb()[:3], c2.getRgb()[:3]))


def hue_of(c: QColor) -> str:
    """'blue', 'orange' or 'neutral' for an edge pixel."""
    if c.blue() > c.red() + 40:
        return "blue"
    if c.red() > c.blue() + 40:
        return "orange"
    return "neutral"


def test_neuron_colour_is_its_activation_colour(view, digits):
    state = state_of(load_pretrained("3b1b"), digits)
    view.set_state(state)
    for layer in (1, 2, 3):
        for j in (0, 5, 9):
            a = float(state.activations[layer][j])
            assert close(color_at(view, view.neuron_center(layer, j)), activation_color(a)), (layer, j, a)


def test_activation_colours():
    assert activation_color(0.0).lightness() < activation_color(0.5).lightness() < activation_color(1.0).lightness()
    assert activation_color(1.0) == QColor(255, 255, 255) == activation_color(7.0)
    neg = activation_color(-1.0)
    assert neg.red() > neg.blue() + 100  # negative activations glow orange-red
    assert activation_color(float("nan")) == QColor(128, 0, 128)


def test_edges_fall_into_the_right_buckets():
    w = np.array([-1.0, -0.5, -0.01, 0.0, 0.01, 0.5, 1.0, 2.0])
    b = edge_buckets(w, scale=1.0)
    assert list(b[:3] < LEVELS) == [True] * 3 and all(b[3:] >= LEVELS)  # sign
    assert b[0] == LEVELS - 1 and b[6] == 2 * LEVELS - 1 and b[7] == 2 * LEVELS - 1  # strongest, clipped
    assert b[2] == 0 and b[4] == LEVELS  # faintest
    assert b[1] % LEVELS == b[5] % LEVELS == LEVELS // 2


def test_edge_ink_sign_and_strength():
    ink = edge_ink(np.array([-2.0, -1.0, -0.5, 0.0, 0.5, 1.0]), scale=1.0)
    assert np.all(ink.real[:3] == 0) and np.all(ink.imag[3:] == 0)  # negative -> imaginary, positive -> real
    assert ink[0] == ink[1] == 1j and ink[5] == 1.0  # clipped at the scale
    assert abs(ink[2]) == abs(ink[4]) < 0.5 and ink[3] == 0


def test_top_k_keeps_each_rows_strongest():
    values = np.array([[0.1, -3.0, 2.0, 0.5], [1.0, 0.0, -0.2, 0.3]])
    assert top_k_mask(values, 2).tolist() == [[False, True, True, False], [True, False, False, True]]


def test_fan_raster_covers_exactly_the_pixels_a_line_crosses():
    fan = FanRaster(10.0, np.array([20.3]), np.array([[60.0, 41.7]]), 80, 60, stop=1.0)
    x, y, w, h = fan.box
    covered = {(x + p % w, y + p // w) for p in fan.pixels}
    t = np.linspace(0, 0.94, 4000)  # up to x = 57, two pixels before the neuron (its circle covers the rest)
    on_line = {(int(10 + 50 * s), int(20.3 + 21.4 * s)) for s in t}
    assert on_line <= covered
    for px, py in covered:  # nothing far from the line
        d = abs(21.4 * (px + 0.5 - 10) - 50 * (py + 0.5 - 20.3)) / np.hypot(21.4, 50)
        assert d < 1.0
    ink = fan.colors(np.array([[1.0 + 0j]]), np.arange(48 * 48, dtype=np.uint32))
    assert np.all(ink // 48 > 0) and np.all(ink % 48 == 0)  # positive ink only


def small_state(data, W1, W2):
    net = Network([2, 2, 1], activation="sigmoid", loss="mse", output="sigmoid", dtype=np.float64)
    net.weights[0][:] = W1
    net.weights[1][:] = W2
    return state_of(net, data)


def test_edge_colour_follows_the_weight_sign(view):
    d = dataclasses.replace(datasets.load("zhou"), task="regression")  # plain nodes, no Playground maps
    view.set_data(d)
    view.set_state(small_state(d, [[3.0, 0.0], [0.0, -3.0]], [[0.0, 0.0]]))

    def midpoint(a, b):
        pa, pb = view.neuron_center(*a), view.neuron_center(*b)
        return QPoint((pa.x() + pb.x()) // 2, (pa.y() + pb.y()) // 2)

    assert hue_of(color_at(view, midpoint((0, 0), (1, 0)))) == "blue"
    assert hue_of(color_at(view, midpoint((0, 1), (1, 1)))) == "orange"
    background = color_at(view, midpoint((1, 0), (2, 0)))  # weight 0: no line
    assert background.lightness() < 40


def test_dense_edges_colour_follows_the_weight_sign(view, digits):
    net = Network([784, 16, 10], seed=0)
    net.weights[0][:] = 0.0
    net.weights[0][0] = 1.0  # every edge into neuron 0 positive
    net.weights[0][15] = -1.0  # into neuron 15 negative
    view.set_state(state_of(net, digits))
    lay = view.canvas.ensure_layout()
    x0, _, side = lay.image_rect
    edge = view.canvas.mapTo(view, QPoint(int(x0 + side), int(lay.image_rect[1] + side / 2)))
    for j, hue in ((0, "blue"), (15, "orange")):
        c = view.neuron_center(1, j)
        point = c + (edge - c) * 0.3  # a third of the way back towards the middle of the image
        assert hue_of(color_at(view, point)) == hue
    middle = view.neuron_center(1, 8)  # zero weights: dark
    assert color_at(view, QPoint(middle.x() - 25, middle.y())).lightness() < 45


def test_hover_text_shows_z_and_activation(view):
    net = Network([2, 2, 1], activation="sigmoid", loss="mse", dtype=np.float64)
    for W in net.weights:
        W[:] = 1.0
    state = state_of(net, datasets.load("zhou"))  # probe: Alice (-2, -1)
    view.set_state(state)
    text = view.hover_text(1, 0)
    assert "z = Σ w·a + b = -3.0000" in text and "bias b = 0.0000" in text
    assert "sigmoid" in text and "0.0474" in text
    assert "0.5237" in view.hover_text(2, 0)
    assert "-2.0000" in view.hover_text(0, 0)


def test_neuron_lab_bias_shift_changes_the_forward_pass(view, qtbot, digits):
    state = state_of(load_pretrained("3b1b"), digits)
    view.set_state(state)
    view.select(1, 4)
    assert view.detail.isVisible()
    with qtbot.waitSignal(view.labChanged):
        view.detail.shift.setValue(2.5)
    lab = view.lab_network()
    x = np.asarray(state.activations[0])
    acts, zs = lab.probe(x)
    assert zs[0][4] == pytest.approx(float(state.zs[0][4]) + 2.5, abs=1e-4)
    others = [i for i in range(16) if i != 4]
    assert np.allclose(zs[0][others], state.zs[0][others], atol=1e-5)
    shown_acts, _ = view.shown_activations()
    assert shown_acts[1][4] == pytest.approx(acts[1][4])
    assert "z = Σ w·a + b = " + f"{float(zs[0][4]):.4f}" in view.hover_text(1, 4)

    # A big enough shift of the winning output's rivals changes the prediction, as the maths says.
    predicted = int(np.argmax(state.activations[-1]))
    rival = (predicted + 1) % 10
    view.select(3, rival)
    view.detail.shift.setValue(20.0)
    assert int(np.argmax(view.shown_activations()[0][-1])) == rival
    assert int(np.argmax(view.lab_network().probe(x)[0][-1])) == rival

    view.undo_stack.undo()  # Ctrl+Z: the rival's shift goes, neuron 4's stays
    assert int(np.argmax(view.shown_activations()[0][-1])) == predicted
    assert view.lab_edit(1, 4)[0] == 2.5
    view.select(1, 4)
    view.detail.off.setChecked(True)  # switched off: the next layer no longer hears it
    assert np.allclose(view.lab_network().weights[1][:, 4], 0)
    kept = []
    view.labKept.connect(kept.append)
    view.keep_lab()
    assert len(kept) == 1 and view.lab_network() is None
    assert not np.allclose(kept[0], lab.theta)  # the switch-off is in it too


def test_lab_reset_and_undo(view, digits, qtbot):
    view.set_state(state_of(load_pretrained("3b1b"), digits))
    view.select(2, 3)
    view.detail.scale.setValue(0.0)
    assert view.lab_network() is not None
    view.detail.findChild(QPushButton, "labResetButton").click()
    assert view.lab_network() is None and view.detail.scale.value() == 1.0
    view.undo_stack.undo()  # the reset is undone
    assert view.lab_network() is not None and view.detail.scale.value() == 0.0
    qtbot.keyClick(view.canvas, Qt.Key_Z, Qt.ControlModifier)  # Ctrl+Z on the diagram: the edit goes too
    assert view.lab_network() is None
    qtbot.keyClick(view.canvas, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
    assert np.allclose(view.lab_network().weights[1][3], 0)


def test_wide_network_says_what_is_hidden_and_scrolls(view, digits):
    view.set_state(state_of(Network([784, 128, 64, 10], activation="relu", seed=0), digits))
    view.grab()
    assert "40 of 128 neurons in layer 1" in view.hidden_text()
    assert "40 of 64 neurons in layer 2" in view.hidden_text()
    assert view.top_k.value() > 0  # too many edges for all: the strongest k per neuron
    view.canvas.scroll_layer(1, 50)
    assert "(#50-89)" in view.hidden_text()
    state = view.state
    a = float(state.activations[1][60])
    assert close(color_at(view, view.neuron_center(1, 60)), activation_color(a))
    view.top_k.setValue(0)  # all 40 x 784 edges of the first layer: drawn as density
    view.grab()


def test_edge_modes_and_backward_animation(view, qtbot, digits):
    tr = Trainer(load_pretrained("3b1b"), digits, lr=0.01)
    s = tr.step()
    view.set_state(s)
    for mode in ("gradient", "contribution", "weight"):
        view.mode.setCurrentText(mode)
        view.grab()
    view.animate_backward(s)
    assert view.canvas._animation is not None
    qtbot.waitUntil(lambda: view.canvas._animation is None, timeout=1500)  # under a second (and a bit)
    view.animate_backward(s)
    view.set_state(tr.step())  # a new state cancels it
    assert view.canvas._animation is None
    view.animate_backward(view.state)
    qtbot.mouseClick(view.canvas, Qt.LeftButton, pos=QPoint(5, 5))  # so does a click
    assert view.canvas._animation is None
    view.backward.setChecked(False)
    view.animate_backward(view.state)
    assert view.canvas._animation is None


def test_contribution_edges_follow_the_pad(view, digits):
    net = load_pretrained("3b1b")
    view.set_state(state_of(net, digits))
    view.mode.setCurrentText("contribution")
    view.grab()
    before = view.canvas._edges
    acts, zs = net.probe(np.zeros(784, np.float32))  # a blank pad: no pixel contributes
    view.set_probe(acts, zs)
    view.grab()
    assert view.canvas._edges is not before
    lay = view.canvas.ensure_layout()
    c = view.neuron_center(1, 8)
    x0, _, side = lay.image_rect
    assert color_at(view, QPoint(int((c.x() + x0 + side) / 2), c.y())).lightness() < 45


def test_an_empty_pad_at_every_frame_does_not_redraw_the_contribution_edges(view, digits):
    """The pad says it is empty with every new state: nothing changed, so the edges (all of them in
    contribution mode, bypassing the half-second pace while training plays) are not redrawn."""
    view.set_state(state_of(load_pretrained("3b1b"), digits))
    view.mode.setCurrentText("contribution")
    view.grab()
    before = view.canvas._edges
    view.set_probe(None, None)
    view.grab()
    assert view.canvas._edges is before


def test_non_finite_state_is_ignored(view):
    d = datasets.load("xor")
    good = state_of(Network([2, 3, 2]), d)
    view.set_state(good)
    bad_theta = good.theta.copy()
    bad_theta[0] = np.nan
    view.set_state(dataclasses.replace(good, theta=bad_theta, diverged=True))
    assert view.state is good
    view.grab()


def test_probe_from_the_pad_replaces_the_sample(view, digits):
    net = load_pretrained("3b1b")
    view.set_state(state_of(net, digits))
    acts, zs = net.probe(digits.X_test[7])
    view.set_probe(acts, zs)
    assert np.array_equal(view.shown_activations()[0][1], acts[1])
    j = int(np.argmax(np.abs(acts[1] - view.state.activations[1])))
    assert close(color_at(view, view.neuron_center(1, j)), activation_color(float(acts[1][j])))
    view.set_probe(None, None)
    assert view.shown_activations()[0] is view.state.activations


def test_two_input_network_draws_labelled_nodes(view):
    d = dataclasses.replace(datasets.load("zhou"), task="regression")
    state = state_of(Network([2, 2, 1], activation="sigmoid", loss="mse", seed=1), d)
    view.set_data(d)
    view.set_state(state)
    image = view.grab().toImage()
    for layer, size in ((0, 2), (1, 2), (2, 1)):
        for j in range(size):
            c = QColor(image.pixel(view.neuron_center(layer, j)))
            assert close(c, activation_color(float(state.activations[layer][j]))), (layer, j)
    assert view.hidden_text() == ""


def test_long_input_column_is_compressed(view):
    d = datasets.load("xor")
    net = Network([99, 8, 2], seed=0)  # not a square: a column of nodes
    x = np.linspace(0, 1, 99)
    data = dataclasses.replace(d, X_train=np.tile(x, (4, 1)).astype(np.float32), Y_train=d.Y_train[:4],
                               labels_train=d.labels_train[:4], X_test=np.tile(x, (4, 1)).astype(np.float32),
                               Y_test=d.Y_test[:4], labels_test=d.labels_test[:4], input_names=())
    view.set_state(state_of(net, data))
    view.grab()
    assert "64 of 99 neurons in the input" in view.hidden_text()


def test_two_input_classifier_gets_playground_maps(view):
    from nnviz.gui import playground

    d = datasets.load("circle")
    net = Network([2, 4, 2], activation="tanh", seed=0)
    tr = Trainer(net, d, optimizer="adam", lr=0.03, batch_size=16)
    for _ in range(400):
        tr.step()
    view.set_data(d)
    view.set_state(tr.state)
    view.grab()
    assert view.canvas.map_rect is not None
    maps, answer, extent = view.canvas.playground_maps()
    assert [len(m) for m in maps] == [2, 4, 2]
    points = playground.grid_points(extent)
    predicted = Network.from_state(tr.state).predict(points).reshape(answer.shape)
    assert np.mean((answer > 0) == (predicted == 1)) > 0.99
    r = view.canvas.map_rect
    centre = view.canvas.mapTo(view, r.center().toPoint())
    c = QColor(view.grab().toImage().pixel(centre))
    assert c.blue() > c.red()


def test_colours_used_by_the_legend_are_the_edge_colours():
    assert POSITIVE.blue() > POSITIVE.red() and NEGATIVE.red() > NEGATIVE.blue()


def test_while_live_edges_are_redrawn_at_most_twice_a_second(view, qtbot, digits):
    from nnviz.gui.network_canvas import LIVE_EDGE_SECONDS

    tr = Trainer(load_pretrained("3b1b"), digits, lr=0.01)
    view.set_state(tr.step())
    view.grab()
    view.set_live(True)
    edges = view.canvas._edges
    s = tr.step()
    view.set_state(s)
    view.grab()
    assert view.canvas._edges is edges  # the neurons are new, the edges wait
    assert close(color_at(view, view.neuron_center(2, 3)), activation_color(float(s.activations[2][3])))
    qtbot.waitUntil(lambda: view.canvas._edges is not edges, timeout=int(LIVE_EDGE_SECONDS * 1000) + 500)
    view.set_live(False)


def test_a_drawing_left_on_the_pad_never_breaks_another_lessons_diagram(window, qtbot):
    """The pad's activations belong to the network they were computed with: after a lesson of
    another shape the diagram draws its own probe sample until the pad's input is recomputed (a
    late pad input raised IndexError in the diagram's paint)."""
    window.load_lesson(0)
    window.pad_pane.pad.set_image(window.session.data.X_test[3].reshape(28, 28))
    qtbot.wait(300)
    view = window.network_view
    for lesson in range(1, 10):
        window.load_lesson(lesson)
        view.canvas.repaint()  # paints every column now (an exception here fails the test)
        acts, _ = view.shown_activations()
        assert [len(a) for a in acts] == view.state.layer_sizes
        qtbot.wait(100)
