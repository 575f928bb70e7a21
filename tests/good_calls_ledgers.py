"""Good calls of the ledger readers' public callables."""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Iterable, Mapping
from typing import IO

from good_calls import Call
from qsdomain import ledgers

ROW = ledgers.Row(2, {"id": "JL-0001", "limit": "20", "on": "2026-09-28", "ratio": "0.8"})


def _rewound(source: str | os.PathLike[str] | IO[str]) -> str | os.PathLike[str] | IO[str]:
    """The same stream serves every misuse case of a reader: each reads it from the start."""
    if isinstance(source, io.StringIO):
        source.seek(0)
    return source


def _read_csv(
    source: str | os.PathLike[str] | IO[str],
    *,
    header_map: Mapping[str, str] | None = None,
    required: Iterable[str] = (),
    known: Iterable[str] | None = None,
    rejects: ledgers.RejectSink | None = None,
) -> list[ledgers.Row]:
    """The generator drained, so that its checks run."""
    rows = ledgers.read_csv(
        _rewound(source), header_map=header_map, required=required, known=known, rejects=rejects
    )
    return list(rows)


def _read_json(
    source: str | os.PathLike[str] | IO[str],
    *,
    header_map: Mapping[str, str] | None = None,
    known: Iterable[str] | None = None,
    rejects: ledgers.RejectSink | None = None,
) -> list[ledgers.Row]:
    """The generator drained, so that its checks run."""
    rows = ledgers.read_json_rows(
        _rewound(source), header_map=header_map, known=known, rejects=rejects
    )
    return list(rows)


def _ledger_rows(
    path: str | os.PathLike[str],
    *,
    header_map: Mapping[str, str] | None = None,
    known: Iterable[str] | None = None,
    required: Iterable[str] = (),
    rejects: ledgers.RejectSink | None = None,
) -> list[ledgers.Row]:
    """The generator drained, so that its checks run."""
    rows = ledgers.ledger_rows(
        path, header_map=header_map, known=known, required=required, rejects=rejects
    )
    return list(rows)


def _a_ledger() -> str:
    folder = tempfile.mkdtemp(prefix="qsdomain-good-calls-")
    path = os.path.join(folder, "lots.csv")
    with open(path, "w", encoding="utf-8") as out:
        out.write("编号,limit\nA,20\n")
    return path


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
    "ledgers.Rejects": Call(ledgers.Rejects, (), {"keep": 5}),
    "ledgers.Rejects.add": Call(
        ledgers.Rejects().add, (ledgers.RowRejected(3, "line 3: on", "2026-13-01", "a date"),)
    ),
    "ledgers.Rejects.lines": Call(ledgers.Rejects().lines, ()),
    "ledgers.RowRejected": Call(ledgers.RowRejected, (3, "line 3: on", "2026-13-01", "a date")),
    "ledgers.read_csv": Call(
        _read_csv,
        (io.StringIO("编号,limit\nA,20\n"),),
        {
            "header_map": {"编号": "id"},
            "required": ["id"],
            "known": ["id", "limit"],
            "rejects": None,
        },
    ),
    "ledgers.read_json_rows": Call(
        _read_json,
        (io.StringIO('[{"编号": "A"}]'),),
        {"header_map": {"编号": "id"}, "known": ["id", "limit"], "rejects": None},
    ),
    "ledgers.parse_rows": Call(_parse, ([ROW],)),
    "ledgers.ledger_rows": Call(
        _ledger_rows,
        (_a_ledger(),),
        {
            "header_map": {"编号": "id"},
            "known": ["id", "limit"],
            "required": ["id"],
            "rejects": None,
        },
    ),
}
