"""Steps per second, measured here: a stepper's rate, a headless trainer's, and plays compared with
the headless runs beside them (no Qt)."""
from __future__ import annotations

import statistics
import time

#: A window's play against a headless trainer: many short rounds, each play of PLAY_SECONDS beside
#: headless runs half as long.  The machine's speed here swings by 12% between consecutive blocks
#: of any length from 0.05 to 2 s (a 240-s trace of a 1-thread matrix product); replayed on that
#: trace, ten 2-s plays alternated with 1-s headless runs put the median ratio within +-3.5% (std)
#: of the truth, forty 0.5-s plays with 0.25-s runs (the same time) within +-1.3%.
PLAY_SECONDS, ROUNDS = 0.5, 40


def rate(step, seconds: float, warm_up: int = 20) -> float:
    """Steps per second of ``step()`` over about ``seconds``, after ``warm_up`` untimed steps."""
    for _ in range(warm_up):
        step()
    n, start = 0, time.perf_counter()
    while (elapsed := time.perf_counter() - start) < seconds:
        for _ in range(10):
            step()
        n += 10
    return n / elapsed


def headless_rate(trainer, seconds: float) -> float:
    """Steps per second of ``trainer`` here, without a window, its BLAS on one thread (as in the
    window's trainer process on two cores)."""
    from threadpoolctl import threadpool_limits

    with threadpool_limits(1):
        return rate(trainer.step, seconds)


def ratios_to_neighbours(plays: list, headless: list) -> list:
    """Each play's steps per second over the mean of the headless runs just before and after it
    (``headless`` alternates with ``plays``, one run more; the machine's speed drifts within
    seconds, so each play is compared with what is close to it in time)."""
    return [p / statistics.mean(h) for p, h in zip(plays, zip(headless, headless[1:]))]


def alternate(play, headless, rounds: int) -> tuple[list, list, list]:
    """``rounds`` times ``headless()`` then ``play()`` (each returns steps per second), and a last
    ``headless()``; returns (plays, headless runs, each play's ratio to its neighbours)."""
    plays, runs = [], []
    for _ in range(rounds):
        runs.append(headless())
        plays.append(play())
    runs.append(headless())
    return plays, runs, ratios_to_neighbours(plays, runs)
