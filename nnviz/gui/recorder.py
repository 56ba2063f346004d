"""Record the window or a pane to an animated GIF or an MP4 while training runs or the timeline moves.

Frames are the pane's own rendering (``QWidget.grab``, so recording works offscreen), taken at a
fixed frame rate with the step on display burned in.  A frame budget keeps training going: when a
capture takes long (a large window), the next one waits so capturing takes at most
:attr:`Recorder.BUDGET` of the GUI thread's time; frames then come less often and last longer (the
clip still plays in real time).  Stopping writes the file on a thread of its own (atomically,
reporting progress), while the window goes on.
"""
from __future__ import annotations

import threading
import time
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from nnviz.core.animation import Clip, check_target, write_animation
from nnviz.core.errors import QT_TRANSLATE_NOOP, ConfigError, NNVizError
from nnviz.core.paths import writable_target
from nnviz.panes import PANES

from .language import error_text, translate
from .share import frame_of, pane_widget


class Recorder(QObject):
    """Frame capture and file writing for one window.

    Signals: ``recordingChanged(bool)``; ``progress(done, total)`` frames encoded while writing;
    ``saved(path, bytes)``; ``failed(message)``.
    Attributes: ``clip`` (:class:`nnviz.core.animation.Clip`: frames, durations, ``steps`` = the
    step each frame shows), ``path``, ``pane``, ``fps``.
    """

    recordingChanged = Signal(bool)
    progress = Signal(int, int)
    saved = Signal(str, int)
    failed = Signal(str)

    #: At most this share of the GUI thread's time goes to capturing frames.
    BUDGET = 0.35
    #: Compressed frames kept in memory before the recording stops by itself (and is saved).
    MAX_BYTES = 400 * 2**20

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.clip = Clip()
        self.path: Path | None = None
        self.pane = "window"
        self.fps = 15.0
        self.capture_seconds = 0.0  # time spent capturing, for the budget and the tests
        self._widget = None
        self._pending = None  # (frame, step, time taken): added once its duration is known
        self._thread: threading.Thread | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.capture)

    @property
    def recording(self) -> bool:
        return self._widget is not None

    @property
    def writing(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self, path, pane: str = "window", fps: float = 15.0) -> bool:
        """Start recording ``pane`` (a name of :data:`nnviz.panes.PANES`) to ``path`` (.gif, or .mp4
        with the video extra) at ``fps`` frames a second.  False, with the reason in the window,
        when the file cannot be written or a recording is already running or being written."""
        try:
            if self.recording or self.writing:
                raise ConfigError(QT_TRANSLATE_NOOP("Errors", "a recording is already running or being written: wait "
                                                    "for it"))
            if pane not in PANES:
                raise ConfigError(QT_TRANSLATE_NOOP("Errors", "no pane {pane}: choose one of {panes}"), pane=repr(pane),
                                  panes=", ".join(PANES))
            if not 0 < fps <= 60:
                raise ConfigError(QT_TRANSLATE_NOOP(
                    "Errors", "the frame rate must be between 1 and 60 frames a second, not {fps}"), fps=fps)
            check_target(path)
            writable_target(path, ConfigError)
        except NNVizError as exc:
            self.window.error(translate("Recorder", "Could not record"), error_text(exc))
            return False
        self.path, self.pane, self.fps = Path(path).expanduser(), pane, float(fps)
        self.clip, self._pending, self.capture_seconds = Clip(), None, 0.0
        self._widget = pane_widget(self.window, pane)
        self.recordingChanged.emit(True)
        self.capture()
        return True

    def capture(self) -> None:
        """Take one frame now and plan the next one (within the frame rate and the budget)."""
        if not self.recording:
            return
        began = time.perf_counter()
        state = self.window.current_state
        frame = frame_of(self._widget, state.step if state is not None else 0)
        self._add_pending(began)
        self._pending = (frame, state.step if state is not None else 0, began)
        cost = time.perf_counter() - began
        self.capture_seconds += cost
        if self.clip.nbytes > self.MAX_BYTES:
            self.window.show_banner(translate("Recorder", "Recording stopped at {size} MB of frames: saving "
                                                          "{name}").format(size=self.MAX_BYTES // 2**20,
                                                                           name=self.path.name))
            self.stop()
            return
        period = 1.0 / self.fps
        wait = max(period - cost, cost * (1 - self.BUDGET) / self.BUDGET)
        self._timer.start(max(1, round(wait * 1000)))

    def _add_pending(self, now: float) -> None:
        if self._pending is not None:
            frame, step, taken = self._pending
            self.clip.add(frame, (now - taken) * 1000, step)
            self._pending = None

    def stop(self) -> bool:
        """Stop recording and write the file in the background; False when nothing was recording."""
        if not self.recording:
            return False
        self._timer.stop()
        self._add_pending(max(time.perf_counter(), self._pending[2] + 1.0 / self.fps))
        self._widget = None
        self.recordingChanged.emit(False)
        self._thread = threading.Thread(target=self._write, args=(self.clip, self.path),
                                         name="nnviz-recording-writer")
        self._thread.start()
        return True

    def _write(self, clip: Clip, path: Path) -> None:
        """On the writer thread: encode and save; the outcome arrives in the GUI thread by signal."""
        try:
            size = write_animation(clip, path, progress=self.progress.emit)
        except NNVizError as exc:
            self.failed.emit(error_text(exc))  # translate() is thread-safe
        except Exception as exc:  # an encoder's own error: still one readable line, nothing written
            self.failed.emit(translate("Recorder", "could not write {path}: {kind}: {error}").format(
                path=path, kind=type(exc).__name__, error=exc))
        else:
            self.saved.emit(str(path), size)

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the file is written (True) or ``timeout`` seconds passed (False)."""
        if self._thread is not None:
            self._thread.join(timeout)
        return not self.writing

    def shutdown(self) -> None:
        """The window closes: a running recording is stopped and saved, and the writer finished."""
        self.stop()
        self.wait()
