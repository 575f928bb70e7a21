"""A bureau's workload: clocks for many cases, the day's worklist, and the met/missed counts.

Everything streams: :func:`clocks` yields one :class:`CaseClock` per case as it goes, and
:func:`worklist` and :func:`tally` consume any iterable of clocks, so a ledger of a million cases
never has to be held in memory as cases (the worklist keeps only the open clocks).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date

import attrs

from qsdomain import _checks, limits
from qsdomain.calendars import WorkingCalendar, WorkingDayCalendar
from qsdomain.commitments._case import Case
from qsdomain.commitments._clock import AsOf, CaseClock, ClockState, _as_of_checked, _calendar
from qsdomain.commitments._kernel import by_urgency, stream
from qsdomain.defaults import WITHIN_DAYS
from qsdomain.errors import InvalidInputError
from qsdomain.rejects import RejectSink

__all__ = [
    "Count",
    "Tally",
    "clocks",
    "statuses",
    "tally",
    "worklist",
    "worklist_from_clocks",
]

#: Worklist order: the most urgent first (ServiceNow/Jira convention: breach, then warning).
_URGENCY = {
    ClockState.BREACHED: 0,
    ClockState.WARNING: 1,
    ClockState.ON_TRACK: 2,
    ClockState.NOT_STARTED: 3,
}
#: Breached and warning clocks need action whatever the due day; the other open ones (on
#: track, not started) are listed when due within the window.
_BREACHED, _WARNING = ClockState.BREACHED, ClockState.WARNING
_ON_TRACK, _NOT_STARTED = ClockState.ON_TRACK, ClockState.NOT_STARTED


def clocks(
    items: Iterable[Case],
    as_of: AsOf,
    *,
    calendar: WorkingCalendar | WorkingDayCalendar | None = None,
    rejects: RejectSink | None = None,
) -> Iterator[CaseClock]:
    """The clock of each case as of one date, lazily, in the order of ``items`` (the cases).

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

    :func:`statuses` is this same function (the family contract's name). The arguments are
    checked when called; the calendar (default :func:`qsdomain.calendars.china`) is resolved
    once for all cases. With ``rejects=None`` a case the clock cannot read raises; with a sink
    (:class:`qsdomain.rejects.RejectSink`) it is reported there
    (:func:`qsdomain.rejects.rejected`: ``line`` its position from 1, the field prefixed
    ``items[i].``) and the stream goes on.
    """
    cal = _calendar(calendar)
    _as_of_checked(as_of)
    found: object = items
    if isinstance(found, (str, bytes)) or not isinstance(found, Iterable):
        raise InvalidInputError("items", items, "an iterable of Case objects")
    if rejects is not None and not callable(getattr(rejects, "add", None)):
        raise InvalidInputError("rejects", rejects, "None or an object with an add() method")
    return stream(items, as_of, cal, rejects)


statuses = clocks


def _key(c: CaseClock) -> tuple[int, date, str]:
    """The worklist order: urgency, then the due day (none last), then the id."""
    return (_URGENCY[c.state], c.due or date.max, c.id)


def worklist_from_clocks(
    case_clocks: Iterable[CaseClock], *, within: int | None = None
) -> list[CaseClock]:
    """:func:`worklist` on clocks already read (for a caller that also tallies them).

    >>> worklist_from_clocks([])
    []
    """
    given: object = case_clocks
    if isinstance(given, (str, bytes)) or not isinstance(given, Iterable):
        raise InvalidInputError("case_clocks", case_clocks, "an iterable of CaseClock objects")
    days = (
        WITHIN_DAYS
        if within is None
        else _checks.whole_number("within", within, 0, limits.MAX_WITHIN_DAYS)
    )
    found: list[CaseClock] = []
    for i, c in enumerate(case_clocks):
        if c.__class__ is not CaseClock and not isinstance(c, CaseClock):
            raise InvalidInputError(f"case_clocks[{i}]", c, "a CaseClock")
        state = c.state  # compared by identity: an enum member hashes in Python
        if state is _BREACHED or state is _WARNING:
            found.append(c)
        elif state is _ON_TRACK or state is _NOT_STARTED:
            left = c.days_left
            if left is not None and 0 <= left <= days:
                found.append(c)
    by_urgency(found)  # the order of _key, sorted faster
    return found


def worklist(
    items: Iterable[Case],
    as_of: AsOf,
    *,
    within: int | None = None,
    calendar: WorkingCalendar | WorkingDayCalendar | None = None,
    rejects: RejectSink | None = None,
) -> list[CaseClock]:
    """What needs action, most urgent first: every breached or warning clock, and every open
    clock (on track, not started) whose committed ``due`` is within ``within`` days of
    ``as_of`` (``0 <= days_left <= within``; default :data:`qsdomain.defaults.WITHIN_DAYS`),
    sorted by (urgency: breached, warning, on track, not started; ``due``; ``id``).

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
    >>> [(c.id, c.state.value, c.days_left) for c in worklist(cases, date(2026, 9, 25))]
    [('1', 'breached', -17), ('21', 'warning', 4), ('24', 'on_track', 14)]

    Closed clocks (met, missed, withdrawn) are left out. ``calendar`` and ``rejects`` as in
    :func:`clocks`.
    """
    if within is not None:
        _checks.whole_number("within", within, 0, limits.MAX_WITHIN_DAYS)
    found = clocks(items, as_of, calendar=calendar, rejects=rejects)
    return worklist_from_clocks(found, within=within)


#: A count of clocks: a whole number >= 0.
_COUNT = _checks.v_whole(0)


@attrs.frozen(kw_only=True)
class Count:
    """How the committed clocks of one mode or one item stand (a line of a bureau's report).

    >>> Count(key="guided", met=3, missed=1).decided
    4
    """

    key: str = attrs.field(validator=_checks.v_text(max_length=200))
    met: int = attrs.field(default=0, converter=_checks.as_int, validator=_COUNT)
    missed: int = attrs.field(default=0, converter=_checks.as_int, validator=_COUNT)
    breached: int = attrs.field(default=0, converter=_checks.as_int, validator=_COUNT)
    open: int = attrs.field(default=0, converter=_checks.as_int, validator=_COUNT)
    withdrawn: int = attrs.field(default=0, converter=_checks.as_int, validator=_COUNT)

    @property
    def decided(self) -> int:
        """Cases decided (met plus missed).

        >>> Count(key="x", met=2).decided
        2
        """
        return self.met + self.missed


@attrs.frozen(kw_only=True)
class Tally:
    """Met/missed counts per mode and per item, each sorted by key (the result of :func:`tally`).

    >>> Tally().by_mode
    ()
    """

    by_mode: tuple[Count, ...] = attrs.field(
        default=(), converter=_checks.as_tuple, validator=_checks.v_items(Count)
    )
    by_item: tuple[Count, ...] = attrs.field(
        default=(), converter=_checks.as_tuple, validator=_checks.v_items(Count)
    )


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
