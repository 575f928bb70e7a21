"""``qsdomain licences``: where each licence of a register stands, and which need action.

The register is one row per licence (CSV or JSON): ``number, kind, holder, issued,
valid_until, scope`` (``valid_until`` and ``scope`` may be empty), with the Chinese headers of
:data:`LICENCE_HEADERS` accepted too. What happened to the licences since issue goes in a second
file, ``--events FILE``, one row per event: ``number, event, on, until, valid_until, note``
(:data:`EVENT_HEADERS`). Two plain sheets are what a clerk keeps in Excel; see
docs/licensing.md, "On the command line".
"""

from __future__ import annotations

import argparse
import datetime
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path

import attrs

from qsdomain.cli._arguments import calendar_from, whole
from qsdomain.cli._family import Commands, Family
from qsdomain.cli._ledger import (
    Rejects,
    add_ledger_arguments,
    csv_text,
    exit_status,
    ledger_rows,
    objects,
    with_progress,
)
from qsdomain.cli._output import Reply
from qsdomain.errors import InvalidInputError, NotCoveredError
from qsdomain.ledgers import Row, RowRejected, parse_rows
from qsdomain.licensing import (
    Cancelled,
    Changed,
    Licence,
    LicenceEvent,
    LicenceState,
    RenewalApplied,
    RenewalRefused,
    Renewed,
    Revoked,
    Suspended,
    Withdrawn,
    WorkItem,
    WorkReason,
    default_kinds,
    status,
    worklist,
)

#: Nothing here is library API: the commands are the interface, FAMILY is read by the CLI.
__all__: list[str] = []

#: Chinese headers of the register, mapped to the canonical column names.
LICENCE_HEADERS: Mapping[str, str] = {
    "证书编号": "number",
    "许可证编号": "number",
    "许可类别": "kind",
    "证书类别": "kind",
    "持证单位": "holder",
    "持证人": "holder",
    "发证日期": "issued",
    "有效期至": "valid_until",
    "许可范围": "scope",
}
LICENCE_COLUMNS = ("number", "kind", "holder", "issued", "valid_until", "scope")
LICENCE_REQUIRED = ("number", "kind", "holder", "issued")

#: Chinese headers of the events file, mapped to the canonical column names.
EVENT_HEADERS: Mapping[str, str] = {
    "证书编号": "number",
    "许可证编号": "number",
    "事项": "event",
    "日期": "on",
    "暂扣至": "until",
    "有效期至": "valid_until",
    "备注": "note",
}
EVENT_COLUMNS = ("number", "event", "on", "until", "valid_until", "note")
EVENT_REQUIRED = ("number", "event", "on")

#: The ``event`` cell: English code or Chinese name, mapped to the code.
EVENT_NAMES: Mapping[str, str] = {
    "renewal_applied": "renewal_applied",
    "申请延续": "renewal_applied",
    "renewed": "renewed",
    "准予延续": "renewed",
    "renewal_refused": "renewal_refused",
    "不予延续": "renewal_refused",
    "changed": "changed",
    "变更": "changed",
    "suspended": "suspended",
    "暂扣": "suspended",
    "revoked": "revoked",
    "吊销": "revoked",
    "withdrawn": "withdrawn",
    "撤销": "withdrawn",
    "撤回": "withdrawn",
    "cancelled": "cancelled",
    "注销": "cancelled",
}

_SIMPLE_EVENTS: Mapping[str, Callable[..., LicenceEvent]] = {
    "renewal_applied": RenewalApplied,
    "renewal_refused": RenewalRefused,
    "changed": Changed,
    "revoked": Revoked,
    "withdrawn": Withdrawn,
    "cancelled": Cancelled,
}


def kind_names() -> dict[str, str]:
    """The ``kind`` cell: each built-in kind's code or Chinese name, mapped to the code."""
    registry = default_kinds()
    names = {code: code for code in registry.codes}
    for code in registry.codes:
        name = registry.get(code).name  # also without "全国" and a trailing "(CMA)"
        for alias in (name, name.split(" (")[0], name.split(" (")[0].removeprefix("全国")):
            names[alias] = code
    return names


@attrs.frozen
class DatedEvent:
    """An event read from the events file, with its line (to name it in a rejection)."""

    number: str
    line: int
    event: LicenceEvent


@attrs.frozen
class StateCount:
    """How many licences of the register are in ``state``."""

    state: LicenceState
    licences: int


@attrs.frozen
class Action:
    """One line of the worklist: a licence that needs action, and by when."""

    number: str
    holder: str
    kind: str
    state: LicenceState
    action: WorkReason
    due: datetime.date
    days: int
    expires: datetime.date
    renewal_due: datetime.date | None
    days_left: int | None
    reason: str


def _action(item: WorkItem) -> Action:
    st = item.status
    lic = st.licence
    return Action(
        lic.number,
        lic.holder,
        lic.kind.code,
        st.state,
        item.reason,
        item.due,
        item.days,
        st.expires,
        st.renewal_due,
        st.days_left,
        st.reason,
    )


@attrs.frozen
class LicenceCheck:
    """``licences check``: the worklist of a register on ``as_of`` and what was read."""

    file: str
    events_file: str | None
    as_of: datetime.date
    within: int
    read: int
    rejected: int
    states: tuple[StateCount, ...]
    worklist: tuple[Action, ...]


def _licence(kinds: Mapping[str, str]) -> Callable[[Row], Licence]:
    def build(row: Row) -> Licence:
        try:
            return _new_licence(row)
        except InvalidInputError as err:
            raise _on_line(row, err) from None

    def _new_licence(row: Row) -> Licence:
        return Licence(
            kind=row.choice("kind", kinds),
            number=row.text("number") or "",  # required: never empty
            holder=row.text("holder") or "",
            issued=row.date("issued"),
            valid_until=row.date("valid_until", required=False),
            scope=row.text("scope", required=False) or "",
        )

    return build


def _day(row: Row, name: str) -> date:
    """A required date cell (``Row.date`` raises on an empty one)."""
    value = row.date(name)
    if value is None:  # pragma: no cover - a required cell is never empty
        raise InvalidInputError(f"line {row.line}: {name}", "", "present")
    return value


def _event(row: Row) -> DatedEvent:
    number = row.text("number") or ""  # required: never empty
    code = row.choice("event", EVENT_NAMES)
    on = row.date("on")
    note = row.text("note", required=False) or ""
    event: LicenceEvent
    try:
        if code == "suspended":
            event = Suspended(on=on, until=_day(row, "until"), note=note)
        elif code == "renewed":
            event = Renewed(on=on, valid_until=row.date("valid_until", required=False), note=note)
        else:
            event = _SIMPLE_EVENTS[str(code)](on=on, note=note)
    except InvalidInputError as err:
        raise _on_line(row, err) from None
    return DatedEvent(number, row.line, event)


def _on_line(row: Row, err: InvalidInputError) -> InvalidInputError:
    """``err`` naming ``row``'s line, its value as a cell would show it (dates in ISO 8601)."""
    field = err.field if err.field.startswith("line ") else f"line {row.line}: {err.field}"
    value = err.value.isoformat() if isinstance(err.value, date) else err.value
    return InvalidInputError(field, value, err.allowed)


def _in_file(name: str, rejected: RowRejected) -> RowRejected:
    """``rejected`` naming the events file: ``line 4 of events.csv: on``."""
    where = f"line {rejected.line}"
    field = rejected.field.removeprefix(where).lstrip(": ")
    return attrs.evolve(rejected, field=f"{where} of {name}: {field or 'row'}")


def _read_events(path: str, rejects: Rejects) -> dict[str, list[DatedEvent]]:
    """The events of ``path`` by licence number, each licence's in date order."""
    name = Path(path).name
    rows = ledger_rows(path, header_map=EVENT_HEADERS, known=EVENT_COLUMNS, required=EVENT_REQUIRED)
    found: dict[str, list[DatedEvent]] = {}
    for item in parse_rows(rows, _event):
        if isinstance(item, RowRejected):
            rejects.add(_in_file(name, item))
        else:
            found.setdefault(item.number, []).append(item)
    for items in found.values():
        items.sort(key=lambda item: item.event.on)  # stable: same-day events keep file order
    return found


#: States :func:`qsdomain.licensing.worklist` never lists (see its documentation).
_NEVER_LISTED = frozenset(
    {
        LicenceState.NOT_YET_VALID,
        LicenceState.EXPIRED,
        LicenceState.REVOKED,
        LicenceState.WITHDRAWN,
        LicenceState.CANCELLED,
    }
)


@attrs.frozen
class _Checked:
    item: WorkItem | None
    state: LicenceState


def _checker(
    args: argparse.Namespace,
    events: dict[str, list[DatedEvent]],
    events_name: str,
    seen: set[str],
) -> Callable[[Row], _Checked]:
    build = _licence(kind_names())
    calendar = calendar_from(args)
    as_of: date = args.as_of
    within: int = args.within

    def check(row: Row) -> _Checked:
        licence = build(row)
        if licence.number in seen:
            raise InvalidInputError(
                f"line {row.line}: number", licence.number, "a number not used by an earlier row"
            )
        seen.add(licence.number)
        dated = events.get(licence.number, [])
        history = [d.event for d in dated]
        try:
            st = status(licence, as_of, events=history, calendar=calendar)
        except InvalidInputError as err:
            head, dot, rest = err.field.partition("]")
            if err.field.startswith("events[") and dot:
                at = dated[int(head.removeprefix("events["))].line
                event = dated[int(head.removeprefix("events["))].event
                field = f"line {row.line}: event on line {at} of {events_name}{rest}"
                shown = f"{type(event).__name__} on {event.on.isoformat()}"
                raise InvalidInputError(field, shown, err.allowed) from None
            raise _on_line(row, err) from None
        except NotCoveredError as err:
            raise InvalidInputError(
                f"line {row.line}: renewal_due",
                err.value.isoformat() if isinstance(err.value, date) else str(err.value),
                f"a day the calendar covers ({err.covered}; add the year with --schedule, or "
                "assume one with --provisional-until)",
            ) from None
        item = None
        near = st.days_left is not None and st.days_left <= within
        due = st.renewal_due
        # Only a licence worklist() could list is passed to it (it lists none that has ended or
        # is not yet valid, and only those whose filing deadline or expiry is near).
        if st.state not in _NEVER_LISTED and (
            near or (due is not None and (due - as_of).days <= within)
        ):
            listed = worklist([(licence, history)], as_of, within=within, calendar=calendar)
            item = listed[0] if listed else None
        return _Checked(item, st.state)

    return check


_TEXT_HEADER = ("number", "kind", "state", "action", "due", "days", "holder")


def _width(cell: str) -> int:
    """Columns ``cell`` takes on a terminal: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in cell)


def _text_table(rows: list[tuple[str, ...]]) -> list[str]:
    """Left-aligned columns (the days right-aligned), padded by display width."""
    everything = [_TEXT_HEADER, *rows]
    widths = [max(_width(row[i]) for row in everything) for i in range(len(_TEXT_HEADER))]
    lines = []
    for row in everything:
        cells = []
        for i, cell in enumerate(row):
            pad = " " * (widths[i] - _width(cell))
            cells.append(pad + cell if _TEXT_HEADER[i] == "days" else cell + pad)
        lines.append("  ".join(cells).rstrip())
    return lines


def _text_row(row: Action) -> tuple[str, ...]:
    return (
        row.number,
        row.kind,
        row.state.value,
        row.action.value,
        row.due.isoformat(),
        str(row.days),
        row.holder,
    )


_CSV_HEADER = (
    "number",
    "holder",
    "kind",
    "state",
    "action",
    "due",
    "days",
    "expires",
    "renewal_due",
    "days_left",
    "reason",
)


def _cells(row: Action) -> tuple[object, ...]:
    return (
        row.number,
        row.holder,
        row.kind,
        row.state.value,
        row.action.value,
        row.due.isoformat(),
        row.days,
        row.expires.isoformat(),
        None if row.renewal_due is None else row.renewal_due.isoformat(),
        row.days_left,
        row.reason,
    )


def _summary(answer: LicenceCheck) -> str:
    counts = ", ".join(f"{c.state.value} {c.licences}" for c in answer.states)
    return (
        f"licences read: {answer.read}, rows rejected: {answer.rejected}, "
        f"need action within {answer.within} days: {len(answer.worklist)}"
        + (f" ({counts})" if counts else "")
    )


def _check(args: argparse.Namespace) -> Reply:
    path: str = args.file
    events_path: str | None = args.events
    rejects = Rejects()
    events = {} if events_path is None else _read_events(events_path, rejects)
    events_name = "" if events_path is None else Path(events_path).name
    seen: set[str] = set()
    rows = ledger_rows(
        path, header_map=LICENCE_HEADERS, known=LICENCE_COLUMNS, required=LICENCE_REQUIRED
    )
    counts: Counter[LicenceState] = Counter()
    items: list[WorkItem] = []
    checked = objects(rows, _checker(args, events, events_name, seen), rejects)
    for result in with_progress(checked, args.progress, what="licences"):
        counts[result.state] += 1
        if result.item is not None:
            items.append(result.item)
    for number in sorted(set(events) - seen):
        for dated in events[number]:
            rejects.add(
                RowRejected(
                    dated.line,
                    f"line {dated.line} of {events_name}: number",
                    number,
                    f"the number of a licence read from {Path(path).name}",
                )
            )
    items.sort(key=lambda item: (item.due, item.reason.value, item.number))
    answer = LicenceCheck(
        path,
        events_path,
        args.as_of,
        args.within,
        sum(counts.values()),
        rejects.count,
        tuple(StateCount(state, counts[state]) for state in LicenceState if counts[state]),
        tuple(_action(item) for item in items),
    )
    rejects.report()
    summary = _summary(answer)
    if args.csv:
        print(summary, file=sys.stderr)
        text = csv_text(_CSV_HEADER, (_cells(row) for row in answer.worklist))
    else:
        shown = [_text_row(row) for row in answer.worklist]
        lines = _text_table(shown) if shown else []
        text = "\n".join([*lines, summary])
    return Reply(answer, text, status=exit_status(rejects))


def _register(commands: Commands) -> None:
    p = commands.add(
        "check",
        "status of every licence of a register on a day, and the worklist sorted by urgency",
        _check,
        calendar=True,
    )
    add_ledger_arguments(p, as_of_help="the day asked about, YYYY-MM-DD")
    p.add_argument(
        "--within",
        type=whole("--within", 0, 3660),
        default=90,
        metavar="DAYS",
        help="list licences whose filing deadline or expiry is within DAYS days (default 90)",
    )
    p.add_argument(
        "--events",
        metavar="FILE",
        help="the licences' events (renewal filings, decisions, changes, suspensions ...): "
        "a .csv or .json/.jsonl file with columns number, event, on, until, valid_until, note",
    )


FAMILY = Family(
    "licences", "licence and certificate registers: status and renewal worklist", _register
)
