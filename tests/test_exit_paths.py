"""How scripts that use the window end: each runs in its own process, as pyqtgraph runs its
examples, several times, and must exit with its own code, no crash, no Qt warning, and the
trained network autosaved when it was not saved."""
import os
import subprocess
import sys
import textwrap
from concurrent.futures import ThreadPoolExecutor

import pytest

RUNS = 5
HEAD = """
import faulthandler, sys, time
faulthandler.enable()
from PySide6.QtCore import QSettings, QTimer
from nnviz.gui.app import application
from nnviz.gui.main_window import MainWindow

app = application()
folder = sys.argv[1]
w = MainWindow(settings=QSettings(folder + "/nnviz.ini", QSettings.IniFormat), data_dir=folder)
w.show()


def wait(seconds):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.005)
"""
SCRIPTS = {
    "close and exit": ("w.step(20)\nw.wait_for_step(20)\nw.close()\n", 0),
    "exit without closing": ("w.step(20)\nw.wait_for_step(20)\n", 0),
    "exit while playing": ("w.play()\nw.wait_for_step(1)\nwait(0.5)\n", 0),
    "sys.exit(3) in a slot": ("w.play()\nw.wait_for_step(1)\nQTimer.singleShot(300, lambda: sys.exit(3))\napp.exec()\n", 3),
}
#: What Qt's offscreen platform plugin prints whatever the program does.
PLATFORM_NOISE = ("This plugin does not support propagateSizeHints()",)


def run_script(body: str, folder) -> subprocess.CompletedProcess:
    env = os.environ | {"QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-c", textwrap.dedent(HEAD) + body, str(folder)], capture_output=True,
                          text=True, timeout=120, env=env)


@pytest.mark.parametrize("name", list(SCRIPTS))
def test_a_script_ends_cleanly_every_time(name, tmp_path):
    body, code = SCRIPTS[name]
    folders = [tmp_path / str(i) for i in range(RUNS)]
    for folder in folders:
        folder.mkdir()
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(run_script, [body] * RUNS, folders))
    for folder, out in zip(folders, results):
        stderr = [line for line in out.stderr.splitlines() if line.strip() and line not in PLATFORM_NOISE]
        assert out.returncode == code, (name, out.returncode, out.stderr)
        assert stderr == [], (name, out.stderr)
        # The trained network was never saved: it is kept for the next launch.
        assert len(list(folder.glob("autosave-*.npz"))) == 1, (name, sorted(p.name for p in folder.iterdir()))


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            return [int(p) for p in f.read().split()]
    except OSError:
        return []


@pytest.mark.skipif(not os.path.exists(f"/proc/{os.getpid()}/task/{os.getpid()}/children"),
                    reason="finds the trainer's process in Linux's /proc")
def test_ctrl_c_in_the_terminal_closes_the_window_and_its_trainer_cleanly(tmp_path):
    """Ctrl+C reaches the window's process and its trainer's (one process group): the window closes
    as by its close button (what it remembers is written), both end, code 0, no traceback."""
    import signal
    import time

    env = os.environ | {"QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "config"),
                        "XDG_DATA_HOME": str(tmp_path / "data")}
    app = subprocess.Popen([sys.executable, "-m", "nnviz"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           text=True, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while not _children(app.pid) and time.monotonic() < deadline and app.poll() is None:
            time.sleep(0.1)
        trainers = _children(app.pid)
        assert trainers, "the window's trainer process did not start"
        time.sleep(1.0)  # the window is up and idle
        os.killpg(app.pid, signal.SIGINT)  # as a terminal's Ctrl+C
        _, stderr = app.communicate(timeout=30)
    finally:
        if app.poll() is None:
            os.killpg(app.pid, signal.SIGKILL)
            app.wait()
    assert app.returncode == 0, stderr
    assert "Traceback" not in stderr and "KeyboardInterrupt" not in stderr, stderr
    for pid in trainers:
        assert not os.path.exists(f"/proc/{pid}") or open(f"/proc/{pid}/stat").read().split(")")[1].split()[0] == "Z"
    settings = list((tmp_path / "config").rglob("nnviz.conf"))
    assert settings and "geometry" in settings[0].read_text()  # closed as by its close button: remembered
