"""nnviz.training: where the window's trainer runs, apart from the window.

Imports Qt's core module only (no widgets, no pyqtgraph), so the trainer's own process starts
light.  :mod:`.worker` runs a session in a thread; :mod:`.remote` runs it in a child process
(:mod:`.child`) and mirrors what it does into the window's session; :mod:`.wire` is what
travels between the two.
"""
import os

#: Where the window's trainer runs: "process" (default) or "thread" (NNVIZ_TRAINER, ``nnviz --trainer``).
PLACES = ("process", "thread")


def trainer_place() -> str:
    """Where the window's trainer runs: NNVIZ_TRAINER if it names a place, else "process"."""
    place = os.environ.get("NNVIZ_TRAINER", "process")
    return place if place in PLACES else "process"


def cores() -> int:
    """Cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


def trainer_blas_threads() -> int:
    """BLAS threads for the trainer: every core but the one the window's GUI thread draws on."""
    return max(1, cores() - 1)
