"""``python -m nnviz`` runs the command line (see :mod:`nnviz.cli`)."""
import sys

from nnviz import missing_dependency

try:
    from nnviz.cli import entry
except ModuleNotFoundError as e:  # a Python other than the venv's: one clear sentence, not a bare traceback
    sys.exit(missing_dependency(e.name))

entry()
