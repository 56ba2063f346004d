"""A fully connected network, forward and backward, in plain NumPy.

Notation follows the tutorials: layer ``l`` maps activations ``a_l``
(batch, n_l) to ``z = a_l W_l^T + b_l`` (batch, n_{l+1}) with ``W_l`` of
shape (n_{l+1}, n_l) -- the tutorials' ``W_jk``, row j = neuron j of the
next layer -- then (optionally) normalises z and applies the activation.

All trainable parameters live in one flat vector ``theta`` (and their
gradients in ``grad``); ``weights[l]``, ``biases[l]``, ``gammas[l]`` and
``betas[l]`` are views into it, so an optimiser updates the whole network
with a handful of vector operations.
"""
from __future__ import annotations

from types import MappingProxyType

import numpy as np

from . import activations, losses
from .errors import QT_TRANSLATE_NOOP, ConfigError
from .normalization import NORMS, Norm

MAX_LAYER_SIZE = 16_384
MAX_PARAMETERS = 50_000_000


def check_sizes(sizes) -> list[int]:
    """Validate a list of layer sizes, input first; return it as ints."""
    try:
        sizes = [int(n) for n in sizes]
    except (TypeError, ValueError):
        raise ConfigError(QT_TRANSLATE_NOOP("Errors", "layer sizes must be whole numbers, got {sizes}"),
                          sizes=repr(sizes)) from None
    if len(sizes) < 2:
        raise ConfigError(QT_TRANSLATE_NOOP("Errors", "a network needs at least an input and an output layer "
                                            "(e.g. 784,16,16,10)"))
    for i, n in enumerate(sizes):
        if n < 1:
            raise ConfigError(QT_TRANSLATE_NOOP(
                "Errors", "layer {i} has {n} neurons; every layer needs at least 1"), i=i, n=n)
        if n > MAX_LAYER_SIZE:
            raise ConfigError(QT_TRANSLATE_NOOP("Errors", "layer {i} has {n} neurons; the limit is {limit} per layer"),
                              i=i, n=f"{n:,}", limit=f"{MAX_LAYER_SIZE:,}")
    n_params = sum(a * b + b for a, b in zip(sizes[:-1], sizes[1:]))
    if n_params > MAX_PARAMETERS:
        raise ConfigError(QT_TRANSLATE_NOOP("Errors", "{n} parameters is more than this app can train ({limit})"),
                          n=f"{n_params:,}", limit=f"{MAX_PARAMETERS:,}")
    return sizes


#: Weight initialisations: Xavier-uniform, He-normal, and He-normal with twice the deviation
#: ("large", the exploding-gradients lesson's mistake).
INITS = ("xavier", "he", "large")
INIT_GAIN = {"he": 1.0, "large": 2.0}


def default_init(activation: str) -> str:
    """He for relu-like activations, Xavier otherwise."""
    return "he" if activation in ("relu", "leaky_relu") else "xavier"


class Network:
    """A multilayer perceptron.

    Args:
        sizes: neurons per layer, input first, e.g. [784, 16, 16, 10].
        activation: hidden activation: sigmoid, tanh, relu, leaky_relu, linear.
        loss: "cross_entropy" or "mse".
        output: output activation; default softmax for cross-entropy and
            sigmoid for mse (sigmoid for a single-output cross-entropy net).
        norm: "none"/None, "batch", "layer" or "group" on every hidden layer.
        groups: groups for group norm (default: 8, 4 or 2, whichever divides).
        init: "xavier", "he" or "large" (see :data:`INITS`); default He for relu-like activations, else Xavier.
        seed: seed of the initialisation.
        dtype: np.float32 (default) or np.float64.
    """

    def __init__(self, sizes, activation="sigmoid", loss="cross_entropy", output=None, norm=None,
                 groups=None, init=None, seed=0, dtype=np.float32):
        self.sizes = check_sizes(sizes)
        self.activation = activations.get(activation)
        if output is None:
            output = "sigmoid" if loss == "cross_entropy" and self.sizes[-1] == 1 else losses.DEFAULT_OUTPUT.get(loss)
        losses.check(loss, output)
        if output == "softmax" and self.sizes[-1] == 1:
            raise ConfigError(QT_TRANSLATE_NOOP("Errors", "a softmax over a single output is always 1; use a sigmoid "
                                                "output or more outputs"))
        self.loss, self.output = loss, output
        self.norm = "none" if norm in (None, "", "none") else norm
        if self.norm not in NORMS:
            raise ConfigError(QT_TRANSLATE_NOOP("Errors", "unknown normalisation {name}; choose one of {names}"),
                              name=repr(norm), names=", ".join(NORMS))
        dtype = np.dtype(dtype)
        if dtype not in (np.float32, np.float64):
            raise ConfigError("dtype must be float32 or float64")
        self.dtype = dtype
        if init is None:
            init = default_init(activation)
        if init not in INITS:
            raise ConfigError(QT_TRANSLATE_NOOP("Errors", "unknown initialisation {name}; choose one of {names}"),
                              name=repr(init), names=", ".join(INITS))
        self.init = init

        hidden = self.sizes[1:-1]
        self.norms = [Norm(self.norm, n, groups, dtype) for n in hidden] if self.norm != "none" else []
        self.groups = self.norms[0].groups if self.norms and self.norm == "group" else groups
        shapes = [(b, a) for a, b in zip(self.sizes[:-1], self.sizes[1:])]
        n_params = sum(o * i + o for o, i in shapes) + 2 * sum(hidden) * bool(self.norms)
        self.theta = np.zeros(n_params, dtype)
        self.grad = np.zeros(n_params, dtype)
        self.weights, self.biases, self.dW, self.dB = [], [], [], []
        self.gammas, self.betas, self.dgammas, self.dbetas = [], [], [], []
        offset = 0
        #: (start, stop) of each layer's weights in theta, for per-layer norms.
        self.weight_slices = []
        for o, i in shapes:
            self.weight_slices.append((offset, offset + o * i))
            for params, grads, shape in ((self.weights, self.dW, (o, i)), (self.biases, self.dB, (o,))):
                size = int(np.prod(shape))
                params.append(self.theta[offset:offset + size].reshape(shape))
                grads.append(self.grad[offset:offset + size].reshape(shape))
                offset += size
        for n in hidden if self.norms else ():
            for params, grads in ((self.gammas, self.dgammas), (self.betas, self.dbetas)):
                params.append(self.theta[offset:offset + n])
                grads.append(self.grad[offset:offset + n])
                offset += n
        self._frozen_config = None
        self.initialize(seed)
        self.zs: list[np.ndarray] = []
        self.activations: list[np.ndarray] = []

    # ------------------------------------------------------------------ set-up
    def initialize(self, seed=0) -> None:
        """Fresh random weights (Xavier-uniform, He-normal, or "large": He-normal x 2, which makes
        gradients explode in a deep relu network), zero biases, unit gammas."""
        rng = np.random.default_rng(seed)
        self.theta[:] = 0
        for W in self.weights:
            fan_out, fan_in = W.shape
            if self.init in ("he", "large"):
                W[:] = rng.normal(0.0, INIT_GAIN[self.init] * np.sqrt(2.0 / fan_in), W.shape)
            else:
                limit = np.sqrt(6.0 / (fan_in + fan_out))
                W[:] = rng.uniform(-limit, limit, W.shape)
        for gamma in self.gammas:
            gamma[:] = 1
        for norm in self.norms:
            norm.running_mean[:] = 0
            norm.running_var[:] = 1

    @property
    def n_layers(self) -> int:
        """Number of weight layers L (3 for 784-16-16-10)."""
        return len(self.weights)

    @property
    def n_params(self) -> int:
        """Number of trainable parameters (13,002 for 784-16-16-10)."""
        return int(self.theta.size)

    def __reduce__(self):
        """Pickled as its architecture, parameters and running statistics (weights stay views of theta)."""
        return _rebuilt, (self.config(), self.theta, [(n.running_mean, n.running_var) for n in self.norms])

    def config(self) -> dict:
        """The architecture as a plain dict; ``Network(**config)`` rebuilds it."""
        return dict(self.frozen_config)

    @property
    def frozen_config(self) -> MappingProxyType:
        """:meth:`config` as a read-only mapping, built once (states share it)."""
        if self._frozen_config is None:
            self._frozen_config = MappingProxyType(self._config())
        return self._frozen_config

    def _config(self) -> dict:
        return {"sizes": list(self.sizes), "activation": self.activation.name, "loss": self.loss,
                "output": self.output, "norm": self.norm, "groups": self.groups, "init": self.init,
                "dtype": self.dtype.name}

    def copy(self) -> "Network":
        """An independent network with the same architecture and parameters."""
        twin = Network(**self.config())
        return twin.load_state(self.theta, self.norm_stats)

    @property
    def norm_stats(self) -> tuple:
        """Per normalised hidden layer, ``(running_mean, running_var)`` each (n_{l+1},) (views)."""
        return tuple((n.running_mean, n.running_var) for n in self.norms)

    def load_state(self, theta: np.ndarray, norm_stats=()) -> "Network":
        """Put parameters theta (P,) and normalisation statistics (per hidden layer
        ``(running_mean, running_var)``, as in a StepState) into this network; returns it.
        The one way a state's numbers enter a network."""
        self.theta[:] = theta
        for norm, (mean, var) in zip(self.norms, norm_stats):
            norm.running_mean[:], norm.running_var[:] = mean, var
        return self

    @classmethod
    def from_state(cls, state) -> "Network":
        """Rebuild the network a :class:`StepState` shows (parameters and running stats)."""
        return cls(**state.config).load_state(state.theta, state.norm_stats)

    # ----------------------------------------------------------------- forward
    def forward(self, X: np.ndarray, training: bool = False) -> np.ndarray:
        """X (batch, n_in) -> P (batch, n_out).

        Keeps ``self.zs[l]`` (batch, n_{l+1}), the weighted sums, and
        ``self.activations[l]`` (batch, n_l), ``activations[0]`` being X.
        ``training`` makes batch norm use (and update) batch statistics.
        """
        a = np.asarray(X, dtype=self.dtype)
        if a.ndim != 2 or a.shape[1] != self.sizes[0]:
            raise ConfigError(f"expected inputs of shape (batch, {self.sizes[0]}), got {a.shape}")
        if len(a) == 1 and not self.norms:  # one sample: vector arithmetic has less overhead
            acts, zs = self._pass_one(a[0])
            self.zs = [z[None] for z in zs]
            self.activations = [a] + [x[None] for x in acts[1:]]
            self._ys = self.zs[:-1]
            return self.activations[-1]
        self.zs, self.activations, self._ys = [], [a], []
        last = self.n_layers - 1
        for l, (W, b) in enumerate(zip(self.weights, self.biases)):
            z = a @ W.T
            z += b
            self.zs.append(z)
            if l < last:
                y = self.norms[l].forward(z, self.gammas[l], self.betas[l], training) if self.norms else z
                self._ys.append(y)
                a = self.activation.f(y)
            elif self.output == "softmax":
                a = activations.softmax(z)
            else:
                a = activations.ACTIVATIONS[self.output].f(z)
            self.activations.append(a)
        return a

    def probe(self, x: np.ndarray) -> tuple[list[np.ndarray], list[np.ndarray]]:
        """One sample x (n_in,) in evaluation mode -> (activations, zs), fresh arrays.

        activations: L+1 arrays (n_l,), input first (a copy of x); zs: L arrays (n_{l+1},).
        """
        x = np.array(x, dtype=self.dtype).reshape(-1)
        if self.norms or x.shape[0] != self.sizes[0]:
            self.forward(x.reshape(1, -1))
            return [x] + [a[0] for a in self.activations[1:]], [z[0] for z in self.zs]
        return self._pass_one(x)

    def _pass_one(self, x: np.ndarray) -> tuple[list[np.ndarray], list[np.ndarray]]:
        """x (n_in,) through a network without normalisation, as vectors -> (activations, zs)."""
        hidden = self.activation.f
        acts, zs, a = [x], [], x
        for W, b in zip(self.weights[:-1], self.biases[:-1]):
            z = W @ a
            z += b
            zs.append(z)
            a = hidden(z)
            acts.append(a)
        z = self.weights[-1] @ a
        z += self.biases[-1]
        zs.append(z)
        acts.append(activations.softmax(z) if self.output == "softmax" else activations.ACTIVATIONS[self.output].f(z))
        return acts, zs

    def predict(self, X: np.ndarray) -> np.ndarray:
        """X (batch, n_in) -> predicted class indices (batch,)."""
        return classify(self.forward(X))

    def loss_value(self, X: np.ndarray, Y: np.ndarray) -> float:
        """Mean loss on (X, Y) in evaluation mode."""
        return losses.value(self.loss, self.output, self.forward(X), np.asarray(Y, self.dtype))

    # ---------------------------------------------------------------- backward
    def backprop(self, X: np.ndarray, Y: np.ndarray) -> float:
        """Forward (training mode) and backward pass; fills ``self.grad`` in place.

        X (batch, n_in), Y (batch, n_out).  Returns the mean loss of the batch.
        """
        Y = np.asarray(Y, dtype=self.dtype)
        P = self.forward(X, training=True)
        if Y.shape != P.shape:
            raise ConfigError(f"targets have shape {Y.shape} but the network outputs {P.shape}")
        loss = losses.value(self.loss, self.output, P, Y)
        delta = losses.output_delta(self.loss, self.output, self.zs[-1], P, Y)  # dL/dz, (batch, n_out)
        for l in range(self.n_layers - 1, -1, -1):
            np.matmul(delta.T, self.activations[l], out=self.dW[l])
            np.add.reduce(delta, axis=0, out=self.dB[l])
            if l == 0:
                break
            delta = (delta @ self.weights[l]) * self.activation.derivative(self._ys[l - 1], self.activations[l])
            if self.norms:
                delta, self.dgammas[l - 1][:], self.dbetas[l - 1][:] = \
                    self.norms[l - 1].backward(delta, self.gammas[l - 1])
        return loss

    def backward(self, X: np.ndarray, Y: np.ndarray):
        """X (batch, n_in), Y (batch, n_out) -> (loss, dW, dB).

        dW[l] (n_{l+1}, n_l) and dB[l] (n_{l+1},) are copies of the gradients
        of the batch-mean loss.
        """
        loss = self.backprop(X, Y)
        return loss, [g.copy() for g in self.dW], [g.copy() for g in self.dB]


def holding(net: Network | None, config, theta: np.ndarray, norm_stats=()) -> Network:
    """``net`` if it has ``config``'s architecture (else a new Network of it), holding parameters
    theta (P,) and the normalisation statistics: how a view keeps its own network from frame to
    frame without sharing anyone's."""
    if net is None or net.frozen_config != config:
        net = Network(**config)
    return net.load_state(theta, norm_stats)


def classify(P: np.ndarray) -> np.ndarray:
    """Outputs P (batch, n_out) -> class indices (batch,); one output means p > 0.5."""
    if P.shape[1] == 1:
        return (P[:, 0] > 0.5).astype(np.int64)
    return P.argmax(axis=1)


def _rebuilt(config: dict, theta: np.ndarray, norm_stats: list) -> Network:
    """A pickled Network back (see :meth:`Network.__reduce__`)."""
    return Network(**config).load_state(theta, norm_stats)
