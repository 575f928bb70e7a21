"""The public surface of qsdomain.sampling: complete, sorted, documented with examples, and
never bypassed by the documentation (issue #7, parts 2 and 4)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from qsdomain import sampling

ROOT = Path(__file__).resolve().parent.parent

# Type aliases (unions) cannot carry a runtime docstring; theirs is the string after the alias
# in the source, which has an example too. Model's docstring belongs to the OC kernel.
NO_RUNTIME_DOCSTRING = {"SamplingPlan", "SwitchingEvent"}
EXEMPT = {"Model"}

PRIVATE_IMPORT = re.compile(
    r">>> (?:from|import) qsdomain(?:\.\w+)*\._\w+|>>> from qsdomain\S* import _"
)


def test_all_is_sorted_and_every_name_exists() -> None:
    assert sampling.__all__ == sorted(sampling.__all__)
    for name in sampling.__all__:
        assert hasattr(sampling, name), name


@pytest.mark.parametrize(
    "name",
    [
        "apply",
        "approve_reduced",
        "authority_requires_normal",
        "lot_result",
        "production_irregular",
        "record",
        "replay",
        "resume_after_corrective_action",
        "table_source",
        "TableSource",
        "LotResult",
        "SwitchingState",
    ],
)
def test_what_the_docs_need_is_public(name: str) -> None:
    """Regression: the switching functions were reachable only through the private module."""
    assert name in sampling.__all__


@pytest.mark.parametrize("name", sorted(set(sampling.__all__) - NO_RUNTIME_DOCSTRING - EXEMPT))
def test_every_public_name_has_an_example(name: str) -> None:
    doc = getattr(sampling, name).__doc__ or ""
    assert ">>>" in doc, f"{name} has no >>> example in its docstring"


def test_sampling_docs_and_docstrings_never_import_a_private_module() -> None:
    """Examples import what users may import: qsdomain.sampling, never qsdomain.sampling._x."""
    texts = [*(ROOT / "docs").glob("*.md"), ROOT / "README.md"]
    texts += (ROOT / "src" / "qsdomain" / "sampling").glob("*.py")
    texts += (ROOT / "src" / "qsdomain" / "strategies").glob("_sampling.py")
    offenders = [
        f"{path.name}: {match.group(0)}"
        for path in texts
        if path.exists()
        for match in PRIVATE_IMPORT.finditer(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
