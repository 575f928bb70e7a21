"""``qsdomain licences check``: a register's worklist, rejected rows, Chinese headers, JSON."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest

from qsdomain.calendars import china
from qsdomain.cli import main
from qsdomain.licensing import Licence, RenewalApplied, Suspended, status, worklist

ROOT = Path(__file__).resolve().parents[1]
REGISTER = str(ROOT / "examples" / "data" / "licences.csv")
EVENTS = str(ROOT / "examples" / "data" / "licence-events.csv")
AS_OF = "2026-11-22"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status_ = main(list(argv))
    out, err = capsys.readouterr()
    return status_, out, err


def check(capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, str, str]:
    return run(capsys, "licences", "check", REGISTER, "--events", EVENTS, "--as-of", AS_OF, *extra)


def one_line_error(status_: int, out: str, err: str) -> None:
    assert status_ == 2
    assert out == ""
    assert err.count("\n") == 1, err
    assert err.startswith("qsdomain: ")
    assert "Traceback" not in err


def test_the_example_register_gives_the_library_answers(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status_, out, err = check(capsys, "--json")
    assert (status_, err) == (0, "")
    answer = json.loads(out)
    assert (answer["read"], answer["rejected"]) == (20, 0)
    states = {item["state"]: item["licences"] for item in answer["states"]}
    assert sum(states.values()) == 20
    assert states["suspended"] == states["revoked"] == states["withdrawn"] == 1
    rows = {row["id"]: row for row in answer["worklist"]}
    # Checked by calling the library directly on the same licences.
    as_of = date(2026, 11, 22)
    food = Licence(
        kind="food_production",
        number="SC12433010600045",
        holder="某某酒业有限公司",
        issued=date(2021, 12, 1),
        valid_until=date(2026, 11, 30),
    )
    st = status(food, (), as_of, calendar=china())
    row = rows["SC12433010600045"]
    assert (row["state"], row["action"]) == (st.state.value, "overdue_filing")
    assert (row["due"], row["expires"]) == (str(st.renewal_due), str(st.expires))
    assert (row["due"], row["days_left"]) == (str(st.due), st.days_left)
    pending = Licence(
        kind="special_equipment_operator",
        number="330105-G1-2022-0128",
        holder="李某",
        issued=date(2022, 12, 5),
        valid_until=date(2026, 12, 4),
    )
    (item,) = worklist([(pending, [RenewalApplied(on=date(2026, 8, 20))])], as_of)
    row = rows["330105-G1-2022-0128"]
    assert (row["state"], row["action"], row["due"], row["days_left"]) == (
        item.state.value,
        item.action.value,  # type: ignore[union-attr]
        str(item.due),
        item.days_left,
    )
    # A suspended licence far from its deadlines is not on the worklist.
    suspended = Licence(
        kind="special_equipment_operator",
        number="330106-Q2-2024-0033",
        holder="王某",
        issued=date(2024, 10, 10),
        valid_until=date(2028, 10, 9),
    )
    events = [Suspended(on=date(2026, 10, 15), until=date(2027, 1, 14))]
    assert status(suspended, events, as_of).state.value == "suspended"
    assert "330106-Q2-2024-0033" not in rows
    # Sorted by urgency: due dates never go down.
    dues = [row["due"] for row in answer["worklist"]]
    assert dues == sorted(dues)


def test_text_output_is_a_table_and_a_summary(capsys: pytest.CaptureFixture[str]) -> None:
    status_, out, _ = check(capsys, "--within", "10")
    lines = out.splitlines()
    assert status_ == 0
    assert lines[0].split() == ["number", "kind", "state", "action", "due", "days", "holder"]
    assert lines[1].split()[:3] == ["XK13-011-01256", "industrial_product", "renewal_overdue"]
    assert lines[-1].startswith(
        "licences read: 20, rows rejected: 0, need action within 10 days: 3 ("
    )
    assert "renewal_overdue 3" in lines[-1]


def test_csv_output_parses(capsys: pytest.CaptureFixture[str]) -> None:
    status_, out, err = check(capsys, "--csv")
    assert status_ == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 5  # the library's default window, 30 days, as on the desk
    assert rows[0]["number"] == "XK13-011-01256"
    assert rows[0]["reason"].startswith("The last day to file for renewal was 2026-08-27")
    assert err.startswith("licences read: 20,")  # the summary never mixes with the CSV


def test_without_events_every_licence_runs_its_course(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status_, out, _ = run(capsys, "licences", "check", REGISTER, "--as-of", AS_OF, "--json")
    states = {item["state"]: item["licences"] for item in json.loads(out)["states"]}
    assert status_ == 0
    assert "revoked" not in states
    assert "suspended" not in states


def test_chinese_headers_kinds_and_events_with_a_bom(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    register = tmp_path / "台账.csv"
    register.write_text(
        "\ufeff证书编号,许可类别,持证单位,发证日期,有效期至,许可范围\n"
        "SC1,食品生产许可证,甲厂,2021-10-20,,糕点\n"
        "XK1,工业产品生产许可证,乙厂,2021-03-15,,\n",
        encoding="utf-8",
    )
    events = tmp_path / "事项.csv"
    events.write_text(
        "\ufeff证书编号,事项,日期,暂扣至,有效期至,备注\nSC1,申请延续,2026-08-03,,,\n",
        encoding="utf-8",
    )
    argv = ["licences", "check", str(register), "--events", str(events), "--as-of", "2026-10-20"]
    status_, out, err = run(capsys, *argv, "--json")
    answer = json.loads(out)
    assert (status_, err, answer["read"]) == (0, "", 2)
    states = {item["state"]: item["licences"] for item in answer["states"]}
    # SC1 filed in time, undecided at expiry: deemed renewed. XK1 expired 2026-03-14.
    assert states == {"deemed_renewed": 1, "expired": 1}


def test_a_json_register(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    register = tmp_path / "register.json"
    register.write_text(
        json.dumps(
            [
                {
                    "证书编号": "CMA1",
                    "kind": "inspection_body",
                    "holder": "甲",
                    "issued": "2020-7-1",
                },
                {
                    "number": "CMA2",
                    "kind": "inspection_body",
                    "holder": "乙",
                    "issued": "2020-07-01",
                },
            ],
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    status_, out, err = run(
        capsys, "licences", "check", str(register), "--as-of", "2026-02-01", "--csv",
        "--within", "90",
    )  # fmt: skip
    assert status_ == 1
    assert "rejected: line 1: issued must be a date YYYY-MM-DD, got 2020-7-1" in err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["number"], r["action"], r["due"]) for r in rows] == [
        ("CMA2", "file_renewal", "2026-03-30")
    ]


def test_bad_rows_are_reported_and_the_rest_processed(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    register = tmp_path / "r.csv"
    register.write_text(
        "number,kind,holder,issued,valid_until\n"
        "A,food_production,甲,2021-10-20,\n"
        "B,food_production,乙,2021-13-01,\n"
        "C,no_such_kind,丙,2021-10-20,\n"
        "D,food_production,,2021-10-20,\n"
        "E,food_production,戊,2021-10-20,2020-01-01\n"
        "A,food_production,甲,2021-10-20,\n"
        "F,industrial_product,己,2021-09-15,\n",
        encoding="utf-8",
    )
    events = tmp_path / "e.csv"
    events.write_text(
        "number,event,on,until\n"
        "A,revoked,2025-01-02,\n"
        "A,renewal_applied,2026-08-03,\n"
        "F,suspended,2026-01-01,2025-12-01\n"
        "F,struck_off,2026-01-01,\n"
        "Z,changed,2026-01-01,\n",
        encoding="utf-8",
    )
    argv = ["licences", "check", str(register), "--events", str(events), "--as-of", "2026-06-01"]
    status_, out, err = run(capsys, *argv)
    assert status_ == 1
    rejected = err.splitlines()
    assert len(rejected) == 9, err
    assert all(line.startswith("rejected: line ") for line in rejected)
    joined = "\n".join(rejected)
    assert "line 4 of e.csv: suspended.until must be a date on or after on (2026-01-01)" in joined
    assert "line 5 of e.csv: event must be one of renewal_applied" in joined
    assert "line 3: issued must be a date YYYY-MM-DD, got 2021-13-01" in joined
    assert "line 4: kind must be one of " in joined
    assert "食品生产许可证" in joined
    assert "line 5: holder must be present" in joined
    assert "line 6: valid_until must be a date on or after issued (2021-10-20)" in joined
    assert "line 7: number must be a number not used by an earlier row, got A" in joined
    # A filing after revocation: the licence row is rejected, naming the event's line.
    assert (
        "line 2: event on line 3 of e.csv must be an event allowed on a licence that is " in joined
    )
    assert (
        joined.endswith("got RenewalApplied on 2026-08-03")
        or "RenewalApplied on 2026-08-03" in joined
    )
    assert "datetime.date(" not in err
    assert "line 6 of e.csv: number must be the number of a licence read from r.csv" in joined
    # F (no valid events: both rejected) is still checked; its filing deadline has passed.
    assert out.splitlines()[1].split()[:4] == [
        "F",
        "industrial_product",
        "renewal_overdue",
        "overdue_filing",
    ]
    assert out.splitlines()[-1].startswith("licences read: 1, rows rejected: 9,")


def test_an_unknown_header_is_one_line_and_status_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    register = tmp_path / "r.csv"
    register.write_text("number,kind,holder,issued,颜色\nA,food_production,甲,2021-10-20,红\n")
    status_, out, err = run(capsys, "licences", "check", str(register), "--as-of", AS_OF)
    one_line_error(status_, out, err)
    assert "header[4] must be one of" in err
    assert "颜色" in err


def test_a_missing_required_column_is_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    register = tmp_path / "r.csv"
    register.write_text("number,kind,holder\nA,food_production,甲\n")
    status_, out, err = run(capsys, "licences", "check", str(register), "--as-of", AS_OF)
    one_line_error(status_, out, err)
    assert "columns issued" in err


BAD_COMMAND_LINES = [
    ["licences"],
    ["licences", "check"],
    ["licences", "check", REGISTER],
    ["licences", "check", REGISTER, "--as-of", "2026-02-30"],
    ["licences", "check", REGISTER, "--as-of", "today"],
    ["licences", "check", REGISTER, "--as-of", AS_OF, "--within", "-1"],
    ["licences", "check", REGISTER, "--as-of", AS_OF, "--within", "9999"],
    ["licences", "check", REGISTER, "--as-of", AS_OF, "--within", "ninety"],
    ["licences", "check", REGISTER, "--as-of", AS_OF, "--progress", "--no-progress"],
    ["licences", "check", REGISTER, "--as-of", AS_OF, "--provisional", "lunar"],
    ["licences", "check", REGISTER, "--as-of", AS_OF, "--schedule", "/no/such/file.json"],
    ["licences", "check", "/no/such/register.csv", "--as-of", AS_OF],
    ["licences", "check", REGISTER, "--as-of", AS_OF, "--events", "/no/such/events.csv"],
    ["licences", "check", REGISTER, "--as-of", AS_OF, "--events", REGISTER],
    ["licences", "check", REGISTER, "--as-of", AS_OF, "--frobnicate"],
    ["licences", "renew", REGISTER],
]


@pytest.mark.parametrize("argv", BAD_COMMAND_LINES, ids=" ".join)
def test_bad_command_lines_are_one_line_with_status_2(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    one_line_error(*run(capsys, *argv))


@pytest.mark.parametrize("argv", BAD_COMMAND_LINES, ids=" ".join)
def test_with_json_bad_command_lines_are_a_json_object(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    status_, out, err = run(capsys, *argv, "--json")
    assert (status_, out) == (2, "")
    assert set(json.loads(err)) == {"error"}


def test_a_deadline_beyond_the_calendar_rejects_the_row_and_says_what_to_do(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A 30-working-day lead before 2027-01-20 needs the 2027 calendar, not yet published."""
    register = tmp_path / "r.csv"
    register.write_text("number,kind,holder,issued\nA,food_production,甲,2022-01-21\n")
    argv = ["licences", "check", str(register), "--as-of", "2026-12-10"]
    status_, out, err = run(capsys, *argv, "--provisional", "off")
    assert status_ == 1
    assert err.startswith("rejected: line 2: renewal_due must be a day the calendar covers")
    assert "--provisional-until" in err
    assert out.startswith("licences read: 0, rows rejected: 1")
    # the one provisional policy (#19 point 3): by default as on the desk, and marked
    for extra in ([], ["--provisional-until", "2027-12-31"]):
        status_, out, err = run(capsys, *argv, *extra)
        assert (status_, err) == (0, "")
        assert "renewal_overdue" in out
        assert "[provisional]" in out


def test_progress_goes_to_standard_error_only(capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("tqdm")
    quiet = check(capsys, "--no-progress")
    shown = check(capsys, "--progress")
    assert shown[:2] == quiet[:2]
    assert quiet[2] == ""
    assert "licences" in shown[2]
