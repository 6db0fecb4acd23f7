"""The house plan holds: apps import each other one way (.importlinter, run by
scripts/test.sh as ``lint-imports``), no import cycle between apps, and every
import inside a function says why it is not at the top of its module."""

import ast
import re
from collections import defaultdict
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src" / "thidua"


def _app_of(module: str) -> str:
    return module.split(".")[1] if module.count(".") else module


def app_graph() -> dict[str, set[str]]:
    """App → apps its code imports (models' string foreign keys are not imports)."""
    edges: dict[str, set[str]] = defaultdict(set)
    for path in SRC.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        parts = path.relative_to(SRC.parent).with_suffix("").parts
        module = ".".join(parts)
        app = _app_of(module)
        package = parts[:-1] if path.name != "__init__.py" else parts
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets = []
            if isinstance(node, ast.ImportFrom):
                if node.level:
                    base = list(package[: len(package) - node.level + 1])
                    targets.append(
                        ".".join(base + ([node.module] if node.module else []))
                    )
                else:
                    targets.append(node.module or "")
            elif isinstance(node, ast.Import):
                targets += [alias.name for alias in node.names]
            for target in targets:
                if target.startswith("thidua.") and _app_of(target) != app:
                    edges[app].add(_app_of(target))
    return edges


def strongly_connected(edges: dict[str, set[str]]) -> list[frozenset[str]]:
    """Tarjan's components of more than one app."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[frozenset[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in edges.get(node, ()):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(frozenset(component))

    for node in list(edges):
        if node not in index:
            visit(node)
    return found


def test_no_import_cycle_between_apps():
    """Tarjan over the app graph: no strongly connected component larger than one app."""
    assert strongly_connected(app_graph()) == []


def test_the_lower_layers_import_no_app_above_them():
    graph = app_graph()
    assert graph["eligibility"] == set()
    assert graph["common"] <= {"eligibility"}
    assert graph["accounts"] <= {"common", "eligibility"}
    assert graph["organizations"] <= {"accounts", "common", "eligibility"}


def test_the_cycle_finder_finds_cycles():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert strongly_connected(graph) == [frozenset({"a", "b", "c"})]


INLINE = re.compile(r"#\s*noqa:\s*PLC0415(?P<why>\s*\(.+\))?")


def test_every_inline_import_says_why():
    """pretalx's rule: an import inside a function carries its reason, e.g.
    ``# noqa: PLC0415 (heavy: loaded when a PDF is signed)``."""
    silent = []
    for path in SRC.rglob("*.py"):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            match = INLINE.search(line)
            if match and not match.group("why"):
                silent.append(f"{path.relative_to(SRC)}:{number}")
    assert silent == []


# Where a state is still set by hand, until its machine moves to the workflow kernel
# (common/workflow.py). The ballot keeps its own functions: secrecy shapes them
# (docs/ballots.md).
STATE_SET_BY_HAND = {"councils/services/count.py"}


def test_states_move_through_the_kernel():
    """No ``x.state = …`` / ``x.status = …`` (tuple targets too) outside the kernel and
    the modules still listed above; the list only shrinks."""
    found = set()
    for path in SRC.rglob("*.py"):
        if "migrations" in path.parts or path.parts[-2:] == (
            "eligibility",
            "results.py",
        ):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Assign):
                continue
            targets = [
                t
                for target in node.targets
                for t in (target.elts if isinstance(target, ast.Tuple) else [target])
            ]
            if any(
                isinstance(t, ast.Attribute) and t.attr in ("state", "status")
                for t in targets
            ):
                found.add(str(path.relative_to(SRC)))
    assert found == STATE_SET_BY_HAND
