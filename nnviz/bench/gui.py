"""``nnviz bench --gui``: the window's targets, measured side by side in one run.

* start-up: window shown vs a bare QApplication plus ``import pyqtgraph`` (fresh processes, alternated);
* full-speed play: GUI timer latency (p99), training throughput with the window attached vs headless,
  frames drawn per second;
* memory growth over a long full-speed run, once the timeline's history is full (it holds 500 states,
  one per 20 ms of full-speed play: filling it is not growth): the level (median) of the RSS sampled
  four times a second in the last 4 s against the first 4 s, beside the peak;
* each pane's own figures (``nnviz.bench.<pane>.run``).

``nnviz.bench.run_gui`` adds the GUI thread on a big network (``nnviz.bench.big_network``).
"""
from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import time

import numpy as np

from nnviz.bench.rates import PLAY_SECONDS, ROUNDS, alternate, headless_rate
from nnviz.bench.windows import child_env, dispose, run_events

# Each child prints its start-up time (flushed) as its last line, then leaves normally (the window
# and its trainer thread end in nnviz.gui.lifetime at exit).
BARE = """\
import time; t = time.perf_counter()
from PySide6.QtWidgets import QApplication; import pyqtgraph
app = QApplication([]); app.processEvents(); print(time.perf_counter() - t, flush=True)
"""
WINDOW = """\
import time; t = time.perf_counter()
from nnviz.gui.app import application; app = application()
from nnviz.gui.main_window import MainWindow; w = MainWindow(remember=False); w.show()
app.processEvents(); print(time.perf_counter() - t, flush=True)
"""


def _child_seconds(code: str) -> float:
    """Run ``code`` in a fresh interpreter; the seconds it printed last (a failed child raises)."""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=child_env(), timeout=120)
    if out.returncode != 0:
        raise RuntimeError(f"child exited {out.returncode}: {out.stderr.strip()[-300:]}")
    try:
        return float(out.stdout.strip().splitlines()[-1])
    except (IndexError, ValueError):
        raise RuntimeError(f"child printed no start-up time: {out.stdout.strip()[-200:]!r}") from None


def startup(rounds: int = 3) -> dict:
    bare, window = [], []
    for _ in range(rounds):
        bare.append(_child_seconds(BARE))
        window.append(_child_seconds(WINDOW))
    b, w = statistics.median(bare), statistics.median(window)
    return {"bare_qt_pyqtgraph_s": round(b, 3), "window_shown_s": round(w, 3), "ratio": round(w / b, 2),
            "target_ratio_max": 3.0}


def _rss_mb(pid: int | None = None) -> float:
    """The resident memory in MB of this process, or of process ``pid`` (0 where /proc cannot tell)."""
    try:
        with open(f"/proc/{pid or 'self'}/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        return 0.0 if pid else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def level_mb(samples: list) -> float:
    """The level of a few seconds' RSS samples (MB): their median, so that a passing peak (a loss
    surface's temporaries, a few hundred milliseconds every 6 s) is not taken for growth."""
    return float(np.median(samples)) if samples else 0.0


def full_speed(seconds: float = PLAY_SECONDS, rounds: int = ROUNDS, memory_seconds: float = 20.0) -> dict:
    """Play at full speed with the window open; GUI latency, throughput vs headless, memory growth.
    The throughput: ``rounds`` plays of ``seconds`` alternated with headless runs of half as long
    (one before each and one after the last); a play's ratio is to the mean of the headless runs
    beside it, the figure the median of the plays' ratios (the machine's speed swings within
    seconds: see :data:`nnviz.bench.rates.ROUNDS`)."""
    from nnviz.core.history import state_nbytes
    from nnviz.gui.app import application
    from nnviz.gui.main_window import MainWindow
    from nnviz.session import Session
    from PySide6.QtCore import QElapsedTimer, QTimer

    app = application()
    window = MainWindow(remember=False)
    window.show()
    app.processEvents()

    frames = [0]
    window.controller.worker.stepped.connect(lambda _state: frames.__setitem__(0, frames[0] + 1))  # worker thread

    def run_for(secs: float, warm_up: float = 0.1):
        """Play for warm_up + secs; returns (steps/s, timer latencies in ms, frames/s, the trainer
        thread's share) over the last secs."""
        lat, clock, interval = [], QElapsedTimer(), 10
        timer = QTimer()
        timer.setInterval(interval)
        timer.timeout.connect(lambda: (lat.append(max(0.0, clock.restart() - interval))))
        window.play()
        run_events(warm_up)  # the trainer is up to speed and the window draws
        start_step, frames[0] = window.session.history.latest().step, 0
        clock.start()
        timer.start()
        t0 = time.perf_counter()
        run_events(secs)
        timer.stop()
        steps, elapsed, shown = window.session.history.latest().step - start_step, time.perf_counter() - t0, frames[0]
        share = getattr(window.controller.worker, "trainer_share", 1.0)  # a trainer process: not paced
        window.pause()
        run_events(0.1)  # the trainer has stopped before the headless one starts
        return steps / elapsed, lat, shown / elapsed, share

    latencies, fps, shares = [], [], []

    def play() -> float:
        sps, lat, f, share = run_for(seconds)
        latencies.extend(lat)
        fps.append(f)
        shares.append(share)
        return sps

    run_for(1.0)  # warm-up
    trainer = Session.first()[0].trainer  # the window's opening session, trained here without a window
    gui, headless, ratios = alternate(play, lambda: headless_rate(trainer, seconds / 2), rounds)
    filled = time.perf_counter()
    while len(window.session.history) < window.session.history.capacity and time.perf_counter() - filled < 60:
        run_for(2.0)
    history_mb = len(window.session.history) * state_nbytes(window.session.history.latest()) / 2**20
    memory = []  # the process's RSS four times a second
    sampler = QTimer()
    sampler.timeout.connect(lambda: memory.append(_rss_mb()))
    sampler.start(250)
    run_for(memory_seconds)
    sampler.stop()
    first, last = level_mb(memory[:16]), level_mb(memory[-16:])
    dispose(window)
    g, h = statistics.median(gui), statistics.median(headless)
    return {
        "gui_steps_per_s": round(g), "headless_steps_per_s": round(h), "throughput_ratio": round(statistics.median(ratios), 3),
        "throughput_ratio_lower_quartile": round(float(np.quantile(ratios, 0.25)), 3), "rounds": rounds,
        "target_throughput_ratio_min": 0.8, "frames_per_s": round(statistics.median(fps), 1),
        "trainer_thread_share": round(statistics.median(shares), 3),
        "timer_latency_p50_ms": round(float(np.percentile(latencies, 50)), 2),
        "timer_latency_p99_ms": round(float(np.percentile(latencies, 99)), 2), "target_latency_p99_ms_max": 25,
        "memory_growth_mb": round(last - first, 1), "memory_seconds": memory_seconds,
        "memory_mb_first_last_peak": [round(first), round(last), round(max(memory, default=0.0))],
        "history_states": len(window.session.history), "history_mb": round(history_mb, 1),
        "target_memory_growth_mb_max": 30,
    }


def long_run(steps: int = 200_000, sample_seconds: float = 10.0) -> dict:
    """Play ``steps`` steps at full speed with the window open: memory, speed over time, backlog."""
    from nnviz.gui.app import application
    from nnviz.gui.main_window import MainWindow
    from PySide6.QtCore import QEventLoop, QTimer

    app = application()
    window = MainWindow(remember=False)
    window.show()
    frames = []
    window.controller.worker.stepped.connect(lambda s: frames.append(time.perf_counter()))
    samples = []  # (seconds, step, rss MB)
    start_step, t0 = window.session.history.latest().step, time.perf_counter()
    loop = QEventLoop()

    def sample():
        step = window.session.history.latest().step
        samples.append((time.perf_counter() - t0, step, _rss_mb()))
        if step - start_step >= steps or not window.controller.worker.running:
            loop.quit()

    timer = QTimer()
    timer.timeout.connect(sample)
    timer.start(int(sample_seconds * 1000))
    window.play()
    sample()
    loop.exec()
    timer.stop()
    window.pause()
    paused_at = time.perf_counter()
    for _ in range(50):
        app.processEvents()
        time.sleep(0.01)
    late = [f for f in frames if f > paused_at + 0.1]
    dispose(window)
    rates = [(b[1] - a[1]) / (b[0] - a[0]) for a, b in zip(samples, samples[1:])]
    seconds = samples[-1][0]
    return {"steps": samples[-1][1] - start_step, "seconds": round(seconds, 1),
            "steps_per_s_first_last": [round(rates[0]), round(rates[-1])] if rates else None,
            "steps_per_s_min_max": [round(min(rates)), round(max(rates))] if rates else None,
            "memory_mb_start_end": [round(samples[0][2], 1), round(samples[-1][2], 1)],
            "memory_growth_mb": round(samples[-1][2] - samples[1][2], 1) if len(samples) > 1 else None,
            "frames_per_s": round(len(frames) / seconds, 1),
            "states_arriving_after_pause": len(late), "target_memory_growth_mb_max": 30}


def pane_benchmarks(quick: bool) -> dict:
    """Each pane's own benchmark (``nnviz.bench.<pane>.run``)."""
    from nnviz.bench import drawing_pad, loss_surface, network_view

    return {"network_view": network_view.run(quick=quick), "drawing_pad": drawing_pad.run(quick=quick),
            "loss_surface": loss_surface.run(quick=quick)}


def run_gui_bench(quick: bool = False, long: bool = False) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if long:
        return {"long_run": long_run()}
    result = {"startup": startup(rounds=2 if quick else 3)}
    result["full_speed"] = full_speed(rounds=4 if quick else ROUNDS, memory_seconds=5.0 if quick else 20.0)
    result["panes"] = pane_benchmarks(quick)
    from nnviz.bench import trainer_place

    result["trainer_place"] = trainer_place.run(quick)
    return result
