"""Good calls of the metrology family's public callables."""

from __future__ import annotations

from datetime import date

from good_calls import Call, D
from qsdomain import calendars
from qsdomain import metrology as m
from qsdomain.periods import Term
from qsdomain.rejects import RejectSink

SCALE = m.Instrument(id="JL-2025-0001", name="电子计价秤", interval=Term(years=1))
CAL = calendars.china()
RECORDS = [m.Verification(on=date(2025, 12, 1), outcome=m.Outcome.PASS)]
STATUS = m.status(SCALE, RECORDS, D)
DECISION = m.staircase_interval(365, 0.5, extend_factor=1.25, reduce_factor=0.5)
BINS = [m.ReliabilityBin(10, 100, 90), m.ReliabilityBin(20, 100, 70)]
FIT = m.ReliabilityFit(m.ReliabilityModel.EXPONENTIAL, (0.01,), -3.2)
TEST = m.interval_test(365, 15, 20, 0.95)


def _statuses(
    items: list[tuple[m.Instrument, list[m.Verification]]],
    as_of: date,
    *,
    policy: m.Policy | None = None,
    calendar: calendars.WorkingCalendar | None = None,
    rejects: RejectSink | None = None,
) -> list[m.InstrumentStatus]:
    """The generator drained, so that its checks run."""
    return list(m.statuses(items, as_of, policy=policy, calendar=calendar, rejects=rejects))


GOOD_CALLS: dict[str, Call] = {
    # metrology: instruments and records
    "metrology.Instrument": Call(
        m.Instrument,
        (),
        {
            "id": "JL-1",
            "name": "电子计价秤",
            "interval": Term(years=1),
            "category": "衡器",
            "supervision": "type_approval_and_verification",
            "scheme": "periodic",
            "regime": "verification",
            "max_interval": Term(years=2),
            "usage_limit": 1000.0,
        },
    ),
    "metrology.Instrument.with_id": Call(SCALE.with_id, ("JL-2025-0002",)),
    "metrology.Verification": Call(
        m.Verification, (), {"on": D, "outcome": "adjusted", "as_found": 1.3, "usage": 10.0}
    ),
    "metrology.Policy": Call(
        m.Policy,
        (),
        {
            "warning_days": 30,
            "warning_in_due_month": False,
            "grace_days": 15,
            "align": "none",
            "early": "keep_anchor",
            "early_window_days": 60,
        },
    ),
    # metrology: status and ledger
    "metrology.status": Call(
        m.status,
        (SCALE, RECORDS, D),
        {"policy": m.Policy(align="previous_working_day"), "calendar": CAL, "usage": 5.0},
    ),
    "metrology.statuses": Call(
        _statuses,
        ([(SCALE, RECORDS)], D),
        {"policy": m.Policy(align="previous_working_day"), "calendar": CAL, "rejects": None},
    ),
    "metrology.worklist": Call(
        m.worklist,
        ([(SCALE, RECORDS)], D),
        {"within": 60, "policy": m.Policy(), "calendar": CAL, "rejects": None},
    ),
    "metrology.InstrumentStatus": Call(
        m.InstrumentStatus,
        (
            "JL-1",
            D,
            m.InstrumentState.DUE_SOON,
            date(2026, 11, 30),
            3,
            STATUS.reason,
            date(2026, 11, 30),
            RECORDS[0],
            "verification",
        ),
    ),
    "metrology.due_report": Call(m.due_report, ([STATUS],), {"within": 60, "rejected": 1}),
    "metrology.ledger_report": Call(
        m.ledger_report,
        ([(SCALE, RECORDS)], D),
        {"policy": m.Policy(), "calendar": CAL, "within": 60, "rejected": 1, "rejects": None},
    ),
    "metrology.LedgerSummary": Call(
        m.LedgerSummary,
        (),
        {
            "read": 7,
            "rejected": 1,
            "never_verified": 1,
            "current": 1,
            "due_soon": 1,
            "grace": 1,
            "overdue": 1,
            "out_of_service": 1,
        },
    ),
    "metrology.DueReport": Call(m.DueReport, ((STATUS,), m.LedgerSummary(read=1, due_soon=1))),
    # metrology: statutory intervals
    "metrology.statutory_interval": Call(
        m.statutory_interval, ("数字指示秤",), {"allow_unconfirmed": True}
    ),
    "metrology.StatutoryInterval": Call(
        m.StatutoryInterval, ("数字指示秤", "JJG 539", Term(years=1), False, False, "memory")
    ),
    # metrology: interval methods
    "metrology.IntervalDecision": Call(
        m.IntervalDecision,
        (),
        {
            "method": m.Method.STAIRCASE,
            "source": "ILAC-G24",
            "current_days": 365.0,
            "proposed_days": 456.25,
            "new_interval_days": 365.0,
            "cap_days": 365.0,
            "capped": True,
            "inputs": {"current_days": 365.0},
            "parameters": {"extend_factor": 1.25},
            "reason": "extend",
        },
    ),
    "metrology.interval_test": Call(
        m.interval_test,
        (365, 15, 20, 0.95),
        {
            "confidence": 0.5,
            "max_change": 2.0,
            "min_change_days": 5.0,
            "min_days": 14.0,
            "max_days": 1826.0,
            "cap_days": 730.0,
        },
    ),
    "metrology.IntervalTestResult": Call(
        m.IntervalTestResult,
        (
            TEST.observed,
            TEST.confidence,
            TEST.threshold,
            TEST.rejected,
            TEST.direction,
            TEST.new_interval_days,
            TEST.decision,
        ),
    ),
    "metrology.reliability_bounds": Call(m.reliability_bounds, (15, 20, 0.5)),
    "metrology.exponential_interval": Call(m.exponential_interval, (365, 15, 20, 0.95)),
    "metrology.exponential_adjustment": Call(
        m.exponential_adjustment, (365, 15, 20, 0.95), {"max_change": 2.0, "cap_days": 365.0}
    ),
    "metrology.staircase_interval": Call(
        m.staircase_interval,
        (365, 0.5),
        {
            "extend_factor": 1.25,
            "reduce_factor": 0.5,
            "band": 0.8,
            "min_days": 30.0,
            "max_days": 730.0,
            "cap_days": 365.0,
        },
    ),
    "metrology.a1_reduction": Call(m.a1_reduction, (0.1, 0.9)),
    "metrology.simple_response_interval": Call(
        m.simple_response_interval,
        (180, True, 0.9),
        {"extension": 0.1, "min_days": 30.0, "max_days": 730.0, "cap_days": 365.0},
    ),
    "metrology.ReliabilityBin": Call(m.ReliabilityBin, (13, 20, 19)),
    "metrology.ReliabilityFit": Call(
        m.ReliabilityFit, (m.ReliabilityModel.EXPONENTIAL, (0.01,), -3.2)
    ),
    "metrology.ReliabilityFit.reliability": Call(FIT.reliability, (10.0,)),
    "metrology.ReliabilityFit.interval": Call(FIT.interval, (0.9,)),
    "metrology.fit_reliability": Call(m.fit_reliability, (BINS, "weibull")),
    "metrology.s2_interval": Call(
        m.s2_interval,
        (BINS, 0.9),
        {"model": "exponential", "current_days": 15.0, "cap_days": 365.0},
    ),
}
