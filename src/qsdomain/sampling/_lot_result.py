"""From the counts found in a lot to the :class:`LotResult` the switching rules need."""

from __future__ import annotations

from collections.abc import Iterable
from typing import cast

from qsdomain._checks import flag, items
from qsdomain.errors import InvalidInputError, NotCoveredError
from qsdomain.sampling import _gbt2828_1_2012 as gbt
from qsdomain.sampling._plans import (
    Decision,
    DoubleSamplingPlan,
    MultipleSamplingPlan,
    SamplingPlan,
    SingleSamplingPlan,
)
from qsdomain.sampling._severity import Severity
from qsdomain.sampling._switching_events import SINGLE_TIGHTER_AC, LotResult

__all__ = ["lot_result"]


def _accepted_at_tighter_aql(chosen: SingleSamplingPlan, count: int) -> bool:
    """Whether ``count`` nonconforming items would have been accepted had the AQL been one step
    tighter: Table 2-A's plan at the same code letter and the next smaller AQL (clause 9.3.3.2
    a) 1)).

    In Table 2-A every plan with Ac >= 2 has a plan (with Ac >= 1) at the same code letter one
    column to the left, so the tighter plan has the same sample size and the question has an
    answer; the smallest AQL, 0.010, has no tighter one, but its only plan (row Q) has Ac = 0,
    so clause 9.3.3.2 a) 2) applies there, not a) 1). Labelled plans equal the table's plan,
    so the refusals below cannot be reached; they guard against a wrong reading, never wrap.
    """
    if chosen.code_letter is None or chosen.aql is None:
        raise InvalidInputError(
            "plan",
            chosen,
            "a plan from the tables, or a LotResult built by hand with accepted_at_tighter_aql "
            "given",
        )
    column = gbt.AQLS.index(chosen.aql)
    cell = gbt.SINGLE_NORMAL[chosen.code_letter][column - 1] if column > 0 else gbt.BLANK
    if not isinstance(cell, tuple):
        raise NotCoveredError(  # pragma: no cover - see the docstring and the table tests
            "AQL one step tighter than",
            f"{chosen.aql} at code letter {chosen.code_letter}",
            "a plan in the next smaller AQL column of Table 2-A at the same code letter",
        )
    return count <= cell[0]


def lot_result(
    chosen: SamplingPlan,
    counts: Iterable[int],
    *,
    nonconformities: bool = False,
    production_steady: bool = True,
    resubmitted: bool = False,
) -> LotResult:
    """The :class:`LotResult` of inspecting one lot with ``chosen`` and finding ``counts``.

    >>> from qsdomain.sampling import plan
    >>> p = plan("K", "1.5")                    # n = 125, Ac = 5; one step tighter (1.0): Ac = 3
    >>> lot_result(p, [3]).accepted_at_tighter_aql, lot_result(p, [4]).accepted_at_tighter_aql
    (True, False)

    ``counts`` are the nonconforming items (or nonconformities) found in each sample, up to
    the decision. For a single plan with Ac >= 2 on normal inspection, the switching score
    needs to know whether the lot would have been accepted had the AQL been one step tighter
    (GB/T 2828.1-2012 / ISO 2859-1:1999 clause 9.3.3.2 a) 1)); that is read from Table 2-A at
    the plan's code letter and the next smaller AQL, which in Table 2-A always holds a plan
    with the same sample size (there is none tighter than 0.010, but no plan with Ac >= 2
    exists at 0.010).
    """
    if not isinstance(chosen, (SingleSamplingPlan, DoubleSamplingPlan, MultipleSamplingPlan)):
        raise InvalidInputError(
            "plan", chosen, "a SingleSamplingPlan, DoubleSamplingPlan or MultipleSamplingPlan"
        )
    # Read once (a generator would be spent by decide()), never past one more than the stages.
    counted = cast("tuple[int, ...]", items("counts", counts, max_items=len(chosen.stages)))
    outcome = chosen.decide(counted, nonconformities=flag("nonconformities", nonconformities))
    if outcome.decision is Decision.NEXT_SAMPLE:
        raise InvalidInputError(
            "counts",
            counted,
            f"counts up to a decision (after stage {outcome.stage} the plan takes another sample)",
        )
    accepted = outcome.decision is Decision.ACCEPT
    single_ac = chosen.acceptance_number if isinstance(chosen, SingleSamplingPlan) else None
    at_tighter: bool | None = None
    # Only normal inspection keeps a score; a hand-built plan (no severity) may be used there.
    if (
        accepted
        and isinstance(chosen, SingleSamplingPlan)
        and chosen.acceptance_number >= SINGLE_TIGHTER_AC
        and chosen.severity in (Severity.NORMAL, None)
    ):
        at_tighter = _accepted_at_tighter_aql(chosen, outcome.cumulative_count)
    return LotResult(
        accepted=accepted,
        scheme=chosen.scheme,
        acceptance_number=single_ac,
        decided_at_stage=outcome.stage,
        accepted_at_tighter_aql=at_tighter,
        production_steady=production_steady,
        resubmitted=resubmitted,
    )
