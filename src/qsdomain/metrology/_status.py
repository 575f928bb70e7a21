"""Due dates and states of instruments on a day: one instrument, or a ledger streamed.

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
certificate reads 有效期至 2026-11-30. Month arithmetic is cached per (start day, term), so a
ledger of a million instruments pays for each distinct pair once and gets the very answers
:meth:`Term.nominal_end <qsdomain.periods.Term.nominal_end>` gives.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from datetime import date, timedelta
from typing import cast

import attrs

from qsdomain import _checks, limits
from qsdomain._drafts import drafted
from qsdomain.calendars import WorkingCalendar, WorkingDayCalendar, as_working_calendar
from qsdomain.errors import InvalidInputError
from qsdomain.metrology._instrument import (
    Instrument,
    Policy,
    Verification,
    optional_day,
    required_day,
    required_text,
)
from qsdomain.metrology._vocabulary import (
    Alignment,
    EarlyRule,
    InstrumentState,
    Outcome,
    Regime,
    Scheme,
)
from qsdomain.periods import Convention, Term

__all__ = ["InstrumentStatus", "status", "statuses"]

_DEFAULT_POLICY = Policy()
_ONE_DAY = timedelta(days=1)
_OUT = (Outcome.FAIL, Outcome.SCRAPPED)
# Enum members bound once: reading one off its class costs more than the rest of a comparison.
_NEVER_VERIFIED = InstrumentState.NEVER_VERIFIED
_OUT_OF_SERVICE = InstrumentState.OUT_OF_SERVICE
_CURRENT = InstrumentState.CURRENT
_DUE_SOON = InstrumentState.DUE_SOON
_GRACE = InstrumentState.GRACE
_OVERDUE = InstrumentState.OVERDUE
_FAIL = Outcome.FAIL
_SCRAPPED = Outcome.SCRAPPED
_FIRST_ONLY = Scheme.FIRST_ONLY_SCRAP
_FIXED_LIFE = Scheme.FIXED_LIFE
_MOVE = EarlyRule.MOVE
_NO_ALIGNMENT = Alignment.NONE
_CALIBRATION = Regime.CALIBRATION

#: What a status can rest on (:attr:`InstrumentStatus.basis`).
BASES = frozenset(
    (
        "none",
        "failed",
        "scrapped",
        "first_only",
        "service_life",
        "verification",
        "calibration",
        "usage",
    )
)


def _state(value: object) -> InstrumentState:
    if value.__class__ is InstrumentState:
        return value
    return _checks.enum_member("status.state", InstrumentState, value)


def _days_left(_: object, __: attrs.Attribute[int | None], value: int | None) -> None:
    if value is not None and value.__class__ is not int:
        _checks.whole_number("status.days_left", value)


def _last_record(_: object, __: attrs.Attribute[Verification | None], value: object) -> None:
    if value is not None and not isinstance(value, Verification):
        raise InvalidInputError("status.last", value, "a Verification or None")


def _basis(_: object, __: attrs.Attribute[str], value: object) -> None:
    if value.__class__ is not str or value not in BASES:
        raise InvalidInputError("status.basis", value, f"one of {', '.join(sorted(BASES))}")


@attrs.frozen(weakref_slot=False)  # built by a draft: qsdomain._drafts
class InstrumentStatus:
    """Where one instrument stands on ``as_of``, and why.

    >>> from datetime import date
    >>> from qsdomain.metrology import Instrument, status
    >>> st = status(Instrument(id="X", name="血压计", interval=Term(years=1)), [], date(2026, 1, 5))
    >>> st.state.value, st.due, st.reason[:3]
    ('never_verified', None, '未检定')

    Attributes:
        instrument_id: the instrument's ledger number.
        state: never_verified, current, due_soon, grace, overdue or out_of_service.
        as_of: the day asked about.
        valid_through: the last day of validity (有效期至), or ``None`` where nothing is valid
            (never verified, out of service, or a first-verification-only instrument, which
            has no end).
        due: the last day a verification keeps the instrument current (``valid_through``
            after the policy's alignment); for a fixed-life instrument the replacement day.
        days_left: days from ``as_of`` to ``due`` (0 on the due day, negative when overdue).
        last: the record the status rests on (the last record; for a fixed-life instrument
            the verification its life started from).
        basis: what the answer rests on: ``"none"`` (no record), ``"failed"``,
            ``"scrapped"``, ``"first_only"`` (只做首次强制检定), ``"service_life"``,
            ``"verification"``, ``"calibration"`` or ``"usage"`` (the usage limit was
            reached first).

    :attr:`reason` is one sentence saying why, with the Chinese term; it is computed from the
    fields when asked for (a ledger of a million rows need not build a million sentences),
    so it is not part of the serialized form.
    """

    instrument_id: str = attrs.field(validator=required_text("status.instrument_id"))
    state: InstrumentState = attrs.field(converter=_state)
    as_of: date = attrs.field(validator=required_day("status.as_of"))
    valid_through: date | None = attrs.field(validator=optional_day("status.valid_through"))
    due: date | None = attrs.field(validator=optional_day("status.due"))
    days_left: int | None = attrs.field(validator=_days_left)
    last: Verification | None = attrs.field(validator=_last_record)
    basis: str = attrs.field(validator=_basis)

    def __attrs_post_init__(self) -> None:
        """What every computed status satisfies (issue #18 item 14: JSON read back is checked).

        Only what the stored fields determine: the policy (warning window, grace days,
        alignment) and the instrument's interval are not stored, so ``current`` against
        ``due_soon`` and ``grace`` against ``overdue`` are not told apart here.
        """
        _check_status(self)

    @property
    def reason(self) -> str:
        """One sentence saying why, with the Chinese term (检定有效期至, 检定不合格, ...)."""
        return _reason(self)


#: The bases whose status has a due day (every other basis has none).
_DATED = frozenset(("service_life", "verification", "calibration", "usage"))


def _check_status(st: InstrumentStatus) -> None:  # noqa: PLR0912 - one check per rule
    state, basis, last = st.state, st.basis, st.last
    if (last is None) != (basis == "none"):
        raise InvalidInputError(
            "status.basis", basis, "'none' exactly when there is no last record"
        )
    if (state is _NEVER_VERIFIED) != (last is None):
        raise InvalidInputError(
            "status.state", state.value, "never_verified exactly when there is no last record"
        )
    if last is not None and last.on > st.as_of:
        raise InvalidInputError(
            "status.last.on", last.on, f"on or before as_of ({st.as_of}): a later record is unread"
        )
    out = basis in ("failed", "scrapped")
    if out:
        wanted = _FAIL if basis == "failed" else _SCRAPPED
        if last is None or last.outcome is not wanted:
            raise InvalidInputError(
                "status.last.outcome",
                None if last is None else last.outcome.value,
                f"{wanted.value} (the basis is {basis})",
            )
    elif last is not None and last.outcome in _OUT:
        raise InvalidInputError(
            "status.basis", basis, f"failed or scrapped after a {last.outcome.value} record"
        )
    if (state is _OUT_OF_SERVICE) != out:
        raise InvalidInputError(
            "status.state",
            state.value,
            "out_of_service exactly when the basis is failed or scrapped",
        )
    if basis == "first_only" and state is not _CURRENT:
        raise InvalidInputError("status.state", state.value, "current (first verification only)")
    if basis not in _DATED:
        for name in ("valid_through", "due", "days_left"):
            if getattr(st, name) is not None:
                raise InvalidInputError(
                    f"status.{name}", getattr(st, name), f"None when the basis is {basis}"
                )
        return
    if st.valid_through is None or st.due is None or st.days_left is None:
        raise InvalidInputError(
            "status.due", st.due, f"valid_through, due and days_left given (basis {basis})"
        )
    if st.days_left != (st.due - st.as_of).days:
        raise InvalidInputError(
            "status.days_left",
            st.days_left,
            f"{(st.due - st.as_of).days} (days from as_of {st.as_of} to due {st.due})",
        )
    if basis == "usage":
        if state is not _OVERDUE:
            raise InvalidInputError("status.state", state.value, "overdue (usage limit reached)")
    elif st.days_left >= 0 and state not in (_CURRENT, _DUE_SOON):
        raise InvalidInputError(
            "status.state", state.value, f"current or due_soon with {st.days_left} days left"
        )
    elif st.days_left < 0 and state not in (_GRACE, _OVERDUE):
        raise InvalidInputError(
            "status.state", state.value, f"grace or overdue {-st.days_left} days past due"
        )


#: An InstrumentStatus from values :func:`status` computed, every field in order, built by a
#: draft (:mod:`qsdomain._drafts`). Computations trust constructed objects (the house rule):
#: every value comes from a checked Instrument, checked records and this module's arithmetic,
#: so running the validators again would only cost time. Never used on caller input.
_trusted_status = drafted(InstrumentStatus)


#: Memo of inclusive period ends: term -> start day -> last day. Bounded (cleared when full),
#: so a long-running process does not grow without limit.
_ENDS: dict[Term, dict[date, date]] = {}
_MAX_TERMS = 256
_MAX_STARTS = 1 << 16
#: The same memos by the Term object's identity: ledgers reuse a few Term objects for many
#: rows (a row's term is rarely the previous row's), and an int key hashes in C where a Term
#: hashes through Python. Each entry holds its Term, so the id cannot be reused while the
#: entry lives, and the entry is used only if it holds this very object.
_BY_ID: dict[int, tuple[Term, dict[date, date]]] = {}


def _ends_of(term: Term) -> dict[date, date]:
    """The memo of ``term``'s period ends (shared by equal terms), made if new."""
    entry = _BY_ID.get(id(term))
    if entry is not None and entry[0] is term:
        return entry[1]
    found = _ENDS.get(term)
    if found is None:
        if len(_ENDS) >= _MAX_TERMS:
            _ENDS.clear()
        found = _ENDS[term] = {}
    if len(_BY_ID) >= _MAX_TERMS:
        _BY_ID.clear()
    _BY_ID[id(term)] = (term, found)
    return found


def _period_end(start: date, term: Term) -> date:
    """The inclusive end of ``term`` from ``start``, memoised: relativedelta costs microseconds.

    Always the answer of :meth:`Term.nominal_end <qsdomain.periods.Term.nominal_end>`.
    """
    ends = _ends_of(term)
    end = ends.get(start)
    if end is None:
        if len(ends) >= _MAX_STARTS:
            ends.clear()
        end = ends[start] = term.nominal_end(start, Convention.INCLUSIVE)
    return end


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


def _end(instrument: Instrument, start: date, term: Term) -> date:
    end = _period_end(start, term)
    if instrument.max_interval is not None:
        end = min(end, _period_end(start, instrument.max_interval))
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
    if policy.align is Alignment.NONE:
        return valid_through
    if policy.align is Alignment.MONTH_END:
        if valid_through.month == 12:  # December: no month 13, and 9999-12 stays in range
            return valid_through.replace(day=31)
        following = valid_through.replace(month=valid_through.month + 1, day=1)
        return following - _ONE_DAY
    if calendar is None:
        raise InvalidInputError(
            "calendar", None, "a working calendar for align='previous_working_day'"
        )
    return calendar.roll_backward(valid_through)


def _calendar_state(days_left: int, due: date, as_of: date, policy: Policy) -> InstrumentState:
    if days_left >= 0:
        if policy.warning_in_due_month:
            soon = (as_of.year, as_of.month) == (due.year, due.month)
        else:
            soon = days_left < policy.warning_days
        return _DUE_SOON if soon else _CURRENT
    if -days_left <= policy.grace_days:
        return _GRACE
    return _OVERDUE


_HEADS = {
    "service_life": "限期使用，到期轮换: service life ends",
    "calibration": "校准间隔 (calibration interval) ends",
    "verification": "检定有效期至",
    "usage": "检定有效期至",
}


#: What an overdue instrument needs, by what the due date rests on.
_OVERDUE_ACTION = {
    "verification": "must not be used until verified (计量法 art. 9)",
    "usage": "must not be used until verified (计量法 art. 9)",
    # 限期使用、到期轮换 (SAMR announcement 2020 No. 42): at the end of its life the instrument
    # is replaced, not verified again.
    "service_life": "must be replaced (到期轮换) and not used further",
    "calibration": "recalibrate before further use (校准间隔已过)",
}


def _reason(st: InstrumentStatus) -> str:  # noqa: PLR0911 - one sentence per case
    last = st.last
    if last is None:
        return "未检定 (never verified): no verification on record; verify before use."
    if st.basis == "scrapped":
        return f"报废/停用 on {last.on}: withdrawn from service."
    if st.basis == "failed":
        return (
            f"检定不合格 on {last.on}: must not be used until repaired and verified again "
            "(计量法 art. 9: 检定不合格的，不得使用)."
        )
    if st.basis == "first_only":
        return (
            f"只做首次强制检定，失准报废: verified {last.on}; never due, in service until it fails."
        )
    days_left = st.days_left if st.days_left is not None else 0
    if st.basis == "usage":
        return (
            f"使用时间已到 (usage limit reached since {last.on}): due now although 有效期至 "
            f"{st.valid_through} has not passed (ILAC-G24 method 3)."
        )
    head = f"{_HEADS[st.basis]} {st.valid_through}"
    if st.state is InstrumentState.CURRENT:
        return f"{head}: current, {days_left} days left."
    if st.state is InstrumentState.DUE_SOON:
        return f"{head}: due soon, {days_left} days left inside the warning window."
    if st.state is InstrumentState.GRACE:
        return f"{head}: {-days_left} days past due, inside the grace period (increased risk)."
    return f"{head}: overdue by {-days_left} days; {_OVERDUE_ACTION[st.basis]}."


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

    Rules, in order: no record is ``never_verified``; a last record that failed or was
    scrapped is ``out_of_service`` (计量法 art. 9: "未按照规定申请检定或者检定不合格的，不得
    使用"); a first-verification-only instrument (只做首次强制检定，失准报废) is ``current``
    until then and never due; otherwise validity runs for ``instrument.interval`` from the
    period's start (inclusive convention, capped by ``max_interval``), the due date follows
    the policy's alignment, and the day falls in ``current``, ``due_soon`` (the warning
    window), ``grace`` (the policy's grace days after the due date) or ``overdue``. A
    fixed-life instrument's period is its service life from its first verification. If the
    instrument has a ``usage_limit`` and ``usage`` (hours or uses since the last record)
    reaches it, the instrument is ``overdue`` whatever the calendar says: whichever trigger
    comes first (ILAC-G24:2007 method 3).

    Records must be in date order (same-day records keep their given order) and none may be
    after ``as_of``.
    """
    if as_of.__class__ is not date:
        as_of = _checks.day("as_of", as_of)
    if instrument.__class__ is not Instrument and not isinstance(instrument, Instrument):
        raise InvalidInputError("instrument", instrument, "an Instrument")
    if policy is None:
        policy = _DEFAULT_POLICY
    elif not isinstance(policy, Policy):
        raise InvalidInputError("policy", policy, "a Policy or None")
    used = None if usage is None else _checks.real("usage", usage, 0.0, limits.MAX_METROLOGY_USAGE)
    return _status(instrument, records, as_of, policy, calendar, used)


def _status(  # noqa: PLR0912, PLR0917 - the rules in order, as status lists them
    instrument: Instrument,
    records: Iterable[Verification],
    as_of: date,
    policy: Policy,
    calendar: WorkingDayCalendar | WorkingCalendar | None,
    used: float | None,
) -> InstrumentStatus:
    """:func:`status` once its arguments, the records apart, are checked."""
    history: list[Verification] = records  # type: ignore[assignment] # checked next
    if records.__class__ is list and len(history) == 1:
        # A ledger row: one record. The same checks as _history's, inline.
        first = history[0]
        if first.__class__ is not Verification or first.on > as_of:
            history = _history(records, as_of)
    else:
        history = _history(records, as_of)
    ident = instrument.id
    if not history:
        return _trusted_status(ident, _NEVER_VERIFIED, as_of, None, None, None, None, "none")
    last = history[-1]
    outcome = last.outcome
    if outcome is _FAIL or outcome is _SCRAPPED:
        basis = "scrapped" if outcome is _SCRAPPED else "failed"
        return _trusted_status(ident, _OUT_OF_SERVICE, as_of, None, None, None, last, basis)
    scheme = instrument.scheme
    if scheme is _FIRST_ONLY:
        return _trusted_status(ident, _CURRENT, as_of, None, None, None, last, "first_only")
    if scheme is not _FIXED_LIFE and (policy.early is _MOVE or policy.early_window_days == 0):
        start, record = last.on, last  # what _anchor gives in this case
    else:
        start, record = _anchor(instrument, history, policy)
    term = instrument.interval
    assert term is not None
    entry = _BY_ID.get(id(term))  # _period_end's first steps, inline: most rows stop here
    found = entry[1].get(start) if entry is not None and entry[0] is term else None
    valid_through = found if found is not None else _period_end(start, term)
    if instrument.max_interval is not None:
        valid_through = min(valid_through, _period_end(start, instrument.max_interval))
    working = None if calendar is None else as_working_calendar(calendar)
    due = valid_through if policy.align is _NO_ALIGNMENT else _align(valid_through, policy, working)
    days_left = (due - as_of).days
    if days_left >= policy.warning_days and not policy.warning_in_due_month:
        state = _CURRENT  # what _calendar_state gives, without the call
    else:
        state = _calendar_state(days_left, due, as_of, policy)
    if scheme is _FIXED_LIFE:
        basis = "service_life"
    else:
        basis = "calibration" if instrument.regime is _CALIBRATION else "verification"
    if used is not None:
        limit = instrument.usage_limit
        if limit is not None and used >= limit and state is not _OVERDUE:
            state, basis = _OVERDUE, "usage"
    return _trusted_status(ident, state, as_of, valid_through, due, days_left, record, basis)


def statuses(
    rows: Iterable[tuple[Instrument, Iterable[Verification]]],
    as_of: date,
    *,
    policy: Policy | None = None,
    calendar: WorkingDayCalendar | WorkingCalendar | None = None,
) -> Iterator[InstrumentStatus]:
    """The status of each (instrument, records) pair in ``rows``, one at a time.

    >>> from datetime import date
    >>> from qsdomain.metrology import Instrument, Verification
    >>> from qsdomain.periods import Term
    >>> ledger = [(Instrument(id=f"S-{i}", name="秤", interval=Term(years=1)),
    ...            [Verification(on=date(2025, 12, i), outcome="pass")]) for i in (1, 2)]
    >>> [s.days_left for s in statuses(ledger, date(2026, 11, 27))]
    [3, 4]

    A generator: nothing is kept after a status is yielded, so a ledger of any size streams
    in constant memory. ``as_of``, ``policy``, ``calendar`` and whether ``rows`` is a list at
    all are checked at the call; the rows as they are read. A bad row raises
    :class:`~qsdomain.errors.InvalidInputError` whose field starts with ``rows[i]``; a caller
    that must go on past bad rows calls :func:`status` per row instead.
    """
    as_of, policy, working = _scan_arguments(as_of, policy, calendar)
    stream = _checks.stream("rows", rows)
    return _scan(stream, as_of, policy, working, skip_beyond=_NO_SKIP, skipped=[0])


#: ``skip_beyond`` of :func:`_scan` that skips nothing (no days_left is this large).
_NO_SKIP = 1 << 62


def _scan_arguments(
    as_of: object, policy: object, calendar: object
) -> tuple[date, Policy, WorkingCalendar | None]:
    """The checked ``as_of``, policy and working calendar of :func:`statuses`."""
    day = _checks.day("as_of", as_of)
    if policy is None:
        policy = _DEFAULT_POLICY
    elif not isinstance(policy, Policy):
        raise InvalidInputError("policy", policy, "a Policy or None")
    if calendar is None:
        return day, policy, None
    return day, policy, as_working_calendar(calendar)  # type: ignore[arg-type]


def _scan(
    rows: Iterable[tuple[Instrument, Iterable[Verification]]],
    as_of: date,
    policy: Policy,
    working: WorkingCalendar | None,
    *,
    skip_beyond: int,
    skipped: list[int],
) -> Iterator[InstrumentStatus]:
    """:func:`statuses` once its arguments are checked; a row computed inline as current
    with more than ``skip_beyond`` days left is not yielded but counted in ``skipped[0]``
    (only :func:`~qsdomain.metrology.ledger_report` asks for that: it counts such rows and
    keeps nothing of them)."""
    one = _status
    # A policy with no alignment, no early-verification window and a plain warning window
    # (the default): a ledger row of one record in service, on a periodic instrument with no
    # cap, is computed inline below, the very steps _status takes for it; any other row, or
    # any other policy, goes through _status.
    inline = (
        policy.align is _NO_ALIGNMENT
        and not policy.warning_in_due_month
        and (policy.early is _MOVE or policy.early_window_days == 0)
    )
    warning = policy.warning_days
    by_id = _BY_ID
    for i, row in enumerate(rows):  # checked by the caller: _checks.stream
        try:
            instrument, records = row
        except (TypeError, ValueError):
            raise InvalidInputError(f"rows[{i}]", row, "an (instrument, records) pair") from None
        try:
            if instrument.__class__ is Instrument:
                if inline and records.__class__ is list and len(records) == 1:
                    last = records[0]
                    on = last.on if last.__class__ is Verification else None
                    scheme = instrument.scheme
                    if (
                        on is not None
                        and on <= as_of
                        and last.outcome is not _FAIL
                        and last.outcome is not _SCRAPPED
                        and scheme is not _FIRST_ONLY
                        and scheme is not _FIXED_LIFE
                        and instrument.max_interval is None
                    ):
                        term = instrument.interval
                        entry = by_id.get(id(term))
                        end = entry[1].get(on) if entry is not None and entry[0] is term else None
                        if end is None:
                            end = _period_end(on, cast("Term", term))
                        days_left = (end - as_of).days
                        if days_left >= warning:
                            if days_left > skip_beyond:
                                skipped[0] += 1
                                continue
                            state = _CURRENT
                        else:
                            state = _calendar_state(days_left, end, as_of, policy)
                        yield _trusted_status(
                            instrument.id,
                            state,
                            as_of,
                            end,
                            end,
                            days_left,
                            last,
                            "calibration" if instrument.regime is _CALIBRATION else "verification",
                        )
                        continue
            elif not isinstance(instrument, Instrument):
                raise InvalidInputError("instrument", instrument, "an Instrument")
            yield one(instrument, records, as_of, policy, working, None)
        except InvalidInputError as exc:
            raise InvalidInputError(f"rows[{i}].{exc.field}", exc.value, exc.allowed) from exc
