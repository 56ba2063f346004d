"""Files: open and save models, open IDX data folders, recent files, export pictures, autosave.

A :class:`ModelFiles` is a child of the window; it reads the session through the window's
controller and reports problems in words (``window.error``).  Saves are atomic (see
:func:`nnviz.core.save_network`).
"""
from __future__ import annotations

import sys
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, QPoint
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QFileDialog

from nnviz.core import Network, NNVizError, datasets, load_network, load_pretrained, save_network

RECENT_LIMIT = 8
AUTOSAVE_NAME = "autosave.npz"
MODEL_FILTER = "nnviz models (*.npz)"


class ModelFiles(QObject):
    """Open, save, recent files, export and autosave for ``window``."""

    def __init__(self, window, autosave_path: Path):
        super().__init__(window)
        self.w = window
        self.autosave_path = autosave_path

    @property
    def _c(self):
        return self.w.controller

    # ------------------------------------------------------------ models
    def save(self) -> bool:
        if self.w.model_path is None:
            return self.save_as()
        return self.save_to(self.w.model_path)

    def save_as(self) -> bool:
        path, _ = QFileDialog.getSaveFileName(self.w, "Save model", str(self.w.model_path or "model.npz"), MODEL_FILTER)
        return bool(path) and self.save_to(Path(path))

    def save_to(self, path) -> bool:
        """Save the network on display (atomically: the old file survives a crash mid-save)."""
        state = self._c.current_state
        path = Path(path)
        if path.suffix != ".npz":
            path = path.with_suffix(".npz")
        try:
            save_network(Network.from_state(state), path, metadata={
                "step": state.step, "dataset": self._c.session.data.name, "optimizer": state.optimizer,
                "lr": state.lr})
        except (NNVizError, OSError) as e:
            self.w.error("Could not save the model", f"{path}: {e}")
            return False
        self.w.model_path = path
        self._c.dirty = False
        self.add_recent(path)
        self.w.statusBar().showMessage(f"Saved {path}", 5000)
        return True

    def open_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.w, "Open model", "", MODEL_FILTER + ";;All files (*)")
        if path:
            self.open(path)

    def open(self, path) -> bool:
        """Load a saved network and train it on the data it fits."""
        try:
            net = load_network(path)
        except (NNVizError, OSError) as e:
            self.w.error("Could not open the model", str(e))
            return False
        return self.use_network(net, Path(path))

    def open_pretrained(self, name: str) -> bool:
        try:
            net = load_pretrained(name)
        except NNVizError as e:
            self.w.error("Could not open the model", str(e))
            return False
        return self.use_network(net, None)

    def use_network(self, net: Network, path: Path | None) -> bool:
        """Study ``net`` on the data on display, or on the first data set it fits."""
        data = self._c.session.data
        if data.n_inputs != net.sizes[0] or data.n_outputs != net.sizes[-1]:
            data = next((d for d in (datasets.load("digits"), *self.w.custom_data.values())
                         if d.n_inputs == net.sizes[0] and d.n_outputs == net.sizes[-1]), None)
            if data is None:
                current = self._c.session.data
                self.w.error("The model does not fit the data",
                             f"{path or 'The model'} takes {net.sizes[0]} inputs and gives {net.sizes[-1]} outputs; "
                             f"{current.name!r} has {current.n_inputs} inputs and {current.n_outputs} outputs.")
                return False
        if not self._c.may_discard("Replace the network?",
                                   "The network you trained will be discarded (save it first with Ctrl+S)."):
            return False
        if not self._c.use_network(net, data):
            return False
        self.w.model_path = path
        if path is not None:
            self.add_recent(path)
        return True

    # ------------------------------------------------------------ data
    def open_idx_dialog(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.w, "Open a folder of IDX files")
        if folder:
            self.open_idx(folder)

    def open_idx(self, folder) -> bool:
        """Use a folder of MNIST IDX files as the data set (the network is rebuilt to fit it)."""
        try:
            data = datasets.load_idx(folder)
        except (NNVizError, OSError) as e:
            self.w.error("Could not open the data", str(e))
            return False
        name = f"idx:{data.name}"
        self.w.custom_data[name] = data
        dataset = self.w.controls.param("dataset")
        dataset.setLimits(list(datasets.NAMES) + list(self.w.custom_data))
        dataset.setValue(name)  # emits architectureChanged: rebuilds the network for this data
        self.add_recent(Path(folder))
        return True

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
        path, _ = QFileDialog.getSaveFileName(self.w, "Export picture", "nnviz.png",
                                              "PNG image (*.png);;SVG drawing (*.svg)")
        if path:
            self.export(widget, path)

    def export(self, widget, path) -> bool:
        """Save ``widget`` (the window or a pane) as PNG or SVG, by the file's extension."""
        path = Path(path)
        try:
            if path.suffix.lower() == ".svg":
                from PySide6.QtSvg import QSvgGenerator

                generator = QSvgGenerator()
                generator.setFileName(str(path))
                generator.setSize(widget.size())
                generator.setViewBox(widget.rect())
                generator.setTitle("nnviz")
                painter = QPainter(generator)
                try:
                    widget.render(painter, QPoint())
                finally:
                    painter.end()
                ok = path.exists()
            else:
                ok = widget.grab().save(str(path.with_suffix(".png") if path.suffix == "" else path))
        except OSError:
            ok = False
        if not ok:
            self.w.error("Could not export", f"{path}: could not write the picture")
        return ok

    # ------------------------------------------------------------ autosave
    def autosave(self) -> bool:
        """Keep an unsaved trained network (the newest state) in the user's data folder (offered
        back at the next launch)."""
        state = self._c.newest_state()
        if not self._c.dirty or state is None:
            return False
        try:
            self.autosave_path.parent.mkdir(parents=True, exist_ok=True)
            save_network(Network.from_state(state), self.autosave_path,
                         metadata={"step": state.step, "dataset": self._c.session.data.name})
        except (NNVizError, OSError) as e:
            print(f"nnviz: could not autosave to {self.autosave_path}: {e}", file=sys.stderr)
            return False
        return True

    def offer_autosave(self) -> None:
        if not self.autosave_path.exists():
            return
        try:
            _, meta = load_network(self.autosave_path, with_metadata=True)
        except NNVizError:
            self.autosave_path.unlink(missing_ok=True)
            return
        self.w.banner.show_message(
            f"Last time you closed nnviz with a trained network that was not saved (step {int(meta.get('step', 0)):,} "
            f"on {meta.get('dataset', '?')!r}). It was kept for you.",
            [("Restore it", "Continue with that network", self.restore_autosave),
             ("Discard it", "Delete the kept network", self.discard_autosave)], kind="info")

    def restore_autosave(self) -> bool:
        try:
            net = load_network(self.autosave_path)
        except NNVizError as e:
            self.w.error("Could not restore the network", str(e))
            return False
        ok = self.use_network(net, None)
        if ok:
            self._c.dirty = True
            self.autosave_path.unlink(missing_ok=True)
        return ok

    def discard_autosave(self) -> None:
        self.autosave_path.unlink(missing_ok=True)
        self.w.hide_banner()
