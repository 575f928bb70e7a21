"""Good calls of the ledger readers' public callables."""

from __future__ import annotations

import io
import os
from typing import IO

from good_calls import Call
from qsdomain import ledgers

ROW = ledgers.Row(2, {"id": "JL-0001", "limit": "20", "on": "2026-09-28", "ratio": "0.8"})


def _read_csv(source: str | os.PathLike[str] | IO[str]) -> list[ledgers.Row]:
    """The generator drained, so that its checks run."""
    return list(ledgers.read_csv(source, required=["id"]))


def _read_json(source: str | os.PathLike[str] | IO[str]) -> list[ledgers.Row]:
    """The generator drained, so that its checks run."""
    return list(ledgers.read_json_rows(source))


def _parse(rows: list[ledgers.Row]) -> list[object]:
    """The generator drained, so that its checks run."""
    return list(ledgers.parse_rows(rows, lambda row: row.whole("limit")))


GOOD_CALLS: dict[str, Call] = {
    "ledgers.Row": Call(ledgers.Row, (2, {"id": "A"})),
    "ledgers.Row.text": Call(ROW.text, ("id",), {"required": True}),
    "ledgers.Row.date": Call(ROW.date, ("on",), {"required": True}),
    "ledgers.Row.whole": Call(ROW.whole, ("limit",), {"low": 0, "high": 60, "required": True}),
    "ledgers.Row.number": Call(ROW.number, ("ratio",), {"required": True}),
    "ledgers.Row.choice": Call(ROW.choice, ("id", {"JL-0001": "a"}), {"required": True}),
    "ledgers.RowRejected": Call(ledgers.RowRejected, (3, "line 3: on", "2026-13-01", "a date")),
    "ledgers.read_csv": Call(_read_csv, (io.StringIO("id,limit\nA,20\n"),)),
    "ledgers.read_json_rows": Call(_read_json, (io.StringIO('[{"id": "A"}]'),)),
    "ledgers.parse_rows": Call(_parse, ([ROW],)),
}
