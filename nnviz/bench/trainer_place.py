"""Where the window's trainer runs: its own process against a thread of the window's process,
side by side in one run (``nnviz bench --gui``, section ``trainer_place``).

For each network and place, one window plays at full speed in forty 0.5-s rounds, alternated with a
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

from nnviz.bench.rates import PLAY_SECONDS, ROUNDS, alternate, headless_rate
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


def _window_rounds(place: str, lesson: str, seconds: float, rounds: int) -> dict:
    """Open a window whose trainer runs in ``place`` on ``lesson``; ``rounds`` times, measure a
    headless trainer of the lesson here (one BLAS thread) for ``seconds / 2`` while the window is
    paused, then play ``seconds`` at full speed; a last headless run closes the rounds.  Each play's
    ratio is to the mean of the headless runs just before and after it (the machine's speed swings
    within seconds here: see :data:`nnviz.bench.rates.ROUNDS`)."""
    from PySide6.QtCore import QElapsedTimer, QEvent, QObject, QTimer

    from nnviz.gui.app import application
    from nnviz.gui.main_window import MainWindow
    from nnviz.session import Session

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
    headless_trainer = Session.from_lesson(lesson).trainer
    frames, played = 0, 0.0

    def play() -> float:
        nonlocal frames, played
        window.play()
        run_events(0.1)  # the trainer is up to speed and the window draws
        start_step, Painted.count = window.session.trainer.step_count, 0
        clock.start()
        timer.start()
        t0 = time.perf_counter()
        run_events(seconds)
        elapsed = time.perf_counter() - t0
        steps = window.session.trainer.step_count - start_step
        frames, played = frames + Painted.count, played + elapsed
        timer.stop()
        window.pause()
        run_events(0.1)  # the trainer has stopped before the headless one starts
        return steps / elapsed

    plays, headless, ratios = alternate(play, lambda: headless_rate(headless_trainer, seconds / 2), rounds)
    window.network_view.canvas.removeEventFilter(painted)
    dispose(window)
    os.environ.pop("NNVIZ_TRAINER", None)
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
    seconds, rounds = PLAY_SECONDS, (4 if quick else ROUNDS)
    result = {name: _compare(lesson, seconds, rounds) for name, lesson in CASES.items()}
    result["3Blue1Brown"]["targets"] = {"diagram_frames_per_s_min": 30, "ratio_to_headless_min": 0.9}
    result["vanishing"]["targets"] = {"ratio_to_headless_min": 0.8}
    busy_seconds = 2 * (rounds * (1.5 * seconds + 0.3) + 10) + 30  # both places' rounds, with start-ups
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
