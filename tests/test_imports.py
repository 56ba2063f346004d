"""The package's import structure, read from the source with ``ast`` (nothing is imported).

* no import cycles among nnviz modules, counting the imports inside functions too (a lazy import
  only hides a cycle until the function runs);
* ``nnviz.core`` is pure NumPy: none of its modules imports Qt, pyqtgraph or the GUI;
* the benchmarks depend on the GUI, never the other way round.
"""
import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "nnviz"

# Import edges (importer, imported) left out of the cycle check, each with a comment saying why.
# Only for a cycle that cannot be broken yet: break a cycle rather than list it here.
ALLOWED_EDGES: set[tuple[str, str]] = set()

QT = ("PySide6", "shiboken6", "pyqtgraph")


def _module_names() -> dict[str, Path]:
    """Every module of the package by dotted name (a package by its ``__init__``)."""
    names = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        names[".".join(parts)] = path
    return names


MODULES = _module_names()


def _ancestors(name: str) -> list[str]:
    parts = name.split(".")
    return [".".join(parts[:i]) for i in range(1, len(parts))]


def _imports(name: str, path: Path) -> set[str]:
    """Every module ``name`` imports, anywhere in the file, as absolute dotted names.

    ``from X import y`` names ``X.y`` when that is a module, else ``X`` (whose code must have run
    far enough to define ``y``).  Importing ``a.b.c`` also runs the packages ``a`` and ``a.b``
    first; those are listed too, except the importer's own packages (always initialised before it).
    """
    own_package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        targets = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = own_package.split(".")
                if node.level > 1:
                    base = base[:-(node.level - 1)]
                base = ".".join(base + ([node.module] if node.module else []))
            else:
                base = node.module
            targets = [f"{base}.{alias.name}" for alias in node.names if f"{base}.{alias.name}" in MODULES]
            if len(targets) < len(node.names):  # some names are defined by base itself
                targets.append(base)
        for target in targets:
            found.update(a for a in _ancestors(target) if a not in _ancestors(name) + [name])
            found.add(target)
    found.discard(name)
    return found


IMPORTS = {name: _imports(name, path) for name, path in MODULES.items()}


def _graph() -> dict[str, set[str]]:
    return {name: {m for m in imported if m in MODULES and (name, m) not in ALLOWED_EDGES}
            for name, imported in IMPORTS.items()}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle (a -> ... -> a) through each strongly connected group of modules (Tarjan)."""
    index, low, stack, on_stack, groups = {}, {}, [], set(), []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = set()
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.add(w)
                if w == v:
                    break
            if len(group) > 1:
                groups.append(group)

    for v in sorted(graph):
        if v not in index:
            visit(v)

    def cycle_in(group):  # breadth-first, for the shortest way back to the start
        start = min(group)
        paths = {start: [start]}
        frontier = [start]
        while frontier:
            nxt = []
            for v in frontier:
                for w in sorted(graph[v] & group):
                    if w == start:
                        return paths[v] + [start]
                    if w not in paths:
                        paths[w] = paths[v] + [w]
                        nxt.append(w)
            frontier = nxt
        raise AssertionError(f"no cycle in {group}")

    return [cycle_in(g) for g in groups]


def test_the_scan_sees_the_package():
    assert {"nnviz.core", "nnviz.core.network", "nnviz.gui.main_window", "nnviz.bench", "nnviz.cli"} <= set(MODULES)
    assert "nnviz.bench.gui" in IMPORTS["nnviz.bench"]  # an import inside a function
    assert "nnviz.gui.input_view" in IMPORTS["nnviz.gui.drawing_pad"]  # a relative import
    assert "nnviz.bench" in IMPORTS["nnviz.cli"]  # from nnviz import bench: a module, not a name


def test_cycle_finder_reports_a_cycle():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a", "d"}, "d": set()}
    assert _cycles(graph) == [["a", "b", "c", "a"]]


def test_no_import_cycles():
    cycles = _cycles(_graph())
    assert not cycles, "import cycles among nnviz modules:\n" + "\n".join(" -> ".join(c) for c in cycles)


def test_allowed_edges_still_exist():
    """An allowance outlives its cycle unnoticed otherwise."""
    stale = {(a, b) for a, b in ALLOWED_EDGES if b not in IMPORTS.get(a, ())}
    assert not stale, f"these imports are gone: drop them from ALLOWED_EDGES: {sorted(stale)}"


def test_every_nnviz_import_names_a_module_that_exists():
    """A moved module leaves no import behind, even one that runs only inside a function
    (the benchmarks' imports run only under ``nnviz bench --gui``)."""
    missing = {name: sorted(m for m in imported if m.split(".")[0] == "nnviz" and m not in MODULES)
               for name, imported in IMPORTS.items()}
    missing = {name: gone for name, gone in missing.items() if gone}
    assert not missing, f"imports of nnviz modules that do not exist: {missing}"


def test_core_never_imports_qt_or_the_gui():
    bad = {}
    for name, imported in IMPORTS.items():
        if name == "nnviz.core" or name.startswith("nnviz.core."):
            wrong = {m for m in imported if m.split(".")[0] in QT
                     or (m.startswith("nnviz.") and m != "nnviz.core" and not m.startswith("nnviz.core."))}
            if wrong:
                bad[name] = sorted(wrong)
    assert not bad, f"nnviz.core must stay pure NumPy, but imports: {bad}"


def test_the_gui_never_imports_the_benchmarks():
    bad = {name: sorted(m for m in imported if m == "nnviz.bench" or m.startswith("nnviz.bench."))
           for name, imported in IMPORTS.items() if name.startswith("nnviz.gui")}
    bad = {name: wrong for name, wrong in bad.items() if wrong}
    assert not bad, f"the benchmarks depend on the GUI, not the other way round: {bad}"
