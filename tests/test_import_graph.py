"""The import graph of govqa's packages, read from the source (every import statement, also the ones inside
functions and under TYPE_CHECKING): no arrow runs back up the pipeline and no module takes part in a cycle.

Layers: core ← index ← qa ← ui; eval may import qa, index and core; nothing but eval itself, bench and the tests
imports eval. prompts/ is data that qa reads. The stages are top-level folders imported as ``govqa.<stage>``
(pyproject's package-dir); a bare ``import qa…`` would load a second copy of the module, so none is allowed.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("core", "index", "qa", "ui", "eval", "prompts", "bench")
STAGES = frozenset(PACKAGES) - {"bench"}  # installed under govqa.*; bench is a folder of scripts beside them
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
    """``qa/cli.py`` → ``govqa.qa.cli``; ``index/__init__.py`` → ``govqa.index``; ``bench/eval.py`` → ``bench.eval``."""
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    parts = parts[:-1] if parts[-1] == "__init__" else parts
    return ".".join(["govqa", *parts] if parts[0] in STAGES else parts)


def stage(name: str) -> str:
    """``govqa.qa.cli`` → ``qa``; ``bench.eval`` → ``bench``."""
    parts = name.split(".")
    return parts[1] if parts[0] == "govqa" and len(parts) > 1 else parts[0]


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
    assert "govqa.core.types" in edges["govqa.qa.answer"]  # a top-level import
    assert "govqa.index.vectors" in edges["govqa.qa.service"]  # an import inside a function


@pytest.mark.parametrize("package", [p for p in PACKAGES if (ROOT / p).is_dir()])
def test_no_import_runs_back_up_the_pipeline(package: str) -> None:
    allowed = ALLOWED[package] | {package}
    wrong = sorted(f"{a} -> {b}" for a, targets in graph().items() if stage(a) == package
                   for b in targets if stage(b) not in allowed)
    assert wrong == [], f"{package}/ may import only {sorted(allowed)}"


def test_stages_are_imported_under_the_one_name() -> None:
    """``from qa.answer import …`` works from a checkout but makes a second module object; use ``govqa.qa.answer``."""
    files = [*(p for d in (*PACKAGES, "tests") for p in sorted((ROOT / d).rglob("*.py"))), *(ROOT / "govqa").glob("*.py")]
    bare = sorted(f"{path.relative_to(ROOT)}: {n}" for path in files
                  for n in imported_names(module_name(path), path) if n.split(".")[0] in STAGES)
    assert bare == []


def test_no_import_cycle() -> None:
    assert cycles(graph()) == []


def test_the_cycle_finder_finds_cycles() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_commands_of_the_upper_layers_are_named_not_imported() -> None:
    """qa/cli.py names eval's and ui's commands (it may not import them); each name must resolve."""
    import importlib

    import click

    from govqa.qa.cli import UPPER

    for module, attr in UPPER.values():
        assert stage(module) in {"eval", "ui"}
        assert isinstance(getattr(importlib.import_module(module), attr), click.Command)
