"""The desk's daily report: each family's ledger read from SQLite, asked of its family, ranked.

Reading streams: instruments, licences and cases are read in key order, one at a time, and
built into domain objects (what many rows share, such as an instrument's shape or a
verification day, is built once); only the items that need action are kept. A row the family
refuses (a history it cannot fold, a day past the calendar) is not dropped: it becomes an
item with state ``refused`` and the library's message as its reason.
"""

from __future__ import annotations

import datetime
import functools
import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from typing import Any

from qsdomain import _checks, commitments, licensing, limits, metrology
from qsdomain.calendars import WorkingCalendar, china, statutory_days
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
from qsdomain.errors import CalendarNotCoveredError, InvalidInputError, QSDomainError
from qsdomain.ledgers import commitments as case_format
from qsdomain.ledgers import licensing as licence_format
from qsdomain.licensing import (
    Licence,
    LicenceEvent,
    LicenceState,
    Renewed,
    Suspended,
)
from qsdomain.licensing._portfolio import NEVER_LISTED
from qsdomain.metrology import Instrument, InstrumentState, InstrumentStatus, Verification
from qsdomain.periods import LeadUnit, Term
from qsdomain.rejects import RowRejected
from qsdomain.sampling import SwitchingState, lot_result, plan_for

__all__ = ["build_report", "default_calendar"]

#: A row as sqlite3 returns it (its cells are typed by the schema, not by Python).
_SqlRow = tuple[Any, ...]

REFUSED = "refused"

#: How far past the report date the default calendar reaches (provisionally past the
#: official schedules). Three years is past the longest renewal lead of the bundled kinds (six
#: months, docs/licensing.md) and any limit of the example catalogue (at most 70 working days with
#: its extension);
#: a clock that reaches further is listed as refused with the calendar's error, not guessed.
_HORIZON = timedelta(days=3 * 366)

#: The last day a report can be asked for: it looks ahead up to limits.MAX_WITHIN_DAYS days and
#: lists its workload by week for WEEKS weeks, and Python's dates end at 9999-12-31.
LATEST_AS_OF = date.max - timedelta(days=limits.MAX_WITHIN_DAYS + 7 * WEEKS)


def default_calendar(as_of: date, base: WorkingCalendar | None = None) -> WorkingCalendar:
    """``base`` (default :func:`~qsdomain.calendars.china`), extended provisionally with the
    statutory-holiday rule to three years past ``as_of`` where its schedules end sooner.

    >>> from datetime import date
    >>> cal = default_calendar(date(2026, 11, 27))
    >>> cal.provisional != (), cal.is_provisional(date(2027, 3, 1))
    (True, True)

    The desk's report uses it when no calendar is given, so a deadline in a year whose State
    Council notice is not out yet is answered, and marked provisional, rather than refused.
    The extension stops where the statutory rule stops (the last year of its festival table,
    :func:`~qsdomain.calendars.statutory_days`) and at the longest calendar
    (:data:`~qsdomain.limits.MAX_CALENDAR_DAYS`), so any ``as_of`` gets a calendar: a report
    whose items need no day past it answers (an empty desk on any day), and an item whose
    clock needs a day past it is listed as refused with the calendar's error.

    >>> default_calendar(date(2500, 1, 1)).coverage.last
    datetime.date(2060, 12, 31)
    """
    as_of = _checks.day("as_of", as_of)
    if base is None:
        base = china()
    elif not isinstance(base, WorkingCalendar):
        raise InvalidInputError("base", base, "a WorkingCalendar or None")
    horizon = as_of + _HORIZON if as_of <= date.max - _HORIZON else date.max
    widest = base.coverage.first + timedelta(days=limits.MAX_CALENDAR_DAYS - 1)
    until = min(horizon, _statutory_reach(), widest)
    if until <= base.coverage.last:
        return base
    try:
        return base.extended(until=until, rule="statutory")
    except CalendarNotCoveredError:  # a base ending before the statutory rule's first year
        return base


@functools.cache
def _statutory_reach() -> date:
    """The last day the statutory rule can extend a calendar to: the end of the last year
    :func:`~qsdomain.calendars.statutory_days` answers (its festival table)."""
    year = china().coverage.last.year
    while year < date.max.year:
        try:
            statutory_days(year + 1)
        except CalendarNotCoveredError:
            break
        year += 1
    return date(year, 12, 31)


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
    return ActionItem(
        family=family,
        key=key,
        name=name,
        state=REFUSED,
        due=None,
        days_left=None,
        reason=f"the library refused this entry: {err}"[:2000],
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
        self.templates: dict[_SqlRow, Instrument] = {}
        self.records: dict[tuple[str, str], Verification] = {}
        self.terms: dict[int, Term] = {}

    def term(self, months: int | None) -> Term | None:
        if months is None:
            return None
        found = self.terms.get(months)
        if found is None:
            found = self.terms[months] = Term(months=months)
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
            if len(self.templates) > 65_536:
                self.templates.clear()
            self.templates[shape] = template
            return template
        return template.with_id(str(row[0]))

    def record(self, ident: str, on: str, outcome: str, as_found: Any, usage: Any) -> Verification:
        if as_found is None and usage is None:
            key = (on, outcome)
            found = self.records.get(key)
            if found is None:
                if len(self.records) > 65_536:
                    self.records.clear()
                day = _stored_day("verifications", ident, "verified_on", on)
                found = self.records[key] = Verification(on=day, outcome=outcome)
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


def _metrology(conn: sqlite3.Connection, as_of: date, within: int) -> Section:
    """``within`` means what it means to ``metrology due --within``: the due-soon window
    (:attr:`Policy.warning_days <qsdomain.metrology.Policy.warning_days>`), so the listing is
    the family's due list with that window (issue #18 item 5)."""
    refused: list[ActionItem] = []
    names: dict[str, str] = {}
    weeks = _Weeks(as_of)
    counts: Counter[str] = Counter()
    listed: list[InstrumentStatus] = []
    policy = metrology.Policy(warning_days=within)
    for instrument, records in _histories(conn, as_of, refused):
        try:
            st = metrology.status(instrument, records, as_of, policy=policy)
        except QSDomainError as err:
            refused.append(_refused(Family.METROLOGY, instrument.id, instrument.name, err))
            continue
        state = st.state
        counts[state.value] += 1
        weeks.add(st.due)
        if state is InstrumentState.OUT_OF_SERVICE or state is InstrumentState.CURRENT:
            continue  # never on the family's due list (due_report would drop them)
        names[st.instrument_id] = instrument.name
        listed.append(st)
    ordered = metrology.due_report(listed).due
    items = [
        trusted_item(
            Family.METROLOGY,
            st.instrument_id,
            names[st.instrument_id],
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
    found: list[licensing.WorkItem] = []
    for licence, history in _licence_pairs(conn, as_of, refused):
        try:
            st = licensing.status(licence, as_of, events=history, calendar=cal)
            due = st.renewal_due
            weeks.add(due)
            near = st.days_left is not None and st.days_left <= within
            if st.state not in NEVER_LISTED and (
                near or (due is not None and (due - as_of).days <= within)
            ):
                found.extend(
                    licensing.worklist([(licence, history)], as_of, within=within, calendar=cal)
                )
        except QSDomainError as err:
            refused.append(_refused(Family.LICENSING, licence.number, licence.holder, err))
            continue
        counts[st.state.value] += 1
    found.sort(key=lambda w: (w.due, w.status.licence.number))
    items = [
        trusted_item(
            Family.LICENSING,
            w.status.licence.number,
            w.status.licence.holder,
            w.reason.value,
            w.due,
            w.days,
            w.status.reason,
            _counted_provisionally(cal, w),
        )
        for w in found
    ]
    counts[REFUSED] = len(refused)
    return trusted_section(
        family=Family.LICENSING,
        read=sum(counts.values()),
        items=(*refused, *items),
        totals=totals_of(+counts, [*_LICENCE_ORDER, REFUSED]),
        workload=weeks.loads(),
    )


def _counted_provisionally(cal: WorkingCalendar, item: licensing.WorkItem) -> bool:
    """Whether the item's due day was counted in working days across provisional days (a
    lead in calendar months or days never is)."""
    if not cal.provisional:
        return False
    st = item.status
    if st.licence.kind.renewal_lead.unit is not LeadUnit.WORKING_DAYS:
        return False
    first, last = sorted((item.due, st.expires))
    # Only the days the calendar has can have been counted (an expiry past the calendar's end
    # was never counted in working days: the lead counts back from it into the calendar).
    first, last = max(first, cal.coverage.first), min(last, cal.coverage.last)
    return first <= last and cal.is_provisional_between(first, last)


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


def _sampling(conn: sqlite3.Connection, as_of: date) -> Section:
    dated: list[tuple[str, int, ActionItem]] = []
    lines: list[LineState] = []
    counts: Counter[str] = Counter()
    product: object = None
    state = SwitchingState.start(reduced_approved=False)
    lots = not_accepted = 0
    last = ""

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

    def close() -> None:
        if product is not None and lots:
            severity = "discontinued" if state.discontinued else state.severity.value
            lines.append(
                LineState(
                    product=str(product),
                    severity=severity,
                    lots=lots,
                    not_accepted=not_accepted,
                    last_lot=last,
                )
            )

    for lot_id, name, received, size, aql, level, found in conn.execute(
        _LOT_ROWS, (as_of.isoformat(),)
    ):
        if name != product:
            close()
            product, lots, not_accepted = name, 0, 0
            state = SwitchingState.start(reduced_approved=False)
        last = lot_id
        if state.discontinued:
            counts["not_inspected"] += 1
            add(
                lot_id,
                name,
                received,
                "not_inspected",
                "inspection discontinued on this line "
                "(GB/T 2828.1-2012 clause 9.4): accept no lot until the supplier's "
                "corrective action is accepted",
            )
            continue
        try:
            _stored_day("lots", lot_id, "received", received)
            chosen = plan_for(size, aql, level, state.severity)
            result = lot_result(chosen.plan, [found])
        except QSDomainError as err:
            counts[REFUSED] += 1
            dated.append((received, len(dated), _refused(Family.SAMPLING, lot_id, name, err)))
            continue
        before = state.severity
        state = state.record(result)
        lots += 1
        shown = (
            f"{before.value} plan {chosen.code_letter} n={chosen.sample_size} "
            f"Ac={chosen.acceptance_number} Re={chosen.rejection_number}, {found} found"
        )
        if result.accepted:
            counts["accepted"] += 1
        else:
            not_accepted += 1
            counts["not_accepted"] += 1
            add(lot_id, name, received, "not_accepted", f"not accepted ({shown})")
        switch = state.last_transition
        if switch is not None and (state.severity is not before or state.discontinued):
            add(
                lot_id,
                name,
                received,
                f"to_{switch.to.value}",
                f"{switch.from_.value} -> {switch.to.value} "
                "after this lot "
                f"(GB/T 2828.1-2012 clause {switch.clause}): {switch.reason}",
            )
    close()
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
