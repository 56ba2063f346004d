"""Start the application: ``nnviz`` (a window) or ``nnviz --screenshot FILE --steps N`` (a PNG)."""
from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtGui import QImageWriter
from PySide6.QtWidgets import QApplication

from nnviz.cli_language import error_text, translate
from nnviz.lessons import find_lesson

from . import lifetime
from .heap import limit_fragmentation
from .language import install_translator
from .share import flush_redraws, pane_widget

SCREENSHOT_TIMEOUT = 120.0  # seconds


def application() -> QApplication:
    """The QApplication, created once, named so QSettings and QStandardPaths find nnviz's folders."""
    app = QApplication.instance()
    if app is None:
        QCoreApplication.setOrganizationName("nnviz")
        QCoreApplication.setApplicationName("nnviz")
        limit_fragmentation()
        app = QApplication(sys.argv[:1])
    lifetime.install(app)
    return app


def close_on_interrupt(app: QApplication) -> None:
    """Ctrl+C in the terminal closes the windows as their close buttons do (the network autosaved,
    the trainer's process ended), and the application ends with code 0.  Python runs a signal
    handler only between its own bytecodes on the main thread, and Qt's event loop runs none while
    the window is idle: a timer wakes it five times a second."""
    signal.signal(signal.SIGINT, lambda *_: QTimer.singleShot(0, app.closeAllWindows))
    wake = QTimer(app)
    wake.timeout.connect(lambda: None)
    wake.start(200)


def _yes(_title: str, _text: str) -> bool:
    return True


def prepare(window, preset: str | None, tab: str | None, open_path: str | None = None) -> None:
    """Apply a lesson, open a model and bring a tab forward, as asked on the command line (a model
    that cannot be opened is reported in the window)."""
    if preset:
        window.confirm = _yes
        window.load_lesson(preset)
    if open_path:
        window.open_model(open_path)
    if tab:
        window.docks[f"{'formula' if tab == 'formulas' else tab}Dock"].raise_()


def take_screenshot(path: str, steps: int = 0, preset: str | None = None, tab: str | None = None,
                    open_path: str | None = None, pane: str = "window", lang: str | None = None) -> int:
    """Build the window offscreen, train ``steps`` steps, save a PNG of the whole window (or of
    ``pane``, a name of :data:`nnviz.panes.PANES`), in ``lang`` (default: the system's).

    A name without an extension gets ``.png``; another image format Qt writes (.jpg, .bmp...) is
    used as asked; anything else, or a missing folder, is refused in words before any work."""
    target = Path(path)
    if not target.suffix:
        target = target.with_suffix(".png")
    formats = {bytes(f).decode().lower() for f in QImageWriter.supportedImageFormats()}
    if target.suffix[1:].lower() not in formats:
        print("nnviz: " + translate("App", "--screenshot writes an image such as a .png, not {suffix}: try "
                                           "{path}").format(suffix=target.suffix, path=target.with_suffix(".png")),
              file=sys.stderr)
        return 2
    if not target.parent.is_dir():
        print("nnviz: " + translate("App", "could not write {path}: the folder {folder} does not "
                                           "exist").format(path=target, folder=target.parent), file=sys.stderr)
        return 2
    path = str(target)
    # Offscreen whether or not there is a display: a DISPLAY that cannot be reached (or an X
    # server without the libraries Qt's xcb plugin needs) aborted the process with no picture.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = application()
    install_translator(app, lang)  # the language asked for, or the system's: not the user's setting
    from .main_window import MainWindow

    # Screenshots show the defaults, not this user's remembered settings.
    window = MainWindow(remember=False)
    window.show()
    app.processEvents()
    prepare(window, preset, tab, open_path)
    widget = pane_widget(window, pane)
    app.processEvents()
    if steps > 0:
        window.step(steps)
        if not window.wait_for_step(steps, SCREENSHOT_TIMEOUT, stopped=True):
            print("nnviz: " + translate("App", "timed out after {seconds} s waiting for {steps} steps").format(
                seconds=f"{SCREENSHOT_TIMEOUT:.0f}", steps=steps), file=sys.stderr)
    deadline = time.monotonic() + 20
    for i in range(2000):  # let the loss surface finish (it is computed in the background)
        app.processEvents()
        time.sleep(0.01)
        if i >= 20 and not window.loss_surface.jobs.busy() or time.monotonic() > deadline:
            break
    flush_redraws(window)  # the curves redraw twice a second: draw the last steps now
    for _ in range(3):  # axes widen to their new labels over a pass or two
        app.processEvents()
        widget.grab()
    ok = widget.grab().save(path)
    window.close()
    if not ok:
        print("nnviz: " + translate("App", "could not write {path}").format(path=path), file=sys.stderr)
        return 2
    print(translate("App", "saved {path} (step {step})").format(path=path, step=window.current_state.step))
    return 0


def run(screenshot: str | None = None, steps: int = 0, preset: str | None = None, tab: str | None = None,
        open_path: str | None = None, pane: str = "window", lang: str | None = None) -> int:
    """Open the window (or take a screenshot) in ``lang`` (default: View > Language, else the
    system's) and return the exit code."""
    if preset:
        try:
            find_lesson(preset)
        except ValueError as e:
            print(f"nnviz: {error_text(e)}", file=sys.stderr)
            return 2
    if screenshot:
        return take_screenshot(screenshot, steps, preset, tab, open_path, pane, lang)
    if (sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM")
            and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY")):
        print("nnviz: " + translate("App", "no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY is "
                                           "set); use --screenshot FILE for a picture, or run it under xvfb-run"),
              file=sys.stderr)
        return 2
    app = application()
    install_translator(app, lang, QSettings())
    from .main_window import MainWindow

    window = MainWindow()
    window.show()
    prepare(window, preset, tab, open_path)
    close_on_interrupt(app)
    return app.exec()
