"""The formula pane writes the neuron's arithmetic and the chain rule with the right numbers."""
import re

import numpy as np
import pytest

from nnviz.core import Network, Trainer, datasets
from nnviz.gui.formula_view import FormulaView, neuron_html, sample_gradients, target_for


def zhou_state():
    net = Network([2, 2, 1], activation="sigmoid", loss="mse", dtype=np.float64)
    for W in net.weights:
        W[:] = 1.0
    data = datasets.load("zhou")
    tr = Trainer(net, data, optimizer="sgd", lr=1e-12, batch_size=4, probe_index=0)  # probe = Alice
    return tr.state


def numbers(text):
    return [float(x) for x in re.findall(r"-?\d+\.\d+(?:e-?\d+)?", re.sub("<[^>]+>", " ", text))]


def test_zhou_alice_numbers_appear():
    state = zhou_state()
    text = neuron_html(state, 0, 0)  # h1
    assert "0.04743" in text  # h1 = sigmoid(-3)
    out = neuron_html(state, 1, 0, k=0)  # o1, chain rule for w5 (from h1)
    assert "0.5237" in out  # o1
    # With one output, MSE is (1 - o1)^2 as in Zhou; dL/dw5 = -2(1 - o1) o1 (1 - o1) h1.
    o1, h1 = 0.52371, 0.047426
    expected = -2 * (1 - o1) * o1 * (1 - o1) * h1
    assert any(abs(v - expected) < 1e-4 for v in numbers(out))


def test_chain_rule_matches_finite_differences():
    data = datasets.load("xor")
    net = Network([2, 3, 2], activation="tanh", loss="cross_entropy", dtype=np.float64, seed=3)
    state = Trainer(net, data, batch_size=4).state
    _, dW, _ = sample_gradients(state, target_for(state))
    x, y = np.asarray(state.activations[0])[None], target_for(state)[None]
    eps = 1e-6
    for l, j, k in ((0, 1, 0), (1, 0, 2)):
        plus, minus = net.copy(), net.copy()
        plus.weights[l][j, k] += eps
        minus.weights[l][j, k] -= eps
        numeric = (plus.loss_value(x, y) - minus.loss_value(x, y)) / (2 * eps)
        assert dW[l][j, k] == pytest.approx(numeric, rel=1e-5, abs=1e-9)
        assert f"{dW[l][j, k]:.4g}" in neuron_html(state, l, j, k)


def test_widget_follows_selection(qtbot):
    w = FormulaView()
    qtbot.addWidget(w)
    w.show()
    w.set_state(zhou_state())
    w.select(2, 0)
    assert "output" in w.text.toPlainText() and "Loss" in w.text.toPlainText()
    w.select(1, 1)
    assert "hidden layer 1" in w.text.toPlainText()
