"""Sentences about paths: what a path is when it is not what was asked for, and why an OS call on
it failed.  Used by every reader and writer, so a folder, a missing file, a file nnviz may not read
and a full disk are each called what they are, naming the file the user gave (never a temporary)."""
from __future__ import annotations

import errno
import os
from pathlib import Path

from .errors import DataFileError

#: errno -> the end of a sentence "<path>: ..."
_REASONS = {
    errno.ENOENT: "no such file or folder",
    errno.EACCES: "permission denied (nnviz may not access it)",
    errno.EPERM: "permission denied (nnviz may not access it)",
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is exceeded",
    errno.EROFS: "the file system is read-only",
    errno.EISDIR: "it is a folder, not a file",
    errno.ENOTDIR: "a part of the path is a file, not a folder",
    errno.ENAMETOOLONG: "the name is too long",
}


def os_reason(exc: OSError) -> str:
    """Why an OS call failed, in words (without the file name)."""
    return _REASONS.get(exc.errno, exc.strerror or str(exc) or type(exc).__name__)


def readable_file(path, error=DataFileError, what: str = "file") -> Path:
    """``path`` as a Path if it is a file nnviz can read; else raise ``error`` saying what it is."""
    path = Path(path).expanduser()
    if path.is_dir():
        raise error(f"{path}: is a folder, not a {what}")
    if not path.exists():
        raise error(f"{path}: no such file")
    if not path.is_file():
        raise error(f"{path}: is not a regular file (a device or a pipe?), not a {what}")
    try:
        with open(path, "rb"):
            pass
    except OSError as exc:
        raise error(f"{path}: cannot be read: {os_reason(exc)}") from None
    return path


def writable_target(path, error=DataFileError) -> Path:
    """Check, before any long work, that a file can be written at ``path``: its folder exists and is a
    writable folder, and ``path`` itself is not a folder.  Raises ``error`` in words."""
    path = Path(path).expanduser()
    folder = path.parent
    if path.is_dir():
        raise error(f"cannot save to {path}: it is a folder")
    if not folder.exists():
        raise error(f"cannot save to {path}: the folder {folder} does not exist")
    if not folder.is_dir():
        raise error(f"cannot save to {path}: {folder} is a file, not a folder")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise error(f"cannot save to {path}: permission denied (nnviz may not write in {folder})")
    return path


def process_alive(pid: int) -> bool:
    """Whether a process ``pid`` exists (this one included; another user's counts as alive)."""
    if pid <= 0:
        return False
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (OSError, OverflowError, ValueError):  # exists but is another user's; or not a pid at all
        return pid > 0
    return True
