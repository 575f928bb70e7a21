"""``qsdomain commitments``: the clocks of service cases (五办承诺) and one-off deadlines.

``status`` reads a ledger of case events (CSV, JSON Lines) or a JSON document of items and
cases, prints the worklist (breached first, then warning, by committed due date) and the
met/missed counts per mode and per item. ``deadline`` answers one question: the last day of a
limit counted from an acceptance date. The layouts are documented in docs/commitments.md
("On the command line").
"""

from __future__ import annotations

import argparse
import datetime
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

import attrs

from qsdomain import limits
from qsdomain.calendars import WorkingCalendar
from qsdomain.cli._arguments import Rejected, calendar_from, iso_date, whole
from qsdomain.cli._family import Commands, Family
from qsdomain.cli._ledger import (
    Rejects,
    add_ledger_arguments,
    csv_text,
    exit_status,
    ledger_rows,
    with_progress,
)
from qsdomain.cli._output import Reply, day_text, table
from qsdomain.commitments import (
    Accepted,
    Case,
    CaseClock,
    ClockState,
    Decided,
    DeficiencyNotified,
    Delivered,
    Event,
    ExclusionEnded,
    ExclusionKind,
    ExclusionStarted,
    ExtensionGranted,
    MaterialsCompleted,
    MeetingHeld,
    ProgressReported,
    Received,
    ServiceItem,
    Tally,
    Withdrawn,
    clock,
    due_date,
    example_catalogue,
    tally,
    worklist,
)
from qsdomain.errors import InvalidInputError, QSDomainError
from qsdomain.ledgers import Row, RowRejected

#: Nothing here is library API: the commands are the interface, FAMILY is read by the CLI.
__all__: list[str] = []

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
    simple: dict[str, Callable[..., Event]] = {
        "progress_reported": ProgressReported,
        "meeting_held": MeetingHeld,
        "decided": Decided,
        "delivered": Delivered,
        "withdrawn": Withdrawn,
    }
    return simple[str(kind)](at=at)


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


def _build(case_id: str, entries: list[_Entry], rejects: Rejects) -> Case | None:
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
        match = re.match(r"events\[([0-9]+)\]", err.field)
        line = entries[int(match.group(1))].line if match else first
        rejects.add(
            _rejection(
                line,
                InvalidInputError(
                    f"line {line}: case {case_id}: {err.field}", err.value, err.allowed
                ),
            )
        )
        return None


def _ledger_cases(
    rows: Iterable[Row], items: Mapping[str, ServiceItem], rejects: Rejects
) -> Iterator[tuple[int, Case]]:
    """Cases from event rows; a case's rows must be contiguous (memory: one case at a time)."""
    done: set[str] = set()
    current: str | None = None
    entries: list[_Entry] = []
    for row in rows:
        try:
            entry = _read_row(row, items)
        except QSDomainError as err:
            rejects.add(_rejection(row.line, err))
            # the row's case (if the cell can be read) is not processed without it
            entry = _Entry(row.line, row.fields.get("case", "").strip(), None, None, None)
            if not entry.case:
                continue
        if entry.case != current:
            if current is not None:
                built = _build(current, entries, rejects)
                if built is not None:
                    yield entries[0].line, built
                done.add(current)
            current, entries = entry.case, []
            if entry.case in done:
                rejects.add(
                    RowRejected(
                        row.line,
                        f"line {row.line}: case",
                        entry.case,
                        "a case whose rows are contiguous (its rows above were processed)",
                    )
                )
                current = None
                continue
        if len(entries) >= limits.MAX_CASE_EVENTS:
            rejects.add(
                RowRejected(
                    row.line,
                    f"line {row.line}: case",
                    entry.case,
                    f"a case of at most {limits.MAX_CASE_EVENTS} rows",
                )
            )
            continue
        entries.append(entry)
    if current is not None and entries:
        built = _build(current, entries, rejects)
        if built is not None:
            yield entries[0].line, built


# -- the JSON document --------------------------------------------------------------------------


def _document(path: str) -> dict[str, object]:
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


def _items_list(data: object, field: str) -> dict[str, ServiceItem]:
    from qsdomain.serialization import structure  # noqa: PLC0415 - start-up time

    found = structure(data, list[ServiceItem])
    codes: dict[str, ServiceItem] = {}
    for i, item in enumerate(found):
        if item.code in codes:
            raise InvalidInputError(f"{field}[{i}].code", item.code, "a code listed once")
        codes[item.code] = item
    return codes


def _document_cases(
    data: object, items: Mapping[str, ServiceItem], rejects: Rejects
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


# -- status --------------------------------------------------------------------------------------


@attrs.frozen
class StatusAnswer:
    """``commitments status``: the worklist (open cases, most urgent first) and the tally."""

    as_of: datetime.date
    calendar: str
    cases: int
    rejected: int
    worklist: tuple[CaseClock, ...]
    tally: Tally
    provisional: bool


_OPEN = frozenset(
    {ClockState.BREACHED, ClockState.WARNING, ClockState.ON_TRACK, ClockState.NOT_STARTED}
)
_LIST_HEADER = (
    "case",
    "item",
    "mode",
    "state",
    "accepted_on",
    "statutory_due",
    "committed_due",
    "left",
    "next",
    "next_by",
)


def _row(c: CaseClock) -> tuple[object, ...]:
    nxt = c.next_obligation
    return (
        c.case_id,
        c.item_code,
        c.mode.value,
        c.state.value,
        c.accepted_on,
        c.statutory.due,
        c.committed.due,
        c.committed.left,
        None if nxt is None else nxt.kind.value,
        None if nxt is None else nxt.by,
    )


def _shown(cell: object) -> str:
    return "-" if cell is None else str(cell)


def _status_text(answer: StatusAnswer) -> str:
    widths = [
        max([len(h)] + [len(_shown(r[i])) for r in map(_row, answer.worklist)])
        for i, h in enumerate(_LIST_HEADER)
    ]
    lines = [
        f"as of {answer.as_of.isoformat()}: {len(answer.worklist)} open of "
        f"{answer.cases} cases read"
    ]
    lines += table(
        list(zip(_LIST_HEADER, widths, strict=True)),
        [[_shown(x) for x in _row(c)] for c in answer.worklist],
    )
    counts = ("met", "missed", "breached", "open", "withdrawn")
    for title, group in (("mode", answer.tally.by_mode), ("item", answer.tally.by_item)):
        width = max([len(title)] + [len(c.key) for c in group])
        lines.append("")
        lines += table(
            [(title, width), *((n, len(n)) for n in counts)],
            [[c.key, c.met, c.missed, c.breached, c.open, c.withdrawn] for c in group],
        )
    if answer.provisional:
        lines.append("[provisional]: some clocks count provisionally extended days")
    return "\n".join(lines)


def _items_from(args: argparse.Namespace) -> dict[str, ServiceItem]:
    path: str | None = args.items
    if path is None:
        return {item.code: item for item in example_catalogue()}
    data = _document(path)
    if "items" not in data:
        raise InvalidInputError("--items", path, 'a JSON object {"items": [...]}')
    return _items_list(data["items"], "items")


def _keep_open(found: Iterable[CaseClock], kept: list[CaseClock]) -> Iterator[CaseClock]:
    for c in found:
        if c.state in _OPEN:
            kept.append(c)
        yield c


def _status(args: argparse.Namespace) -> Reply:
    cal = calendar_from(args)
    as_of: date = args.as_of
    path: str = args.file
    rejects = Rejects()
    items = _items_from(args)
    if Path(path).suffix.lower() == ".json":
        data = _document(path)
        if "items" in data:
            items = _items_list(data["items"], "items")
        cases: Iterable[tuple[int, Case]] = _document_cases(data.get("cases", []), items, rejects)
    else:
        rows = ledger_rows(path, header_map=HEADERS, known=COLUMNS, required=REQUIRED)
        cases = _ledger_cases(with_progress(rows, args.progress, what="events"), items, rejects)
    count = 0

    def clocked() -> Iterator[CaseClock]:
        nonlocal count
        for line, case in cases:
            count += 1
            try:
                yield clock(case, as_of, calendar=cal)
            except QSDomainError as err:
                rejects.add(
                    RowRejected(
                        line,
                        f"line {line}: case {case.id}",
                        case.id,
                        f"a case the clock can read ({err})",
                    )
                )

    kept: list[CaseClock] = []
    counted = tally(_keep_open(clocked(), kept))
    ordered = tuple(worklist(kept))
    answer = StatusAnswer(
        as_of,
        cal.name,
        count,
        rejects.count,
        ordered,
        counted,
        any(c.provisional for c in ordered),
    )
    rejects.report()
    csv_out: bool = args.csv
    text = csv_text(_LIST_HEADER, map(_row, ordered)) if csv_out else _status_text(answer)
    return Reply(answer, text, status=exit_status(rejects))


# -- deadline ------------------------------------------------------------------------------------


@attrs.frozen
class Span:
    """Days not counted, ``start`` through ``end`` (both included)."""

    start: datetime.date
    end: datetime.date


@attrs.frozen
class DeadlineAnswer:
    """``commitments deadline``: the ``limit + extension``-th counted working day."""

    accepted_on: datetime.date
    limit: int
    extension: int
    exclusions: tuple[Span, ...]
    due: datetime.date
    calendar: str
    provisional: bool


def span(text: str) -> Span:
    """``START:END``, two dates, END not before START."""
    parts = text.split(":")
    if len(parts) == 2:  # a start and an end
        try:
            start = iso_date("--exclude")(parts[0])
            end = iso_date("--exclude")(parts[1])
        except Rejected:
            pass
        else:
            if end >= start:
                return Span(start, end)
    raise Rejected(
        InvalidInputError(
            "--exclude", text, "START:END, two dates YYYY-MM-DD, END not before START"
        )
    )


def _deadline(args: argparse.Namespace) -> Reply:
    cal: WorkingCalendar = calendar_from(args)
    accepted: date = args.accepted
    limit: int = args.limit
    extension: int = args.extension
    spans: list[Span] = args.exclude
    due = due_date(
        accepted,
        limit,
        exclusions=[(s.start, s.end) for s in spans],
        extension=extension,
        calendar=cal,
    )
    provisional = cal.is_provisional_between(accepted, due)
    answer = DeadlineAnswer(accepted, limit, extension, tuple(spans), due, cal.name, provisional)
    n = limit + extension
    extra = f" ({limit} + extension {extension})" if extension else ""
    lines = [
        f"{day_text(due)}: counted working day {n}{extra} after {accepted.isoformat()}"
        f"{' [provisional]' if provisional else ''}"
    ]
    lines += [f"not counted: {s.start.isoformat()} to {s.end.isoformat()}" for s in spans]
    return Reply(answer, "\n".join(lines))


def _register(commands: Commands) -> None:
    p = commands.add(
        "status",
        "the worklist and met/missed counts of a ledger of service cases",
        _status,
        calendar=True,
    )
    add_ledger_arguments(p)
    p.add_argument(
        "--as-of",
        required=True,
        type=iso_date("--as-of"),
        metavar="DATE",
        help="read the clocks at the close of DATE (YYYY-MM-DD)",
    )
    p.add_argument(
        "--items",
        metavar="FILE",
        help='service items: a JSON file {"items": [...]} (default: the example catalogue)',
    )
    p = commands.add(
        "deadline",
        "the last day of a limit counted from an acceptance date",
        _deadline,
        calendar=True,
    )
    p.add_argument(
        "--accepted",
        required=True,
        type=iso_date("--accepted"),
        metavar="DATE",
        help="the acceptance date (not itself counted)",
    )
    p.add_argument(
        "--limit",
        required=True,
        type=whole("--limit", 0, limits.MAX_LIMIT_DAYS),
        metavar="N",
        help="the limit in working days",
    )
    p.add_argument(
        "--extension",
        type=whole("--extension", 0, limits.MAX_LIMIT_DAYS),
        default=0,
        metavar="N",
        help="working days of a granted extension (default 0)",
    )
    p.add_argument(
        "--exclude",
        type=span,
        action="append",
        default=[],
        metavar="START:END",
        help="days not counted (行政许可法 art. 45), both ends included; repeatable",
    )


FAMILY = Family("commitments", "deadlines of service cases (五办承诺)", _register)
