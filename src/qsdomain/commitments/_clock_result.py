"""What a clock says: the states, the deadlines and the obligations of a case's two clocks.

The values are built by :func:`qsdomain.commitments.clock` from already-checked inputs; built
directly (or structured from JSON), every field is checked.
"""

from __future__ import annotations

import enum
from datetime import date

import attrs

from qsdomain import _checks
from qsdomain.commitments._modes import Mode
from qsdomain.errors import InvalidInputError

__all__ = ["CaseClock", "ClockState", "Deadline", "Obligation", "ObligationKind"]


class ClockState(enum.Enum):
    """Where one clock stands.

    >>> [s.value for s in ClockState]
    ['not_started', 'on_track', 'warning', 'breached', 'met', 'missed', 'withdrawn']

    ``breached``: past due and still open; ``met``/``missed``: decided on or before, or after,
    the due date; ``warning``: open, with at least the item's first ``warn_at`` fraction of the
    limit used.
    """

    NOT_STARTED = "not_started"
    ON_TRACK = "on_track"
    WARNING = "warning"
    BREACHED = "breached"
    MET = "met"
    MISSED = "missed"
    WITHDRAWN = "withdrawn"


class ObligationKind(enum.Enum):
    """What the authority (or, for ``supply_outstanding``, the applicant) must do next."""

    NOTIFY_OR_ACCEPT = "notify_or_accept"  # 一次性告知 or 受理 (art. 32(4))
    NOTIFY_EXCLUSION = "notify_exclusion"  # written notice of an excluded procedure (art. 45)
    SUPPLY_OUTSTANDING = "supply_outstanding"  # 容缺 items due from the applicant
    REPORT_PROGRESS = "report_progress"  # 跟踪办
    HOLD_MEETING = "hold_meeting"  # 协调办
    DECIDE = "decide"  # the committed due date
    DELIVER = "deliver"  # 颁发、送达 (art. 44)


def _obligation_kind(v: object) -> ObligationKind:
    return _checks.enum_member("obligation.kind", ObligationKind, v)


#: The checks shared by several fields: a whole number, a day or None.
_WHOLE = _checks.v_whole()
_DAY_OR_NONE = _checks.v_day(optional=True)


@attrs.frozen(kw_only=True, weakref_slot=False)  # built by a draft: qsdomain._drafts
class Obligation:
    """What must happen next, by which day (inclusive), and whether that day has passed.

    >>> from datetime import date
    >>> Obligation(kind="deliver", by=date(2026, 10, 23)).kind
    <ObligationKind.DELIVER: 'deliver'>

    ``overdue`` (逾期): the day ``by`` is before the clock's ``as_of`` and the thing is still
    not done (a tracked case's progress report past its day, an art. 32(4) notice not sent);
    :class:`CaseClock` checks it against its ``as_of``.
    """

    kind: ObligationKind = attrs.field(converter=_obligation_kind)
    by: date = attrs.field(validator=_checks.v_day())
    overdue: bool = attrs.field(default=False, validator=_checks.v_flag())


def _deadline_state(v: object) -> ClockState:
    return _checks.enum_member("deadline.state", ClockState, v)


@attrs.frozen(kw_only=True, weakref_slot=False)  # built by a draft: qsdomain._drafts
class Deadline:
    """One clock of a case: the statutory one (法定时限) or the committed one (承诺时限).

    >>> from datetime import date
    >>> d = Deadline(limit=10, due=date(2026, 10, 16), used=4, left=6, state="on_track")
    >>> d.state.value, d.paused
    ('on_track', False)

    Attributes:
        limit: the counted days allowed: the item's limit plus the granted extension.
        due: the last day allowed, or ``None`` before acceptance or while an excluded
            procedure runs (the clock is paused and its end is not yet known).
        used: counted days from the day after acceptance up to the as-of date (or the
            decision), excluded days not counted.
        left: ``limit - used`` (negative when late).
        state: the clock's :class:`ClockState`.
        paused: whether an excluded procedure (art. 45) is running.
    """

    limit: int = attrs.field(converter=_checks.as_int, validator=_WHOLE)
    due: date | None = attrs.field(default=None, validator=_DAY_OR_NONE)
    used: int = attrs.field(converter=_checks.as_int, validator=_WHOLE)
    left: int = attrs.field(converter=_checks.as_int, validator=_WHOLE)
    state: ClockState = attrs.field(converter=_deadline_state)
    paused: bool = attrs.field(default=False, validator=_checks.v_flag())

    def __attrs_post_init__(self) -> None:
        # What every computed clock satisfies (issue #18 item 14); the calendar and the case's
        # events are not stored, so ``due`` is not checked against ``limit``.
        if self.left != self.limit - self.used:
            raise InvalidInputError(
                "deadline.left", self.left, f"{self.limit - self.used} (limit - used)"
            )


def _caseclock_state(v: object) -> ClockState:
    return _checks.enum_member("case_clock.state", ClockState, v)


def _caseclock_mode(v: object) -> Mode:
    return _checks.enum_member("case_clock.mode", Mode, v)


def _statutory(value: object) -> Deadline:
    if isinstance(value, Deadline):
        return value
    raise InvalidInputError("case_clock.statutory", value, "a Deadline")


def _committed(value: object) -> Deadline:
    if isinstance(value, Deadline):
        return value
    raise InvalidInputError("case_clock.committed", value, "a Deadline")


def _next_obligation(value: object) -> Obligation | None:
    if value is None or isinstance(value, Obligation):
        return value
    raise InvalidInputError("case_clock.next_obligation", value, "an Obligation or None")


@attrs.frozen(kw_only=True, weakref_slot=False)  # built by a draft: qsdomain._drafts
class CaseClock:
    """Both clocks of a case on a date, and what must happen next (the result of :func:`clock`).

    >>> from datetime import date
    >>> off = Deadline(limit=0, due=None, used=0, left=0, state="not_started")
    >>> c = CaseClock(id="1", as_of=date(2026, 9, 28), state="not_started",
    ...               reason="not_started: not received by 2026-09-28 (未收件)",
    ...               item_code="A", mode="guided", statutory=off, committed=off)
    >>> c.state.value, c.due, c.days_left
    ('not_started', None, None)

    The first six fields are the family contract's (issue #19), the same in every family:

    Attributes:
        id: the case's ``id`` (its ledger id).
        as_of: the (local) date the clocks are read on.
        state: the committed clock's :class:`ClockState` (the one the window is judged by).
        due: the committed clock's due day (承诺时限 due), ``None`` before acceptance or while
            an excluded procedure runs.
        days_left: calendar days from ``as_of`` to ``due`` (negative when past), ``None``
            without ``due``; the working (or, 加班办, calendar) days left of the limit are
            ``committed.left``.
        reason: one line saying why, in the unit the committed clock counts.
        item_code: its item's ``code``; mode: the item's mode.
        received_on: the local date of receipt, if received.
        accepted_on: the acceptance date, including deemed acceptance (art. 32(4)).
        deemed_accepted: whether ``accepted_on`` is the legal fiction of art. 32(4).
        statutory: the legal clock; committed: the published promise's clock.
        next_obligation: the earliest thing still to do, its day and whether it is overdue.
        delivery_due: decided cases: the last day to deliver the certificate (art. 44).
        excluded_days: working days taken out of the statutory clock by art. 45 procedures.
        provisional: whether any day counted lies in a provisional span of the calendar.
    """

    id: str = attrs.field(validator=_checks.v_text(max_length=200))
    as_of: date = attrs.field(validator=_checks.v_day())
    state: ClockState = attrs.field(converter=_caseclock_state)
    due: date | None = attrs.field(default=None, validator=_DAY_OR_NONE)
    days_left: int | None = attrs.field(
        default=None, converter=_checks.as_optional_int, validator=_checks.v_whole(optional=True)
    )
    reason: str = attrs.field(validator=_checks.v_text(max_length=1000))
    item_code: str = attrs.field(validator=_checks.v_text(max_length=64))
    mode: Mode = attrs.field(converter=_caseclock_mode)
    received_on: date | None = attrs.field(default=None, validator=_DAY_OR_NONE)
    accepted_on: date | None = attrs.field(default=None, validator=_DAY_OR_NONE)
    deemed_accepted: bool = attrs.field(default=False, validator=_checks.v_flag())
    statutory: Deadline = attrs.field(converter=_statutory)
    committed: Deadline = attrs.field(converter=_committed)
    next_obligation: Obligation | None = attrs.field(default=None, converter=_next_obligation)
    delivery_due: date | None = attrs.field(default=None, validator=_DAY_OR_NONE)
    excluded_days: int = attrs.field(
        default=0, converter=_checks.as_int, validator=_checks.v_whole(0)
    )
    provisional: bool = attrs.field(default=False, validator=_checks.v_flag())

    def __attrs_post_init__(self) -> None:
        """What every computed clock satisfies (issue #18 item 14: JSON read back is checked).

        The order of the stored days, and the contract fields against the committed clock
        (``state``, ``due``, ``days_left == (due - as_of).days``, an obligation's
        ``overdue``); the case's events and the calendar are not stored, so the clocks' counts
        are not recomputed here.
        """
        received, accepted, as_of = self.received_on, self.accepted_on, self.as_of
        if accepted is not None and received is None:
            raise InvalidInputError(
                "case_clock.accepted_on", accepted, "None before the case is received"
            )
        if received is not None and accepted is not None and accepted < received:
            raise InvalidInputError(
                "case_clock.accepted_on", accepted, f"on or after received_on ({received})"
            )
        if self.deemed_accepted and accepted is None:
            raise InvalidInputError("case_clock.deemed_accepted", True, "False without accepted_on")
        if received is not None and received > as_of:
            raise InvalidInputError(
                "case_clock.received_on", received, f"on or before as_of ({as_of})"
            )
        if self.state is not self.committed.state:
            raise InvalidInputError(
                "case_clock.state",
                self.state.value,
                f"{self.committed.state.value} (committed.state)",
            )
        if self.due != self.committed.due:
            raise InvalidInputError(
                "case_clock.due", self.due, f"{self.committed.due} (committed.due)"
            )
        left = None if self.due is None else (self.due - as_of).days
        if self.days_left != left:
            raise InvalidInputError(
                "case_clock.days_left", self.days_left, f"{left} ((due - as_of).days)"
            )
        owed = self.next_obligation
        if owed is not None and owed.overdue != (owed.by < as_of):
            raise InvalidInputError(
                "case_clock.next_obligation.overdue",
                owed.overdue,
                f"{owed.by < as_of} (by < as_of)",
            )


# -- counting --------------------------------------------------------------------------------
