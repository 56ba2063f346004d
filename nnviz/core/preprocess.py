"""Turn a drawing into what an MNIST network expects.

MNIST's convention (LeCun et al.): the digit's bounding box is scaled to fit
a 20x20 box keeping its aspect ratio, anti-aliased to grey levels, and placed
in a 28x28 field so that its centre of mass sits at the centre.

Tables (:mod:`nnviz.core.tables`) are preprocessed by :class:`Standardisation`.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .errors import QT_TRANSLATE_NOOP, ConfigError

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
        raise ConfigError(QT_TRANSLATE_NOOP("Errors", "a drawing must be a 2-D greyscale image, got shape {shape}"),
                          shape=image.shape)
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


@dataclass(frozen=True)
class Standardisation:
    """Inputs shifted and scaled to mean 0 and deviation 1, with the training split's figures.

    Attributes:
        mean, std: (n_in,) float64, measured on the training split (a constant column has std 1,
            so it becomes all zeros rather than NaN).

    Saved with a model (:meth:`to_json`) so that predictions scale new rows exactly as training did.
    """

    mean: np.ndarray
    std: np.ndarray

    @classmethod
    def fit(cls, X: np.ndarray) -> "Standardisation":
        """The mean and deviation of each column of X (n, n_in)."""
        X = np.asarray(X, np.float64)
        std = X.std(axis=0)
        return cls(X.mean(axis=0), np.where(std > 0, std, 1.0))

    def apply(self, X: np.ndarray) -> np.ndarray:
        """(n, n_in) raw inputs -> (n, n_in) float32 standardised inputs."""
        return ((np.asarray(X, np.float64) - self.mean) / self.std).astype(np.float32)

    def invert(self, X: np.ndarray) -> np.ndarray:
        """(n, n_in) standardised inputs -> (n, n_in) float64 in the table's own units."""
        return np.asarray(X, np.float64) * self.std + self.mean

    def to_json(self) -> dict:
        return {"mean": [float(v) for v in self.mean], "std": [float(v) for v in self.std]}

    @classmethod
    def from_json(cls, value) -> "Standardisation":
        """The inverse of :meth:`to_json`; raises ConfigError on anything else."""
        try:
            mean, std = (np.array(value[k], np.float64) for k in ("mean", "std"))
        except (TypeError, KeyError, ValueError):
            raise ConfigError(QT_TRANSLATE_NOOP("Errors", "the saved standardisation is not two lists of numbers "
                                                          "(mean, std)")) from None
        if mean.ndim != 1 or mean.shape != std.shape or not np.isfinite(mean).all() \
                or not (np.isfinite(std).all() and (std > 0).all()):
            raise ConfigError(QT_TRANSLATE_NOOP("Errors", "the saved standardisation is malformed (mean and std of "
                                                          "different lengths, or a deviation that is not a positive "
                                                          "number)"))
        return cls(mean, std)
