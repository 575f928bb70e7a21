"""Test oracles (reference implementations spelled out) and the suite's shared strategies.

The strategies themselves are public, in :mod:`qsdomain.strategies`; this module re-exports the
ones the tests use and adds the slow, obviously-correct reference functions the laws compare to.
"""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import strategies as st

from qsdomain.calendars import Coverage, WorkingCalendar, china
from qsdomain.strategies import (
    leads,
    lot_plans,
    switching_histories,
    synthetic_calendars,
    table_plans,
    terms,
)

__all__ = [
    "CHINA",
    "dates_in",
    "leads",
    "lot_plans",
    "reference_add",
    "reference_between",
    "reference_is_working",
    "switching_histories",
    "synthetic_calendars",
    "table_plans",
    "terms",
]

CHINA = china()


def dates_in(coverage: Coverage) -> st.SearchStrategy[date]:
    """Any date inside ``coverage``."""
    return st.dates(min_value=coverage.first, max_value=coverage.last)


def reference_is_working(cal: WorkingCalendar, day: date) -> bool:
    """The definition, spelled out: weekly rule, minus weekdays off, plus make-up days."""
    if day in cal.makeup_working_days:
        return True
    return day.weekday() not in cal.weekend and day not in cal.weekdays_off


def reference_add(cal: WorkingCalendar, day: date, n: int) -> date | None:
    """Day-by-day walk; ``None`` when the walk leaves the coverage."""
    step = timedelta(days=1 if n > 0 else -1)
    remaining = abs(n)
    while remaining:
        day += step
        if day not in cal.coverage:
            return None
        if reference_is_working(cal, day):
            remaining -= 1
    return day


def reference_between(cal: WorkingCalendar, start: date, end: date) -> int:
    """Count working days x with start < x <= end, negated when end < start."""
    lo, hi, sign = (start, end, 1) if start <= end else (end, start, -1)
    count = 0
    day = lo + timedelta(days=1)
    while day <= hi:
        count += reference_is_working(cal, day)
        day += timedelta(days=1)
    return sign * count
