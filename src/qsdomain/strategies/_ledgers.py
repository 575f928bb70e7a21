"""Strategies for :mod:`qsdomain.ledgers`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from hypothesis import strategies as st

from qsdomain.ledgers import Row, RowRejected

__all__ = ["LEDGER_STRATEGIES", "ledger_rows", "row_rejections"]

_NAMES = st.text(st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), min_size=1,
                 max_size=12).filter(str.strip)  # fmt: skip
_CELLS = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=20)


def ledger_rows() -> st.SearchStrategy[Row]:
    """Ledger rows with up to six fields of any text.

    >>> from hypothesis import find
    >>> from qsdomain.strategies import ledger_rows
    >>> find(ledger_rows(), lambda row: row.line > 1).line
    2
    """
    return st.builds(Row, st.integers(1, 10**6), st.dictionaries(_NAMES, _CELLS, max_size=6))


def row_rejections() -> st.SearchStrategy[RowRejected]:
    """Rejected rows with a field, a value and a reason.

    >>> from hypothesis import find
    >>> from qsdomain.strategies import row_rejections
    >>> find(row_rejections(), lambda r: r.value == "").value
    ''
    """
    return st.builds(RowRejected, st.integers(1, 10**6), _NAMES, _CELLS, _NAMES)


LEDGER_STRATEGIES: dict[Any, Callable[[], st.SearchStrategy[Any]]] = {
    Row: ledger_rows,
    RowRejected: row_rejections,
}
