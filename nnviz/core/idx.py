"""The IDX file format of MNIST (LeCun's ``train-images-idx3-ubyte`` and friends).

An IDX file is a 4-byte magic number ``00 00 TT ND`` (TT the element type,
ND the number of dimensions), ND big-endian uint32 dimension sizes, then the
elements in row-major order.  Files may be gzipped (``.gz``).
"""
from __future__ import annotations

import gzip
import os
from pathlib import Path

import numpy as np

from .errors import DataFileError
from .paths import os_reason

#: IDX type code -> big-endian NumPy dtype.
TYPES = {0x08: np.dtype(">u1"), 0x09: np.dtype(">i1"), 0x0B: np.dtype(">i2"), 0x0C: np.dtype(">i4"),
         0x0D: np.dtype(">f4"), 0x0E: np.dtype(">f8")}
#: Refuse headers that claim more than this many elements (a corrupt header, not a data set).
MAX_ELEMENTS = 2_000_000_000


def _read_bytes(path: Path) -> bytes:
    try:
        with open(path, "rb") as f:
            head = f.read(2)
            f.seek(0)
            if head == b"\x1f\x8b":
                with gzip.open(f) as g:
                    return g.read()
            return f.read()
    except FileNotFoundError:
        raise DataFileError(f"{path}: no such file") from None
    except OSError as e:
        if isinstance(e, gzip.BadGzipFile):
            raise DataFileError(f"{path}: cannot read it ({e})") from None
        raise DataFileError(f"{path}: cannot be read: {os_reason(e)}") from None
    except EOFError as e:
        raise DataFileError(f"{path}: cannot read it ({e})") from None


def read_idx(path) -> np.ndarray:
    """Read one IDX file (gzipped or not) -> array with the file's shape and native-endian dtype.

    Raises DataFileError naming the file when the magic number, the type, the
    dimensions or the length are wrong.
    """
    path = Path(path)
    raw = _read_bytes(path)
    if len(raw) < 4:
        raise DataFileError(f"{path}: too short to be an IDX file ({len(raw)} bytes)")
    if raw[0] != 0 or raw[1] != 0:
        raise DataFileError(f"{path}: not an IDX file (magic number {raw[:4].hex()} should start 0000)")
    type_code, ndim = raw[2], raw[3]
    if type_code not in TYPES:
        raise DataFileError(f"{path}: unknown IDX element type 0x{type_code:02x}")
    if not 1 <= ndim <= 4:
        raise DataFileError(f"{path}: IDX header claims {ndim} dimensions (expected 1 to 4)")
    header = 4 + 4 * ndim
    if len(raw) < header:
        raise DataFileError(f"{path}: truncated header ({len(raw)} bytes, need {header})")
    shape = tuple(int(d) for d in np.frombuffer(raw, ">u4", ndim, 4))
    dtype = TYPES[type_code]
    n = int(np.prod(shape, dtype=np.int64))
    if n > MAX_ELEMENTS:
        raise DataFileError(f"{path}: IDX header claims an absurd shape {shape}")
    expected = header + n * dtype.itemsize
    if len(raw) != expected:
        what = "truncated" if len(raw) < expected else "has extra bytes"
        raise DataFileError(f"{path}: {what}: shape {shape} needs {expected:,} bytes, file has {len(raw):,}")
    return np.frombuffer(raw, dtype, n, header).reshape(shape).astype(dtype.newbyteorder("="))


def write_idx(path, array: np.ndarray) -> None:
    """Write ``array`` (1 to 4 dimensions, a dtype from TYPES) as an uncompressed IDX file."""
    array = np.asarray(array)
    codes = {dt.newbyteorder("="): code for code, dt in TYPES.items()}
    code = codes.get(array.dtype.newbyteorder("="))
    if code is None or not 1 <= array.ndim <= 4:
        raise ValueError(f"cannot write {array.dtype} array of {array.ndim} dimensions as IDX")
    header = bytes([0, 0, code, array.ndim]) + np.asarray(array.shape, ">u4").tobytes()
    body = array.astype(TYPES[code]).tobytes()
    tmp = Path(str(path) + ".tmp")
    tmp.write_bytes(header + body)
    os.replace(tmp, path)


def find_file(folder: Path, stem: str) -> Path:
    """The file for ``stem`` (e.g. ``train-images-idx3-ubyte``) in ``folder``, with the
    usual spellings (``.gz``, ``train-images.idx3-ubyte``)."""
    for name in (stem, stem + ".gz", stem.replace("-idx", ".idx"), stem.replace("-idx", ".idx") + ".gz"):
        if (folder / name).is_file():
            return folder / name
    raise DataFileError(f"{folder}: missing {stem} (or {stem}.gz)")


def load_idx_folder(folder) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Read the four MNIST IDX files in ``folder``.

    Returns (images_train (n, rows, cols) uint8, labels_train (n,) int64,
    images_test (m, rows, cols) uint8, labels_test (m,) int64).
    """
    folder = Path(folder)
    if not folder.is_dir():
        if folder.exists():
            raise DataFileError(f"{folder}: is a file, not a folder of IDX files "
                                f"(give the folder that holds train-images-idx3-ubyte...)")
        raise DataFileError(f"{folder}: no such folder")
    arrays = []
    for split in ("train", "t10k"):
        images_path = find_file(folder, f"{split}-images-idx3-ubyte")
        labels_path = find_file(folder, f"{split}-labels-idx1-ubyte")
        images, labels = read_idx(images_path), read_idx(labels_path)
        if images.ndim != 3 or images.dtype != np.uint8:
            raise DataFileError(f"{images_path}: expected 3-D unsigned-byte images, got {images.dtype} "
                                f"of shape {images.shape}")
        if labels.ndim != 1 or labels.dtype != np.uint8:
            raise DataFileError(f"{labels_path}: expected 1-D unsigned-byte labels, got {labels.dtype} "
                                f"of shape {labels.shape}")
        if len(images) != len(labels):
            raise DataFileError(f"{labels_path}: {len(labels):,} labels for {len(images):,} images in "
                                f"{images_path.name}")
        if len(images) == 0:
            raise DataFileError(f"{images_path}: holds no images")
        arrays += [images, labels.astype(np.int64)]
    if arrays[0].shape[1:] != arrays[2].shape[1:]:
        raise DataFileError(f"{folder}: train images are {arrays[0].shape[1:]} but test images are "
                            f"{arrays[2].shape[1:]}")
    return tuple(arrays)
