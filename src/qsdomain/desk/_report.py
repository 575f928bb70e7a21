"""The desk's daily report: each family's ledger read from SQLite, asked of its family, ranked.

Reading streams: instruments, licences and cases are read in key order, one at a time, and
built into domain objects (what many rows share, such as an instrument's shape or a
verification day, is built once); only the items that need action are kept. A row the family
refuses (a history it cannot fold, a day past the calendar) is not dropped: it becomes an
item with state ``refused`` and the library's message as its reason.
"""

from __future__ import annotations

import datetime
import itertools
import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from typing import Any

from qsdomain import _checks, commitments, defaults, licensing, limits, metrology, sampling
from qsdomain._memo import Memo
from qsdomain._provisional import provisional_calendar
from qsdomain.calendars import WorkingCalendar, china
from qsdomain.commitments import (
    Accepted,
    Case,
    CaseClock,
    ClockState,
    DeficiencyNotified,
    Event,
    ExclusionStarted,
    ExtensionGranted,
    ServiceItem,
)
from qsdomain.desk._import import stored_items
from qsdomain.desk._model import (
    WEEKS,
    ActionItem,
    Family,
    LineState,
    Report,
    Section,
    WeekLoad,
    totals_of,
    trusted_item,
    trusted_section,
)
from qsdomain.errors import InvalidInputError, QSDomainError
from qsdomain.ledgers import commitments as case_format
from qsdomain.ledgers import licensing as licence_format
from qsdomain.licensing import (
    Licence,
    LicenceEvent,
    LicenceKind,
    LicenceState,
    Renewed,
    Suspended,
)
from qsdomain.metrology import Instrument, InstrumentState, InstrumentStatus, Verification
from qsdomain.periods import Term
from qsdomain.rejects import RowRejected

__all__ = ["build_report", "default_calendar"]

#: A row as sqlite3 returns it (its cells are typed by the schema, not by Python).
_SqlRow = tuple[Any, ...]

REFUSED = "refused"

#: The last day a report can be asked for: it looks ahead up to limits.MAX_WITHIN_DAYS days and
#: lists its workload by week for WEEKS weeks, and Python's dates end at 9999-12-31.
LATEST_AS_OF = date.max - timedelta(days=limits.MAX_WITHIN_DAYS + 7 * WEEKS)


def default_calendar(
    as_of: date,
    base: WorkingCalendar | None = None,
    *,
    provisional: str = defaults.PROVISIONAL,
    until: date | None = None,
) -> WorkingCalendar:
    """``base`` (default :func:`~qsdomain.calendars.china`), extended provisionally by the
    provisional policy: by default with the statutory-holiday rule to three years past
    ``as_of`` where its schedules end sooner.

    >>> from datetime import date
    >>> cal = default_calendar(date(2026, 11, 27))
    >>> cal.provisional != (), cal.is_provisional(date(2027, 3, 1))
    (True, True)

    The desk's report uses it when no calendar is given, so a deadline in a year whose State
    Council notice is not out yet is answered, and marked provisional, rather than refused;
    the command line builds every command's calendar with the same policy (``--provisional
    statutory|weekends|off``, ``--provisional-until DATE``). ``provisional`` is the rule
    (``statutory``, ``weekends``, or ``off``: ``base`` as it is) and ``until`` the last
    provisional day (:data:`qsdomain.defaults.PROVISIONAL`,
    :data:`~qsdomain.defaults.PROVISIONAL_YEARS`). The default reach stops where the
    statutory rule stops (the last year of its festival table,
    :func:`~qsdomain.calendars.statutory_days`) and at the longest calendar
    (:data:`~qsdomain.limits.MAX_CALENDAR_DAYS`), so any ``as_of`` gets a calendar: a report
    whose items need no day past it answers (an empty desk on any day), and an item whose
    clock needs a day past it is listed as refused with the calendar's error.

    >>> default_calendar(date(2500, 1, 1)).coverage.last
    datetime.date(2060, 12, 31)
    >>> default_calendar(date(2026, 11, 27), provisional="off").provisional
    ()
    """
    as_of = _checks.day("as_of", as_of)
    if base is None:
        base = china()
    elif not isinstance(base, WorkingCalendar):
        raise InvalidInputError("base", base, "a WorkingCalendar or None")
    return provisional_calendar(base, as_of, rule=provisional, until=until)


class _Weeks:
    """Items falling due in each of the next :data:`WEEKS` weeks, from the report's Monday."""

    def __init__(self, as_of: date) -> None:
        self.as_of = as_of
        self.first = as_of - timedelta(days=as_of.weekday())
        self.counts = [0] * WEEKS

    def add(self, due: date | None) -> None:
        if due is None or due < self.as_of:
            return
        week = (due - self.first).days // 7
        if week < WEEKS:
            self.counts[week] += 1

    def loads(self) -> tuple[WeekLoad, ...]:
        return tuple(
            WeekLoad(week_of=self.first + timedelta(days=7 * i), count=n)
            for i, n in enumerate(self.counts)
        )


def _refused(family: Family, key: str, name: str, err: QSDomainError) -> ActionItem:
    return _refused_text(family, key, name, str(err))


def _refused_text(family: Family, key: str, name: str, why: str) -> ActionItem:
    return ActionItem(
        family=family,
        key=key,
        name=name,
        state=REFUSED,
        due=None,
        days_left=None,
        reason=f"the library refused this entry: {why}"[:2000],
    )


def _stored_day(table: str, key: object, column: str, cell: object) -> date:
    """A stored day as a date; a cell that is not a real day (``2026-02-30``, written by other
    means than an import: the schema's CHECK sees only its shape) is refused by name, so the
    row becomes a ``refused`` item."""
    if isinstance(cell, str):
        try:
            day = date.fromisoformat(cell)
        except ValueError:
            pass
        else:
            if day.isoformat() == cell:
                return day
    raise InvalidInputError(
        f"stored {table} row {key!r}, column {column}", cell, "a real day written YYYY-MM-DD"
    )


def _stored_time(table: str, key: object, column: str, cell: object) -> datetime.datetime:
    """A stored time (ISO 8601, as an import writes it) as a datetime, or refused by name."""
    if isinstance(cell, str):
        try:
            return datetime.datetime.fromisoformat(cell)
        except ValueError:
            pass
    raise InvalidInputError(
        f"stored {table} row {key!r}, column {column}", cell, "a time written in ISO 8601"
    )


# -- metrology -----------------------------------------------------------------------------------

_INSTRUMENT_ROWS = (
    "SELECT id, name, category, interval_months, supervision, scheme, regime,"
    " max_interval_months, usage_limit FROM instruments ORDER BY id"
)
# The primary key's order: no sort. Records of one day come in the order of their file
# (seq), as ``metrology due`` reads them (a pass then a fail: out of service).
_RECORD_ROWS = (
    "SELECT instrument_id, verified_on, outcome, as_found, usage FROM verifications"
    " WHERE verified_on <= ? ORDER BY instrument_id, verified_on, seq"
)


class _Instruments:
    """Builds instruments and records from rows, sharing what rows have in common."""

    def __init__(self) -> None:
        self.templates: Memo[_SqlRow, Instrument] = Memo(1 << 16)
        self.records: Memo[tuple[str, str], Verification] = Memo(1 << 16)
        self.terms: Memo[int, Term] = Memo(1 << 16)

    def term(self, months: int | None) -> Term | None:
        if months is None:
            return None
        found = self.terms.get(months)
        if found is None:
            found = self.terms.put(months, Term(months=months))
        return found

    def instrument(self, row: _SqlRow) -> Instrument:
        shape = row[1:]
        template = self.templates.get(shape)
        if template is None:
            name, category, months, supervision, scheme, regime, most, limit = shape
            template = Instrument(
                id=str(row[0]),
                name=name,
                category=category,
                interval=self.term(months),
                supervision=supervision,
                scheme=scheme,
                regime=regime,
                max_interval=self.term(most),
                usage_limit=limit,
            )
            return self.templates.put(shape, template)
        return template.with_id(str(row[0]))

    def record(self, ident: str, on: str, outcome: str, as_found: Any, usage: Any) -> Verification:
        if as_found is None and usage is None:
            key = (on, outcome)
            found = self.records.get(key)
            if found is None:
                day = _stored_day("verifications", ident, "verified_on", on)
                found = self.records.put(key, Verification(on=day, outcome=outcome))
            return found
        return Verification(
            on=_stored_day("verifications", ident, "verified_on", on),
            outcome=outcome,
            as_found=as_found,
            usage=usage,
        )


def _histories(
    conn: sqlite3.Connection, as_of: date, refused: list[ActionItem]
) -> Iterator[tuple[Instrument, list[Verification]]]:
    """Each instrument with its records up to ``as_of``: two key-ordered scans, merged."""
    build = _Instruments()
    records = iter(conn.cursor().execute(_RECORD_ROWS, (as_of.isoformat(),)))
    pending = next(records, None)
    for row in conn.execute(_INSTRUMENT_ROWS):
        ident = row[0]
        history: list[Verification] = []
        problem: QSDomainError | None = None
        while pending is not None and pending[0] <= ident:  # UTF-8 order is code-point order
            if pending[0] == ident and problem is None:
                try:
                    history.append(build.record(ident, *pending[1:5]))
                except QSDomainError as err:
                    problem = err
            pending = next(records, None)
        try:
            if problem is not None:
                raise problem
            instrument = build.instrument(row)
        except QSDomainError as err:
            refused.append(_refused(Family.METROLOGY, str(ident), str(row[1]), err))
            continue
        yield instrument, history


_METROLOGY_ORDER = [s.value for s in InstrumentState]


class _Refusals:
    """The metrology family's rejects, as the desk's refused items: the item the family
    refused is the one it was last given (``given[0]``), the stream being read in order."""

    def __init__(self, refused: list[ActionItem]) -> None:
        self.refused = refused
        self.given: list[Instrument | None] = [None]

    def feed(
        self, pairs: Iterator[tuple[Instrument, list[Verification]]]
    ) -> Iterator[tuple[Instrument, list[Verification]]]:
        for pair in pairs:
            self.given[0] = pair[0]
            yield pair

    def add(self, rejection: RowRejected) -> None:
        instrument = self.given[0]
        assert instrument is not None  # the family refuses only what it was given
        field = rejection.field.partition("].")[2] or rejection.field
        self.refused.append(
            _refused_text(
                Family.METROLOGY,
                instrument.id,
                instrument.name,
                f"{field} must be {rejection.reason}, got {rejection.value}",
            )
        )


def _metrology(conn: sqlite3.Connection, as_of: date, within: int) -> Section:
    """``within`` means what it means to ``metrology due --within`` and to
    :func:`qsdomain.metrology.worklist`: the listing window in calendar days, so the listing is
    the family's due list with that window (issue #19: one meaning of ``within``)."""
    refused: list[ActionItem] = []
    names: dict[str, str] = {}
    weeks = _Weeks(as_of)
    counts: Counter[str] = Counter()
    listed: list[InstrumentStatus] = []
    sink = _Refusals(refused)
    pairs = sink.feed(_histories(conn, as_of, refused))
    for st in metrology.statuses(pairs, as_of, rejects=sink):
        state = st.state
        counts[state.value] += 1
        weeks.add(st.due)
        if state is InstrumentState.OUT_OF_SERVICE or (
            state is InstrumentState.CURRENT and (st.days_left is None or st.days_left > within)
        ):
            continue  # never on the family's due list (due_report would drop them)
        instrument = sink.given[0]
        assert instrument is not None
        names[st.id] = instrument.name
        listed.append(st)
    ordered = metrology.due_report(listed, within=within).due
    items = [
        trusted_item(
            Family.METROLOGY,
            st.id,
            names[st.id],
            st.state.value,
            st.due,
            st.days_left,
            st.reason,
            False,
        )
        for st in ordered
    ]
    counts[REFUSED] = len(refused)
    return trusted_section(
        family=Family.METROLOGY,
        read=sum(counts.values()),
        items=(*refused, *items),
        totals=totals_of(+counts, [*_METROLOGY_ORDER, REFUSED]),
        workload=weeks.loads(),
    )


# -- licensing -----------------------------------------------------------------------------------

_LICENCE_ROWS = (
    "SELECT number, kind, holder, issued, valid_until, scope FROM licences ORDER BY number"
)
# The primary key's order: events of one day in the order of their file (seq), as
# ``licences check`` reads them.
_LICENCE_EVENT_ROWS = """
SELECT number, event, on_day, until, valid_until, note FROM licence_events WHERE on_day <= ?
ORDER BY number, on_day, seq
"""


def _licence_event(row: _SqlRow) -> LicenceEvent:
    number, code, on_text, until, valid_until, note = row
    on = _stored_day("licence_events", number, "on_day", on_text)
    if code == "suspended":
        end = _stored_day("licence_events", number, "until", until)
        return Suspended(on=on, until=end, note=note)
    if code == "renewed":
        valid = (
            None
            if valid_until is None
            else _stored_day("licence_events", number, "valid_until", valid_until)
        )
        return Renewed(on=on, valid_until=valid, note=note)
    return licence_format.EVENT_TYPES[str(code)](on=on, note=note)  # type: ignore[call-arg]


def _licence_pairs(
    conn: sqlite3.Connection, as_of: date, refused: list[ActionItem]
) -> Iterator[tuple[Licence, list[LicenceEvent]]]:
    events = conn.cursor().execute(_LICENCE_EVENT_ROWS, (as_of.isoformat(),))
    pending = events.fetchone()
    for number, kind, holder, issued, valid_until, scope in conn.execute(_LICENCE_ROWS):
        history: list[LicenceEvent] = []
        problem: QSDomainError | None = None
        while pending is not None and pending[0] <= number:
            if pending[0] == number and problem is None:
                try:
                    history.append(_licence_event(pending))
                except QSDomainError as err:
                    problem = err
            pending = events.fetchone()
        try:
            if problem is not None:
                raise problem
            licence = Licence(
                kind=kind,
                number=number,
                holder=holder,
                issued=_stored_day("licences", number, "issued", issued),
                valid_until=(
                    None
                    if valid_until is None
                    else _stored_day("licences", number, "valid_until", valid_until)
                ),
                scope=scope,
            )
        except QSDomainError as err:
            refused.append(_refused(Family.LICENSING, number, holder, err))
            continue
        yield licence, history


_LICENCE_ORDER = [s.value for s in LicenceState]


def _licensing(conn: sqlite3.Connection, as_of: date, within: int, cal: WorkingCalendar) -> Section:
    refused: list[ActionItem] = []
    weeks = _Weeks(as_of)
    counts: Counter[str] = Counter()
    kinds: dict[str, LicenceKind] = {}
    current: list[Licence] = []

    def pairs() -> Iterator[tuple[Licence, list[LicenceEvent]]]:
        # statuses() takes one item, then yields its status or reports it: the licence a
        # rejection is about is the last one taken.
        for licence, history in _licence_pairs(conn, as_of, refused):
            current[:] = [licence]
            kinds[licence.kind.code] = licence.kind
            yield licence, history

    class Refusals:
        def add(self, rejected: RowRejected) -> None:
            lic = current[0]
            field = rejected.field.partition("].")[2] or rejected.field
            refused.append(
                _refused_text(
                    Family.LICENSING,
                    lic.number,
                    lic.holder,
                    f"{field} must be {rejected.reason}, got {rejected.value}",
                )
            )

    actionable: list[licensing.LicenceStatus] = []
    for st in licensing.statuses(pairs(), as_of, calendar=cal, rejects=Refusals()):
        weeks.add(st.renewal_due)
        counts[st.state.value] += 1
        if st.action is not None:  # the others are never listed
            actionable.append(st)
    listed = licensing.worklist(actionable, as_of, within=within, calendar=cal)
    items = [
        trusted_item(
            Family.LICENSING,
            st.id,
            st.holder,
            st.action.value if st.action is not None else st.state.value,
            st.due,
            st.days_left,
            st.reason,
            licensing.counted_provisionally(st, kinds[st.kind], cal),
        )
        for st in listed
    ]
    counts[REFUSED] = len(refused)
    return trusted_section(
        family=Family.LICENSING,
        read=sum(counts.values()),
        items=(*refused, *items),
        totals=totals_of(+counts, [*_LICENCE_ORDER, REFUSED]),
        workload=weeks.loads(),
    )


# -- commitments ---------------------------------------------------------------------------------

_CASE_ROWS = """
SELECT case_id, item, handler, event, at, missing, outstanding, kind, notified, days,
       approver, reason
FROM case_events ORDER BY case_id, seq
"""


def _parts(text: object) -> list[str]:
    return [] if text is None else [p for p in str(text).split("；") if p]


def _case_event(row: _SqlRow) -> Event:
    code, at_text = row[3], row[4]
    at = _stored_time("case_events", row[0], "at", at_text)
    if code in case_format.TIME_ONLY:
        return case_format.EVENT_TYPES[code](at=at)
    if code == "deficiency_notified":
        return DeficiencyNotified(at=at, missing=_parts(row[5]))
    if code == "accepted":
        return Accepted(at=at, outstanding=_parts(row[6]))
    if code == "exclusion_started":
        notified = (
            None if row[8] is None else _stored_day("case_events", row[0], "notified", row[8])
        )
        return ExclusionStarted(at=at, kind=row[7], notified=notified)
    return ExtensionGranted(at=at, days=row[9], by=row[10], reason=row[11])


def _cases(
    conn: sqlite3.Connection, items: dict[str, ServiceItem], refused: list[ActionItem]
) -> Iterator[Case]:
    current: object = None
    rows: list[_SqlRow] = []

    def built() -> Case | None:
        first = rows[0]
        item = items.get(str(first[1]))
        if item is None:  # only a database written with foreign keys off can hold this
            err = InvalidInputError(
                f"stored case_events row {first[0]!r}, column item",
                first[1],
                "a service item in the desk",
            )
            refused.append(_refused(Family.COMMITMENTS, str(first[0]), str(first[1]), err))
            return None
        try:
            return Case(
                id=str(first[0]),
                item=item,
                events=[_case_event(r) for r in rows],
                handler=first[2],
            )
        except QSDomainError as err:
            refused.append(_refused(Family.COMMITMENTS, str(first[0]), item.name, err))
            return None

    for row in conn.execute(_CASE_ROWS):
        if row[0] != current:
            if rows and (case := built()) is not None:
                yield case
            current, rows = row[0], []
        rows.append(row)
    if rows and (case := built()) is not None:
        yield case


_CASE_ORDER = [s.value for s in ClockState]
_WEEKLY_CASES = frozenset({ClockState.BREACHED, ClockState.WARNING, ClockState.ON_TRACK})


class _Refused:
    """The rejects sink of the case stream: a case the clocks refuse becomes a ``refused``
    item (the stream reports it right after reading it, so ``current`` is that case)."""

    def __init__(self, refused: list[ActionItem]) -> None:
        self.refused = refused
        self.current: Case | None = None

    def feed(self, cases: Iterable[Case]) -> Iterator[Case]:
        for case in cases:
            self.current = case
            yield case

    def add(self, rejected: RowRejected) -> None:
        case = self.current
        assert case is not None  # for mypy: a case was read before it was refused
        self.refused.append(
            ActionItem(
                family=Family.COMMITMENTS,
                key=case.id,
                name=case.item.name,
                state=REFUSED,
                due=None,
                days_left=None,
                reason=(
                    f"the library refused this entry: {rejected.field} must be "
                    f"{rejected.reason}, got {rejected.value}"
                )[:2000],
            )
        )


def _commitments(
    conn: sqlite3.Connection, as_of: date, within: int, cal: WorkingCalendar
) -> Section:
    """The family's worklist (:func:`qsdomain.commitments.worklist`: breached and warning
    cases, and open ones due within ``within`` days), its states and reasons as they are."""
    refused: list[ActionItem] = []
    items = stored_items(conn)
    weeks = _Weeks(as_of)
    counts: Counter[str] = Counter()
    kept: list[CaseClock] = []
    names = {code: item.name for code, item in items.items()}
    sink = _Refused(refused)
    cases = sink.feed(_cases(conn, items, refused))
    for c in commitments.statuses(cases, as_of, calendar=cal, rejects=sink):
        state = c.state
        counts[state.value] += 1
        if state in _WEEKLY_CASES:
            weeks.add(c.due)
            kept.append(c)
    items_out = [
        trusted_item(
            Family.COMMITMENTS,
            c.id,
            names.get(c.item_code, c.item_code),
            c.state.value,
            c.due,
            c.days_left,
            c.reason,
            c.provisional,
        )
        for c in commitments.worklist_from_clocks(kept, within=within)
    ]
    counts[REFUSED] = len(refused)
    return trusted_section(
        family=Family.COMMITMENTS,
        read=sum(counts.values()),
        items=(*refused, *items_out),
        totals=totals_of(+counts, [*_CASE_ORDER, REFUSED]),
        workload=weeks.loads(),
    )


# -- sampling ------------------------------------------------------------------------------------

_LOT_ROWS = """
SELECT lot_id, product, received, lot_size, aql, level, nonconforming_found FROM lots
WHERE received <= ? ORDER BY product, received, lot_id
"""


class _LineRejects:
    """The lots of one line that the sampling family refused, by position (from 1)."""

    def __init__(self) -> None:
        self.by_position: dict[int, RowRejected] = {}

    def add(self, rejection: RowRejected) -> None:
        self.by_position[rejection.line] = rejection


def _sampling(conn: sqlite3.Connection, as_of: date) -> Section:
    """Each product line's lots, as :func:`qsdomain.sampling.line_status` answers them."""
    dated: list[tuple[str, int, ActionItem]] = []
    lines: list[LineState] = []
    counts: Counter[str] = Counter()

    def add(lot_id: str, name: str, received: str, state: str, reason: str) -> None:
        item = ActionItem(
            family=Family.SAMPLING,
            key=lot_id,
            name=name,
            state=state,
            due=None,
            days_left=None,
            reason=f"received {received}; {reason}",
        )
        dated.append((received, len(dated), item))

    def refuse(lot_id: str, name: str, received: str, err: QSDomainError | str) -> None:
        counts[REFUSED] += 1
        item = _refused_text(Family.SAMPLING, lot_id, name, str(err))
        dated.append((received, len(dated), item))

    rows = conn.execute(_LOT_ROWS, (as_of.isoformat(),))
    for product, group in itertools.groupby(rows, key=lambda row: row[1]):
        rows_of_line = list(group)
        lots: list[sampling.Lot] = []
        refused: dict[int, QSDomainError] = {}  # row index -> why the row is no lot
        for index, (lot_id, _name, received, size, aql, level, found) in enumerate(rows_of_line):
            try:
                _stored_day("lots", lot_id, "received", received)
                lots.append(sampling.Lot(lot_id, size, aql, found, level))
            except QSDomainError as err:
                refused[index] = err
        rejects = _LineRejects()
        line = sampling.line_status(lots, rejects=rejects)
        outcomes = iter(line.lots)
        position = 0
        for index, (lot_id, name, received, *_rest) in enumerate(rows_of_line):
            if index in refused:
                refuse(lot_id, name, received, refused[index])
                continue
            position += 1
            rejection = rejects.by_position.get(position)
            if rejection is not None:  # the family's answer; the lot is named by its key
                field = rejection.field.removeprefix(f"lots[{position - 1}].")
                why = f"{field} must be {rejection.reason}, got {rejection.value}"
                refuse(lot_id, name, received, why)
                continue
            outcome = next(outcomes)
            counts[outcome.state.value] += 1
            if outcome.state is not sampling.LotState.ACCEPTED:
                add(lot_id, name, received, outcome.state.value, outcome.reason)
            if outcome.transition is not None and outcome.switch_reason is not None:
                add(
                    lot_id,
                    name,
                    received,
                    f"to_{outcome.transition.to.value}",
                    outcome.switch_reason,
                )
        if line.inspected:
            lines.append(
                LineState(
                    product=str(product),
                    severity=line.state.status.value,
                    lots=line.inspected,
                    not_accepted=line.not_accepted,
                    last_lot=rows_of_line[-1][0],
                )
            )
    # newest lots first; a lot's switch after the lot
    dated.sort(key=lambda entry: (entry[0], -entry[1]), reverse=True)
    items = [entry[2] for entry in dated]
    return trusted_section(
        family=Family.SAMPLING,
        read=sum(counts.values()),
        items=tuple(items),
        totals=totals_of(+counts, ["accepted", "not_accepted", "not_inspected", REFUSED]),
        workload=(),
        lines=tuple(lines),
    )


def build_report(
    conn: sqlite3.Connection, as_of: date, within: int, cal: WorkingCalendar
) -> Report:
    """Every family's section, in report order (``as_of`` at most :data:`LATEST_AS_OF`)."""
    if as_of > LATEST_AS_OF:
        raise InvalidInputError(
            "as_of",
            as_of,
            f"a day from {date.min} to {LATEST_AS_OF} (a report looks up to "
            f"{limits.MAX_WITHIN_DAYS} days and {WEEKS} weeks past it)",
        )
    return Report(
        as_of=as_of,
        within=within,
        sections=(
            _metrology(conn, as_of, within),
            _licensing(conn, as_of, within, cal),
            _commitments(conn, as_of, within, cal),
            _sampling(conn, as_of),
        ),
    )
