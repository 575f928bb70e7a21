"""The life of a licence as a fold over dated events (延续、变更、暂扣、吊销、撤销、注销).

>>> from datetime import date
>>> from qsdomain.licensing import Licence, RenewalApplied, replay
>>> lic = Licence(kind="industrial_product", number="XK1", holder="某厂",
...               issued=date(2021, 3, 15))
>>> states = replay(lic, [RenewalApplied(on=date(2025, 9, 1))])
>>> states[-1].filed_on, states[-1].filed_in_time
(datetime.date(2025, 9, 1), True)

The rules (行政许可法, 2003, amended 2019; 行政处罚法, 2021):

* art. 50 para. 1: renewal (延续) is applied for before the lead the sector rule sets (30 days
  where it sets none); a filing on the last day is in time, one after it is late.
* art. 50 para. 2: the authority decides before expiry; with no decision by then, a renewal
  filed in time is deemed granted (视为准予延续). The new validity is one full term from the day
  after the old expiry, under the kind's counting convention. A late filing still undecided at
  expiry leaves the licence expired; so does a refusal (:class:`RenewalRefused`).
* art. 49: a change of particulars (变更) never moves the expiry.
* 行政处罚法 art. 9(3): suspension (暂扣许可证件) is a penalty for a period; it ends by itself
  after ``until``. Revocation (吊销, the same article), withdrawal (撤销 art. 69 / 撤回 art. 8)
  and cancellation (注销 art. 70) are final.
* Events are folded in date order (events on the same day in the order given); an event dated
  before the previous one, or before the issue date, is an error, and so is anything the
  transition table below does not allow.

:func:`apply` and :func:`replay` return frozen :class:`Lifecycle` snapshots; the status
function runs the same steps without building snapshots.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from datetime import date, timedelta

import attrs

from qsdomain import limits
from qsdomain._checks import v_day
from qsdomain._memo import Memo
from qsdomain.calendars import WorkingCalendar, WorkingDayCalendar, china
from qsdomain.errors import CalendarNotCoveredError, InvalidInputError
from qsdomain.licensing._events import (
    Cancelled,
    Changed,
    LicenceEvent,
    RenewalApplied,
    RenewalRefused,
    Renewed,
    Revoked,
    Suspended,
    Withdrawn,
)
from qsdomain.licensing._licence import Licence, _term_end
from qsdomain.periods import Convention, Lead, LeadUnit, Term

__all__ = ["LicenceState", "Lifecycle", "apply", "replay"]

_ONE_DAY = timedelta(days=1)


class LicenceState(enum.Enum):
    """Where a licence stands on a day."""

    NOT_YET_VALID = "not_yet_valid"  # 尚未生效
    VALID = "valid"  # 有效
    RENEWAL_DUE_SOON = "renewal_due_soon"  # 临近延续申请期限
    RENEWAL_OVERDUE = "renewal_overdue"  # 逾期未申请延续 (still valid)
    RENEWAL_PENDING = "renewal_pending"  # 已按期申请延续, 待决定
    DEEMED_RENEWED = "deemed_renewed"  # 视为准予延续 (行政许可法 art. 50 para. 2)
    EXPIRED = "expired"  # 有效期届满
    SUSPENDED = "suspended"  # 暂扣
    REVOKED = "revoked"  # 吊销
    WITHDRAWN = "withdrawn"  # 撤销/撤回
    CANCELLED = "cancelled"  # 注销


# Enum members bound once: reading one off its class costs more than the comparison.
_EXPIRED = LicenceState.EXPIRED
_WORKING_DAYS = LeadUnit.WORKING_DAYS

_FINAL = {
    Revoked: LicenceState.REVOKED,
    Withdrawn: LicenceState.WITHDRAWN,
    Cancelled: LicenceState.CANCELLED,
}

#: The transition table: which events may happen in which phase of a licence. The phases are
#: "in force" (valid, whatever the renewal situation), "suspended" and "expired"; nothing may
#: follow revocation, withdrawal or cancellation. Each row cites its rule.
_ALLOWED: dict[type, frozenset[str]] = {
    RenewalApplied: frozenset({"in force", "suspended"}),  # 行政许可法 art. 50: before expiry
    Renewed: frozenset({"in force", "suspended"}),  # art. 50: decided before expiry
    RenewalRefused: frozenset({"in force", "suspended"}),  # art. 50
    Changed: frozenset({"in force", "suspended"}),  # art. 49: a licence in force is changed
    Suspended: frozenset({"in force", "suspended"}),  # 行政处罚法 art. 9(3)
    Revoked: frozenset({"in force", "suspended"}),  # 行政处罚法 art. 9(3)
    Withdrawn: frozenset({"in force", "suspended", "expired"}),  # 行政许可法 arts. 8, 69
    Cancelled: frozenset({"in force", "suspended", "expired"}),  # 行政许可法 art. 70
}

_EVENT_NAMES = "a RenewalApplied, Renewed, RenewalRefused, Changed, Suspended, Revoked, " + (
    "Withdrawn or Cancelled"
)


def working_day_span(lead: Lead) -> int:
    """Calendar days that surely hold ``lead.amount`` working days (an upper bound).

    Any 2n + 40 consecutive days hold at least n working days on the China calendar: weekends
    take 2 days in 7, and the days off on weekdays (statutory holidays) are at most 20 in a
    year. Used to tell, without a calendar, that a day is far from a working-day deadline.
    """
    return 2 * lead.amount + 40


def _to_state(value: object) -> LicenceState | None:
    if value is None or value in (
        LicenceState.EXPIRED,
        LicenceState.REVOKED,
        LicenceState.WITHDRAWN,
        LicenceState.CANCELLED,
    ):
        return value  # type: ignore[return-value, unused-ignore]
    raise InvalidInputError(
        "lifecycle.ended", value, "None, or expired, revoked, withdrawn or cancelled"
    )


def _check_licence(_: object, __: attrs.Attribute[Licence], value: object) -> None:
    if not isinstance(value, Licence):
        raise InvalidInputError("lifecycle.licence", value, "a Licence")


#: A lifecycle's days: a ``date`` (not a ``datetime``), or ``None`` where the day may be unknown.
_DAY = v_day()
_DAY_OR_NONE = v_day(optional=True)


@attrs.frozen(kw_only=True)
class Lifecycle:
    """Where a licence's life stands after the events folded so far.

    >>> from datetime import date
    >>> from qsdomain.licensing import Licence
    >>> lic = Licence(kind="food_production", number="SC1", holder="某厂",
    ...               issued=date(2021, 10, 20))
    >>> life = Lifecycle.start(lic)
    >>> life.expires, life.ended
    (datetime.date(2026, 10, 19), None)

    Build one with :meth:`start`, move it with :func:`apply`, or :func:`replay` a history.

    Attributes:
        licence: the licence.
        expires: the current last day of validity (after any renewal or deemed renewal).
        valid_since: the day the current spell of validity began (issue, renewal decision,
            deemed renewal or the end of a suspension).
        deemed_from: the first day of a deemed-renewed validity, if the current one is.
        filed_on: the day a renewal was filed for the current expiry, if undecided.
        filed_in_time: whether that filing was on or before the last day in time.
        refused_on: the day a renewal was refused, if it was and the licence still runs.
        suspended_on: the first day of a suspension in progress or to come.
        suspended_until: its last day.
        ended: ``expired``, ``revoked``, ``withdrawn`` or ``cancelled``, once it is.
        ended_on: the first day of that state.
        cursor: the last day folded; later events may not be dated before it.
    """

    licence: Licence = attrs.field(validator=_check_licence)
    expires: date = attrs.field(validator=_DAY)
    valid_since: date = attrs.field(validator=_DAY)
    deemed_from: date | None = attrs.field(default=None, validator=_DAY_OR_NONE)
    filed_on: date | None = attrs.field(default=None, validator=_DAY_OR_NONE)
    filed_in_time: bool = attrs.field(default=False)
    refused_on: date | None = attrs.field(default=None, validator=_DAY_OR_NONE)
    suspended_on: date | None = attrs.field(default=None, validator=_DAY_OR_NONE)
    suspended_until: date | None = attrs.field(default=None, validator=_DAY_OR_NONE)
    ended: LicenceState | None = attrs.field(default=None, converter=_to_state)
    ended_on: date | None = attrs.field(default=None, validator=_DAY_OR_NONE)
    cursor: date = attrs.field(validator=_DAY)

    @filed_in_time.validator
    def _check_flag(self, _: attrs.Attribute[bool], value: object) -> None:
        if not isinstance(value, bool):
            raise InvalidInputError("lifecycle.filed_in_time", value, "True or False")

    def __attrs_post_init__(self) -> None:
        pairs = (
            ("suspended_until", self.suspended_on, self.suspended_until),
            ("ended_on", self.ended, self.ended_on),
        )
        for name, first, second in pairs:
            if (first is None) != (second is None):
                raise InvalidInputError(
                    f"lifecycle.{name}", second, "given exactly when its partner field is"
                )
        if self.filed_in_time and self.filed_on is None:
            raise InvalidInputError("lifecycle.filed_in_time", True, "False without filed_on")
        if self.expires < self.licence.issued or self.cursor < self.licence.issued:
            raise InvalidInputError(
                "lifecycle.expires", self.expires, f"on or after issued ({self.licence.issued})"
            )
        _check_order(self)

    @classmethod
    def start(cls, licence: Licence) -> Lifecycle:
        """The lifecycle of ``licence`` on its issue day, before any event.

        >>> from datetime import date
        >>> from qsdomain.licensing import Licence
        >>> lic = Licence(kind="inspection_body", number="1", holder="某所",
        ...               issued=date(2020, 1, 1))
        >>> Lifecycle.start(lic).valid_since
        datetime.date(2020, 1, 1)
        """
        if not isinstance(licence, Licence):
            raise InvalidInputError("licence", licence, "a Licence")
        return cls(
            licence=licence,
            expires=licence.expires,
            valid_since=licence.issued,
            cursor=licence.issued,
        )


def _check_order(life: Lifecycle) -> None:
    """The orders of days every folded lifecycle satisfies (issue #18 item 14)."""
    on, until = life.suspended_on, life.suspended_until
    if on is not None and until is not None and until < on:
        raise InvalidInputError(
            "lifecycle.suspended_until", until, f"on or after suspended_on ({on})"
        )
    issued = life.licence.issued
    if life.valid_since < issued:
        raise InvalidInputError(
            "lifecycle.valid_since", life.valid_since, f"on or after issued ({issued})"
        )
    if life.deemed_from is not None and not issued < life.deemed_from <= life.expires:
        raise InvalidInputError(
            "lifecycle.deemed_from",
            life.deemed_from,
            f"after issued ({issued}) and on or before expires ({life.expires})",
        )
    for name in ("filed_on", "refused_on", "ended_on"):
        found = getattr(life, name)
        if found is not None and found > life.cursor:
            raise InvalidInputError(
                f"lifecycle.{name}",
                found,
                f"on or before cursor ({life.cursor}), the last day folded",
            )
    if (
        life.ended is LicenceState.EXPIRED
        and life.ended_on is not None
        and life.ended_on <= life.expires
    ):
        raise InvalidInputError(
            "lifecycle.ended_on", life.ended_on, f"after expires ({life.expires}) once expired"
        )


#: Lead.before answers, keyed by (id of the calendar or None, id of the lead, day). Each entry
#: keeps its calendar and lead, so an id is never mistaken for a later object's.
_LEADS: Memo[tuple[int, int, date], tuple[object, Lead, date | CalendarNotCoveredError]] = Memo(
    200_000
)


def lead_before(lead: Lead, day_: date, calendar: WorkingDayCalendar | None) -> date:
    """``lead.before(day_)``, with ``calendar`` (default china()) for working-day leads; cached.

    The computation is pure, so a cached answer is the answer; the cache only saves the month
    arithmetic and calendar look-ups that a register of a million licences repeats. A look-up
    beyond the calendar is remembered too: the calendar object does not change.
    """
    found = lead_before_or_error(lead, day_, calendar)
    if isinstance(found, date):
        return found
    raise found.with_traceback(None)


def lead_before_or_error(
    lead: Lead, day_: date, calendar: WorkingDayCalendar | None
) -> date | CalendarNotCoveredError:
    """:func:`lead_before`, returning (not raising) the calendar's not-covered error.

    Raising and catching an exception costs more than the rest of a status call; a register
    with many licences whose deadline lies beyond the calendar only needs to know that it does.
    """
    cal: object = None
    if lead.unit is _WORKING_DAYS:
        cal = china() if calendar is None else calendar
    key = (id(cal), id(lead), day_)
    hit = _LEADS.get(key)
    if hit is not None and hit[0] is cal and hit[1] is lead:
        return hit[2]
    answer: date | CalendarNotCoveredError
    try:
        answer = lead.before(day_) if cal is None else lead.before(day_, calendar=cal)  # type: ignore[arg-type]
    except CalendarNotCoveredError as err:
        answer = err
    _LEADS.put(key, (cal, lead, answer))
    return answer


def term_end(term: Term, start: date, convention: Convention) -> date:
    """``term.nominal_end(start, convention)``, cached (pure; saves the month arithmetic)."""
    return _term_end(term, start, convention)


class Fold:
    """The mutable accumulator behind :func:`apply`, :func:`replay` and ``status`` (private)."""

    __slots__ = (
        "_calendar",
        "_due",
        "cursor",
        "deemed_from",
        "ended",
        "ended_on",
        "expires",
        "filed_in_time",
        "filed_on",
        "kind",
        "licence",
        "refused_on",
        "suspended_on",
        "suspended_until",
        "valid_since",
    )

    def __init__(self, life: Lifecycle, calendar: WorkingDayCalendar | None) -> None:
        self.licence = life.licence
        self.kind = life.licence.kind
        self._calendar = calendar
        self._due: date | CalendarNotCoveredError | None = None
        self.expires = life.expires
        self.valid_since = life.valid_since
        self.deemed_from = life.deemed_from
        self.filed_on = life.filed_on
        self.filed_in_time = life.filed_in_time
        self.refused_on = life.refused_on
        self.suspended_on = life.suspended_on
        self.suspended_until = life.suspended_until
        self.ended = life.ended
        self.ended_on = life.ended_on
        self.cursor = life.cursor

    @classmethod
    def fresh(cls, licence: Licence, calendar: WorkingDayCalendar | None) -> Fold:
        """A fold at the issue day without building a :class:`Lifecycle` (the fast path)."""
        fold = cls.__new__(cls)
        fold.licence = licence
        fold.kind = licence.kind
        fold._calendar = calendar
        fold._due = None
        fold.expires = licence.expires
        fold.valid_since = licence.issued
        fold.deemed_from = fold.filed_on = fold.refused_on = None
        fold.filed_in_time = False
        fold.suspended_on = fold.suspended_until = None
        fold.ended = fold.ended_on = None
        fold.cursor = licence.issued
        return fold

    def snapshot(self) -> Lifecycle:
        return Lifecycle(
            licence=self.licence,
            expires=self.expires,
            valid_since=self.valid_since,
            deemed_from=self.deemed_from,
            filed_on=self.filed_on,
            filed_in_time=self.filed_in_time,
            refused_on=self.refused_on,
            suspended_on=self.suspended_on,
            suspended_until=self.suspended_until,
            ended=self.ended,
            ended_on=self.ended_on,
            cursor=self.cursor,
        )

    # -- the renewal deadline ---------------------------------------------------------------

    def due(self) -> date:
        """The last day a renewal filing for the current expiry is in time (may raise)."""
        found = self.due_or_error()
        if isinstance(found, date):
            return found
        raise found.with_traceback(None)

    def due_or_error(self) -> date | CalendarNotCoveredError:
        """:meth:`due`, returning (not raising) the calendar's not-covered error."""
        found = self._due
        if found is None:
            # An answer beyond the calendar is kept too: the calendar does not change.
            found = self._due = lead_before_or_error(
                self.kind.renewal_lead, self.expires, self._calendar
            )
        return found

    def due_bounds(self) -> tuple[date, date]:
        """The earliest and latest the due day can be, known without a calendar."""
        lead = self.kind.renewal_lead
        if lead.unit is not _WORKING_DAYS:
            due = self.due()
            return due, due
        return (
            self.expires - timedelta(days=working_day_span(lead)),
            self.expires - timedelta(days=lead.amount),
        )

    def filed_by_due(self, on: date) -> bool:
        """Whether a filing on ``on`` is in time (art. 50 para. 1: on or before the due day).

        Surely in time before the earliest the due day can be: no calendar needed then.
        """
        low, _ = self.due_bounds()
        return on <= low or on <= self.due()

    # -- time passing -----------------------------------------------------------------------

    def advance(self, to: date) -> None:
        """Let time run until ``to``: deemed renewal or expiry, and the end of a suspension."""
        while self.ended is None and to > self.expires:
            after = self.expires + _ONE_DAY
            if self.filed_on is not None and self.filed_in_time and self.refused_on is None:
                try:
                    new_expires = _term_end(self.kind.term, after, self.kind.convention)
                except InvalidInputError:
                    raise InvalidInputError(
                        "events", after, "a deemed renewal whose term stays within year 9999"
                    ) from None
                self.deemed_from = self.valid_since = after
                self.expires = new_expires
                self._due = None
                self.filed_on = None
                self.filed_in_time = False
            else:
                self.ended = _EXPIRED
                self.ended_on = after
        until = self.suspended_until
        if until is not None and to > until:
            back = until + _ONE_DAY
            self.valid_since = max(self.valid_since, back)
            self.suspended_on = self.suspended_until = None
        self.cursor = max(self.cursor, to)

    # -- events -------------------------------------------------------------------------------

    def phase(self) -> str:
        if self.ended is _EXPIRED:
            return "expired"
        if self.ended is not None:
            return "final"
        if self.suspended_on is not None and self.suspended_on <= self.cursor:
            return "suspended"
        return "in force"

    def step(self, index: int, event: LicenceEvent) -> None:
        """Fold one event (``index`` names it in errors): let time run to its day, check it
        against the transition table, then apply it."""
        found = _STEPS.get(type(event))
        if found is None:
            raise InvalidInputError(f"events[{index}]", event, _EVENT_NAMES)
        allowed, handler = found
        on = event.on
        if on < self.cursor:
            raise self._too_early(index, on)
        self.advance(on)
        phase = self.phase()
        if phase not in allowed:
            raise self._not_allowed(index, event, phase)
        try:
            handler(self, event)  # type: ignore[operator]
        except InvalidInputError as err:
            if err.field != "events":
                raise
            raise InvalidInputError(f"events[{index}]", err.value, err.allowed) from None

    def _too_early(self, index: int, on: date) -> InvalidInputError:
        what = "the issue date" if self.cursor == self.licence.issued else "the previous event"
        return InvalidInputError(
            f"events[{index}].on", on, f"a date on or after {what} ({self.cursor})"
        )

    def _not_allowed(self, index: int, event: object, phase: str) -> InvalidInputError:
        return InvalidInputError(
            f"events[{index}]",
            event,
            f"an event allowed on a licence that is {self._phase_text(phase)}",
        )

    def _phase_text(self, phase: str) -> str:
        if phase in ("expired", "final"):
            assert self.ended is not None
            return f"{self.ended.value} since {self.ended_on}"
        return f"{phase} (since {self.suspended_on})" if phase == "suspended" else phase

    def _renewal_applied(self, event: RenewalApplied) -> None:
        on = event.on
        if self.filed_on is not None:
            raise InvalidInputError(
                "events", on, f"no second filing while one from {self.filed_on} is undecided"
            )
        earliest = self.kind.earliest_filing
        if earliest is not None:
            # earliest.before(expires, calendar=calendar or china()), cached.
            first = lead_before(earliest, self.expires, self._calendar)
            if on < first:
                raise InvalidInputError(
                    "events", on, f"a filing on or after the earliest day accepted ({first})"
                )
        self.filed_in_time = self.filed_by_due(on)
        self.filed_on = on
        self.refused_on = None

    def _renewed(self, event: Renewed) -> None:
        confirming = self.deemed_from is not None and self.filed_on is None
        if event.valid_until is not None:
            new_expires = event.valid_until
        elif confirming:
            new_expires = self.expires
        else:
            try:
                new_expires = _term_end(
                    self.kind.term, self.expires + _ONE_DAY, self.kind.convention
                )
            except InvalidInputError:
                raise InvalidInputError(
                    "events", event, "a renewal whose term stays within year 9999"
                ) from None
        self.expires = new_expires
        self._due = None
        self.valid_since = event.on
        self.deemed_from = self.filed_on = self.refused_on = None
        self.filed_in_time = False

    def _refused(self, event: RenewalRefused) -> None:
        # 行政许可法 art. 50: the organ decides on an application to renew before expiry; a
        # refusal answers a filing. With none undecided (none made, or one already renewed,
        # refused or deemed renewed) there is nothing to refuse (#20 item 11).
        if self.filed_on is None:
            raise InvalidInputError(
                "events",
                event,
                "a RenewalRefused answering an undecided renewal filing (RenewalApplied), "
                "行政许可法 art. 50; no filing is undecided",
            )
        self.refused_on = event.on
        self.filed_on = None
        self.filed_in_time = False

    def _suspended(self, event: Suspended) -> None:
        self.suspended_on = event.on
        self.suspended_until = event.until


def _changed(_: Fold, __: Changed) -> None:
    """A change of particulars (行政许可法 art. 49) moves nothing."""


def _final(fold: Fold, event: Revoked | Withdrawn | Cancelled) -> None:
    """Revocation, withdrawal or cancellation: the licence ends that day, suspended or not."""
    fold.ended = _FINAL[type(event)]
    fold.ended_on = event.on
    fold.suspended_on = fold.suspended_until = None


_HANDLERS: dict[type, object] = {
    RenewalApplied: Fold._renewal_applied,
    Renewed: Fold._renewed,
    RenewalRefused: Fold._refused,
    Changed: _changed,
    Suspended: Fold._suspended,
}
#: Each event type's allowed phases and handler, in one look-up (the final events end it).
_STEPS: dict[type, tuple[frozenset[str], object]] = {
    kind: (allowed, _HANDLERS.get(kind, _final)) for kind, allowed in _ALLOWED.items()
}


def check_calendar(calendar: object) -> WorkingDayCalendar | None:
    """``calendar`` if it is None or a working calendar, else a typed error."""
    if calendar is None or isinstance(calendar, WorkingCalendar):
        return calendar
    if isinstance(calendar, WorkingDayCalendar):  # a runtime-checkable protocol
        return calendar
    raise InvalidInputError("calendar", calendar, "a WorkingCalendar (e.g. china()) or None")


def apply(
    state: Lifecycle,
    event: LicenceEvent,
    *,
    calendar: WorkingCalendar | WorkingDayCalendar | None = None,
) -> Lifecycle:
    """The lifecycle after one more event.

    >>> from datetime import date
    >>> from qsdomain.licensing import Licence, Revoked, Changed
    >>> lic = Licence(kind="industrial_product", number="XK1", holder="某厂",
    ...               issued=date(2021, 3, 15))
    >>> life = apply(Lifecycle.start(lic), Revoked(on=date(2023, 1, 9)))
    >>> life.ended.value, life.ended_on
    ('revoked', datetime.date(2023, 1, 9))
    >>> apply(life, Changed(on=date(2023, 2, 1)))
    Traceback (most recent call last):
    ...
    qsdomain.errors.InvalidInputError: events[0] must be an event allowed on a licence that is \
revoked since 2023-01-09, got ...

    ``calendar`` (default :func:`~qsdomain.calendars.china`) is used only for working-day leads.
    """
    if not isinstance(state, Lifecycle):
        raise InvalidInputError("state", state, "a Lifecycle")
    fold = Fold(state, check_calendar(calendar))
    fold.step(0, event)
    return fold.snapshot()


def replay(
    licence: Licence,
    events: Iterable[LicenceEvent],
    *,
    calendar: WorkingCalendar | WorkingDayCalendar | None = None,
) -> tuple[Lifecycle, ...]:
    """The lifecycle after each event of a history, in order (the start is not included).

    >>> from datetime import date
    >>> from qsdomain.licensing import Licence, Suspended, Revoked
    >>> lic = Licence(kind="industrial_product", number="XK1", holder="某厂",
    ...               issued=date(2021, 3, 15))
    >>> states = replay(lic, [Suspended(on=date(2022, 1, 1), until=date(2022, 3, 31)),
    ...                       Revoked(on=date(2022, 2, 1))])
    >>> [s.ended for s in states]
    [None, <LicenceState.REVOKED: 'revoked'>]

    The first error stops the replay; errors name the event by its index (``events[1].on``).
    """
    start = Lifecycle.start(licence)
    fold = Fold(start, check_calendar(calendar))
    out: list[Lifecycle] = []
    for index, event in enumerate(event_list(events)):
        fold.step(index, event)
        out.append(fold.snapshot())
    return tuple(out)


def event_list(events: object) -> tuple[LicenceEvent, ...]:
    """``events`` as a tuple, bounded by :data:`~qsdomain.limits.MAX_LICENCE_EVENTS`."""
    if isinstance(events, tuple) and len(events) <= limits.MAX_LICENCE_EVENTS:
        return events
    from qsdomain._checks import items  # noqa: PLC0415 - keeps the fast path above light

    return items("events", events, max_items=limits.MAX_LICENCE_EVENTS)  # type: ignore[return-value]
