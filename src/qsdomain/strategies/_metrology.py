"""Strategies for :mod:`qsdomain.metrology`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from hypothesis import strategies as st

from qsdomain.metrology import (
    Alignment,
    Basis,
    DueReport,
    EarlyRule,
    Instrument,
    InstrumentState,
    InstrumentStatus,
    IntervalDecision,
    IntervalTestResult,
    LedgerSummary,
    Method,
    Outcome,
    Policy,
    Regime,
    ReliabilityBin,
    ReliabilityFit,
    ReliabilityModel,
    Scheme,
    StatutoryInterval,
    Supervision,
    Verification,
    due_report,
    fit_reliability,
    interval_test,
    staircase_interval,
    status,
)
from qsdomain.periods import Term

__all__ = [
    "METROLOGY_STRATEGIES",
    "histories",
    "instrument_statuses",
    "instruments",
    "interval_decisions",
    "interval_tests",
    "policies",
    "reliability_bins",
    "reliability_fits",
    "verifications",
]

_FIRST = date(2000, 1, 1)
_LAST = date(2040, 12, 31)
_ON = st.dates(min_value=_FIRST, max_value=_LAST)
_FRACTION = st.floats(0.0, 3.0, allow_nan=False)
_USAGE = st.floats(0.0, 1e6, allow_nan=False)


def _interval_terms() -> st.SearchStrategy[Term]:
    return st.one_of(
        st.integers(1, 10).map(lambda y: Term(years=y)),
        st.integers(1, 60).map(lambda m: Term(months=m)),
        st.integers(1, 1000).map(lambda d: Term(days=d)),
    )


def instruments() -> st.SearchStrategy[Instrument]:
    """Instruments of every scheme, regime and supervision mode, with intervals up to 10 years.

    >>> from hypothesis import given, settings
    >>> from qsdomain.strategies import instruments
    >>> @settings(max_examples=20)
    ... @given(instruments())
    ... def test_only_first_only_scrap_lacks_an_interval(instrument):
    ...     assert (instrument.interval is None) == (instrument.scheme.value == "first_only_scrap")
    >>> test_only_first_only_scrap_lacks_an_interval()
    """

    def build(scheme: Scheme, term: Term, **kwargs: Any) -> Instrument:
        interval = None if scheme is Scheme.FIRST_ONLY_SCRAP else term
        return Instrument(scheme=scheme, interval=interval, **kwargs)

    return st.builds(
        build,
        st.sampled_from(Scheme),
        _interval_terms(),
        id=st.from_regex(r"[A-Z]{2}-[0-9]{1,6}", fullmatch=True),
        name=st.sampled_from(("电子计价秤", "燃油加油机", "血压计", "水表", "multimeter")),
        category=st.none() | st.sampled_from(("非自动衡器", "流量计", "体温计")),
        supervision=st.none() | st.sampled_from(Supervision),
        regime=st.sampled_from(Regime),
        max_interval=st.none() | _interval_terms(),
        usage_limit=st.none() | st.floats(1.0, 1e6, allow_nan=False),
    )


def verifications(on: st.SearchStrategy[date] = _ON) -> st.SearchStrategy[Verification]:
    """Verification records with any outcome, as-found fraction and usage.

    >>> from hypothesis import Phase, find, settings
    >>> quick = settings(phases=[Phase.generate], max_examples=2000, derandomize=True)
    >>> from qsdomain.strategies import verifications
    >>> find(verifications(), lambda v: v.outcome.value == "fail", settings=quick).outcome.value
    'fail'
    """

    def build(
        day: date, outcome: Outcome, found: float | None, usage: float | None
    ) -> Verification:
        if outcome is Outcome.PASS and found is not None:
            found = min(found, 1.0)
        return Verification(on=day, outcome=outcome, as_found=found, usage=usage)

    return st.builds(build, on, st.sampled_from(Outcome), st.none() | _FRACTION, st.none() | _USAGE)


def histories(max_records: int = 6) -> st.SearchStrategy[list[Verification]]:
    """Histories in date order (gaps of 0 to 800 days) starting between 2000 and 2030.

    >>> from hypothesis import Phase, find, settings
    >>> quick = settings(phases=[Phase.generate], max_examples=2000, derandomize=True)
    >>> from qsdomain.strategies import histories
    >>> len(find(histories(), lambda h: len(h) >= 2, settings=quick)) >= 2
    True
    """

    def build(start: date, gaps: list[int], records: list[Verification]) -> list[Verification]:
        out, day = [], start
        for gap, record in zip(gaps, records, strict=False):
            day += timedelta(days=gap)
            out.append(Verification(day, record.outcome, record.as_found, record.usage))
        return out

    return st.builds(
        build,
        st.dates(min_value=_FIRST, max_value=date(2030, 12, 31)),
        st.lists(st.integers(0, 800), min_size=max_records, max_size=max_records),
        st.lists(verifications(), max_size=max_records),
    )


def policies() -> st.SearchStrategy[Policy]:
    """Policies without working-day alignment (that one needs a calendar).

    >>> from hypothesis import Phase, find, settings
    >>> quick = settings(phases=[Phase.generate], max_examples=2000, derandomize=True)
    >>> from qsdomain.strategies import policies
    >>> find(policies(), lambda p: p.grace_days > 0, settings=quick).grace_days > 0
    True
    """
    return st.builds(
        Policy,
        warning_days=st.integers(0, 90),
        warning_in_due_month=st.booleans(),
        grace_days=st.integers(0, 60),
        align=st.sampled_from((Alignment.NONE, Alignment.MONTH_END)),
        early=st.sampled_from(EarlyRule),
        early_window_days=st.integers(0, 90),
    )


def instrument_statuses() -> st.SearchStrategy[InstrumentStatus]:
    """Statuses computed by :func:`~qsdomain.metrology.status` from generated inputs.

    >>> from hypothesis import given, settings
    >>> from qsdomain.strategies import instrument_statuses
    >>> @settings(max_examples=20)
    ... @given(instrument_statuses())
    ... def test_overdue_means_negative_days_left(st):
    ...     assert st.state.value != "overdue" or st.days_left is None or st.days_left < 0
    >>> test_overdue_means_negative_days_left()
    """

    def build(
        instrument: Instrument, history: list[Verification], later: int, pol: Policy
    ) -> InstrumentStatus:
        as_of = (history[-1].on if history else _FIRST) + timedelta(days=later)
        return status(instrument, history, as_of, policy=pol)

    return st.builds(build, instruments(), histories(), st.integers(0, 4000), policies())


def interval_tests() -> st.SearchStrategy[IntervalTestResult]:
    """Results of :func:`~qsdomain.metrology.interval_test` on generated counts.

    >>> from hypothesis import find
    >>> from qsdomain.strategies import interval_tests
    >>> find(interval_tests(), lambda r: r.rejected).rejected
    True
    """

    @st.composite
    def build(draw: st.DrawFn) -> IntervalTestResult:
        total = draw(st.integers(1, 200))
        return interval_test(
            draw(st.floats(1.0, 3650.0)),
            draw(st.integers(0, total)),
            total,
            draw(st.floats(0.5, 0.99)),
            cap_days=draw(st.none() | st.floats(1.0, 3650.0)),
        )

    return build()


def interval_decisions() -> st.SearchStrategy[IntervalDecision]:
    """Audit records from the staircase and A3 methods.

    >>> from hypothesis import find
    >>> from qsdomain.strategies import interval_decisions
    >>> find(interval_decisions(), lambda d: d.capped).capped
    True
    """
    staircase = st.builds(
        lambda days, found, cap: staircase_interval(
            days, found, extend_factor=1.25, reduce_factor=0.5, cap_days=cap
        ),
        st.floats(1.0, 3650.0),
        _FRACTION,
        st.none() | st.floats(1.0, 3650.0),
    )
    return st.one_of(staircase, interval_tests().map(lambda r: r.decision))


def reliability_bins() -> st.SearchStrategy[ReliabilityBin]:
    """Bins of up to 500 calibrations at resubmission times up to 1000.

    >>> from hypothesis import find
    >>> from qsdomain.strategies import reliability_bins
    >>> find(reliability_bins(), lambda b: b.in_tolerance < b.calibrated).calibrated
    1
    """

    @st.composite
    def build(draw: st.DrawFn) -> ReliabilityBin:
        n = draw(st.integers(1, 500))
        return ReliabilityBin(draw(st.floats(1.0, 1000.0)), n, draw(st.integers(0, n)))

    return build()


def reliability_fits() -> st.SearchStrategy[ReliabilityFit]:
    """Fits of either model to one or two generated bins with mixed results.

    >>> from hypothesis import Phase, find, settings
    >>> quick = settings(phases=[Phase.generate], max_examples=2000, derandomize=True)
    >>> from qsdomain.strategies import reliability_fits
    >>> weibull = find(reliability_fits(), lambda f: f.model.value == "weibull", settings=quick)
    >>> weibull.model.value
    'weibull'
    """

    def fit(bins: list[ReliabilityBin], model: ReliabilityModel) -> ReliabilityFit:
        return fit_reliability(bins, model)

    def mixed(bins: list[ReliabilityBin]) -> bool:
        good = sum(b.in_tolerance for b in bins)
        return 0 < good < sum(b.calibrated for b in bins)

    bins = st.lists(reliability_bins(), min_size=1, max_size=2).filter(mixed)
    return st.builds(fit, bins, st.sampled_from(ReliabilityModel))


def _summaries() -> st.SearchStrategy[LedgerSummary]:
    """Counts of each state and of rejected rows; ``read`` is their sum, as in a report."""
    counted = [name for name in _attrs_fields(LedgerSummary) if name != "read"]
    counts = st.fixed_dictionaries({name: st.integers(0, 10_000) for name in counted})
    return counts.map(lambda found: LedgerSummary(read=sum(found.values()), **found))


def _attrs_fields(cls: type) -> list[str]:
    return [f.name for f in cls.__attrs_attrs__]  # type: ignore[attr-defined]


def _due_reports() -> st.SearchStrategy[DueReport]:
    return st.lists(instrument_statuses(), max_size=5).map(due_report)


def _statutory() -> st.SearchStrategy[StatutoryInterval]:
    return st.builds(
        StatutoryInterval,
        st.sampled_from(("数字指示秤", "水表")),
        st.sampled_from(("JJG 539", "JJG 162")),
        _interval_terms(),
        st.booleans(),
        st.booleans(),
        st.just("test data"),
    )


METROLOGY_STRATEGIES: dict[Any, Callable[[], st.SearchStrategy[Any]]] = {
    Instrument: instruments,
    Verification: verifications,
    Policy: policies,
    InstrumentStatus: instrument_statuses,
    DueReport: _due_reports,
    LedgerSummary: _summaries,
    IntervalTestResult: interval_tests,
    IntervalDecision: interval_decisions,
    ReliabilityBin: reliability_bins,
    ReliabilityFit: reliability_fits,
    StatutoryInterval: _statutory,
    Alignment: lambda: st.sampled_from(Alignment),
    EarlyRule: lambda: st.sampled_from(EarlyRule),
    InstrumentState: lambda: st.sampled_from(InstrumentState),
    Method: lambda: st.sampled_from(Method),
    Outcome: lambda: st.sampled_from(Outcome),
    Regime: lambda: st.sampled_from(Regime),
    Basis: lambda: st.sampled_from(Basis),
    ReliabilityModel: lambda: st.sampled_from(ReliabilityModel),
    Scheme: lambda: st.sampled_from(Scheme),
    Supervision: lambda: st.sampled_from(Supervision),
}
