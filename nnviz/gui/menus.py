"""The window's menus: File, Train, View and Help, with their keys, status tips and tooltips.

Every entry calls a bound method of the window (nothing captures it in a lambda) and is also an
action of the window, so its key works with the menu bar hidden (full screen, presentation mode).
"""
from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence

from .language import add_language_menu, translate
from .presentation_mode import PresentationMode
from .record_menu import RecordActions


def _action(w, menu, text, slot, tip="", shortcut=None, name=None) -> QAction:
    """An entry ``text`` of ``menu`` calling ``slot``, with ``shortcut`` and ``tip`` (status tip and tooltip)."""
    action = QAction(text, w)
    if shortcut:
        action.setShortcut(QKeySequence(shortcut))
    action.setStatusTip(tip)
    action.setToolTip(tip)
    action.triggered.connect(slot)
    if name:
        action.setObjectName(name)
    menu.addAction(action)
    w.addAction(action)
    return action


def build_menus(w) -> None:
    """File, Train, View and Help of the window ``w``, in the installed language."""
    bar, files = w.menuBar(), w.files
    f = bar.addMenu(translate("MainWindow", "&File"))
    _action(w, f, translate("MainWindow", "&Open model..."), files.open_dialog, shortcut="Ctrl+O",
            tip=translate("MainWindow", "Open a saved network (.npz) or an ONNX model of dense layers (.onnx)"))
    _action(w, f, translate("MainWindow", "&Save model"), files.save, shortcut="Ctrl+S",
            tip=translate("MainWindow", "Save the network on display"))
    _action(w, f, translate("MainWindow", "Save model &as..."), files.save_as, shortcut="Ctrl+Shift+S",
            tip=translate("MainWindow", "Save the network to a new file"))
    pre = f.addMenu(translate("MainWindow", "Open &pretrained model"))
    _action(w, pre, translate("MainWindow", "3Blue1Brown 784-16-16-10 (sigmoid)"), w._open_3b1b,
            translate("MainWindow", "The network of 3Blue1Brown's videos, trained on the bundled digits"))
    _action(w, pre, translate("MainWindow", "Strong 784-256-128-10 (relu, augmented)"), w._open_strong,
            translate("MainWindow", "A larger network, trained on shifted and rotated digits: it reads drawings "
                                    "well"))
    _action(w, f, translate("MainWindow", "Open &data (CSV table)..."), w.data_files.open_dialog,
            shortcut="Ctrl+Shift+O", tip=translate("MainWindow", "Learn from a CSV table: a header row, numeric "
                                                                 "inputs, the last column the target"))
    _action(w, f, translate("MainWindow", "Open &IDX data folder..."), files.open_idx_dialog,
            translate("MainWindow", "Use a folder of MNIST-format files (train-images-idx3-ubyte...)"))
    w.recent_menu = f.addMenu(translate("MainWindow", "&Recent files"))
    f.addSeparator()
    _action(w, f, translate("MainWindow", "&Export window as PNG or SVG..."), w._export_window, shortcut="Ctrl+E",
            tip=translate("MainWindow", "Save a picture of the whole window"))
    export = f.addMenu(translate("MainWindow", "Export &pane"))
    for name, dock in w.docks.items():
        _action(w, export, dock.windowTitle(), w._export_pane,
                translate("MainWindow", "Save a picture of this pane at full size, even behind a tab"),
                name=f"export_{name}")
    f.addSeparator()
    w.recording = RecordActions(w, f)  # Record..., Stop recording, Copy image
    w.recorder = w.recording.recorder
    f.addSeparator()
    _action(w, f, translate("MainWindow", "&Quit"), w.close, shortcut="Ctrl+Q",
            tip=translate("MainWindow", "Close nnviz (an unsaved trained network is kept for the next start)"))

    t = bar.addMenu(translate("MainWindow", "&Train"))
    _action(w, t, translate("MainWindow", "Step"), w._step1, shortcut="Right",
            tip=translate("MainWindow", "One mini-batch update"), name="stepAction")
    _action(w, t, translate("MainWindow", "Step x10"), w._step10, shortcut="Shift+Right",
            tip=translate("MainWindow", "Ten updates"))
    _action(w, t, translate("MainWindow", "Step x100"), w._step100, translate("MainWindow", "A hundred updates"))
    _action(w, t, translate("MainWindow", "One epoch"), w.step_epoch,
            translate("MainWindow", "Until every training sample was seen once"))
    _action(w, t, translate("MainWindow", "Play / pause"), w.toggle_play, shortcut="Space",
            tip=translate("MainWindow", "Train continuously, or stop"), name="playPauseAction")
    _action(w, t, translate("MainWindow", "Back one step"), w._back, shortcut="Left",
            tip=translate("MainWindow", "Show the step before (rewind)"), name="backAction")
    _action(w, t, translate("MainWindow", "Newest step"), w._newest, shortcut="End",
            tip=translate("MainWindow", "Return to the newest step"))
    _action(w, t, translate("MainWindow", "Reset"), w.reset, shortcut="Ctrl+R",
            tip=translate("MainWindow", "Start again from fresh random weights"), name="resetAction")

    v = bar.addMenu(translate("MainWindow", "&View"))
    for dock in w.docks.values():
        v.addAction(dock.toggleViewAction())
    v.addSeparator()
    _action(w, v, translate("MainWindow", "Reset layout"), w.reset_layout,
            translate("MainWindow", "Put every pane back where it started"))
    _action(w, v, translate("MainWindow", "Full screen"), w.toggle_full_screen, shortcut="F11",
            tip=translate("MainWindow", "Fill the screen with the window (F11 again to leave)"))
    w.presentation = PresentationMode(w)  # F5; Esc leaves it
    v.addAction(w.presentation.action)
    add_language_menu(w, v)
    h = bar.addMenu(translate("MainWindow", "&Help"))
    _action(w, h, translate("MainWindow", "Keyboard shortcuts"), w.show_shortcuts, shortcut="F1",
            tip=translate("MainWindow", "Every key nnviz listens to"))
    _action(w, h, translate("MainWindow", "About nnviz"), w.show_about,
            translate("MainWindow", "Version, data and licences"))
    files.update_recent_menu()
