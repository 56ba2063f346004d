"""The loss-surface pane (placeholder, split follows)."""
from .view import MODES, LossSurfaceView, default_pair, opengl_available

__all__ = ["LossSurfaceView", "MODES", "default_pair", "opengl_available"]
