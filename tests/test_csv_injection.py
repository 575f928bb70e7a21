"""CSV files qsdomain writes never carry a live spreadsheet formula taken from a ledger.

A text cell from data that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is
run as a formula by Excel, LibreOffice Calc and WPS (OWASP "CSV Injection"); such cells get a
leading ``'``. Numbers (a negative ``days_left``), dates and the library's state names stay as
they are. Regression tests: before the fix every cell was written as it was.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qsdomain._spreadsheet import FORMULA_STARTS, text_cell, undo
from qsdomain.cli import main
from qsdomain.desk import ActionItem, Desk, LineState, Report, Section, StateTotal, report_csv

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "examples" / "data"
EVIL = '=HYPERLINK("http://example.com/x","click")'


def rows_of(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    status = main(list(argv))
    return status, capsys.readouterr().out


# -- the rule ------------------------------------------------------------------------------------


@given(st.text())
def test_a_guarded_cell_never_starts_a_formula_and_undoes_exactly(value: str) -> None:
    cell = text_cell(value)
    assert cell[:1] not in FORMULA_STARTS - {"'"}
    assert undo(cell) == value
    assert cell == value or cell == "'" + value


@pytest.mark.parametrize("first", ["=", "+", "-", "@", "\t", "\r"])
def test_each_formula_start_is_quoted(first: str) -> None:
    assert text_cell(first + "1+1") == "'" + first + "1+1"


# -- the desk's report CSV -----------------------------------------------------------------------


def test_report_csv_quotes_text_cells_and_keeps_numbers_dates_and_states() -> None:
    item = ActionItem(family="sampling", key="-L1", name=EVIL, state="not_accepted",
                      due=date(2026, 11, 24), days_left=-3, reason="@SUM(1)")  # fmt: skip
    line = LineState(product="+管件", severity="tightened", lots=2, not_accepted=1,
                     last_lot="=L2")  # fmt: skip
    section = Section(family="sampling", read=1, items=(item,), workload=(), lines=(line,),
                      totals=(StateTotal(state="not_accepted", count=1),))  # fmt: skip
    files = report_csv(Report(as_of=date(2026, 11, 27), within=30, sections=(section,)))
    (row,) = rows_of(files["sampling.csv"])
    assert row == {
        "key": "'-L1",
        "name": "'" + EVIL,
        "state": "not_accepted",
        "due": "2026-11-24",
        "days_left": "-3",
        "reason": "'@SUM(1)",
        "provisional": "false",
    }
    assert rows_of(files["sampling-lines.csv"]) == [
        {
            "product": "'+管件",
            "severity": "tightened",
            "lots": "2",
            "not_accepted": "1",
            "last_lot": "'=L2",
        }
    ]
    assert rows_of(files["totals.csv"]) == [
        {"family": "sampling", "state": "not_accepted", "count": "1"}
    ]


def test_a_desk_built_from_hostile_ledgers_writes_no_formula(tmp_path: Path) -> None:
    """End to end: an instrument named like a formula, imported, reported, written as CSV."""
    ledger = tmp_path / "instruments.csv"
    ledger.write_text(
        "id,name,interval_months,verified_on,outcome\n"
        f'-JL-1,"{EVIL.replace(chr(34), chr(34) * 2)}",12,2025-11-24,pass\n'
        "JL-2,+cmd,12,2026-13-01,pass\n",
        encoding="utf-8",
    )
    rejects = tmp_path / "rejects.csv"
    with Desk.create(tmp_path / "bureau.sqlite") as desk:
        desk.import_file(ledger, keep_going=True, rejects=rejects)
        files = report_csv(desk.report(as_of=date(2026, 11, 27)))
    (row,) = rows_of(files["metrology.csv"])
    assert (row["key"], row["name"], row["state"], row["days_left"]) == (
        "'-JL-1",
        "'" + EVIL,
        "overdue",
        "-4",
    )
    (rejected,) = rows_of(rejects.read_text("utf-8"))
    assert (rejected["line"], rejected["field"], rejected["value"]) == (
        "3",
        "line 3: verified_on",
        "2026-13-01",
    )
    bad_name = tmp_path / "names.csv"
    bad_name.write_text(
        "id,name,interval_months,verified_on,outcome\nJL-3,=1+1,x,2026-01-01,pass\n",
        encoding="utf-8",
    )
    with Desk(tmp_path / "bureau.sqlite") as desk:
        desk.import_file(
            bad_name, keep_going=True, rejects=rejects, overwrite=True, table="instruments"
        )
    (rejected,) = rows_of(rejects.read_text("utf-8"))
    assert rejected["value"] == "x"
    evil_value = tmp_path / "values.csv"
    evil_value.write_text(
        "id,name,interval_months,verified_on,outcome\nJL-4,秤,=1+1,2026-01-01,pass\n",
        encoding="utf-8",
    )
    with Desk(tmp_path / "bureau.sqlite") as desk:
        desk.import_file(
            evil_value, keep_going=True, rejects=rejects, overwrite=True, table="instruments"
        )
    (rejected,) = rows_of(rejects.read_text("utf-8"))
    assert rejected["value"] == "'=1+1"


# -- the command line's --csv --------------------------------------------------------------------


def test_metrology_due_csv(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ledger = tmp_path / "instruments.csv"
    ledger.write_text(
        "id,name,interval_months,verified_on,outcome\n"
        f'@JL-1,"{EVIL.replace(chr(34), chr(34) * 2)}",12,2025-11-24,pass\n',
        encoding="utf-8",
    )
    status, out = run(capsys, "metrology", "due", str(ledger), "--as-of", "2026-11-27", "--csv")
    assert status == 0
    (row,) = rows_of(out)
    assert (row["id"], row["name"], row["state"], row["due"], row["days_left"]) == (
        "'@JL-1",
        "'" + EVIL,
        "overdue",
        "2026-11-23",
        "-4",
    )
    status, table = run(capsys, "metrology", "due", str(ledger), "--as-of", "2026-11-27")
    assert EVIL in table  # the terminal table shows the name as it is
    assert "'=" not in table


def test_licences_check_csv(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    register = tmp_path / "licences.csv"
    register.write_text(
        "number,kind,holder,issued,valid_until,scope\n"
        f'-XK1,industrial_product,"{EVIL.replace(chr(34), chr(34) * 2)}",2021-12-20,,=1\n',
        encoding="utf-8",
    )
    status, out = run(capsys, "licences", "check", str(register), "--as-of", "2026-11-22", "--csv")
    assert status == 0
    (row,) = rows_of(out)
    assert (row["number"], row["holder"], row["kind"]) == (
        "'-XK1",
        "'" + EVIL,
        "industrial_product",
    )
    assert (row["state"], row["expires"], row["due"], row["days_left"]) == (
        "renewal_overdue",
        "2026-12-19",
        "2026-06-19",  # the filing day six months before expiry, missed
        "-156",  # a number: written as it is, never as a formula-quoted text
    )


def test_commitments_status_csv(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cases = tmp_path / "cases.csv"
    text = (DATA / "cases.csv").read_text("utf-8").replace("2026-0901-003", "=2026-0901-003")
    cases.write_text(text, encoding="utf-8")
    status, out = run(
        capsys, "commitments", "status", str(cases), "--items", str(DATA / "service_items.json"),
        "--as-of", "2026-10-20", "--csv",
    )  # fmt: skip
    assert status == 0
    first = rows_of(out)[0]
    assert (first["case"], first["due"], first["days_left"], first["left"]) == (
        "'=2026-0901-003",
        "2026-09-10",
        "-40",
        "-24",
    )
