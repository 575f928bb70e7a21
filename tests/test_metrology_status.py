"""Due dates and states (检定周期, 有效期至): worked examples, laws and bad input."""

from __future__ import annotations

import types
from datetime import date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qsdomain.calendars import china
from qsdomain.errors import InvalidInputError
from qsdomain.metrology import (
    Instrument,
    InstrumentState,
    Outcome,
    Policy,
    Verification,
    due_report,
    status,
    statuses,
)
from qsdomain.metrology._status import period_end as _period_end
from qsdomain.periods import Convention, Term
from qsdomain.strategies import instruments, policies, terms

S = InstrumentState
SCALE = Instrument(id="JL-2025-0001", name="电子计价秤", interval=Term(years=1))


def passed(day: date, **kwargs: object) -> Verification:
    return Verification(on=day, outcome=Outcome.PASS, **kwargs)  # type: ignore[arg-type]


def test_contract_example_from_issue_9() -> None:
    st_ = status(SCALE, [passed(date(2025, 12, 1))], as_of=date(2026, 11, 27))
    assert st_.state.value == "due_soon"
    assert st_.valid_through == date(2026, 11, 30)
    assert st_.days_left == 3
    assert st_.due == date(2026, 11, 30)
    assert st_.last == passed(date(2025, 12, 1))
    assert "有效期至" in st_.reason


@pytest.mark.parametrize(
    ("as_of", "state", "days_left"),
    [
        (date(2026, 10, 31), S.CURRENT, 30),  # 30 days left: just outside the 30-day window
        (date(2026, 11, 1), S.DUE_SOON, 29),  # the window is the last 30 days, due day included
        (date(2026, 11, 30), S.DUE_SOON, 0),
        (date(2026, 12, 1), S.OVERDUE, -1),
    ],
)
def test_window_edges(as_of: date, state: InstrumentState, days_left: int) -> None:
    st_ = status(SCALE, [passed(date(2025, 12, 1))], as_of)
    assert (st_.state, st_.days_left) == (state, days_left)


def test_grace_is_its_own_state_then_overdue() -> None:
    policy = Policy(grace_days=15)
    history = [passed(date(2025, 12, 1))]
    assert status(SCALE, history, date(2026, 12, 15), policy=policy).state is S.GRACE
    assert status(SCALE, history, date(2026, 12, 16), policy=policy).state is S.OVERDUE


def test_warning_in_the_due_month() -> None:
    policy = Policy(warning_in_due_month=True)
    history = [passed(date(2025, 12, 10))]  # valid through 2026-12-09
    assert status(SCALE, history, date(2026, 11, 30), policy=policy).state is S.CURRENT
    assert status(SCALE, history, date(2026, 12, 1), policy=policy).state is S.DUE_SOON


def test_leap_day_start_ends_on_28_february() -> None:
    st_ = status(SCALE, [passed(date(2024, 2, 29))], date(2024, 3, 1))
    assert st_.valid_through == date(2025, 2, 28)


def test_fail_is_out_of_service_until_verified_again() -> None:
    fail = Verification(on=date(2026, 3, 1), outcome="fail")
    st_ = status(SCALE, [passed(date(2025, 3, 1)), fail], date(2026, 3, 2))
    assert st_.state is S.OUT_OF_SERVICE
    assert st_.valid_through is None
    assert st_.days_left is None
    assert "计量法 art. 9" in st_.reason
    again = status(SCALE, [fail, passed(date(2026, 3, 5))], date(2026, 3, 6))
    assert again.state is S.CURRENT
    assert again.valid_through == date(2027, 3, 4)


def test_adjusted_counts_as_in_service_and_scrapped_does_not() -> None:
    adjusted = Verification(on=date(2026, 3, 1), outcome="adjusted", as_found=1.4)
    assert status(SCALE, [adjusted], date(2026, 3, 2)).state is S.CURRENT
    scrapped = Verification(on=date(2026, 3, 1), outcome="scrapped")
    assert status(SCALE, [scrapped], date(2026, 3, 2)).state is S.OUT_OF_SERVICE


def test_first_verification_only_is_never_due() -> None:
    thermometer = Instrument(id="T-1", name="玻璃体温计", scheme="first_only_scrap")
    st_ = status(thermometer, [passed(date(2010, 1, 1))], date(2030, 1, 1))
    assert st_.state is S.CURRENT
    assert st_.due is None
    assert st_.days_left is None
    fail = Verification(on=date(2030, 1, 1), outcome="fail")
    assert status(thermometer, [fail], date(2030, 1, 1)).state is S.OUT_OF_SERVICE
    assert status(thermometer, [], date(2030, 1, 1)).state is S.NEVER_VERIFIED


def test_fixed_life_runs_from_the_first_verification() -> None:
    meter = Instrument(id="W-1", name="水表", scheme="fixed_life", interval=Term(years=6))
    history = [passed(date(2020, 5, 1)), passed(date(2023, 5, 1))]  # a later check moves nothing
    st_ = status(meter, history, date(2026, 4, 15))
    assert st_.valid_through == date(2026, 4, 30)
    assert st_.state is S.DUE_SOON
    assert st_.last == history[0]
    assert "到期轮换" in st_.reason
    assert status(meter, history, date(2026, 5, 1)).state is S.OVERDUE


def test_usage_trigger_whichever_comes_first() -> None:
    gauge = Instrument(id="G-1", name="压力表", interval=Term(years=1), usage_limit=500.0)
    history = [passed(date(2026, 1, 1))]
    assert status(gauge, history, date(2026, 3, 1), usage=499.0).state is S.CURRENT
    st_ = status(gauge, history, date(2026, 3, 1), usage=500.0)
    assert st_.state is S.OVERDUE
    assert "ILAC-G24" in st_.reason
    assert st_.valid_through == date(2026, 12, 31)  # the calendar answer is still reported
    assert status(gauge, history, date(2027, 1, 5), usage=1.0).state is S.OVERDUE


def test_statutory_maximum_caps_the_period() -> None:
    long = Instrument(id="L", name="秤", interval=Term(years=2), max_interval=Term(years=1))
    assert status(long, [passed(date(2025, 12, 1))], date(2026, 1, 1)).valid_through == date(
        2026, 11, 30
    )


def test_alignment() -> None:
    history = [passed(date(2025, 10, 4))]  # valid through 2026-10-03, in the National Day break
    month_end = status(SCALE, history, date(2026, 9, 1), policy=Policy(align="month_end"))
    assert (month_end.valid_through, month_end.due) == (date(2026, 10, 3), date(2026, 10, 31))
    working = Policy(align="previous_working_day")
    st_ = status(SCALE, history, date(2026, 9, 1), policy=working, calendar=china())
    assert st_.due == date(2026, 9, 30)
    assert st_.days_left == 29
    # calendar=None is the official calendar, china(), as in every family (#19).
    assert status(SCALE, history, date(2026, 9, 1), policy=working) == st_


def test_early_verification_keeps_or_moves_the_anchor() -> None:
    history = [passed(date(2025, 1, 10)), passed(date(2025, 12, 20))]
    keep = Policy(early="keep_anchor", early_window_days=60)
    assert status(SCALE, history, date(2026, 1, 1), policy=keep).valid_through == date(2027, 1, 9)
    assert status(SCALE, history, date(2026, 1, 1)).valid_through == date(2026, 12, 19)
    narrow = Policy(early="keep_anchor", early_window_days=10)  # 20 days early: outside it
    assert status(SCALE, history, date(2026, 1, 1), policy=narrow).valid_through == date(
        2026, 12, 19
    )


def test_calibration_reason_names_the_interval() -> None:
    dmm = Instrument(id="C-1", name="数字多用表", interval=Term(months=12), regime="calibration")
    assert "校准间隔" in status(dmm, [passed(date(2026, 1, 1))], date(2026, 2, 1)).reason


def test_an_overdue_reason_says_what_the_instrument_needs() -> None:
    """Regression: every overdue reason said "must not be used until verified (计量法 art. 9)",
    also for a fixed-life meter (replaced at end of life, 到期轮换) and a calibrated one."""
    meter = Instrument(id="W-1", name="水表", scheme="fixed_life", interval=Term(years=6))
    late = status(meter, [passed(date(2020, 5, 1))], date(2026, 6, 1))
    assert late.state is S.OVERDUE
    assert "must be replaced (到期轮换)" in late.reason
    assert "verified" not in late.reason.split(";")[-1]
    dmm = Instrument(id="C-1", name="数字多用表", interval=Term(months=12), regime="calibration")
    late = status(dmm, [passed(date(2025, 1, 1))], date(2026, 6, 1))
    assert late.state is S.OVERDUE
    assert late.reason.endswith("recalibrate before further use (校准间隔已过).")
    scale = status(SCALE, [passed(date(2025, 1, 1))], date(2026, 6, 1))
    assert scale.reason.endswith("must not be used until verified (计量法 art. 9).")


# -- bad input -------------------------------------------------------------------------------


def test_records_after_as_of() -> None:
    with pytest.raises(InvalidInputError) as err:
        status(SCALE, [passed(date(2026, 1, 2))], date(2026, 1, 1))
    assert err.value.field == "records[0].on"


def test_records_out_of_order() -> None:
    with pytest.raises(InvalidInputError) as err:
        status(SCALE, [passed(date(2026, 1, 2)), passed(date(2026, 1, 1))], date(2026, 2, 1))
    assert err.value.field == "records[1].on"


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda: status(SCALE, [], datetime(2026, 1, 1, 8)), "as_of"),  # noqa: DTZ001
        (lambda: Verification(on=datetime(2026, 1, 1), outcome="pass"), "verification.on"),  # noqa: DTZ001
        (lambda: Verification(on=date(2026, 1, 1), outcome="ok"), "verification.outcome"),
        (
            lambda: Verification(on=date(2026, 1, 1), outcome="pass", as_found=-1),
            "verification.as_found",
        ),
        (lambda: status(SCALE, ["2026-01-01"], date(2026, 1, 2)), "records[0]"),
        (lambda: status(SCALE, "records", date(2026, 1, 2)), "records"),
        (lambda: status("JL-1", [], date(2026, 1, 2)), "instrument"),
        (lambda: status(SCALE, [], date(2026, 1, 2), policy={"grace_days": 3}), "policy"),
        (lambda: Instrument(id="", name="x", interval=Term(years=1)), "instrument.id"),
        (lambda: Instrument(id="x", name="x"), "instrument.interval"),
        (lambda: Instrument(id="x", name="x", interval=1), "instrument.interval"),
        (
            lambda: Instrument(id="x", name="x", interval=Term(years=1), usage_limit=0),
            "instrument.usage_limit",
        ),
        (lambda: Policy(warning_days=-1), "policy.warning_days"),
        (lambda: Policy(grace_days=True), "policy.grace_days"),
        (lambda: status(SCALE, [], date(2026, 1, 2), usage=-1.0), "usage"),
    ],
)
def test_bad_input_names_the_field(call: types.FunctionType, field: str) -> None:
    with pytest.raises(InvalidInputError) as err:
        call()
    assert err.value.field == field


def test_zero_term_is_refused() -> None:
    with pytest.raises(InvalidInputError):
        Instrument(id="x", name="x", interval=Term(days=0))


# -- ledgers ---------------------------------------------------------------------------------


def _ledger() -> list[tuple[Instrument, list[Verification]]]:
    rows: list[tuple[Instrument, list[Verification]]] = []
    for i, day in enumerate([date(2025, 1, 15), date(2025, 12, 20), date(2025, 6, 1), None]):
        instrument = Instrument(id=f"S-{i}", name="秤", interval=Term(years=1))
        rows.append((instrument, [] if day is None else [passed(day)]))
    fail = Verification(on=date(2025, 9, 1), outcome="fail")
    rows.append((Instrument(id="S-9", name="秤", interval=Term(years=1)), [fail]))
    return rows


def test_statuses_stream_and_due_report_order() -> None:
    stream = statuses(_ledger(), date(2026, 1, 20))
    assert isinstance(stream, types.GeneratorType)
    report = due_report(stream, within=200)
    # never verified and overdue first (by due date), then current within 200 days
    assert [s.id for s in report.due] == ["S-3", "S-0", "S-2"]
    summary = report.summary
    assert (summary.read, summary.never_verified, summary.overdue) == (5, 1, 1)
    assert (summary.current, summary.out_of_service, summary.rejected) == (2, 1, 0)
    assert due_report(statuses(_ledger(), date(2026, 1, 20)), rejected=2).summary.read == 7


def test_statuses_name_the_bad_row() -> None:
    rows = [*_ledger(), (SCALE, [passed(date(2027, 1, 1))])]
    with pytest.raises(InvalidInputError) as err:
        list(statuses(rows, date(2026, 1, 20)))
    assert err.value.field == "items[5].records[0].on"
    with pytest.raises(InvalidInputError) as err:
        list(statuses([SCALE], date(2026, 1, 20)))
    assert err.value.field == "items[0]"


# -- laws ------------------------------------------------------------------------------------

_DAYS = st.dates(min_value=date(1990, 1, 1), max_value=date(2060, 12, 31))


@given(terms(), _DAYS, _DAYS)
def test_valid_through_is_monotone_in_the_verification_day(term: Term, a: date, b: date) -> None:
    """A later verification never gives an earlier 有效期至."""
    instrument = Instrument(id="M", name="m", interval=term)
    first, second = sorted((a, b))
    vt1 = status(instrument, [passed(first)], second).valid_through
    vt2 = status(instrument, [passed(second)], second).valid_through
    assert vt1 is not None
    assert vt2 is not None
    assert vt1 <= vt2


@given(terms(), _DAYS)
def test_cached_period_end_is_the_periods_answer(term: Term, start: date) -> None:
    assert _period_end(start, term) == term.nominal_end(start, Convention.INCLUSIVE)


_ORDER = [S.CURRENT, S.DUE_SOON, S.GRACE, S.OVERDUE]


@settings(max_examples=60)
@given(instruments(), policies(), _DAYS)
def test_states_partition_time_in_order(
    instrument: Instrument, policy: Policy, verified: date
) -> None:
    """Day by day after a pass, the state only moves current -> due_soon -> grace -> overdue."""
    history = [passed(verified)]
    first = status(instrument, history, verified, policy=policy)
    if first.due is None:  # first-verification-only: current for ever
        assert first.state is S.CURRENT
        return
    last_index = 0
    end = first.due + timedelta(days=policy.grace_days + 3)
    day = max(verified, first.due - timedelta(days=120))
    while day <= end:
        st_ = status(instrument, history, day, policy=policy)
        index = _ORDER.index(st_.state)
        assert index >= last_index
        last_index = index
        day += timedelta(days=1)
    assert last_index == 3
