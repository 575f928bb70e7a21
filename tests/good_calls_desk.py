"""Good calls of the desk's public callables (the report's types and its renderers)."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from good_calls import Call, D
from qsdomain import desk

ITEM = desk.ActionItem(
    family="metrology",
    key="JL-0001",
    name="电子计价秤",
    state="overdue",
    due=date(2026, 11, 20),
    days_left=-7,
    reason="verification overdue since 2026-11-20",
    provisional=True,
)
SECTION = desk.Section(
    family="metrology",
    read=2,
    items=(ITEM,),
    totals=(desk.StateTotal(state="overdue", count=1), desk.StateTotal(state="current", count=1)),
    workload=(desk.WeekLoad(week_of=date(2026, 11, 30), count=1),),
)
REPORT = desk.Report(as_of=D, within=30, sections=(SECTION,))

#: Where write_report_csv writes during the tests (removed when the interpreter exits).
_OUT = tempfile.TemporaryDirectory(prefix="qsdomain-desk-")
#: A desk database the Desk call opens.
_DB = str(Path(_OUT.name) / "bureau.sqlite")
desk.Desk.create(_DB).close()


GOOD_CALLS: dict[str, Call] = {
    "desk.ActionItem": Call(
        desk.ActionItem,
        (),
        {
            "family": "licensing",
            "key": "XK1",
            "name": "甲厂",
            "state": "overdue_filing",
            "due": date(2026, 9, 14),
            "days_left": -74,
            "reason": "renewal not filed by 2026-09-14",
            "provisional": False,
        },
    ),
    "desk.StateTotal": Call(desk.StateTotal, (), {"state": "overdue", "count": 3}),
    "desk.WeekLoad": Call(desk.WeekLoad, (), {"week_of": date(2026, 11, 30), "count": 12}),
    "desk.LineState": Call(
        desk.LineState,
        (),
        {
            "product": "PVC管件",
            "severity": "tightened",
            "lots": 12,
            "not_accepted": 3,
            "last_lot": "L2026-112",
        },
    ),
    "desk.Section": Call(
        desk.Section,
        (),
        {
            "family": "metrology",
            "read": 2,
            "items": (ITEM,),
            "totals": SECTION.totals,
            "workload": SECTION.workload,
            "lines": (),
        },
    ),
    "desk.Section.total": Call(SECTION.total, ("overdue",)),
    "desk.Report": Call(desk.Report, (), {"as_of": D, "within": 30, "sections": (SECTION,)}),
    "desk.Report.section": Call(REPORT.section, ("metrology",)),
    "desk.ImportSummary": Call(
        desk.ImportSummary,
        (),
        {"path": "instruments.csv", "table": "instruments", "read": 3, "loaded": 2, "rejected": 1},
    ),
    "desk.report_text": Call(desk.report_text, (REPORT,), {"limit": 10}),
    "desk.report_csv": Call(desk.report_csv, (REPORT,)),
    "desk.report_html": Call(desk.report_html, (REPORT,), {"limit": 10}),
    "desk.write_report_csv": Call(desk.write_report_csv, (REPORT, _OUT.name)),
    "desk.Desk": Call(desk.Desk, (_DB,)),
    "desk.default_calendar": Call(
        desk.default_calendar, (D,), {"base": None, "provisional": "statutory", "until": None}
    ),
}
