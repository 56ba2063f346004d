"""The trainer's thread: a QObject that owns an ``nnviz.core.Trainer``.

The GUI never touches the trainer.  It hands the worker requests
(``submit(fn)``: fn(trainer) runs in the worker's thread before the next
step) and flags (``play``/``pause`` are thread-safe and honoured between two
steps).  Every step's figures go into the shared :class:`History`, and the states the
timeline keeps: every state when stepping or playing at a set speed, the last
of each CHUNK_SECONDS of work at full speed (so its 500 states span the last
ten seconds of training, not the last 1/20 s, and the trainer does not pay
for writing a state (100 kB for 784-16-16-10) per step into memory it will
not touch again: that cost 5% of its speed).  The GUI
is sent the newest state at display rate (latest wins, never a backlog), and
every state in step mode.
"""
from __future__ import annotations

import queue
import threading
import time
import traceback

from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer, Signal, Slot

from nnviz.core import NNVizError, Trainer
from nnviz.core.history import History

#: Work for at most this long before returning to the thread's event loop.
CHUNK_SECONDS = 0.02
#: At most 30 frames a second while playing (every state is shown when stepping), at least one
#: every half second.
MIN_FRAME_SECONDS, MAX_FRAME_SECONDS = 1 / 30, 0.5
#: At full speed the frame rate adapts so that the trainer's thread computes at least this share
#: of the time (its CPU time over wall time, measured every PACE_SECONDS).  Headless it computes
#: all the time (measured: 1.000); what it loses waits for the GIL while the GUI thread draws.
TRAINER_SHARE, PACE_SECONDS = 0.92, 0.25
#: Evaluate on the test split about this often (in steps and seconds, whichever is later).
EVAL_EVERY_STEPS, EVAL_EVERY_SECONDS = 50, 0.5


class TrainerWorker(QObject):
    """Runs a Trainer in its own QThread.

    Signals:
        stepped(StepState): a state to display (every state when stepping,
            the newest at display rate when playing).
        evaluated(int, float, float): step, test loss, test accuracy.
        diverged(StepState): the run stopped because training diverged.
        failed(str): a readable error; the run stopped.
        runningChanged(bool): playing or not.
        speed(float): measured steps per second while playing.
        swapped(): a new trainer took over (see :meth:`set_trainer`); every signal
            after this one comes from it.
    """

    stepped = Signal(object)
    evaluated = Signal(int, float, float)
    diverged = Signal(object)
    failed = Signal(str)
    runningChanged = Signal(bool)
    speed = Signal(float)
    swapped = Signal()
    _wake = Signal()

    def __init__(self, trainer: Trainer, history: History | None = None):
        super().__init__()
        self.trainer = trainer
        self.history = history if history is not None else History()
        self._requests: queue.SimpleQueue = queue.SimpleQueue()
        self._running = threading.Event()
        self._remaining = 0  # steps left in a "Step x N" run (worker thread only)
        self._steps_per_second = 0.0  # 0: as fast as possible
        self._frame_seconds = MIN_FRAME_SECONDS
        self._ready = threading.Event()  # the GUI has drawn the last state it was sent
        self._ready.set()
        self._last_emit = 0.0
        self._last_eval = (0, 0.0)
        self._share, self._pace_from = 1.0, (0.0, 0.0)  # (wall, thread CPU) when the stretch began
        self._timer: QTimer | None = None
        self._wake.connect(self._drain)

    # ------------------------------------------------------------ GUI thread
    def submit(self, fn) -> None:
        """Run ``fn(trainer)`` in the worker thread before the next step."""
        self._requests.put(fn)
        self._wake.emit()

    def set_trainer(self, trainer: Trainer) -> None:
        """Stop, and continue with ``trainer`` (from the worker thread, between steps)."""
        self._running.clear()

        def swap(_old):
            self._stop(send=False)
            self.trainer = trainer
            self.swapped.emit()

        self.submit(swap)

    def play(self) -> None:
        self.submit(lambda tr: self._start(0))

    def step(self, n: int = 1) -> None:
        """Exactly ``n`` updates (each shown when n == 1)."""
        self.submit(lambda tr: self._start(n))

    def pause(self) -> None:
        """Stop before the next step (thread-safe, immediate)."""
        self._running.clear()
        self.submit(lambda tr: self._stop())

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
        while True:
            try:
                fn = self._requests.get_nowait()
            except queue.Empty:
                return
            try:
                fn(self.trainer)
            except NNVizError as e:
                self.failed.emit(str(e))
            except Exception as e:  # a bug must not kill the thread: report it in words
                traceback.print_exc()
                self.failed.emit(f"Unexpected error: {type(e).__name__}: {e}")

    def _start(self, n: int) -> None:
        if self.trainer.diverged:
            self.diverged.emit(self.trainer.state)
            return
        if self._timer is None:
            self._timer = QTimer(self)  # a child: it follows the worker from thread to thread
            self._timer.setSingleShot(True)
            self._timer.timeout.connect(self._tick)
        self._remaining = n
        self._running.set()
        self._count_since, self._count = time.perf_counter(), 0
        self._pace_from = (time.perf_counter(), time.thread_time())
        self.runningChanged.emit(True)
        self._timer.start(0)

    def _stop(self, send: bool = True) -> None:
        """Stop playing; ``send`` the newest state (frame pacing may have skipped it)."""
        self._running.clear()
        self._remaining = 0
        if self._timer is not None:
            self._timer.stop()
        latest = self.history.latest()
        if send and latest is not None:
            self._send(latest, force=True)
        self.runningChanged.emit(False)

    @Slot()
    def _tick(self) -> None:
        """One chunk of training, then back to the event loop."""
        start = time.perf_counter()
        paced = self._steps_per_second > 0 and self._remaining == 0
        state, kept = None, True
        try:
            requests, running, history = self._requests, self._running, self.history
            while running.is_set():
                if not requests.empty():
                    self._drain()
                    if not running.is_set():
                        break
                state = self.trainer.step()
                if state.diverged:
                    self._running.clear()
                    self._send(state, force=True)
                    self.diverged.emit(state)
                    self.runningChanged.emit(False)
                    return
                self._count += 1
                stepping = self._remaining > 0
                if stepping:
                    self._remaining -= 1
                last = paced or (stepping and self._remaining == 0) or time.perf_counter() - start > CHUNK_SECONDS
                kept = stepping or last
                (history.append if kept else history.record)(state)
                self._maybe_evaluate(state)
                if stepping and self._remaining == 0:
                    self._running.clear()
                    self._send(state, force=True)
                    self.runningChanged.emit(False)
                    return
                if last:
                    break
        except NNVizError as e:
            self._running.clear()
            self.failed.emit(str(e))
            self.runningChanged.emit(False)
            return
        except Exception as e:
            traceback.print_exc()
            self._running.clear()
            self.failed.emit(f"Unexpected error while training: {type(e).__name__}: {e}")
            self.runningChanged.emit(False)
            return
        if state is not None:
            if not kept:  # paused mid-chunk: the timeline ends at the newest state
                self.history.append(state)
            self._send(state, force=paced)
        now = time.perf_counter()
        if not paced and now - self._pace_from[0] > PACE_SECONDS:
            self._pace(now)
        if now - self._count_since > 0.5:
            self.speed.emit(self._count / (now - self._count_since))
            self._count_since, self._count = now, 0
        if self._running.is_set():
            delay = 0 if not paced else max(0, int(1000 / self._steps_per_second - 1000 * (now - start)))
            self._timer.start(delay)

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
        if force or (self._ready.is_set() and now - self._last_emit >= self._frame_seconds):
            self._ready.clear()
            self._last_emit = now
            self.stepped.emit(state)

    def _maybe_evaluate(self, state) -> None:
        step, when = self._last_eval
        if state.step - step < EVAL_EVERY_STEPS:
            return
        now = time.perf_counter()
        if now - when >= EVAL_EVERY_SECONDS:
            self.evaluate_now()
            self._last_eval = (state.step, now)

    def evaluate_now(self) -> None:
        """Test loss and accuracy of the current network (worker thread)."""
        ev = self.trainer.evaluate()
        self.evaluated.emit(self.trainer.step_count, float(ev.loss), float(ev.accuracy))

    def shutdown(self) -> None:
        """Stop training and the timer, and hand the worker back to the main thread (from the worker
        thread; the window then quits it).  Qt objects left in a finished thread crash the process
        when Python destroys them at exit."""
        self._running.clear()
        if self._timer is not None:
            self._timer.stop()
        self.moveToThread(QCoreApplication.instance().thread())


def start_worker(worker: TrainerWorker) -> QThread:
    """Move ``worker`` to a new running QThread (superqt's wiring) and return the thread."""
    thread = QThread()
    thread.setObjectName("trainerThread")
    worker.moveToThread(thread)
    thread.start()
    return thread


def stop_worker(worker: TrainerWorker, thread: QThread, timeout_ms: int = 3000) -> bool:
    """Stop cooperatively: pause, shut the worker down in its thread, quit and wait. Never terminate."""
    worker._running.clear()
    done = threading.Event()

    def finish(_trainer):
        worker.shutdown()
        done.set()

    worker.submit(finish)
    done.wait(timeout_ms / 1000)
    thread.quit()
    return thread.wait(timeout_ms)
