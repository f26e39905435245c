"""The layers of the house, read from the source: which top-level package may import which.

Data flows one way (STYLE.md): analysis -> views -> ui -> pages, and report beside ui. The
view layer and the report are Streamlit-free, so the report never reaches up into the
dashboard; tests and benchmarks share their helpers through devkit/, never through each
other. Every import statement of every module is read (module level and inside functions),
so an import at call time cannot slip past.
"""

from __future__ import annotations

import ast
import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# package (folder, or a file at the root) -> top-level modules it must never import
FORBIDDEN: dict[str, set[str]] = {
    "analysis": {"streamlit", "plotly", "ui", "views", "report", "pages", "devkit", "tests", "bench"},
    "views": {"streamlit", "ui", "report", "pages", "devkit", "tests", "bench"},
    "report": {"streamlit", "ui", "pages", "devkit", "tests", "bench"},
    "ui": {"pages", "devkit", "tests", "bench"},
    "pages": {"devkit", "tests", "bench"},
    "app.py": {"devkit", "tests", "bench"},
    "devkit": {"tests", "bench"},
    "bench": {"tests"},
    "tests": {"bench"},
}
# The one upward reach, by name at call time: the command line's `report` sub-command.
ALLOWED = {("analysis/__main__.py", "report.build")}


def modules(where: str) -> list[Path]:
    path = ROOT / where
    return [path] if path.is_file() else sorted(p for p in path.rglob("*.py") if "fixtures" not in p.parts)


def imported(path: Path) -> list[tuple[int, str]]:
    """(line, dotted name) of every absolute import in ``path``."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found += [(node.lineno, node.module)]
            found += [(node.lineno, f"{node.module}.{alias.name}") for alias in node.names]
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) in (
                "import_module", "__import__") and node.args and isinstance(node.args[0], ast.Constant):
            found.append((node.lineno, str(node.args[0].value)))
    return found


def violations(where: str) -> list[str]:
    banned = FORBIDDEN[where]
    out = []
    for path in modules(where):
        for line, name in imported(path):
            rel = str(path.relative_to(ROOT))
            if name.split(".")[0] in banned and (rel, name) not in ALLOWED:
                out.append(f"{path.relative_to(ROOT)}:{line} imports {name}")
    return out


@pytest.mark.parametrize("where", sorted(FORBIDDEN))
def test_layer_imports_only_what_it_may(where):
    assert modules(where), f"{where} has no module: the rule checks nothing"
    assert violations(where) == []


def test_the_check_sees_imports_at_call_time(tmp_path, monkeypatch):
    """A forbidden import inside a function is caught as well as one at the top."""
    (tmp_path / "report").mkdir()
    (tmp_path / "report" / "late.py").write_text("def f():\n    from ui import charts\n    return charts\n")
    monkeypatch.setattr(__import__(__name__, fromlist=["ROOT"]), "ROOT", tmp_path)
    assert violations("report") == ["report/late.py:2 imports ui", "report/late.py:2 imports ui.charts"]


def test_no_module_in_ui_could_live_in_views():
    """A module of ui/ that imports no streamlit is a view builder in the wrong place."""
    stray = [p.name for p in modules("ui") if p.name != "__init__.py"
             and not any(name.split(".")[0] == "streamlit" for _, name in imported(p))]
    assert stray == []


def test_every_first_party_import_of_the_benchmarks_resolves():
    """bench/ scripts run by hand, not under pytest: a helper they import that moved (devkit/)
    or was renamed must still be found."""
    first_party = {"analysis", "views", "report", "ui", "devkit", "bench", "tools"}
    missing = [f"{path.relative_to(ROOT)}:{line} {name}"
               for path in modules("bench") + modules("devkit") + modules("tools")
               for line, name in imported(path)
               if name.split(".")[0] in first_party and not resolves(name)]
    assert missing == []


def resolves(name: str) -> bool:
    """Whether ``name`` is a module, or a member of one (``devkit.corpus.paragraphs``)."""
    try:
        if importlib.util.find_spec(name) is not None:
            return True
    except ModuleNotFoundError:
        pass
    parent, _, member = name.rpartition(".")
    try:
        if not parent or importlib.util.find_spec(parent) is None:
            return False
    except ModuleNotFoundError:
        return False
    return hasattr(importlib.import_module(parent), member)


def test_pages_are_thin():
    """A page reads widgets, calls the cache and a builder, and renders: one function per view,
    the views themselves in ui/ (STYLE.md). None grows past 120 lines."""
    long = {p.name: n for p in [ROOT / "app.py", *sorted((ROOT / "pages").glob("*.py"))]
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > 120}
    assert long == {}


def test_no_view_numbers_paragraphs_from_0():
    """Paragraphs are numbered from 1 wherever a person reads them."""
    sources = [p for where in ("app.py", "pages", "ui", "views", "report") for p in modules(where)]
    said = [f"{p.relative_to(ROOT)}" for p in sources if "0 = first" in p.read_text(encoding="utf-8")]
    assert said == []


@pytest.mark.parametrize("package", ["ui", "views", "report"])
def test_no_import_cycle_inside_a_package(package):
    """ui/auth imported ui/page at call time because ui/page imports ui/auth: no such loop is left."""
    graph: dict[str, set[str]] = {}
    for path in modules(package):
        name = f"{package}.{path.stem}"
        # "from ui import page" is read as ui and ui.page, "import ui.page" as ui.page
        graph[name] = {f"{package}.{n.split('.')[1]}" for _, n in imported(path) if n.startswith(package + ".")}
    cycles = []

    def visit(node: str, trail: list[str]) -> None:
        for nxt in sorted(graph.get(node, ())):
            if nxt in trail:
                cycles.append(" -> ".join(trail[trail.index(nxt):] + [nxt]))
            elif nxt in graph:
                visit(nxt, trail + [nxt])

    for start in graph:
        visit(start, [start])
    assert cycles == []
