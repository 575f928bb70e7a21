"""Importing ledger files into the desk database: one transaction per file, nothing lost.

Each file is read with the same rules as the family commands (:mod:`qsdomain._formats`), so a
row ``qsdomain metrology due`` refuses is refused here with the same message. Without
``keep_going`` the first bad row stops the import and the database is left as it was; with it,
the good rows load and every rejected row goes to the rejects file with its line, field, value
and reason. Every table has a natural key, so importing the same file twice changes nothing.
"""

from __future__ import annotations

import contextlib
import csv
import datetime
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, TypeVar

from qsdomain._formats import commitments as case_format
from qsdomain._formats import ledger_rows
from qsdomain._formats import licensing as licence_format
from qsdomain._formats import metrology as instrument_format
from qsdomain._formats import sampling as lot_format
from qsdomain._spreadsheet import text_cell
from qsdomain.commitments import (
    Accepted,
    Case,
    DeficiencyNotified,
    Event,
    ExclusionStarted,
    ExtensionGranted,
    ServiceItem,
)
from qsdomain.desk._model import ImportSummary
from qsdomain.errors import InvalidInputError, QSDomainError
from qsdomain.ledgers import Row, RowRejected, parse_rows, read_json_rows
from qsdomain.licensing import Renewed, Suspended

__all__ = [
    "TABLES",
    "ImportRejectedError",
    "event_cells",
    "import_file",
    "is_file",
    "stored_items",
]

T = TypeVar("T")

#: The ledgers a file may go into, each with its canonical columns and Chinese headers.
TABLES: Mapping[str, tuple[tuple[str, ...], tuple[str, ...], Mapping[str, str]]] = {
    "instruments": (
        instrument_format.COLUMNS,
        instrument_format.REQUIRED,
        instrument_format.HEADERS,
    ),
    "licences": (
        licence_format.LICENCE_COLUMNS,
        licence_format.LICENCE_REQUIRED,
        licence_format.LICENCE_HEADERS,
    ),
    "licence_events": (
        licence_format.EVENT_COLUMNS,
        licence_format.EVENT_REQUIRED,
        licence_format.EVENT_HEADERS,
    ),
    "service_items": ((), (), {}),
    "cases": (case_format.COLUMNS, case_format.REQUIRED, case_format.HEADERS),
    "lots": (lot_format.COLUMNS, lot_format.REQUIRED, lot_format.HEADERS),
}

#: Rows written per ``executemany`` batch (bounded memory, few round trips).
_BATCH = 5_000


class ImportRejectedError(InvalidInputError):
    """A file was not imported because one of its rows is bad (and ``keep_going`` was off)."""


class _Log:
    """Counts rejected rows and writes each to the rejects file; or stops at the first."""

    def __init__(self, keep_going: bool, out: IO[str] | None, path: str) -> None:
        self.keep_going = keep_going
        self.count = 0
        self.path = path
        self.writer = None if out is None else csv.writer(out, lineterminator="\n")
        if self.writer is not None:
            self.writer.writerow(("line", "field", "value", "reason"))

    def add(self, rejected: RowRejected) -> None:
        if not self.keep_going:
            raise ImportRejectedError(
                f"{Path(self.path).name}: {rejected.field}",
                rejected.value,
                f"{rejected.reason} (nothing was imported; --keep-going loads the good rows)",
            )
        self.count += 1
        if self.writer is not None:
            self.writer.writerow(
                (
                    rejected.line,
                    text_cell(rejected.field),
                    text_cell(rejected.value),  # the ledger's text: never a live formula
                    text_cell(rejected.reason),
                )
            )


def _detect(path: str) -> str:
    """The table a file goes into, from its columns (or a service-item document)."""
    suffix = Path(path).suffix.lower()
    try:
        if suffix == ".json":
            with Path(path).open(encoding="utf-8-sig") as stream:
                head = stream.read(4096).lstrip()
            if head.startswith("{") and '"items"' in head:
                return "service_items"
            return _by_keys(path, _first_keys(path))
        with Path(path).open(encoding="utf-8-sig", newline="") as stream:
            header = next(csv.reader(stream), [])
    except UnicodeDecodeError as err:  # read strictly: bytes UTF-8 refuses never become text
        raise InvalidInputError("source", path, f"a UTF-8 file ({err})") from None
    return _by_keys(path, [h.strip() for h in header])


def _first_keys(path: str) -> list[str]:
    # The keys of the first readable object: a bad first row is the import's to reject.
    first = next(iter(read_json_rows(path, rejects=_Ignored())), None)
    return [] if first is None else list(first.fields)


class _Ignored:
    """A reject sink that keeps nothing (the table is detected before the import reads)."""

    def add(self, rejected: RowRejected) -> None:
        pass


def _by_keys(path: str, keys: list[str]) -> str:
    matches = []
    for table, (columns, required, headers) in TABLES.items():
        if not columns:
            continue
        names = {headers.get(k, k) for k in keys}
        if set(required) <= names <= set(columns):
            matches.append(table)
    if len(matches) != 1:
        raise InvalidInputError(
            "table",
            Path(path).name,
            "a file whose columns name one ledger (give the table: "
            + ", ".join(TABLES)
            + ("; these columns fit " + ", ".join(matches) if matches else "")
            + ")",
        )
    return matches[0]


def _rows(path: str, table: str, rejects: _Counted) -> Iterator[Row]:
    columns, required, headers = TABLES[table]
    return ledger_rows(path, header_map=headers, known=columns, required=required, rejects=rejects)


def _batched(
    conn: sqlite3.Connection, sql: str, values: Iterable[tuple[object, ...]]
) -> Iterator[int]:
    """Run ``sql`` for every value tuple in batches; yield the count of each batch."""
    batch: list[tuple[object, ...]] = []
    for value in values:
        batch.append(value)
        if len(batch) >= _BATCH:
            conn.executemany(sql, batch)
            yield len(batch)
            batch = []
    if batch:
        conn.executemany(sql, batch)
        yield len(batch)


class _Counted:
    """Rows counted as read: the data rows the reader gave (passed through), and the rows the
    reader itself rejected (an extra cell, a JSON object as a value ...: passed to ``log``)."""

    def __init__(self, log: _Log) -> None:
        self.log = log
        self.read = 0

    def add(self, rejected: RowRejected) -> None:
        self.read += 1
        self.log.add(rejected)

    def over(self, rows: Iterable[Row]) -> Iterator[Row]:
        for row in rows:
            self.read += 1
            yield row


# -- metrology ------------------------------------------------------------------------------------

_INSTRUMENT_SQL = (
    "INSERT INTO instruments (id, name, category, interval_months, supervision, scheme, regime,"
    " max_interval_months, usage_limit) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
    " ON CONFLICT (id) DO UPDATE SET name = excluded.name, category = excluded.category,"
    " interval_months = excluded.interval_months, supervision = excluded.supervision,"
    " scheme = excluded.scheme, regime = excluded.regime,"
    " max_interval_months = excluded.max_interval_months, usage_limit = excluded.usage_limit"
)
_VERIFICATION_SQL = (
    "INSERT INTO verifications (instrument_id, verified_on, outcome, as_found, usage)"
    " VALUES (?, ?, ?, ?, ?) ON CONFLICT (instrument_id, verified_on, outcome) DO UPDATE SET"
    " as_found = excluded.as_found, usage = excluded.usage"
)


def _months(term: object) -> int | None:
    if term is None:
        return None
    years, months = getattr(term, "years", 0), getattr(term, "months", 0)
    return int(years) * 12 + int(months)


def _instruments(conn: sqlite3.Connection, rows: Iterable[Row], log: _Log) -> int:
    build = instrument_format._builder(datetime.date.max)
    entries = _kept(parse_rows(rows, build), log)
    loaded = 0
    pending: list[tuple[object, ...]] = []
    records: list[tuple[object, ...]] = []
    for instrument, history in instrument_format._histories(entries, log):
        pending.append(
            (
                instrument.id,
                instrument.name,
                instrument.category,
                _months(instrument.interval),
                None if instrument.supervision is None else instrument.supervision.value,
                instrument.scheme.value,
                instrument.regime.value,
                _months(instrument.max_interval),
                instrument.usage_limit,
            )
        )
        records.extend(
            (instrument.id, r.on.isoformat(), r.outcome.value, r.as_found, r.usage) for r in history
        )
        loaded += max(1, len(history))
        if len(pending) >= _BATCH:
            _flush(conn, pending, records)
    _flush(conn, pending, records)
    return loaded


def _flush(
    conn: sqlite3.Connection, pending: list[tuple[object, ...]], records: list[tuple[object, ...]]
) -> None:
    conn.executemany(_INSTRUMENT_SQL, pending)
    conn.executemany(_VERIFICATION_SQL, records)
    pending.clear()
    records.clear()


def _kept(items: Iterable[T | RowRejected], log: _Log) -> Iterator[T]:
    """The built items; each rejection goes to ``log``."""
    for item in items:
        if isinstance(item, RowRejected):
            log.add(item)
        else:
            yield item


# -- licensing -----------------------------------------------------------------------------------

_LICENCE_SQL = (
    "INSERT INTO licences (number, kind, holder, issued, valid_until, scope)"
    " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (number) DO UPDATE SET kind = excluded.kind,"
    " holder = excluded.holder, issued = excluded.issued, valid_until = excluded.valid_until,"
    " scope = excluded.scope"
)
_EVENT_SQL = (
    "INSERT INTO licence_events (number, event, on_day, until, valid_until, note)"
    " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (number, event, on_day) DO UPDATE SET"
    " until = excluded.until, valid_until = excluded.valid_until, note = excluded.note"
)


def _licences(conn: sqlite3.Connection, rows: Iterable[Row], log: _Log) -> int:
    build = licence_format.licence_builder(licence_format.kind_names())
    seen: set[str] = set()

    def values() -> Iterator[tuple[object, ...]]:
        for row, item in _paired(rows, build, log):
            if item.number in seen:
                log.add(
                    RowRejected(
                        row.line,
                        f"line {row.line}: number",
                        item.number,
                        "a number not used by an earlier row of the file",
                    )
                )
                continue
            seen.add(item.number)
            valid_until = None if item.valid_until is None else item.valid_until.isoformat()
            yield (
                item.number,
                item.kind.code,
                item.holder,
                item.issued.isoformat(),
                valid_until,
                item.scope,
            )

    return sum(_batched(conn, _LICENCE_SQL, values()))


def _paired(rows: Iterable[Row], build: Callable[[Row], T], log: _Log) -> Iterator[tuple[Row, T]]:
    for row in rows:
        try:
            yield row, build(row)
        except QSDomainError as err:
            log.add(_as_rejected(row.line, err))


def _as_rejected(line: int, err: QSDomainError) -> RowRejected:
    if isinstance(err, InvalidInputError):
        field = err.field if err.field.startswith("line ") else f"line {line}: {err.field}"
        value = err.value.isoformat() if isinstance(err.value, datetime.date) else err.value
        return RowRejected(line, field, str(value)[:200], err.allowed)
    return RowRejected(line, f"line {line}", "", str(err))


def _licence_events(conn: sqlite3.Connection, rows: Iterable[Row], log: _Log) -> int:
    known = conn.execute("SELECT number FROM licences")
    numbers = {row[0] for row in known}

    def values() -> Iterator[tuple[object, ...]]:
        for row, dated in _paired(rows, licence_format.event_row, log):
            if dated.number not in numbers:
                log.add(
                    RowRejected(
                        row.line,
                        f"line {row.line}: number",
                        dated.number,
                        "a licence number in the desk's register (import the licences first)",
                    )
                )
                continue
            event = dated.event
            until = event.until.isoformat() if isinstance(event, Suspended) else None
            valid = (
                event.valid_until.isoformat()
                if isinstance(event, Renewed) and event.valid_until is not None
                else None
            )
            code = licence_format.EVENT_CODES[type(event)]
            yield (dated.number, code, event.on.isoformat(), until, valid, event.note)

    return sum(_batched(conn, _EVENT_SQL, values()))


# -- commitments ---------------------------------------------------------------------------------


def _service_items(conn: sqlite3.Connection, path: str) -> tuple[int, int]:
    from qsdomain.serialization import to_json  # noqa: PLC0415 - start-up time

    data = case_format.document(path)
    if data.get("cases"):
        raise InvalidInputError(
            "cases",
            f"{len(data['cases'])} cases" if isinstance(data["cases"], list) else data["cases"],
            "none in a service-item document (import cases as an event ledger, cases.csv)",
        )
    found = case_format.items_list(data.get("items", []), "items")
    conn.executemany(
        "INSERT INTO service_items (code, name, document) VALUES (?, ?, ?)"
        " ON CONFLICT (code) DO UPDATE SET name = excluded.name, document = excluded.document",
        [(code, item.name, to_json(item)) for code, item in found.items()],
    )
    return len(found), len(found)


def stored_items(conn: sqlite3.Connection) -> dict[str, ServiceItem]:
    """The service items in the database, by code."""
    from qsdomain.serialization import from_json  # noqa: PLC0415 - start-up time

    return {
        code: from_json(document, ServiceItem)
        for code, document in conn.execute("SELECT code, document FROM service_items")
    }


def event_cells(event: Event) -> tuple[object, ...]:
    """An event's columns: event, at, missing, outstanding, kind, notified, days, by, reason."""
    code = case_format.EVENT_CODES[type(event)]
    missing = "；".join(event.missing) if isinstance(event, DeficiencyNotified) else None
    outstanding = "；".join(event.outstanding) if isinstance(event, Accepted) else None
    kind = notified = None
    days = by = reason = None
    if isinstance(event, ExclusionStarted):
        kind = event.kind.value
        notified = None if event.notified is None else event.notified.isoformat()
    if isinstance(event, ExtensionGranted):
        days, by, reason = event.days, event.by, event.reason
    return (
        code,
        event.at.isoformat(),
        missing or None,
        outstanding or None,
        kind,
        notified,
        days,
        by,
        reason,
    )


_CASE_SQL = (
    "INSERT INTO case_events (case_id, seq, item, handler, event, at, missing, outstanding,"
    " kind, notified, days, approver, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def _cases(conn: sqlite3.Connection, rows: Iterable[Row], log: _Log) -> int:
    items = stored_items(conn)
    if not items:
        raise InvalidInputError(
            "service_items", "none", "service items in the desk (import service_items.json first)"
        )
    loaded = 0
    batch: list[tuple[object, ...]] = []
    cases: list[str] = []
    for _, case in case_format.ledger_cases(rows, items, log):
        cases.append(case.id)
        batch.extend(_case_values(case))
        loaded += len(case.events)
        if len(batch) >= _BATCH:
            _flush_cases(conn, cases, batch)
    _flush_cases(conn, cases, batch)
    return loaded


def _case_values(case: Case) -> Iterator[tuple[object, ...]]:
    for seq, event in enumerate(case.events):
        yield (case.id, seq, case.item.code, case.handler, *event_cells(event))


def _flush_cases(
    conn: sqlite3.Connection, cases: list[str], batch: list[tuple[object, ...]]
) -> None:
    # A case in a file replaces the case's stored events (a later export carries the whole case).
    conn.executemany("DELETE FROM case_events WHERE case_id = ?", [(c,) for c in cases])
    conn.executemany(_CASE_SQL, batch)
    cases.clear()
    batch.clear()


# -- sampling ------------------------------------------------------------------------------------

_LOT_SQL = (
    "INSERT INTO lots (lot_id, product, received, lot_size, aql, level, nonconforming_found)"
    " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (lot_id) DO UPDATE SET product = excluded.product,"
    " received = excluded.received, lot_size = excluded.lot_size, aql = excluded.aql,"
    " level = excluded.level, nonconforming_found = excluded.nonconforming_found"
)


def _lots(conn: sqlite3.Connection, rows: Iterable[Row], log: _Log) -> int:
    def values() -> Iterator[tuple[object, ...]]:
        for _, lot in _paired(rows, lot_format.lot_row, log):
            yield (
                lot.lot_id,
                lot.product,
                lot.received.isoformat(),
                lot.lot_size,
                lot.aql,
                lot.level,
                lot.nonconforming_found,
            )

    return sum(_batched(conn, _LOT_SQL, values()))


_LOADERS: Mapping[str, Callable[[sqlite3.Connection, Iterable[Row], _Log], int]] = {
    "instruments": _instruments,
    "licences": _licences,
    "licence_events": _licence_events,
    "cases": _cases,
    "lots": _lots,
}


def is_file(path: str) -> bool:
    """Whether ``path`` names an existing file (a name the system refuses is not one)."""
    try:
        return Path(path).is_file()
    except (OSError, ValueError):
        return False


def import_file(
    conn: sqlite3.Connection,
    path: str | os.PathLike[str],
    *,
    table: str | None = None,
    keep_going: bool = False,
    rejects: str | os.PathLike[str] | None = None,
) -> ImportSummary:
    """Load one ledger file into ``conn`` in one transaction; return what it did."""
    name = os.fspath(path)
    if not is_file(name):
        raise InvalidInputError("path", name, "an existing ledger file")
    if table is None:
        table = _detect(name)
    elif table not in TABLES:
        raise InvalidInputError("table", table, "one of " + ", ".join(TABLES))
    with contextlib.ExitStack() as stack:
        out = (
            None
            if rejects is None
            else stack.enter_context(Path(rejects).open("w", encoding="utf-8", newline=""))
        )
        log = _Log(keep_going, out, name)
        conn.execute("BEGIN")
        try:
            if table == "service_items":
                read, loaded = _service_items(conn, name)
            else:
                counted = _Counted(log)
                loaded = _LOADERS[table](conn, counted.over(_rows(name, table, counted)), log)
                read = counted.read
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return ImportSummary(path=name, table=table, read=read, loaded=loaded, rejected=read - loaded)
