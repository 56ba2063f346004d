"""What is being studied: one data set, one network, its training settings, its lesson, its
history and its test figures.  Plain Python and NumPy: no Qt.

A lesson, an opened model, a reset or a new architecture each make a new :class:`Session` with a
new ``number``; every state the session's trainer produces carries that number
(``StepState.session``), so a late state of an old session is recognised and dropped, and nothing
of an old run can show up in a new one.

Threads: in the window a worker thread runs the session (:meth:`Session.train_step`,
:meth:`Session.evaluate`, :meth:`Session.branch_from`...) and is the only writer of its
``history`` and ``tests``; the GUI thread reads them (both are thread-safe).  Without a window the
same methods run in the caller's thread: :meth:`Session.step` is what the window's Step buttons do.

>>> from nnviz.session import Session
>>> s = Session.from_lesson("Victor Zhou")
>>> state = s.step(10)          # ten updates, then the test figures of step 10
>>> s.tests.at(10).loss         # doctest: +SKIP
"""
from __future__ import annotations

import bisect
import itertools
import threading
from dataclasses import replace

import numpy as np

from nnviz.core import ConfigError, Evaluation, Network, NNVizError, Trainer, datasets, load_pretrained
from nnviz.core.dataset import Dataset
from nnviz.core.errors import QT_TRANSLATE_NOOP, Message
from nnviz.core.network import default_init
from nnviz.core.history import History
from nnviz.core.state import StepState
from nnviz.lessons import Lesson, find_lesson

#: The network a first-time user sees: the 3Blue1Brown network, trained, on the bundled digits.
FIRST_ARCHITECTURE = {"dataset": "digits", "noise": 0.1, "hidden": [16, 16], "activation": "sigmoid",
                      "loss": "cross_entropy", "output": None, "norm": "none", "init": "auto", "seed": 0}
#: The training settings of a session built without any (the controls dock's defaults).
DEFAULT_TRAINING = {"optimizer": "adam", "lr": 1e-3, "batch_size": 32, "weight_decay": 0.0,
                    "settings": {"beta1": 0.9, "beta2": 0.999}}
ARCHITECTURE_KEYS = tuple(FIRST_ARCHITECTURE)

_numbers = itertools.count(1)


def build_data(spec: dict, custom: dict | None = None) -> Dataset:
    """The Dataset an architecture spec asks for (``custom`` maps extra names, e.g. IDX folders, to data)."""
    if custom and spec["dataset"] in custom:
        return custom[spec["dataset"]]
    return datasets.load(spec["dataset"], noise=spec["noise"], seed=spec["seed"])


def build_network(spec: dict, data: Dataset) -> Network:
    """A fresh network of the spec's shape for ``data`` (raises ConfigError with a sentence)."""
    sizes = [data.n_inputs, *spec["hidden"], data.n_outputs]
    init = spec.get("init", "auto")
    return Network(sizes, activation=spec["activation"], loss=spec["loss"], output=spec["output"],
                   norm=spec["norm"], init=None if init == "auto" else init, seed=spec["seed"])


def spec_of(net: Network, data: Dataset, seed: int = 0, noise: float = 0.1) -> dict:
    """The architecture spec that describes ``net`` on ``data``."""
    init = "auto" if net.init == default_init(net.activation.name) else net.init
    return {"dataset": data.name, "noise": noise, "hidden": list(net.sizes[1:-1]), "activation": net.activation.name,
            "loss": net.loss, "output": net.output, "norm": net.norm, "init": init, "seed": seed}


def parse_hidden(text) -> list[int]:
    """'16, 16' -> [16, 16] (a list of ints passes through); raises ValueError with a sentence."""
    from nnviz.core.network import MAX_LAYER_SIZE

    if not isinstance(text, str):
        text = ",".join(str(n) for n in text)
    parts = [p.strip() for p in text.replace("-", ",").split(",") if p.strip()]
    try:
        sizes = [int(p) for p in parts]
    except ValueError:
        raise ConfigError(QT_TRANSLATE_NOOP("Errors", "hidden layers must be whole numbers separated by commas, like "
                                            "16,16 (not {text})"), text=repr(text)) from None
    for n in sizes:
        if not 1 <= n <= MAX_LAYER_SIZE:
            raise ConfigError(QT_TRANSLATE_NOOP("Errors", "each hidden layer needs 1 to {limit} neurons, not {n}"),
                              limit=f"{MAX_LAYER_SIZE:,}", n=f"{n:,}")
    if len(sizes) > 12:
        raise ConfigError(QT_TRANSLATE_NOOP("Errors", "at most 12 hidden layers"))
    return sizes


def clamp_batch(batch_size: int, data: Dataset) -> tuple[int, Message]:
    """The batch size a data set allows, and a sentence when it had to change ("" otherwise)."""
    n = len(data.X_train)
    if batch_size <= n:
        return batch_size, Message("")
    return n, Message(QT_TRANSLATE_NOOP("Errors", "A batch of {batch} is more than the {n} training samples of "
                                        "{name}: using {n} (the whole set each step)."),
                      batch=f"{batch_size:,}", n=f"{n:,}", name=repr(data.name))


def lesson_settings(lesson: Lesson) -> tuple[dict, dict]:
    """A lesson's (architecture spec, training settings), as :class:`Session` takes them."""
    from nnviz.core import optimizers

    v = lesson.values
    spec = {"dataset": v["dataset"], "noise": v["noise"], "hidden": parse_hidden(v["hidden"]), "activation": v["activation"],
            "loss": v["loss"], "output": None if v["output"] == "auto" else v["output"], "norm": v["norm"],
            "init": v["init"], "seed": v["seed"]}
    settings = {k: v[k] for k in optimizers.DEFAULTS[v["optimizer"]] if k != "eps" and k in v}
    training = {"optimizer": v["optimizer"], "lr": v["lr"], "batch_size": v["batch_size"],
                "weight_decay": v["weight_decay"], "settings": settings}
    return spec, training


class TestFigures:
    """Test loss and accuracy measured at some steps of a run (thread-safe).

    The worker writes (:meth:`record`), the window reads (:meth:`at`, :meth:`latest`); a branch
    from an earlier step forgets the figures of the abandoned steps (:meth:`forget_after`).
    """

    __test__ = False  # not a pytest class

    def __init__(self):
        self._steps: list[int] = []
        self._figures: list[Evaluation] = []
        self._lock = threading.Lock()

    def record(self, step: int, evaluation: Evaluation) -> None:
        with self._lock:
            i = bisect.bisect_left(self._steps, step)
            if i < len(self._steps) and self._steps[i] == step:
                self._figures[i] = evaluation
            else:
                self._steps.insert(i, step)
                self._figures.insert(i, evaluation)

    def at(self, step: int) -> Evaluation | None:
        """The figures measured at exactly ``step``, or None."""
        with self._lock:
            i = bisect.bisect_left(self._steps, step)
            return self._figures[i] if i < len(self._steps) and self._steps[i] == step else None

    def latest(self) -> tuple[int, Evaluation] | None:
        """(step, figures) of the newest measurement, or None."""
        with self._lock:
            return (self._steps[-1], self._figures[-1]) if self._steps else None

    def forget_after(self, step: int) -> None:
        with self._lock:
            i = bisect.bisect_right(self._steps, step)
            del self._steps[i:], self._figures[i:]

    def steps(self) -> list[int]:
        with self._lock:
            return list(self._steps)

    def __len__(self) -> int:
        return len(self._steps)


class Session:
    """One run being studied.

    Attributes:
        number: unique per session in this process (stamped on its states).
        data: the Dataset; spec: the architecture spec (see :data:`FIRST_ARCHITECTURE`);
        training: {"optimizer", "lr", "batch_size", "weight_decay", "settings"}.
        lesson: the lesson's title, or "" when the session is not a lesson's.
        surface, pane: the loss-surface mode and the pane the lesson asks for (see :mod:`nnviz.lessons`;
            "" outside a lesson: the window keeps the user's choice where it still applies).
        pad: whether the drawing pad applies (digit images).
        probe_index: the test sample whose activations the states carry (the "probe sample").
        pretrained: whether the network is the shipped trained one (:meth:`first`): more training
            then overfits, and the window says so on Play.
        trainer: the :class:`Trainer`; once the session is handed to the window's worker, only the
            worker's thread touches it.
        history: the kept states and every step's figures (:class:`History`).
        tests: the test figures measured so far (:class:`TestFigures`).
    """

    def __init__(self, trainer: Trainer, spec: dict, training: dict, lesson: Lesson | None = None):
        self.number = next(_numbers)
        self.trainer = trainer
        trainer.session = self.number
        trainer.state = replace(trainer.state, session=self.number)
        self.data = trainer.data
        self.spec, self.training = dict(spec), dict(training)
        self.lesson = lesson.title if lesson else ""
        self.surface = lesson.surface if lesson else ""
        self.pane = lesson.pane if lesson else ""
        self.pad = lesson.pad if lesson else self.data.image_shape == (28, 28)
        self.probe_index = trainer.probe_index
        self.pretrained = False
        self.history = History()
        self.history.append(trainer.state)
        self.tests = TestFigures()

    def __getstate__(self) -> dict:
        """Pickled (to start the trainer's process) without its history and test figures."""
        return {k: v for k, v in self.__dict__.items() if k not in ("history", "tests")}

    def __setstate__(self, values: dict) -> None:
        self.__dict__.update(values)
        self.history = History()
        self.history.append(self.trainer.state)
        self.tests = TestFigures()

    # ---------------------------------------------------------------- building
    @classmethod
    def build(cls, spec: dict, training: dict | None = None, network: Network | None = None,
              custom: dict | None = None, data: Dataset | None = None, lesson: Lesson | None = None) -> "Session":
        """A session of ``network`` (default: fresh weights of ``spec``'s shape) on the spec's data
        (or ``data``); the batch size is clamped to the training set.  Raises NNVizError in words."""
        training = dict(training or DEFAULT_TRAINING)
        data = data if data is not None else build_data(spec, custom)
        net = network if network is not None else build_network(spec, data)
        batch, _ = clamp_batch(training["batch_size"], data)
        training["batch_size"] = batch
        trainer = Trainer(net, data, optimizer=training["optimizer"], lr=training["lr"], batch_size=batch,
                          weight_decay=training["weight_decay"], seed=0, **training["settings"])
        return cls(trainer, spec, training, lesson)

    @classmethod
    def from_lesson(cls, which: int | str | Lesson) -> "Session":
        """The session a lesson (index, start of its title, or the Lesson) sets up."""
        lesson = which if isinstance(which, Lesson) else find_lesson(which)
        spec, training = lesson_settings(lesson)
        return cls.build(spec, training, lesson=lesson)

    @classmethod
    def first(cls, spec: dict | None = None, training: dict | None = None) -> tuple["Session", str]:
        """The opening session: the trained 3Blue1Brown network when ``spec`` asks for its shape,
        else fresh weights of ``spec`` (the 3Blue1Brown shape if ``spec`` cannot be built); and a
        sentence when something had to give ("" otherwise)."""
        spec = dict(spec or FIRST_ARCHITECTURE)
        note = ""
        same = {k: spec.get(k) for k in FIRST_ARCHITECTURE if k != "noise"} == \
            {k: v for k, v in FIRST_ARCHITECTURE.items() if k != "noise"}
        if same:
            try:
                session = cls.build(spec, training, network=load_pretrained("3b1b"))
                session.pretrained = True
                return session, note
            except NNVizError as e:
                note = f"The shipped model could not be loaded ({e}); starting from random weights."
        try:
            return cls.build(spec, training), note
        except (NNVizError, KeyError, ValueError):
            return cls.build(dict(FIRST_ARCHITECTURE), training), note

    # ---------------------------------------------------------------- training
    @property
    def state(self) -> StepState:
        """The trainer's newest state."""
        return self.trainer.state

    def train_step(self, keep: bool = True) -> StepState:
        """One update; its figures always go into the history, the state itself when ``keep``."""
        state = self.trainer.step()
        if not state.diverged:
            (self.history.append if keep else self.history.record)(state)
        return state

    def keep(self, state: StepState) -> None:
        """Keep a state already recorded (the last of a full-speed chunk) on the timeline."""
        self.history.append(state)

    def evaluate(self) -> tuple[int, Evaluation]:
        """Measure the test loss and accuracy of the network now; (step, figures)."""
        evaluation = self.trainer.evaluate()
        step = self.trainer.step_count
        self.tests.record(step, evaluation)
        return step, evaluation

    def step(self, n: int = 1) -> StepState:
        """``n`` updates, every state kept, then the test figures of the last one (as Step x n does)."""
        state = self.trainer.state
        for _ in range(n):
            state = self.train_step()
            if state.diverged:
                break
        if self.tests.at(self.trainer.step_count) is None:
            self.evaluate()
        return state

    def set_training(self, training: dict) -> str:
        """Apply training settings from the next step; returns a sentence if the batch was clamped."""
        batch, message = clamp_batch(training["batch_size"], self.data)
        self.training = {**training, "batch_size": batch}
        self.trainer.configure(optimizer=training["optimizer"], lr=training["lr"], batch_size=batch,
                               weight_decay=training["weight_decay"], settings=training["settings"])
        return message

    def branch_from(self, state: StepState) -> None:
        """Continue from an earlier kept state: the later states and figures are forgotten."""
        if state.session != self.number:
            raise ConfigError(QT_TRANSLATE_NOOP("Errors", "that state belongs to another session"))
        self.trainer.restore(state)
        self.history.append(state)
        self.tests.forget_after(state.step)

    def keep_parameters(self, theta: np.ndarray) -> StepState:
        """Adopt edited parameters theta (P,) at the current step (the neuron lab's "Keep")."""
        state = self.trainer.set_parameters(theta)
        self.history.append(state)
        self.tests.forget_after(state.step - 1)
        return state

    def replace_data(self, data: Dataset) -> StepState:
        """Train on ``data`` from now on, keeping the network (points drawn on the plane); the
        batch size is clamped to it.  The new state is kept on the timeline; the test figures of the
        step are measured again (on the new test split)."""
        state = self.use_data(data)
        self.history.append(state)
        self.tests.forget_after(state.step - 1)
        return state

    def use_data(self, data: Dataset) -> StepState:
        """The trainer and the session's settings switch to ``data`` (the history is left alone: see
        :meth:`replace_data`); returns the trainer's new state."""
        state = self.trainer.set_data(data)
        self.data = data
        self.spec = {**self.spec, "dataset": data.name}
        self.training = {**self.training, "batch_size": self.trainer.batch_size}
        self.probe_index = self.trainer.probe_index
        return state

    def resume(self, lr: float) -> None:
        """After a divergence: continue from the last good state with learning rate ``lr``."""
        self.training = {**self.training, "lr": lr}
        self.trainer.lr = lr
        self.trainer.restore(self.trainer.state)

    def network(self, state: StepState | None = None) -> Network:
        """A new network holding ``state``'s (default: the newest) parameters."""
        return Network.from_state(state or self.state)
