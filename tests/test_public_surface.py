"""Rules for the public surface, checked over the whole tree.

1. No example (in ``docs/``, ``README.md`` or a docstring) imports from a module whose name
   starts with ``_``: what the docs show, a user can rely on.
2. Every name in a package's ``__all__`` has a docstring with a runnable ``>>>`` example
   (a class: its class docstring), except the short, explicit list below.
3. Every ``__all__`` is sorted and names only what the module defines or imports.

Each rule is also run on a small planted violation, so a rule that could never fail is noticed.
"""

from __future__ import annotations

import ast
import enum
import importlib
import importlib.util
import inspect
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "qsdomain"

PACKAGES = (
    "qsdomain",
    "qsdomain.errors",
    "qsdomain.limits",
    "qsdomain.periods",
    "qsdomain.calendars",
    "qsdomain.sampling",
    "qsdomain.serialization",
    "qsdomain.strategies",
    "qsdomain.metrology",
    "qsdomain.licensing",
    "qsdomain.commitments",
    "qsdomain.ledgers",
    "qsdomain.desk",
)

#: Names exempt from the example rule, with the reason. Enums and exceptions are listed by the
#: rule itself; this list is for the rest.
NO_EXAMPLE_NEEDED = {
    "qsdomain.__version__": "a version string",
}

# -- rule 1: no private imports in examples ---------------------------------------------------

_PRIVATE_IMPORT = re.compile(
    r"^\s*(?:>>>|\.\.\.)?\s*(?:from\s+qsdomain(?:\.\w+)*\._\w+|import\s+qsdomain(?:\.\w+)*\._\w+)"
    r"|^\s*(?:>>>|\.\.\.)?\s*from\s+qsdomain(?:\.\w+)*\s+import\s+(?:\(?\s*)_\w+",
    re.MULTILINE,
)


def private_imports(text: str) -> list[str]:
    """The example lines of ``text`` that import a private module or a private name."""
    return [m.group(0).strip() for m in _PRIVATE_IMPORT.finditer(text)]


def _example_texts() -> Iterator[tuple[str, str]]:
    """(where, text) for every Markdown page and every docstring in the package."""
    for page in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        yield str(page.relative_to(ROOT)), page.read_text(encoding="utf-8")
    for module in sorted(SRC.rglob("*.py")):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
                doc = ast.get_docstring(node, clean=False)
                if doc and ">>>" in doc:
                    name = getattr(node, "name", "<module>")
                    yield f"{module.relative_to(ROOT)}:{name}", doc


#: Pages whose examples may import private modules, with the reason.
MAINTAINER_PAGES = {
    "docs/contributing.md": "the maintainers' page: shows the private pieces a family is made of",
}


def test_no_example_imports_a_private_module() -> None:
    found = {
        where: lines
        for where, text in _example_texts()
        if where not in MAINTAINER_PAGES and (lines := private_imports(text))
    }
    assert found == {}


def test_the_private_import_rule_catches_a_planted_violation() -> None:
    planted = """
    >>> from qsdomain.sampling._switching import replay
    >>> from qsdomain.sampling import plan_for
    >>> import qsdomain.calendars._schedule as data
    ```python
    from qsdomain.sampling import _oc
    ```
    """
    assert len(private_imports(planted)) == 3
    assert private_imports(">>> from qsdomain.sampling import plan_for, Severity") == []


# -- rule 2: every public name has an example -------------------------------------------------


def _public_names() -> Iterator[tuple[str, object]]:
    for package in PACKAGES:
        if importlib.util.find_spec(package) is None:
            continue
        module = importlib.import_module(package)
        for name in module.__all__:
            yield f"{package}.{name}", getattr(module, name)


def needs_example(obj: object) -> bool:
    """Enums and exceptions may go without an example; everything else may not."""
    return not (isinstance(obj, type) and issubclass(obj, (enum.Enum, BaseException)))


def has_example(obj: object) -> bool:
    """Whether the object's own docstring (or, for a union alias, its module's) has ``>>>``."""
    doc = inspect.getdoc(obj) if (inspect.isclass(obj) or callable(obj)) else None
    if doc is None and not callable(obj):
        return True  # constants and type aliases: documented in their module's docstring
    return doc is not None and ">>>" in doc


def test_every_public_name_has_an_example() -> None:
    missing = sorted(
        qualified
        for qualified, obj in _public_names()
        if qualified not in NO_EXAMPLE_NEEDED and needs_example(obj) and not has_example(obj)
    )
    assert missing == [], "add a >>> example to the docstring of: " + ", ".join(missing)


def test_the_example_rule_catches_a_planted_violation() -> None:
    def documented() -> None:
        """Does a thing.

        >>> documented()
        """

    def undocumented() -> None:
        """Does a thing, but shows no example."""

    class Plain:
        """A class without an example."""

    class Colour(enum.Enum):
        RED = "red"

    assert has_example(documented)
    assert not has_example(undocumented)
    assert not has_example(Plain)
    assert not needs_example(Colour)
    assert not needs_example(ValueError)


# -- rule 3: __all__ sorted and real ------------------------------------------------------------


@pytest.mark.parametrize("package", [p for p in PACKAGES if importlib.util.find_spec(p)])
def test_all_is_sorted_and_resolves(package: str) -> None:
    module = importlib.import_module(package)
    names = list(module.__all__)
    # Plain code-point order, or ruff's isort-style order (CONSTANTS, Classes, functions).
    isort_style = sorted(names, key=lambda n: (0 if n.isupper() else 1 if n[0].isupper() else 2, n))
    assert names in (sorted(names), isort_style)
    for name in names:
        assert hasattr(module, name), f"{package}.__all__ names {name}, which does not exist"


# -- regressions --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "apply",
        "approve_reduced",
        "authority_requires_normal",
        "line_status",
        "lot_result",
        "production_irregular",
        "record",
        "replay",
        "resume_after_corrective_action",
        "table_source",
        "LineStatus",
        "Lot",
        "LotOutcome",
        "LotResult",
        "SwitchingState",
        "TableSource",
    ],
)
def test_what_the_sampling_docs_need_is_public(name: str) -> None:
    """Regression (issue #7): the switching functions were reachable only through the private
    module; the docs' and the desk's names stay in ``qsdomain.sampling.__all__``."""
    from qsdomain import sampling  # noqa: PLC0415

    assert name in sampling.__all__
