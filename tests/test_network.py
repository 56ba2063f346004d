"""The network's maths: Zhou's numbers, parameter counts, gradients against finite differences."""
import itertools

import numpy as np
import pytest

from nnviz.core import ConfigError, Network
from nnviz.core import losses
from nnviz.core.activations import ACTIVATIONS


def zhou_network(weights=1.0):
    """Victor Zhou's 2-2-1 sigmoid network with MSE, all weights = weights, biases 0."""
    net = Network([2, 2, 1], activation="sigmoid", loss="mse", dtype=np.float64)
    for W in net.weights:
        W[:] = weights
    for b in net.biases:
        b[:] = 0
    return net


def test_zhou_forward_all_weights_one_on_alice():
    net = zhou_network()
    o1 = net.forward(np.array([[-2.0, -1.0]]))
    assert net.activations[1][0, 0] == pytest.approx(0.0474, abs=5e-5)
    assert o1[0, 0] == pytest.approx(0.524, abs=5e-4)


def test_zhou_gradient_dL_dw1():
    """dL/dw1 = 0.0214 for L = (1 - y_pred)^2 on Alice (female = 1)."""
    net = zhou_network()
    loss, dW, dB = net.backward(np.array([[-2.0, -1.0]]), np.array([[1.0]]))
    assert loss == pytest.approx((1 - 0.524) ** 2, abs=1e-3)
    # Zhou rounds intermediate values; the exact figure is 0.02147.
    assert dW[0][0, 0] == pytest.approx(0.0214, abs=1e-4)  # w1: weight (input 0) -> h1


def test_zhou_neuron_example_w01_x23():
    """Every neuron w = [0, 1], b = 0, x = [2, 3]: h = 0.9526, o = 0.7216."""
    net = zhou_network()
    for W in net.weights:
        W[:] = [0.0, 1.0]
    o = net.forward(np.array([[2.0, 3.0]]))
    assert net.activations[1][0] == pytest.approx([0.9526, 0.9526], abs=5e-5)
    assert o[0, 0] == pytest.approx(0.7216, abs=5e-5)


def test_3blue1brown_network_has_13002_parameters():
    net = Network([784, 16, 16, 10])
    assert net.n_params == 13_002
    assert [W.shape for W in net.weights] == [(16, 784), (16, 16), (10, 16)]
    assert [b.shape for b in net.biases] == [(16,), (16,), (10,)]


def test_forward_shapes_and_kept_intermediates():
    net = Network([784, 16, 16, 10], seed=0)
    X = np.random.default_rng(0).random((5, 784), dtype=np.float32)
    P = net.forward(X)
    assert P.shape == (5, 10) and P.dtype == np.float32
    np.testing.assert_allclose(P.sum(axis=1), 1, rtol=1e-5)  # softmax with cross-entropy
    assert [z.shape for z in net.zs] == [(5, 16), (5, 16), (5, 10)]
    assert [a.shape for a in net.activations] == [(5, 784), (5, 16), (5, 16), (5, 10)]
    np.testing.assert_allclose(net.zs[0], X @ net.weights[0].T + net.biases[0], rtol=1e-5)


def test_default_output_follows_the_loss():
    assert Network([4, 3, 2], loss="cross_entropy").output == "softmax"
    assert Network([4, 3, 2], loss="mse").output == "sigmoid"
    assert Network([4, 3, 1], loss="cross_entropy").output == "sigmoid"


@pytest.mark.parametrize("activation", list(ACTIVATIONS))
def test_initialisation_is_seedable_and_scaled(activation):
    a = Network([784, 128, 10], activation=activation, seed=3)
    b = Network([784, 128, 10], activation=activation, seed=3)
    c = Network([784, 128, 10], activation=activation, seed=4)
    np.testing.assert_array_equal(a.theta, b.theta)
    assert not np.array_equal(a.theta, c.theta)
    expected = np.sqrt(2 / 784) if activation in ("relu", "leaky_relu") else np.sqrt(2 / (784 + 128))
    assert a.weights[0].std() == pytest.approx(expected, rel=0.05)  # He or Glorot
    assert not a.biases[0].any()


def _loss_in_training_mode(net, X, Y):
    """The loss backprop differentiates (batch norm with batch statistics), running stats untouched."""
    saved = [(n.running_mean.copy(), n.running_var.copy()) for n in net.norms]
    P = net.forward(X, training=True)
    for n, (m, v) in zip(net.norms, saved):
        n.running_mean[:], n.running_var[:] = m, v
    return losses.value(net.loss, net.output, P, Y)


@pytest.mark.parametrize("activation,loss,norm", list(itertools.product(
    list(ACTIVATIONS), ["mse", "cross_entropy"], ["none", "batch", "layer", "group"])))
def test_gradient_matches_finite_differences(activation, loss, norm):
    rng = np.random.default_rng(1)
    net = Network([5, 8, 6, 3], activation=activation, loss=loss, norm=norm, seed=2, dtype=np.float64)
    X = rng.normal(size=(7, 5))
    Y = np.eye(3)[rng.integers(0, 3, 7)]
    net.backprop(X, Y)
    analytic = net.grad.copy()
    numeric = np.empty_like(analytic)
    eps = 1e-6
    for i in range(net.n_params):
        old = net.theta[i]
        net.theta[i] = old + eps
        up = _loss_in_training_mode(net, X, Y)
        net.theta[i] = old - eps
        down = _loss_in_training_mode(net, X, Y)
        net.theta[i] = old
        numeric[i] = (up - down) / (2 * eps)
    np.testing.assert_allclose(analytic, numeric, rtol=1e-4, atol=1e-7)


@pytest.mark.parametrize("output", ["linear", "sigmoid", "softmax"])
def test_mse_gradient_for_every_output(output):
    rng = np.random.default_rng(0)
    net = Network([3, 4, 2], activation="tanh", loss="mse", output=output, dtype=np.float64, seed=1)
    X, Y = rng.normal(size=(4, 3)), rng.random((4, 2))
    net.backprop(X, Y)
    eps, numeric = 1e-6, []
    for i in range(net.n_params):
        net.theta[i] += eps
        up = net.loss_value(X, Y)
        net.theta[i] -= 2 * eps
        down = net.loss_value(X, Y)
        net.theta[i] += eps
        numeric.append((up - down) / (2 * eps))
    np.testing.assert_allclose(net.grad, numeric, rtol=1e-5, atol=1e-8)


def test_mse_is_mean_over_all_outputs_and_samples():
    net = Network([2, 3], activation="linear", loss="mse", output="linear", dtype=np.float64)
    net.theta[:] = 0
    X, Y = np.ones((4, 2)), np.arange(12.0).reshape(4, 3)
    assert net.loss_value(X, Y) == pytest.approx(np.mean(Y ** 2))


def test_cross_entropy_is_mean_of_minus_sum_y_log_p():
    net = Network([2, 3], loss="cross_entropy", dtype=np.float64)
    X = np.array([[0.5, -1.0], [2.0, 0.3]])
    Y = np.eye(3)[[0, 2]]
    P = net.forward(X)
    assert net.loss_value(X, Y) == pytest.approx(-np.mean(np.log(P[[0, 1], [0, 2]])))


def test_batch_norm_differs_between_training_and_evaluation():
    rng = np.random.default_rng(0)
    net = Network([4, 6, 2], activation="relu", norm="batch", seed=0)
    X = rng.normal(3.0, 2.0, size=(64, 4)).astype(np.float32)
    train_out = net.forward(X, training=True).copy()
    assert net.norms[0].running_mean.any()  # running statistics moved towards the batch's
    eval_out = net.forward(X)
    assert not np.allclose(train_out, eval_out)
    z = X @ net.weights[0].T + net.biases[0]
    np.testing.assert_allclose(net.norms[0].running_mean, 0.1 * z.mean(axis=0), rtol=1e-4, atol=1e-6)


@pytest.mark.parametrize("sizes,fragment", [
    ([], "at least an input and an output"),
    ([784], "at least an input and an output"),
    ([784, 0, 10], "at least 1"),
    ([784, 100_000, 10], "limit"),
    (["a", 3], "whole numbers"),
])
def test_absurd_architectures_are_refused_with_a_reason(sizes, fragment):
    with pytest.raises(ConfigError, match=fragment):
        Network(sizes)


@pytest.mark.parametrize("kwargs", [
    {"activation": "swish"}, {"loss": "hinge"}, {"norm": "weird"},
    {"loss": "cross_entropy", "output": "linear"}, {"dtype": np.int32},
])
def test_unknown_settings_are_refused(kwargs):
    with pytest.raises(ConfigError):
        Network([4, 3, 2], **kwargs)


def test_float64_networks_compute_in_float64():
    net = Network([3, 2], dtype=np.float64)
    assert net.forward(np.ones((1, 3))).dtype == np.float64
