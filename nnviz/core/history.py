"""The timeline: the most recent StepStates, for scrubbing back through training, and every
step's figures (loss, accuracy, gradient norms) for the curves.

Thread-safe: the trainer's thread appends while the GUI thread reads.
"""
from __future__ import annotations

import bisect
import threading
from collections import deque
from typing import NamedTuple

import numpy as np

from .state import StepState


def state_nbytes(state: StepState) -> int:
    """Bytes a state holds: its parameters, gradients and probe activations."""
    return (state.theta.nbytes + sum(g.nbytes for g in state.grad_weights) + sum(g.nbytes for g in state.grad_biases)
            + sum(a.nbytes for a in state.activations) + sum(z.nbytes for z in state.zs))


#: The kept states' budget: 784-512-512-512-10's states are 7.5 MB each (26 kept); with it the whole
#: window peaked at 783 and 1,072 MB in two runs of ``nnviz bench --gui``'s big_network section.
MAX_BYTES = 192 * 2**20


class Rows(NamedTuple):
    """Figures of n steps, oldest first: what the curves plot.

    step (n,) int, loss (n,), accuracy (n,), grad_norms (n, L) (each weight
    layer's gradient norm).
    """

    step: np.ndarray
    loss: np.ndarray
    accuracy: np.ndarray
    grad_norms: np.ndarray


class History:
    """The last ``max_states`` kept states, fewer when they would take more than
    ``max_bytes`` (a 784-256-128-10 network's states are 2 MB each); and the
    figures of the last ``max_rows`` steps, kept or not (in a ring of NumPy
    arrays: the window reads them at every frame).

    The trainer's thread calls :meth:`append` for a state the timeline keeps
    and :meth:`record` for one it only counts (while playing at full speed
    the worker keeps one state per 20 ms of training: see ``nnviz.training.worker``).
    Steps are increasing but need not be consecutive.
    """

    def __init__(self, max_states: int = 500, max_bytes: int = MAX_BYTES, max_rows: int = 20_000):
        self.max_states, self.max_bytes, self.max_rows = max_states, max_bytes, max_rows
        self._states: deque[StepState] = deque()
        self._steps: deque[int] = deque()  # the kept states' step numbers, for bisect
        self._rows: Rows | None = None  # ring buffers of max_rows rows, made at the first record
        self._written = 0  # rows written since the last clear; row i sits at i % max_rows
        self._lock = threading.Lock()
        self._limit = max_states

    def record(self, state: StepState) -> None:
        """Count ``state``'s figures (step, loss, accuracy, gradient norms) without keeping it."""
        with self._lock:
            self._record(state)

    def _record(self, state: StepState) -> None:
        R = self.max_rows
        if self._rows is None or self._rows.grad_norms.shape[1] != len(state.grad_norms):
            self._rows = Rows(np.zeros(R, dtype=np.int64), np.zeros(R), np.zeros(R),
                              np.zeros((R, len(state.grad_norms))))
            self._written = 0
        rows, oldest = self._rows, max(0, self._written - R)
        while self._written > oldest and rows.step[(self._written - 1) % R] >= state.step:
            self._written -= 1  # a branch: forget the abandoned future
        i = self._written % R
        rows.step[i], rows.loss[i], rows.accuracy[i] = state.step, state.loss, state.accuracy
        rows.grad_norms[i] = state.grad_norms
        self._written += 1

    def record_rows(self, rows: Rows) -> None:
        """Count the figures of several steps at once (increasing steps, after the last recorded)."""
        n = len(rows.step)
        if n == 0:
            return
        with self._lock:
            R = self.max_rows
            if self._rows is None or self._rows.grad_norms.shape[1] != rows.grad_norms.shape[1]:
                self._rows = Rows(np.zeros(R, dtype=np.int64), np.zeros(R), np.zeros(R),
                                  np.zeros((R, rows.grad_norms.shape[1])))
                self._written = 0
            ring, oldest = self._rows, max(0, self._written - R)
            while self._written > oldest and ring.step[(self._written - 1) % R] >= rows.step[0]:
                self._written -= 1  # a branch: forget the abandoned future
            if n > R:
                self._written += n - R
                rows = Rows(*(column[n - R:] for column in rows))
                n = R
            at = np.arange(self._written, self._written + n) % R
            for column, values in zip(ring, rows):
                column[at] = values
            self._written += n

    def append(self, state: StepState) -> None:
        """Keep ``state`` on the timeline (and count its figures)."""
        with self._lock:
            self._record(state)
            if not self._states:
                self._limit = max(2, min(self.max_states, self.max_bytes // max(1, state_nbytes(state))))
            elif state.step <= self._states[-1].step:  # a branch from an earlier state: forget the old future
                while self._states and self._states[-1].step >= state.step:
                    self._states.pop()
                    self._steps.pop()
            self._states.append(state)
            self._steps.append(state.step)
            while len(self._states) > self._limit:
                self._states.popleft()
                self._steps.popleft()

    def clear(self) -> None:
        with self._lock:
            self._states.clear()
            self._steps.clear()
            self._written = 0

    def rows_after(self, step: int) -> Rows:
        """The recorded figures of every step after ``step`` still in the ring, oldest first (copies)."""
        with self._lock:
            if self._rows is None:
                return Rows(np.zeros(0, dtype=np.int64), np.zeros(0), np.zeros(0), np.zeros((0, 0)))
            R, end, steps = self.max_rows, self._written, self._rows.step
            # Row i (i counts every row written) sits at i % R; steps increase with i.
            first = bisect.bisect_right(range(max(0, end - R), end), step, key=lambda i: steps[i % R])
            order = np.arange(max(0, end - R) + first, end) % R
            return Rows(*(column[order] for column in self._rows))

    @property
    def capacity(self) -> int:
        """How many states fit (max_states, or fewer for big networks)."""
        return self._limit

    def __len__(self) -> int:
        return len(self._states)

    def __getitem__(self, i: int) -> StepState:
        with self._lock:
            return self._states[i]

    def latest(self) -> StepState | None:
        with self._lock:
            return self._states[-1] if self._states else None

    def states(self) -> list[StepState]:
        """A snapshot list, oldest first."""
        with self._lock:
            return list(self._states)

    def index_of_step(self, step: int) -> int:
        """Index of the kept state with this step number, or -1."""
        with self._lock:
            i = bisect.bisect_left(self._steps, step)
            return i if i < len(self._steps) and self._steps[i] == step else -1
