"""The commitments hot paths give the answers of the plain paths, for random input.

Compared: the clock's result builders with the checked classes; the worklist's two stable
sorts with one sort by the documented key; the tally's value-keyed counting with a plain count.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timedelta
from random import Random
from zoneinfo import ZoneInfo

import attrs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qsdomain.calendars import china
from qsdomain.commitments import (
    Accepted,
    Case,
    CaseClock,
    ClockState,
    Obligation,
    ObligationKind,
    Received,
    ServiceItem,
    clock,
    statuses,
    tally,
    worklist_from_clocks,
)
from qsdomain.commitments._case import ExclusionSpan
from qsdomain.commitments._clock import _CalendarDays, _deadline, _WorkingDays
from qsdomain.commitments._kernel import KNOWN, MemoWorkingDays, working_days
from qsdomain.commitments._modes import ExclusionKind
from qsdomain.commitments._workload import _URGENCY, _key
from qsdomain.errors import CalendarNotCoveredError, QSDomainError
from qsdomain.rejects import RowRejected
from qsdomain.strategies import case_clocks, cases

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(case_clocks())
def test_a_clock_equals_the_same_clock_built_with_checks(found: CaseClock) -> None:
    rebuilt = CaseClock(**{f.name: getattr(found, f.name) for f in attrs.fields(CaseClock)})
    assert found == rebuilt
    assert hash(found) == hash(rebuilt)
    assert [getattr(found, f.name) for f in attrs.fields(CaseClock)] == [
        getattr(rebuilt, f.name) for f in attrs.fields(CaseClock)
    ]
    for deadline in (found.statutory, found.committed):
        assert deadline == attrs.evolve(deadline)


@FAST
@given(st.lists(case_clocks(), max_size=25), st.randoms(use_true_random=False))
def test_the_worklist_is_what_needs_action_by_urgency_due_and_id(
    found: list[CaseClock], rng: Random
) -> None:
    # Few ids, so that ties are exercised.
    found = [attrs.evolve(c, id=rng.choice("AB")) for c in found]
    got = worklist_from_clocks(iter(found), within=10)
    assert [id(c) for c in got] == [id(c) for c in sorted(got, key=_key)]  # the rule's order

    def needed(c: CaseClock) -> bool:
        return c.state in (ClockState.BREACHED, ClockState.WARNING) or (
            c.state in _URGENCY and c.days_left is not None and 0 <= c.days_left <= 10
        )

    assert [id(c) for c in got] == sorted(
        (id(c) for c in found if needed(c)), key=[id(c) for c in got].index
    )


@FAST
@given(st.lists(case_clocks(), max_size=25))
def test_the_tally_is_the_plain_count(found: list[CaseClock]) -> None:
    result = tally(found)
    for counts, key_of in ((result.by_mode, lambda c: c.mode.value), (result.by_item, None)):
        keys = [k.key for k in counts]
        assert keys == sorted(keys)
        for count in counts:
            mine = [
                c for c in found if (key_of(c) if key_of is not None else c.item_code) == count.key
            ]
            states = Counter(c.state for c in mine)
            assert count.met == states[ClockState.MET]
            assert count.missed == states[ClockState.MISSED]
            assert count.breached == states[ClockState.BREACHED]
            assert count.withdrawn == states[ClockState.WITHDRAWN]
            assert count.open == sum(states[s] for s in _URGENCY)
    assert sum(c.met + c.missed + c.withdrawn + c.open for c in result.by_mode) == len(found)


@FAST
@given(cases(), st.integers(0, 200), st.integers(0, 60), st.integers(0, 60), st.booleans())
def test_a_deadline_given_the_days_used_is_the_deadline_counted(
    case: Case, offset: int, n: int, other: int, decided: bool
) -> None:
    """The committed clock reuses the statutory clock's count of days used: that count does
    not depend on the limit."""
    counter = _WorkingDays(china())
    state = case.state
    accepted_on = case.events[0].at.date()
    day = min(accepted_on + timedelta(days=offset), date(2026, 9, 30))
    decided_on = day if decided else None
    spans = [(s.start, s.end) for s in state.exclusions]
    try:
        plain = _deadline(counter, n, accepted_on, state, spans, day, decided_on, 0.8)
        used = _deadline(counter, other, accepted_on, state, spans, day, decided_on, 0.8).used
    except CalendarNotCoveredError:
        return
    assert _deadline(counter, n, accepted_on, state, spans, day, decided_on, 0.8, used) == plain


def _answer(make: object) -> object:
    try:
        return make()  # type: ignore[operator]
    except (CalendarNotCoveredError, ValueError, OverflowError) as err:
        return (type(err), str(err))


@st.composite
def _spans(draw: st.DrawFn, first: date) -> list[ExclusionSpan]:
    """Exclusion spans one after another from about ``first``, the last perhaps running
    (fewer near date.max, where the next one would not fit)."""
    spans = []
    try:
        cursor = first + timedelta(days=draw(st.integers(-20, 40)))
        for _ in range(draw(st.integers(0, 4))):
            start = cursor + timedelta(days=draw(st.integers(0, 30)))
            end = start + timedelta(days=draw(st.integers(0, 40)))
            spans.append(ExclusionSpan(kind=ExclusionKind.TESTING, start=start, end=end))
            cursor = end + timedelta(days=1)
    except OverflowError:
        pass
    if spans and draw(st.booleans()):
        spans[-1] = attrs.evolve(spans[-1], end=None)
    return spans


@FAST
@given(
    # Inside china()'s coverage, near its edges and outside it (the same errors).
    st.dates(date(2003, 11, 1), date(2027, 2, 1)),
    st.integers(0, 80),
    st.integers(-40, 400),
    st.data(),
)
def test_the_kernel_counter_counts_as_the_rule(
    start: date, n: int, ahead: int, data: st.DataObject
) -> None:
    """The kernel's remembering counter answers as the rule's counter (the calendar's public
    methods), twice (the second time from its memo)."""
    cal = china()
    fast, plain = working_days(cal), _WorkingDays(cal)
    spans = [(s.start, s.end) for s in data.draw(_spans(start))]
    upto = start + timedelta(days=ahead)
    for _ in range(2):
        assert _answer(lambda: fast.due(start, n, spans)) == _answer(
            lambda: plain.due(start, n, spans)
        )
        assert _answer(lambda: fast.used(start, upto, spans)) == _answer(
            lambda: plain.used(start, upto, spans)
        )
        assert _answer(lambda: fast.after(start, n)) == _answer(lambda: plain.after(start, n))


def _walk_due(start: date, n: int, spans: list[tuple[date, date | None]]) -> date | None:
    """The definition: step a day at a time, skipping span days."""
    cursor = start
    while n:
        cursor += timedelta(days=1)
        if any(a <= cursor and b is None for a, b in spans):
            return None
        if not any(a <= cursor and (b is None or cursor <= b) for a, b in spans):
            n -= 1
    return cursor


@FAST
@given(st.dates(date(2000, 1, 1), date(2030, 1, 1)), st.integers(0, 80), st.data())
def test_the_calendar_day_counter_counts_as_a_day_walk(
    start: date, n: int, data: st.DataObject
) -> None:
    """The overtime clock's counter (every calendar day) against walking the days."""
    spans = [(s.start, s.end) for s in data.draw(_spans(start))]
    assert _CalendarDays().due(start, n, spans) == _walk_due(start, n, spans)
    due = _walk_due(start, n, [s for s in spans if s[1] is not None])
    if due is not None:
        done = [s for s in spans if s[1] is not None]
        assert _CalendarDays().used(start, due, done) == n


def test_the_memo_is_bounded() -> None:
    counter = MemoWorkingDays(china())
    start = date(2004, 1, 1)
    for k in range(KNOWN + 10):
        counter.after(start, k % 3000 + 1)
        counter.after(start + timedelta(days=k % 2000), 1)
    assert len(counter.known) <= KNOWN


@FAST
@given(
    st.lists(
        st.tuples(
            st.sampled_from(list(ObligationKind)),
            st.dates(date(2003, 6, 1), date(2027, 3, 1)),
            st.booleans(),
        ),
        max_size=20,
    )
)
def test_the_kernel_shares_equal_obligations(
    found: list[tuple[ObligationKind, date, bool]],
) -> None:
    """The kernel's obligation builder gives the checked Obligation, one object per value."""
    counter = MemoWorkingDays(china())
    for kind, by, overdue in found:
        shared = counter.obligation_of(kind, by, overdue)
        assert shared == Obligation(kind=kind, by=by, overdue=overdue)
        assert type(shared) is Obligation
        assert counter.obligation_of(kind, by, overdue) is shared
        assert _WorkingDays(china()).obligation_of(kind, by, overdue) == shared


def test_the_obligation_memo_is_bounded() -> None:
    counter = MemoWorkingDays(china())
    start = date(2004, 1, 1)
    for k in range(KNOWN + 10):
        counter.obligation_of(ObligationKind.DECIDE, start + timedelta(days=k), False)
    assert len(counter.obligations) <= KNOWN


def test_days_are_shared_between_cases() -> None:
    """Two cases received on the same local day hold the same date object for it."""

    sh = ZoneInfo("Asia/Shanghai")
    item = ServiceItem(code="A", name="a", mode="guided", statutory_limit=20, committed_limit=5)
    first, second = (
        Case(id=str(hour), item=item, events=[
            Received(at=datetime(2026, 9, 28, hour, tzinfo=sh)),
            Accepted(at=datetime(2026, 9, 28, hour + 1, tzinfo=sh)),
        ])
        for hour in (9, 14)
    )  # fmt: skip
    assert first._days[0] == second._days[0] == date(2026, 9, 28)
    assert first._days[0] is second._days[0]
    assert first._days[1] is second._days[1]


@FAST
@given(st.lists(cases(), max_size=12), st.dates(date(2003, 6, 1), date(2027, 3, 1)))
def test_the_batch_answers_as_the_rule_errors_included(found: list[Case], as_of: date) -> None:
    """statuses (the kernel's stream) gives clock()'s answer for each case, or its error."""
    expected: list[object] = []
    for case in found:
        try:
            expected.append(clock(case, as_of))
        except QSDomainError as err:
            expected.append((type(err), str(err)))
    got: list[object] = []
    for case in found:  # one at a time, so that an error does not end the stream
        try:
            got.extend(statuses([case], as_of))
        except QSDomainError as err:
            got.append((type(err), str(err).replace("items[0].", "")))
    assert got == expected
    rejected: list[RowRejected] = []
    kept = list(statuses(found, as_of, rejects=_Sink(rejected)))
    assert kept == [c for c in expected if isinstance(c, CaseClock)]
    assert [r.line for r in rejected] == [
        i + 1 for i, c in enumerate(expected) if not isinstance(c, CaseClock)
    ]


class _Sink:
    def __init__(self, into: list[RowRejected]) -> None:
        self.into = into

    def add(self, rejected: RowRejected) -> None:
        self.into.append(rejected)
