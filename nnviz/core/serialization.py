"""Save and load a network as ``.npz``: architecture, parameters, normalisation state.

Saves are atomic and leave nothing behind: the file is written to a temporary file beside the
target (``.NAME.nnviz-PID-RANDOM.tmp``, created with the target's permissions, or the umask's for a
new file), flushed to disk and renamed over the target; a temporary left by a process that was
killed mid-save is swept at the next save in that folder.  Errors name the target, never the
temporary.  Parameters that are NaN or infinite are refused at save time (they could not be
loaded).  Loading uses ``allow_pickle=False`` and checks every field; any problem raises
:class:`ModelFileError` saying what the file is (a folder, a text file, a zip archive without
nnviz's fields, pickled objects, not readable...).
"""
from __future__ import annotations

import json
import os
import re
import secrets
import time
import zipfile
from pathlib import Path

import numpy as np

from .errors import QT_TRANSLATE_NOOP, ConfigError, Message, ModelFileError
from .mlp_import import EXPORT_HINT
from .network import Network
from .onnx_import import load_onnx
from .paths import os_reason, process_alive, readable_file

FORMAT = "nnviz-network-1"
_TEXT_FIELDS = ("activation", "loss", "output", "norm", "init", "dtype")
#: nnviz's temporaries: ``.<target name>.nnviz-<pid>-<hex>.tmp``.
_TEMP = re.compile(r"^\..+\.nnviz-(\d+)-[0-9a-f]+\.tmp$")
#: Suffixes of PyTorch's ``torch.save`` files (pickles: never loaded).
TORCH_SUFFIXES = (".pt", ".pth", ".ckpt")
#: Temporaries of older nnviz versions (``tempfile.mkstemp``): swept when older than this (s).
_LEGACY_AGE = 600.0


def sweep_temporaries(folder, target: str | None = None) -> list[Path]:
    """Delete temporaries of nnviz's own naming in ``folder`` whose process is gone (and, for
    ``target``, those an older nnviz left more than ten minutes ago).  Returns what was deleted."""
    folder = Path(folder)
    swept = []
    legacy = re.compile(rf"^\.{re.escape(target)}\.[A-Za-z0-9_]{{8}}\.tmp$") if target else None
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return swept
    now = time.time()
    for entry in entries:
        match = _TEMP.match(entry.name)
        try:
            stale = ((match is not None and not process_alive(int(match.group(1))))
                     or (legacy is not None and legacy.match(entry.name) is not None
                         and now - entry.stat(follow_symlinks=False).st_mtime > _LEGACY_AGE))
            if stale and entry.is_file(follow_symlinks=False):
                os.unlink(entry.path)
                swept.append(Path(entry.path))
        except (OSError, ValueError):
            pass
    return swept


def atomic_write(path, write, error=ModelFileError) -> None:
    """Call ``write(fileobj)`` on a temporary file in path's folder, then rename it to path.

    The new file keeps the permissions of the file it replaces (a new file gets the umask's).
    Stale temporaries of earlier killed saves in that folder are swept first.  An OS error raises
    ``error`` naming ``path`` and saying why (the disk is full, permission denied...)."""
    path = Path(path).expanduser()
    folder = path.parent
    if path.is_dir():
        raise error(QT_TRANSLATE_NOOP("Errors", "could not save {path}: it is a folder"), path=path)
    if not folder.is_dir():
        raise error(QT_TRANSLATE_NOOP("Errors", "could not save {path}: the folder {folder} does not exist"),
                    path=path, folder=folder)
    sweep_temporaries(folder, path.name)
    try:
        mode = os.stat(path).st_mode & 0o7777
    except OSError:
        mode = None
    tmp = None
    try:
        for _ in range(100):
            tmp = folder / f".{path.name}.nnviz-{os.getpid()}-{secrets.token_hex(4)}.tmp"
            try:
                fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
                break
            except FileExistsError:
                continue
        else:
            raise FileExistsError(f"no free temporary name in {folder}")
        with os.fdopen(fd, "wb") as fh:
            if mode is not None and hasattr(os, "fchmod"):
                os.fchmod(fh.fileno(), mode)
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
        tmp = None
        _sync_folder(folder)
    except OSError as exc:
        raise error(QT_TRANSLATE_NOOP("Errors", "could not save {path}: {reason}"), path=path,
                    reason=os_reason(exc)) from None
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX; a no-op where folders cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def save_network(net: Network, path, metadata: dict | None = None) -> None:
    """Write net to path (.npz), atomically.  metadata: JSON-able extras (data set, accuracy...).

    Raises ModelFileError, naming ``path``, when the parameters are not all finite or the file
    cannot be written."""
    if not np.isfinite(net.theta).all() or not all(
            np.isfinite(n.running_mean).all() and np.isfinite(n.running_var).all() for n in net.norms):
        raise ModelFileError(QT_TRANSLATE_NOOP(
            "Errors", "{path}: not saved: the network's parameters contain NaN or infinite values "
            "(training diverged); rewind to a step before it, or reset"), path=path)
    cfg = net.config()
    arrays = {
        "format": np.array(FORMAT),
        "sizes": np.array(cfg["sizes"], np.int64),
        "groups": np.array(cfg["groups"] or 0, np.int64),
        "theta": net.theta,
        "metadata": np.array(json.dumps(metadata or {})),
    }
    arrays.update({key: np.array(cfg[key]) for key in _TEXT_FIELDS})
    for l, norm in enumerate(net.norms):
        arrays[f"running_mean_{l}"] = norm.running_mean
        arrays[f"running_var_{l}"] = norm.running_var
    atomic_write(path, lambda fh: np.savez_compressed(fh, **arrays))


#: Why a file of pickled objects is refused.
PICKLED = QT_TRANSLATE_NOOP("Errors", "holds pickled Python objects, which nnviz never loads (they can run code)")


def _what_it_is(head: bytes) -> Message | None:
    """Why a file starting with ``head`` is not a model (None when it is a zip archive)."""
    if head[:4] in (b"PK\x03\x04", b"PK\x05\x06"):
        return None
    if not head:
        return Message(QT_TRANSLATE_NOOP("Errors", "the file is empty (0 bytes), not an nnviz model"))
    if head.startswith(b"\x93NUMPY"):
        return Message(QT_TRANSLATE_NOOP("Errors", "a single NumPy array (.npy), not an nnviz model (a .npz archive)"))
    if head[:1] == b"\x80" and head[1:2] in bytes(range(2, 6)):
        return Message(PICKLED)
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is not None and all(c.isprintable() or c in "\r\n\t" for c in text):
        return Message(QT_TRANSLATE_NOOP("Errors", "a text file, not an nnviz model (a .npz zip archive)"))
    return Message(QT_TRANSLATE_NOOP("Errors", "not a zip archive, so not an nnviz model (.npz)"))


def _torch_archive(path: Path) -> bool:
    """Whether ``path`` is a zip archive written by ``torch.save`` (it holds a ``data.pkl``)."""
    try:
        with zipfile.ZipFile(path) as archive:
            return any(name.rsplit("/", 1)[-1] == "data.pkl" for name in archive.namelist())
    except (OSError, zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError):
        return False


def load_network(path, with_metadata: bool = False):
    """Read a network saved by :func:`save_network`, or imported from an ONNX file (``.onnx``, see
    :mod:`nnviz.core.onnx_import`; its metadata then holds ``"imported"``, a sentence on how it was
    read); optionally also return its metadata dict.  PyTorch's pickles (``torch.save``) are refused
    with the ONNX export to use instead."""
    path = Path(path)

    def bad(template: str, **params) -> ModelFileError:
        return ModelFileError(QT_TRANSLATE_NOOP("Errors", "{path}: {why}"), path=path, why=Message(template, **params))

    path = readable_file(path, ModelFileError, Message(QT_TRANSLATE_NOOP("Errors", "model file (.npz or .onnx)")))
    if path.suffix.lower() == ".onnx":
        net, described = load_onnx(path)
        return (net, {"imported": described}) if with_metadata else net
    if path.suffix.lower() in TORCH_SUFFIXES or _torch_archive(path):
        raise bad(QT_TRANSLATE_NOOP("Errors", "a PyTorch file (torch.save pickles Python objects, which nnviz never "
                                    "loads: they can run code); export the model to ONNX and open the .onnx file: "
                                    "{hint}"), hint=EXPORT_HINT)
    try:
        with open(path, "rb") as fh:
            head = fh.read(64)
    except OSError as exc:
        raise bad(QT_TRANSLATE_NOOP("Errors", "cannot be read: {reason}"), reason=os_reason(exc)) from None
    why = _what_it_is(head)
    if why:
        raise bad(why.template)
    try:
        with np.load(path, allow_pickle=False) as npz:
            fields = {key: npz[key] for key in npz.files}
    except ValueError as exc:
        if "pickle" in str(exc).lower():
            raise bad(PICKLED) from None
        raise bad(QT_TRANSLATE_NOOP("Errors", "not a readable .npz model ({why})"), why=exc) from None
    except OSError as exc:
        raise bad(QT_TRANSLATE_NOOP("Errors", "cannot be read: {reason}"), reason=os_reason(exc)) from None
    except (EOFError, zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, RuntimeError) as exc:
        raise bad(QT_TRANSLATE_NOOP(
            "Errors", "a damaged or truncated zip archive, not a readable model ({kind}: {why})"),
            kind=type(exc).__name__, why=exc) from None
    if "format" not in fields:
        names = ", ".join(sorted(fields)[:6]) + (", ..." if len(fields) > 6 else "")
        if not names:
            raise bad(QT_TRANSLATE_NOOP("Errors", "a .npz archive without nnviz's fields (format, sizes, theta...): "
                                        "it holds no arrays; not a model saved by nnviz"))
        raise bad(QT_TRANSLATE_NOOP("Errors", "a .npz archive without nnviz's fields (format, sizes, theta...): "
                                    "it holds {names}; not a model saved by nnviz"), names=names)
    if str(fields["format"]) != FORMAT:
        raise bad(QT_TRANSLATE_NOOP("Errors", "not an nnviz model: its format is {found}, not {format}"),
                  found=repr(str(fields["format"])[:40]), format=repr(FORMAT))
    missing = [k for k in ("sizes", "groups", "theta", *_TEXT_FIELDS) if k not in fields]
    if missing:
        raise bad(QT_TRANSLATE_NOOP("Errors", "missing field(s) {fields}"), fields=", ".join(missing))
    sizes = fields["sizes"]
    if sizes.ndim != 1 or sizes.dtype.kind not in "iu":
        raise bad(QT_TRANSLATE_NOOP("Errors", "'sizes' must be a list of whole numbers"))
    text = {}
    for key in _TEXT_FIELDS:
        value = fields[key]
        if value.dtype.kind != "U" or value.ndim != 0:
            raise bad(QT_TRANSLATE_NOOP("Errors", "field {field} must be a text value"), field=repr(key))
        text[key] = str(value)
    if text["dtype"] not in ("float32", "float64"):
        raise bad(QT_TRANSLATE_NOOP("Errors", "unsupported dtype {dtype}"), dtype=repr(text["dtype"]))
    groups = int(fields["groups"]) if fields["groups"].size == 1 else 0
    try:
        net = Network(sizes.tolist(), activation=text["activation"], loss=text["loss"], output=text["output"],
                      norm=text["norm"], groups=groups or None, init=text["init"], dtype=text["dtype"])
    except ConfigError as exc:
        raise bad(QT_TRANSLATE_NOOP("Errors", "invalid architecture: {why}"), why=exc.message) from None
    theta = fields["theta"]
    if theta.shape != net.theta.shape or theta.dtype.kind != "f":
        raise bad(QT_TRANSLATE_NOOP("Errors", "expected {n} parameters for a {sizes} network, found an array of "
                                    "shape {shape}"), n=f"{net.n_params:,}", sizes="-".join(map(str, net.sizes)),
                  shape=theta.shape)
    if not np.isfinite(theta).all():
        raise bad(QT_TRANSLATE_NOOP("Errors", "the parameters contain NaN or infinite values"))
    net.theta[:] = theta
    for l, norm in enumerate(net.norms):
        for name, target in (("running_mean", norm.running_mean), ("running_var", norm.running_var)):
            value = fields.get(f"{name}_{l}")
            if value is None or value.shape != target.shape or not np.isfinite(value).all():
                raise bad(QT_TRANSLATE_NOOP("Errors", "missing or invalid {name} for hidden layer {layer}"),
                          name=name, layer=l + 1)
            target[:] = value
    if not with_metadata:
        return net
    try:
        metadata = json.loads(str(fields.get("metadata", "{}")))
    except json.JSONDecodeError:
        raise bad(QT_TRANSLATE_NOOP("Errors", "its metadata is not valid JSON")) from None
    return net, metadata if isinstance(metadata, dict) else {}
