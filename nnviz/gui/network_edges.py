"""How the diagram colours its edges, and how it draws thousands of them fast.

Few edges (a layer with at most ``DENSE_EDGES`` drawn) are lines drawn by
Qt, one ``drawLines`` call per colour bucket (sign x strength level).

Many edges (the 12,544 from a 28x28 image to 16 neurons) are computed as
ink density in NumPy from cached geometry.  Every edge of a layer runs from a
point on one vertical line (the source column, or the input image's right
side) to a neuron on another.  Seen from the neuron its incoming edges are
rays, and the edges crossing a pixel are exactly those whose start lies in
an interval of the source line (the pixel's "window").  The windows are
found once per layout; a new state then costs a cumulative sum of the edges'
ink along the source line and two look-ups per (pixel, neuron) pair.  That is
order-independent transparency: a pixel gets the strength-weighted mix of
the colours of the edges crossing it and an opacity that grows with their
total strength, so where 784 edges meet a neuron the colour says which sign
dominates, and no edge hides under another because it was drawn first.
"""
from __future__ import annotations

import functools

import numpy as np
import shiboken6
from PySide6.QtCore import QLineF
from PySide6.QtGui import QColor, QPainter, QPen

from .presentation import NORMAL, Look, look

POSITIVE = QColor(*NORMAL.positive)  # blue: positive weight
NEGATIVE = QColor(*NORMAL.negative)  # orange: negative weight
BACKGROUND = QColor(*NORMAL.background)
LEVELS = 8  # strength buckets per sign (lines drawn by Qt)
DENSE_EDGES = 1500  # a layer drawing more edges than this is computed as ink density
GAMMA = 3.0  # ink = (|value| / scale) ** GAMMA: the strong edges stand out of thousands
GAIN = 1.5  # opacity = 1 - exp(-GAIN * ink): one full-strength edge crossing a pixel is 78% opaque
MAX_INK = 3.0  # more ink than this in a pixel is fully opaque anyway
NEUTRAL = 0.25  # how bright balanced ink (as much positive as negative) is, 0..1
INK_STEPS = 48  # colour look-up table: INK_STEPS x INK_STEPS (positive ink x negative ink)


def robust_scale(values: np.ndarray) -> float:
    """The 99th percentile of |values| (nearest rank): one outlier does not wash out every other edge."""
    a = np.abs(np.asarray(values)).ravel()
    if not a.size:
        return 1.0
    k = int(0.99 * (a.size - 1))
    return float(np.partition(a, k)[k])


def edge_buckets(values: np.ndarray, scale: float) -> np.ndarray:
    """values (n,) -> bucket (n,) in 0..2*LEVELS-1: 0..LEVELS-1 negative, LEVELS.. positive,
    the level within a sign growing with |value| / scale (scale maps to the strongest level)."""
    level = np.minimum((np.abs(values) / max(scale, 1e-12) * LEVELS).astype(np.int64), LEVELS - 1)
    return np.where(values >= 0, LEVELS + level, level)


def edge_palette(style: Look | None = None) -> tuple[QColor, QColor, QColor]:
    """(positive, negative, background) colours of ``style`` (default: the look in use)."""
    style = style or look()
    return QColor(*style.positive), QColor(*style.negative), QColor(*style.background)


def bucket_color(bucket: int, dim: float = 1.0, style: Look = NORMAL) -> QColor:
    """The bucket's colour, blended towards the background instead of made transparent: opaque lines
    draw about five times faster than translucent ones in Qt's raster engine."""
    level = bucket % LEVELS
    positive, negative, background = edge_palette(style)
    base = positive if bucket >= LEVELS else negative
    opacity = (0.07 + 0.93 * ((level + 1) / LEVELS) ** 1.6) * dim
    return QColor(*(int(bg + opacity * (c - bg)) for c, bg in zip(
        (base.red(), base.green(), base.blue()), (background.red(), background.green(), background.blue()))))


@functools.lru_cache(maxsize=256)
def bucket_pen(bucket: int, dim: float = 1.0, wide: bool = False, style: Look = NORMAL) -> QPen:
    """One pixel wide (Qt's fast line path) for big networks; ``wide`` grows with strength (small ones);
    times ``style.line_scale`` (presentation mode's edges are thicker).  Cached: do not modify the pen."""
    width = (1.0 + 4.0 * (bucket % LEVELS) / (LEVELS - 1) if wide else 1.0) * style.line_scale
    pen = QPen(bucket_color(bucket, dim, style), width)
    pen.setCosmetic(True)  # width in device pixels: Qt's fast path for thin lines, whatever the scale
    return pen


def draw_lines(painter: QPainter, coords: np.ndarray) -> None:
    """Draw (n, 4) x1, y1, x2, y2 lines in one call, handing Qt the array's memory as QLineF[n]
    (no QLineF objects), the way pyqtgraph's own PlotCurveItem(connect='pairs') does."""
    coords = np.ascontiguousarray(coords, np.float64)
    if len(coords):
        painter.drawLines(shiboken6.wrapInstance(coords.ctypes.data, QLineF), len(coords))


def draw_bucketed(painter: QPainter, lines: np.ndarray, values: np.ndarray, scale: float, dim: float = 1.0,
                  wide: bool = False) -> None:
    """Lines (n, 4) coloured by ``values`` (n,): faint buckets first, the strongest on top."""
    buckets = edge_buckets(values, scale)
    key = buckets % LEVELS * 2 + (buckets >= LEVELS)
    order = np.argsort(key, kind="stable")
    buckets, key, lines = buckets[order], key[order], lines[order]
    bounds = np.flatnonzero(np.diff(key)) + 1
    style = look()
    for part, b in zip(np.split(lines, bounds), np.split(buckets, bounds)):
        if len(part):
            painter.setPen(bucket_pen(int(b[0]), dim, wide, style))
            draw_lines(painter, part)


def edge_ink(values: np.ndarray, scale: float) -> np.ndarray:
    """values (...) -> complex ink (...): ``min(1, |value| / scale) ** GAMMA`` in the real part for
    positive values, in the imaginary part for negative ones."""
    v = np.asarray(values, np.float64)
    ink = np.minimum(np.abs(v) * (1 / max(scale, 1e-12)), 1.0) ** GAMMA
    return np.where(v >= 0, ink, 1j * ink)


def ink_table(positive: QColor = POSITIVE, negative: QColor = NEGATIVE, background: QColor = BACKGROUND):
    """(INK_STEPS**2,) uint32 ARGB colours, index ``p * INK_STEPS + n`` for positive ink
    ``MAX_INK * (p / (INK_STEPS - 1))**2`` and negative ink likewise (finer steps where ink is faint).

    The opacity grows with the total ink; the hue goes from orange (all negative) through a dim
    neutral (balanced: the edges cancel) to blue (all positive)."""
    ink = MAX_INK * np.linspace(0, 1, INK_STEPS) ** 2
    p, n = ink[:, None, None], ink[None, :, None]
    total = p + n
    alpha = 1.0 - np.exp(-GAIN * total)
    pos, neg, bg = (np.array([c.red(), c.green(), c.blue()], float) for c in (positive, negative, background))
    neutral = bg + NEUTRAL * (0.5 * (pos + neg) - bg)
    share = (p - n) / np.maximum(total, 1e-12)
    hue = np.where(share >= 0, neutral + share * (pos - neutral), neutral - share * (neg - neutral))
    rgb = np.clip(np.round(bg + alpha * (hue - bg)), 0, 255).astype(np.uint32)
    return (0xFF000000 | rgb[..., 0] << 16 | rgb[..., 1] << 8 | rgb[..., 2]).ravel()


class FanRaster:
    """The pixels crossed by every edge from a source line to a column of neurons, ready to be coloured.

    Args:
        source_x: the x of every edge's start.
        source_y: (n_in,) y of the starts, or (n_out, n_in) when they depend on the neuron
            (edges leaving the input image start where they cross its right side).
        targets: (n_out, 2) x, y of the neurons, all with the same x (greater than ``source_x``).
        width, height: the pixel grid (pixel (x, y) covers [x, x+1] x [y, y+1]).
        stop: pixels closer than this to the neurons' x are left out (their circles cover them).

    Attributes:
        box: (x, y, w, h) of the pixels the edges cross, in the grid.
        pixels: (U,) row-major indices into the box of the pixels any edge crosses.
        n_entries: (pixel, neuron) pairs with at least one edge between them.
    """

    def __init__(self, source_x: float, source_y: np.ndarray, targets: np.ndarray, width: int, height: int,
                 stop: float = 1.0):
        targets = np.asarray(targets, float)
        self.n_out = len(targets)
        source_y = np.broadcast_to(np.asarray(source_y, float), (self.n_out, np.shape(source_y)[-1]))
        self.n_in = source_y.shape[1]
        xs, xt = float(source_x), float(targets[0, 0])
        self.order = np.argsort(source_y, axis=1, kind="stable")  # each neuron's edges by their start's y
        starts = np.take_along_axis(source_y, self.order, axis=1)
        x_first = max(0, int(np.floor(xs)))
        x_last = min(width - 1, int(np.ceil(xt - max(stop, 1.0))) - 2)  # every pixel's right side < xt
        X = np.arange(x_first, x_last + 1, dtype=np.float64)
        # the fan of neuron j covers y = yt + (u - yt) * k(x), k = (xt - x) / (xt - xs), u its edges' starts
        k = np.stack([(xt - X) / (xt - xs), (xt - X - 1) / (xt - xs)])
        xs_, ys_, lo, hi, chord = [], [], [], [], []
        for j, (_, yt) in enumerate(targets):
            u = starts[j]
            ends = np.concatenate([yt + (u[0] - yt) * k, yt + (u[-1] - yt) * k])
            y0 = np.clip(np.floor(ends.min(0)), 0, height - 1).astype(np.int64)
            counts = np.clip(np.floor(ends.max(0)), 0, height - 1).astype(np.int64) - y0 + 1
            col = np.repeat(np.arange(len(X)), counts)
            Y = (np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts) + y0[col]).astype(float)
            Xc = X[col]
            # the window: where the rays through the pixel's four corners meet the source line
            corners = [yt + (yc - yt) * (xt - xs) / (xt - xc) for xc in (Xc, Xc + 1) for yc in (Y, Y + 1)]
            a = np.searchsorted(u, np.minimum.reduce(corners), "left")
            b = np.searchsorted(u, np.maximum.reduce(corners), "right")
            keep = b > a
            dx, dy = Xc[keep] + 0.5 - xt, Y[keep] + 0.5 - yt
            xs_.append(Xc[keep].astype(np.int64))
            ys_.append(Y[keep].astype(np.int64))
            lo.append(a[keep] + j * (self.n_in + 1))
            hi.append(b[keep] + j * (self.n_in + 1))
            chord.append(np.hypot(dx, dy) / (np.abs(dx) + np.abs(dy) + 1e-12))  # mean chord of a ray in it
        px, py = np.concatenate(xs_), np.concatenate(ys_)
        if len(px):
            self.box = (int(px.min()), int(py.min()), int(px.max() - px.min() + 1), int(py.max() - py.min() + 1))
        else:
            self.box = (0, 0, 1, 1)
        flat = (py - self.box[1]) * self.box[2] + (px - self.box[0])
        by_pixel = np.argsort(flat, kind="stable")
        self.pixels, slot = np.unique(flat[by_pixel], return_inverse=True)
        self.lo, self.hi = np.concatenate(lo)[by_pixel], np.concatenate(hi)[by_pixel]
        self.slot2 = np.stack([2 * slot, 2 * slot + 1], 1).ravel()  # (positive, negative) of each entry's pixel
        # Each pixel's ink is scaled by the mean chord of its rays (1 along an axis, 0.71 diagonally)
        # and by 1/MAX_INK for the table; one factor per pixel and sign.
        count = np.bincount(slot, minlength=len(self.pixels))
        mean_chord = np.bincount(slot, np.concatenate(chord)[by_pixel], minlength=len(self.pixels)) / count
        self.factor2 = np.repeat(mean_chord / MAX_INK, 2)
        self.n_entries = len(self.lo)

    def colors(self, ink: np.ndarray, table: np.ndarray) -> np.ndarray:
        """ink (n_out, n_in) complex per edge (see ``edge_ink``) -> (U,) uint32 colours of ``pixels``."""
        cs = np.zeros((self.n_out, self.n_in + 1), np.complex128)
        np.cumsum(np.take_along_axis(ink, self.order, axis=1), axis=1, out=cs[:, 1:])
        cs = cs.ravel()
        per_entry = cs[self.hi] - cs[self.lo]
        pixel_ink = np.bincount(self.slot2, per_entry.view(np.float64), minlength=len(self.factor2))
        q = np.sqrt(pixel_ink * self.factor2)  # (positive, negative) per pixel, as table steps
        q = np.minimum(q * (INK_STEPS - 1) + 0.5, INK_STEPS - 1).astype(np.intp)
        return table[q[0::2] * INK_STEPS + q[1::2]]
