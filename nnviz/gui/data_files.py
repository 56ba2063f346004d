"""Data from files and from the hand: CSV tables (File > Open data, or dropped on the window) and
the points drawn on the plane, offered in the controls' data sets beside the bundled ones.

A table becomes the data set ``csv:NAME`` and the network is rebuilt to fit it (asking before a
trained network is discarded); a table whose target is a number switches the loss to mse with a
linear output.  Drawn points become the data set ``points`` and the session trains on them with
the same network (:meth:`nnviz.gui.controller.Controller.replace_data`).
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QFileDialog

from nnviz.core import NNVizError, datasets, tables

#: Files a drop onto the window opens as tables.
TABLE_SUFFIXES = (".csv", ".tsv", ".txt")
TABLE_FILTER = "CSV tables (*.csv *.tsv *.txt);;All files (*)"


def dropped_table(mime) -> str | None:
    """The local table file a drag carries (one file with a table's extension), or None."""
    urls = mime.urls() if mime.hasUrls() else []
    if len(urls) != 1 or not urls[0].isLocalFile():
        return None
    path = urls[0].toLocalFile()
    return path if Path(path).suffix.lower() in TABLE_SUFFIXES else None


class DataFiles(QObject):
    """Opens tables for ``window`` (menu and drops) and keeps its extra data sets in the controls."""

    def __init__(self, window):
        super().__init__(window)
        self.w = window
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    def register(self, name: str, data) -> None:
        """Offer ``data`` in the controls' data sets as ``name``."""
        self.w.custom_data[name] = data
        self.w.controls.param("dataset").setLimits(list(datasets.NAMES) + list(self.w.custom_data))

    def open_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.w, "Open a CSV table", "", TABLE_FILTER)
        if path:
            self.open(path)

    def open(self, path, target: str | None = None) -> bool:
        """Study the CSV table at ``path`` (its last column, or ``target``, is what the network learns
        to predict); a bad file is reported in one sentence and nothing changes."""
        try:
            data = tables.load_table(path, target)
        except (NNVizError, OSError) as e:
            self.w.error("Could not open the data", str(e))
            return False
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
        self.w.statusBar().showMessage(data.description, 10000)
        return True

    def use_points(self, data) -> None:
        """The points drawn on the plane: the session trains on them, keeping its network."""
        self.register(data.name, data)
        self.w.controls.set_values(dataset=data.name)
        self.w.controller.replace_data(data)

    def eventFilter(self, obj, event) -> bool:
        if obj is self.w and event.type() in (QEvent.DragEnter, QEvent.DragMove):
            if dropped_table(event.mimeData()):
                event.acceptProposedAction()
                return True
        elif obj is self.w and event.type() == QEvent.Drop:
            path = dropped_table(event.mimeData())
            if path:
                event.acceptProposedAction()
                self.open(path)
                return True
        return False
