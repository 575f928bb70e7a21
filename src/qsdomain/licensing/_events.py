"""What can happen to a licence, each on a day: filings, decisions, changes and penalties.

>>> from datetime import date
>>> from qsdomain.licensing import RenewalApplied, Suspended
>>> RenewalApplied(on=date(2026, 8, 3)).on
datetime.date(2026, 8, 3)
>>> Suspended(on=date(2026, 3, 1), until=date(2026, 2, 1))
Traceback (most recent call last):
...
qsdomain.errors.InvalidInputError: suspended.until must be a date on or after on (2026-03-01), ...

Every event is frozen and carries ``on``, the day it took effect, and an optional ``note`` (a
decision number, say). The legal acts behind them:

* :class:`RenewalApplied` (申请延续), :class:`Renewed` (准予延续) and :class:`RenewalRefused`
  (不予延续): 行政许可法 art. 50.
* :class:`Changed` (变更): 行政许可法 art. 49; a change of particulars never moves the expiry.
* :class:`Suspended` (暂扣许可证件): a penalty under 行政处罚法 (2021) art. 9(3), for a period
  that ends by itself; ``until`` is the last day of the suspension.
* :class:`Revoked` (吊销): a penalty, 行政处罚法 art. 9(3); final.
* :class:`Withdrawn` (撤销 under 行政许可法 art. 69, or 撤回 under art. 8); final.
* :class:`Cancelled` (注销, 行政许可法 art. 70); final.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from types import MappingProxyType
from typing import TypeAlias

import attrs

from qsdomain._checks import day, field_path, v_day, v_text
from qsdomain.errors import InvalidInputError

__all__ = [
    "Cancelled",
    "Changed",
    "LicenceEvent",
    "RenewalApplied",
    "RenewalRefused",
    "Renewed",
    "Revoked",
    "Suspended",
    "Withdrawn",
]


#: An event's day and note, checked by the factories of :mod:`qsdomain._checks`.
_ON = v_day()
_NOTE = v_text(allow_empty=True, max_length=1000)


@attrs.frozen(kw_only=True)
class RenewalApplied:
    """The holder filed for renewal (申请延续) on ``on``.

    >>> from datetime import date
    >>> RenewalApplied(on=date(2026, 8, 3), note="受理通知书 2026-123")
    RenewalApplied(on=datetime.date(2026, 8, 3), note='受理通知书 2026-123')
    """

    on: date = attrs.field(validator=_ON)
    note: str = attrs.field(default="", validator=_NOTE)


@attrs.frozen(kw_only=True)
class Renewed:
    """The authority granted the renewal (准予延续) on ``on``.

    >>> from datetime import date
    >>> Renewed(on=date(2026, 9, 1)).valid_until is None
    True

    Attributes:
        on: the day of the decision.
        valid_until: the new last day of validity as printed; ``None``: a full term from the
            day after the current expiry, under the kind's convention.
        note: free text.
    """

    on: date = attrs.field(validator=_ON)
    valid_until: date | None = attrs.field(default=None)
    note: str = attrs.field(default="", validator=_NOTE)

    @valid_until.validator
    def _check_until(self, attribute: attrs.Attribute[date | None], value: object) -> None:
        if value is None:
            return
        path = field_path(self, attribute)
        day(path, value)
        assert isinstance(value, date)
        if value < self.on:
            raise InvalidInputError(path, value, f"a date on or after on ({self.on})")


@attrs.frozen(kw_only=True)
class RenewalRefused:
    """The authority refused the renewal (不予延续) on ``on``; no deemed renewal follows.

    >>> from datetime import date
    >>> RenewalRefused(on=date(2026, 9, 1)).on.isoformat()
    '2026-09-01'
    """

    on: date = attrs.field(validator=_ON)
    note: str = attrs.field(default="", validator=_NOTE)


@attrs.frozen(kw_only=True)
class Changed:
    """The particulars were changed (变更) on ``on``; the expiry never moves.

    >>> from datetime import date
    >>> Changed(on=date(2024, 5, 6), note="名称变更").note
    '名称变更'
    """

    on: date = attrs.field(validator=_ON)
    note: str = attrs.field(default="", validator=_NOTE)


@attrs.frozen(kw_only=True)
class Suspended:
    """The licence was suspended (暂扣) from ``on`` through ``until``; it resumes by itself.

    >>> from datetime import date
    >>> Suspended(on=date(2026, 3, 1), until=date(2026, 5, 31)).until
    datetime.date(2026, 5, 31)

    Attributes:
        on: the first day of the suspension.
        until: the last day of the suspension (on or after ``on``).
        note: free text.
    """

    on: date = attrs.field(validator=_ON)
    until: date = attrs.field()
    note: str = attrs.field(default="", validator=_NOTE)

    @until.validator
    def _check_until(self, attribute: attrs.Attribute[date], value: object) -> None:
        path = field_path(self, attribute)
        day(path, value)
        assert isinstance(value, date)
        if value < self.on:
            raise InvalidInputError(path, value, f"a date on or after on ({self.on})")


@attrs.frozen(kw_only=True)
class Revoked:
    """The licence was revoked (吊销) on ``on``: final.

    >>> from datetime import date
    >>> Revoked(on=date(2026, 3, 1)).on.year
    2026
    """

    on: date = attrs.field(validator=_ON)
    note: str = attrs.field(default="", validator=_NOTE)


@attrs.frozen(kw_only=True)
class Withdrawn:
    """The grant was withdrawn (撤销/撤回) on ``on``: final.

    >>> from datetime import date
    >>> Withdrawn(on=date(2026, 3, 1), note="撤回").note
    '撤回'
    """

    on: date = attrs.field(validator=_ON)
    note: str = attrs.field(default="", validator=_NOTE)


@attrs.frozen(kw_only=True)
class Cancelled:
    """The licence was cancelled (注销) on ``on``: final.

    >>> from datetime import date
    >>> Cancelled(on=date(2026, 3, 1)).on.month
    3
    """

    on: date = attrs.field(validator=_ON)
    note: str = attrs.field(default="", validator=_NOTE)


LicenceEvent: TypeAlias = (
    RenewalApplied
    | Renewed
    | RenewalRefused
    | Changed
    | Suspended
    | Revoked
    | Withdrawn
    | Cancelled
)
"""Anything that can happen to a licence."""

#: Each event class by its code (事件代码): the ``"event"`` tag of the JSON form and the code a
#: ledger or the desk stores (one table for :mod:`qsdomain.serialization` and
#: :mod:`qsdomain.ledgers.licensing`). Read-only.
EVENT_KINDS: Mapping[str, type[LicenceEvent]] = MappingProxyType(
    {
        "renewal_applied": RenewalApplied,
        "renewed": Renewed,
        "renewal_refused": RenewalRefused,
        "changed": Changed,
        "suspended": Suspended,
        "revoked": Revoked,
        "withdrawn": Withdrawn,
        "cancelled": Cancelled,
    }
)
