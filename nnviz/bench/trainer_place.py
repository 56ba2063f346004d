"""Where the window's trainer runs: its own process against a thread of the window's process,
side by side in one run (``nnviz bench --gui``, section ``trainer_place``).

For each network the window plays at full speed with each trainer place, alternated with a
headless trainer (one BLAS thread) of the same network measured in this process before and after
each window, and reports training steps per second as a ratio to the headless one (the median and
the lowest of the rounds), diagram frames painted per second and
the GUI thread's timer gaps.  The vanishing-gradients network is measured again beside another
NumPy job that keeps every core busy with matrix products.
"""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time

import numpy as np

from nnviz.bench.windows import dispose

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
    from threadpoolctl import threadpool_limits

    from nnviz.session import Session

    session = Session.from_lesson(lesson)
    trainer = session.trainer
    with threadpool_limits(1):
        for _ in range(20):
            trainer.step()
        n, start = 0, time.perf_counter()
        while time.perf_counter() - start < seconds:
            trainer.step()
            n += 1
    return n / (time.perf_counter() - start)


def _window_run(place: str, lesson: str, seconds: float) -> dict:
    """Open a window whose trainer runs in ``place`` on ``lesson``, play ``seconds`` at full speed."""
    from PySide6.QtCore import QElapsedTimer, QEvent, QEventLoop, QObject, QTimer

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
    start_step = window.session.trainer.step_count
    window.play()
    window.wait_for_step(start_step + 1)
    start_step, Painted.count = window.session.trainer.step_count, 0
    clock.start()
    timer.start()
    t0 = time.perf_counter()
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()
    elapsed = time.perf_counter() - t0
    steps, frames = window.session.trainer.step_count - start_step, Painted.count
    timer.stop()
    window.network_view.canvas.removeEventFilter(painted)
    dispose(window)
    os.environ.pop("NNVIZ_TRAINER", None)
    return {"steps_per_s": steps / elapsed, "frames_per_s": frames / elapsed,
            "gap_p99_ms": float(np.percentile(gaps, 99)) if gaps else 0.0, "gap_max_ms": max(gaps, default=0.0)}


def _compare(lesson: str, seconds: float, rounds: int) -> dict:
    """Each place's window runs ``rounds`` times, alternated, with a headless run before and after
    each; a window run's ratio is to the mean of those two (the machine's speed drifts by 10% over
    seconds here), the place's ratio the median of its runs' ratios, ``lowest`` the lowest."""
    runs, ratios = {"thread": [], "process": []}, {"thread": [], "process": []}
    headless = [_headless_steps_per_s(lesson, seconds / 2)]
    for _ in range(rounds):
        for place in runs:
            runs[place].append(_window_run(place, lesson, seconds))
            headless.append(_headless_steps_per_s(lesson, seconds / 2))
            ratios[place].append(runs[place][-1]["steps_per_s"] / statistics.mean(headless[-2:]))
    out = {"headless_1_blas_thread_steps_per_s": round(statistics.median(headless))}
    for place, results in runs.items():
        med = {k: statistics.median(r[k] for r in results) for k in results[0]}
        out[place] = {"steps_per_s": round(med["steps_per_s"]), "ratio_to_headless": round(statistics.median(ratios[place]), 2),
                      "ratio_lowest": round(min(ratios[place]), 2),
                      "diagram_frames_per_s": round(med["frames_per_s"], 1), "gui_gap_p99_ms": round(med["gap_p99_ms"], 1),
                      "gui_gap_max_ms": round(med["gap_max_ms"], 1)}
    return out


def run(quick: bool = False) -> dict:
    seconds, rounds = (3.0, 1) if quick else (5.0, 3)
    result = {name: _compare(lesson, seconds, rounds) for name, lesson in CASES.items()}
    result["3Blue1Brown"]["targets"] = {"diagram_frames_per_s_min": 30, "ratio_to_headless_min": 0.9}
    result["vanishing"]["targets"] = {"ratio_to_headless_min": 0.8}
    busy_seconds = 2 * rounds * (1.5 * seconds + 4) + 30  # both places and the headless runs, each round, with start-ups
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
