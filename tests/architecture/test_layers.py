"""The package's layers, enforced: every import, lazy ones included, points to a layer below its own.

The map (README, "Layout") from the bottom up. A module may import modules of its own layer and of
the layers below it; never a layer above, so the package has no import circle. Two layers on the
same rung (``views`` and ``reporters``) do not import each other. The thin modules that keep old
import paths working for users (``cascade.config`` re-exporting ``cascade.review.config``...) are
exempt: nothing inside the package imports them.
"""

from __future__ import annotations

import ast
import pathlib

import networkx as nx
import pytest

PACKAGE = pathlib.Path(__file__).resolve().parents[2] / "cascade"

#: Layer of each module prefix (the longest prefix wins), bottom = 0.
LAYERS: dict[str, tuple[int, str]] = {
    "cascade._version": (0, "core"),
    "cascade.core": (0, "core"),
    "cascade.rules": (1, "rules"),
    "cascade.read": (2, "read"),
    "cascade.build": (3, "build"),
    "cascade.graph": (4, "graph"),
    "cascade.validate": (5, "validate"),
    "cascade.incremental": (5, "validate"),
    "cascade.sakip": (6, "sakip"),  # the SAKIP pre-evaluation: reads the workspace and a run's findings
    "cascade.views": (7, "views"),
    "cascade.reporters": (7, "reporters"),
    "cascade.scale": (8, "scale"),
    "cascade.revisions": (9, "revisions"),
    "cascade.review": (10, "review"),
    "cascade": (11, "api"),  # __init__, api, cli/, __main__
}

#: Re-exports of old module names, for users only.
SHIMS = frozenset({
    "cascade.config", "cascade.pipeline", "cascade.distributed", "cascade.tables", "cascade.htmlreport",
    "cascade.dump", "cascade.errors", "cascade.workspace",
})


def module_name(path: pathlib.Path) -> tuple[str, bool]:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    is_package = parts[-1] == "__init__"
    if is_package:
        parts.pop()
    return ".".join(parts), is_package


def modules() -> dict[str, tuple[pathlib.Path, bool]]:
    return {name: (path, pkg) for path in sorted(PACKAGE.rglob("*.py")) for name, pkg in [module_name(path)]}


def layer_of(module: str) -> tuple[int, str]:
    best = max((p for p in LAYERS if module == p or module.startswith(p + ".")), key=len)
    return LAYERS[best]


def _typing_only(tree: ast.Module) -> set[int]:
    """Ids of the import nodes under ``if TYPE_CHECKING:``, which never run."""
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and getattr(node.test, "id", getattr(node.test, "attr", None)) == "TYPE_CHECKING":
            out.update(id(n) for stmt in node.body for n in ast.walk(stmt))
    return out


def imports(name: str, path: pathlib.Path, is_package: bool, known: set[str]) -> dict[str, bool]:
    """Every module of the package that ``name`` imports anywhere in its body (functions included),
    mapped to whether every such import is for type checking only."""
    out: dict[str, bool] = {}
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only = _typing_only(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".") if is_package else name.split(".")[:-1]
                base = base[: len(base) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            subs = [f"{module}.{a.name}" for a in node.names]
            # `from pkg import sub` imports the module sub (pkg is its parent, already imported)
            targets = subs if all(t in known for t in subs) else [module] + subs
        else:
            continue
        for target in targets:
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target and target != name:
                out[target] = out.get(target, True) and id(node) in typing_only
    return out


def import_graph() -> nx.DiGraph:
    mods = modules()
    known = set(mods)
    graph = nx.DiGraph()
    for name, (path, is_package) in mods.items():
        graph.add_node(name)
        for target, typing_only in imports(name, path, is_package, known).items():
            # importing a package runs its __init__ only; `from pkg import sub` is counted as `sub`
            graph.add_edge(name, target, typing_only=typing_only)
    return graph


GRAPH = import_graph()


def _upward(graph: nx.DiGraph) -> list[str]:
    bad = []
    for a, b in graph.edges:
        if a in SHIMS or a == "cascade.__main__":
            continue
        if b in SHIMS:
            bad.append(f"{a} imports the user-facing re-export {b}: import the module itself")
            continue
        (la, na), (lb, nb) = layer_of(a), layer_of(b)
        if b == "cascade" and a != "cascade":
            bad.append(f"{a} ({na}) imports the package top (api)")
        elif lb > la:
            bad.append(f"{a} ({na}) imports {b} ({nb}), a layer above")
        elif lb == la and na != nb:
            bad.append(f"{a} ({na}) imports {b} ({nb}), a sibling layer")
    return sorted(bad)


def test_no_module_imports_a_layer_above_its_own():
    assert _upward(GRAPH) == []


def test_no_import_circle():
    """No circle among the imports that run (a type-checking import may name its user back:
    ``Rule.check`` is annotated with the ``Context`` that imports ``Rule``)."""
    inner = nx.DiGraph(
        (a, b) for a, b, typing_only in GRAPH.edges(data="typing_only")
        if not typing_only and a != "cascade" and b != "cascade" and a not in SHIMS and b not in SHIMS
    )
    circles = [sorted(c) for c in nx.strongly_connected_components(inner) if len(c) > 1]
    assert circles == []


def test_every_module_has_a_layer():
    for name in GRAPH:
        assert layer_of(name)


@pytest.mark.parametrize("shim", sorted(SHIMS))
def test_user_facing_names_stay_importable(shim):
    import importlib

    module = importlib.import_module(shim)
    assert module.__all__ and all(hasattr(module, n) for n in module.__all__)


def test_the_layer_check_sees_an_upward_import():
    graph = nx.DiGraph([("cascade.core.findings", "cascade.rules.base"), ("cascade.rules.base", "cascade.core.findings")])
    assert _upward(graph) == ["cascade.core.findings (core) imports cascade.rules.base (rules), a layer above"]
