"""A bureau's workload: clocks for many cases, the day's worklist, and the met/missed counts.

Everything streams: :func:`clocks` yields one :class:`CaseClock` per case as it goes, and
:func:`worklist` and :func:`tally` consume any iterable of clocks, so a ledger of a million cases
never has to be held in memory as cases (the worklist keeps only the open clocks).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date, datetime
from operator import attrgetter

import attrs

from qsdomain import _checks
from qsdomain.calendars import WorkingCalendar, WorkingDayCalendar
from qsdomain.commitments._case import Case
from qsdomain.commitments._clock import (
    AsOf,
    CaseClock,
    ClockState,
    _as_of,
    _as_of_checked,
    _calendar,
    _read,
)
from qsdomain.commitments._kernel import working_days
from qsdomain.errors import InvalidInputError

__all__ = ["Count", "Tally", "clocks", "tally", "worklist"]

#: Worklist order: the most urgent first (ServiceNow/Jira convention: breach, then warning).
_URGENCY = {
    ClockState.BREACHED: 0,
    ClockState.WARNING: 1,
    ClockState.ON_TRACK: 2,
    ClockState.NOT_STARTED: 3,
}


def clocks(
    cases: Iterable[Case],
    as_of: AsOf,
    *,
    calendar: WorkingCalendar | WorkingDayCalendar | None = None,
) -> Iterator[CaseClock]:
    """The clock of each case as of one date, lazily, in the order of ``cases``.

    >>> from datetime import date, datetime
    >>> from zoneinfo import ZoneInfo
    >>> from qsdomain.commitments import Accepted, Case, Decided, Received, ServiceItem
    >>> SH = ZoneInfo("Asia/Shanghai")
    >>> item = ServiceItem(code="A", name="a", mode="guided", statutory_limit=20,
    ...                    committed_limit=5)
    >>> cases = []
    >>> for d in (1, 21):
    ...     received = datetime(2026, 9, d, 10, tzinfo=SH)
    ...     accepted = datetime(2026, 9, d, 11, tzinfo=SH)
    ...     events = [Received(at=received), Accepted(at=accepted)]
    ...     cases.append(Case(id=str(d), item=item, events=events))
    >>> [c.state.value for c in clocks(cases, date(2026, 9, 25))]
    ['breached', 'warning']

    The calendar (default :func:`qsdomain.calendars.china`) is resolved once for all cases.
    """
    cal = _calendar(calendar)
    _as_of_checked(as_of)
    found: object = cases
    if isinstance(found, (str, bytes)) or not isinstance(found, Iterable):
        raise InvalidInputError("cases", cases, "an iterable of Case objects")
    return _stream(cases, as_of, cal)


def _stream(cases: Iterable[Case], as_of: AsOf, cal: WorkingCalendar) -> Iterator[CaseClock]:
    moments: dict[str, tuple[datetime, date]] = {}  # as_of read in each item zone met
    working = working_days(cal)
    for i, case in enumerate(cases):
        if case.__class__ is not Case and not isinstance(case, Case):
            raise InvalidInputError(f"cases[{i}]", case, "a Case")
        item = case.item
        found = moments.get(item.zone)
        if found is None:
            found = moments[item.zone] = _as_of(as_of, item)
        yield _read(case, found[0], found[1], cal, working)


def _key(c: CaseClock) -> tuple[int, date, str]:
    due = c.committed.due or c.statutory.due or date.max
    return (_URGENCY[c.state], due, c.case_id)


#: :data:`_URGENCY` by the state's value (a str hashes from its cache; an enum member through
#: a Python-level ``__hash__``), scaled so that urgency and due day make one int.
_RANK = {state.value: urgency * 10_000_000 for state, urgency in _URGENCY.items()}
_MAX_DAY = date.max.toordinal()  # 3,652,059 < 10,000,000


_by_id = attrgetter("case_id")


def _rank(c: CaseClock) -> int:
    """The first two parts of :func:`_key` as one int: urgency, then the due day."""
    due = c.committed.due or c.statutory.due
    return _RANK[c.committed.state._value_] + (_MAX_DAY if due is None else due.toordinal())


def worklist(case_clocks: Iterable[CaseClock]) -> list[CaseClock]:
    """The open cases, most urgent first: breached, warning, on track, not started; within
    each, by committed due date (then statutory due date, then case id).

    >>> from datetime import date, datetime
    >>> from zoneinfo import ZoneInfo
    >>> from qsdomain.commitments import Accepted, Case, Decided, Received, ServiceItem
    >>> SH = ZoneInfo("Asia/Shanghai")
    >>> item = ServiceItem(code="A", name="a", mode="guided", statutory_limit=20,
    ...                    committed_limit=5)
    >>> cases = []
    >>> for d in (21, 1, 24):
    ...     received = datetime(2026, 9, d, 10, tzinfo=SH)
    ...     accepted = datetime(2026, 9, d, 11, tzinfo=SH)
    ...     events = [Received(at=received), Accepted(at=accepted)]
    ...     cases.append(Case(id=str(d), item=item, events=events))
    >>> [(c.case_id, c.state.value) for c in worklist(clocks(cases, date(2026, 9, 25)))]
    [('1', 'breached'), ('21', 'warning'), ('24', 'on_track')]

    Closed clocks (met, missed, withdrawn) are left out.
    """
    given: object = case_clocks
    if isinstance(given, (str, bytes)) or not isinstance(given, Iterable):
        raise InvalidInputError("case_clocks", case_clocks, "an iterable of CaseClock objects")
    found: list[CaseClock] = []
    for i, c in enumerate(case_clocks):
        if c.__class__ is not CaseClock and not isinstance(c, CaseClock):
            raise InvalidInputError(f"case_clocks[{i}]", c, "a CaseClock")
        if c.committed.state._value_ in _RANK:  # c.state, without the property call
            found.append(c)
    # The order of _key: two stable sorts on one-type keys (case id, then urgency and due day
    # as one int) instead of one sort on (int, date, str) tuples, several times faster; the
    # list holds only the clocks (no key tuple per open case).
    found.sort(key=_by_id)
    found.sort(key=_rank)
    return found


def _count_key(v: object) -> str:
    return _checks.text("key", v, max_length=200)


def _count_met(v: object) -> int:
    return _checks.whole_number("met", v, 0)


def _count_missed(v: object) -> int:
    return _checks.whole_number("missed", v, 0)


def _count_breached(v: object) -> int:
    return _checks.whole_number("breached", v, 0)


def _count_open(v: object) -> int:
    return _checks.whole_number("open", v, 0)


def _count_withdrawn(v: object) -> int:
    return _checks.whole_number("withdrawn", v, 0)


@attrs.frozen(kw_only=True)
class Count:
    """How the committed clocks of one mode or one item stand (a line of a bureau's report).

    >>> Count(key="guided", met=3, missed=1).decided
    4
    """

    key: str = attrs.field(converter=_count_key)
    met: int = attrs.field(default=0, converter=_count_met)
    missed: int = attrs.field(default=0, converter=_count_missed)
    breached: int = attrs.field(default=0, converter=_count_breached)
    open: int = attrs.field(default=0, converter=_count_open)
    withdrawn: int = attrs.field(default=0, converter=_count_withdrawn)

    @property
    def decided(self) -> int:
        """Cases decided (met plus missed).

        >>> Count(key="x", met=2).decided
        2
        """
        return self.met + self.missed


def _tally_by_mode(v: object) -> tuple[Count, ...]:
    return _counts("by_mode", v)


def _tally_by_item(v: object) -> tuple[Count, ...]:
    return _counts("by_item", v)


@attrs.frozen(kw_only=True)
class Tally:
    """Met/missed counts per mode and per item, each sorted by key (the result of :func:`tally`).

    >>> Tally().by_mode
    ()
    """

    by_mode: tuple[Count, ...] = attrs.field(default=(), converter=_tally_by_mode)
    by_item: tuple[Count, ...] = attrs.field(default=(), converter=_tally_by_item)


def _counts(field: str, value: object) -> tuple[Count, ...]:
    found = _checks.items(field, value)
    for i, c in enumerate(found):
        if not isinstance(c, Count):
            raise InvalidInputError(f"{field}[{i}]", c, "a Count")
    return found  # type: ignore[return-value]


_FIELD = {
    ClockState.MET: "met",
    ClockState.MISSED: "missed",
    ClockState.BREACHED: "breached",
    ClockState.WITHDRAWN: "withdrawn",
}


def tally(case_clocks: Iterable[CaseClock]) -> Tally:
    """Count the committed clocks' outcomes per mode and per item code, streaming.

    >>> from datetime import date, datetime
    >>> from zoneinfo import ZoneInfo
    >>> from qsdomain.commitments import Accepted, Case, Decided, Received, ServiceItem
    >>> SH = ZoneInfo("Asia/Shanghai")
    >>> item = ServiceItem(code="A", name="a", mode="guided", statutory_limit=20,
    ...                    committed_limit=5)
    >>> case = Case(id="1", item=item, events=[
    ...     Received(at=datetime(2026, 9, 1, 10, tzinfo=SH)),
    ...     Accepted(at=datetime(2026, 9, 1, 11, tzinfo=SH)),
    ...     Decided(at=datetime(2026, 9, 4, 11, tzinfo=SH))])
    >>> tally(clocks([case], date(2026, 9, 30))).by_mode
    (Count(key='guided', met=1, missed=0, breached=0, open=0, withdrawn=0),)

    ``open`` counts every clock not yet decided or withdrawn (breached ones included).
    """
    given: object = case_clocks
    if isinstance(given, (str, bytes)) or not isinstance(given, Iterable):
        raise InvalidInputError("case_clocks", case_clocks, "an iterable of CaseClock objects")
    # One count per (mode, item, state) while streaming; the tables are summed at the end.
    seen: dict[tuple[str, str, str], int] = {}
    for i, c in enumerate(case_clocks):
        if c.__class__ is not CaseClock and not isinstance(c, CaseClock):
            raise InvalidInputError(f"case_clocks[{i}]", c, "a CaseClock")
        # Keyed by the members' values: str hashes are cached, enum hashes are Python calls.
        seen_key = (c.mode._value_, c.item_code, c.committed.state._value_)
        seen[seen_key] = seen.get(seen_key, 0) + 1
    modes: dict[str, dict[str, int]] = {}
    items: dict[str, dict[str, int]] = {}
    for (mode, code, value), number in seen.items():
        state = ClockState(value)
        for table, key in ((modes, mode), (items, code)):
            row = table.setdefault(key, {})
            name = _FIELD.get(state)
            if name is not None:
                row[name] = row.get(name, 0) + number
            if state in _URGENCY:
                row["open"] = row.get("open", 0) + number
    return Tally(
        by_mode=tuple(Count(key=k, **v) for k, v in sorted(modes.items())),
        by_item=tuple(Count(key=k, **v) for k, v in sorted(items.items())),
    )
