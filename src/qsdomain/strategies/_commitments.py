"""Strategies for :mod:`qsdomain.commitments`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

from hypothesis import strategies as st

from qsdomain.commitments import (
    Accepted,
    Case,
    CaseClock,
    CaseState,
    ClockState,
    Count,
    Deadline,
    Decided,
    DeficiencyNotified,
    Delivered,
    Event,
    ExclusionEnded,
    ExclusionKind,
    ExclusionSpan,
    ExclusionStarted,
    ExtensionGranted,
    MaterialsCompleted,
    MeetingHeld,
    Mode,
    Obligation,
    ObligationKind,
    Phase,
    ProgressReported,
    Received,
    ServiceItem,
    Tally,
    Withdrawn,
    clock,
    tally,
)

__all__ = [
    "COMMITMENT_STRATEGIES",
    "case_clocks",
    "case_events",
    "case_states",
    "cases",
    "service_items",
]

_ZONES = ("Asia/Shanghai", "Asia/Urumqi", "UTC")
_FIRST = datetime(2025, 1, 2, tzinfo=timezone.utc)
_LAST_START = datetime(2026, 3, 31, tzinfo=timezone.utc)
_NAMES = st.text("ab XK-01营业执照检测报告", min_size=1, max_size=8).filter(
    lambda s: s.strip() != ""
)


@st.composite
def service_items(draw: st.DrawFn, mode: Mode | None = None) -> ServiceItem:
    """Valid service items of every mode, with limits of up to 60 working days.

    >>> from hypothesis import find
    >>> from qsdomain.strategies import service_items
    >>> find(service_items(), lambda item: item.mode.value == "overtime").mode.chinese
    '加班办'
    """
    chosen = draw(st.sampled_from(Mode)) if mode is None else mode
    statutory = draw(st.integers(0, 60))
    committed = 0 if chosen is Mode.IMMEDIATE else draw(st.integers(0, statutory))
    kinds = draw(st.frozensets(st.sampled_from(ExclusionKind)))
    return ServiceItem(
        code=draw(_NAMES),
        name=draw(_NAMES),
        mode=chosen,
        statutory_limit=statutory,
        committed_limit=committed,
        excludable=kinds,
        max_extension=draw(st.integers(0, 15)),
        delivery_limit=draw(st.integers(0, 10)),
        zone=draw(st.sampled_from(_ZONES)),
        progress_every=draw(st.integers(1, 10)),
        warn_at=draw(st.sampled_from([(0.5, 0.75), (0.8,), ()])),
        meeting_within=draw(st.integers(0, 15)),
        outstanding_limit=draw(st.integers(0, 15)),
    )


@st.composite
def _timeline(draw: st.DrawFn, item: ServiceItem) -> list[Event]:
    """A consistent timeline: receipt, maybe a notice, acceptance, exclusions, an extension,
    reports, and an end (decision and delivery, withdrawal, or still open)."""
    tz = ZoneInfo(draw(st.sampled_from(_ZONES)))
    span = int((_LAST_START - _FIRST).total_seconds() // 60)
    t = (_FIRST + timedelta(minutes=draw(st.integers(0, span)))).astimezone(tz)

    def later() -> datetime:
        nonlocal t
        t = t + timedelta(minutes=draw(st.integers(0, 10 * 24 * 60)))
        return t

    events: list[Event] = [Received(at=t)]
    if draw(st.booleans()):
        events.append(
            DeficiencyNotified(at=later(), missing=draw(st.lists(_NAMES, min_size=1, max_size=3)))
        )
        if draw(st.booleans()):
            events.append(MaterialsCompleted(at=later()))
    accepted = draw(st.booleans())
    if accepted:
        outstanding = draw(st.lists(_NAMES, max_size=2))
        events.append(Accepted(at=later(), outstanding=outstanding))
        supply = draw(st.booleans())
        if outstanding and supply:
            events.append(MaterialsCompleted(at=later()))
    for _ in range(draw(st.integers(0, 2)) if item.excludable else 0):
        kind = draw(st.sampled_from(sorted(item.excludable, key=lambda k: k.value)))
        notified = draw(st.none() | st.just(t.date()))
        events.append(ExclusionStarted(at=later(), kind=kind, notified=notified))
        events.append(ExclusionEnded(at=later()))
    if item.max_extension and draw(st.booleans()):
        days = draw(st.integers(1, item.max_extension))
        events.append(ExtensionGranted(at=later(), days=days, by="局长", reason="需要现场核查"))
    if draw(st.booleans()):
        events.append(ProgressReported(at=later()))
    if draw(st.booleans()):
        events.append(MeetingHeld(at=later()))
    end = draw(st.sampled_from(["open", "decided", "delivered", "withdrawn"]))
    if end in ("decided", "delivered"):
        events.append(Decided(at=later()))
        if end == "delivered":
            events.append(Delivered(at=later()))
    elif end == "withdrawn":
        events.append(Withdrawn(at=later()))
    return events


@st.composite
def cases(draw: st.DrawFn, items: st.SearchStrategy[ServiceItem] | None = None) -> Case:
    """Valid cases received in 2025 to March 2026 with consistent timelines of up to 14 events.

    >>> from hypothesis import Phase, find, settings
    >>> quick = settings(phases=[Phase.generate], max_examples=2000, derandomize=True)
    >>> from qsdomain.strategies import cases
    >>> delivered = find(cases(), lambda case: case.state.phase.value == "delivered",
    ...                  settings=quick)
    >>> delivered.state.delivered_on is None
    False
    """
    item = draw(service_items() if items is None else items)
    events = draw(_timeline(item))
    handler = draw(st.none() | _NAMES)
    return Case(id=draw(_NAMES), item=item, events=events, handler=handler)


def case_events() -> st.SearchStrategy[Event]:
    """Any single event of a valid timeline.

    >>> from hypothesis import Phase, find, settings
    >>> quick = settings(phases=[Phase.generate], max_examples=2000, derandomize=True)
    >>> from qsdomain.strategies import case_events
    >>> type(find(case_events(), lambda e: type(e).__name__ == "Decided", settings=quick)).__name__
    'Decided'
    """
    return cases().flatmap(lambda case: st.sampled_from(case.events))


def case_states() -> st.SearchStrategy[CaseState]:
    """The state of a valid case after its last event.

    >>> from hypothesis import Phase, find, settings
    >>> quick = settings(phases=[Phase.generate], max_examples=2000, derandomize=True)
    >>> from qsdomain.strategies import case_states
    >>> withdrawn = find(case_states(), lambda s: s.phase.value == "withdrawn", settings=quick)
    >>> withdrawn.withdrawn_on is None
    False
    """
    return cases().map(lambda case: case.state)


@st.composite
def case_clocks(draw: st.DrawFn) -> CaseClock:
    """The clock of a valid case read on a day up to 200 days after its receipt.

    >>> from hypothesis import Phase, find, settings
    >>> quick = settings(phases=[Phase.generate], max_examples=2000, derandomize=True)
    >>> from qsdomain.strategies import case_clocks
    >>> find(case_clocks(), lambda c: c.state.value == "breached", settings=quick).state.value
    'breached'
    """
    case = draw(cases())
    first = case.events[0].at.date()
    as_of = draw(st.dates(first, min(first + timedelta(days=200), date(2026, 9, 30))))
    return clock(case, as_of)


def _counts() -> st.SearchStrategy[Count]:
    n = st.integers(0, 10**6)
    return st.builds(Count, key=_NAMES, met=n, missed=n, breached=n, open=n, withdrawn=n)


def _at() -> st.SearchStrategy[datetime]:
    return st.datetimes(
        min_value=datetime(2004, 1, 1),  # noqa: DTZ001 - bounds of an aware strategy
        max_value=datetime(2026, 12, 31),  # noqa: DTZ001
        timezones=st.sampled_from([ZoneInfo(z) for z in _ZONES]),
    )


COMMITMENT_STRATEGIES: dict[Any, Callable[[], st.SearchStrategy[Any]]] = {
    Mode: lambda: st.sampled_from(Mode),
    ExclusionKind: lambda: st.sampled_from(ExclusionKind),
    Phase: lambda: st.sampled_from(Phase),
    ClockState: lambda: st.sampled_from(ClockState),
    ObligationKind: lambda: st.sampled_from(ObligationKind),
    ServiceItem: service_items,
    Received: lambda: st.builds(Received, at=_at()),
    DeficiencyNotified: lambda: st.builds(
        DeficiencyNotified, at=_at(), missing=st.lists(_NAMES, min_size=1, max_size=3)
    ),
    MaterialsCompleted: lambda: st.builds(MaterialsCompleted, at=_at()),
    Accepted: lambda: st.builds(Accepted, at=_at(), outstanding=st.lists(_NAMES, max_size=2)),
    ExclusionStarted: lambda: st.builds(
        ExclusionStarted,
        at=_at(),
        kind=st.sampled_from(ExclusionKind),
        notified=st.none() | st.dates(date(2004, 1, 1), date(2026, 12, 31)),
    ),
    ExclusionEnded: lambda: st.builds(ExclusionEnded, at=_at()),
    ExtensionGranted: lambda: st.builds(
        ExtensionGranted, at=_at(), days=st.integers(1, 15), by=_NAMES, reason=_NAMES
    ),
    ProgressReported: lambda: st.builds(ProgressReported, at=_at()),
    MeetingHeld: lambda: st.builds(MeetingHeld, at=_at()),
    Decided: lambda: st.builds(Decided, at=_at()),
    Delivered: lambda: st.builds(Delivered, at=_at()),
    Withdrawn: lambda: st.builds(Withdrawn, at=_at()),
    Event: case_events,
    ExclusionSpan: lambda: (
        case_states().filter(lambda s: bool(s.exclusions)).map(lambda s: s.exclusions[0])
    ),
    CaseState: case_states,
    Case: cases,
    Obligation: lambda: st.builds(
        Obligation,
        kind=st.sampled_from(ObligationKind),
        by=st.dates(date(2004, 1, 1), date(2026, 12, 31)),
    ),
    Deadline: lambda: case_clocks().map(lambda c: c.statutory),
    CaseClock: case_clocks,
    Count: _counts,
    Tally: lambda: st.lists(case_clocks(), max_size=4).map(tally),
}
