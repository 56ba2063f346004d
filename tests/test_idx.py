"""MNIST IDX files: round trip, gzip, and a clear error naming the file for every kind of damage."""
import gzip

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from nnviz.core import DataFileError, datasets
from nnviz.core.idx import load_idx_folder, read_idx, write_idx


def make_folder(folder, n_train=12, n_test=5, gz=False, seed=0):
    rng = np.random.default_rng(seed)
    folder.mkdir(exist_ok=True)
    arrays = {}
    for split, n in (("train", n_train), ("t10k", n_test)):
        images = rng.integers(0, 256, (n, 28, 28), dtype=np.uint8)
        labels = rng.integers(0, 10, n, dtype=np.uint8)
        for kind, array in (("images-idx3", images), ("labels-idx1", labels)):
            path = folder / f"{split}-{kind}-ubyte"
            write_idx(path, array)
            if gz:
                path.with_name(path.name + ".gz").write_bytes(gzip.compress(path.read_bytes()))
                path.unlink()
        arrays[split] = (images, labels)
    return arrays


@pytest.mark.parametrize("dtype", [np.uint8, np.int8, np.int16, np.int32, np.float32, np.float64])
def test_round_trip_every_type(tmp_path, dtype):
    a = (np.arange(2 * 3 * 4) - 7).astype(dtype).reshape(2, 3, 4)
    if dtype == np.uint8:
        a = np.arange(24, dtype=np.uint8).reshape(2, 3, 4)
    write_idx(tmp_path / "a", a)
    b = read_idx(tmp_path / "a")
    assert b.dtype == a.dtype and b.shape == a.shape and np.array_equal(a, b)


@pytest.mark.parametrize("gz", [False, True])
def test_folder_loads_as_a_dataset(tmp_path, gz):
    arrays = make_folder(tmp_path / "mnist", gz=gz)
    data = datasets.load_idx(tmp_path / "mnist")
    assert data.X_train.shape == (12, 784) and data.X_test.shape == (5, 784)
    assert np.allclose(data.X_train[3] * 255, arrays["train"][0][3].ravel())
    assert np.array_equal(data.labels_test, arrays["t10k"][1])
    assert data.image_shape == (28, 28) and 0 <= data.X_train.min() and data.X_train.max() <= 1


def test_mnist_header_is_checked_byte_for_byte(tmp_path):
    # The header of LeCun's train-labels file: magic 0x00000801, 60000 items.
    raw = bytes.fromhex("00000801") + (3).to_bytes(4, "big") + bytes([5, 0, 4])
    (tmp_path / "labels").write_bytes(raw)
    assert read_idx(tmp_path / "labels").tolist() == [5, 0, 4]


@pytest.mark.parametrize("damage,fragment", [
    (lambda b: b[:-1], "truncated"),
    (lambda b: b + b"\0", "extra bytes"),
    (lambda b: b[:6], "truncated header"),
    (lambda b: b"\x01" + b[1:], "not an IDX file"),
    (lambda b: b[:2] + b"\x42" + b[3:], "element type"),
    (lambda b: b[:3] + b"\x09" + b[4:], "dimensions"),
    (lambda b: b"", "too short"),
])
def test_damaged_file_names_the_file_and_the_problem(tmp_path, damage, fragment):
    make_folder(tmp_path / "m")
    path = tmp_path / "m" / "train-images-idx3-ubyte"
    path.write_bytes(damage(path.read_bytes()))
    with pytest.raises(DataFileError) as e:
        datasets.load_idx(tmp_path / "m")
    assert "train-images-idx3-ubyte" in str(e.value) and fragment in str(e.value)


def test_folder_problems(tmp_path):
    with pytest.raises(DataFileError, match="no such folder"):
        load_idx_folder(tmp_path / "nope")
    make_folder(tmp_path / "m")
    (tmp_path / "m" / "t10k-labels-idx1-ubyte").unlink()
    with pytest.raises(DataFileError, match="missing t10k-labels-idx1-ubyte"):
        load_idx_folder(tmp_path / "m")
    make_folder(tmp_path / "m")
    write_idx(tmp_path / "m" / "train-labels-idx1-ubyte", np.zeros(11, np.uint8))
    with pytest.raises(DataFileError, match="11 labels for 12 images"):
        load_idx_folder(tmp_path / "m")
    make_folder(tmp_path / "m")
    write_idx(tmp_path / "m" / "train-images-idx3-ubyte", np.zeros((12, 28, 28), np.float32))
    with pytest.raises(DataFileError, match="unsigned-byte images"):
        load_idx_folder(tmp_path / "m")


def test_corrupt_gzip_is_a_clean_error(tmp_path):
    path = tmp_path / "x.gz"
    path.write_bytes(b"\x1f\x8b" + b"garbage" * 10)
    with pytest.raises(DataFileError, match="x.gz"):
        read_idx(path)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=200))
def test_random_bytes_never_escape_as_anything_but_a_data_file_error(tmp_path_factory, raw):
    path = tmp_path_factory.mktemp("idx") / "f"
    path.write_bytes(raw)
    try:
        a = read_idx(path)
    except DataFileError as e:
        assert str(path) in str(e)
    else:
        assert isinstance(a, np.ndarray)
