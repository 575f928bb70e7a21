"""Importing ledger files into the desk database: one transaction per file, nothing lost.

Each file is read with the same rules as the family commands (:mod:`qsdomain.ledgers`), so a
row ``qsdomain metrology due`` refuses is refused here with the same message. Without
``keep_going`` the first bad row stops the import and the database is left as it was; with it,
the good rows load and every rejected row goes to the rejects file with its line, field, value
and reason. Every table has a natural key, so importing the same file twice changes nothing.
A row repeating a natural key of its file is rejected naming both lines (the shared readers'
rule). In ``replace`` mode (the default) a file replaces the stored records of the instruments
and the stored events of the licences it names; in ``merge`` mode it adds to them.
"""

from __future__ import annotations

import csv
import datetime
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import TypeVar

from qsdomain._files import Replacement, is_regular, refuse_special, special_kind
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
from qsdomain.ledgers import Row, RowRejected, ledger_rows, parse_rows, read_json_rows
from qsdomain.ledgers import commitments as case_format
from qsdomain.ledgers import licensing as licence_format
from qsdomain.ledgers import metrology as instrument_format
from qsdomain.ledgers import sampling as lot_format
from qsdomain.licensing import Renewed, Suspended
from qsdomain.rejects import Rejects

__all__ = [
    "MODES",
    "TABLES",
    "ImportRejectedError",
    "event_cells",
    "import_file",
    "is_file",
    "rejects_target",
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


class _Log(Rejects):
    """The library's reject sink (:class:`qsdomain.rejects.Rejects`, counting every rejected
    row) that also writes each to the rejects file; or stops at the first (no ``keep_going``).

    The rejects file is written only if a row is rejected, to a temporary file beside it that
    :meth:`Replacement.commit` moves into place at the end (or :meth:`Replacement.discard`
    removes, when the import fails). Nothing is kept in memory: the file holds them all."""

    __slots__ = ("keep_going", "out", "path", "write")

    def __init__(self, keep_going: bool, out: Replacement | None, path: str) -> None:
        super().__init__(keep=0)
        self.keep_going = keep_going
        self.path = path
        self.out = out
        self.write: Callable[[tuple[object, ...]], object] | None = None

    def add(self, rejected: RowRejected) -> None:
        if not self.keep_going:
            raise ImportRejectedError(
                f"{Path(self.path).name}: {rejected.field}",
                rejected.value,
                f"{rejected.reason} (nothing was imported; --keep-going loads the good rows)",
            )
        super().add(rejected)
        if self.out is not None and self.write is None:
            self.write = csv.writer(self.out.open(), lineterminator="\n").writerow
            self.write(("line", "field", "value", "reason"))
        if self.write is not None:
            self.write(
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
        if suffix in (".json", ".jsonl"):
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
    "INSERT INTO verifications (instrument_id, verified_on, seq, outcome, as_found, usage)"
    " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (instrument_id, verified_on, outcome) DO UPDATE SET"
    " as_found = excluded.as_found, usage = excluded.usage"
)
#: Import modes: in ``replace`` a file is the whole truth for the keys it names (an
#: instrument's records, a licence's events); in ``merge`` its rows are added to the stored
#: ones, a row with a stored natural key updating it.
MODES = ("replace", "merge")


def _first_seq(conn: sqlite3.Connection, table: str, mode: str) -> int | None:
    """Where a file's ``seq`` numbers start: ``None`` in ``replace`` mode (each key's rows
    are numbered from 0: its stored rows are deleted first, so the same file gives the same
    rows); in ``merge`` mode after every stored one, so a new row of a day comes after the
    stored rows of that day. A stored row the file repeats keeps its place (its natural key
    is updated, not its ``seq``): importing a file twice changes nothing in either mode."""
    if mode == "replace":
        return None
    found = conn.execute(f"SELECT max(seq) FROM {table}").fetchone()[0]  # table: one of ours
    return 0 if found is None else int(found) + 1


def _months(term: object) -> int | None:
    if term is None:
        return None
    years, months = getattr(term, "years", 0), getattr(term, "months", 0)
    return int(years) * 12 + int(months)


def _instruments(conn: sqlite3.Connection, rows: Iterable[Row], log: _Log, mode: str) -> int:
    build = instrument_format.builder(datetime.date.max)
    entries = _kept(parse_rows(rows, build), log)
    loaded = 0
    first = _first_seq(conn, "verifications", mode)
    seq = 0
    pending: list[tuple[object, ...]] = []
    records: list[tuple[object, ...]] = []
    for instrument, history in instrument_format.histories(entries, log):
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
        if first is not None:
            seq, first = first, first + len(history)
        for n, r in enumerate(history, seq):
            records.append(
                (instrument.id, r.on.isoformat(), n, r.outcome.value, r.as_found, r.usage)
            )
        loaded += max(1, len(history))
        if len(pending) >= _BATCH:
            _flush(conn, pending, records, mode)
    _flush(conn, pending, records, mode)
    return loaded


def _flush(
    conn: sqlite3.Connection,
    pending: list[tuple[object, ...]],
    records: list[tuple[object, ...]],
    mode: str,
) -> None:
    conn.executemany(_INSTRUMENT_SQL, pending)
    if mode == "replace":  # the file's rows of an instrument are its whole history
        conn.executemany(
            "DELETE FROM verifications WHERE instrument_id = ?", [(p[0],) for p in pending]
        )
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
    "INSERT INTO licence_events (number, event, on_day, seq, until, valid_until, note)"
    " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (number, event, on_day) DO UPDATE SET"
    " until = excluded.until, valid_until = excluded.valid_until, note = excluded.note"
)


def _licences(conn: sqlite3.Connection, rows: Iterable[Row], log: _Log, mode: str) -> int:
    del mode  # one row per licence: a register row always replaces the stored one
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


def _licence_events(conn: sqlite3.Connection, rows: Iterable[Row], log: _Log, mode: str) -> int:
    known = conn.execute("SELECT number FROM licences")
    numbers = {row[0] for row in known}
    # The family command's reader: the same rejections (a repeated event), the same order.
    found = licence_format.events_by_number(rows, Path(log.path).name, log)
    first = _first_seq(conn, "licence_events", mode)
    values: list[tuple[object, ...]] = []
    for number, events in found.items():
        if number not in numbers:
            for dated in events:
                log.add(
                    RowRejected(
                        dated.line,
                        f"line {dated.line}: number",
                        number,
                        "a licence number in the desk's register (import the licences first)",
                    )
                )
            continue
        seq = 0
        if first is not None:
            seq, first = first, first + len(events)
        for n, dated in enumerate(events, seq):
            event = dated.event
            until = event.until.isoformat() if isinstance(event, Suspended) else None
            valid = (
                event.valid_until.isoformat()
                if isinstance(event, Renewed) and event.valid_until is not None
                else None
            )
            code = licence_format.EVENT_CODES[type(event)]
            values.append((number, code, event.on.isoformat(), n, until, valid, event.note))
    if mode == "replace":  # the file's events of a licence are its whole history
        conn.executemany(
            "DELETE FROM licence_events WHERE number = ?",
            [(number,) for number in found if number in numbers],
        )
    return sum(_batched(conn, _EVENT_SQL, values))


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


def _cases(conn: sqlite3.Connection, rows: Iterable[Row], log: _Log, mode: str) -> int:
    del mode  # a case in a file is always the whole case (an export carries whole cases)
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


def _lots(conn: sqlite3.Connection, rows: Iterable[Row], log: _Log, mode: str) -> int:
    del mode  # one row per lot: a lot's row always replaces the stored one

    def values() -> Iterator[tuple[object, ...]]:
        for _, lot in lot_format.lots(rows, log):
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


_LOADERS: Mapping[str, Callable[[sqlite3.Connection, Iterable[Row], _Log, str], int]] = {
    "instruments": _instruments,
    "licences": _licences,
    "licence_events": _licence_events,
    "cases": _cases,
    "lots": _lots,
}


def is_file(path: str) -> bool:
    """Whether ``path`` names an existing regular file (a name the system refuses is not one)."""
    return is_regular(path)


def _same(one: str, other: str) -> bool:
    """Whether two paths name one file (symlinks, ``./x``, hard links), for files that exist."""
    try:
        return os.path.samefile(one, other)
    except (OSError, ValueError):
        return False


def _database(conn: sqlite3.Connection) -> str | None:
    row = conn.execute("PRAGMA database_list").fetchone()
    return row[2] if row is not None and row[2] else None


def rejects_target(
    conn: sqlite3.Connection, source: str, rejects: str, *, overwrite: bool
) -> Replacement:
    """Where a file's rejected rows may go: never over the ledger itself or the database, and
    over an existing file only with ``overwrite``; refused with a typed error naming the path
    and the remedy."""
    if _same(rejects, source):
        raise InvalidInputError(
            "rejects", rejects, "a file other than the ledger being imported (name another path)"
        )
    database = _database(conn)
    if database is not None and _same(rejects, database):
        raise InvalidInputError(
            "rejects", rejects, "a file other than the desk database (name another path)"
        )
    what = special_kind(rejects)
    if what is not None:
        raise InvalidInputError("rejects", rejects, f"a file path (this is {what})")
    if os.path.lexists(rejects) and not overwrite:
        raise InvalidInputError(
            "rejects",
            rejects,
            "a path where no file exists (name another, or replace it: --force on the "
            "command line, overwrite=True in Python)",
        )
    if not os.path.isdir(os.path.dirname(os.path.abspath(rejects))):
        raise InvalidInputError("rejects", rejects, "a path in an existing folder")
    return Replacement(rejects, field="rejects")


def import_file(
    conn: sqlite3.Connection,
    path: str | os.PathLike[str],
    *,
    table: str | None = None,
    keep_going: bool = False,
    rejects: str | os.PathLike[str] | None = None,
    overwrite: bool = False,
    mode: str = "replace",
) -> ImportSummary:
    """Load one ledger file into ``conn`` in one transaction; return what it did.

    ``mode`` (:data:`MODES`): ``replace`` makes the file the whole truth for the instruments'
    records and the licences' events it names; ``merge`` adds its rows to the stored ones.
    """
    name = os.fspath(path)
    refuse_special("path", name)
    if not isinstance(mode, str) or mode not in MODES:
        raise InvalidInputError("mode", mode, "one of " + ", ".join(MODES))
    if not is_file(name):
        raise InvalidInputError("path", name, "an existing ledger file")
    if table is None:
        table = _detect(name)
    elif table not in TABLES:
        raise InvalidInputError("table", table, "one of " + ", ".join(TABLES))
    out = None
    if rejects is not None and keep_going:
        out = rejects_target(conn, name, os.fspath(rejects), overwrite=overwrite)
    log = _Log(keep_going, out, name)
    # IMMEDIATE: take the write lock now (waiting busy_timeout for another writer), not at
    # the first insert after reads, where WAL would refuse the upgrade without waiting.
    conn.execute("BEGIN IMMEDIATE")
    try:
        if table == "service_items":
            read, loaded = _service_items(conn, name)
        else:
            counted = _Counted(log)
            loaded = _LOADERS[table](conn, counted.over(_rows(name, table, counted)), log, mode)
            read = counted.read
        if out is not None and out.stream is not None:
            if not overwrite and os.path.lexists(out.target):  # made while this file was read
                rejects_target(conn, name, out.target, overwrite=False)
            out.commit()  # the rejects in place before the rows: none is ever lost
        conn.execute("COMMIT")
    except BaseException:
        if out is not None:
            out.discard()
        if conn.in_transaction:  # SQLite rolls back itself on some errors (a full disk)
            conn.execute("ROLLBACK")
        raise
    return ImportSummary(path=name, table=table, read=read, loaded=loaded, rejected=read - loaded)
