"""The clocks of a case: by when must it be decided, under the law and under the promise?

Rules (行政许可法, 2003, amended 2019-04-23, unless noted), applied below where marked:

* art. 82: limits are counted in working days on the China calendar (statutory holidays
  excluded, make-up working days counted).
* counting (issue #11): ``due`` is the n-th counted working day after ``accepted_on`` (the
  acceptance day is not counted); n is the limit plus the granted extension (art. 42); a working
  day from an excluded procedure's start date through its end date, both included, is not
  counted (art. 45).
* art. 32(4), deemed acceptance: incomplete materials not notified on or before the 5th working
  day after the receipt date (or no notice and no acceptance by then) make the application
  accepted on the receipt date.
* art. 34: an immediate item is decided on the day of receipt before close of business; an
  application received after close (or on a rest day) is due by close of the next working day.
* art. 44: the certificate is delivered within the item's ``delivery_limit`` working days of the
  decision.
* overtime items (加班办): the committed clock counts every calendar day; the statutory clock
  is unchanged.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime, time, timedelta
from typing import TypeAlias

from qsdomain import _checks, limits
from qsdomain._drafts import drafted
from qsdomain.calendars import WorkingCalendar, WorkingDayCalendar, as_working_calendar, china
from qsdomain.commitments._case import Case, CaseState, local_days
from qsdomain.commitments._clock_result import (
    CaseClock,
    ClockState,
    Deadline,
    Obligation,
    ObligationKind,
)
from qsdomain.commitments._items import ServiceItem, close_of_business, parse_hours, zone
from qsdomain.commitments._modes import Mode
from qsdomain.errors import InvalidInputError

__all__ = [
    "AsOf",
    "CaseClock",
    "ClockState",
    "Deadline",
    "Obligation",
    "ObligationKind",
    "clock",
    "status",
]

AsOf: TypeAlias = date | datetime
"""A date (read at its close in the item's zone) or an aware datetime."""

Spans: TypeAlias = Sequence[tuple[date, date | None]]
"""Excluded days (art. 45) as the calendar takes them: ``(first, last)`` pairs, both included,
``last`` ``None`` while the procedure runs; in order of first day."""

#: 行政许可法 art. 32(4): incomplete materials are notified within 5 (working, art. 82) days.
NOTICE_DAYS = 5
_ONE = timedelta(days=1)


# -- results built on the hot path ---------------------------------------------------------------


#: Deadline(limit, due, used, left, state, paused), Obligation(kind, by) and CaseClock(every
#: field, in order) from checked values, built by drafts (qsdomain._drafts).
_deadline_of = drafted(Deadline)
_obligation_of = drafted(Obligation)
_case_clock_of = drafted(CaseClock)


class _WorkingDays:
    """The working days of a calendar (art. 82), counted by the calendar's own public methods
    (:meth:`~qsdomain.calendars.WorkingCalendar.add_working_days_excluding` and
    :meth:`~qsdomain.calendars.WorkingCalendar.working_days_between_excluding`): the clocks
    never count working days themselves."""

    __slots__ = ("cal",)

    #: The builder of a clock's next obligation (the batch kernel's counter shares one object
    #: per distinct value among the clocks of a ledger instead).
    obligation_of = staticmethod(_obligation_of)

    def __init__(self, cal: WorkingCalendar) -> None:
        self.cal = cal

    def after(self, day: date, n: int) -> date:
        """The n-th working day after ``day``."""
        return self.cal.add_working_days(day, n)

    @staticmethod
    def text(day: date | None) -> str:
        """A day as a reason writes it (:func:`_day_text`)."""
        return _day_text(day)

    def due(self, start: date, n: int, spans: Spans) -> date | None:
        """The n-th working day after ``start`` outside the spans; ``None`` at a running one."""
        return self.cal.add_working_days_excluding(start, n, spans)

    def used(self, start: date, upto: date, spans: Spans) -> int:
        """Working days ``x`` with ``start < x <= upto`` outside the spans."""
        if upto <= start:
            return 0
        return self.cal.working_days_between_excluding(start, upto, spans)


class _CalendarDays:
    """Every calendar day counted (the committed clock of an overtime item, 加班办): plain day
    arithmetic, span days (art. 45) not counted."""

    __slots__ = ()

    def after(self, day: date, n: int) -> date:
        """The n-th day after ``day``."""
        return day + timedelta(days=n)

    def due(self, start: date, n: int, spans: Spans) -> date | None:
        """The n-th day after ``start`` outside the spans; ``None`` if a running span
        (``end is None``) is reached first."""
        remaining, cursor = n, start
        for first, end in spans:
            if end is not None and end <= cursor:
                continue
            available = (max(first, cursor + _ONE) - _ONE - cursor).days
            if remaining <= available:
                break
            remaining -= available
            if end is None:
                return None
            cursor = end
        return cursor + timedelta(days=remaining)

    def used(self, start: date, upto: date, spans: Spans) -> int:
        """Days ``x`` with ``start < x <= upto`` outside the spans (overlaps counted once)."""
        if upto <= start:
            return 0
        total, cursor = (upto - start).days, start
        for first, end in spans:
            lo = max(first, cursor + _ONE)
            hi = upto if end is None else min(end, upto)
            if lo <= hi:
                total -= (hi - lo).days + 1
                cursor = hi
        return total


Days: TypeAlias = _WorkingDays | _CalendarDays
_CALENDAR_DAYS = _CalendarDays()
_by = operator.itemgetter(0)


# -- acceptance ------------------------------------------------------------------------------


def _acceptance(  # noqa: PLR0917 - positional: called once per clock, on the hot path
    state: CaseState,
    received_on: date,
    notice_by: date,
    day: date,
    recorded: date | None,
    decided: date | None,
) -> tuple[date | None, bool]:
    """(accepted_on, deemed) under 行政许可法 art. 32; ``recorded`` and ``decided`` are the
    local days of the recorded acceptance and of the decision."""
    if state.notified_on is not None and state.notified_on <= notice_by:
        # Timely one-time notice: the clock starts at acceptance, or when the materials are
        # complete (指导办), or at the latest with the decision.
        return recorded or state.completed_on or decided, False
    if recorded is not None and recorded <= notice_by:
        return recorded, False
    if decided is not None and decided <= notice_by and state.notified_on is None:
        return decided, False
    if day > notice_by:
        return received_on, True  # art. 32(4): deemed accepted on the day of receipt
    return None, False


# -- the clocks ------------------------------------------------------------------------------


def _as_of_checked(value: object) -> AsOf:
    if isinstance(value, datetime):
        return _checks.aware_datetime("as_of", value)
    if isinstance(value, date):
        return value
    raise InvalidInputError("as_of", value, "a datetime.date or a timezone-aware datetime")


def _as_of(value: object, item: ServiceItem) -> tuple[datetime, date]:
    tz = zone(item.zone)
    if isinstance(value, datetime):
        moment = _checks.aware_datetime("as_of", value)
        return moment, moment.astimezone(tz).date()
    if isinstance(value, date):
        return datetime.combine(value, time.max, tzinfo=tz), value
    raise InvalidInputError("as_of", value, "a datetime.date or a timezone-aware datetime")


# Enum members bound once: reading one off its class costs more than the comparison it
# serves (a clock makes a dozen such comparisons).
_BREACHED = ClockState.BREACHED
_MET = ClockState.MET
_MISSED = ClockState.MISSED
_MODE_COORDINATED = Mode.COORDINATED
_MODE_IMMEDIATE = Mode.IMMEDIATE
_MODE_OVERTIME = Mode.OVERTIME
_MODE_TRACKED = Mode.TRACKED
_NOT_STARTED = ClockState.NOT_STARTED
_ON_TRACK = ClockState.ON_TRACK
_TO_DECIDE = ObligationKind.DECIDE
_TO_DELIVER = ObligationKind.DELIVER
_TO_HOLD_MEETING = ObligationKind.HOLD_MEETING
_TO_NOTIFY_EXCLUSION = ObligationKind.NOTIFY_EXCLUSION
_TO_NOTIFY_OR_ACCEPT = ObligationKind.NOTIFY_OR_ACCEPT
_TO_REPORT_PROGRESS = ObligationKind.REPORT_PROGRESS
_TO_SUPPLY_OUTSTANDING = ObligationKind.SUPPLY_OUTSTANDING
_WARNING = ClockState.WARNING
_WITHDRAWN = ClockState.WITHDRAWN


def _deadline(  # noqa: PLR0917 - positional: called twice per clock, on the hot path
    counter: Days,
    n: int,
    accepted_on: date | None,
    state: CaseState,
    spans: Spans,
    day: date,
    decided_on: date | None,
    warn_at: float,
    used: int | None = None,
) -> Deadline:
    """The deadline of ``n`` counted days, ``spans`` the state's exclusions as pairs;
    ``used``, if given, is what this counter counts from acceptance to the decision or
    ``day`` (the statutory clock's, for the committed clock on the same counter: the count
    does not depend on ``n``)."""
    if state.withdrawn_on is not None:
        return _deadline_of(n, None, 0, n, _WITHDRAWN, False)
    if accepted_on is None:
        return _deadline_of(n, None, 0, n, _NOT_STARTED, False)
    due = counter.due(accepted_on, n, spans) if spans else counter.after(accepted_on, n)
    if used is None:
        used = counter.used(accepted_on, decided_on or day, spans)
    paused = decided_on is None and state.open_exclusion is not None
    if decided_on is not None:
        result = _MET if due is not None and decided_on <= due else _MISSED
    elif due is not None and day > due:
        result = _BREACHED
    elif n and used >= warn_at * n:
        result = _WARNING
    else:
        result = _ON_TRACK
    return _deadline_of(n, due, used, n - used, result, paused)


def _immediate(
    cal: WorkingCalendar, item: ServiceItem, state: CaseState, moment: datetime, received: datetime
) -> Deadline:
    """Art. 34: decided on the day of receipt before close of business (the next working day
    when received after close or on a rest day)."""
    tz = zone(item.zone)
    arrived = received.astimezone(tz)
    received_on = arrived.date()
    close = close_of_business(item)
    minutes = arrived.hour * 60 + arrived.minute
    open_now = parse_hours(item.business_hours)[0][0] <= minutes and arrived.time() < close
    due = received_on if cal.is_working_day(received_on) and open_now else None
    if due is None:
        due = cal.add_working_days(received_on, 1)
    deadline = datetime.combine(due, close, tzinfo=tz)
    if state.withdrawn_on is not None:
        result = _WITHDRAWN
    elif state.decided_at is not None:
        result = _MET if state.decided_at <= deadline else _MISSED
    elif moment > deadline:
        result = _BREACHED
    else:
        result = _ON_TRACK
    return _deadline_of(0, due, 0, 0, result, False)


def _obligations(
    counter: _WorkingDays,
    item: ServiceItem,
    state: CaseState,
    *,
    accepted_on: date | None,
    notice_by: date,
    committed: Deadline,
    decided_on: date | None,
) -> list[tuple[date, ObligationKind]]:
    """Everything still to do, each as (its last day, what), for a case neither withdrawn
    nor delivered (those have nothing left); ``counter`` counts working days."""
    if decided_on is not None:
        limit = item.delivery_limit  # art. 44
        return [(counter.after(decided_on, limit), _TO_DELIVER)]
    if accepted_on is None:
        if state.notified_on is None:  # art. 32(4): notify or accept within 5 working days
            return [(notice_by, _TO_NOTIFY_OR_ACCEPT)]
        return []  # waiting for the applicant's materials
    todo: list[tuple[date, ObligationKind]] = []
    running = state.open_exclusion
    if running is not None and running.notified is None:  # art. 45: tell in writing
        todo.append((running.start, _TO_NOTIFY_EXCLUSION))
    if state.outstanding:
        todo.append((counter.after(accepted_on, item.outstanding_limit), _TO_SUPPLY_OUTSTANDING))
    if item.mode is _MODE_TRACKED:
        since = max(accepted_on, state.last_progress_on or accepted_on)
        every = item.progress_every
        todo.append((counter.after(since, every), _TO_REPORT_PROGRESS))
    if item.mode is _MODE_COORDINATED and state.meeting_on is None:
        todo.append((counter.after(accepted_on, item.meeting_within), _TO_HOLD_MEETING))
    if committed.due is not None:
        todo.append((committed.due, _TO_DECIDE))
    return todo


def _calendar(calendar: object) -> WorkingCalendar:
    if calendar is None:
        return china()
    if isinstance(calendar, WorkingCalendar):
        return calendar
    if isinstance(calendar, WorkingDayCalendar):
        return as_working_calendar(calendar)
    raise InvalidInputError("calendar", calendar, "a WorkingCalendar, or None for china()")


def _not_started(case: Case, day: date) -> CaseClock:
    """The clock of a case whose application has not been received by ``day``."""
    off = _deadline_of(0, None, 0, 0, _NOT_STARTED, False)
    item = case.item
    reason = f"not_started: not received by {day} (未收件)"
    return _case_clock_of(
        case.id, day, _NOT_STARTED, None, None, reason, item.code, item.mode,
        None, None, False, off, off, None, None, 0, False,
    )  # fmt: skip


def _day_text(day: date | None) -> str:
    """A day in a reason: ISO 8601, or "not yet known" (a paused clock's due day)."""
    return "not yet known" if day is None else day.isoformat()


def _reason_of(  # noqa: PLR0917 - one line from the facts of a clock, positional
    state: ClockState,
    mode: Mode,
    committed: Deadline,
    statutory: Deadline,
    accepted_on: date | None,
    owed: Obligation | None,
    text: Callable[[date | None], str] = _day_text,
) -> str:
    """The one-line reason of a clock: the committed clock in its own unit (working days, or
    calendar days for an overtime item, 加班办), the statutory clock, and what is next (an
    overdue obligation said so); ``text`` writes a day (the batch kernel's remembers them).

    >>> from datetime import date
    >>> d = Deadline(limit=5, due=date(2026, 10, 5), used=6, left=-1, state="breached")
    >>> owed = Obligation(kind="decide", by=date(2026, 10, 5), overdue=True)
    >>> print(_reason_of(ClockState.BREACHED, Mode.OVERTIME, d, d, date(2026, 9, 29), owed))
    ... # doctest: +NORMALIZE_WHITESPACE
    breached: committed limit (承诺时限) 5 calendar days (加班办), 6 used, due 2026-10-05;
    statutory (法定时限) due 2026-10-05 (breached); next: decide by 2026-10-05, overdue (逾期)
    """
    value = state._value_
    if mode is _MODE_IMMEDIATE:
        head = value + ": decided on the day (即办), due " + text(committed.due)
    elif accepted_on is None:
        head = value + ": not accepted yet (未受理)"
    else:
        unit = "calendar days (加班办)" if mode is _MODE_OVERTIME else "working days"
        head = (
            f"{value}: committed limit (承诺时限) {committed.limit} {unit}, {committed.used} "
            f"used, due {text(committed.due)}; statutory (法定时限) due {text(statutory.due)} "
            f"({statutory.state._value_})"
        )
    if owed is None:
        return head
    late = ", overdue (逾期)" if owed.overdue else ""
    return f"{head}; next: {owed.kind._value_} by {text(owed.by)}{late}"


def _excluded_days(
    working: Days,
    state: CaseState,
    statutory: Deadline,
    accepted_on: date | None,
    upto: date,
) -> int:
    """Working days not counted because an art. 45 procedure was running (0 if none)."""
    if not state.exclusions or statutory.state in (_WITHDRAWN, _NOT_STARTED):
        return 0
    assert accepted_on is not None  # for mypy: the clock started
    return working.used(accepted_on, upto, ()) - statutory.used


def clock(
    case: Case,
    as_of: AsOf,
    *,
    calendar: WorkingCalendar | WorkingDayCalendar | None = None,
) -> CaseClock:
    """Both clocks of ``case`` as of a date (its close, in the item's zone) or an aware datetime.

    >>> from datetime import date, datetime
    >>> from zoneinfo import ZoneInfo
    >>> from qsdomain.calendars import china
    >>> from qsdomain.commitments import Accepted, Case, Received, ServiceItem
    >>> SH = ZoneInfo("Asia/Shanghai")
    >>> item = ServiceItem(code="XK-001", name="工业产品生产许可证 发证", mode="tracked",
    ...                    statutory_limit=20, committed_limit=10)
    >>> case = Case(id="2026-0928-001", item=item, events=[
    ...     Received(at=datetime(2026, 9, 28, 10, 0, tzinfo=SH)),
    ...     Accepted(at=datetime(2026, 9, 28, 15, 0, tzinfo=SH))])
    >>> c = clock(case, as_of=date(2026, 10, 9), calendar=china())
    >>> c.accepted_on, c.statutory.due, c.committed.due
    (datetime.date(2026, 9, 28), datetime.date(2026, 10, 30), datetime.date(2026, 10, 16))
    >>> c.state.value, c.committed.used, c.next_obligation.kind.value
    ('on_track', 4, 'report_progress')

    Only the events up to ``as_of`` count, so the answer for a past date is what was known
    then. ``calendar`` defaults to :func:`qsdomain.calendars.china`; a date the calculation
    reaches outside its coverage raises :class:`~qsdomain.errors.CalendarNotCoveredError`:
    pass ``china().extended(until=...)`` for an explicitly provisional answer (then
    ``provisional`` is ``True``).
    """
    if not isinstance(case, Case):
        raise InvalidInputError("case", case, "a Case")
    cal = _calendar(calendar)
    moment, day = _as_of(as_of, case.item)
    return _read(case, moment, day, cal, _WorkingDays(cal))


def _read(
    case: Case, moment: datetime, day: date, cal: WorkingCalendar, working: _WorkingDays
) -> CaseClock:
    """:func:`clock` once its arguments are checked (``moment`` and ``day`` from
    :func:`_as_of` in the item's zone, ``working`` the calendar's working days: a
    :class:`_WorkingDays`, or the batch kernel's memoising one);
    :func:`~qsdomain.commitments.clocks` calls it directly, checking the date and calendar once
    for all cases."""
    item = case.item
    state = case._state  # the state after the last event, and its local days: kept by the case
    if moment >= state.last_at:  # type: ignore[operator]  # a case has events
        received_on, recorded, decided_on = case._days
    else:
        state = case._state_at(moment)  # moment checked by _as_of
        if state.received_at is None:
            return _not_started(case, day)
        received_on, recorded, decided_on = local_days(state, item)
    notice_by = working.after(received_on, NOTICE_DAYS)
    accepted_on, deemed = _acceptance(state, received_on, notice_by, day, recorded, decided_on)
    warn = item.warn_at[0] if item.warn_at else 1.0
    extra = state.extension_days
    spans: Spans = [(s.start, s.end) for s in state.exclusions] if state.exclusions else ()

    statutory = _deadline(
        working, item.statutory_limit + extra, accepted_on, state, spans, day, decided_on, warn
    )
    if item.mode is _MODE_IMMEDIATE:
        assert state.received_at is not None  # for mypy: checked above
        committed = _immediate(cal, item, state, moment, state.received_at)
    else:
        n = item.committed_limit + extra
        if item.mode is _MODE_OVERTIME:
            committed = _deadline(
                _CALENDAR_DAYS, n, accepted_on, state, spans, day, decided_on, warn
            )
        else:  # the statutory clock's counter: the same days used
            used = statutory.used
            committed = _deadline(
                working, n, accepted_on, state, spans, day, decided_on, warn, used
            )
    if state.withdrawn_on is not None or state.delivered_on is not None:
        todo: list[tuple[date, ObligationKind]] = []  # nothing left to do
    else:
        todo = _obligations(
            working, item, state, accepted_on=accepted_on, notice_by=notice_by,
            committed=committed, decided_on=decided_on,
        )  # fmt: skip
    delivery_due = todo[0][0] if todo and todo[0][1] is _TO_DELIVER else None
    # The earliest, the first listed on a tie (most clocks have one obligation or none).
    first = (todo[0] if len(todo) == 1 else min(todo, key=_by)) if todo else None
    excluded = (
        _excluded_days(working, state, statutory, accepted_on, decided_on or day)
        if state.exclusions
        else 0
    )
    provisional = False
    if cal.provisional:
        last = max([day, *(d for d in (statutory.due, committed.due, delivery_due) if d)])
        provisional = cal.is_provisional_between(received_on, last)
    owed = None if first is None else working.obligation_of(first[1], first[0], first[0] < day)
    state_now, due = committed.state, committed.due
    return _case_clock_of(
        case.id,
        day,
        state_now,
        due,
        None if due is None else (due - day).days,
        _reason_of(state_now, item.mode, committed, statutory, accepted_on, owed, working.text),
        item.code,
        item.mode,
        received_on,
        accepted_on,
        deemed,
        statutory,
        committed,
        owed,
        delivery_due,
        excluded,
        provisional,
    )


status = clock


def _pairs(value: object) -> list[tuple[date, date | None]]:
    spans: list[tuple[date, date | None]] = []
    for i, pair in enumerate(_checks.items("exclusions", value, max_items=limits.MAX_CASE_EVENTS)):
        both = _checks.items(f"exclusions[{i}]", pair, max_items=2)
        if len(both) != 2:
            raise InvalidInputError(f"exclusions[{i}]", pair, "a (start, end) pair of dates")
        start = _checks.day(f"exclusions[{i}][0]", both[0])
        end = _checks.day(f"exclusions[{i}][1]", both[1])
        if end < start:
            raise InvalidInputError(f"exclusions[{i}][1]", end, f"a day on or after {start}")
        spans.append((start, end))
    return sorted(spans, key=_by)


def due_date(
    accepted_on: date,
    limit: int,
    *,
    exclusions: Iterable[tuple[date, date]] = (),
    extension: int = 0,
    calendar: WorkingCalendar | WorkingDayCalendar | None = None,
) -> date:
    """The last day of a limit counted from an acceptance date: a one-off answer.

    >>> from datetime import date
    >>> due_date(date(2026, 9, 21), 20)
    datetime.date(2026, 10, 26)
    >>> due_date(date(2026, 9, 21), 20, exclusions=[(date(2026, 9, 29), date(2026, 10, 9))])
    datetime.date(2026, 10, 30)

    The same counting as :func:`clock`: the ``limit + extension``-th working day after
    ``accepted_on``, days from each excluded span's start through its end (both included) not
    counted (行政许可法 arts. 42, 45, 82). Raises
    :class:`~qsdomain.errors.CalendarNotCoveredError` past the calendar's coverage.
    """
    day = _checks.day("accepted_on", accepted_on)
    n = _checks.whole_number("limit", limit, 0, limits.MAX_LIMIT_DAYS)
    n += _checks.whole_number("extension", extension, 0, limits.MAX_LIMIT_DAYS)
    spans = _pairs(exclusions)
    cal = _calendar(calendar)
    due = _WorkingDays(cal).due(day, n, spans)
    assert due is not None  # for mypy: every span has an end
    return due
