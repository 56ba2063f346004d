"""The trainer's own process: ``python -m nnviz.training.child LANG FRAMES``, started by
:class:`nnviz.training.remote.ProcessWorker`.

It reads an authentication key from its standard input, listens on a local connection (a Unix
socket, a named pipe on Windows), prints that address as its one line of output, and serves one
window: a :class:`TrainerWorker` runs the session it is sent, in this process's main thread, under
Qt's core event loop; the window's requests arrive on a reader thread; every signal of the worker
goes back over the connection with the history and test figures' events before it (see
:mod:`nnviz.training.wire`).  The window says it has drawn a frame in the file FRAMES (a
:class:`~nnviz.training.frames.FrameCounter`), not over the connection.

While a small network plays at full speed the trainer's thread is the only one awake: it writes its
messages itself (a state of at most DIRECT_STATE_BYTES), and no acknowledgement wakes the reader.
Every wake-up of another thread of this process took Python's lock from the trainer: measured in
this process, the 3Blue1Brown trainer ran 0.88x of itself in a bare loop with a sender thread and
acknowledgements, 0.95x without (see the README, #19).  A bigger network's messages are written by
a sender thread, so that the trainer never waits for the window to read a state of megabytes (at
most SEND_QUEUE messages wait; then it does).  BLAS runs on every core but one: the window's GUI
thread has that one.
"""
from __future__ import annotations

import pickle
import queue
import signal
import sys
import threading
import traceback
from multiprocessing.connection import Listener
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from threadpoolctl import threadpool_limits

from nnviz.core.state import pack_state

from . import trainer_blas_threads
from .channel import Channel
from .frames import FrameCounter
from .wire import ForwardedHistory, ForwardedTests, Outbox, unpack
from .worker import TrainerWorker

TRANSLATIONS = Path(__file__).parent.parent / "gui" / "translations"
translate = QCoreApplication.translate
#: Messages that may wait for the sender thread before the trainer waits too (a 784-512-512-512-10
#: state is 7.5 MB: at most about 60 MB waiting).
SEND_QUEUE = 8
#: A session whose state (parameters and gradients) takes at most this many bytes has its messages
#: written by the trainer's thread (the 3Blue1Brown network's: 0.1 MB); a bigger one's by the sender.
DIRECT_STATE_BYTES = 2 * 2**20


class ChildWorker(TrainerWorker):
    """The worker of the trainer's process: sends what it does to the window over ``conn``."""

    def __init__(self, conn, frames: FrameCounter):
        super().__init__(None)
        self.conn = conn
        self.frames = frames  # the window's count of frames drawn
        self._drawn_at_send = -1  # that count when the last frame was sent
        self.outbox = Outbox()
        self._direct = False  # the trainer's thread writes the messages (a small network's)
        self._gone = False  # the window is gone: nothing more is written
        self._outgoing: queue.Queue = queue.Queue(SEND_QUEUE)
        self._sender = threading.Thread(target=self._send_all, name="sender", daemon=True)
        self._sender.start()
        for name in ("stepped", "branched", "diverged"):
            getattr(self, name).connect(lambda state, name=name: self.forward(name, self.packed(state)),
                                        Qt.DirectConnection)
        self.evaluated.connect(lambda *figures: self.forward("evaluated", figures), Qt.DirectConnection)
        self.failed.connect(lambda message: self.forward("failed", message), Qt.DirectConnection)
        self.runningChanged.connect(lambda running: self.forward("running", running), Qt.DirectConnection)
        self.speed.connect(lambda rate: self.forward("speed", rate), Qt.DirectConnection)
        self.finished.connect(lambda: self.forward("finished", None), Qt.DirectConnection)

    def packed(self, state):
        """A state to send: its step alone when it is the one just kept (the window has it), else
        packed with its probe pass (the window draws it: the pass is computed here, not there)."""
        history = self.session.history
        if history.latest() is state and history.forwarded is state:
            return state.step
        return pack_state(state, probe=True)

    def forward(self, name: str, payload) -> None:
        """Send (history events so far, signal name, payload) to the window, in order (called in
        the worker's thread only: the signals are connected directly): written here for a small
        network once the sender thread has written what it was given, else handed to it."""
        message = (self.outbox.take(), name, payload)
        if self._direct and not self._outgoing.unfinished_tasks:
            self._write(message)
        else:
            self._outgoing.put(message)

    def _write(self, message) -> None:
        """Write one message (the worker's thread or the sender's, never both at once).  A gone window
        stops training (the requests' reader then finishes the worker); a message that cannot be
        sent (a bug) pauses training and is reported in words."""
        if self._gone:
            return
        try:
            self.conn.send(message)
        except OSError:
            self._gone = True
            self._running.clear()
        except Exception as e:
            traceback.print_exc()
            text = translate("Worker", "Unexpected error: {kind}: {error}").format(kind=type(e).__name__, error=e)
            try:
                self.conn.send(([], "failed", text))
            except Exception:
                self._gone = True
            self.pause()  # in the worker's thread at once (what it sends then follows the report)

    def _send_all(self) -> None:
        """The sender thread: write the messages until None.  It never stops taking messages, so
        ``forward`` never waits for good."""
        while (message := self._outgoing.get()) is not None:
            self._write(message)
            self._outgoing.task_done()

    def _frame_ready(self) -> bool:
        return self.frames.value != self._drawn_at_send

    def _frame_sent(self) -> None:
        self._drawn_at_send = self.frames.value

    def close(self) -> None:
        """Send what waits, then end the sender thread (at most 10 s)."""
        try:
            self._outgoing.put(None, timeout=10)
        except queue.Full:
            return
        self._sender.join(timeout=10)

    def _pace(self, now: float) -> None:
        """No pacing here: the window draws in another process, so a frame costs the trainer only its
        sending; frames come as fast as the window draws them (its count of frames drawn), at most
        1 / MIN_FRAME_SECONDS a second."""

    def _chunk(self) -> bool:
        go_on = super()._chunk()
        if self.outbox.events or self.outbox.rows:
            self.forward("events", None)
        return go_on

    def _load_session(self, session) -> None:
        self._direct = 2 * session.trainer.state.theta.nbytes <= DIRECT_STATE_BYTES
        session.history = ForwardedHistory(self.outbox, session.trainer.state)
        session.tests = ForwardedTests(self.outbox)
        self.forward("loaded", session.number)
        super()._load_session(session)

    def _replace_data(self, data) -> None:
        self.forward("replacing", None)
        super()._replace_data(data)


def serve(conn, frames: FrameCounter) -> None:
    """Answer the window's requests until it asks to finish or goes away (main thread: Qt's loop)."""
    app = QCoreApplication.instance()
    worker = ChildWorker(conn, frames)

    def read():
        while True:
            try:
                name, args = conn.recv()
            except (EOFError, OSError):
                name, args = "finish", ()
            if name == "finish":
                worker._running.clear()
                worker._submit(worker.finish)
                return
            if name == "load_session":
                args = (pickle.loads(args[0]),)
            elif name == "branch_from":
                session = worker.session
                args = (unpack(args[0], session.trainer.net.frozen_config, session.data.X_test[session.probe_index]),)
            getattr(worker, name)(*args)

    worker.finished.connect(app.quit, Qt.QueuedConnection)
    reader = threading.Thread(target=read, name="requests", daemon=True)
    reader.start()
    app.exec()
    worker.close()
    reader.join(timeout=1)


def main() -> int:
    # Ctrl+C in a terminal reaches the whole process group: the window ends this process (it closes
    # the connection) after its autosave, which needs the newest state from here.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    lang, frames = sys.argv[1], FrameCounter(sys.argv[2])
    authkey = bytes.fromhex(sys.stdin.readline().strip())
    app = QCoreApplication(sys.argv[:1])
    translator = QTranslator(app)
    if lang != "en" and translator.load(f"nnviz_{lang}", str(TRANSLATIONS)):
        app.installTranslator(translator)
    with Listener(authkey=authkey) as listener:
        print(listener.address, flush=True)
        sys.stdout = sys.stderr  # the one line is said; anything else is for a person
        conn = listener.accept()
    with conn, threadpool_limits(trainer_blas_threads()):
        serve(Channel(conn), frames)
    frames.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
