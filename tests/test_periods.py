"""Terms and leads: 民法典 arts. 201-203 and inclusive certificate validity."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from qsdomain.calendars import WorkingCalendar
from qsdomain.errors import CalendarNotCoveredError, InvalidInputError
from qsdomain.periods import Convention, Lead, LeadUnit, Term
from strategies import CHINA, leads, terms

D = date
CIVIL = Convention.CIVIL_CODE
INCL = Convention.INCLUSIVE
starts = st.dates(min_value=D(1900, 1, 1), max_value=D(2999, 12, 31))


# -- worked examples -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "term", "civil", "inclusive"),
    [
        # "2021-03-15 至 2026-03-14": the printed form of a five-year certificate.
        (D(2021, 3, 15), Term(years=5), D(2026, 3, 15), D(2026, 3, 14)),
        # Month ends (民法典 art. 202: no corresponding day -> the month's last day).
        (D(2025, 1, 31), Term(months=1), D(2025, 2, 28), D(2025, 2, 28)),
        (D(2024, 1, 31), Term(months=1), D(2024, 2, 29), D(2024, 2, 29)),
        (D(2025, 1, 28), Term(months=1), D(2025, 2, 28), D(2025, 2, 27)),
        (D(2025, 2, 1), Term(months=1), D(2025, 3, 1), D(2025, 2, 28)),
        (D(2025, 3, 31), Term(months=6), D(2025, 9, 30), D(2025, 9, 30)),
        # Leap days.
        (D(2024, 2, 29), Term(years=1), D(2025, 2, 28), D(2025, 2, 28)),
        (D(2024, 2, 29), Term(years=4), D(2028, 2, 29), D(2028, 2, 28)),
        (D(2023, 3, 1), Term(years=1), D(2024, 3, 1), D(2024, 2, 29)),
        (D(2024, 3, 1), Term(years=1), D(2025, 3, 1), D(2025, 2, 28)),
        # Days only: start day excluded (civil) or counted as day one (inclusive).
        (D(2026, 1, 1), Term(days=30), D(2026, 1, 31), D(2026, 1, 30)),
        (D(2026, 1, 1), Term(days=1), D(2026, 1, 2), D(2026, 1, 1)),
        # Mixed: months first, then days.
        (D(2025, 1, 31), Term(months=1, days=5), D(2025, 3, 5), D(2025, 3, 5)),
        (D(2025, 2, 2), Term(months=1, days=5), D(2025, 3, 7), D(2025, 3, 6)),
    ],
)
def test_nominal_ends(start: date, term: Term, civil: date, inclusive: date) -> None:
    assert term.nominal_end(start, CIVIL) == civil
    assert term.nominal_end(start, INCL) == inclusive


@pytest.mark.parametrize(
    ("start", "term", "expected", "why"),
    [
        (D(2026, 4, 3), Term(months=6), D(2026, 10, 8), "3 Oct 2026 is in the National Day break"),
        (D(2026, 4, 10), Term(months=6), D(2026, 10, 10), "10 Oct 2026 is a make-up Saturday"),
        (D(2026, 5, 16), Term(months=1), D(2026, 6, 16), "16 Jun 2026 is a Tuesday"),
        (D(2026, 5, 13), Term(months=1), D(2026, 6, 15), "13 Jun 2026 is a Saturday"),
        (D(2020, 1, 1), Term(months=1), D(2020, 2, 3), "1 Feb 2020: the cancelled make-up day"),
    ],
)
def test_civil_code_moves_a_rest_day_end_to_the_next_working_day(
    start: date, term: Term, expected: date, why: str
) -> None:
    """民法典 art. 203: a last day that is a statutory rest day moves to the day after it."""
    assert term.end(start, CIVIL, calendar=CHINA) == expected, why


def test_inclusive_end_ignores_rest_days() -> None:
    assert Term(months=6).end(D(2026, 4, 4), INCL, calendar=CHINA) == D(2026, 10, 3)
    assert Term(months=6).end(D(2026, 4, 4), INCL) == D(2026, 10, 3)


def test_anniversary() -> None:
    assert Term(years=5).anniversary(D(2021, 3, 15)) == D(2026, 3, 15)
    assert Term(months=1).anniversary(D(2025, 1, 31)) == D(2025, 2, 28)


# -- laws --------------------------------------------------------------------------------------


@given(starts, starts, terms(), st.sampled_from(list(Convention)))
def test_ends_are_monotone_in_the_start_date(
    a: date, b: date, term: Term, conv: Convention
) -> None:
    """A later start never gives an earlier end, under either convention."""
    lo, hi = min(a, b), max(a, b)
    assert term.nominal_end(lo, conv) <= term.nominal_end(hi, conv)


@given(st.dates(min_value=D(2004, 1, 1), max_value=D(2022, 12, 31)), terms(), terms())
def test_civil_code_ends_are_working_days_and_monotone(start: date, t1: Term, t2: Term) -> None:
    try:
        end = t1.end(start, CIVIL, calendar=CHINA)
        later = t1.end(start + timedelta(days=1), CIVIL, calendar=CHINA)
    except CalendarNotCoveredError:
        assume(False)
        return
    assert CHINA.is_working_day(end)
    assert end >= t1.nominal_end(start, CIVIL)
    assert later >= end
    # Between the nominal end and the moved end there is no working day.
    nominal = t1.nominal_end(start, CIVIL)
    assert CHINA.working_days_between(nominal, end) == (0 if CHINA.is_working_day(nominal) else 1)


@given(starts, terms())
def test_inclusive_is_civil_minus_one_day_unless_the_anniversary_is_missing(
    start: date, term: Term
) -> None:
    civil = term.nominal_end(start, CIVIL)
    inclusive = term.nominal_end(start, INCL)
    assert start <= inclusive <= civil
    if civil - timedelta(days=1) != inclusive:
        # Only a start day with no counterpart in the final month (29th-31st) differs.
        assert start.day >= 29
        assert inclusive == civil


@given(starts, st.integers(1, 2000))
def test_days_only_terms(start: date, days: int) -> None:
    term = Term(days=days)
    assert term.nominal_end(start, CIVIL) == start + timedelta(days=days)
    assert term.nominal_end(start, INCL) == start + timedelta(days=days - 1)


@given(st.dates(min_value=D(2005, 1, 1), max_value=D(2026, 12, 31)), leads())
def test_leads_come_before_the_date(day: date, lead: Lead) -> None:
    try:
        result = lead.before(day, calendar=CHINA)
    except CalendarNotCoveredError:
        assume(False)
        return
    assert result < day
    if lead.unit is LeadUnit.WORKING_DAYS:
        # The amount-th working day before `day`: amount - 1 working days lie strictly
        # between, plus `day` itself when it is a working day.
        expected = lead.amount - 1 + CHINA.is_working_day(day)
        assert CHINA.working_days_between(result, day) == expected
        assert CHINA.is_working_day(result)
    if lead.unit is LeadUnit.CALENDAR_DAYS:
        assert (day - result).days == lead.amount


@pytest.mark.parametrize(
    ("lead", "day", "expected"),
    [
        (Lead(6, LeadUnit.MONTHS), D(2026, 8, 31), D(2026, 2, 28)),
        (Lead(6, LeadUnit.MONTHS), D(2028, 8, 31), D(2028, 2, 29)),
        (Lead(6, LeadUnit.MONTHS), D(2026, 3, 14), D(2025, 9, 14)),
        (Lead(30, LeadUnit.CALENDAR_DAYS), D(2026, 3, 14), D(2026, 2, 12)),
        (Lead(1, LeadUnit.WORKING_DAYS), D(2026, 10, 8), D(2026, 9, 30)),
        (Lead(3, LeadUnit.WORKING_DAYS), D(2026, 10, 13), D(2026, 10, 9)),
    ],
)
def test_lead_examples(lead: Lead, day: date, expected: date) -> None:
    assert lead.before(day, calendar=CHINA) == expected


# -- bad input ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("build", "field"),
    [
        (lambda: Term(years=-1), "term.years"),
        (lambda: Term(months=1.5), "term.months"),
        (lambda: Term(days=True), "term.days"),
        (lambda: Term(years="5"), "term.years"),
        (Term, "term"),
        (lambda: Term(years=1001), "term.years"),
        (lambda: Lead(0, LeadUnit.MONTHS), "lead.amount"),
        (lambda: Lead(3, "fortnights"), "lead.unit"),
        (lambda: Term(years=1).end(datetime(2026, 1, 1), INCL), "start"),  # noqa: DTZ001
        (lambda: Term(years=1).end(D(2026, 1, 1), CIVIL), "calendar"),
        (lambda: Term(years=1).end(D(2026, 1, 1), "lunar"), "convention"),
        (lambda: Term(years=1000).end(D(9500, 1, 1), INCL), "start"),
        (lambda: Lead(2, LeadUnit.WORKING_DAYS).before(D(2026, 1, 9)), "calendar"),
        (lambda: Lead(30, LeadUnit.CALENDAR_DAYS).before(D(1, 1, 5)), "day"),
    ],
)
def test_bad_input_names_the_field(build: object, field: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        build()  # type: ignore[operator]
    assert info.value.field == field


def test_convention_accepts_its_value_string() -> None:
    assert Term(years=1).end(D(2026, 1, 1), "inclusive") == D(2026, 12, 31)  # type: ignore[arg-type]


def test_working_day_terms_use_any_protocol_calendar() -> None:
    weekends = WorkingCalendar.weekends_only(D(2026, 1, 1), D(2026, 12, 31))
    assert Lead(5, LeadUnit.WORKING_DAYS).before(D(2026, 10, 9), calendar=weekends) == D(
        2026, 10, 2
    )
    assert Term(days=2).end(D(2026, 10, 1), CIVIL, calendar=weekends) == D(2026, 10, 5)
