"""Lifetime in one place: how windows, workers and Python's cycle collector end.

Decided once per process (:func:`install`, called by :func:`nnviz.gui.app.application` and by
every window, idempotent):

* Python's cycle collector runs only in the GUI thread (pyqtgraph's ``GarbageCollector``: automatic
  collection off, a collection once a second).  Left automatic, it ran in whichever thread
  allocated, and the trainer's thread destroyed a closed window's Qt objects (crashes seen).
* At ``QApplication.aboutToQuit`` and at interpreter exit (``atexit``: a script that never calls
  ``app.exec()``, or leaves with ``sys.exit(n)`` from inside a slot) every window still open is
  closed (it saves its settings and autosaves an unsaved trained network), every trainer thread is
  stopped and joined, and the windows are deleted and collected while Python is still whole, so
  nothing is left for the interpreter's shutdown to destroy in the wrong order.
"""
from __future__ import annotations

import atexit
import gc
import weakref

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent
from pyqtgraph.util.garbage_collector import GarbageCollector

from nnviz.training.worker import stop_all_workers

_collector: GarbageCollector | None = None
_windows: "weakref.WeakSet" = weakref.WeakSet()
_hooked_apps: "weakref.WeakSet" = weakref.WeakSet()
_exiting = False


def exiting() -> bool:
    """Whether the program is ending (windows are being closed by :func:`shutdown`): a window
    cannot refuse to close then."""
    return _exiting


def install(app) -> None:
    """Set the collection policy and the exit hooks (once per process; once per application)."""
    global _collector
    if _collector is None:
        _collector = GarbageCollector(interval=1.0)
        atexit.register(shutdown)
    gc.collect()  # a new window starts from a clean heap
    if app is not None and app not in _hooked_apps:
        _hooked_apps.add(app)
        app.aboutToQuit.connect(shutdown)


def track(window) -> None:
    """Close and delete ``window`` at exit if nobody else did."""
    _windows.add(window)


def shutdown() -> None:
    """Close every tracked window still open, stop every trainer thread, delete the windows and
    collect, in the GUI thread.  Safe to call more than once."""
    global _exiting
    if QCoreApplication.instance() is None:
        return
    _exiting = True
    windows = [w for w in _windows if shiboken6.isValid(w)]
    for window in windows:
        if not window.closing:
            window.close()
    stop_all_workers()
    for window in windows:
        window.deleteLater()
    del windows
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    _windows.clear()
    gc.collect()
