"""Data checks for ``china_notices``, the transcription the shipped calendar files come from.

Each test states where its rule comes from.  The schedule is transcribed from the State Council
General Office's yearly notices (国务院办公厅关于X年部分节假日安排的通知) and their amendments; the
statutory days come from the 全国年节及纪念日放假办法 (国务院令第270号 1999, 第513号
2007, 第644号 2013, 第795号 2024).  Two independent packages are used as cross-checks only,
imported here with ``pytest.importorskip`` so that the library never depends on them:
``chinesecalendar`` (module ``chinese_calendar``) and ``holidays`` (vacanza).

Working days are derived here with a small local helper (Monday-Friday and not inside any break,
or a listed make-up working day), not with the library's calendar engine.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from datetime import date, timedelta
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest

import china_notices as cs
from china_notices import (
    DRAGON_BOAT,
    FESTIVAL_NAMES_ZH,
    LABOUR_DAY,
    MID_AUTUMN,
    NATIONAL_DAY,
    NEW_YEAR,
    QINGMING,
    RULE_1999,
    RULE_2007,
    RULE_2013,
    RULE_2024,
    SCHEDULES,
    SPRING_FESTIVAL,
    VICTORY_DAY_2015,
    Break,
    YearSchedule,
)

YEARS = tuple(range(2004, 2027))
FIRST_DAY = date(2004, 1, 1)
LAST_DAY = date(2026, 12, 31)
ONE_DAY = timedelta(days=1)

FIXED_DATE_FESTIVALS = (NEW_YEAR, LABOUR_DAY, NATIONAL_DAY)
LUNAR_FESTIVALS = (SPRING_FESTIVAL, QINGMING, DRAGON_BOAT, MID_AUTUMN)


# --------------------------------------------------------------------------- local helpers


def _days(first: date, last: date) -> Iterator[date]:
    day = first
    while day <= last:
        yield day
        day += ONE_DAY


_BY_YEAR: dict[int, YearSchedule] = {s.year: s for s in SCHEDULES}
_OFF: frozenset[date] = frozenset(
    day for s in SCHEDULES for b in s.breaks for day in _days(b.first, b.last)
)
_MAKEUP: frozenset[date] = frozenset(day for s in SCHEDULES for day in s.makeup_working_days)


def _is_working_day(day: date) -> bool:
    """Monday-Friday and not inside a break, or a make-up working day (调休上班)."""
    return day in _MAKEUP or (day.weekday() < 5 and day not in _OFF)


def _rule_for(year: int) -> str:
    """The 放假办法 version in force on 1 January of ``year``."""
    if year <= 2007:
        return RULE_1999  # 国务院令第270号, 1999-09-18
    if year <= 2013:
        return RULE_2007  # 国务院令第513号, in force 2008-01-01
    if year <= 2024:
        return RULE_2013  # 国务院令第644号, in force 2014-01-01
    return RULE_2024  # 国务院令第795号, in force 2025-01-01


def _festivals_of(brk: Break) -> tuple[str, ...]:
    return (brk.festival, *brk.also)


def _fixed_statutory_days(festival: str, year: int) -> tuple[date, ...]:
    """放假办法 art. 2: 新年 1 Jan; 劳动节 1-3 May (1999), 1 May (2007, 2013), 1-2 May (2024);
    国庆节 1-3 Oct (all versions)."""
    if festival == NEW_YEAR:
        return (date(year, 1, 1),)
    if festival == LABOUR_DAY:
        n = 3 if year <= 2007 else 1 if year <= 2024 else 2
        return tuple(date(year, 5, d) for d in range(1, n + 1))
    if festival == NATIONAL_DAY:
        return (date(year, 10, 1), date(year, 10, 2), date(year, 10, 3))
    raise AssertionError(festival)


def _rule_festivals(year: int) -> tuple[str, ...]:
    """放假办法 art. 2: 4 festivals under the 1999 text, 7 from 2008."""
    if year <= 2007:
        return (NEW_YEAR, SPRING_FESTIVAL, LABOUR_DAY, NATIONAL_DAY)
    return (NEW_YEAR, SPRING_FESTIVAL, QINGMING, LABOUR_DAY, DRAGON_BOAT, MID_AUTUMN, NATIONAL_DAY)


def _rule_total(year: int) -> int:
    """Days of statutory holiday a year (放假办法 art. 2): 10 (1999), 11 (2007, 2013), 13 (2024)."""
    return 10 if year <= 2007 else 11 if year <= 2024 else 13


# In these years 中秋节 fell on a 国庆节 statutory day, so the merged break lists the date once
# although it counts for both festivals: 2009 notice item 六 ("10月3日（星期六）公休日及中秋节分别
# 调至10月5日、10月6日"), 2020 notice item 六 (中秋节 = 农历八月十五 = 1 Oct 2020).
STATUTORY_COINCIDENCES: dict[int, date] = {2009: date(2009, 10, 3), 2020: date(2020, 10, 1)}


# --------------------------------------------------------------------------- cross-check sources


@pytest.fixture(scope="module")
def holidays_pkg() -> Any:
    return pytest.importorskip("holidays")


@pytest.fixture(scope="module")
def chinese_calendar_pkg() -> Any:
    return pytest.importorskip("chinese_calendar")


# holidays.CN names (language="en_US") of the lunar / solar-term festivals, read from
# holidays/countries/china.py (0.109): tr("农历除夕"), tr("春节"), tr("清明节"), tr("端午节"),
# tr("中秋节").
_HOLIDAYS_NAMES = {
    "eve": "Chinese New Year's Eve",
    SPRING_FESTIVAL: "Chinese New Year (Spring Festival)",
    QINGMING: "Tomb-Sweeping Day",
    DRAGON_BOAT: "Dragon Boat Festival",
    MID_AUTUMN: "Mid-Autumn Festival",
}


def _lunar_statutory_days(holidays_pkg: Any, year: int) -> dict[str, tuple[date, ...]]:
    """Lunar / solar-term statutory days of ``year``: the festival dates are computed by the
    ``holidays`` package; which days count follows the 放假办法 in force (春节: 初一-初三 under
    1999 and 2013, 除夕-初二 under 2007, 除夕-初三 under 2024)."""
    cal = holidays_pkg.CN(years=year, observed=False, language="en_US")
    named: dict[str, list[date]] = {}
    for day, names in cal.items():
        for name in names.split("; "):
            named.setdefault(name, []).append(day)
    first_day = min(named[_HOLIDAYS_NAMES[SPRING_FESTIVAL]])  # 正月初一
    if year <= 2007 or 2014 <= year <= 2024:
        offsets = (0, 1, 2)
    elif year <= 2013:
        offsets = (-1, 0, 1)
    else:
        offsets = (-1, 0, 1, 2)
    result = {SPRING_FESTIVAL: tuple(first_day + timedelta(days=o) for o in offsets)}
    if year >= 2008:
        for festival in (QINGMING, DRAGON_BOAT, MID_AUTUMN):
            (day,) = named[_HOLIDAYS_NAMES[festival]]
            result[festival] = (day,)
    return result


# --------------------------------------------------------------------------- structure


def test_years_each_once_in_order() -> None:
    """Scope of the data: one entry per yearly notice, 2004 to 2026, in order."""
    assert tuple(s.year for s in SCHEDULES) == YEARS


def test_module_imports_only_the_standard_library() -> None:
    """The data module is imported by the library: it must stay cheap and dependency-free."""
    source = Path(cs.__file__).read_text(encoding="utf-8")
    imported: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            imported.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            imported.add((node.module or "").split(".")[0])
    assert imported <= {"__future__", "datetime", "typing"}


@pytest.mark.parametrize("schedule", SCHEDULES, ids=lambda s: str(s.year))
def test_notice_fields(schedule: YearSchedule) -> None:
    """Each yearly notice is 国办发明电〔year-1〕N号, titled
    国务院办公厅关于{year}年部分节假日安排的通知, dated in the previous year and before the first
    day it arranges (gov.cn / reposts)."""
    match = re.fullmatch(r"国办发明电〔(\d{4})〕(\d+)号", schedule.notice)
    assert match, schedule.notice
    assert int(match.group(1)) == schedule.year - 1
    assert schedule.title == f"国务院办公厅关于{schedule.year}年部分节假日安排的通知"
    assert schedule.published.year == schedule.year - 1
    first_arranged = min([b.first for b in schedule.breaks] + list(schedule.makeup_working_days))
    assert schedule.published < first_arranged
    assert schedule.statutory_rule == _rule_for(schedule.year)


@pytest.mark.parametrize("schedule", SCHEDULES, ids=lambda s: str(s.year))
def test_amendment_fields(schedule: YearSchedule) -> None:
    """Amendments are published in the schedule's year, in order, with a notice number."""
    previous = schedule.published
    for amendment in schedule.amendments:
        assert re.fullmatch(r"国(办)?发明电〔\d{4}〕\d+号", amendment.notice), amendment.notice
        assert amendment.title.endswith("的通知")
        assert amendment.summary
        assert amendment.published.year == schedule.year
        assert amendment.published > previous
        previous = amendment.published


def test_amendments_are_the_known_ones() -> None:
    """Mid-year changes: 国发明电〔2015〕1号 (2015 Victory Day), 国办发明电〔2019〕3号 (Labour Day
    2019), 国办发明电〔2020〕1号 (COVID-19 extension of the 2020 Spring Festival)."""
    found = {(s.year, a.notice) for s in SCHEDULES for a in s.amendments}
    assert found == {
        (2015, "国发明电〔2015〕1号"),
        (2019, "国办发明电〔2019〕3号"),
        (2020, "国办发明电〔2020〕1号"),
    }


def test_festival_names() -> None:
    """Every festival key has its Chinese name (放假办法 art. 2; 国发明电〔2015〕1号)."""
    used = {f for s in SCHEDULES for b in s.breaks for f in _festivals_of(b)}
    assert used == set(FESTIVAL_NAMES_ZH)
    assert FESTIVAL_NAMES_ZH[NATIONAL_DAY] == "国庆节"
    assert FESTIVAL_NAMES_ZH[VICTORY_DAY_2015].endswith("70周年纪念日")


@pytest.mark.parametrize("schedule", SCHEDULES, ids=lambda s: str(s.year))
def test_breaks_well_formed(schedule: YearSchedule) -> None:
    """Breaks are in date order, first <= last, non-overlapping; a merged break is 国庆节 with
    中秋节 in ``also`` (the notices' "中秋节、国庆节" / "国庆节、中秋节" items)."""
    for brk in schedule.breaks:
        assert brk.first <= brk.last
        assert brk.festival in FESTIVAL_NAMES_ZH
        assert brk.also in ((), (MID_AUTUMN,))
        if brk.also:
            assert brk.festival == NATIONAL_DAY
    for earlier, later in pairwise(schedule.breaks):
        assert earlier.last < later.first


def test_breaks_do_not_overlap_across_notices() -> None:
    """A day is announced off by at most one notice (the engine takes the union)."""
    seen: dict[date, int] = {}
    for schedule in SCHEDULES:
        for brk in schedule.breaks:
            for day in _days(brk.first, brk.last):
                assert day not in seen, (day, seen.get(day), schedule.year)
                seen[day] = schedule.year


@pytest.mark.parametrize("schedule", SCHEDULES, ids=lambda s: str(s.year))
def test_makeup_days(schedule: YearSchedule) -> None:
    """Make-up working days (调休上班) are Saturdays or Sundays, in order, outside every break."""
    days = schedule.makeup_working_days
    assert list(days) == sorted(set(days))
    for day in days:
        assert day.weekday() in (5, 6), day
        assert day not in _OFF, day


def test_makeup_days_unique_across_notices() -> None:
    """No make-up day is announced by two notices."""
    all_days = [d for s in SCHEDULES for d in s.makeup_working_days]
    assert len(all_days) == len(set(all_days))


def test_year_boundary_entries_belong_to_the_announcing_notice() -> None:
    """Days in the previous December are transcribed with the notice that announced them
    (e.g. 2019 notice item 一: 2018-12-30..2019-01-01 off, 2018-12-29 worked)."""
    expected = {
        2006: {date(2005, 12, 31)},
        2007: {date(2006, 12, 30), date(2006, 12, 31)},
        2008: {date(2007, 12, 29), date(2007, 12, 30), date(2007, 12, 31)},
        2012: {date(2011, 12, 31)},
        2018: {date(2017, 12, 30), date(2017, 12, 31)},
        2019: {date(2018, 12, 29), date(2018, 12, 30), date(2018, 12, 31)},
        2023: {date(2022, 12, 31)},
        2024: {date(2023, 12, 30), date(2023, 12, 31)},
    }
    found: dict[int, set[date]] = {}
    for schedule in SCHEDULES:
        days = {d for b in schedule.breaks for d in _days(b.first, b.last)}
        days |= set(schedule.makeup_working_days)
        earlier = {d for d in days if d.year < schedule.year}
        later = {d for d in days if d.year > schedule.year}
        assert not later, (schedule.year, later)
        if earlier:
            found[schedule.year] = earlier
    assert found == expected


# --------------------------------------------------------------------------- statutory days


@pytest.mark.parametrize("schedule", SCHEDULES, ids=lambda s: str(s.year))
def test_statutory_days_inside_their_break(schedule: YearSchedule) -> None:
    """Every statutory day lies inside its break, in date order, without repeats."""
    for brk in schedule.breaks:
        assert brk.statutory_days, brk
        assert list(brk.statutory_days) == sorted(set(brk.statutory_days))
        for day in brk.statutory_days:
            assert brk.first <= day <= brk.last, (brk, day)


@pytest.mark.parametrize("schedule", SCHEDULES, ids=lambda s: str(s.year))
def test_each_festival_of_the_rule_has_one_break(schedule: YearSchedule) -> None:
    """放假办法 art. 2: each festival of the version in force gets exactly one break (the 2015
    Victory Day break comes from 国发明电〔2015〕1号 and is the only extra one)."""
    festivals = [f for b in schedule.breaks for f in _festivals_of(b)]
    extra = [VICTORY_DAY_2015] if schedule.year == 2015 else []
    assert sorted(festivals) == sorted([*_rule_festivals(schedule.year), *extra])


@pytest.mark.parametrize("schedule", SCHEDULES, ids=lambda s: str(s.year))
def test_statutory_day_count_per_year(schedule: YearSchedule) -> None:
    """Statutory days a year: 10 for 2004-2007 (令第270号), 11 for 2008-2024 (令第513号, 第644号),
    13 from 2025 (令第795号); a 中秋节 falling on a 国庆节 day counts for both festivals."""
    days = [d for b in schedule.breaks if b.festival != VICTORY_DAY_2015 for d in b.statutory_days]
    assert len(days) == len(set(days))
    coinciding = 1 if schedule.year in STATUTORY_COINCIDENCES else 0
    assert len(days) + coinciding == _rule_total(schedule.year)


def test_victory_day_2015() -> None:
    """国发明电〔2015〕1号: 3 Sep 2015 off (the one statutory-like day), 4 Sep in lieu, 5 Sep a
    Saturday, 6 Sep (Sunday) worked."""
    (brk,) = [b for b in _BY_YEAR[2015].breaks if b.festival == VICTORY_DAY_2015]
    assert brk == Break(VICTORY_DAY_2015, date(2015, 9, 3), date(2015, 9, 5), (date(2015, 9, 3),))
    assert date(2015, 9, 6) in _BY_YEAR[2015].makeup_working_days


@pytest.mark.parametrize("schedule", SCHEDULES, ids=lambda s: str(s.year))
def test_fixed_date_festivals_match_the_rule(schedule: YearSchedule) -> None:
    """元旦 1 Jan; 劳动节 1-3 May to 2007, 1 May 2008-2024, 1-2 May from 2025; 国庆节 1-3 Oct
    (放假办法 art. 2 in each version)."""
    year = schedule.year
    for brk in schedule.breaks:
        merged = bool(brk.also)
        if brk.festival in (NEW_YEAR, LABOUR_DAY) or (brk.festival == NATIONAL_DAY and not merged):
            assert brk.statutory_days == _fixed_statutory_days(brk.festival, year), brk
        elif brk.festival == NATIONAL_DAY:
            # merged with 中秋节: the 国庆节 days plus at most one more (the 中秋节 day)
            fixed = set(_fixed_statutory_days(NATIONAL_DAY, year))
            assert fixed <= set(brk.statutory_days)
            assert len(set(brk.statutory_days) - fixed) <= 1


@pytest.mark.parametrize("schedule", SCHEDULES, ids=lambda s: str(s.year))
def test_lunar_festivals_match_holidays_package(holidays_pkg: Any, schedule: YearSchedule) -> None:
    """春节 (by the 放假办法 in force), 清明, 端午, 中秋 statutory days equal the festival dates
    the ``holidays`` package computes (an independent lunar / solar-term calendar)."""
    year = schedule.year
    lunar = _lunar_statutory_days(holidays_pkg, year)
    for brk in schedule.breaks:
        if brk.festival == VICTORY_DAY_2015:
            continue
        expected: set[date] = set()
        for festival in _festivals_of(brk):
            if festival in LUNAR_FESTIVALS:
                expected.update(lunar[festival])
            else:
                expected.update(_fixed_statutory_days(festival, year))
        assert set(brk.statutory_days) == expected, brk
    if year in STATUTORY_COINCIDENCES:
        assert lunar[MID_AUTUMN] == (STATUTORY_COINCIDENCES[year],)


# --------------------------------------------------------------------------- amendments applied


def test_2019_labour_day_amendment_applied() -> None:
    """国办发明电〔2019〕3号: "2019年5月1日至4日放假调休，共4天。4月28日（星期日）、5月5日（星期日）
    上班" (the original notice gave 1 May alone)."""
    (brk,) = [b for b in _BY_YEAR[2019].breaks if b.festival == LABOUR_DAY]
    assert (brk.first, brk.last) == (date(2019, 5, 1), date(2019, 5, 4))
    assert {date(2019, 4, 28), date(2019, 5, 5)} <= set(_BY_YEAR[2019].makeup_working_days)


def test_2020_spring_festival_extension_applied() -> None:
    """国办发明电〔2020〕1号: "延长2020年春节假期至2月2日（农历正月初九，星期日），
    2月3日（星期一）起正常上班" - so Saturday 1 Feb 2020, a make-up day in the original notice,
    was a day off."""
    (brk,) = [b for b in _BY_YEAR[2020].breaks if b.festival == SPRING_FESTIVAL]
    assert (brk.first, brk.last) == (date(2020, 1, 24), date(2020, 2, 2))
    assert date(2020, 2, 1) not in _BY_YEAR[2020].makeup_working_days
    assert not _is_working_day(date(2020, 2, 1))
    assert _is_working_day(date(2020, 2, 3))


# --------------------------------------------------------------------------- the shipped files

# The library ships the years as ``load_schedule`` files (qsdomain/calendars/data/YYYY.json,
# written by benchmarks/make_china_json.py from this transcription); they must equal it day for
# day, so that every check in this module holds for what users get.


def test_bundled_files_equal_the_transcription_day_for_day() -> None:
    """``china()`` (built from the shipped JSON files) and the break-by-break transcription
    agree on every day 2004-01-01..2026-12-31; the notices and amendments are the same."""
    from qsdomain.calendars import bundled_schedules, china  # noqa: PLC0415

    cal = china()
    differ = [d for d in _days(FIRST_DAY, LAST_DAY) if cal.is_working_day(d) != _is_working_day(d)]
    assert differ == []
    shipped = bundled_schedules()
    assert [s.year for s in shipped] == list(YEARS)
    for mine, theirs in zip(SCHEDULES, shipped, strict=True):
        assert (theirs.notice.number, theirs.notice.title, theirs.notice.published) == (
            mine.notice,
            mine.title,
            mine.published,
        )
        assert set(theirs.makeup_working_days) == set(mine.makeup_working_days)
        off = {d for b in mine.breaks for d in _days(b.first, b.last) if d.weekday() < 5}
        assert set(theirs.days_off) == off
        assert [
            (a.notice.number, a.notice.title, a.notice.published, a.summary)
            for a in theirs.amendments
        ] == [(a.notice, a.title, a.published, a.summary) for a in mine.amendments]


# --------------------------------------------------------------------------- cross-checks

# Days on which the data (= the notices) and chinesecalendar 1.11.0 disagree about "is this a
# working day".  Each entry: the date, and why the notice is right.
KNOWN_DISAGREEMENTS_CHINESE_CALENDAR: dict[date, str] = {
    # 国办发明电〔2005〕35号 (the 2006 schedule), item 一: "将12月31日（星期六）、1月1日
    # （星期日）两个公休日调至1月2日（星期一）、3日（星期二），12月31日（星期六）上班" -
    # Saturday 31 Dec 2005 was worked.  chinesecalendar has no workday entry for it (upstream
    # issue #125 "2005-12-31 应为workday?", open; also reported in #17).  The notice is right;
    # the data follows it.
    date(2005, 12, 31): "make-up working Saturday of the 2006 notice, missing in chinesecalendar",
}

# Days on which the data and holidays (vacanza) disagree.  None with holidays 0.109.  Versions
# before 0.92 lacked the make-up Sundays 28 Apr and 5 May 2019 of 国办发明电〔2019〕3号 (vacanza
# issue #3293, fixed in 0.92); the test is skipped for those versions.
KNOWN_DISAGREEMENTS_HOLIDAYS: dict[date, str] = {}


def test_working_days_agree_with_chinese_calendar(chinese_calendar_pkg: Any) -> None:
    """Every day 2004-01-01..2026-12-31: the data's working-day flag equals
    ``chinese_calendar.is_workday`` except the listed, explained disagreements."""
    differ = {
        day: (_is_working_day(day), chinese_calendar_pkg.is_workday(day))
        for day in _days(FIRST_DAY, LAST_DAY)
        if _is_working_day(day) != chinese_calendar_pkg.is_workday(day)
    }
    assert set(differ) == set(KNOWN_DISAGREEMENTS_CHINESE_CALENDAR)
    # the listed day is a working day by the notice
    assert _is_working_day(date(2005, 12, 31))


def test_working_days_agree_with_holidays_package(holidays_pkg: Any) -> None:
    """Every day 2004-01-01..2026-12-31: the data's working-day flag equals the ``holidays``
    package's (not a public holiday and Monday-Friday, or in ``weekend_workdays``), except the
    listed, explained disagreements."""
    version = tuple(int(p) for p in holidays_pkg.__version__.split(".")[:2])
    if version < (0, 92):
        pytest.skip("holidays < 0.92 lacks two 2019 make-up days (vacanza/holidays#3293)")
    cal = holidays_pkg.country_holidays("CN", years=YEARS)
    weekend_workdays = set(cal.weekend_workdays)

    def theirs(day: date) -> bool:
        return day in weekend_workdays or (day.weekday() < 5 and day not in cal)

    differ = {day for day in _days(FIRST_DAY, LAST_DAY) if _is_working_day(day) != theirs(day)}
    assert differ == set(KNOWN_DISAGREEMENTS_HOLIDAYS)


def test_makeup_days_agree_with_both_packages(holidays_pkg: Any, chinese_calendar_pkg: Any) -> None:
    """The make-up working days listed equal the weekend days both packages treat as worked,
    except the known disagreement above (2005-12-31, missing in chinesecalendar)."""
    cal = holidays_pkg.country_holidays("CN", years=YEARS)
    theirs = {d for d in cal.weekend_workdays if FIRST_DAY <= d <= LAST_DAY}
    assert theirs == set(_MAKEUP)
    cc_workdays = {d for d in chinese_calendar_pkg.constants.workdays if FIRST_DAY <= d <= LAST_DAY}
    assert set(_MAKEUP) - cc_workdays == set(KNOWN_DISAGREEMENTS_CHINESE_CALENDAR)
    assert cc_workdays <= set(_MAKEUP)


# --------------------------------------------------------------------------- 放假办法 art. 7

# 放假办法 (令第795号) art. 7: "除个别特殊情形外，法定节假日假期前后连续工作一般不超过6天".
# Exceptions the notices make, with reasons.  None for 2025-2026.
ART7_EXCEPTIONS: dict[tuple[date, str], str] = {}


def _working_run(start: date, step: timedelta) -> int:
    run, day = 0, start
    while _is_working_day(day):
        assert FIRST_DAY <= day <= LAST_DAY, "run leaves the covered range"
        run += 1
        day += step
    return run


@pytest.mark.parametrize("year", [y for y in YEARS if y >= 2025])
def test_at_most_six_working_days_around_breaks(year: int) -> None:
    """From 2025 (放假办法 art. 7): no run of more than 6 consecutive working days immediately
    before or after a break, except the listed exceptions."""
    for brk in _BY_YEAR[year].breaks:
        before = _working_run(brk.first - ONE_DAY, -ONE_DAY)
        after = _working_run(brk.last + ONE_DAY, ONE_DAY)
        if before > 6:
            assert (brk.first, "before") in ART7_EXCEPTIONS, (brk, before)
        if after > 6:
            assert (brk.first, "after") in ART7_EXCEPTIONS, (brk, after)
