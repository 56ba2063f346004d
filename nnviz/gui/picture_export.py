"""Pictures of the window or of one pane, as PNG (or another image format Qt writes) or SVG.

A pane in a tab behind another (or closed) is brought forward and laid out first, so the picture
is the pane at its real size with its latest drawing.  In SVG, lines drawn with a cosmetic pen (a
width in screen pixels: pyqtgraph's curves and contour lines) inside a scaled group are written in
the page's coordinates: Qt writes them as a group scaled from the data's units with
``vector-effect="non-scaling-stroke"``, which many SVG programs ignore, drawing 1-px contour lines
as bands many pixels wide.  Files are written atomically (nothing half-written).
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QPoint
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QApplication, QDockWidget, QWidget

from nnviz.core.errors import QT_TRANSLATE_NOOP, NNVizError
from nnviz.core.serialization import atomic_write

from .throttled import ThrottledRedraw

SVG = "http://www.w3.org/2000/svg"
_MATRIX = re.compile(r"^\s*matrix\(([^)]*)\)\s*$")
_PATH_TOKEN = re.compile(r"[A-Za-z]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
ET.register_namespace("", SVG)
ET.register_namespace("xlink", "http://www.w3.org/1999/xlink")


#: The title an exported SVG carries: the product's name, the same in every language.
SVG_TITLE = "nnviz"


class PictureError(NNVizError):
    """A picture that could not be written (the message names the file and says why)."""


def bring_forward(widget: QWidget) -> None:
    """Raise the dock holding ``widget`` (showing it if it was closed), lay it out at its real size
    and draw the redraws its panes have pending."""
    dock = widget if isinstance(widget, QDockWidget) else None
    parent = widget.parentWidget()
    while dock is None and parent is not None:
        dock = parent if isinstance(parent, QDockWidget) else None
        parent = parent.parentWidget()
    if dock is not None:
        if dock.isHidden():
            dock.show()
        dock.raise_()
    for _ in range(3):  # a raised tab gets its size when its layouts run: they post their requests
        QApplication.sendPostedEvents(None, QEvent.LayoutRequest)
        QApplication.processEvents()
    panes = [w for w in [widget, *widget.findChildren(QWidget)] if isinstance(w, ThrottledRedraw)]
    for pane in panes:
        pane.flush()  # a pane behind a tab drew nothing: its picture now
    QApplication.sendPostedEvents(None, QEvent.LayoutRequest)


def png_bytes(widget: QWidget, fmt: str = "PNG") -> bytes:
    """The widget as it is on screen, encoded as ``fmt`` (PNG, JPG, BMP...)."""
    buffer = QBuffer()
    buffer.open(QIODevice.WriteOnly)
    if not widget.grab().save(buffer, fmt):
        raise PictureError(QT_TRANSLATE_NOOP("Errors", "Qt cannot write {format} pictures"), format=fmt)
    return bytes(buffer.data())


def svg_bytes(widget: QWidget) -> bytes:
    """The widget drawn as SVG, cosmetic lines in page coordinates (see :func:`flatten_cosmetic_lines`)."""
    from PySide6.QtSvg import QSvgGenerator

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(widget.size())
    generator.setViewBox(widget.rect())
    generator.setTitle(SVG_TITLE)
    painter = QPainter(generator)
    try:
        widget.render(painter, QPoint())
    finally:
        painter.end()
    return flatten_cosmetic_lines(bytes(data))


def _transformed_path(d: str, m: tuple) -> str | None:
    """Path data of absolute M/L/C/Z commands with every point mapped by the affine matrix
    ``m`` = (a, b, c, d, e, f); None for any other command (left as it is)."""
    a, b, c, dd, e, f = m
    out, numbers = [], []
    for token in _PATH_TOKEN.findall(d):
        if token.isalpha():
            if token not in "MLCZ":
                return None
            if len(numbers) % 2:
                return None
            out.append(token)
        else:
            numbers.append(float(token))
            if len(numbers) == 2:
                x, y = numbers
                out.append(f"{a * x + c * y + e:.6g},{b * x + dd * y + f:.6g}")
                numbers = []
    return None if numbers else " ".join(out)


def flatten_cosmetic_lines(svg: bytes) -> bytes:
    """Qt's SVG with every group that is scaled and holds only cosmetic paths (``vector-effect=
    "non-scaling-stroke"``) rewritten with its paths' points in page coordinates and no transform:
    the same picture, with lines as wide as their pen in any SVG program."""
    root = ET.fromstring(svg)
    changed = False
    for group in root.iter(f"{{{SVG}}}g"):
        match = _MATRIX.match(group.get("transform", ""))
        children = list(group)
        if match is None or not children or any(
                child.tag != f"{{{SVG}}}path" or child.get("vector-effect") != "non-scaling-stroke"
                for child in children):
            continue
        m = tuple(float(v) for v in re.split(r"[\s,]+", match.group(1).strip()))
        paths = [_transformed_path(child.get("d", ""), m) for child in children]
        if len(m) != 6 or any(p is None for p in paths):
            continue
        for child, d in zip(children, paths):
            child.set("d", d)
        del group.attrib["transform"]
        changed = True
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) if changed else svg


def export_picture(widget: QWidget, path) -> Path:
    """Write ``widget`` to ``path``: SVG for ``.svg``, PNG when there is no extension, else the image
    format of the extension.  Returns the path written; raises PictureError saying why not."""
    path = Path(path)
    if not path.suffix:
        path = path.with_suffix(".png")
    bring_forward(widget)
    if path.suffix.lower() == ".svg":
        data = svg_bytes(widget)
    else:
        data = png_bytes(widget, path.suffix[1:].upper())
    atomic_write(path, lambda fh: fh.write(data), error=PictureError)
    return path
