"""Random distortions of digit images, so a model learns digits as people draw them.

Used by ``nnviz train --augment`` through the Trainer's ``augment`` hook.
"""
from __future__ import annotations

import numpy as np

SIDE = 28
MAX_SHIFT = 2.5  # pixels
MAX_ROTATION = np.radians(15)
SCALE = (0.85, 1.15)
STROKE = (-0.5, 0.8)  # < 0 thins the strokes, > 0 thickens them

_grid_r, _grid_c = np.mgrid[0:SIDE, 0:SIDE].astype(np.float32) - (SIDE - 1) / 2


def _neighbours(images: np.ndarray) -> np.ndarray:
    """(n, 28, 28) -> (4, n, 28, 28): each pixel's up, down, left and right neighbour (0 outside)."""
    p = np.pad(images, ((0, 0), (1, 1), (1, 1)))
    return np.stack([p[:, :-2, 1:-1], p[:, 2:, 1:-1], p[:, 1:-1, :-2], p[:, 1:-1, 2:]])


def augment_digits(X: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """(n, 784) images in [0, 1] -> (n, 784) new float32 images, each randomly
    shifted, rotated, scaled and with its strokes thickened or thinned."""
    n = len(X)
    images = X.reshape(n, SIDE, SIDE).astype(np.float32, copy=False)
    angle = rng.uniform(-MAX_ROTATION, MAX_ROTATION, n).astype(np.float32)
    scale = rng.uniform(*SCALE, n).astype(np.float32)
    shift = rng.uniform(-MAX_SHIFT, MAX_SHIFT, (2, n)).astype(np.float32)
    cos, sin = np.cos(angle)[:, None, None] / scale[:, None, None], np.sin(angle)[:, None, None] / scale[:, None, None]
    # Inverse map: for each output pixel, where to sample the input.
    src_r = cos * _grid_r - sin * _grid_c - shift[0][:, None, None] + (SIDE - 1) / 2
    src_c = sin * _grid_r + cos * _grid_c - shift[1][:, None, None] + (SIDE - 1) / 2
    r0, c0 = np.floor(src_r), np.floor(src_c)
    fr, fc = src_r - r0, src_c - c0
    padded = np.pad(images, ((0, 0), (1, 2), (1, 2))).reshape(-1)
    side = SIDE + 3
    flat = (np.arange(n)[:, None, None] * side * side
            + np.clip(r0.astype(np.int64) + 1, 0, SIDE + 1) * side + np.clip(c0.astype(np.int64) + 1, 0, SIDE + 1))
    out = ((1 - fr) * ((1 - fc) * padded[flat] + fc * padded[flat + 1])
           + fr * ((1 - fc) * padded[flat + side] + fc * padded[flat + side + 1]))
    t = rng.uniform(*STROKE, n).astype(np.float32)[:, None, None]
    near = _neighbours(out)
    thick, thin = np.maximum(out, near.max(axis=0)), np.minimum(out, near.min(axis=0))
    out = np.where(t > 0, out + t * (thick - out), out - t * (thin - out))
    return out.reshape(n, -1).clip(0.0, 1.0)
