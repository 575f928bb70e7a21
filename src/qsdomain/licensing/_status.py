"""Is this licence valid on that day, and by when must the holder file for renewal?

>>> from datetime import date, datetime
>>> from qsdomain.calendars import china
>>> from qsdomain.licensing import Licence, RenewalApplied, status
>>> lic = Licence(kind="food_production", number="SC10633010200001", holder="某食品有限公司",
...               issued=date(2021, 10, 20))
>>> st = status(lic, (), date(2026, 6, 1), calendar=china())
>>> st.id, st.state.value, st.due, st.days_left, st.expires
('SC10633010200001', 'valid', datetime.date(2026, 9, 1), 92, datetime.date(2026, 10, 19))
>>> later = status(lic, [RenewalApplied(on=date(2026, 8, 3))], date(2026, 10, 20),
...                calendar=china())
>>> later.state.value, later.expires
('deemed_renewed', datetime.date(2031, 10, 19))

The state on a day is decided in this order: not yet valid (before the issue day); revoked,
withdrawn or cancelled (from the day of the act); expired (from the day after the last day of
validity); suspended (from its first through its last day); renewal pending (filed in time,
undecided); renewal overdue (the last day to file has passed with no filing in time); renewal
due soon (the last day to file is within the policy's warning window); otherwise valid, or
deemed renewed when the current validity comes from 行政许可法 art. 50 para. 2.

``due`` is the next day the holder must act: ``renewal_due`` while a renewal filing is still to
be made (none filed, none refused, the licence not ended), else ``expires``; ``None`` once
revoked, withdrawn or cancelled. ``days_left`` counts calendar days from ``as_of`` to ``due``.
``action`` says what the worklist would ask of the holder (:class:`Action`), ``None`` for a
licence that has ended or is not yet valid.

``renewal_due`` is the last day a filing is in time: the kind's lead before ``expires``
(a filing on that day is in time). A working-day lead needs a calendar
(:func:`~qsdomain.calendars.china` by default, which covers the years its notices cover). Where
the due day lies beyond the calendar and the state does not depend on it (the day asked about is
far from it), ``renewal_due`` is ``None``; where the state does depend on it, the calendar's
:class:`~qsdomain.errors.CalendarNotCoveredError` is raised: pass a calendar extended with a
stated assumption, ``china().extended(until=...)``.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from datetime import date, datetime, timedelta

import attrs

from qsdomain import defaults
from qsdomain._checks import (
    as_int,
    as_optional_int,
    day,
    enum_member,
    v_day,
    v_flag,
    v_text,
    v_whole,
)
from qsdomain._drafts import drafted
from qsdomain.calendars import WorkingCalendar, WorkingDayCalendar
from qsdomain.errors import InvalidInputError
from qsdomain.licensing._events import LicenceEvent
from qsdomain.licensing._licence import Licence
from qsdomain.licensing._lifecycle import (
    Fold,
    LicenceState,
    check_calendar,
    event_list,
)

__all__ = ["Action", "LicenceStatus", "Policy", "rule"]


@attrs.frozen
class Policy:
    """A bureau's choices in reading a status (判定规则): how early to warn before the filing day.

    >>> Policy().warning_days, Policy(warning_days=90).warning_days
    (30, 90)

    Attributes:
        warning_days: calendar days before ``renewal_due`` from which the state is
            ``renewal_due_soon`` (0 warns only on the day itself). Default
            :data:`qsdomain.defaults.WARNING_DAYS` (no statute sets a warning window).
    """

    warning_days: int = attrs.field(
        default=defaults.WARNING_DAYS, converter=as_int, validator=v_whole(0, 3660)
    )


_DEFAULT_POLICY = Policy()


class Action(enum.Enum):
    """What a licence in force asks of its holder next (待办事项)."""

    OVERDUE_FILING = "overdue_filing"  # 逾期未申请延续: the last day to file has passed
    FILE_RENEWAL = "file_renewal"  # 需在期限内申请延续: file by ``due`` (= ``renewal_due``)
    EXPIRING = "expiring"  # 即将到期: filed, late or refused; ``due`` is the expiry


def _to_action(value: object) -> Action | None:
    return None if value is None else enum_member("licence_status.action", Action, value)


def _to_state(value: object) -> LicenceState:
    return enum_member("licence_status.state", LicenceState, value)


#: The checks shared by several fields of a status.
_TEXT = v_text()
_DAY = v_day()
_DAY_OR_NONE = v_day(optional=True)


@attrs.frozen(kw_only=True, weakref_slot=False)  # built by a draft: qsdomain._drafts
class LicenceStatus:
    """What a licence's situation is on a day, and what to do next (许可证状态).

    >>> from datetime import date
    >>> from qsdomain.licensing import Licence
    >>> lic = Licence(kind="inspection_body", number="CMA1", holder="某所",
    ...               issued=date(2020, 7, 1))
    >>> st = status(lic, (), date(2026, 2, 1))
    >>> st.state.value, st.due, st.days_left, st.action.value, st.since
    ('valid', datetime.date(2026, 3, 30), 57, 'file_renewal', datetime.date(2020, 7, 1))

    Attributes:
        id: the licence number.
        as_of: the day asked about.
        state: where the licence stands.
        due: the next day the holder must act: ``renewal_due`` while a renewal filing is still
            to be made, else ``expires``; ``None`` once revoked, withdrawn or cancelled.
        days_left: calendar days from ``as_of`` to ``due`` (0 on the day, negative when past);
            ``None`` when ``due`` is.
        reason: one or two English sentences saying why, with the dates.
        kind: the licence kind's code (``food_production`` ...).
        issued: the issue day.
        expires: the current last day of validity, after any renewal or deemed renewal.
        renewal_due: the last day a renewal filing for ``expires`` is in time; ``None`` once
            revoked, withdrawn or cancelled, or where a working-day lead lies beyond the
            calendar and the state does not depend on it.
        since: the day the state began (``None`` before the licence is valid).
        filed_on: the day of a renewal filing for ``expires`` (in time or late), if any.
        refused: whether a renewal for ``expires`` was refused (the licence still runs).
        action: what the holder must do next (:class:`Action`); ``None`` once the licence has
            ended (expired, revoked, withdrawn, cancelled) or before it is valid.
        holder: the holder's name (持证单位).
    """

    id: str = attrs.field(validator=_TEXT)
    as_of: date = attrs.field(validator=_DAY)
    state: LicenceState = attrs.field(converter=_to_state)
    due: date | None = attrs.field(validator=_DAY_OR_NONE)
    days_left: int | None = attrs.field(
        converter=as_optional_int, validator=v_whole(-3_700_000, 3_700_000, optional=True)
    )
    reason: str = attrs.field(validator=v_text(allow_empty=True))
    kind: str = attrs.field(validator=_TEXT)
    issued: date = attrs.field(validator=_DAY)
    expires: date = attrs.field(validator=_DAY)
    renewal_due: date | None = attrs.field(validator=_DAY_OR_NONE)
    since: date | None = attrs.field(validator=_DAY_OR_NONE)
    filed_on: date | None = attrs.field(default=None, validator=_DAY_OR_NONE)
    refused: bool = attrs.field(default=False, validator=v_flag())
    action: Action | None = attrs.field(default=None, converter=_to_action)
    holder: str = attrs.field(validator=_TEXT)

    def __attrs_post_init__(self) -> None:
        """What every computed status satisfies (issue #18 item 14: JSON read back is checked).

        Only what the stored fields determine: the warning window (a policy, not stored) and
        the events behind a state are not known here, so a ``renewal_due_soon`` is not checked
        against its window, nor a ``valid`` against the events.
        """
        _check_status(self)


#: The states a final act ends a licence in. Tuples: ``in`` compares members by identity, where a
#: set would hash them (an Enum hashes in Python code).
_ENDED_BY_ACT = (LicenceState.REVOKED, LicenceState.WITHDRAWN, LicenceState.CANCELLED)
#: The Chinese term of each final act, for the reasons.
_ENDED_TERMS = {
    LicenceState.REVOKED: "吊销",
    LicenceState.WITHDRAWN: "撤销/撤回",
    LicenceState.CANCELLED: "注销",
}
#: States :attr:`LicenceStatus.action` is ``None`` in (ended, or not yet valid).
_NO_ACTION = (*_ENDED_BY_ACT, LicenceState.EXPIRED, LicenceState.NOT_YET_VALID)
#: States of a licence in force on ``as_of``: issued by then and not past ``expires``.
_IN_FORCE = frozenset(
    (
        LicenceState.VALID,
        LicenceState.RENEWAL_DUE_SOON,
        LicenceState.RENEWAL_OVERDUE,
        LicenceState.RENEWAL_PENDING,
        LicenceState.DEEMED_RENEWED,
        LicenceState.SUSPENDED,
    )
)


def _to_file(
    state: LicenceState, renewal_due: date | None, filed_on: date | None, refused: bool
) -> bool:
    """Whether a renewal filing is still to be made (none filed or refused, not ended)."""
    return (
        filed_on is None
        and not refused
        and renewal_due is not None
        and state is not LicenceState.EXPIRED
        and state not in _ENDED_BY_ACT
    )


def _due_of(
    state: LicenceState,
    expires: date,
    renewal_due: date | None,
    filed_on: date | None,
    refused: bool,
) -> date | None:
    """``due``: the renewal filing day while a filing is to be made, else the expiry."""
    if state in _ENDED_BY_ACT:
        return None
    return renewal_due if _to_file(state, renewal_due, filed_on, refused) else expires


def _action_of(state: LicenceState, to_file: bool, days_left: int | None) -> Action | None:
    """``action``: what the holder must do next, ``None`` once ended or before validity."""
    if state in _NO_ACTION:
        return None
    if to_file:
        return (
            Action.OVERDUE_FILING
            if days_left is not None and days_left < 0
            else (Action.FILE_RENEWAL)
        )
    return Action.EXPIRING


def _check_status(st: LicenceStatus) -> None:  # noqa: PLR0912 - one check per rule
    state, as_of, issued = st.state, st.as_of, st.issued
    if state is LicenceState.NOT_YET_VALID:
        if as_of >= issued:
            raise InvalidInputError(
                "licence_status.state",
                state.value,
                f"not not_yet_valid on or after issue ({issued})",
            )
        if st.since is not None:
            raise InvalidInputError("licence_status.since", st.since, "None while not yet valid")
    else:
        if as_of < issued:
            raise InvalidInputError(
                "licence_status.state", state.value, f"not_yet_valid before issue ({issued})"
            )
        if st.since is None:
            raise InvalidInputError("licence_status.since", None, "the day the state began")
        if st.since > as_of:
            raise InvalidInputError(
                "licence_status.since", st.since, f"on or before as_of ({as_of})"
            )
    if state in _IN_FORCE and as_of > st.expires:
        raise InvalidInputError(
            "licence_status.state", state.value, f"expired or ended after expires ({st.expires})"
        )
    if state is LicenceState.EXPIRED and as_of <= st.expires:
        raise InvalidInputError(
            "licence_status.state", state.value, f"in force on or before expires ({st.expires})"
        )
    if st.expires < issued:
        raise InvalidInputError(
            "licence_status.expires", st.expires, f"on or after issued ({issued})"
        )
    if state in _ENDED_BY_ACT:
        for name in ("due", "renewal_due", "filed_on"):
            if getattr(st, name) is not None:
                raise InvalidInputError(
                    f"licence_status.{name}", getattr(st, name), f"None once {state.value}"
                )
    elif st.due != _due_of(state, st.expires, st.renewal_due, st.filed_on, st.refused):
        raise InvalidInputError(
            "licence_status.due",
            st.due,
            "renewal_due while a filing is still to be made, else expires "
            f"({_due_of(state, st.expires, st.renewal_due, st.filed_on, st.refused)})",
        )
    left = None if st.due is None else (st.due - as_of).days
    if st.days_left != left:
        raise InvalidInputError(
            "licence_status.days_left",
            st.days_left,
            f"{left} (days from as_of {as_of} to due {st.due})",
        )
    action = _action_of(
        state, _to_file(state, st.renewal_due, st.filed_on, st.refused), st.days_left
    )
    if st.action is not action:
        raise InvalidInputError(
            "licence_status.action", st.action, f"{None if action is None else action.value}"
        )
    if st.refused and st.filed_on is not None:
        raise InvalidInputError("licence_status.refused", True, "False while a filing is undecided")
    if st.renewal_due is not None and st.renewal_due > st.expires:
        raise InvalidInputError(
            "licence_status.renewal_due", st.renewal_due, f"on or before expires ({st.expires})"
        )
    if state is LicenceState.RENEWAL_OVERDUE and (
        st.renewal_due is None or as_of <= st.renewal_due
    ):
        raise InvalidInputError(
            "licence_status.state",
            state.value,
            f"renewal_overdue only after renewal_due ({st.renewal_due})",
        )
    if state is LicenceState.RENEWAL_DUE_SOON and (
        st.renewal_due is None or as_of > st.renewal_due
    ):
        raise InvalidInputError(
            "licence_status.state",
            state.value,
            f"renewal_due_soon only on or before renewal_due ({st.renewal_due})",
        )
    if state is LicenceState.RENEWAL_PENDING and st.filed_on is None:
        raise InvalidInputError(
            "licence_status.filed_on", None, "the filing day of a pending renewal"
        )
    if st.filed_on is not None and st.filed_on > as_of:
        raise InvalidInputError(
            "licence_status.filed_on", st.filed_on, f"on or before as_of ({as_of})"
        )


#: A LicenceStatus from values this module computed, built by a draft (qsdomain._drafts), all
#: fields in order. Computations trust constructed objects (the house rule): the values come
#: from a valid licence and its folded history, so checking them again would only cost time.
#: Never used on caller input.
trusted_status = drafted(LicenceStatus)


def _due_for(fold: Fold, as_of: date, warn: int) -> date | None:
    """The due day, or ``None`` when it is not covered and ``as_of`` is surely far from it."""
    found = fold.due_or_error()
    if isinstance(found, date):
        return found
    low, _ = fold.due_bounds()
    if as_of < low - timedelta(days=warn):
        return None
    raise found.with_traceback(None)


def _in_force(fold: Fold, as_of: date, warn: int) -> tuple[LicenceState, date, date | None, str]:
    """State, since, due and reason of a licence in force and not suspended on ``as_of``."""
    expires = fold.expires.isoformat()
    if fold.filed_on is not None and fold.filed_in_time:
        return (
            LicenceState.RENEWAL_PENDING,
            max(fold.filed_on, fold.valid_since),
            _due_for(fold, as_of, warn),
            f"Renewal filed in time (已按期申请延续) on {fold.filed_on.isoformat()}, undecided; "
            f"valid until "
            f"{expires}, then deemed renewed if still undecided (行政许可法 art. 50).",
        )
    due = _due_for(fold, as_of, warn)
    if fold.refused_on is not None:
        return (
            LicenceState.VALID,
            max(fold.refused_on, fold.valid_since),
            due,
            f"Renewal refused (不予延续) on {fold.refused_on.isoformat()}; valid until {expires}.",
        )
    if due is not None and as_of > due:
        late = (
            f" A filing on {fold.filed_on.isoformat()} was late."
            if fold.filed_on is not None
            else ""
        )
        return (
            LicenceState.RENEWAL_OVERDUE,
            max(due + timedelta(days=1), fold.valid_since),
            due,
            f"The last day to file for renewal was {due.isoformat()}; valid until "
            f"{expires}, then expired (逾期未申请延续).{late}",
        )
    if due is not None and as_of >= due - timedelta(days=warn):
        return (
            LicenceState.RENEWAL_DUE_SOON,
            max(due - timedelta(days=warn), fold.valid_since),
            due,
            f"File for renewal (申请延续) by {due.isoformat()} ({fold.kind.renewal_lead} before "
            f"expiry "
            f"on {expires}).",
        )
    state = LicenceState.VALID if fold.deemed_from is None else LicenceState.DEEMED_RENEWED
    deemed = (
        ""
        if fold.deemed_from is None
        else f" Deemed renewed (视为准予延续) from {fold.deemed_from.isoformat()} "
        "(行政许可法 art. 50)."
    )
    by = f"; file for renewal by {due.isoformat()}" if due is not None else ""
    return state, fold.valid_since, due, f"Valid (有效) until {expires}{by}.{deemed}"


def _ended_due(fold: Fold) -> date | None:
    found = fold.due_or_error()
    return found if isinstance(found, date) else None


def read(fold: Fold, as_of: date, warn: int) -> LicenceStatus:
    """The status on ``as_of`` of a fold advanced to ``as_of`` (the rule's reading)."""
    licence = fold.licence
    expires = fold.expires
    ended = fold.ended
    filed_on = fold.filed_on
    if as_of < licence.issued:
        state, since, due = LicenceState.NOT_YET_VALID, None, _due_for(fold, as_of, warn)
        reason = f"Not yet valid (尚未生效): valid from {licence.issued.isoformat()}."
    elif ended is not None:
        state, since = ended, fold.ended_on
        if ended is LicenceState.EXPIRED:
            due, reason = _ended_due(fold), f"Expired (有效期届满) after {expires.isoformat()}."
        else:
            due, filed_on = None, None
            reason = f"{ended.value.capitalize()} ({_ENDED_TERMS[ended]}) on {fold.ended_on}."
    elif fold.suspended_on is not None and fold.suspended_on <= as_of:
        state, since = LicenceState.SUSPENDED, fold.suspended_on
        due = _ended_due(fold)
        reason = f"Suspended (暂扣) from {fold.suspended_on} through {fold.suspended_until}."
    else:
        state, since, due, reason = _in_force(fold, as_of, warn)
    if licence.expiry_disagrees:
        reason += (
            f" The printed expiry {licence.valid_until} differs from the kind's term "
            f"({licence.term_end})."
        )
    refused = fold.refused_on is not None and state not in _ENDED_BY_ACT
    return _built(licence, as_of, state, reason, expires, due, since, filed_on, refused)


def _built(  # noqa: PLR0917 - one per field computed
    licence: Licence,
    as_of: date,
    state: LicenceState,
    reason: str,
    expires: date,
    renewal_due: date | None,
    since: date | None,
    filed_on: date | None,
    refused: bool,
) -> LicenceStatus:
    """The status from what the fold read: ``due``, ``days_left`` and ``action`` derived."""
    to_file = _to_file(state, renewal_due, filed_on, refused)
    due: date | None = None
    days_left: int | None = None
    if state not in _ENDED_BY_ACT:
        due = renewal_due if to_file and renewal_due is not None else expires
        days_left = (due - as_of).days
    return trusted_status(
        licence.number,
        as_of,
        state,
        due,
        days_left,
        reason,
        licence.kind.code,
        licence.issued,
        expires,
        renewal_due,
        since,
        filed_on,
        refused,
        _action_of(state, to_file, days_left),
        licence.holder,
    )


def check_policy(policy: object) -> Policy:
    if policy is None:
        return _DEFAULT_POLICY
    if isinstance(policy, Policy):
        return policy
    raise InvalidInputError("policy", policy, "a licensing Policy or None")


def rule_status(
    licence: Licence,
    as_of: date,
    events: tuple[LicenceEvent, ...],
    calendar: WorkingDayCalendar | None,
    warn: int,
) -> LicenceStatus:
    """The rule, with checked arguments: fold the events one by one (:meth:`Fold.step`),
    reading the state before the first event dated after ``as_of``.

    The later events are still folded, so a bad history is an error whatever the day.
    """
    fold = Fold.fresh(licence, calendar)
    result: LicenceStatus | None = None
    for index, event in enumerate(events):
        if result is None:
            on = getattr(event, "on", None)
            # A datetime is a date to isinstance but cannot be compared with one: such an item
            # is refused by the step alone.
            if isinstance(on, date) and not isinstance(on, datetime) and on > as_of:
                fold.advance(as_of)
                result = read(fold, as_of, warn)
        fold.step(index, event)
    if result is None:
        fold.advance(as_of)
        result = read(fold, as_of, warn)
    return result


def checked_arguments(
    licence: object, events: object, as_of: object, policy: object, calendar: object
) -> tuple[Licence, date, tuple[LicenceEvent, ...], WorkingDayCalendar | None, int]:
    """The arguments of :func:`~qsdomain.licensing.status` (and of :func:`rule`) checked, in
    the order the rule and the kernel take them."""
    if not isinstance(licence, Licence):
        raise InvalidInputError("licence", licence, "a Licence")
    return (
        licence,
        day("as_of", as_of),
        event_list(events),
        check_calendar(calendar),
        check_policy(policy).warning_days,
    )


def rule(
    licence: Licence,
    events: Iterable[LicenceEvent],
    as_of: date,
    *,
    policy: Policy | None = None,
    calendar: WorkingCalendar | WorkingDayCalendar | None = None,
) -> LicenceStatus:
    """The plain, cited rule behind :func:`~qsdomain.licensing.status`: the events folded one
    by one (:meth:`~qsdomain.licensing._lifecycle.Fold.step`), the state read on ``as_of``.

    >>> from datetime import date
    >>> from qsdomain.licensing import Licence, status
    >>> lic = Licence(kind="industrial_product", number="XK1", holder="某厂",
    ...               issued=date(2021, 3, 15))
    >>> rule(lic, (), date(2025, 10, 1)) == status(lic, (), date(2025, 10, 1))
    True

    Same arguments, answers and errors as :func:`~qsdomain.licensing.status`, which answers
    through the kernel (``licensing/_kernel.py``); ``tests/test_licensing_kernel.py`` holds the
    kernel to this rule.
    """
    return rule_status(*checked_arguments(licence, events, as_of, policy, calendar))
