"""lot_result: from counts to the record the switching rules need (clause 9.3.3.2)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qsdomain.errors import InvalidInputError
from qsdomain.sampling import (
    InspectionStatus,
    Scheme,
    SingleSamplingPlan,
    SwitchingState,
    lot_result,
    plan,
)
from qsdomain.sampling import _gbt2828_1_2012 as gbt
from strategies import switching_histories


def test_single_plan_with_ac_of_2_or_more_reads_the_tighter_aql() -> None:
    """9.3.3.2 a) 1): +3 if the lot would have been accepted at the AQL one step tighter.
    Table 2-A, letter K: AQL 1.5 gives Ac = 5, one step tighter (1.0) gives Ac = 3."""
    chosen = plan("K", "1.5")
    assert plan("K", "1.0").acceptance_number == 3
    assert lot_result(chosen, [3]).accepted_at_tighter_aql is True
    assert lot_result(chosen, [4]).accepted_at_tighter_aql is False
    assert lot_result(chosen, [6]).accepted is False
    assert lot_result(chosen, [6]).accepted_at_tighter_aql is None


def test_small_acceptance_numbers_and_multi_stage_plans_need_no_tighter_plan() -> None:
    assert lot_result(plan("K", "0.40"), [1]).accepted_at_tighter_aql is None  # Ac = 1
    double = plan("K", "1.5", scheme="double")
    result = lot_result(double, [3, 2])
    assert (result.scheme, result.decided_at_stage, result.accepted) == (Scheme.DOUBLE, 2, True)


def test_counts_must_reach_a_decision() -> None:
    with pytest.raises(InvalidInputError, match="another sample") as info:
        lot_result(plan("K", "1.5", scheme="double"), [3])
    assert info.value.field == "counts"


def test_user_plans_need_the_tighter_answer_given_by_hand() -> None:
    with pytest.raises(InvalidInputError) as info:
        lot_result(SingleSamplingPlan(sample_size=125, acceptance_number=5), [1])
    assert info.value.field == "plan"


@given(st.sampled_from("DEFGHJKLMNPQR"), st.sampled_from(gbt.AQLS[:16]), st.data())
def test_accepted_at_the_tighter_aql_implies_accepted(
    letter: str, aql: str, data: st.DataObject
) -> None:
    chosen = plan(letter, aql)
    count = data.draw(st.integers(0, min(chosen.stages[0].sample_size, 30)))
    result = lot_result(chosen, [count])
    if result.accepted_at_tighter_aql:
        assert result.accepted


@given(switching_histories())
def test_histories_stay_consistent(state: SwitchingState) -> None:
    """Any history of lots inspected with the plan its severity asks for leaves a valid
    state; reduced inspection is only ever reached with the authority's approval."""
    if state.status is InspectionStatus.REDUCED:
        assert state.reduced_approved


def test_counts_may_come_from_a_generator() -> None:
    chosen = plan("K", "1.5", scheme="double")
    assert lot_result(chosen, (c for c in (3, 2))).decided_at_stage == 2
    with pytest.raises(InvalidInputError, match=r"got \(3,\)"):
        lot_result(chosen, (c for c in (3,)))
