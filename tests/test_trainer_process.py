"""The trainer in its own process (issue #19): what travels between the processes, the window's
mirror of the session, the child's requests and signals, a crash and a restart, and the exit."""
import os
import pickle
import signal
import subprocess
import sys
import textwrap

import numpy as np
import pytest

from nnviz.core.history import History
from nnviz.core.state import pack_state
from nnviz.session import Session
from nnviz.training import trainer_blas_threads
from nnviz.training.wire import ForwardedHistory, ForwardedTests, Outbox, replay, unpack


def _same_state(a, b):
    assert (a.step, a.loss, a.session, a.lr, a.optimizer) == (b.step, b.loss, b.session, b.lr, b.optimizer)
    assert np.array_equal(a.theta, b.theta)
    for xs, ys in ((a.weights, b.weights), (a.biases, b.biases), (a.grad_weights, b.grad_weights),
                   (a.activations, b.activations), (a.zs, b.zs)):
        assert len(xs) == len(ys) and all(np.array_equal(x, y) for x, y in zip(xs, ys))
    assert len(a.norm_params) == len(b.norm_params)
    for (g1, b1), (g2, b2) in zip(a.norm_params, b.norm_params):
        assert np.array_equal(g1, g2) and np.array_equal(b1, b2)


@pytest.mark.parametrize("lesson", ["3Blue1Brown", "Vanishing gradients: sigmoid with batch norm", "Layer norm"])
def test_a_state_crosses_the_pipe_whole_with_its_weights_views_of_theta(lesson):
    session = Session.from_lesson(lesson)
    state = session.step(3)
    packed = pickle.loads(pickle.dumps(pack_state(state, probe=True)))
    config = session.trainer.net.frozen_config
    back = unpack(packed, config, session.data.X_test[session.probe_index])
    _same_state(state, back)
    assert all(np.shares_memory(w, back.theta) for w in back.weights)
    assert back.config is config and not back.theta.flags.writeable
    # Without the probe pass, the window computes it when first asked for: the same numbers.
    lazy = unpack(pickle.loads(pickle.dumps(pack_state(state))), config, session.data.X_test[session.probe_index])
    assert all(np.allclose(x, y) for x, y in zip(lazy.activations, state.activations))


def test_a_pickled_session_trains_on_exactly_as_the_original():
    session = Session.from_lesson("Victor Zhou")
    session.step(7)
    twin = pickle.loads(pickle.dumps(session))
    assert twin.number == session.number and len(twin.history) == 1 and len(twin.tests) == 0
    for _ in range(5):
        a, b = session.train_step(), twin.train_step()
        assert a.step == b.step and a.loss == b.loss and np.array_equal(a.theta, b.theta)
    assert np.shares_memory(twin.trainer.net.weights[0], twin.trainer.net.theta)


def test_rows_recorded_at_once_are_the_rows_recorded_one_by_one():
    session = Session.from_lesson("Victor Zhou")
    one, many = History(), History(max_rows=50)
    states = [session.train_step(keep=False) for _ in range(80)]
    for s in states:
        one.record(s)
    outbox = Outbox()
    forwarded = ForwardedHistory(outbox, states[0])
    for s in states:
        forwarded.record(s)
    (kind, rows), = outbox.take()
    many.record_rows(rows)
    a, b = one.rows_after(30), many.rows_after(-1)  # the ring of 50 keeps the last 50
    assert kind == "rows" and list(b.step) == list(a.step) == list(range(31, 81))
    assert np.allclose(a.loss, b.loss) and np.allclose(a.grad_norms, b.grad_norms)


def test_the_windows_mirror_gets_the_history_and_test_figures_of_the_childs_session():
    here = Session.from_lesson("Victor Zhou")
    there = pickle.loads(pickle.dumps(here))
    outbox = Outbox()
    there.history, there.tests = ForwardedHistory(outbox, there.trainer.state), ForwardedTests(outbox)
    for i in range(30):
        there.train_step(keep=i % 10 == 9)
    there.evaluate()
    there.branch_from(there.history.latest())
    kept = replay(outbox.take(), here)
    assert [s.step for s in here.history.states()] == [0, 10, 20, 30]
    assert kept.step == 30 and here.trainer.step_count == 30
    assert list(here.history.rows_after(0).step) == list(range(1, 31))
    assert here.tests.at(30).loss == there.tests.at(30).loss
    _same_state(here.history.latest(), there.trainer.state)


def test_blas_leaves_the_gui_thread_a_core():
    assert trainer_blas_threads() == max(1, len(os.sched_getaffinity(0)) - 1)


@pytest.fixture
def remote(qapp):
    from nnviz.training.remote import ProcessWorker
    from nnviz.training.worker import stop_worker

    worker = ProcessWorker(Session.from_lesson("Victor Zhou"))
    yield worker
    stop_worker(worker)


def _collect(qtbot, worker):
    got = {"stepped": [], "evaluated": [], "failed": [], "running": []}
    worker.stepped.connect(got["stepped"].append)
    worker.evaluated.connect(lambda *figures: got["evaluated"].append(figures))
    worker.failed.connect(got["failed"].append)
    worker.runningChanged.connect(got["running"].append)
    return got


def test_the_child_steps_branches_keeps_edits_and_its_states_reach_the_window(qtbot, remote):
    got = _collect(qtbot, remote)
    session = remote.session
    remote.step(5)
    # The reader thread fills the session at once; its signals reach this thread a moment later.
    qtbot.waitUntil(lambda: [f[1] for f in got["evaluated"][-1:]] == [5], timeout=30000)
    assert [s.step for s in session.history.states()] == [0, 1, 2, 3, 4, 5]
    assert session.trainer.step_count == 5 and got["stepped"][-1].step == 5
    assert got["evaluated"][-1][:2] == (session.number, 5)
    # Its numbers are the trainer's own: the same session trained here gives the same state.
    here = Session.from_lesson("Victor Zhou")
    here_state = here.step(5)
    assert np.allclose(here_state.theta, session.history.latest().theta)
    # Back to step 2, then an edit of the parameters kept at that step.
    remote.branch_from(session.history[2])
    qtbot.waitUntil(lambda: session.history.latest().step == 2, timeout=10000)
    theta = np.array(session.history.latest().theta) * 0
    remote.keep_parameters(theta)
    qtbot.waitUntil(lambda: not session.history.latest().theta.any(), timeout=10000)
    remote.step(1)
    qtbot.waitUntil(lambda: session.trainer.step_count == 3, timeout=10000)
    assert [s.step for s in session.history.states()] == [0, 1, 2, 3] and not got["failed"]


def test_playing_and_pausing_in_the_child(qtbot, remote):
    got = _collect(qtbot, remote)
    remote.play()
    qtbot.waitUntil(lambda: remote.running and remote.session.trainer.step_count > 200, timeout=30000)
    remote.pause()
    qtbot.waitUntil(lambda: got["running"][-1:] == [False], timeout=10000)
    history = remote.session.history
    qtbot.wait(200)
    assert history.latest().step == remote.session.trainer.step_count  # the newest is kept at a pause
    rows = history.rows_after(0)
    assert list(rows.step) == list(range(1, history.latest().step + 1))  # every step's figures


def test_a_crashed_trainer_process_is_said_in_words_and_restarted_from_the_newest_state(qtbot, remote):
    got = _collect(qtbot, remote)
    remote.step(4)
    qtbot.waitUntil(lambda: remote.session.tests.at(4) is not None, timeout=30000)
    os.kill(remote._process.pid, signal.SIGKILL)
    qtbot.waitUntil(lambda: bool(got["failed"]), timeout=10000)
    assert "stopped" in got["failed"][0] and "step 4" in got["failed"][0]
    remote.step(2)
    qtbot.waitUntil(lambda: remote.session.trainer.step_count == 6, timeout=30000)
    assert [s.step for s in remote.session.history.states()][-3:] == [4, 5, 6]


def test_a_script_that_trains_and_never_closes_the_window_leaves_no_process_behind(tmp_path):
    script = textwrap.dedent("""
        import sys
        from PySide6.QtCore import QSettings
        from nnviz.gui.app import application
        from nnviz.gui.main_window import MainWindow

        app = application()
        w = MainWindow(settings=QSettings(sys.argv[1] + "/nnviz.ini", QSettings.IniFormat), data_dir=sys.argv[1])
        w.show()
        w.play()
        assert w.wait_for_step(3)
        print(w.controller.worker._process.pid, flush=True)
    """)
    out = subprocess.run([sys.executable, "-c", script, str(tmp_path)], capture_output=True, text=True, timeout=120,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.returncode == 0, out.stderr
    pid = int(out.stdout.split()[-1])
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
    assert list(tmp_path.glob("autosave-*.npz"))  # the child's newest state reached the window at exit


def test_the_thread_design_still_trains_the_window(monkeypatch, qtbot, settings, tmp_path):
    from conftest import close_and_delete
    from nnviz.gui.main_window import MainWindow
    from nnviz.training.worker import TrainerWorker

    monkeypatch.setenv("NNVIZ_TRAINER", "thread")
    w = MainWindow(settings=settings, data_dir=tmp_path)
    assert isinstance(w.controller.worker, TrainerWorker)
    w.step(3)
    assert w.wait_for_step(3)
    w.play()
    assert w.wait_for_step(50)
    w.pause()
    worker = w.controller.worker
    w.close()
    assert worker.stopped
    close_and_delete(w)


def test_the_trainer_place_bench_gives_each_places_ratio_and_its_lower_quartile(qtbot):
    from nnviz.bench import trainer_place

    result = trainer_place._compare(trainer_place.CASES["3Blue1Brown"], 0.6, 2)
    assert result["headless_1_blas_thread_steps_per_s"] > 0 and result["rounds"] == 2
    for place in ("thread", "process"):
        figures = result[place]
        assert figures["steps_per_s"] > 0 and figures["diagram_frames_per_s"] > 0
        assert 0 < figures["ratio_lower_quartile"] <= figures["ratio_to_headless"]


def test_a_message_the_child_cannot_send_pauses_training_in_words_and_nothing_hangs(qtbot):
    """The child's sender thread meets an unexpected error (a bug): training pauses, the window is
    told in words, later messages still go, and the child's exit does not wait for good."""
    from nnviz.training.child import ChildWorker

    class Connection:
        def __init__(self):
            self.sent, self.refused = [], 0

        def send(self, message):
            if message[1] == "stepped" and not self.refused:
                self.refused += 1
                raise pickle.PicklingError("cannot pickle this state")
            self.sent.append(message)

    from nnviz.training.frames import FrameCounter

    conn = Connection()
    frames = FrameCounter.create()
    worker = ChildWorker(conn, frames)
    worker.load_session(Session.from_lesson("3Blue1Brown"))
    worker.play()
    names = lambda: [name for _, name, _ in conn.sent]
    qtbot.waitUntil(lambda: "failed" in names() and not worker.running, timeout=10000)
    failed = next(payload for _, name, payload in conn.sent if name == "failed")
    assert "PicklingError" in failed and "cannot pickle this state" in failed
    qtbot.waitUntil(lambda: names().count("running") >= 2 and conn.sent[-1][1] != "failed", timeout=10000)
    assert [p for _, name, p in conn.sent if name == "running"][-1] is False  # the window hears it stopped
    worker.close()
    assert not worker._sender.is_alive()
    frames.close(remove=True)


def test_the_frame_count_the_window_adds_to_is_read_by_another_process():
    from nnviz.training.frames import FrameCounter

    frames = FrameCounter.create()
    frames.add_one()
    frames.add_one()
    read = textwrap.dedent(f"""
        from nnviz.training.frames import FrameCounter
        print(FrameCounter({frames.path!r}).value)
    """)
    assert subprocess.run([sys.executable, "-c", read], capture_output=True, text=True, check=True).stdout.strip() == "2"
    frames.close(remove=True)
    assert not os.path.exists(frames.path)


class _Recorder:
    """A connection that keeps what it is sent and the thread that sent it."""

    def __init__(self):
        import threading

        self.sent, self.threads, self._ident = [], [], threading.get_ident

    def send(self, message):
        self.sent.append(message)
        self.threads.append(self._ident())


@pytest.mark.parametrize("direct_bytes", [None, 0])
def test_a_small_networks_messages_are_written_by_the_trainers_thread_a_big_ones_by_the_sender(
        qtbot, monkeypatch, direct_bytes):
    """While a small network plays no other thread of the trainer's process wakes (each took Python's
    lock from the trainer); a state of megabytes goes through the sender thread, so the trainer
    never waits for the window to read it.  Either way the messages arrive in order."""
    import threading

    from nnviz.training import child
    from nnviz.training.frames import FrameCounter

    if direct_bytes is not None:
        monkeypatch.setattr(child, "DIRECT_STATE_BYTES", direct_bytes)  # as if the 3Blue1Brown network were big
    frames = FrameCounter.create()
    conn = _Recorder()
    worker = child.ChildWorker(conn, frames)
    worker.load_session(Session.from_lesson("3Blue1Brown"))
    worker.play()
    steps = lambda: [p if isinstance(p, int) else p["step"] for _, name, p in conn.sent if name == "stepped"]
    for n in range(1, 4):  # a frame, then the next only once the window has counted it drawn
        qtbot.waitUntil(lambda: len(steps()) >= n, timeout=10000)
        qtbot.wait(100)
        assert len(steps()) == n
        frames.add_one()
    worker.pause()
    qtbot.waitUntil(lambda: [p for _, name, p in conn.sent if name == "running"][-1:] == [False], timeout=10000)
    assert steps() == sorted(steps())
    kept = [e[1]["step"] for events, _, _ in conn.sent for e in events if e[0] == "keep"]
    assert len(kept) > 3 and kept == sorted(kept)
    main, sender = threading.get_ident(), worker._sender.ident
    assert set(conn.threads) == ({main} if direct_bytes is None else {sender})
    worker.close()
    frames.close(remove=True)


@pytest.mark.parametrize("descriptor", [True, False], ids=["unix-descriptor", "connection-messages"])
def test_the_channel_carries_big_arrays_out_of_band_and_never_half_a_message(descriptor):
    import threading
    from multiprocessing import Pipe

    from nnviz.training.channel import OUT_OF_BAND_BYTES, Channel

    a, b = Pipe()
    sender, receiver = Channel(a), Channel(b)
    if not descriptor:  # the way other platforms' connections (Windows' named pipes) carry the arrays
        sender._fd = receiver._fd = None
    theta = np.random.default_rng(0).random(3 * OUT_OF_BAND_BYTES // 4 + 7).astype(np.float32)  # 3 x the bar
    theta.flags.writeable = False
    grad = np.arange(12.0).reshape(3, 4)  # small: inside the pickle
    messages = [([("keep", {"theta": theta})], "stepped", {"theta": theta, "grad": grad[:, ::2]}),
                ([], "running", False)]

    def send():
        with pytest.raises(TypeError):
            sender.send(([], "stepped", {"theta": theta, "lock": threading.Lock()}))  # cannot be pickled
        for message in messages:
            sender.send(message)

    thread = threading.Thread(target=send)
    thread.start()  # the big message is bigger than the socket's buffer: read while it is written
    events, name, payload = receiver.recv()
    thread.join(5)
    assert name == "stepped" and np.array_equal(payload["theta"], theta) and payload["theta"].dtype == np.float32
    assert not payload["theta"].flags.writeable and np.array_equal(payload["grad"], grad[:, ::2])
    assert events[0][1]["theta"] is payload["theta"]  # one array in two places: sent once, as pickle does
    assert receiver.recv() == ([], "running", False)
    sender.close()
    with pytest.raises((EOFError, OSError)):
        receiver.recv()
    receiver.close()
