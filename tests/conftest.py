"""Shared test set-up: Qt renders offscreen, so the suite runs with no display."""
import gc
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def close_and_delete(widget) -> None:
    """Close ``widget`` and delete its C++ side now, then collect its Python wrappers.

    The app has one window for its whole life; a test suite builds and throws away a hundred.
    Deleted later (pytest-qt's deleteLater), a window met Python wrappers of its items already
    collected, or a new object met a stale wrapper at a reused address, and PySide crashed in
    releaseWrapper.  Deleted here, while its wrappers are alive, and collected right after,
    neither can happen.  (Windows a test leaves open are closed and deleted at the end of the
    run by ``nnviz.gui.lifetime``, as in the app.)
    """
    from PySide6.QtCore import QCoreApplication, QEvent

    if not getattr(widget, "closing", False):  # a MainWindow closes once (it autosaves then)
        widget.close()
    widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    gc.collect()
