"""The window built offscreen for the command line: ``nnviz --screenshot`` and ``nnviz record``.

``nnviz record`` trains a lesson and takes one frame every few steps (chosen so the clip lasts
about :data:`CLIP_SECONDS`), each the pane's own rendering with the step burned in, then writes the
GIF or MP4 atomically.
"""
from __future__ import annotations

import json
import os
import sys
import tempfile
import time

import numpy as np

from nnviz.cli_language import translate
from nnviz.core.animation import Clip, write_animation

#: Seconds an animation made by ``nnviz record`` lasts (the last frame then stays one second more).
CLIP_SECONDS = 10.0
HOLD_LAST_MS = 1000
SURFACE_WAIT = 5.0  # seconds at most for the loss surface to catch up with a frame's step


def use_offscreen_screen(width: int, height: int) -> str:
    """Before the QApplication exists: Qt's offscreen platform with one screen of this size (so a
    window of that size fits it; the default offscreen screen is 800x800).  Returns the path of the
    screen's description, to delete once the QApplication has read it."""
    handle, path = tempfile.mkstemp(prefix="nnviz-screen-", suffix=".json")
    with os.fdopen(handle, "w") as f:
        json.dump({"screens": [{"name": "nnviz", "x": 0, "y": 0, "width": width, "height": height,
                                "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}, f)
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={path}"
    return path


def settle(window, widget, app, surface: bool) -> None:
    """Let the picture catch up with the step on display: the loss surface (computed in the
    background, when ``surface``) and the throttled panes' redraws."""
    from .share import flush_redraws

    deadline = time.monotonic() + SURFACE_WAIT
    app.processEvents()
    while surface and window.loss_surface.jobs.busy() and time.monotonic() < deadline:
        time.sleep(0.005)
        app.processEvents()
    app.processEvents()
    flush_redraws(widget)


def frame_steps(steps: int, fps: float) -> list[int]:
    """The steps at which ``nnviz record`` takes a frame: 0 to ``steps``, evenly, as many as make
    :data:`CLIP_SECONDS` at ``fps`` (at most one a step)."""
    n = int(min(steps + 1, max(2, round(fps * CLIP_SECONDS))))
    return sorted(set(np.linspace(0, steps, n).round().astype(int).tolist()))


def record(out: str, steps: int, preset: str | None, pane: str, fps: float, size: tuple[int, int]) -> dict:
    """Train ``steps`` steps offscreen (on lesson ``preset``) and write the animation of ``pane`` to
    ``out``; returns {"path", "frames", "seconds", "bytes", "steps"}.  Arguments are checked by the CLI."""
    from PySide6.QtWidgets import QApplication

    screen = None
    if QApplication.instance() is None:
        screen = use_offscreen_screen(size[0] + 64, size[1] + 64)  # room for the window's frame
    from .app import SCREENSHOT_TIMEOUT, application, prepare
    from .main_window import MainWindow
    from .share import frame_of, pane_widget

    app = application()
    if screen is not None:
        os.unlink(screen)
    window = MainWindow(remember=False)
    window.resize(*size)
    window.show()
    app.processEvents()
    prepare(window, preset, None)
    widget = pane_widget(window, pane)
    surface = pane in ("window", "surface")
    clip = Clip()
    period = 1000.0 / fps
    try:
        for target in frame_steps(steps, fps):
            shown = window.current_state.step if window.current_state is not None else 0
            if target > shown:
                window.step(target - shown)
                if not window.wait_for_step(target, SCREENSHOT_TIMEOUT, stopped=True):
                    raise TimeoutError(translate("CLI", "timed out waiting for step {step}").format(step=target))
            settle(window, widget, app, surface)
            clip.add(frame_of(widget, window.current_state.step), period, window.current_state.step)
            _progress(translate("CLI", "frame {frame}, step {step}/{steps}").format(
                frame=len(clip), step=f"{window.current_state.step:,}", steps=f"{steps:,}"))
            if window.current_state.diverged:
                break  # the run cannot go on: the clip ends where it stopped
        clip.durations[-1] += HOLD_LAST_MS
        _progress(translate("CLI", "writing..."))
        size_bytes = write_animation(clip, out)
    finally:
        _progress("")
        window.close()
    return {"path": str(out), "frames": len(clip), "seconds": round(clip.seconds, 3), "bytes": size_bytes,
            "steps": window.current_state.step}


def _progress(text: str) -> None:
    if sys.stderr.isatty():
        sys.stderr.write("\r" + text.ljust(60) + ("\r" if not text else ""))
        sys.stderr.flush()
