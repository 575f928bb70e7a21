"""Many licences at once: statuses streamed, and a worklist sorted by urgency.

>>> from datetime import date
>>> from qsdomain.licensing import Licence, worklist
>>> register = [
...     Licence(kind="industrial_product", number="XK1", holder="甲厂", issued=date(2021, 3, 15)),
...     Licence(kind="inspection_body", number="CMA1", holder="乙所", issued=date(2020, 9, 1)),
... ]
>>> [(item.reason.value, item.number, item.due) for item in worklist(register, date(2026, 3, 5))]
[('overdue_filing', 'XK1', datetime.date(2025, 9, 14)), ('file_renewal', 'CMA1', \
datetime.date(2026, 5, 31))]

Both functions take an iterable whose items are either a :class:`~qsdomain.licensing.Licence`
(no events) or a pair ``(licence, events)``. :func:`statuses` is a generator: it holds one
licence at a time, so a register of millions streams in constant memory. A bad item raises
an :class:`~qsdomain.errors.InvalidInputError` whose field names it (``licences[41].events[2]``)
and ends the stream; a caller that wants to report bad rows and go on calls
:func:`~qsdomain.licensing.status` per row instead.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator
from datetime import date

import attrs

from qsdomain._checks import day, enum_member, whole_number
from qsdomain.calendars import WorkingCalendar, WorkingDayCalendar
from qsdomain.errors import InvalidInputError
from qsdomain.licensing._events import LicenceEvent
from qsdomain.licensing._licence import Licence
from qsdomain.licensing._lifecycle import LicenceState, check_calendar, event_list
from qsdomain.licensing._status import LicenceStatus, StatusPolicy, check_policy, fold_status

__all__ = ["WorkItem", "WorkReason", "statuses", "worklist"]

LicenceItem = Licence | tuple[Licence, Iterable[LicenceEvent]]

#: The states :func:`worklist` never lists (ended, or not yet valid); the command line and the
#: desk read it to skip those licences before asking.
NEVER_LISTED = frozenset(
    {
        LicenceState.EXPIRED,
        LicenceState.REVOKED,
        LicenceState.WITHDRAWN,
        LicenceState.CANCELLED,
        LicenceState.NOT_YET_VALID,
    }
)


class WorkReason(enum.Enum):
    """Why a licence is on the worklist."""

    OVERDUE_FILING = "overdue_filing"  # 逾期未申请延续
    FILE_RENEWAL = "file_renewal"  # 需在期限内申请延续
    EXPIRING = "expiring"  # 即将到期 (a filing is pending, late or refused)


def _to_reason(value: object) -> WorkReason:
    return enum_member("item.reason", WorkReason, value)


def _check_status(_: object, __: attrs.Attribute[LicenceStatus], value: object) -> None:
    if not isinstance(value, LicenceStatus):
        raise InvalidInputError("item.status", value, "a LicenceStatus")


def _to_due(value: object) -> date:
    return day("item.due", value)


@attrs.frozen(kw_only=True)
class WorkItem:
    """One licence that needs action, with the day by which it must be taken.

    >>> from datetime import date
    >>> from qsdomain.licensing import Licence
    >>> lic = Licence(kind="food_production", number="SC1", holder="某厂",
    ...               issued=date(2021, 10, 20))
    >>> (item,) = worklist([lic], date(2026, 7, 1), within=90)
    >>> item.reason.value, item.due, item.days
    ('file_renewal', datetime.date(2026, 9, 1), 62)

    Attributes:
        reason: why it is listed.
        status: the licence's status on the day asked about.
        due: the last day to file (``overdue_filing``, ``file_renewal``) or the expiry
            (``expiring``).
        days: days from the day asked about to ``due`` (negative when overdue).
    """

    reason: WorkReason = attrs.field(converter=_to_reason)
    status: LicenceStatus = attrs.field(validator=_check_status)
    due: date = attrs.field(converter=_to_due)
    days: int = attrs.field()

    @days.validator
    def _check_days(self, _: attrs.Attribute[int], value: object) -> None:
        whole_number("item.days", value, -3_700_000, 3_700_000)

    @property
    def number(self) -> str:
        """The licence number.

        >>> from datetime import date
        >>> from qsdomain.licensing import Licence
        >>> lic = Licence(kind="food_production", number="SC1", holder="某厂",
        ...               issued=date(2021, 10, 20))
        >>> worklist([lic], date(2026, 9, 1))[0].number
        'SC1'
        """
        return self.status.licence.number


def _iterate(field: str, licences: object) -> Iterator[object]:
    if isinstance(licences, (str, bytes, bytearray, dict)) or licences is None:
        raise InvalidInputError(field, licences, "an iterable of licences or (licence, events)")
    try:
        return iter(licences)  # type: ignore[call-overload, no-any-return]
    except TypeError:
        raise InvalidInputError(
            field, licences, "an iterable of licences or (licence, events)"
        ) from None


def _split(index: int, item: object) -> tuple[Licence, tuple[LicenceEvent, ...]]:
    if isinstance(item, Licence):
        return item, ()
    if isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], Licence):
        try:
            return item[0], event_list(item[1])
        except InvalidInputError as err:
            raise InvalidInputError(
                f"licences[{index}].{err.field}", err.value, err.allowed
            ) from None
    raise InvalidInputError(f"licences[{index}]", item, "a Licence or a pair (licence, events)")


def _stream(
    source: Iterator[object],
    as_of: date,
    calendar: WorkingDayCalendar | None,
    warn: int,
) -> Iterator[LicenceStatus]:
    for index, item in enumerate(source):
        licence, events = _split(index, item)
        try:
            yield fold_status(licence, as_of, events, calendar, warn)
        except InvalidInputError as err:
            raise InvalidInputError(
                f"licences[{index}].{err.field}", err.value, err.allowed
            ) from None


def statuses(
    licences: Iterable[LicenceItem],
    as_of: date,
    *,
    calendar: WorkingCalendar | WorkingDayCalendar | None = None,
    policy: StatusPolicy | None = None,
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

    The arguments other than ``licences`` are checked at once; each item when it is reached.
    """
    source = _iterate("licences", licences)
    return _stream(
        source, day("as_of", as_of), check_calendar(calendar), check_policy(policy).warn_days
    )


def _work_item(st: LicenceStatus, as_of: date, within: int) -> WorkItem | None:
    if st.state in NEVER_LISTED:
        return None
    due = st.renewal_due
    if st.filed_on is None and due is not None and not _refused(st):
        days = (due - as_of).days
        if days < 0:
            return WorkItem(reason=WorkReason.OVERDUE_FILING, status=st, due=due, days=days)
        if days <= within:
            return WorkItem(reason=WorkReason.FILE_RENEWAL, status=st, due=due, days=days)
        return None
    left = (st.expires - as_of).days
    if left <= within:
        return WorkItem(reason=WorkReason.EXPIRING, status=st, due=st.expires, days=left)
    return None


def _refused(st: LicenceStatus) -> bool:
    return st.reason.startswith("Renewal refused")


def worklist(
    licences: Iterable[LicenceItem],
    as_of: date,
    *,
    within: int = 90,
    calendar: WorkingCalendar | WorkingDayCalendar | None = None,
    policy: StatusPolicy | None = None,
) -> tuple[WorkItem, ...]:
    """The licences that need action within ``within`` days of ``as_of``, most urgent first.

    >>> from datetime import date
    >>> from qsdomain.licensing import Licence, RenewalApplied
    >>> lic = Licence(kind="industrial_product", number="XK1", holder="甲",
    ...               issued=date(2021, 3, 15))
    >>> [i.reason.value for i in worklist([(lic, [RenewalApplied(on=date(2025, 9, 1))])],
    ...                                   date(2026, 2, 1))]
    ['expiring']

    * ``overdue_filing``: no renewal filed in time and the last day to file has passed (the
      licence still runs);
    * ``file_renewal``: no filing yet and the last day to file is within ``within`` days;
    * ``expiring``: the licence ends within ``within`` days and a filing is pending, was late
      or was refused (or the last day to file is unknown).

    Expired, revoked, withdrawn, cancelled and not-yet-valid licences are not listed. Items
    are sorted by ``due`` (overdue ones first, being in the past), then by licence number.
    """
    source = _iterate("licences", licences)
    within = whole_number("within", within, 0, 3660)
    as_of = day("as_of", as_of)
    stream = _stream(source, as_of, check_calendar(calendar), check_policy(policy).warn_days)
    found = [item for st in stream if (item := _work_item(st, as_of, within)) is not None]
    found.sort(key=lambda item: (item.due, item.reason.value, item.number))
    return tuple(found)
