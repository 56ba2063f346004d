"""Read a picture of a digit (PNG, JPG, BMP...) with Qt, ready for ``preprocess_drawing``.

Works without a QApplication (the CLI's ``nnviz predict`` uses it).
"""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage, QImageReader

from nnviz.core.errors import DataFileError
from nnviz.core.paths import readable_file

from .language import translate

#: Pictures larger than this (read from the file's header, before decoding) are refused.
MAX_SIDE = 10_000
MAX_PIXELS = 25_000_000
#: Larger pictures are decoded scaled down to this many pixels on their longer side (a digit is
#: cropped and shrunk to 20x20 anyway; a 24-megapixel photo would otherwise take ~1.5 GB).
READ_SIDE = 1024


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
    drawn in a paint program) is inverted.  A picture over :data:`READ_SIDE` pixels on a side is
    read scaled down to it.  Raises DataFileError naming the file when it is missing, a folder, not
    readable, not an image, empty, or larger than :data:`MAX_PIXELS` / :data:`MAX_SIDE` (checked
    from the file's header, before decoding).
    """
    path = readable_file(path, DataFileError, "picture")
    reader = QImageReader(str(path))
    size = reader.size()
    if size.isValid():
        w, h = size.width(), size.height()
        if max(w, h) > MAX_SIDE or w * h > MAX_PIXELS:
            raise DataFileError(translate(
                "ImageFiles", "{path}: the image is {w}x{h} pixels, too large: nnviz reads pictures of at most "
                "{millions} million pixels and {side} on a side (a digit needs a few hundred: scale it down)").format(
                path=path, w=f"{w:,}", h=f"{h:,}", millions=MAX_PIXELS // 1_000_000, side=f"{MAX_SIDE:,}"))
        if max(w, h) > READ_SIDE:
            scale = READ_SIDE / max(w, h)
            reader.setScaledSize(QSize(max(1, round(w * scale)), max(1, round(h * scale))))
    image = reader.read()
    if image.isNull():
        raise DataFileError(translate("ImageFiles", "{path}: not a readable image ({reason})").format(
            path=path, reason=reader.errorString().lower()))
    if image.width() == 0 or image.height() == 0:
        raise DataFileError(translate("ImageFiles", "{path}: the image is empty").format(path=path))
    grey = qimage_to_grey(image)
    if grey.mean() > 0.5:
        grey = 1.0 - grey
    return grey
