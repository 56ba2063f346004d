"""Optimiser updates against hand-computed values (and torch.optim when it is installed)."""
import math

import numpy as np
import pytest

from nnviz.core import ConfigError
from nnviz.core import optimizers


def run(name, steps, lr=0.1, weight_decay=0.0, **settings):
    """theta (2,) after `steps` updates with the fixed gradient sequence g_t = theta_t - [1, -2] + t."""
    opt = optimizers.make(name, lr, weight_decay, **settings)
    theta = np.array([0.5, -0.25])
    for t in range(steps):
        g = theta - np.array([1.0, -2.0]) + t
        assert opt.step(theta, g) is not None
    return theta


def test_sgd_is_theta_minus_lr_g():
    theta = np.array([1.0, 2.0])
    optimizers.make("sgd", 0.5).step(theta, np.array([0.2, -0.4]))
    np.testing.assert_allclose(theta, [0.9, 2.2])


def test_weight_decay_adds_l2_term():
    theta = np.array([1.0, 2.0])
    optimizers.make("sgd", 0.5, weight_decay=0.1).step(theta, np.array([0.2, -0.4]))
    np.testing.assert_allclose(theta, [1 - 0.5 * (0.2 + 0.1), 2 - 0.5 * (-0.4 + 0.2)])


def test_momentum_by_hand():
    lr, mu = 0.1, 0.9
    theta = np.array([2.0])
    opt = optimizers.make("momentum", lr, momentum=mu)
    opt.step(theta, np.array([1.0]))  # buf = 1
    opt.step(theta, np.array([0.5]))  # buf = 0.9 + 0.5 = 1.4
    assert theta[0] == pytest.approx(2.0 - lr * 1.0 - lr * 1.4)


def test_nesterov_by_hand():
    lr, mu = 0.1, 0.9
    theta = np.array([2.0])
    opt = optimizers.make("nesterov", lr, momentum=mu)
    opt.step(theta, np.array([1.0]))  # buf = 1, step g + mu buf = 1.9
    opt.step(theta, np.array([0.5]))  # buf = 1.4, step 0.5 + 1.26 = 1.76
    assert theta[0] == pytest.approx(2.0 - lr * 1.9 - lr * 1.76)


def test_rmsprop_by_hand():
    lr, alpha, eps = 0.01, 0.99, 1e-8
    theta = np.array([1.0])
    opt = optimizers.make("rmsprop", lr)
    opt.step(theta, np.array([2.0]))
    v = (1 - alpha) * 4.0
    assert theta[0] == pytest.approx(1.0 - lr * 2.0 / (math.sqrt(v) + eps))


def test_adam_first_steps_by_hand():
    lr, b1, b2, eps = 0.001, 0.9, 0.999, 1e-8
    theta = np.array([1.0])
    opt = optimizers.make("adam", lr)
    expected, m, v = 1.0, 0.0, 0.0
    for t, g in enumerate([0.3, -0.1, 0.2], start=1):
        opt.step(theta, np.array([g]))
        m = b1 * m + (1 - b1) * g
        v = b2 * v + (1 - b2) * g * g
        expected -= lr * (m / (1 - b1 ** t)) / (math.sqrt(v / (1 - b2 ** t)) + eps)
        assert theta[0] == pytest.approx(expected, rel=1e-12)


def test_non_finite_update_changes_nothing():
    opt = optimizers.make("adam", 1e-3)
    theta = np.array([1.0, 2.0])
    assert opt.step(theta, np.array([0.1, 0.1])) is not None
    before, m_before = theta.copy(), opt.m.copy()
    assert opt.step(theta, np.array([np.inf, 0.1])) is None
    np.testing.assert_array_equal(theta, before)
    np.testing.assert_array_equal(opt.m, m_before)
    assert opt.t == 1


@pytest.mark.parametrize("lr", [0, -0.1, float("nan"), float("inf"), "fast"])
def test_bad_learning_rates_are_refused(lr):
    with pytest.raises(ConfigError, match="learning rate"):
        optimizers.make("sgd", lr)


def test_unknown_optimiser_and_setting_are_refused():
    with pytest.raises(ConfigError, match="unknown optimiser"):
        optimizers.make("lbfgs", 0.1)
    with pytest.raises(ConfigError, match="no setting"):
        optimizers.make("adam", 0.1, momentum=0.9)


TORCH_CASES = [
    ("sgd", {}, lambda torch, p: torch.optim.SGD(p, lr=0.1, weight_decay=0.01), 0.01),
    ("momentum", {}, lambda torch, p: torch.optim.SGD(p, lr=0.1, momentum=0.9, weight_decay=0.01), 0.01),
    ("nesterov", {}, lambda torch, p: torch.optim.SGD(p, lr=0.1, momentum=0.9, nesterov=True), 0.0),
    ("rmsprop", {}, lambda torch, p: torch.optim.RMSprop(p, lr=0.1), 0.0),
    ("rmsprop", {"momentum": 0.5}, lambda torch, p: torch.optim.RMSprop(p, lr=0.1, momentum=0.5), 0.0),
    ("adam", {}, lambda torch, p: torch.optim.Adam(p, lr=0.1, weight_decay=0.01), 0.01),
]


@pytest.mark.parametrize("name,settings,make_torch,wd", TORCH_CASES)
def test_matches_torch_optim(name, settings, make_torch, wd):
    torch = pytest.importorskip("torch")
    ours = run(name, 6, lr=0.1, weight_decay=wd, **settings)
    p = torch.tensor([0.5, -0.25], dtype=torch.float64, requires_grad=True)
    opt = make_torch(torch, [p])
    for t in range(6):
        opt.zero_grad()
        p.grad = (p.detach() - torch.tensor([1.0, -2.0], dtype=torch.float64) + t)
        opt.step()
    np.testing.assert_allclose(ours, p.detach().numpy(), rtol=1e-10)
