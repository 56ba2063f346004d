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
from .errors import ConfigError, ModelFileError, NNVizError
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
    (e.g. the file's path); every refusal raises ``error(f"{source}: ...")`` in one line."""

    def __init__(self, source: str, error: type[NNVizError] = ModelFileError):
        self.source, self.error = source, error
        self.layers: list[Dense] = []
        self.flattened = False
        #: dimensions of the model's input, batch included (2 for (batch, features)).
        self.rank = 2

    def refuse(self, why: str) -> NNVizError:
        return self.error(f"{self.source}: {why}")

    def dense(self, W: np.ndarray, b: np.ndarray | None = None) -> None:
        """Append a layer with weights W (n_out, n_in) and biases b (n_out,) or None (zeros)."""
        W = np.asarray(W, np.float64)
        if W.ndim != 2:
            raise self.refuse(f"layer {len(self.layers) + 1} has weights of shape {W.shape}, not a matrix")
        if self.layers and W.shape[1] != self.layers[-1].W.shape[0]:
            raise self.refuse(f"layer {len(self.layers) + 1} takes {W.shape[1]} inputs but the layer before "
                              f"gives {self.layers[-1].W.shape[0]}")
        self.layers.append(Dense(W, np.zeros(W.shape[0])))
        if b is not None:
            self.add_bias(b)

    def add_bias(self, b: np.ndarray) -> None:
        """Add b (n_out,), (1, n_out) or a scalar to the last layer's biases."""
        out = self.layers[-1].W.shape[0]
        b = np.asarray(b, np.float64)
        if b.size not in (1, out) or (b.size == out and b.ndim > 1 and max(b.shape) != b.size):
            raise self.refuse(f"layer {len(self.layers)} has a bias of shape {b.shape} for {out} neurons")
        self.layers[-1].b = self.layers[-1].b + b.reshape(-1)

    def activation(self, name: str, op: str, slope: float | None = None) -> None:
        """The activation ``name`` (relu, sigmoid, tanh, leaky_relu, softmax) after the last layer;
        ``op`` is the model's name for it (for messages), ``slope`` a leaky relu's negative slope."""
        if not self.layers:
            raise self.refuse(f"{op} before any dense layer: nnviz's networks start with a dense layer")
        layer = self.layers[-1]
        if layer.activation_set:
            raise self.refuse(f"two activations in a row after layer {len(self.layers)} "
                              f"({layer.activation} then {op}): nnviz has one per layer")
        if name == "leaky_relu" and slope is not None and abs(slope - LEAKY_SLOPE) > 1e-6:
            raise self.refuse(f"{op} with a negative slope of {slope:g}: nnviz's leaky relu has {LEAKY_SLOPE:g}")
        layer.activation, layer.activation_set = name, True

    def flatten(self) -> None:
        """The input is flattened (images (batch, 1, 28, 28) -> (batch, 784)) before the first layer."""
        self.flattened = True

    def network(self) -> tuple[Network, str]:
        """The chain as a float32 Network, and a sentence on how it was read (its linear output made a
        softmax, when it has several outputs: the logits of a classifier, argmax unchanged)."""
        if not self.layers:
            raise self.refuse("holds no dense layer (Gemm, or MatMul with Add): nothing nnviz can show")
        hidden = [layer.activation for layer in self.layers[:-1]]
        if "softmax" in hidden:
            raise self.refuse(f"a softmax after hidden layer {hidden.index('softmax') + 1}: nnviz has one "
                              f"only at the output")
        if len(set(hidden)) > 1:
            raise self.refuse(f"its hidden layers use different activations ({', '.join(hidden)}): nnviz gives "
                              f"every hidden layer the same one")
        activation = hidden[0] if hidden else "relu"  # one layer: no hidden activation to read
        last, n_out = self.layers[-1].activation, self.layers[-1].W.shape[0]
        note = ""
        if last == "softmax":
            loss, output = "cross_entropy", "softmax"
        elif last == "sigmoid":
            loss, output = "cross_entropy", "sigmoid"
        elif last == "linear" and n_out > 1:
            loss, output = "cross_entropy", "softmax"
            note = (f"its linear output (the logits of {n_out} classes) is read through a softmax, "
                    f"which keeps its answers")
        elif last == "linear":
            loss, output = "mse", "linear"
        else:
            raise self.refuse(f"its output goes through {last}: nnviz's outputs are linear, sigmoid or softmax")
        sizes = [self.layers[0].W.shape[1]] + [layer.W.shape[0] for layer in self.layers]
        try:
            net = Network(sizes, activation=activation, loss=loss, output=output)
        except ConfigError as e:
            raise self.refuse(str(e)) from None
        for l, layer in enumerate(self.layers):
            if not (np.isfinite(layer.W).all() and np.isfinite(layer.b).all()):
                raise self.refuse(f"layer {l + 1} has NaN or infinite weights")
            net.weights[l][:] = layer.W
            net.biases[l][:] = layer.b
        described = f"{'-'.join(map(str, sizes))} {activation if hidden else 'one layer'}, output {output}"
        return net, described + (f"; {note}" if note else "")
