"""From the counts found in a lot to the record the switching rules need."""

from __future__ import annotations

from collections.abc import Iterable

from qsdomain.errors import InvalidInputError
from qsdomain.sampling import _gbt2828_1_2012 as gbt
from qsdomain.sampling._lookup import plan as table_plan
from qsdomain.sampling._plans import Decision, SamplingPlan, SingleSamplingPlan
from qsdomain.sampling._switching import LotResult
from qsdomain.sampling._types import Severity

__all__ = ["lot_result"]


def lot_result(
    chosen: SamplingPlan,
    counts: Iterable[int],
    *,
    nonconformities: bool = False,
    production_steady: bool = True,
    resubmitted: bool = False,
) -> LotResult:
    """The :class:`LotResult` of inspecting one lot with ``chosen`` and finding ``counts``.

    ``counts`` are the nonconforming items (or nonconformities) found in each sample, up to
    the decision. For a single plan with Ac >= 2 on normal inspection, the switching score
    needs to know whether the lot would have been accepted had the AQL been one step tighter
    (GB/T 2828.1-2012 / ISO 2859-1:1999 clause 9.3.3.2 a) 1)); that is read from Table 2-A at
    the plan's code letter and the next smaller AQL.

    >>> from qsdomain.sampling import plan
    >>> p = plan("K", "1.5")                    # n = 125, Ac = 5; one step tighter (1.0): Ac = 3
    >>> lot_result(p, [3]).accepted_at_tighter_aql, lot_result(p, [4]).accepted_at_tighter_aql
    (True, False)
    """
    counts = tuple(counts)  # read once: a generator would be spent by decide()
    outcome = chosen.decide(counts, nonconformities=nonconformities)
    if outcome.decision is Decision.NEXT_SAMPLE:
        raise InvalidInputError(
            "counts",
            counts,
            f"counts up to a decision (after stage {outcome.stage} the plan takes another sample)",
        )
    accepted = outcome.decision is Decision.ACCEPT
    single_ac = chosen.acceptance_number if isinstance(chosen, SingleSamplingPlan) else None
    at_tighter: bool | None = None
    # Only normal inspection keeps a score; a hand-built plan (no severity) may be used there.
    if (
        accepted
        and single_ac is not None
        and single_ac >= 2
        and chosen.severity in (Severity.NORMAL, None)
    ):
        if chosen.code_letter is None or chosen.aql is None:
            raise InvalidInputError(
                "plan",
                chosen,
                "a plan from the tables, or a LotResult built by hand with "
                "accepted_at_tighter_aql given",
            )
        column = gbt.AQLS.index(chosen.aql)
        tighter = table_plan(chosen.code_letter, gbt.AQLS[column - 1], Severity.NORMAL)
        at_tighter = outcome.cumulative_count <= (tighter.stages[0].acceptance_number or 0)
    return LotResult(
        accepted=accepted,
        scheme=chosen.scheme,
        acceptance_number=single_ac,
        decided_at_stage=outcome.stage,
        accepted_at_tighter_aql=at_tighter,
        production_steady=production_steady,
        resubmitted=resubmitted,
    )
