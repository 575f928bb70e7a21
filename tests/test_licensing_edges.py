"""The edges (command line, desk, ledgers, serialization) use licensing's public names (#19)."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src" / "qsdomain"


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_no_module_outside_licensing_imports_a_private_licensing_module() -> None:
    offenders = {
        str(path.relative_to(SRC)): sorted(
            m for m in _imports(path) if m.startswith("qsdomain.licensing._")
        )
        for path in SRC.rglob("*.py")
        if "licensing" not in path.relative_to(SRC).parts[:1]
    }
    assert {path: mods for path, mods in offenders.items() if mods} == {}
