"""The command line: answers, --json, and one-line errors with exit status 2."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from qsdomain.cli import main


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
