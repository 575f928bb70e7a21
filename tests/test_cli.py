"""The command line: answers, --json, and one-line errors with exit status 2."""

from __future__ import annotations

import itertools
import json
import subprocess
import sys

import pytest

from qsdomain.cli import main
from qsdomain.sampling import LotPlan, plan_for
from qsdomain.serialization import from_json


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        status = main(list(argv))
    except SystemExit as exc:  # argparse usage errors
        status = int(exc.code or 0)
    out, err = capsys.readouterr()
    return status, out, err


def test_is_working(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "calendar", "is-working", "2026-10-10")
    assert status == 0
    assert out == "2026-10-10 (Saturday) is a make-up working day (调休上班)\n"
    status, out, _ = run(capsys, "calendar", "is-working", "2026-10-05", "--json")
    assert json.loads(out) == {
        "date": "2026-10-05",
        "working_day": False,
        "calendar": "China (State Council notices)",
        "provisional": False,
    }


def test_add_and_between(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "calendar", "add", "2026-09-30", "5", "--json")
    assert status == 0
    assert json.loads(out)["result"] == "2026-10-13"
    status, out, _ = run(capsys, "calendar", "add", "2026-10-08", "-1")
    assert out.startswith("2026-09-30 (Wednesday): working day 1 before 2026-10-08")
    status, out, _ = run(capsys, "calendar", "between", "2026-09-30", "2026-10-13", "--json")
    assert json.loads(out)["working_days"] == 5


def test_term_end_and_lead(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(
        capsys, "term", "end", "2021-03-15", "--years", "5", "--convention", "inclusive"
    )
    assert status == 0
    assert out == "5 years from 2021-03-15 (inclusive): ends 2026-03-14 (Saturday)\n"
    status, out, _ = run(
        capsys, "term", "end", "2026-04-03", "--months", "6", "--convention", "civil_code", "--json"
    )
    payload = json.loads(out)
    assert payload["nominal_end"] == "2026-10-03"
    assert payload["end"] == "2026-10-08"
    status, out, _ = run(
        capsys, "term", "lead", "2026-10-13", "3", "--unit", "working_days", "--json"
    )
    assert json.loads(out)["result"] == "2026-10-09"


def test_provisional_answers_must_be_asked_for(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "calendar", "add", "2026-12-30", "5")
    assert status == 2
    assert err.startswith("qsdomain: not covered:")
    assert err.count("\n") == 1
    status, out, _ = run(
        capsys, "calendar", "add", "2026-12-30", "5", "--provisional-until", "2027-12-31"
    )
    assert status == 0
    assert out.strip().endswith("[provisional]")


@pytest.mark.parametrize(
    "argv",
    [
        ["calendar", "is-working", "2026-13-01"],
        ["calendar", "is-working", "yesterday"],
        ["calendar", "add", "2026-01-05", "five"],
        ["calendar", "between", "2026-01-05"],
        ["term", "end", "2026-01-05", "--convention", "inclusive"],
        ["term", "end", "2026-01-05", "--years", "-1", "--convention", "inclusive"],
        ["term", "end", "2026-01-05", "--years", "1", "--convention", "lunar"],
        ["term", "lead", "2026-01-05", "0", "--unit", "months"],
        ["sideways"],
    ],
)
def test_bad_input_is_one_line_and_status_2(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    status, out, err = run(capsys, *argv)
    assert status == 2
    assert out == ""
    assert err.count("\n") == 1, err
    assert err.startswith("qsdomain")
    assert "Traceback" not in err


def test_python_dash_m_runs_the_same_command() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "qsdomain", "calendar", "add", "2026-09-30", "5"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0
    assert done.stdout.startswith("2026-10-13")


# -- sampling ------------------------------------------------------------------------------------


def test_sampling_plan(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "sampling", "plan", "--lot-size", "1000", "--aql", "1.0")
    assert status == 0
    assert "code letter J" in out
    assert out.rstrip().endswith("1      80         80    2    3")
    status, out, _ = run(capsys, "sampling", "plan", "--lot-size", "500", "--aql", "0.65", "--json")
    payload = json.loads(out)
    # The JSON is the serialized LotPlan and TableSource, as from_json reads them back.
    lot_plan = from_json(json.dumps(payload["lot_plan"]), LotPlan)
    assert lot_plan == plan_for(500, "0.65")
    assert (payload["lot_plan"]["table_code_letter"], lot_plan.code_letter) == ("H", "J")
    assert payload["lot_plan"]["plan"] == {
        "scheme": "single",
        "sample_size": 80,
        "acceptance_number": 1,
        "rejection_number": 2,
        "code_letter": "J",
        "aql": "0.65",
        "severity": "normal",
    }
    assert payload["source"] == {"table": "2-A", "single_source": False, "doubts": []}
    assert payload["requested_scheme"] == "single"


def test_sampling_plan_reports_100_percent_and_single_source_tables(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, out, _ = run(
        capsys, "sampling", "plan", "--lot-size", "5", "--aql", "0.65", "--level", "III"
    )
    assert "inspect all 5 items (100 %)" in out
    _, out, _ = run(
        capsys, "sampling", "plan", "--lot-size", "2000", "--aql", "2.5", "--scheme", "double"
    )
    assert "note: Table 3-A rests on one public transcription only" in out


def test_sampling_oc(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(
        capsys, "sampling", "oc", "--lot-size", "1000", "--aql", "1.0", "--points", "5", "--json"
    )
    assert status == 0
    points = json.loads(out)["points"]
    assert len(points) == 5
    assert points[0]["pa"] == 1.0
    assert points[-1]["pa"] == pytest.approx(1e-3, rel=1e-6)
    assert all(a["pa"] >= b["pa"] for a, b in itertools.pairwise(points))
    status, out, _ = run(
        capsys,
        "sampling",
        "oc",
        "--lot-size",
        "1000",
        "--aql",
        "65",
        "--model",
        "poisson",
        "--points",
        "4",
    )
    assert status == 0
    assert "nonconformities per 100 items" in out


@pytest.mark.parametrize(
    "argv",
    [
        ["sampling", "plan", "--lot-size", "0", "--aql", "1.0"],
        ["sampling", "plan", "--lot-size", "1000", "--aql", "0.3"],
        ["sampling", "plan", "--lot-size", "1000", "--aql", "1.0", "--level", "IV"],
        ["sampling", "plan", "--lot-size", "1000", "--aql", "1.0", "--severity", "lax"],
        ["sampling", "oc", "--lot-size", "1000", "--aql", "1.0", "--points", "1"],
    ],
)
def test_sampling_bad_input(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    status, out, err = run(capsys, *argv)
    assert status == 2
    assert out == ""
    assert err.count("\n") == 1, err


def test_sampling_oc_plot(capsys: pytest.CaptureFixture[str], tmp_path: object) -> None:
    pytest.importorskip("matplotlib")
    target = f"{tmp_path}/oc.png"
    status, out, _ = run(
        capsys, "sampling", "oc", "--lot-size", "1000", "--aql", "1.0", "--plot", target
    )
    assert status == 0
    assert out.rstrip().endswith(f"plot written to {target}")
    with open(target, "rb") as f:
        assert f.read(8) == b"\x89PNG\r\n\x1a\n"
