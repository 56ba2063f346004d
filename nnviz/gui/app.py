"""Start the application: ``nnviz`` (a window) or ``nnviz --screenshot FILE --steps N`` (a PNG)."""
from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

SCREENSHOT_TIMEOUT = 120.0  # seconds


def application() -> QApplication:
    """The QApplication, created once, named so QSettings and QStandardPaths find nnviz's folders."""
    app = QApplication.instance()
    if app is None:
        QCoreApplication.setOrganizationName("nnviz")
        QCoreApplication.setApplicationName("nnviz")
        app = QApplication(sys.argv[:1])
    return app


def wait_for_step(window, step: int, timeout: float = SCREENSHOT_TIMEOUT) -> bool:
    """Process events until the window shows ``step`` (or the run stops)."""
    app = QApplication.instance()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        app.processEvents()
        state = window.current_state
        if state is not None and (state.step >= step or state.diverged) and not window.worker.running:
            return True
        time.sleep(0.005)
    return False


def take_screenshot(path: str, steps: int = 0) -> int:
    """Build the window offscreen, train ``steps`` steps, save a PNG of the whole window."""
    if "QT_QPA_PLATFORM" not in os.environ and not os.environ.get("DISPLAY"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    app = application()
    from .main_window import MainWindow

    # Screenshots show the defaults, not this user's remembered settings.
    window = MainWindow(remember=False)
    window.show()
    app.processEvents()
    if steps > 0:
        window.step(steps)
        if not wait_for_step(window, steps):
            print(f"nnviz: timed out after {SCREENSHOT_TIMEOUT:.0f} s waiting for {steps} steps", file=sys.stderr)
    deadline = time.monotonic() + 20
    for i in range(2000):  # let the loss surface finish (it is computed in the background)
        app.processEvents()
        time.sleep(0.01)
        if i >= 20 and not window.loss_surface.jobs.busy() or time.monotonic() > deadline:
            break
    app.processEvents()
    ok = window.grab().save(path)
    window.close()
    if not ok:
        print(f"nnviz: could not write {path}", file=sys.stderr)
        return 2
    print(f"saved {path} (step {window.current_state.step})")
    return 0


def run(screenshot: str | None = None, steps: int = 0) -> int:
    """Open the window (or take a screenshot) and return the exit code."""
    if screenshot:
        return take_screenshot(screenshot, steps)
    app = application()
    from .main_window import MainWindow

    window = MainWindow()
    window.show()
    return app.exec()
