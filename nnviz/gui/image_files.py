"""Read a picture of a digit (PNG, JPG, BMP...) with Qt, ready for ``preprocess_drawing``.

Works without a QApplication (the CLI's ``nnviz predict`` uses it).
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtGui import QImage, QImageReader

from nnviz.core.errors import DataFileError

MAX_SIDE = 10_000


def qimage_to_grey(image: QImage) -> np.ndarray:
    """A QImage -> (H, W) float32 in [0, 1], luminance, transparent pixels as white paper."""
    rgba = image.convertToFormat(QImage.Format_RGBA8888)
    h, w = rgba.height(), rgba.width()
    raw = np.frombuffer(rgba.constBits(), np.uint8, count=rgba.sizeInBytes()).reshape(h, rgba.bytesPerLine())
    px = raw[:, :w * 4].reshape(h, w, 4).astype(np.float32) / 255.0
    grey = px[..., :3] @ np.array([0.299, 0.587, 0.114], np.float32)
    alpha = px[..., 3]
    return grey * alpha + (1.0 - alpha)  # composite over white


def load_image(path) -> np.ndarray:
    """Read ``path`` -> (H, W) float32 in [0, 1] with the ink bright on a dark background.

    A picture that is mostly light (dark ink on paper, as photographed or
    drawn in a paint program) is inverted.  Raises DataFileError naming the
    file when it is missing, not an image, empty or absurdly large.
    """
    path = Path(path)
    if not path.is_file():
        raise DataFileError(f"{path}: no such file")
    reader = QImageReader(str(path))
    size = reader.size()
    if size.isValid() and max(size.width(), size.height()) > MAX_SIDE:
        raise DataFileError(f"{path}: the image is {size.width()}x{size.height()} pixels; "
                            f"at most {MAX_SIDE:,} on a side")
    image = reader.read()
    if image.isNull():
        raise DataFileError(f"{path}: not a readable image ({reader.errorString().lower()})")
    if image.width() == 0 or image.height() == 0:
        raise DataFileError(f"{path}: the image is empty")
    grey = qimage_to_grey(image)
    if grey.mean() > 0.5:
        grey = 1.0 - grey
    return grey
