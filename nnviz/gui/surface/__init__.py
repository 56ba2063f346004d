"""The loss-surface pane: a ball rolling down the loss, on the real network or on small exact models.

Modes (the combo box; their keys, titles and tooltips are :data:`MODES`):

* ``"plane"``, **This network (PCA plane)**: the plane through the current parameters spanned by
  the top two principal directions of the path so far (random filter-normalised directions until
  the path has three distinct points); the loss over it on 512 training samples, computed off the
  GUI thread.  Beside it: the share of the path the plane explains, and the true loss at the
  parameters against the plane's loss at the ball, so nobody mistakes the slice for the whole.
* ``"neuron"``, **Single neuron y = w x + b**, and ``"zhou"``, **Zhou's 2-2-1: two weights**:
  exact.  When the window trains that model (sizes [1, 1] or [2, 2, 1]) the ball follows the
  trainer over the true loss of two parameters (w and b; Zhou's w1 and w5 with the other seven
  fixed).  Otherwise the pane races four optimisers on the model itself, with its own Play / Step.
* ``"race"``, **Optimiser race**: SGD, momentum, RMSProp and Adam from one start on an analytic
  landscape (bowl, ravine, saddle, minima, plateau), or on copies of this network.

Modules: :mod:`.modes` (the modes' logic: LossSurfaceModel, no widgets), :mod:`.computations`
(the background jobs' maths), :mod:`.maths` (small pure helpers), :mod:`.view` (LossSurfaceView:
widgets, signals), :mod:`.plot` (the 2-D drawing), :mod:`.view_3d` (the optional 3-D view),
:mod:`.jobs` (the background thread).
"""
from .maths import default_pair
from .modes import MODE_KEYS, MODES
from .view import LossSurfaceView
from .view_3d import opengl_available

__all__ = ["LossSurfaceView", "MODES", "MODE_KEYS", "default_pair", "opengl_available"]
