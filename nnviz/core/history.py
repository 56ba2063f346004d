"""The timeline: the most recent StepStates, for scrubbing back through training.

Thread-safe: the trainer's thread appends while the GUI thread reads.
"""
from __future__ import annotations

import threading
from collections import deque

from .state import StepState


def state_nbytes(state: StepState) -> int:
    """Bytes a state holds: its parameters, gradients and probe activations."""
    return (state.theta.nbytes + sum(g.nbytes for g in state.grad_weights) + sum(g.nbytes for g in state.grad_biases)
            + sum(a.nbytes for a in state.activations) + sum(z.nbytes for z in state.zs))


class History:
    """The last ``max_states`` states, fewer when they would take more than
    ``max_bytes`` (a 784-256-128-10 network's states are 2 MB each)."""

    def __init__(self, max_states: int = 500, max_bytes: int = 256 * 2**20):
        self.max_states, self.max_bytes = max_states, max_bytes
        self._states: deque[StepState] = deque()
        self._lock = threading.Lock()
        self._limit = max_states

    def append(self, state: StepState) -> None:
        with self._lock:
            if not self._states:
                self._limit = max(2, min(self.max_states, self.max_bytes // max(1, state_nbytes(state))))
            elif state.step <= self._states[-1].step:  # a branch from an earlier state: forget the old future
                while self._states and self._states[-1].step >= state.step:
                    self._states.pop()
            self._states.append(state)
            while len(self._states) > self._limit:
                self._states.popleft()

    def clear(self) -> None:
        with self._lock:
            self._states.clear()

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
        """Index of the state with this step number, or -1."""
        with self._lock:
            if not self._states:
                return -1
            i = step - self._states[0].step
            return i if 0 <= i < len(self._states) and self._states[i].step == step else -1
