"""Service items (办事指南 entries): what a window promises for one kind of application.

Rules applied here (行政许可法, 2003, amended 2019-04-23, unless noted):

* art. 42 para. 1: decide within 20 working days of acceptance; the head of the authority may
  extend once by 10. Para. 2: unified, joint or centralised handling, 45 working days, extendable
  once by 15. A law or regulation may set another limit, so each item carries its own
  ``statutory_limit`` and ``max_extension``.
* art. 44: the certificate is issued and delivered within 10 working days of the decision
  (``delivery_limit``; sector rules may set less, e.g. 5 for food production licences).
* art. 45: hearings, tendering, auctions, inspection, testing, quarantine, appraisal and expert
  review are not counted (``excludable``).
* art. 82: all of these limits are working days.
* 优化营商环境条例 (State Council Order 722, 2019) art. 36 (per the project's reference
  notes; article number not re-read this round): a locality may compress the statutory limit and
  publishes the compressed one, so the committed limit (承诺时限) is never longer than the
  statutory one.
"""

from __future__ import annotations

import functools
import re
from datetime import time
from zoneinfo import ZoneInfo

import attrs

from qsdomain import _checks, limits
from qsdomain.commitments._modes import ExclusionKind, Mode
from qsdomain.errors import InvalidInputError

__all__ = ["ServiceItem"]

#: 行政许可法 art. 42 para. 1: one extension of at most 10 working days.
EXTENSION_DEFAULT = 10
#: 行政许可法 art. 42 para. 2: unified or joint handling, one extension of at most 15.
EXTENSION_COORDINATED = 15
#: 行政许可法 art. 44: certificate issued and delivered within 10 working days of the decision.
DELIVERY_DEFAULT = 10
#: The default zone of Chinese administrative time.
ZONE_DEFAULT = "Asia/Shanghai"
#: Project default business hours of a window (no national rule; a parameter of each item).
HOURS_DEFAULT = ("09:00-12:00", "13:30-17:30")
#: Project defaults (no national rule): progress reports every 5 working days for tracked
#: items; warnings at 50 % and 75 % of the limit (the service-desk convention, see
#: regulations.md section 5); a coordination meeting within 10 working days of acceptance;
#: 10 working days to supply items left outstanding under 容缺受理.
PROGRESS_DEFAULT = 5
WARN_DEFAULT = (0.5, 0.75)
MEETING_DEFAULT = 10
OUTSTANDING_DEFAULT = 10

_ZONE_KEY = re.compile(r"[A-Za-z][A-Za-z0-9_+\-]*(/[A-Za-z0-9_+\-]+){0,2}")
_SPAN = re.compile(r"([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]|24):([0-5]\d)")


@functools.lru_cache(maxsize=64)
def zone(key: str) -> ZoneInfo:
    """The ``ZoneInfo`` for ``key`` (cached); a typed error for an unknown key."""
    if len(key) <= limits.MAX_ZONE_KEY_LENGTH and _ZONE_KEY.fullmatch(key):
        try:
            return ZoneInfo(key)
        except (ValueError, LookupError, OSError):
            pass
    raise InvalidInputError("zone", key, "an IANA time zone name such as 'Asia/Shanghai'")


def _minutes(hh: str, mm: str) -> int:
    return int(hh) * 60 + int(mm)


@functools.lru_cache(maxsize=256)
def parse_hours(spans: tuple[str, ...]) -> tuple[tuple[int, int], ...]:
    """Business-hour spans as (start, end) minutes after midnight, checked and ordered."""
    out: list[tuple[int, int]] = []
    for i, span in enumerate(spans):
        m = _SPAN.fullmatch(span) if isinstance(span, str) else None
        start = _minutes(m.group(1), m.group(2)) if m else 0
        end = _minutes(m.group(3), m.group(4)) if m else 0
        if m is None or end > 24 * 60 or end <= start or (out and start < out[-1][1]):
            raise InvalidInputError(
                f"business_hours[{i}]",
                span,
                "an 'HH:MM-HH:MM' span after the previous one, ending after it starts",
            )
        out.append((start, end))
    return tuple(out)


def close_of_business(item: ServiceItem) -> time:
    """When the window closes: the end of the item's last business-hour span.

    >>> close_of_business(ServiceItem(code="A", name="a", mode="guided", statutory_limit=20,
    ...                               committed_limit=5))
    datetime.time(17, 30)
    """
    end = parse_hours(item.business_hours)[-1][1]
    return time.max if end == 24 * 60 else time(end // 60, end % 60)


def _mode(value: object) -> Mode:
    return _checks.enum_member("mode", Mode, value)


#: The check of every limit in working days: a whole number from 0 to the limits' maximum.
_LIMIT = _checks.v_whole(0, limits.MAX_LIMIT_DAYS)


def _kinds(value: object) -> frozenset[ExclusionKind]:
    return frozenset(
        _checks.enum_member(f"excludable[{i}]", ExclusionKind, v)
        for i, v in enumerate(_checks.items("excludable", value, max_items=16))
    )


def _hours(value: object) -> tuple[str, ...]:
    spans = _checks.texts("business_hours", value, max_items=8, max_length=11)
    if not spans:
        raise InvalidInputError("business_hours", value, "at least one 'HH:MM-HH:MM' span")
    parse_hours(spans)
    return spans


def _fractions(value: object) -> tuple[float, ...]:
    found = tuple(
        _checks.real(f"warn_at[{i}]", v, 0.0, 1.0, low_open=True, high_open=True)
        for i, v in enumerate(_checks.items("warn_at", value, max_items=8))
    )
    if list(found) != sorted(set(found)):
        raise InvalidInputError("warn_at", value, "increasing fractions between 0 and 1")
    return found


def _zone_key(value: object) -> str:
    key = _checks.text("zone", value, max_length=limits.MAX_ZONE_KEY_LENGTH)
    zone(key)
    return key


def _default_extension(item: ServiceItem) -> int:
    return EXTENSION_COORDINATED if item.mode is Mode.COORDINATED else EXTENSION_DEFAULT


def _default_on_the_spot(item: ServiceItem) -> bool:
    return item.mode is Mode.IMMEDIATE


def _basis(value: object) -> tuple[str, ...]:
    return _checks.texts("basis", value, max_items=16)


@attrs.frozen(kw_only=True)
class ServiceItem:
    """One service item (办事指南 entry): its mode and its statutory and committed limits.

    >>> item = ServiceItem(code="XK-001", name="工业产品生产许可证 发证", mode="tracked",
    ...                    statutory_limit=20, committed_limit=10)
    >>> item.mode.chinese, item.max_extension, item.delivery_limit, item.zone
    ('跟踪办', 10, 10, 'Asia/Shanghai')
    >>> ServiceItem(code="X", name="x", mode="guided", statutory_limit=20, committed_limit=25)
    Traceback (most recent call last):
    ...
    qsdomain.errors.InvalidInputError: service_item.committed_limit must be at most the ...

    Attributes:
        code: the item code (事项编码).
        name: the item name (事项名称).
        mode: the handling mode (:class:`Mode`, or its value).
        statutory_limit: the legal limit (法定办结时限) in working days after acceptance
            (行政许可法 art. 42, or the item's own law or regulation).
        committed_limit: the published, shorter promise (承诺办结时限) in working days; never
            more than ``statutory_limit`` (优化营商环境条例 art. 36); 0 for immediate items.
        on_the_spot: whether the item is decided on the spot (即办件, art. 34); defaults to
            ``True`` exactly for immediate items and must be ``True`` for them.
        excludable: the special procedures whose time is not counted (特殊环节, art. 45);
            all eight by default.
        max_extension: the most working days one extension may add (art. 42: 10, or 15 for
            coordinated items, by default).
        delivery_limit: working days from decision to delivery of the certificate (art. 44: 10).
        zone: the IANA zone whose local dates the day-level rules use (Asia/Shanghai).
        business_hours: the window's opening hours, ``"HH:MM-HH:MM"`` spans in order
            (09:00-12:00 and 13:30-17:30 by default); the last span's end is close of business.
        progress_every: tracked items: working days between progress reports (5).
        warn_at: fractions of the limit at which an open clock turns to ``warning`` (0.5, 0.75).
        meeting_within: coordinated items: working days after acceptance to hold the
            coordination meeting (10).
        outstanding_limit: working days after a 容缺 acceptance to supply the missing items (10).
        basis: where the limits come from (设定依据), one line per source.
    """

    code: str = attrs.field(validator=_checks.v_text(max_length=64))
    name: str = attrs.field(validator=_checks.v_text(max_length=200))
    mode: Mode = attrs.field(converter=_mode)
    statutory_limit: int = attrs.field(converter=_checks.as_int, validator=_LIMIT)
    committed_limit: int = attrs.field(converter=_checks.as_int, validator=_LIMIT)
    on_the_spot: bool = attrs.field(
        default=attrs.Factory(_default_on_the_spot, takes_self=True),
        validator=_checks.v_flag(),
    )
    excludable: frozenset[ExclusionKind] = attrs.field(
        default=frozenset(ExclusionKind), converter=_kinds
    )
    max_extension: int = attrs.field(
        default=attrs.Factory(_default_extension, takes_self=True),
        converter=_checks.as_int,
        validator=_LIMIT,
    )
    delivery_limit: int = attrs.field(
        default=DELIVERY_DEFAULT, converter=_checks.as_int, validator=_LIMIT
    )
    zone: str = attrs.field(default=ZONE_DEFAULT, converter=_zone_key)
    business_hours: tuple[str, ...] = attrs.field(default=HOURS_DEFAULT, converter=_hours)
    progress_every: int = attrs.field(
        default=PROGRESS_DEFAULT,
        converter=_checks.as_int,
        validator=_checks.v_whole(1, limits.MAX_LIMIT_DAYS),
    )
    warn_at: tuple[float, ...] = attrs.field(default=WARN_DEFAULT, converter=_fractions)
    meeting_within: int = attrs.field(
        default=MEETING_DEFAULT, converter=_checks.as_int, validator=_LIMIT
    )
    outstanding_limit: int = attrs.field(
        default=OUTSTANDING_DEFAULT, converter=_checks.as_int, validator=_LIMIT
    )
    basis: tuple[str, ...] = attrs.field(default=(), converter=_basis)

    def __attrs_post_init__(self) -> None:
        if self.committed_limit > self.statutory_limit:
            raise InvalidInputError(
                "service_item.committed_limit",
                self.committed_limit,
                f"at most the statutory_limit ({self.statutory_limit}): a published promise "
                "is never longer than the law (优化营商环境条例 art. 36)",
            )
        if self.mode is Mode.IMMEDIATE and (self.committed_limit != 0 or not self.on_the_spot):
            raise InvalidInputError(
                "service_item.committed_limit"
                if self.committed_limit
                else "service_item.on_the_spot",
                self.committed_limit if self.committed_limit else self.on_the_spot,
                "0 and on_the_spot=True for an immediate item (即办件, 行政许可法 art. 34)",
            )
