"""One year's holiday schedule as checked data: the JSON file format, its loader and validator.

A :class:`YearSchedule` transcribes one yearly notice of the General Office of the State Council
(国务院办公厅关于X年部分节假日安排的通知): the Monday-Friday dates that are off and the Saturday or
Sunday dates that are worked (调休上班). It is valid from construction: the same checks run on the
bundled years and on a file a user types in the day a notice appears (``docs/calendar-data.md``
documents the format; ``schedule.schema.json`` in this package is its JSON Schema).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from pathlib import Path

import attrs

from qsdomain import _checks, limits
from qsdomain.calendars._festivals import FIRST_YEAR, LAST_YEAR
from qsdomain.calendars._statutory import measures_in_force, statutory_days
from qsdomain.errors import InvalidInputError

__all__ = [
    "Amendment",
    "Notice",
    "ScheduleError",
    "YearSchedule",
    "load_schedule",
]

#: Where the weekly rest days come from (the weekday/weekend rules of a schedule).
WEEKLY_REST = "国务院关于职工工作时间的规定 (国务院令第174号, 1995) art. 7"
#: Where the arrangement itself comes from (the notice rules: days named once, year boundary).
NOTICE_RULE = "the year's notice (放假调休安排)"

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class ScheduleError(InvalidInputError):
    """A schedule breaks a rule: the message names the date (or field), the rule and its source.

    >>> from datetime import date
    >>> err = ScheduleError("days_off[0]", date(2027, 2, 6), "a weekday",
    ...                     rule="weekday-off", article="国务院令第174号 art. 7")
    >>> print(err)
    days_off[0] must be a weekday, got 2027-02-06 (rule weekday-off: 国务院令第174号 art. 7)

    Attributes:
        rule: the short name of the rule broken (``weekday-off``, ``weekend-makeup``,
            ``in-year``, ``no-duplicate``, ``statutory-days-off``, ``previous-december``,
            ``consecutive-years``, ``format``).
        article: the law or notice the rule comes from.
    """

    def __init__(self, field: str, value: object, allowed: str, *, rule: str, article: str) -> None:
        super().__init__(field, value, allowed)
        self.rule = rule
        self.article = article

    def __str__(self) -> str:
        return f"{super().__str__()} (rule {self.rule}: {self.article})"

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild, (self.field, self.value, self.allowed, self.rule, self.article))


def _rebuild(field: str, value: object, allowed: str, rule: str, article: str) -> ScheduleError:
    return ScheduleError(field, value, allowed, rule=rule, article=article)


def _format_error(field: str, value: object, allowed: str) -> ScheduleError:
    return ScheduleError(field, value, allowed, rule="format", article="docs/calendar-data.md")


@attrs.frozen
class Notice:
    """The notice a schedule (or an amendment) transcribes.

    >>> from datetime import date
    >>> Notice("国务院办公厅关于2026年部分节假日安排的通知", "国办发明电〔2025〕7号",
    ...        date(2025, 11, 4)).number
    '国办发明电〔2025〕7号'

    Attributes:
        title: the notice's title.
        number: its document number (文号), for example ``国办发明电〔2025〕7号``.
        published: the date the notice bears (成文日期).
        url: where its text was read, if given.
    """

    title: str = attrs.field(validator=_checks.v_text())
    number: str = attrs.field(validator=_checks.v_text())
    published: date = attrs.field(validator=_checks.v_day())
    url: str | None = attrs.field(
        default=None, validator=_checks.v_text(max_length=2000, optional=True)
    )

    def __str__(self) -> str:
        return f"{self.title} ({self.number}, {self.published.isoformat()})"


def _notice(value: object) -> Notice:
    if not isinstance(value, Notice):
        raise InvalidInputError("notice", value, "a Notice(title, number, published, url)")
    return value


def _sorted_days(field: str, value: object) -> tuple[date, ...]:
    """The dates of a list, sorted; a date listed twice is a ``no-duplicate`` error."""
    elements = _checks.items(field, value, max_items=366)
    seen: dict[date, int] = {}
    for i, element in enumerate(elements):
        day = _checks.day(f"{field}[{i}]", element)
        if day in seen:
            raise ScheduleError(
                f"{field}[{i}]",
                day,
                f"a date not already listed (at {field}[{seen[day]}])",
                rule="no-duplicate",
                article=NOTICE_RULE,
            )
        seen[day] = i
    return tuple(sorted(seen))


def _days_off(value: object) -> tuple[date, ...]:
    return _sorted_days("days_off", value)


def _makeup(value: object) -> tuple[date, ...]:
    return _sorted_days("makeup_working_days", value)


def _changed(value: object) -> tuple[date, ...]:
    return _sorted_days("changed", value)


def _summary(_instance: object, _attribute: object, value: object) -> None:
    if value is not None:
        _checks.text("summary", value)


@attrs.frozen
class Amendment:
    """A later notice that changed a year's arrangement, and the days it changed.

    The year's ``days_off`` and ``makeup_working_days`` are the final, amended schedule; the
    amendment records where the change came from.

    >>> from datetime import date
    >>> a = Amendment(Notice("国务院办公厅关于延长2020年春节假期的通知", "国办发明电〔2020〕1号",
    ...                      date(2020, 1, 26)), changed=[date(2020, 1, 31), date(2020, 2, 1)])
    >>> a.changed[-1]
    datetime.date(2020, 2, 1)

    Attributes:
        notice: the amending notice.
        changed: the days whose status it changed.
        summary: what it changed, in words (optional).
    """

    notice: Notice = attrs.field(converter=_notice)
    changed: tuple[date, ...] = attrs.field(default=(), converter=_changed)
    summary: str | None = attrs.field(default=None, validator=_summary)  # type: ignore[assignment]


def _amendments(value: object) -> tuple[Amendment, ...]:
    elements = _checks.items("amendments", value, max_items=50)
    for i, element in enumerate(elements):
        if not isinstance(element, Amendment):
            raise InvalidInputError(f"amendments[{i}]", element, "an Amendment")
    return elements  # type: ignore[return-value]  # every element checked just above


def _year(value: object) -> int:
    return _checks.whole_number("year", value, FIRST_YEAR, LAST_YEAR)


@attrs.frozen
class YearSchedule:
    """One year's national holiday arrangement, as announced by its notice; checked on creation.

    Checks (each failure a :class:`ScheduleError` naming the date, the rule and its source):
    every date is in the year, or in the previous December when the notice lists one there
    (``in-year``); every day off is Monday-Friday (``weekday-off``) and every make-up working
    day a Saturday or Sunday (``weekend-makeup``); no date is listed twice (``no-duplicate``);
    every statutory holiday day of the 全国年节及纪念日放假办法 in force is off or on an unworked
    weekend (``statutory-days-off``, art. 2). From 2025, a run of more than 6 working days next
    to a holiday break (art. 7: "一般不超过6天", so a notice may decide otherwise) is not an
    error but is listed in :attr:`warnings`.

    >>> from datetime import date
    >>> from qsdomain.calendars import load_schedule
    >>> s = load_schedule("examples/2026.json")
    >>> s.year, s.notice.number, len(s.days_off), s.warnings
    (2026, '国办发明电〔2025〕7号', 19, ())

    Attributes:
        year: the year the notice arranges.
        notice: the notice transcribed.
        days_off: the Monday-Friday dates that are off (sorted).
        makeup_working_days: the Saturday/Sunday dates that are worked (调休上班), including any
            in the previous December that the notice lists (sorted).
        amendments: later notices that changed the year (the dates above are final).
        warnings: art. 7 notes (computed; not part of equality).
    """

    year: int = attrs.field(converter=_year)
    notice: Notice = attrs.field(converter=_notice)
    days_off: tuple[date, ...] = attrs.field(default=(), converter=_days_off)
    makeup_working_days: tuple[date, ...] = attrs.field(default=(), converter=_makeup)
    amendments: tuple[Amendment, ...] = attrs.field(default=(), converter=_amendments)
    warnings: tuple[str, ...] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        self._check_dates()
        self._check_statutory_days()
        object.__setattr__(self, "warnings", self._art7_warnings())

    @property
    def first(self) -> date:
        """The first day this schedule can speak for (a previous-December entry, or 1 January)."""
        listed = (*self.days_off, *self.makeup_working_days)
        return min((date(self.year, 1, 1), *listed))

    def is_working_day(self, day: date) -> bool:
        """Whether ``day`` is worked under this schedule alone (weekly rule plus its lists).

        >>> from datetime import date
        >>> from qsdomain.calendars import load_schedule
        >>> load_schedule("examples/2026.json").is_working_day(date(2026, 10, 10))
        True
        """
        _checks.day("day", day)
        if day in self.makeup_working_days:
            return True
        return day.weekday() < 5 and day not in self.days_off

    def _check_dates(self) -> None:
        lowest = date(self.year - 1, 12, 1)
        for field, listed in (
            ("days_off", self.days_off),
            ("makeup_working_days", self.makeup_working_days),
        ):
            for i, day in enumerate(listed):
                if not (lowest <= day <= date(self.year, 12, 31)):
                    raise ScheduleError(
                        f"{field}[{i}]",
                        day,
                        f"a date in {self.year} (or in December {self.year - 1})",
                        rule="in-year",
                        article=NOTICE_RULE,
                    )
                weekend = day.weekday() >= 5
                if field == "days_off" and weekend:
                    raise ScheduleError(
                        f"days_off[{i}]",
                        day,
                        "a Monday-Friday date (weekends are off anyway)",
                        rule="weekday-off",
                        article=WEEKLY_REST,
                    )
                if field == "makeup_working_days" and not weekend:
                    raise ScheduleError(
                        f"makeup_working_days[{i}]",
                        day,
                        "a Saturday or Sunday",
                        rule="weekend-makeup",
                        article=WEEKLY_REST,
                    )
        both = sorted(set(self.days_off) & set(self.makeup_working_days))
        if both:
            raise ScheduleError(
                "makeup_working_days",
                both[0],
                "a date not also listed in days_off",
                rule="no-duplicate",
                article=NOTICE_RULE,
            )
        for i, amendment in enumerate(self.amendments):
            for j, day in enumerate(amendment.changed):
                if not (lowest <= day <= date(self.year, 12, 31)):
                    raise ScheduleError(
                        f"amendments[{i}].changed[{j}]",
                        day,
                        f"a date in {self.year}",
                        rule="in-year",
                        article=NOTICE_RULE,
                    )

    def _check_statutory_days(self) -> None:
        makeup = set(self.makeup_working_days)
        off = set(self.days_off)
        for holiday in statutory_days(self.year):
            day = holiday.day
            if day in off or (day.weekday() >= 5 and day not in makeup):
                continue
            raise ScheduleError(
                "days_off" if day.weekday() < 5 else "makeup_working_days",
                day,
                f"a day off: it is a statutory holiday ({holiday.festival})",
                rule="statutory-days-off",
                article=holiday.article,
            )

    def _art7_warnings(self) -> tuple[str, ...]:
        measures = measures_in_force(self.year)
        if measures.first_year < 2025:
            return ()
        notes: list[str] = []
        one = timedelta(days=1)
        holidays = sorted({h.day for h in statutory_days(self.year)})
        seen_breaks: set[date] = set()
        for holiday in holidays:
            first = last = holiday
            while not self.is_working_day(first - one):
                first -= one
            while not self.is_working_day(last + one):
                last += one
            if first in seen_breaks:
                continue
            seen_breaks.add(first)
            for side, start, step in (("before", first - one, -one), ("after", last + one, one)):
                run, day = 0, start
                while self.is_working_day(day) and run < 60:
                    run += 1
                    day += step
                if run > 6:
                    notes.append(
                        f"{run} consecutive working days {side} the break {first.isoformat()} to "
                        f"{last.isoformat()} (rule consecutive-working-days: {measures.order} "
                        "art. 7, at most 6 save special cases)"
                    )
        return tuple(notes)


# -- loading from JSON -----------------------------------------------------------------------

_TOP_KEYS = {"year", "notice", "text", "days_off", "makeup_working_days", "amendments", "$schema"}
_NOTICE_KEYS = {"title", "number", "published", "url"}
_AMENDMENT_KEYS = {"notice", "changed", "summary"}


def _parse_day(field: str, value: object) -> date:
    if isinstance(value, str) and _DATE.fullmatch(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise _format_error(field, value, "a date written YYYY-MM-DD")


def _parse_days(field: str, value: object) -> list[date]:
    if not isinstance(value, list):
        raise _format_error(field, value, "a JSON array of dates")
    if len(value) > 366:
        raise _format_error(field, f"{len(value)} dates", "at most 366 dates")
    return [_parse_day(f"{field}[{i}]", v) for i, v in enumerate(value)]


def _object(
    field: str, value: object, keys: set[str], required: Iterable[str]
) -> Mapping[str, object]:
    if not isinstance(value, dict):
        raise _format_error(field, value, "a JSON object")
    unknown = sorted(set(value) - keys)
    if unknown:
        raise _format_error(
            f"{field}.{unknown[0]}".lstrip("."), unknown[0], f"one of {sorted(keys)}"
        )
    for key in required:
        if key not in value:
            raise _format_error(f"{field}.{key}".lstrip("."), None, "present (it is required)")
    return value


def _parse_notice(field: str, value: object) -> Notice:
    raw = _object(field, value, _NOTICE_KEYS, ("title", "number", "published"))
    try:
        return Notice(
            title=raw["title"],  # type: ignore[arg-type]
            number=raw["number"],  # type: ignore[arg-type]
            published=_parse_day(f"{field}.published", raw["published"]),
            url=raw.get("url"),  # type: ignore[arg-type]
        )
    except ScheduleError:
        raise
    except InvalidInputError as err:
        name = err.field.removeprefix("notice.")
        raise _format_error(f"{field}.{name}", err.value, err.allowed) from None


def _as_format_error(prefix: str, err: InvalidInputError) -> ScheduleError:
    """A plain check failure (from :mod:`qsdomain._checks`) as a format error at ``prefix``."""
    field = f"{prefix}.{err.field}" if prefix else err.field
    return _format_error(field, err.value, err.allowed)


def _parse_amendment(field: str, value: object) -> Amendment:
    entry = _object(field, value, _AMENDMENT_KEYS, ("notice", "changed"))
    notice = _parse_notice(f"{field}.notice", entry["notice"])
    changed = _parse_days(f"{field}.changed", entry["changed"])
    try:
        return Amendment(notice, changed=changed, summary=entry.get("summary"))  # type: ignore[arg-type]
    except ScheduleError:
        raise
    except InvalidInputError as err:
        raise _as_format_error(field, err) from None


def schedule_from_data(data: object) -> YearSchedule:
    """A :class:`YearSchedule` from parsed JSON (a dict); errors name the JSON field."""
    raw = _object("", data, _TOP_KEYS, ("year", "notice", "days_off", "makeup_working_days"))
    try:
        _checks.texts("text", raw.get("text", []), max_items=100)
        amendments = _checks.items("amendments", raw.get("amendments", []), max_items=50)
    except InvalidInputError as err:
        raise _as_format_error("", err) from None
    notice = _parse_notice("notice", raw["notice"])
    days_off = _parse_days("days_off", raw["days_off"])
    makeup = _parse_days("makeup_working_days", raw["makeup_working_days"])
    parsed = [_parse_amendment(f"amendments[{i}]", a) for i, a in enumerate(amendments)]
    try:
        return YearSchedule(
            year=raw["year"],
            notice=notice,
            days_off=days_off,
            makeup_working_days=makeup,
            amendments=parsed,
        )
    except ScheduleError:
        raise
    except InvalidInputError as err:
        raise _as_format_error("", err) from None


def load_schedule(path_or_text: str | os.PathLike[str]) -> YearSchedule:
    """Read one year's schedule from a JSON file (or JSON text) and check it.

    A string that starts with ``{`` is taken as the JSON text itself; anything else is a path.
    Every failure is a :class:`ScheduleError` (an
    :class:`~qsdomain.errors.InvalidInputError`) naming the field or date, the rule and its
    source; nothing is returned half-checked.

    >>> from qsdomain.calendars import load_schedule
    >>> load_schedule("examples/2026.json").makeup_working_days[0]
    datetime.date(2026, 1, 4)
    >>> load_schedule('{"year": 2027}')
    Traceback (most recent call last):
    ...
    qsdomain.calendars._schedule.ScheduleError: notice must be present (it is required), ...
    """
    if isinstance(path_or_text, str) and path_or_text.lstrip().startswith("{"):
        text = path_or_text
    elif isinstance(path_or_text, (str, os.PathLike)):
        path = Path(path_or_text)
        try:
            with path.open("rb") as handle:
                raw = handle.read(limits.MAX_SCHEDULE_BYTES + 1)
        except OSError as err:
            raise _format_error("path", str(path), f"a readable file ({err.strerror})") from None
        except ValueError as err:  # a path the OS cannot name, e.g. with a NUL character
            raise _format_error("path", str(path), f"a readable file ({err})") from None
        if len(raw) > limits.MAX_SCHEDULE_BYTES:
            raise _format_error(
                "path",
                str(path),
                f"a file of at most limits.MAX_SCHEDULE_BYTES = {limits.MAX_SCHEDULE_BYTES} bytes",
            )
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise _format_error("path", str(path), "a UTF-8 text file") from None
    else:
        raise InvalidInputError("path_or_text", path_or_text, "a file path or JSON text")
    if len(text) > limits.MAX_SCHEDULE_BYTES:
        raise _format_error(
            "text", f"{len(text)} characters", f"at most {limits.MAX_SCHEDULE_BYTES}"
        )
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as err:
        where = (
            f"line {err.lineno} column {err.colno}: {err.msg}"
            if isinstance(err, json.JSONDecodeError)
            else "nesting too deep"
        )
        raise _format_error("json", where, "valid JSON") from None
    return schedule_from_data(data)


def schedule_to_data(schedule: YearSchedule) -> dict[str, object]:
    """The JSON form of ``schedule`` (the inverse of :func:`schedule_from_data`)."""

    def notice(n: Notice) -> dict[str, object]:
        out: dict[str, object] = {
            "title": n.title,
            "number": n.number,
            "published": n.published.isoformat(),
        }
        if n.url is not None:
            out["url"] = n.url
        return out

    data: dict[str, object] = {
        "year": schedule.year,
        "notice": notice(schedule.notice),
        "days_off": [d.isoformat() for d in schedule.days_off],
        "makeup_working_days": [d.isoformat() for d in schedule.makeup_working_days],
    }
    if schedule.amendments:
        data["amendments"] = [
            {
                "notice": notice(a.notice),
                "changed": [d.isoformat() for d in a.changed],
                **({"summary": a.summary} if a.summary is not None else {}),
            }
            for a in schedule.amendments
        ]
    return data
