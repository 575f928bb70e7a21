"""Ledger formats (台账格式): the columns, Chinese headers and row builders of each family's ledger.

Private to the library's edges: the command line (:mod:`qsdomain.cli`) and the desk
(:mod:`qsdomain.desk`) read the same files with the same rules, so a row the command line
refuses is refused by ``desk import`` with the same message. Rule families never import this.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path

import attrs

from qsdomain.ledgers import RejectSink, Row, read_csv, read_json_rows

__all__ = ["RejectSink", "ledger_rows"]


def ledger_rows(
    path: str,
    *,
    header_map: Mapping[str, str],
    known: Iterable[str],
    required: Iterable[str] = (),
    rejects: RejectSink | None = None,
) -> Iterator[Row]:
    """The rows of the ledger at ``path``: CSV, or JSON for ``.json``/``.jsonl`` files.

    With ``rejects``, a structurally bad row (an extra cell, a JSON value that is an object,
    a cell over the size limit ...) goes there with its line and reading goes on; without,
    it raises (:func:`qsdomain.ledgers.read_csv`).
    """
    if Path(path).suffix.lower() in (".json", ".jsonl"):
        rows = read_json_rows(path, header_map=header_map, known=known, rejects=rejects)
        required = tuple(required)
        return (_with_required(row, required) for row in rows)
    return read_csv(path, header_map=header_map, known=known, required=required, rejects=rejects)


def _with_required(row: Row, required: Sequence[str]) -> Row:
    """JSON rows have no header: a required key missing from an object is an empty cell."""
    missing = [name for name in required if name not in row.fields]
    return attrs.evolve(row, fields={**row.fields, **dict.fromkeys(missing, "")})
