"""Sentences about paths: what a path is when it is not what was asked for, and why an OS call on
it failed.  Used by every reader and writer, so a folder, a missing file, a file nnviz may not read
and a full disk are each called what they are, naming the file the user gave (never a temporary)."""
from __future__ import annotations

import errno
import os
from pathlib import Path

from .errors import QT_TRANSLATE_NOOP, DataFileError, Message

#: errno -> the end of a sentence "<path>: ..."
_REASONS = {
    errno.ENOENT: QT_TRANSLATE_NOOP("Errors", "no such file or folder"),
    errno.EACCES: QT_TRANSLATE_NOOP("Errors", "permission denied (nnviz may not access it)"),
    errno.EPERM: QT_TRANSLATE_NOOP("Errors", "permission denied (nnviz may not access it)"),
    errno.ENOSPC: QT_TRANSLATE_NOOP("Errors", "the disk is full"),
    errno.EDQUOT: QT_TRANSLATE_NOOP("Errors", "the disk quota is exceeded"),
    errno.EROFS: QT_TRANSLATE_NOOP("Errors", "the file system is read-only"),
    errno.EISDIR: QT_TRANSLATE_NOOP("Errors", "it is a folder, not a file"),
    errno.ENOTDIR: QT_TRANSLATE_NOOP("Errors", "a part of the path is a file, not a folder"),
    errno.ENAMETOOLONG: QT_TRANSLATE_NOOP("Errors", "the name is too long"),
}


def os_reason(exc: OSError) -> Message:
    """Why an OS call failed, in words (without the file name)."""
    known = _REASONS.get(exc.errno)
    return Message(known) if known else Message("{why}", why=exc.strerror or str(exc) or type(exc).__name__)


def readable_file(path, error=DataFileError, what: str = "file") -> Path:
    """``path`` as a Path if it is a file nnviz can read; else raise ``error`` saying what it is."""
    path = Path(path).expanduser()
    if path.is_dir():
        raise error(QT_TRANSLATE_NOOP("Errors", "{path}: is a folder, not a {what}"), path=path, what=what)
    if not path.exists():
        raise error(QT_TRANSLATE_NOOP("Errors", "{path}: no such file"), path=path)
    if not path.is_file():
        raise error(QT_TRANSLATE_NOOP("Errors", "{path}: is not a regular file (a device or a pipe?), not a {what}"),
                    path=path, what=what)
    try:
        with open(path, "rb"):
            pass
    except OSError as exc:
        raise error(QT_TRANSLATE_NOOP("Errors", "{path}: cannot be read: {reason}"), path=path,
                    reason=os_reason(exc)) from None
    return path


def writable_target(path, error=DataFileError) -> Path:
    """Check, before any long work, that a file can be written at ``path``: its folder exists and is a
    writable folder, and ``path`` itself is not a folder.  Raises ``error`` in words."""
    path = Path(path).expanduser()
    folder = path.parent
    if path.is_dir():
        raise error(QT_TRANSLATE_NOOP("Errors", "cannot save to {path}: it is a folder"), path=path)
    if not folder.exists():
        raise error(QT_TRANSLATE_NOOP("Errors", "cannot save to {path}: the folder {folder} does not exist"),
                    path=path, folder=folder)
    if not folder.is_dir():
        raise error(QT_TRANSLATE_NOOP("Errors", "cannot save to {path}: {folder} is a file, not a folder"),
                    path=path, folder=folder)
    if not os.access(folder, os.W_OK | os.X_OK):
        raise error(QT_TRANSLATE_NOOP(
            "Errors", "cannot save to {path}: permission denied (nnviz may not write in {folder})"),
            path=path, folder=folder)
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
