"""The trainer's worker: frame pacing at full speed, and which states the timeline keeps."""
import time

import pytest

from nnviz.core import Trainer, datasets, load_pretrained
from nnviz.gui import worker as W


@pytest.fixture
def worker(qapp):
    tr = Trainer(load_pretrained("3b1b"), datasets.load("digits"), optimizer="sgd", lr=0.1, batch_size=8)
    return W.TrainerWorker(tr)


def _stretch(worker, seconds, cpu_seconds):
    """Pretend the last stretch of play lasted ``seconds`` of which the trainer computed ``cpu_seconds``."""
    now = time.perf_counter()
    worker._pace_from = (now - seconds, time.thread_time() - cpu_seconds)
    worker._pace(now)


def test_frames_slow_down_while_the_trainer_waits_and_speed_up_when_it_does_not(worker):
    start = worker.frame_interval
    _stretch(worker, 1.0, 0.5)  # the trainer lost half its time: far over the budget
    assert worker.trainer_share == pytest.approx(0.5, abs=0.02)
    assert worker.frame_interval == pytest.approx(1.5 * start, rel=0.02)
    for _ in range(20):
        _stretch(worker, 1.0, 0.5)
    assert worker.frame_interval == W.MAX_FRAME_SECONDS  # at least one frame every half second
    for _ in range(20):
        _stretch(worker, 1.0, 1.0)  # the trainer lost nothing: frames as often as the display wants
    assert worker.frame_interval == pytest.approx(W.MIN_FRAME_SECONDS)


def test_within_the_budget_the_frame_rate_settles(worker):
    for _ in range(3):
        _stretch(worker, 1.0, 0.7)  # slowed down a few times
    before = worker.frame_interval
    _stretch(worker, 1.0, W.TRAINER_SHARE)  # exactly the budget: no change
    assert worker.frame_interval == pytest.approx(before, rel=0.05)
