"""Shared test set-up: Qt renders offscreen, so the suite runs with no display."""
import gc
import os

import pytest

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


@pytest.fixture
def settings(tmp_path):
    """A QSettings of this test's own (the user's are never read or written)."""
    from PySide6.QtCore import QSettings

    return QSettings(str(tmp_path / "nnviz.ini"), QSettings.IniFormat)


@pytest.fixture
def window(qtbot, settings, tmp_path):
    """A shown MainWindow with its own settings and data folder, that says yes to every question."""
    from nnviz.gui.main_window import MainWindow

    w = MainWindow(settings=settings, data_dir=tmp_path)
    w.confirm = lambda title, text: True
    w.show()
    yield w
    close_and_delete(w)
