"""The commitments kernel: the only place the clocks trade plainness for speed.

Used only behind the batch entries (:func:`~qsdomain.commitments.statuses`,
:func:`~qsdomain.commitments.worklist`): a ledger's clocks ask the calendar the same few
thousand questions (the notice day of each receipt day, the due day of each acceptance day and
limit, the working days used from each acceptance day, the text of each day) hundreds of
times, so :class:`MemoWorkingDays` remembers the answers through :class:`qsdomain._memo.Memo`.
The rule itself (:func:`qsdomain.commitments.clock`) is not copied here: the kernel hands it
this counter. ``tests/test_commitments_fast_paths.py`` checks that the batch answers as the
rule, errors included.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date, datetime
from operator import attrgetter

from qsdomain._memo import Memo
from qsdomain.calendars import WorkingCalendar
from qsdomain.commitments._case import Case
from qsdomain.commitments._clock import (
    AsOf,
    CaseClock,
    ClockState,
    Obligation,
    ObligationKind,
    Spans,
    _as_of,
    _day_text,
    _obligation_of,
    _read,
    _WorkingDays,
)
from qsdomain.errors import InvalidInputError, QSDomainError
from qsdomain.rejects import RejectSink, rejected

__all__ = ["MemoWorkingDays", "by_urgency", "stream", "working_days"]

#: Most answers one calendar's counter remembers (emptied when full).
KNOWN = 1 << 15


class _Texts(Memo[date | None, str]):
    """The text of each day met (:func:`~qsdomain.commitments._clock._day_text`), made once."""

    __slots__ = ()

    def __missing__(self, day: date | None) -> str:
        return self.put(day, _day_text(day))


class MemoWorkingDays(_WorkingDays):
    """:class:`~qsdomain.commitments._clock._WorkingDays` remembering ``after``'s answers (the
    calendar is immutable, so an answer once found is the answer; an error is not kept).

    It also builds one :class:`Obligation` per distinct value and shares it among the clocks
    of a ledger (a frozen value: sharing an equal one changes no answer). A ledger's
    obligations repeat (a few kinds, a few hundred days), and a worklist keeps hundreds of
    thousands of clocks: fewer objects built and kept is less work for the allocator and for
    CPython's cyclic collector.
    """

    __slots__ = ("counted", "known", "obligations", "text", "texts")

    def __init__(self, cal: WorkingCalendar) -> None:
        super().__init__(cal)
        self.known: Memo[tuple[date, int], date] = Memo(KNOWN)
        self.texts = _Texts(KNOWN)
        #: A day as a reason writes it, remembered: a C-level dict look-up once known.
        self.text = self.texts.__getitem__  # type: ignore[assignment]
        self.counted: Memo[tuple[date, date], int] = Memo(KNOWN)
        self.obligations: Memo[tuple[str, date, bool], Obligation] = Memo(KNOWN)

    def obligation_of(self, kind: ObligationKind, by: date, overdue: bool) -> Obligation:
        """The one :class:`Obligation` of these fields, shared."""
        key = (kind._value_, by, overdue)  # a str hashes in C, an enum member in Python
        found = self.obligations.get(key)
        if found is None:
            found = self.obligations.put(key, _obligation_of(kind, by, overdue))
        return found

    def used(self, start: date, upto: date, spans: Spans) -> int:
        """Working days ``x`` with ``start < x <= upto`` outside the spans; remembered when
        there are none (the counts of a ledger repeat: few acceptance and as-of days)."""
        if spans or upto <= start:
            return super().used(start, upto, spans)
        key = (start, upto)
        found = self.counted.get(key)
        if found is None:
            found = self.counted.put(key, self.cal.working_days_between_excluding(start, upto, ()))
        return found

    def after(self, day: date, n: int) -> date:
        """The n-th working day after ``day``, remembered."""
        key = (day, n)
        found = self.known.get(key)
        if found is None:
            found = self.known.put(key, self.cal.add_working_days(day, n))
        return found


#: A counter per calendar met (the calendar kept with it, so its id is never reused).
_COUNTERS: Memo[int, tuple[WorkingCalendar, MemoWorkingDays]] = Memo(16)


def working_days(cal: WorkingCalendar) -> MemoWorkingDays:
    """The remembering counter of ``cal`` (one per calendar, kept while few are in use)."""
    found = _COUNTERS.get(id(cal))
    if found is None or found[0] is not cal:
        found = _COUNTERS.put(id(cal), (cal, MemoWorkingDays(cal)))
    return found[1]


def stream(
    items: Iterable[Case], as_of: AsOf, cal: WorkingCalendar, rejects: RejectSink | None
) -> Iterator[CaseClock]:
    """The clocks of :func:`~qsdomain.commitments.clocks` (arguments checked there): the rule
    (``_read``) on the remembering counter, ``as_of`` read once per item zone; a refused case
    raises, or goes to ``rejects`` (its position from 1, the field prefixed ``items[i].``)."""
    moments: dict[str, tuple[datetime, date]] = {}  # as_of read in each item zone met
    working = working_days(cal)
    for i, case in enumerate(items):
        try:
            if case.__class__ is not Case and not isinstance(case, Case):
                raise InvalidInputError(f"items[{i}]", case, "a Case")
            item = case.item
            found = moments.get(item.zone)
            if found is None:
                found = moments[item.zone] = _as_of(as_of, item)
            answer = _read(case, found[0], found[1], cal, working)
        except QSDomainError as err:
            if rejects is None:
                raise
            prefix = "" if getattr(err, "field", "").startswith(f"items[{i}]") else f"items[{i}]."
            rejects.add(rejected(i + 1, err, prefix=prefix))
            continue
        yield answer


#: The worklist's urgency of each open state, scaled so that urgency and due day make one int.
_RANK = {
    ClockState.BREACHED: 0,
    ClockState.WARNING: 10_000_000,
    ClockState.ON_TRACK: 20_000_000,
    ClockState.NOT_STARTED: 30_000_000,
}
_NO_DAY = date.max.toordinal()  # 3,652,059 < 10,000,000
_by_id = attrgetter("id")


def _rank(c: CaseClock) -> int:
    due = c.due
    return _RANK[c.state] + (_NO_DAY if due is None else due.toordinal())


def by_urgency(found: list[CaseClock]) -> None:
    """Sort open clocks in place by the worklist's key (urgency, due day, id): two stable
    sorts on one-type keys (the id, then urgency and due day as one int), several times
    faster than one sort on (int, date, str) tuples."""
    found.sort(key=_by_id)
    found.sort(key=_rank)
