"""Metrology hardening: regressions for what the misuse and fuzzing harnesses found.

Each test below failed on the code before the fix (a value accepted silently, or a
``TypeError`` / ``OverflowError`` from deep inside instead of an ``InvalidInputError``).
"""

from __future__ import annotations

import math
from datetime import date

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qsdomain import limits
from qsdomain.errors import InvalidInputError
from qsdomain.metrology import (
    DueReport,
    Instrument,
    IntervalDecision,
    IntervalTestResult,
    LedgerSummary,
    Method,
    Policy,
    ReliabilityBin,
    ReliabilityFit,
    StatutoryInterval,
    Verification,
    due_report,
    exponential_adjustment,
    fit_reliability,
    interval_test,
    simple_response_interval,
    staircase_interval,
    status,
    statuses,
    statutory_interval,
)
from qsdomain.periods import Term

D = date(2026, 11, 27)
SCALE = Instrument(id="JL-1", name="电子计价秤", interval=Term(years=1))
RECORDS = [Verification(on=date(2025, 12, 1), outcome="pass")]
STATUS = status(SCALE, RECORDS, D)
DECISION = staircase_interval(365, 0.5, extend_factor=1.25, reduce_factor=0.5, cap_days=365)
TEST = interval_test(365, 15, 20, 0.95)


def _field(excinfo: pytest.ExceptionInfo[InvalidInputError]) -> str:
    return excinfo.value.field


# -- result classes are valid from construction ------------------------------------------------


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"id": None}, "instrument_status.id"),
        ({"state": "late"}, "instrument_status.state"),
        ({"as_of": "2026-11-27"}, "instrument_status.as_of"),
        ({"due": 20261130}, "instrument_status.due"),
        ({"days_left": 3.0}, "instrument_status.days_left"),
        ({"last": "pass"}, "instrument_status.last"),
        ({"basis": "whim"}, "instrument_status.basis"),
    ],
)
def test_instrument_status_refuses_bad_fields(change: dict[str, object], field: str) -> None:
    with pytest.raises(InvalidInputError) as excinfo:
        attrs.evolve(STATUS, **change)
    assert _field(excinfo) == field


def test_instrument_status_accepts_a_state_by_value() -> None:
    assert attrs.evolve(STATUS, state=STATUS.state.value).state is STATUS.state
    assert attrs.evolve(STATUS, basis=STATUS.basis.value).basis is STATUS.basis


def test_ledger_summary_refuses_negative_and_non_whole_counts() -> None:
    with pytest.raises(InvalidInputError) as excinfo:
        LedgerSummary(read=-1)
    assert _field(excinfo) == "ledger_summary.read"
    with pytest.raises(InvalidInputError):
        LedgerSummary(overdue=True)


def test_due_report_refuses_a_string_and_foreign_items() -> None:
    with pytest.raises(InvalidInputError) as excinfo:
        DueReport(due="abc", summary=LedgerSummary())  # type: ignore[arg-type]
    assert _field(excinfo) == "report.due"
    with pytest.raises(InvalidInputError) as excinfo:
        DueReport(due=[STATUS, None], summary=LedgerSummary())  # type: ignore[list-item]
    assert _field(excinfo) == "report.due[1]"
    with pytest.raises(InvalidInputError) as excinfo:
        DueReport(due=(), summary=None)  # type: ignore[arg-type]
    assert _field(excinfo) == "report.summary"


def test_due_report_keeps_a_list_as_a_tuple() -> None:
    summary = LedgerSummary(read=1, **{STATUS.state.value: 1})
    assert DueReport(due=[STATUS], summary=summary).due == (STATUS,)


def test_interval_decision_must_agree_with_its_cap() -> None:
    with pytest.raises(InvalidInputError) as excinfo:
        attrs.evolve(DECISION, capped=False)
    assert _field(excinfo) == "interval_decision.capped"
    with pytest.raises(InvalidInputError) as excinfo:
        attrs.evolve(DECISION, new_interval_days=400.0)
    assert _field(excinfo) == "interval_decision.new_interval_days"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"method": "guess"}, "interval_decision.method"),
        ({"source": ""}, "interval_decision.source"),
        ({"current_days": math.nan}, "interval_decision.current_days"),
        ({"inputs": "current_days"}, "interval_decision.inputs"),
        ({"parameters": {"band": "0.8"}}, "interval_decision.parameters['band']"),
        ({"reason": None}, "interval_decision.reason"),
    ],
)
def test_interval_decision_refuses_bad_fields(change: dict[str, object], field: str) -> None:
    with pytest.raises(InvalidInputError) as excinfo:
        attrs.evolve(DECISION, **change)
    assert _field(excinfo) == field


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"observed": 1.5}, "result.observed"),
        ({"threshold": 1.0}, "result.threshold"),
        ({"rejected": 1}, "result.rejected"),
        ({"direction": "up"}, "result.direction"),
        ({"new_interval_days": 100.0}, "result.new_interval_days"),
        ({"decision": None}, "result.decision"),
    ],
)
def test_interval_test_result_refuses_bad_fields(change: dict[str, object], field: str) -> None:
    with pytest.raises(InvalidInputError) as excinfo:
        attrs.evolve(TEST, **change)
    assert _field(excinfo) == field


def test_statutory_interval_record_refuses_bad_fields() -> None:
    with pytest.raises(InvalidInputError) as excinfo:
        StatutoryInterval(None, "JJG 539", Term(years=1), False, False, "x")  # type: ignore[arg-type]
    assert _field(excinfo) == "statutory_interval.instrument"
    with pytest.raises(InvalidInputError) as excinfo:
        StatutoryInterval("秤", "JJG 539", "P1Y", False, False, "x")  # type: ignore[arg-type]
    assert _field(excinfo) == "statutory_interval.max_interval"
    with pytest.raises(InvalidInputError) as excinfo:
        StatutoryInterval("秤", "JJG 539", Term(years=1), "no", False, "x")  # type: ignore[arg-type]
    assert _field(excinfo) == "statutory_interval.service_life"


# -- functions --------------------------------------------------------------------------------


def test_statutory_interval_refuses_a_string_for_the_flag() -> None:
    # "false" is truthy: it used to return an unconfirmed number as if allowed.
    with pytest.raises(InvalidInputError) as excinfo:
        statutory_interval("数字指示秤", allow_unconfirmed="false")  # type: ignore[arg-type]
    assert _field(excinfo) == "allow_unconfirmed"
    with pytest.raises(InvalidInputError) as excinfo:
        statutory_interval(["数字指示秤"])  # type: ignore[arg-type]
    assert _field(excinfo) == "instrument"


@pytest.mark.parametrize("bad", [None, 5, object(), "abc", {"a": 1}])
def test_streams_refuse_what_is_not_a_list(bad: object) -> None:
    with pytest.raises(InvalidInputError) as excinfo:
        due_report(bad)  # type: ignore[arg-type]
    assert _field(excinfo) == "statuses"
    with pytest.raises(InvalidInputError) as excinfo:
        list(statuses(bad, D))  # type: ignore[arg-type]
    assert _field(excinfo) == "items"


def test_statuses_checks_the_policy_before_any_row() -> None:
    with pytest.raises(InvalidInputError) as excinfo:
        list(statuses([], D, policy="strict"))  # type: ignore[arg-type]
    assert _field(excinfo) == "policy"
    with pytest.raises(InvalidInputError) as excinfo:
        list(statuses([(SCALE, RECORDS)], D, policy="strict"))  # type: ignore[arg-type]
    assert _field(excinfo) == "policy"


def test_month_end_alignment_in_december_9999() -> None:
    meter = Instrument(id="E", name="电能表", interval=Term(months=6))
    history = [Verification(on=date(9999, 6, 15), outcome="pass")]
    st_ = status(meter, history, date(9999, 7, 1), policy=Policy(align="month_end"))
    assert (st_.valid_through, st_.due) == (date(9999, 12, 14), date(9999, 12, 31))


@pytest.mark.parametrize("t", [math.nan, -1.0, -1e300, "10", True, None])
def test_reliability_refuses_a_bad_time(t: object) -> None:
    fit = ReliabilityFit("weibull", (0.01, 2.0), -1.5)
    with pytest.raises(InvalidInputError) as excinfo:
        fit.reliability(t)  # type: ignore[arg-type]
    assert _field(excinfo) == "t"


def test_fit_without_a_finite_likelihood_names_the_bins() -> None:
    with pytest.raises(InvalidInputError) as excinfo:
        fit_reliability([ReliabilityBin(1e-300, 10**6, 1)], "weibull")
    assert _field(excinfo) == "bins"


def test_an_answer_past_the_interval_limit_is_limited() -> None:
    top = limits.MAX_METROLOGY_INTERVAL_DAYS
    d = exponential_adjustment(top, 999_999, 1_000_000, 1e-300, max_change=100)
    assert d.proposed_days == d.new_interval_days == top
    assert "MAX_METROLOGY_INTERVAL_DAYS" in d.reason


def test_a_decision_can_be_built_by_hand() -> None:
    d = IntervalDecision(Method.A1, "RP-1", 180.0, 198.0, 198.0, None, False, {}, {}, "kept")
    assert d.inputs == {}
    assert (
        IntervalTestResult(
            1.0,
            0.9,
            0.5,
            True,
            "lengthen",
            365.0,
            attrs.evolve(DECISION, cap_days=None, capped=False, proposed_days=365.0),
        ).new_interval_days
        == 365.0
    )


@settings(max_examples=200, deadline=None)
@given(
    current=st.floats(1.0, limits.MAX_METROLOGY_INTERVAL_DAYS),
    extend=st.floats(1.01, 100.0),
    extension=st.floats(0.01, 10.0),
    passed=st.booleans(),
)
def test_every_new_interval_is_a_valid_current_interval(
    current: float, extend: float, extension: float, passed: bool
) -> None:
    # Law: a method's answer can be fed back as the next current_days (it used to exceed
    # MAX_METROLOGY_INTERVAL_DAYS, so the next call refused it).
    step = staircase_interval(current, 0.1, extend_factor=extend, reduce_factor=0.5)
    again = staircase_interval(step.new_interval_days, 0.1, extend_factor=extend, reduce_factor=0.5)
    assert again.new_interval_days <= limits.MAX_METROLOGY_INTERVAL_DAYS
    a1 = simple_response_interval(current, passed, 0.5, extension=extension)
    assert 0 < a1.new_interval_days <= limits.MAX_METROLOGY_INTERVAL_DAYS
    a3 = interval_test(current, 20, 20, 0.5, max_change=100, max_days=None)
    assert a3.new_interval_days <= limits.MAX_METROLOGY_INTERVAL_DAYS
