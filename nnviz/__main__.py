"""``python -m nnviz`` runs the command line (see :mod:`nnviz.cli`)."""
import sys

from nnviz.cli import main

sys.exit(main())
