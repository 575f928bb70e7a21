"""``qsdomain commitments``: the clocks of service cases (五办承诺) and one-off deadlines.

``status`` reads a ledger of case events (CSV, JSON Lines) or a JSON document of items and
cases, prints the worklist (breached first, then warning, by committed due date) and the
met/missed counts per mode and per item. ``deadline`` answers one question: the last day of a
limit counted from an acceptance date. The layouts are documented in docs/commitments.md
("On the command line"); reading them is ``qsdomain.ledgers.commitments``.
"""

from __future__ import annotations

import argparse
import datetime
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

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
    Case,
    CaseClock,
    ClockState,
    ServiceItem,
    Tally,
    due_date,
    example_catalogue,
    statuses,
    tally,
    worklist_from_clocks,
)
from qsdomain.defaults import WITHIN_DAYS
from qsdomain.errors import InvalidInputError
from qsdomain.ledgers.commitments import (
    COLUMNS,
    HEADERS,
    REQUIRED,
    document,
    document_cases,
    items_list,
    ledger_cases,
)
from qsdomain.rejects import RowRejected

#: Nothing here is library API: the commands are the interface, FAMILY is read by the CLI.
__all__: list[str] = []

# -- status --------------------------------------------------------------------------------------


@attrs.frozen
class StatusAnswer:
    """``commitments status``: the worklist (what needs action within ``within`` days, most
    urgent first) and the tally."""

    as_of: datetime.date
    calendar: str
    within: int
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
    "due",
    "days_left",
    "accepted_on",
    "statutory_due",
    "left",
    "next",
    "next_by",
    "reason",
)

#: The text table's columns (the CSV has them all): the family's answer and its reason.
_TEXT_HEADER = ("case", "item", "state", "due", "days_left", "reason")


def _row(c: CaseClock) -> tuple[object, ...]:
    nxt = c.next_obligation
    return (
        c.id,
        c.item_code,
        c.mode.value,
        c.state.value,
        c.due,
        c.days_left,
        c.accepted_on,
        c.statutory.due,
        c.committed.left,
        None if nxt is None else nxt.kind.value,
        None if nxt is None else nxt.by,
        c.reason,
    )


def _shown(cell: object) -> str:
    return "-" if cell is None else str(cell)


def _status_text(answer: StatusAnswer) -> str:
    shown = [_LIST_HEADER.index(h) for h in _TEXT_HEADER]
    rows = [[_shown(r[i]) for i in shown] for r in map(_row, answer.worklist)]
    widths = [max([len(h)] + [len(r[k]) for r in rows]) for k, h in enumerate(_TEXT_HEADER)]
    widths[-1] = len(_TEXT_HEADER[-1])  # the reason, last, is not padded
    lines = [
        f"as of {answer.as_of.isoformat()}: {len(answer.worklist)} to act on within "
        f"{answer.within} days of {answer.cases} cases read"
    ]
    lines += table(list(zip(_TEXT_HEADER, widths, strict=True)), rows)
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
    data = document(path)
    if "items" not in data:
        raise InvalidInputError("--items", path, 'a JSON object {"items": [...]}')
    return items_list(data["items"], "items")


def _keep_open(found: Iterable[CaseClock], kept: list[CaseClock]) -> Iterator[CaseClock]:
    for c in found:
        if c.state in _OPEN:
            kept.append(c)
        yield c


@attrs.frozen
class _OnLines:
    """The CLI's rejects, with a refused case's stream position turned into its file line."""

    rejects: Rejects
    starts: list[tuple[int, str]]

    def add(self, rejected: RowRejected) -> None:
        line, case_id = self.starts[rejected.line - 1]
        field = f"line {line}: case {case_id}: {rejected.field}"
        self.rejects.add(attrs.evolve(rejected, line=line, field=field))


def _cases_from(
    args: argparse.Namespace, items: dict[str, ServiceItem], rejects: Rejects
) -> Iterable[tuple[int, Case]]:
    """The cases of the file (with the line or number each starts at), read as they are used."""
    path: str = args.file
    if Path(path).suffix.lower() == ".json":
        data = document(path)
        if "items" in data:
            items = items_list(data["items"], "items")
        return document_cases(data.get("cases", []), items, rejects)
    rows = ledger_rows(path, header_map=HEADERS, known=COLUMNS, required=REQUIRED, rejects=rejects)
    return ledger_cases(with_progress(rows, args.progress, what="events"), items, rejects)


def _status(args: argparse.Namespace) -> Reply:
    cal = calendar_from(args, args.as_of)
    as_of: date = args.as_of
    rejects = Rejects()
    cases = _cases_from(args, _items_from(args), rejects)
    starts: list[tuple[int, str]] = []  # the file line and id of each case, by position

    def numbered() -> Iterator[Case]:
        for line, case in cases:
            starts.append((line, case.id))
            yield case

    kept: list[CaseClock] = []
    read = statuses(numbered(), as_of, calendar=cal, rejects=_OnLines(rejects, starts))
    counted = tally(_keep_open(read, kept))
    within: int = args.within
    ordered = tuple(worklist_from_clocks(kept, within=within))
    count = len(starts)
    answer = StatusAnswer(
        as_of,
        cal.name,
        within,
        count,
        rejects.count,
        ordered,
        counted,
        any(c.provisional for c in ordered),
    )
    rejects.report()
    csv_out: bool = args.csv
    text = (
        csv_text(_LIST_HEADER, map(_row, ordered), text_columns=("case", "item"))
        if csv_out
        else _status_text(answer)
    )
    return Reply(answer, text, status=exit_status(rejects), verbatim=csv_out)


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
    cal: WorkingCalendar = calendar_from(args, args.accepted)
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


def _add_status(commands: Commands) -> None:
    p = commands.add(
        "status",
        "the worklist and met/missed counts of a ledger of service cases",
        _status,
        calendar=True,
    )
    add_ledger_arguments(p, as_of_help="read the clocks at the close of DATE (YYYY-MM-DD)")
    p.add_argument(
        "--items",
        metavar="FILE",
        help='service items: a JSON file {"items": [...]} (default: the example catalogue)',
    )
    p.add_argument(
        "--within",
        type=whole("--within", 0, limits.MAX_WITHIN_DAYS),
        default=WITHIN_DAYS,
        metavar="DAYS",
        help=f"list open cases due within DAYS calendar days (default {WITHIN_DAYS}); breached "
        "and warning cases are always listed",
    )


def _add_deadline(commands: Commands) -> None:
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


def _register(commands: Commands) -> None:
    _add_status(commands)
    _add_deadline(commands)


FAMILY = Family("commitments", "deadlines of service cases (五办承诺)", _register)
