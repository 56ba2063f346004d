"""Where the window's trainer runs: its own process against a thread of the window's process,
side by side in one run (``nnviz bench --gui``, section ``trainer_place``).

For each network and place, one window plays at full speed in ten 2-s rounds, alternated with a
headless trainer (one BLAS thread) of the same network measured in this process while the window
is paused, and reports training steps per second as a ratio to the headless runs beside each play
(the median of the rounds' ratios and their lower quartile), diagram frames painted per second
and the GUI thread's timer gaps.  The vanishing-gradients network is measured again beside
another NumPy job that keeps every core busy with matrix products.
"""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time

import numpy as np

from nnviz.bench.rates import headless_rate, ratios_to_neighbours
from nnviz.bench.windows import dispose, run_events

CASES = {"3Blue1Brown": "3Blue1Brown", "vanishing": "Vanishing gradients: 8"}
#: A NumPy job using every core (its BLAS's default threads) for ``seconds``.
BUSY_JOB = """
import sys, time, numpy as np
a = np.random.default_rng(0).random((600, 600))
end = time.monotonic() + float(sys.argv[1])
while time.monotonic() < end:
    a = np.tanh(a @ a.T / 600)
"""


def _headless_steps_per_s(lesson: str, seconds: float) -> float:
    """Steps per second of the lesson's trainer here, without a window, BLAS on one thread."""
    from nnviz.session import Session

    return headless_rate(Session.from_lesson(lesson).trainer, seconds)


def _window_rounds(place: str, lesson: str, seconds: float, rounds: int) -> dict:
    """Open a window whose trainer runs in ``place`` on ``lesson``; ``rounds`` times, measure a
    headless trainer here for ``seconds / 2`` while the window is paused, then play ``seconds`` at
    full speed; a last headless run closes the rounds.  Each play's ratio is to the mean of the
    headless runs just before and after it (the machine's speed drifts by a third over seconds
    here, so the two must be close in time)."""
    from PySide6.QtCore import QElapsedTimer, QEvent, QObject, QTimer

    from nnviz.gui.app import application
    from nnviz.gui.main_window import MainWindow

    os.environ["NNVIZ_TRAINER"] = place
    application()
    window = MainWindow(remember=False)
    window.resize(1500, 950)
    window.show()
    window.load_lesson(lesson)
    window.step(1)
    window.wait_for_step(1)

    class Painted(QObject):
        count = 0

        def eventFilter(self, obj, event):
            if event.type() == QEvent.Paint:
                Painted.count += 1
            return False

    painted = Painted()
    window.network_view.canvas.installEventFilter(painted)
    gaps, clock, interval = [], QElapsedTimer(), 10
    timer = QTimer()
    timer.setInterval(interval)
    timer.timeout.connect(lambda: gaps.append(max(0.0, clock.restart() - interval)))
    headless, plays, frames, played = [], [], 0, 0.0
    for _ in range(rounds):
        headless.append(_headless_steps_per_s(lesson, seconds / 2))
        window.play()
        run_events(0.3)  # the trainer is up to speed and the window draws
        start_step, Painted.count = window.session.trainer.step_count, 0
        clock.start()
        timer.start()
        t0 = time.perf_counter()
        run_events(seconds)
        elapsed = time.perf_counter() - t0
        plays.append((window.session.trainer.step_count - start_step) / elapsed)
        frames, played = frames + Painted.count, played + elapsed
        timer.stop()
        window.pause()
        run_events(0.3)  # the trainer has stopped before the headless one starts
    headless.append(_headless_steps_per_s(lesson, seconds / 2))
    window.network_view.canvas.removeEventFilter(painted)
    dispose(window)
    os.environ.pop("NNVIZ_TRAINER", None)
    ratios = ratios_to_neighbours(plays, headless)
    return {"steps_per_s": statistics.median(plays), "ratios": ratios, "headless": headless,
            "frames_per_s": frames / played,
            "gap_p99_ms": float(np.percentile(gaps, 99)) if gaps else 0.0, "gap_max_ms": max(gaps, default=0.0)}


def _compare(lesson: str, seconds: float, rounds: int) -> dict:
    """Each place's window plays ``rounds`` times, alternated with headless runs (see
    :func:`_window_rounds`); the place's ratio is the median of its plays' ratios, beside the
    lower quartile."""
    out, headless = {}, []
    for place in ("thread", "process"):
        r = _window_rounds(place, lesson, seconds, rounds)
        headless += r["headless"]
        out[place] = {"steps_per_s": round(r["steps_per_s"]), "ratio_to_headless": round(statistics.median(r["ratios"]), 2),
                      "ratio_lower_quartile": round(float(np.quantile(r["ratios"], 0.25)), 2),
                      "diagram_frames_per_s": round(r["frames_per_s"], 1), "gui_gap_p99_ms": round(r["gap_p99_ms"], 1),
                      "gui_gap_max_ms": round(r["gap_max_ms"], 1)}
    return {"headless_1_blas_thread_steps_per_s": round(statistics.median(headless)), "rounds": rounds, **out}


def run(quick: bool = False) -> dict:
    seconds, rounds = (1.0, 2) if quick else (2.0, 10)
    result = {name: _compare(lesson, seconds, rounds) for name, lesson in CASES.items()}
    result["3Blue1Brown"]["targets"] = {"diagram_frames_per_s_min": 30, "ratio_to_headless_min": 0.9}
    result["vanishing"]["targets"] = {"ratio_to_headless_min": 0.8}
    busy_seconds = 2 * (rounds * (1.5 * seconds + 0.6) + 10) + 30  # both places' rounds, with start-ups
    job = subprocess.Popen([sys.executable, "-c", BUSY_JOB, str(busy_seconds)])
    try:
        busy = _compare(CASES["vanishing"], seconds, rounds)
    finally:
        job.kill()
        job.wait()
    idle = result["vanishing"]["headless_1_blas_thread_steps_per_s"]
    for place in ("thread", "process"):
        busy[place]["ratio_to_idle_headless"] = round(busy[place]["steps_per_s"] / idle, 2)
    busy["targets"] = {"ratio_to_idle_headless_min": 0.3}
    result["vanishing_beside_a_numpy_job"] = busy
    return result
