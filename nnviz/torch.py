"""Notebook helper: a PyTorch ``nn.Sequential`` of dense layers as an nnviz :class:`Network`.

>>> from nnviz.torch import from_module
>>> net = from_module(torch.nn.Sequential(torch.nn.Linear(784, 32), torch.nn.ReLU(), torch.nn.Linear(32, 10)))

PyTorch is never a dependency of nnviz: it is imported when :func:`from_module` runs.  Read:
``Linear`` (weights (n_out, n_in), as nnviz keeps them), ``ReLU``, ``Sigmoid``, ``Tanh``,
``LeakyReLU`` (slope 0.01), ``Softmax`` (last dimension), ``Flatten`` (of each sample),
``Identity``, ``Dropout`` (nothing at inference; nnviz trains without it) and nested
``Sequential``.  A linear output of several classes (logits, as ``CrossEntropyLoss`` trains them)
becomes a softmax output, whose answers are the same.  Anything else raises ConfigError naming the
module.  Files saved with ``torch.save`` are never loaded (they are pickles that can run code):
export to ONNX and open that (see :mod:`nnviz.core.onnx_import`).
"""
from __future__ import annotations

import numpy as np

from nnviz.core.errors import QT_TRANSLATE_NOOP, ConfigError
from nnviz.core.mlp_import import LayerChain
from nnviz.core.network import Network

ACTIVATIONS = {"ReLU": "relu", "Sigmoid": "sigmoid", "Tanh": "tanh", "LeakyReLU": "leaky_relu", "Softmax": "softmax"}


def _leaves(module, nn, prefix: str = ""):
    """(name, module) of ``module``'s layers in the order an ``nn.Sequential`` runs them."""
    if isinstance(module, nn.Sequential):
        for name, child in module.named_children():
            yield from _leaves(child, nn, f"{prefix}{name}.")
    else:
        yield f"module {prefix.rstrip('.')}" if prefix else "the module", module


def _array(tensor) -> np.ndarray:
    return tensor.detach().cpu().double().numpy()


def from_module(model) -> Network:
    """The network ``model`` (an ``nn.Sequential``, or one ``nn.Linear``) computes, as a float32
    Network with its weights.  Raises ConfigError naming what cannot be read."""
    try:
        from torch import nn
    except ImportError:
        raise ConfigError(QT_TRANSLATE_NOOP("Errors", "nnviz.torch.from_module needs PyTorch: pip install torch")) from None
    if not isinstance(model, (nn.Sequential, nn.Linear)):
        raise ConfigError(QT_TRANSLATE_NOOP("Errors", "from_module reads an nn.Sequential, not a {kind} (whose layers "
                                                      "may run in any order); export it with torch.onnx.export and "
                                                      "open the .onnx file"), kind=type(model).__name__)
    chain = LayerChain(f"this {type(model).__name__}", ConfigError)
    for name, layer in _leaves(model, nn):
        kind = type(layer).__name__
        activation = next((a for a in ACTIVATIONS if isinstance(layer, getattr(nn, a))), None)
        if isinstance(layer, nn.Linear):
            chain.dense(_array(layer.weight), None if layer.bias is None else _array(layer.bias))
        elif activation is not None:
            if activation == "Softmax" and layer.dim not in (None, 1, -1):
                raise chain.refuse(QT_TRANSLATE_NOOP("Errors", "{name} (Softmax over dim {dim}): nnviz's softmax is "
                                                               "over the outputs"), name=name, dim=layer.dim)
            chain.activation(ACTIVATIONS[activation], f"{name} ({kind})",
                             layer.negative_slope if activation == "LeakyReLU" else None)
        elif isinstance(layer, nn.Flatten):
            if layer.start_dim != 1 or layer.end_dim != -1:
                raise chain.refuse(QT_TRANSLATE_NOOP("Errors", "{name} (Flatten from dim {start} to {end}): nnviz "
                                                               "flattens each sample whole (start_dim=1)"),
                                   name=name, start=layer.start_dim, end=layer.end_dim)
            if not chain.layers:
                chain.flatten()
        elif isinstance(layer, (nn.Identity, nn.Dropout)):
            continue
        else:
            raise chain.refuse(QT_TRANSLATE_NOOP("Errors", "{name} is a {kind}, which nnviz cannot show: it reads "
                                                           "Linear layers with ReLU, Sigmoid, Tanh, LeakyReLU or "
                                                           "Softmax"), name=name, kind=kind)
    return chain.network()[0]
