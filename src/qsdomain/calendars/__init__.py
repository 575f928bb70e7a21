"""Working-day calendars (工作日历): the official China calendar and a generic one.

>>> from datetime import date
>>> from qsdomain.calendars import china
>>> cal = china()
>>> cal.is_working_day(date(2026, 10, 10))  # a make-up working Saturday (调休上班)
True
>>> cal.working_days_between(date(2026, 1, 1), date(2026, 12, 31))
248

Chinese administrative time limits are counted in working days that skip statutory holidays
and include the make-up working days the State Council announces each year (行政许可法 art.
82). :func:`china` carries those schedules as data, knows which years it covers, and raises
:class:`~qsdomain.errors.CalendarNotCoveredError` outside them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from qsdomain.calendars._calendar import WorkingCalendar, as_working_calendar
from qsdomain.calendars._china import bundled_schedules, china
from qsdomain.calendars._coverage import Coverage, ProvisionalSpan, WorkingDayCalendar
from qsdomain.calendars._statutory import StatutoryDay, statutory_days

if TYPE_CHECKING:
    from qsdomain.calendars._schedule import (
        Amendment,
        Notice,
        ScheduleError,
        YearSchedule,
        load_schedule,
    )

#: The schedule file format (JSON loader and validator) loads on first use of one of these:
#: counting working days in china() does not need it (start-up time of the command line).
_SCHEDULE_NAMES = frozenset(
    {"Amendment", "Notice", "ScheduleError", "YearSchedule", "load_schedule"}
)

__all__ = [
    "Amendment",
    "Coverage",
    "Notice",
    "ProvisionalSpan",
    "ScheduleError",
    "StatutoryDay",
    "WorkingCalendar",
    "WorkingDayCalendar",
    "YearSchedule",
    "as_working_calendar",
    "bundled_schedules",
    "china",
    "load_schedule",
    "statutory_days",
]


def __getattr__(name: str) -> Any:
    if name not in _SCHEDULE_NAMES:
        raise AttributeError(f"module 'qsdomain.calendars' has no attribute {name!r}")
    from qsdomain.calendars import _schedule  # noqa: PLC0415 - see _SCHEDULE_NAMES

    value = getattr(_schedule, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_SCHEDULE_NAMES})
