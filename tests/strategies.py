"""Hypothesis strategies that build valid qsdomain objects, shared by the whole suite."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import strategies as st

from qsdomain.calendars import Coverage, WorkingCalendar, china
from qsdomain.periods import Lead, LeadUnit, Term
from qsdomain.sampling import (
    CorrectiveActionAccepted,
    LotPlan,
    SamplingPlan,
    SwitchingState,
    lot_result,
    plan,
    plan_for,
)
from qsdomain.sampling import _gbt2828_1_2012 as gbt

CHINA = china()


def dates_in(coverage: Coverage) -> st.SearchStrategy[date]:
    """Any date inside ``coverage``."""
    return st.dates(min_value=coverage.first, max_value=coverage.last)


@st.composite
def synthetic_calendars(draw: st.DrawFn, max_days: int = 400) -> WorkingCalendar:
    """Small calendars with random weekends, weekdays off and make-up working days."""
    first = draw(st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 1, 1)))
    last = first + timedelta(days=draw(st.integers(0, max_days)))
    weekend = draw(st.frozensets(st.integers(0, 6), max_size=3))
    days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
    weekdays = [d for d in days if d.weekday() not in weekend]
    weekend_days = [d for d in days if d.weekday() in weekend]
    off = draw(st.sets(st.sampled_from(weekdays), max_size=40)) if weekdays else set()
    extra = draw(st.sets(st.sampled_from(weekend_days), max_size=20)) if weekend_days else set()
    return WorkingCalendar(
        name="synthetic",
        coverage=Coverage(first, last),
        weekend=weekend,
        weekdays_off=off,
        makeup_working_days=extra,
    )


def terms() -> st.SearchStrategy[Term]:
    """Terms of up to 20 years, 36 months and 400 days, with at least one positive part."""
    parts = st.tuples(st.integers(0, 20), st.integers(0, 36), st.integers(0, 400))
    return parts.filter(any).map(lambda ymd: Term(years=ymd[0], months=ymd[1], days=ymd[2]))


def leads() -> st.SearchStrategy[Lead]:
    """Lead times in any unit, up to 250."""
    return st.builds(Lead, st.integers(1, 250), st.sampled_from(list(LeadUnit)))


def reference_is_working(cal: WorkingCalendar, day: date) -> bool:
    """The definition, spelled out: weekly rule, minus weekdays off, plus make-up days."""
    if day in cal.makeup_working_days:
        return True
    return day.weekday() not in cal.weekend and day not in cal.weekdays_off


def reference_add(cal: WorkingCalendar, day: date, n: int) -> date | None:
    """Day-by-day walk; ``None`` when the walk leaves the coverage."""
    step = timedelta(days=1 if n > 0 else -1)
    remaining = abs(n)
    while remaining:
        day += step
        if day not in cal.coverage:
            return None
        if reference_is_working(cal, day):
            remaining -= 1
    return day


def reference_between(cal: WorkingCalendar, start: date, end: date) -> int:
    """Count working days x with start < x <= end, negated when end < start."""
    lo, hi, sign = (start, end, 1) if start <= end else (end, start, -1)
    count = 0
    day = lo + timedelta(days=1)
    while day <= hi:
        count += reference_is_working(cal, day)
        day += timedelta(days=1)
    return sign * count


# -- sampling ------------------------------------------------------------------------------------

SEVERITIES = ("normal", "tightened", "reduced")
SCHEMES = ("single", "double", "multiple")


def table_plans() -> st.SearchStrategy[SamplingPlan]:
    """Any plan the GB/T 2828.1-2012 tables give (arrows and redirections followed)."""
    return st.builds(
        plan,
        st.sampled_from("ABCDEFGHJKLMNPQR"),
        st.sampled_from(gbt.AQLS),
        st.sampled_from(SEVERITIES),
        st.sampled_from(SCHEMES),
    )


def lot_plans() -> st.SearchStrategy[LotPlan]:
    """plan_for over lot sizes from 2 to 2,000,000 and every level, severity and scheme."""
    return st.builds(
        plan_for,
        st.integers(2, 2_000_000),
        st.sampled_from(gbt.AQLS),
        st.sampled_from(gbt.LEVELS),
        st.sampled_from(SEVERITIES),
        st.sampled_from(SCHEMES),
    )


@st.composite
def switching_histories(draw: st.DrawFn, max_lots: int = 60) -> SwitchingState:
    """A state reached by inspecting a run of lots with the plan the current severity asks for."""
    state = SwitchingState.start(reduced_approved=draw(st.booleans()))
    for _ in range(draw(st.integers(0, max_lots))):
        if state.discontinued:
            state = state.apply(CorrectiveActionAccepted())
            continue
        chosen = plan("K", "1.5", state.severity)
        count = draw(st.integers(0, chosen.stages[0].rejection_number + 1))
        state = state.record(lot_result(chosen, [count]))
    return state
