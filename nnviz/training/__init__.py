"""nnviz.training: where the window's trainer runs, apart from the window.

Imports Qt's core module only (no widgets, no pyqtgraph), so the trainer's own process starts
light.  :mod:`.worker` runs a session in a thread; :mod:`.remote` runs it in a child process
(:mod:`.child`) and mirrors what it does into the window's session; :mod:`.wire` is what
travels between the two.
"""
