"""Due dates and states of instruments on a day: the rule (检定周期 and the policy), plainly.

>>> from datetime import date
>>> from qsdomain.metrology import Instrument, Outcome, Verification, status
>>> from qsdomain.periods import Term
>>> scale = Instrument(id="JL-2025-0001", name="电子计价秤", interval=Term(years=1))
>>> st = status(scale, [Verification(on=date(2025, 12, 1), outcome=Outcome.PASS)],
...             as_of=date(2026, 11, 27))
>>> st.state.value, st.valid_through, st.days_left
('due_soon', datetime.date(2026, 11, 30), 3)

Validity is counted with the inclusive certificate convention (:attr:`Convention.INCLUSIVE
<qsdomain.periods.Convention.INCLUSIVE>`): verified on 2025-12-01 with a one-year 检定周期, the
certificate reads 有效期至 2026-11-30. This module is the rule, written to be read
(:func:`rule`); the batch entries (:func:`~qsdomain.metrology.statuses`,
:func:`~qsdomain.metrology.worklist`, the reports) go through
:mod:`qsdomain.metrology._kernel`, which answers as this rule (tests/test_metrology_fast_paths.py
checks it on random and hostile input).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from typing import cast

import attrs

from qsdomain import _checks, limits
from qsdomain._drafts import drafted
from qsdomain._memo import Memo
from qsdomain.calendars import WorkingCalendar, WorkingDayCalendar, as_working_calendar, china
from qsdomain.errors import InvalidInputError
from qsdomain.metrology._instrument import (
    Instrument,
    Policy,
    Verification,
)
from qsdomain.metrology._vocabulary import (
    Alignment,
    Basis,
    EarlyRule,
    InstrumentState,
    Outcome,
    Regime,
    Scheme,
)
from qsdomain.periods import Convention, Term

__all__ = ["InstrumentStatus", "rule", "sentence", "status"]

_ONE_DAY = timedelta(days=1)
_OUT = (Outcome.FAIL, Outcome.SCRAPPED)


def _state(value: object) -> InstrumentState:
    if value.__class__ is InstrumentState:
        return value
    return _checks.enum_member("instrument_status.state", InstrumentState, value)


def _basis(value: object) -> Basis:
    if value.__class__ is Basis:
        return value
    return _checks.enum_member("instrument_status.basis", Basis, value)


def _last_record(_: object, __: attrs.Attribute[Verification | None], value: object) -> None:
    if value is not None and not isinstance(value, Verification):
        raise InvalidInputError("instrument_status.last", value, "a Verification or None")


@attrs.frozen(weakref_slot=False)  # built by a draft: qsdomain._drafts
class InstrumentStatus:
    """Where one instrument stands on ``as_of`` (器具状态), and why.

    >>> from datetime import date
    >>> from qsdomain.metrology import Instrument, status
    >>> st = status(Instrument(id="X", name="血压计", interval=Term(years=1)), [], date(2026, 1, 5))
    >>> st.state.value, st.due, st.reason[:3]
    ('never_verified', None, '未检定')

    The first six fields are those of every family's status (docs/contributing.md).

    Attributes:
        id: the instrument's ledger number.
        as_of: the day asked about.
        state: never_verified, current, due_soon, grace, overdue or out_of_service.
        due: the last day a verification keeps the instrument current (``valid_through``
            after the policy's alignment); for a fixed-life instrument the replacement day;
            ``None`` when nothing falls due.
        days_left: calendar days from ``as_of`` to ``due`` (0 on the due day, negative when
            overdue), ``None`` when ``due`` is.
        reason: one sentence saying why, with the Chinese term (检定有效期至, 检定不合格, ...):
            :func:`sentence` of the other fields.
        valid_through: the last day of validity (有效期至), or ``None`` where nothing is valid
            (never verified, out of service, or a first-verification-only instrument, which
            has no end).
        last: the record the status rests on (the last record; for a fixed-life instrument
            the verification its life started from).
        basis: what the answer rests on (:class:`~qsdomain.metrology.Basis`).
    """

    id: str = attrs.field(validator=_checks.v_text())
    as_of: date = attrs.field(validator=_checks.v_day())
    state: InstrumentState = attrs.field(converter=_state)
    due: date | None = attrs.field(validator=_checks.v_day(optional=True))
    days_left: int | None = attrs.field(
        converter=_checks.as_optional_int, validator=_checks.v_whole(optional=True)
    )
    reason: str = attrs.field(validator=_checks.v_text())
    valid_through: date | None = attrs.field(validator=_checks.v_day(optional=True))
    last: Verification | None = attrs.field(validator=_last_record)
    basis: Basis = attrs.field(converter=_basis)

    def __attrs_post_init__(self) -> None:
        """What every computed status satisfies (issue #18 item 14: JSON read back is checked).

        Only what the stored fields determine: the policy (warning window, grace days,
        alignment) and the instrument's interval are not stored, so ``current`` against
        ``due_soon`` and ``grace`` against ``overdue`` are not told apart here.
        """
        _check_status(self)


#: The bases whose status has a due day (every other basis has none).
_DATED = frozenset((Basis.SERVICE_LIFE, Basis.VERIFICATION, Basis.CALIBRATION, Basis.USAGE))
_OUT_BASES = {Basis.FAILED: Outcome.FAIL, Basis.SCRAPPED: Outcome.SCRAPPED}


def _check_status(st: InstrumentStatus) -> None:  # noqa: PLR0912 - one check per rule
    state, basis, last = st.state, st.basis, st.last
    if (last is None) != (basis is Basis.NONE):
        raise InvalidInputError(
            "instrument_status.basis", basis.value, "'none' exactly when there is no last record"
        )
    if (state is InstrumentState.NEVER_VERIFIED) != (last is None):
        raise InvalidInputError(
            "instrument_status.state",
            state.value,
            "never_verified exactly when there is no last record",
        )
    if last is not None and last.on > st.as_of:
        raise InvalidInputError(
            "instrument_status.last.on",
            last.on,
            f"on or before as_of ({st.as_of}): a later record is unread",
        )
    wanted = _OUT_BASES.get(basis)
    if wanted is not None:
        if last is None or last.outcome is not wanted:
            raise InvalidInputError(
                "instrument_status.last.outcome",
                None if last is None else last.outcome.value,
                f"{wanted.value} (the basis is {basis.value})",
            )
    elif last is not None and last.outcome in _OUT:
        raise InvalidInputError(
            "instrument_status.basis",
            basis.value,
            f"failed or scrapped after a {last.outcome.value} record",
        )
    if (state is InstrumentState.OUT_OF_SERVICE) != (wanted is not None):
        raise InvalidInputError(
            "instrument_status.state",
            state.value,
            "out_of_service exactly when the basis is failed or scrapped",
        )
    if basis is Basis.FIRST_ONLY and state is not InstrumentState.CURRENT:
        raise InvalidInputError(
            "instrument_status.state", state.value, "current (first verification only)"
        )
    if basis not in _DATED:
        for name in ("valid_through", "due", "days_left"):
            if getattr(st, name) is not None:
                raise InvalidInputError(
                    f"instrument_status.{name}",
                    getattr(st, name),
                    f"None when the basis is {basis.value}",
                )
    else:
        _check_dated(st)
    expected = sentence(state, basis, last, st.valid_through, st.days_left)
    if st.reason != expected:
        raise InvalidInputError(
            "instrument_status.reason", st.reason, f"the sentence of the fields: {expected}"
        )


def _check_dated(st: InstrumentStatus) -> None:
    state, basis = st.state, st.basis
    if st.valid_through is None or st.due is None or st.days_left is None:
        raise InvalidInputError(
            "instrument_status.due",
            st.due,
            f"valid_through, due and days_left given (basis {basis.value})",
        )
    if st.days_left != (st.due - st.as_of).days:
        raise InvalidInputError(
            "instrument_status.days_left",
            st.days_left,
            f"{(st.due - st.as_of).days} (days from as_of {st.as_of} to due {st.due})",
        )
    if basis is Basis.USAGE:
        if state is not InstrumentState.OVERDUE:
            raise InvalidInputError(
                "instrument_status.state", state.value, "overdue (usage limit reached)"
            )
    elif st.days_left >= 0 and state not in (InstrumentState.CURRENT, InstrumentState.DUE_SOON):
        raise InvalidInputError(
            "instrument_status.state",
            state.value,
            f"current or due_soon with {st.days_left} days left",
        )
    elif st.days_left < 0 and state not in (InstrumentState.GRACE, InstrumentState.OVERDUE):
        raise InvalidInputError(
            "instrument_status.state",
            state.value,
            f"grace or overdue {-st.days_left} days past due",
        )


#: An InstrumentStatus from values the rule (or the kernel) computed, every field in order,
#: built by a draft (:mod:`qsdomain._drafts`). Computations trust constructed objects (the
#: house rule): every value comes from a checked Instrument, checked records and the rule's
#: arithmetic, so running the validators again would only cost time. Never used on caller
#: input.
_trusted_status = drafted(InstrumentStatus)


_HEADS = {
    Basis.SERVICE_LIFE: "限期使用，到期轮换: service life ends",
    Basis.CALIBRATION: "校准间隔 (calibration interval) ends",
    Basis.VERIFICATION: "检定有效期至",
    Basis.USAGE: "检定有效期至",
}


#: What an overdue instrument needs, by what the due date rests on.
_OVERDUE_ACTION = {
    Basis.VERIFICATION: "must not be used until verified (计量法 art. 9)",
    Basis.USAGE: "must not be used until verified (计量法 art. 9)",
    # 限期使用、到期轮换 (SAMR announcement 2020 No. 42): at the end of its life the instrument
    # is replaced, not verified again.
    Basis.SERVICE_LIFE: "must be replaced (到期轮换) and not used further",
    Basis.CALIBRATION: "recalibrate before further use (校准间隔已过)",
}


def sentence(  # noqa: PLR0911 - one sentence per case
    state: InstrumentState,
    basis: Basis,
    last: Verification | None,
    valid_through: date | None,
    days_left: int | None,
) -> str:
    """The :attr:`InstrumentStatus.reason` of a status with these fields.

    >>> from datetime import date
    >>> sentence(InstrumentState.CURRENT, Basis.VERIFICATION,
    ...          Verification(on=date(2025, 12, 1), outcome="pass"), date(2026, 11, 30), 40)
    '检定有效期至 2026-11-30: current, 40 days left.'
    """
    if last is None:
        return "未检定 (never verified): no verification on record; verify before use."
    if basis is Basis.SCRAPPED:
        return f"报废/停用 on {last.on}: withdrawn from service."
    if basis is Basis.FAILED:
        return (
            f"检定不合格 on {last.on}: must not be used until repaired and verified again "
            "(计量法 art. 9: 检定不合格的，不得使用)."
        )
    if basis is Basis.FIRST_ONLY:
        return (
            f"只做首次强制检定，失准报废: verified {last.on}; never due, in service until it fails."
        )
    left = days_left if days_left is not None else 0
    if basis is Basis.USAGE:
        return (
            f"使用时间已到 (usage limit reached since {last.on}): due now although 有效期至 "
            f"{valid_through} has not passed (ILAC-G24 method 3)."
        )
    head = f"{_HEADS.get(basis, basis.value)} {valid_through}"
    if state is InstrumentState.CURRENT:
        return f"{head}: current, {left} days left."
    if state is InstrumentState.DUE_SOON:
        return f"{head}: due soon, {left} days left inside the warning window."
    if state is InstrumentState.GRACE:
        return f"{head}: {-left} days past due, inside the grace period (increased risk)."
    return f"{head}: overdue by {-left} days; {_OVERDUE_ACTION.get(basis, 'verify before use')}."


def _history(records: object, as_of: date) -> list[Verification]:
    """The records as a list, checked: each a Verification, in date order, none after as_of."""
    kind = records.__class__
    if (
        kind is not list
        and kind is not tuple
        and (
            isinstance(records, (str, bytes, bytearray, Mapping))
            or not isinstance(records, Iterable)
        )
    ):
        raise InvalidInputError("records", records, "a list of Verification records")
    history: list[Verification] = []
    previous: date | None = None
    for i, record in enumerate(cast("Iterable[object]", records)):
        if i >= limits.MAX_METROLOGY_RECORDS:
            raise InvalidInputError(
                "records", f"more than {i} records", "at most MAX_METROLOGY_RECORDS records"
            )
        if record.__class__ is not Verification and not isinstance(record, Verification):
            raise InvalidInputError(f"records[{i}]", record, "a Verification")
        on = record.on
        if on > as_of:
            raise InvalidInputError(f"records[{i}].on", on, f"on or before as_of ({as_of})")
        if previous is not None and on < previous:
            raise InvalidInputError(
                f"records[{i}].on", on, f"on or after the previous record's day ({previous})"
            )
        previous = on
        history.append(record)
    return history


#: Inclusive period ends remembered: Term.nominal_end costs microseconds (relativedelta), and
#: a ledger asks the same (term, start day) again and again. Always Term.nominal_end's answer.
_ENDS: Memo[tuple[Term, date], date] = Memo(1 << 16)


def period_end(start: date, term: Term) -> date:
    """The inclusive end of ``term`` from ``start`` (有效期至), remembered.

    >>> period_end(date(2025, 12, 1), Term(years=1))
    datetime.date(2026, 11, 30)
    """
    key = (term, start)
    end = _ENDS.get(key)
    if end is None:
        end = _ENDS.put(key, term.nominal_end(start, Convention.INCLUSIVE))
    return end


def _end(instrument: Instrument, start: date, term: Term) -> date:
    """The last day of validity of a period from ``start``, capped by ``max_interval``."""
    end = period_end(start, term)
    if instrument.max_interval is not None:
        end = min(end, period_end(start, instrument.max_interval))
    return end


def _anchor(
    instrument: Instrument, history: list[Verification], policy: Policy
) -> tuple[date, Verification]:
    """The day the current period starts and the record it rests on (last record in service)."""
    if instrument.scheme is Scheme.FIXED_LIFE:
        # The service life runs from the first verification since the last time it was out.
        first = history[-1]
        for record in reversed(history):
            if record.outcome in _OUT:
                break
            first = record
        return first.on, first
    last = history[-1]
    if policy.early is EarlyRule.MOVE or policy.early_window_days == 0:
        return last.on, last
    term = instrument.interval
    assert term is not None
    start: date | None = None
    end: date | None = None
    for record in history:
        if record.outcome in _OUT:
            start = end = None
            continue
        early = end is not None and 0 <= (end - record.on).days < policy.early_window_days
        start = end + _ONE_DAY if early and end is not None else record.on
        end = _end(instrument, start, term)
    assert start is not None
    return start, last


def _align(valid_through: date, policy: Policy, calendar: WorkingCalendar | None) -> date:
    """The due day: the last day of validity placed by the policy's alignment."""
    if policy.align is Alignment.NONE:
        return valid_through
    if policy.align is Alignment.MONTH_END:
        if valid_through.month == 12:  # December: no month 13, and 9999-12 stays in range
            return valid_through.replace(day=31)
        following = valid_through.replace(month=valid_through.month + 1, day=1)
        return following - _ONE_DAY
    return (china() if calendar is None else calendar).roll_backward(valid_through)


def _calendar_state(days_left: int, due: date, as_of: date, policy: Policy) -> InstrumentState:
    """current, due_soon (the warning window), grace (the grace days) or overdue."""
    if days_left >= 0:
        if policy.warning_in_due_month:
            soon = (as_of.year, as_of.month) == (due.year, due.month)
        else:
            soon = days_left < policy.warning_days
        return InstrumentState.DUE_SOON if soon else InstrumentState.CURRENT
    if -days_left <= policy.grace_days:
        return InstrumentState.GRACE
    return InstrumentState.OVERDUE


#: Reasons remembered by what the sentence reads (state, basis, the record's day, validity, days
#: left): formatting dates into a sentence costs more than the rest of a status.
_REASONS: Memo[tuple[str, str, date | None, date | None, int | None], str] = Memo(1 << 16)


def _made(  # noqa: PLR0917 - every field but the reason, in order
    ident: str,
    as_of: date,
    state: InstrumentState,
    due: date | None,
    days_left: int | None,
    valid_through: date | None,
    last: Verification | None,
    basis: Basis,
) -> InstrumentStatus:
    key = (
        state._value_,
        basis._value_,
        None if last is None else last.on,
        valid_through,
        days_left,
    )
    reason = _REASONS.get(key)
    if reason is None:
        reason = _REASONS.put(key, sentence(state, basis, last, valid_through, days_left))
    return _trusted_status(ident, as_of, state, due, days_left, reason, valid_through, last, basis)


def rule(  # noqa: PLR0917 - status's arguments, checked
    instrument: Instrument,
    records: Iterable[Verification],
    as_of: date,
    policy: Policy,
    calendar: WorkingCalendar | None,
    used: float | None,
) -> InstrumentStatus:
    """THE rule of :func:`status`, once its arguments (the records apart) are checked.

    Rules, in order: no record is ``never_verified``; a last record that failed or was
    scrapped is ``out_of_service`` (计量法 art. 9: "未按照规定申请检定或者检定不合格的，不得
    使用"); a first-verification-only instrument (只做首次强制检定，失准报废) is ``current``
    and never due; otherwise validity runs for ``instrument.interval`` from the period's start
    (inclusive convention, capped by ``max_interval``), the due date follows the policy's
    alignment, and the day falls in ``current``, ``due_soon``, ``grace`` or ``overdue``; a
    reached usage limit makes it ``overdue`` (ILAC-G24:2007 method 3).
    """
    history = _history(records, as_of)
    if not history:
        return _made(
            instrument.id, as_of, InstrumentState.NEVER_VERIFIED, None, None, None, None, Basis.NONE
        )
    last = history[-1]
    if last.outcome in _OUT:
        basis = Basis.SCRAPPED if last.outcome is Outcome.SCRAPPED else Basis.FAILED
        return _made(
            instrument.id, as_of, InstrumentState.OUT_OF_SERVICE, None, None, None, last, basis
        )
    if instrument.scheme is Scheme.FIRST_ONLY_SCRAP:
        return _made(
            instrument.id, as_of, InstrumentState.CURRENT, None, None, None, last, Basis.FIRST_ONLY
        )
    start, record = _anchor(instrument, history, policy)
    assert instrument.interval is not None  # only a first-only instrument has none
    valid_through = _end(instrument, start, instrument.interval)
    due = _align(valid_through, policy, calendar)
    days_left = (due - as_of).days
    state = _calendar_state(days_left, due, as_of, policy)
    if instrument.scheme is Scheme.FIXED_LIFE:
        basis = Basis.SERVICE_LIFE
    elif instrument.regime is Regime.CALIBRATION:
        basis = Basis.CALIBRATION
    else:
        basis = Basis.VERIFICATION
    limit = instrument.usage_limit
    if (
        used is not None
        and limit is not None
        and used >= limit
        and state is not InstrumentState.OVERDUE
    ):
        state, basis = InstrumentState.OVERDUE, Basis.USAGE
    return _made(instrument.id, as_of, state, due, days_left, valid_through, record, basis)


def checked_options(
    as_of: object, policy: object, calendar: object
) -> tuple[date, Policy, WorkingCalendar | None]:
    """The checked ``as_of``, policy (``None``: ``Policy()``) and working calendar (``None``
    stays ``None``: :func:`qsdomain.calendars.china` is fetched only when an alignment asks)."""
    day = _checks.day("as_of", as_of)
    if policy is None:
        policy = DEFAULT_POLICY
    elif not isinstance(policy, Policy):
        raise InvalidInputError("policy", policy, "a Policy or None")
    if calendar is None:
        return day, policy, None
    return day, policy, as_working_calendar(calendar)  # type: ignore[arg-type]


DEFAULT_POLICY = Policy()


def status(
    instrument: Instrument,
    records: Iterable[Verification],
    as_of: date,
    *,
    policy: Policy | None = None,
    calendar: WorkingDayCalendar | WorkingCalendar | None = None,
    usage: float | None = None,
) -> InstrumentStatus:
    """The state of ``instrument`` on ``as_of`` given its verification ``records``.

    >>> from datetime import date
    >>> from qsdomain.metrology import Instrument, Policy, Verification
    >>> from qsdomain.periods import Term
    >>> meter = Instrument(id="E-7", name="电能表", interval=Term(years=2))
    >>> history = [Verification(on=date(2024, 5, 10), outcome="pass")]
    >>> status(meter, history, date(2026, 5, 12), policy=Policy(grace_days=15)).state.value
    'grace'
    >>> status(meter, history, date(2024, 5, 9))
    Traceback (most recent call last):
    ...
    qsdomain.errors.InvalidInputError: records[0].on must be on or before as_of (2024-05-09), ...

    The rules are :func:`rule`'s. ``policy=None`` is ``Policy()``; ``calendar=None`` is the
    official calendar :func:`qsdomain.calendars.china` (used only by
    ``align="previous_working_day"``). If the instrument has a ``usage_limit`` and ``usage``
    (hours or uses since the last record) reaches it, the instrument is ``overdue`` whatever
    the calendar says: whichever trigger comes first (ILAC-G24:2007 method 3).

    Records must be in date order (same-day records keep their given order) and none may be
    after ``as_of``.
    """
    day, checked, working = checked_options(as_of, policy, calendar)
    if not isinstance(instrument, Instrument):
        raise InvalidInputError("instrument", instrument, "an Instrument")
    used = None if usage is None else _checks.real("usage", usage, 0.0, limits.MAX_METROLOGY_USAGE)
    return rule(instrument, records, day, checked, working, used)
