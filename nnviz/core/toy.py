"""Small 2-D data sets: Victor Zhou's four people and TensorFlow Playground's toys.

Every generator returns (X (n, 2) float32, labels (n,) int64).
"""
from __future__ import annotations

import numpy as np

#: Victor Zhou's tutorial: (name, weight lb, height in, female).
ZHOU_PEOPLE = (("Alice", 133, 65, 1), ("Bob", 160, 72, 0), ("Charlie", 152, 70, 0), ("Diana", 120, 60, 1))
#: Zhou shifts weight by 135 lb and height by 66 in.
ZHOU_SHIFT = (135.0, 66.0)
#: The line the "line" data set's points scatter around.
LINE_SLOPE, LINE_INTERCEPT = 1.5, 0.5


def zhou() -> tuple[np.ndarray, np.ndarray]:
    """Zhou's four people: X = (weight - 135, height - 66), label 1 = female."""
    X = np.array([(w - ZHOU_SHIFT[0], h - ZHOU_SHIFT[1]) for _, w, h, _ in ZHOU_PEOPLE], np.float32)
    return X, np.array([f for *_, f in ZHOU_PEOPLE], np.int64)


def circle(n: int, noise: float, rng: np.random.Generator):
    """A disc of class 1 inside a ring of class 0, radius 5 (Playground's "circle")."""
    labels = rng.integers(0, 2, n)
    r = np.where(labels == 1, rng.uniform(0, 2.5, n), rng.uniform(3.5, 5.0, n))
    angle = rng.uniform(0, 2 * np.pi, n)
    X = np.stack([r * np.cos(angle), r * np.sin(angle)], 1) + noise * rng.normal(size=(n, 2))
    return X.astype(np.float32), labels.astype(np.int64)


def xor(n: int, noise: float, rng: np.random.Generator):
    """Four quadrants, class 1 where x and y have the same sign (Playground's "exclusive or")."""
    X = rng.uniform(-5, 5, (n, 2))
    X += np.sign(X) * 0.3  # a small margin around the axes
    labels = (X[:, 0] * X[:, 1] > 0).astype(np.int64)
    return (X + noise * rng.normal(size=(n, 2))).astype(np.float32), labels


def gaussians(n: int, noise: float, rng: np.random.Generator):
    """Two Gaussian blobs at (2, 2) and (-2, -2)."""
    labels = rng.integers(0, 2, n)
    centres = np.where(labels[:, None] == 1, 2.0, -2.0)
    X = centres + (0.8 + noise) * rng.normal(size=(n, 2))
    return X.astype(np.float32), labels.astype(np.int64)


def spiral(n: int, noise: float, rng: np.random.Generator):
    """Two interleaved spirals (Playground's hardest toy)."""
    labels = rng.integers(0, 2, n)
    t = rng.uniform(0, 1, n)
    r = 5 * t
    angle = 1.75 * t * 2 * np.pi + np.pi * labels
    X = np.stack([r * np.sin(angle), r * np.cos(angle)], 1) + noise * rng.normal(size=(n, 2))
    return X.astype(np.float32), labels.astype(np.int64)


GENERATORS = {"circle": circle, "xor": xor, "gaussians": gaussians, "spiral": spiral}
