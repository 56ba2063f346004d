"""Files: open and save models, open IDX data folders, recent files, export pictures, autosave.

A :class:`ModelFiles` is a child of the window; it reads the session through the window's
controller and reports problems in words (``window.error``).  Saves are atomic (see
:func:`nnviz.core.save_network`).

Autosave, per window: each window keeps its unsaved trained network in its own file,
``autosave-<pid>-<n>.npz`` in nnviz's data folder (the same folder whatever script built the
window), written every few minutes of training and at closing, deleted once the network is saved.
At launch a window offers back the newest file no open window owns (its process is gone, or it is
this process's and its window closed; ``autosave.npz`` of older versions too).  A file that cannot
be read is moved aside (``autosave-corrupt-DATE.npz``) and reported; a folder that cannot be
written is reported in the banner.  None of it can stop the window from starting.
"""
from __future__ import annotations

import itertools
import os
import re
import sys
import time
from functools import partial
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, QStandardPaths, QTimer
from PySide6.QtWidgets import QFileDialog

from nnviz.core import Network, NNVizError, datasets, load_network, load_pretrained, save_network
from nnviz.core.paths import os_reason, process_alive
from nnviz.session_files import Opening, describe, opening

from .language import error_text, translate
from .picture_export import PictureError, export_picture

RECENT_LIMIT = 8
LEGACY_AUTOSAVE = "autosave.npz"
#: An autosave: ``autosave.npz`` (older versions) or ``autosave-<pid>-<window>.npz``.
AUTOSAVE_PATTERN = re.compile(r"^autosave(?:-(\d+)-(\d+))?\.npz$")
AUTOSAVE_INTERVAL_MS = 3 * 60 * 1000
MODEL_FILTER = QT_TRANSLATE_NOOP("ModelFiles", "nnviz models (*.npz)")
#: What File > Open model offers: nnviz's models and ONNX files of dense layers (nnviz.core.onnx_import).
OPEN_FILTER = QT_TRANSLATE_NOOP("ModelFiles", "Models (*.npz *.onnx);;nnviz models (*.npz);;ONNX models (*.onnx);;"
                                              "All files (*)")
#: How many compatible data sets a model whose own data cannot be found offers as buttons.
OFFERED_DATA = 4

_window_numbers = itertools.count(1)
#: Autosave files owned by the windows open in this process.
_owned: set[Path] = set()


def default_data_dir() -> Path:
    """nnviz's own data folder (e.g. ~/.local/share/nnviz/nnviz), whatever the application is named."""
    base = QStandardPaths.writableLocation(QStandardPaths.GenericDataLocation)
    return Path(base or Path.home() / ".local" / "share") / "nnviz" / "nnviz"


def orphan_autosaves(folder: Path) -> list[Path]:
    """Autosaves in ``folder`` that no open window owns, newest first."""
    found = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    for entry in entries:
        match = AUTOSAVE_PATTERN.match(entry.name)
        path = Path(entry.path)
        if match is None or path in _owned:
            continue
        if match.group(1) and int(match.group(1)) != os.getpid() and process_alive(int(match.group(1))):
            continue  # another nnviz that is running
        try:
            found.append((entry.stat().st_mtime, path))
        except OSError:
            continue
    return [path for _, path in sorted(found, reverse=True)]


class ModelFiles(QObject):
    """Open, save, recent files, export and autosave for ``window``."""

    def __init__(self, window, data_dir: Path | None = None):
        super().__init__(window)
        self.w = window
        self.data_dir = Path(data_dir) if data_dir is not None else default_data_dir()
        self.autosave_path = self.data_dir / f"autosave-{os.getpid()}-{next(_window_numbers)}.npz"
        _owned.add(self.autosave_path)
        self.offered: Path | None = None
        self.idx_folders: dict[str, Path] = {}  # "idx:name" -> the folder it was opened from
        self.autosave_error = ""
        self.keep_on_close = True
        self._periodic = (0, -1)  # (session, step) of the last periodic autosave
        self.timer = QTimer(self)
        self.timer.setInterval(AUTOSAVE_INTERVAL_MS)
        self.timer.timeout.connect(self.periodic_autosave)
        if window.remember:
            self.timer.start()

    @property
    def _c(self):
        return self.w.controller

    # ------------------------------------------------------------ models
    def save(self) -> bool:
        """Save to the model's file; a new model, or one imported from ONNX, asks where (.npz)."""
        if self.w.model_path is None or self.w.model_path.suffix != ".npz":
            return self.save_as()
        return self.save_to(self.w.model_path)

    def save_as(self) -> bool:
        default = self.w.model_path.with_suffix(".npz") if self.w.model_path else Path("model.npz")
        path, _ = QFileDialog.getSaveFileName(self.w, translate("ModelFiles", "Save model"), str(default),
                                              translate("ModelFiles", MODEL_FILTER))
        return bool(path) and self.save_to(Path(path))

    def save_to(self, path) -> bool:
        """Save the network on display with its session (data set, lesson, training settings,
        loss-surface mode), atomically: the old file survives a crash mid-save."""
        state = self._c.current_state
        path = Path(path)
        if path.suffix != ".npz":
            path = path.with_suffix(".npz")
        try:
            save_network(Network.from_state(state), path, metadata=self.metadata(state))
        except (NNVizError, OSError) as e:
            self.w.error(translate("ModelFiles", "Could not save the model"),
                         translate("ModelFiles", "{path}: {reason}").format(path=path, reason=error_text(os_reason(e)))
                         if isinstance(e, OSError) else error_text(e))
            return False
        self.w.model_path = path
        self._c.dirty = False
        self.remove_autosave()
        self.add_recent(path)
        self.update_title()
        self.w.statusBar().showMessage(translate("ModelFiles", "Saved {path}").format(path=path), 5000)
        return True

    def metadata(self, state) -> dict:
        """What a saved model remembers: its step, data set, and the session (see nnviz.session_files)."""
        session = self._c.session
        meta = {"step": state.step, "dataset": session.data.name, "optimizer": state.optimizer, "lr": state.lr}
        try:
            described = describe(session, surface=self.w.loss_surface.current_mode, step=state.step,
                                 idx_folder=self.idx_folders.get(session.spec.get("dataset")))
            described["training"] = self.w.controls.training()
            meta["session"] = described
        except (NNVizError, OSError) as e:  # the IDX files went away: the model is saved without its data
            meta["session_problem"] = str(e)
        return meta

    def update_title(self) -> None:
        """"nnviz — name.npz" with a "*" while the network on display is not saved."""
        path = self.w.model_path
        dirty = self._c.dirty and self._c.current_state is not None and (self._c.current_state.step > 0 or path)
        name = path.name if path is not None else (translate("ModelFiles", "untitled") if dirty else "")
        title = "nnviz" + (f" — {name}" if name else "") + ("*" if dirty else "")
        if self.w.windowTitle() != title:
            self.w.setWindowTitle(title)

    def open_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.w, translate("ModelFiles", "Open model"), "",
                                              translate("ModelFiles", OPEN_FILTER))
        if path:
            self.open(path)

    def open(self, path) -> bool:
        """Load a saved model and study it on its own data set, with its lesson, training settings and
        loss-surface mode; a model whose data cannot be found says so and offers the data sets it fits.
        An ONNX model opens on the data on display if it fits, else the first data set it fits, and
        the banner says how it was read."""
        path = Path(path)
        try:
            net, meta = load_network(path, with_metadata=True)
        except (NNVizError, OSError) as e:
            self.w.error(translate("ModelFiles", "Could not open the model"), error_text(e))
            return False
        found = opening(net, meta, self._c.session.data, self.w.custom_data, path)
        if found.data is None:
            self.refuse(found)
            return False
        if not self.use_network(net, path, found):
            return False
        if meta.get("imported"):
            text = translate("ModelFiles", "Imported {what}. Training continues from its weights on {data}; Save as... "
                                           "keeps it as an nnviz model (.npz).").format(
                what=error_text(meta["imported"]), data=repr(found.data.name))
            self.w.banner.show_message(text, kind="info")
            self.w.statusBar().showMessage(text, 10000)
        return True

    def refuse(self, found: Opening) -> None:
        """Say why a model cannot be opened on its data; offer the data sets it fits."""
        fits = found.compatible
        text = (translate("ModelFiles", "{problem}. It fits: {names}.") if fits
                else translate("ModelFiles", "{problem}.")).format(problem=error_text(found.problem),
                                                                   names=", ".join(fits))
        self.w.statusBar().showMessage(text, 10000)
        self.w.banner.show_message(text, [(translate("ModelFiles", "Open on {name}").format(name=name),
                                           translate("ModelFiles", "Study the model on {name}").format(name=repr(name)),
                                           partial(self.open_on, found, name)) for name in fits[:OFFERED_DATA]])

    def open_on(self, found: Opening, name: str, *_) -> bool:
        """Open the model ``refuse`` was about on the data set ``name``."""
        path = found.path
        try:
            net = load_network(path)
            data = self.w.custom_data[name] if name in self.w.custom_data else datasets.load(name)
        except (NNVizError, OSError) as e:
            self.w.error(translate("ModelFiles", "Could not open the model"), error_text(e))
            return False
        self.w.hide_banner()
        return self.use_network(net, path, Opening(data, path=path, data_key=name, training=found.training,
                                                   surface=found.surface))

    def open_pretrained(self, name: str) -> bool:
        try:
            net = load_pretrained(name)
        except NNVizError as e:
            self.w.error(translate("ModelFiles", "Could not open the model"), error_text(e))
            return False
        ok = self.use_network(net, None)
        if ok:
            self._c.session.pretrained = True  # trained already: Play says more training overfits
        return ok

    def use_network(self, net: Network, path: Path | None, found: Opening | None = None) -> bool:
        """Study ``net`` where ``found`` says (default: the data on display, or the first data set it fits)."""
        if found is None:
            found = opening(net, {}, self._c.session.data, self.w.custom_data, path)
        if found.data is None:
            self.refuse(found)
            return False
        if not self._c.may_discard(translate("ModelFiles", "Replace the network?"),
                                   translate("ModelFiles", "The network you trained will be discarded (save it first "
                                                           "with Ctrl+S).")):
            return False
        if found.idx_folder is not None:
            self.register_idx(found.data_key, found.data, found.idx_folder)
        if found.training is not None:
            self.w.controls.set_values(**{k: v for k, v in found.training.items() if k != "settings"})
            for key, value in found.training["settings"].items():
                try:
                    self.w.controls.set_values(**{key: value})
                except Exception:  # noqa: BLE001 - a setting of another version: the default stays
                    pass
        if not self._c.use_network(net, found.data, lesson=found.lesson, key=found.data_key or None):
            return False
        from .surface.modes import MODES

        if found.surface in MODES and found.surface != self.w.loss_surface.current_mode:
            self.w.loss_surface.set_mode(found.surface)
        self.w.model_path = path
        if path is not None:
            self.add_recent(path)
        self.update_title()
        return True

    # ------------------------------------------------------------ data
    def open_idx_dialog(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.w, translate("ModelFiles", "Open a folder of IDX files"))
        if folder:
            self.open_idx(folder)

    def open_idx(self, folder) -> bool:
        """Use a folder of MNIST IDX files as the data set (the network is rebuilt to fit it)."""
        try:
            data = datasets.load_idx(folder)
        except (NNVizError, OSError) as e:
            self.w.error(translate("ModelFiles", "Could not open the data"), error_text(e))
            return False
        name = f"idx:{data.name}"
        self.register_idx(name, data, Path(folder))
        self.w.controls.param("dataset").setValue(name)  # emits architectureChanged: rebuilds the network
        self.add_recent(Path(folder))
        return True

    def register_idx(self, name: str, data, folder: Path) -> None:
        """Offer IDX data opened from ``folder`` in the controls' data sets as ``name``."""
        self.w.custom_data[name] = data
        self.idx_folders[name] = Path(folder)
        self.w.controls.param("dataset").setLimits(list(datasets.NAMES) + list(self.w.custom_data))

    # ------------------------------------------------------------ recent files
    def add_recent(self, path: Path) -> None:
        settings = self.w.settings
        recent = [p for p in self.recent() if p != str(path)]
        settings.setValue("recent", [str(path)] + recent[:RECENT_LIMIT - 1])
        self.update_recent_menu()

    def recent(self) -> list[str]:
        recent = self.w.settings.value("recent") or []
        return [recent] if isinstance(recent, str) else list(recent)

    def update_recent_menu(self) -> None:
        menu = self.w.recent_menu
        menu.clear()
        for p in self.recent():
            menu.addAction(p).triggered.connect(partial(self.open_recent, p))
        menu.setEnabled(bool(self.recent()))

    def open_recent(self, path: str, *_) -> bool:
        return self.open_idx(path) if Path(path).is_dir() else self.open(path)

    # ------------------------------------------------------------ pictures
    def export_dialog(self, widget) -> None:
        path, _ = QFileDialog.getSaveFileName(self.w, translate("ModelFiles", "Export picture"), "nnviz.png",
                                              translate("ModelFiles", "PNG image (*.png);;SVG drawing (*.svg)"))
        if path:
            self.export(widget, path)

    def export(self, widget, path) -> bool:
        """Save ``widget`` (the window or a pane, brought forward first if it is a tab behind
        another) as PNG or SVG, by the file's extension (see :mod:`nnviz.gui.picture_export`)."""
        try:
            export_picture(widget, path)
        except PictureError as e:
            self.w.error(translate("ModelFiles", "Could not export"), error_text(e))
            return False
        return True

    # ------------------------------------------------------------ autosave
    def autosave(self) -> bool:
        """Keep an unsaved trained network (the newest state) in this window's autosave file; when
        there is nothing unsaved, its file goes.  False, with ``autosave_error`` set, when it failed."""
        state = self._c.newest_state()
        self.autosave_error = ""
        if not self._c.dirty or state is None:
            self.remove_autosave()
            return False
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
            save_network(Network.from_state(state), self.autosave_path,
                         metadata={**self.metadata(state), "saved": time.time()})
        except (NNVizError, OSError) as e:
            self.autosave_error = (translate("ModelFiles", "could not save to {path}: {reason}").format(
                path=self.autosave_path, reason=error_text(os_reason(e))) if isinstance(e, OSError) else error_text(e))
            return False
        return True

    def periodic_autosave(self) -> None:
        """Every few minutes: keep the network trained so far (a crash loses at most that much);
        nothing is written when it has not changed since the last time."""
        state = self._c.newest_state()
        kept = (self._c.session.number, state.step if state is not None else -1)
        if kept == self._periodic and self.autosave_path.exists():
            return
        if self.autosave():
            self._periodic = kept
        elif self.autosave_error:
            self.w.statusBar().showMessage(
                translate("ModelFiles", "Autosave failed: {why}").format(why=self.autosave_error), 10000)

    def remove_autosave(self) -> None:
        try:
            self.autosave_path.unlink(missing_ok=True)
        except OSError:
            pass

    def close_check(self, exiting: bool) -> bool:
        """At closing: keep an unsaved network.  False (the window stays open, the banner says why
        and offers Save as...) when it could not be kept, unless the program is exiting (then
        stderr says so)."""
        if not self.keep_on_close or self.autosave() or not self.autosave_error:
            return True
        message = translate("ModelFiles", "The trained network could not be kept for the next launch ({why}). Save it "
                                          "with Save as..., or close without keeping it.")
        message = message.format(why=self.autosave_error)
        if exiting:
            print(f"nnviz: {message}", file=sys.stderr)
            return True
        self.w.banner.show_message(message, [
            (translate("ModelFiles", "Save as..."),
             translate("ModelFiles", "Save the network to a file of your choice"), self.save_as),
            (translate("ModelFiles", "Close without keeping it"),
             translate("ModelFiles", "Close the window; the network is lost"), self.close_without_keeping)])
        return False

    def close_without_keeping(self) -> None:
        self.keep_on_close = False
        self.w.close()

    def release(self) -> None:
        """The window closed: its autosave file (if any) is no longer owned."""
        self.timer.stop()
        _owned.discard(self.autosave_path)

    def check_folder(self) -> str:
        """A sentence when unsaved networks cannot be kept in the data folder ("" when they can)."""
        folder = self.data_dir
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            return translate("ModelFiles", "Unsaved networks cannot be kept: the data folder {folder} cannot be made "
                                           "({reason}).").format(folder=folder, reason=error_text(os_reason(e)))
        if not folder.is_dir():
            return translate("ModelFiles", "Unsaved networks cannot be kept: {folder} is a file, not a "
                                           "folder.").format(folder=folder)
        if not os.access(folder, os.W_OK | os.X_OK):
            return translate("ModelFiles", "Unsaved networks cannot be kept: nnviz may not write in "
                                           "{folder}.").format(folder=folder)
        return ""

    def offer_autosave(self) -> None:
        """At launch: offer the newest network kept by a closed window; report what is wrong with
        the kept files or the folder.  Never raises."""
        try:
            self._offer()
        except Exception as e:  # noqa: BLE001 - a launch must never fail over a kept file
            self.w.banner.show_message(translate("ModelFiles", "The networks kept at closing could not be looked at: "
                                                               "{why}").format(why=error_text(e)), kind="info")

    def _offer(self) -> None:
        problem = self.check_folder()
        for path in orphan_autosaves(self.data_dir):
            if path.is_dir():
                problem = problem or translate("ModelFiles", "{path} is a folder, not a kept network: nnviz leaves it "
                                                             "alone.").format(path=path)
                continue
            try:
                _, meta = load_network(path, with_metadata=True)
            except (NNVizError, OSError) as e:
                self._report_corrupt(path, e)
                return
            self.offered = path
            more = len([p for p in orphan_autosaves(self.data_dir) if p.is_file()]) - 1
            kept = (translate("ModelFiles", "Last time nnviz closed with a trained network that was not saved (step "
                                            "{step} on {data}). It was kept for you ({more} more after this one).")
                    if more > 0 else
                    translate("ModelFiles", "Last time nnviz closed with a trained network that was not saved (step "
                                            "{step} on {data}). It was kept for you."))
            kept = kept.format(step=f"{int(meta.get('step', 0)):,}", data=repr(meta.get("dataset", "?")), more=more)
            self.w.banner.show_message(
                kept + (f" {problem}" if problem else ""),
                [(translate("ModelFiles", "Restore it"), translate("ModelFiles", "Continue with that network"),
                  self.restore_autosave),
                 (translate("ModelFiles", "Discard it"), translate("ModelFiles", "Delete the kept network"),
                  self.discard_autosave)], kind="info")
            return
        if problem:
            self.w.banner.show_message(problem, kind="info")

    def _report_corrupt(self, path: Path, error: Exception) -> None:
        aside = path.with_name(f"autosave-corrupt-{time.strftime('%Y%m%d-%H%M%S')}.npz")
        n = 1
        while aside.exists():
            n += 1
            aside = path.with_name(f"autosave-corrupt-{time.strftime('%Y%m%d-%H%M%S')}-{n}.npz")
        try:
            os.replace(path, aside)
            where = translate("ModelFiles", "it was moved aside to {path}").format(path=aside)
        except OSError as e:
            where = translate("ModelFiles", "it could not be moved aside ({reason}) and was left where it "
                                            "is").format(reason=error_text(os_reason(e)))
        reason = error_text(error)
        for colon in (": ", "："):  # the reason, without the file's name
            reason = reason.removeprefix(f"{path}{colon}")
        self.w.banner.show_message(translate("ModelFiles", "A network kept at closing could not be read ({reason}); "
                                                           "{where}.").format(reason=reason, where=where), kind="info")

    def restore_autosave(self) -> bool:
        path = self.offered
        if path is None:
            return False
        try:
            net, meta = load_network(path, with_metadata=True)
        except NNVizError as e:
            self.w.error(translate("ModelFiles", "Could not restore the network"), error_text(e))
            return False
        ok = self.use_network(net, None, opening(net, meta, self._c.session.data, self.w.custom_data, path))
        if ok:
            self._c.dirty = True
            self._forget_offered()
        return ok

    def discard_autosave(self) -> None:
        self._forget_offered()
        self.w.hide_banner()
        self.offer_autosave()  # the next one, if any

    def _forget_offered(self) -> None:
        if self.offered is not None:
            try:
                self.offered.unlink(missing_ok=True)
            except OSError as e:
                self.w.statusBar().showMessage(translate("ModelFiles", "Could not delete {path}: {reason}").format(
                    path=self.offered, reason=error_text(os_reason(e))), 10000)
            self.offered = None
