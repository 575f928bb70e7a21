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
import unicodedata
from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path

import attrs

from qsdomain._terminal import clean
from qsdomain.calendars import WorkingCalendar
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
from qsdomain.cli._output import Reply, say
from qsdomain.errors import InvalidInputError, NotCoveredError
from qsdomain.ledgers import Row, RowRejected
from qsdomain.ledgers.licensing import (
    EVENT_COLUMNS,
    EVENT_HEADERS,
    EVENT_REQUIRED,
    LICENCE_COLUMNS,
    LICENCE_HEADERS,
    LICENCE_REQUIRED,
    DatedEvent,
    events_by_number,
    kind_names,
    licence_builder,
    on_line,
)
from qsdomain.licensing import (
    Licence,
    LicenceState,
    WorkItem,
    WorkReason,
    status,
    worklist,
)
from qsdomain.licensing._portfolio import NEVER_LISTED
from qsdomain.periods import LeadUnit

#: Nothing here is library API: the commands are the interface, FAMILY is read by the CLI.
__all__: list[str] = []


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
    provisional: bool = False


def _read_events(path: str, rejects: Rejects) -> dict[str, list[DatedEvent]]:
    """The events of ``path`` by licence number, each licence's in date order."""
    rows = ledger_rows(
        path,
        header_map=EVENT_HEADERS,
        known=EVENT_COLUMNS,
        required=EVENT_REQUIRED,
        rejects=rejects,
    )
    return events_by_number(rows, Path(path).name, rejects)


@attrs.frozen
class _Checked:
    item: WorkItem | None
    state: LicenceState
    provisional: bool = False


def _checker(
    args: argparse.Namespace,
    events: dict[str, list[DatedEvent]],
    events_name: str,
    seen: set[str],
) -> Callable[[Row], _Checked]:
    build = licence_builder(kind_names())
    calendar = calendar_from(args, args.as_of)
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
            raise on_line(row, err) from None
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
        if st.state not in NEVER_LISTED and (
            near or (due is not None and (due - as_of).days <= within)
        ):
            listed = worklist([(licence, history)], as_of, within=within, calendar=calendar)
            item = listed[0] if listed else None
        if item is None or not calendar.provisional:
            return _Checked(item, st.state)
        return _Checked(item, st.state, _counted_provisionally(calendar, licence, item))

    return check


def _counted_provisionally(calendar: WorkingCalendar, licence: Licence, item: WorkItem) -> bool:
    """Whether the item's due day was counted in working days across provisional days (a
    lead in calendar months or days never is), as the desk marks it."""
    if licence.kind.renewal_lead.unit is not LeadUnit.WORKING_DAYS:
        return False
    first, last = sorted((item.due, item.status.expires))
    first, last = max(first, calendar.coverage.first), min(last, calendar.coverage.last)
    return first <= last and calendar.is_provisional_between(first, last)


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
        clean(row.number),
        clean(row.kind),
        row.state.value,
        row.action.value,
        row.due.isoformat(),
        str(row.days),
        clean(row.holder),
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
        + (
            "\n[provisional]: some due days count provisionally extended days"
            if answer.provisional
            else ""
        )
    )


def _check(args: argparse.Namespace) -> Reply:
    path: str = args.file
    events_path: str | None = args.events
    rejects = Rejects()
    events = {} if events_path is None else _read_events(events_path, rejects)
    events_name = "" if events_path is None else Path(events_path).name
    seen: set[str] = set()
    rows = ledger_rows(
        path,
        header_map=LICENCE_HEADERS,
        known=LICENCE_COLUMNS,
        required=LICENCE_REQUIRED,
        rejects=rejects,
    )
    counts: Counter[LicenceState] = Counter()
    items: list[WorkItem] = []
    provisional = False
    checked = objects(rows, _checker(args, events, events_name, seen), rejects)
    for result in with_progress(checked, args.progress, what="licences"):
        counts[result.state] += 1
        if result.item is not None:
            items.append(result.item)
            provisional = provisional or result.provisional
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
        provisional,
    )
    rejects.report()
    summary = _summary(answer)
    if args.csv:
        say(summary)
        text = csv_text(
            _CSV_HEADER,
            (_cells(row) for row in answer.worklist),
            text_columns=("number", "holder", "kind", "reason"),
        )
    else:
        shown = [_text_row(row) for row in answer.worklist]
        lines = _text_table(shown) if shown else []
        text = "\n".join([*lines, summary])
    return Reply(answer, text, status=exit_status(rejects), verbatim=args.csv)


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
