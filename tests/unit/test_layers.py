"""Data flows one way: ingest -> retrieval -> app and evals. Walks every module's imports (the ast, so
imports inside functions count too) and fails on an upward import or a cycle between modules."""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PACKAGES = ("ingest", "retrieval", "app", "evals", "corpus")
# what each layer may not import
FORBIDDEN = {"ingest": {"retrieval", "app", "evals"}, "retrieval": {"app", "evals"}, "evals": {"app"}}


def _module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path, root: Path, modules: set[str]) -> set[str]:
    """The project modules a file imports (``from app import render`` counts as app.render)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    name = _module_name(path, root)
    package = name.rsplit(".", 1)[0] if path.name != "__init__.py" else name
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else []))
            names = [f"{base}.{alias.name}" for alias in node.names] + [base]
        else:
            continue
        for name in names:
            while name and name not in modules:
                name = name.rpartition(".")[0]
            if name:
                found.add(name)
    return found


@cache
def import_graph(root: Path = REPO) -> dict[str, set[str]]:
    files = [f for package in PACKAGES for f in (root / package).rglob("*.py")]
    modules = {_module_name(f, root) for f in files}
    return {_module_name(f, root): _imports(f, root, modules) - {_module_name(f, root)} for f in files}


def upward_imports(graph: dict[str, set[str]]) -> list[str]:
    return [f"{module} imports {target}" for module, targets in sorted(graph.items())
            for target in sorted(targets) if target.split(".")[0] in FORBIDDEN.get(module.split(".")[0], ())]


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan), each a list of module names."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in graph.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_graph_sees_the_project():
    graph = import_graph()
    assert {"ingest.store", "retrieval.service", "app.cli", "evals.bench"} <= set(graph)
    assert "ingest.settings" in graph["retrieval.service"]  # top-level import
    assert "app.render" in graph["app.cli"]  # an import inside a function counts


def test_nothing_imports_upward():
    assert upward_imports(import_graph()) == []


def test_no_import_cycles():
    assert cycles(import_graph()) == []


@pytest.mark.parametrize(("graph", "problem"), [
    ({"ingest.store": {"retrieval.search"}, "retrieval.search": set()}, "upward"),
    ({"evals.bench": {"app.batch"}, "app.batch": set()}, "upward"),
    ({"app.cli": {"app.batch"}, "app.batch": {"app.cli"}}, "cycle"),
    ({"retrieval.a": {"retrieval.b"}, "retrieval.b": {"retrieval.c"}, "retrieval.c": {"retrieval.a"}}, "cycle"),
])
def test_the_checks_catch_what_they_guard(graph, problem):
    assert (upward_imports(graph) if problem == "upward" else cycles(graph)), graph


def test_relative_and_from_package_imports_resolve(tmp_path):
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "__init__.py").write_text("")
    (tmp_path / "app" / "render.py").write_text("")
    (tmp_path / "app" / "cli.py").write_text("from . import render\nfrom app import render as r\n")
    for package in PACKAGES[1:]:
        (tmp_path / package).mkdir(exist_ok=True)
    (tmp_path / "ingest").mkdir(exist_ok=True)
    assert import_graph(tmp_path)["app.cli"] == {"app.render", "app"}
