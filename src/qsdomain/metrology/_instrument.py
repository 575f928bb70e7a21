"""Instruments, verification/calibration records and scheduling policies.

>>> from datetime import date
>>> from qsdomain.metrology import Instrument, Outcome, Verification
>>> from qsdomain.periods import Term
>>> Instrument(id="JL-1", name="电子计价秤", interval=Term(years=1)).scheme.value
'periodic'
>>> Verification(on=date(2025, 12, 1), outcome="pass").outcome
<Outcome.PASS: 'pass'>
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, cast

import attrs

from qsdomain import _checks, defaults, limits
from qsdomain._drafts import drafted
from qsdomain.errors import InvalidInputError
from qsdomain.metrology._vocabulary import (
    Alignment,
    EarlyRule,
    Outcome,
    Regime,
    Scheme,
    Supervision,
)
from qsdomain.periods import Term

__all__ = ["Instrument", "Policy", "Verification"]

_Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]


def _optional_term(field: str) -> _Validator:
    def check(_: object, __: attrs.Attribute[Term | None], value: Term | None) -> None:
        if value is not None and not isinstance(value, Term):
            raise InvalidInputError(field, value, "a qsdomain.periods.Term or None")

    return check


def _text(field: str) -> _Validator:
    def check(_: object, __: attrs.Attribute[str], value: str) -> None:
        plain = value.__class__ is str and 0 < len(value) <= limits.MAX_TEXT_LENGTH
        # isascii or isprintable: no lone surrogate (the rest go to the full check).
        if (
            not plain
            or (value[0].isspace() and not value.strip())
            or not (value.isascii() or value.isprintable())
        ):
            _checks.text(field, value)  # refuses with the usual wording, or accepts

    return check


def _supervision(value: object) -> Supervision | None:
    return (
        None if value is None else _checks.enum_member("instrument.supervision", Supervision, value)
    )


def _scheme(value: object) -> Scheme:
    if value.__class__ is Scheme:
        return value
    return _checks.enum_member("instrument.scheme", Scheme, value)


def _regime(value: object) -> Regime:
    if value.__class__ is Regime:
        return value
    return _checks.enum_member("instrument.regime", Regime, value)


#: Each outcome by its value: what ``Outcome(value)`` gives a plain ``str``, without the call.
_OUTCOME_VALUES: dict[str, Outcome] = {member.value: member for member in Outcome}


def _outcome(value: object) -> Outcome:
    if value.__class__ is Outcome:
        return value
    # A ledger cell ("pass") is looked up by value; anything else takes the full check.
    found = _OUTCOME_VALUES.get(value) if value.__class__ is str else None
    if found is not None:
        return found
    return _checks.enum_member("verification.outcome", Outcome, value)


def _alignment(value: object) -> Alignment:
    if value.__class__ is Alignment:
        return value
    return _checks.enum_member("policy.align", Alignment, value)


def _early(value: object) -> EarlyRule:
    if value.__class__ is EarlyRule:
        return value
    return _checks.enum_member("policy.early", EarlyRule, value)


#: A reading or a usage on record: a finite real number from 0 to the usage limit.
_AMOUNT = _checks.v_real(0.0, limits.MAX_METROLOGY_USAGE, optional=True)

#: A policy's count of days: a whole number from 0 to the policy limit.
_POLICY_DAYS = _checks.v_whole(0, limits.MAX_METROLOGY_POLICY_DAYS)


@attrs.frozen(weakref_slot=False)  # with_id builds by a draft: qsdomain._drafts
class Instrument:
    """A measuring instrument (计量器具) in a ledger (台账), with how it is kept accurate.

    >>> from qsdomain.periods import Term
    >>> scale = Instrument(id="JL-2025-0001", name="电子计价秤", interval=Term(years=1),
    ...                    supervision="type_approval_and_verification")
    >>> scale.regime.value, scale.supervision.value
    ('verification', 'type_approval_and_verification')
    >>> Instrument(id="JL-2", name="水表", scheme="fixed_life")
    Traceback (most recent call last):
    ...
    qsdomain.errors.InvalidInputError: instrument.interval must be a Term (the 检定周期, or ...

    Attributes:
        id: the ledger number, unique within a ledger.
        name: the instrument's name (器具名称).
        interval: the verification or calibration interval (检定周期 / 校准间隔); for a
            ``FIXED_LIFE`` instrument its service life (使用期限). ``None`` only for a
            ``FIRST_ONLY_SCRAP`` instrument, which is never due.
        category: the catalogue entry or any grouping (optional).
        supervision: the catalogue's supervision mode (监管方式), or ``None`` if not stated.
        scheme: how compulsory verification is done (周期检定, 失准报废, 到期轮换).
        regime: verification (检定) or calibration (校准).
        max_interval: the statutory maximum (JJG "检定周期一般不超过 N"): no period is longer,
            whatever ``interval`` says.
        usage_limit: hours or uses after which the instrument is due whatever the calendar
            says (ILAC-G24:2007 method 3, "in-use time"), in the unit of
            :attr:`Verification.usage`.
    """

    id: str = attrs.field(validator=_text("instrument.id"))
    name: str = attrs.field(validator=_text("instrument.name"))
    interval: Term | None = attrs.field(
        default=None, validator=_optional_term("instrument.interval")
    )
    category: str | None = attrs.field(default=None, validator=_checks.v_text(optional=True))
    supervision: Supervision | None = attrs.field(default=None, converter=_supervision)
    scheme: Scheme = attrs.field(default=Scheme.PERIODIC, converter=_scheme)
    regime: Regime = attrs.field(default=Regime.VERIFICATION, converter=_regime)
    max_interval: Term | None = attrs.field(
        default=None, validator=_optional_term("instrument.max_interval")
    )
    usage_limit: float | None = attrs.field(
        default=None,
        validator=_checks.v_real(0.0, limits.MAX_METROLOGY_USAGE, low_open=True, optional=True),
    )

    def __attrs_post_init__(self) -> None:
        _instrument_rule(self.interval, self.scheme)

    def with_id(self, id: str) -> Instrument:
        """The same instrument under another ledger number (编号).

        >>> from qsdomain.periods import Term
        >>> model = Instrument(id="JL-0001", name="电子计价秤", interval=Term(years=1))
        >>> model.with_id("JL-0002") == Instrument(id="JL-0002", name="电子计价秤",
        ...                                        interval=Term(years=1))
        True
        >>> model.with_id(" ")
        Traceback (most recent call last):
        ...
        qsdomain.errors.InvalidInputError: instrument.id must be a non-empty string ...

        Always equal to ``attrs.evolve(self, id=id)``, with the same error for a bad ``id``;
        only ``id`` is checked, the other fields being this instrument's own, checked when it
        was built. A reader of a ledger where many rows describe the same kind of instrument
        builds one instrument per kind and this per row, about twice as fast as constructing
        each (docs/metrology.md, "a reader of a million instruments").
        """
        _ID_CHECK(self, _ID_FIELD, id)  # the id field's validator
        if self.__class__ is not Instrument:  # a subclass: attrs builds its own kind
            return attrs.evolve(self, id=id)
        return _clone(
            id,
            self.name,
            self.interval,
            self.category,
            self.supervision,
            self.scheme,
            self.regime,
            self.max_interval,
            self.usage_limit,
        )


_FIRST_ONLY = Scheme.FIRST_ONLY_SCRAP


def _instrument_rule(interval: Term | None, scheme: object) -> None:
    if interval is None and scheme is not _FIRST_ONLY:
        raise InvalidInputError(
            "instrument.interval",
            None,
            "a Term (the 检定周期, or the 使用期限 of a fixed-life instrument) unless the "
            "scheme is first_only_scrap",
        )


_ID_FIELD = attrs.fields(Instrument).id
_ID_CHECK = cast("_Validator", _ID_FIELD.validator)


#: An Instrument from checked values, every field in order (qsdomain._drafts).
_clone = drafted(Instrument)


@attrs.frozen
class Verification:
    """One verification (检定) or calibration (校准) record of an instrument.

    >>> from datetime import date
    >>> Verification(on=date(2026, 3, 2), outcome="adjusted", as_found=1.3).as_found
    1.3
    >>> Verification(on=date(2026, 3, 2), outcome="pass", as_found=1.3)
    Traceback (most recent call last):
    ...
    qsdomain.errors.InvalidInputError: verification.as_found must be at most 1 (in tolerance) ...

    Attributes:
        on: the day of the verification or calibration.
        outcome: pass, fail, adjusted (as found out of tolerance, in tolerance as left) or
            scrapped.
        as_found: the largest as-found error as a fraction of the maximum permissible error
            (0.8 is 80 % of MPE; above 1 is out of tolerance), if recorded.
        usage: hours or uses since the previous record, if recorded.
    """

    on: date = attrs.field(validator=_checks.v_day())
    outcome: Outcome = attrs.field(converter=_outcome)
    as_found: float | None = attrs.field(default=None, validator=_AMOUNT)
    usage: float | None = attrs.field(default=None, validator=_AMOUNT)

    def __attrs_post_init__(self) -> None:
        _verification_rule(self.outcome, self.as_found)


def _verification_rule(outcome: object, as_found: float | None) -> None:
    if as_found is not None and outcome is Outcome.PASS and as_found > 1:
        raise InvalidInputError(
            "verification.as_found",
            as_found,
            "at most 1 (in tolerance) for a pass; use outcome 'adjusted' or 'fail'",
        )


@attrs.frozen
class Policy:
    """How an office or lab turns a validity into warnings and states.

    >>> Policy().warning_days, Policy().grace_days
    (30, 0)
    >>> Policy(warning_in_due_month=True, grace_days=15).grace_days
    15

    None of these is set by statute; they are the ledger keeper's own choices (defaults: a
    warning of :data:`qsdomain.defaults.WARNING_DAYS` (30) days, no grace, no alignment, an
    early verification moves the schedule).

    Attributes:
        warning_days: the due-soon window: the last ``warning_days`` days up to and including
            the due date (0: no warning).
        warning_in_due_month: if true, due soon is instead "any day of the due date's calendar
            month up to the due date" (the "due this month" bucket ledgers print).
        grace_days: days after the due date that are a grace (increased-risk) period before
            the instrument is overdue; never counted as current.
        align: where the due date is placed relative to the last day of validity.
        early: whether an early verification moves the schedule or keeps its anchor.
        early_window_days: how many days before the due date a verification counts as early
            for ``EarlyRule.KEEP_ANCHOR``.
    """

    warning_days: int = attrs.field(
        default=defaults.WARNING_DAYS,
        converter=_checks.as_int,
        validator=_POLICY_DAYS,
    )
    warning_in_due_month: bool = attrs.field(default=False, validator=_checks.v_flag())
    grace_days: int = attrs.field(default=0, converter=_checks.as_int, validator=_POLICY_DAYS)
    align: Alignment = attrs.field(default=Alignment.NONE, converter=_alignment)
    early: EarlyRule = attrs.field(default=EarlyRule.MOVE, converter=_early)
    early_window_days: int = attrs.field(
        default=0, converter=_checks.as_int, validator=_POLICY_DAYS
    )
