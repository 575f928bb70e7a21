"""Good calls of the core's public callables: periods, calendars and serialization."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from good_calls import Call, D
from qsdomain import calendars, periods, serialization

CAL = calendars.china()
Y2026 = calendars.bundled_schedules()[-1]
NOTICE = Y2026.notice
EXAMPLE_2026 = str(Path(__file__).resolve().parents[1] / "examples" / "2026.json")
SMALL_CAL = calendars.WorkingCalendar.weekends_only(date(2026, 1, 1), date(2026, 12, 31))


def _working_days(start: date, end: date) -> list[date]:
    """The iterator drained, so that its checks run."""
    return list(CAL.working_days(start, end))


def _rest_days(start: date, end: date) -> list[date]:
    """The iterator drained, so that its checks run."""
    return list(CAL.rest_days(start, end))


GOOD_CALLS: dict[str, Call] = {
    # calendars: year schedules (issue #8)
    "calendars.load_schedule": Call(calendars.load_schedule, (EXAMPLE_2026,)),
    "calendars.bundled_schedules": Call(calendars.bundled_schedules),
    "calendars.statutory_days": Call(calendars.statutory_days, (2027,)),
    "calendars.StatutoryDay": Call(
        calendars.StatutoryDay, (date(2027, 1, 1), "new_year", "国务院令第795号 art. 2")
    ),
    "calendars.Notice": Call(
        calendars.Notice, (NOTICE.title, NOTICE.number, NOTICE.published), {"url": None}
    ),
    "calendars.Amendment": Call(
        calendars.Amendment,
        (NOTICE,),
        {"changed": (date(2026, 10, 9),), "summary": "an example amendment"},
    ),
    "calendars.YearSchedule": Call(
        calendars.YearSchedule,
        (2026, NOTICE),
        {"days_off": Y2026.days_off, "makeup_working_days": Y2026.makeup_working_days},
    ),
    "calendars.YearSchedule.is_working_day": Call(Y2026.is_working_day, (date(2026, 10, 10),)),
    # periods
    "periods.Term": Call(periods.Term, (), {"years": 5}),
    "periods.Term.anniversary": Call(periods.Term(years=1).anniversary, (D,)),
    "periods.Term.nominal_end": Call(
        periods.Term(years=1).nominal_end, (D, periods.Convention.INCLUSIVE)
    ),
    "periods.Term.end": Call(
        periods.Term(months=1).end, (D, periods.Convention.CIVIL_CODE), {"calendar": CAL}
    ),
    "periods.Lead": Call(periods.Lead, (30, periods.LeadUnit.WORKING_DAYS)),
    "periods.Lead.before": Call(
        periods.Lead(30, periods.LeadUnit.WORKING_DAYS).before, (D,), {"calendar": CAL}
    ),
    # calendars
    "calendars.china": Call(calendars.china),
    "calendars.as_working_calendar": Call(calendars.as_working_calendar, (CAL,)),
    "calendars.Coverage": Call(calendars.Coverage, (date(2026, 1, 1), D)),
    "calendars.ProvisionalSpan": Call(
        calendars.ProvisionalSpan, (date(2027, 1, 1), date(2027, 12, 31), "weekends only")
    ),
    "calendars.WorkingCalendar": Call(
        calendars.WorkingCalendar,
        ("test", calendars.Coverage(date(2026, 1, 1), date(2026, 12, 31))),
        {"weekdays_off": [date(2026, 10, 1)], "makeup_working_days": [date(2026, 10, 10)]},
    ),
    "calendars.WorkingCalendar.is_working_day": Call(CAL.is_working_day, (D,)),
    "calendars.WorkingCalendar.add_working_days": Call(CAL.add_working_days, (D, 5)),
    "calendars.WorkingCalendar.add_working_days_excluding": Call(
        CAL.add_working_days_excluding, (date(2026, 9, 21), 10, [(date(2026, 9, 29), D)])
    ),
    "calendars.WorkingCalendar.working_days_between_excluding": Call(
        CAL.working_days_between_excluding,
        (date(2026, 9, 21), D, [(date(2026, 9, 29), date(2026, 10, 9))]),
    ),
    "calendars.WorkingCalendar.working_days_between": Call(
        CAL.working_days_between, (date(2026, 9, 30), D)
    ),
    "calendars.WorkingCalendar.next_working_day": Call(CAL.next_working_day, (D,)),
    "calendars.WorkingCalendar.previous_working_day": Call(CAL.previous_working_day, (D,)),
    "calendars.WorkingCalendar.roll_forward": Call(CAL.roll_forward, (D,)),
    "calendars.WorkingCalendar.roll_backward": Call(CAL.roll_backward, (D,)),
    "calendars.WorkingCalendar.working_days": Call(_working_days, (date(2026, 10, 1), D)),
    "calendars.WorkingCalendar.rest_days": Call(_rest_days, (date(2026, 10, 1), D)),
    "calendars.WorkingCalendar.is_provisional": Call(CAL.is_provisional, (D,)),
    "calendars.WorkingCalendar.is_provisional_between": Call(
        CAL.is_provisional_between, (date(2026, 1, 1), D)
    ),
    "calendars.WorkingCalendar.with_days_off": Call(
        SMALL_CAL.with_days_off, ([D],), {"source": "县局闭馆通知"}
    ),
    "calendars.WorkingCalendar.with_working_days": Call(
        SMALL_CAL.with_working_days, ([date(2026, 11, 28)],), {"source": "调休"}
    ),
    "calendars.WorkingCalendar.extended": Call(
        SMALL_CAL.extended, (), {"until": date(2027, 12, 31)}
    ),
    "calendars.WorkingCalendar.weekends_only": Call(
        calendars.WorkingCalendar.weekends_only, (date(2026, 1, 1), D), {"weekend": [6]}
    ),
    "calendars.WorkingCalendar.from_calendar": Call(
        calendars.WorkingCalendar.from_calendar, (SMALL_CAL,), {"name": "copy"}
    ),
    # serialization
    "serialization.to_json": Call(serialization.to_json, (periods.Term(years=1),)),
    "serialization.unstructure": Call(serialization.unstructure, (periods.Term(years=1),)),
    "serialization.from_json": Call(serialization.from_json, ('{"years": 1}', periods.Term)),
    "serialization.structure": Call(serialization.structure, ({"years": 1}, periods.Term)),
}
