"""The import layering of qsdomain (ARCHITECTURE.md, issue #19 point 7), read from the source.

No module is imported: every ``import`` and ``from ... import`` of ``src/qsdomain`` is read with
:mod:`ast`. Three rules, each with the violations that exist today listed in a ``KNOWN_TODAY``
set that the family work of #19 is removing; a new violation fails, and a listed one that is
gone fails too (so the list only shrinks):

(a) arrows only point down the layers below; a family never imports another family, nor the
    faces (serialization, ledgers, strategies, desk, cli);
(b) the edges (desk, cli, ledgers) import no private module of a family (``qsdomain.<family>._x``);
(c) no import circle among qsdomain modules: none over the imports run at import time, and none
    either once the imports inside functions are counted (a circle hidden by a deferred import
    is still a circle); ``if TYPE_CHECKING:`` blocks are left out of (c), not of (a) and (b).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"

FAMILIES = ("sampling", "metrology", "licensing", "commitments")

# The layers, lowest first. A module may import its own layer and the layers below it, never a
# layer above. Inside the core the order is finer: the leaves, then the helpers on them, then
# the calendars, then periods (which counts working days through a calendar) and the
# provisional-calendar policy.
LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    # ``qsdomain`` itself: ``__version__`` and lazy re-exports of the core (checked as the core)
    ("root", ("qsdomain",)),
    ("core leaves", ("errors", "limits", "defaults", "_drafts")),
    ("core helpers", ("_checks", "_memo", "rejects")),
    ("calendars", ("calendars",)),
    ("periods", ("periods", "_provisional")),
    ("families", FAMILIES),
    ("file helpers", ("_files", "_spreadsheet", "_terminal")),
    ("faces", ("serialization", "ledgers")),
    ("desk", ("desk",)),
    # strategies generate every public type, the desk's included; nothing in src imports them
    ("strategies", ("strategies",)),
    ("cli", ("cli", "__main__")),
)
_RANK = {top: rank for rank, (_, tops) in enumerate(LAYERS) for top in tops}
_LAYER_NAME = {top: name for name, tops in LAYERS for top in tops}

# (a) imports that point up or across today, as (importer, imported).
KNOWN_TODAY_LAYERS: frozenset[tuple[str, str]] = frozenset()

# (b) private family modules the edges import today: none left.
KNOWN_TODAY_PRIVATE: frozenset[tuple[str, str]] = frozenset()

# (c) import circles today, each as the sorted modules of one strongly connected component.
KNOWN_TODAY_CIRCLES: frozenset[tuple[str, ...]] = frozenset()


def _modules() -> dict[str, tuple[Path, bool]]:
    """Every qsdomain module's dotted name, its file and whether it is a package."""
    found: dict[str, tuple[Path, bool]] = {}
    for path in sorted((SRC / "qsdomain").rglob("*.py")):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        package = parts[-1] == "__init__"
        if package:
            parts = parts[:-1]
        found[".".join(parts)] = (path, package)
    return found


MODULES = _modules()


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _statements(body: list[ast.stmt], *, deferred: bool, typing: bool) -> Iterator[ast.stmt]:
    """The import statements of ``body``: those run at import time, with ``deferred`` those
    inside functions too, with ``typing`` those under ``if TYPE_CHECKING:`` too."""
    for node in body:
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node
        elif isinstance(node, ast.If) and _is_type_checking(node.test):
            if typing:
                yield from _statements(node.body, deferred=deferred, typing=typing)
            yield from _statements(node.orelse, deferred=deferred, typing=typing)
        elif not deferred and isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        else:
            for child in ast.iter_child_nodes(node):
                if isinstance(child, ast.stmt):
                    yield from _statements([child], deferred=deferred, typing=typing)
                elif isinstance(child, ast.ExceptHandler | ast.match_case):
                    yield from _statements(child.body, deferred=deferred, typing=typing)


def imports(name: str, *, deferred: bool = True, typing: bool = True) -> set[str]:
    """The qsdomain modules ``name`` imports (``from pkg import sub`` counts as ``pkg.sub``)."""
    path, package = MODULES[name]
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    found: set[str] = set()
    for node in _statements(tree.body, deferred=deferred, typing=typing):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
            continue
        assert isinstance(node, ast.ImportFrom)
        if node.level:
            here = name.split(".") if package else name.split(".")[:-1]
            here = here[: len(here) - node.level + 1]
            base = ".".join([*here, *([node.module] if node.module else [])])
        else:
            base = node.module or ""
        subs = {f"{base}.{alias.name}" for alias in node.names}
        found.update(sub for sub in subs if sub in MODULES)
        if any(sub not in MODULES for sub in subs):
            found.add(base)
    return {m for m in found if m.split(".")[0] == "qsdomain" and m != name}


def _top(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "qsdomain"


def _layer_violations() -> set[tuple[str, str]]:
    bad = set()
    for name in MODULES:
        mine = _top(name)
        for other in imports(name):
            theirs = _top(other)
            if theirs == mine:
                continue
            # the package itself only re-exports (lazily) the most used names of the core
            ceiling = _RANK["periods"] if mine == "qsdomain" else _RANK[mine]
            if _RANK[theirs] > ceiling or (mine in FAMILIES and theirs in FAMILIES):
                bad.add((name, other))
    return bad


def _private_violations() -> set[tuple[str, str]]:
    bad = set()
    for name in MODULES:
        if _top(name) not in ("desk", "cli", "ledgers"):
            continue
        for other in imports(name):
            parts = other.split(".")
            if (
                len(parts) > 2
                and parts[1] in FAMILIES
                and any(part.startswith("_") for part in parts[2:])
            ):
                bad.add((name, other))
    return bad


def _circles(*, deferred: bool) -> set[tuple[str, ...]]:
    """The strongly connected components of more than one module (Tarjan), over the imports
    run at import time, and with ``deferred`` the imports inside functions too."""
    graph = {name: sorted(imports(name, deferred=deferred, typing=False)) for name in MODULES}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: set[tuple[str, ...]] = set()

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph.get(node, ()):
            if nxt not in graph:
                continue
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.add(tuple(sorted(component)))

    for name in sorted(graph):
        if name not in index:
            visit(name)
    return found


def _check(found: set, known: frozenset, what: str) -> None:
    new = sorted(found - known)
    gone = sorted(known - found)
    print(f"{what} today ({len(found)}):", *sorted(found), sep="\n  ")
    assert not new, f"new {what} (fix them, do not list them): {new}"
    assert not gone, f"{what} gone, remove them from KNOWN_TODAY: {gone}"


def test_every_module_has_a_layer() -> None:
    assert {_top(name) for name in MODULES} <= set(_RANK)


def test_arrows_point_down() -> None:
    _check(_layer_violations(), KNOWN_TODAY_LAYERS, "upward or cross-family imports")


def test_edges_import_no_private_family_module() -> None:
    _check(_private_violations(), KNOWN_TODAY_PRIVATE, "private family imports of the edges")


def test_no_import_circles() -> None:
    _check(_circles(deferred=False), frozenset(), "import circles")


def test_no_import_circles_hidden_in_functions() -> None:
    """A circle broken only by an import inside a function (``# avoids a cycle``) is still one."""
    _check(_circles(deferred=True), KNOWN_TODAY_CIRCLES, "import circles through deferred imports")


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("from qsdomain import _checks, limits", {"qsdomain._checks", "qsdomain.limits"}),
        ("from qsdomain import __version__", {"qsdomain"}),
        ("from . import _tables", {"qsdomain.sampling._tables"}),
        ("from ._oc import x", {"qsdomain.sampling._oc"}),
        ("import qsdomain.errors", {"qsdomain.errors"}),
        ("if TYPE_CHECKING:\n    from qsdomain import desk", set()),
        ("def f():\n    from qsdomain import desk", set()),
    ],
)
def test_the_reader_reads_imports(
    source: str, expected: set[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "_probe.py"
    path.write_text(source, encoding="utf-8")
    monkeypatch.setitem(MODULES, "qsdomain.sampling._probe", (path, False))
    assert imports("qsdomain.sampling._probe", deferred=False, typing=False) == expected
