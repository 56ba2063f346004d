"""Activation functions ``a = f(z)`` and their derivatives.

Every function works elementwise on arrays of any shape, typically
(batch, n) in the network.  ``derivative(z, a)`` returns ``f'(z)``, using
whichever of ``z`` or ``a = f(z)`` makes it cheapest.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np

from .errors import QT_TRANSLATE_NOOP, ConfigError

LEAKY_SLOPE = 0.01


def sigmoid(z: np.ndarray) -> np.ndarray:
    """1 / (1 + e^-z), written as 0.5 (1 + tanh(z / 2)) so it never overflows."""
    a = np.tanh(z * 0.5)
    a += 1.0
    a *= 0.5
    return a


def softmax(z: np.ndarray) -> np.ndarray:
    """Row-wise softmax of z (batch, n), or of one vector z (n,): exp(z - max) / sum(exp(z - max))."""
    if z.ndim == 1:  # one sample (the GUI's and the drawing pad's case): as few NumPy calls as possible
        m = np.maximum.reduce(z)
        e = np.exp(z - m) if m > 30 else np.exp(z)  # shifting only matters where exp could overflow
        e /= np.add.reduce(e)
        return e
    e = np.exp(z - np.maximum.reduce(z, axis=-1, keepdims=True))  # ufunc reductions: less call overhead
    e /= np.add.reduce(e, axis=-1, keepdims=True)
    return e


@dataclass(frozen=True)
class Activation:
    """A named activation: ``f(z)`` and ``derivative(z, a) = f'(z)``."""

    name: str
    f: Callable[[np.ndarray], np.ndarray]
    derivative: Callable[[np.ndarray, np.ndarray], np.ndarray]
    formula: str


ACTIVATIONS = {
    "sigmoid": Activation("sigmoid", sigmoid, lambda z, a: a * (1.0 - a), "1 / (1 + e^-z)"),
    "tanh": Activation("tanh", np.tanh, lambda z, a: 1.0 - a * a, "tanh(z)"),
    "relu": Activation("relu", lambda z: np.maximum(z, 0), lambda z, a: (z > 0).astype(z.dtype), "max(0, z)"),
    "leaky_relu": Activation(
        "leaky_relu",
        lambda z: np.where(z > 0, z, z * LEAKY_SLOPE),
        lambda z, a: np.where(z > 0, 1.0, LEAKY_SLOPE).astype(z.dtype),
        f"max({LEAKY_SLOPE} z, z)",
    ),
    "linear": Activation("linear", lambda z: z, lambda z, a: np.ones_like(z), "z"),
}

#: Output activations: the hidden ones plus softmax (handled jointly with the loss).
OUTPUTS = ("linear", "sigmoid", "softmax")


def get(name: str) -> Activation:
    """Look up a hidden-layer activation by name."""
    try:
        return ACTIVATIONS[name]
    except KeyError:
        raise ConfigError(QT_TRANSLATE_NOOP("Errors", "unknown activation {name}; choose one of {names}"),
                          name=repr(name), names=", ".join(ACTIVATIONS)) from None
