"""What travels between the window and the trainer's process: states packed for the pipe, and the
session's history and test figures as an ordered list of events.  Plain Python and NumPy (no Qt).

A :class:`StepState` holds its weights and biases as views of one parameter vector ``theta`` and a
network configuration that is a read-only mapping (which pickle refuses); packed, it is ``theta``,
the gradients and the scalars, and it is rebuilt on the other side with views again and that
side's own copy of the configuration (so the probe's scratch network is found by identity, not
rebuilt for every state).
"""
from __future__ import annotations

from functools import partial

import numpy as np

from nnviz.core.history import History, Rows
from nnviz.core.state import StepState, pack_state, unpack_state
from nnviz.core.trainer import Evaluation, probe_pass
from nnviz.session import TestFigures


def unpack(packed: dict, config, x_probe: np.ndarray) -> StepState:
    """The StepState of a packed dict (:func:`nnviz.core.state.pack_state`), its network being
    ``config`` (the window's ``Network.frozen_config``) and its probe sample ``x_probe`` (n_in,),
    passed through the network when first asked for unless the pass travelled with the state."""
    return unpack_state(packed, config, partial(probe_pass, config, packed["theta"], packed["norm_stats"], x_probe))


class Outbox:
    """The session's history and test figures, written in the trainer's process, as an ordered list
    of events for the window's copy of them (:func:`replay`).

    Events: ("rows", Rows) the figures of steps that were only counted; ("keep", packed state);
    ("test", step, loss, accuracy, samples); ("forget", step) the test figures after ``step`` are gone.
    """

    def __init__(self):
        self.events: list = []
        self.rows: list = []  # (step, loss, accuracy, grad_norms) of counted steps not yet in an event

    def flush_rows(self) -> None:
        if self.rows:
            step, loss, accuracy, norms = zip(*self.rows)
            self.events.append(("rows", Rows(np.array(step, dtype=np.int64), np.array(loss), np.array(accuracy),
                                             np.array(norms))))
            self.rows = []

    def take(self) -> list:
        """The events since the last call, oldest first."""
        self.flush_rows()
        events, self.events = self.events, []
        return events


class ForwardedHistory(History):
    """The trainer process's History: it keeps only the newest state (the worker asks for it) and
    passes every state and figure on to the window's History through an :class:`Outbox`."""

    def __init__(self, outbox: Outbox, state: StepState):
        super().__init__(max_states=2)
        super().append(state)  # the window has it already
        self.outbox = outbox
        self.forwarded = None  # the newest state passed on

    def record(self, state: StepState) -> None:
        self.outbox.rows.append((state.step, state.loss, state.accuracy, state.grad_norms))

    def append(self, state: StepState) -> None:
        super().append(state)
        self.outbox.flush_rows()
        self.outbox.events.append(("keep", pack_state(state)))
        self.forwarded = state


class ForwardedTests:
    """The trainer process's test figures: the newest few, and every change passed on."""

    def __init__(self, outbox: Outbox):
        self._figures = TestFigures()
        self.outbox = outbox

    def record(self, step: int, evaluation: Evaluation) -> None:
        self._figures.record(step, evaluation)
        self.outbox.flush_rows()
        self.outbox.events.append(("test", step, evaluation.loss, evaluation.accuracy, evaluation.samples))

    def forget_after(self, step: int) -> None:
        self._figures.forget_after(step)
        self.outbox.flush_rows()
        self.outbox.events.append(("forget", step))

    def at(self, step: int):
        return self._figures.at(step)

    def latest(self):
        return self._figures.latest()


def replay(events: list, session) -> StepState | None:
    """Apply the trainer process's events to the window's ``session`` (its history, test figures and
    the trainer's newest state).  Returns the last state kept (None if none)."""
    kept = None
    for event in events:
        kind = event[0]
        if kind == "rows":
            session.history.record_rows(event[1])
        elif kind == "keep":
            kept = unpack(event[1], session.trainer.net.frozen_config, session.data.X_test[session.probe_index])
            session.history.append(kept)
            session.trainer.follow(kept)
        elif kind == "test":
            session.tests.record(event[1], Evaluation(*event[2:]))
        elif kind == "forget":
            session.tests.forget_after(event[1])
    return kept
