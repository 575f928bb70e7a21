"""Good calls of the commitments family's public callables."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from good_calls import Call
from qsdomain import commitments as c
from qsdomain.calendars import china

SH = ZoneInfo("Asia/Shanghai")
T0 = datetime(2026, 9, 28, 10, 0, tzinfo=SH)
T1 = datetime(2026, 9, 28, 15, 0, tzinfo=SH)
ITEM = c.ServiceItem(
    code="XK-001", name="工业产品生产许可证 发证", mode="tracked", statutory_limit=20,
    committed_limit=10,
)  # fmt: skip
EVENTS = [c.Received(at=T0), c.Accepted(at=T1)]
CASE = c.Case(id="2026-0928-001", item=ITEM, events=EVENTS)
CLOCK = c.clock(CASE, date(2026, 10, 9))
DEADLINE = CLOCK.statutory

GOOD_CALLS: dict[str, Call] = {
    "commitments.ServiceItem": Call(
        c.ServiceItem,
        (),
        {
            "code": "SP-SC",
            "name": "食品生产许可",
            "mode": "guided",
            "statutory_limit": 10,
            "committed_limit": 7,
            "excludable": ["testing"],
            "max_extension": 5,
            "delivery_limit": 5,
            "zone": "Asia/Shanghai",
            "business_hours": ["09:00-12:00", "13:30-17:30"],
            "progress_every": 5,
            "warn_at": [0.5, 0.75],
            "meeting_within": 10,
            "outstanding_limit": 10,
            "basis": ["食品生产许可管理办法"],
        },
    ),
    "commitments.example_catalogue": Call(c.example_catalogue),
    "commitments.Received": Call(c.Received, (), {"at": T0}),
    "commitments.DeficiencyNotified": Call(
        c.DeficiencyNotified, (), {"at": T0, "missing": ["营业执照"]}
    ),
    "commitments.MaterialsCompleted": Call(c.MaterialsCompleted, (), {"at": T0}),
    "commitments.Accepted": Call(c.Accepted, (), {"at": T0, "outstanding": ["照片"]}),
    "commitments.ExclusionStarted": Call(
        c.ExclusionStarted, (), {"at": T0, "kind": "testing", "notified": date(2026, 9, 28)}
    ),
    "commitments.ExclusionEnded": Call(c.ExclusionEnded, (), {"at": T0}),
    "commitments.ExtensionGranted": Call(
        c.ExtensionGranted, (), {"at": T0, "days": 10, "by": "局长", "reason": "现场核查"}
    ),
    "commitments.ProgressReported": Call(c.ProgressReported, (), {"at": T0}),
    "commitments.MeetingHeld": Call(c.MeetingHeld, (), {"at": T0}),
    "commitments.Decided": Call(c.Decided, (), {"at": T0}),
    "commitments.Delivered": Call(c.Delivered, (), {"at": T0}),
    "commitments.Withdrawn": Call(c.Withdrawn, (), {"at": T0}),
    "commitments.Case": Call(
        c.Case, (), {"id": "1", "item": ITEM, "events": EVENTS, "handler": "张三"}
    ),
    "commitments.Case.state_at": Call(CASE.state_at, (T1,)),
    "commitments.CaseState": Call(c.CaseState, (), {"phase": "received", "received_at": T0}),
    "commitments.CaseState.start": Call(c.CaseState.start),
    "commitments.ExclusionSpan": Call(
        c.ExclusionSpan,
        (),
        {"kind": "testing", "start": date(2026, 9, 29), "end": date(2026, 10, 9)},
    ),
    "commitments.apply": Call(c.apply, (c.CaseState.start(), c.Received(at=T0), ITEM)),
    "commitments.replay": Call(c.replay, (EVENTS, ITEM)),
    "commitments.clock": Call(c.clock, (CASE, date(2026, 10, 9)), {"calendar": china()}),
    "commitments.clocks": Call(c.clocks, ([CASE], date(2026, 10, 9)), {"calendar": china()}),
    "commitments.due_date": Call(
        c.due_date,
        (date(2026, 9, 21), 20),
        {
            "exclusions": [(date(2026, 9, 29), date(2026, 10, 9))],
            "extension": 5,
            "calendar": china(),
        },
    ),
    "commitments.worklist": Call(c.worklist, ([CASE], date(2026, 10, 9)), {"within": 30}),
    "commitments.worklist_from_clocks": Call(c.worklist_from_clocks, ([CLOCK],), {"within": 30}),
    "commitments.statuses": Call(c.statuses, ([CASE], date(2026, 10, 9)), {"calendar": china()}),
    "commitments.status": Call(c.status, (CASE, date(2026, 10, 9)), {"calendar": china()}),
    "commitments.tally": Call(c.tally, ([CLOCK],)),
    "commitments.Obligation": Call(c.Obligation, (), {"kind": "decide", "by": date(2026, 10, 16)}),
    "commitments.Deadline": Call(
        c.Deadline,
        (),
        {"limit": 10, "due": date(2026, 10, 16), "used": 4, "left": 6, "state": "on_track"},
    ),
    "commitments.CaseClock": Call(
        c.CaseClock,
        (),
        {
            "id": "1",
            "as_of": date(2026, 10, 9),
            "state": DEADLINE.state,
            "due": DEADLINE.due,
            "days_left": None if DEADLINE.due is None else (DEADLINE.due - date(2026, 10, 9)).days,
            "reason": "on_track: committed limit (承诺时限) 10 working days, 4 used",
            "item_code": "A",
            "mode": "guided",
            "statutory": DEADLINE,
            "committed": DEADLINE,
        },
    ),
    "commitments.Count": Call(c.Count, (), {"key": "guided", "met": 3, "missed": 1}),
    "commitments.Tally": Call(c.Tally, (), {"by_mode": [c.Count(key="guided")]}),
}
