"""Many licences at once: statuses streamed, and a worklist sorted by urgency.

>>> from datetime import date
>>> from qsdomain.licensing import Licence, worklist
>>> register = [
...     Licence(kind="industrial_product", number="XK1", holder="甲厂", issued=date(2021, 3, 15)),
...     Licence(kind="inspection_body", number="CMA1", holder="乙所", issued=date(2020, 9, 1)),
... ]
>>> [(st.action.value, st.id, st.due) for st in worklist(register, date(2026, 3, 5), within=90)]
[('overdue_filing', 'XK1', datetime.date(2025, 9, 14)), ('file_renewal', 'CMA1', \
datetime.date(2026, 5, 31))]

Both functions take an iterable whose items are either a :class:`~qsdomain.licensing.Licence`
(no events) or a pair ``(licence, events)``. :func:`statuses` is a generator: it holds one
licence at a time, so a register of millions streams in constant memory. A bad item raises
an :class:`~qsdomain.errors.InvalidInputError` whose field names it (``items[41].events[2]``)
and ends the stream; with ``rejects=`` (a :class:`~qsdomain.rejects.RejectSink`) it is
reported there as a :class:`~qsdomain.rejects.RowRejected` and the stream goes on.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date

from qsdomain import defaults
from qsdomain._checks import day, whole_number
from qsdomain.calendars import WorkingCalendar, WorkingDayCalendar
from qsdomain.errors import InvalidInputError, NotCoveredError
from qsdomain.licensing._events import LicenceEvent
from qsdomain.licensing._kernel import fold_status
from qsdomain.licensing._kinds import LicenceKind
from qsdomain.licensing._licence import Licence
from qsdomain.licensing._lifecycle import check_calendar, event_list
from qsdomain.licensing._status import (
    Action,
    LicenceStatus,
    Policy,
    check_policy,
    checked_arguments,
)
from qsdomain.periods import LeadUnit
from qsdomain.rejects import RejectSink, rejected

__all__ = ["counted_provisionally", "status", "statuses", "worklist"]

LicenceItem = Licence | tuple[Licence, Iterable[LicenceEvent]]


def _iterate(field: str, items: object) -> Iterator[object]:
    if isinstance(items, (str, bytes, bytearray, dict)) or items is None:
        raise InvalidInputError(field, items, "an iterable of licences or (licence, events)")
    try:
        return iter(items)  # type: ignore[call-overload, no-any-return]
    except TypeError:
        raise InvalidInputError(
            field, items, "an iterable of licences or (licence, events)"
        ) from None


def _check_rejects(rejects: object) -> RejectSink | None:
    if rejects is None or callable(getattr(rejects, "add", None)):
        return rejects  # type: ignore[return-value]
    raise InvalidInputError("rejects", rejects, "None or an object with an add(RowRejected)")


def _split(item: object) -> tuple[Licence, tuple[LicenceEvent, ...]]:
    if isinstance(item, Licence):
        return item, ()
    if isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], Licence):
        return item[0], event_list(item[1])
    raise InvalidInputError("", item, "a Licence or a pair (licence, events)")


def _stream(
    source: Iterator[object],
    as_of: date,
    calendar: WorkingDayCalendar | None,
    warn: int,
    rejects: RejectSink | None,
    *,
    answered: bool = False,
) -> Iterator[LicenceStatus]:
    for index, item in enumerate(source):
        try:
            if item.__class__ is Licence:  # the usual item, without events
                yield fold_status(item, as_of, (), calendar, warn)
                continue
            if answered and isinstance(item, LicenceStatus):
                if item.as_of != as_of:
                    raise InvalidInputError("as_of", item.as_of, f"a status as of {as_of}")
                yield item
                continue
            licence, events = _split(item)
            yield fold_status(licence, as_of, events, calendar, warn)
        except InvalidInputError as err:
            field = f"items[{index}].{err.field}" if err.field else f"items[{index}]"
            named = InvalidInputError(field, err.value, err.allowed)
            if rejects is None:
                raise named from None
            rejects.add(rejected(index + 1, named))
        except NotCoveredError as err:
            if rejects is None:
                raise
            rejects.add(rejected(index + 1, err, prefix=f"items[{index}]."))


def status(
    licence: Licence,
    events: Iterable[LicenceEvent],
    as_of: date,
    *,
    policy: Policy | None = None,
    calendar: WorkingCalendar | WorkingDayCalendar | None = None,
) -> LicenceStatus:
    """The status of ``licence`` on ``as_of``, given its events (``()`` for none).

    >>> from datetime import date
    >>> from qsdomain.licensing import Licence, Suspended
    >>> lic = Licence(kind="industrial_product", number="XK1", holder="某厂",
    ...               issued=date(2021, 3, 15))
    >>> st = status(lic, (), date(2025, 10, 1))          # 6 months before 2026-03-14
    >>> st.state.value, st.due, st.days_left, st.action.value
    ('renewal_overdue', datetime.date(2025, 9, 14), -17, 'overdue_filing')
    >>> st = status(lic, [Suspended(on=date(2024, 4, 1), until=date(2024, 6, 30))],
    ...             date(2024, 5, 1))
    >>> st.state.value, st.since
    ('suspended', datetime.date(2024, 4, 1))

    Answered by the kernel (``licensing/_kernel.py``: a memo of event-free statuses and a
    one-pass fold), which ``tests/test_licensing_kernel.py`` holds to the plain rule
    (``licensing._status.rule``): same statuses, same errors.
    The argument order is metrology's ``status(instrument, records, as_of)``. Pure: the answer
    depends only on the arguments, and only on the events dated on or before ``as_of`` (later
    events are still checked, so a bad history is an error whatever the day). ``calendar=None``
    means :func:`~qsdomain.calendars.china`; ``policy=None`` means ``Policy()``.

    Raises:
        InvalidInputError: a bad argument, or a history the lifecycle rules do not allow
            (events out of order, an event after revocation ...), naming ``events[i]``.
        CalendarNotCoveredError: a working-day lead the calendar does not cover, where the
            state depends on it.
    """
    return fold_status(*checked_arguments(licence, events, as_of, policy, calendar))


def statuses(
    items: Iterable[LicenceItem],
    as_of: date,
    *,
    policy: Policy | None = None,
    calendar: WorkingCalendar | WorkingDayCalendar | None = None,
    rejects: RejectSink | None = None,
) -> Iterator[LicenceStatus]:
    """The status of each licence on ``as_of``, one at a time, in the order given.

    >>> from datetime import date
    >>> from qsdomain.licensing import Licence, Revoked
    >>> a = Licence(kind="inspection_body", number="CMA1", holder="甲",
    ...             issued=date(2020, 9, 1))
    >>> b = Licence(kind="inspection_body", number="CMA2", holder="乙",
    ...             issued=date(2024, 9, 1))
    >>> [s.state.value for s in statuses([a, (b, [Revoked(on=date(2025, 1, 2))])],
    ...                                   date(2025, 6, 1))]
    ['valid', 'revoked']
    >>> class Printed:
    ...     def add(self, rejected):
    ...         print(rejected)
    >>> [s.id for s in statuses([a, "CMA9", b], date(2025, 6, 1), rejects=Printed())]
    line 2: items[1] must be a Licence or a pair (licence, events), got CMA9
    ['CMA1', 'CMA2']

    The arguments are checked when called; each item when it is reached. With ``rejects=None``
    an item the rules refuse raises (its field named ``items[i]...``) and ends the stream; with
    a sink it is reported there (``line`` is its position from 1) and the stream goes on.
    """
    source = _iterate("items", items)
    return _stream(
        source,
        day("as_of", as_of),
        check_calendar(calendar),
        check_policy(policy).warning_days,
        _check_rejects(rejects),
    )


def _urgency(st: LicenceStatus) -> tuple[int, date, str]:
    assert st.due is not None  # a listed status has an action, so a due day
    return (0 if st.action is Action.OVERDUE_FILING else 1, st.due, st.id)


def worklist(
    items: Iterable[LicenceItem | LicenceStatus],
    as_of: date,
    *,
    within: int | None = None,
    policy: Policy | None = None,
    calendar: WorkingCalendar | WorkingDayCalendar | None = None,
    rejects: RejectSink | None = None,
) -> list[LicenceStatus]:
    """The licences that need action within ``within`` days of ``as_of``, most urgent first.

    >>> from datetime import date
    >>> from qsdomain.licensing import Licence, RenewalApplied
    >>> lic = Licence(kind="industrial_product", number="XK1", holder="甲",
    ...               issued=date(2021, 3, 15))
    >>> [(st.state.value, st.action.value, st.days_left)
    ...  for st in worklist([(lic, [RenewalApplied(on=date(2025, 9, 1))])], date(2026, 2, 20))]
    [('renewal_pending', 'expiring', 22)]

    Listed: every status with an ``action`` whose ``days_left`` is at most ``within``:

    * ``overdue_filing``: no renewal filed in time and the last day to file has passed (the
      licence still runs; listed whatever ``within``);
    * ``file_renewal``: no filing yet and the last day to file is within ``within`` days;
    * ``expiring``: the licence ends within ``within`` days and a filing is pending, was late
      or was refused (or the last day to file is unknown).

    Expired, revoked, withdrawn, cancelled and not-yet-valid licences have no action and are
    not listed. Sorted by urgency: overdue filings first, then by ``due``, then by ``id``.
    ``within=None`` means :data:`qsdomain.defaults.WITHIN_DAYS`. An item may also be a
    :class:`LicenceStatus` already computed (by :func:`statuses`, as of the same day: a
    caller that counts every state lists without computing twice); it is taken as it is.
    """
    source = _iterate("items", items)
    within = whole_number("within", defaults.WITHIN_DAYS if within is None else within, 0, 3660)
    as_of = day("as_of", as_of)
    calendar = check_calendar(calendar)
    warn = check_policy(policy).warning_days
    sink = _check_rejects(rejects)
    found = [
        st
        for st in _stream(source, as_of, calendar, warn, sink, answered=True)
        if st.action is not None and st.days_left is not None and st.days_left <= within
    ]
    found.sort(key=_urgency)
    return found


def counted_provisionally(st: LicenceStatus, kind: LicenceKind, calendar: WorkingCalendar) -> bool:
    """Whether ``st``'s due day was counted across provisional days of ``calendar``.

    >>> from datetime import date
    >>> from qsdomain.calendars import china
    >>> from qsdomain.licensing import Licence, default_kinds, status
    >>> lic = Licence(kind="food_production", number="SC1", holder="某厂", issued=date(2022, 3, 1))
    >>> cal = china().extended(until=date(2028, 12, 31), rule="statutory")
    >>> st = status(lic, [], date(2026, 11, 27), calendar=cal)
    >>> st.due, counted_provisionally(st, default_kinds().get("food_production"), cal)
    (datetime.date(2027, 1, 12), True)

    Only a renewal lead counted in working days (a food production licence's: 有效期届满30个工作日
    前, see the kind's citation) rests on the calendar: a lead in calendar months or days never
    does, nor does a status without a due day. The days counted lie between the due day and
    the expiry; only those the calendar has can have been counted. The desk and ``licences
    check`` mark such answers provisional with this one rule.
    """
    if not isinstance(st, LicenceStatus):
        raise InvalidInputError("st", st, "a LicenceStatus")
    if not isinstance(kind, LicenceKind) or kind.code != st.kind:
        raise InvalidInputError("kind", kind, f"the LicenceKind of the status ({st.kind})")
    if not isinstance(calendar, WorkingCalendar):
        raise InvalidInputError("calendar", calendar, "a WorkingCalendar")
    if not calendar.provisional or st.due is None:
        return False
    if kind.renewal_lead.unit is not LeadUnit.WORKING_DAYS:
        return False
    first, last = sorted((st.due, st.expires))
    first, last = max(first, calendar.coverage.first), min(last, calendar.coverage.last)
    return first <= last and calendar.is_provisional_between(first, last)
