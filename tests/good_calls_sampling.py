"""Good calls of the sampling family's public callables."""

from __future__ import annotations

import attrs

from good_calls import Call
from qsdomain import sampling as s

PLAN_K = s.plan("K", "1.5")
DOUBLE_K = s.plan("K", "1.5", scheme="double")
LOT_PLAN = s.plan_for(2000, "1.5")

START = s.SwitchingState.start()
REDUCED = s.SwitchingState.start(severity="reduced", reduced_approved=True)
LOT = s.lot_result(PLAN_K, [3])
LINE = s.line_status([s.Lot("L1", 2000, "1.5", 6), s.Lot("L2", 2000, "1.5", 6)])

GOOD_CALLS: dict[str, Call] = {
    # sampling: switching as functions
    "sampling.apply": Call(s.apply, (START, s.ReducedApproval(True))),
    "sampling.record": Call(s.record, (START, LOT)),
    "sampling.replay": Call(s.replay, ([LOT, s.ProductionIrregular()],), {"start": START}),
    "sampling.approve_reduced": Call(s.approve_reduced, (START, True)),
    "sampling.authority_requires_normal": Call(s.authority_requires_normal, (REDUCED,)),
    "sampling.production_irregular": Call(s.production_irregular, (REDUCED,)),
    "sampling.resume_after_corrective_action": Call(
        s.resume_after_corrective_action,
        (s.SwitchingState(severity="tightened", discontinued=True, tightened_not_accepted=5),),
    ),
    # sampling: product lines
    "sampling.Lot": Call(s.Lot, ("L1", 2000, "1.5", 3), {"level": "II"}),
    "sampling.line_status": Call(
        s.line_status, ([s.Lot("L1", 2000, "1.5", 3)],), {"start": START, "rejects": None}
    ),
    "sampling.LotOutcome": Call(
        s.LotOutcome,
        (),
        {f.name: getattr(LINE.lots[1], f.name) for f in attrs.fields(s.LotOutcome)},
    ),
    "sampling.LineStatus": Call(s.LineStatus, (LINE.lots, LINE.state)),
    # sampling: look-up
    "sampling.code_letter": Call(s.code_letter, (2000,), {"level": "II"}),
    "sampling.normalize_aql": Call(s.normalize_aql, ("1.5",)),
    "sampling.plan": Call(s.plan, ("K", "1.5"), {"severity": "normal", "scheme": "single"}),
    "sampling.plan_for": Call(
        s.plan_for, (2000, "1.5"), {"level": "II", "severity": "normal", "scheme": "single"}
    ),
    "sampling.table_source": Call(s.table_source, (PLAN_K,)),
    "sampling.LotPlan": Call(
        s.LotPlan, (), {f.name: getattr(LOT_PLAN, f.name) for f in attrs.fields(s.LotPlan)}
    ),
    "sampling.TableSource": Call(s.TableSource, ("2-A", False, ())),
    # sampling: plans
    "sampling.Stage": Call(s.Stage, (125, 5, 6)),
    "sampling.SingleSamplingPlan": Call(s.SingleSamplingPlan, (125, 5)),
    "sampling.DoubleSamplingPlan": Call(s.DoubleSamplingPlan, (DOUBLE_K.stages,)),
    "sampling.MultipleSamplingPlan": Call(
        s.MultipleSamplingPlan, (s.plan("K", "1.5", scheme="multiple").stages,)
    ),
    "sampling.StageDecision": Call(s.StageDecision, (s.Decision.ACCEPT, 1, 0, 125)),
    "sampling.probability_of_acceptance": Call(
        s.probability_of_acceptance, (PLAN_K, 0.02), {"model": "binomial"}
    ),
    "plan.decide": Call(PLAN_K.decide, ([3],)),
    "plan.probability_of_acceptance": Call(PLAN_K.probability_of_acceptance, (0.02,)),
    "plan.oc_curve": Call(PLAN_K.oc_curve, ([0.01, 0.02],)),
    "plan.average_sample_number": Call(DOUBLE_K.average_sample_number, (0.02,)),
    "plan.average_outgoing_quality": Call(
        PLAN_K.average_outgoing_quality, (0.02,), {"lot_size": 2000}
    ),
    "plan.average_total_inspection": Call(
        PLAN_K.average_total_inspection, (0.02,), {"lot_size": 2000}
    ),
    "plan.average_outgoing_quality_limit": Call(
        PLAN_K.average_outgoing_quality_limit, (), {"lot_size": 2000}
    ),
    # sampling: switching
    "sampling.lot_result": Call(s.lot_result, (PLAN_K, [3])),
    "sampling.LotResult": Call(
        s.LotResult,
        (),
        {"accepted": True, "acceptance_number": 5, "accepted_at_tighter_aql": True},
    ),
    "sampling.ProductionIrregular": Call(s.ProductionIrregular),
    "sampling.AuthorityRequiresNormal": Call(s.AuthorityRequiresNormal),
    "sampling.ReducedApproval": Call(s.ReducedApproval, (True,)),
    "sampling.CorrectiveActionAccepted": Call(s.CorrectiveActionAccepted),
    "sampling.SwitchingState": Call(s.SwitchingState, (), {"switching_score": 4}),
    "sampling.SwitchingState.start": Call(s.SwitchingState.start, (True,)),
    "sampling.SwitchingState.record": Call(
        s.SwitchingState.start().record, (s.lot_result(PLAN_K, [3]),)
    ),
    "sampling.SwitchingState.apply": Call(
        s.SwitchingState.start().apply, (s.ReducedApproval(True),)
    ),
    "sampling.Transition": Call(
        s.Transition,
        (),
        {
            "from_": "normal",
            "to": "tightened",
            "clause": "9.3.1",
            "reason": "2 of 5 lots not accepted",
        },
    ),
}
