"""``python -m nnviz`` runs the command line (see :mod:`nnviz.cli`)."""
from nnviz.cli import entry

entry()
