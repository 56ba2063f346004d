"""A chain of dense layers read from another framework (ONNX, PyTorch) made into a :class:`Network`.

An importer walks its model and calls :meth:`LayerChain.dense` for each fully connected layer and
:meth:`LayerChain.activation` for the activation after it; :meth:`LayerChain.network` then checks
that the chain is one nnviz can show (one hidden activation for every hidden layer, an output nnviz
has) and returns the network with a sentence saying what was read.  No Qt, no third-party import.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .activations import LEAKY_SLOPE
from .errors import QT_TRANSLATE_NOOP, ConfigError, Message, ModelFileError, NNVizError
from .network import Network

#: The one-line PyTorch export an unsupported or pickled model is pointed to.
EXPORT_HINT = 'torch.onnx.export(model.eval(), torch.zeros(1, 784), "model.onnx")'


@dataclass
class Dense:
    """One layer: weights W (n_out, n_in), biases b (n_out,), the activation after it ("linear": none)."""

    W: np.ndarray
    b: np.ndarray
    activation: str = "linear"
    activation_set: bool = False


class LayerChain:
    """The dense layers of an imported model, in order.  ``source`` names the model in messages
    (e.g. the file's path); every refusal raises ``error("{source}: why")`` in one line, ``why`` a
    template with named parameters (translated where it is shown, see :mod:`nnviz.core.errors`)."""

    def __init__(self, source: str, error: type[NNVizError] = ModelFileError):
        self.source, self.error = source, error
        self.layers: list[Dense] = []
        self.flattened = False
        #: dimensions of the model's input, batch included (2 for (batch, features)).
        self.rank = 2

    def refuse(self, why: str, **params) -> NNVizError:
        """The error refusing the model: its source, then ``why`` (a template of ``params``, or a Message)."""
        reason = why if isinstance(why, Message) and not params else Message(why, **params)
        return self.error(QT_TRANSLATE_NOOP("Errors", "{path}: {why}"), path=self.source, why=reason)

    def dense(self, W: np.ndarray, b: np.ndarray | None = None) -> None:
        """Append a layer with weights W (n_out, n_in) and biases b (n_out,) or None (zeros)."""
        W = np.asarray(W, np.float64)
        if W.ndim != 2:
            raise self.refuse(QT_TRANSLATE_NOOP("Errors", "layer {layer} has weights of shape {shape}, not a matrix"),
                              layer=len(self.layers) + 1, shape=W.shape)
        if self.layers and W.shape[1] != self.layers[-1].W.shape[0]:
            raise self.refuse(QT_TRANSLATE_NOOP("Errors", "layer {layer} takes {n_in} inputs but the layer before "
                                                          "gives {n_before}"),
                              layer=len(self.layers) + 1, n_in=W.shape[1], n_before=self.layers[-1].W.shape[0])
        self.layers.append(Dense(W, np.zeros(W.shape[0])))
        if b is not None:
            self.add_bias(b)

    def add_bias(self, b: np.ndarray) -> None:
        """Add b (n_out,), (1, n_out) or a scalar to the last layer's biases."""
        out = self.layers[-1].W.shape[0]
        b = np.asarray(b, np.float64)
        if b.size not in (1, out) or (b.size == out and b.ndim > 1 and max(b.shape) != b.size):
            raise self.refuse(QT_TRANSLATE_NOOP("Errors", "layer {layer} has a bias of shape {shape} for {n} neurons"),
                              layer=len(self.layers), shape=b.shape, n=out)
        self.layers[-1].b = self.layers[-1].b + b.reshape(-1)

    def activation(self, name: str, op: str, slope: float | None = None) -> None:
        """The activation ``name`` (relu, sigmoid, tanh, leaky_relu, softmax) after the last layer;
        ``op`` is the model's name for it (for messages), ``slope`` a leaky relu's negative slope."""
        if not self.layers:
            raise self.refuse(QT_TRANSLATE_NOOP("Errors", "{op} before any dense layer: nnviz's networks start with "
                                                          "a dense layer"), op=op)
        layer = self.layers[-1]
        if layer.activation_set:
            raise self.refuse(QT_TRANSLATE_NOOP("Errors", "two activations in a row after layer {layer} ({first} then "
                                                          "{second}): nnviz has one per layer"),
                              layer=len(self.layers), first=layer.activation, second=op)
        if name == "leaky_relu" and slope is not None and abs(slope - LEAKY_SLOPE) > 1e-6:
            raise self.refuse(QT_TRANSLATE_NOOP("Errors", "{op} with a negative slope of {slope}: nnviz's leaky relu "
                                                          "has {expected}"),
                              op=op, slope=f"{slope:g}", expected=f"{LEAKY_SLOPE:g}")
        layer.activation, layer.activation_set = name, True

    def flatten(self) -> None:
        """The input is flattened (images (batch, 1, 28, 28) -> (batch, 784)) before the first layer."""
        self.flattened = True

    def network(self) -> tuple[Network, str]:
        """The chain as a float32 Network, and a sentence on how it was read (its linear output made a
        softmax, when it has several outputs: the logits of a classifier, argmax unchanged)."""
        if not self.layers:
            raise self.refuse(QT_TRANSLATE_NOOP("Errors", "holds no dense layer (Gemm, or MatMul with Add): nothing "
                                                          "nnviz can show"))
        hidden = [layer.activation for layer in self.layers[:-1]]
        if "softmax" in hidden:
            raise self.refuse(QT_TRANSLATE_NOOP("Errors", "a softmax after hidden layer {layer}: nnviz has one only "
                                                          "at the output"), layer=hidden.index("softmax") + 1)
        if len(set(hidden)) > 1:
            raise self.refuse(QT_TRANSLATE_NOOP("Errors", "its hidden layers use different activations ({names}): "
                                                          "nnviz gives every hidden layer the same one"),
                              names=", ".join(hidden))
        activation = hidden[0] if hidden else "relu"  # one layer: no hidden activation to read
        last, n_out = self.layers[-1].activation, self.layers[-1].W.shape[0]
        note = None
        if last == "softmax":
            loss, output = "cross_entropy", "softmax"
        elif last == "sigmoid":
            loss, output = "cross_entropy", "sigmoid"
        elif last == "linear" and n_out > 1:
            loss, output = "cross_entropy", "softmax"
            note = Message(QT_TRANSLATE_NOOP("Errors", "its linear output (the logits of {n} classes) is read through "
                                                       "a softmax, which keeps its answers"), n=n_out)
        elif last == "linear":
            loss, output = "mse", "linear"
        else:
            raise self.refuse(QT_TRANSLATE_NOOP("Errors", "its output goes through {name}: nnviz's outputs are linear, "
                                                          "sigmoid or softmax"), name=last)
        sizes = [self.layers[0].W.shape[1]] + [layer.W.shape[0] for layer in self.layers]
        try:
            net = Network(sizes, activation=activation, loss=loss, output=output)
        except ConfigError as e:
            raise self.refuse(e.message) from None
        for l, layer in enumerate(self.layers):
            if not (np.isfinite(layer.W).all() and np.isfinite(layer.b).all()):
                raise self.refuse(QT_TRANSLATE_NOOP("Errors", "layer {layer} has NaN or infinite weights"), layer=l + 1)
            net.weights[l][:] = layer.W
            net.biases[l][:] = layer.b
        described = Message(QT_TRANSLATE_NOOP("Errors", "{sizes} {activation}, output {output}"), sizes="-".join(
            map(str, sizes)), activation=activation if hidden else Message(QT_TRANSLATE_NOOP("Errors", "one layer")),
            output=output)
        return net, Message(QT_TRANSLATE_NOOP("Errors", "{described}; {note}"), described=described,
                            note=note) if note else described
