"""The frozen snapshot a trainer emits after every update.

A Qt signal passes NumPy arrays by reference, so every array in a
:class:`StepState` is a private copy marked read-only: a state once emitted
can be drawn, kept in a history and compared without ever changing.
"""
from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np


def frozen(array) -> np.ndarray:
    """Return a read-only copy of ``array``."""
    out = np.array(array, copy=True)
    out.flags.writeable = False
    return out


class Probe:
    """The probe sample's pass through a state's network, computed once, when first asked for.

    At full speed most states are never drawn; their probe pass would cost the trainer a sixth of
    its time.  ``compute() -> (activations, zs)`` runs on first use (from any thread, once) and its
    arrays are then read-only.
    """

    def __init__(self, compute):
        self._compute = compute
        self._result = None
        self._lock = threading.Lock()

    @classmethod
    def computed(cls, activations, zs) -> "Probe":
        """A probe whose pass was computed elsewhere (the trainer's process): its arrays made read-only."""
        probe = cls(None)
        for array in (*activations, *zs):
            array.flags.writeable = False
        probe._result = (tuple(activations), tuple(zs))
        return probe

    def result(self) -> tuple:
        if self._result is None:
            with self._lock:
                if self._result is None:
                    acts, zs = self._compute()
                    for array in (*acts, *zs):
                        array.flags.writeable = False
                    self._result = (tuple(acts), tuple(zs))
                    self._compute = None
        return self._result


class ProbeArrays(Sequence):
    """``StepState.activations`` or ``.zs``: a read-only sequence of arrays, filled by its Probe on first use."""

    def __init__(self, probe: Probe, which: int):
        self._probe, self._which = probe, which

    def _arrays(self) -> tuple:
        return self._probe.result()[self._which]

    def __getitem__(self, i):
        return self._arrays()[i]

    def __len__(self) -> int:
        return len(self._arrays())

    def __repr__(self) -> str:
        return f"ProbeArrays({[a.shape for a in self._arrays()]})"


@dataclass(frozen=True)
class StepState:
    """Everything a view needs to draw the network after one update.

    ``L`` is the number of weight layers (3 for 784-16-16-10).

    Attributes:
        step: number of updates applied so far (0 before training).
        epoch: passes completed over the training split (float, e.g. 1.25).
        loss: mean loss of the mini-batch this update used (before the update).
        accuracy: fraction of that mini-batch classified right.
        weights: L arrays, ``weights[l]`` of shape (n_{l+1}, n_l), after the update.
        biases: L arrays, ``biases[l]`` of shape (n_{l+1},), after the update.
        grad_weights, grad_biases: the gradients this update used, same shapes.
        grad_norms: (L,) Frobenius norm of each layer's weight gradient.
        activations: L+1 arrays, ``activations[l]`` of shape (n_l,): the probe
            sample's activations, ``activations[0]`` being the input itself
            (a sequence computed on first use: see :class:`Probe`).
        zs: L arrays, ``zs[l]`` of shape (n_{l+1},): the probe's weighted sums
            ``W a + b`` (before normalisation and activation).
        norm_params: per hidden layer, ``(gamma, beta)`` each (n_{l+1},), or
            an empty tuple when the network has no normalisation.
        norm_stats: per hidden layer, batch norm's ``(running_mean,
            running_var)`` each (n_{l+1},) (layer/group norm keep them unused).
        theta: (P,) all trainable parameters as one flat vector (weights and
            biases layer by layer, then normalisation scales and shifts).
        diverged: True when this update produced a non-finite loss or
            parameters; the update was then not applied.
        message: a readable sentence for the user when something went wrong.
        lr, batch_size, optimizer: the settings this update used.
        config: the network's architecture (``Network.config()``).
        probe_label: class index of the probe sample (-1 if none).
        session: the number of the session this state belongs to (0 outside
            a session): a late state of an old session is recognised by it.
    """

    step: int
    epoch: float
    loss: float
    accuracy: float
    weights: tuple
    biases: tuple
    grad_weights: tuple
    grad_biases: tuple
    grad_norms: np.ndarray
    activations: Sequence
    zs: Sequence
    theta: np.ndarray
    norm_params: tuple = ()
    norm_stats: tuple = ()
    diverged: bool = False
    message: str = ""
    lr: float = 0.0
    batch_size: int = 0
    optimizer: str = ""
    config: dict = field(default_factory=dict)
    probe_label: int = -1
    session: int = 0

    @property
    def layer_sizes(self) -> list[int]:
        """Neurons per layer, input first: e.g. [784, 16, 16, 10]."""
        return [self.weights[0].shape[1]] + [w.shape[0] for w in self.weights]

    @property
    def prediction(self) -> np.ndarray:
        """(n_out,) the network's output for the probe sample."""
        return self.activations[-1]


#: The fields of a StepState packed as they are by :func:`pack_state`.
PACKED_SCALARS = ("step", "epoch", "loss", "accuracy", "diverged", "message", "lr", "batch_size", "optimizer",
                  "probe_label", "session")


def pack_state(state: StepState, probe: bool = False) -> dict:
    """``state`` as a picklable dict (for the trainer's process and for pickling a Trainer): theta
    (P,), the gradients per layer, the gradient norms (L,), the normalisation statistics and the
    scalars; without the network's configuration (a read-only mapping) and the views into theta.
    With ``probe``, the probe sample's activations and weighted sums too (computed now if need be)."""
    packed = {name: getattr(state, name) for name in PACKED_SCALARS}
    packed.update(theta=state.theta, grad_weights=state.grad_weights, grad_biases=state.grad_biases,
                  grad_norms=state.grad_norms, norm_stats=state.norm_stats, normalised=bool(state.norm_params))
    if probe:
        packed["probe"] = (tuple(state.activations), tuple(state.zs))
    return packed


def unpack_state(packed: dict, config, compute_probe) -> StepState:
    """The StepState of :func:`pack_state`'s dict: weights, biases (and normalisation scales and
    shifts) are views of its theta again; ``config`` is the network's (``Network.frozen_config``);
    ``compute_probe() -> (activations, zs)`` runs on first use unless the probe pass was packed."""
    theta = packed["theta"]
    arrays = [theta, *packed["grad_weights"], *packed["grad_biases"], packed["grad_norms"],
              *(a for pair in packed["norm_stats"] for a in pair)]
    for array in arrays:
        array.flags.writeable = False
    weights, biases, offset = [], [], 0
    for gw, gb in zip(packed["grad_weights"], packed["grad_biases"]):
        weights.append(theta[offset:offset + gw.size].reshape(gw.shape))
        biases.append(theta[offset + gw.size:offset + gw.size + gb.size])
        offset += gw.size + gb.size
    norm_params = []
    for gb in packed["grad_biases"][:-1] if packed["normalised"] else ():
        norm_params.append((theta[offset:offset + gb.size], theta[offset + gb.size:offset + 2 * gb.size]))
        offset += 2 * gb.size
    probe = Probe.computed(*packed["probe"]) if "probe" in packed else Probe(compute_probe)
    return StepState(weights=tuple(weights), biases=tuple(biases), grad_weights=tuple(packed["grad_weights"]),
                     grad_biases=tuple(packed["grad_biases"]), grad_norms=packed["grad_norms"],
                     activations=ProbeArrays(probe, 0), zs=ProbeArrays(probe, 1), theta=theta,
                     norm_params=tuple(norm_params), norm_stats=tuple(packed["norm_stats"]), config=config,
                     **{name: packed[name] for name in PACKED_SCALARS})
