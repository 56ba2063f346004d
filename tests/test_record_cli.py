"""``nnviz record`` and ``nnviz --screenshot --pane``, each run in a subprocess as a user runs them:
the animation decodes to the frames, size and length it reports; bad arguments exit 2 with one
line and write nothing."""
import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageSequence

ROOT = Path(__file__).resolve().parent.parent


def nnviz(*argv, cwd=None, timeout=300):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "nnviz", *map(str, argv)], capture_output=True, text=True,
                          env=env, cwd=cwd, timeout=timeout)


def test_record_writes_a_gif_of_a_pane_and_reports_it(tmp_path):
    out = tmp_path / "xor.gif"
    proc = nnviz("record", "--preset", "Playground: xor", "--steps", 60, "--out", out, "--pane", "curves",
                 "--fps", 3, "--size", "1024x700", "--json")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.strip().splitlines()
    assert lines[0] == str(out)
    report = json.loads(lines[-1])
    assert report["path"] == str(out) and report["bytes"] == out.stat().st_size and report["steps"] == 60
    with Image.open(out) as im:
        frames = [np.asarray(f.convert("RGB")).copy() for f in ImageSequence.Iterator(im)]
        durations = [f.info["duration"] for f in ImageSequence.Iterator(im)]
    assert len(frames) == report["frames"] == 30  # 3 frames/s for 10 s: one every 2 steps
    assert sum(durations) / 1000 == pytest.approx(report["seconds"], abs=0.2)
    assert report["seconds"] == pytest.approx(11, abs=0.5)  # 10 s, the last frame held a second more
    assert frames[0].shape[1] < 1024  # the curves pane, not the window
    assert all(not np.array_equal(a, b) for a, b in zip(frames, frames[1:]))
    assert not np.array_equal(frames[0][-40:, :140], frames[-1][-40:, :140])  # the burned-in step


def test_record_writes_a_mp4_of_the_window(tmp_path):
    av = pytest.importorskip("av")
    out = tmp_path / "zhou.mp4"
    proc = nnviz("record", "--preset", "Victor Zhou", "--steps", 20, "--out", out, "--fps", 2, "--size",
                 "1280x720", "--json")
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    with av.open(str(out)) as container:
        frames = [f.to_ndarray(format="rgb24") for f in container.decode(video=0)]
    assert len(frames) == report["frames"] == 20
    assert frames[0].shape == (720, 1280, 3)  # the window at the size asked for


@pytest.mark.parametrize("argv, words", [
    (["--out", "{tmp}/run.png"], "a .gif or an .mp4"),
    (["--out", "{tmp}/missing/run.gif"], "does not exist"),
    (["--out", "{tmp}/run.gif", "--preset", "no such lesson"], "no lesson starts with"),
    (["--out", "{tmp}/run.gif", "--steps", "0"], "--steps must be"),
    (["--out", "{tmp}/run.gif", "--fps", "0"], "--fps must be"),
    (["--out", "{tmp}/run.gif", "--size", "big"], "WIDTHxHEIGHT"),
    (["--out", "{tmp}/run.gif", "--pane", "everything"], "invalid choice"),
    (["--steps", "10"], "--out"),
])
def test_record_refuses_bad_arguments_with_one_line(tmp_path, argv, words):
    proc = nnviz("record", *[a.format(tmp=tmp_path) for a in argv], timeout=60)
    assert proc.returncode == 2
    assert proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and words in lines[0], proc.stderr
    assert list(tmp_path.iterdir()) == []


def test_screenshot_of_one_pane(tmp_path):
    window, pane = tmp_path / "window.png", tmp_path / "surface.png"
    assert nnviz("--screenshot", window).returncode == 0
    proc = nnviz("--screenshot", pane, "--pane", "surface")
    assert proc.returncode == 0, proc.stderr
    with Image.open(window) as a, Image.open(pane) as b:
        assert b.width < a.width and b.height < a.height
        assert b.width > 100 and b.height > 100
