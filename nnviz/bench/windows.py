"""The windows a benchmark builds: deleted at once when measured."""
from __future__ import annotations


def dispose(window) -> None:
    """Close a window a benchmark built and delete it now, while its Python wrappers live (as the
    tests' ``close_and_delete``): left to the cycle collector, a closed window crashed a later one."""
    import gc

    from PySide6.QtCore import QCoreApplication, QEvent

    window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    gc.collect()
