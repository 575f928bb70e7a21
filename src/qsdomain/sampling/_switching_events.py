"""The values the switching rules work on: statuses, switches, lot results and authority acts.

GB/T 2828.1-2012 ≡ ISO 2859-1:1999 clause 9; the rules themselves are in
:mod:`qsdomain.sampling._switching`.

The rules (the standard's Figure 1):

* 9.1: inspection starts on normal inspection unless the responsible authority (负责部门)
  designates otherwise (:meth:`SwitchingState.start`).
* 9.2: the severity continues unchanged on successive lots except where the switching rules
  require a change. The rules apply to each class of nonconformity or nonconforming item
  independently: keep one :class:`SwitchingState` per class.
* 9.3.1 normal -> tightened: 2 lots out of 5 or fewer consecutive lots not accepted on original
  inspection (初次检验); re-submitted lots (再次提交批) are ignored.
* 9.3.2 tightened -> normal: 5 consecutive lots accepted on original inspection.
* 9.3.3 normal -> reduced: the switching score (转移得分, 9.3.3.2) is at least 30, production is
  at a steady rate and the responsible authority considers reduced inspection desirable.
* 9.3.4 reduced -> normal: a lot is not accepted; or production becomes irregular or delayed; or
  other conditions warrant that normal inspection be reinstated.
* 9.4 discontinuation (暂停检验): when the cumulative number of lots not accepted in a sequence
  of consecutive lots on original tightened inspection reaches 5, the acceptance procedures are
  discontinued until the supplier has acted to improve quality and the responsible authority
  agrees the action is likely to be effective; tightened inspection is then used as if 9.3.1 had
  been invoked.

>>> LotResult(accepted=True, acceptance_number=1).scheme
<Scheme.SINGLE: 'single'>
"""

from __future__ import annotations

import enum
import re
from typing import TypeAlias

import attrs

from qsdomain._checks import as_int, as_optional_int, enum_member, flag, items, text, whole_number
from qsdomain.errors import InvalidInputError
from qsdomain.sampling._severity import Scheme

__all__ = [
    "DISCONTINUE_NOT_ACCEPTED",
    "DOUBLE_LAST_SCORING_STAGE",
    "DOUBLE_POINTS",
    "MULTIPLE_LAST_SCORING_STAGE",
    "MULTIPLE_POINTS",
    "REDUCED_SCORE",
    "RELAX_ACCEPTED_RUN",
    "SINGLE_SMALL_AC_POINTS",
    "SINGLE_TIGHTER_AC",
    "SINGLE_TIGHTER_POINTS",
    "STAGES",
    "TIGHTEN_NOT_ACCEPTED",
    "TIGHTEN_WINDOW",
    "AuthorityRequiresNormal",
    "CorrectiveActionAccepted",
    "InspectionStatus",
    "LotResult",
    "ProductionIrregular",
    "ReducedApproval",
    "SwitchingEvent",
    "Transition",
    "check_flag",
    "recent_results",
]

# --- Rule constants: GB/T 2828.1-2012 / ISO 2859-1:1999 clause 9 -------------------------------

#: 9.3.1: tightened inspection when 2 lots out of 5 or fewer consecutive lots are not accepted.
TIGHTEN_NOT_ACCEPTED = 2
TIGHTEN_WINDOW = 5
#: 9.3.2: normal inspection is reinstated after 5 consecutive lots accepted on tightened.
RELAX_ACCEPTED_RUN = 5
#: 9.3.3.1 a): reduced inspection needs a switching score of at least 30.
REDUCED_SCORE = 30
#: 9.3.3.2 a) 1): single plan with Ac >= 2: +3 if accepted at the AQL one step tighter.
SINGLE_TIGHTER_AC = 2
SINGLE_TIGHTER_POINTS = 3
#: 9.3.3.2 a) 2): single plan with Ac 0 or 1: +2 if the lot is accepted.
SINGLE_SMALL_AC_POINTS = 2
#: 9.3.3.2 b): double plan +3 if accepted after the first sample; multiple plan +3 if accepted
#: by the third sample.
DOUBLE_POINTS = 3
DOUBLE_LAST_SCORING_STAGE = 1
MULTIPLE_POINTS = 3
MULTIPLE_LAST_SCORING_STAGE = 3
#: 9.4: acceptance is discontinued when 5 lots are not accepted on original tightened inspection.
DISCONTINUE_NOT_ACCEPTED = 5
#: Clause 10 / Tables 2, 3, 4: single plans have 1 stage, double 2, multiple 5 (the 1999 edition
#: and GB/T 2828.1-2012 have five-stage multiple plans; MIL-STD-105E had seven).
STAGES = {Scheme.SINGLE: 1, Scheme.DOUBLE: 2, Scheme.MULTIPLE: 5}


class InspectionStatus(enum.Enum):
    """Where the switching procedure stands: a severity, or discontinued (暂停检验, 9.4).

    >>> from qsdomain.sampling import SwitchingState
    >>> SwitchingState.start().status
    <InspectionStatus.NORMAL: 'normal'>
    """

    NORMAL = "normal"  # 正常检验
    TIGHTENED = "tightened"  # 加严检验
    REDUCED = "reduced"  # 放宽检验
    DISCONTINUED = "discontinued"  # 暂停检验


_N = InspectionStatus.NORMAL
_T = InspectionStatus.TIGHTENED
_R = InspectionStatus.REDUCED
_D = InspectionStatus.DISCONTINUED

#: Every switch clause 9 allows, with the clause that allows it.
_EDGES: frozenset[tuple[InspectionStatus, InspectionStatus, str]] = frozenset(
    {
        (_N, _T, "9.3.1"),
        (_T, _N, "9.3.2"),
        (_N, _R, "9.3.3.1"),
        (_R, _N, "9.3.4 a)"),
        (_R, _N, "9.3.4 b)"),
        (_R, _N, "9.3.4 c)"),
        (_T, _D, "9.4"),
        (_D, _T, "9.4"),
    }
)


# --- Field checks ------------------------------------------------------------------------------


def check_flag(instance: object, attribute: attrs.Attribute[bool], value: object) -> None:
    """The one attrs validator for every True/False field of the switching values; the field
    is named ``<object>.<attribute>`` (``lot_result.accepted``), as the structuring paths expect."""
    owner = re.sub(r"(?<!^)(?=[A-Z])", "_", type(instance).__name__).lower()
    flag(f"{owner}.{attribute.name}", value)


def _to_scheme(value: object) -> Scheme:
    return enum_member("lot_result.scheme", Scheme, value)


def _to_from_status(value: object) -> InspectionStatus:
    return enum_member("transition.from", InspectionStatus, value)


def _to_to_status(value: object) -> InspectionStatus:
    return enum_member("transition.to", InspectionStatus, value)


# --- Values ------------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Transition:
    """One switch of the procedure, with the clause that required it.

    >>> t = Transition(from_="normal", to="tightened", clause="9.3.1", reason="2 of 3 lots ...")
    >>> t.from_, t.to
    (<InspectionStatus.NORMAL: 'normal'>, <InspectionStatus.TIGHTENED: 'tightened'>)
    >>> from qsdomain.errors import InvalidInputError
    >>> try:
    ...     Transition(from_="reduced", to="tightened", clause="9.3.1", reason="No such rule.")
    ... except InvalidInputError as err:
    ...     print(err.field, "|", err.value)
    transition.clause | reduced -> tightened under 9.3.1

    Only the switches clause 9 provides for can be built: a ``(from_, to, clause)`` that the
    standard does not allow raises :class:`~qsdomain.errors.InvalidInputError`.

    Attributes:
        from_: the status before the switch.
        to: the status after it.
        clause: the GB/T 2828.1-2012 / ISO 2859-1:1999 clause: ``"9.3.1"``, ``"9.3.2"``,
            ``"9.3.3.1"``, ``"9.3.4 a)"``, ``"9.3.4 b)"``, ``"9.3.4 c)"`` or ``"9.4"``.
        reason: one English sentence saying what happened.
    """

    from_: InspectionStatus = attrs.field(converter=_to_from_status)
    to: InspectionStatus = attrs.field(converter=_to_to_status)
    clause: str = attrs.field(
        validator=lambda _, __, v: text("transition.clause", v, max_length=16)
    )
    reason: str = attrs.field(validator=lambda _, __, v: text("transition.reason", v))

    def __attrs_post_init__(self) -> None:
        if (self.from_, self.to, self.clause) not in _EDGES:
            allowed = "; ".join(sorted(f"{a.value} -> {b.value} under {c}" for a, b, c in _EDGES))
            raise InvalidInputError(
                "transition.clause",
                f"{self.from_.value} -> {self.to.value} under {self.clause}",
                f"a switch clause 9 provides for ({allowed})",
            )


@attrs.frozen(kw_only=True)
class LotResult:
    """What original inspection (初次检验) of one lot found, as the switching rules need it.

    >>> lot = LotResult(accepted=True, acceptance_number=3, accepted_at_tighter_aql=True)
    >>> lot.scheme, lot.decided_at_stage
    (<Scheme.SINGLE: 'single'>, 1)
    >>> LotResult(accepted=True, scheme="multiple", decided_at_stage=3).scheme
    <Scheme.MULTIPLE: 'multiple'>
    >>> LotResult(accepted=False, scheme="double", decided_at_stage=3)
    Traceback (most recent call last):
    ...
    qsdomain.errors.InvalidInputError: lot_result.decided_at_stage must be 1 to 2 for a ..., got 3

    Attributes:
        accepted: whether the lot was accepted (接收) on original inspection.
        scheme: the sampling scheme used: single (the default), double or multiple. Where a
            double or multiple table sends you to the single plan, record ``"single"``.
        acceptance_number: Ac of the single plan used (needed for the switching score,
            9.3.3.2 a)); ``None`` for double and multiple plans, whose score depends on
            ``decided_at_stage`` instead.
        decided_at_stage: the sample (1, 2, ...) at which acceptance or non-acceptance was
            decided: always 1 for single plans, 1 or 2 for double, 1 to 5 for multiple.
        accepted_at_tighter_aql: for a single plan with Ac >= 2 only: would the lot have been
            accepted had the AQL been one step tighter (the next smaller AQL of Table 2-A)?
            Required by :func:`record` for such a lot accepted on normal inspection (9.3.3.2
            a) 1)); may be left ``None`` otherwise; never ``True`` for a lot not accepted.
        production_steady: whether production is at a steady rate (生产稳定) as of this lot
            (9.3.3.1 b), 9.3.4 b)).
        resubmitted: a re-submitted lot (再次提交批); the switching rules ignore it (9.3.1).
    """

    accepted: bool = attrs.field(validator=check_flag)
    scheme: Scheme = attrs.field(default=Scheme.SINGLE, converter=_to_scheme)
    acceptance_number: int | None = attrs.field(default=None, converter=as_optional_int)
    decided_at_stage: int = attrs.field(default=1, converter=as_int)
    accepted_at_tighter_aql: bool | None = attrs.field(default=None)
    production_steady: bool = attrs.field(default=True, validator=check_flag)
    resubmitted: bool = attrs.field(default=False, validator=check_flag)

    @acceptance_number.validator
    def _check_ac(self, _: attrs.Attribute[int | None], value: int | None) -> None:
        if self.scheme is Scheme.SINGLE:
            whole_number("lot_result.acceptance_number", value, 0)
        elif value is not None:
            raise InvalidInputError(
                "lot_result.acceptance_number",
                value,
                "None for double and multiple plans (their switching score uses "
                "decided_at_stage, clause 9.3.3.2 b))",
            )

    @decided_at_stage.validator
    def _check_stage(self, _: attrs.Attribute[int], value: int) -> None:
        last = STAGES[self.scheme]
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= last:
            allowed = (
                "1 for a single plan"
                if last == 1
                else f"1 to {last} for a {self.scheme.value} plan"
            )
            raise InvalidInputError("lot_result.decided_at_stage", value, allowed)

    @accepted_at_tighter_aql.validator
    def _check_tighter(self, _: attrs.Attribute[bool | None], value: bool | None) -> None:
        if value is None:
            return
        flag("lot_result.accepted_at_tighter_aql", value)
        ac = self.acceptance_number
        if not (self.scheme is Scheme.SINGLE and ac is not None and ac >= SINGLE_TIGHTER_AC):
            raise InvalidInputError(
                "lot_result.accepted_at_tighter_aql",
                value,
                "None unless the plan is a single plan with Ac >= 2 (clause 9.3.3.2 a) 1))",
            )
        if value and not self.accepted:
            raise InvalidInputError(
                "lot_result.accepted_at_tighter_aql",
                value,
                "False or None for a lot that was not accepted (a tighter AQL cannot accept it)",
            )


@attrs.frozen
class ProductionIrregular:
    """Production has become irregular or delayed (9.3.4 b)).

    >>> from qsdomain.sampling import SwitchingState
    >>> state = SwitchingState.start(severity="reduced", reduced_approved=True)
    >>> state.apply(ProductionIrregular()).last_transition.clause
    '9.3.4 b)'

    On reduced inspection this reinstates normal inspection; anywhere else it only records
    that production is not steady, which keeps reduced inspection out of reach (9.3.3.1 b))
    until a lot is recorded with ``production_steady=True``.
    """


@attrs.frozen
class AuthorityRequiresNormal:
    """Other conditions warrant reinstating normal inspection (9.3.4 c)); only on reduced.

    >>> from qsdomain.sampling import SwitchingState
    >>> state = SwitchingState.start(severity="reduced", reduced_approved=True)
    >>> state.apply(AuthorityRequiresNormal()).status
    <InspectionStatus.NORMAL: 'normal'>
    """


@attrs.frozen
class ReducedApproval:
    """The responsible authority grants or withdraws its approval of reduced inspection.

    >>> from qsdomain.sampling import SwitchingState
    >>> SwitchingState.start().apply(ReducedApproval(approved=True)).reduced_approved
    True

    Attributes:
        approved: whether reduced inspection is considered desirable (9.3.3.1 c)). Granting it
            on normal inspection with a switching score of at least 30 and steady production
            switches to reduced at once; withdrawing it on reduced inspection reinstates
            normal inspection (9.3.4 c)).
    """

    approved: bool = attrs.field(validator=check_flag)


@attrs.frozen
class CorrectiveActionAccepted:
    """The supplier has acted and the authority agrees it is likely to be effective (9.4).

    >>> from qsdomain.sampling import SwitchingState
    >>> state = SwitchingState.start(severity="tightened")
    >>> for _ in range(5):
    ...     state = state.record(LotResult(accepted=False, acceptance_number=1))
    >>> state.status.value, state.apply(CorrectiveActionAccepted()).status.value
    ('discontinued', 'tightened')

    Ends a discontinuation: inspection resumes on tightened inspection.
    """


SwitchingEvent: TypeAlias = (
    LotResult
    | ProductionIrregular
    | AuthorityRequiresNormal
    | ReducedApproval
    | CorrectiveActionAccepted
)
"""Anything :func:`apply` folds into a :class:`SwitchingState`.

>>> from qsdomain.sampling import replay
>>> events = [ReducedApproval(approved=True), LotResult(accepted=True, acceptance_number=1)]
>>> replay(events)[-1].switching_score
2
"""


def recent_results(value: object) -> tuple[bool, ...]:
    """At most 4 flags: the part of clause 9.3.1's window of "5 or fewer consecutive lots" that
    precedes the next lot; a longer list (or a string) is refused before it is read further.
    Two ``False`` within 5 lots would already have switched to tightened inspection."""
    field = "switching_state.recent_normal_results"
    results = tuple(
        flag(f"{field}[{i}]", v)
        for i, v in enumerate(items(field, value, max_items=TIGHTEN_WINDOW - 1))
    )
    if results.count(False) >= TIGHTEN_NOT_ACCEPTED:
        raise InvalidInputError(
            field,
            results,
            "a list of at most 4 flags with at most one False (two not-accepted lots within 5 "
            "would already have switched to tightened, clause 9.3.1)",
        )
    return results
