"""Terms (期限) and the ways Chinese rules count them.

>>> from datetime import date
>>> from qsdomain.periods import Convention, Term
>>> Term(years=5).end(date(2021, 3, 15), Convention.INCLUSIVE)  # printed "2021-03-15 至 2026-03-14"
datetime.date(2026, 3, 14)

Two conventions are in use and both are first-class:

* :attr:`Convention.CIVIL_CODE` (民法典, 2020, arts. 200-204): the start day is not counted
  (art. 201); a period in years or months ends on the corresponding day of the final month, or
  on that month's last day where it has no such day (art. 202); where the last day is a
  statutory rest day (法定休假日), the period ends on the day after the rest days (art. 203).
  That last step needs a working-day calendar.
* :attr:`Convention.INCLUSIVE` (validity as printed on most certificates, "有效期 2021-03-15 至
  2026-03-14"): the start day is day one and the term ends the day before the anniversary.

Month and year arithmetic is done here and nowhere else, with
:class:`dateutil.relativedelta.relativedelta`.
"""

from __future__ import annotations

import enum
from datetime import date, timedelta

import attrs
from dateutil.relativedelta import relativedelta

from qsdomain import limits
from qsdomain._checks import as_int, enum_member, v_whole
from qsdomain._checks import day as _check_start
from qsdomain.calendars import WorkingCalendar, WorkingDayCalendar, as_working_calendar
from qsdomain.errors import InvalidInputError

__all__ = ["Convention", "Lead", "LeadUnit", "Term"]

_MAX_YEARS = limits.MAX_TERM_YEARS


class Convention(enum.Enum):
    """How a term is counted from its start date.

    >>> from datetime import date
    >>> Term(years=1).nominal_end(date(2026, 3, 1), Convention.INCLUSIVE)
    datetime.date(2027, 2, 28)
    >>> Term(years=1).nominal_end(date(2026, 3, 1), Convention.CIVIL_CODE)
    datetime.date(2027, 3, 1)
    """

    #: 民法典 arts. 201-203: start day excluded, corresponding day, a rest day rolls forward.
    CIVIL_CODE = "civil_code"
    #: Certificate validity: start day is day one, the term ends the day before the anniversary.
    INCLUSIVE = "inclusive"


def _add_months_clamped(start: date, years: int, months: int) -> tuple[date, bool]:
    """``start`` moved by whole years and months, and whether its day had to be clamped.

    The day is kept where the final month has it; otherwise the result is that month's last day
    (民法典 art. 202: "没有对应日的，月末日为期间的最后一日").
    """
    try:
        moved: date = start + relativedelta(years=years, months=months)
    except (OverflowError, ValueError) as exc:
        raise InvalidInputError(
            "start", start, "a date whose term end stays within year 9999"
        ) from exc
    return moved, moved.day != start.day


def _add_days(field: str, day: date, days: int) -> date:
    try:
        return day + timedelta(days=days)
    except OverflowError as exc:
        raise InvalidInputError(field, day, "a date whose result stays in years 1-9999") from exc


@attrs.frozen
class Term:
    """A length of time in years, months and days, such as a licence's validity (有效期).

    >>> Term(years=5)
    Term(years=5, months=0, days=0)
    >>> str(Term(years=1, months=6))
    '1 year 6 months'
    >>> Term(years=-1)
    Traceback (most recent call last):
    ...
    qsdomain.errors.InvalidInputError: term.years must be a whole number from 0 to 1000, got -1

    Components are whole numbers >= 0 and at least one is positive. Years and months are applied
    first (with the month-end rule of 民法典 art. 202), then days.

    Attributes:
        years: whole years.
        months: whole months.
        days: whole calendar days.
    """

    years: int = attrs.field(
        default=0, kw_only=True, converter=as_int, validator=v_whole(0, _MAX_YEARS)
    )
    months: int = attrs.field(
        default=0, kw_only=True, converter=as_int, validator=v_whole(0, _MAX_YEARS * 12)
    )
    days: int = attrs.field(
        default=0, kw_only=True, converter=as_int, validator=v_whole(0, _MAX_YEARS * 366)
    )

    def __attrs_post_init__(self) -> None:
        if self.years == self.months == self.days == 0:
            raise InvalidInputError("term", "0 years 0 months 0 days", "a term with a part > 0")

    def __str__(self) -> str:
        parts = []
        for amount, unit in ((self.years, "year"), (self.months, "month"), (self.days, "day")):
            if amount:
                parts.append(f"{amount} {unit}{'s' if amount != 1 else ''}")
        return " ".join(parts)

    def anniversary(self, start: date) -> date:
        """The date that corresponds to ``start`` one term later (对应日).

        Where the final month has no such day (31 Jan + 1 month, 29 Feb + 1 year), this is the
        month's last day (民法典 art. 202).

        >>> from datetime import date
        >>> Term(months=1).anniversary(date(2025, 1, 31))
        datetime.date(2025, 2, 28)
        >>> Term(years=1).anniversary(date(2024, 2, 29))
        datetime.date(2025, 2, 28)
        """
        _check_start("start", start)
        moved, _ = _add_months_clamped(start, self.years, self.months)
        return _add_days("start", moved, self.days)

    def nominal_end(self, start: date, convention: Convention) -> date:
        """The last day of the term before any rest-day adjustment.

        * ``CIVIL_CODE``: the anniversary itself (art. 201 excludes the start day, art. 202
          gives the corresponding day or the month end).
        * ``INCLUSIVE``: the day before the anniversary. Where the start day has no
          corresponding day in the final month (a term from 29, 30 or 31 of a month ending in a
          shorter month), the next anniversary would fall on the 1st of the following month,
          so the term ends on the final month's last day: 2024-02-29 + 1 year ends 2025-02-28
          and 2025-01-31 + 1 month ends 2025-02-28. Otherwise the term would end earlier than
          one that started a day later (2025-02-01 + 1 month ends 2025-02-28).

        >>> from datetime import date
        >>> Term(years=5).nominal_end(date(2021, 3, 15), Convention.INCLUSIVE)
        datetime.date(2026, 3, 14)
        >>> Term(years=1).nominal_end(date(2024, 2, 29), Convention.INCLUSIVE)
        datetime.date(2025, 2, 28)
        >>> Term(years=1).nominal_end(date(2024, 2, 29), Convention.CIVIL_CODE)
        datetime.date(2025, 2, 28)
        """
        _check_start("start", start)
        convention = _check_convention(convention)
        moved, clamped = _add_months_clamped(start, self.years, self.months)
        if convention is Convention.CIVIL_CODE:
            return _add_days("start", moved, self.days)
        # Inclusive: the day before the anniversary; an anniversary that does not exist in the
        # final month rolls over to the 1st of the next month, so the term ends on the last day.
        base = _add_days("start", moved, 1) if clamped else moved
        return _add_days("start", base, self.days - 1)

    def end(
        self,
        start: date,
        convention: Convention,
        *,
        calendar: WorkingDayCalendar | WorkingCalendar | None = None,
    ) -> date:
        """The last day of the term that starts on ``start``, under ``convention``.

        Under ``CIVIL_CODE`` a ``calendar`` is required: a last day that is a statutory rest day
        (a weekend or holiday day off, 法定休假日) moves to the first working day after it
        (民法典 art. 203; 民事诉讼法 art. 85 reads the same). Under ``INCLUSIVE`` the printed
        date is final and the calendar, if given, is not used.

        >>> from datetime import date
        >>> from qsdomain.calendars import china
        >>> Term(months=6).end(date(2026, 4, 3), Convention.CIVIL_CODE, calendar=china())
        datetime.date(2026, 10, 8)
        """
        convention = _check_convention(convention)
        nominal = self.nominal_end(start, convention)
        if convention is Convention.INCLUSIVE:
            return nominal
        if calendar is None:
            raise InvalidInputError(
                "calendar",
                None,
                "a working calendar: Civil Code art. 203 moves a last day that is a rest day",
            )
        return as_working_calendar(calendar).roll_forward(nominal)


def _check_convention(value: object) -> Convention:
    return enum_member("convention", Convention, value)


class LeadUnit(enum.Enum):
    """The unit a lead time before a date is counted in.

    >>> LeadUnit("working_days")
    <LeadUnit.WORKING_DAYS: 'working_days'>
    """

    CALENDAR_DAYS = "calendar_days"  # 日 (自然日)
    MONTHS = "months"  # 个月
    WORKING_DAYS = "working_days"  # 个工作日


def _check_unit(value: object) -> LeadUnit:
    return enum_member("lead.unit", LeadUnit, value)


@attrs.frozen
class Lead:
    """A lead time before a date: "apply 6 months before expiry" (届满6个月前),
    "apply 30 working days before expiry" (届满30个工作日前).

    >>> from datetime import date
    >>> Lead(6, LeadUnit.MONTHS).before(date(2026, 8, 31))
    datetime.date(2026, 2, 28)
    >>> Lead(30, LeadUnit.CALENDAR_DAYS).before(date(2026, 3, 14))
    datetime.date(2026, 2, 12)

    Attributes:
        amount: a whole number >= 1.
        unit: calendar days, months or working days.
    """

    amount: int = attrs.field(converter=as_int, validator=v_whole(1, _MAX_YEARS * 366))
    unit: LeadUnit = attrs.field(converter=_check_unit)

    def __str__(self) -> str:
        unit = {"calendar_days": "day", "months": "month", "working_days": "working day"}[
            self.unit.value
        ]
        return f"{self.amount} {unit}{'s' if self.amount != 1 else ''}"

    def before(
        self, day: date, *, calendar: WorkingDayCalendar | WorkingCalendar | None = None
    ) -> date:
        """The date this lead time before ``day``.

        * calendar days: ``day`` minus ``amount`` days;
        * months: the corresponding day ``amount`` months earlier, or that month's last day
          where it has no such day (the month-end rule of 民法典 art. 202 applied backwards:
          31 Aug minus 6 months is 28 or 29 Feb);
        * working days: the ``amount``-th working day before ``day`` (``day`` itself not
          counted), which needs a ``calendar``.

        Whether a filing *on* the returned day is in time is a question for the rule that uses
        the lead; this function only finds the day.

        >>> from datetime import date
        >>> from qsdomain.calendars import china
        >>> Lead(30, LeadUnit.WORKING_DAYS).before(date(2026, 10, 31), calendar=china())
        datetime.date(2026, 9, 15)
        """
        _check_start("day", day)
        if self.unit is LeadUnit.CALENDAR_DAYS:
            return _add_days("day", day, -self.amount)
        if self.unit is LeadUnit.MONTHS:
            try:
                result: date = day - relativedelta(months=self.amount)
            except (OverflowError, ValueError) as exc:
                raise InvalidInputError("day", day, "a date late enough for the lead") from exc
            return result
        if calendar is None:
            raise InvalidInputError("calendar", None, "a working calendar for a working-day lead")
        return as_working_calendar(calendar).add_working_days(day, -self.amount)
