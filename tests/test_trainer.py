"""The trainer: one update per step, frozen states, determinism, divergence, settings between steps."""
import math
import warnings

import numpy as np
import pytest

from nnviz.core import ConfigError, Network, Trainer, evaluate
from nnviz.core.dataset import Dataset


def blobs(n=200, seed=0) -> Dataset:
    """Two separable Gaussian blobs in 4-D, one-hot over 3 classes (third never used)."""
    rng = np.random.default_rng(seed)
    labels = rng.integers(0, 2, n)
    X = (rng.normal(size=(n, 4)) + labels[:, None] * 3).astype(np.float32)
    Y = np.eye(3, dtype=np.float32)[labels]
    half = n // 2
    return Dataset("blobs", X[:half], Y[:half], X[half:], Y[half:], labels[:half], labels[half:])


def test_step_is_exactly_one_sgd_update():
    data = blobs()
    net = Network([4, 5, 3], activation="tanh", seed=0)
    tr = Trainer(net, data, optimizer="sgd", lr=0.3, batch_size=10, seed=0)
    before = tr.state
    s = tr.step()
    assert (before.step, s.step) == (0, 1)
    for l in range(2):
        np.testing.assert_allclose(s.weights[l], before.weights[l] - 0.3 * s.grad_weights[l], rtol=1e-6, atol=1e-7)
        np.testing.assert_allclose(s.biases[l], before.biases[l] - 0.3 * s.grad_biases[l], rtol=1e-6, atol=1e-7)
    assert s.grad_norms == pytest.approx([np.linalg.norm(g) for g in s.grad_weights], rel=1e-5)


def test_states_are_read_only_copies_never_mutated():
    tr = Trainer(Network([4, 5, 3], seed=0), blobs(), optimizer="adam", lr=0.05)
    s1 = tr.step()
    snapshot = [w.copy() for w in s1.weights] + [a.copy() for a in s1.activations]
    for array in (*s1.weights, *s1.biases, *s1.grad_weights, *s1.activations, *s1.zs, s1.theta, s1.grad_norms):
        assert not array.flags.writeable
    with pytest.raises(ValueError):
        s1.weights[0][0, 0] = 5
    for _ in range(20):
        tr.step()
    for old, now in zip(snapshot, list(s1.weights) + list(s1.activations)):
        np.testing.assert_array_equal(old, now)


def test_probe_activations_match_a_forward_pass():
    data = blobs()
    tr = Trainer(Network([4, 5, 3], seed=0), data, probe_index=7)
    s = tr.step()
    net = Network.from_state(s)
    P = net.forward(data.X_test[7:8])
    np.testing.assert_allclose(s.activations[-1], P[0], rtol=1e-6)
    np.testing.assert_allclose(s.activations[0], data.X_test[7])
    np.testing.assert_allclose(s.zs[0], net.zs[0][0], rtol=1e-6)
    assert s.probe_label == data.labels_test[7]


def test_deterministic_under_a_seed():
    runs = []
    for _ in range(2):
        tr = Trainer(Network([4, 5, 3], seed=1), blobs(), optimizer="momentum", lr=0.1, batch_size=7, seed=5)
        for _ in range(40):
            s = tr.step()
        runs.append(s.theta)
    np.testing.assert_array_equal(*runs)
    other = Trainer(Network([4, 5, 3], seed=1), blobs(), optimizer="momentum", lr=0.1, batch_size=7, seed=6)
    for _ in range(40):
        s = other.step()
    assert not np.array_equal(runs[0], s.theta)


def test_epochs_shuffle_and_cover_the_data():
    data = blobs(n=40)  # 20 training samples
    tr = Trainer(Network([4, 3], seed=0), data, batch_size=5)
    seen = []
    original = tr._next_batch

    def spy():
        idx = original()
        seen.append(idx.copy())
        return idx

    tr._next_batch = spy
    for _ in range(8):
        s = tr.step()
    assert s.epoch == pytest.approx(2.0)
    first, second = np.concatenate(seen[:4]), np.concatenate(seen[4:])
    assert sorted(first) == list(range(20)) == sorted(second)
    assert not np.array_equal(first, second)


def test_learning_rate_and_batch_size_change_between_steps():
    tr = Trainer(Network([4, 5, 3], seed=0), blobs(), optimizer="sgd", lr=0.1, batch_size=10)
    tr.step()
    tr.lr = 0.02
    tr.batch_size = 25
    before = tr.state
    s = tr.step()
    assert (s.lr, s.batch_size) == (0.02, 25)
    np.testing.assert_allclose(s.weights[0], before.weights[0] - 0.02 * s.grad_weights[0], rtol=1e-6, atol=1e-7)
    tr.set_optimizer("adam", beta1=0.8)
    assert tr.step().optimizer == "adam" and tr.lr == 0.02


@pytest.mark.parametrize("setting,value", [("lr", 0), ("lr", -1), ("batch_size", 0), ("batch_size", 101),
                                           ("probe_index", 1000)])
def test_absurd_settings_are_refused(setting, value):
    tr = Trainer(Network([4, 5, 3]), blobs())
    with pytest.raises(ConfigError):
        setattr(tr, setting, value)


def test_mismatched_data_is_refused():
    with pytest.raises(ConfigError, match="4 inputs"):
        Trainer(Network([784, 16, 10]), blobs())


@pytest.mark.parametrize("lr", [10.0, 10_000.0])
@pytest.mark.parametrize("activation", ["sigmoid", "tanh", "relu", "leaky_relu", "linear"])
def test_divergence_is_caught_and_the_update_not_applied(activation, lr):
    tr = Trainer(Network([4, 16, 16, 3], activation=activation, loss="mse", output="linear", seed=0),
                 blobs(), optimizer="sgd", lr=lr, batch_size=20)
    initial = good = tr.state
    for _ in range(200):
        s = tr.step()
        if s.diverged:
            break
        good = s
    assert s.diverged, f"lr = {lr} should diverge"
    assert "diverged" in s.message and "learning rate" in s.message
    np.testing.assert_array_equal(s.theta, good.theta)
    assert np.isfinite(tr.net.theta).all() and np.isfinite(s.theta).all()
    np.testing.assert_array_equal(tr.net.theta, good.theta)
    assert tr.step() is s  # the trainer has stopped
    tr.restore(initial)
    tr.lr = 0.01
    assert not tr.step().diverged


def test_the_test_figures_of_a_run_on_its_way_to_diverge_are_infinite_without_a_warning():
    """The "Learning rate too high" lesson: the test loss overflows before the update that is refused;
    it is shown as infinite (NumPy's overflow warning used to reach the terminal)."""
    from nnviz.session import Session

    session = Session.from_lesson("Learning rate too high")
    losses = []
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for _ in range(20):
            if session.train_step().diverged:
                break
            losses.append(session.evaluate()[1].loss)
    assert session.trainer.diverged and math.isinf(losses[-1])


@pytest.mark.parametrize("optimizer", ["sgd", "momentum", "adam"])
@pytest.mark.parametrize("loss,output", [("cross_entropy", None), ("mse", None), ("mse", "linear")])
@pytest.mark.parametrize("activation", ["sigmoid", "tanh", "relu", "leaky_relu"])
def test_absurd_learning_rates_never_emit_non_finite_states(activation, loss, output, optimizer):
    for lr in (10.0, 10_000.0):
        tr = Trainer(Network([4, 8, 3], activation=activation, loss=loss, output=output, seed=1), blobs(),
                     optimizer=optimizer, lr=lr, batch_size=10)
        for _ in range(60):
            s = tr.step()
            assert np.isfinite(s.theta).all() and all(np.isfinite(a).all() for a in s.activations)
            if s.diverged:
                assert "diverged" in s.message
                break


def test_restore_goes_back_to_an_earlier_state():
    tr = Trainer(Network([4, 5, 3], norm="batch", seed=0), blobs(), lr=0.05)
    early = tr.step()
    for _ in range(10):
        tr.step()
    tr.restore(early)
    np.testing.assert_array_equal(tr.net.theta, early.theta)
    assert tr.step().step == early.step + 1


def test_training_learns_and_evaluate_reports_the_test_split():
    data = blobs(n=400)
    tr = Trainer(Network([4, 8, 3], activation="relu", seed=0), data, optimizer="adam", lr=0.05, batch_size=20)
    start = tr.evaluate()
    for _ in range(100):
        tr.step()
    end = tr.evaluate()
    assert end.samples == 200
    assert end.loss < start.loss and end.accuracy > 0.95
    net = tr.net
    assert evaluate(net, data).accuracy == end.accuracy
    assert end.accuracy == pytest.approx(np.mean(net.predict(data.X_test) == data.labels_test))


def test_augment_hook_sees_every_batch():
    calls = []

    def augment(X, rng):
        calls.append(X.shape)
        return X + 0.0

    tr = Trainer(Network([4, 3]), blobs(), batch_size=8, augment=augment)
    tr.step()
    tr.step()
    assert calls == [(8, 4), (8, 4)]


def test_normalised_state_carries_scales_shifts_and_running_stats():
    tr = Trainer(Network([4, 6, 6, 3], norm="batch", seed=0), blobs())
    s = tr.step()
    assert len(s.norm_params) == 2 and len(s.norm_stats) == 2
    gamma, beta = s.norm_params[0]
    assert gamma.shape == beta.shape == (6,)
    rebuilt = Network.from_state(s)
    np.testing.assert_array_equal(rebuilt.norms[0].running_mean, s.norm_stats[0][0])
