"""The trainer's thread: a QObject that runs a :class:`nnviz.session.Session`.

The GUI never touches the session's trainer.  It makes named requests (``load_session``,
``step``, ``play``, ``set_training``, ``branch_from``, ``keep_parameters``, ``resume``...), each
queued and run in the worker's thread before the next step; ``pause`` also takes effect between
two steps.  The worker is the only writer of the session's ``history`` and ``tests``.

The timeline keeps every state when stepping or playing at a set speed, and the last of each
CHUNK_SECONDS of work at full speed (so its 500 states span the last ten seconds of training,
not the last 1/20 s, and the trainer does not pay for writing a state per step into memory it
will not touch again: that cost 5% of its speed).  Every step's figures are recorded either way.
The GUI is sent the newest state at display rate (latest wins, never a backlog), and every state
in step mode.  Every state carries its session's number: the GUI drops those of an old session.

Test figures: measured when a burst (Step x N, an epoch) ends, when Play stops, at a new session
or after a branch, and while playing every EVAL_EVERY_STEPS steps or EVAL_EVERY_SECONDS,
whichever comes first, but never taking more than EVAL_SHARE of the trainer's time (looked at
when a chunk of work ends, not after every step: the look cost the 3Blue1Brown trainer 4% of its
steps).

Lifetime: :func:`start_worker` moves the worker to a new QThread; :func:`stop_worker` has it
finish in its thread (it moves itself back to the GUI thread and emits ``finished``, which quits the
thread), waits, then deletes both from the GUI thread.  :func:`stop_all_workers` runs at
``aboutToQuit`` and at interpreter exit (see :mod:`nnviz.gui.lifetime`).
"""
from __future__ import annotations

import queue
import threading
import time
import traceback
import weakref
from functools import partial

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, QTimer, Signal, Slot

from nnviz.cli_language import error_text
from nnviz.core import NNVizError
from nnviz.core.history import state_nbytes
from nnviz.session import Session

translate = QCoreApplication.translate  # nnviz.gui.language's, without importing the widgets


#: A chunk of work at full speed: at its end a state may be kept, shown and measured.
CHUNK_SECONDS = 0.02
#: At full speed, chunks follow one another for this long before the thread's event loop runs
#: (requests are looked at between steps anyway); a return after each chunk cost the trainer 0.8%
#: of its steps.
EVENT_LOOP_SECONDS = 0.25
#: At most 60 frames a second while playing (every state is shown when stepping), at least one
#: every half second.
MIN_FRAME_SECONDS, MAX_FRAME_SECONDS = 1 / 60, 0.5
#: At full speed the timeline keeps a state at the end of a chunk, but at most this many bytes of
#: states a second: a 784-512-512-512-10 network's state is 7.5 MB (one every 0.12 s), the
#: 3Blue1Brown network's 0.1 MB (one every chunk).
KEEP_BYTES_PER_SECOND = 64 * 2**20
#: At full speed the frame rate adapts so that the trainer's thread computes at least this share
#: of the time (its CPU time over wall time, measured every PACE_SECONDS).  Headless it computes
#: all the time (measured: 1.000); what it loses waits for the GIL while the GUI thread draws.
TRAINER_SHARE, PACE_SECONDS = 0.92, 0.25
#: While playing, measure the test figures every this many steps or seconds, whichever comes
#: first, but spend at most EVAL_SHARE of the time on it (a 784-16-16-10 evaluation of 2,000
#: test digits takes 1.5 to 2.6 ms, 5 to 8 of its training steps: about four a second at full
#: speed; a budget of 2% cost the trainer 2% of its steps).
EVAL_EVERY_STEPS, EVAL_EVERY_SECONDS, EVAL_SHARE = 50, 0.5, 0.01

_WORKERS: "weakref.WeakSet[Worker]" = weakref.WeakSet()


class Worker(QObject):
    """What the window hears from its trainer, wherever the trainer runs (a thread here, a process
    in :mod:`nnviz.training.remote`).

    Signals:
        stepped(StepState): a state to display (every state when stepping,
            the newest at display rate when playing).
        evaluated(int, int, float, float): session number, step, test loss, test accuracy.
        branched(StepState): training continues from this earlier state; the later
            states and figures of the session are gone.
        diverged(StepState): the run stopped because training diverged.
        failed(str): a readable error; the run stopped.
        runningChanged(bool): playing or not.
        speed(float): measured steps per second while playing.
        finished(): the worker stopped for good.
    """

    stepped = Signal(object)
    evaluated = Signal(int, int, float, float)
    branched = Signal(object)
    diverged = Signal(object)
    failed = Signal(str)
    runningChanged = Signal(bool)
    speed = Signal(float)
    finished = Signal()


class TrainerWorker(Worker):
    """Runs a Session's trainer in its own QThread (signals: see :class:`Worker`)."""

    _wake = Signal()

    def __init__(self, session: Session):
        super().__init__()
        self.session = session
        self._requests: queue.SimpleQueue = queue.SimpleQueue()
        self._running = threading.Event()
        self._finished = threading.Event()
        self._remaining = 0  # steps left in a "Step x N" run (worker thread only)
        self._steps_per_second = 0.0  # 0: as fast as possible
        self._frame_seconds = MIN_FRAME_SECONDS
        self._ready = threading.Event()  # the GUI has drawn the last state it was sent
        self._ready.set()
        self._last_emit = 0.0
        self._last_keep, self._keep_seconds = 0.0, CHUNK_SECONDS
        self._last_eval = (0, 0.0, 0.0)  # step, when, how long it took
        self._share, self._pace_from = 1.0, (0.0, 0.0)  # (wall, thread CPU) when the stretch began
        self._timer: QTimer | None = None
        self._wake.connect(self._drain)
        _WORKERS.add(self)

    # ------------------------------------------------------------ GUI thread
    def _submit(self, fn) -> None:
        """Run ``fn()`` in the worker thread before the next step."""
        if not self._finished.is_set():
            self._requests.put(fn)
            self._wake.emit()

    def load_session(self, session: Session) -> None:
        """Stop, and continue with ``session`` (from the worker thread, between steps); its first
        state's test figures are measured."""
        self._running.clear()
        self._submit(partial(self._load_session, session))

    def play(self) -> None:
        self._submit(partial(self._start, 0))

    def step(self, n: int = 1) -> None:
        """Exactly ``n`` updates (each shown when n == 1)."""
        self._submit(partial(self._start, n))

    def pause(self) -> None:
        """Stop before the next step (thread-safe, immediate)."""
        self._running.clear()
        self._submit(self._stop)

    def set_training(self, training: dict) -> None:
        """Optimiser, learning rate, batch size, weight decay: from the next step."""
        self._submit(partial(self._call, "set_training", training))

    def branch_from(self, state) -> None:
        """Continue from an earlier kept state of the session (emits ``branched``)."""
        self._submit(partial(self._branch_from, state))

    def keep_parameters(self, theta) -> None:
        """Adopt edited parameters (the neuron lab's Keep) at the current step."""
        self._submit(partial(self._keep_parameters, theta))

    def replace_data(self, data) -> None:
        """Train on ``data`` from the next step, keeping the network (points drawn on the plane);
        playing goes on.  The new state is sent and its test figures measured."""
        self._submit(partial(self._replace_data, data))

    def resume(self, lr: float) -> None:
        """After a divergence: go on from the last good state with learning rate ``lr``."""
        self._submit(partial(self._call, "resume", lr))

    def evaluate_now(self) -> None:
        """Measure the test figures of the network now (in the worker thread)."""
        self._submit(self._evaluate)

    @property
    def running(self) -> bool:
        return self._running.is_set()

    def set_speed(self, steps_per_second: float) -> None:
        """Steps per second while playing; 0 = as fast as possible."""
        self._steps_per_second = float(steps_per_second)

    def frame_done(self) -> None:
        """The GUI calls this when it has drawn a state: the next one may be sent."""
        self._ready.set()

    @property
    def frame_interval(self) -> float:
        """Seconds between two states sent while playing at full speed (1/30 s .. 0.5 s)."""
        return self._frame_seconds

    @property
    def trainer_share(self) -> float:
        """The trainer thread's CPU time over wall time in the last measured stretch of full-speed play."""
        return self._share

    # --------------------------------------------------------- worker thread
    @Slot()
    def _drain(self) -> None:
        while not self._finished.is_set():
            try:
                fn = self._requests.get_nowait()
            except queue.Empty:
                return
            try:
                fn()
            except NNVizError as e:
                self.failed.emit(error_text(e))
            except Exception as e:  # a bug must not kill the thread: report it in words
                traceback.print_exc()
                self.failed.emit(translate("Worker", "Unexpected error: {kind}: {error}").format(
                    kind=type(e).__name__, error=e))

    def _call(self, name: str, *args) -> None:
        getattr(self.session, name)(*args)

    def _load_session(self, session: Session) -> None:
        self._stop(send=False)
        self.session = session
        self._last_eval = (0, 0.0, 0.0)
        self._evaluate()

    def _branch_from(self, state) -> None:
        self.session.branch_from(state)
        self.branched.emit(state)
        self._measure_if_new()

    def _keep_parameters(self, theta) -> None:
        state = self.session.keep_parameters(theta)
        self._send(state, force=True)
        self._evaluate()

    def _replace_data(self, data) -> None:
        state = self.session.replace_data(data)
        self._send(state, force=True)
        self._evaluate()

    def _start(self, n: int) -> None:
        trainer = self.session.trainer
        if trainer.diverged:
            self.diverged.emit(trainer.state)
            return
        if self._timer is None:
            self._timer = QTimer(self)  # a child: it follows the worker from thread to thread
            self._timer.setSingleShot(True)
            self._timer.timeout.connect(self._tick)
        self._remaining = n
        self._keep_seconds = max(CHUNK_SECONDS, state_nbytes(trainer.state) / KEEP_BYTES_PER_SECOND)
        self._running.set()
        self._count_since, self._count = time.perf_counter(), 0
        self._pace_from = (time.perf_counter(), time.thread_time())
        self.runningChanged.emit(True)
        self._timer.start(0)

    def _stop(self, send: bool = True) -> None:
        """Stop playing; ``send`` the newest state (frame pacing may have skipped it) and measure
        its test figures."""
        was_running = self._running.is_set() or self._remaining > 0
        self._running.clear()
        self._remaining = 0
        if self._timer is not None:
            self._timer.stop()
        if send:
            self._send(self._keep_newest(), force=True)
            self._measure_if_new()
        if was_running or send:
            self.runningChanged.emit(False)

    def _keep_newest(self):
        """Make the trainer's newest state the timeline's last (a full-speed chunk may have only
        recorded it); returns that last state."""
        latest, newest = self.session.history.latest(), self.session.trainer.state
        if latest is None or (latest.step < newest.step and not newest.diverged):
            self.session.keep(newest)
            return newest
        return latest

    def _measure_if_new(self) -> None:
        """The test figures of the network now, unless that step was measured already."""
        if self.session.tests.at(self.session.trainer.step_count) is None:
            self._evaluate()

    def _end_run(self, state) -> None:
        """A burst ended, or training diverged: show the last state, measure it, stop."""
        self._running.clear()
        self._remaining = 0
        self._send(state, force=True)
        self._measure_if_new()
        self.runningChanged.emit(False)

    @Slot()
    def _tick(self) -> None:
        """Chunks of training, then back to the thread's event loop: after EVENT_LOOP_SECONDS at full
        speed, after each chunk when paced (the timer waits for the next step)."""
        start = time.perf_counter()
        while self._chunk():
            if time.perf_counter() - start > EVENT_LOOP_SECONDS:
                self._timer.start(0)
                return

    def _chunk(self) -> bool:
        """One chunk of training (at most CHUNK_SECONDS), then its state kept, shown and maybe
        measured.  Returns whether to go on at once (playing or stepping, not paced)."""
        start = time.perf_counter()
        paced = self._steps_per_second > 0 and self._remaining == 0
        state, kept = None, True
        session = self.session
        try:
            requests, running = self._requests, self._running
            while running.is_set():
                if not requests.empty():
                    self._drain()
                    if not running.is_set() or self.session is not session:
                        return False
                stepping = self._remaining > 0
                now = time.perf_counter()
                last = paced or (stepping and self._remaining == 1) or now - start > CHUNK_SECONDS
                kept = stepping or paced or (last and now - self._last_keep >= self._keep_seconds)
                state = session.train_step(keep=kept)
                if kept:
                    self._last_keep = now
                if state.diverged:
                    self._end_run(state)
                    self.diverged.emit(state)
                    return False
                self._count += 1
                if stepping:
                    self._remaining -= 1
                    if self._remaining == 0:
                        self._end_run(state)
                        return False
                if last:
                    self._maybe_evaluate(state)
                    break
        except NNVizError as e:
            self._running.clear()
            self.failed.emit(error_text(e))
            self.runningChanged.emit(False)
            return False
        except Exception as e:
            traceback.print_exc()
            self._running.clear()
            self.failed.emit(translate("Worker", "Unexpected error while training: {kind}: {error}").format(
                kind=type(e).__name__, error=e))
            self.runningChanged.emit(False)
            return False
        if state is not None:
            if not kept and not self._running.is_set():  # paused mid-chunk: the timeline ends at the newest state
                self._keep_newest()
            self._send(state, force=paced)
        now = time.perf_counter()
        if not paced and now - self._pace_from[0] > PACE_SECONDS:
            self._pace(now)
        if now - self._count_since > 0.5:
            self.speed.emit(self._count / (now - self._count_since))
            self._count_since, self._count = now, 0
        if not self._running.is_set():
            return False
        if paced:
            self._timer.start(max(0, int(1000 / self._steps_per_second - 1000 * (now - start))))
            return False
        return True

    def _pace(self, now: float) -> None:
        """Adapt the frame interval so that the trainer keeps TRAINER_SHARE of its time: each frame the
        GUI draws holds Python's GIL for a few milliseconds, and the trainer waits for it."""
        cpu = time.thread_time()
        wall0, cpu0 = self._pace_from
        self._share = (cpu - cpu0) / max(1e-9, now - wall0)
        lost, budget = max(0.0, 1.0 - self._share), 1.0 - TRAINER_SHARE
        factor = min(1.5, max(2 / 3, lost / budget))
        self._frame_seconds = min(MAX_FRAME_SECONDS, max(MIN_FRAME_SECONDS, self._frame_seconds * factor))
        self._pace_from = (now, cpu)

    def _send(self, state, force: bool = False) -> None:
        """Send ``state`` to the GUI if it is ready for a frame (always when forced)."""
        now = time.perf_counter()
        if force or (self._frame_ready() and now - self._last_emit >= self._frame_seconds):
            self._frame_sent()
            self._last_emit = now
            self.stepped.emit(state)

    def _frame_ready(self) -> bool:
        """Whether the GUI has drawn the last state it was sent."""
        return self._ready.is_set()

    def _frame_sent(self) -> None:
        self._ready.clear()

    def _maybe_evaluate(self, state) -> None:
        step, when, cost = self._last_eval
        now = time.perf_counter()
        due = state.step - step >= EVAL_EVERY_STEPS or now - when >= EVAL_EVERY_SECONDS
        if due and now - when >= cost / EVAL_SHARE:
            self._evaluate()

    def _evaluate(self) -> None:
        """Test loss and accuracy of the network now (worker thread); emits ``evaluated``."""
        start = time.perf_counter()
        step, ev = self.session.evaluate()
        now = time.perf_counter()
        self._last_eval = (step, now, now - start)
        self.evaluated.emit(self.session.number, step, float(ev.loss), float(ev.accuracy))

    def finish(self) -> None:
        """Stop for good (from the worker thread): stop training and the timer, hand the worker (and
        its timer) back to the GUI thread, then ``finished``, which quits the thread."""
        self._running.clear()
        if self._timer is not None:
            self._timer.stop()
        self._keep_newest()  # stopped mid-chunk: the newest state is kept (and autosaved)
        self._finished.set()
        self.moveToThread(QCoreApplication.instance().thread())
        self.finished.emit()

    @property
    def is_finished(self) -> bool:
        return self._finished.is_set()

    @property
    def stopped(self) -> bool:
        """Whether the worker has ended for good and its thread with it."""
        thread = getattr(self, "thread_ref", None)
        return self.is_finished and (thread is None or thread.isFinished())

    def stop(self, timeout_ms: int = 3000) -> bool:
        """Stop cooperatively: pause, finish in the worker's thread, wait for the thread to end, then
        delete the worker and the thread from the GUI thread (``deleteLater``).  Deleted in the worker's
        thread as it ended (``finished -> deleteLater`` there), the Python-owned worker's wrapper was
        torn down off the GUI thread: about one full test run in ten segfaulted in ``thread.wait``.
        Never terminates a thread.  Safe to call twice."""
        thread = getattr(self, "thread_ref", None)
        if thread is None or self.is_finished:
            return True
        self._running.clear()
        done = threading.Event()

        def finish():
            self.finish()
            done.set()

        self._requests.put(finish)
        self._wake.emit()
        done.wait(timeout_ms / 1000)
        ok = thread.wait(timeout_ms)
        self.thread_ref = None
        if ok:
            self.deleteLater()  # both live in the GUI thread now
            thread.deleteLater()
        return ok


def start_worker(worker: TrainerWorker) -> QThread:
    """Move ``worker`` to a new running QThread and return the thread (superqt's wiring: the
    worker's ``finished`` quits the thread; :func:`stop_worker` then deletes both).  The worker
    keeps the thread as ``thread_ref`` until it is stopped."""
    thread = QThread()
    thread.setObjectName("trainerThread")
    worker.moveToThread(thread)
    # Direct: the GUI thread may be waiting for the thread to end (QThread.quit is thread-safe).
    worker.finished.connect(thread.quit, Qt.DirectConnection)
    worker.thread_ref = thread
    thread.start()
    return thread


def stop_worker(worker, timeout_ms: int = 3000) -> bool:
    """Stop ``worker`` (a thread's or a process's) for good; see its ``stop``."""
    return worker.stop(timeout_ms)


def stop_all_workers() -> None:
    """Stop every worker still running (at ``aboutToQuit`` and at interpreter exit)."""
    for worker in list(_WORKERS):
        stop_worker(worker)
