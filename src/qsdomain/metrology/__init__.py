"""Metrology (计量): instruments, verification records, due dates and interval adjustment.

>>> from datetime import date
>>> from qsdomain.metrology import Instrument, Outcome, Verification, status
>>> from qsdomain.periods import Term
>>> scale = Instrument(id="JL-2025-0001", name="电子计价秤", interval=Term(years=1))
>>> st = status(scale, [Verification(on=date(2025, 12, 1), outcome=Outcome.PASS)],
...             as_of=date(2026, 11, 27))
>>> st.state.value, st.valid_through, st.days_left
('due_soon', datetime.date(2026, 11, 30), 3)

When is this instrument due (:func:`status`, :func:`statuses`, :func:`worklist`,
:func:`due_report`, :func:`ledger_report`), and should
its interval change (:func:`interval_test`, :func:`exponential_interval`,
:func:`staircase_interval`, :func:`simple_response_interval`, :func:`s2_interval`)?
"""

from __future__ import annotations

from qsdomain.metrology._a3 import IntervalTestResult, interval_test, reliability_bounds
from qsdomain.metrology._catalogue import (
    CATALOGUE_2020,
    STATUTORY_INTERVALS,
    StatutoryInterval,
    statutory_interval,
)
from qsdomain.metrology._decision import IntervalDecision, Method
from qsdomain.metrology._exponential import exponential_adjustment, exponential_interval
from qsdomain.metrology._instrument import Instrument, Policy, Verification
from qsdomain.metrology._ledger import (
    DueReport,
    LedgerSummary,
    due_report,
    ledger_report,
    statuses,
    worklist,
)
from qsdomain.metrology._reaction import a1_reduction, simple_response_interval, staircase_interval
from qsdomain.metrology._s2 import (
    ReliabilityBin,
    ReliabilityFit,
    ReliabilityModel,
    fit_reliability,
    s2_interval,
)
from qsdomain.metrology._status import InstrumentStatus, status
from qsdomain.metrology._vocabulary import (
    Alignment,
    Basis,
    EarlyRule,
    InstrumentState,
    Outcome,
    Regime,
    Scheme,
    Supervision,
)

__all__ = [
    "CATALOGUE_2020",
    "STATUTORY_INTERVALS",
    "Alignment",
    "Basis",
    "DueReport",
    "EarlyRule",
    "Instrument",
    "InstrumentState",
    "InstrumentStatus",
    "IntervalDecision",
    "IntervalTestResult",
    "LedgerSummary",
    "Method",
    "Outcome",
    "Policy",
    "Regime",
    "ReliabilityBin",
    "ReliabilityFit",
    "ReliabilityModel",
    "Scheme",
    "StatutoryInterval",
    "Supervision",
    "Verification",
    "a1_reduction",
    "due_report",
    "exponential_adjustment",
    "exponential_interval",
    "fit_reliability",
    "interval_test",
    "ledger_report",
    "reliability_bounds",
    "s2_interval",
    "simple_response_interval",
    "staircase_interval",
    "status",
    "statuses",
    "statutory_interval",
    "worklist",
]
