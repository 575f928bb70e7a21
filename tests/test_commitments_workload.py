"""The workload view: streaming clocks, the worklist order and the met/missed counts."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from qsdomain.commitments import (
    Accepted,
    Case,
    ClockState,
    Count,
    Decided,
    Received,
    ServiceItem,
    Withdrawn,
    clock,
    clocks,
    status,
    statuses,
    tally,
    worklist,
    worklist_from_clocks,
)
from qsdomain.errors import InvalidInputError
from qsdomain.rejects import RowRejected

SH = ZoneInfo("Asia/Shanghai")
GUIDED = ServiceItem(code="G", name="g", mode="guided", statutory_limit=20, committed_limit=5)
TRACKED = ServiceItem(code="T", name="t", mode="tracked", statutory_limit=20, committed_limit=10)


def case(name: str, it: ServiceItem, day: int, *end: object) -> Case:
    events = [
        Received(at=datetime(2026, 9, day, 10, tzinfo=SH)),
        Accepted(at=datetime(2026, 9, day, 11, tzinfo=SH)),
        *end,
    ]
    return Case(id=name, item=it, events=events)


def decided(day: int, month: int = 9) -> Decided:
    return Decided(at=datetime(2026, month, day, 16, tzinfo=SH))


CASES = [
    case("on-track", GUIDED, 24),
    case("breached-late", GUIDED, 7),
    case("breached-early", GUIDED, 1),
    case("warning", GUIDED, 21),
    case("met", GUIDED, 1, decided(3)),
    case("missed", TRACKED, 1, decided(30)),
    case("withdrawn", TRACKED, 1, Withdrawn(at=datetime(2026, 9, 2, 9, tzinfo=SH))),
]


def test_clocks_stream_lazily() -> None:
    def source() -> Iterator[Case]:
        yield CASES[0]
        raise AssertionError("read too far")

    stream = clocks(source(), date(2026, 9, 25))
    assert next(stream).id == "on-track"


def test_the_worklist_puts_breached_first_then_warning_by_due_date() -> None:
    order = [c.id for c in worklist(CASES, date(2026, 9, 25))]
    # "missed" is still open on 25 September: its decision came on the 30th.
    assert order == ["breached-early", "breached-late", "missed", "warning", "on-track"]


def test_tally_counts_met_and_missed_per_mode_and_item() -> None:
    t = tally(clocks(CASES, date(2026, 9, 30)))
    by_mode = {c.key: c for c in t.by_mode}
    assert by_mode["guided"] == Count(key="guided", met=1, breached=3, open=4)
    assert by_mode["tracked"] == Count(key="tracked", missed=1, withdrawn=1)
    assert [c.key for c in t.by_item] == ["G", "T"]
    assert by_mode["tracked"].decided == 1


@pytest.mark.parametrize("bad", [None, 5, "cases"])
def test_clocks_refuse_what_is_not_a_list_of_cases(bad: object) -> None:
    with pytest.raises(InvalidInputError):
        clocks(bad, date(2026, 9, 25))  # type: ignore[arg-type]


def test_a_bad_element_is_named_by_its_index() -> None:
    with pytest.raises(InvalidInputError) as err:
        list(clocks([CASES[0], "x"], date(2026, 9, 25)))  # type: ignore[list-item]
    assert err.value.field == "items[1]"
    with pytest.raises(InvalidInputError) as err:
        worklist_from_clocks(["x"])  # type: ignore[list-item]
    assert err.value.field == "case_clocks[0]"


def test_status_and_statuses_are_clock_and_clocks() -> None:
    assert status is clock
    assert statuses is clocks


def test_a_refused_case_goes_to_the_sink_and_the_stream_goes_on() -> None:
    sink: list[RowRejected] = []

    class Sink:
        def add(self, rejected: RowRejected) -> None:
            sink.append(rejected)

    found = list(clocks([CASES[0], "x", CASES[1]], date(2026, 9, 25), rejects=Sink()))  # type: ignore[list-item]
    assert [c.id for c in found] == [CASES[0].id, CASES[1].id]
    assert [(r.line, r.field, r.reason) for r in sink] == [(2, "items[1]", "a Case")]
    with pytest.raises(InvalidInputError, match="rejects"):
        clocks(CASES, date(2026, 9, 25), rejects=object())  # type: ignore[arg-type]


def test_the_worklist_lists_open_cases_due_within_the_window() -> None:
    as_of = date(2026, 9, 25)
    everything = worklist(CASES, as_of, within=3650)
    none_ahead = worklist(CASES, as_of, within=0)
    assert {c.id for c in none_ahead} <= {c.id for c in everything}
    for c in none_ahead:
        assert c.state in {ClockState.BREACHED, ClockState.WARNING} or c.days_left == 0
    with pytest.raises(InvalidInputError, match="within"):
        worklist(CASES, as_of, within=-1)
