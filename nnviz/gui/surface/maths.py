"""Small pure helpers of the loss-surface pane (NumPy only): gradients laid out like theta, which two
parameters an exact mode shows, the heat map's interpolation, its contour lines and its colour bar's
log ticks."""
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


#: Marching squares: the cell edges (0 top: a-b, 1 right: b-c, 2 bottom: d-c, 3 left: a-d) each
#: segment joins, by case (1: corner a above the level, 2: b, 4: c, 8: d, for a cell with corners
#: a = v[i, j], b = v[i, j+1], c = v[i+1, j+1], d = v[i+1, j]).  The saddles 5 and 10 as drawn when
#: the cell's centre is below the level; above it, each is drawn with the other's segments.
SEGMENTS = {1: ((3, 0),), 2: ((0, 1),), 3: ((3, 1),), 4: ((1, 2),), 5: ((3, 0), (1, 2)), 6: ((0, 2),),
            7: ((3, 2),), 8: ((3, 2),), 9: ((0, 2),), 10: ((0, 1), (3, 2)), 11: ((1, 2),), 12: ((3, 1),),
            13: ((0, 1),), 14: ((3, 0),)}
#: SEGMENTS as an array: [case, segment] -> (edge, edge), (-1, -1) for none.
JOINS = np.array([list(SEGMENTS.get(case, ())) + [(-1, -1)] * (2 - len(SEGMENTS.get(case, ()))) for case in range(16)])


def contour_segments(values: np.ndarray, level: float) -> np.ndarray:
    """The contour line of (n, m) ``values`` (rows along y) at ``level`` -> (k, 4) segments x1, y1,
    x2, y2 in grid indices (x: column, y: row), linearly interpolated along the cells' edges.  NumPy
    throughout, on the cells the line crosses only: pyqtgraph's isocurve walks the whole grid in
    Python (5 ms a level for 73 x 73 values, drawn seven times at every new surface)."""
    v = np.asarray(values, float)
    if v.ndim != 2 or min(v.shape) < 2:
        return np.zeros((0, 4))
    above = v > level
    case = above[:-1, :-1] * 1 + above[:-1, 1:] * 2 + above[1:, 1:] * 4 + above[1:, :-1] * 8
    i, j = np.nonzero((case != 0) & (case != 15))
    k = case[i, j]
    a, b, c, d = v[i, j], v[i, j + 1], v[i + 1, j + 1], v[i + 1, j]
    k = np.where(((k == 5) | (k == 10)) & ((a + b + c + d) / 4 > level), 15 - k, k)
    with np.errstate(divide="ignore", invalid="ignore"):  # only the edges the level crosses are used
        edges = np.stack([np.stack([j + (level - a) / (b - a), i], 1), np.stack([j + 1, i + (level - b) / (c - b)], 1),
                          np.stack([j + (level - d) / (c - d), i + 1], 1), np.stack([j, i + (level - a) / (d - a)], 1)])
    cell = np.arange(len(k))
    pieces = [np.concatenate([edges[JOINS[k, s, 0], cell], edges[JOINS[k, s, 1], cell]], 1)[JOINS[k, s, 0] >= 0]
              for s in (0, 1)]
    return np.concatenate(pieces)


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
