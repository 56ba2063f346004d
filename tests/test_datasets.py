"""The bundled data sets: real MNIST digits, Zhou's four people, Playground's toys."""
import numpy as np
import pytest

from nnviz.core import ConfigError, DataFileError, datasets
from nnviz.core.datasets import load_digits_file


def test_digits_are_a_stratified_split_of_real_mnist():
    d = datasets.load("digits")
    assert d.X_train.shape == (8000, 784) and d.X_test.shape == (2000, 784)
    assert d.X_train.dtype == np.float32 and d.X_train.min() == 0 and d.X_train.max() == 1
    # Pixels were bytes: every value is a multiple of 1/255.
    assert np.allclose(d.X_train[:50] * 255, np.rint(d.X_train[:50] * 255), atol=1e-4)
    train, test = np.bincount(d.labels_train, minlength=10), np.bincount(d.labels_test, minlength=10)
    assert np.all(np.abs(test / train - 0.25) < 0.01)  # 20% of each digit held out
    assert np.array_equal(d.Y_train.argmax(1), d.labels_train) and d.Y_train.sum() == 8000
    # MNIST digits are centred: the mean image's centre of mass is near pixel (13.5, 13.5).
    mean = d.X_train.mean(0).reshape(28, 28)
    r, c = np.indices((28, 28))
    assert abs((mean * r).sum() / mean.sum() - 13.5) < 1 and abs((mean * c).sum() / mean.sum() - 13.5) < 1
    # Train and test share no image.
    train_rows = {row.tobytes() for row in (d.X_train * 255).astype(np.uint8)}
    assert not any(row.tobytes() in train_rows for row in (d.X_test * 255).astype(np.uint8))


def test_digits_are_cached_and_read_only():
    d = datasets.load("digits")
    assert datasets.load("digits") is d
    with pytest.raises(ValueError):
        d.X_train[0, 0] = 1


def test_zhou_people_as_in_the_tutorial():
    d = datasets.load("zhou")
    assert d.X_train.tolist() == [[-2, -1], [25, 6], [17, 4], [-15, -6]]
    assert d.Y_train.ravel().tolist() == [1, 0, 0, 1] and d.class_names == ("male", "female")


@pytest.mark.parametrize("name", ["circle", "xor", "gaussians", "spiral"])
def test_toys_are_seeded_balanced_and_noise_adjustable(name):
    a, b = datasets.load(name, seed=3), datasets.load(name, seed=3)
    assert np.array_equal(a.X_train, b.X_train) and not np.array_equal(a.X_train, datasets.load(name, seed=4).X_train)
    assert a.X_train.shape == (250, 2) and a.Y_train.shape == (250, 2)
    assert 0.35 < a.labels_train.mean() < 0.65
    quiet, noisy = datasets.load(name, noise=0.0, seed=3), datasets.load(name, noise=1.0, seed=3)
    assert not np.array_equal(quiet.X_train, noisy.X_train)


def test_circle_and_xor_have_the_playground_geometry():
    c = datasets.load("circle", noise=0.0)
    r = np.hypot(*c.X_train.T)
    assert np.all(r[c.labels_train == 1] < 2.6) and np.all(r[c.labels_train == 0] > 3.4)
    x = datasets.load("xor", noise=0.0)
    assert np.array_equal(x.labels_train, (x.X_train[:, 0] * x.X_train[:, 1] > 0).astype(int))


def test_bad_names_and_settings():
    with pytest.raises(ConfigError, match="unknown data set 'cifar'"):
        datasets.load("cifar")
    with pytest.raises(ConfigError, match="noise"):
        datasets.load("spiral", noise=-1)
    with pytest.raises(ConfigError, match="points"):
        datasets.load("spiral", n=2)


@pytest.mark.parametrize("content", [b"", b"PK\x03\x04 not really a zip", b"\x93NUMPY garbage"])
def test_corrupt_digits_file_is_named(tmp_path, content):
    path = tmp_path / "digits.npz"
    path.write_bytes(content)
    with pytest.raises(DataFileError, match="digits.npz"):
        load_digits_file(path)


def test_digits_file_with_wrong_arrays(tmp_path):
    path = tmp_path / "digits.npz"
    np.savez(path, images_train=np.zeros((3, 28, 28), np.float32), labels_train=np.zeros(3, np.uint8),
             images_test=np.zeros((1, 28, 28), np.uint8), labels_test=np.zeros(1, np.uint8))
    with pytest.raises(DataFileError, match="wrong type or shape"):
        load_digits_file(path)
    np.savez(path, images=np.zeros(3))
    with pytest.raises(DataFileError, match="digits.npz"):
        load_digits_file(path)
