"""nnviz: see a neural network think and learn."""

__version__ = "0.1.0"


def missing_dependency(name: str) -> str:
    """The sentence for a library ``name`` this Python lacks: nearly always a Python other than the
    venv's nnviz was installed in (a bare traceback does not say so)."""
    import sys

    return (f"nnviz needs {name}, which this Python ({sys.executable}) does not have: run it with the Python "
            "of the venv nnviz was installed in (`. .venv/bin/activate` first, or `.venv/bin/python`), "
            "or install nnviz in this one (`pip install -e .`)")
