"""Autosave that cannot hurt (issue #14): per window, in nnviz's own folder, a corrupt file moved
aside and reported, folder problems in the banner, a failed autosave at closing keeps the window
open (and at exit says so on stderr)."""
import errno
import os
import subprocess
import sys
import textwrap

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication

from nnviz.core import Network, save_network
from nnviz.gui import model_files
from nnviz.gui.main_window import MainWindow
from nnviz.gui.model_files import default_data_dir, orphan_autosaves
from conftest import close_and_delete


def trained(qtbot, w, steps=2):
    w.step(steps)
    qtbot.waitUntil(lambda: w.current_state.step == steps and not w.controller.worker.running, timeout=10000)


def dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_two_windows_keep_two_files(qtbot, settings, tmp_path):
    a, b = MainWindow(settings=settings, data_dir=tmp_path), MainWindow(settings=settings, data_dir=tmp_path)
    assert a.files.autosave_path != b.files.autosave_path
    trained(qtbot, a, 2)
    trained(qtbot, b, 3)
    close_and_delete(a)
    close_and_delete(b)
    assert len(list(tmp_path.glob("autosave-*.npz"))) == 2


def test_the_data_folder_does_not_depend_on_the_applications_name():
    name = QCoreApplication.applicationName()
    first = default_data_dir()
    QCoreApplication.setApplicationName("some_script")
    try:
        assert default_data_dir() == first
    finally:
        QCoreApplication.setApplicationName(name)
    assert first.parts[-2:] == ("nnviz", "nnviz")


def test_only_files_of_closed_windows_are_offered(tmp_path):
    live = tmp_path / f"autosave-{os.getppid()}-1.npz"      # another nnviz, running
    gone = tmp_path / f"autosave-{dead_pid()}-1.npz"        # one that ended
    legacy = tmp_path / "autosave.npz"                       # an older version's
    other = tmp_path / "autosave-corrupt-20260101-000000.npz"
    for p in (live, gone, legacy, other):
        save_network(Network([2, 2, 1]), p)
    assert set(orphan_autosaves(tmp_path)) == {gone, legacy}


def test_a_corrupt_autosave_is_moved_aside_and_reported(qtbot, settings, tmp_path):
    (tmp_path / "autosave.npz").write_text("garbage")
    w = MainWindow(settings=settings, data_dir=tmp_path)
    w.show()
    text = w.banner.text.text()
    assert w.banner.isVisible() and "could not be read" in text and "moved aside" in text
    aside = list(tmp_path.glob("autosave-corrupt-*.npz"))
    assert len(aside) == 1 and aside[0].read_text() == "garbage" and str(aside[0]) in text
    close_and_delete(w)


def test_a_corrupt_autosave_that_cannot_be_moved_is_left_and_reported(qtbot, settings, tmp_path, monkeypatch):
    """As in a read-only folder (simulated: root may write anywhere)."""
    (tmp_path / "autosave.npz").write_text("garbage")

    def refuse(*args):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(model_files.os, "replace", refuse)
    w = MainWindow(settings=settings, data_dir=tmp_path)
    assert "could not be moved aside (permission denied" in w.banner.text.text()
    assert (tmp_path / "autosave.npz").read_text() == "garbage"
    close_and_delete(w)


@pytest.mark.parametrize("kind", ["autosave path is a folder", "data folder is a file"])
def test_a_bad_autosave_path_is_a_banner_not_an_abort(qtbot, settings, tmp_path, kind):
    if kind == "autosave path is a folder":
        data = tmp_path
        (tmp_path / "autosave.npz").mkdir()
        (tmp_path / f"autosave-{dead_pid()}-1.npz").mkdir()
        fragment = "is a folder, not a kept network"
    else:
        data = tmp_path / "data"
        data.write_text("a file where the folder should be")
        fragment = "cannot be kept"
    w = MainWindow(settings=settings, data_dir=data)
    w.show()
    assert w.banner.isVisible() and fragment in w.banner.text.text()
    close_and_delete(w)


def fail_saving(monkeypatch):
    """A failing writer: the disk fills up in the middle of writing."""
    real = np.savez_compressed

    def full(fh, **arrays):
        real(fh, **arrays)
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(np, "savez_compressed", full)


def test_a_failed_autosave_at_closing_keeps_the_window_open(qtbot, settings, tmp_path, monkeypatch):
    w = MainWindow(settings=settings, data_dir=tmp_path)
    w.show()
    trained(qtbot, w)
    fail_saving(monkeypatch)
    assert not w.close()
    assert w.isVisible() and not w.closing
    text = w.banner.text.text()
    assert "could not be kept" in text and "the disk is full" in text and ".tmp" not in text
    assert {"Save as...", "Close without keeping it"} <= set(w.banner.buttons)
    assert list(tmp_path.glob("*.tmp")) == [] and list(tmp_path.glob("autosave*")) == []
    w.banner.buttons["Close without keeping it"].click()
    assert w.closing and not w.isVisible()
    close_and_delete(w)


def test_training_is_autosaved_every_few_minutes_and_a_save_removes_it(qtbot, settings, tmp_path):
    w = MainWindow(settings=settings, data_dir=tmp_path)
    assert w.files.timer.isActive() and w.files.timer.interval() <= 5 * 60 * 1000
    trained(qtbot, w)
    w.files.timer.timeout.emit()
    assert w.files.autosave_path.exists()
    written = w.files.autosave_path.stat().st_mtime_ns
    w.files.timer.timeout.emit()  # nothing trained since: nothing written
    assert w.files.autosave_path.stat().st_mtime_ns == written
    assert w.save_model_to(tmp_path / "mine.npz")
    assert not w.files.autosave_path.exists()
    close_and_delete(w)


def test_a_failed_autosave_at_exit_is_said_on_stderr_and_the_script_still_ends(tmp_path):
    script = textwrap.dedent("""
        import errno, sys, time
        import numpy as np
        from PySide6.QtCore import QSettings
        from nnviz.gui.app import application
        from nnviz.gui.main_window import MainWindow

        def full(fh, **arrays):
            raise OSError(errno.ENOSPC, "No space left on device")

        app = application()
        folder = sys.argv[1]
        w = MainWindow(settings=QSettings(folder + "/nnviz.ini", QSettings.IniFormat), data_dir=folder)
        w.show()
        w.step(5)
        w.wait_for_step(5)
        np.savez_compressed = full
    """)
    out = subprocess.run([sys.executable, "-c", script, str(tmp_path)], capture_output=True, text=True, timeout=120,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen",
                              "PYTHONPATH": os.pathsep.join(sys.path)})
    assert out.returncode == 0, out.stderr
    assert "could not be kept" in out.stderr and "the disk is full" in out.stderr
    assert "Traceback" not in out.stderr and "Fatal" not in out.stderr
