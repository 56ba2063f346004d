"""Views render hand-built states (``make_state``): no trainer, no window."""
import numpy as np
from PySide6.QtGui import QColor

from nnviz.core import Network, datasets
from nnviz.gui.drawing_pad import DigitPadPane
from nnviz.gui.formula_view import FormulaView
from nnviz.gui.layer_charts import CONFUSION_SAMPLES, LayerChartsView
from nnviz.gui.network_view import NetworkView, activation_color
from factories import make_state


def test_make_state_matches_the_network_it_describes():
    state = make_state([6, 4, 3], seed=2)
    net = Network.from_state(state)
    activations, zs = net.probe(np.asarray(state.activations[0]))
    for mine, theirs in zip(state.activations, activations):
        assert np.allclose(mine, theirs, atol=1e-5)
    assert [W.shape for W in net.weights] == [W.shape for W in state.weights]


def test_network_view_colours_each_neuron_by_the_states_activation(qtbot):
    view = NetworkView()
    view.resize(700, 500)
    qtbot.addWidget(view)
    view.show()
    state = make_state([5, 4, 3], seed=1)
    view.set_state(state)
    image = view.grab().toImage()
    for layer in (1, 2):
        for j in range(state.layer_sizes[layer]):
            a = float(state.activations[layer][j])
            colour = QColor(image.pixel(view.neuron_center(layer, j)))
            expected = activation_color(a)
            assert all(abs(p - q) <= 12 for p, q in zip(colour.getRgb()[:3], expected.getRgb()[:3])), (layer, j)


def test_the_pad_runs_its_own_copy_of_the_states_network(qtbot):
    digits = datasets.load("digits")
    pane = DigitPadPane()
    qtbot.addWidget(pane)
    pane.set_dataset(digits)
    state = make_state([784, 8, 10], seed=3)
    pane.set_state(state)
    pane.pad.set_image(digits.X_test[0].reshape(28, 28))
    expected = Network.from_state(state).probe(pane.pad.input_image().ravel())[0][-1]
    assert np.allclose(pane.prediction.probabilities(), expected, atol=1e-5)
    other = make_state([784, 8, 10], seed=4)
    pane.set_state(other)
    assert not np.allclose(pane.prediction.probabilities(), expected, atol=1e-3)
    assert not np.shares_memory(pane.net.theta, other.theta)


def test_layer_charts_count_the_states_answers(qtbot):
    digits = datasets.load("digits")
    charts = LayerChartsView()
    qtbot.addWidget(charts)
    charts.set_context(digits)
    state = make_state([784, 6, 10], seed=5)
    charts.set_state(state)
    charts.redraw_now()
    predicted = Network.from_state(state).predict(digits.X_test[:CONFUSION_SAMPLES])
    assert charts.confusion.sum() == CONFUSION_SAMPLES
    assert np.trace(charts.confusion) == np.sum(predicted == digits.labels_test[:CONFUSION_SAMPLES])


def test_a_long_runs_gradient_norms_are_drawn_from_its_first_step_to_its_last_in_few_points(qtbot):
    from nnviz.core.history import Rows
    from nnviz.gui.layer_charts import DRAWN_POINTS, evenly_spaced

    x = np.r_[np.arange(1, 100, 7), np.arange(100, 5000)].astype(float)  # sparse then dense, as a thinned series
    xs, ys = evenly_spaced(x, -x, 50)
    assert xs[0] == x[0] and xs[-1] == x[-1] and len(xs) <= 50
    assert np.array_equal(ys, -xs) and np.isin(xs, x).all()
    assert np.max(np.diff(xs)) < 2 * (x[-1] - x[0]) / 49  # evenly spread over the steps, not the points
    assert len(evenly_spaced(x[:30], x[:30], 50)[0]) == 30  # few points: all of them

    charts = LayerChartsView()
    qtbot.addWidget(charts)
    charts.set_context(datasets.load("digits"))
    steps = np.arange(1, 30_001)
    norms = np.exp(-np.outer(np.ones(30_000), np.arange(3)))
    charts.add_rows(Rows(steps, np.ones(30_000), np.ones(30_000), norms))
    charts.redraw_now()
    for curve, layer in zip(charts._grad_curves, range(3)):
        drawn_x, drawn_y = curve.xData, curve.yData  # (getData gives the log of y)
        assert len(drawn_x) <= DRAWN_POINTS and drawn_x[0] == 1 and drawn_x[-1] == 30_000
        assert np.allclose(drawn_y, np.exp(-layer))


def test_formulas_write_out_the_states_weighted_sum(qtbot):
    view = FormulaView()
    qtbot.addWidget(view)
    view.show()
    state = make_state([3, 2, 2], seed=6)
    view.set_state(state)
    view.select(1, 1)
    text = view.text.toPlainText()
    assert f"{float(state.zs[0][1]):.4g}" in text, text


def test_while_training_plays_the_layers_pane_charts_in_the_background_the_same_figures(qtbot):
    digits = datasets.load("digits")
    charts = LayerChartsView()
    qtbot.addWidget(charts)
    charts.set_context(digits)
    state = make_state([784, 6, 10], seed=5)
    charts.set_state(state)
    charts.redraw_now()
    at_once = charts.confusion.copy()
    charts.set_live(True)
    charts.confusion = None
    charts.redraw_now()
    qtbot.waitUntil(lambda: charts.confusion is not None, timeout=10000)
    assert np.array_equal(charts.confusion, at_once)
    charts.shutdown()
