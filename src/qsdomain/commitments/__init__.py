"""Five-commitment service deadlines (五办承诺): service items, cases and their clocks.

>>> from datetime import date, datetime
>>> from zoneinfo import ZoneInfo
>>> from qsdomain.calendars import china
>>> from qsdomain.commitments import Accepted, Case, Mode, Received, ServiceItem, clock
>>> SH = ZoneInfo("Asia/Shanghai")
>>> item = ServiceItem(code="XK-001", name="工业产品生产许可证 发证", mode=Mode.TRACKED,
...                    statutory_limit=20, committed_limit=10)
>>> case = Case(id="2026-0928-001", item=item, events=[
...     Received(at=datetime(2026, 9, 28, 10, 0, tzinfo=SH)),
...     Accepted(at=datetime(2026, 9, 28, 15, 0, tzinfo=SH))])
>>> c = clock(case, as_of=date(2026, 10, 9), calendar=china())
>>> c.accepted_on, c.statutory.due, c.committed.due, c.state.value
(datetime.date(2026, 9, 28), datetime.date(2026, 10, 30), datetime.date(2026, 10, 16), 'on_track')

A service item (办事指南 entry) carries its handling :class:`Mode`, its statutory limit and
its shorter committed one; a :class:`Case` is a validated timeline of events; :func:`clock`
reads both clocks on a date under 行政许可法 arts. 32, 34, 42, 44, 45 and 82. See
``docs/commitments.md`` ("By when must this case be decided?").
"""

from __future__ import annotations

from qsdomain.commitments._case import Case, CaseState, ExclusionSpan, Phase, apply, replay
from qsdomain.commitments._catalogue import example_catalogue
from qsdomain.commitments._clock import (
    CaseClock,
    ClockState,
    Deadline,
    Obligation,
    ObligationKind,
    clock,
    due_date,
    status,
)
from qsdomain.commitments._events import (
    EVENT_KINDS,
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
from qsdomain.commitments._items import ServiceItem
from qsdomain.commitments._modes import ExclusionKind, Mode
from qsdomain.commitments._workload import (
    Count,
    Tally,
    clocks,
    statuses,
    tally,
    worklist,
    worklist_from_clocks,
)

__all__ = [
    "EVENT_KINDS",
    "Accepted",
    "Case",
    "CaseClock",
    "CaseState",
    "ClockState",
    "Count",
    "Deadline",
    "Decided",
    "DeficiencyNotified",
    "Delivered",
    "Event",
    "ExclusionEnded",
    "ExclusionKind",
    "ExclusionSpan",
    "ExclusionStarted",
    "ExtensionGranted",
    "MaterialsCompleted",
    "MeetingHeld",
    "Mode",
    "Obligation",
    "ObligationKind",
    "Phase",
    "ProgressReported",
    "Received",
    "ServiceItem",
    "Tally",
    "Withdrawn",
    "apply",
    "clock",
    "clocks",
    "due_date",
    "example_catalogue",
    "replay",
    "status",
    "statuses",
    "tally",
    "worklist",
    "worklist_from_clocks",
]
