"""``examples/make_bureau.py``: seeded, byte-for-byte repeatable ledgers that the command line
reads without a reject, holding every state a bureau's morning report must show."""

from __future__ import annotations

import csv
import importlib.util
import json
import sys
from collections import Counter
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest

from qsdomain.cli import main
from qsdomain.commitments import Mode
from qsdomain.licensing import LicenceState, default_kinds
from qsdomain.metrology import CATALOGUE_2020
from qsdomain.sampling import Severity, SwitchingState, lot_result, plan_for

ROOT = Path(__file__).resolve().parents[1]
AS_OF = "2026-11-27"
#: The calendar covers 2026; renewal deadlines and case clocks run into 2027.
PROVISIONAL = ("--provisional-until", "2027-12-31")


def load(name: str) -> ModuleType:
    """An example script as a module (examples/ is not a package)."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "examples" / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while being made
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def bureau() -> ModuleType:
    return load("make_bureau")


@pytest.fixture(scope="module")
def county(bureau: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The county preset, as ``make demo`` builds it."""
    out = tmp_path_factory.mktemp("county")
    bureau.generate(out, seed=0)
    return out


def small(bureau: ModuleType, out: Path, seed: int, **sizes: int) -> dict[str, bytes]:
    size = {"instruments": 300, "licences": 60, "cases": 120, "lots": 20} | sizes
    bureau.generate(out, seed=seed, sizes=bureau.Sizes(**size))
    return {name: (out / name).read_bytes() for name in bureau.FILES}


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, object]:
    status = main([*argv, "--json", "--no-progress"])
    out, err = capsys.readouterr()
    assert (status, err) == (0, ""), err
    answer = json.loads(out)
    assert isinstance(answer, dict)
    return answer


# -- the same seed, the same bytes -----------------------------------------------------------------


def test_the_same_seed_writes_the_same_bytes(bureau: ModuleType, tmp_path: Path) -> None:
    first = small(bureau, tmp_path / "a", seed=7)
    again = small(bureau, tmp_path / "b", seed=7)
    assert first == again
    assert set(first) == set(bureau.FILES)


def test_another_seed_writes_other_ledgers(bureau: ModuleType, tmp_path: Path) -> None:
    first = small(bureau, tmp_path / "a", seed=7)
    other = small(bureau, tmp_path / "b", seed=8)
    changed = {name for name in bureau.FILES if first[name] != other[name]}
    # the service items are a fixed catalogue; everything drawn differs
    assert changed == set(bureau.FILES) - {"service_items.json"}


def test_one_familys_size_leaves_the_other_files_alone(bureau: ModuleType, tmp_path: Path) -> None:
    first = small(bureau, tmp_path / "a", seed=3)
    more_cases = small(bureau, tmp_path / "b", seed=3, cases=150)
    assert first["cases.csv"] != more_cases["cases.csv"]
    for name in ("instruments.csv", "licences.csv", "licence-events.csv", "lots.csv"):
        assert first[name] == more_cases[name], name


def test_the_script_writes_the_files_and_counts_the_rows(
    bureau: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = [str(tmp_path), "--seed", "5", "--instruments", "40", "--licences", "20"]
    assert bureau.main([*argv, "--cases", "10", "--lots", "6", "--as-of", "2026-06-30"]) == 0
    out = capsys.readouterr().out
    with (tmp_path / "licences.csv").open(encoding="utf-8") as f:
        assert sum(1 for _ in csv.DictReader(f)) == 20
    assert "licences.csv" in out
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(bureau.FILES)


# -- read without a reject, every state present ----------------------------------------------------


def test_instruments_are_read_without_a_reject_in_a_realistic_mix(
    county: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    answer = run_json(capsys, "metrology", "due", str(county / "instruments.csv"), "--as-of", AS_OF)
    summary = answer["summary"]
    assert isinstance(summary, dict)
    assert (summary["read"], summary["rejected"], answer["rejected"]) == (5000, 0, 0)
    share = {state: summary[state] / 5000 for state in ("current", "due_soon", "overdue")}
    assert share["current"] > 0.75
    assert 0.03 < share["due_soon"] < 0.10  # 30 days of a 12-month interval, less for meters
    assert 0.02 < share["overdue"] < 0.10
    assert summary["never_verified"] > 0
    assert summary["out_of_service"] > 0  # failed (不合格) or scrapped (报废)


def test_instruments_cover_the_catalogue_and_every_scheme(county: Path) -> None:
    with (county / "instruments.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert set(CATALOGUE_2020) <= {row["器具类别"] for row in rows}
    assert {row["检定方式"] for row in rows} == {"周期检定", "到期轮换", "失准报废"}
    assert {row["检定/校准"] for row in rows} == {"检定", "校准"}
    assert {row["检定结论"] for row in rows} == {"合格", "调修后合格", "不合格", "报废", ""}
    # an instrument's rows are together and in date order
    seen: dict[str, str] = {}
    last = ""
    for row in rows:
        ident = row["器具编号"]
        assert ident == last or ident not in seen
        assert row["检定日期"] >= seen.get(ident, "")
        seen[ident], last = row["检定日期"], ident


def test_licences_are_read_without_a_reject_in_every_state(
    county: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    answer = run_json(
        capsys,
        "licences",
        "check",
        str(county / "licences.csv"),
        "--events",
        str(county / "licence-events.csv"),
        "--as-of",
        AS_OF,
        *PROVISIONAL,
    )
    assert (answer["read"], answer["rejected"]) == (300, 0)
    states = answer["states"]
    assert isinstance(states, list)
    assert {s["state"] for s in states} == {state.value for state in LicenceState}
    with (county / "licences.csv").open(encoding="utf-8") as f:
        kinds = Counter(row["kind"] for row in csv.DictReader(f))
    assert set(kinds) == set(default_kinds().codes)
    with (county / "licence-events.csv").open(encoding="utf-8") as f:
        events = Counter(row["event"] for row in csv.DictReader(f))
    assert {"renewal_applied", "renewed", "suspended", "revoked"} <= set(events)
    notes = (county / "licence-events.csv").read_text(encoding="utf-8")
    assert "逾期申请延续" in notes  # late filings


def test_cases_are_read_without_a_reject_breached_at_warning_and_open(
    county: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    answer = run_json(
        capsys,
        "commitments",
        "status",
        str(county / "cases.csv"),
        "--items",
        str(county / "service_items.json"),
        "--as-of",
        AS_OF,
        *PROVISIONAL,
    )
    assert (answer["cases"], answer["rejected"]) == (800, 0)
    worklist = answer["worklist"]
    assert isinstance(worklist, list)
    open_states = Counter(case["committed"]["state"] for case in worklist)
    assert open_states["breached"] > 0
    assert open_states["warning"] > 0
    assert open_states["on_track"] > 0
    tally = answer["tally"]
    assert isinstance(tally, dict)
    by_mode = {row["key"]: row for row in tally["by_mode"]}
    assert set(by_mode) == {mode.value for mode in Mode}
    assert sum(row["met"] for row in by_mode.values()) > 0.6 * 800
    assert sum(row["missed"] for row in by_mode.values()) > 0
    assert sum(row["withdrawn"] for row in by_mode.values()) > 0
    text = (county / "cases.csv").read_text(encoding="utf-8")
    for event in ("特殊环节开始", "特殊环节结束", "延期", "一次性告知", "协调会", "进度告知"):
        assert f",{event}," in text


@pytest.mark.parametrize("as_of", ["2025-03-31", AS_OF])
def test_a_small_bureau_still_holds_every_state(
    bureau: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str], as_of: str
) -> None:
    """The fixed situations come first, so 20 of each family already show them all, on any
    day the ledgers are generated for."""
    sizes = bureau.Sizes(instruments=20, licences=20, cases=20, lots=10)
    bureau.generate(tmp_path, seed=11, sizes=sizes, as_of=date.fromisoformat(as_of))
    due = run_json(capsys, "metrology", "due", str(tmp_path / "instruments.csv"), "--as-of", as_of)
    summary = due["summary"]
    assert isinstance(summary, dict)
    assert all(summary[s] > 0 for s in ("current", "due_soon", "overdue", "out_of_service"))
    licences = run_json(
        capsys,
        "licences",
        "check",
        str(tmp_path / "licences.csv"),
        "--events",
        str(tmp_path / "licence-events.csv"),
        "--as-of",
        as_of,
        *PROVISIONAL,
    )
    states = licences["states"]
    assert isinstance(states, list)
    assert {s["state"] for s in states} == {state.value for state in LicenceState}
    cases = run_json(
        capsys,
        "commitments",
        "status",
        str(tmp_path / "cases.csv"),
        "--items",
        str(tmp_path / "service_items.json"),
        "--as-of",
        as_of,
        *PROVISIONAL,
    )
    worklist = cases["worklist"]
    assert isinstance(worklist, list)
    assert {"breached", "warning"} <= {case["committed"]["state"] for case in worklist}


def severities(path: Path) -> dict[str, Severity]:
    """Each product line's inspection severity after its lots, replayed under GB/T 2828.1."""
    states: dict[str, SwitchingState] = {}
    with path.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            state = states.get(row["product"], SwitchingState.start(reduced_approved=False))
            chosen = plan_for(int(row["lot_size"]), row["aql"], "II", state.severity)
            result = lot_result(chosen.plan, [int(row["nonconforming_found"])])
            states[row["product"]] = state.record(result)
    return {line: state.severity for line, state in states.items()}


@pytest.mark.parametrize("lots", [4, 10, 50])
def test_one_lot_line_ends_on_tightened_inspection(
    bureau: ModuleType, tmp_path: Path, lots: int
) -> None:
    """GB/T 2828.1-2012 clause 9.3.1: two of five consecutive lots not accepted."""
    sizes = bureau.Sizes(instruments=0, licences=0, cases=0, lots=lots)
    bureau.generate(tmp_path, seed=lots, sizes=sizes)
    lines = [name for name, _, _ in bureau.LINES]
    assert severities(tmp_path / "lots.csv") == {
        lines[0]: Severity.NORMAL,
        lines[1]: Severity.TIGHTENED,
    }
