"""Switching rules of GB/T 2828.1-2012 / ISO 2859-1:1999 clause 9 (转移规则).

Example tests walk each clause with a short history; property tests state the clause's laws
over random histories and compare the state machine with a naive model that re-reads the whole
history at every step.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Sequence

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qsdomain.errors import InvalidInputError
from qsdomain.sampling import (
    AuthorityRequiresNormal,
    CorrectiveActionAccepted,
    InspectionStatus,
    LotResult,
    ProductionIrregular,
    ReducedApproval,
    Scheme,
    Severity,
    SwitchingEvent,
    SwitchingState,
    Transition,
    apply,
    approve_reduced,
    authority_requires_normal,
    production_irregular,
    record,
    replay,
    resume_after_corrective_action,
)

NORMAL = InspectionStatus.NORMAL
TIGHTENED = InspectionStatus.TIGHTENED
REDUCED = InspectionStatus.REDUCED
DISCONTINUED = InspectionStatus.DISCONTINUED

# Lots of a single plan with Ac = 1: accepted ("A") adds 2 to the score, "R" is not accepted.
A = LotResult(accepted=True, acceptance_number=1)
R = LotResult(accepted=False, acceptance_number=1)
# Lots of a single plan with Ac = 2 that were accepted, and would (A3) or would not (A0) have
# been accepted at the AQL one step tighter.
A3 = LotResult(accepted=True, acceptance_number=2, accepted_at_tighter_aql=True)
A0 = LotResult(accepted=True, acceptance_number=2, accepted_at_tighter_aql=False)


def run(lots: Sequence[SwitchingEvent], state: SwitchingState | None = None) -> SwitchingState:
    """The state after ``lots``, starting from ``state`` (normal by default)."""
    states = replay(lots, start=state)
    return states[-1] if states else (state or SwitchingState.start())


def statuses(lots: Sequence[SwitchingEvent], state: SwitchingState | None = None) -> str:
    """One letter per step (N, T, R, D): the status after each event."""
    letter = {NORMAL: "N", TIGHTENED: "T", REDUCED: "R", DISCONTINUED: "D"}
    return "".join(letter[s.status] for s in replay(lots, start=state))


def reduced_state() -> SwitchingState:
    return SwitchingState.start(severity="reduced", reduced_approved=True)


def discontinued_state() -> SwitchingState:
    return run([R] * 5, SwitchingState.start(severity="tightened"))


# --- 9.1, 9.2: start and continuation ----------------------------------------------------------


def test_inspection_starts_on_normal():
    """9.1: normal inspection is used at the start unless the authority designates otherwise."""
    state = SwitchingState.start()
    assert state.status is NORMAL
    assert state.severity is Severity.NORMAL
    assert state.switching_score == 0
    assert state.last_transition is None
    assert not state.reduced_approved


def test_the_authority_may_designate_another_start():
    """9.1: '... unless otherwise designated by the responsible authority'."""
    assert SwitchingState.start(severity=Severity.TIGHTENED).status is TIGHTENED
    assert reduced_state().status is REDUCED


def test_starting_on_reduced_needs_the_authoritys_approval():
    """9.3.3.1 c): reduced inspection must be considered desirable by the authority."""
    with pytest.raises(InvalidInputError) as info:
        SwitchingState.start(severity="reduced")
    assert info.value.field == "switching_state.reduced_approved"


def test_severity_continues_unchanged_without_a_switching_rule():
    """9.2: the severity continues unchanged on successive lots unless a rule requires a change."""
    assert statuses([A, R, A, A, A, A, R, A]) == "N" * 8
    assert statuses([A, R, A, R], SwitchingState.start(severity="tightened")) == "TTTT"
    assert statuses([A] * 12, reduced_state()) == "R" * 12


# --- 9.3.1: normal -> tightened ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("history", "expected"),
    [
        ([R, R], "NT"),
        ([R, A, R], "NNT"),
        ([A, R, A, A, R], "NNNNT"),
        ([R, A, A, A, R], "NNNNT"),
        ([R, A, A, A, A, R], "NNNNNN"),
        ([A, A, A, A, A, R, A, A, A, A, R], "N" * 11),
        ([R, A, A, A, A, R, A, R], "NNNNNNNT"),
    ],
)
def test_two_not_accepted_within_five_consecutive_lots_tighten(history, expected):
    """9.3.1: tightened when 2 out of 5 or fewer consecutive lots are not accepted.

    The two lots not accepted must lie within one run of at most 5 consecutive lots, that is,
    at most 4 lots apart; the switch happens at the second of them.
    """
    assert statuses(history) == expected


def test_the_switch_to_tightened_names_its_window():
    """9.3.1: the transition records the clause and how many consecutive lots it covered."""
    state = run([A, R, A, A, R])
    assert state.last_transition == Transition(
        from_=NORMAL,
        to=TIGHTENED,
        clause="9.3.1",
        reason="2 out of 4 consecutive lots on original normal inspection were not accepted.",
    )
    assert state.tightened_accepted_run == 0
    assert state.tightened_not_accepted == 0


def test_resubmitted_lots_are_ignored_by_the_normal_to_tightened_rule():
    """9.3.1: 'on original inspection (i.e. ignoring resubmitted lots ...)'."""
    resubmitted = attrs.evolve(R, resubmitted=True)
    assert statuses([R, resubmitted, resubmitted, A, A, A]) == "NNNNNN"
    state = run([A, A, A, A])
    assert record(state, resubmitted) == state


def test_lots_before_normal_started_do_not_count_towards_tightening():
    """9.3.1 counts lots 'when normal inspection is in effect'.

    A lot not accepted on reduced inspection reinstates normal (9.3.4 a)); one more lot not
    accepted on normal is then only the first of the new window.
    """
    assert statuses([R, R], reduced_state()) == "NN"
    assert statuses([R, R, R], reduced_state()) == "NNT"


# --- 9.3.2: tightened -> normal ----------------------------------------------------------------


def test_five_consecutive_acceptances_on_tightened_reinstate_normal():
    """9.3.2: normal is reinstated when 5 consecutive lots are accepted on original inspection."""
    tightened = SwitchingState.start(severity="tightened")
    assert statuses([A] * 6, tightened) == "TTTTNN"
    state = run([A] * 5, tightened)
    assert state.last_transition is not None
    assert state.last_transition.clause == "9.3.2"
    assert state.switching_score == 0


def test_a_lot_not_accepted_breaks_the_run_of_acceptances():
    """9.3.2: the 5 accepted lots must be consecutive."""
    tightened = SwitchingState.start(severity="tightened")
    assert statuses([A, A, A, A, R, A, A, A, A, A], tightened) == "TTTTTTTTTN"


def test_resubmitted_lots_do_not_break_or_extend_the_run():
    """9.3.2 counts lots 'on original inspection'; re-submitted lots are not original."""
    tightened = SwitchingState.start(severity="tightened")
    resubmitted = attrs.evolve(R, resubmitted=True)
    assert statuses([A, A, resubmitted, A, A, attrs.evolve(A, resubmitted=True), A], tightened) == (
        "TTTTTTN"
    )


# --- 9.3.3.2: the switching score --------------------------------------------------------------


def scores(lots: Sequence[LotResult]) -> list[int]:
    return [s.switching_score for s in replay(lots)]


def test_single_plan_ac_2_or_more_adds_3_when_accepted_at_the_tighter_aql():
    """9.3.3.2 a) 1): Ac >= 2: add 3 if the lot would have been accepted one AQL step tighter."""
    assert scores([A3, A3, A3]) == [3, 6, 9]


def test_single_plan_ac_2_or_more_resets_when_only_accepted_at_the_aql():
    """9.3.3.2 a) 1): '... otherwise reset the switching score to zero'."""
    assert scores([A3, A3, A0, A3]) == [3, 6, 0, 3]


def test_single_plan_ac_2_or_more_resets_when_not_accepted():
    """9.3.3.2 a) 1): a lot not accepted resets the score."""
    not_accepted = LotResult(accepted=False, acceptance_number=5)
    assert scores([A3, A3, not_accepted]) == [3, 6, 0]


def test_single_plan_ac_0_or_1_adds_2_when_accepted():
    """9.3.3.2 a) 2): Ac 0 or 1: add 2 if the lot is accepted, otherwise reset to zero."""
    ac0 = LotResult(accepted=True, acceptance_number=0)
    assert scores([A, ac0, A, R, ac0]) == [2, 4, 6, 0, 2]


@pytest.mark.parametrize(
    ("stage", "expected"),
    [(1, [3, 6]), (2, [3, 0])],
)
def test_double_plan_adds_3_only_when_accepted_after_the_first_sample(stage, expected):
    """9.3.3.2 b) 1): double sampling: add 3 if accepted after the first sample, else reset."""
    first = LotResult(accepted=True, scheme="double", decided_at_stage=1)
    assert scores([first, LotResult(accepted=True, scheme="double", decided_at_stage=stage)]) == (
        expected
    )


@pytest.mark.parametrize(
    ("stage", "expected"),
    [(1, [3, 6]), (2, [3, 6]), (3, [3, 6]), (4, [3, 0]), (5, [3, 0])],
)
def test_multiple_plan_adds_3_only_when_accepted_by_the_third_sample(stage, expected):
    """9.3.3.2 b) 2): multiple sampling: add 3 if accepted by the third sample, else reset."""
    first = LotResult(accepted=True, scheme="multiple", decided_at_stage=2)
    lot = LotResult(accepted=True, scheme="multiple", decided_at_stage=stage)
    assert scores([first, lot]) == expected


def test_a_multiple_plan_lot_not_accepted_early_still_resets():
    """9.3.3.2 b) 2): only acceptance scores; non-acceptance at stage 2 resets."""
    early_reject = LotResult(accepted=False, scheme="multiple", decided_at_stage=2)
    first = LotResult(accepted=True, scheme="multiple", decided_at_stage=1)
    assert scores([first, early_reject]) == [3, 0]


def test_the_score_restarts_at_zero_whenever_normal_inspection_starts():
    """9.3.3.2: the score is set at zero at the start of normal inspection."""
    from_tightened = run([A] * 5, SwitchingState.start(severity="tightened"))
    from_reduced = run([R], reduced_state())
    assert from_tightened.switching_score == from_reduced.switching_score == 0
    assert record(from_tightened, A).switching_score == 2


def test_the_score_needs_to_know_the_tighter_aql_result_only_on_normal():
    """9.3.3.2 a) 1): the question 'accepted one step tighter?' is asked on normal only."""
    lot = LotResult(accepted=True, acceptance_number=3)
    with pytest.raises(InvalidInputError) as info:
        record(SwitchingState.start(), lot)
    assert info.value.field == "lot.accepted_at_tighter_aql"
    assert record(SwitchingState.start(severity="tightened"), lot).tightened_accepted_run == 1
    assert record(reduced_state(), lot).status is REDUCED


# --- 9.3.3.1: normal -> reduced ----------------------------------------------------------------


def test_a_score_of_exactly_30_switches_with_steady_production_and_approval():
    """9.3.3.1: reduced when the score is at least 30 AND production steady AND approved."""
    approved = SwitchingState.start(reduced_approved=True)
    assert statuses([A3] * 10, approved) == "N" * 9 + "R"
    state = run([A3] * 10, approved)
    assert state.last_transition is not None
    assert state.last_transition.clause == "9.3.3.1"
    assert "30" in state.last_transition.reason
    assert run([A3] * 9, approved).switching_score == 27


def test_a_score_of_29_is_not_enough():
    """9.3.3.1 a): 'at least 30'; mixing +3 and +2 lots can stop just below it."""
    approved = SwitchingState.start(reduced_approved=True)
    state = run([*[A3] * 9, A], approved)
    assert (state.status, state.switching_score) == (NORMAL, 29)
    state = record(state, A)
    assert state.status is REDUCED
    assert state.last_transition is not None
    assert "31" in state.last_transition.reason


def test_a_score_of_30_without_approval_stays_normal():
    """9.3.3.1 c): without the authority's approval the score alone does not switch."""
    state = run([A3] * 11)
    assert state.status is NORMAL
    assert state.switching_score == 33


def test_a_score_of_30_without_steady_production_stays_normal():
    """9.3.3.1 b): production must be at a steady rate."""
    irregular = attrs.evolve(A3, production_steady=False)
    state = run([*[A3] * 9, irregular], SwitchingState.start(reduced_approved=True))
    assert state.status is NORMAL
    assert state.switching_score == 30
    assert not state.production_steady
    assert record(state, A3).status is REDUCED


def test_approval_granted_after_the_score_reached_30_switches_at_once():
    """9.3.3.1: once all three conditions hold, reduced inspection is implemented."""
    state = approve_reduced(run([A3] * 11), approved=True)
    assert state.status is REDUCED
    assert state.last_transition is not None
    assert state.last_transition.clause == "9.3.3.1"


def test_approval_below_30_is_kept_for_later():
    """9.3.3.1 a): the score must reach 30; the approval stands until then."""
    state = approve_reduced(run([A3] * 3), approved=True)
    assert state.status is NORMAL
    assert state.reduced_approved
    assert run([A3] * 7, state).status is REDUCED


def test_a_lot_not_accepted_resets_the_score_so_reduced_moves_away():
    """9.3.3.2: reset on non-acceptance; 9.3.3.1 then needs 30 points again."""
    approved = SwitchingState.start(reduced_approved=True)
    state = run([*[A3] * 9, A0], approved)
    assert state.switching_score == 0
    assert statuses([A3] * 10, state) == "N" * 9 + "R"


# --- 9.3.4: reduced -> normal ------------------------------------------------------------------


def test_a_lot_not_accepted_on_reduced_reinstates_normal():
    """9.3.4 a): 'a lot is not accepted'."""
    state = record(reduced_state(), R)
    assert state.status is NORMAL
    assert state.last_transition is not None
    assert state.last_transition.clause == "9.3.4 a)"


def test_a_lot_with_irregular_production_on_reduced_reinstates_normal():
    """9.3.4 b): 'production becomes irregular or delayed'."""
    state = record(reduced_state(), attrs.evolve(A, production_steady=False))
    assert state.status is NORMAL
    assert state.last_transition is not None
    assert state.last_transition.clause == "9.3.4 b)"
    assert not state.production_steady


def test_irregular_production_reported_between_lots_reinstates_normal():
    """9.3.4 b): the event form, without a lot."""
    state = production_irregular(reduced_state())
    assert state.status is NORMAL
    assert state.last_transition is not None
    assert state.last_transition.clause == "9.3.4 b)"


def test_irregular_production_off_reduced_only_blocks_reduced():
    """9.3.3.1 b): on normal or tightened, irregular production changes no severity."""
    assert production_irregular(SwitchingState.start()).status is NORMAL
    assert not production_irregular(SwitchingState.start()).production_steady
    tightened = SwitchingState.start(severity="tightened")
    assert production_irregular(tightened).status is TIGHTENED


def test_other_conditions_reinstate_normal():
    """9.3.4 c): 'other conditions warrant that normal inspection shall be reinstated'."""
    state = authority_requires_normal(reduced_state())
    assert state.status is NORMAL
    assert state.last_transition is not None
    assert state.last_transition.clause == "9.3.4 c)"
    assert state.reduced_approved  # the standing approval is not withdrawn by this


def test_withdrawing_approval_on_reduced_reinstates_normal():
    """9.3.4 c) with 9.3.3.1 c): reduced is no longer considered desirable."""
    state = approve_reduced(reduced_state(), approved=False)
    assert state.status is NORMAL
    assert not state.reduced_approved
    assert state.last_transition is not None
    assert state.last_transition.clause == "9.3.4 c)"


@pytest.mark.parametrize(
    "state", [SwitchingState.start(), SwitchingState.start(severity="tightened")]
)
def test_other_conditions_apply_only_to_reduced(state):
    """9.3.4 c) reinstates normal from reduced; it is no way out of tightened (9.3.2 is)."""
    with pytest.raises(InvalidInputError) as info:
        authority_requires_normal(state)
    assert info.value.field == "state.status"


# --- 9.4: discontinuation ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "history",
    [
        [R] * 5,
        [R, A, R, A, R, A, R, A, R],
        [R, A, A, A, A, R, A, A, A, A, R, A, A, A, A, R, A, A, A, A, R],
    ],
)
def test_five_lots_not_accepted_on_tightened_discontinue(history):
    """9.4: the cumulative number of lots not accepted on tightened reaches 5.

    Cumulative, not consecutive: acceptances in between do not reset the count as long as no
    run of 5 acceptances returns the scheme to normal (9.3.2).
    """
    states = replay(history, start=SwitchingState.start(severity="tightened"))
    assert [s.status for s in states[:-1]] == [TIGHTENED] * (len(history) - 1)
    assert states[-1].status is DISCONTINUED
    assert states[-1].severity is Severity.TIGHTENED
    assert states[-1].last_transition is not None
    assert states[-1].last_transition.clause == "9.4"


def test_the_count_restarts_with_each_spell_of_tightened_inspection():
    """9.4 counts lots 'in a sequence of consecutive lots on original tightened inspection'."""
    history = [R, R, R, R, A, A, A, A, A, R, R, R, R, R]
    assert statuses(history, SwitchingState.start(severity="tightened")) == "TTTTTTTTNNTTTT"


def test_no_lot_can_be_recorded_while_discontinued():
    """9.4: acceptance procedures are discontinued; recording a lot is refused, not ignored."""
    state = discontinued_state()
    for lot in (A, R, attrs.evolve(R, resubmitted=True)):
        with pytest.raises(InvalidInputError) as info:
            record(state, lot)
        assert info.value.field == "state.status"


def test_other_events_while_discontinued_do_not_resume():
    """9.4: only the supplier's accepted corrective action resumes inspection."""
    state = discontinued_state()
    for event in (ProductionIrregular(), ReducedApproval(approved=True)):
        assert apply(state, event).status is DISCONTINUED
    with pytest.raises(InvalidInputError):
        authority_requires_normal(state)


def test_resuming_uses_tightened_inspection_as_if_9_3_1_had_been_invoked():
    """9.4: 'Tightened inspection shall then be used as if 9.3.1 had been invoked'."""
    state = resume_after_corrective_action(discontinued_state())
    assert state.status is TIGHTENED
    assert not state.discontinued
    assert state.tightened_not_accepted == 0
    assert state.tightened_accepted_run == 0
    assert state.last_transition is not None
    assert (state.last_transition.from_, state.last_transition.clause) == (DISCONTINUED, "9.4")
    assert statuses([R] * 4, state) == "TTTT"
    assert statuses([A] * 5, state) == "TTTTN"


@pytest.mark.parametrize(
    "state", [SwitchingState.start(), SwitchingState.start(severity="tightened")]
)
def test_only_a_discontinued_state_can_resume(state):
    """9.4: resumption ends a discontinuation and nothing else."""
    with pytest.raises(InvalidInputError) as info:
        resume_after_corrective_action(state)
    assert info.value.field == "state.status"


# --- Values valid from birth -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"accepted": 1, "acceptance_number": 1}, "accepted"),
        ({"accepted": True}, "acceptance_number"),
        ({"accepted": True, "acceptance_number": -1}, "acceptance_number"),
        ({"accepted": True, "acceptance_number": True}, "acceptance_number"),
        ({"accepted": True, "scheme": "double", "acceptance_number": 1}, "acceptance_number"),
        ({"accepted": True, "scheme": "triple"}, "scheme"),
        ({"accepted": True, "acceptance_number": 1, "decided_at_stage": 2}, "decided_at_stage"),
        ({"accepted": True, "scheme": "double", "decided_at_stage": 3}, "decided_at_stage"),
        ({"accepted": True, "scheme": "multiple", "decided_at_stage": 6}, "decided_at_stage"),
        ({"accepted": True, "scheme": "multiple", "decided_at_stage": 0}, "decided_at_stage"),
        (
            {"accepted": False, "acceptance_number": 2, "accepted_at_tighter_aql": True},
            "accepted_at_tighter_aql",
        ),
        (
            {"accepted": True, "acceptance_number": 1, "accepted_at_tighter_aql": True},
            "accepted_at_tighter_aql",
        ),
        (
            {"accepted": True, "scheme": "double", "accepted_at_tighter_aql": False},
            "accepted_at_tighter_aql",
        ),
        (
            {"accepted": True, "acceptance_number": 2, "accepted_at_tighter_aql": 1},
            "accepted_at_tighter_aql",
        ),
        (
            {"accepted": True, "acceptance_number": 1, "production_steady": None},
            "production_steady",
        ),
        ({"accepted": True, "acceptance_number": 1, "resubmitted": "no"}, "resubmitted"),
    ],
)
def test_an_inconsistent_lot_result_cannot_be_built(kwargs, field):
    """A LotResult is valid from birth; the error names the offending field."""
    with pytest.raises(InvalidInputError) as info:
        LotResult(**kwargs)
    assert info.value.field == f"lot_result.{field}"
    assert isinstance(info.value, ValueError)


def test_a_lot_not_accepted_may_state_it_would_fail_the_tighter_aql_too():
    """Giving False for a lot not accepted is consistent; True is not (tested above)."""
    lot = LotResult(accepted=False, acceptance_number=2, accepted_at_tighter_aql=False)
    assert record(run([A3]), lot).switching_score == 0


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"severity": "loose"}, "severity"),
        ({"discontinued": True}, "severity"),
        ({"severity": "tightened", "discontinued": True}, "tightened_not_accepted"),
        ({"severity": "tightened", "tightened_not_accepted": 5}, "tightened_not_accepted"),
        ({"severity": "tightened", "tightened_not_accepted": 6}, "tightened_not_accepted"),
        ({"severity": "tightened", "tightened_accepted_run": 5}, "tightened_accepted_run"),
        ({"tightened_accepted_run": 1}, "tightened_accepted_run"),
        ({"tightened_not_accepted": 1}, "tightened_not_accepted"),
        ({"switching_score": -2}, "switching_score"),
        ({"switching_score": 2.0}, "switching_score"),
        ({"severity": "tightened", "switching_score": 3}, "switching_score"),
        ({"recent_normal_results": (False, True, False)}, "recent_normal_results"),
        ({"recent_normal_results": (True,) * 5}, "recent_normal_results"),
        ({"recent_normal_results": "TF"}, "recent_normal_results"),  # a str is never a list
        ({"severity": "reduced", "recent_normal_results": ()}, "reduced_approved"),
        (
            {"severity": "reduced", "reduced_approved": True, "production_steady": False},
            "production_steady",
        ),
        ({"severity": "tightened", "recent_normal_results": (True,)}, "recent_normal_results"),
        ({"switching_score": 30, "reduced_approved": True}, "severity"),
        ({"reduced_approved": "yes"}, "reduced_approved"),
        ({"last_transition": "9.3.1"}, "last_transition"),
        (
            {
                "last_transition": Transition(
                    from_="normal", to="tightened", clause="9.3.1", reason="Two lots."
                )
            },
            "last_transition.to",
        ),
    ],
)
def test_an_inconsistent_state_cannot_be_built(kwargs, field):
    """A SwitchingState is valid from birth: its fields agree with a history clause 9 allows."""
    with pytest.raises(InvalidInputError) as info:
        SwitchingState(**kwargs)
    assert info.value.field == f"switching_state.{field}"


@pytest.mark.parametrize(
    ("from_", "to", "clause"),
    [
        ("normal", "tightened", "9.3.2"),
        ("reduced", "tightened", "9.3.1"),
        ("tightened", "reduced", "9.3.3.1"),
        ("discontinued", "normal", "9.4"),
        ("normal", "discontinued", "9.4"),
        ("normal", "normal", "9.2"),
    ],
)
def test_a_transition_the_standard_does_not_provide_cannot_be_built(from_, to, clause):
    """Only the switches of clause 9 (Figure 1) exist, each with its own clause."""
    with pytest.raises(InvalidInputError) as info:
        Transition(from_=from_, to=to, clause=clause, reason="Something happened.")
    assert info.value.field == "transition.clause"


def test_a_transition_needs_a_reason():
    with pytest.raises(InvalidInputError) as info:
        Transition(from_="normal", to="tightened", clause="9.3.1", reason=" ")
    assert info.value.field == "transition.reason"


def test_apply_refuses_what_is_not_an_event():
    with pytest.raises(InvalidInputError) as info:
        apply(SwitchingState.start(), "accepted")  # type: ignore[arg-type]
    assert info.value.field == "event"
    with pytest.raises(InvalidInputError):
        record(SwitchingState.start(), ReducedApproval(approved=True))  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError) as info:
        approve_reduced(SwitchingState.start(), 1)  # type: ignore[arg-type]
    assert info.value.field == "approved"


def test_states_are_frozen_values():
    state = run([A, A])
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        state.switching_score = 30  # type: ignore[misc]
    assert state == run([A, A])
    assert hash(state) == hash(run([A, A]))


# --- Laws over random histories ----------------------------------------------------------------


@st.composite
def lot_results(draw: st.DrawFn, accept_in_ten: int) -> LotResult:
    """A valid LotResult from a supplier whose lots pass about ``accept_in_ten`` times in ten.

    A lot that passes usually passes well (first sample, or also at the tighter AQL), so a
    good supplier builds up the switching score and reaches reduced inspection.
    """
    accepted = draw(st.integers(0, 9)) < accept_in_ten
    well = accepted and draw(st.integers(0, 9)) < 9
    scheme = draw(st.sampled_from(Scheme))
    steady = draw(st.integers(0, 39)) > 0
    resubmitted = draw(st.integers(0, 19)) == 0
    if scheme is Scheme.SINGLE:
        ac = draw(st.integers(0, 5))
        tighter: bool | None = None
        if ac >= 2 and accepted:
            tighter = well
        elif ac >= 2:
            tighter = draw(st.sampled_from([None, False]))
        return LotResult(
            accepted=accepted,
            acceptance_number=ac,
            accepted_at_tighter_aql=tighter,
            production_steady=steady,
            resubmitted=resubmitted,
        )
    last = 2 if scheme is Scheme.DOUBLE else 5
    stage = 1 if well else draw(st.integers(1, last))
    return LotResult(
        accepted=accepted,
        scheme=scheme,
        decided_at_stage=stage,
        production_steady=steady,
        resubmitted=resubmitted,
    )


@st.composite
def histories(draw: st.DrawFn) -> tuple[SwitchingState, list[SwitchingEvent]]:
    """A start state and up to 160 events, mostly lots, in phases of different quality."""
    start = draw(
        st.sampled_from(
            [
                SwitchingState.start(),
                SwitchingState.start(reduced_approved=True),
                SwitchingState.start(reduced_approved=True),
                SwitchingState.start(severity="tightened"),
                SwitchingState.start(severity="reduced", reduced_approved=True),
            ]
        )
    )
    other: st.SearchStrategy[SwitchingEvent] = st.one_of(
        st.just(ProductionIrregular()),
        st.just(AuthorityRequiresNormal()),
        st.builds(ReducedApproval, approved=st.booleans()),
        st.just(CorrectiveActionAccepted()),
    )
    events: list[SwitchingEvent] = []
    # The supplier's quality changes between phases; each phase is long enough for the
    # switching rules to act (the switching score needs 10 to 15 good lots).
    for _ in range(draw(st.integers(0, 4))):
        accept_in_ten = draw(st.sampled_from([4, 7, 8, 9, 10, 10]))
        length = draw(st.integers(1, 40))
        event = st.integers(0, 24).flatmap(
            lambda k, q=accept_in_ten: other if k == 0 else lot_results(q)
        )
        events += draw(st.lists(event, min_size=length, max_size=length))
    return start, events


def step(state: SwitchingState, event: SwitchingEvent) -> tuple[SwitchingState, bool]:
    """Apply ``event``; an event the state refuses leaves it unchanged (and says so)."""
    try:
        return apply(state, event), False
    except InvalidInputError:
        return state, True


def walk(
    start: SwitchingState, events: Sequence[SwitchingEvent]
) -> list[tuple[SwitchingState, SwitchingEvent, SwitchingState, bool]]:
    out = []
    state = start
    for event in events:
        new, refused = step(state, event)
        out.append((state, event, new, refused))
        state = new
    return out


@dataclasses.dataclass
class Model:
    """A naive reading of clause 9 that keeps every lot since the current severity started."""

    status: InspectionStatus
    approved: bool
    steady: bool = True
    score: int = 0
    normal_lots: list[bool] = dataclasses.field(default_factory=list)
    tightened_lots: list[bool] = dataclasses.field(default_factory=list)

    def enter(self, status: InspectionStatus) -> None:
        self.status = status
        self.score = 0
        self.normal_lots = []
        self.tightened_lots = []


def points(lot: LotResult) -> int | None:
    """9.3.3.2 as a table: points to add, or None to reset."""
    if lot.scheme is Scheme.SINGLE:
        assert lot.acceptance_number is not None
        if lot.acceptance_number >= 2:
            return 3 if lot.accepted and lot.accepted_at_tighter_aql else None
        return 2 if lot.accepted else None
    scoring_stages = {Scheme.DOUBLE: (1,), Scheme.MULTIPLE: (1, 2, 3)}[lot.scheme]
    return 3 if lot.accepted and lot.decided_at_stage in scoring_stages else None


def two_within_five(lots: list[bool]) -> bool:
    """Some run of at most 5 consecutive lots holds two that were not accepted (9.3.1)."""
    bad = [i for i, ok in enumerate(lots) if not ok]
    return any(j - i <= 4 for i, j in itertools.pairwise(bad))


def model_step(m: Model, event: SwitchingEvent) -> tuple[str | None, bool]:  # noqa: PLR0911, PLR0912
    """Advance the model; return (clause of the switch or None, refused)."""
    if isinstance(event, LotResult):
        if m.status is DISCONTINUED:
            return None, True
        if event.resubmitted:
            return None, False
        m.steady = event.production_steady
        if m.status is NORMAL:
            m.normal_lots.append(event.accepted)
            pts = points(event)
            m.score = 0 if pts is None else m.score + pts
            if two_within_five(m.normal_lots):
                m.enter(TIGHTENED)
                return "9.3.1", False
            if m.score >= 30 and m.steady and m.approved:
                m.enter(REDUCED)
                return "9.3.3.1", False
            return None, False
        if m.status is TIGHTENED:
            m.tightened_lots.append(event.accepted)
            if m.tightened_lots[-5:] == [True] * 5:
                m.enter(NORMAL)
                return "9.3.2", False
            if m.tightened_lots.count(False) == 5:
                m.enter(DISCONTINUED)
                return "9.4", False
            return None, False
        if not event.accepted:
            m.enter(NORMAL)
            return "9.3.4 a)", False
        if not event.production_steady:
            m.enter(NORMAL)
            return "9.3.4 b)", False
        return None, False
    if isinstance(event, ProductionIrregular):
        m.steady = False
        if m.status is REDUCED:
            m.enter(NORMAL)
            return "9.3.4 b)", False
        return None, False
    if isinstance(event, AuthorityRequiresNormal):
        if m.status is not REDUCED:
            return None, True
        m.enter(NORMAL)
        return "9.3.4 c)", False
    if isinstance(event, ReducedApproval):
        m.approved = event.approved
        if m.status is REDUCED and not event.approved:
            m.enter(NORMAL)
            return "9.3.4 c)", False
        if m.status is NORMAL and event.approved and m.score >= 30 and m.steady:
            m.enter(REDUCED)
            return "9.3.3.1", False
        return None, False
    if m.status is not DISCONTINUED:
        return None, True
    m.enter(TIGHTENED)
    return "9.4", False


@settings(max_examples=100)
@given(histories())
def test_the_state_machine_agrees_with_a_naive_reading_of_clause_9(history):
    """Every step equals a model that re-reads all lots since the current severity started."""
    start, events = history
    m = Model(status=start.status, approved=start.reduced_approved)
    for before, event, after, refused in walk(start, events):
        clause, model_refused = model_step(m, event)
        assert refused == model_refused, (before, event)
        assert after.status is m.status, (before, event)
        assert after.switching_score == m.score, (before, event)
        assert after.reduced_approved == m.approved
        assert after.production_steady == m.steady
        if not refused:
            got = None if after.last_transition is None else after.last_transition.clause
            assert got == clause, (before, event)


@given(histories())
def test_discontinued_is_left_only_by_the_explicit_resume(history):
    """9.4: once discontinued, only CorrectiveActionAccepted resumes; lots are refused."""
    start, events = history
    for before, event, after, refused in walk(start, events):
        if before.status is DISCONTINUED:
            if isinstance(event, CorrectiveActionAccepted):
                assert after.status is TIGHTENED
            else:
                assert after.status is DISCONTINUED
                assert refused == isinstance(event, (LotResult, AuthorityRequiresNormal))


@given(histories())
def test_reduced_is_reached_only_with_score_30_steady_production_and_approval(history):
    """9.3.3.1: every switch to reduced comes from normal with all three conditions met."""
    start, events = history
    for before, event, after, _ in walk(start, events):
        if after.status is REDUCED and before.status is not REDUCED:
            assert before.status is NORMAL
            assert after.reduced_approved
            assert after.production_steady
            assert after.last_transition is not None
            assert after.last_transition.clause == "9.3.3.1"
            if isinstance(event, LotResult):
                pts = points(event)
                assert pts is not None
                assert before.switching_score + pts >= 30
            else:
                assert event == ReducedApproval(approved=True)
                assert before.switching_score >= 30


@given(histories())
def test_tightened_returns_to_normal_exactly_at_the_fifth_consecutive_acceptance(history):
    """9.3.2: the switch happens exactly when the run of original acceptances reaches 5."""
    start, events = history
    run_length = 0
    for before, event, after, _ in walk(start, events):
        if before.status is not TIGHTENED:
            run_length = 0
            continue
        if isinstance(event, LotResult) and not event.resubmitted:
            run_length = run_length + 1 if event.accepted else 0
        left_for_normal = after.status is NORMAL
        assert left_for_normal == (run_length == 5)
        if after.status is not TIGHTENED:
            run_length = 0


@given(histories())
def test_five_not_accepted_on_tightened_always_discontinue(history):
    """9.4: the cumulative count of lots not accepted on tightened reaching 5 discontinues."""
    start, events = history
    count = 0
    for before, event, after, _ in walk(start, events):
        if before.status is not TIGHTENED:
            count = 0
            continue
        if isinstance(event, LotResult) and not event.resubmitted and not event.accepted:
            count += 1
        assert (after.status is DISCONTINUED) == (count == 5)
        if after.status is not TIGHTENED:
            count = 0


@given(histories())
def test_switching_score_laws(history):
    """9.3.3.2: the score lives on normal only, moves by +2, +3 or back to 0, and is never 1."""
    start, events = history
    for before, event, after, refused in walk(start, events):
        assert after.switching_score >= 0
        assert after.switching_score != 1
        if after.status is not NORMAL:
            assert after.switching_score == 0
        if refused or before.status is not NORMAL or after.status is not NORMAL:
            continue
        if isinstance(event, LotResult) and not event.resubmitted:
            change = after.switching_score - before.switching_score
            assert change in (2, 3) or after.switching_score == 0
            if not event.accepted:
                assert after.switching_score == 0
        else:
            assert after.switching_score == before.switching_score


@given(histories())
def test_every_status_change_carries_its_transition(history):
    """A status changes exactly when a Transition from the old to the new status is recorded."""
    start, events = history
    for before, _, after, refused in walk(start, events):
        if refused:
            continue
        if after.status is before.status:
            assert after.last_transition is None
        else:
            assert after.last_transition is not None
            assert after.last_transition.from_ is before.status
            assert after.last_transition.to is after.status


@given(histories())
def test_resubmitted_lots_change_nothing(history):
    """9.3.1: re-submitted lots are ignored by every switching rule."""
    start, events = history
    for before, event, after, refused in walk(start, events):
        if isinstance(event, LotResult) and event.resubmitted and not refused:
            assert after == attrs.evolve(before, last_transition=None)


@given(histories())
def test_replay_equals_the_fold_of_apply(history):
    """replay(events) is the sequence of states folding apply over events."""
    start, events = history
    states = [after for _, _, after, refused in walk(start, events)]
    refusals = [refused for _, _, _, refused in walk(start, events)]
    if any(refusals):
        first = refusals.index(True)
        with pytest.raises(InvalidInputError):
            replay(events, start=start)
        assert replay(events[:first], start=start) == tuple(states[:first])
    else:
        assert replay(events, start=start) == tuple(states)
        state = start
        for event, expected in zip(events, states, strict=True):
            state = state.apply(event)
            assert state == expected


def test_replay_of_nothing_is_empty_and_starts_on_normal_by_default():
    assert replay([]) == ()
    assert replay([A])[0] == record(SwitchingState.start(), A)
