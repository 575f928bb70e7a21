"""Build the national calendar of the People's Republic of China from the bundled notices."""

from __future__ import annotations

import functools
from datetime import date, timedelta

from qsdomain.calendars._calendar import Coverage, WorkingCalendar

__all__ = ["china"]


@functools.cache
def china() -> WorkingCalendar:
    """The national working-day calendar of China (全国工作日历), from official notices.

    Built on first use from the yearly State Council General Office notices
    (国务院办公厅关于X年部分节假日安排的通知) and their mid-year amendments, bundled in
    :mod:`qsdomain.calendars._china_schedule`; :attr:`WorkingCalendar.sources` lists each
    notice. The weekly rest days are Saturday and Sunday (国务院关于职工工作时间的规定, 1995,
    art. 7). A date outside the covered years raises
    :class:`~qsdomain.errors.CalendarNotCoveredError`; use :meth:`WorkingCalendar.extended` to
    get an explicitly provisional answer beyond them.

    >>> from datetime import date
    >>> cal = china()
    >>> str(cal.coverage)
    '2004-01-01 to 2026-12-31'
    >>> cal.add_working_days(date(2026, 9, 30), 5)
    datetime.date(2026, 10, 13)
    """
    from qsdomain.calendars import _china_schedule as data  # noqa: PLC0415 - loaded on first use

    schedules = data.SCHEDULES
    first = date(schedules[0].year, 1, 1)
    last = date(schedules[-1].year, 12, 31)
    one = timedelta(days=1)
    off: set[date] = set()
    makeup: set[date] = set()
    sources: list[str] = []
    for year in schedules:
        sources.append(f"{year.year}: {year.title} ({year.notice}, {year.published.isoformat()})")
        sources.extend(
            f"{year.year}: amended by {a.title} ({a.notice}, {a.published.isoformat()})"
            for a in year.amendments
        )
        for brk in year.breaks:
            day = brk.first
            while day <= brk.last:
                if day.weekday() < 5 and first <= day <= last:
                    off.add(day)
                day += one
        makeup.update(d for d in year.makeup_working_days if first <= d <= last)
    return WorkingCalendar(
        name="China (State Council notices)",
        coverage=Coverage(first, last),
        weekdays_off=off,
        makeup_working_days=makeup,
        sources=tuple(sources),
    )
