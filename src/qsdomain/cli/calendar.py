"""``qsdomain calendar``: working days in the official China calendar."""

from __future__ import annotations

import argparse
import datetime
from datetime import date

import attrs

from qsdomain.calendars import Coverage, WorkingCalendar, china
from qsdomain.cli._arguments import calendar_from, iso_date, whole
from qsdomain.cli._family import Commands, Family
from qsdomain.cli._output import Reply, day_text

#: Nothing here is library API: the commands are the interface, FAMILY is read by the CLI.
__all__: list[str] = []


def provisional_note(provisional: bool) -> str:
    """The mark an answer gets when it rests on provisionally extended days."""
    return " [provisional]" if provisional else ""


@attrs.frozen
class DayAnswer:
    """``calendar is-working``: what kind of day ``date`` is."""

    date: datetime.date
    working_day: bool
    calendar: str
    provisional: bool


@attrs.frozen
class AddAnswer:
    """``calendar add``: the ``n``-th working day after ``date`` (before it if ``n < 0``)."""

    date: datetime.date
    n: int
    result: datetime.date
    calendar: str
    provisional: bool


@attrs.frozen
class BetweenAnswer:
    """``calendar between``: the number of working days x with ``start < x <= end``."""

    start: datetime.date
    end: datetime.date
    working_days: int
    calendar: str
    provisional: bool


@attrs.frozen
class CalendarInfo:
    """``calendar info``: the calendar's name, coverage and sources."""

    calendar: str
    coverage: Coverage
    sources: tuple[str, ...]


def _kind(cal: WorkingCalendar, day: date) -> str:
    weekend = day.weekday() in cal.weekend
    if cal.is_working_day(day):
        return "a make-up working day (调休上班)" if weekend else "a working day"
    return "a weekend rest day" if weekend else "a day off (holiday break)"


def _is_working(args: argparse.Namespace) -> Reply:
    cal = calendar_from(args, args.date)
    day: date = args.date
    answer = DayAnswer(day, cal.is_working_day(day), cal.name, cal.is_provisional(day))
    text = f"{day_text(day)} is {_kind(cal, day)}{provisional_note(answer.provisional)}"
    return Reply(answer, text)


def _add(args: argparse.Namespace) -> Reply:
    cal = calendar_from(args, args.date)
    day: date = args.date
    n: int = args.n
    result = cal.add_working_days(day, n)
    answer = AddAnswer(day, n, result, cal.name, cal.is_provisional_between(day, result))
    where = "after" if n >= 0 else "before"
    text = (
        f"{day_text(result)}: working day {abs(n)} {where} "
        f"{day.isoformat()}{provisional_note(answer.provisional)}"
    )
    return Reply(answer, text)


def _between(args: argparse.Namespace) -> Reply:
    cal = calendar_from(args, args.start)
    start: date = args.start
    end: date = args.end
    count = cal.working_days_between(start, end)
    answer = BetweenAnswer(start, end, count, cal.name, cal.is_provisional_between(start, end))
    text = (
        f"{count} working days after {start.isoformat()} up to and including "
        f"{end.isoformat()}{provisional_note(answer.provisional)}"
    )
    return Reply(answer, text)


def _info(args: argparse.Namespace) -> Reply:
    cal = calendar_from(args, None)
    answer = CalendarInfo(cal.name, cal.coverage, tuple(cal.sources))
    return Reply(answer, "\n".join([f"{cal.name}: {cal.coverage}", *cal.sources]))


def _check_schedule(args: argparse.Namespace) -> Reply:
    files: list[str] = args.files
    replace: bool = args.replace
    # The schedule loader (JSON, validator) loads only for this command (start-up time).
    from qsdomain.calendars import load_schedule  # noqa: PLC0415
    from qsdomain.cli._schedule_check import CheckedSchedule, ScheduleCheck  # noqa: PLC0415

    schedules = [load_schedule(path) for path in files]
    # Joining the bundled years runs the checks that need neighbours (the year after the last
    # bundled one, make-up days in the previous December).
    cal = china(extra=schedules, replace=replace)
    checked = tuple(
        CheckedSchedule(path, s, tuple(s.warnings))
        for path, s in zip(files, schedules, strict=True)
    )
    lines = []
    for item in checked:
        s = item.schedule
        lines.append(
            f"{item.file}: OK: {s.year} {s.notice.number} - {len(s.days_off)} weekdays off, "
            f"{len(s.makeup_working_days)} make-up working days"
        )
        lines += [f"{item.file}: warning: {w}" for w in item.warnings]
    lines.append(f"calendar now covers {cal.coverage}")
    return Reply(ScheduleCheck(checked, cal.coverage), "\n".join(lines))


def _register(commands: Commands) -> None:
    p = commands.add("is-working", "is DATE a working day?", _is_working, calendar=True)
    p.add_argument("date", type=iso_date("DATE"), metavar="DATE", help="a date YYYY-MM-DD")
    p = commands.add(
        "add", "the N-th working day after DATE (before it if N < 0)", _add, calendar=True
    )
    p.add_argument("date", type=iso_date("DATE"), metavar="DATE", help="a date YYYY-MM-DD")
    p.add_argument(
        "n", type=whole("N"), metavar="N", help="working days to count (negative: backwards)"
    )
    p = commands.add("between", "working days x with START < x <= END", _between, calendar=True)
    p.add_argument("start", type=iso_date("START"), metavar="START", help="a date YYYY-MM-DD")
    p.add_argument("end", type=iso_date("END"), metavar="END", help="a date YYYY-MM-DD")
    commands.add("info", "coverage and the notices the calendar comes from", _info, calendar=True)
    p = commands.add(
        "check-schedule",
        "check year schedule files typed in from State Council notices",
        _check_schedule,
        calendar=False,
    )
    p.add_argument(
        "--replace",
        action="store_true",
        help="let a file replace a bundled year (a correction; recorded in the sources)",
    )
    p.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="schedule files (JSON, see docs/calendar-data.md), in year order",
    )


FAMILY = Family("calendar", "working days in the official China calendar", _register)
