"""Session files (issue #14): a saved model remembers its data set, lesson, training settings and
loss-surface mode; opening it brings them back; old files still open; `nnviz FILE` opens one."""
import shutil

import numpy as np
import pytest
from PySide6.QtCore import QSettings

from nnviz import cli
from nnviz.core import Network, datasets, load_network, save_network
from nnviz.core.idx import write_idx
from nnviz.gui.main_window import MainWindow
from nnviz.session import Session
from nnviz.session_files import describe, idx_checksum, opening
from conftest import close_and_delete


def idx_folder(folder, n=12):
    rng = np.random.default_rng(0)
    folder.mkdir()
    for split in ("train", "t10k"):
        write_idx(folder / f"{split}-images-idx3-ubyte", rng.integers(0, 256, (n, 28, 28), dtype=np.uint8))
        write_idx(folder / f"{split}-labels-idx1-ubyte", rng.integers(0, 10, n, dtype=np.uint8))
    return folder


# ------------------------------------------------------------------ without Qt
def test_a_zhou_model_opens_on_zhou_with_its_lesson_and_training(tmp_path):
    s = Session.from_lesson("Victor Zhou")
    s.step(5)
    path = tmp_path / "zhou.npz"
    save_network(s.network(), path, metadata={"session": describe(s, surface="zhou")})
    net, meta = load_network(path, with_metadata=True)
    found = opening(net, meta, current=datasets.load("digits"))
    assert found.data.name == "zhou" and found.lesson.title == s.lesson
    assert found.training == s.training and found.surface == "zhou" and found.problem == ""


@pytest.mark.parametrize("meta,expected", [
    ({}, "zhou"),                    # no word of its data: the first data set it fits
    ({"dataset": "zhou"}, "zhou"),   # an older nnviz wrote the data set's name only
])
def test_older_files_without_a_session_still_open(meta, expected):
    found = opening(Network([2, 2, 1]), meta, current=datasets.load("digits"))
    assert found.data.name == expected and found.lesson is None and found.training is None


def test_an_older_spiral_model_opens_on_spiral_not_on_the_data_on_display():
    found = opening(Network([2, 8, 2]), {"dataset": "spiral"}, current=datasets.load("circle"))
    assert found.data.name == "spiral"


def test_idx_data_is_found_by_path_and_checksum(tmp_path):
    folder = idx_folder(tmp_path / "mnist")
    meta = {"session": {"data": {"name": "idx:mnist", "idx": str(folder), "checksum": idx_checksum(folder)}}}
    net = Network([784, 8, 10])
    found = opening(net, meta)
    assert found.data.n_inputs == 784 and found.idx_folder == folder and found.data_key == "idx:mnist"
    (folder / "t10k-labels-idx1-ubyte").write_bytes((folder / "t10k-labels-idx1-ubyte").read_bytes()[:-1] + b"\x01")
    found = opening(net, meta, path="m.npz")
    assert found.data is None and "checksum differs" in found.problem and found.compatible == ["digits"]
    shutil.rmtree(folder)
    found = opening(net, meta, path="m.npz")
    assert found.data is None and "no such folder" in found.problem and found.problem.startswith("m.npz: ")
    assert found.compatible == ["digits"]


# ------------------------------------------------------------------ the window
def trained(qtbot, w, steps):
    target = w.current_state.step + steps
    w.step(steps)
    qtbot.waitUntil(lambda: w.current_state.step == target and not w.controller.worker.running, timeout=10000)


def test_a_spiral_model_opened_during_the_circle_lesson_brings_spiral(qtbot, window, tmp_path):
    assert window.load_lesson("Playground: spiral")
    window.controls.set_values(lr=0.02)
    window.controller.set_training(window.controls.training())
    trained(qtbot, window, 5)
    theta = window.current_state.theta.copy()
    path = tmp_path / "spiral.npz"
    assert window.save_model_to(path)
    assert window.load_lesson("Playground: circle")
    assert window.open_model(path)
    s = window.session
    assert s.data.name == "spiral" and s.lesson == "Playground: spiral"
    assert window.controls.preset.currentText().startswith("Playground: spiral")
    assert window.controls.param("lr").value() == pytest.approx(0.02) and s.training["lr"] == pytest.approx(0.02)
    assert np.array_equal(window.current_state.theta, theta)


def test_a_zhou_model_opens_from_a_digits_lesson(qtbot, window, tmp_path):
    path = tmp_path / "zhou.npz"
    save_network(Network([2, 2, 1], loss="mse"), path)  # an older file: no word of its data
    assert window.session.data.name == "digits"
    assert window.open_model(path)
    assert window.session.data.name == "zhou"


def test_the_surface_mode_comes_back(qtbot, window, tmp_path):
    assert window.load_lesson("Victor Zhou")
    assert window.loss_surface.current_mode == "zhou"
    path = tmp_path / "z.npz"
    trained(qtbot, window, 2)
    assert window.save_model_to(path)
    assert window.load_lesson("Playground: xor")
    assert window.open_model(path)
    assert window.loss_surface.current_mode == "zhou"


def test_a_model_whose_data_is_gone_says_so_and_offers_what_fits(qtbot, window, tmp_path):
    folder = idx_folder(tmp_path / "mnist")
    assert window.files.open_idx(folder)
    qtbot.waitUntil(lambda: window.session.data.name == "mnist", timeout=5000)
    path = tmp_path / "idx.npz"
    assert window.save_model_to(path)
    shutil.rmtree(folder)
    before = window.session
    assert not window.open_model(path)
    text = window.banner.text.text()
    assert "idx.npz" in text and "cannot be found" in text and "It fits: digits" in text
    assert window.session is before
    window.banner.buttons["Open on digits"].click()
    assert window.session.data.name == "digits" and window.session is not before


def test_opening_asks_before_discarding_a_trained_network(qtbot, window, tmp_path):
    path = tmp_path / "zhou.npz"
    save_network(Network([2, 2, 1], loss="mse"), path)
    trained(qtbot, window, 2)
    asked = []
    window.confirm = lambda title, text: asked.append(title) or False
    before = window.session
    assert not window.open_model(path)
    assert asked and window.session is before


def test_the_title_shows_the_file_and_an_unsaved_mark(qtbot, window, tmp_path):
    assert window.windowTitle() == "nnviz"
    trained(qtbot, window, 2)
    assert window.windowTitle() == "nnviz — untitled*"
    assert window.save_model_to(tmp_path / "m.npz")
    assert window.windowTitle() == "nnviz — m.npz"
    trained(qtbot, window, 1)
    assert window.windowTitle() == "nnviz — m.npz*"
    assert window.open_model(tmp_path / "m.npz")
    assert window.windowTitle() == "nnviz — m.npz"


def test_a_restored_autosave_brings_its_data_set(qtbot, tmp_path):
    settings = QSettings(str(tmp_path / "nnviz.ini"), QSettings.IniFormat)
    w = MainWindow(settings=settings, data_dir=tmp_path)
    assert w.load_lesson("Playground: xor")
    trained(qtbot, w, 3)
    close_and_delete(w)
    fresh = QSettings(str(tmp_path / "fresh.ini"), QSettings.IniFormat)  # starts on the digits
    w2 = MainWindow(settings=fresh, data_dir=tmp_path)
    w2.show()
    assert w2.session.data.name == "digits"
    w2.banner.buttons["Restore it"].click()
    assert w2.session.data.name == "xor" and w2.session.lesson == "Playground: xor"
    close_and_delete(w2)


# ------------------------------------------------------------------ the command line
@pytest.mark.parametrize("argv", [["model.npz"], ["--open", "model.npz"]])
def test_nnviz_file_and_open_file_open_a_model(monkeypatch, argv):
    seen = {}

    def run(**kwargs):
        seen.update(kwargs)
        return 0

    monkeypatch.setattr("nnviz.gui.app.run", run)
    assert cli.main(argv) == 0
    assert seen["open_path"] == "model.npz"


def test_prepare_opens_the_model_in_the_window(qtbot, window, tmp_path):
    from nnviz.gui.app import prepare

    path = tmp_path / "zhou.npz"
    save_network(Network([2, 2, 1], loss="mse"), path)
    prepare(window, None, None, str(path))
    assert window.session.data.name == "zhou" and window.model_path == path


def test_a_mistyped_command_is_not_taken_for_a_file(capsys):
    with pytest.raises(SystemExit) as info:
        cli.main(["trian"])
    assert info.value.code == 2 and "invalid choice: 'trian'" in capsys.readouterr().err
