"""Shared test set-up: Qt renders offscreen, so the suite runs with no display."""
import gc
import os
import sys

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def close_and_delete(widget) -> None:
    """Close ``widget`` and delete its C++ side now, then collect its Python wrappers.

    What the app never does (it has one window, and leaves with os._exit), a test suite does a
    hundred times: build a window and throw it away.  Deleted later (pytest-qt's deleteLater),
    a window met Python wrappers of its items already collected, or a new object met a stale
    wrapper at a reused address, and PySide crashed in releaseWrapper.  Deleted here, while its
    wrappers are alive, and collected right after, neither can happen.
    """
    from PySide6.QtCore import QCoreApplication, QEvent

    if not getattr(widget, "_closing", False):  # a MainWindow closes once (it autosaves then)
        widget.close()
    widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    gc.collect()


_exit_status = [0]


def pytest_sessionfinish(session, exitstatus):
    _exit_status[0] = int(exitstatus)


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config):
    """Leave as the app does (``nnviz.cli.entry``): Qt objects left for Python's shutdown to
    destroy crashed the process now and then, after every test had passed."""
    if "PySide6.QtWidgets" in sys.modules:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(_exit_status[0])
