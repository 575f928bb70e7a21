"""Strategies for :mod:`qsdomain.desk`: reports as a county bureau's desk would produce them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from hypothesis import strategies as st

from qsdomain.desk import (
    ActionItem,
    Family,
    ImportSummary,
    LineState,
    Report,
    Section,
    StateTotal,
    WeekLoad,
)

__all__ = [
    "DESK_STRATEGIES",
    "action_items",
    "desk_reports",
    "desk_sections",
    "import_summaries",
    "line_states",
    "state_totals",
    "week_loads",
]

_FIRST = date(2000, 1, 3)  # a Monday
_LAST = date(2099, 12, 28)  # a Monday

#: Each family's states in report order: the first ones need action, the last ones do not.
_STATES = {
    Family.METROLOGY: (
        "never_verified",
        "overdue",
        "grace",
        "due_soon",
        "out_of_service",
        "current",
    ),
    Family.LICENSING: ("overdue_filing", "file_renewal", "expiring", "valid", "suspended"),
    Family.COMMITMENTS: ("breached", "warning", "on_track", "met", "missed"),
    Family.SAMPLING: ("not_accepted", "to_tightened", "not_inspected", "accepted"),
}
_ACTION_STATES = {family: states[:3] for family, states in _STATES.items()}

_REAL_NAMES = st.sampled_from(
    [
        "电子计价秤",
        "加油机 DN25",
        "血压计（台式）",
        "pH meter",
        "某某食品有限公司",
        "Acme & Sons <Ltd>",
        "食品生产许可 / 糕点",
        "PVC管件",
        'Steel pipe "A"',
        "ｗｉｄｅ　ＡＢＣ",
        "e\u0301lan",
    ]
)
#: Any text a ledger might hold: controls, markup characters, wide and combining characters.
_ANY_TEXT = st.text(
    st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1, max_size=16
).filter(str.strip)
_TEXT = st.one_of(_REAL_NAMES, _ANY_TEXT)
_KEYS = st.one_of(st.from_regex(r"(JL|XK|BJ|L)-[0-9]{4}", fullmatch=True), _ANY_TEXT)


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _as_of() -> st.SearchStrategy[date]:
    return st.dates(min_value=date(2000, 1, 10), max_value=date(2099, 12, 1))


def action_items(
    family: Family | None = None, as_of: date | None = None
) -> st.SearchStrategy[ActionItem]:
    """Items needing action of one family (any by default), dated around ``as_of``.

    >>> from datetime import date
    >>> from hypothesis import given, settings
    >>> from qsdomain.desk import Family
    >>> from qsdomain.strategies import action_items
    >>> @settings(max_examples=5, database=None, deadline=None)
    ... @given(action_items(Family.LICENSING, date(2026, 11, 27)))
    ... def check(item):
    ...     assert item.due is None or (item.due - date(2026, 11, 27)).days == item.days_left
    >>> check()

    ``days_left`` is the number of days from ``as_of`` to ``due`` (both ``None`` for an undated
    item such as a lot not accepted); some items are provisional; names are realistic or any
    text at all (controls, markup, wide and combining characters).
    """

    @st.composite
    def build(draw: st.DrawFn) -> ActionItem:
        fam = draw(st.sampled_from(Family)) if family is None else family
        day = draw(_as_of()) if as_of is None else as_of
        left = draw(st.one_of(st.none(), st.integers(-400, 400)))
        return ActionItem(
            family=fam,
            key=draw(_KEYS),
            name=draw(st.one_of(st.just(""), _TEXT)),
            state=draw(st.sampled_from(_ACTION_STATES[fam])),
            due=None if left is None else day + timedelta(days=left),
            days_left=left,
            reason=draw(_TEXT),
            provisional=draw(st.booleans()),
        )

    return build()


def state_totals() -> st.SearchStrategy[StateTotal]:
    """A state of any family with its count.

    >>> from hypothesis import find
    >>> from qsdomain.strategies import state_totals
    >>> find(state_totals(), lambda total: total.count > 0).count
    1
    """
    states = sorted({s for family in _STATES.values() for s in family})
    return st.builds(StateTotal, state=st.sampled_from(states), count=st.integers(0, 10**6))


def week_loads(first: date = _FIRST, last: date = _LAST) -> st.SearchStrategy[WeekLoad]:
    """A week (its Monday, between ``first`` and ``last``) and how many items fall due in it.

    >>> from hypothesis import find
    >>> from qsdomain.strategies import week_loads
    >>> find(week_loads(), lambda load: load.count > 2).week_of.weekday()
    0
    """
    mondays = st.dates(min_value=first, max_value=last).map(_monday).filter(lambda d: d >= first)
    return st.builds(WeekLoad, week_of=mondays, count=st.integers(0, 500))


def line_states() -> st.SearchStrategy[LineState]:
    """A product line's switching state, its lots and how many were not accepted.

    >>> from hypothesis import find
    >>> from qsdomain.strategies import line_states
    >>> find(line_states(), lambda line: line.not_accepted > 0).lots
    1
    """

    @st.composite
    def build(draw: st.DrawFn) -> LineState:
        lots = draw(st.integers(0, 10_000))
        return LineState(
            product=draw(_TEXT),
            severity=draw(st.sampled_from(["normal", "tightened", "reduced", "discontinued"])),
            lots=lots,
            not_accepted=draw(st.integers(0, lots)),
            last_lot=draw(_KEYS),
        )

    return build()


def _urgency(item: ActionItem) -> tuple[bool, int]:
    return (item.days_left is not None, item.days_left or 0)


def desk_sections(
    family: Family | None = None, as_of: date | None = None
) -> st.SearchStrategy[Section]:
    """A family's section as of a day: up to 8 items (most urgent first), consistent totals.

    >>> from hypothesis import find
    >>> from qsdomain.desk import Family
    >>> from qsdomain.strategies import desk_sections
    >>> len(find(desk_sections(Family.METROLOGY), lambda s: len(s.workload) > 0).workload)
    12

    Each state of an item counts in the totals (with more of the same state, and entries that
    need no action); ``read`` is the totals' sum; the workload is empty or 12
    consecutive weeks from the Monday after ``as_of`` (always empty for sampling, which has
    product lines instead).
    """

    @st.composite
    def build(draw: st.DrawFn) -> Section:
        fam = draw(st.sampled_from(Family)) if family is None else family
        day = draw(_as_of()) if as_of is None else as_of
        items = sorted(draw(st.lists(action_items(fam, day), max_size=8)), key=_urgency)
        counts = Counter(i.state for i in items)
        for state in _STATES[fam]:
            extra = draw(st.integers(0, 5_000))
            if extra or state in counts:
                counts[state] += extra
        totals = tuple(StateTotal(state=s, count=counts[s]) for s in _STATES[fam] if s in counts)
        read = sum(counts.values())  # the desk counts every entry read in one state
        workload: tuple[WeekLoad, ...] = ()
        lines: tuple[LineState, ...] = ()
        if fam is Family.SAMPLING:
            found = draw(st.lists(line_states(), max_size=3, unique_by=lambda x: x.product))
            lines = tuple(found)
        elif draw(st.booleans()):
            start = _monday(day) + timedelta(weeks=1)
            workload = tuple(
                WeekLoad(week_of=start + timedelta(weeks=k), count=n)
                for k, n in enumerate(draw(st.lists(st.integers(0, 60), min_size=12, max_size=12)))
            )
        return Section(
            family=fam, read=read, items=items, totals=totals, workload=workload, lines=lines
        )

    return build()


def desk_reports() -> st.SearchStrategy[Report]:
    """A bureau's report on a day: a section for any subset of the families, in order.

    >>> from hypothesis import given, settings
    >>> from qsdomain.strategies import desk_reports
    >>> @settings(max_examples=5, database=None, deadline=None)
    ... @given(desk_reports())
    ... def check(report):
    ...     assert all(item.family is s.family for s in report.sections for item in s.items)
    >>> check()
    """

    @st.composite
    def build(draw: st.DrawFn) -> Report:
        day = draw(_as_of())
        present = draw(st.lists(st.booleans(), min_size=len(Family), max_size=len(Family)))
        families = [f for f, on in zip(Family, present, strict=True) if on]
        sections = tuple(draw(desk_sections(f, day)) for f in families)
        return Report(as_of=day, within=draw(st.integers(0, 365)), sections=sections)

    return build()


def import_summaries() -> st.SearchStrategy[ImportSummary]:
    """What importing one ledger file did: rows read, loaded and rejected.

    >>> from hypothesis import find
    >>> from qsdomain.strategies import import_summaries
    >>> find(import_summaries(), lambda s: not s.complete).rejected
    1
    """

    @st.composite
    def build(draw: st.DrawFn) -> ImportSummary:
        read = draw(st.integers(0, 10**6))
        loaded = draw(st.integers(0, read))
        return ImportSummary(
            path=draw(st.sampled_from(["instruments.csv", "licences.json", "台账/办件.csv"])),
            table=draw(
                st.sampled_from(["instruments", "verifications", "licences", "cases", "lots"])
            ),
            read=read,
            loaded=loaded,
            rejected=draw(st.integers(0, read - loaded)),
        )

    return build()


DESK_STRATEGIES: dict[Any, Callable[[], st.SearchStrategy[Any]]] = {
    Family: lambda: st.sampled_from(Family),
    ActionItem: action_items,
    StateTotal: state_totals,
    WeekLoad: week_loads,
    LineState: line_states,
    Section: desk_sections,
    Report: desk_reports,
    ImportSummary: import_summaries,
}
