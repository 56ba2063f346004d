"""What a screenshot, a recording or a copied image can show: the window or one of its panes.

Names as the command line takes them (``--pane``), each with the window's attribute that holds the
pane and its dock's object name (None: the network diagram is the window's central widget).  No Qt.
"""
from __future__ import annotations

#: name -> (window attribute, dock object name, what it is)
PANES = {
    "window": (None, None, "the whole window"),
    "network": ("network_view", None, "the network diagram"),
    "surface": ("loss_surface", "lossSurfaceDock", "the loss surface"),
    "curves": ("curves", "curvesDock", "the loss and accuracy curves"),
    "layers": ("layer_charts", "layersDock", "the layer charts"),
    "formulas": ("formulas", "formulaDock", "the formulas"),
    "pad": ("pad_pane", "padDock", "the drawing pad and its prediction"),
}
