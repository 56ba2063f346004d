"""Loss-surface computations off the GUI thread: the newest request wins, the older one is cancelled."""
from __future__ import annotations

import os
import threading
import traceback

from PySide6.QtCore import QObject, Signal


#: How much nicer a job's thread is than the GUI thread (Linux): when both want the one core the
#: trainer's process leaves free, the GUI thread gets about nine tenths of it, so a surface being
#: computed does not stall the frames (784-512-512-512-10 playing: GUI timer gaps p99 49 -> 17-37 ms,
#: timeline scrubs p99 58 -> 31-41 ms).
JOB_NICE = 10


def yield_to_the_gui() -> None:
    """Lower the calling thread's scheduling priority by JOB_NICE (Linux; elsewhere nothing)."""
    try:
        me = threading.get_native_id()
        os.setpriority(os.PRIO_PROCESS, me, min(19, os.getpriority(os.PRIO_PROCESS, me) + JOB_NICE))
    except (AttributeError, OSError):  # no per-thread priorities here
        pass


class SurfaceJobs(QObject):
    """Runs ``compute(should_stop, on_row) -> result`` in a Python thread of its own, one at a time,
    at a lower priority than the GUI thread's (:func:`yield_to_the_gui`).

    The thread is started at the first request and serves the next ones: starting a thread makes
    the caller wait until the new thread runs (3 ms on average, up to 19 ms, on a 2-core machine
    whose other core trains: four requests a second while a big network plays).  A request waits
    for the running one to stop (it was told to); a newer request replaces a waiting one.

    Signals (delivered in the GUI thread): ``row(token, i, values)`` for each finished row,
    ``done(token, result)``, ``failed(token, message)``.  ``token`` identifies the request, so
    late signals of a cancelled one can be told apart.
    """

    row = Signal(int, int, object)
    done = Signal(int, object)
    failed = Signal(int, str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._thread: threading.Thread | None = None
        self.closed = False
        self._stop = threading.Event()
        self.token = 0
        self._next = None  # (token, stop, compute) of the request waiting for the thread
        self._running = False
        # Deleted without shutdown() (its parent widget destroyed): the running job stops at its next
        # row and the thread ends.  (The slot holds no reference to self.)
        gone, wake = self._gone, self._wake = threading.Event(), threading.Condition()

        def on_destroyed(*_):
            gone.set()
            with wake:
                wake.notify_all()

        self.destroyed.connect(on_destroyed)

    def submit(self, compute) -> int:
        """Start ``compute`` (cancelling any running one); returns its token (-1 after shutdown)."""
        if self.closed:
            return -1
        self.cancel()
        self.token += 1
        token, stop = self.token, threading.Event()
        self._stop = stop
        with self._wake:
            self._next = (token, stop, compute)
            self._wake.notify()
        if self._thread is None:
            self._thread = threading.Thread(target=self._serve, name="nnviz-surface", daemon=True)
            self._thread.start()
        return token

    def _serve(self) -> None:
        """The thread's loop: the waiting request, run, until shutdown or deletion."""
        yield_to_the_gui()
        gone, wake = self._gone, self._wake
        while True:
            with wake:
                self._running = False
                while self._next is None and not (self.closed or gone.is_set()):
                    wake.wait()
                if self.closed or gone.is_set():
                    return
                request, self._next, self._running = self._next, None, True
            self._run(*request)

    def _run(self, token: int, stop: threading.Event, compute) -> None:
        gone = self._gone

        def should_stop():
            return stop.is_set() or gone.is_set()

        def emit(signal, *args):
            try:
                signal.emit(*args)
            except RuntimeError:  # the pane was deleted meanwhile: nobody is listening
                stop.set()

        try:
            result = compute(should_stop, lambda i, values: emit(self.row, token, i, values))
        except Exception as e:  # reported in words in the pane; the window goes on
            if not should_stop():
                traceback.print_exc()
                emit(self.failed, token, f"{type(e).__name__}: {e}")
            return
        if not should_stop():
            emit(self.done, token, result)

    def busy(self) -> bool:
        """Whether a request is being computed or waits to be."""
        with self._wake:
            return self._running or self._next is not None

    def cancel(self) -> None:
        """Stop the running computation; its late signals carry an old token and are ignored."""
        self._stop.set()
        self.token += 1

    def shutdown(self, timeout: float = 2.0) -> None:
        """Cancel, refuse new work, and wait for the thread (it stops between two rows)."""
        self.closed = True
        self.cancel()
        with self._wake:
            self._next = None
            self._wake.notify_all()
        if self._thread is not None:
            self._thread.join(timeout)
