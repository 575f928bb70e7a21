"""Strategies for :mod:`qsdomain.sampling`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from hypothesis import strategies as st

from qsdomain.sampling import (
    AuthorityRequiresNormal,
    CorrectiveActionAccepted,
    Decision,
    DoubleSamplingPlan,
    InspectionStatus,
    LineStatus,
    Lot,
    LotOutcome,
    LotPlan,
    LotResult,
    LotState,
    Model,
    MultipleSamplingPlan,
    ProductionIrregular,
    ReducedApproval,
    SamplingPlan,
    Scheme,
    Severity,
    SingleSamplingPlan,
    Stage,
    StageDecision,
    SwitchingEvent,
    SwitchingState,
    TableSource,
    Transition,
    line_status,
    lot_result,
    plan,
    plan_for,
    table_source,
)

__all__ = [
    "SAMPLING_STRATEGIES",
    "line_statuses",
    "lot_outcomes",
    "lot_plans",
    "lot_results",
    "lots",
    "sampling_plans",
    "stage_decisions",
    "switching_events",
    "switching_histories",
    "table_plans",
    "table_sources",
    "transitions",
]

_LETTERS = "ABCDEFGHJKLMNPQR"
_AQLS = (
    "0.010", "0.015", "0.025", "0.040", "0.065", "0.10", "0.15", "0.25", "0.40", "0.65",
    "1.0", "1.5", "2.5", "4.0", "6.5", "10", "15", "25", "40", "65", "100", "150", "250",
    "400", "650", "1000",
)  # fmt: skip
_LEVELS = ("S-1", "S-2", "S-3", "S-4", "I", "II", "III")


def table_plans(
    scheme: st.SearchStrategy[Scheme] | None = None,
) -> st.SearchStrategy[SamplingPlan]:
    """Any plan the GB/T 2828.1-2012 tables give (arrows and redirections followed).

    >>> from hypothesis import find
    >>> from qsdomain.strategies import table_plans
    >>> found = find(table_plans(), lambda p: len(p.stages) == 2)
    >>> type(found).__name__
    'DoubleSamplingPlan'
    """
    return st.builds(
        plan,
        st.sampled_from(_LETTERS),
        st.sampled_from(_AQLS),
        st.sampled_from(Severity),
        st.sampled_from(Scheme) if scheme is None else scheme,
    )


def _single_plans() -> st.SearchStrategy[SingleSamplingPlan]:
    return st.integers(1, 5000).flatmap(
        lambda n: st.builds(SingleSamplingPlan, st.just(n), st.integers(0, n - 1))
    )


@st.composite
def _stages(draw: st.DrawFn, count: int, first_ac: bool = False) -> tuple[Stage, ...]:
    """Cumulative stages: Ac and Re never fall, Re > Ac + 1 until the last stage."""
    stages: list[Stage] = []
    ac, re = -1, 2
    for i in range(count):
        last = i == count - 1
        n = draw(st.integers(1, 500))
        floor = 0 if last or (first_ac and i == 0) else -1
        new_ac = draw(st.integers(max(ac, floor), max(ac, floor) + 3))
        if last:
            new_re = new_ac + 1
            if new_re < re:
                new_ac, new_re = re - 1, re
        else:
            new_re = draw(st.integers(max(re, new_ac + 2), new_ac + 5))
        stages.append(Stage(n, None if new_ac < 0 else new_ac, new_re))
        ac, re = new_ac, new_re
    return tuple(stages)


def sampling_plans() -> st.SearchStrategy[SamplingPlan]:
    """Table plans and free-standing single, double and multiple plans.

    >>> from hypothesis import find
    >>> from qsdomain.sampling import DoubleSamplingPlan
    >>> from qsdomain.strategies import sampling_plans
    >>> type(find(sampling_plans(), lambda p: isinstance(p, DoubleSamplingPlan))).__name__
    'DoubleSamplingPlan'
    """
    return st.one_of(
        table_plans(),
        _single_plans(),
        _stages(2, first_ac=True).map(DoubleSamplingPlan),
        _stages(5).map(MultipleSamplingPlan),
    )


def lot_plans() -> st.SearchStrategy[LotPlan]:
    """:func:`~qsdomain.sampling.plan_for` over lot sizes 2 to 2,000,000 and every option.

    >>> from hypothesis import find
    >>> from qsdomain.strategies import lot_plans
    >>> find(lot_plans(), lambda lp: lp.hundred_percent).hundred_percent
    True
    """
    return st.builds(
        plan_for,
        st.integers(2, 2_000_000),
        st.sampled_from(_AQLS),
        st.sampled_from(_LEVELS),
        st.sampled_from(Severity),
        st.sampled_from(Scheme),
    )


def table_sources() -> st.SearchStrategy[TableSource]:
    """Where a table plan comes from, for any table plan.

    >>> from hypothesis import find
    >>> from qsdomain.strategies import table_sources
    >>> find(table_sources(), lambda src: src.table == "2-A").table
    '2-A'
    """
    return table_plans().map(table_source)


def _counts(draw: st.DrawFn, chosen: SamplingPlan) -> list[int]:
    """Counts of nonconforming items, sample by sample, until the plan decides."""
    counts: list[int] = []
    for stage in chosen.stages:
        top = min(stage.sample_size, stage.rejection_number + 1)
        counts.append(draw(st.integers(0, top)))
        if chosen.decide(counts).decision is not Decision.NEXT_SAMPLE:
            break
    return counts


@st.composite
def stage_decisions(draw: st.DrawFn) -> StageDecision:
    """A decision a plan reaches on some counts of nonconforming items.

    >>> from hypothesis import Phase, find, settings
    >>> quick = settings(phases=[Phase.generate], max_examples=2000, derandomize=True)
    >>> from qsdomain.strategies import stage_decisions
    >>> find(stage_decisions(), lambda d: d.decision.value == "accept", settings=quick).decision
    <Decision.ACCEPT: 'accept'>
    """
    chosen = draw(sampling_plans())
    return chosen.decide(_counts(draw, chosen))


@st.composite
def lot_results(draw: st.DrawFn) -> LotResult:
    """The result of inspecting one lot with a table plan.

    >>> from hypothesis import find
    >>> from qsdomain.strategies import lot_results
    >>> find(lot_results(), lambda lot: not lot.accepted).accepted
    False
    """
    chosen = draw(table_plans())
    return lot_result(chosen, _counts(draw, chosen))


def switching_events() -> st.SearchStrategy[SwitchingEvent]:
    """Any event the switching procedure takes: a lot or one of the authority's acts.

    >>> from hypothesis import find
    >>> from qsdomain.strategies import switching_events
    >>> type(find(switching_events(), lambda e: not hasattr(e, "accepted"))).__name__
    'ProductionIrregular'
    """
    return st.one_of(
        lot_results(),
        st.just(ProductionIrregular()),
        st.just(AuthorityRequiresNormal()),
        st.builds(ReducedApproval, st.booleans()),
        st.just(CorrectiveActionAccepted()),
    )


@st.composite
def switching_histories(draw: st.DrawFn, max_lots: int = 60) -> SwitchingState:
    """A state reached by inspecting a run of lots with the plan the current severity asks for.

    >>> from hypothesis import Phase, find, settings
    >>> quick = settings(phases=[Phase.generate], max_examples=2000, derandomize=True)
    >>> from qsdomain.strategies import switching_histories
    >>> tightened = find(switching_histories(), lambda s: s.severity.value == "tightened",
    ...                  settings=quick)
    >>> tightened.severity
    <Severity.TIGHTENED: 'tightened'>
    """
    state = SwitchingState.start(reduced_approved=draw(st.booleans()))
    for _ in range(draw(st.integers(0, max_lots))):
        if state.discontinued:
            state = state.apply(CorrectiveActionAccepted())
            continue
        chosen = plan("K", "1.5", state.severity)
        count = draw(st.integers(0, chosen.stages[0].rejection_number + 1))
        state = state.record(lot_result(chosen, [count]))
    return state


def _until_a_switch(state: SwitchingState) -> Transition:
    """Inspect lots that are not accepted (or accept corrective action) until a switch fires."""
    while state.last_transition is None:
        if state.discontinued:
            state = state.apply(CorrectiveActionAccepted())
        else:
            chosen = plan("K", "1.5", state.severity)
            state = state.record(lot_result(chosen, [chosen.stages[0].rejection_number]))
    return state.last_transition


def transitions() -> st.SearchStrategy[Transition]:
    """A switch some run of lots caused.

    >>> from hypothesis import find
    >>> from qsdomain.strategies import transitions
    >>> find(transitions(), lambda t: t.clause == "9.3.1").to
    <InspectionStatus.TIGHTENED: 'tightened'>
    """
    return switching_histories().map(_until_a_switch)


def lots(max_found: int = 2) -> st.SearchStrategy[Lot]:
    """Lots of 2 to 500,000 items at any AQL of the tables and level, with up to ``max_found``
    nonconforming items (any lot can be inspected: even the smallest sample holds two items).

    >>> from hypothesis import Phase, find, settings
    >>> quick = settings(phases=[Phase.generate], max_examples=2000, derandomize=True)
    >>> from qsdomain.strategies import lots
    >>> find(lots(), lambda lot: lot.nonconforming > 0, settings=quick).nonconforming > 0
    True
    """
    return st.builds(
        Lot,
        st.from_regex(r"L[0-9]{1,6}", fullmatch=True),
        st.integers(2, 500_000),
        st.sampled_from(_AQLS),
        st.integers(0, max_found),
        st.sampled_from(("I", "II", "III")),
    )


def line_statuses(max_lots: int = 12) -> st.SearchStrategy[LineStatus]:
    """What :func:`~qsdomain.sampling.line_status` answers for a run of generated lots.

    >>> from hypothesis import Phase, find, settings
    >>> quick = settings(phases=[Phase.generate], max_examples=2000, derandomize=True)
    >>> from qsdomain.strategies import line_statuses
    >>> len(find(line_statuses(), lambda line: len(line.lots) > 1, settings=quick).lots) > 1
    True
    """
    return st.lists(lots(), max_size=max_lots).map(line_status)


def lot_outcomes() -> st.SearchStrategy[LotOutcome]:
    """One lot's outcome from a generated line.

    >>> from hypothesis import Phase, find, settings
    >>> quick = settings(phases=[Phase.generate], max_examples=2000, derandomize=True)
    >>> from qsdomain.strategies import lot_outcomes
    >>> find(lot_outcomes(), lambda o: o.state.value == "accepted", settings=quick).accepted
    True
    """
    return (
        line_statuses()
        .filter(lambda line: bool(line.lots))
        .flatmap(lambda line: st.sampled_from(line.lots))
    )


SAMPLING_STRATEGIES: dict[Any, Callable[[], st.SearchStrategy[Any]]] = {
    Stage: lambda: _stages(1).map(lambda stages: stages[0]),
    SingleSamplingPlan: _single_plans,
    DoubleSamplingPlan: lambda: _stages(2, first_ac=True).map(DoubleSamplingPlan),
    MultipleSamplingPlan: lambda: _stages(5).map(MultipleSamplingPlan),
    SamplingPlan: sampling_plans,
    StageDecision: stage_decisions,
    TableSource: table_sources,
    LotPlan: lot_plans,
    LotResult: lot_results,
    ProductionIrregular: lambda: st.just(ProductionIrregular()),
    AuthorityRequiresNormal: lambda: st.just(AuthorityRequiresNormal()),
    ReducedApproval: lambda: st.builds(ReducedApproval, st.booleans()),
    CorrectiveActionAccepted: lambda: st.just(CorrectiveActionAccepted()),
    SwitchingEvent: switching_events,
    SwitchingState: switching_histories,
    Transition: transitions,
    Decision: lambda: st.sampled_from(Decision),
    InspectionStatus: lambda: st.sampled_from(InspectionStatus),
    Model: lambda: st.sampled_from(Model),
    Scheme: lambda: st.sampled_from(Scheme),
    Severity: lambda: st.sampled_from(Severity),
    Lot: lots,
    LotOutcome: lot_outcomes,
    LotState: lambda: st.sampled_from(LotState),
    LineStatus: line_statuses,
}
