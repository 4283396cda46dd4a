"""The import graph of govqa's packages, read from the source (every import statement, also the ones inside
functions and under TYPE_CHECKING): no arrow runs back up the pipeline and no module takes part in a cycle.

Layers: core ← index ← qa ← ui; eval may import qa, index and core; nothing but eval itself, bench and the tests
imports eval. prompts/ is data that qa reads.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("core", "index", "qa", "ui", "eval", "prompts", "bench")
# what each top-level package may import (besides itself)
ALLOWED: dict[str, frozenset[str]] = {
    "core": frozenset(),
    "index": frozenset({"core"}),
    "qa": frozenset({"core", "index", "prompts"}),
    "ui": frozenset({"core", "index", "qa"}),
    "eval": frozenset({"core", "index", "qa"}),
    "prompts": frozenset(),
    "bench": frozenset({"core", "index", "qa", "ui", "eval", "prompts"}),
}


def module_name(path: Path) -> str:
    """``qa/cli.py`` → ``qa.cli``; ``index/__init__.py`` → ``index``."""
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    """Every Python module of the packages, by dotted name."""
    return {module_name(p): p for pkg in PACKAGES if (ROOT / pkg).is_dir() for p in sorted((ROOT / pkg).rglob("*.py"))}


def imported_names(name: str, path: Path) -> Iterator[str]:
    """Every dotted name an import statement anywhere in the module refers to (``from a import b``: a and a.b)."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level:  # relative: resolved against the importing module's package
                package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
                base = package[: len(package) - (node.level - 1)]
                module = ".".join([*base, *([module] if module else [])])
            yield module
            yield from (f"{module}.{alias.name}" for alias in node.names)


def graph() -> dict[str, set[str]]:
    """module → the modules of this repository it imports."""
    mods = modules()
    return {name: {n for n in imported_names(name, path) if n in mods and n != name} for name, path in mods.items()}


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(edges.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return found


def test_the_graph_is_read() -> None:
    edges = graph()
    assert len(edges) > 100
    assert "core.types" in edges["qa.answer"]  # a top-level import
    assert "index.vectors" in edges["qa.service"]  # an import inside a function


@pytest.mark.parametrize("package", [p for p in PACKAGES if (ROOT / p).is_dir()])
def test_no_import_runs_back_up_the_pipeline(package: str) -> None:
    allowed = ALLOWED[package] | {package}
    wrong = sorted(f"{a} -> {b}" for a, targets in graph().items() if a.split(".")[0] == package
                   for b in targets if b.split(".")[0] not in allowed)
    assert wrong == [], f"{package}/ may import only {sorted(allowed)}"


def test_no_import_cycle() -> None:
    assert cycles(graph()) == []


def test_the_cycle_finder_finds_cycles() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_commands_of_the_upper_layers_are_named_not_imported() -> None:
    """qa/cli.py names eval's and ui's commands (it may not import them); each name must resolve."""
    import importlib

    import click

    from qa.cli import UPPER

    for module, attr in UPPER.values():
        assert module.split(".")[0] in {"eval", "ui"}
        assert isinstance(getattr(importlib.import_module(module), attr), click.Command)
