"""Small pure helpers of the loss-surface pane (NumPy only): gradients laid out like theta, which two
parameters an exact mode shows, the heat map's interpolation and its colour bar's log ticks."""
from __future__ import annotations

import numpy as np

from ..language import translate


def flat_gradient(state) -> np.ndarray:
    """The state's weight and bias gradients laid out like its theta (P,) (normalisation parts zero)."""
    g = np.zeros(state.theta.shape, float)
    offset = 0
    for gw, gb in zip(state.grad_weights, state.grad_biases):
        g[offset:offset + gw.size] = gw.ravel()
        offset += gw.size
        g[offset:offset + gb.size] = gb
        offset += gb.size
    return g


def default_pair(sizes) -> tuple[tuple[int, int], tuple[str, str]]:
    """Which two parameters the exact mode shows, and their names: (w, b) of a one-neuron network,
    else the first weight of the first layer and the first weight of the last layer (Zhou's w1, w5)."""
    sizes = list(sizes)
    if sizes == [1, 1]:
        return (0, 1), ("w", "b")
    last_start = sum(o * i + o for i, o in zip(sizes[:-2], sizes[1:-1]))
    if sizes == [2, 2, 1]:
        return (0, last_start), ("w1", "w5")
    name = translate("LossSurface", "w[layer {layer}][0,0]")
    return (0, last_start), (name.format(layer=1), name.format(layer=len(sizes) - 1))


def upsample(values: np.ndarray, factor: int) -> np.ndarray:
    """(n, m) -> ((n-1) factor + 1, (m-1) factor + 1), linearly interpolated between grid points."""
    n, m = values.shape
    if n < 2 or m < 2 or factor <= 1:
        return values

    def axis(count):
        t = np.linspace(0, count - 1, (count - 1) * factor + 1)
        i = np.minimum(t.astype(int), count - 2)
        return i, t - i

    i, fy = axis(n)
    j, fx = axis(m)
    rows = values[i] * (1 - fy)[:, None] + values[i + 1] * fy[:, None]
    return rows[:, j] * (1 - fx) + rows[:, j + 1] * fx


def log_ticks(lo: float, hi: float) -> list:
    """Colour-bar ticks for log10 values lo..hi, labelled with the losses themselves (1, 2, 5 x 10^k;
    only powers of ten when those are too many)."""
    k = np.arange(np.floor(lo) - 1, np.ceil(hi) + 1)
    for mantissas in ((1, 2, 5), (1,)):
        values = [m * 10.0 ** e for e in k for m in mantissas if lo <= np.log10(m) + e <= hi]
        if len(values) <= 8:
            break
    return [[(float(np.log10(v)), f"{v:g}") for v in values]]


class ThetaOnly:
    """Something with a ``theta`` (P,), for projecting a stored parameter vector like a state."""

    def __init__(self, theta):
        self.theta = theta
