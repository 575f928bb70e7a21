"""The statutory holidays of the 全国年节及纪念日放假办法 and the provisional rule built on them.

Versions of the Measures (all in force from 1 January of the first year they govern here):

* 国务院令第270号 (1999-09-18): 10 days. 新年 1 Jan; 春节 正月初一至初三; 劳动节 1-3 May;
  国庆节 1-3 Oct. Governs 2004-2007 in this library.
* 国务院令第513号 (2007-12-14, in force 2008-01-01): 11 days. Adds 清明节 (农历清明当日),
  端午节 (农历端午当日), 中秋节 (农历中秋当日); 春节 becomes 除夕、正月初一、初二; 劳动节 1 May.
* 国务院令第644号 (2013-12-11, in force 2014-01-01): 11 days; 春节 becomes 正月初一、初二、初三.
* 国务院令第795号 (2024-11-10, in force 2025-01-01): 13 days; 春节 4 (农历除夕、正月初一至初三),
  劳动节 2 (5月1日、2日); art. 7 adds "除个别特殊情形外，法定节假日假期前后连续工作一般不超过6天".

Art. 6 (every version): "全体公民放假的假日，如果适逢星期六、星期日，应当在工作日补假。" The
Measures do not say which working day; the notices give the following working day (for
example 2017 item 一: "1月1日放假，1月2日（星期一）补休"), and so does the provisional rule here.
"""

from __future__ import annotations

import enum
from datetime import date, timedelta

import attrs

from qsdomain import _checks
from qsdomain.calendars._festivals import FESTIVALS, FIRST_YEAR, LAST_YEAR
from qsdomain.errors import CalendarNotCoveredError, InvalidInputError

__all__ = [
    "ASSUMPTIONS",
    "FESTIVAL_KEYS",
    "Measures",
    "Rule",
    "StatutoryDay",
    "measures_in_force",
    "provisional_days_off",
    "statutory_days",
]

#: Festival keys, in the order of art. 2 (the same keys as the bundled schedule data).
FESTIVAL_KEYS = (
    "new_year",  # 元旦（新年）
    "spring_festival",  # 春节
    "qingming",  # 清明节
    "labour_day",  # 劳动节
    "dragon_boat",  # 端午节
    "mid_autumn",  # 中秋节
    "national_day",  # 国庆节
)


class Rule(str, enum.Enum):
    """How :meth:`~qsdomain.calendars.WorkingCalendar.extended` treats the days it adds.

    >>> Rule("statutory")
    <Rule.STATUTORY: 'statutory'>
    """

    WEEKENDS = "weekends"
    STATUTORY = "statutory"


#: The assumption stated on the provisional span when the caller gives none.
ASSUMPTIONS: dict[str, str] = {
    "weekends": "weekends only: no official holiday schedule for these days",
    "statutory": (
        "statutory holidays of the 全国年节及纪念日放假办法 in force (art. 2), a statutory day on "
        "a Saturday or Sunday made up on the following working day (art. 6), no make-up working "
        "days: no official holiday schedule for these days"
    ),
}


@attrs.frozen
class Measures:
    """One version of the 全国年节及纪念日放假办法 (the Measures on national holidays).

    >>> measures_in_force(2027).order, measures_in_force(2027).total_days
    ('国务院令第795号', 13)

    Attributes:
        order: the State Council decree that made this version.
        signed: the date the decree was signed.
        first_year: the first year it governs (it took effect on 1 January of that year, or
            earlier for the 1999 text).
        total_days: statutory holiday days a year (art. 2).
    """

    order: str
    signed: date
    first_year: int
    total_days: int


MEASURES = (
    Measures("国务院令第270号", date(1999, 9, 18), 1999, 10),
    Measures("国务院令第513号", date(2007, 12, 14), 2008, 11),
    Measures("国务院令第644号", date(2013, 12, 11), 2014, 11),
    Measures("国务院令第795号", date(2024, 11, 10), 2025, 13),
)


def measures_in_force(year: int) -> Measures:
    """The version of the Measures that governs ``year``.

    >>> measures_in_force(2007).order, measures_in_force(2008).order
    ('国务院令第270号', '国务院令第513号')
    """
    year = _checks.whole_number("year", year, FIRST_YEAR, LAST_YEAR)
    return [m for m in MEASURES if m.first_year <= year][-1]


@attrs.frozen
class StatutoryDay:
    """One statutory holiday day (法定节假日) of the Measures in force, with its festival.

    >>> eve = statutory_days(2027)[1]
    >>> eve.day, eve.festival, eve.article
    (datetime.date(2027, 2, 5), 'spring_festival', '国务院令第795号 art. 2')

    Attributes:
        day: the day.
        festival: the festival key (``new_year``, ``spring_festival``, ``qingming``,
            ``labour_day``, ``dragon_boat``, ``mid_autumn``, ``national_day``).
        article: the decree and article that make it a holiday.
    """

    day: date = attrs.field()
    festival: str = attrs.field()
    article: str = attrs.field()

    @day.validator
    def _check_day(self, _: attrs.Attribute[date], value: date) -> None:
        _checks.day("statutory_day.day", value)

    @article.validator
    def _check_article(self, _: attrs.Attribute[str], value: str) -> None:
        _checks.text("statutory_day.article", value)

    @festival.validator
    def _check_festival(self, _: attrs.Attribute[str], value: str) -> None:
        if value not in FESTIVAL_KEYS:
            allowed = ", ".join(FESTIVAL_KEYS)
            raise InvalidInputError("statutory_day.festival", value, f"one of {allowed}")


def statutory_days(year: int) -> tuple[StatutoryDay, ...]:
    """The statutory holiday days of ``year`` under the Measures in force, in date order.

    Lunar festival and Qingming dates come from a generated, cross-checked table
    (:data:`FIRST_YEAR` to :data:`LAST_YEAR`: 2004-2060); other years raise
    :class:`~qsdomain.errors.CalendarNotCoveredError`.

    >>> from qsdomain.calendars import statutory_days
    >>> [(d.day.isoformat(), d.festival) for d in statutory_days(2027)][:2]
    [('2027-01-01', 'new_year'), ('2027-02-05', 'spring_festival')]
    >>> len(statutory_days(2007)), len(statutory_days(2024)), len(statutory_days(2027))
    (10, 11, 13)
    """
    if not (isinstance(year, int) and FIRST_YEAR <= year <= LAST_YEAR):
        _checks.whole_number("year", year)
        raise CalendarNotCoveredError("year", year, f"{FIRST_YEAR} to {LAST_YEAR} (festival table)")
    measures = measures_in_force(year)
    article = f"{measures.order} art. 2"
    lunar = FESTIVALS[year]
    one = timedelta(days=1)
    new_year_eve = lunar.spring_festival - one  # 除夕: the last day of the twelfth month
    days: list[tuple[date, str]] = [(date(year, 1, 1), "new_year")]
    if measures.first_year in (2008, 2025):  # 令513, 令795: 除夕 is statutory
        days.append((new_year_eve, "spring_festival"))
    count = 2 if measures.first_year == 2008 else 3  # 令513: 初一、初二; others 初一至初三
    days.extend((lunar.spring_festival + k * one, "spring_festival") for k in range(count))
    labour = {1999: 3, 2008: 1, 2014: 1, 2025: 2}[measures.first_year]
    days.extend((date(year, 5, d), "labour_day") for d in range(1, labour + 1))
    if measures.first_year >= 2008:  # 令513 onwards: 清明, 端午, 中秋
        days += [
            (lunar.qingming, "qingming"),
            (lunar.dragon_boat, "dragon_boat"),
            (lunar.mid_autumn, "mid_autumn"),
        ]
    days.extend((date(year, 10, d), "national_day") for d in (1, 2, 3))
    return tuple(StatutoryDay(d, f, article) for d, f in sorted(days))


def provisional_days_off(
    first: date, last: date, weekend: frozenset[int], *, field: str = "until"
) -> frozenset[date]:
    """The non-weekend days off from ``first`` to ``last`` under the statutory rule.

    Every statutory day (:func:`statutory_days`) inside the span is off; one that falls on a
    weekend day is made up on the following day that is neither a weekend day nor already off
    (art. 6, 补假). Days outside the span are dropped. ``field`` names the argument in errors.

    >>> from datetime import date
    >>> off = provisional_days_off(date(2027, 2, 1), date(2027, 2, 28), frozenset({5, 6}))
    >>> sorted(d.day for d in off)
    [5, 8, 9, 10]
    """
    off: set[date] = set()
    one = timedelta(days=1)
    for year in range(first.year, last.year + 1):
        if not FIRST_YEAR <= year <= LAST_YEAR:
            raise CalendarNotCoveredError(
                field, date(year, 1, 1), f"{FIRST_YEAR} to {LAST_YEAR} under rule='statutory'"
            )
        # A date that is two festivals' day (中秋 on 1 Oct 2020) counts once.
        statutory = {s.day for s in statutory_days(year) if first <= s.day <= last}
        for day in sorted(statutory):
            if day.weekday() not in weekend:
                off.add(day)
                continue
            makeup = day + one
            while makeup.weekday() in weekend or makeup in off or makeup in statutory:
                makeup += one
            off.add(makeup)
    return frozenset(d for d in off if first <= d <= last)
