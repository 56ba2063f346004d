"""What the network sees: the 28x28 input, drawn large with visible pixels (the drawing pad and the
sample browser both show one)."""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QLabel

from .language import translate


class InputView(QLabel):
    """The 28x28 input, drawn large with visible pixels: what the network actually sees."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("networkInputView")
        self.setFixedSize(112, 112)
        self.setToolTip(translate("InputView", "What the network sees: a test digit as it is, or your drawing "
                                  "shrunk to 28x28 pixels, its centre of mass centred, as the MNIST digits were "
                                  "prepared"))
        self.set_image(np.zeros((28, 28), np.float32))

    def set_image(self, image: np.ndarray) -> None:
        """Show ``image`` (28, 28) in [0, 1]; ``self.image`` keeps a copy of what is shown."""
        self.image = np.array(image, np.float32).reshape(28, 28)
        grey = np.ascontiguousarray((np.clip(image, 0, 1) * 255).astype(np.uint8))
        qimage = QImage(grey.data, 28, 28, 28, QImage.Format_Grayscale8).copy()
        self.setPixmap(QPixmap.fromImage(qimage).scaled(112, 112, Qt.IgnoreAspectRatio, Qt.FastTransformation))
