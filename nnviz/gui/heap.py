"""Keep the memory of a long full-speed run flat (glibc's malloc; elsewhere this does nothing).

The trainer makes two parameter-sized arrays per step (a state's copies) and frees them a
step later, while the timeline keeps one state in a few hundred for ten seconds and the loss
surface builds large temporaries now and then.  glibc's default raises its mmap threshold
after each large free, so later multi-megabyte temporaries land in the heap between long-lived
states and leave holes.  Measured over 60 s of full-speed play (784-16-16-10, window open, after
the timeline's history had filled): with the threshold fixed, 246 -> 265 MB and flat for the
last 35 s; with glibc's default, 283 -> 370 MB and still climbing in steps.

Not done, on purpose: ``malloc_trim`` (returning free heap pages to the system).  It kept the
process flatter still, but it turned PySide's occasional use of a freed wrapper while deleting a
closed window (harmless while the freed memory still held its old bytes) into a crash: two test
runs in five segfaulted with it, none in seven without.
"""
from __future__ import annotations

import ctypes
import ctypes.util

M_MMAP_THRESHOLD = -3  # mallopt's parameter number (malloc.h)
#: Arrays from this size are mapped on their own and returned to the system when freed. Above a
#: 784-256-128-10 state's 1.9 MB, so the trainer's per-step arrays stay on the fast heap path.
MMAP_THRESHOLD_BYTES = 4 * 2**20


def _libc():
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        return libc if hasattr(libc, "mallopt") else None
    except OSError:
        return None


_LIBC = _libc()


def limit_fragmentation() -> bool:
    """Fix glibc's mmap threshold at MMAP_THRESHOLD_BYTES (once, at start-up); False when not glibc."""
    return bool(_LIBC and _LIBC.mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES))
