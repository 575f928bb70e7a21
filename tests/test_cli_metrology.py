"""``qsdomain metrology``: the due list of a ledger and one-off interval analysis."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest

from qsdomain.cli import main
from qsdomain.cli.metrology import DueAnswer
from qsdomain.errors import InvalidInputError
from qsdomain.metrology import (
    Instrument,
    IntervalDecision,
    IntervalTestResult,
    ReliabilityBin,
    Verification,
    due_report,
    exponential_adjustment,
    interval_test,
    s2_interval,
    simple_response_interval,
    staircase_interval,
    statuses,
)
from qsdomain.periods import Term
from qsdomain.serialization import from_json

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "data" / "instruments.csv"
AS_OF = "2026-11-27"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def due(capsys: pytest.CaptureFixture[str], path: Path | str, *more: str) -> tuple[int, str, str]:
    return run(capsys, "metrology", "due", str(path), "--as-of", AS_OF, *more)


# -- due: the example ledger ---------------------------------------------------------------------


def test_the_example_ledger_due_list_and_summary(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = due(capsys, EXAMPLE)
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].split() == [
        "id", "name", "state", "valid_through", "due", "days_left", "reason"
    ]  # fmt: skip
    ids = [line.split()[0] for line in lines[1:-1]]
    assert ids[:2] == ["XY-0303", "JY-0104"]  # never verified and overdue first
    assert ids[-1] == "QT-0501"
    assert "JL-2025-0001" in ids
    assert lines[-1] == (
        "31 rows read, 0 rejected; 30 instruments as of 2026-11-27: 1 never_verified, "
        "16 current, 5 due_soon, 0 grace, 7 overdue, 1 out_of_service"
    )


def test_the_example_answers_are_the_librarys(capsys: pytest.CaptureFixture[str]) -> None:
    """Rows read through the CLI (with shared Terms and records) give the library's answers
    on objects built one by one from the same file."""
    ledger: list[tuple[Instrument, list[Verification]]] = []
    with EXAMPLE.open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            outcome = {"合格": "pass", "不合格": "fail", "调修后合格": "adjusted"}
            scheme = {
                "周期检定": "periodic",
                "失准报废": "first_only_scrap",
                "到期轮换": "fixed_life",
            }
            months = r["检定周期(月)"]
            instrument = Instrument(
                id=r["器具编号"],
                name=r["器具名称"],
                interval=Term(months=int(months)) if months else None,
                scheme=scheme[r["检定方式"]],
            )
            records = (
                [Verification(on=date.fromisoformat(r["检定日期"]), outcome=outcome[r["检定结论"]])]
                if r["检定日期"]
                else []
            )
            if ledger and ledger[-1][0].id == instrument.id:
                ledger[-1][1].extend(records)
            else:
                ledger.append((instrument, records))
    expected = due_report(statuses(ledger, date(2026, 11, 27)))
    status, out, _ = due(capsys, EXAMPLE, "--json")
    answer = from_json(out, DueAnswer)
    assert status == 0
    assert answer.summary == expected.summary
    assert [(d.id, d.state, d.due, d.days_left) for d in answer.due] == [
        (s.id, s.state, s.due, s.days_left) for s in expected.due
    ]


def test_json_round_trips_and_holds_the_summary(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = due(capsys, EXAMPLE, "--json")
    answer = from_json(out, DueAnswer)
    assert (status, answer.rows, answer.rejected, answer.summary.read) == (0, 31, 0, 30)
    assert answer.due[0].name == "电子血压计"
    assert json.loads(out)["due"][1]["state"] == "overdue"


def test_csv_output_parses(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = due(capsys, EXAMPLE, "--csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert status == 0
    assert list(rows[0]) == ["id", "name", "state", "valid_through", "due", "days_left", "reason"]
    first = rows[1]
    assert (first["id"], first["due"], first["days_left"]) == ("JY-0104", "2026-08-09", "-110")
    assert rows[0]["due"] == ""  # never verified: no due date, an empty cell


def test_within_widens_the_listing(capsys: pytest.CaptureFixture[str]) -> None:
    """--within is the listing window (#19): current instruments due within it are listed,
    their state unchanged; --warning-days is the policy's due-soon window."""
    _, out, _ = due(capsys, EXAMPLE, "--json")
    default = from_json(out, DueAnswer)
    assert "CZ-0201" not in [d.id for d in default.due]
    _, out, _ = due(capsys, EXAMPLE, "--within", "60", "--json")
    answer = from_json(out, DueAnswer)
    assert answer.within == 60
    listed = {d.id: d for d in answer.due}
    assert listed["CZ-0201"].state.value == "current"  # due 2027-01-04, 38 days left
    assert answer.summary == default.summary
    _, out, _ = due(capsys, EXAMPLE, "--warning-days", "60", "--json")
    warned = from_json(out, DueAnswer)
    assert {d.id: d for d in warned.due}["CZ-0201"].state.value == "due_soon"
    assert warned.summary.due_soon > default.summary.due_soon


def test_an_instruments_history_is_its_consecutive_rows(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """JY-0104 failed, then passed after adjustment: the status rests on the later record."""
    _, out, _ = due(capsys, EXAMPLE, "--json")
    item = next(d for d in from_json(out, DueAnswer).due if d.id == "JY-0104")
    assert (item.state.value, item.valid_through) == ("overdue", date(2026, 8, 9))


# -- due: file formats --------------------------------------------------------------------------


def test_chinese_headers_with_a_bom(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "台账.csv"
    path.write_text(
        "\ufeff编号,名称,检定周期（月）,检定日期,检定结论\n"
        "A-1,电子计价秤,12,2025-12-01,合格\n"
        "A-2,电子计价秤,12,2026-06-01,pass\n",
        encoding="utf-8",
    )
    status, out, err = due(capsys, path)
    assert (status, err) == (0, "")
    assert out.splitlines()[1].startswith("A-1  ")
    assert "2 rows read, 0 rejected; 2 instruments" in out


def test_a_json_ledger(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "ledger.json"
    rows = [
        {"器具编号": "B-1", "器具名称": "加油机", "检定周期(月)": 6, "检定日期": "2026-05-01",
         "检定结论": "合格"},
        {"id": "B-2", "name": "血压计", "interval_months": 12, "verified_on": None,
         "outcome": None},
    ]  # fmt: skip
    path.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    status, out, err = due(capsys, path, "--json")
    answer = from_json(out, DueAnswer)
    assert (status, err) == (0, "")
    assert [(d.id, d.state.value) for d in answer.due] == [
        ("B-2", "never_verified"),
        ("B-1", "overdue"),
    ]


# -- due: bad rows and bad files ----------------------------------------------------------------

BAD = (
    "id,name,interval_months,verified_on,outcome,as_found\n"
    "C-1,秤,12,2026-02-30,pass,\n"  # line 2: no such day
    "C-2,秤,12,2026-01-10,maybe,\n"  # line 3: unknown outcome
    "C-3,秤,0,2026-01-10,pass,\n"  # line 4: zero interval
    "C-4,秤,12,2026-12-01,pass,\n"  # line 5: after --as-of
    "C-5,秤,12,2026-03-01,pass,\n"
    "C-5,秤,12,2026-02-01,pass,\n"  # line 7: before the previous record
    "C-6,秤,12,2026-01-10,pass,1.3\n"  # line 8: a pass out of tolerance
    "C-7,,12,2026-01-10,pass,\n"  # line 9: no name
    "C-8,秤,12,2025-12-10,pass,\n"
)


def test_bad_rows_are_reported_and_the_rest_processed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(BAD, encoding="utf-8")
    status, out, err = due(capsys, path)
    assert status == 1
    lines = err.splitlines()
    assert [line.split(":")[1].strip() for line in lines] == [
        "line 2",
        "line 3",
        "line 4",
        "line 5",
        "line 7",
        "line 8",
        "line 9",
    ]
    assert lines[0] == "rejected: line 2: verified_on must be a date YYYY-MM-DD, got 2026-02-30"
    assert "line 3: outcome" in lines[1]
    assert "line 4: interval_months" in lines[2]
    assert "line 5: verified_on" in lines[3]
    assert "--as-of" in lines[3]
    assert "line 7: verified_on" in lines[4]
    assert "line 8: as_found" in lines[5]
    assert "line 9: name" in lines[6]
    assert "9 rows read, 7 rejected; 2 instruments" in out  # C-5 (its first row) and C-8
    assert "C-8" in out  # due 2026-12-09, inside the 30-day window


def test_bad_rows_with_json_still_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(BAD, encoding="utf-8")
    status, out, err = due(capsys, path, "--json")
    assert status == 1
    assert from_json(out, DueAnswer).rejected == 7
    assert err.count("rejected: ") == 7


def test_rows_of_one_id_with_other_instrument_columns_are_rejected(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "mixed.csv"
    path.write_text(
        "id,name,interval_months,verified_on,outcome\n"
        "D-1,秤,12,2026-01-10,pass\n"
        "D-1,秤,6,2026-03-10,pass\n"
        "D-1,秤,12,,\n",
        encoding="utf-8",
    )
    status, _, err = due(capsys, path)
    assert status == 1
    assert err.splitlines() == [
        "rejected: line 3: id must be the instrument columns (name, interval, category ...) of"
        " line 2, where this id's rows began, got D-1",
        "rejected: line 4: verified_on must be a date (an instrument with records has no row "
        "without one), got ",
    ]


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("id,name,interval_months,verified_on,outcome,colour\n", "header[5]"),
        ("id,name,verified_on,outcome\nA,秤,2026-01-01,pass\n", "interval_months"),
        ("", "empty"),
    ],
)
def test_a_bad_header_fails_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, needle: str
) -> None:
    path = tmp_path / "header.csv"
    path.write_text(text, encoding="utf-8")
    status, out, err = due(capsys, path)
    assert (status, out) == (2, "")
    assert len(err.splitlines()) == 1
    assert needle in err
    assert "Traceback" not in err


# -- interval -----------------------------------------------------------------------------------


def interval(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    status, out, err = run(capsys, "metrology", "interval", *argv, "--json")
    assert (status, err) == (0, "")
    return status, out


def test_interval_a3_is_the_librarys(capsys: pytest.CaptureFixture[str]) -> None:
    _, out = interval(
        capsys, "--method", "a3", "--current-days", "365", "--in-tolerance", "42",
        "--total", "50", "--target", "0.9", "--confidence", "0.3",
    )  # fmt: skip
    assert from_json(out, IntervalTestResult) == interval_test(365, 42, 50, 0.9, confidence=0.3)


def test_interval_a3_text(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(
        capsys, "metrology", "interval", "--method", "a3", "--current-days", "180",
        "--in-tolerance", "50", "--total", "50", "--target", "0.9",
    )  # fmt: skip
    assert status == 0
    assert out.splitlines()[:2] == [
        "interval test: observed 1.0000, confidence 0.9948 (threshold 0.5): rejected, lengthen",
        "new interval: 360 days (was 180 days)",
    ]


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (
            ["--method", "exponential", "--current-days", "365", "--in-tolerance", "20",
             "--total", "20", "--target", "0.9", "--cap-days", "365"],
            exponential_adjustment(365, 20, 20, 0.9, cap_days=365),
        ),
        (
            ["--method", "staircase", "--current-days", "365", "--as-found", "1.2",
             "--extend-factor", "1.25", "--reduce-factor", "0.5"],
            staircase_interval(365, 1.2, extend_factor=1.25, reduce_factor=0.5),
        ),
        (
            ["--method", "a1", "--current-days", "180", "--result", "out", "--target", "0.9",
             "--extension", "0.1", "--min-days", "30"],
            simple_response_interval(180, False, 0.9, extension=0.1, min_days=30),
        ),
        (
            ["--method", "s2", "--bin", "90:30:29", "--bin", "180:40:36", "--target", "0.9",
             "--model", "exponential"],
            s2_interval(
                [ReliabilityBin(90, 30, 29), ReliabilityBin(180, 40, 36)], 0.9,
                model="exponential",
            ),
        ),
    ],
)  # fmt: skip
def test_interval_methods_are_the_librarys(
    capsys: pytest.CaptureFixture[str], argv: list[str], expected: IntervalDecision
) -> None:
    _, out = interval(capsys, *argv)
    assert from_json(out, IntervalDecision) == expected


def test_interval_s2_reads_bins_from_a_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bins.csv"
    path.write_text("time,calibrated,in_tolerance\n90,30,29\n180,40,36\n", encoding="utf-8")
    _, out = interval(capsys, "--method", "s2", "--bins", str(path), "--target", "0.9")
    bins = [ReliabilityBin(90, 30, 29), ReliabilityBin(180, 40, 36)]
    assert from_json(out, IntervalDecision) == s2_interval(bins, 0.9)


# -- bad command lines --------------------------------------------------------------------------

BAD_CALLS = [
    ["metrology", "due", str(EXAMPLE)],  # no --as-of
    ["metrology", "due", str(EXAMPLE), "--as-of", "2026-13-01"],
    ["metrology", "due", str(EXAMPLE), "--as-of", AS_OF, "--within", "-1"],
    ["metrology", "due", str(EXAMPLE), "--as-of", AS_OF, "--grace", "x"],
    ["metrology", "due", "/no/such/ledger.csv", "--as-of", AS_OF],
    ["metrology", "due", str(EXAMPLE), "--as-of", AS_OF, "--progress", "--no-progress"],
    ["metrology", "interval"],
    ["metrology", "interval", "--method", "a4"],
    ["metrology", "interval", "--method", "a3", "--current-days", "365"],
    ["metrology", "interval", "--method", "a3", "--current-days", "-5", "--in-tolerance", "1",
     "--total", "2", "--target", "0.9"],
    ["metrology", "interval", "--method", "a3", "--current-days", "365", "--in-tolerance", "3",
     "--total", "2", "--target", "0.9"],
    ["metrology", "interval", "--method", "exponential", "--current-days", "365",
     "--in-tolerance", "1", "--total", "2", "--target", "1.5"],
    ["metrology", "interval", "--method", "exponential", "--current-days", "nan",
     "--in-tolerance", "1", "--total", "2", "--target", "0.9"],
    ["metrology", "interval", "--method", "staircase", "--current-days", "365"],
    ["metrology", "interval", "--method", "a1", "--current-days", "365", "--result", "maybe"],
    ["metrology", "interval", "--method", "s2", "--target", "0.9"],
    ["metrology", "interval", "--method", "s2", "--bin", "90:3:5", "--target", "0.9"],
    ["metrology", "interval", "--method", "s2", "--bin", "90:3", "--target", "0.9"],
    ["metrology", "interval", "--method", "s2", "--bins", "/no/such/bins.csv", "--target", "0.9"],
    ["metrology", "interval", "--method", "s2", "--bin", "90:3:2", "--model", "gamma"],
]  # fmt: skip


@pytest.mark.parametrize("argv", BAD_CALLS)
@pytest.mark.parametrize("as_json", [False, True])
def test_bad_command_lines_fail_in_one_line(
    capsys: pytest.CaptureFixture[str], argv: list[str], as_json: bool
) -> None:
    status, out, err = run(capsys, *argv, *(["--json"] if as_json else []))
    assert (status, out) == (2, "")
    assert len(err.splitlines()) == 1, err
    assert "Traceback" not in err
    if as_json:
        assert "error" in json.loads(err)


# -- the shared, checked-once objects change no answer ------------------------------------------


def test_instruments_made_from_a_template_equal_checked_ones() -> None:
    from qsdomain.ledgers import Row  # noqa: PLC0415
    from qsdomain.ledgers.metrology import builder  # noqa: PLC0415 - the shared row builder

    build = builder(date(2026, 11, 27))
    cells = {"name": "秤", "interval_months": "12", "verified_on": "2026-01-05", "outcome": "合格"}
    first = build(Row(2, {"id": "A", **cells}))
    second = build(Row(3, {"id": " B ", **cells}))  # from the template of the first
    expected = Instrument(id="B", name="秤", interval=Term(months=12))
    assert second.instrument == expected
    assert hash(second.instrument) == hash(expected)
    assert second.instrument.interval is first.instrument.interval
    assert second.record == Verification(on=date(2026, 1, 5), outcome="pass")
    with pytest.raises(InvalidInputError, match="line 4: id"):
        build(Row(4, {"id": " ", **cells}))  # a blank id is still refused with a template
    with pytest.raises(InvalidInputError, match="line 5: verified_on"):
        build(Row(5, {"id": "C", **cells, "verified_on": "2026-12-01"}))  # after as_of


def test_csv_rows_after_the_first_equal_checked_rows() -> None:
    from qsdomain.ledgers import Row, read_csv  # noqa: PLC0415

    rows = list(read_csv(io.StringIO("id,n\nA,1\nB,\nC\n")))
    assert rows == [
        Row(2, {"id": "A", "n": "1"}),
        Row(3, {"id": "B", "n": ""}),
        Row(4, {"id": "C"}),
    ]
    with pytest.raises(InvalidInputError, match=r"row\.fields"):
        list(read_csv(io.StringIO("id,\nA,1\nB,2\n")))  # an empty header: the first row says so


def test_a_ledger_with_nothing_due_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "fine.csv"
    path.write_text("id,name,interval_months,verified_on,outcome\nE-1,秤,12,2026-10-01,pass\n")
    status, out, _ = due(capsys, path)
    assert status == 0
    assert out.splitlines()[0] == "nothing is due"
    status, out, _ = due(capsys, path, "--csv")
    assert out == "id,name,state,valid_through,due,days_left,reason\n"


def test_progress_bar_leaves_the_answer_alone(capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("tqdm")
    _, plain, _ = due(capsys, EXAMPLE, "--no-progress")
    status, out, _ = due(capsys, EXAMPLE, "--progress")
    assert (status, out) == (0, plain)
