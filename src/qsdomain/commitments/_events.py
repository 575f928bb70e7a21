"""The events of a case's timeline: frozen values, each stamped with an aware datetime.

Day-level rules read an event's local date in the item's zone; a naive datetime is refused
(:class:`~qsdomain.errors.NaiveDatetimeError`) because the day it falls on would be a guess.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from types import MappingProxyType
from typing import TypeAlias

import attrs

from qsdomain import _checks, limits
from qsdomain.commitments._modes import ExclusionKind
from qsdomain.errors import InvalidInputError

__all__ = [
    "EVENT_KINDS",
    "Accepted",
    "Decided",
    "DeficiencyNotified",
    "Delivered",
    "Event",
    "ExclusionEnded",
    "ExclusionStarted",
    "ExtensionGranted",
    "MaterialsCompleted",
    "MeetingHeld",
    "ProgressReported",
    "Received",
    "Withdrawn",
]


def _at(value: object) -> datetime:
    return _checks.aware_datetime("at", value)


def _missing(value: object) -> tuple[str, ...]:
    return _checks.texts("missing", value, max_items=limits.MAX_CASE_EVENTS, max_length=200)


def _outstanding(value: object) -> tuple[str, ...]:
    return _checks.texts("outstanding", value, max_items=limits.MAX_CASE_EVENTS, max_length=200)


@attrs.frozen(kw_only=True)
class Received:
    """The window received the application (收到申请材料).

    >>> from datetime import datetime
    >>> from zoneinfo import ZoneInfo
    >>> Received(at=datetime(2026, 9, 28, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))).at.hour
    10
    """

    at: datetime = attrs.field(converter=_at)


@attrs.frozen(kw_only=True)
class DeficiencyNotified:
    """The applicant was told, all at once, what is missing (一次性告知, 行政许可法 art. 32(4)).

    >>> from datetime import datetime, timezone
    >>> at = datetime(2026, 9, 29, 2, tzinfo=timezone.utc)
    >>> DeficiencyNotified(at=at, missing=["营业执照"]).missing
    ('营业执照',)

    Attributes:
        at: when the notice was given.
        missing: every missing or defective item (at least one).
    """

    at: datetime = attrs.field(converter=_at)
    missing: tuple[str, ...] = attrs.field(converter=_missing)

    @missing.validator
    def _check_missing(self, _: attrs.Attribute[tuple[str, ...]], value: tuple[str, ...]) -> None:
        if not value:
            raise InvalidInputError("missing", value, "at least one missing item")


@attrs.frozen(kw_only=True)
class MaterialsCompleted:
    """The missing materials arrived (补正材料齐全): notified ones, or those left under 容缺受理.

    >>> from datetime import datetime, timezone
    >>> MaterialsCompleted(at=datetime(2026, 10, 9, 2, tzinfo=timezone.utc)).at.day
    9
    """

    at: datetime = attrs.field(converter=_at)


@attrs.frozen(kw_only=True)
class Accepted:
    """The application was accepted (受理, 行政许可法 art. 32): the clocks start the next day.

    >>> from datetime import datetime, timezone
    >>> a = Accepted(at=datetime(2026, 9, 28, 7, tzinfo=timezone.utc), outstanding=["照片"])
    >>> a.outstanding
    ('照片',)

    Attributes:
        at: when the application was accepted.
        outstanding: minor items still missing, accepted under 容缺受理 (empty: complete).
    """

    at: datetime = attrs.field(converter=_at)
    outstanding: tuple[str, ...] = attrs.field(default=(), converter=_outstanding)


def _kind(value: object) -> ExclusionKind:
    return _checks.enum_member("kind", ExclusionKind, value)


def _notified(value: object) -> date | None:
    return None if value is None else _checks.day("notified", value)


@attrs.frozen(kw_only=True)
class ExclusionStarted:
    """A special procedure whose time is not counted began (行政许可法 art. 45).

    >>> from datetime import date, datetime, timezone
    >>> e = ExclusionStarted(at=datetime(2026, 9, 29, 2, tzinfo=timezone.utc),
    ...                      kind="expert_review", notified=date(2026, 9, 29))
    >>> e.kind.chinese
    '专家评审'

    Attributes:
        at: when the procedure began; its local date is the first day not counted.
        kind: which procedure (:class:`ExclusionKind` or its value).
        notified: the day the applicant was told in writing how long it takes (art. 45), or
            ``None`` if not yet told.
    """

    at: datetime = attrs.field(converter=_at)
    kind: ExclusionKind = attrs.field(converter=_kind)
    notified: date | None = attrs.field(default=None, converter=_notified)


@attrs.frozen(kw_only=True)
class ExclusionEnded:
    """The special procedure ended; its local date is the last day not counted.

    >>> from datetime import datetime, timezone
    >>> ExclusionEnded(at=datetime(2026, 10, 9, 2, tzinfo=timezone.utc)).at.month
    10
    """

    at: datetime = attrs.field(converter=_at)


def _extensiongranted_days(v: object) -> int:
    return _checks.whole_number("days", v, 1, limits.MAX_LIMIT_DAYS)


def _extensiongranted_by(v: object) -> str:
    return _checks.text("by", v, max_length=200)


def _extensiongranted_reason(v: object) -> str:
    return _checks.text("reason", v, max_length=2000)


@attrs.frozen(kw_only=True)
class ExtensionGranted:
    """The limit was extended once (延期, 行政许可法 art. 42), with the reason told.

    >>> from datetime import datetime, timezone
    >>> ExtensionGranted(at=datetime(2026, 10, 9, 2, tzinfo=timezone.utc), days=10,
    ...                  by="局长 王某", reason="现场核查需补充").days
    10

    Attributes:
        at: when the extension was granted.
        days: working days added (1 to the item's ``max_extension``, checked by :class:`Case`).
        by: who approved it (the head of the authority, or of the government under para. 2).
        reason: the reason given to the applicant.
    """

    at: datetime = attrs.field(converter=_at)
    days: int = attrs.field(converter=_extensiongranted_days)
    by: str = attrs.field(converter=_extensiongranted_by)
    reason: str = attrs.field(converter=_extensiongranted_reason)


@attrs.frozen(kw_only=True)
class ProgressReported:
    """The handler of a tracked case reported progress to the applicant (跟踪办).

    >>> from datetime import datetime, timezone
    >>> ProgressReported(at=datetime(2026, 10, 9, 2, tzinfo=timezone.utc)).at.day
    9
    """

    at: datetime = attrs.field(converter=_at)


@attrs.frozen(kw_only=True)
class MeetingHeld:
    """The coordination meeting of a coordinated case was held (协调会, 协调办).

    >>> from datetime import datetime, timezone
    >>> MeetingHeld(at=datetime(2026, 10, 9, 2, tzinfo=timezone.utc)).at.day
    9
    """

    at: datetime = attrs.field(converter=_at)


@attrs.frozen(kw_only=True)
class Decided:
    """The authority decided (作出决定), whether to grant or refuse.

    >>> from datetime import datetime, timezone
    >>> Decided(at=datetime(2026, 10, 9, 2, tzinfo=timezone.utc)).at.day
    9
    """

    at: datetime = attrs.field(converter=_at)


@attrs.frozen(kw_only=True)
class Delivered:
    """The certificate or decision was delivered (颁发、送达, 行政许可法 art. 44).

    >>> from datetime import datetime, timezone
    >>> Delivered(at=datetime(2026, 10, 9, 2, tzinfo=timezone.utc)).at.day
    9
    """

    at: datetime = attrs.field(converter=_at)


@attrs.frozen(kw_only=True)
class Withdrawn:
    """The applicant withdrew the application (撤回申请); nothing may follow.

    >>> from datetime import datetime, timezone
    >>> Withdrawn(at=datetime(2026, 10, 9, 2, tzinfo=timezone.utc)).at.day
    9
    """

    at: datetime = attrs.field(converter=_at)


Event: TypeAlias = (
    Received
    | DeficiencyNotified
    | MaterialsCompleted
    | Accepted
    | ExclusionStarted
    | ExclusionEnded
    | ExtensionGranted
    | ProgressReported
    | MeetingHeld
    | Decided
    | Delivered
    | Withdrawn
)
"""Anything that can happen to a case (folded by :func:`apply`)."""

#: Each event class by its kind (read-only, public): the ``"event"`` tag of the JSON form and the
#: code a ledger or the desk stores (one table for :mod:`qsdomain.serialization` and
#: :mod:`qsdomain.ledgers.commitments`).
EVENT_KINDS: Mapping[str, type[Event]] = MappingProxyType(
    {
        "received": Received,
        "deficiency_notified": DeficiencyNotified,
        "materials_completed": MaterialsCompleted,
        "accepted": Accepted,
        "exclusion_started": ExclusionStarted,
        "exclusion_ended": ExclusionEnded,
        "extension_granted": ExtensionGranted,
        "progress_reported": ProgressReported,
        "meeting_held": MeetingHeld,
        "decided": Decided,
        "delivered": Delivered,
        "withdrawn": Withdrawn,
    }
)
