"""The data sets nnviz knows: bundled MNIST digits, Zhou's people, 2-D toys, IDX folders.

>>> data = datasets.load("digits")      # 8,000 train / 2,000 test real MNIST digits
>>> data = datasets.load("spiral", noise=0.2, n=400, seed=1)
>>> data = datasets.load_idx("~/mnist")  # the four standard MNIST IDX files
"""
from __future__ import annotations

import functools
import os
import zipfile
from pathlib import Path

import numpy as np

from . import toy
from .dataset import Dataset
from .errors import QT_TRANSLATE_NOOP, ConfigError, DataFileError
from .idx import load_idx_folder

NAMES = ("digits", "zhou", "line", "circle", "xor", "gaussians", "spiral")
DIGIT_NAMES = tuple(str(d) for d in range(10))


def resources_dir() -> Path:
    """The folder with the bundled data and models (``$NNVIZ_RESOURCES`` overrides)."""
    if os.environ.get("NNVIZ_RESOURCES"):
        return Path(os.environ["NNVIZ_RESOURCES"])
    return Path(__file__).resolve().parents[2] / "resources"


def one_hot(labels: np.ndarray, n_classes: int) -> np.ndarray:
    """(n,) int -> (n, n_classes) float32 one-hot rows."""
    Y = np.zeros((len(labels), n_classes), np.float32)
    Y[np.arange(len(labels)), labels] = 1.0
    return Y


def _readonly(*arrays):
    for a in arrays:
        a.flags.writeable = False
    return arrays


def from_images(name: str, images_train, labels_train, images_test, labels_test, description: str) -> Dataset:
    """Build a Dataset from uint8 images (n, rows, cols) and int labels: pixels scaled to [0, 1]."""
    n_classes = int(max(labels_train.max(), labels_test.max())) + 1
    X_train = images_train.reshape(len(images_train), -1).astype(np.float32) / 255.0
    X_test = images_test.reshape(len(images_test), -1).astype(np.float32) / 255.0
    arrays = _readonly(X_train, one_hot(labels_train, n_classes), X_test, one_hot(labels_test, n_classes),
                       labels_train.astype(np.int64), labels_test.astype(np.int64))
    names = DIGIT_NAMES if n_classes == 10 else tuple(str(c) for c in range(n_classes))
    return Dataset(name, *arrays, image_shape=tuple(images_train.shape[1:]), class_names=names,
                   description=description)


def load_digits_file(path) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Read ``digits.npz`` -> (images_train (n,28,28) uint8, labels_train (n,), images_test, labels_test)."""
    keys = ("images_train", "labels_train", "images_test", "labels_test")
    try:
        with np.load(path, allow_pickle=False) as f:
            arrays = tuple(f[k] for k in keys)
    except FileNotFoundError:
        raise DataFileError(QT_TRANSLATE_NOOP(
            "Errors", "{path}: no such file (the bundled digits are missing; reinstall nnviz)"), path=path) from None
    except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile) as e:
        raise DataFileError(QT_TRANSLATE_NOOP(
            "Errors", "{path}: not a valid digits file ({why})"), path=path, why=e) from None
    for images, labels in (arrays[:2], arrays[2:]):
        if images.dtype != np.uint8 or images.ndim != 3 or labels.shape != (len(images),) \
                or labels.min(initial=0) < 0 or labels.max(initial=0) > 9:
            raise DataFileError(QT_TRANSLATE_NOOP("Errors", "{path}: arrays have the wrong type or shape"), path=path)
    return arrays


@functools.lru_cache(maxsize=4)
def _digits() -> Dataset:
    arrays = load_digits_file(resources_dir() / "digits.npz")
    return from_images("digits", *arrays, description=(
        "10,000 real handwritten MNIST digits (28x28 pixels), split 8,000 for training and 2,000 for testing."))


def _zhou() -> Dataset:
    X, labels = toy.zhou()
    Y = labels[:, None].astype(np.float32)
    arrays = _readonly(X, Y, X.copy(), Y.copy(), labels, labels.copy())
    return Dataset("zhou", *arrays, class_names=("male", "female"), input_names=("weight - 135 lb", "height - 66 in"),
                   description=(
        "Victor Zhou's four people: weight - 135 lb and height - 66 in; the one output says female (1) or "
        "male (0). Train and test are the same four people."))


def _toy(name: str, noise: float, n: int, seed: int) -> Dataset:
    if not 0 <= noise <= 5:
        raise ConfigError(QT_TRANSLATE_NOOP("Errors", "noise must be between 0 and 5, got {noise}"), noise=noise)
    if not 8 <= n <= 1_000_000:
        raise ConfigError(QT_TRANSLATE_NOOP("Errors", "number of points must be between 8 and 1,000,000, got {n}"),
                          n=n)
    rng = np.random.default_rng(seed)
    X, labels = toy.GENERATORS[name](n, noise, rng)
    n_train = n // 2
    Y = one_hot(labels, 2)
    arrays = _readonly(X[:n_train], Y[:n_train], X[n_train:], Y[n_train:], labels[:n_train], labels[n_train:])
    return Dataset(name, *arrays, class_names=("orange", "blue"), input_names=("x1", "x2"), description=(
        f"TensorFlow Playground's {name!r}: {n} points in the plane (half for training, half for testing), "
        f"two classes, noise {noise}."))


def _line(noise: float, seed: int) -> Dataset:
    """Points near the line y = 1.5 x + 0.5: one neuron y = w x + b can fit them (regression)."""
    rng = np.random.default_rng(seed)
    x = rng.uniform(-2, 2, 60).astype(np.float32)
    y = (toy.LINE_SLOPE * x + toy.LINE_INTERCEPT + noise * 3 * rng.normal(size=60)).astype(np.float32)
    X, Y, labels = x[:, None], y[:, None], np.zeros(60, np.int64)
    arrays = _readonly(X[:40], Y[:40], X[40:], Y[40:], labels[:40], labels[40:])
    return Dataset("line", *arrays, class_names=("y",), input_names=("x",), task="regression", description=(
        f"60 points near the line y = {toy.LINE_SLOPE} x + {toy.LINE_INTERCEPT} (40 for training, 20 for testing): "
        "one neuron y = w x + b fitting them is linear regression."))


def load(name: str = "digits", *, noise: float = 0.1, n: int = 500, seed: int = 0) -> Dataset:
    """A bundled data set by name (see NAMES).  ``noise``, ``n`` and ``seed`` shape the 2-D toys."""
    if name == "digits":
        return _digits()
    if name == "zhou":
        return _zhou()
    if name == "line":
        if not 0 <= noise <= 5:
            raise ConfigError(QT_TRANSLATE_NOOP("Errors", "noise must be between 0 and 5, got {noise}"), noise=noise)
        return _line(noise, seed)
    if name in toy.GENERATORS:
        return _toy(name, noise, n, seed)
    raise ConfigError(QT_TRANSLATE_NOOP("Errors", "unknown data set {name}; choose one of {names}"), name=repr(name),
                      names=", ".join(NAMES))


def load_idx(folder) -> Dataset:
    """A folder holding train/t10k images and labels in MNIST's IDX format (gzipped or not)."""
    folder = Path(folder).expanduser()
    arrays = load_idx_folder(folder)
    if arrays[1].max() > 255 or arrays[3].max() > 255:
        raise DataFileError(QT_TRANSLATE_NOOP("Errors", "{folder}: labels above 255"), folder=folder)
    return from_images(folder.name or "idx", *arrays, description=(
        f"IDX data from {folder}: {len(arrays[0]):,} training and {len(arrays[2]):,} test images of "
        f"{arrays[0].shape[1]}x{arrays[0].shape[2]} pixels."))
