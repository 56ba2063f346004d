"""Steps per second, measured here: a stepper's rate, a headless trainer's, and plays compared with
the headless runs beside them (no Qt)."""
from __future__ import annotations

import statistics
import time


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
