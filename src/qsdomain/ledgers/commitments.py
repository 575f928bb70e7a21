"""How ``qsdomain commitments status`` reads its cases: an event ledger or a JSON document.

An event ledger (CSV, JSON Lines) has one row per event of a service case, a case's rows
contiguous and in order; a JSON document holds ``items`` (service items) and ``cases`` (each
``{"id", "item", "events", "handler"}``). Either way every rejected row or case is added to the
caller's :class:`~qsdomain.rejects.RejectSink` and reading goes on. The layouts are documented
in docs/commitments.md ("On the command line").
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from zoneinfo import ZoneInfo

import attrs

from qsdomain import limits
from qsdomain._files import refuse_special
from qsdomain.commitments import (
    EVENT_KINDS,
    Accepted,
    Case,
    DeficiencyNotified,
    Event,
    ExclusionEnded,
    ExclusionKind,
    ExclusionStarted,
    ExtensionGranted,
    MaterialsCompleted,
    Received,
    ServiceItem,
)
from qsdomain.errors import InvalidInputError, QSDomainError
from qsdomain.ledgers import Row, RowRejected
from qsdomain.rejects import RejectSink

__all__ = [
    "COLUMNS",
    "EVENTS",
    "EVENT_CODES",
    "EVENT_TYPES",
    "HEADERS",
    "KINDS",
    "REQUIRED",
    "TIME_ONLY",
    "document",
    "document_cases",
    "items_list",
    "ledger_cases",
]

# -- the event ledger -----------------------------------------------------------------------------

#: The columns of an event ledger (canonical names) and their Chinese headers.
HEADERS: dict[str, str] = {
    "办件编号": "case",
    "事项编码": "item",
    "环节": "event",
    "时间": "at",
    "承办人": "handler",
    "缺少材料": "missing",
    "容缺材料": "outstanding",
    "特殊环节": "kind",
    "告知日期": "notified",
    "延期天数": "days",
    "批准人": "by",
    "延期理由": "reason",
}
COLUMNS = tuple(HEADERS.values())
REQUIRED = ("case", "item", "event", "at")

#: The event kinds a ledger's ``event`` column may name, in English or Chinese.
EVENTS: dict[str, str] = {
    "received": "received",
    "收件": "received",
    "deficiency_notified": "deficiency_notified",
    "一次性告知": "deficiency_notified",
    "materials_completed": "materials_completed",
    "补正齐全": "materials_completed",
    "accepted": "accepted",
    "受理": "accepted",
    "exclusion_started": "exclusion_started",
    "特殊环节开始": "exclusion_started",
    "exclusion_ended": "exclusion_ended",
    "特殊环节结束": "exclusion_ended",
    "extension_granted": "extension_granted",
    "延期": "extension_granted",
    "progress_reported": "progress_reported",
    "进度告知": "progress_reported",
    "meeting_held": "meeting_held",
    "协调会": "meeting_held",
    "decided": "decided",
    "决定": "decided",
    "delivered": "delivered",
    "送达": "delivered",
    "withdrawn": "withdrawn",
    "撤回": "withdrawn",
}

#: Each event kind and the event class it names (the family's one table).
EVENT_TYPES: Mapping[str, Callable[..., Event]] = EVENT_KINDS
#: The kind of each event class (what the desk stores).
EVENT_CODES: Mapping[object, str] = {cls: code for code, cls in EVENT_TYPES.items()}
#: The kinds whose event carries only its time (read off the event classes' fields).
TIME_ONLY = frozenset(
    code for code, cls in EVENT_KINDS.items() if [f.name for f in attrs.fields(cls)] == ["at"]
)

#: ``kind`` cells: the art. 45 procedures by value or by their Chinese name.
KINDS: dict[str, str] = {k.value: k.value for k in ExclusionKind} | {
    k.chinese: k.value for k in ExclusionKind
}

_AT = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2})?(Z|[+-][0-9]{2}:[0-9]{2})?"
)
_LIST = re.compile(r"[;；、]")


def _at(row: Row, item: ServiceItem) -> datetime.datetime:
    """The ``at`` cell: ISO 8601 with an offset, or a local time read in the item's zone."""
    text = row.text("at")
    assert text is not None  # required
    if _AT.fullmatch(text):
        try:
            moment = datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            pass
        else:
            if moment.tzinfo is None:
                moment = moment.replace(tzinfo=ZoneInfo(item.zone))
            return moment
    raise InvalidInputError(
        f"line {row.line}: at",
        text,
        "a time YYYY-MM-DD HH:MM[:SS], with an offset such as +08:00 or read in the item's zone",
    )


def _list(row: Row, name: str) -> list[str]:
    text = row.text(name, required=False)
    return [] if text is None else [part.strip() for part in _LIST.split(text) if part.strip()]


def _event(row: Row, item: ServiceItem) -> Event:  # noqa: PLR0911 - one branch per event kind
    """The event one ledger row records."""
    kind = row.choice("event", EVENTS)
    at = _at(row, item)
    try:
        if kind == "received":
            return Received(at=at)
        if kind == "deficiency_notified":
            return DeficiencyNotified(at=at, missing=_list(row, "missing"))
        if kind == "materials_completed":
            return MaterialsCompleted(at=at)
        if kind == "accepted":
            return Accepted(at=at, outstanding=_list(row, "outstanding"))
        if kind == "exclusion_started":
            return ExclusionStarted(
                at=at,
                kind=row.choice("kind", KINDS),
                notified=row.date("notified", required=False),
            )
        if kind == "exclusion_ended":
            return ExclusionEnded(at=at)
        if kind == "extension_granted":
            return ExtensionGranted(
                at=at,
                days=row.whole("days", low=1, high=limits.MAX_LIMIT_DAYS),
                by=row.text("by"),
                reason=row.text("reason"),
            )
    except InvalidInputError as err:
        if err.field.startswith("line "):
            raise
        raise InvalidInputError(f"line {row.line}: {err.field}", err.value, err.allowed) from None
    return EVENT_TYPES[str(kind)](at=at)  # the rest carry only their time


@attrs.frozen
class _Entry:
    """One ledger row read: its case, item, handler and event (or the rejection)."""

    line: int
    case: str
    item: ServiceItem | None
    handler: str | None
    event: Event | None


def _read_row(row: Row, items: Mapping[str, ServiceItem]) -> _Entry:
    case = row.text("case")
    code = row.text("item")
    assert case is not None  # required
    assert code is not None  # required
    if code not in items:
        shown = ", ".join(sorted(items)) if len(items) <= 20 else f"{len(items)} known codes"
        raise InvalidInputError(f"line {row.line}: item", code, f"an item code ({shown})")
    item = items[code]
    return _Entry(row.line, case, item, row.text("handler", required=False), _event(row, item))


def _rejection(line: int, err: QSDomainError) -> RowRejected:
    if isinstance(err, InvalidInputError):
        shown = err.value if isinstance(err.value, str) else repr(err.value)
        return RowRejected(line, err.field, shown[:200], err.allowed)
    return RowRejected(line, type(err).__name__, "", str(err))


def _build(case_id: str, entries: list[_Entry], rejects: RejectSink) -> Case | None:
    """The case of ``entries`` (one case's rows, in order), or ``None`` when it is rejected."""
    first = entries[0].line
    if any(e.event is None for e in entries):
        bad = ", ".join(str(e.line) for e in entries if e.event is None)
        rejects.add(
            RowRejected(
                first,
                f"case {case_id}",
                f"lines {first}-{entries[-1].line}",
                f"a case whose rows were all read (rejected: line {bad})",
            )
        )
        return None
    items = {e.item.code for e in entries if e.item is not None}
    item = entries[0].item
    assert item is not None
    if len(items) > 1:
        rejects.add(
            RowRejected(
                first,
                f"case {case_id}: item",
                ", ".join(sorted(items)),
                "one item code for all of a case's rows",
            )
        )
        return None
    handler = next((e.handler for e in entries if e.handler), None)
    events = [e.event for e in entries if e.event is not None]
    try:
        return Case(id=case_id, item=item, events=events, handler=handler)
    except InvalidInputError as err:
        rejects.add(_case_rejection(case_id, entries, err))
        return None


def _case_rejection(case_id: str, entries: list[_Entry], err: InvalidInputError) -> RowRejected:
    """A case the library refused, reported at the line of the event it names (else its first)."""
    match = re.match(r"events\[([0-9]+)\]", err.field)
    line = entries[int(match.group(1))].line if match else entries[0].line
    return _rejection(
        line,
        InvalidInputError(f"line {line}: case {case_id}: {err.field}", err.value, err.allowed),
    )


def _built(case_id: str, entries: list[_Entry], rejects: RejectSink) -> Iterator[tuple[int, Case]]:
    """The case of ``entries`` with the line of its first row, unless it is rejected."""
    built = _build(case_id, entries, rejects)
    if built is not None:
        yield entries[0].line, built


def _entry(row: Row, items: Mapping[str, ServiceItem], rejects: RejectSink) -> _Entry | None:
    """The row read; when rejected, an entry without event that spoils its case (if named)."""
    try:
        return _read_row(row, items)
    except QSDomainError as err:
        rejects.add(_rejection(row.line, err))
        # the row's case (if the cell can be read) is not processed without it
        entry = _Entry(row.line, row.fields.get("case", "").strip(), None, None, None)
        return entry if entry.case else None


def _case_refused(line: int, case_id: str, allowed: str) -> RowRejected:
    return RowRejected(line, f"line {line}: case", case_id, allowed)


def ledger_cases(
    rows: Iterable[Row], items: Mapping[str, ServiceItem], rejects: RejectSink
) -> Iterator[tuple[int, Case]]:
    """Cases from event rows; a case's rows must be contiguous (memory: one case at a time)."""
    done: set[str] = set()
    current: str | None = None
    entries: list[_Entry] = []
    for row in rows:
        entry = _entry(row, items, rejects)
        if entry is None:
            continue
        if entry.case != current:
            if current is not None:
                yield from _built(current, entries, rejects)
                done.add(current)
            current, entries = entry.case, []
            if entry.case in done:
                rejects.add(
                    _case_refused(
                        row.line,
                        entry.case,
                        "a case whose rows are contiguous (its rows above were processed)",
                    )
                )
                current = None
                continue
        if len(entries) >= limits.MAX_CASE_EVENTS:
            rejects.add(
                _case_refused(
                    row.line, entry.case, f"a case of at most {limits.MAX_CASE_EVENTS} rows"
                )
            )
            continue
        entries.append(entry)
    if current is not None and entries:
        yield from _built(current, entries, rejects)


# -- the JSON document --------------------------------------------------------------------------


def document(path: str) -> dict[str, object]:
    refuse_special("path", path)  # a FIFO would block the read forever
    try:
        with Path(path).open(encoding="utf-8-sig") as stream:
            text = stream.read(limits.MAX_JSON_CHARS + 1)
    except UnicodeDecodeError as err:
        raise InvalidInputError("source", path, f"a UTF-8 file ({err})") from None
    if len(text) > limits.MAX_JSON_CHARS:
        raise InvalidInputError("source", path, f"at most {limits.MAX_JSON_CHARS} characters")
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as err:
        raise InvalidInputError("source", text[:60], f"valid JSON ({err})") from None
    if not isinstance(data, dict) or not set(data) <= {"items", "cases"}:
        raise InvalidInputError(
            "source", text[:60], 'a JSON object {"items": [...], "cases": [...]}'
        )
    return data


def items_list(data: object, field: str) -> dict[str, ServiceItem]:
    from qsdomain.serialization import structure  # noqa: PLC0415 - start-up time

    found = structure(data, list[ServiceItem])
    codes: dict[str, ServiceItem] = {}
    for i, item in enumerate(found):
        if item.code in codes:
            raise InvalidInputError(f"{field}[{i}].code", item.code, "a code listed once")
        codes[item.code] = item
    return codes


def document_cases(
    data: object, items: Mapping[str, ServiceItem], rejects: RejectSink
) -> Iterator[tuple[int, Case]]:
    """Cases from a document's ``cases``: each ``{"id", "item" (a code), "events", "handler"}``."""
    from qsdomain.serialization import structure  # noqa: PLC0415 - start-up time

    if not isinstance(data, list):
        raise InvalidInputError("cases", data, "a JSON array of cases")
    for i, raw in enumerate(data):
        number = i + 1
        try:
            if not isinstance(raw, dict) or not set(raw) <= {"id", "item", "events", "handler"}:
                raise InvalidInputError(
                    f"cases[{i}]", raw, 'an object with "id", "item", "events" (and "handler")'
                )
            code = raw.get("item")
            if not isinstance(code, str) or code not in items:
                raise InvalidInputError(f"cases[{i}].item", code, "a known item code")
            events = structure(raw.get("events"), list[Event])
            yield (
                number,
                Case(id=raw.get("id"), item=items[code], events=events, handler=raw.get("handler")),
            )
        except InvalidInputError as err:
            inner = re.sub(r"^\$", "events", err.field)  # a path inside the events list
            field = inner if inner.startswith("cases[") else f"cases[{i}].{inner}"
            rejects.add(_rejection(number, InvalidInputError(field, err.value, err.allowed)))
        except QSDomainError as err:
            rejects.add(_rejection(number, err))
