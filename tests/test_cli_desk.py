"""``qsdomain desk init|import|report``: the bureau's database on the command line."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from qsdomain.cli import main
from qsdomain.desk import Report
from qsdomain.desk._schema import SCHEMA_VERSION
from qsdomain.serialization import from_json
from test_make_bureau import load

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "examples" / "data"
LEDGERS = [str(DATA / name) for name in load("make_bureau").FILES]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    path = str(tmp_path / "bureau.sqlite")
    assert run(capsys, "desk", "init", path)[0] == 0
    status, out, _ = run(capsys, "desk", "import", path, *LEDGERS)
    assert status == 0, out
    return path


def test_init_then_import_every_example_ledger(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(tmp_path / "b.sqlite")
    status, out, _ = run(capsys, "desk", "init", path)
    assert (status, out) == (0, f"created {path} (schema version {SCHEMA_VERSION})\n")
    status, out, _ = run(capsys, "desk", "import", path, *LEDGERS)
    assert status == 0
    assert out.splitlines()[0].endswith("instruments: read 31, loaded 31, rejected 0")
    assert len(out.splitlines()) == len(LEDGERS)
    # the same files again: the same counts, and nothing changes (natural keys)
    again = run(capsys, "desk", "import", path, *LEDGERS)
    assert again[:2] == (0, out)


def test_init_refuses_an_existing_file(database: str, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "desk", "init", database)
    assert (status, out) == (2, "")
    assert err.startswith("qsdomain: ")
    assert err.count("\n") == 1


def test_a_bad_row_stops_the_file_unless_keep_going(
    tmp_path: Path, database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    ledger = tmp_path / "more.csv"
    ledger.write_text(
        "器具编号,器具名称,检定周期(月),检定日期,检定结论\n"
        "NEW-1,电子计价秤,12,2026-01-10,合格\n"
        "NEW-2,电子计价秤,12,2026-02-30,合格\n",
        encoding="utf-8",
    )
    status, out, err = run(capsys, "desk", "import", database, str(ledger))
    assert (status, out) == (2, "")
    assert "line 3: verified_on" in err
    assert "nothing was imported" in err
    status, out, _ = run(capsys, "desk", "import", database, str(ledger), "--keep-going")
    assert status == 1
    rejects = tmp_path / "more.csv.rejects.csv"
    assert f"read 2, loaded 1, rejected 1 (written to {rejects})" in out
    with rejects.open(encoding="utf-8") as f:
        assert [r["line"] for r in csv.DictReader(f)] == ["3"]


def test_report_prints_every_family(database: str, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "desk", "report", database, "--as-of", "2026-11-27")
    assert status == 0
    for heading in ("计量", "许可", "五办承诺", "抽样检验"):
        assert heading in out
    assert "JY-0104" in out  # the fuel dispenser overdue since 2026-08-09


def test_report_json_is_the_report(database: str, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "desk", "report", database, "--as-of", "2026-11-27", "--json")
    assert status == 0
    report = from_json(out, Report)
    assert [s.family.value for s in report.sections] == [
        "metrology",
        "licensing",
        "commitments",
        "sampling",
    ]
    assert json.loads(out)["as_of"] == "2026-11-27"


def test_report_writes_csv_and_html(
    tmp_path: Path, database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "out"
    page = tmp_path / "report.html"
    argv = ["desk", "report", database, "--as-of", "2026-11-27"]
    status, out, _ = run(capsys, *argv, "--csv", str(folder), "--html", str(page))
    assert status == 0
    assert "wrote" in out
    assert {p.name for p in folder.iterdir()} >= {"metrology.csv", "licensing.csv"}
    html = page.read_text(encoding="utf-8")
    assert "<svg" in html
    assert "五办承诺" in html


def test_report_on_a_missing_database_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(
        capsys, "desk", "report", str(tmp_path / "none.sqlite"), "--as-of", "2026-11-27"
    )
    assert (status, out) == (2, "")
    assert "existing desk database" in err


def test_a_bad_file_after_good_ones_says_which_were_imported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(tmp_path / "b.sqlite")
    run(capsys, "desk", "init", path)
    bad = tmp_path / "lots.csv"
    bad.write_text(
        "lot_id,received,product,lot_size,aql,nonconforming_found\nL1,2026-10-01,管件,2000,1.7,0\n",
        encoding="utf-8",
    )
    status, out, err = run(capsys, "desk", "import", path, LEDGERS[1], str(bad))
    assert (status, out) == (2, "")
    assert "line 2: aql" in err
    assert "the files before it were imported: licences.csv" in err


def test_a_window_past_the_calendar_still_reports(
    database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--within`` reaching past the default calendar's three years lists the licences
    (a provisional mark looks only at the days the calendar has) instead of failing whole."""
    status, out, err = run(
        capsys, "desk", "report", database, "--as-of", "2026-11-27", "--within", "3660", "--json"
    )
    assert (status, err) == (0, "")
    licensing = next(s for s in json.loads(out)["sections"] if s["family"] == "licensing")
    assert licensing["items"]


def test_a_json_lines_ledger_is_detected_like_a_json_one(
    tmp_path: Path, database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    ledger = tmp_path / "instruments.jsonl"
    ledger.write_text(
        '{"id": "JL-9", "name": "秤", "interval_months": 12, "verified_on": "2026-01-05",'
        ' "outcome": "pass"}\n',
        encoding="utf-8",
    )
    status, out, err = run(capsys, "desk", "import", database, str(ledger))
    assert (status, err) == (0, "")
    assert out.endswith("instruments: read 1, loaded 1, rejected 0\n")
