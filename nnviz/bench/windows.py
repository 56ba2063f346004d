"""The windows a benchmark builds: run for a while, deleted at once when measured, and the
environment of a benchmark's child process."""
from __future__ import annotations

import os


def run_events(seconds: float) -> None:
    """Let this thread's Qt event loop run for ``seconds`` (the window draws, signals arrive)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


def child_env() -> dict:
    """This process's environment for a benchmark's child, Qt offscreen unless a platform is set
    (without a display a child would stop at start)."""
    return dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))


def dispose(window) -> None:
    """Close a window a benchmark built and delete it now, while its Python wrappers live (as the
    tests' ``close_and_delete``): left to the cycle collector, a closed window crashed a later one."""
    import gc

    from PySide6.QtCore import QCoreApplication, QEvent

    window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    gc.collect()
