"""TensorFlow Playground's view of 2-input networks: every neuron's output over the input plane.

For a network with two inputs, each neuron's activation is computed over a
grid covering the data; the diagram draws it as a small heat map in place of
the neuron's circle (orange negative, blue positive, as in the Playground),
and a large map of the network's answer lies behind the data points.
"""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen

RESOLUTION = 40  # grid points a side
ORANGE = np.array([245, 147, 34], float)
BLUE = np.array([8, 119, 189], float)
WHITE = np.array([232, 234, 237], float)
#: Colours of classes 2, 3...: (class 0 is orange, class 1 blue, as in the Playground).
MORE_CLASSES = ((46, 160, 67), (148, 87, 200), (214, 39, 40), (140, 86, 75), (227, 119, 194), (127, 127, 127))


def class_rgb(c: int) -> tuple:
    """The (r, g, b) of class ``c``'s points."""
    if c < 2:
        return tuple(int(v) for v in (ORANGE if c == 0 else BLUE))
    return MORE_CLASSES[(c - 2) % len(MORE_CLASSES)]


def extent_of(X: np.ndarray) -> tuple:
    """(x0, x1, y0, y1) around the points X (n, 2), with a margin."""
    lo, hi = X.min(axis=0), X.max(axis=0)
    pad = 0.1 * np.maximum(hi - lo, 1e-6)
    return float(lo[0] - pad[0]), float(hi[0] + pad[0]), float(lo[1] - pad[1]), float(hi[1] + pad[1])


def grid_points(extent, n: int = RESOLUTION) -> np.ndarray:
    """(n*n, 2) points, row-major, rows from the top (high y) down."""
    x0, x1, y0, y1 = extent
    xs, ys = np.linspace(x0, x1, n), np.linspace(y1, y0, n)
    gx, gy = np.meshgrid(xs, ys)
    return np.stack([gx.ravel(), gy.ravel()], 1)


def diverging_image(values: np.ndarray) -> QImage:
    """(n, n) values in [-1, 1] -> an RGB image: orange (-1) through white (0) to blue (+1)."""
    v = np.clip(np.nan_to_num(values), -1, 1)[..., None]
    rgb = np.where(v < 0, WHITE + (ORANGE - WHITE) * -v, WHITE + (BLUE - WHITE) * v)
    rgb = np.ascontiguousarray(rgb.astype(np.uint8))
    h, w = values.shape
    return QImage(rgb.data, w, h, 3 * w, QImage.Format_RGB888).copy()


def neuron_maps(net, extent, centred_outputs: bool = True) -> list:
    """Per layer (input first), per neuron, an (n, n) map in [-1, 1] of its activation over the plane.

    Hidden activations are scaled by the layer's largest magnitude (sigmoid's 0..1 first mapped to
    -1..1); probabilities p (sigmoid or softmax outputs) become 2p - 1: 0 where the network is undecided.
    """
    points = grid_points(extent)
    with np.errstate(all="ignore"):
        net.forward(points)
    maps = []
    last = len(net.activations) - 1
    for l, a in enumerate(net.activations):
        a = np.asarray(a, float)
        if (l == last and net.output in ("sigmoid", "softmax")) or (0 < l < last and net.activation.name == "sigmoid"):
            v = 2 * a - 1
        else:
            v = a / max(1e-9, float(np.nanmax(np.abs(a))))
        if l == last and net.output == "softmax" and a.shape[1] == 2:
            v[:, 0] = -v[:, 0]  # each output in its own class's colour: orange for class 0, blue for 1
        maps.append([v[:, j].reshape(RESOLUTION, RESOLUTION) for j in range(a.shape[1])])
    return maps


def answer_map(net, extent) -> np.ndarray:
    """(n, n) in [-1, 1]: blue where the network says class 1, orange where class 0, pale where unsure."""
    points = grid_points(extent)
    with np.errstate(all="ignore"):
        P = np.asarray(net.forward(points), float)
    p1 = P[:, 0] if P.shape[1] == 1 else P[:, 1]
    return (2 * p1 - 1).reshape(RESOLUTION, RESOLUTION)


def paint_map(painter: QPainter, rect: QRectF, values: np.ndarray, extent, X=None, labels=None,
              X_test=None, labels_test=None) -> None:
    """The answer map in ``rect`` with the training points (filled) and test points (hollow) on top."""
    painter.setRenderHint(QPainter.SmoothPixmapTransform)
    painter.drawImage(rect, diverging_image(values))
    x0, x1, y0, y1 = extent

    def to_rect(P):
        return (rect.left() + (P[:, 0] - x0) / (x1 - x0) * rect.width(),
                rect.top() + (y1 - P[:, 1]) / (y1 - y0) * rect.height())

    painter.setRenderHint(QPainter.Antialiasing)
    for points, classes, hollow in ((X, labels, False), (X_test, labels_test, True)):
        if points is None:
            continue
        px, py = to_rect(np.asarray(points, float))
        for x, y, c in zip(px, py, classes):
            color = QColor(*class_rgb(int(c)))
            painter.setPen(QPen(color if hollow else QColor(255, 255, 255), 1.2))
            painter.setBrush(Qt.NoBrush if hollow else color)
            painter.drawEllipse(QPointF(x, y), 3.2, 3.2)
    painter.setPen(QPen(QColor(90, 96, 110), 1))
    painter.setBrush(Qt.NoBrush)
    painter.drawRect(rect)
