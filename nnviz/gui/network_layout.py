"""Where the network diagram puts things: pure geometry, no drawing.

Layer 0 is the input: a square image drawn as the image itself (one edge
start per pixel), or a column of nodes.  Every other layer is a column of
neurons.  A layer wider than ``max_shown`` shows a window of ``max_shown``
consecutive neurons (the first ones, unless scrolled) and says what is hidden.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .language import translate

MAX_SHOWN = 40
MAX_INPUT_NODES = 64  # a non-image input wider than this is compressed like a hidden layer
MARGIN = 28  # left and right
TOP = 50  # room for the captions above the columns
BOTTOM = 36  # room for the legend


@dataclass
class Layout:
    """Positions in widget pixels.

    Attributes:
        centers: per layer, (shown_l, 2) x, y of each shown neuron (layer 0: of each input pixel or node).
        shown: per layer, the number of neurons drawn.
        first: per layer, the index of the first neuron drawn (shown neurons are first .. first+shown-1).
        sizes: per layer, the real number of neurons.
        radius: per layer, the circle radius (0 for image pixels).
        image_rect: (x, y, side) of the input image, or None.
    """

    centers: list
    shown: list
    sizes: list
    radius: list
    image_rect: tuple | None
    first: list = field(default_factory=list)

    def hidden_text(self) -> str:
        """'showing 40 of 256 neurons in layer 1' for every compressed layer, or ''."""
        parts = []
        for l, (s, n) in enumerate(zip(self.shown, self.sizes)):
            if s < n:
                where = translate("NetworkLayout", "the input") if l == 0 else \
                    translate("NetworkLayout", "layer {layer}").format(layer=l)
                part = translate("NetworkLayout", "{shown} of {total} neurons in {where}").format(
                    shown=s, total=n, where=where)
                if self.first[l]:
                    part += f" (#{self.first[l]}-{self.first[l] + s - 1})"
                parts.append(part)
        if not parts:
            return ""
        between = translate("NetworkLayout", "; ", "between the layers of 'showing ...'")
        return translate("NetworkLayout", "showing {parts}").format(parts=between.join(parts))

    def neuron_at(self, x: float, y: float, slack: float = 3.0):
        """(layer, shown index) of the neuron (not image pixel) under (x, y), or None."""
        best = None
        for l, c in enumerate(self.centers):
            if (l == 0 and self.image_rect is not None) or not len(c):
                continue
            d = np.hypot(c[:, 0] - x, c[:, 1] - y)
            j = int(np.argmin(d))
            if d[j] <= self.radius[l] + slack and (best is None or d[j] < best[2]):
                best = (l, j, d[j])
        return None if best is None else best[:2]

    def column_at(self, x: float) -> int | None:
        """The layer whose column is nearest to x (within its radius + 12 pixels), or None."""
        for l, c in enumerate(self.centers):
            if (l > 0 or self.image_rect is None) and len(c) and abs(c[0, 0] - x) <= self.radius[l] + 12:
                return l
        return None

    def pixel_at(self, x: float, y: float):
        """Input pixel index under (x, y) when the input is an image, else None."""
        if self.image_rect is None:
            return None
        x0, y0, side = self.image_rect
        n = int(round(np.sqrt(self.sizes[0])))
        c, r = int(np.floor((x - x0) / side * n)), int(np.floor((y - y0) / side * n))
        return r * n + c if 0 <= r < n and 0 <= c < n else None


def compute_layout(sizes, width: float, height: float, image_side: int | None = None,
                   max_shown: int = MAX_SHOWN, label_space: float | None = None, left: float = 0.0,
                   max_radius: float = 16.0, first=None, input_space: float = 100.0) -> Layout:
    """Place ``sizes`` (input first) in a width x height area.

    ``image_side`` (28 for MNIST) draws the input as a square image of that many pixels a side;
    ``left`` pixels are kept free on the left (for the Playground's map), ``input_space`` for the
    names of input nodes and ``label_space`` on the right for the output labels; ``first`` gives, per
    layer, the first neuron of a compressed layer's window (scrolling).
    """
    n_layers = len(sizes)
    if label_space is None:  # room for the output labels ("8  100%", "p(female) = 0.83")
        label_space = 84.0 if image_side else 170.0
    usable_w = max(50.0, width - left - 2 * MARGIN - label_space)
    usable_h = max(50.0, height - TOP - BOTTOM)
    centers, shown, radius, firsts = [], [], [], []
    image_rect = None
    if image_side:
        side = min(usable_h, usable_w * 0.26)
        x0, y0 = MARGIN, TOP + (usable_h - side) / 2
        image_rect = (x0, y0, side)
        step = side / image_side
        r, c = np.divmod(np.arange(image_side * image_side), image_side)
        centers.append(np.stack([x0 + (c + 0.5) * step, y0 + (r + 0.5) * step], 1))
        shown.append(image_side * image_side)
        radius.append(0.0)
        firsts.append(0)
        first_x = x0 + side + usable_w * 0.2
    else:
        first_x = left + MARGIN + input_space
    columns = n_layers - (1 if image_side else 0)
    right_x = left + MARGIN + usable_w
    xs = np.linspace(first_x, right_x, columns) if columns > 1 else np.array([right_x])
    for i, n in enumerate(sizes[1:] if image_side else sizes):
        l = i + (1 if image_side else 0)
        limit = MAX_INPUT_NODES if l == 0 else max_shown
        k = min(n, limit)
        start = int(np.clip(first[l] if first is not None and l < len(first) else 0, 0, n - k))
        gap = usable_h / max(k, 1)
        r = float(np.clip(gap * 0.38, 2.5, max_radius))
        total = gap * (k - 1)
        ys = TOP + usable_h / 2 - total / 2 + gap * np.arange(k)
        centers.append(np.stack([np.full(k, xs[i]), ys], 1))
        shown.append(k)
        radius.append(r)
        firsts.append(start)
    return Layout(centers=centers, shown=shown, sizes=list(sizes), radius=radius, image_rect=image_rect,
                  first=firsts)
