"""The generic working-day calendar and the protocol for plugging in other calendars."""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, timedelta
from itertools import accumulate, compress
from operator import itemgetter
from typing import Literal, NoReturn, cast

import attrs

from qsdomain import _checks, limits
from qsdomain._checks import day as _check_date
from qsdomain._checks import whole_number
from qsdomain.calendars import _statutory
from qsdomain.calendars._coverage import Coverage, ProvisionalSpan, WorkingDayCalendar
from qsdomain.errors import CalendarNotCoveredError, InvalidInputError

__all__ = ["WorkingCalendar", "as_working_calendar"]

_first = itemgetter(0)
_SEQUENCES = (list, tuple)
_WEEKDAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def _weekdays_off(value: object) -> frozenset[date]:
    return _checks.days("calendar.weekdays_off", value, max_items=limits.MAX_CALENDAR_DAYS)


def _makeup_days(value: object) -> frozenset[date]:
    return _checks.days("calendar.makeup_working_days", value, max_items=limits.MAX_CALENDAR_DAYS)


def _weekend_days(field: str, value: object) -> frozenset[int]:
    elements = _checks.items(field, value, max_items=7)
    return frozenset(whole_number(f"{field}[{i}]", d, 0, 6) for i, d in enumerate(elements))


def _weekend(value: object) -> frozenset[int]:
    return _weekend_days("calendar.weekend", value)


def _sources(value: object) -> tuple[str, ...]:
    return _checks.texts("calendar.sources", value)


def _spans(value: object) -> tuple[ProvisionalSpan, ...]:
    spans = _checks.items("calendar.provisional", value)
    for i, span in enumerate(spans):
        if not isinstance(span, ProvisionalSpan):
            raise InvalidInputError(f"calendar.provisional[{i}]", span, "a ProvisionalSpan")
    return spans  # type: ignore[return-value]  # every element checked just above


@attrs.frozen
class WorkingCalendar:
    """An immutable working-day calendar (工作日历) over a covered range of dates.

    A day is a working day when it is not a weekend day and not listed as a weekday off, or
    when it is listed as a make-up working day (调休上班日). All queries run in constant time
    whatever the span, using a compact rank index (a few bytes a day) built once at
    construction; the coverage is at most :data:`qsdomain.limits.MAX_CALENDAR_DAYS` days.

    >>> from datetime import date
    >>> cal = WorkingCalendar(
    ...     name="example",
    ...     coverage=Coverage(date(2026, 9, 1), date(2026, 10, 31)),
    ...     weekdays_off=[date(2026, 10, d) for d in (1, 2, 5, 6, 7)],
    ...     makeup_working_days=[date(2026, 9, 20), date(2026, 10, 10)],
    ... )
    >>> cal.add_working_days(date(2026, 9, 30), 1)
    datetime.date(2026, 10, 8)
    >>> cal.working_days_between(date(2026, 9, 30), date(2026, 10, 10))
    3

    Attributes:
        name: a short name shown in messages.
        coverage: the first and last dates the calendar knows (inclusive).
        weekend: the weekday numbers of the weekly rest days (``date.weekday()``: Monday = 0);
            Saturday and Sunday by default.
        weekdays_off: days that would be working days by the weekly rule but are not
            (statutory holidays and the weekdays of holiday breaks). Each must be in coverage
            and must not be a weekend day.
        makeup_working_days: weekend days that are working days (调休上班). Each must be in
            coverage and must be a weekend day.
        sources: where the data came from, one line per source.
        provisional: the spans that rest on an assumption instead of official data.
    """

    name: str = attrs.field()
    coverage: Coverage = attrs.field()
    weekend: frozenset[int] = attrs.field(default=frozenset({5, 6}), converter=_weekend)
    weekdays_off: frozenset[date] = attrs.field(default=frozenset(), converter=_weekdays_off)
    makeup_working_days: frozenset[date] = attrs.field(default=frozenset(), converter=_makeup_days)
    sources: tuple[str, ...] = attrs.field(default=(), converter=_sources)
    provisional: tuple[ProvisionalSpan, ...] = attrs.field(default=(), converter=_spans)
    # Private rank index: the first ordinal; one flag byte a day (1 = working); for each day
    # the number of working days up to and including it; the ordinals of the working days.
    _flags: bytes = attrs.field(init=False, repr=False, eq=False, hash=False)
    _rank: Sequence[int] = attrs.field(init=False, repr=False, eq=False, hash=False)
    _working: Sequence[int] = attrs.field(init=False, repr=False, eq=False, hash=False)
    _origin: int = attrs.field(init=False, repr=False, eq=False, hash=False)

    @name.validator
    def _check_name(self, _: attrs.Attribute[str], value: str) -> None:
        _checks.text("calendar.name", value)

    @coverage.validator
    def _check_coverage(self, _: attrs.Attribute[Coverage], value: Coverage) -> None:
        if not isinstance(value, Coverage):
            raise InvalidInputError("calendar.coverage", value, "a Coverage(first, last)")
        if value.days > limits.MAX_CALENDAR_DAYS:
            raise InvalidInputError(
                "calendar.coverage",
                str(value),
                f"at most limits.MAX_CALENDAR_DAYS = {limits.MAX_CALENDAR_DAYS} days (400 years)",
            )

    @weekend.validator
    def _check_weekend(self, _: attrs.Attribute[frozenset[int]], value: frozenset[int]) -> None:
        if len(value) > 6:
            raise InvalidInputError(
                "calendar.weekend",
                sorted(value),
                "up to six weekday numbers 0 (Monday) to 6 (Sunday)",
            )

    @weekdays_off.validator
    def _check_weekdays_off(
        self, _: attrs.Attribute[frozenset[date]], value: frozenset[date]
    ) -> None:
        for day in sorted(value):
            if day not in self.coverage:
                raise InvalidInputError(
                    "calendar.weekdays_off[]", day, f"a date inside the coverage {self.coverage}"
                )
            if day.weekday() in self.weekend:
                raise InvalidInputError(
                    "calendar.weekdays_off[]",
                    day,
                    f"a day that is not already a weekend day ({_WEEKDAY_NAMES[day.weekday()]})",
                )

    @makeup_working_days.validator
    def _check_makeup(self, _: attrs.Attribute[frozenset[date]], value: frozenset[date]) -> None:
        for day in sorted(value):
            if day not in self.coverage:
                raise InvalidInputError(
                    "calendar.makeup_working_days[]",
                    day,
                    f"a date inside the coverage {self.coverage}",
                )
            if day.weekday() not in self.weekend:
                raise InvalidInputError(
                    "calendar.makeup_working_days[]",
                    day,
                    f"a weekend day (it is a {_WEEKDAY_NAMES[day.weekday()]})",
                )

    @provisional.validator
    def _check_provisional(
        self, _: attrs.Attribute[tuple[ProvisionalSpan, ...]], value: tuple[ProvisionalSpan, ...]
    ) -> None:
        for span in value:
            if span.first not in self.coverage or span.last not in self.coverage:
                raise InvalidInputError(
                    "calendar.provisional[]", span, f"a span inside the coverage {self.coverage}"
                )

    def __attrs_post_init__(self) -> None:
        # Built with C-level loops (bytes repetition, accumulate, compress) into typed arrays:
        # a 400-year calendar takes a few milliseconds and about 1 MB (benchmarks/bench_calendar).
        origin = self.coverage.first.toordinal()
        length = self.coverage.days
        first_weekday = self.coverage.first.weekday()
        week = bytes(0 if (first_weekday + k) % 7 in self.weekend else 1 for k in range(7))
        flags = bytearray(week * (length // 7 + 1))
        del flags[length:]
        for day in self.weekdays_off:
            flags[day.toordinal() - origin] = 0
        for day in self.makeup_working_days:
            flags[day.toordinal() - origin] = 1
        object.__setattr__(self, "_origin", origin)
        object.__setattr__(self, "_flags", bytes(flags))
        object.__setattr__(self, "_rank", array("i", accumulate(flags)))
        object.__setattr__(
            self, "_working", array("i", compress(range(origin, origin + length), flags))
        )

    # -- internal helpers -------------------------------------------------------------------

    def _index(self, field: str, day: object) -> int:
        """Offset of ``day`` from the first covered date; typed errors for bad or uncovered days."""
        if day.__class__ is not date:
            day = _check_date(field, day)
        i: int = day.toordinal() - self._origin
        if i < 0 or i >= len(self._flags):
            raise CalendarNotCoveredError(field, day, f"{self.coverage} ({self.name})")
        return i

    def _beyond(self, field: str, start: date, n: int) -> CalendarNotCoveredError:
        direction = "after" if n > 0 else "before"
        return CalendarNotCoveredError(
            field,
            f"{abs(n)} working day(s) {direction} {start.isoformat()}",
            f"{self.coverage} ({self.name}); the result would fall outside it",
        )

    # -- queries ------------------------------------------------------------------------------

    def is_working_day(self, day: date) -> bool:
        """Whether ``day`` is a working day (工作日).

        >>> from qsdomain.calendars import china
        >>> from datetime import date
        >>> china().is_working_day(date(2026, 10, 1)), china().is_working_day(date(2026, 10, 10))
        (False, True)
        """
        return self._flags[self._index("day", day)] == 1

    def add_working_days(self, day: date, n: int) -> date:
        """The ``n``-th working day after ``day`` (``n > 0``) or before it (``n < 0``).

        ``day`` itself is never counted, whether or not it is a working day; ``n == 0`` returns
        ``day``. The day and the result must both lie inside :attr:`coverage`.

        >>> from qsdomain.calendars import china
        >>> from datetime import date
        >>> china().add_working_days(date(2026, 9, 30), 5)  # across the National Day break
        datetime.date(2026, 10, 13)
        >>> china().add_working_days(date(2026, 10, 8), -1)
        datetime.date(2026, 9, 30)
        """
        i = self._index("day", day)
        if n.__class__ is not int:
            n = whole_number("n", n)
        if n > 0:
            k = self._rank[i] + n - 1
            if k >= len(self._working):
                raise self._beyond("n", day, n)
        elif n < 0:
            k = self._rank[i] - self._flags[i] + n
            if k < 0:
                raise self._beyond("n", day, n)
        else:
            return day
        return date.fromordinal(self._working[k])

    def working_days_between(self, start: date, end: date) -> int:
        """The number of working days ``x`` with ``start < x <= end``.

        When ``end`` is before ``start`` the result is the negated count of working days ``x``
        with ``end < x <= start``, so that ``working_days_between(a, b) ==
        -working_days_between(b, a)``.

        >>> from qsdomain.calendars import china
        >>> from datetime import date
        >>> china().working_days_between(date(2026, 9, 30), date(2026, 10, 13))
        5
        """
        return self._rank[self._index("end", end)] - self._rank[self._index("start", start)]

    def add_working_days_excluding(
        self, day: date, n: int, excluded: Sequence[tuple[date, date | None]]
    ) -> date | None:
        """The ``n``-th working day after ``day`` that lies in no ``excluded`` span.

        Each span is a ``(first, last)`` pair of dates, both included, ``last`` ``None`` while
        the span is still running (its end not yet known); spans may overlap. ``day`` itself is
        never counted; ``n == 0`` returns ``day``; ``None`` when a running span is reached
        before the ``n``-th day (the answer is not yet known). This is how an administrative
        time limit runs when the days of an excluded procedure are "not counted" (不计算在期限内,
        行政许可法 art. 45), counted in working days (art. 82).

        >>> from qsdomain.calendars import china
        >>> from datetime import date
        >>> cal = china()
        >>> cal.add_working_days_excluding(date(2026, 9, 21), 20, [])
        datetime.date(2026, 10, 26)
        >>> cal.add_working_days_excluding(
        ...     date(2026, 9, 21), 20, [(date(2026, 9, 29), date(2026, 10, 9))])
        datetime.date(2026, 10, 30)
        >>> cal.add_working_days_excluding(date(2026, 9, 21), 20, [(date(2026, 9, 29), None)])

        The same answer as walking the working days one by one and skipping span days
        (``tests/test_calendar_excluding.py`` checks it), in constant time per span.
        """
        rank, working, origin = self._rank, self._working, self._origin
        last_index = len(self._flags) - 1
        i = day.toordinal() - origin if day.__class__ is date else -1
        if not 0 <= i <= last_index:
            i = self._index("day", day)
        if n.__class__ is not int or n < 0:
            n = whole_number("n", n, 0)
        given = excluded or excluded.__class__ not in _SEQUENCES
        if n == 0:
            if given:
                self._ordered(excluded)  # checked all the same
            return day
        spans = self._ordered(excluded) if given else ()
        cursor, remaining = i, n  # counted: working days at indices > cursor
        for first, last in spans:
            e = None if last is None else last.toordinal() - origin
            if e is not None and e <= cursor:
                continue
            f = max(first.toordinal() - origin, cursor + 1)
            if f > last_index:  # the span starts past the coverage: count up to its end
                break
            available = rank[f - 1] - rank[cursor]
            if remaining <= available:
                return date.fromordinal(working[rank[cursor] + remaining - 1])
            remaining -= available
            if e is None:
                return None
            cursor = min(e, last_index)
            if e > last_index:  # the span ends past the coverage, and so does the count
                break
        k = rank[cursor] + remaining - 1
        if k >= len(working):
            if self._running_met(day, spans):
                return None
            raise self._beyond("n", day, n)
        return date.fromordinal(working[k])

    def _running_met(self, day: date, spans: Sequence[tuple[date, date | None]]) -> bool:
        """Counting ran past the coverage: whether a running span began on a covered day the
        count went through (then the day-by-day walk meets it first and the answer is
        ``None``; otherwise the count is not covered)."""
        last = self.coverage.last
        return day < last and any(end is None and first <= last for first, end in spans)

    def working_days_between_excluding(
        self, start: date, end: date, excluded: Sequence[tuple[date, date | None]]
    ) -> int:
        """The number of working days ``x`` with ``start < x <= end`` in no ``excluded`` span.

        Spans as in :meth:`add_working_days_excluding` (``(first, last)``, both included,
        ``last`` ``None`` for a running span, overlaps counted once); 0 when ``end`` is on or
        before ``start``: the working days of a time limit used so far (行政许可法 arts. 45, 82).

        >>> from qsdomain.calendars import china
        >>> from datetime import date
        >>> china().working_days_between_excluding(
        ...     date(2026, 9, 21), date(2026, 10, 30), [(date(2026, 9, 29), date(2026, 10, 9))])
        20
        """
        rank, origin, size = self._rank, self._origin, len(self._flags)
        i = start.toordinal() - origin if start.__class__ is date else -1
        if not 0 <= i < size:
            i = self._index("start", start)
        j = end.toordinal() - origin if end.__class__ is date else -1
        if not 0 <= j < size:
            j = self._index("end", end)
        given = excluded or excluded.__class__ not in _SEQUENCES
        spans = self._ordered(excluded) if given else ()
        if j <= i:
            return 0
        total, cursor = rank[j] - rank[i], i  # cursor: the last index already taken out
        for first, last in spans:
            lo = max(first.toordinal() - origin, cursor + 1)
            hi = j if last is None else min(last.toordinal() - origin, j)
            if lo <= hi:
                total -= rank[hi] - rank[lo - 1]
                cursor = hi
        return total

    def _ordered(
        self, excluded: Sequence[tuple[date, date | None]]
    ) -> Sequence[tuple[date, date | None]]:
        """``excluded`` checked (pairs of plain dates, ``last`` on or after ``first``, or
        ``None``), in order of first day."""
        if excluded.__class__ not in _SEQUENCES:
            found = _checks.items("excluded", excluded, max_items=limits.MAX_CALENDAR_DAYS)
            excluded = cast("tuple[tuple[date, date | None], ...]", found)  # checked below
        previous, in_order = None, True
        for pair in excluded:
            if pair.__class__ is tuple and len(pair) == 2:
                first, last = pair
                if first.__class__ is date and (
                    last is None or (last.__class__ is date and last >= first)
                ):
                    if previous is not None and first < previous:
                        in_order = False
                    previous = first
                    continue
            self._refuse(excluded)
        return excluded if in_order else sorted(excluded, key=_first)

    @staticmethod
    def _refuse(excluded: Sequence[object]) -> NoReturn:
        """Raise the typed error for the first pair of ``excluded`` that is not a span."""
        for k, pair in enumerate(excluded):
            if not isinstance(pair, tuple) or len(pair) != 2:
                raise InvalidInputError(f"excluded[{k}]", pair, "a (first, last) pair of dates")
            first = _check_date(f"excluded[{k}][0]", pair[0])
            last = None if pair[1] is None else _check_date(f"excluded[{k}][1]", pair[1])
            if last is not None and last < first:
                raise InvalidInputError(
                    f"excluded[{k}][1]", last, f"None or a day on or after {first}"
                )
            if (
                pair.__class__ is not tuple
                or pair[0].__class__ is not date
                or (last is not None and pair[1].__class__ is not date)
            ):
                raise InvalidInputError(f"excluded[{k}]", pair, "a tuple of two plain dates")
        raise InvalidInputError("excluded", excluded, "(first, last) pairs of dates")

    def next_working_day(self, day: date) -> date:
        """The first working day strictly after ``day``.

        >>> from qsdomain.calendars import china
        >>> from datetime import date
        >>> china().next_working_day(date(2026, 9, 30))
        datetime.date(2026, 10, 8)
        """
        return self.add_working_days(day, 1)

    def previous_working_day(self, day: date) -> date:
        """The last working day strictly before ``day``.

        >>> from qsdomain.calendars import china
        >>> from datetime import date
        >>> china().previous_working_day(date(2026, 10, 8))
        datetime.date(2026, 9, 30)
        """
        return self.add_working_days(day, -1)

    def roll_forward(self, day: date) -> date:
        """``day`` if it is a working day, otherwise the first working day after it.

        >>> from qsdomain.calendars import china
        >>> from datetime import date
        >>> china().roll_forward(date(2026, 10, 3))
        datetime.date(2026, 10, 8)
        """
        return day if self.is_working_day(day) else self.add_working_days(day, 1)

    def roll_backward(self, day: date) -> date:
        """``day`` if it is a working day, otherwise the last working day before it.

        >>> from qsdomain.calendars import china
        >>> from datetime import date
        >>> china().roll_backward(date(2026, 10, 3))
        datetime.date(2026, 9, 30)
        """
        return day if self.is_working_day(day) else self.add_working_days(day, -1)

    def working_days(self, start: date, end: date) -> Iterator[date]:
        """Iterate over the working days ``x`` with ``start <= x <= end``, in order.

        >>> from qsdomain.calendars import china
        >>> from datetime import date
        >>> [d.day for d in china().working_days(date(2026, 10, 1), date(2026, 10, 12))]
        [8, 9, 10, 12]
        """
        i = self._index("start", start)
        j = self._index("end", end)
        if j < i:
            raise InvalidInputError("end", end, f"a date on or after start ({start})")
        lo = self._rank[i] - self._flags[i]
        hi = self._rank[j]
        for ordinal in self._working[lo:hi]:
            yield date.fromordinal(ordinal)

    def is_provisional(self, day: date) -> bool:
        """Whether ``day`` lies in a span that rests on an assumption, not official data.

        >>> from qsdomain.calendars import china
        >>> from datetime import date
        >>> cal = china().extended(until=date(2027, 12, 31))
        >>> cal.is_provisional(date(2026, 12, 31)), cal.is_provisional(date(2027, 1, 4))
        (False, True)
        """
        self._index("day", day)
        return any(day in span for span in self.provisional)

    def is_provisional_between(self, start: date, end: date) -> bool:
        """Whether any day from ``start`` to ``end`` (either order, inclusive) is provisional.

        >>> from qsdomain.calendars import china
        >>> from datetime import date
        >>> cal = china().extended(until=date(2027, 12, 31))
        >>> cal.is_provisional_between(date(2026, 12, 1), date(2027, 1, 20))
        True
        """
        self._index("start", start)
        self._index("end", end)
        lo, hi = (start, end) if start <= end else (end, start)
        return any(span.first <= hi and lo <= span.last for span in self.provisional)

    # -- derived calendars --------------------------------------------------------------------

    def _covered_days(self, days: object) -> frozenset[date]:
        checked = _checks.days("days", days, max_items=limits.MAX_CALENDAR_DAYS)
        for d in sorted(checked):
            self._index("days[]", d)
        return checked

    def with_days_off(self, days: Iterable[date], *, source: str) -> WorkingCalendar:
        """A new calendar in which ``days`` are not working days (an agency closure, a local
        holiday).

        Weekend days in ``days`` are already off unless they were make-up days, which they
        stop being. ``source`` says where the closure comes from and is added to the sources.

        >>> from qsdomain.calendars import china
        >>> from datetime import date
        >>> closed = china().with_days_off([date(2026, 6, 1)], source="bureau closure")
        >>> closed.is_working_day(date(2026, 6, 1)), closed.sources[-1]
        (False, 'bureau closure')
        """
        checked = self._covered_days(days)
        source = _checks.text("source", source)
        return attrs.evolve(
            self,
            weekdays_off=self.weekdays_off
            | {d for d in checked if d.weekday() not in self.weekend},
            makeup_working_days=self.makeup_working_days - checked,
            sources=(*self.sources, source),
        )

    def with_working_days(self, days: Iterable[date], *, source: str) -> WorkingCalendar:
        """A new calendar in which ``days`` are working days (for example a local make-up day).

        >>> from qsdomain.calendars import china
        >>> from datetime import date
        >>> opened = china().with_working_days([date(2026, 10, 2)], source="local order")
        >>> opened.is_working_day(date(2026, 10, 2))
        True
        """
        checked = self._covered_days(days)
        source = _checks.text("source", source)
        return attrs.evolve(
            self,
            weekdays_off=self.weekdays_off - checked,
            makeup_working_days=self.makeup_working_days
            | {d for d in checked if d.weekday() in self.weekend},
            sources=(*self.sources, source),
        )

    def extended(
        self,
        *,
        until: date | None = None,
        back_to: date | None = None,
        rule: Literal["weekends", "statutory"] = "weekends",
        assumption: str | None = None,
    ) -> WorkingCalendar:
        """A new calendar that also covers days up to ``until`` (and/or back to ``back_to``),
        treating every added day by a stated rule.

        ``rule="weekends"`` (the default) treats every added day by the weekly rule alone.
        ``rule="statutory"`` also takes off the statutory holidays of the
        全国年节及纪念日放假办法 in force on each added day (art. 2), and compensates a statutory
        day that falls on a Saturday or Sunday on the following working day(s) (art. 6, 补假);
        it adds no make-up working days (调休上班), which only a notice can set. See
        :func:`qsdomain.calendars.statutory_days` and ``docs/calendars.md`` for how often each
        rule is right.

        The added days are recorded as :class:`ProvisionalSpan` with the assumption stated
        (``assumption``, or a text that follows the rule), so any answer that depends on them
        can be recognised with :meth:`is_provisional` and :meth:`is_provisional_between`. This
        is the only way to get an answer outside the official coverage: the library never
        guesses silently.

        >>> from qsdomain.calendars import china
        >>> from datetime import date
        >>> cal = china().extended(until=date(2027, 12, 31))
        >>> cal.is_provisional(date(2027, 10, 1)), cal.is_working_day(date(2027, 10, 1))
        (True, True)
        >>> law = china().extended(until=date(2027, 12, 31), rule="statutory")
        >>> law.is_working_day(date(2027, 10, 1)), law.is_working_day(date(2027, 2, 9))
        (False, False)
        """
        chosen = _checks.enum_member("rule", _statutory.Rule, rule)
        if assumption is None:
            assumption = _statutory.ASSUMPTIONS[chosen.value]
        assumption = _checks.text("assumption", assumption)
        added = self._added_spans(until, back_to, assumption)
        first = min(self.coverage.first, *(span.first for span in added))
        last = max(self.coverage.last, *(span.last for span in added))
        coverage = Coverage(first, last)
        if coverage.days > limits.MAX_CALENDAR_DAYS:
            raise InvalidInputError(
                "until/back_to",
                str(coverage),
                f"a coverage of at most limits.MAX_CALENDAR_DAYS = {limits.MAX_CALENDAR_DAYS} days",
            )
        off = self.weekdays_off
        if chosen is _statutory.Rule.STATUTORY:
            for span in added:
                field = "until" if span.last == last else "back_to"
                off = off | _statutory.provisional_days_off(
                    span.first, span.last, self.weekend, field=field
                )
        return attrs.evolve(
            self,
            name=f"{self.name} + provisional",
            coverage=coverage,
            weekdays_off=off,
            provisional=tuple(sorted((*self.provisional, *added), key=lambda s: s.first)),
        )

    def _added_spans(
        self, until: date | None, back_to: date | None, assumption: str
    ) -> list[ProvisionalSpan]:
        """The provisional spans :meth:`extended` adds, after and/or before the coverage."""
        first, last = self.coverage.first, self.coverage.last
        added: list[ProvisionalSpan] = []
        if until is not None:
            _check_date("until", until)
            if until <= last:
                raise InvalidInputError("until", until, f"a date after the coverage end {last}")
            added.append(ProvisionalSpan(last + timedelta(days=1), until, assumption))
        if back_to is not None:
            _check_date("back_to", back_to)
            if back_to >= first:
                raise InvalidInputError(
                    "back_to", back_to, f"a date before the coverage start {first}"
                )
            added.append(ProvisionalSpan(back_to, first - timedelta(days=1), assumption))
        if not added:
            raise InvalidInputError("until/back_to", None, "at least one date to extend to")
        return added

    @classmethod
    def weekends_only(
        cls,
        first: date,
        last: date,
        *,
        name: str = "weekends only",
        weekend: Iterable[int] = (5, 6),
    ) -> WorkingCalendar:
        """A calendar with no holidays at all, only weekly rest days.

        >>> from datetime import date
        >>> cal = WorkingCalendar.weekends_only(date(2026, 1, 1), date(2026, 12, 31))
        >>> cal.working_days_between(date(2025, 12, 31), date(2026, 12, 31))
        Traceback (most recent call last):
        ...
        qsdomain.errors.CalendarNotCoveredError: start 2025-12-31 is not covered; ...
        >>> cal.working_days_between(date(2026, 1, 1), date(2026, 12, 31))
        260
        """
        return cls(
            name=name, coverage=Coverage(first, last), weekend=_weekend_days("weekend", weekend)
        )

    @classmethod
    def from_calendar(
        cls,
        calendar: WorkingDayCalendar,
        *,
        name: str,
        sources: Iterable[str] = (),
        weekend: Iterable[int] = (5, 6),
    ) -> WorkingCalendar:
        """Build a fast, immutable calendar by asking any :class:`WorkingDayCalendar` about every
        day it covers (an adapter to another holiday library, a provincial calendar ...).

        >>> from datetime import date
        >>> class FourDayWeek:
        ...     coverage = Coverage(date(2026, 1, 1), date(2026, 12, 31))
        ...     def is_working_day(self, day: date, /) -> bool:
        ...         return day.weekday() < 4
        >>> cal = WorkingCalendar.from_calendar(FourDayWeek(), name="four-day week")
        >>> cal.is_working_day(date(2026, 1, 2)), len(cal.weekdays_off)
        (False, 52)
        """
        coverage = getattr(calendar, "coverage", None)
        if not isinstance(coverage, Coverage):
            raise InvalidInputError("calendar.coverage", coverage, "a Coverage(first, last)")
        if coverage.days > limits.MAX_CALENDAR_DAYS:
            raise InvalidInputError(
                "calendar.coverage",
                str(coverage),
                f"at most limits.MAX_CALENDAR_DAYS = {limits.MAX_CALENDAR_DAYS} days (400 years)",
            )
        name = _checks.text("name", name)
        checked_sources = _checks.texts("sources", sources)
        weekend_days = _weekend_days("weekend", weekend)
        off: list[date] = []
        extra: list[date] = []
        day = coverage.first
        one = timedelta(days=1)
        while day <= coverage.last:
            working = _checks.flag("is_working_day()", calendar.is_working_day(day))
            is_weekend = day.weekday() in weekend_days
            if working and is_weekend:
                extra.append(day)
            elif not working and not is_weekend:
                off.append(day)
            day += one
        return cls(
            name=name,
            coverage=coverage,
            weekend=weekend_days,
            weekdays_off=off,
            makeup_working_days=extra,
            sources=checked_sources,
        )

    def rest_days(self, start: date, end: date) -> Iterator[date]:
        """Iterate over the non-working days ``x`` with ``start <= x <= end``, in order.

        >>> from qsdomain.calendars import china
        >>> from datetime import date
        >>> [d.day for d in china().rest_days(date(2026, 10, 1), date(2026, 10, 12))]
        [1, 2, 3, 4, 5, 6, 7, 11]
        """
        i = self._index("start", start)
        j = self._index("end", end)
        if j < i:
            raise InvalidInputError("end", end, f"a date on or after start ({start})")
        flags = self._flags
        for k in range(i, j + 1):
            if not flags[k]:
                yield date.fromordinal(self._origin + k)


def as_working_calendar(calendar: WorkingDayCalendar | WorkingCalendar) -> WorkingCalendar:
    """Return ``calendar`` itself if it is a :class:`WorkingCalendar`, else a fast copy of it.

    Any object with a ``coverage`` (a :class:`Coverage`) and an ``is_working_day(day)``
    method is accepted (see :class:`WorkingDayCalendar`); anything else is an
    :class:`~qsdomain.errors.InvalidInputError` naming ``calendar`` or ``calendar.coverage``.

    >>> from qsdomain.calendars import china
    >>> as_working_calendar(china()) is china()
    True
    >>> as_working_calendar("China")
    Traceback (most recent call last):
    ...
    qsdomain.errors.InvalidInputError: calendar must be a WorkingCalendar or an object with ...
    """
    if isinstance(calendar, WorkingCalendar):
        return calendar
    if isinstance(calendar, WorkingDayCalendar):
        name = getattr(calendar, "name", None)
        if not isinstance(name, str) or not name.strip():
            name = type(calendar).__name__
        return WorkingCalendar.from_calendar(calendar, name=name)
    raise InvalidInputError(
        "calendar", calendar, "a WorkingCalendar or an object with coverage and is_working_day()"
    )
