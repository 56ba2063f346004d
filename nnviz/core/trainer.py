"""Mini-batch training, one update per :meth:`Trainer.step`."""
from __future__ import annotations

import math
import threading
from dataclasses import dataclass, replace
from functools import partial

import numpy as np

from . import optimizers
from .dataset import Dataset
from .errors import QT_TRANSLATE_NOOP, ConfigError, Message
from .network import Network, classify
from .state import Probe, ProbeArrays, StepState, frozen, pack_state, unpack_state


@dataclass(frozen=True)
class Evaluation:
    """Loss and accuracy of the network on a whole split."""

    loss: float
    accuracy: float
    samples: int


_scratch: dict = {}  # id(frozen config) -> (config, Network, lock): one network per architecture
_scratch_lock = threading.Lock()


def probe_pass(config, theta: np.ndarray, norm_stats, x: np.ndarray):
    """The probe sample x (n_in,) through the network ``config`` with parameters ``theta`` (P,):
    (activations, zs) as :meth:`Network.probe` gives them.  Uses one scratch network per architecture."""
    with _scratch_lock:
        entry = _scratch.get(id(config))
        if entry is None or entry[0] is not config:
            if len(_scratch) > 16:
                _scratch.clear()
            entry = _scratch[id(config)] = (config, Network(**config), threading.Lock())
    _, net, lock = entry
    with lock, np.errstate(all="ignore"):  # huge (finite) weights may overflow: shown, not warned about
        return net.load_state(theta, norm_stats).probe(x)


def check_fits(net: Network, data: Dataset) -> None:
    """Refuse a data set whose input or output width differs from the network's."""
    if data.n_inputs != net.sizes[0] or data.n_outputs != net.sizes[-1]:
        raise ConfigError(QT_TRANSLATE_NOOP("Errors", "the network is {sizes} but the data set {name} has {inputs} "
                                            "inputs and {outputs} outputs"),
                          sizes="-".join(map(str, net.sizes)), name=repr(data.name), inputs=data.n_inputs,
                          outputs=data.n_outputs)


def evaluate(net: Network, data: Dataset, split: str = "test", chunk: int = 2048) -> Evaluation:
    """Mean loss and accuracy of net over a whole split, in evaluation mode, in chunks of rows.  A
    network on its way to diverging gives an infinite loss, said as such (not warned about)."""
    check_fits(net, data)
    X, Y, labels = ((data.X_test, data.Y_test, data.labels_test) if split == "test" else
                    (data.X_train, data.Y_train, data.labels_train))
    total_loss, correct = 0.0, 0
    with np.errstate(over="ignore", invalid="ignore"):
        for start in range(0, len(X), chunk):
            xb, yb = X[start:start + chunk], Y[start:start + chunk]
            total_loss += net.loss_value(xb, yb) * len(xb)
            correct += int(np.sum(classify(net.activations[-1]) == labels[start:start + chunk]))
    accuracy = correct / len(X) if data.task == "classification" else math.nan
    return Evaluation(total_loss / len(X), accuracy, len(X))


class Trainer:
    """Trains ``net`` on ``data`` one mini-batch at a time.

    Args:
        net: the network to train (updated in place).
        data: a :class:`Dataset`; its output width must match the network's.
        optimizer: sgd, momentum, nesterov, rmsprop or adam.
        lr: learning rate; batch_size: samples per update (1 .. n_train).
        seed: seeds the per-epoch shuffles, so a run is reproducible.
        weight_decay: L2 penalty, torch style.
        probe_index: index in the test split of the sample whose activations
            every :class:`StepState` carries.
        augment: optional ``augment(X, rng) -> X`` applied to each training
            batch X (batch, n_in), e.g. random shifts and rotations of digits.
        **settings: optimiser settings (momentum, beta1, ...).

    ``lr``, ``batch_size``, ``weight_decay`` and the optimiser may change
    between steps (:meth:`configure`); :meth:`set_parameters` puts edited
    parameters in, :meth:`restore` goes back to an earlier state.  ``session``
    (an int) is stamped on every state.  After a diverging update (non-finite loss, gradient or
    parameters) the update is not applied and the trainer stops: further
    ``step()`` calls return the same diverged state until :meth:`restore`.
    """

    def __init__(self, net: Network, data: Dataset, optimizer="adam", lr=1e-3, batch_size=32, seed=0,
                 weight_decay=0.0, probe_index=0, augment=None, **settings):
        check_fits(net, data)
        self.net, self.data = net, data
        self.augment = augment
        self._X = np.asarray(data.X_train, net.dtype)
        self._Y = np.asarray(data.Y_train, net.dtype)
        self._labels = np.asarray(data.labels_train)
        self.rng = np.random.default_rng(seed)
        self.optimizer = optimizers.make(optimizer, lr, weight_decay, **settings)
        self.batch_size = batch_size
        self.probe_index = probe_index
        self.step_count = 0
        self.epoch = 0
        self._order = self.rng.permutation(len(self._X))
        self._cursor = 0
        self.diverged = False
        self.session = 0
        self.state = self._snapshot(loss=math.nan, accuracy=math.nan, grad=np.zeros_like(net.grad))

    # ---------------------------------------------------------------- settings
    @property
    def lr(self) -> float:
        return self.optimizer.lr

    @lr.setter
    def lr(self, value: float) -> None:
        self.optimizer.lr = value

    @property
    def batch_size(self) -> int:
        return self._batch_size

    @batch_size.setter
    def batch_size(self, value: int) -> None:
        n = len(self._X)
        if not isinstance(value, (int, np.integer)) or not 1 <= value <= n:
            raise ConfigError(QT_TRANSLATE_NOOP("Errors", "the batch size must be a whole number from 1 to {n} (the "
                                                "training set), got {value}"), n=f"{n:,}", value=repr(value))
        self._batch_size = int(value)

    @property
    def probe_index(self) -> int:
        return self._probe_index

    @probe_index.setter
    def probe_index(self, value: int) -> None:
        if not 0 <= value < len(self.data.X_test):
            raise ConfigError(QT_TRANSLATE_NOOP("Errors", "probe index {value} is outside the test split (0..{last})"),
                              value=value, last=len(self.data.X_test) - 1)
        self._probe_index = int(value)

    def set_optimizer(self, name: str, **settings) -> None:
        """Switch optimiser (its running averages start afresh); lr and weight decay carry over."""
        self.optimizer = optimizers.make(name, self.lr, self.optimizer.weight_decay, **settings)

    def configure(self, optimizer: str | None = None, lr: float | None = None, batch_size: int | None = None,
                  weight_decay: float | None = None, settings: dict | None = None) -> None:
        """Change training settings from the next step.  The optimiser (and its running averages)
        is replaced only when its name or its own ``settings`` (momentum, beta1...) change."""
        settings = dict(settings or {})
        current = {k: v for k, v in self.optimizer.settings.items() if k in settings}
        if (optimizer or self.optimizer.name) != self.optimizer.name or settings != current:
            self.set_optimizer(optimizer or self.optimizer.name, **settings)
        if lr is not None:
            self.lr = lr
        if weight_decay is not None:
            self.optimizer.weight_decay = weight_decay
        if batch_size is not None:
            self.batch_size = batch_size

    def set_parameters(self, theta: np.ndarray) -> StepState:
        """Replace the parameters theta (P,) (e.g. edited in the neuron lab), keep the step count,
        the last loss, accuracy and gradient; returns the new state."""
        theta = np.asarray(theta)
        if theta.shape != self.net.theta.shape:
            raise ConfigError(QT_TRANSLATE_NOOP("Errors", "{n} parameters given; this network has {expected}"),
                              n=f"{theta.size:,}", expected=f"{self.net.theta.size:,}")
        self.net.theta[:] = theta
        self.state = self._snapshot(loss=self.state.loss, accuracy=self.state.accuracy, grad=self.net.grad)
        return self.state

    def set_data(self, data: Dataset) -> StepState:
        """Train on ``data`` from the next step, keeping the network, the optimiser and the step
        count (points drawn on the plane); a new epoch starts.  The batch size is clamped to the new
        training set; the probe sample becomes the new test split's first.  Returns the new state."""
        check_fits(self.net, data)
        if len(data.X_train) == 0 or len(data.X_test) == 0:
            raise ConfigError(QT_TRANSLATE_NOOP("Errors", "a data set needs at least one training and one test "
                                                          "sample"))
        self.data = data
        self._X = np.asarray(data.X_train, self.net.dtype)
        self._Y = np.asarray(data.Y_train, self.net.dtype)
        self._labels = np.asarray(data.labels_train)
        self._batch_size = min(self._batch_size, len(self._X))
        self._probe_index = 0
        self._order = self.rng.permutation(len(self._X))
        self._cursor = 0
        self.state = self._snapshot(loss=self.state.loss, accuracy=self.state.accuracy, grad=self.net.grad)
        return self.state

    # ---------------------------------------------------------------- training
    def _next_batch(self) -> np.ndarray:
        """Indices of the next mini-batch; reshuffles at each epoch's end."""
        start = self._cursor
        idx = self._order[start:start + self._batch_size]
        self._cursor += len(idx)
        if self._cursor >= len(self._order):
            self._order = self.rng.permutation(len(self._X))
            self._cursor = 0
            self.epoch += 1
        return idx

    def step(self) -> StepState:
        """Exactly one mini-batch update; returns the state after it."""
        if self.diverged:
            return self.state
        with np.errstate(over="ignore", invalid="ignore"):  # divergence is reported, not warned about
            return self._step()

    def _step(self) -> StepState:
        net = self.net
        idx = self._next_batch()
        stats_before = [(n.running_mean.copy(), n.running_var.copy()) for n in net.norms if n.kind == "batch"]
        X = self._X[idx] if self.augment is None else self.augment(self._X[idx], self.rng)
        loss = net.backprop(X, self._Y[idx])
        accuracy = (np.count_nonzero(classify(net.activations[-1]) == self._labels[idx]) / len(idx)
                    if self.data.task == "classification" else math.nan)
        # A non-finite gradient makes the new parameters non-finite too: the optimiser's check covers both.
        new_theta = self.optimizer.step(net.theta, net.grad) if math.isfinite(loss) else None
        if new_theta is None:
            for norm, (mean, var) in zip(net.norms, stats_before):
                norm.running_mean[:], norm.running_var[:] = mean, var
            self.diverged = True
            what = (QT_TRANSLATE_NOOP("Errors", "the loss") if not math.isfinite(loss) else
                    QT_TRANSLATE_NOOP("Errors", "the gradient") if not np.isfinite(net.grad).all() else
                    QT_TRANSLATE_NOOP("Errors", "the parameters"))
            # The state on display stays finite: the parameters are the last good ones.
            self.state = replace(
                self.state, diverged=True,
                message=Message(QT_TRANSLATE_NOOP("Errors", "Training diverged at step {step}: {what} became infinite "
                                                  "or NaN with learning rate {lr}. The update was not applied. Lower "
                                                  "the learning rate or reset the network."),
                                step=self.step_count + 1, what=Message(what), lr=f"{self.lr:g}"))
            return self.state
        self.step_count += 1
        new_theta.flags.writeable = False  # the optimiser's fresh copy: the state owns it
        self.state = self._snapshot(loss=loss, accuracy=accuracy, grad=net.grad, theta=new_theta)
        return self.state

    def restore(self, state: StepState) -> None:
        """Continue from an earlier state: its parameters and step count (optimiser state is kept)."""
        if state.theta.shape != self.net.theta.shape:
            raise ConfigError(QT_TRANSLATE_NOOP("Errors", "that state belongs to a network of another shape"))
        self.net.load_state(state.theta, state.norm_stats)
        self.step_count = state.step
        self.diverged = False
        self.state = state

    def __getstate__(self) -> dict:
        """Pickled (to start the trainer's process): everything, the newest state packed."""
        return {**self.__dict__, "state": pack_state(self.state)}

    def __setstate__(self, values: dict) -> None:
        self.__dict__.update(values)
        packed, config = values["state"], self.net.frozen_config
        self.state = unpack_state(packed, config, partial(probe_pass, config, packed["theta"], packed["norm_stats"],
                                                          self.data.X_test[self._probe_index]))

    def follow(self, state: StepState) -> None:
        """Take ``state`` as the newest, computed by a twin of this trainer elsewhere (the window's
        copy of a trainer that runs in its own process): its step count and divergence follow, the
        network's parameters stay as they were (a restart loads them with :meth:`restore`)."""
        self.step_count, self.diverged, self.state = state.step, state.diverged, state

    def evaluate(self, split: str = "test") -> Evaluation:
        """Loss and accuracy over the whole test (or train) split, evaluation mode."""
        return evaluate(self.net, self.data, split)

    # ---------------------------------------------------------------- snapshot
    def _snapshot(self, loss, accuracy, grad, theta=None) -> StepState:
        """A StepState of the network now; ``theta`` (read-only (P,)) saves a copy when given."""
        net = self.net
        theta, g = frozen(net.theta) if theta is None else theta, frozen(grad)
        weights, biases, gw, gb, norms = [], [], [], [], []
        for (start, stop), W in zip(net.weight_slices, net.weights):
            end = stop + W.shape[0]
            weights.append(theta[start:stop].reshape(W.shape))
            biases.append(theta[stop:end])
            gw.append(g[start:stop].reshape(W.shape))
            gb.append(g[stop:end])
            flat = g[start:stop]
            norms.append(math.sqrt(float(np.dot(flat, flat))))
        norm_params, norm_stats = (), ()
        if net.norms:
            offset = net.weight_slices[-1][1] + net.sizes[-1]
            pairs = []
            for n in net.sizes[1:-1]:
                pairs.append((theta[offset:offset + n], theta[offset + n:offset + 2 * n]))
                offset += 2 * n
            norm_params = tuple(pairs)
            norm_stats = tuple((frozen(nm.running_mean), frozen(nm.running_var)) for nm in net.norms)
        probe = Probe(partial(probe_pass, net.frozen_config, theta, norm_stats,
                              self.data.X_test[self._probe_index]))
        return StepState(
            step=self.step_count,
            epoch=self.epoch + self._cursor / len(self._order),
            loss=float(loss), accuracy=float(accuracy),
            weights=tuple(weights), biases=tuple(biases), grad_weights=tuple(gw), grad_biases=tuple(gb),
            grad_norms=frozen(norms), activations=ProbeArrays(probe, 0), zs=ProbeArrays(probe, 1),
            theta=theta, norm_params=norm_params, norm_stats=norm_stats,
            lr=self.lr, batch_size=self._batch_size, optimizer=self.optimizer.name,
            config=net.frozen_config, probe_label=int(self.data.labels_test[self._probe_index]),
            session=self.session,
        )
