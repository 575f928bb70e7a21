"""Year schedules as checked data, china(extra=...), and provisional years from the law (#8).

The rules come from the 全国年节及纪念日放假办法 (国务院令第270号 1999, 第513号 2007, 第644号 2013,
第795号 2024) and the yearly notices of the General Office of the State Council; each mutation
test below breaks one rule in a copy of a real year and expects the error to name that rule.
"""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from itertools import pairwise
from pathlib import Path
from typing import Any

import attrs
import pytest

from qsdomain.calendars import (
    ScheduleError,
    WorkingCalendar,
    YearSchedule,
    bundled_schedules,
    china,
    load_schedule,
    statutory_days,
)
from qsdomain.calendars import _china as china_module
from qsdomain.calendars._schedule import schedule_to_data
from qsdomain.errors import CalendarNotCoveredError, InvalidInputError

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE_2026 = ROOT / "examples" / "2026.json"
ONE = timedelta(days=1)
BUNDLED = bundled_schedules()
BY_YEAR = {s.year: s for s in BUNDLED}


def _days(first: date, last: date) -> list[date]:
    return [first + k * ONE for k in range((last - first).days + 1)]


def _data(year: int) -> dict[str, Any]:
    return schedule_to_data(BY_YEAR[year])


def _load(data: dict[str, Any]) -> YearSchedule:
    return load_schedule(json.dumps(data, ensure_ascii=False))


# -- the validator on the bundled years --------------------------------------------------------


@pytest.mark.parametrize("schedule", BUNDLED, ids=lambda s: str(s.year))
def test_every_bundled_year_passes_the_validator_and_round_trips(schedule: YearSchedule) -> None:
    assert _load(schedule_to_data(schedule)) == schedule
    if schedule.year >= 2025:
        assert schedule.warnings == ()  # art. 7 kept by the 2025 and 2026 notices


def test_the_bundled_years_are_consecutive_and_china_is_their_union() -> None:
    assert [s.year for s in BUNDLED] == list(range(2004, 2027))
    cal = china()
    for schedule in BUNDLED:
        for day in schedule.days_off:
            if day in cal.coverage:
                assert not cal.is_working_day(day)
        for day in schedule.makeup_working_days:
            if day in cal.coverage:
                assert cal.is_working_day(day)


# -- each rule, broken in a copy of a real year, is named in the error ----------------------------


def _mutations() -> list[tuple[str, dict[str, Any], str]]:
    cases: list[tuple[str, dict[str, Any], str]] = []
    weekend = _data(2026)
    weekend["days_off"].append("2026-03-07")  # a Saturday
    cases.append(("weekday-off", weekend, "2026-03-07"))
    weekday = _data(2026)
    weekday["makeup_working_days"].append("2026-03-09")  # a Monday
    cases.append(("weekend-makeup", weekday, "2026-03-09"))
    outside = _data(2026)
    outside["days_off"].append("2027-01-04")
    cases.append(("in-year", outside, "2027-01-04"))
    twice = _data(2026)
    twice["days_off"].append("2026-10-01")
    cases.append(("no-duplicate", twice, "2026-10-01"))
    both = _data(2026)
    both["makeup_working_days"].append("2026-10-03")  # a statutory Saturday, also made a workday
    cases.append(("statutory-days-off", both, "2026-10-03"))
    for year, day in (
        (2007, "2007-05-02"),
        (2013, "2013-09-19"),
        (2020, "2020-01-27"),
        (2025, "2025-05-02"),
    ):
        missing = _data(year)
        missing["days_off"].remove(day)  # a statutory weekday under the Measures of that year
        cases.append(("statutory-days-off", missing, day))
    return cases


@pytest.mark.parametrize(
    ("rule", "data", "day"), _mutations(), ids=lambda x: x if isinstance(x, str) else ""
)
def test_a_mutated_real_year_fails_naming_the_rule(
    rule: str, data: dict[str, Any], day: str
) -> None:
    with pytest.raises(ScheduleError) as info:
        _load(data)
    assert info.value.rule == rule
    assert day in str(info.value)
    assert info.value.article in str(info.value)
    assert isinstance(info.value, InvalidInputError)


def test_statutory_errors_cite_the_measures_in_force() -> None:
    data = _data(2013)
    data["days_off"].remove("2013-09-19")  # 中秋节 2013, 国务院令第513号 art. 2
    with pytest.raises(ScheduleError, match=re.escape("国务院令第513号 art. 2")):
        _load(data)
    data = _data(2025)
    data["days_off"].remove("2025-01-28")  # 除夕 2025, statutory again under 国务院令第795号
    with pytest.raises(ScheduleError, match=re.escape("国务院令第795号 art. 2")):
        _load(data)


def test_art7_is_a_warning_not_an_error() -> None:
    """国务院令第795号 art. 7 ("一般不超过6天"): a notice may decide otherwise."""
    data = _data(2026)
    data["makeup_working_days"].append("2026-10-11")  # 8-16 Oct: 9 working days in a row
    schedule = _load(data)
    assert schedule.warnings
    assert "art. 7" in schedule.warnings[0]
    assert "2026-10-07" in schedule.warnings[0]


def test_previous_december_entries_need_the_previous_year() -> None:
    """The 2019 notice lists 2018-12-29 (worked) and 2018-12-31 (off)."""
    data = _data(2026)
    data["year"] = 2027
    data["days_off"] = ["2026-12-31"]
    data["makeup_working_days"] = []
    with pytest.raises(ScheduleError) as info:
        _load(data)  # 2027 statutory days are not all off: the checks run in order
    assert info.value.rule == "statutory-days-off"
    ok = _statutory_2027_schedule(extra_off=["2026-12-31"])
    cal = china(extra=[ok])
    assert not cal.is_working_day(date(2026, 12, 31))
    corrected_2026 = _data(2026)
    corrected_2026["days_off"].append("2026-12-31")
    with pytest.raises(ScheduleError) as info:
        china(extra=[_load(corrected_2026), ok], replace=True)  # both notices arrange 31 Dec
    assert info.value.rule == "previous-december"
    assert "2026-12-31" in str(info.value)


def _statutory_2027_schedule(extra_off: list[str] | None = None) -> YearSchedule:
    """A 2027 schedule with only the statutory weekdays off (a test fixture, not a notice)."""
    off = sorted({d.day for d in statutory_days(2027) if d.day.weekday() < 5})
    return _load(
        {
            "year": 2027,
            "notice": {"title": "test fixture", "number": "none", "published": "2026-11-27"},
            "days_off": [*(extra_off or []), *(d.isoformat() for d in off)],
            "makeup_working_days": [],
        }
    )


# -- bad input: typed errors naming the field or date, nothing half-loaded ------------------------


def test_a_year_already_covered_needs_replace_and_is_recorded() -> None:
    example = load_schedule(EXAMPLE_2026)
    with pytest.raises(ScheduleError) as info:
        china(extra=[example])
    assert info.value.field == "extra[0].year"
    fixed = china(extra=[example], replace=True)
    assert any("replaced" in s and "2026" in s for s in fixed.sources)
    assert china().coverage.last == date(2026, 12, 31)  # the cached calendar is untouched


def test_a_gap_year_is_refused() -> None:
    data = schedule_to_data(_statutory_2027_schedule())
    data["year"] = 2028
    data["days_off"] = sorted(
        {d.day.isoformat() for d in statutory_days(2028) if d.day.weekday() < 5}
    )
    with pytest.raises(ScheduleError, match="2027") as info:
        china(extra=[_load(data)])
    assert info.value.rule == "consecutive-years"


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ('{"year": 2027,', "json"),
        ("[1, 2]", "path"),  # not starting with "{": taken as a (missing) path
        (
            '{"year": "2027", "notice": {"title": "t", "number": "n", "published": "2026-11-01"}, '
            '"days_off": [], "makeup_working_days": []}',
            "year",
        ),
        (
            '{"year": 2061, "notice": {"title": "t", "number": "n", "published": "2026-11-01"}, '
            '"days_off": [], "makeup_working_days": []}',
            "year",
        ),
        (
            '{"year": 2027, "notice": {"title": 5, "number": "n", "published": "2026-11-01"}, '
            '"days_off": [], "makeup_working_days": []}',
            "notice.title",
        ),
        ('{"year": 2027, "notice": {}, "days_off": [], "makeup_working_days": []}', "notice.title"),
        ('{"year": 2027, "bogus": 1}', "bogus"),
        (
            '{"year": 2027, "notice": {"title": "t", "number": "n", "published": "2026-13-01"}, '
            '"days_off": [], "makeup_working_days": []}',
            "notice.published",
        ),
        (
            '{"year": 2027, "notice": {"title": "t", "number": "n", "published": "2026-11-01"}, '
            '"days_off": "2027-01-01", "makeup_working_days": []}',
            "days_off",
        ),
        (
            '{"year": 2027, "notice": {"title": "t", "number": "n", "published": "2026-11-01"}, '
            '"days_off": ["2027-1-1"], "makeup_working_days": []}',
            "days_off[0]",
        ),
    ],
)
def test_malformed_files_raise_typed_errors_naming_the_field(text: str, field: str) -> None:
    with pytest.raises(ScheduleError) as info:
        load_schedule(text)
    assert info.value.field == field


def test_bad_arguments_are_typed_errors(tmp_path: Path) -> None:
    with pytest.raises(InvalidInputError):
        load_schedule(None)  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="readable"):
        load_schedule(tmp_path / "missing.json")
    bad = tmp_path / "bad.json"
    bad.write_bytes(b'{"year": "\x80"}')
    with pytest.raises(InvalidInputError, match="UTF-8"):
        load_schedule(bad)
    with pytest.raises(InvalidInputError, match="extra"):
        china(extra="2027.json")  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match=r"extra\[0\]"):
        china(extra=[{"year": 2027}])  # type: ignore[list-item]
    with pytest.raises(InvalidInputError, match="replace"):
        china(extra=[], replace=1)  # type: ignore[arg-type]


# -- the worked example ----------------------------------------------------------------------


def test_the_2026_example_file_gives_the_bundled_2026_day_by_day() -> None:
    example = load_schedule(EXAMPLE_2026)
    bundled = BY_YEAR[2026]
    assert attrs.evolve(example, notice=bundled.notice) == bundled
    replaced = china(extra=[example], replace=True)
    official = china()
    for day in _days(date(2026, 1, 1), date(2026, 12, 31)):
        assert replaced.is_working_day(day) == official.is_working_day(day), day


def test_loading_a_schedule_again_gives_an_equal_schedule() -> None:
    """Loading is pure (its time is benchmarks/bench_calendar.py's to measure)."""
    text = EXAMPLE_2026.read_text(encoding="utf-8")
    assert load_schedule(text) == load_schedule(text)


def test_china_with_an_extra_year_keeps_constant_time_queries() -> None:
    cal = china(extra=[_statutory_2027_schedule()])
    assert cal.coverage.last == date(2027, 12, 31)
    assert cal.add_working_days(date(2026, 12, 31), 1) == date(2027, 1, 4)
    assert not cal.is_provisional_between(date(2026, 1, 1), date(2027, 12, 31))


# -- provisional years from the law ------------------------------------------------------------


def test_the_issue_example() -> None:
    prov = china().extended(until=date(2027, 12, 31), rule="statutory")
    assert not prov.is_working_day(date(2027, 2, 9))  # 补假 for 初一 on Saturday 6 Feb
    assert prov.is_provisional(date(2027, 2, 9))
    assert "art. 6" in prov.provisional[-1].assumption
    plain = china().extended(until=date(2027, 12, 31))
    assert plain.provisional[-1].assumption.startswith("weekends only")
    own = china().extended(until=date(2027, 12, 31), rule="statutory", assumption="mine")
    assert own.provisional[-1].assumption == "mine"


@pytest.mark.parametrize("year", range(2019, 2027))
def test_provisional_statutory_years_never_work_a_statutory_day(year: int) -> None:
    """Replaying 2019-2026 as if unknown: no statutory day of the Measures in force is worked."""
    base = china(extra=())
    known = attrs.evolve(
        base,
        coverage=type(base.coverage)(base.coverage.first, date(year - 1, 12, 31)),
        weekdays_off={d for d in base.weekdays_off if d.year < year},
        makeup_working_days={d for d in base.makeup_working_days if d.year < year},
    )
    prov = known.extended(until=date(year, 12, 31), rule="statutory")
    for holiday in statutory_days(year):
        assert not prov.is_working_day(holiday.day), holiday
        assert prov.is_provisional(holiday.day)
    assert prov.is_provisional_between(date(year, 1, 1), date(year, 12, 31))


def test_statutory_2027_agrees_with_the_independent_estimate() -> None:
    """The ``holidays`` package's estimate of China 2027 (its own lunar tables and observed-day
    rule) marks the same statutory days as holidays."""
    holidays = pytest.importorskip("holidays")
    theirs = holidays.country_holidays("CN", years=2027)
    ours = {d.day for d in statutory_days(2027)}
    assert ours <= set(theirs)
    prov = china().extended(until=date(2027, 12, 31), rule="statutory")
    for day in theirs:
        if day.weekday() < 5:
            assert not prov.is_working_day(day), (day, theirs[day])


def test_statutory_rule_needs_the_festival_table() -> None:
    with pytest.raises(CalendarNotCoveredError, match="2060"):
        china().extended(until=date(2061, 1, 1), rule="statutory")
    with pytest.raises(CalendarNotCoveredError):
        statutory_days(2061)
    with pytest.raises(InvalidInputError):
        statutory_days("2027")  # type: ignore[arg-type]


def test_china_with_no_arguments_is_the_cached_calendar() -> None:
    assert china() is china() is china(extra=()) is china(extra=[], replace=True)
    assert china_module._built[0] is china()


def test_the_json_schema_ships_and_matches_the_loader() -> None:
    """The schema file is in the package and names the same fields the loader accepts."""
    from importlib.resources import files  # noqa: PLC0415

    from qsdomain.calendars import _schedule  # noqa: PLC0415

    schema = json.loads(
        files("qsdomain.calendars").joinpath("schedule.schema.json").read_text(encoding="utf-8")
    )
    assert set(schema["properties"]) == _schedule._TOP_KEYS
    assert set(schema["required"]) == {"year", "notice", "days_off", "makeup_working_days"}
    assert set(schema["$defs"]["notice"]["properties"]) == _schedule._NOTICE_KEYS
    item = schema["properties"]["amendments"]["items"]
    assert set(item["properties"]) == _schedule._AMENDMENT_KEYS
    example = json.loads(EXAMPLE_2026.read_text(encoding="utf-8"))
    assert set(example) <= set(schema["properties"])
    assert schema["properties"]["year"]["maximum"] == 2060


def test_a_failing_extra_list_changes_nothing() -> None:
    before = china()
    with pytest.raises(ScheduleError):
        china(extra=[_statutory_2027_schedule(), BY_YEAR[2020]])
    assert china() is before
    assert before.coverage.last == date(2026, 12, 31)


def test_bundled_amendments_name_the_days_they_changed() -> None:
    """Each changed day is now off on a weekday, or a worked weekend day, or (2020-02-01) a
    weekend day no longer worked: the amended lists are final."""
    cal = china()
    changed = {d for s in BUNDLED for a in s.amendments for d in a.changed}
    assert len(changed) == 9
    for day in changed:
        assert cal.is_working_day(day) == (day.weekday() >= 5 and day != date(2020, 2, 1)), day


@pytest.mark.parametrize("year", range(2004, 2061))
def test_statutory_rule_laws_for_every_table_year(year: int) -> None:
    """Under rule="statutory" (放假办法 arts. 2 and 6): no statutory day is worked, and each
    distinct statutory date costs exactly one weekday (itself, or the 补假 day after it)."""
    base = WorkingCalendar.weekends_only(date(year - 1, 1, 1), date(year - 1, 12, 31))
    prov = base.extended(until=date(year, 12, 31), rule="statutory")
    holidays = {d.day for d in statutory_days(year)}
    assert not any(prov.is_working_day(d) for d in holidays)
    weekdays_off = [
        d for d in prov.rest_days(date(year, 1, 1), date(year, 12, 31)) if d.weekday() < 5
    ]
    assert len(weekdays_off) == len(holidays)
    assert all(prov.is_provisional(d) for d in holidays)
    assert prov.makeup_working_days == frozenset()


def test_bundled_previous_december_entries_pass_the_same_check() -> None:
    """2006, 2007, 2008, 2012 and 2019 list days in the previous December (the 2018, 2023 and
    2024 breaks start on a December weekend, which needs no entry)."""
    reaching = []
    for previous, schedule in pairwise(BUNDLED):
        china_module._check_previous_december(schedule, previous)
        if schedule.first.year < schedule.year:
            reaching.append(schedule.year)
    assert reaching == [2006, 2007, 2008, 2012, 2019]
    with pytest.raises(ScheduleError, match="previous-december"):
        china_module._check_previous_december(BY_YEAR[2019], None)
