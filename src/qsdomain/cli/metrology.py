"""``qsdomain metrology``: which instruments of a ledger are due, and should an interval change.

``metrology due FILE --as-of DATE`` reads a ledger (台账) of instruments and their verification
records from CSV or JSON, streams it through :func:`qsdomain.metrology.statuses` (``rejects=``)
and :func:`qsdomain.metrology.due_report` (``within=``: the worklist's listing window), and
prints the due list and a summary; every rejected row (or instrument the family refused) goes
to standard error with its line and field, and the exit status is 1 when some were.
``metrology interval --method ...`` runs one interval-adjustment method and prints its audit
record. See docs/metrology.md ("On the command line").
"""

from __future__ import annotations

import argparse
import datetime
import gc
import itertools
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from datetime import date

import attrs

from qsdomain import defaults, limits
from qsdomain._terminal import clean
from qsdomain.cli._arguments import whole
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
from qsdomain.cli._metrology_interval import add_interval
from qsdomain.cli._output import Reply
from qsdomain.ledgers import Row, RowRejected
from qsdomain.ledgers.metrology import COLUMNS, HEADERS, REQUIRED, builder, histories
from qsdomain.metrology import (
    DueReport,
    Instrument,
    InstrumentState,
    InstrumentStatus,
    LedgerSummary,
    Policy,
    Verification,
    due_report,
    statuses,
)

#: Nothing here is library API: the commands are the interface, FAMILY is read by the CLI.
__all__: list[str] = []


@attrs.frozen
class DueItem:
    """One line of the due list: the instrument, its state, dates and why."""

    id: str
    name: str
    state: InstrumentState
    valid_through: datetime.date | None
    due: datetime.date | None
    days_left: int | None
    reason: str


@attrs.frozen
class DueAnswer:
    """``metrology due``: the due list, the rows read and rejected, and the counts by state.

    ``summary`` counts instruments (``summary.read`` is the number of instruments whose
    status was computed); ``rows`` and ``rejected`` count rows of the file.
    """

    as_of: datetime.date
    within: int
    rows: int
    rejected: int
    due: tuple[DueItem, ...]
    summary: LedgerSummary


_DUE_COLUMNS = ("id", "name", "state", "valid_through", "due", "days_left", "reason")


def _width(text: str) -> int:
    """Columns ``text`` takes on a terminal (Chinese characters take two)."""
    if text.isascii():
        return len(text)
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _table(rows: Callable[[], Iterable[tuple[str, ...]]]) -> Iterator[str]:
    """The due list as a text table; ``rows`` is called twice (widths, then lines), so that
    a long list is never held as cells and lines at once. Each cell is cleaned for the
    terminal (a line break in a ledger's name never starts a line of the table)."""

    def cleaned() -> Iterator[tuple[str, ...]]:
        return (tuple(map(clean, r)) for r in rows())

    header = tuple(_DUE_COLUMNS)
    widths = [_width(title) for title in header[:-1]]
    for r in cleaned():
        widths = [max(w, _width(c)) for w, c in zip(widths, r, strict=False)]
    for cells in itertools.chain([header], cleaned()):
        padded = [c + " " * (w - _width(c)) for c, w in zip(cells, widths, strict=False)]
        yield "  ".join([*padded, cells[-1]]).rstrip()


def _cells(st: InstrumentStatus, name: str) -> tuple[str, ...]:
    return (
        st.id,
        name,
        st.state.value,
        "" if st.valid_through is None else st.valid_through.isoformat(),
        "" if st.due is None else st.due.isoformat(),
        "" if st.days_left is None else str(st.days_left),
        st.reason,
    )


def _summary_line(answer: DueAnswer) -> str:
    s = answer.summary
    states = ", ".join(f"{getattr(s, state.value)} {state.value}" for state in InstrumentState)
    return (
        f"{answer.rows} rows read, {answer.rejected} rejected; "
        f"{s.read} instruments as of {answer.as_of}: {states}"
    )


_CURRENT, _OUT_OF_SERVICE = InstrumentState.CURRENT, InstrumentState.OUT_OF_SERVICE

_Pairs = Iterable[tuple[Instrument, list[Verification]]]


def _count(rows: Iterable[Row], counted: list[int]) -> Iterator[Row]:
    """``rows``, adding one to ``counted[0]`` for each."""
    for row in rows:
        counted[0] += 1
        yield row


@attrs.frozen
class _CountedRejects:
    """The reader's rejects: rows of the file too, so counted as read (``counted[0]``)."""

    rejects: Rejects
    counted: list[int]

    def add(self, rejected: RowRejected) -> None:
        self.counted[0] += 1
        self.rejects.add(rejected)


def _remember(
    pairs: _Pairs, names: dict[str, str]
) -> Iterator[tuple[Instrument, list[Verification]]]:
    """``pairs``, keeping each instrument's name in ``names``."""
    for instrument, records in pairs:
        names[instrument.id] = instrument.name
        yield instrument, records


def _forget(
    found: Iterable[InstrumentStatus], names: dict[str, str], within: int
) -> Iterator[InstrumentStatus]:
    """``found``, dropping from ``names`` the instruments that will not be on the due list."""
    for st in found:
        state = st.state
        if state is _OUT_OF_SERVICE or (
            state is _CURRENT and (st.days_left is None or st.days_left > within)
        ):
            names.pop(st.id, None)  # never on the due list: its name is not needed
        yield st


def _report(  # noqa: PLR0917 - the command's choices
    pairs: _Pairs,
    as_of: date,
    policy: Policy,
    within: int,
    names: dict[str, str],
    rejects: Rejects,
) -> DueReport:
    """The due report of ``pairs``, with the cyclic garbage collector paused."""
    # The objects of a ledger form no reference cycles; the cyclic collector would only
    # rescan the growing due list again and again (about a third of the run time).
    collecting = gc.isenabled()
    gc.disable()
    try:
        found = statuses(pairs, as_of, policy=policy, rejects=rejects)
        return due_report(_forget(found, names, within), within=within)
    finally:
        if collecting:
            gc.enable()


def _items(due_list: Iterable[InstrumentStatus], names: dict[str, str]) -> tuple[DueItem, ...]:
    """The due list as the records ``--json`` prints."""
    return tuple(
        DueItem(
            st.id,
            names.get(st.id, ""),
            st.state,
            st.valid_through,
            st.due,
            st.days_left,
            st.reason,
        )
        for st in due_list
    )


def _due(args: argparse.Namespace) -> Reply:
    as_of: date = args.as_of
    within: int = args.within
    policy = Policy(warning_days=args.warning_days, grace_days=args.grace)
    rejects = Rejects()
    counted = [0]
    rows = ledger_rows(
        args.file,
        header_map=HEADERS,
        known=COLUMNS,
        required=REQUIRED,
        rejects=_CountedRejects(rejects, counted),
    )
    rows = iter(with_progress(_count(rows, counted), args.progress, what="instruments"))
    names: dict[str, str] = {}
    pairs = _remember(histories(objects(rows, builder(as_of), rejects), rejects), names)
    report = _report(pairs, as_of, policy, within, names, rejects)
    due_list = report.due

    def rows_of() -> Iterator[tuple[str, ...]]:
        return (_cells(st, names.get(st.id, "")) for st in due_list)

    # The record is what --json prints; text and CSV are written straight from the statuses,
    # so a long due list is not also held as a tuple of items.
    items = _items(due_list, names) if args.json else ()
    answer = DueAnswer(as_of, within, counted[0], rejects.count, items, report.summary)
    rejects.report()
    if args.csv:
        text = csv_text(_DUE_COLUMNS, rows_of(), text_columns=("id", "name", "reason"))
    else:
        lines = _table(rows_of) if due_list else iter(["nothing is due"])
        text = "\n".join(itertools.chain(lines, [_summary_line(answer)]))
    return Reply(answer, text, exit_status(rejects), verbatim=args.csv)


def _add_due(commands: Commands) -> None:
    """Register ``metrology due`` and its options."""
    p = commands.add(
        "due", "the due list and a summary of a ledger of instruments (台账) on a day", _due
    )
    add_ledger_arguments(p)
    p.add_argument(
        "--within",
        type=whole("--within", 0, limits.MAX_METROLOGY_POLICY_DAYS),
        default=defaults.WITHIN_DAYS,
        metavar="DAYS",
        help="list current instruments due within DAYS days too, day DAYS included "
        f"(default {defaults.WITHIN_DAYS})",
    )
    p.add_argument(
        "--warning-days",
        type=whole("--warning-days", 0, limits.MAX_METROLOGY_POLICY_DAYS),
        default=defaults.WARNING_DAYS,
        metavar="DAYS",
        help="the due-soon window: the last DAYS days up to and including the due date "
        f"(default {defaults.WARNING_DAYS})",
    )
    p.add_argument(
        "--grace",
        type=whole("--grace", 0, limits.MAX_METROLOGY_POLICY_DAYS),
        default=0,
        metavar="DAYS",
        help="days after the due date counted as grace, not overdue (default 0)",
    )


def _register(commands: Commands) -> None:
    _add_due(commands)
    add_interval(commands)


FAMILY = Family("metrology", "instruments due for verification, and interval adjustment", _register)
