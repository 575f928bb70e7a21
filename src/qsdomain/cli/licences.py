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
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import attrs

from qsdomain import defaults
from qsdomain._terminal import clean
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
from qsdomain.errors import InvalidInputError
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
)
from qsdomain.licensing import (
    Licence,
    LicenceEvent,
    LicenceState,
    LicenceStatus,
    counted_provisionally,
    default_kinds,
    statuses,
    worklist,
)
from qsdomain.rejects import rejected

#: Nothing here is library API: the commands are the interface, FAMILY is read by the CLI.
__all__: list[str] = []


@attrs.frozen
class StateCount:
    """How many licences of the register are in ``state``."""

    state: LicenceState
    licences: int


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
    worklist: tuple[LicenceStatus, ...]
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


class _Register:
    """The register's licences with their events, for :func:`~qsdomain.licensing.statuses`,
    and the sink that names a refused licence's row (and event line) in the files."""

    def __init__(
        self,
        events: dict[str, list[DatedEvent]],
        events_name: str,
        rejects: Rejects,
    ) -> None:
        self.build = licence_builder(kind_names())
        self.events, self.events_name, self.rejects = events, events_name, rejects
        self.seen: set[str] = set()
        self.current: tuple[Row, list[DatedEvent]] | None = None

    def _pair(self, row: Row) -> tuple[Row, Licence, list[DatedEvent]]:
        licence = self.build(row)
        if licence.number in self.seen:
            raise InvalidInputError(
                f"line {row.line}: number", licence.number, "a number not used by an earlier row"
            )
        self.seen.add(licence.number)
        return row, licence, self.events.get(licence.number, [])

    def items(self, rows: Iterator[Row]) -> Iterator[tuple[Licence, list[LicenceEvent]]]:
        # statuses() takes one item, then yields its status or reports it to add(): the row a
        # rejection is about is the last one taken.
        for row, licence, dated in objects(rows, self._pair, self.rejects):
            self.current = (row, dated)
            yield licence, [d.event for d in dated]

    def add(self, found: RowRejected) -> None:
        """Report a licence the family refused, naming its row and event lines."""
        assert self.current is not None
        row, dated = self.current
        rest = found.field.partition("].")[2]
        head, dot, tail = rest.partition("]")
        if rest.startswith("events[") and dot:
            at = dated[int(head.removeprefix("events["))]
            field = f"line {row.line}: event on line {at.line} of {self.events_name}{tail}"
            shown = f"{type(at.event).__name__} on {at.event.on.isoformat()}"
            error = InvalidInputError(field, shown, found.reason)
        elif rest.startswith("events"):
            error = InvalidInputError(f"line {row.line}: {rest}", found.value, found.reason)
        else:  # the only other refusal: a working-day lead the calendar does not cover
            error = InvalidInputError(
                f"line {row.line}: renewal_due",
                found.value,
                f"a day the calendar covers ({found.reason}; add the year with --schedule, or "
                "assume one with --provisional-until)",
            )
        self.rejects.add(rejected(row.line, error))


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


def _action(st: LicenceStatus) -> str:
    return "" if st.action is None else st.action.value


def _day(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def _text_row(row: LicenceStatus) -> tuple[str, ...]:
    return (
        clean(row.id),
        clean(row.kind),
        row.state.value,
        _action(row),
        _day(row.due) or "",
        str(row.days_left),
        clean(row.holder),
    )


_CSV_HEADER = (
    "number",
    "holder",
    "kind",
    "state",
    "action",
    "due",
    "days_left",
    "expires",
    "renewal_due",
    "reason",
)


def _cells(row: LicenceStatus) -> tuple[object, ...]:
    return (
        row.id,
        row.holder,
        row.kind,
        row.state.value,
        _action(row),
        _day(row.due),
        row.days_left,
        row.expires.isoformat(),
        _day(row.renewal_due),
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
    rows = ledger_rows(
        path,
        header_map=LICENCE_HEADERS,
        known=LICENCE_COLUMNS,
        required=LICENCE_REQUIRED,
        rejects=rejects,
    )
    register = _Register(events, events_name, rejects)
    counts: Counter[LicenceState] = Counter()
    actionable: list[LicenceStatus] = []
    calendar = calendar_from(args, args.as_of)
    found = statuses(register.items(rows), args.as_of, calendar=calendar, rejects=register)
    for st in with_progress(found, args.progress, what="licences"):
        counts[st.state] += 1
        if st.action is not None:  # the others are never listed
            actionable.append(st)
    for number in sorted(set(events) - register.seen):
        for dated in events[number]:
            rejects.add(
                RowRejected(
                    dated.line,
                    f"line {dated.line} of {events_name}: number",
                    number,
                    f"the number of a licence read from {Path(path).name}",
                )
            )
    listed = worklist(actionable, args.as_of, within=args.within, calendar=calendar)
    kinds = default_kinds()
    provisional = any(counted_provisionally(st, kinds.get(st.kind), calendar) for st in listed)
    answer = LicenceCheck(
        path,
        events_path,
        args.as_of,
        args.within,
        sum(counts.values()),
        rejects.count,
        tuple(StateCount(state, counts[state]) for state in LicenceState if counts[state]),
        tuple(listed),
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
        default=defaults.WITHIN_DAYS,
        metavar="DAYS",
        help="list licences whose filing deadline or expiry is within DAYS days "
        f"(default {defaults.WITHIN_DAYS})",
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
