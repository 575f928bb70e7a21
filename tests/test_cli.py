"""The command line: answers, --json, and one-line errors with exit status 2."""

from __future__ import annotations

import argparse
import itertools
import json
import subprocess
import sys
from pathlib import Path

import pytest

from qsdomain.cli import build_parser, main
from qsdomain.cli import calendar as cli_calendar
from qsdomain.cli import sampling as cli_sampling
from qsdomain.cli._output import UsageError
from qsdomain.limits import MAX_OC_POINTS
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
    argv = ["calendar", "is-working", "2026-10-05", "--json", "--provisional", "off"]
    status, out, _ = run(capsys, *argv)
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


def test_provisional_answers_are_marked_and_refused_when_off(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """One provisional policy (#19 point 3): the desk's default (statutory rule, three years
    past the day asked about, answers marked) on every command; ``--provisional off`` refuses."""
    status, _, err = run(capsys, "calendar", "add", "2026-12-30", "5", "--provisional", "off")
    assert status == 2
    assert err.startswith("qsdomain: not covered:")
    assert err.count("\n") == 1
    status, out, _ = run(capsys, "calendar", "add", "2026-12-30", "5")
    assert status == 0
    assert out.strip().endswith("[provisional]")
    status, out, _ = run(
        capsys, "calendar", "add", "2026-12-30", "5", "--provisional-until", "2027-12-31"
    )
    assert status == 0
    assert out.strip().endswith("[provisional]")
    # three years past the day asked about, no further unless asked
    status, _, err = run(capsys, "calendar", "add", "2026-12-30", "1200")
    assert (status, err.startswith("qsdomain: not covered:")) == (2, True)
    # the two settings may not contradict each other
    argv = ["calendar", "add", "2026-12-30", "5", "--provisional", "off"]
    status, out, err = run(capsys, *argv, "--provisional-until", "2027-12-31")
    _one_line_error(status, out, err)
    assert "--provisional off" in err


def test_term_answers_on_provisional_days_are_marked(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "term", "lead", "2027-03-10", "3", "--unit", "working_days")
    assert status == 0
    assert out.strip().endswith("[provisional]")
    argv = ["term", "lead", "2026-03-10", "3", "--unit", "working_days", "--json"]
    status, out, _ = run(capsys, *argv)
    assert json.loads(out)["provisional"] is False


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


# -- every failure path: one line, exit status 2, never a traceback (issue #6) -------------------

HUGE = str(10**100)
LOT = ["--lot-size", "2000", "--aql", "1.5"]
BAD_COMMAND_LINES = [
    # calendar
    ["calendar", "is-working", "2026-02-30"],
    ["calendar", "is-working", "20261127"],
    ["calendar", "is-working", ""],
    ["calendar", "is-working", "2026-1-1"],
    ["calendar", "is-working", "next tuesday"],
    ["calendar", "is-working", "２０２６-01-01"],
    ["calendar", "is-working", "2026-10-10T00:00"],
    ["calendar", "is-working", "1999-01-01"],
    ["calendar", "is-working"],
    ["calendar", "is-working", "2026-10-10", "2026-10-11"],
    ["calendar", "add", "2026-01-05", "five"],
    ["calendar", "add", "2026-01-05", HUGE],
    ["calendar", "add", "2026-01-05", "-" + HUGE],
    ["calendar", "add", "2026-01-05", "1.5"],
    ["calendar", "add", "2026-01-05", "NaN"],
    ["calendar", "add", "2026-01-05", ""],
    ["calendar", "add", "2026-12-30", "5", "--provisional", "off"],
    ["calendar", "add", "2026-01-05", "5", "--provisional-until", "2000-01-01"],
    ["calendar", "add", "2026-01-05", "5", "--provisional-until", "2027-13-01"],
    ["calendar", "add", "2026-01-05", "5", "--provisional-until"],
    ["calendar", "between", "2026-01-05"],
    ["calendar", "between", "2026-01-05", "2030-01-01"],
    ["calendar", "between", "0001-01-01", "9999-12-31"],
    ["calendar", "info", "--bogus"],
    ["calendar"],
    ["calendar", "sideways"],
    # term
    ["term", "end", "2026-01-05", "--convention", "inclusive"],
    ["term", "end", "2026-01-05", "--years", "-1", "--convention", "inclusive"],
    ["term", "end", "2026-01-05", "--years", "1", "--convention", "lunar"],
    ["term", "end", "2026-01-05", "--years", HUGE, "--convention", "inclusive"],
    ["term", "end", "2026-01-05", "--years", "1"],
    ["term", "end", "9999-06-01", "--years", "1", "--convention", "inclusive"],
    ["term", "end", "2026-01-05", "--months", "NaN", "--convention", "civil_code"],
    ["term", "end", "2026-02-30", "--years", "1", "--convention", "inclusive"],
    [
        "term",
        "end",
        "2030-01-05",
        "--years",
        "1",
        "--convention",
        "civil_code",
        "--provisional",
        "off",
    ],
    ["term", "lead", "2026-01-05", "0", "--unit", "months"],
    ["term", "lead", "2026-01-05", HUGE, "--unit", "calendar_days"],
    ["term", "lead", "2026-01-05", "3", "--unit", "fortnights"],
    ["term", "lead", "2026-01-05", "3"],
    ["term", "lead", "0001-01-05", "3", "--unit", "months"],
    ["term", "lead", "2030-01-05", "3", "--unit", "working_days", "--provisional", "off"],
    # sampling
    ["sampling", "plan", "--lot-size", "2000", "--aql", "sNaN"],
    ["sampling", "plan", "--lot-size", "2000", "--aql", "1_5"],
    ["sampling", "plan", "--lot-size", "2000", "--aql", "NaN"],
    ["sampling", "plan", "--lot-size", "2000", "--aql", "-1.5"],
    ["sampling", "plan", "--lot-size", "2000", "--aql", "1e3"],
    ["sampling", "plan", "--lot-size", "2000", "--aql", "0.3"],
    ["sampling", "plan", "--lot-size", "0", "--aql", "1.0"],
    ["sampling", "plan", "--lot-size", "-5", "--aql", "1.0"],
    ["sampling", "plan", "--lot-size", "1e6", "--aql", "1.0"],
    ["sampling", "plan", "--lot-size", "2000"],
    ["sampling", "plan", "--aql", "1.0"],
    ["sampling", "plan", *LOT, "--level", "IV"],
    ["sampling", "plan", *LOT, "--severity", "lax"],
    ["sampling", "plan", *LOT, "--scheme", "triple"],
    ["sampling", "oc", *LOT, "--points", "1"],
    ["sampling", "oc", *LOT, "--points", "2000000"],
    ["sampling", "oc", *LOT, "--points", HUGE],
    ["sampling", "oc", *LOT, "--points", "-3"],
    ["sampling", "oc", *LOT, "--model", "gamma"],
    ["sampling", "oc", "--lot-size", "2000", "--aql", "1000", "--model", "binomial"],
    ["sampling", "oc", *LOT, "--plot", ""],
    ["sampling", "oc", *LOT, "--plot", "/nonexistent/d/x.png"],
    ["sampling", "oc", *LOT, "--plot", "x.txt"],
    ["sampling", "oc", *LOT, "--plot", "no-suffix"],
    ["sampling"],
    # the command itself
    ["sideways"],
    [],
    ["--bogus"],
]


def _one_line_error(status: int, out: str, err: str) -> None:
    assert status == 2
    assert out == ""
    assert err.count("\n") == 1, err
    assert err.endswith("\n")
    assert "Traceback" not in err
    assert "datetime.date(" not in err  # dates in ISO 8601, never their repr


@pytest.mark.parametrize("argv", BAD_COMMAND_LINES, ids=" ".join)
def test_every_bad_command_line_is_one_line_with_status_2(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    status, out, err = run(capsys, *argv)
    _one_line_error(status, out, err)
    assert err.startswith("qsdomain: ")


@pytest.mark.parametrize("argv", BAD_COMMAND_LINES, ids=" ".join)
def test_with_json_every_error_is_a_json_object(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    status, out, err = run(capsys, *argv, "--json")
    _one_line_error(status, out, err)
    error = json.loads(err)["error"]
    assert set(error) == {"type", "message", "field", "value", "allowed"}
    assert error["type"] in {
        "UsageError",
        "InvalidInputError",
        "NotCoveredError",
        "CalendarNotCoveredError",
    }
    assert "\n" not in error["message"]


def test_json_error_fields(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(
        capsys, "sampling", "plan", "--lot-size", "2000", "--aql", "sNaN", "--json"
    )
    assert status == 2
    assert json.loads(err) == {
        "error": {
            "type": "InvalidInputError",
            "message": "--aql must be a decimal number such as 0.65 or 1.5, got 'sNaN'",
            "field": "--aql",
            "value": "sNaN",
            "allowed": "a decimal number such as 0.65 or 1.5",
        }
    }
    # A date in an error is ISO 8601 in the message and in "value".
    argv = ["calendar", "add", "2026-01-05", "5", "--provisional-until", "2000-01-01", "--json"]
    status, _, err = run(capsys, *argv)
    error = json.loads(err)["error"]
    assert error["value"] == "2000-01-01"
    assert error["message"].endswith("got 2000-01-01")
    argv = ["calendar", "add", "2026-12-30", "5", "--json", "--provisional", "off"]
    status, _, err = run(capsys, *argv)
    error = json.loads(err)["error"]
    assert (error["type"], error["field"]) == ("CalendarNotCoveredError", "n")
    assert error["allowed"].startswith("2004-01-01 to 2026-12-31")
    status, _, err = run(capsys, "sampling", "plan", "--aql", "1.0", "--json")
    error = json.loads(err)["error"]
    assert error["type"] == "UsageError"
    assert "--lot-size" in error["message"]


def test_sampling_aql_nan_and_underscores_are_refused(capsys: pytest.CaptureFixture[str]) -> None:
    """Issue #6: --aql sNaN raised decimal.InvalidOperation; 1_5 was read as AQL 15."""
    for text in ("sNaN", "1_5", "١.٥"):
        status, out, err = run(capsys, "sampling", "plan", "--lot-size", "2000", "--aql", text)
        _one_line_error(status, out, err)
        assert "--aql must be a decimal number" in err


def test_oc_points_are_bounded(capsys: pytest.CaptureFixture[str]) -> None:
    """Issue #6: --points 2000000 ran past 60 s; it is refused at once, naming the limit."""
    status, out, err = run(capsys, "sampling", "oc", *LOT, "--points", str(MAX_OC_POINTS + 1))
    _one_line_error(status, out, err)
    assert f"from 2 to {MAX_OC_POINTS}" in err


def test_oc_refuses_the_binomial_model_above_aql_10(capsys: pytest.CaptureFixture[str]) -> None:
    """Issue #6: binomial OC at AQL 1000 reported Pa = 1.0 at 100 % nonconforming."""
    for model in ("binomial", "hypergeometric"):
        argv = ["sampling", "oc", "--lot-size", "2000", "--aql", "1000", "--model", model]
        status, out, err = run(capsys, *argv)
        _one_line_error(status, out, err)
        assert "--model must be poisson for AQL 1000" in err
    argv = ["sampling", "oc", "--lot-size", "2000", "--aql", "15", "--model", "poisson"]
    status, _, _ = run(capsys, *argv, "--points", "3")
    assert status == 0


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("", "--plot must be a file name ending in .eps"),
        ("/nonexistent/d/x.png", "--plot must be a file in an existing directory"),
        ("x.txt", "--plot must be a file name ending in"),
    ],
)
def test_bad_plot_targets_are_refused_before_computing(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, target: str, expected: str
) -> None:
    """Issue #6: FileNotFoundError and ValueError tracebacks; --plot '' silently ignored."""
    pytest.importorskip("matplotlib")
    computed: list[object] = []
    monkeypatch.setattr(cli_sampling, "_oc_points", lambda *a: computed.append(a) or [])
    status, out, err = run(capsys, "sampling", "oc", *LOT, "--plot", target)
    _one_line_error(status, out, err)
    assert expected in err
    assert computed == []


def test_plot_write_failure_names_the_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("matplotlib")
    monkeypatch.chdir(tmp_path)  # a short path: the message shortens long values
    Path("taken.png").mkdir()  # a directory where the file should go: writing it fails
    status, out, err = run(capsys, "sampling", "oc", *LOT, "--points", "3", "--plot", "taken.png")
    _one_line_error(status, out, err)
    assert "--plot must be a file that can be written (Is a directory), got 'taken.png'" in err


def test_plot_without_the_extra_says_what_to_install(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib.backend_bases", None)  # import fails
    status, out, err = run(capsys, "sampling", "oc", *LOT, "--plot", str(tmp_path / "oc.png"))
    _one_line_error(status, out, err)
    assert "pip install 'qsdomain[plot]'" in err


def test_plot_writes_svg_and_pdf(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    for name, magic in (("oc.svg", b"<?xml"), ("oc.pdf", b"%PDF")):
        status, _, _ = run(capsys, "sampling", "oc", *LOT, "--points", "3", "--plot",
                           str(tmp_path / name))  # fmt: skip
        assert status == 0
        assert (tmp_path / name).read_bytes().startswith(magic)


# -- help ----------------------------------------------------------------------------------------


def _parsers(
    parser: argparse.ArgumentParser,
) -> list[argparse.ArgumentParser]:
    found = [parser]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                found += _parsers(sub)
    return found


@pytest.mark.parametrize("parser", _parsers(build_parser()), ids=lambda p: p.prog)
def test_help_is_plain_text_and_every_option_explains_itself(
    parser: argparse.ArgumentParser,
) -> None:
    """Issue #6: --help showed reST markup; the term end options had no help text."""
    shown = parser.format_help()
    for markup in ("``", ":mod:", ":func:", ":class:", ":meth:"):
        assert markup not in shown
    for action in parser._actions:
        if not isinstance(action, argparse._SubParsersAction):
            assert action.help, (parser.prog, action.dest)


def test_help_and_version_exit_0(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "--help")
    assert status == 0
    assert out.startswith("usage: qsdomain")
    status, out, _ = run(capsys, "--version")
    assert (status, out.split()[0]) == (0, "qsdomain")


def test_only_the_family_asked_for_is_loaded() -> None:
    """A calendar command does not pay for importing the sampling tables, serialization, the
    terms (qsdomain.periods and dateutil: issue #19's start-up regression), the other command
    families, or the schedule file loader and JSON (china() reads its precomputed index)."""
    code = (
        "import sys; from qsdomain.cli import main; main(['calendar', 'add', '2026-09-30', '5']);"
        "heavy = ('qsdomain.sampling', 'qsdomain.serialization', 'qsdomain.periods', 'dateutil',"
        " 'qsdomain.calendars._schedule', 'json', 'pathlib', 'qsdomain.cli.term',"
        " 'qsdomain.cli.desk', 'qsdomain.desk', 'qsdomain.commitments', 'qsdomain.licensing',"
        " 'qsdomain.metrology');"
        "print(sorted(m for m in heavy if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines()[-1] == "[]"


def test_an_unreadable_file_is_one_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Any OSError (a file named on the command line) is one line too, text or JSON."""

    def unreadable(args: argparse.Namespace, as_of: object) -> object:
        raise FileNotFoundError(2, "No such file or directory", "holidays-2027.json")

    monkeypatch.setattr(cli_calendar, "calendar_from", unreadable)
    status, out, err = run(capsys, "calendar", "info")
    _one_line_error(status, out, err)
    assert err == "qsdomain: error: No such file or directory: 'holidays-2027.json'\n"
    status, out, err = run(capsys, "calendar", "info", "--json")
    _one_line_error(status, out, err)
    assert json.loads(err)["error"]["type"] == "FileNotFoundError"


# -- the calendar past the bundled years (issue #8) --------------------------------------------

EXAMPLE_2026 = str(Path(__file__).resolve().parents[1] / "examples" / "2026.json")


def test_check_schedule_reports_each_file_and_the_coverage(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, _ = run(capsys, "calendar", "check-schedule", "--replace", EXAMPLE_2026)
    assert status == 0
    assert "OK: 2026 国办发明电〔2025〕7号 - 19 weekdays off, 6 make-up working days" in out
    assert out.rstrip().endswith("calendar now covers 2004-01-01 to 2026-12-31")
    status, out, _ = run(capsys, "calendar", "check-schedule", "--replace", EXAMPLE_2026, "--json")
    report = json.loads(out)
    assert report["files"][0]["schedule"]["year"] == 2026
    assert report["coverage"] == {"first": "2004-01-01", "last": "2026-12-31"}


def test_check_schedule_refuses_a_covered_year_without_replace(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, err = run(capsys, "calendar", "check-schedule", EXAMPLE_2026)
    _one_line_error(status, out, err)
    assert "not already covered" in err


def test_a_bad_schedule_file_is_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "2027.json"
    bad.write_text('{"year": 2027, "days_off": ["2027-01-02"]}', encoding="utf-8")
    for argv in (
        ["calendar", "check-schedule", str(bad)],
        ["calendar", "add", "2026-12-30", "5", "--schedule", str(bad)],
        ["calendar", "add", "2026-12-30", "5", "--schedule", str(tmp_path / "missing.json")],
    ):
        status, out, err = run(capsys, *argv)
        _one_line_error(status, out, err)


def test_schedule_files_reach_every_calendar_command(capsys: pytest.CaptureFixture[str]) -> None:
    extra = ["--schedule", EXAMPLE_2026, "--replace-schedule"]
    status, out, _ = run(capsys, "calendar", "info", *extra)
    assert status == 0
    assert "2026: replaced by the caller's schedule" in out
    status, out, _ = run(capsys, "calendar", "add", "2026-09-30", "5", *extra)
    assert out.startswith("2026-10-13")


def test_provisional_rule_statutory_takes_off_the_statutory_holidays(
    capsys: pytest.CaptureFixture[str],
) -> None:
    base = ["calendar", "is-working", "2027-10-01", "--provisional-until", "2027-12-31"]
    status, out, _ = run(capsys, *base)
    assert status == 0
    assert "day off" in out  # the statutory rule by default, as on the desk
    assert "[provisional]" in out
    status, out, _ = run(capsys, *base, "--provisional", "weekends")
    assert "is a working day [provisional]" in out  # weekends only: National Day is worked
    status, out, err = run(capsys, *base, "--provisional", "lunar")
    _one_line_error(status, out, err)


@pytest.mark.parametrize(
    "arguments",
    [
        ["calendar", "add", "2026-09-30", "5"],
        ["calendar", "between", "2026-09-30", "2026-10-31", "--provisional", "weekends"],
        ["calendar", "is-working", "2026-10-10", "--json"],
        ["term", "lead", "2026-10-31", "30", "--unit", "months"],
        ["calendar", "check-schedule", "--replace", "examples/2026.json"],
    ],
)
def test_the_parser_of_one_command_reads_as_the_whole_parser(arguments: list[str]) -> None:
    """Start-up (#19): ``main`` builds the parser of the one command asked for; it reads the
    arguments exactly as the parser of every command does."""
    one = build_parser(arguments[0], arguments[1])
    assert vars(one.parse_args(arguments)) == vars(build_parser().parse_args(arguments))
    family = next(a for a in one._actions if isinstance(a, argparse._SubParsersAction))
    actions = next(
        a
        for a in family.choices[arguments[0]]._actions
        if isinstance(a, argparse._SubParsersAction)
    )
    assert list(actions.choices) == [arguments[1]]


def test_an_unknown_command_gets_the_whole_family_for_its_error() -> None:
    with pytest.raises(UsageError, match=r"invalid choice: 'ad'.*'add'"):
        build_parser("calendar", "ad").parse_args(["calendar", "ad", "2026-09-30", "5"])
