"""Loss functions L(P, Y) averaged over the batch, and dL/dz at the output.

P and Y are (batch, n_out).  ``mse`` is the mean of squared errors over all
outputs and samples (torch's ``MSELoss``); ``cross_entropy`` is the mean over
samples of ``-sum_k y_k log p_k`` for softmax outputs, and binary
cross-entropy ``-[y log p + (1 - y) log(1 - p)]`` for sigmoid outputs.
"""
from __future__ import annotations

import numpy as np

from .activations import ACTIVATIONS
from .errors import QT_TRANSLATE_NOOP, ConfigError

LOSSES = ("mse", "cross_entropy")
#: The output activation each loss gets unless told otherwise.
DEFAULT_OUTPUT = {"mse": "sigmoid", "cross_entropy": "softmax"}


def check(loss: str, output: str) -> None:
    """Refuse loss/output pairs that make no sense."""
    if loss not in LOSSES:
        raise ConfigError(QT_TRANSLATE_NOOP("Errors", "unknown loss {name}; choose one of {names}"), name=repr(loss),
                          names=", ".join(LOSSES))
    if output not in ("linear", "sigmoid", "softmax"):
        raise ConfigError(QT_TRANSLATE_NOOP("Errors", "unknown output activation {name}; choose linear, sigmoid or "
                                            "softmax"), name=repr(output))
    if loss == "cross_entropy" and output == "linear":
        raise ConfigError(QT_TRANSLATE_NOOP("Errors", "cross-entropy needs probabilities: use a softmax or sigmoid "
                                            "output, or the mse loss"))


def value(loss: str, output: str, P: np.ndarray, Y: np.ndarray) -> float:
    """Mean loss over the batch.  P, Y: (batch, n_out)."""
    if loss == "mse":
        d = (P - Y).ravel()
        return float(np.dot(d, d)) / d.size
    tiny = np.finfo(P.dtype).tiny
    if output == "softmax":
        return -float(np.vdot(Y, np.log(np.maximum(P, tiny)))) / len(P)
    return float(-np.sum(Y * np.log(np.maximum(P, tiny)) + (1 - Y) * np.log(np.maximum(1 - P, tiny))) / len(P))


def output_delta(loss: str, output: str, z: np.ndarray, P: np.ndarray, Y: np.ndarray) -> np.ndarray:
    """dL/dz for the output layer, (batch, n_out), with the batch mean folded in."""
    batch = len(P)
    if loss == "cross_entropy":
        # softmax + cross-entropy and sigmoid + binary cross-entropy both give P - Y.
        return (P - Y) * (1.0 / batch)
    dP = (P - Y) * (2.0 / P.size)  # d mean((P - Y)^2) / dP
    if output == "softmax":  # dL/dz_j = p_j (g_j - sum_k g_k p_k)
        return P * (dP - np.sum(dP * P, axis=1, keepdims=True))
    return dP * ACTIVATIONS[output].derivative(z, P)
