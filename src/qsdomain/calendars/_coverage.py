"""The days a calendar covers, the provisional stretches in it, and the calendar protocol."""

from __future__ import annotations

from datetime import date, datetime
from typing import Protocol, runtime_checkable

import attrs

from qsdomain import _checks
from qsdomain._checks import day as _check_date
from qsdomain.errors import InvalidInputError

__all__ = ["Coverage", "ProvisionalSpan", "WorkingDayCalendar"]


@attrs.frozen(order=True)
class Coverage:
    """The first and last dates a calendar knows, both inclusive.

    >>> from datetime import date
    >>> cov = Coverage(date(2025, 1, 1), date(2026, 12, 31))
    >>> date(2026, 10, 1) in cov, date(2027, 1, 1) in cov
    (True, False)
    >>> str(cov)
    '2025-01-01 to 2026-12-31'

    Containment asks about days: anything that is not a ``datetime.date`` (a ``datetime``, a
    string) is simply not in the coverage, so ``in`` answers ``False`` and never raises.

    Attributes:
        first: the first covered date.
        last: the last covered date (not before ``first``).
    """

    first: date = attrs.field()
    last: date = attrs.field()

    @first.validator
    def _check_first(self, _: attrs.Attribute[date], value: date) -> None:
        _check_date("coverage.first", value)

    @last.validator
    def _check_last(self, _: attrs.Attribute[date], value: date) -> None:
        _check_date("coverage.last", value)
        if value < self.first:
            raise InvalidInputError(
                "coverage.last", value, f"a date on or after coverage.first ({self.first})"
            )

    def __contains__(self, day: object) -> bool:
        return _is_day(day) and self.first <= day <= self.last  # type: ignore[operator]

    def __str__(self) -> str:
        return f"{self.first.isoformat()} to {self.last.isoformat()}"

    @property
    def days(self) -> int:
        """Number of covered days."""
        return (self.last - self.first).days + 1


def _is_day(value: object) -> bool:
    """Whether ``value`` is a day: a ``datetime.date`` that is not a ``datetime``."""
    return isinstance(value, date) and not isinstance(value, datetime)


@attrs.frozen
class ProvisionalSpan:
    """A stretch of a calendar that rests on a stated assumption rather than official data.

    >>> from datetime import date
    >>> span = ProvisionalSpan(date(2027, 1, 1), date(2027, 12, 31), "weekends only")
    >>> date(2027, 6, 1) in span, date(2026, 6, 1) in span
    (True, False)
    >>> ProvisionalSpan(date(2027, 12, 31), date(2027, 1, 1), "x")
    Traceback (most recent call last):
    ...
    qsdomain.errors.InvalidInputError: provisional.last must be a date on or after ...

    Attributes:
        first: first provisional day.
        last: last provisional day (not before ``first``).
        assumption: what was assumed, in words (for example "weekends only: no official
            holiday schedule published yet").
    """

    first: date = attrs.field()
    last: date = attrs.field()
    assumption: str = attrs.field()

    @first.validator
    def _check_first(self, _: attrs.Attribute[date], value: date) -> None:
        _check_date("provisional.first", value)

    @last.validator
    def _check_last(self, _: attrs.Attribute[date], value: date) -> None:
        _check_date("provisional.last", value)
        if value < self.first:
            raise InvalidInputError(
                "provisional.last", value, f"a date on or after provisional.first ({self.first})"
            )

    @assumption.validator
    def _check_assumption(self, _: attrs.Attribute[str], value: str) -> None:
        _checks.text("provisional.assumption", value)

    def __contains__(self, day: object) -> bool:
        return _is_day(day) and self.first <= day <= self.last  # type: ignore[operator]


@runtime_checkable
class WorkingDayCalendar(Protocol):
    """What qsdomain needs from any calendar: coverage and a working-day test.

    Implement these two members to plug in a provincial calendar, an agency closure list or an
    adapter to another holiday library; :meth:`WorkingCalendar.from_calendar` (or
    :func:`as_working_calendar`) turns such an object into a fast, immutable
    :class:`WorkingCalendar`.

    >>> from datetime import date
    >>> class FourDayWeek:
    ...     coverage = Coverage(date(2026, 1, 1), date(2026, 12, 31))
    ...     def is_working_day(self, day: date, /) -> bool:
    ...         return day.weekday() < 4
    >>> isinstance(FourDayWeek(), WorkingDayCalendar)
    True
    """

    @property
    def coverage(self) -> Coverage:
        """The dates the calendar can answer for."""
        ...

    def is_working_day(self, day: date, /) -> bool:
        """Whether ``day`` is a working day (工作日)."""
        ...
