"""Run every example in the docs and in the library's docstrings as a test (Sybil)."""

from __future__ import annotations

from doctest import ELLIPSIS, NORMALIZE_WHITESPACE

from hypothesis import settings
from sybil import Sybil
from sybil.parsers.myst import DocTestDirectiveParser, PythonCodeBlockParser
from sybil.parsers.rest import DocTestParser
from sybil.sybil import SybilCollection

_FLAGS = ELLIPSIS | NORMALIZE_WHITESPACE

# No example database: a run never depends on what an earlier run found (docstring examples that
# use hypothesis.find then always show the fully shrunk example, whatever ran before).
settings.register_profile("qsdomain", database=None)
settings.load_profile("qsdomain")

_docs = Sybil(
    parsers=[
        PythonCodeBlockParser(doctest_optionflags=_FLAGS),
        DocTestDirectiveParser(optionflags=_FLAGS),
    ],
    patterns=["*.md"],
    path="docs",
    excludes=["_build/*"],
)
_readme = Sybil(
    parsers=[PythonCodeBlockParser(doctest_optionflags=_FLAGS)],
    patterns=["README.md"],
    path=".",
)
_docstrings = Sybil(
    parsers=[DocTestParser(optionflags=_FLAGS)],
    patterns=["*.py"],
    path="src",
)

pytest_collect_file = SybilCollection([_docs, _readme, _docstrings]).pytest()
