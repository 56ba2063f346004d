"""Saves that leave nothing behind and keep permissions; messages that say what a file is (issue #14)."""
import errno
import os
import stat
import struct
import subprocess
import sys
import zlib

import numpy as np
import pytest

from nnviz import cli
from nnviz.core import DataFileError, ModelFileError, Network, load_network, save_network
from nnviz.core.serialization import atomic_write, sweep_temporaries
from factories import kill_a_save_midway

ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
needs_non_root = pytest.mark.skipif(ROOT, reason="root reads and writes files whatever their permissions")


def leftovers(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


# ------------------------------------------------------------------ atomic saves
def deny_reading(monkeypatch, path) -> None:
    """Make open() of ``path`` fail as it does for a 0000 file (root could read one)."""
    real_open = open

    def denied(file, *args, **kwargs):
        if str(file) == str(path):
            raise PermissionError(errno.EACCES, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr("builtins.open", denied)


def test_a_save_keeps_the_permissions_of_the_file_it_replaces(tmp_path):
    path = tmp_path / "model.npz"
    save_network(Network([4, 3, 2]), path)
    os.chmod(path, 0o644)
    save_network(Network([4, 3, 2], seed=1), path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    os.chmod(path, 0o640)
    save_network(Network([4, 3, 2], seed=2), path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_a_new_file_gets_the_umasks_permissions(tmp_path):
    old = os.umask(0o022)
    try:
        save_network(Network([4, 3, 2]), tmp_path / "a.npz")
        os.umask(0o027)
        save_network(Network([4, 3, 2]), tmp_path / "b.npz")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "a.npz").stat().st_mode) == 0o644
    assert stat.S_IMODE((tmp_path / "b.npz").stat().st_mode) == 0o640


def test_saves_killed_midway_leave_no_temporary_after_the_next_save(tmp_path):
    """Each saver is killed (SIGKILL) after writing its temporary, before the rename; the model on
    disk still loads, and the next save sweeps the temporary the killed saver left (the issue saw
    29 left after 30 kills)."""
    path = tmp_path / "model.npz"
    old = Network([784, 16, 16, 10], seed=1)
    save_network(old, path)
    for _ in range(3):
        kill_a_save_midway(path)
        assert len(leftovers(tmp_path)) == 1  # each save swept the one killed before it
    np.testing.assert_array_equal(load_network(path).theta, old.theta)
    save_network(Network([4, 3, 2]), tmp_path / "other.npz")  # any save in the folder sweeps them
    assert leftovers(tmp_path) == []


def test_the_sweep_spares_a_save_in_progress_and_foreign_files(tmp_path):
    mine = tmp_path / f".m.npz.nnviz-{os.getpid()}-abcd1234.tmp"  # this process: in progress
    foreign = tmp_path / ".m.npz.something.tmp"                   # not nnviz's naming
    for p in (mine, foreign):
        p.write_bytes(b"x")
    assert sweep_temporaries(tmp_path, "m.npz") == []
    assert mine.exists() and foreign.exists()


def test_a_failing_writer_names_the_target_and_leaves_nothing(tmp_path):
    path = tmp_path / "model.npz"
    save_network(Network([4, 3, 2]), path)
    before = path.read_bytes()

    def full_disk(fh):
        fh.write(b"partial")
        raise OSError(errno.ENOSPC, "No space left on device", str(fh.name))

    with pytest.raises(ModelFileError) as info:
        atomic_write(path, full_disk)
    message = str(info.value)
    assert "the disk is full" in message and str(path) in message and ".tmp" not in message
    assert path.read_bytes() == before and leftovers(tmp_path) == []


@pytest.fixture
def tiny_file_system(tmp_path):
    """A 64 KiB tmpfs mounted for the test (root on Linux with mount allowed; else skipped)."""
    if not ROOT or not sys.platform.startswith("linux"):
        pytest.skip("mounting a tiny file system needs root on Linux")
    folder = tmp_path / "tiny"
    folder.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(folder)],
                      capture_output=True).returncode != 0:
        pytest.skip("mount is not allowed here")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], capture_output=True)


def test_a_save_on_a_full_file_system_names_the_target_and_keeps_the_old_file(tiny_file_system):
    path = tiny_file_system / "m.npz"
    save_network(Network([4, 3, 2]), path)
    with pytest.raises(ModelFileError) as info:
        save_network(Network([784, 256, 128, 10]), path)  # ~0.9 MB into 64 KiB
    assert str(info.value) == f"could not save {path}: the disk is full"
    assert os.listdir(tiny_file_system) == ["m.npz"] and load_network(path).sizes == [4, 3, 2]


def test_a_full_file_system(tmp_path):
    """A real full disk where one is at hand (Linux: /dev/full refuses every write with ENOSPC)."""
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full on this system")
    with pytest.raises(OSError) as info:
        with open("/dev/full", "wb") as fh:
            fh.write(b"x" * 10)
            fh.flush()
    assert info.value.errno == errno.ENOSPC
    from nnviz.core.paths import os_reason
    assert os_reason(info.value) == "the disk is full"


def test_non_finite_parameters_are_refused_at_save_time(tmp_path):
    net = Network([4, 3, 2])
    net.theta[0] = np.nan
    with pytest.raises(ModelFileError, match="NaN or infinite") as info:
        save_network(net, tmp_path / "nan.npz")
    assert "nan.npz" in str(info.value)
    assert list(tmp_path.iterdir()) == []


def test_saving_into_a_missing_folder_or_onto_a_folder(tmp_path):
    with pytest.raises(ModelFileError, match="does not exist"):
        save_network(Network([4, 3, 2]), tmp_path / "nowhere" / "m.npz")
    (tmp_path / "dir.npz").mkdir()
    with pytest.raises(ModelFileError, match="is a folder"):
        save_network(Network([4, 3, 2]), tmp_path / "dir.npz")


@needs_non_root
def test_saving_into_a_read_only_folder(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(ModelFileError, match="permission denied") as info:
            save_network(Network([4, 3, 2]), folder / "m.npz")
        assert ".tmp" not in str(info.value)
    finally:
        folder.chmod(0o755)


# ------------------------------------------------------------------ what a file is
@pytest.mark.parametrize("content,fragment", [
    (b"hello, this is a text file\n", "a text file"),
    (b"", "empty"),
    (b"\x93NUMPY\x01\x00v\x00", "single NumPy array"),
    (b"\x80\x04\x95\x00\x00", "pickled Python objects"),
    (bytes(range(256)), "not a zip archive"),
])
def test_what_a_non_model_file_is(tmp_path, content, fragment):
    path = tmp_path / "x.npz"
    path.write_bytes(content)
    with pytest.raises(ModelFileError, match=fragment) as info:
        load_network(path)
    assert str(path) in str(info.value)


def test_an_npz_without_nnvizs_fields(tmp_path):
    path = tmp_path / "weights.npz"
    np.savez(path, W1=np.zeros((2, 2)), b1=np.zeros(2))
    with pytest.raises(ModelFileError, match="without nnviz's fields.*W1, b1"):
        load_network(path)


def test_a_folder_given_as_a_model(tmp_path):
    with pytest.raises(ModelFileError, match="is a folder"):
        load_network(tmp_path)


def test_an_unreadable_model_says_permission(tmp_path, monkeypatch):
    """The message path is tested by making open() fail as it does for a 0000 file (root could read one)."""
    path = tmp_path / "m.npz"
    save_network(Network([4, 3, 2]), path)
    deny_reading(monkeypatch, path)
    with pytest.raises(ModelFileError, match="cannot be read: permission denied"):
        load_network(path)


@needs_non_root
def test_a_0000_model_says_permission(tmp_path):
    path = tmp_path / "m.npz"
    save_network(Network([4, 3, 2]), path)
    path.chmod(0)
    with pytest.raises(ModelFileError, match="permission denied"):
        load_network(path)


# ------------------------------------------------------------------ the command line
def run_cli(capsys, *argv):
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_train_save_into_a_missing_folder_fails_before_training(capsys, tmp_path, monkeypatch):
    monkeypatch.setattr(cli, "_load_data", None)  # training would call it: it must not be reached
    code, _, err = run_cli(capsys, "train", "--dataset", "xor", "--save", str(tmp_path / "no" / "m.npz"))
    assert code == 2 and "does not exist" in err and ".tmp" not in err and len(err.strip().splitlines()) == 1


def test_data_on_a_file_says_it_is_a_file(capsys, tmp_path):
    f = tmp_path / "train-images-idx3-ubyte"
    f.write_bytes(b"\0\0\x08\x03")
    code, _, err = run_cli(capsys, "train", "--data", str(f))
    assert code == 2 and "is a file, not a folder" in err


def test_eval_of_a_folder_and_of_a_text_file(capsys, tmp_path):
    code, _, err = run_cli(capsys, "eval", "--model", str(tmp_path))
    assert code == 2 and "is a folder" in err
    (tmp_path / "notes.txt").write_text("not a model")
    code, _, err = run_cli(capsys, "eval", "--model", str(tmp_path / "notes.txt"))
    assert code == 2 and "a text file" in err and "pickle" not in err


def test_an_os_error_is_one_sentence_naming_the_file(capsys, monkeypatch):
    def denied(args):
        raise PermissionError(errno.EACCES, "Permission denied", "/some/file")

    monkeypatch.setattr(cli, "cmd_eval", denied)
    code, _, err = run_cli(capsys, "eval", "--model", "x")
    assert code == 2 and err.strip() == "nnviz eval: error: /some/file: permission denied (nnviz may not access it)"


def test_an_unknown_option_points_at_nnviz_help():
    proc = subprocess.run([sys.executable, "-m", "nnviz", "--bogus"], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    assert proc.returncode == 2
    assert "(see nnviz --help)" in proc.stderr and "nnviz nnviz" not in proc.stderr
    proc = subprocess.run([sys.executable, "-m", "nnviz", "eval", "--bogus"], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    assert "(see nnviz eval --help)" in proc.stderr


# ------------------------------------------------------------------ pictures
def png_header(width: int, height: int) -> bytes:
    """A PNG that claims that size but holds one row of pixels (a few bytes): its header gives the
    size; decoding it would need gigabytes for the large ones, or fail."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    idat = zlib.compress(b"\0" * (width + 1))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


@pytest.mark.parametrize("width,height", [(8200, 8200), (10_000, 10_000), (8000, 8000), (12_000, 100),
                                          (6000, 5000)])
def test_too_large_pictures_are_refused_from_the_header_with_one_message(tmp_path, width, height):
    from PySide6.QtCore import qInstallMessageHandler

    from nnviz.gui.image_files import load_image

    path = tmp_path / "big.png"
    path.write_bytes(png_header(width, height))
    messages = []
    previous = qInstallMessageHandler(lambda mode, ctx, text: messages.append(text))
    try:
        with pytest.raises(DataFileError) as info:
            load_image(path)
    finally:
        qInstallMessageHandler(previous)
    assert f"{width:,}x{height:,} pixels, too large" in str(info.value)
    assert "at most 25 million pixels and 10,000 on a side" in str(info.value)
    assert messages == []  # Qt's allocation warning never shows


def test_a_large_picture_is_read_scaled_down(tmp_path):
    from PySide6.QtGui import QImage

    from nnviz.gui.image_files import READ_SIDE, load_image

    image = QImage(3000, 2000, QImage.Format_Grayscale8)
    image.fill(0)
    assert image.save(str(tmp_path / "photo.png"))
    out = load_image(tmp_path / "photo.png")
    assert out.shape == (round(2000 * READ_SIDE / 3000), READ_SIDE)


def test_a_folder_or_an_unreadable_picture(tmp_path, monkeypatch):
    from nnviz.gui.image_files import load_image

    with pytest.raises(DataFileError, match="is a folder, not a picture"):
        load_image(tmp_path)
    path = tmp_path / "d.png"
    path.write_bytes(png_header(28, 28))
    deny_reading(monkeypatch, path)
    with pytest.raises(DataFileError, match="cannot be read: permission denied"):
        load_image(path)


def test_temporaries_of_older_versions_are_swept_once_old(tmp_path):
    """Older nnviz saved through ``tempfile.mkstemp`` (``.NAME.XXXXXXXX.tmp``, no process id): the
    next save of that file deletes such a leftover once it is ten minutes old, not a fresh one."""
    old = tmp_path / ".m.npz.k3j_a9zq.tmp"
    fresh = tmp_path / ".m.npz.p0q1r2s3.tmp"
    for p in (old, fresh):
        p.write_bytes(b"partial")
    os.utime(old, (os.path.getmtime(old) - 3600,) * 2)
    save_network(Network([4, 3, 2]), tmp_path / "m.npz")
    assert not old.exists() and fresh.exists()
