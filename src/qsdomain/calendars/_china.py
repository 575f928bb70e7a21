"""Build the national calendar of the People's Republic of China from the bundled notices."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING

from qsdomain import _checks
from qsdomain.calendars._calendar import WorkingCalendar
from qsdomain.calendars._coverage import Coverage
from qsdomain.errors import InvalidInputError

if TYPE_CHECKING:  # the JSON loader and validator load only when schedules are read
    from qsdomain.calendars._schedule import YearSchedule

__all__ = ["bundled_schedules", "china"]

_NAME = "China (State Council notices)"
_lock = threading.Lock()
_built: list[WorkingCalendar] = []  # the one cached china(), built once under _lock
_bundled: list[tuple[YearSchedule, ...]] = []
#: The bundled years, one ``load_schedule`` file a year (package data, shipped in the wheel).
_DATA = os.path.join(os.path.dirname(__file__), "data")
#: The calendar those files build, precomputed (package data beside them): what ``china()``
#: reads, so that a command does not parse and validate 23 JSON files to count working days.
#: Written by :func:`index_text`; tests/test_calendar_index.py checks it equals the files.
INDEX = os.path.join(_DATA, "china.index")


def bundled_schedules() -> tuple[YearSchedule, ...]:
    """The bundled years (2004-2026) as checked :class:`YearSchedule` objects, in year order.

    Each is the package file ``qsdomain/calendars/data/YYYY.json``, read by
    :func:`~qsdomain.calendars.load_schedule` like a user's file (same format, same validator);
    the files are read once per process, on first use.

    >>> from qsdomain.calendars import bundled_schedules
    >>> s = bundled_schedules()[-1]
    >>> s.year, s.notice.number
    (2026, '国办发明电〔2025〕7号')
    """
    from qsdomain.calendars._schedule import load_schedule  # noqa: PLC0415 - start-up time

    with _lock:
        if not _bundled:
            names = sorted(
                name
                for name in os.listdir(_DATA)
                if len(name) == 9 and name.endswith(".json") and name[:4].isdigit()
            )
            _bundled.append(tuple(load_schedule(os.path.join(_DATA, name)) for name in names))
        return _bundled[0]


def _source_lines(schedule: YearSchedule, prefix: str = "") -> list[str]:
    lines = [f"{schedule.year}: {prefix}{schedule.notice}"]
    lines.extend(f"{schedule.year}: amended by {a.notice}" for a in schedule.amendments)
    return lines


def _parts(
    schedules: Sequence[YearSchedule], sources: list[str]
) -> tuple[Coverage, set[date], set[date], tuple[str, ...]]:
    """What the calendar of ``schedules`` is made of: coverage, days off, make-up days, sources."""
    first = date(schedules[0].year, 1, 1)
    last = date(schedules[-1].year, 12, 31)
    off: set[date] = set()
    makeup: set[date] = set()
    for schedule in schedules:
        off.update(d for d in schedule.days_off if d >= first)
        makeup.update(d for d in schedule.makeup_working_days if d >= first)
    return Coverage(first, last), off, makeup, tuple(sources)


def _build(
    coverage: Coverage, off: set[date], makeup: set[date], sources: tuple[str, ...]
) -> WorkingCalendar:
    return WorkingCalendar(
        name=_NAME,
        coverage=coverage,
        weekdays_off=off,
        makeup_working_days=makeup,
        sources=sources,
    )


def index_text(schedules: Sequence[YearSchedule]) -> str:
    """The text of the index file :data:`INDEX` for ``schedules`` (the bundled years).

    One line each: ``coverage FIRST LAST``, ``off`` and ``makeup`` with their dates (sorted,
    ISO), then one ``source`` line per line of :attr:`WorkingCalendar.sources`.
    """
    sources = [line for s in schedules for line in _source_lines(s)]
    coverage, off, makeup, _ = _parts(schedules, sources)
    lines = [
        "# The China calendar of the bundled YYYY.json files, precomputed for china() (generated:",
        "# python -c 'from qsdomain.calendars import _china; _china.write_index()').",
        f"coverage {coverage.first.isoformat()} {coverage.last.isoformat()}",
        "off " + " ".join(d.isoformat() for d in sorted(off)),
        "makeup " + " ".join(d.isoformat() for d in sorted(makeup)),
        *(f"source {line}" for line in sources),
    ]
    return "\n".join(lines) + "\n"


def write_index() -> None:
    """Rewrite :data:`INDEX` from the bundled JSON files (after a year is added or corrected)."""
    with open(INDEX, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(index_text(bundled_schedules()))


def _read_index() -> tuple[Coverage, set[date], set[date], tuple[str, ...]]:
    """The parts of the bundled calendar, read from :data:`INDEX` (see :func:`index_text`)."""
    with open(INDEX, encoding="utf-8") as handle:
        lines = handle.read().splitlines()
    fields = [line.split(" ", 1) for line in lines if line and not line.startswith("#")]
    days = {key: rest for key, rest in fields if key != "source"}
    first, last = map(date.fromisoformat, days["coverage"].split())
    return (
        Coverage(first, last),
        set(map(date.fromisoformat, days["off"].split())),
        set(map(date.fromisoformat, days["makeup"].split())),
        tuple(rest for key, rest in fields if key == "source"),
    )


def _check_previous_december(schedule: YearSchedule, previous: YearSchedule | None) -> None:
    """A previous-December entry needs the previous year in the calendar, and must not
    contradict it."""
    from qsdomain.calendars._schedule import NOTICE_RULE, ScheduleError  # noqa: PLC0415

    early = [
        d for d in (*schedule.days_off, *schedule.makeup_working_days) if d.year < schedule.year
    ]
    for day in sorted(early):
        if previous is None:
            raise ScheduleError(
                f"{schedule.year}",
                day,
                f"a date inside the calendar ({schedule.year - 1} is not covered)",
                rule="previous-december",
                article=NOTICE_RULE,
            )
        if day in previous.days_off or day in previous.makeup_working_days:
            raise ScheduleError(
                f"{schedule.year}",
                day,
                f"a date not already arranged by the {previous.year} notice",
                rule="previous-december",
                article=NOTICE_RULE,
            )


def _with_extra(extra: object, replace: object) -> WorkingCalendar:
    from qsdomain.calendars._schedule import (  # noqa: PLC0415 - start-up time
        NOTICE_RULE,
        ScheduleError,
        YearSchedule,
    )

    replace = _checks.flag("replace", replace)
    given = _checks.items("extra", extra, max_items=200)
    if not given:
        return china()
    by_year = {s.year: s for s in bundled_schedules()}
    sources = [line for s in bundled_schedules() for line in _source_lines(s)]
    seen: set[int] = set()
    for i, schedule in enumerate(given):
        if not isinstance(schedule, YearSchedule):
            raise InvalidInputError(f"extra[{i}]", schedule, "a YearSchedule (see load_schedule)")
        if schedule.year in seen:
            raise ScheduleError(
                f"extra[{i}].year",
                schedule.year,
                "a year given once",
                rule="no-duplicate",
                article=NOTICE_RULE,
            )
        seen.add(schedule.year)
        if schedule.year in by_year:
            if not replace:
                raise ScheduleError(
                    f"extra[{i}].year",
                    schedule.year,
                    "a year not already covered (pass replace=True to correct a covered year)",
                    rule="consecutive-years",
                    article=NOTICE_RULE,
                )
            sources.append(f"{schedule.year}: replaced by the caller's schedule: {schedule.notice}")
        else:
            expected = max(by_year) + 1
            if schedule.year != expected:
                raise ScheduleError(
                    f"extra[{i}].year",
                    schedule.year,
                    f"{expected} (the year after the last covered one; years cannot be skipped)",
                    rule="consecutive-years",
                    article=NOTICE_RULE,
                )
            sources.extend(_source_lines(schedule))
        by_year[schedule.year] = schedule
    ordered = [by_year[y] for y in sorted(by_year)]
    for previous, schedule in zip([None, *ordered[:-1]], ordered, strict=True):
        if previous is not None and schedule.year in seen:
            _check_previous_december(schedule, previous)
    return _build(*_parts(ordered, sources))


def china(extra: Iterable[YearSchedule] = (), *, replace: bool = False) -> WorkingCalendar:
    """The national working-day calendar of China (全国工作日历), from official notices.

    Built on first use from the yearly State Council General Office notices
    (国务院办公厅关于X年部分节假日安排的通知) and their mid-year amendments, bundled as one
    :func:`~qsdomain.calendars.load_schedule` file a year (:func:`bundled_schedules`);
    :attr:`WorkingCalendar.sources` lists each notice. The calendar those files give is read
    from a precomputed index beside them (``data/china.index``, which the tests check equals
    the files), so that the first call does not parse and validate every year. The weekly rest
    days are Saturday and Sunday (国务院关于职工工作时间的规定, 1995, art. 7). A date outside the
    covered years raises :class:`~qsdomain.errors.CalendarNotCoveredError`; use
    :meth:`WorkingCalendar.extended` to get an explicitly provisional answer beyond them.

    ``china()`` is built once (thread-safe) and then returned from a cache. ``extra`` adds
    schedules (:func:`~qsdomain.calendars.load_schedule`) for the years after the bundled
    ones, in order and without gaps; a year already covered is an error unless ``replace=True``,
    which replaces it and records the replacement in the sources. A new calendar is built and
    nothing is cached or changed if any schedule fails.

    >>> from datetime import date
    >>> from qsdomain.calendars import load_schedule
    >>> cal = china()
    >>> str(cal.coverage)
    '2004-01-01 to 2026-12-31'
    >>> cal.add_working_days(date(2026, 9, 30), 5)
    datetime.date(2026, 10, 13)
    >>> fixed = china(extra=[load_schedule("examples/2026.json")], replace=True)
    >>> fixed.sources[-1][:39]
    "2026: replaced by the caller's schedule"
    """
    if not replace and isinstance(extra, tuple) and not extra:
        if _built:
            return _built[0]
        with _lock:
            if not _built:
                _built.append(_build(*_read_index()))
            return _built[0]
    return _with_extra(extra, replace)
