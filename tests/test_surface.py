"""Loss surfaces: closed-form gradient descent on a bowl, exact two-parameter slices, PCA planes."""
import numpy as np
import pytest

from nnviz.core import Network, Trainer, datasets
from nnviz.core.surface import (SURFACES, ZHOU_WEIGHTS, Race, analytic_grid, losses_at, neuron_surface, pca_plane,
                                plane_loss_grid, random_plane, two_weight_grid, zhou_network, zhou_surface)


def test_gd_on_the_bowl_follows_the_closed_form_path():
    race = Race(SURFACES["bowl"], runners=[("SGD", "sgd", 0.1, {})], start=(1.6, -0.8))
    for k in range(1, 21):
        race.step()
        assert np.allclose(race.positions[0], (1 - 2 * 0.1) ** k * np.array([1.6, -0.8]))


@pytest.mark.parametrize("name", list(SURFACES))
def test_analytic_gradients_match_finite_differences(name):
    s = SURFACES[name]
    rng = np.random.default_rng(0)
    for x, y in rng.uniform(-1.5, 1.5, (10, 2)):
        eps = 1e-6
        gx = (s.f(x + eps, y) - s.f(x - eps, y)) / (2 * eps)
        gy = (s.f(x, y + eps) - s.f(x, y - eps)) / (2 * eps)
        assert np.allclose(s.grad(x, y), (gx, gy), atol=1e-6)
    assert analytic_grid(s, 21).shape == (21, 21)


def test_race_momentum_and_adam_beat_sgd_in_the_ravine():
    race = Race(SURFACES["ravine"])
    for _ in range(150):
        race.step()
    loss = dict(zip(race.labels, race.losses()))
    assert loss["momentum"] < loss["SGD"] and loss["Adam"] < loss["SGD"]


def trajectory(steps=12):
    d = datasets.load("digits")
    net = Network([784, 16, 16, 10], seed=0)
    tr = Trainer(net, d, lr=3e-3, batch_size=32)
    thetas = [tr.step().theta.astype(float) for _ in range(steps)]
    return net, d, np.array(thetas)


def test_pca_plane_passes_through_the_current_point_with_orthonormal_directions():
    net, d, T = trajectory()
    plane = pca_plane(T, T[-1])
    assert np.dot(plane.d1, plane.d2) == pytest.approx(0, abs=1e-10)
    assert np.linalg.norm(plane.d1) == pytest.approx(1) and np.linalg.norm(plane.d2) == pytest.approx(1)
    assert plane.project(T[-1]) == pytest.approx((0.0, 0.0), abs=1e-12)
    # The trail, projected and rebuilt, keeps the explained share of its spread.
    M = T - T[-1]
    rebuilt = np.array([plane.point(*plane.project(t)) for t in T]) - T[-1]
    kept = (rebuilt ** 2).sum() / (M ** 2).sum()
    assert kept == pytest.approx(sum(plane.explained), rel=1e-6)


def test_plane_grid_equals_the_network_loss_at_each_point():
    net, d, T = trajectory()
    plane = pca_plane(T, T[-1])
    X, Y = d.X_train[:128], d.Y_train[:128]
    a, b = np.linspace(-1, 1, 5), np.linspace(-0.5, 0.5, 4)
    G = plane_loss_grid(net, plane, X, Y, a, b)
    probe = net.copy()
    for i, j in ((0, 0), (3, 4), (2, 1)):
        probe.theta[:] = plane.point(a[j], b[i])
        assert G[i, j] == pytest.approx(probe.loss_value(X, Y), rel=1e-4)


def test_plane_grid_with_batch_norm_and_random_directions():
    d = datasets.load("xor")
    net = Network([2, 6, 2], norm="batch", seed=1)
    plane = random_plane(net, seed=2)
    G = plane_loss_grid(net, plane, d.X_train[:50], d.Y_train[:50], np.linspace(-1, 1, 3), np.linspace(-1, 1, 3))
    probe = net.copy()
    probe.theta[:] = plane.point(1.0, -1.0)
    assert G[0, 2] == pytest.approx(probe.loss_value(d.X_train[:50], d.Y_train[:50]), rel=1e-5)
    # Filter-normalised: each neuron's direction row is as long as its weights.
    W = net.weights[0]
    D = plane.d1[net.weight_slices[0][0]:net.weight_slices[0][1]].reshape(W.shape)
    assert np.allclose(np.linalg.norm(D, axis=1), np.linalg.norm(W, axis=1), rtol=1e-5)


def test_interrupting_the_grid_stops_it():
    net, d, T = trajectory()
    rows = []
    G = plane_loss_grid(net, pca_plane(T, T[-1]), d.X_train[:64], d.Y_train[:64], np.linspace(-1, 1, 9),
                        np.linspace(-1, 1, 9), should_stop=lambda: len(rows) >= 3, on_row=lambda i, r: rows.append(i))
    assert rows == [0, 1, 2] and np.isfinite(G[:3]).all() and np.isnan(G[3:]).all()


def test_two_weight_grid_of_one_neuron_is_the_regression_loss():
    d = datasets.load("line")
    net = Network([1, 1], loss="mse", output="linear", dtype=np.float64)
    w, b = np.linspace(-1, 3, 5), np.linspace(-1, 2, 4)
    G = two_weight_grid(net, (0, 1), w, b, d.X_train, d.Y_train)
    x, y = d.X_train[:, 0].astype(float), d.Y_train[:, 0].astype(float)
    for i in range(4):
        for j in range(5):
            assert G[i, j] == pytest.approx(np.mean((w[j] * x + b[i] - y) ** 2), rel=1e-5)


@pytest.mark.parametrize("sizes,kw", [([2, 5, 3, 2], {"activation": "tanh"}), ([4, 3, 1], {"loss": "mse"}),
                                      ([4, 3, 1], {"loss": "cross_entropy", "output": "sigmoid"}),
                                      ([1, 1], {"loss": "mse", "output": "linear"}),
                                      ([3, 4, 2], {"norm": "batch", "activation": "relu"})])
def test_losses_at_many_parameter_vectors_equals_the_network_loss(sizes, kw):
    net = Network(sizes, seed=3, dtype=np.float64, **kw)
    rng = np.random.default_rng(0)
    X = rng.normal(size=(30, sizes[0]))
    Y = np.eye(sizes[-1])[rng.integers(0, sizes[-1], 30)] if sizes[-1] > 1 else rng.uniform(0, 1, (30, 1))
    thetas = net.theta + 0.3 * rng.normal(size=(7, net.n_params))
    got = losses_at(net, thetas, X, Y, chunk=100)  # several chunks
    probe = net.copy()
    for theta, value in zip(thetas, got):
        probe.theta[:] = theta
        assert value == pytest.approx(probe.loss_value(X, Y), rel=1e-9)


@pytest.mark.parametrize("make", [neuron_surface, zhou_surface])
def test_exact_surfaces_have_true_gradients_and_a_race_that_descends(make):
    s = make()
    rng = np.random.default_rng(1)
    x0, x1, y0, y1 = s.extent
    for x, y in zip(rng.uniform(x0, x1, 5), rng.uniform(y0, y1, 5)):
        eps = 1e-6
        gx = (s.f(x + eps, y) - s.f(x - eps, y)) / (2 * eps)
        gy = (s.f(x, y + eps) - s.f(x, y - eps)) / (2 * eps)
        assert np.allclose(s.grad(x, y), (gx, gy), rtol=1e-4, atol=1e-8)
    race = Race(s)
    for _ in range(100):
        race.step()
    assert max(race.losses()) < 0.2 * s.f(*s.start)
    G = analytic_grid(s, 11)
    assert G.shape == (11, 11) and np.isfinite(G).all()


def test_zhou_surface_is_two_weights_of_his_network_with_the_rest_fixed():
    s = zhou_surface()
    net = zhou_network()
    d = datasets.load("zhou")
    net.theta[ZHOU_WEIGHTS["w1"]], net.theta[ZHOU_WEIGHTS["w5"]] = 0.3, -1.2
    assert s.f(0.3, -1.2) == pytest.approx(net.loss_value(d.X_train, d.Y_train), rel=1e-12)
    assert s.axes == ("w1", "w5")



def test_pca_plane_spans_the_same_directions_as_the_svd():
    _, _, T = trajectory()
    plane = pca_plane(T, T[-1])
    _, s, Vt = np.linalg.svd(T - T[-1], full_matrices=False)
    for mine, svd in ((plane.d1, Vt[0]), (plane.d2, Vt[1])):
        assert abs(np.dot(mine, svd)) == pytest.approx(1, abs=1e-8)  # the same line (the sign is free)
    assert plane.explained == pytest.approx(tuple(s[:2] ** 2 / (s ** 2).sum()), rel=1e-8)
