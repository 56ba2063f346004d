"""``nnviz bench --gui``'s ``big_network`` section: what the GUI thread does on a big network.

The network 784-512-512-512-10 (932,362 parameters) at batch 1, built as a user builds it (the
hidden layers and the batch size typed into the controls), plays at full speed in a 1500x950
window; then the timeline slider is moved to other kept states, the window redrawn each time.
Measured: the lateness of a 10 ms QTimer on the GUI thread while playing (p50, p99, max), the
process's peak memory (RSS, sampled at every tick, and with the trainer's process's beside it), each
scrub's time (slider moved -> events processed, the window repainted) and the memory before and
after the scrubs.  The same run on the 3Blue1Brown network (784-16-16-10, batch 32) is the
reference: the figures are given as ratios to it too, since the build machines are shared.  Each
network is measured in a fresh Python process (``python -m nnviz.bench.big_network``), as a user
who opens nnviz and builds it: the memory of the benchmarks before it does not count.

``profile=True`` (``NNVIZ_BENCH_PROFILE=1``) adds the GUI thread's top functions by cumulative time.
"""
from __future__ import annotations

import cProfile
import io
import json
import os
import pstats
import subprocess
import sys
import time

import numpy as np

from nnviz.bench.windows import child_env, dispose, run_events

from .gui import _rss_mb

#: The big network's hidden layers, as typed into the controls (784-512-512-512-10).
BIG = "512,512,512"
TARGETS = {"gap_p99_ms_max": 25, "gap_max_ms_max": 100, "peak_rss_mb_max": 1024, "scrub_p99_ms_max": 50}


def _percentiles(values: list) -> dict:
    a = np.asarray(values, float) if values else np.zeros(1)
    return {"p50": round(float(np.percentile(a, 50)), 1), "p99": round(float(np.percentile(a, 99)), 1),
            "max": round(float(a.max()), 1)}


def _top_functions(profile: cProfile.Profile, n: int = 25) -> list:
    """The n functions with the most cumulative time, then the n with the most time of their own."""
    lines = []
    for key in ("cumulative", "tottime"):
        out = io.StringIO()
        pstats.Stats(profile, stream=out).sort_stats(key).print_stats(n)
        lines += [line for line in out.getvalue().splitlines() if line.strip()][-n:]
    return lines


def measure(hidden: str, batch_size: int, seconds: float, scrubs: int, profile: bool = False) -> dict:
    """Build the window's network ``hidden`` at ``batch_size``, play ``seconds`` at full speed, then
    ``scrubs`` timeline moves; the figures (milliseconds and MB)."""
    from PySide6.QtCore import QElapsedTimer, QTimer

    from nnviz.gui.app import application
    from nnviz.gui.main_window import MainWindow

    app = application()
    window = MainWindow(remember=False)
    window.resize(1500, 950)
    window.show()
    app.processEvents()
    window.controller.apply_settings({"hidden": hidden, "batch_size": batch_size})
    app.processEvents()
    sizes = window.current_state.layer_sizes
    rss_start = _rss_mb()
    process = getattr(window.controller.worker, "_process", None)  # the trainer's, if it has one
    trainer_rss = (lambda: _rss_mb(process.pid)) if process is not None else (lambda: 0.0)

    gaps, peak, total, interval = [], [rss_start], [0.0], 10
    clock, timer = QElapsedTimer(), QTimer()
    timer.setInterval(interval)

    def tick():
        gaps.append(max(0.0, clock.restart() - interval))
        rss = _rss_mb()
        peak[0] = max(peak[0], rss)
        if len(gaps) % 10 == 0:  # the trainer's process's memory, ten times a second
            total[0] = max(total[0], rss + trainer_rss())

    timer.timeout.connect(tick)
    profiler = cProfile.Profile() if profile else None
    window.play()
    # The trainer's process restarts on the new network: the clock starts at its first state.
    window.wait_for_step(window.session.history.latest().step + 1, timeout=60)
    start_step = window.session.history.latest().step
    clock.start()
    timer.start()
    if profiler:
        profiler.enable()
    t0 = time.perf_counter()
    run_events(seconds)
    elapsed = time.perf_counter() - t0
    timer.stop()
    window.pause()
    for _ in range(20):
        app.processEvents()
        time.sleep(0.005)
    steps = window.session.history.latest().step - start_step
    kept = len(window.session.history)

    slider = window.timeline.slider
    rng = np.random.default_rng(0)
    if profiler:
        profiler.disable()
        play_profile, profiler = _top_functions(profiler), cProfile.Profile()
        profiler.enable()
    rss_before, times = _rss_mb(), []
    for _ in range(scrubs if kept > 1 else 0):
        target = int(rng.integers(0, kept - 1))
        target += target >= slider.value()  # always another kept state
        t = time.perf_counter()
        slider.setValue(target)
        app.processEvents()  # the panes repaint what changed (Qt's update requests), as on a user's drag
        times.append(1000 * (time.perf_counter() - t))
        peak[0] = max(peak[0], _rss_mb())
    rss_after = _rss_mb()
    total[0] = max(total[0], peak[0] + trainer_rss())  # the scrubs' peak, the trainer's process idle
    if profiler:
        profiler.disable()
    dispose(window)
    result = {"network": "-".join(map(str, sizes)), "batch_size": batch_size, "play_seconds": seconds,
              "steps_per_s": round(steps / elapsed), "gap_ms": _percentiles(gaps),
              "rss_mb_start_peak": [round(rss_start), round(peak[0])],
              "peak_rss_mb_with_trainer_process": round(max(total[0], peak[0])), "history_states": kept,
              "scrubs": len(times), "scrub_ms": _percentiles(times), "slowest_scrub": int(np.argmax(times)) if times else -1,
              "rss_mb_before_after_scrubs": [round(rss_before), round(rss_after)]}
    if profiler:
        result["gui_thread_profile_play"], result["gui_thread_profile_scrubs"] = play_profile, _top_functions(profiler)
    return result


def measure_apart(hidden: str, batch_size: int, seconds: float, scrubs: int, profile: bool = False) -> dict:
    """:func:`measure` in a fresh Python process (its figures)."""
    args = [sys.executable, "-m", "nnviz.bench.big_network", hidden, str(batch_size), str(seconds), str(scrubs)]
    out = subprocess.run(args + (["--profile"] if profile else []), capture_output=True, text=True, check=True,
                         env=child_env()).stdout
    return json.loads(out.strip().splitlines()[-1])


def run(quick: bool = False, profile: bool | None = None) -> dict:
    """The big network beside the 3Blue1Brown reference (5 s of play and 200 scrubs when ``quick``, else
    20 s and 1,000), each figure beside its target, and the big network's p99s as ratios to the reference's."""
    profile = os.environ.get("NNVIZ_BENCH_PROFILE") == "1" if profile is None else profile
    seconds, scrubs = (5.0, 200) if quick else (20.0, 1000)
    reference = measure_apart("16,16", 32, seconds, scrubs)
    big = measure_apart(BIG, 1, seconds, scrubs, profile=profile)
    big["gap_ms"].update(target_p99_max=TARGETS["gap_p99_ms_max"], target_max_max=TARGETS["gap_max_ms_max"])
    big["scrub_ms"]["target_p99_max"] = TARGETS["scrub_p99_ms_max"]
    big["target_peak_rss_mb_with_trainer_process_max"] = TARGETS["peak_rss_mb_max"]
    ratio = {key: round(big[key]["p99"] / max(reference[key]["p99"], 0.1), 1) for key in ("gap_ms", "scrub_ms")}
    return {"big": big, "reference_3b1b": reference,
            "met": {"gap_p99": big["gap_ms"]["p99"] <= TARGETS["gap_p99_ms_max"],
                    "gap_max": big["gap_ms"]["max"] <= TARGETS["gap_max_ms_max"],
                    "peak_rss": big["peak_rss_mb_with_trainer_process"] <= TARGETS["peak_rss_mb_max"],
                    "scrub_p99": big["scrub_ms"]["p99"] <= TARGETS["scrub_p99_ms_max"]},
            "p99_ratio_big_to_reference": ratio}


if __name__ == "__main__":
    hidden, batch_size, seconds, scrubs = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
    print(json.dumps(measure(hidden, batch_size, seconds, scrubs, profile="--profile" in sys.argv)))
