"""The window's count of frames drawn, shared with the trainer's process without a message.

The window adds one each time it has drawn a state it was sent (``frame_done``); the trainer's
process looks at it when it has a frame to send, and sends one only once the last was drawn.  Sent
over the connection, each acknowledgement woke a thread of the trainer's process that then took
Python's lock from the trainer (about 50 times a second at full speed): with the acknowledgements
and the messages both off the trainer's lock, its 3Blue1Brown network ran 0.95x of the same trainer
in a bare loop in the same process, against 0.88x (see the README, #19).

The count is 8 bytes of a memory-mapped file (the same on Linux, macOS and Windows), written by the
window's GUI thread only, read by the trainer's process only; the window creates and removes it.
"""
from __future__ import annotations

import mmap
import os
import struct
import tempfile

_COUNT = struct.Struct("<Q")


class FrameCounter:
    """A count in the memory-mapped file ``path`` (``create``: a new file holding 0)."""

    def __init__(self, path: str, create: bool = False):
        self.path = path
        with open(path, "w+b" if create else "r+b") as f:
            if create:
                f.write(bytes(_COUNT.size))
                f.flush()
            self._map = mmap.mmap(f.fileno(), _COUNT.size)

    @classmethod
    def create(cls) -> "FrameCounter":
        """A new count of 0 in a new temporary file."""
        fd, path = tempfile.mkstemp(prefix="nnviz-frames-")
        os.close(fd)
        return cls(path, create=True)

    @property
    def value(self) -> int:
        return _COUNT.unpack_from(self._map)[0]

    def add_one(self) -> None:
        """One more frame drawn (the one writer: the window's GUI thread)."""
        _COUNT.pack_into(self._map, 0, self.value + 1)

    def close(self, remove: bool = False) -> None:
        """Unmap it; ``remove`` the file too (the window, once the trainer's process has ended)."""
        if not self._map.closed:
            self._map.close()
        if remove:
            try:
                os.remove(self.path)
            except OSError:
                pass
