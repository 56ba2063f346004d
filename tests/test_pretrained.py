"""The models shipped in resources/ work at first launch and are as good as promised."""
import numpy as np
import pytest

from nnviz.core import ConfigError, datasets, evaluate, load_pretrained, preprocess_drawing


def test_3b1b_network_is_the_tutorials_and_reaches_90_percent():
    net = load_pretrained("3b1b")
    assert net.sizes == [784, 16, 16, 10] and net.activation.name == "sigmoid" and net.n_params == 13_002
    assert evaluate(net, datasets.load("digits")).accuracy >= 0.90


def test_strong_model_reaches_96_percent():
    net = load_pretrained()
    assert evaluate(net, datasets.load("digits")).accuracy >= 0.96


def test_strong_model_reads_shifted_and_rethickened_digits():
    """What the pad produces: digits re-centred by preprocess_drawing after being drawn off-centre and bolder."""
    net, d = load_pretrained(), datasets.load("digits")
    right = 0
    for x, label in zip(d.X_test[:200], d.labels_test[:200]):
        canvas = np.zeros((280, 280), np.float32)
        big = np.kron(x.reshape(28, 28), np.ones((6, 6)))  # drawn large, 168 px
        canvas[10:178, 100:268] = big
        right += net.predict(preprocess_drawing(canvas).reshape(1, -1))[0] == label
    assert right / 200 >= 0.93


def test_unknown_model_name():
    with pytest.raises(ConfigError, match="unknown pretrained model"):
        load_pretrained("huge")
