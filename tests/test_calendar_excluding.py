"""Counting working days around excluded spans: the calendar's table answers equal the plain
definition (walk the days one by one, skip span days), errors included."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from qsdomain.calendars import WorkingCalendar, china
from qsdomain.errors import CalendarNotCoveredError, InvalidInputError

CAL = china()
FIRST, LAST = CAL.coverage.first, CAL.coverage.last
Span = tuple[date, date | None]


def _excluded(day: date, spans: list[Span]) -> bool:
    return any(first <= day and (last is None or day <= last) for first, last in spans)


def plain_add(cal: WorkingCalendar, day: date, n: int, spans: list[Span]) -> date | None:
    """The definition: the n-th working day after ``day`` in no span (None at a running one)."""
    if n == 0:
        return day
    cursor = day
    while n:
        cursor += timedelta(days=1)
        if cursor > cal.coverage.last:
            raise CalendarNotCoveredError("n", cursor, "outside")
        if any(first <= cursor and last is None for first, last in spans):
            return None
        if cal.is_working_day(cursor) and not _excluded(cursor, spans):
            n -= 1
    return cursor


def plain_between(cal: WorkingCalendar, start: date, end: date, spans: list[Span]) -> int:
    count, cursor = 0, start
    while cursor < end:
        cursor += timedelta(days=1)
        count += cal.is_working_day(cursor) and not _excluded(cursor, spans)
    return count


near = st.dates(min_value=date(2025, 1, 1), max_value=date(2026, 12, 31))
edge = st.dates(min_value=LAST - timedelta(days=120), max_value=LAST)


@st.composite
def spans(draw: st.DrawFn, days: st.SearchStrategy[date]) -> list[Span]:
    found: list[Span] = []
    for _ in range(draw(st.integers(0, 3))):
        first = draw(days)
        k = draw(st.none() | st.integers(0, 40))
        last = None if k is None else first + timedelta(days=k)
        found.append((first, last))
    return found


@settings(max_examples=300, deadline=None)
@given(st.one_of(near, edge), st.integers(0, 60), spans(st.one_of(near, edge)))
@example(  # a running span starting inside a closed one that ends with the coverage
    date(2026, 11, 1),
    16,
    [(date(2026, 12, 1), None), (date(2026, 11, 21), date(2026, 12, 31))],
)
def test_add_excluding_is_the_day_by_day_walk(day: date, n: int, excluded: list[Span]) -> None:
    try:
        expected: object = plain_add(CAL, day, n, excluded)
    except CalendarNotCoveredError:
        expected = CalendarNotCoveredError
    try:
        found: object = CAL.add_working_days_excluding(day, n, excluded)
    except CalendarNotCoveredError:
        found = CalendarNotCoveredError
    assert found == expected


@settings(max_examples=300, deadline=None)
@given(near, near, spans(near))
def test_between_excluding_is_the_day_by_day_count(
    start: date, end: date, excluded: list[Span]
) -> None:
    assert CAL.working_days_between_excluding(start, end, excluded) == plain_between(
        CAL, start, end, excluded
    )


@settings(max_examples=100, deadline=None)
@given(st.dates(min_value=date(2025, 1, 1), max_value=date(2026, 6, 30)), st.integers(0, 60))
def test_without_spans_the_plain_methods_answer(day: date, n: int) -> None:
    due = CAL.add_working_days_excluding(day, n, ())
    assert due == CAL.add_working_days(day, n)
    assert due is not None
    assert CAL.working_days_between_excluding(day, due, ()) == n


def test_bad_arguments_raise_typed_errors_naming_the_field() -> None:
    day = date(2026, 9, 1)
    with pytest.raises(InvalidInputError, match="n"):
        CAL.add_working_days_excluding(day, -1, ())
    with pytest.raises(InvalidInputError, match=r"excluded\[0\]"):
        CAL.add_working_days_excluding(day, 1, [day])  # type: ignore[list-item]
    with pytest.raises(InvalidInputError, match=r"excluded\[0\]\[1\]"):
        CAL.working_days_between_excluding(day, day, [(day, day - timedelta(days=1))])
    with pytest.raises(InvalidInputError, match="excluded"):
        CAL.working_days_between_excluding(day, day, None)  # type: ignore[arg-type]
    with pytest.raises(CalendarNotCoveredError):
        CAL.add_working_days_excluding(FIRST - timedelta(days=1), 1, ())
