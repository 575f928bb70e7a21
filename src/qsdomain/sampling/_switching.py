"""Switching between normal, tightened and reduced inspection (转移规则), as a state machine.

GB/T 2828.1-2012 《计数抽样检验程序 第1部分》, an identical adoption of ISO 2859-1:1999, clause 9
"Normal, tightened and reduced inspection" (正常、加严和放宽检验). Clause numbers below are those
of both texts.

>>> from qsdomain.sampling import LotResult, SwitchingState
>>> accepted = LotResult(accepted=True, acceptance_number=1)
>>> not_accepted = LotResult(accepted=False, acceptance_number=1)
>>> state = SwitchingState.start()
>>> for lot in (not_accepted, accepted, not_accepted):
...     state = state.record(lot)
>>> state.status
<InspectionStatus.TIGHTENED: 'tightened'>
>>> state.last_transition.clause
'9.3.1'

The rules, clause by clause, are listed in :mod:`qsdomain.sampling._switching_events`.

Everything here is a frozen value and every step is a pure function: :func:`apply` (and its
shorthands :func:`record`, :func:`production_irregular`, :func:`authority_requires_normal`,
:func:`approve_reduced`, :func:`resume_after_corrective_action`) returns a new state, and
:func:`replay` folds a whole history.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import cast

import attrs

from qsdomain._checks import as_int, enum_member, flag, items, whole_number
from qsdomain.errors import InvalidInputError
from qsdomain.sampling._severity import Scheme, Severity
from qsdomain.sampling._switching_events import (
    DISCONTINUE_NOT_ACCEPTED,
    DOUBLE_LAST_SCORING_STAGE,
    DOUBLE_POINTS,
    MULTIPLE_LAST_SCORING_STAGE,
    MULTIPLE_POINTS,
    REDUCED_SCORE,
    RELAX_ACCEPTED_RUN,
    SINGLE_SMALL_AC_POINTS,
    SINGLE_TIGHTER_AC,
    SINGLE_TIGHTER_POINTS,
    TIGHTEN_NOT_ACCEPTED,
    TIGHTEN_WINDOW,
    AuthorityRequiresNormal,
    CorrectiveActionAccepted,
    InspectionStatus,
    LotResult,
    ProductionIrregular,
    ReducedApproval,
    SwitchingEvent,
    Transition,
    check_flag,
    recent_results,
)

__all__ = [
    "SwitchingState",
    "apply",
    "approve_reduced",
    "authority_requires_normal",
    "production_irregular",
    "record",
    "replay",
    "resume_after_corrective_action",
]

_N = InspectionStatus.NORMAL
_T = InspectionStatus.TIGHTENED
_R = InspectionStatus.REDUCED
_D = InspectionStatus.DISCONTINUED


def _to_severity(value: object) -> Severity:
    return enum_member("switching_state.severity", Severity, value)


@attrs.frozen(kw_only=True)
class SwitchingState:
    """The state of the switching procedure for one class of nonconformity, valid from birth.

    >>> state = SwitchingState.start(reduced_approved=True)
    >>> state.status, state.switching_score
    (<InspectionStatus.NORMAL: 'normal'>, 0)
    >>> state = state.record(LotResult(accepted=True, acceptance_number=0))
    >>> state.switching_score
    2

    Build one with :meth:`start` and move it with :meth:`record` / :meth:`apply`; building one
    directly (for example when restoring saved data) checks that the fields agree with each
    other and with a history clause 9 could produce.

    Attributes:
        severity: the current severity (检验严格度); tightened while discontinued.
        discontinued: acceptance procedures are discontinued (暂停检验, 9.4).
        switching_score: the switching score (转移得分, 9.3.3.2). It counts only on normal
            inspection, so it is 0 on tightened and reduced, and restarts at 0 whenever normal
            inspection starts.
        recent_normal_results: accepted/not accepted for up to the last 4 lots on original normal
            inspection since normal inspection started, oldest first: the part of the "2 out of
            5 or fewer consecutive lots" window (9.3.1) that precedes the next lot. Holds at most
            one ``False``.
        tightened_accepted_run: consecutive lots accepted on original tightened inspection,
            0 to 4 (the fifth switches to normal, 9.3.2).
        tightened_not_accepted: lots not accepted so far in this sequence of consecutive lots on
            original tightened inspection, 0 to 4, or 5 once discontinued (9.4).
        reduced_approved: the responsible authority's standing approval of reduced inspection
            (9.3.3.1 c)).
        production_steady: whether production is at a steady rate, as last reported.
        last_transition: the switch the event that produced this state caused, or ``None``
            if that event changed nothing.
    """

    severity: Severity = attrs.field(default=Severity.NORMAL, converter=_to_severity)
    discontinued: bool = attrs.field(default=False, validator=check_flag)
    switching_score: int = attrs.field(default=0, converter=as_int)
    recent_normal_results: tuple[bool, ...] = attrs.field(default=(), converter=recent_results)
    tightened_accepted_run: int = attrs.field(default=0, converter=as_int)
    tightened_not_accepted: int = attrs.field(default=0, converter=as_int)
    reduced_approved: bool = attrs.field(default=False, validator=check_flag)
    production_steady: bool = attrs.field(default=True, validator=check_flag)
    last_transition: Transition | None = attrs.field(default=None)

    @switching_score.validator
    @tightened_accepted_run.validator
    @tightened_not_accepted.validator
    def _check_count(self, attribute: attrs.Attribute[int], value: int) -> None:
        whole_number(f"switching_state.{attribute.name}", value, 0)

    @last_transition.validator
    def _check_transition(self, _: attrs.Attribute[Transition | None], value: object) -> None:
        if value is not None and not isinstance(value, Transition):
            raise InvalidInputError(
                "switching_state.last_transition", value, "a Transition or None"
            )

    def __attrs_post_init__(self) -> None:
        self._check_counters()
        self._check_severity()

    def _check_counters(self) -> None:
        """Each counter belongs to one severity (clauses 9.3.1, 9.3.2, 9.3.3.2, 9.4)."""
        on = self.severity
        if self.discontinued and on is not Severity.TIGHTENED:
            raise InvalidInputError(
                "switching_state.severity", on.value, "'tightened' while discontinued (clause 9.4)"
            )
        if on is not Severity.NORMAL and self.switching_score:
            raise InvalidInputError(
                "switching_state.switching_score",
                self.switching_score,
                "0 off normal inspection (the score counts lots on normal, clause 9.3.3.2)",
            )
        if on is not Severity.NORMAL and self.recent_normal_results:
            raise InvalidInputError(
                "switching_state.recent_normal_results",
                self.recent_normal_results,
                "() off normal inspection",
            )
        if on is not Severity.TIGHTENED and (
            self.tightened_accepted_run or self.tightened_not_accepted
        ):
            raise InvalidInputError(
                "switching_state.tightened_accepted_run"
                if self.tightened_accepted_run
                else "switching_state.tightened_not_accepted",
                self.tightened_accepted_run or self.tightened_not_accepted,
                "0 off tightened inspection",
            )
        if self.tightened_accepted_run >= RELAX_ACCEPTED_RUN or (
            self.discontinued and self.tightened_accepted_run
        ):
            raise InvalidInputError(
                "switching_state.tightened_accepted_run",
                self.tightened_accepted_run,
                "0 to 4 (the fifth consecutive acceptance reinstates normal, clause 9.3.2)"
                if not self.discontinued
                else "0 while discontinued",
            )
        if self.discontinued != (self.tightened_not_accepted == DISCONTINUE_NOT_ACCEPTED) or (
            self.tightened_not_accepted > DISCONTINUE_NOT_ACCEPTED
        ):
            raise InvalidInputError(
                "switching_state.tightened_not_accepted",
                self.tightened_not_accepted,
                "0 to 4, or exactly 5 with discontinued=True (clause 9.4)",
            )

    def _check_severity(self) -> None:
        """The severity is one the rules could have reached (clause 9.3.3.1), and the last
        switch ended where the state is."""
        on = self.severity
        if on is Severity.REDUCED and not (self.reduced_approved and self.production_steady):
            raise InvalidInputError(
                "switching_state.reduced_approved"
                if not self.reduced_approved
                else "switching_state.production_steady",
                False,
                "True on reduced inspection (clause 9.3.3.1 b), c))",
            )
        if (
            on is Severity.NORMAL
            and self.switching_score >= REDUCED_SCORE
            and self.reduced_approved
            and self.production_steady
        ):
            raise InvalidInputError(
                "switching_state.severity",
                on.value,
                "'reduced' when the switching score is at least 30, production is steady and "
                "reduced inspection is approved (clause 9.3.3.1)",
            )
        if self.last_transition is not None and self.last_transition.to is not self.status:
            raise InvalidInputError(
                "switching_state.last_transition.to",
                self.last_transition.to.value,
                f"the current status {self.status.value!r}",
            )

    @classmethod
    def start(
        cls,
        reduced_approved: bool = False,
        severity: Severity | str = Severity.NORMAL,
        *,
        production_steady: bool = True,
    ) -> SwitchingState:
        """The state at the start of inspection: normal unless the authority designates otherwise.

        >>> SwitchingState.start().status
        <InspectionStatus.NORMAL: 'normal'>
        >>> SwitchingState.start(severity="tightened").status
        <InspectionStatus.TIGHTENED: 'tightened'>

        Clause 9.1. The switching score starts at 0 (9.3.3.2). Starting on reduced inspection
        needs ``reduced_approved=True`` and steady production.
        """
        return cls(
            severity=severity,
            reduced_approved=reduced_approved,
            production_steady=production_steady,
        )

    @property
    def status(self) -> InspectionStatus:
        """The severity, or :attr:`InspectionStatus.DISCONTINUED` while discontinued."""
        if self.discontinued:
            return InspectionStatus.DISCONTINUED
        return InspectionStatus(self.severity.value)

    def record(self, lot: LotResult) -> SwitchingState:
        """The state after original inspection of ``lot``; see :func:`record`."""
        return record(self, lot)

    def apply(self, event: SwitchingEvent) -> SwitchingState:
        """The state after ``event``; see :func:`apply`."""
        return apply(self, event)


# --- Steps -------------------------------------------------------------------------------------


def _check_state(state: object) -> SwitchingState:
    if not isinstance(state, SwitchingState):
        raise InvalidInputError("state", state, "a SwitchingState")
    return state


def _enter(
    state: SwitchingState,
    to: InspectionStatus,
    clause: str,
    reason: str,
    *,
    production_steady: bool | None = None,
    reduced_approved: bool | None = None,
) -> SwitchingState:
    """A fresh state on ``to``: every counter restarts, as each clause 9 switch requires."""
    return SwitchingState(
        severity=Severity.TIGHTENED if to is _D else Severity(to.value),
        discontinued=to is _D,
        tightened_not_accepted=DISCONTINUE_NOT_ACCEPTED if to is _D else 0,
        reduced_approved=state.reduced_approved if reduced_approved is None else reduced_approved,
        production_steady=state.production_steady
        if production_steady is None
        else production_steady,
        last_transition=Transition(from_=state.status, to=to, clause=clause, reason=reason),
    )


def _score_after(score: int, lot: LotResult) -> int:
    """The switching score after ``lot`` on original normal inspection (clause 9.3.3.2)."""
    if lot.scheme is Scheme.SINGLE:
        ac = lot.acceptance_number
        if ac is not None and ac >= SINGLE_TIGHTER_AC:  # 9.3.3.2 a) 1)
            if not lot.accepted:
                return 0
            if lot.accepted_at_tighter_aql is None:
                raise InvalidInputError(
                    "lot.accepted_at_tighter_aql",
                    None,
                    "True or False for a lot accepted on normal inspection by a single plan "
                    "with Ac >= 2 (clause 9.3.3.2 a) 1))",
                )
            return score + SINGLE_TIGHTER_POINTS if lot.accepted_at_tighter_aql else 0
        return score + SINGLE_SMALL_AC_POINTS if lot.accepted else 0  # 9.3.3.2 a) 2)
    if lot.scheme is Scheme.DOUBLE:  # 9.3.3.2 b) 1)
        early = lot.decided_at_stage <= DOUBLE_LAST_SCORING_STAGE
        return score + DOUBLE_POINTS if lot.accepted and early else 0
    early = lot.decided_at_stage <= MULTIPLE_LAST_SCORING_STAGE  # 9.3.3.2 b) 2)
    return score + MULTIPLE_POINTS if lot.accepted and early else 0


def _record_normal(state: SwitchingState, lot: LotResult) -> SwitchingState:
    score = _score_after(state.switching_score, lot)
    window = (*state.recent_normal_results, lot.accepted)
    if window.count(False) >= TIGHTEN_NOT_ACCEPTED:  # 9.3.1
        span = len(window) - window.index(False)
        return _enter(
            state,
            _T,
            "9.3.1",
            f"2 out of {span} consecutive lots on original normal inspection were not accepted.",
            production_steady=lot.production_steady,
        )
    if score >= REDUCED_SCORE and lot.production_steady and state.reduced_approved:  # 9.3.3.1
        return _enter(
            state,
            _R,
            "9.3.3.1",
            f"The switching score reached {score}, production is at a steady rate and the "
            "responsible authority approves reduced inspection.",
            production_steady=True,
        )
    return attrs.evolve(
        state,
        switching_score=score,
        recent_normal_results=window[-(TIGHTEN_WINDOW - 1) :],
        production_steady=lot.production_steady,
        last_transition=None,
    )


def _record_tightened(state: SwitchingState, lot: LotResult) -> SwitchingState:
    if lot.accepted:
        run = state.tightened_accepted_run + 1
        if run == RELAX_ACCEPTED_RUN:  # 9.3.2
            return _enter(
                state,
                _N,
                "9.3.2",
                "5 consecutive lots on original tightened inspection were accepted.",
                production_steady=lot.production_steady,
            )
        return attrs.evolve(
            state,
            tightened_accepted_run=run,
            production_steady=lot.production_steady,
            last_transition=None,
        )
    not_accepted = state.tightened_not_accepted + 1
    if not_accepted == DISCONTINUE_NOT_ACCEPTED:  # 9.4
        return _enter(
            state,
            _D,
            "9.4",
            "5 lots in the sequence of consecutive lots on original tightened inspection were "
            "not accepted, so the acceptance procedures are discontinued.",
            production_steady=lot.production_steady,
        )
    return attrs.evolve(
        state,
        tightened_accepted_run=0,
        tightened_not_accepted=not_accepted,
        production_steady=lot.production_steady,
        last_transition=None,
    )


def _record_reduced(state: SwitchingState, lot: LotResult) -> SwitchingState:
    if not lot.accepted:  # 9.3.4 a)
        return _enter(
            state,
            _N,
            "9.3.4 a)",
            "A lot on original reduced inspection was not accepted.",
            production_steady=lot.production_steady,
        )
    if not lot.production_steady:  # 9.3.4 b)
        return _enter(
            state,
            _N,
            "9.3.4 b)",
            "Production became irregular or delayed.",
            production_steady=False,
        )
    return attrs.evolve(state, last_transition=None)


def record(state: SwitchingState, lot: LotResult) -> SwitchingState:
    """The state after original inspection of one lot.

    >>> state = SwitchingState.start(severity="reduced", reduced_approved=True)
    >>> state = record(state, LotResult(accepted=False, acceptance_number=2))
    >>> state.status, state.last_transition.clause
    (<InspectionStatus.NORMAL: 'normal'>, '9.3.4 a)')

    A re-submitted lot leaves the state as it was (9.3.1: re-submitted lots are ignored), apart
    from clearing :attr:`~SwitchingState.last_transition`.

    Raises:
        InvalidInputError: the acceptance procedures are discontinued (9.4): no lot may be
            accepted or rejected under the standard until
            :func:`resume_after_corrective_action`; or the lot was accepted on normal
            inspection by a single plan with Ac >= 2 and ``accepted_at_tighter_aql`` is
            missing (9.3.3.2 a) 1)).
    """
    _check_state(state)
    if not isinstance(lot, LotResult):
        raise InvalidInputError("lot", lot, "a LotResult")
    if state.discontinued:
        raise InvalidInputError(
            "state.status",
            "discontinued",
            "normal, tightened or reduced to record a lot: acceptance procedures are "
            "discontinued (clause 9.4) until resume_after_corrective_action()",
        )
    if lot.resubmitted:
        return attrs.evolve(state, last_transition=None)
    if state.severity is Severity.NORMAL:
        return _record_normal(state, lot)
    if state.severity is Severity.TIGHTENED:
        return _record_tightened(state, lot)
    return _record_reduced(state, lot)


def production_irregular(state: SwitchingState) -> SwitchingState:
    """Production has become irregular or delayed (9.3.4 b)).

    >>> state = SwitchingState.start(severity="reduced", reduced_approved=True)
    >>> production_irregular(state).last_transition.clause
    '9.3.4 b)'
    >>> production_irregular(SwitchingState.start()).status  # only recorded off reduced
    <InspectionStatus.NORMAL: 'normal'>
    """
    _check_state(state)
    if state.severity is Severity.REDUCED:
        return _enter(
            state,
            _N,
            "9.3.4 b)",
            "Production became irregular or delayed.",
            production_steady=False,
        )
    return attrs.evolve(state, production_steady=False, last_transition=None)


def authority_requires_normal(state: SwitchingState) -> SwitchingState:
    """Other conditions warrant reinstating normal inspection (9.3.4 c)).

    >>> state = SwitchingState.start(severity="reduced", reduced_approved=True)
    >>> authority_requires_normal(state).status
    <InspectionStatus.NORMAL: 'normal'>

    Raises:
        InvalidInputError: the state is not on reduced inspection; clause 9.3.4 c) only
            reinstates normal inspection from reduced.
    """
    _check_state(state)
    if state.status is not _R:
        raise InvalidInputError(
            "state.status",
            state.status.value,
            "'reduced': clause 9.3.4 c) reinstates normal inspection only from reduced",
        )
    return _enter(
        state,
        _N,
        "9.3.4 c)",
        "The responsible authority decided that other conditions warrant normal inspection.",
    )


def approve_reduced(state: SwitchingState, approved: bool) -> SwitchingState:
    """Record whether the responsible authority considers reduced inspection desirable.

    >>> state = SwitchingState.start(reduced_approved=True)
    >>> state = approve_reduced(state, False)
    >>> state.reduced_approved
    False

    Granting approval on normal inspection when the switching score is already at least 30
    and production is steady switches to reduced at once (9.3.3.1). Withdrawing it on reduced
    inspection reinstates normal inspection (9.3.4 c): other conditions warrant it).
    """
    _check_state(state)
    flag("approved", approved)
    if state.severity is Severity.REDUCED and not approved:
        return _enter(
            state,
            _N,
            "9.3.4 c)",
            "The responsible authority withdrew its approval of reduced inspection.",
            reduced_approved=False,
        )
    if (
        approved
        and state.status is _N
        and state.switching_score >= REDUCED_SCORE
        and state.production_steady
    ):
        return _enter(
            state,
            _R,
            "9.3.3.1",
            f"The responsible authority approved reduced inspection with the switching score "
            f"at {state.switching_score} and production at a steady rate.",
            reduced_approved=True,
        )
    return attrs.evolve(state, reduced_approved=approved, last_transition=None)


def resume_after_corrective_action(state: SwitchingState) -> SwitchingState:
    """End a discontinuation: inspection resumes on tightened inspection (9.4).

    >>> state = SwitchingState.start(severity="tightened")
    >>> for _ in range(5):
    ...     state = state.record(LotResult(accepted=False, acceptance_number=1))
    >>> state.status
    <InspectionStatus.DISCONTINUED: 'discontinued'>
    >>> resume_after_corrective_action(state).status
    <InspectionStatus.TIGHTENED: 'tightened'>

    Call it only once the supplier has acted to improve the quality of the submitted product
    and the responsible authority has agreed the action is likely to be effective. Tightened
    inspection then runs as if clause 9.3.1 had been invoked: all counters restart.

    Raises:
        InvalidInputError: the state is not discontinued.
    """
    _check_state(state)
    if not state.discontinued:
        raise InvalidInputError(
            "state.status",
            state.status.value,
            "'discontinued': only a discontinuation (clause 9.4) is resumed",
        )
    return _enter(
        state,
        _T,
        "9.4",
        "The responsible authority agreed that the supplier's corrective action is likely to be "
        "effective, so inspection resumes on tightened inspection.",
    )


def apply(state: SwitchingState, event: SwitchingEvent) -> SwitchingState:
    """The state after one event: a lot, a production change, or an authority decision.

    >>> state = apply(SwitchingState.start(), ReducedApproval(approved=True))
    >>> state.reduced_approved
    True
    """
    _check_state(state)
    e: object = event
    if isinstance(e, LotResult):
        return record(state, e)
    if isinstance(e, ProductionIrregular):
        return production_irregular(state)
    if isinstance(e, AuthorityRequiresNormal):
        return authority_requires_normal(state)
    if isinstance(e, ReducedApproval):
        return approve_reduced(state, e.approved)
    if isinstance(e, CorrectiveActionAccepted):
        return resume_after_corrective_action(state)
    raise InvalidInputError(
        "event",
        e,
        "a LotResult, ProductionIrregular, AuthorityRequiresNormal, ReducedApproval or "
        "CorrectiveActionAccepted",
    )


def replay(
    events: Iterable[SwitchingEvent], start: SwitchingState | None = None
) -> tuple[SwitchingState, ...]:
    """The state after each event of a history, in order (the start state is not included).

    >>> ok = LotResult(accepted=True, acceptance_number=1)
    >>> states = replay([ok] * 15, start=SwitchingState.start(reduced_approved=True))
    >>> [s.switching_score for s in states[-3:]], states[-1].status.value
    ([26, 28, 0], 'reduced')

    ``start`` defaults to :meth:`SwitchingState.start`. Equal to folding :func:`apply` over
    ``events``; the first error stops the replay.
    """
    state = SwitchingState.start() if start is None else _check_state(start)
    states: list[SwitchingState] = []
    for event in items("events", events):
        state = apply(state, cast("SwitchingEvent", event))  # apply() checks what it is
        states.append(state)
    return tuple(states)
