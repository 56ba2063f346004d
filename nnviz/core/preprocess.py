"""Turn a drawing into what an MNIST network expects.

MNIST's convention (LeCun et al.): the digit's bounding box is scaled to fit
a 20x20 box keeping its aspect ratio, anti-aliased to grey levels, and placed
in a 28x28 field so that its centre of mass sits at the centre.
"""
from __future__ import annotations

import numpy as np

from .errors import ConfigError

FIELD = 28
BOX = 20
#: Pixels at or below this are background when finding the bounding box.
INK_THRESHOLD = 0.02


def resample_matrix(n_out: int, n_in: int) -> np.ndarray:
    """(n_out, n_in) rows of a tent filter that resamples n_in pixels to n_out.

    The filter is as wide as one output pixel when shrinking (anti-aliasing)
    and one input pixel when enlarging (bilinear interpolation); rows sum to 1.
    """
    scale = n_in / n_out
    centres = (np.arange(n_out) + 0.5) * scale - 0.5
    width = max(1.0, scale)
    R = np.maximum(0.0, 1.0 - np.abs(centres[:, None] - np.arange(n_in)[None, :]) / width)
    return R / R.sum(axis=1, keepdims=True)


def resize(image: np.ndarray, rows: int, cols: int) -> np.ndarray:
    """(H, W) -> (rows, cols), anti-aliased."""
    H, W = image.shape
    return resample_matrix(rows, H) @ image @ resample_matrix(cols, W).T


def preprocess_drawing(image) -> np.ndarray:
    """A greyscale drawing (H, W), ink bright on dark, values in [0, 1] (uint8 is
    scaled by 1/255) -> (28, 28) float32 in [0, 1], in MNIST's layout.

    The brightest pixel of the result is 1 (thin strokes shrunk from a large
    canvas would otherwise come out fainter than MNIST's).  An empty drawing
    gives zeros.
    """
    image = np.asarray(image)
    if image.ndim != 2 or min(image.shape) < 1:
        raise ConfigError(f"a drawing must be a 2-D greyscale image, got shape {image.shape}")
    image = image.astype(np.float32) / 255.0 if image.dtype == np.uint8 else image.astype(np.float32)
    image = np.nan_to_num(image, nan=0.0, posinf=1.0, neginf=0.0).clip(0.0, 1.0)
    out = np.zeros((FIELD, FIELD), np.float32)
    rows = np.flatnonzero((image > INK_THRESHOLD).any(axis=1))
    if rows.size == 0:
        return out
    cols = np.flatnonzero((image > INK_THRESHOLD).any(axis=0))
    crop = image[rows[0]:rows[-1] + 1, cols[0]:cols[-1] + 1]
    h, w = crop.shape
    scale = BOX / max(h, w)
    rh, rw = max(1, round(h * scale)), max(1, round(w * scale))
    small = resize(crop, rh, rw)
    small *= 1.0 / small.max()
    mass = small.sum()
    com_r = (small.sum(axis=1) @ np.arange(rh)) / mass
    com_c = (small.sum(axis=0) @ np.arange(rw)) / mass
    centre = (FIELD - 1) / 2
    r0 = int(np.clip(round(centre - com_r), 0, FIELD - rh))
    c0 = int(np.clip(round(centre - com_c), 0, FIELD - rw))
    out[r0:r0 + rh, c0:c0 + rw] = small
    return out
