"""Sampling inspection by attributes (计数抽样检验), GB/T 2828.1-2012 ≡ ISO 2859-1:1999.

>>> from qsdomain.sampling import plan_for
>>> lp = plan_for(1000, "1.0")            # lot of 1000, AQL 1.0, general level II
>>> lp.code_letter, lp.sample_size, lp.acceptance_number, lp.rejection_number
('J', 80, 2, 3)

How many items to sample from a lot and when to accept it (:func:`plan_for`, :func:`plan`,
:func:`code_letter`), how plans decide stage by stage, how well a plan protects you
(:func:`probability_of_acceptance` and the plans' OC, AOQ, AOQL, ATI and ASN methods), and
when to switch between normal, tightened and reduced inspection (:class:`SwitchingState`), and
a product line's lots in order, each with its plan, decision and switch (:func:`line_status`).
"""

from __future__ import annotations

from qsdomain.sampling._lines import LineStatus, Lot, LotOutcome, LotState, line_status
from qsdomain.sampling._lot_plan import LotPlan, plan, plan_for
from qsdomain.sampling._lot_result import lot_result
from qsdomain.sampling._oc import Model
from qsdomain.sampling._plans import (
    Decision,
    DoubleSamplingPlan,
    MultipleSamplingPlan,
    SamplingPlan,
    SingleSamplingPlan,
    Stage,
    StageDecision,
    probability_of_acceptance,
)
from qsdomain.sampling._severity import Scheme, Severity
from qsdomain.sampling._switching import (
    SwitchingState,
    apply,
    approve_reduced,
    authority_requires_normal,
    production_irregular,
    record,
    replay,
    resume_after_corrective_action,
)
from qsdomain.sampling._switching_events import (
    AuthorityRequiresNormal,
    CorrectiveActionAccepted,
    InspectionStatus,
    LotResult,
    ProductionIrregular,
    ReducedApproval,
    SwitchingEvent,
    Transition,
)
from qsdomain.sampling._tables import TableSource, code_letter, normalize_aql, table_source

__all__ = [
    "AuthorityRequiresNormal",
    "CorrectiveActionAccepted",
    "Decision",
    "DoubleSamplingPlan",
    "InspectionStatus",
    "LineStatus",
    "Lot",
    "LotOutcome",
    "LotPlan",
    "LotResult",
    "LotState",
    "Model",
    "MultipleSamplingPlan",
    "ProductionIrregular",
    "ReducedApproval",
    "SamplingPlan",
    "Scheme",
    "Severity",
    "SingleSamplingPlan",
    "Stage",
    "StageDecision",
    "SwitchingEvent",
    "SwitchingState",
    "TableSource",
    "Transition",
    "apply",
    "approve_reduced",
    "authority_requires_normal",
    "code_letter",
    "line_status",
    "lot_result",
    "normalize_aql",
    "plan",
    "plan_for",
    "probability_of_acceptance",
    "production_irregular",
    "record",
    "replay",
    "resume_after_corrective_action",
    "table_source",
]
