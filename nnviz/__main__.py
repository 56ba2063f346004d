"""``python -m nnviz`` runs the command line (see :mod:`nnviz.cli`)."""
import sys

from nnviz import missing_dependency

try:
    from nnviz.cli import entry
except ModuleNotFoundError as e:  # a Python other than the venv's (no NumPy): said as entry() says it
    print(f"nnviz: {missing_dependency(e.name)}", file=sys.stderr)
    sys.exit(2)

entry()
