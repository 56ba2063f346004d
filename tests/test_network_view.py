"""The network diagram: colours match activations and weights, hover and lab tell the truth."""
import numpy as np
import pytest
from PySide6.QtGui import QColor

from nnviz.core import Network, Trainer, datasets, load_pretrained
from nnviz.gui.network_view import LEVELS, NetworkView, activation_color, edge_buckets


def state_of(net, data, **kw):
    return Trainer(net, data, lr=1e-9, batch_size=4, **kw).state


@pytest.fixture
def view(qtbot):
    v = NetworkView()
    v.resize(900, 600)
    qtbot.addWidget(v)
    v.show()
    return v


def color_at(v, point):
    return QColor(v.grab().toImage().pixel(point))


def close(c1: QColor, c2: QColor, tol=12):
    return all(abs(a - b) <= tol for a, b in zip(c1.getRgb()[:3], c2.getRgb()[:3]))


def test_neuron_colour_is_its_activation_colour(view):
    d = datasets.load("digits")
    state = state_of(load_pretrained("3b1b"), d)
    view.set_state(state)
    for layer in (1, 2, 3):
        for j in (0, 5, 9):
            a = float(state.activations[layer][j])
            assert close(color_at(view, view.neuron_center(layer, j)), activation_color(a)), (layer, j, a)


def test_activation_colours():
    assert activation_color(0.0).lightness() < activation_color(0.5).lightness() < activation_color(1.0).lightness()
    assert activation_color(1.0) == QColor(255, 255, 255)
    neg = activation_color(-1.0)
    assert neg.red() > neg.blue() + 100  # negative activations glow orange-red


def test_edges_fall_into_the_right_buckets():
    w = np.array([-1.0, -0.5, -0.01, 0.0, 0.01, 0.5, 1.0, 2.0])
    b = edge_buckets(w, scale=1.0)
    assert list(b[:3] < LEVELS) == [True] * 3 and all(b[3:] >= LEVELS)  # sign
    assert b[0] == LEVELS - 1 and b[6] == 2 * LEVELS - 1 and b[7] == 2 * LEVELS - 1  # strongest, clipped
    assert b[2] == 0 and b[4] == LEVELS  # faintest
    assert b[1] % LEVELS == b[5] % LEVELS == LEVELS // 2


def test_hover_text_shows_z_and_activation(view):
    net = Network([2, 2, 1], activation="sigmoid", loss="mse", dtype=np.float64)
    for W in net.weights:
        W[:] = 1.0
    state = state_of(net, datasets.load("zhou"))  # probe: Alice (-2, -1)
    view.set_state(state)
    text = view.hover_text(1, 0)
    assert "z = Σ w·a + b = -3.0000" in text and "sigmoid" in text and "0.0474" in text
    assert "0.5237" in view.hover_text(2, 0)


def test_neuron_lab_bias_shift_changes_the_forward_pass(view, qtbot):
    d = datasets.load("digits")
    state = state_of(load_pretrained("3b1b"), d)
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
    view.detail.off.setChecked(True)  # switched off: the next layer no longer hears it
    assert np.allclose(view.lab_network().weights[1][:, 4], 0)
    kept = []
    view.labKept.connect(kept.append)
    view.keep_lab()
    assert kept and view.lab_network() is None


def test_wide_network_says_what_is_hidden(view):
    d = datasets.load("digits")
    view.set_state(state_of(load_pretrained("strong"), d))
    view.grab()
    assert "40 of 256 neurons in layer 1" in view.hidden_text()
    assert view.top_k.value() > 0  # too many edges for all: the strongest k per neuron


def test_modes_and_backward_animation(view, qtbot):
    d = datasets.load("digits")
    tr = Trainer(load_pretrained("3b1b"), d, lr=0.01)
    s = tr.step()
    view.set_state(s)
    for mode in ("gradient", "contribution", "weight"):
        view.mode.setCurrentText(mode)
        view.grab()
    view.animate_backward(s)
    qtbot.wait(100)
    assert view.canvas._animation is not None
    qtbot.waitUntil(lambda: view.canvas._animation is None, timeout=3000)


def test_non_finite_state_is_ignored(view):
    d = datasets.load("xor")
    good = state_of(Network([2, 3, 2]), d)
    view.set_state(good)
    import dataclasses

    bad_theta = good.theta.copy()
    bad_theta[0] = np.nan
    view.set_state(dataclasses.replace(good, theta=bad_theta))
    assert view.state is good


def test_probe_from_the_pad_replaces_the_sample(view):
    d = datasets.load("digits")
    net = load_pretrained("3b1b")
    view.set_state(state_of(net, d))
    acts, zs = net.probe(d.X_test[7])
    view.set_probe(acts, zs)
    assert np.array_equal(view.shown_activations()[0][1], acts[1])
    view.set_probe(None, None)
    assert view.shown_activations()[0] is view.state.activations


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
    # The answer map agrees with the network: blue (> 0) where it says class 1.
    points = playground.grid_points(extent)
    predicted = Network.from_state(tr.state).predict(points).reshape(answer.shape)
    assert np.mean((answer > 0) == (predicted == 1)) > 0.99
    # The map's centre (inside the circle: class 1 once trained) is blue on screen.
    r = view.canvas.map_rect
    centre = view.canvas.mapTo(view, r.center().toPoint())
    c = QColor(view.grab().toImage().pixel(centre))
    assert c.blue() > c.red()
