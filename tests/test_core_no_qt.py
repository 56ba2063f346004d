"""nnviz.core is pure NumPy: importing it must not load Qt."""
import subprocess
import sys


def test_core_imports_without_qt():
    code = ("import sys, nnviz.core; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph', 'shiboken6')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
