"""Batch, layer and group normalisation of a hidden layer's weighted sums.

For z of shape (batch, n): ``y = gamma * (z - mean) / sqrt(var + eps) + beta``
with the statistics taken over

* batch norm: the batch, per neuron (running averages kept for evaluation);
* layer norm: the neurons of each sample;
* group norm: each group of ``n / groups`` neurons of each sample.

``gamma`` and ``beta`` are (n,) and learnable.  Conventions follow torch:
eps = 1e-5, running statistics updated with momentum 0.1 and the unbiased
variance.
"""
from __future__ import annotations

import numpy as np

from .errors import QT_TRANSLATE_NOOP, ConfigError

NORMS = ("none", "batch", "layer", "group")
EPS = 1e-5
MOMENTUM = 0.1


def default_groups(n: int) -> int:
    """Largest of 8, 4, 2 that divides n into groups of at least 2 neurons, else 1."""
    for g in (8, 4, 2):
        if n % g == 0 and n // g >= 2:
            return g
    return 1


class Norm:
    """Normalisation of one hidden layer with n neurons.

    ``forward(z, training)`` returns y and remembers what ``backward`` needs;
    ``backward(dy)`` returns (dz, dgamma, dbeta).
    """

    def __init__(self, kind: str, n: int, groups: int | None = None, dtype=np.float32):
        if kind not in NORMS[1:]:
            raise ConfigError(QT_TRANSLATE_NOOP("Errors", "unknown normalisation {name}; choose one of {names}"),
                              name=repr(kind), names=", ".join(NORMS))
        self.kind = kind
        self.n = n
        self.groups = 1 if kind == "layer" else (groups or default_groups(n)) if kind == "group" else None
        if self.groups is not None and n % self.groups:
            raise ConfigError(QT_TRANSLATE_NOOP("Errors", "group norm: {n} neurons cannot be split into {groups} equal "
                                                "groups"), n=n, groups=self.groups)
        self.running_mean = np.zeros(n, dtype)
        self.running_var = np.ones(n, dtype)
        self._cache = None

    def _grouped(self, z: np.ndarray) -> np.ndarray:
        """(batch, n) -> (batch, groups, n / groups), a view."""
        return z.reshape(len(z), self.groups, self.n // self.groups)

    def forward(self, z: np.ndarray, gamma: np.ndarray, beta: np.ndarray, training: bool) -> np.ndarray:
        """z (batch, n) -> y (batch, n)."""
        if self.kind == "batch":
            if training:
                mean = z.mean(axis=0)
                var = z.var(axis=0)
                m = len(z)
                unbiased = var * (m / (m - 1)) if m > 1 else var
                self.running_mean += MOMENTUM * (mean - self.running_mean)
                self.running_var += MOMENTUM * (unbiased - self.running_var)
            else:
                mean, var = self.running_mean, self.running_var
            inv_std = 1.0 / np.sqrt(var + EPS)
            zhat = (z - mean) * inv_std
            self._cache = (zhat, inv_std, 0)
        else:
            zg = self._grouped(z)
            mean = zg.mean(axis=2, keepdims=True)
            var = zg.var(axis=2, keepdims=True)
            inv_std = 1.0 / np.sqrt(var + EPS)
            zhat = ((zg - mean) * inv_std).reshape(z.shape)
            self._cache = (zhat, inv_std, 2)
        return zhat * gamma + beta

    def backward(self, dy: np.ndarray, gamma: np.ndarray):
        """dy (batch, n) -> dz (batch, n), dgamma (n,), dbeta (n,)."""
        zhat, inv_std, axis = self._cache
        dgamma = np.sum(dy * zhat, axis=0)
        dbeta = np.sum(dy, axis=0)
        dzhat = dy * gamma
        if axis == 0:
            m = len(dy)
            dz = inv_std / m * (m * dzhat - dzhat.sum(axis=0) - zhat * np.sum(dzhat * zhat, axis=0))
        else:
            g, h = self._grouped(dzhat), self._grouped(zhat)
            m = h.shape[2]
            dz = (inv_std / m * (m * g - g.sum(axis=2, keepdims=True)
                                 - h * np.sum(g * h, axis=2, keepdims=True))).reshape(dy.shape)
        return dz, dgamma, dbeta
