"""A case (办件) and the state of its timeline at any moment, as a pure fold over its events.

Rules (行政许可法, 2003, amended 2019-04-23):

* art. 32(4): what is missing is stated all at once (一次性告知): at most one
  :class:`DeficiencyNotified` per case.
* art. 32(5) and last para.: the application is accepted once the materials are complete or
  corrected; under 容缺受理 (local practice, regulations.md section 4) it may be accepted with
  minor items outstanding, which a later :class:`MaterialsCompleted` supplies.
* art. 42: the limit may be extended once: a second :class:`ExtensionGranted` is an error, as is
  one longer than the item's ``max_extension``.
* art. 45: an excluded procedure must have started before it ends, one at a time, and must be
  one of the item's excludable procedures.
* a withdrawn application (撤回) and a delivered decision end the case: nothing may follow.

Events must be in time order (equal times keep their given order). :func:`apply` checks one
event against the table of allowed transitions below and returns the new state; :func:`replay`
folds a whole timeline; :class:`Case` runs the fold at construction, so a constructed case is
consistent.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from datetime import date, datetime

import attrs

from qsdomain import _checks, limits
from qsdomain._drafts import drafted
from qsdomain.commitments._events import (
    Accepted,
    Decided,
    DeficiencyNotified,
    Delivered,
    Event,
    ExclusionEnded,
    ExclusionStarted,
    ExtensionGranted,
    MaterialsCompleted,
    MeetingHeld,
    ProgressReported,
    Received,
    Withdrawn,
)
from qsdomain.commitments._items import ServiceItem, zone
from qsdomain.commitments._modes import ExclusionKind
from qsdomain.errors import InvalidInputError

__all__ = ["Case", "CaseState", "ExclusionSpan", "Phase", "apply", "replay"]


class Phase(enum.Enum):
    """Where a case stands in its procedure (办理环节)."""

    NEW = "new"  # nothing received yet
    RECEIVED = "received"  # 已收件
    INCOMPLETE = "incomplete"  # 已一次性告知补正, waiting for materials
    ACCEPTED = "accepted"  # 已受理
    DECIDED = "decided"  # 已决定
    DELIVERED = "delivered"  # 已送达
    WITHDRAWN = "withdrawn"  # 已撤回


_N, _R, _I, _A = Phase.NEW, Phase.RECEIVED, Phase.INCOMPLETE, Phase.ACCEPTED
_D, _S, _W = Phase.DECIDED, Phase.DELIVERED, Phase.WITHDRAWN
_OPEN = frozenset({_R, _I, _A})

#: Each event type: the phases it may follow, the phase it leads to (None: unchanged) and the
#: rule that allows it.
_TRANSITIONS: dict[type, tuple[frozenset[Phase], Phase | None, str]] = {
    Received: (frozenset({_N}), _R, "the first event of every case"),
    DeficiencyNotified: (frozenset({_R}), _I, "行政许可法 art. 32(4), once, before acceptance"),
    MaterialsCompleted: (frozenset({_I, _A}), None, "after a notice or a 容缺 acceptance"),
    Accepted: (frozenset({_R, _I}), _A, "行政许可法 art. 32, once"),
    ExclusionStarted: (_OPEN, None, "行政许可法 art. 45, while the case is open"),
    ExclusionEnded: (_OPEN, None, "行政许可法 art. 45, after its start"),
    ExtensionGranted: (_OPEN, None, "行政许可法 art. 42, once, while the case is open"),
    ProgressReported: (_OPEN, None, "while the case is open"),
    MeetingHeld: (_OPEN, None, "while the case is open"),
    Decided: (_OPEN, _D, "once, while the case is open"),
    Delivered: (frozenset({_D}), _S, "行政许可法 art. 44, after the decision"),
    Withdrawn: (_OPEN, _W, "before the decision"),
}
_EVENT_TYPES = tuple(_TRANSITIONS)


def _exclusionspan_kind(v: object) -> ExclusionKind:
    return _checks.enum_member("kind", ExclusionKind, v)


def _exclusionspan_start(v: object) -> date:
    return _checks.day("start", v)


def _exclusionspan_end(v: object) -> date | None:
    return None if v is None else _checks.day("end", v)


def _exclusionspan_notified(v: object) -> date | None:
    return None if v is None else _checks.day("notified", v)


@attrs.frozen(kw_only=True, weakref_slot=False)  # built by a draft: qsdomain._drafts
class ExclusionSpan:
    """The days one excluded procedure (art. 45) took out of the clock, both ends included.

    >>> from datetime import date
    >>> span = ExclusionSpan(kind="testing", start=date(2026, 9, 29), end=date(2026, 10, 9))
    >>> span.kind.chinese, span.end
    ('检测', datetime.date(2026, 10, 9))

    Attributes:
        kind: the procedure.
        start: its first day (local date of :class:`ExclusionStarted`).
        end: its last day (local date of :class:`ExclusionEnded`), or ``None`` while running.
        notified: when the applicant was told in writing how long it takes, if known.
    """

    kind: ExclusionKind = attrs.field(converter=_exclusionspan_kind)
    start: date = attrs.field(converter=_exclusionspan_start)
    end: date | None = attrs.field(default=None, converter=_exclusionspan_end)
    notified: date | None = attrs.field(default=None, converter=_exclusionspan_notified)

    def __attrs_post_init__(self) -> None:
        if self.end is not None and self.end < self.start:
            raise InvalidInputError("end", self.end, f"a day on or after start ({self.start})")


def _opt_at(value: object) -> datetime | None:
    return None if value is None else _checks.aware_datetime("at", value)


def _casestate_phase(v: object) -> Phase:
    return _checks.enum_member("phase", Phase, v)


def _casestate_notified_on(v: object) -> date | None:
    return None if v is None else _checks.day("notified_on", v)


def _casestate_missing(v: object) -> tuple[str, ...]:
    return _checks.texts("missing", v, max_items=limits.MAX_CASE_EVENTS)


def _casestate_completed_on(v: object) -> date | None:
    return None if v is None else _checks.day("completed_on", v)


def _casestate_outstanding(v: object) -> tuple[str, ...]:
    return _checks.texts("outstanding", v, max_items=limits.MAX_CASE_EVENTS)


def _casestate_exclusions(v: object) -> tuple[ExclusionSpan, ...]:
    return _spans(v)


def _casestate_extension_days(v: object) -> int:
    return _checks.whole_number("extension_days", v, 0, limits.MAX_LIMIT_DAYS)


def _casestate_last_progress_on(v: object) -> date | None:
    return None if v is None else _checks.day("last_progress_on", v)


def _casestate_meeting_on(v: object) -> date | None:
    return None if v is None else _checks.day("meeting_on", v)


def _casestate_delivered_on(v: object) -> date | None:
    return None if v is None else _checks.day("delivered_on", v)


def _casestate_withdrawn_on(v: object) -> date | None:
    return None if v is None else _checks.day("withdrawn_on", v)


@attrs.frozen(kw_only=True, weakref_slot=False)  # built by a draft: qsdomain._drafts
class CaseState:
    """What a case's events add up to at one moment (the result of :func:`replay`).

    >>> from datetime import datetime, timezone
    >>> CaseState.start().phase
    <Phase.NEW: 'new'>

    Dates are local dates in the item's zone. Build states with :func:`apply` or
    :func:`replay`; a state built by hand is not checked for consistency.

    Attributes:
        phase: where the case stands.
        received_at: when the application was received.
        notified_on: the day of the deficiency notice, if any (art. 32(4)).
        missing: what the notice said was missing and has not yet arrived.
        completed_on: the day the missing materials arrived before acceptance, if they did.
        accepted_at: when the application was accepted (recorded; not deemed).
        outstanding: items still outstanding after a 容缺 acceptance.
        exclusions: the excluded procedures (art. 45), in order.
        extension_days: working days added by the one extension (0: none).
        last_progress_on: the day of the latest progress report, if any.
        meeting_on: the day of the coordination meeting, if held.
        decided_at: when the decision was made.
        delivered_on: the day the certificate was delivered.
        withdrawn_on: the day the application was withdrawn.
        last_at: the time of the latest event (events may not go back before it).
    """

    phase: Phase = attrs.field(default=Phase.NEW, converter=_casestate_phase)
    received_at: datetime | None = attrs.field(default=None, converter=_opt_at)
    notified_on: date | None = attrs.field(default=None, converter=_casestate_notified_on)
    missing: tuple[str, ...] = attrs.field(
        default=(),
        converter=_casestate_missing,
    )
    completed_on: date | None = attrs.field(default=None, converter=_casestate_completed_on)
    accepted_at: datetime | None = attrs.field(default=None, converter=_opt_at)
    outstanding: tuple[str, ...] = attrs.field(
        default=(),
        converter=_casestate_outstanding,
    )
    exclusions: tuple[ExclusionSpan, ...] = attrs.field(default=(), converter=_casestate_exclusions)
    extension_days: int = attrs.field(
        default=0,
        converter=_casestate_extension_days,
    )
    last_progress_on: date | None = attrs.field(default=None, converter=_casestate_last_progress_on)
    meeting_on: date | None = attrs.field(default=None, converter=_casestate_meeting_on)
    decided_at: datetime | None = attrs.field(default=None, converter=_opt_at)
    delivered_on: date | None = attrs.field(default=None, converter=_casestate_delivered_on)
    withdrawn_on: date | None = attrs.field(default=None, converter=_casestate_withdrawn_on)
    last_at: datetime | None = attrs.field(default=None, converter=_opt_at)

    @classmethod
    def start(cls) -> CaseState:
        """The state before anything happened.

        >>> CaseState.start().exclusions
        ()
        """
        return cls()

    @property
    def open_exclusion(self) -> ExclusionSpan | None:
        """The excluded procedure still running, if any.

        >>> CaseState.start().open_exclusion is None
        True
        """
        if self.exclusions and self.exclusions[-1].end is None:
            return self.exclusions[-1]
        return None


def _spans(value: object) -> tuple[ExclusionSpan, ...]:
    found = _checks.items("exclusions", value, max_items=limits.MAX_CASE_EVENTS)
    for i, span in enumerate(found):
        if not isinstance(span, ExclusionSpan):
            raise InvalidInputError(f"exclusions[{i}]", span, "an ExclusionSpan")
    return found  # type: ignore[return-value]


def _refuse(event: object, state: CaseState, why: str) -> InvalidInputError:
    return InvalidInputError(
        "event", type(event).__name__, f"an event allowed after phase {state.phase.value!r}: {why}"
    )


#: The state before anything happened, built once (it is immutable).
_START = CaseState.start()


def _check(state: CaseState, event: object, item: ServiceItem) -> None:
    """Raise if ``event`` may not follow ``state`` (the transition table plus the once-only and
    pairing rules)."""
    if not isinstance(state, CaseState):
        raise InvalidInputError("state", state, "a CaseState")
    _item(item)
    rule = _TRANSITIONS.get(type(event))
    if rule is None:
        names = ", ".join(t.__name__ for t in _EVENT_TYPES)
        raise InvalidInputError("event", event, f"one of the case events ({names})")
    phases, _, why = rule
    if state.phase not in phases:
        raise _refuse(event, state, why)
    at: datetime = event.at  # type: ignore[attr-defined]
    if state.last_at is not None and at < state.last_at:
        raise InvalidInputError(
            "at", at, f"a time on or after the previous event ({state.last_at})"
        )
    _check_pairing(state, event, item)


def _check_pairing(state: CaseState, event: object, item: ServiceItem) -> None:
    """The once-only and pairing rules (arts. 32(4), 42, 45)."""
    if isinstance(event, DeficiencyNotified) and state.notified_on is not None:
        raise _refuse(event, state, "行政许可法 art. 32(4): everything missing is told at once")
    if isinstance(event, MaterialsCompleted) and state.phase is _A and not state.outstanding:
        raise _refuse(event, state, "nothing is outstanding")
    if isinstance(event, ExclusionStarted):
        if state.open_exclusion is not None:
            raise _refuse(event, state, "another excluded procedure is still running")
        if event.kind not in item.excludable:
            allowed = ", ".join(sorted(k.value for k in item.excludable)) or "none"
            raise InvalidInputError("kind", event.kind.value, f"one of the item's ({allowed})")
    if isinstance(event, ExclusionEnded) and state.open_exclusion is None:
        raise _refuse(event, state, "no excluded procedure was started")
    if isinstance(event, ExtensionGranted):
        if state.extension_days:
            raise _refuse(event, state, "行政许可法 art. 42: the limit is extended once only")
        if event.days > item.max_extension:
            raise InvalidInputError(
                "days", event.days, f"at most the item's max_extension ({item.max_extension})"
            )


#: Trusted builders (qsdomain._drafts) of the states a fold computes from checked events.
_span_of = drafted(ExclusionSpan)
_state_of = drafted(CaseState)
_STATE_FIELDS = tuple(field.name for field in attrs.fields(CaseState))


def apply(state: CaseState, event: Event, item: ServiceItem) -> CaseState:  # noqa: PLR0912 - one branch per event kind
    """The state after one more event of a case of ``item``.

    >>> from datetime import datetime, timezone
    >>> item = ServiceItem(code="A", name="a", mode="guided", statutory_limit=20,
    ...                    committed_limit=10)
    >>> at = datetime(2026, 9, 28, 2, tzinfo=timezone.utc)
    >>> apply(CaseState.start(), Received(at=at), item).phase
    <Phase.RECEIVED: 'received'>
    >>> apply(CaseState.start(), Decided(at=at), item)
    Traceback (most recent call last):
    ...
    qsdomain.errors.InvalidInputError: event must be an event allowed after phase 'new': ...

    Raises:
        InvalidInputError: the event may not follow this state (field ``event``), goes back in
            time (``at``), is not excludable for the item (``kind``) or extends too far
            (``days``).
    """
    _check(state, event, item)
    at: datetime = event.at
    day = shared_day(at.astimezone(zone(item.zone)).date())
    target = _TRANSITIONS[type(event)][1]
    # One copy per event: the changes are gathered, then set together.
    changes: dict[str, object] = {"last_at": at, "phase": target or state.phase}
    if isinstance(event, Received):
        changes["received_at"] = at
    elif isinstance(event, DeficiencyNotified):
        changes["notified_on"] = day
        changes["missing"] = event.missing
    elif isinstance(event, MaterialsCompleted):
        if state.phase is _A:
            changes["outstanding"] = ()
        else:
            changes.update(missing=(), completed_on=day, phase=_R)
    elif isinstance(event, Accepted):
        changes.update(accepted_at=at, missing=(), outstanding=event.outstanding)
    elif isinstance(event, ExclusionStarted):
        span = _span_of(event.kind, day, None, event.notified)
        changes["exclusions"] = (*state.exclusions, span)
    elif isinstance(event, ExclusionEnded):
        _end_exclusion(changes, state, day)
    elif isinstance(event, ExtensionGranted):
        changes["extension_days"] = event.days
    elif isinstance(event, ProgressReported):
        changes["last_progress_on"] = day
    elif isinstance(event, MeetingHeld):
        changes["meeting_on"] = day
    elif isinstance(event, Decided):
        _end_exclusion(changes, state, day)
        changes["decided_at"] = at
    elif isinstance(event, Delivered):
        changes["delivered_on"] = day
    else:
        changes["withdrawn_on"] = day
    return _state_of(*[changes[n] if n in changes else getattr(state, n) for n in _STATE_FIELDS])


def _end_exclusion(changes: dict[str, object], state: CaseState, day: date) -> None:
    """Add to ``changes`` the end of the running excluded procedure, if one is running."""
    running = state.open_exclusion
    if running is not None:
        ended = _span_of(running.kind, running.start, max(day, running.start), running.notified)
        changes["exclusions"] = (*state.exclusions[:-1], ended)


def replay(events: Iterable[Event], item: ServiceItem) -> tuple[CaseState, ...]:
    """The state after each event of a timeline, in order (the empty start is not included).

    >>> from datetime import datetime, timezone
    >>> item = ServiceItem(code="A", name="a", mode="guided", statutory_limit=20,
    ...                    committed_limit=10)
    >>> at = datetime(2026, 9, 28, 2, tzinfo=timezone.utc)
    >>> [s.phase.value for s in replay([Received(at=at), Accepted(at=at)], item)]
    ['received', 'accepted']

    Equal to folding :func:`apply` from :meth:`CaseState.start`; the first error stops the
    replay and names the event by its index (``events[2]``, ``events[2].days``).
    """
    _item(item)
    state = _START
    states: list[CaseState] = []
    for i, event in enumerate(_checks.items("events", events, max_items=limits.MAX_CASE_EVENTS)):
        try:
            state = apply(state, event, item)  # type: ignore[arg-type]
        except InvalidInputError as err:
            field = f"events[{i}]" if err.field == "event" else f"events[{i}].{err.field}"
            raise InvalidInputError(field, err.value, err.allowed) from None
        states.append(state)
    return tuple(states)


def local_days(state: CaseState, item: ServiceItem) -> tuple[date, date | None, date | None]:
    """The local days, in ``item``'s zone, of ``state``'s receipt (which must have happened),
    acceptance and decision (``None`` where not recorded)."""
    tz = zone(item.zone)
    assert state.received_at is not None  # for mypy: the caller's case was received
    accepted, decided = state.accepted_at, state.decided_at
    return (
        shared_day(state.received_at.astimezone(tz).date()),
        None if accepted is None else shared_day(accepted.astimezone(tz).date()),
        None if decided is None else shared_day(decided.astimezone(tz).date()),
    )


#: One date object per day met (see :func:`shared_day`); cleared when full.
_DAYS: dict[date, date] = {}
_DAYS_KEPT = 1 << 16


def shared_day(day: date) -> date:
    """``day`` itself, or the equal date object met before it.

    Dates are immutable and equal by value, so which object stands for a day changes no
    answer. A ledger's cases then hold a few thousand shared day objects instead of several
    fresh ones each, and the clocks of a million cases read them from the processor's cache
    rather than from memory.
    """
    found = _DAYS.get(day)
    if found is None:
        if len(_DAYS) >= _DAYS_KEPT:
            _DAYS.clear()
        found = _DAYS[day] = day
    return found


def _item(value: object) -> ServiceItem:
    if isinstance(value, ServiceItem):
        return value
    raise InvalidInputError("item", value, "a ServiceItem")


def _events(value: object) -> tuple[Event, ...]:
    found = _checks.items("events", value, max_items=limits.MAX_CASE_EVENTS)
    if not found:
        raise InvalidInputError("events", value, "a list starting with a Received event")
    return found  # type: ignore[return-value]


def _handler(value: object) -> str | None:
    return None if value is None else _checks.text("handler", value, max_length=200)


def _case_id(v: object) -> str:
    return _checks.text("id", v, max_length=200)


@attrs.frozen(kw_only=True)
class Case:
    """One application (办件) for a service item, with its timeline of events.

    >>> from datetime import datetime
    >>> from zoneinfo import ZoneInfo
    >>> SH = ZoneInfo("Asia/Shanghai")
    >>> item = ServiceItem(code="XK-001", name="工业产品生产许可证 发证", mode="tracked",
    ...                    statutory_limit=20, committed_limit=10)
    >>> case = Case(id="2026-0928-001", item=item, events=[
    ...     Received(at=datetime(2026, 9, 28, 10, 0, tzinfo=SH)),
    ...     Accepted(at=datetime(2026, 9, 28, 15, 0, tzinfo=SH))])
    >>> case.state.phase.value
    'accepted'
    >>> Case(id="x", item=item, events=[Accepted(at=datetime(2026, 9, 28, 15, 0, tzinfo=SH))])
    Traceback (most recent call last):
    ...
    qsdomain.errors.InvalidInputError: events[0] must be an event allowed after phase 'new': ...

    The timeline is checked at construction (:func:`replay`): order, once-only events, an
    exclusion that ends without starting, an extension granted twice or beyond the item's
    maximum, anything after a withdrawal; each error names the event (``events[i]``).

    Attributes:
        id: the case number (办件编号).
        item: the service item applied for.
        events: the timeline, starting with :class:`Received`.
        handler: the named handler (tracked cases, 跟踪办), if any.
    """

    id: str = attrs.field(converter=_case_id)
    item: ServiceItem = attrs.field(converter=_item)
    events: tuple[Event, ...] = attrs.field(converter=_events)
    handler: str | None = attrs.field(default=None, converter=_handler)
    _state: CaseState = attrs.field(init=False, repr=False, eq=False, hash=False)
    _days: tuple[date, date | None, date | None] = attrs.field(
        init=False, repr=False, eq=False, hash=False
    )

    def __attrs_post_init__(self) -> None:
        state = replay(self.events, self.item)[-1]
        object.__setattr__(self, "_state", state)
        # The local days (in the item's zone) of receipt, acceptance and decision after the
        # last event, which every clock read after it needs: worked out once, here.
        object.__setattr__(self, "_days", local_days(state, self.item))

    @property
    def state(self) -> CaseState:
        """The state after the last event.

        >>> from datetime import datetime, timezone
        >>> item = ServiceItem(code="A", name="a", mode="guided", statutory_limit=20,
        ...                    committed_limit=10)
        >>> at = datetime(2026, 9, 28, 2, tzinfo=timezone.utc)
        >>> Case(id="1", item=item, events=[Received(at=at)]).state.received_at == at
        True
        """
        return self._state

    def state_at(self, moment: datetime) -> CaseState:
        """The state from the events up to and including ``moment`` (an aware datetime).

        >>> from datetime import datetime, timezone
        >>> item = ServiceItem(code="A", name="a", mode="guided", statutory_limit=20,
        ...                    committed_limit=10)
        >>> t = datetime(2026, 9, 28, 2, tzinfo=timezone.utc)
        >>> case = Case(id="1", item=item, events=[Received(at=t), Withdrawn(at=t.replace(day=29))])
        >>> case.state_at(t).phase.value
        'received'
        """
        return self._state_at(_checks.aware_datetime("moment", moment))

    def _state_at(self, moment: datetime) -> CaseState:
        if moment >= self._state.last_at:  # type: ignore[operator]
            return self._state
        state = CaseState.start()
        for event in self.events:
            if event.at > moment:
                break
            state = apply(state, event, self.item)
        return state
