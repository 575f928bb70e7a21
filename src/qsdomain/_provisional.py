"""The provisional-calendar policy (暂定日历): one setting for the desk and every command.

>>> from datetime import date
>>> from qsdomain.calendars import china
>>> cal = provisional_calendar(china(), date(2026, 11, 27))
>>> cal.is_provisional(date(2027, 3, 1)), cal.coverage.last
(True, datetime.date(2029, 11, 29))
>>> provisional_calendar(china(), date(2026, 11, 27), rule="off").provisional
()

A day past the official schedules (State Council notices) is answered only on a provisional
calendar, and an answer resting on such a day is marked provisional. The policy is two
settings, the same on the desk (:meth:`qsdomain.desk.Desk.report`,
:func:`qsdomain.desk.default_calendar`) and on the command line (``--provisional RULE``,
``--provisional-until DATE``):

- ``rule``: how the days past the schedules are counted: ``statutory`` (the default: weekends
  and the statutory holidays of the 全国年节及纪念日放假办法 in force, a holiday on a weekend made
  up on the next working day), ``weekends`` (weekends only), or ``off`` (no provisional day: a
  day past the schedules is refused with :class:`~qsdomain.errors.CalendarNotCoveredError`).
- ``until``: the last provisional day; by default :data:`~qsdomain.defaults.PROVISIONAL_YEARS`
  years past the day asked about (``as_of``), as far as the rule reaches.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Literal

from qsdomain import _checks, defaults, limits
from qsdomain.calendars import WorkingCalendar, statutory_days
from qsdomain.errors import CalendarNotCoveredError, InvalidInputError

__all__ = ["RULES", "provisional_calendar"]

#: The provisional rules, the default first (``off``: none).
RULES = ("statutory", "weekends", "off")

_HORIZON = timedelta(days=366 * defaults.PROVISIONAL_YEARS)


def _statutory_reach(after: date, wanted: date) -> date:
    """The last day up to ``wanted`` the statutory rule can extend a calendar ending on ``after``
    to: the end of the last year :func:`~qsdomain.calendars.statutory_days` answers (its
    festival table), asked only for the years between (a few, on the desk's three years)."""
    year = after.year
    while year < wanted.year:
        try:
            statutory_days(year + 1)
        except CalendarNotCoveredError:
            return max(after, date(year, 12, 31))
        year += 1
    return wanted


def provisional_calendar(
    base: WorkingCalendar,
    as_of: date,
    *,
    rule: str = defaults.PROVISIONAL,
    until: date | None = None,
) -> WorkingCalendar:
    """``base`` extended provisionally by ``rule`` to ``until`` (default: three years past
    ``as_of``, where its schedules end sooner), or ``base`` itself with ``rule="off"``.

    >>> from datetime import date
    >>> from qsdomain.calendars import china
    >>> provisional_calendar(china(), date(2026, 1, 5), rule="weekends",
    ...                      until=date(2027, 12, 31)).coverage.last
    datetime.date(2027, 12, 31)

    The default reach stops where the statutory rule stops (the last year of its festival
    table) and at the longest calendar (:data:`~qsdomain.limits.MAX_CALENDAR_DAYS`), so any
    ``as_of`` gets a calendar; an ``until`` given explicitly is taken as given (an ``until``
    the rule cannot reach is the calendar's error). ``until`` with ``rule="off"`` is refused:
    the two say opposite things.
    """
    as_of = _checks.day("as_of", as_of)
    if not isinstance(base, WorkingCalendar):
        raise InvalidInputError("base", base, "a WorkingCalendar")
    if not isinstance(rule, str) or rule not in RULES:
        raise InvalidInputError("provisional", rule, "one of " + ", ".join(RULES))
    if until is not None:
        until = _checks.day("provisional_until", until)
    if rule == "off":
        if until is not None:
            raise InvalidInputError(
                "provisional_until", until, "no date when the provisional rule is off"
            )
        return base
    counted: Literal["statutory", "weekends"] = "statutory" if rule == "statutory" else "weekends"
    if until is not None:
        return base.extended(until=until, rule=counted)
    horizon = as_of + _HORIZON if as_of <= date.max - _HORIZON else date.max
    widest = base.coverage.first + timedelta(days=limits.MAX_CALENDAR_DAYS - 1)
    reach = min(horizon, widest)
    if reach <= base.coverage.last:
        return base
    if rule == "statutory":
        reach = _statutory_reach(base.coverage.last, reach)
    if reach <= base.coverage.last:
        return base
    try:
        return base.extended(until=reach, rule=counted)
    except CalendarNotCoveredError:  # a base ending before the statutory rule's first year
        return base
