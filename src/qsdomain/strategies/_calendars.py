"""Strategies for :mod:`qsdomain.calendars`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from hypothesis import strategies as st

from qsdomain.calendars import (
    Amendment,
    Coverage,
    Notice,
    ProvisionalSpan,
    StatutoryDay,
    WorkingCalendar,
    YearSchedule,
    bundled_schedules,
    china,
    statutory_days,
)

__all__ = [
    "CALENDAR_STRATEGIES",
    "coverages",
    "dates",
    "provisional_spans",
    "statutory_holidays",
    "synthetic_calendars",
    "working_calendars",
    "year_schedules",
]


def dates(coverage: Coverage | None = None) -> st.SearchStrategy[date]:
    """Any date inside ``coverage`` (default: the coverage of :func:`~qsdomain.calendars.china`).

    >>> from hypothesis import find
    >>> from qsdomain.strategies import dates
    >>> find(dates(), lambda day: day.year == 2026)
    datetime.date(2026, 1, 1)
    """
    cov = china().coverage if coverage is None else coverage
    return st.dates(min_value=cov.first, max_value=cov.last)


def coverages(max_days: int = 3660) -> st.SearchStrategy[Coverage]:
    """Coverages of 1 to ``max_days`` days between 1900 and 2100.

    >>> from hypothesis import find
    >>> from qsdomain.strategies import coverages
    >>> find(coverages(), lambda cov: cov.days > 365).days
    366
    """
    return st.builds(
        lambda first, span: Coverage(first, first + timedelta(days=span)),
        st.dates(min_value=date(1900, 1, 1), max_value=date(2090, 1, 1)),
        st.integers(0, max_days - 1),
    )


def provisional_spans() -> st.SearchStrategy[ProvisionalSpan]:
    """Spans of up to two years with a stated assumption.

    >>> from hypothesis import find
    >>> from qsdomain.strategies import provisional_spans
    >>> span = find(provisional_spans(), lambda span: span.last > span.first)
    >>> (span.last - span.first).days
    1
    """
    return st.builds(
        lambda first, span, text: ProvisionalSpan(first, first + timedelta(days=span), text),
        st.dates(min_value=date(1900, 1, 1), max_value=date(2090, 1, 1)),
        st.integers(0, 730),
        st.text(min_size=1, max_size=40).filter(str.strip),
    )


@st.composite
def synthetic_calendars(
    draw: st.DrawFn, max_days: int = 400, with_provisional: bool = False
) -> WorkingCalendar:
    """Small calendars with random weekends, weekdays off, make-up days (and provisional tails).

    >>> from hypothesis import find
    >>> from qsdomain.strategies import synthetic_calendars
    >>> find(synthetic_calendars(), lambda cal: len(cal.weekdays_off) > 2).coverage.days
    3
    """
    first = draw(st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 1, 1)))
    last = first + timedelta(days=draw(st.integers(0, max_days)))
    weekend = draw(st.frozensets(st.integers(0, 6), max_size=3))
    days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
    weekdays = [d for d in days if d.weekday() not in weekend]
    weekend_days = [d for d in days if d.weekday() in weekend]
    off = draw(st.sets(st.sampled_from(weekdays), max_size=40)) if weekdays else set()
    extra = draw(st.sets(st.sampled_from(weekend_days), max_size=20)) if weekend_days else set()
    provisional: tuple[ProvisionalSpan, ...] = ()
    if with_provisional and draw(st.booleans()):
        start = draw(st.sampled_from(days))
        provisional = (ProvisionalSpan(start, last, "weekends only: synthetic"),)
    return WorkingCalendar(
        name=draw(st.sampled_from(["synthetic", "县局日历"])) if with_provisional else "synthetic",
        coverage=Coverage(first, last),
        weekend=weekend,
        weekdays_off=off,
        makeup_working_days=extra,
        sources=draw(st.lists(st.sampled_from(["notice A", "通知 B"]), max_size=2))
        if with_provisional
        else (),
        provisional=provisional,
    )


def working_calendars() -> st.SearchStrategy[WorkingCalendar]:
    """The official China calendar, provisional extensions of it, and synthetic calendars.

    >>> from hypothesis import find
    >>> from qsdomain.strategies import working_calendars
    >>> find(working_calendars(), lambda cal: cal.provisional != ()).name
    'China (State Council notices) + provisional'
    """
    official = china()
    extended = st.builds(
        lambda years, rule: official.extended(
            until=date(official.coverage.last.year + years, 12, 31), rule=rule
        ),
        st.integers(1, 3),
        st.sampled_from(["weekends", "statutory"]),
    )
    return st.one_of(st.just(official), extended, synthetic_calendars(with_provisional=True))


def year_schedules() -> st.SearchStrategy[YearSchedule]:
    """The bundled years as :class:`~qsdomain.calendars.YearSchedule` objects (each one valid).

    >>> from hypothesis import find
    >>> from qsdomain.strategies import year_schedules
    >>> find(year_schedules(), lambda s: s.amendments != ()).year in {2015, 2019, 2020}
    True
    """
    return st.sampled_from(bundled_schedules())


def statutory_holidays() -> st.SearchStrategy[StatutoryDay]:
    """Statutory holiday days of the Measures in force, 2004-2060.

    >>> from hypothesis import find
    >>> from qsdomain.strategies import statutory_holidays
    >>> find(statutory_holidays(), lambda d: d.festival == "qingming").day.month
    4
    """
    return st.integers(2004, 2060).flatmap(lambda year: st.sampled_from(statutory_days(year)))


CALENDAR_STRATEGIES: dict[Any, Callable[[], st.SearchStrategy[Any]]] = {
    Amendment: lambda: (
        year_schedules().filter(lambda s: s.amendments != ()).map(lambda s: s.amendments[0])
    ),
    Coverage: coverages,
    Notice: lambda: year_schedules().map(lambda s: s.notice),
    ProvisionalSpan: provisional_spans,
    StatutoryDay: statutory_holidays,
    WorkingCalendar: working_calendars,
    YearSchedule: year_schedules,
}
