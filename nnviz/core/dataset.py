"""The :class:`Dataset` container every loader returns."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Dataset:
    """A train/test split ready for a network.

    Attributes:
        name: short identifier, e.g. "digits", "zhou", "spiral".
        X_train: (n_train, n_in) float32 inputs (pixels in [0, 1] for digits).
        Y_train: (n_train, n_out) float32 targets: one-hot rows for several
            classes, or a single 0/1 column for a binary task with one output.
        X_test, Y_test: the held-out split, same layout.
        labels_train, labels_test: (n,) int64 class indices.
        image_shape: (28, 28) when each input row is an image, else None.
        class_names: one name per class (e.g. "0".."9", or "male", "female").
        description: one sentence for the user.
        input_names: a name per input when they are not pixels, e.g. ("weight - 135 lb", ...).
        task: "classification", or "regression" (targets are numbers: accuracy means nothing, NaN).
        standardisation: for tables, the :class:`~nnviz.core.preprocess.Standardisation` the inputs
            went through (X = (raw - mean) / std), else None.
        table: for tables, how it was read, JSON-able: {"csv": path, "target": column, "test_fraction",
            "seed", "max_rows"} (see :func:`nnviz.core.tables.load_table`), else None.
    """

    name: str
    X_train: np.ndarray
    Y_train: np.ndarray
    X_test: np.ndarray
    Y_test: np.ndarray
    labels_train: np.ndarray
    labels_test: np.ndarray
    image_shape: tuple | None = None
    class_names: tuple = ()
    description: str = ""
    input_names: tuple = ()
    task: str = "classification"
    standardisation: object = None
    table: dict | None = None

    @property
    def n_inputs(self) -> int:
        return int(self.X_train.shape[1])

    @property
    def n_outputs(self) -> int:
        return int(self.Y_train.shape[1])

    def __repr__(self) -> str:
        return (f"Dataset({self.name!r}, train={len(self.X_train)}, test={len(self.X_test)}, "
                f"inputs={self.n_inputs}, outputs={self.n_outputs})")
