"""The trainer's worker: frame pacing at full speed, and which states the timeline keeps."""
import time

import pytest

from nnviz.core import load_pretrained
from nnviz.training import worker as W
from nnviz.session import FIRST_ARCHITECTURE, Session


@pytest.fixture
def worker(qapp):
    training = {"optimizer": "sgd", "lr": 0.1, "batch_size": 8, "weight_decay": 0.0, "settings": {}}
    return W.TrainerWorker(Session.build(FIRST_ARCHITECTURE, training, network=load_pretrained("3b1b")))


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


def test_while_playing_the_test_set_is_measured_every_50_steps_or_half_second_within_budget(worker):
    session = worker.session
    state = session.train_step()
    now = time.perf_counter()
    worker._last_eval = (0, now - 0.6, 0.001)  # half a second since the last measurement
    worker._maybe_evaluate(state)
    assert session.tests.at(state.step) is not None
    for _ in range(W.EVAL_EVERY_STEPS):
        state = session.train_step(keep=False)
    cost = 0.004
    worker._last_eval = (state.step - W.EVAL_EVERY_STEPS, time.perf_counter(), cost)  # 50 steps, just measured
    worker._maybe_evaluate(state)
    assert session.tests.at(state.step) is None  # over the budget: not yet
    time.sleep(cost / W.EVAL_SHARE)
    worker._maybe_evaluate(state)
    assert session.tests.at(state.step) is not None
    worker._last_eval = (state.step, time.perf_counter() - 1.0, cost)
    state = session.train_step(keep=False)
    worker._last_eval = (state.step - 1, time.perf_counter() - 0.1, 0.0)  # 1 step and 0.1 s: not due
    worker._maybe_evaluate(state)
    assert session.tests.at(state.step) is None


def test_at_full_speed_the_workers_thread_still_runs_its_event_loop(qtbot, worker):
    """Chunks follow one another without the thread's event loop for at most EVENT_LOOP_SECONDS:
    what is queued to the thread (Qt's timers, deferred deletes) still runs while playing."""
    from PySide6.QtCore import QThread, QTimer

    thread = W.start_worker(worker)
    try:
        worker.play()
        qtbot.waitUntil(lambda: worker.session.trainer.step_count > 50, timeout=10000)
        ran = []
        QTimer.singleShot(0, worker, lambda: ran.append(QThread.currentThread()))
        qtbot.waitUntil(lambda: bool(ran), timeout=2000)
        assert ran[0] is thread and worker.running
        steps = worker.session.trainer.step_count
        qtbot.waitUntil(lambda: worker.session.trainer.step_count > steps + 50, timeout=10000)  # and trains on
        worker.pause()
        qtbot.waitUntil(lambda: not worker.running, timeout=2000)
    finally:
        W.stop_worker(worker)
