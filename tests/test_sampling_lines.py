"""``sampling.line_status``: a product line's lots in order (GB/T 2828.1-2012 clause 9).

The oracle is the plain replay a report used to write for itself: for each lot, the plan
``plan_for`` gives at the line's severity, the decision ``lot_result`` gives for the count, and
the state ``SwitchingState.record`` moves to; a discontinued line inspects nothing (clause 9.4).
"""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qsdomain.desk import Desk
from qsdomain.errors import InvalidInputError, QSDomainError
from qsdomain.rejects import RowRejected
from qsdomain.sampling import (
    InspectionStatus,
    LineStatus,
    Lot,
    LotOutcome,
    SwitchingState,
    line_status,
    lot_result,
    plan_for,
)
from qsdomain.serialization import from_json, to_json

ROOT = Path(__file__).resolve().parents[1]


class Sink(list[RowRejected]):
    def add(self, rejection: RowRejected) -> None:
        self.append(rejection)


def _replay(lots: list[Lot]) -> tuple[list[tuple[object, ...]], list[int], SwitchingState]:
    """(id, inspection, plan, accepted, transition) per lot answered, refused positions, state."""
    state = SwitchingState.start()
    answered: list[tuple[object, ...]] = []
    refused: list[int] = []
    for position, lot in enumerate(lots, 1):
        if state.discontinued:
            answered.append((lot.id, InspectionStatus.DISCONTINUED, None, None, None))
            continue
        try:
            chosen = plan_for(lot.lot_size, lot.aql, lot.level, state.severity)
            result = lot_result(chosen.plan, [lot.nonconforming])
        except QSDomainError:
            refused.append(position)
            continue
        inspection = state.status
        state = state.record(result)
        answered.append((lot.id, inspection, chosen, result.accepted, state.last_transition))
    return answered, refused, state


lots_of_a_line = st.lists(
    st.builds(
        Lot,
        id=st.integers(0, 999).map(lambda i: f"L{i:03d}"),
        lot_size=st.sampled_from([50, 500, 2000, 20000]),
        aql=st.sampled_from(["0.65", "1.5", "4.0"]),
        nonconforming=st.one_of(st.integers(0, 4), st.integers(0, 60)),
        level=st.sampled_from(["I", "II"]),
    ),
    max_size=30,
)


@settings(max_examples=60, deadline=None)
@given(lots_of_a_line)
def test_the_line_answers_as_the_plain_replay(lots: list[Lot]) -> None:
    sink = Sink()
    line = line_status(lots, rejects=sink)
    answered, refused, state = _replay(lots)
    got = [(o.id, o.inspection, o.plan, o.accepted, o.transition) for o in line.lots]
    assert got == answered
    assert [r.line for r in sink] == refused
    assert all(r.field.startswith(f"lots[{r.line - 1}].") for r in sink)
    assert line.state == state
    assert line.inspected == sum(1 for a in answered if a[2] is not None)
    assert line.not_accepted == sum(1 for a in answered if a[3] is False)


def test_a_discontinued_line_inspects_nothing_until_corrective_action() -> None:
    bad = [Lot(f"T{i}", 2000, "1.5", 9) for i in range(7)]  # 2 -> tightened, 5 more -> 9.4
    line = line_status([*bad, Lot("X", 2000, "1.5", 0)])
    assert line.state.status is InspectionStatus.DISCONTINUED
    last = line.lots[-1]
    assert (last.plan, last.accepted, last.transition) == (None, None, None)
    assert "clause 9.4" in last.reason
    assert line.lots[-2].transition is not None
    assert line.lots[-2].transition.to is InspectionStatus.DISCONTINUED
    assert "tightened -> discontinued after this lot" in (line.lots[-2].switch_reason or "")


def test_a_refused_lot_raises_without_a_sink_and_is_reported_with_one() -> None:
    lots = [Lot("A", 2000, "1.5", 0), Lot("B", 2000, "1.5", 500), Lot("C", 2000, "1.5", 0)]
    with pytest.raises(InvalidInputError, match="sample size 125"):
        line_status(lots)
    sink = Sink()
    line = line_status(lots, rejects=sink)
    assert [o.id for o in line.lots] == ["A", "C"]
    (only,) = sink
    assert (only.line, only.field, only.value) == (2, "lots[1].counts[0]", "500")


def test_arguments_are_checked_when_called() -> None:
    with pytest.raises(InvalidInputError, match=r"lots\[1\]"):
        line_status([Lot("A", 2000, "1.5", 0), ("B", 2000, "1.5", 0)])  # type: ignore[list-item]
    with pytest.raises(InvalidInputError, match="rejects"):
        line_status([], rejects=object())  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match=r"lot\.nonconforming"):
        Lot("A", 2000, "1.5", -1)


def test_an_outcome_built_by_hand_must_agree_with_itself() -> None:
    line = line_status([Lot("A", 2000, "1.5", 0)])
    (good,) = line.lots
    assert LineStatus(line.lots, line.state) == line
    with pytest.raises(InvalidInputError, match=r"lot_outcome\.state"):
        LotOutcome(good.id, "accepted", "discontinued", good.plan, 0, None, good.reason)
    with pytest.raises(InvalidInputError, match=r"lot_outcome\.inspection"):
        LotOutcome(good.id, "accepted", "tightened", good.plan, 0, None, good.reason)
    with pytest.raises(InvalidInputError, match=r"lot_outcome\.plan"):
        LotOutcome(good.id, "not_inspected", "discontinued", good.plan, 0, None, good.reason)
    with pytest.raises(InvalidInputError, match=r"lot_outcome\.state"):  # 9 found: Re = 6
        LotOutcome(good.id, "accepted", "normal", good.plan, 9, None, good.reason)
    with pytest.raises(InvalidInputError, match=r"line_status\.lots"):
        LineStatus([good, "x"], line.state)  # type: ignore[list-item]


def test_a_line_round_trips_through_json_and_a_tampered_one_is_refused() -> None:
    line = line_status([Lot(f"L{i}", 2000, "1.5", f) for i, f in enumerate([6, 6, 9, 0, 9])])
    text = to_json(line)
    assert from_json(text, LineStatus) == line
    with pytest.raises(QSDomainError, match=r"state"):
        from_json(text.replace('"state": "not_accepted"', '"state": "accepted"', 1), LineStatus)


# The desk's sampling section on the generated county bureau (examples/make_bureau.py, seed 0,
# 50 lots), as the desk gave it when it replayed the lines itself (before #19).
COUNTY_ITEMS = [
    (
        "L2026-048",
        "not_accepted",
        "received 2026-11-21; not accepted (normal plan J n=80 Ac=2 Re=3, 5 found)",
    ),
    (
        "L2026-048",
        "to_tightened",
        "received 2026-11-21; normal -> tightened after this lot (GB/T 2828.1-2012 clause "
        "9.3.1): 2 out of 3 consecutive lots on original normal inspection were not accepted.",
    ),
    (
        "L2026-044",
        "not_accepted",
        "received 2026-11-13; not accepted (normal plan J n=80 Ac=2 Re=3, 4 found)",
    ),
    (
        "L2026-039",
        "not_accepted",
        "received 2026-11-03; not accepted (normal plan K n=125 Ac=5 Re=6, 6 found)",
    ),
    (
        "L2026-007",
        "not_accepted",
        "received 2026-08-31; not accepted (normal plan K n=125 Ac=5 Re=6, 8 found)",
    ),
]
COUNTY_LINES = [
    ("PVC pipe fittings (管件)", "normal", 25, 2, "L2026-049"),
    ("电线电缆 (wires and cables)", "tightened", 25, 2, "L2026-050"),
]


def test_the_desk_sampling_section_is_unchanged_on_the_county_bureau(tmp_path: Path) -> None:
    subprocess.run(
        [
            *(sys.executable, str(ROOT / "examples/make_bureau.py"), str(tmp_path / "b")),
            *("--instruments", "0", "--licences", "0", "--cases", "0"),
        ],
        check=True,
        capture_output=True,
    )
    with Desk.create(tmp_path / "d.sqlite") as desk:
        desk.import_file(tmp_path / "b" / "lots.csv")
        section = desk.report(as_of=date(2026, 11, 27)).section("sampling")
    assert [(i.key, i.state, i.reason) for i in section.items] == COUNTY_ITEMS
    assert [(t.state, t.count) for t in section.totals] == [("accepted", 46), ("not_accepted", 4)]
    got = [(x.product, x.severity, x.lots, x.not_accepted, x.last_lot) for x in section.lines]
    assert got == COUNTY_LINES
