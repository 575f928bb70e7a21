"""The generated festival table and the statutory days derived from it, cross-checked.

Sources: GB/T 33661-2017 defines the Chinese calendar; the table was generated with
``lunar-python`` (benchmarks/make_festival_table.py). It is checked here against the
``holidays`` package's independent lunisolar tables (test-only dependency) for every year, and
against the statutory days transcribed from the State Council notices for 2004-2026.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from china_notices import SCHEDULES, VICTORY_DAY_2015
from qsdomain.calendars import statutory_days
from qsdomain.calendars._festivals import FESTIVALS, FIRST_YEAR, LAST_YEAR
from qsdomain.calendars._statutory import FESTIVAL_KEYS, measures_in_force

YEARS = range(FIRST_YEAR, LAST_YEAR + 1)


@pytest.fixture(scope="module")
def lunisolar() -> Any:
    chinese = pytest.importorskip("holidays.calendars.chinese")
    return chinese._ChineseLunisolar()


def test_the_table_covers_2004_to_2060() -> None:
    assert list(FESTIVALS) == list(YEARS)


@pytest.mark.parametrize("year", YEARS)
def test_festival_dates_agree_with_the_holidays_package(lunisolar: Any, year: int) -> None:
    row = FESTIVALS[year]
    assert row.spring_festival == lunisolar.lunar_new_year_date(year)[0]
    assert row.qingming == lunisolar.qingming_date(year)[0]
    assert row.dragon_boat == lunisolar.dragon_boat_date(year)[0]
    assert row.mid_autumn == lunisolar.mid_autumn_date(year)[0]


@pytest.mark.parametrize("schedule", SCHEDULES, ids=lambda s: str(s.year))
def test_statutory_days_equal_those_the_notices_name(schedule: Any) -> None:
    """For every bundled year, the statutory days computed from the Measures in force and the
    table are exactly the statutory days transcribed from that year's notice."""
    named = {d for b in schedule.breaks if b.festival != VICTORY_DAY_2015 for d in b.statutory_days}
    assert {s.day for s in statutory_days(schedule.year)} == named
    assert len(statutory_days(schedule.year)) == measures_in_force(schedule.year).total_days


def test_festival_keys_are_those_of_the_bundled_data() -> None:
    import china_notices as cs  # noqa: PLC0415

    assert FESTIVAL_KEYS == (
        cs.NEW_YEAR,
        cs.SPRING_FESTIVAL,
        cs.QINGMING,
        cs.LABOUR_DAY,
        cs.DRAGON_BOAT,
        cs.MID_AUTUMN,
        cs.NATIONAL_DAY,
    )


@pytest.mark.parametrize("year", YEARS)
def test_statutory_days_follow_the_measures_in_force(year: int) -> None:
    """Art. 2 of each version: 除夕 statutory under 令513 and 令795 only; counts 10/11/11/13."""
    days = statutory_days(year)
    measures = measures_in_force(year)
    assert len(days) == measures.total_days
    eve = FESTIVALS[year].spring_festival - timedelta(days=1)
    assert (eve in {d.day for d in days}) == (
        measures.order in {"国务院令第513号", "国务院令第795号"}
    )
    assert all(d.article == f"{measures.order} art. 2" for d in days)
