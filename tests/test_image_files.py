"""Loading pictures of digits: PNG/JPG round trips, inversion of dark-on-light, clean errors."""
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from PySide6.QtGui import QImage

from nnviz.core import DataFileError
from nnviz.gui.image_files import load_image


def write(path, grey: np.ndarray, fmt=None):
    g = np.ascontiguousarray((grey * 255).astype(np.uint8))
    QImage(g.data, g.shape[1], g.shape[0], g.shape[1], QImage.Format_Grayscale8).save(str(path), fmt)


@pytest.mark.parametrize("suffix", ["png", "jpg", "bmp"])
def test_round_trip(tmp_path, suffix):
    img = np.zeros((40, 30))
    img[10:30, 12:18] = 1.0
    write(tmp_path / f"d.{suffix}", img)
    out = load_image(tmp_path / f"d.{suffix}")
    assert out.shape == (40, 30) and out.dtype == np.float32
    assert np.abs(out - img).mean() < 0.03


def test_dark_ink_on_paper_is_inverted(tmp_path):
    paper = np.ones((50, 50))
    paper[10:40, 20:26] = 0.0
    write(tmp_path / "scan.png", paper)
    out = load_image(tmp_path / "scan.png")
    assert out[20, 22] > 0.9 and out[2, 2] < 0.1


@pytest.mark.parametrize("content,fragment", [(b"", "not a readable image"), (b"\x89PNG\r\n\x1a\n\0\0", "not a readable")])
def test_bad_files(tmp_path, content, fragment):
    path = tmp_path / "x.png"
    path.write_bytes(content)
    with pytest.raises(DataFileError, match="x.png"):
        load_image(path)
    with pytest.raises(DataFileError, match="no such file"):
        load_image(tmp_path / "missing.png")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=300))
def test_random_bytes_give_a_clean_error(tmp_path, raw):
    path = tmp_path / "r.png"
    path.write_bytes(raw)
    try:
        img = load_image(path)
    except DataFileError as e:
        assert "r.png" in str(e)
    else:
        assert img.ndim == 2 and np.isfinite(img).all()


def test_cli_predict_reads_a_digit(tmp_path, capsys):
    import json

    from nnviz import cli
    from nnviz.core import datasets

    d = datasets.load("digits")
    write(tmp_path / "seven.png", d.X_test[0].reshape(28, 28))
    code = cli.main(["predict", str(tmp_path / "seven.png"), "--json"])
    out = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert code == 0 and out["digit"] == d.labels_test[0] and len(out["probabilities"]) == 10
    assert cli.main(["predict", str(tmp_path / "nothing.png")]) == 2
