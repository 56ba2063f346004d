"""What a saved model remembers of its session, and which data set it is opened on.  No Qt.

A model file (``.npz``, see :mod:`nnviz.core.serialization`) carries, besides the network, a
``"session"`` entry in its metadata::

    {"format": "nnviz-session-1",
     "data": {"name": "spiral", "noise": 0.1, "seed": 0}          # a bundled data set, or
             {"name": "idx:mnist", "idx": "/path/to/folder", "checksum": "sha256:..."}, or
             {"name": "csv:penguins", "csv": "/path/to/penguins.csv", "target", "test_fraction", "seed",
              "max_rows", "standardisation": {"mean", "std"}, "inputs", "task", "classes"}
     "lesson": "Playground: spiral" or "",
     "training": {"optimizer", "lr", "batch_size", "weight_decay", "settings"},
     "surface": "plane" (the loss-surface mode) or "",
     "step": 1500}

A table's model is opened on the table read again with the saved standardisation (see
:mod:`nnviz.core.tables`).  Files saved before it (only ``"dataset"``, or nothing) still open: on their data set when it is
named and fits, else on the data on display when it fits, else on the first data set that fits.
"""
from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from nnviz.core import NNVizError, Network, datasets, tables
from nnviz.core.dataset import Dataset
from nnviz.core.errors import QT_TRANSLATE_NOOP, Message
from nnviz.core.idx import find_file
from nnviz.lessons import LESSONS, Lesson

SESSION_FORMAT = "nnviz-session-1"
TRAINING_KEYS = ("optimizer", "lr", "batch_size", "weight_decay", "settings")


def idx_files(folder) -> list[Path]:
    """The four MNIST files of an IDX folder (raises DataFileError when one is missing)."""
    return [find_file(Path(folder), f"{split}-{kind}") for split in ("train", "t10k")
            for kind in ("images-idx3-ubyte", "labels-idx1-ubyte")]


def idx_checksum(folder) -> str:
    """"sha256:..." over the four IDX files' bytes (as stored: gzipped or not).  Hashed once per
    version of the files (the periodic autosave would otherwise re-read MNIST, ~0.1 s, each time)."""
    paths = tuple(idx_files(folder))
    return _checksum(paths, tuple((p.stat().st_size, p.stat().st_mtime_ns) for p in paths))


@functools.lru_cache(maxsize=8)
def _checksum(paths: tuple, versions: tuple) -> str:
    """The hash of ``paths``' bytes; ``versions`` (size, mtime) only keys the cache."""
    digest = hashlib.sha256()
    for path in paths:
        with open(path, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                digest.update(block)
    return "sha256:" + digest.hexdigest()


def describe(session, surface: str = "", step: int | None = None, idx_folder=None) -> dict:
    """The ``"session"`` metadata of ``session`` (``idx_folder``: where its IDX data came from)."""
    spec = session.spec
    if idx_folder is not None:
        data = {"name": spec["dataset"], "idx": str(Path(idx_folder).resolve()), "checksum": idx_checksum(idx_folder)}
    elif tables.describe(session.data):
        data = {"name": spec["dataset"], **tables.describe(session.data)}
    else:
        data = {"name": session.data.name, "noise": spec.get("noise", 0.1), "seed": spec.get("seed", 0)}
    return {"format": SESSION_FORMAT, "data": data, "lesson": session.lesson, "training": dict(session.training),
            "surface": surface, "step": session.state.step if step is None else step}


def fits(net: Network, data: Dataset) -> bool:
    return data.n_inputs == net.sizes[0] and data.n_outputs == net.sizes[-1]


@dataclass
class Opening:
    """Where a model is opened: its data (None when it cannot be found: see ``problem`` and
    ``compatible``), the lesson and training settings it was saved with (or None), its surface mode."""

    data: Dataset | None
    path: Path | None = None
    data_key: str = ""
    idx_folder: Path | None = None
    lesson: Lesson | None = None
    training: dict | None = None
    surface: str = ""
    problem: str = ""  # a Message (translated where it is shown)
    compatible: list = field(default_factory=list)


def compatible_data(net: Network, custom: dict | None = None) -> list[str]:
    """Names of the bundled and opened data sets ``net`` fits."""
    names = [name for name in datasets.NAMES if fits(net, datasets.load(name))]
    return names + [key for key, data in (custom or {}).items() if fits(net, data)]


def _lesson(title, data: Dataset) -> Lesson | None:
    lesson = next((lesson for lesson in LESSONS if lesson.title == title), None)
    return lesson if lesson is not None and lesson.values.get("dataset") == data.name else None


def _training(value) -> dict | None:
    if not isinstance(value, dict) or not all(k in value for k in TRAINING_KEYS):
        return None
    try:
        training = {"optimizer": str(value["optimizer"]), "lr": float(value["lr"]),
                    "batch_size": int(value["batch_size"]), "weight_decay": float(value["weight_decay"]),
                    "settings": {str(k): float(v) for k, v in dict(value["settings"]).items()}}
    except (TypeError, ValueError):
        return None
    return training if training["lr"] > 0 and training["batch_size"] > 0 else None


def opening(net: Network, metadata: dict, current: Dataset | None = None, custom: dict | None = None,
            path=None) -> Opening:
    """Where to open ``net`` saved with ``metadata`` (see the module's docstring)."""
    custom = custom or {}
    session = metadata.get("session") if isinstance(metadata.get("session"), dict) else {}
    source = session.get("data") if isinstance(session.get("data"), dict) else None
    if source is None and isinstance(metadata.get("table"), dict):  # saved by `nnviz train --data FILE.csv`
        source = {"name": f"csv:{Path(str(metadata['table'].get('csv', 'table'))).stem}", **metadata["table"]}
    if source is None and isinstance(metadata.get("dataset"), str):
        source = {"name": metadata["dataset"]}
    found = Opening(None, path=Path(path) if path else None, surface=str(session.get("surface") or ""), training=_training(session.get("training")))
    if source is not None:
        name = str(source.get("name", ""))
        try:
            if source.get("csv"):
                found.data_key = name
                found.data = custom[name] if name in custom and _same_table(custom[name], source) else \
                    tables.reload_described(source)
            elif source.get("idx"):
                found.data_key, found.idx_folder, found.data = _idx_data(name, Path(str(source["idx"])),
                                                                         source.get("checksum"), custom)
            elif name in datasets.NAMES:
                found.data_key = name
                found.data = datasets.load(name, noise=float(source.get("noise", 0.1)),
                                           seed=int(source.get("seed", 0)))
            elif name in custom:
                found.data_key, found.data = name, custom[name]
            elif session:
                found.problem = Message(QT_TRANSLATE_NOOP("Errors", "its data set {name} is not available"),
                                        name=repr(name))
        except (NNVizError, OSError, TypeError, ValueError) as e:
            found.problem = Message(QT_TRANSLATE_NOOP("Errors", "its data set {name} cannot be found ({why})"),
                                    name=repr(name), why=getattr(e, "message", e))
            found.data = None
        if found.data is not None and not fits(net, found.data):
            found.problem = Message(QT_TRANSLATE_NOOP("Errors", "it takes {inputs} inputs and gives {outputs} outputs, "
                                                      "but its data set {name} has {data_inputs} inputs and "
                                                      "{data_outputs} outputs"),
                                    inputs=net.sizes[0], outputs=net.sizes[-1], name=repr(name),
                                    data_inputs=found.data.n_inputs, data_outputs=found.data.n_outputs)
            found.data = None
    if found.data is None and not found.problem:  # an older file: the data on display, or the first that fits
        if current is not None and fits(net, current):
            found.data = current
            found.data_key = next((k for k, d in custom.items() if d is current), current.name)
        else:
            names = compatible_data(net, custom)
            if names:
                found.data_key = names[0]
                found.data = custom[names[0]] if names[0] in custom else datasets.load(names[0])
            else:
                found.problem = Message(QT_TRANSLATE_NOOP("Errors", "it takes {inputs} inputs and gives {outputs} "
                                                          "outputs; no data set has that many"),
                                        inputs=net.sizes[0], outputs=net.sizes[-1])
    if found.data is None:
        found.compatible = compatible_data(net, custom)
        if path:
            found.problem = Message(QT_TRANSLATE_NOOP("Errors", "{path}: {why}"), path=path, why=found.problem)
        return found
    found.lesson = _lesson(session.get("lesson"), found.data)
    return found


def _same_table(data: Dataset, source: dict) -> bool:
    """Whether table data already open is the one a model describes (same file, reading, scaling)."""
    return tables.describe(data) == {k: v for k, v in source.items() if k != "name"}


def _idx_data(name: str, folder: Path, checksum, custom: dict):
    if name in custom and checksum and folder.is_dir() and idx_checksum(folder) == checksum:
        return name, folder, custom[name]
    if not folder.is_dir():
        raise NNVizError(QT_TRANSLATE_NOOP("Errors", "{folder}: no such folder"), folder=folder)
    if checksum and idx_checksum(folder) != checksum:
        raise NNVizError(QT_TRANSLATE_NOOP("Errors", "the files in {folder} changed since the model was saved (their "
                                                     "checksum differs)"), folder=folder)
    return name, folder, datasets.load_idx(folder)
