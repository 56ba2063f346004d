"""The trainer in its own process, seen from the window: :class:`ProcessWorker`.

Same requests and signals as :class:`nnviz.training.worker.TrainerWorker`, but the session is
trained by a :mod:`nnviz.training.child` process, so the trainer and the window no longer share
one interpreter lock (nor one core).  The window keeps its :class:`Session` as a mirror: a reader
thread receives the child's messages, writes the history and test figures they carry into it
(:func:`nnviz.training.wire.replay`), moves its trainer's newest state along
(:meth:`Trainer.follow`) and emits the worker's signals.

The child is started with ``python -m nnviz.training.child`` (``subprocess``, not
``multiprocessing``: a spawned multiprocessing child imports the user's ``__main__`` again, which
would build a second window from a script without an ``if __name__ == "__main__"`` guard).  A
child that dies is reported in words and started again from the newest kept state (the
optimiser's moments start afresh); after MAX_RESTARTS in a row it is not.
"""
from __future__ import annotations

import os
import pickle
import subprocess
import sys
import threading
import time
from multiprocessing import AuthenticationError
from multiprocessing.connection import Client

from PySide6.QtCore import QCoreApplication

from nnviz.core.state import pack_state
from nnviz.session import Session

from .channel import Channel
from .frames import FrameCounter
from .wire import replay, unpack
from .worker import _WORKERS, Worker

translate = QCoreApplication.translate  # nnviz.gui.language's, without importing the widgets

#: Restarts of a child that keeps dying before the window gives up (each restart resets it when a
#: child lived for RESTART_RESET_SECONDS).
MAX_RESTARTS, RESTART_RESET_SECONDS = 3, 30.0


class ProcessWorker(Worker):
    """Runs a Session's trainer in a child process; see the module's docstring.  Signals as
    :class:`~nnviz.training.worker.Worker`, requests as :class:`~nnviz.training.worker.TrainerWorker`."""

    def __init__(self, session: Session, lang: str = "en"):
        super().__init__()
        self.session = session
        self.lang = lang
        self._sessions = {session.number: session}  # sent, by number: the child's messages name theirs
        self._child_session = session  # the session the child's messages are about
        self._pending_data: list = []  # data sets sent with replace_data, oldest first
        self._running = threading.Event()
        self._finished = threading.Event()
        self._stopping = threading.Event()
        self._send_lock = threading.Lock()
        self._conn = None
        self._backlog: list = []  # requests made before the child connected
        self._connected = threading.Event()
        self._restarts, self._started = 0, 0.0
        self._process = None
        self._reader = None
        self._frames = FrameCounter.create()  # frames drawn: read by the child, no message (see .frames)
        self._start_child()
        _WORKERS.add(self)

    # ------------------------------------------------------------ lifetime
    def _start_child(self) -> None:
        authkey = os.urandom(16)
        self._process = subprocess.Popen([sys.executable, "-m", "nnviz.training.child", self.lang, self._frames.path],
                                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self._process.stdin.write(authkey.hex() + "\n")
        self._process.stdin.close()
        self._started = time.monotonic()
        self._reader = threading.Thread(target=self._read, args=(self._process, authkey),
                                        name="trainerProcessReader", daemon=True)
        self._reader.start()

    def _read(self, process, authkey: bytes) -> None:
        """The reader thread: connect, send the session, then turn the child's messages into signals."""
        address = process.stdout.readline().strip()
        conn = None
        if address:
            try:
                conn = Channel(Client(address, authkey=authkey))
            except (OSError, EOFError, AuthenticationError):
                conn = None
        if conn is None:
            return self._lost(process)
        with self._send_lock:
            self._child_session = self.session
            try:
                conn.send(("load_session", (pickle.dumps(self.session, protocol=pickle.HIGHEST_PROTOCOL),)))
                for name, args in self._backlog:
                    if name != "load_session":
                        conn.send((name, args))
            except OSError:  # ended while starting (the window closed at once, or a crash)
                conn.close()
                conn = None
            else:
                self._backlog.clear()
                self._conn = conn
        if conn is None:
            return self._lost(process)
        self._connected.set()
        while True:
            try:
                events, name, payload = conn.recv()
            except (EOFError, OSError):
                break
            try:
                self._receive(events, name, payload)
            except Exception as e:  # a bug must not kill the reader: report it in words
                self.failed.emit(translate("Worker", "Unexpected error: {kind}: {error}").format(
                    kind=type(e).__name__, error=e))
            if name == "finished":
                break
        conn.close()
        if not self._stopping.is_set():
            self._lost(process)

    def _lost(self, process) -> None:
        """The child ended without being asked to: say so, and start another (reader thread)."""
        with self._send_lock:
            self._conn = None
        self._connected.clear()
        if self._stopping.is_set():
            return
        try:
            code = process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            code = process.wait()
        was_running = self._running.is_set()
        self._running.clear()
        if was_running:
            self.runningChanged.emit(False)
        if time.monotonic() - self._started > RESTART_RESET_SECONDS:
            self._restarts = 0
        self._restarts += 1
        if self._restarts > MAX_RESTARTS:
            self.failed.emit(translate("Worker", "The trainer's process stopped (exit code {code}) {n} times in a row; "
                                                 "training is not possible now. Save your work and restart nnviz.")
                             .format(code=code, n=MAX_RESTARTS + 1))
            return
        session = self.session
        latest = session.history.latest()
        if latest is not None:
            session.trainer.restore(latest)  # the window's twin trainer: its network takes the newest kept state
        self.failed.emit(translate("Worker", "The trainer's process stopped (exit code {code}); it was restarted "
                                             "from step {step} (the optimiser starts afresh).")
                         .format(code=code, step=f"{session.trainer.step_count:,}"))
        self._child_session = session
        self._start_child()

    def _send(self, name: str, *args) -> None:
        """A request to the child (kept until it connects; a restart loads the session again)."""
        with self._send_lock:
            if self._finished.is_set():
                return
            if self._conn is None:
                self._backlog.append((name, args))
                return
            try:
                self._conn.send((name, args))
            except OSError:
                pass

    def stop(self, timeout_ms: int = 3000) -> bool:
        """Ask the child to finish (it keeps the newest state, which arrives first), wait for it, and
        end it if it does not (a process, not a thread: ending it loses nothing kept).  Safe twice."""
        if self._finished.is_set() and self._process is None:
            return True
        self._stopping.set()
        self._running.clear()
        self._send("finish")
        reader, process = self._reader, self._process
        if self._connected.is_set() and reader is not None:
            reader.join(timeout_ms / 1000)
        self._finished.set()
        ok = True
        if process is not None:
            try:
                process.wait(timeout=timeout_ms / 1000 if self._connected.is_set() else 0.01)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
                ok = not self._connected.is_set()  # killed before it had anything: nothing lost
        if reader is not None:
            reader.join(1.0)
        if process is not None:
            process.stdout.close()
        self._process = None
        self._frames.close(remove=True)
        self.finished.emit()
        return ok

    @property
    def is_finished(self) -> bool:
        return self._finished.is_set()

    @property
    def stopped(self) -> bool:
        """Whether the child has ended and the reader thread with it."""
        return self._process is None and (self._reader is None or not self._reader.is_alive())

    # ------------------------------------------------------------ messages (reader thread)
    def _receive(self, events: list, name: str, payload) -> None:
        session = self._child_session
        replay(events, session)  # what happened before this message, in the session it happened in
        if name == "loaded":
            self._child_session = self._sessions.pop(payload, self.session)
            for number in [n for n in self._sessions if n < payload]:
                del self._sessions[number]
        elif name == "replacing":
            session.use_data(self._pending_data.pop(0))
        elif name in ("stepped", "branched", "diverged"):
            state = self._state(session, payload)
            session.trainer.follow(state)
            if name == "branched":
                session.tests.forget_after(state.step)
            getattr(self, name).emit(state)
        elif name == "evaluated":
            self.evaluated.emit(*payload)
        elif name == "failed":
            self.failed.emit(payload)
        elif name == "running":
            (self._running.set if payload else self._running.clear)()
            self.runningChanged.emit(payload)
        elif name == "speed":
            self.speed.emit(payload)

    @staticmethod
    def _state(session: Session, payload):
        """The state a message names: the kept one of that step, or the packed one it carries."""
        if isinstance(payload, int):
            i = session.history.index_of_step(payload)
            return session.history[i] if i >= 0 else session.history.latest()
        return unpack(payload, session.trainer.net.frozen_config, session.data.X_test[session.probe_index])

    # ------------------------------------------------------------ requests (GUI thread)
    def load_session(self, session: Session) -> None:
        self._running.clear()
        self.session = session
        self._sessions[session.number] = session
        self._pending_data.clear()
        with self._send_lock:
            connected = self._conn is not None
        if connected:  # else the reader sends self.session when the child connects
            self._send("load_session", pickle.dumps(session, protocol=pickle.HIGHEST_PROTOCOL))

    def play(self) -> None:
        self._send("play")

    def step(self, n: int = 1) -> None:
        self._send("step", n)

    def pause(self) -> None:
        self._running.clear()
        self._send("pause")

    def set_training(self, training: dict) -> None:
        self.session.set_training(training)  # the window's twin follows (it is what a restart starts from)
        self._send("set_training", training)

    def branch_from(self, state) -> None:
        self._send("branch_from", pack_state(state))

    def keep_parameters(self, theta) -> None:
        self._send("keep_parameters", theta)

    def replace_data(self, data) -> None:
        self._pending_data.append(data)
        self._send("replace_data", data)

    def resume(self, lr: float) -> None:
        self.session.resume(lr)
        self._send("resume", lr)

    def evaluate_now(self) -> None:
        self._send("evaluate_now")

    @property
    def running(self) -> bool:
        return self._running.is_set()

    def set_speed(self, steps_per_second: float) -> None:
        self._send("set_speed", float(steps_per_second))

    def frame_done(self) -> None:
        """The GUI has drawn a state: counted in the file the child reads (no message, no wake-up)."""
        if not self._finished.is_set():
            self._frames.add_one()

