"""Results read from JSON obey the invariants computed results obey (issue #18 item 14).

Every result the library computes passes its class's checked constructor (the trusted drafts
skip it only for speed) and round-trips through ``to_json``/``from_json``; a computed result
mutated to break one invariant is refused with a typed error naming the field.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qsdomain import strategies
from qsdomain.commitments import CaseClock, Deadline
from qsdomain.desk import Report, Section, StateTotal
from qsdomain.errors import InvalidInputError
from qsdomain.licensing import Licence, LicenceStatus, Lifecycle, Suspended, replay
from qsdomain.licensing import status as licence_status
from qsdomain.metrology import (
    DueReport,
    Instrument,
    InstrumentStatus,
    IntervalDecision,
    IntervalTestResult,
    LedgerSummary,
    Verification,
    staircase_interval,
)
from qsdomain.metrology import status as instrument_status
from qsdomain.periods import Term
from qsdomain.serialization import from_json, to_json

_SETTINGS = settings(
    max_examples=60, deadline=None, database=None, suppress_health_check=list(HealthCheck)
)

COMPUTED: dict[str, tuple[type, st.SearchStrategy[Any]]] = {
    "LicenceStatus": (LicenceStatus, strategies.licence_statuses()),
    "Lifecycle": (Lifecycle, strategies.lifecycles()),
    "InstrumentStatus": (InstrumentStatus, strategies.instrument_statuses()),
    "IntervalDecision": (IntervalDecision, strategies.interval_decisions()),
    "CaseClock": (CaseClock, strategies.case_clocks()),
    "Section": (Section, strategies.desk_sections()),
    "Report": (Report, strategies.desk_reports()),
    "DueReport": (DueReport, strategies.for_type(DueReport)),
    "LedgerSummary": (LedgerSummary, strategies.for_type(LedgerSummary)),
    "IntervalTestResult": (IntervalTestResult, strategies.interval_tests()),
    "Deadline": (Deadline, strategies.for_type(Deadline)),
}


@pytest.mark.parametrize("name", sorted(COMPUTED))
def test_every_computed_result_passes_its_checked_constructor_and_round_trips(name: str) -> None:
    cls, strategy = COMPUTED[name]

    @_SETTINGS
    @given(strategy)
    def check(value: Any) -> None:
        assert attrs.evolve(value) == value  # evolve runs the public, checked constructor
        assert from_json(to_json(value), cls) == value

    check()


# -- the contradictory JSON of the issue, one case per invariant ---------------------------------


def _licence_status(as_of: date, events: tuple[Any, ...] = ()) -> LicenceStatus:
    lic = Licence(kind="inspection_body", number="CMA1", holder="某所", issued=date(2020, 7, 1))
    return licence_status(lic, events, as_of)


def _instrument_status(outcome: str = "pass") -> InstrumentStatus:
    meter = Instrument(id="X", name="秤", interval=Term(years=1))
    return instrument_status(
        meter, [Verification(on=date(2026, 1, 5), outcome=outcome)], date(2026, 3, 1)
    )


def _case_clock() -> CaseClock:
    return from_json(to_json(_a_case_clock()), CaseClock)


def _a_case_clock() -> CaseClock:
    @settings(max_examples=1, database=None, deadline=None)
    @given(strategies.case_clocks().filter(lambda c: c.accepted_on is not None))
    def pick(value: CaseClock) -> None:
        found.append(value)

    found: list[CaseClock] = []
    pick()
    return found[0]


def _mutated(value: Any, **changes: Any) -> str:
    data = json.loads(to_json(value))
    for path, new in changes.items():
        target = data
        *parents, leaf = path.split("__")
        for part in parents:
            target = target[part]
        target[leaf] = new
    return json.dumps(data, ensure_ascii=False)


CONTRADICTIONS: list[tuple[str, Callable[[], Any], type, dict[str, Any], str]] = [
    # LicenceStatus
    (
        "licence valid after its expiry",
        lambda: _licence_status(date(2024, 2, 1)),
        LicenceStatus,
        {"as_of": "2027-01-01", "days_left": -185},
        "$.state",
    ),
    (
        "licence valid before issue",
        lambda: _licence_status(date(2024, 2, 1)),
        LicenceStatus,
        {"as_of": "2019-01-01", "days_left": 2737},
        "$.state",
    ),
    (
        "licence days_left not due - as_of",
        lambda: _licence_status(date(2024, 2, 1)),
        LicenceStatus,
        {"days_left": 3},
        "$.days_left",
    ),
    (
        "licence expired on a day in force",
        lambda: _licence_status(date(2024, 2, 1)),
        LicenceStatus,
        {"state": "expired"},
        "$.state",
    ),
    (
        "licence renewal overdue before its due day",
        lambda: _licence_status(date(2024, 2, 1)),
        LicenceStatus,
        {"state": "renewal_overdue"},
        "$.state",
    ),
    (
        "licence since after as_of",
        lambda: _licence_status(date(2024, 2, 1)),
        LicenceStatus,
        {"since": "2025-01-01"},
        "$.since",
    ),
    (
        "licence revoked with days left",
        lambda: _licence_status(date(2024, 2, 1)),
        LicenceStatus,
        {"state": "revoked", "renewal_due": None, "due": None},
        "$.days_left",
    ),
    (
        "licence due not the filing day while a filing is to be made",
        lambda: _licence_status(date(2024, 2, 1)),
        LicenceStatus,
        {"due": "2026-06-30", "days_left": 880},
        "$.due",
    ),
    (
        "licence refused, its reason aside",
        lambda: _licence_status(date(2024, 2, 1)),
        LicenceStatus,
        {"refused": True, "due": "2026-06-30", "days_left": 880, "action": "file_renewal"},
        "$.action",
    ),
    # InstrumentStatus
    (
        "instrument current after a fail",
        _instrument_status,
        InstrumentStatus,
        {"last__outcome": "fail"},
        "$.basis",
    ),
    (
        "instrument record after as_of",
        _instrument_status,
        InstrumentStatus,
        {"last__on": "2026-05-01"},
        "$.last.on",
    ),
    (
        "instrument days_left not due - as_of",
        _instrument_status,
        InstrumentStatus,
        {"days_left": 5},
        "$.days_left",
    ),
    (
        "instrument overdue with days left",
        _instrument_status,
        InstrumentStatus,
        {"state": "overdue"},
        "$.state",
    ),
    (
        "instrument out of service with a due day",
        lambda: _instrument_status("fail"),
        InstrumentStatus,
        {"due": "2027-01-04"},
        "$.due",
    ),
    (
        "instrument reason not the sentence of its fields",
        _instrument_status,
        InstrumentStatus,
        {"reason": "all fine"},
        "$.reason",
    ),
    (
        "instrument basis not a basis",
        _instrument_status,
        InstrumentStatus,
        {"basis": "whim"},
        "$.basis",
    ),
    (
        "instrument never verified with a record",
        _instrument_status,
        InstrumentStatus,
        {"state": "never_verified"},
        "$.state",
    ),
    # CaseClock and Deadline
    (
        "case accepted before received",
        _case_clock,
        CaseClock,
        {"accepted_on": "1999-01-01"},
        "$.accepted_on",
    ),
    (
        "case received after as_of",
        _case_clock,
        CaseClock,
        {"received_on": "2099-01-01", "accepted_on": "2099-01-02"},
        "$.received_on",
    ),
    (
        "clock left not limit - used",
        _case_clock,
        CaseClock,
        {"statutory__left": 12345},
        "$.statutory.left",
    ),
    ("case days_left not due - as_of", _case_clock, CaseClock, {"days_left": 12345}, "$.days_left"),
    (
        "case state not the committed one",
        _case_clock,
        CaseClock,
        {"state": "met", "committed__state": "missed"},
        "$.state",
    ),
]


def _lifecycle() -> Lifecycle:
    lic = Licence(kind="food_production", number="SC1", holder="某厂", issued=date(2021, 10, 20))
    return replay(lic, [Suspended(on=date(2022, 1, 1), until=date(2022, 3, 1))])[-1]


def _decision() -> IntervalDecision:
    return staircase_interval(365, 0.5, extend_factor=1.25, reduce_factor=0.5)


def _section() -> Section:
    total = StateTotal(state="current", count=2)
    return Section(family="metrology", read=2, items=(), totals=(total,), workload=())


CONTRADICTIONS += [
    (
        "suspension ends before it starts",
        _lifecycle,
        Lifecycle,
        {"suspended_on": "2022-05-01", "suspended_until": "2022-04-01", "cursor": "2022-05-01"},
        "$.suspended_until",
    ),
    (
        "lifecycle filed after the last day folded",
        _lifecycle,
        Lifecycle,
        {"filed_on": "2030-01-01"},
        "$.filed_on",
    ),
    (
        "desk section read is not the sum of its totals",
        _section,
        Section,
        {"read": 7},
        "$.read",
    ),
    (
        "ledger summary counts do not add up",
        lambda: LedgerSummary(read=3, current=2, overdue=1),
        LedgerSummary,
        {"read": 4},
        "$.read",
    ),
    (
        "interval decision with current_days 0",
        _decision,
        IntervalDecision,
        {"current_days": 0},
        "$.current_days",
    ),
]


@pytest.mark.parametrize(
    ("computed", "cls", "changes", "field"),
    [pytest.param(*case[1:], id=case[0]) for case in CONTRADICTIONS],
)
def test_contradictory_json_is_refused_naming_the_field(
    computed: Callable[[], Any], cls: type, changes: dict[str, Any], field: str
) -> None:
    value = computed()
    assert from_json(to_json(value), cls) == value  # the computed one reads back
    with pytest.raises(InvalidInputError) as caught:
        from_json(_mutated(value, **changes), cls)
    assert field in str(caught.value)


@_SETTINGS
@given(strategies.licence_statuses(), strategies.instrument_statuses(), st.integers(1, 400))
def test_a_computed_status_with_days_left_moved_is_refused(
    licence: LicenceStatus, instrument: InstrumentStatus, shift: int
) -> None:
    if licence.days_left is not None:
        with pytest.raises(InvalidInputError, match="days_left"):
            attrs.evolve(licence, days_left=licence.days_left + shift)
    if instrument.days_left is not None:
        with pytest.raises(InvalidInputError, match="days_left"):
            attrs.evolve(instrument, days_left=instrument.days_left - shift)


@_SETTINGS
@given(strategies.desk_sections(), strategies.for_type(LedgerSummary), st.integers(1, 100))
def test_a_computed_count_moved_is_refused(
    section: Section, summary: LedgerSummary, shift: int
) -> None:
    with pytest.raises(InvalidInputError, match=r"section\.read"):
        attrs.evolve(section, read=section.read + shift)
    with pytest.raises(InvalidInputError, match=r"summary\.read"):
        attrs.evolve(summary, read=summary.read + shift)
