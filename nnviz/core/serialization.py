"""Save and load a network as ``.npz``: architecture, parameters, normalisation state.

Files are written to a temporary file beside the target and then renamed,
so a crash mid-save never leaves a half-written model.  Loading uses
``allow_pickle=False`` and checks every field; any problem raises
:class:`ModelFileError` naming the file.
"""
from __future__ import annotations

import json
import os
import tempfile
import zipfile
from pathlib import Path

import numpy as np

from .errors import ConfigError, ModelFileError
from .network import Network

FORMAT = "nnviz-network-1"
_TEXT_FIELDS = ("activation", "loss", "output", "norm", "init", "dtype")


def atomic_write(path, write) -> None:
    """Call ``write(fileobj)`` on a temporary file in path's folder, then rename it to path."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent or ".", prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def save_network(net: Network, path, metadata: dict | None = None) -> None:
    """Write net to path (.npz), atomically.  metadata: JSON-able extras (data set, accuracy...)."""
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


def load_network(path, with_metadata: bool = False):
    """Read a network saved by :func:`save_network`; optionally also return its metadata dict."""
    path = Path(path)

    def bad(why: str) -> ModelFileError:
        return ModelFileError(f"{path}: {why}")

    if not path.is_file():
        raise bad("no such file")
    try:
        with np.load(path, allow_pickle=False) as npz:
            fields = {key: npz[key] for key in npz.files}
    except ValueError as exc:
        if "pickle" in str(exc).lower():
            raise bad("holds pickled Python objects, which nnviz never loads (they can run code)") from None
        raise bad(f"not a readable .npz model ({exc})") from None
    except (OSError, EOFError, zipfile.BadZipFile, KeyError, RuntimeError) as exc:
        raise bad(f"not a readable .npz model ({type(exc).__name__}: {exc})") from None
    if str(fields.get("format", "")) != FORMAT:
        raise bad(f"not an nnviz model (no format marker {FORMAT!r})")
    missing = [k for k in ("sizes", "groups", "theta", *_TEXT_FIELDS) if k not in fields]
    if missing:
        raise bad(f"missing field(s) {', '.join(missing)}")
    sizes = fields["sizes"]
    if sizes.ndim != 1 or sizes.dtype.kind not in "iu":
        raise bad("'sizes' must be a list of whole numbers")
    text = {}
    for key in _TEXT_FIELDS:
        value = fields[key]
        if value.dtype.kind != "U" or value.ndim != 0:
            raise bad(f"field {key!r} must be a text value")
        text[key] = str(value)
    if text["dtype"] not in ("float32", "float64"):
        raise bad(f"unsupported dtype {text['dtype']!r}")
    groups = int(fields["groups"]) if fields["groups"].size == 1 else 0
    try:
        net = Network(sizes.tolist(), activation=text["activation"], loss=text["loss"], output=text["output"],
                      norm=text["norm"], groups=groups or None, init=text["init"], dtype=text["dtype"])
    except ConfigError as exc:
        raise bad(f"invalid architecture: {exc}") from None
    theta = fields["theta"]
    if theta.shape != net.theta.shape or theta.dtype.kind != "f":
        raise bad(f"expected {net.n_params:,} parameters for a {'-'.join(map(str, net.sizes))} network, "
                  f"found an array of shape {theta.shape}")
    if not np.isfinite(theta).all():
        raise bad("the parameters contain NaN or infinite values")
    net.theta[:] = theta
    for l, norm in enumerate(net.norms):
        for name, target in (("running_mean", norm.running_mean), ("running_var", norm.running_var)):
            value = fields.get(f"{name}_{l}")
            if value is None or value.shape != target.shape or not np.isfinite(value).all():
                raise bad(f"missing or invalid {name} for hidden layer {l + 1}")
            target[:] = value
    if not with_metadata:
        return net
    try:
        metadata = json.loads(str(fields.get("metadata", "{}")))
    except json.JSONDecodeError:
        raise bad("its metadata is not valid JSON") from None
    return net, metadata if isinstance(metadata, dict) else {}
