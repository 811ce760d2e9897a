"""The package layout holds: no import runs upward, no module imports one that imports it back,
and importing the library changes nothing outside itself (docs/design.md, "Layers")."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parent.parent / "src" / "bilingo"

# Each top-level part of the package and its layer: a part may import its own
# layer or lower ones, never a higher one (the layering of docs/design.md).
LAYERS = {
    "version": 0,
    "errors": 0,
    "collector": 0,
    "forked": 0,
    "lazy": 0,
    "terms": 1,
    "paths": 1,
    "normalize": 1,
    "files": 2,
    "korean": 2,
    "sentences": 2,
    "matcher": 3,
    "spacing": 3,
    "soundalike": 3,
    "glossary": 4,
    "formats": 5,
    "qa": 5,
    "extraction": 5,
    "decisions": 5,
    "models": 5,
    "engines": 6,
    "translation": 7,
    "__init__": 8,
    "server": 8,
    "cli": 9,
}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path: Path) -> set[str]:
    """Every bilingo module a file imports, at the top or inside a function."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.startswith("bilingo")}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.startswith("bilingo"):
                # `from .. import korean` imports bilingo.korean; `from ..terms import Term`
                # imports bilingo.terms (parent packages load anyway and do not count).
                submodules = {f"{target}.{alias.name}" for alias in node.names}
                submodules = {module for module in submodules if _exists(module)}
                found |= submodules or {target}
    return {module for module in found if _exists(module)}


def _exists(module: str) -> bool:
    relative = Path(*module.split(".")[1:]) if "." in module else Path("__init__")
    return (PACKAGE / relative).with_suffix(".py").is_file() or (
        PACKAGE / relative / "__init__.py"
    ).is_file()


def part_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


SOURCES = sorted(PACKAGE.rglob("*.py"))


def test_every_part_has_a_layer():
    parts = {part_of(module_name(path)) for path in SOURCES}
    assert parts <= set(LAYERS), f"give these a layer: {sorted(parts - set(LAYERS))}"


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_import_runs_upward(path):
    source_part = part_of(module_name(path))
    upward = [
        module for module in imported_modules(path) if LAYERS[part_of(module)] > LAYERS[source_part]
    ]
    assert not upward, f"{module_name(path)} (layer {LAYERS[source_part]}) imports {upward}"


def test_no_import_cycles():
    graph = {module_name(path): imported_modules(path) for path in SOURCES}
    graph = {
        name: {m for m in targets if m in graph and m != name} for name, targets in graph.items()
    }
    # A package importing its own submodules (re-exports) is not a cycle.
    graph = {
        name: {m for m in targets if not m.startswith(name + ".")}
        for name, targets in graph.items()
    }
    state: dict[str, str] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = "open"
        for target in sorted(graph[node]):
            if state.get(target) == "open":
                cycle = trail[trail.index(target) :] + [target] if target in trail else [target]
                raise AssertionError(f"import cycle: {' -> '.join(cycle)}")
            if target not in state:
                visit(target, [*trail, target])
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])


def test_importing_the_library_has_no_process_wide_effects(tmp_path):
    """Importing and using the core leaves the environment, the collector and logging alone."""
    probe = """
import gc, logging, os, sys
before_env = dict(os.environ)
import bilingo
glossary = bilingo.load_glossary()
glossary.matcher().find("딥시크의 엔비디아가")
bilingo.load_glossary().lookup("딥시크")
bilingo.translate("딥시크가 557만6000달러를 썼다.", glossary, engine="none")
assert dict(os.environ) == before_env, "os.environ changed"
assert gc.isenabled(), "the garbage collector was left disabled"
assert gc.get_freeze_count() == 0, "objects were frozen out of the collector"
assert not logging.getLogger("bilingo").handlers, "a logging handler was attached"
assert "ctranslate2" not in sys.modules and "typer" not in sys.modules
print("ok")
"""
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=tmp_path
    )
    assert result.stdout.strip() == "ok", result.stderr
