"""Keep the memory of a long full-speed run flat (glibc's malloc; elsewhere these do nothing).

The trainer makes two parameter-sized arrays per step (a state's copies) and frees them a
step later, while the timeline keeps one state in a few hundred for ten seconds and the loss
surface builds large temporaries now and then.  glibc's default raises its mmap threshold
after each large free, so later multi-megabyte temporaries land in the heap between long-lived
states and leave holes; the process then swung by 100-200 MB (measured, 784-16-16-10).
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
        return libc if hasattr(libc, "mallopt") and hasattr(libc, "malloc_trim") else None
    except OSError:
        return None


_LIBC = _libc()


def limit_fragmentation() -> bool:
    """Fix glibc's mmap threshold at MMAP_THRESHOLD_BYTES (once, at start-up); False when not glibc."""
    return bool(_LIBC and _LIBC.mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES))


def release_free_memory() -> None:
    """Give the heap's free pages back to the system (``malloc_trim``; a millisecond or so)."""
    if _LIBC:
        _LIBC.malloc_trim(0)
