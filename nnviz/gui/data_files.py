"""Data from files and from the hand: CSV tables (File > Open data, or dropped on the window) and
the points drawn on the plane, offered in the controls' data sets beside the bundled ones.

A table becomes the data set ``csv:NAME`` and the network is rebuilt to fit it (asking before a
trained network is discarded); a table whose target is a number switches the loss to mse with a
linear output.  Drawn points become the data set ``points`` and the session trains on them with
the same network (:meth:`nnviz.gui.controller.Controller.replace_data`).
"""
from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, Signal
from PySide6.QtWidgets import QFileDialog

from nnviz.core import NNVizError, datasets, tables

from .language import error_text, translate

TABLE_FILTER = QT_TRANSLATE_NOOP("DataFiles", "CSV tables (*.csv *.tsv *.txt);;All files (*)")
#: Tables larger than this (bytes; about 100,000 rows) are read in a background thread, so the
#: window stays responsive (a million rows of six columns take several seconds).
BACKGROUND_BYTES = 4 << 20


def dropped_table(mime) -> str | None:
    """The local table file a drag carries (one file with a table's extension), or None."""
    urls = mime.urls() if mime.hasUrls() else []
    if len(urls) != 1 or not urls[0].isLocalFile():
        return None
    path = urls[0].toLocalFile()
    return path if Path(path).suffix.lower() in tables.SUFFIXES else None


class DataFiles(QObject):
    """Opens tables for ``window`` (menu and drops) and keeps its extra data sets in the controls.

    Signals:
        loaded(str, object, str): a table read in the background: its path, the Dataset (None on
            error) and the error's sentence ("" when it was read).
    """

    loaded = Signal(str, object, str)

    def __init__(self, window):
        super().__init__(window)
        self.w = window
        self.loaded.connect(self._loaded)
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    def register(self, name: str, data) -> None:
        """Offer ``data`` in the controls' data sets as ``name``."""
        self.w.custom_data[name] = data
        self.w.controls.param("dataset").setLimits(list(datasets.NAMES) + list(self.w.custom_data))

    def open_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.w, translate("DataFiles", "Open a CSV table"), "",
                                              translate("DataFiles", TABLE_FILTER))
        if path:
            self.open(path)

    def open(self, path, target: str | None = None) -> bool:
        """Study the CSV table at ``path`` (its last column, or ``target``, is what the network learns
        to predict); a bad file is reported in one sentence and nothing changes.  A table larger
        than BACKGROUND_BYTES is read in a thread (True: the reading started; ``loaded`` follows)."""
        try:
            size = Path(path).stat().st_size
        except OSError:
            size = 0
        if size > BACKGROUND_BYTES:
            self.w.statusBar().showMessage(translate("DataFiles", "Reading {name} ({size} MB)...").format(
                name=Path(path).name, size=f"{size / 2 ** 20:,.0f}"))
            threading.Thread(target=self._read, args=(str(path), target), name="nnviz-table", daemon=True).start()
            return True
        try:
            data = tables.load_table(path, target)
        except (NNVizError, OSError) as e:
            self.w.error(translate("DataFiles", "Could not open the data"), error_text(e))
            return False
        return self._use(data)

    def _read(self, path: str, target: str | None) -> None:
        """Read a table (background thread) and hand it to the GUI thread."""
        try:
            data, error = tables.load_table(path, target), ""
        except (NNVizError, OSError) as e:
            data, error = None, error_text(e)  # translate() is thread-safe
        except MemoryError:
            data, error = None, translate("DataFiles", "{path}: too large to hold in memory; read the first rows with "
                                                       "nnviz train --max-rows").format(path=path)
        try:
            self.loaded.emit(path, data, error)  # queued to the GUI thread
        except RuntimeError:
            pass  # the window was closed meanwhile

    def _loaded(self, path: str, data, error: str) -> None:
        if error:
            self.w.error(translate("DataFiles", "Could not open the data"), error)
        elif not self.w.closing:
            self._use(data)

    def _use(self, data) -> bool:
        """Rebuild the network for table ``data`` (asks before discarding a trained one)."""
        name = f"csv:{data.name}"
        self.register(name, data)
        if data.task == "regression":
            self.w.controls.set_values(loss="mse", output="linear")
        if self.w.controls.param("dataset").value() == name:  # the same table again: no change signal
            self.w.controller.rebuild(self.w.controls.architecture())
        else:
            self.w.controls.param("dataset").setValue(name)  # emits architectureChanged: rebuilds the network
        if self.w.session.data is not data:  # the user kept the trained network
            return False
        self.w.statusBar().showMessage(error_text(data.description), 10000)
        return True

    def use_points(self, data) -> None:
        """The points drawn on the plane: the session trains on them, keeping its network."""
        self.register(data.name, data)
        self.w.controls.set_values(dataset=data.name)
        self.w.controller.replace_data(data)

    def eventFilter(self, obj, event) -> bool:
        if getattr(self, "w", None) is not obj:  # the window's events only (none once its Python side is gone)
            return False
        if event.type() in (QEvent.DragEnter, QEvent.DragMove):
            if dropped_table(event.mimeData()):
                event.acceptProposedAction()
                return True
        elif event.type() == QEvent.Drop:
            path = dropped_table(event.mimeData())
            if path:
                event.acceptProposedAction()
                self.open(path)
                return True
        return False
