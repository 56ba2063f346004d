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

from .errors import QT_TRANSLATE_NOOP, DataFileError, Message
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
        raise DataFileError(QT_TRANSLATE_NOOP("Errors", "{path}: no such file"), path=path) from None
    except OSError as e:
        if isinstance(e, gzip.BadGzipFile):
            raise DataFileError(QT_TRANSLATE_NOOP(
                "Errors", "{path}: cannot read it ({why})"), path=path, why=e) from None
        raise DataFileError(QT_TRANSLATE_NOOP("Errors", "{path}: cannot be read: {reason}"), path=path,
                            reason=os_reason(e)) from None
    except EOFError as e:
        raise DataFileError(QT_TRANSLATE_NOOP("Errors", "{path}: cannot read it ({why})"), path=path, why=e) from None


def read_idx(path) -> np.ndarray:
    """Read one IDX file (gzipped or not) -> array with the file's shape and native-endian dtype.

    Raises DataFileError naming the file when the magic number, the type, the
    dimensions or the length are wrong.
    """
    path = Path(path)
    raw = _read_bytes(path)
    if len(raw) < 4:
        raise DataFileError(QT_TRANSLATE_NOOP("Errors", "{path}: too short to be an IDX file ({n} bytes)"), path=path,
                            n=len(raw))
    if raw[0] != 0 or raw[1] != 0:
        raise DataFileError(QT_TRANSLATE_NOOP(
            "Errors", "{path}: not an IDX file (magic number {magic} should start 0000)"),
            path=path, magic=raw[:4].hex())
    type_code, ndim = raw[2], raw[3]
    if type_code not in TYPES:
        raise DataFileError(QT_TRANSLATE_NOOP("Errors", "{path}: unknown IDX element type {code}"), path=path,
                            code=f"0x{type_code:02x}")
    if not 1 <= ndim <= 4:
        raise DataFileError(QT_TRANSLATE_NOOP("Errors", "{path}: IDX header claims {n} dimensions (expected 1 to 4)"),
                            path=path, n=ndim)
    header = 4 + 4 * ndim
    if len(raw) < header:
        raise DataFileError(QT_TRANSLATE_NOOP(
            "Errors", "{path}: truncated header ({n} bytes, need {needed})"), path=path, n=len(raw), needed=header)
    shape = tuple(int(d) for d in np.frombuffer(raw, ">u4", ndim, 4))
    dtype = TYPES[type_code]
    n = int(np.prod(shape, dtype=np.int64))
    if n > MAX_ELEMENTS:
        raise DataFileError(QT_TRANSLATE_NOOP("Errors", "{path}: IDX header claims an absurd shape {shape}"), path=path,
                            shape=shape)
    expected = header + n * dtype.itemsize
    if len(raw) != expected:
        what = (QT_TRANSLATE_NOOP("Errors", "truncated") if len(raw) < expected
                else QT_TRANSLATE_NOOP("Errors", "has extra bytes"))
        raise DataFileError(QT_TRANSLATE_NOOP(
            "Errors", "{path}: {what}: shape {shape} needs {needed} bytes, file has {n}"),
            path=path, what=Message(what), shape=shape, needed=f"{expected:,}", n=f"{len(raw):,}")
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
    raise DataFileError(QT_TRANSLATE_NOOP(
        "Errors", "{folder}: missing {stem} (or {stem}.gz)"), folder=folder, stem=stem)


def load_idx_folder(folder) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Read the four MNIST IDX files in ``folder``.

    Returns (images_train (n, rows, cols) uint8, labels_train (n,) int64,
    images_test (m, rows, cols) uint8, labels_test (m,) int64).
    """
    folder = Path(folder)
    if not folder.is_dir():
        if folder.exists():
            raise DataFileError(QT_TRANSLATE_NOOP("Errors", "{folder}: is a file, not a folder of IDX files (give "
                                                  "the folder that holds train-images-idx3-ubyte...)"), folder=folder)
        raise DataFileError(QT_TRANSLATE_NOOP("Errors", "{folder}: no such folder"), folder=folder)
    arrays = []
    for split in ("train", "t10k"):
        images_path = find_file(folder, f"{split}-images-idx3-ubyte")
        labels_path = find_file(folder, f"{split}-labels-idx1-ubyte")
        images, labels = read_idx(images_path), read_idx(labels_path)
        if images.ndim != 3 or images.dtype != np.uint8:
            raise DataFileError(QT_TRANSLATE_NOOP("Errors", "{path}: expected 3-D unsigned-byte images, got {dtype} of "
                                                  "shape {shape}"), path=images_path, dtype=images.dtype,
                                shape=images.shape)
        if labels.ndim != 1 or labels.dtype != np.uint8:
            raise DataFileError(QT_TRANSLATE_NOOP("Errors", "{path}: expected 1-D unsigned-byte labels, got {dtype} of "
                                                  "shape {shape}"), path=labels_path, dtype=labels.dtype,
                                shape=labels.shape)
        if len(images) != len(labels):
            raise DataFileError(QT_TRANSLATE_NOOP("Errors", "{path}: {labels} labels for {images} images in {name}"),
                                path=labels_path, labels=f"{len(labels):,}", images=f"{len(images):,}",
                                name=images_path.name)
        if len(images) == 0:
            raise DataFileError(QT_TRANSLATE_NOOP("Errors", "{path}: holds no images"), path=images_path)
        arrays += [images, labels.astype(np.int64)]
    if arrays[0].shape[1:] != arrays[2].shape[1:]:
        raise DataFileError(QT_TRANSLATE_NOOP(
            "Errors", "{folder}: train images are {train} but test images are {test}"),
            folder=folder, train=arrays[0].shape[1:], test=arrays[2].shape[1:])
    return tuple(arrays)
