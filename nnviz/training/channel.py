"""The connection between the window and the trainer's process, big arrays sent as they are.

``multiprocessing``'s ``Connection`` pickles a message into one bytes object, and reads one back
chunk by chunk into a growing ``BytesIO`` before unpickling copies the arrays out of it: for a
784-512-512-512-10 state (parameters and gradients: 7.5 MB) 25 reads and copies, which took the
window's reader thread a quarter of a core while the network played (the core the GUI thread
draws on).  A :class:`Channel` pickles a message with protocol 5 and sends the memory of its big
arrays out of band: the pickle goes as one of the connection's messages, then each array's bytes,
written from the array itself and read straight into the memory the received array will use (on
the connection's file descriptor on Unix; as the connection's own messages elsewhere).
"""
from __future__ import annotations

import os
import pickle
from multiprocessing.connection import Connection

import numpy as np

#: Arrays at least this big travel out of band (a 3Blue1Brown state's are all smaller: its messages
#: are one write each, as before).
OUT_OF_BAND_BYTES = 256 * 1024


class Channel:
    """``send(message)`` / ``recv()`` over a ``multiprocessing`` connection ``conn`` (see the module's
    docstring); both ends must be Channels.  Arrays received out of band are backed by memory of
    their own (read-only when they were)."""

    def __init__(self, conn):
        self.conn = conn
        # The Unix connection's file descriptor, read and written directly; None: its messages.
        self._fd = conn.fileno() if type(conn) is Connection and hasattr(os, "readv") else None

    def send(self, message) -> None:
        """Pickle ``message`` and write it, its big arrays' bytes after it (never half a message:
        a message that cannot be pickled raises before anything is written)."""
        buffers = []
        head = pickle.dumps(message, protocol=5,
                            buffer_callback=lambda b: b.raw().nbytes < OUT_OF_BAND_BYTES or buffers.append(b))
        raws = [b.raw() for b in buffers]
        self.conn.send((head, [raw.nbytes for raw in raws]))
        for raw in raws:
            self._write(raw)

    def recv(self):
        """The next message (EOFError or OSError when the other end is gone)."""
        head, sizes = self.conn.recv()
        return pickle.loads(head, buffers=[self._read(n) for n in sizes])

    def close(self) -> None:
        self.conn.close()

    def _write(self, raw: memoryview) -> None:
        if self._fd is None:
            self.conn.send_bytes(raw)
            return
        while raw.nbytes:
            raw = raw[os.write(self._fd, raw):]

    def _read(self, n: int) -> np.ndarray:
        buffer = np.empty(n, np.uint8)  # not zeroed first: every byte is read into it
        if self._fd is None:
            self.conn.recv_bytes_into(buffer)
            return buffer
        view = memoryview(buffer)
        while view.nbytes:
            got = os.readv(self._fd, [view])
            if not got:
                raise EOFError("the other end closed the connection")
            view = view[got:]
        return buffer
