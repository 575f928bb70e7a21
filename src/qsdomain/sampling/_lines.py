"""A product line's lots in order (一条产品线的逐批检验): plan, decision and switch for each lot.

GB/T 2828.1-2012 (≡ ISO 2859-1:1999) applies the switching rules of clause 9 to a continuing
series of lots from one source: each lot is inspected under the severity the series has reached
(clause 9.2), with the plan Tables 1 and 2 give for that severity (:func:`plan_for`), and its
result moves the series (:class:`SwitchingState`). :func:`line_status` does that for a whole
line and says, lot by lot, what was done and why, so that a report only prints it.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable
from typing import Any

import attrs

from qsdomain import _checks
from qsdomain._drafts import drafted
from qsdomain.errors import InvalidInputError, QSDomainError
from qsdomain.rejects import RejectSink, rejected
from qsdomain.sampling._lot_plan import LotPlan, plan_for
from qsdomain.sampling._lot_result import lot_result
from qsdomain.sampling._switching import SwitchingState
from qsdomain.sampling._switching_events import InspectionStatus, Transition
from qsdomain.sampling._tables import check_level, check_lot_size, normalize_aql

__all__ = ["LineStatus", "Lot", "LotOutcome", "LotState", "line_status"]

#: Why a lot of a discontinued line is not inspected (GB/T 2828.1-2012 clause 9.4).
NOT_INSPECTED = (
    "inspection discontinued on this line (GB/T 2828.1-2012 clause 9.4): accept no lot until "
    "the supplier's corrective action is accepted"
)


def _inspection(value: object) -> InspectionStatus:
    return _checks.enum_member("lot_outcome.inspection", InspectionStatus, value)


def _optional(field: str, cls: type, what: str) -> Callable[[object, object, Any], None]:
    def check(_instance: object, _attribute: object, value: Any) -> None:
        if value is not None and not isinstance(value, cls):
            raise InvalidInputError(field, value, f"{what} or None")

    return check


class LotState(enum.Enum):
    """What became of a lot of a line (批的处置).

    >>> LotState("not_accepted")
    <LotState.NOT_ACCEPTED: 'not_accepted'>
    """

    ACCEPTED = "accepted"  # 接收
    NOT_ACCEPTED = "not_accepted"  # 不接收
    NOT_INSPECTED = "not_inspected"  # 暂停检验, not inspected (clause 9.4)


def _lot_state(value: object) -> LotState:
    return _checks.enum_member("lot_outcome.state", LotState, value)


def _state(_instance: object, _attribute: object, value: Any) -> None:
    if not isinstance(value, SwitchingState):
        raise InvalidInputError("line_status.state", value, "a SwitchingState")


@attrs.frozen
class Lot:
    """One lot of a product line as received (批): its size, AQL, level and what was found.

    >>> lot = Lot("L2026-001", 2000, 1.5, nonconforming=3)
    >>> lot.aql, lot.level
    ('1.5', 'II')

    Attributes:
        id: the lot's ledger id.
        lot_size: the number of items in the lot (批量) N, at least 2.
        aql: the AQL (接收质量限), canonical spelling.
        nonconforming: the nonconforming items found in the (single) sample.
        level: the inspection level (检验水平), ``"II"`` unless the authority says otherwise.
    """

    id: str = attrs.field(validator=_checks.v_text())
    lot_size: int = attrs.field(converter=check_lot_size)
    aql: str = attrs.field(converter=normalize_aql)
    nonconforming: int = attrs.field(converter=_checks.as_int, validator=_checks.v_whole(0))
    level: str = attrs.field(default="II", converter=check_level)


@attrs.frozen(weakref_slot=False)  # built by a draft: qsdomain._drafts
class LotOutcome:
    """What became of one lot of a line: the plan used, the decision, the switch it caused.

    >>> line = line_status([Lot("L1", 2000, "1.5", 6)])
    >>> outcome = line.lots[0]
    >>> outcome.state, outcome.inspection
    (<LotState.NOT_ACCEPTED: 'not_accepted'>, <InspectionStatus.NORMAL: 'normal'>)
    >>> outcome.reason
    'not accepted (normal plan K n=125 Ac=5 Re=6, 6 found)'

    Attributes:
        id: the lot's id.
        state: accepted, not accepted, or not inspected (the line was discontinued).
        inspection: the inspection the lot met (the line's status when it came): normal,
            tightened or reduced, or discontinued (then it was not inspected, clause 9.4).
        plan: the plan used (:func:`plan_for` at that severity), ``None`` if not inspected.
        found: the nonconforming items found in the sample, ``None`` if not inspected.
        transition: the switch this lot's result caused (clause 9.3 or 9.4), if any.
        reason: one line saying what was done and why.
    """

    id: str = attrs.field(validator=_checks.v_text())
    state: LotState = attrs.field(converter=_lot_state)
    inspection: InspectionStatus = attrs.field(converter=_inspection)
    plan: LotPlan | None = attrs.field(
        validator=_optional("lot_outcome.plan", LotPlan, "a LotPlan")
    )
    found: int | None = attrs.field(
        converter=_checks.as_optional_int, validator=_checks.v_whole(0, optional=True)
    )
    transition: Transition | None = attrs.field(
        validator=_optional("lot_outcome.transition", Transition, "a Transition")
    )
    reason: str = attrs.field(validator=_checks.v_text())

    def __attrs_post_init__(self) -> None:
        """A lot is inspected (a plan, a decision) exactly when the line was not discontinued;
        it was inspected at the plan's severity."""
        skipped = self.inspection is InspectionStatus.DISCONTINUED
        if skipped != (self.state is LotState.NOT_INSPECTED):
            raise InvalidInputError(
                "lot_outcome.state",
                self.state.value,
                "not_inspected exactly when inspection is discontinued",
            )
        if skipped != (self.plan is None):
            raise InvalidInputError(
                "lot_outcome.plan", self.plan, "None exactly when inspection is discontinued"
            )
        if skipped != (self.found is None):
            raise InvalidInputError(
                "lot_outcome.found", self.found, "None exactly when inspection is discontinued"
            )
        if self.plan is not None and self.found is not None:
            result = lot_result(self.plan.plan, [self.found])  # the plan decides the lot
            if result.accepted != (self.state is LotState.ACCEPTED):
                decided = "accepted" if result.accepted else "not_accepted"
                raise InvalidInputError(
                    "lot_outcome.state",
                    self.state.value,
                    f"{decided}: what the plan decides for {self.found} found",
                )
        severity = None if self.plan is None else self.plan.plan.severity
        if severity is not None and severity.value != self.inspection.value:
            raise InvalidInputError(
                "lot_outcome.inspection",
                self.inspection.value,
                f"{severity.value}, the severity of the plan used",
            )
        if skipped and self.transition is not None:
            raise InvalidInputError(
                "lot_outcome.transition", self.transition, "None for a lot not inspected"
            )

    @property
    def accepted(self) -> bool | None:
        """Whether the lot was accepted; ``None`` if it was not inspected."""
        if self.state is LotState.NOT_INSPECTED:
            return None
        return self.state is LotState.ACCEPTED

    @property
    def switch_reason(self) -> str | None:
        """The switch in one line with its clause, or ``None`` when the lot switched nothing.

        >>> line = line_status([Lot("L1", 2000, "1.5", 6), Lot("L2", 2000, "1.5", 6)])
        >>> line.lots[1].switch_reason[:49]
        'normal -> tightened after this lot (GB/T 2828.1-2'
        """
        t = self.transition
        if t is None:
            return None
        return (
            f"{t.from_.value} -> {t.to.value} after this lot "
            f"(GB/T 2828.1-2012 clause {t.clause}): {t.reason}"
        )


@attrs.frozen(weakref_slot=False)  # built by a draft: qsdomain._drafts
class LineStatus:
    """A product line after its lots: each lot's outcome, in order, and the line's final state.

    >>> line = line_status([Lot("L1", 2000, "1.5", 0), Lot("L2", 2000, "1.5", 9)])
    >>> line.inspected, line.not_accepted, line.state.status.value
    (2, 1, 'normal')

    Attributes:
        lots: the outcome of each lot answered, in the order given (refused lots are absent).
        state: the switching state after the last lot.
    """

    lots: tuple[LotOutcome, ...] = attrs.field(
        converter=_checks.as_tuple, validator=_checks.v_items(LotOutcome)
    )
    state: SwitchingState = attrs.field(validator=_state)

    @property
    def inspected(self) -> int:
        """How many lots were inspected (not counting those met while discontinued)."""
        return sum(1 for lot in self.lots if lot.plan is not None)

    @property
    def not_accepted(self) -> int:
        """How many inspected lots were not accepted."""
        return sum(1 for lot in self.lots if lot.accepted is False)


_outcome = drafted(LotOutcome)
_line = drafted(LineStatus)


def _shown(chosen: LotPlan, found: int, severity: str) -> str:
    return (
        f"{severity} plan {chosen.code_letter} n={chosen.sample_size} "
        f"Ac={chosen.acceptance_number} Re={chosen.rejection_number}, {found} found"
    )


def line_status(
    lots: Iterable[Lot],
    *,
    start: SwitchingState | None = None,
    rejects: RejectSink | None = None,
) -> LineStatus:
    """Inspect a product line's lots in order under the switching rules (GB/T 2828.1-2012 cl. 9).

    >>> line = line_status([Lot("L1", 2000, "1.5", 6), Lot("L2", 2000, "1.5", 6),
    ...                     Lot("L3", 2000, "1.5", 0)])
    >>> [(o.id, o.inspection.value, o.accepted) for o in line.lots]
    [('L1', 'normal', False), ('L2', 'normal', False), ('L3', 'tightened', True)]
    >>> line.lots[1].transition.clause, line.state.status.value
    ('9.3.1', 'tightened')

    Each lot gets the single-sampling plan :func:`plan_for` gives for its size, AQL and level
    at the severity the line has reached; its count decides it (:func:`lot_result`) and the
    result moves the line (:meth:`SwitchingState.record`). While inspection is discontinued
    (clause 9.4) a lot is not inspected. ``start`` is the line's state before the first lot
    (default: normal inspection, reduced inspection not approved).

    A lot the rule refuses (for example more nonconforming items than the plan samples) raises
    its :class:`~qsdomain.errors.QSDomainError`; with ``rejects`` (a
    :class:`~qsdomain.rejects.RejectSink`) it is reported as ``lots[i].<field>`` at its
    position (from 1), leaves the line's state as it was, and the line goes on.
    """
    given = _checks.items("lots", lots)
    for i, lot in enumerate(given):
        if not isinstance(lot, Lot):
            raise InvalidInputError(f"lots[{i}]", lot, "a sampling.Lot")
    state = SwitchingState.start() if start is None else start
    if not isinstance(state, SwitchingState):
        raise InvalidInputError("start", start, "a SwitchingState (or None)")
    if rejects is not None and not callable(getattr(rejects, "add", None)):
        raise InvalidInputError(
            "rejects", rejects, "None or an object with an add(RowRejected) method (a RejectSink)"
        )
    outcomes: list[LotOutcome] = []
    for i, lot in enumerate(given):
        assert isinstance(lot, Lot)  # checked above
        if state.discontinued:
            skipped = LotState.NOT_INSPECTED
            outcome = _outcome(lot.id, skipped, state.status, None, None, None, NOT_INSPECTED)
            outcomes.append(outcome)
            continue
        severity = state.severity
        try:
            chosen = plan_for(lot.lot_size, lot.aql, lot.level, severity)
            result = lot_result(chosen.plan, [lot.nonconforming])
        except QSDomainError as err:
            if rejects is None:
                raise
            rejects.add(rejected(i + 1, err, prefix=f"lots[{i}]."))
            continue
        inspection = state.status
        state = state.record(result)
        shown = _shown(chosen, lot.nonconforming, severity.value)
        verdict = "accepted" if result.accepted else "not accepted"
        outcomes.append(
            _outcome(
                lot.id,
                LotState.ACCEPTED if result.accepted else LotState.NOT_ACCEPTED,
                inspection,
                chosen,
                lot.nonconforming,
                state.last_transition,
                f"{verdict} ({shown})",
            )
        )
    return _line(tuple(outcomes), state)
