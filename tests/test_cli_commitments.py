"""``qsdomain commitments``: status over case-event ledgers and one-off deadlines."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from qsdomain.calendars import china
from qsdomain.cli import main
from qsdomain.cli.commitments import HEADERS
from qsdomain.commitments import (
    Accepted,
    Case,
    Decided,
    DeficiencyNotified,
    ExclusionEnded,
    ExclusionStarted,
    MaterialsCompleted,
    Received,
    clock,
    due_date,
    example_catalogue,
)
from qsdomain.serialization import from_json

ROOT = Path(__file__).resolve().parents[1]
CASES = str(ROOT / "examples" / "data" / "cases.csv")
ITEMS = str(ROOT / "examples" / "data" / "service_items.json")
SH = ZoneInfo("Asia/Shanghai")
CATALOGUE = {item.code: item for item in example_catalogue()}
ENGLISH = ",".join(HEADERS.values())


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def status_json(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict, str]:  # type: ignore[type-arg]
    status, out, err = run(capsys, "commitments", "status", *argv, "--json", "--no-progress")
    return status, json.loads(out), err


def by_case(answer: dict) -> dict[str, dict]:  # type: ignore[type-arg]
    return {c["id"]: c for c in answer["worklist"]}


def ledger(tmp_path: Path, text: str, name: str = "cases.csv", bom: bool = False) -> str:
    path = tmp_path / name
    path.write_text(("\ufeff" if bom else "") + text, encoding="utf-8")
    return str(path)


# -- the bundled example -------------------------------------------------------------------------


def test_example_status_worklist_order_and_tally(capsys: pytest.CaptureFixture[str]) -> None:
    status, answer, err = status_json(capsys, CASES, "--items", ITEMS, "--as-of", "2026-10-20")
    assert (status, err) == (0, "")
    assert answer["cases"] == 12
    assert answer["rejected"] == 0
    states = [(c["id"], c["committed"]["state"]) for c in answer["worklist"]]
    assert states == [
        ("2026-0901-003", "breached"),
        ("2026-0910-010", "breached"),
        ("2026-1013-008", "breached"),
        ("2026-1016-012", "warning"),
        ("2026-0928-002", "on_track"),
    ]
    assert answer["within"] == 30
    assert all(c["reason"] for c in answer["worklist"])
    _, wider, _ = status_json(
        capsys, CASES, "--items", ITEMS, "--as-of", "2026-10-20", "--within", "365"
    )
    assert [c["id"] for c in wider["worklist"]][-1] == "2026-0901-011"  # due beyond 30 days
    modes = {c["key"]: c for c in answer["tally"]["by_mode"]}
    assert set(modes) == {"immediate", "guided", "overtime", "tracked", "coordinated"}
    assert (modes["immediate"]["met"], modes["immediate"]["missed"]) == (1, 1)
    assert modes["tracked"]["withdrawn"] == 1


def test_example_cases_agree_with_clock_called_directly(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, answer, _ = status_json(capsys, CASES, "--items", ITEMS, "--as-of", "2026-10-20")
    found = by_case(answer)
    cal = china()
    # An expert review... here testing, spanning National Day 2026 (JL-XSPZ: 20 / 15 days).
    item = CATALOGUE["JL-XSPZ"]
    case = Case(
        id="2026-0928-002",
        item=item,
        handler="王芳",
        events=[
            Received(at=datetime(2026, 9, 28, 10, tzinfo=SH)),
            Accepted(at=datetime(2026, 9, 28, 15, tzinfo=SH)),
            ExclusionStarted(
                at=datetime(2026, 9, 30, 9, tzinfo=SH), kind="testing", notified=date(2026, 9, 30)
            ),
            ExclusionEnded(at=datetime(2026, 10, 12, 17, tzinfo=SH)),
        ],
    )
    direct = clock(case, date(2026, 10, 20), calendar=cal)
    shown = found["2026-0928-002"]
    assert shown["committed"]["due"] == direct.committed.due.isoformat()  # type: ignore[union-attr]
    assert shown["statutory"]["due"] == direct.statutory.due.isoformat()  # type: ignore[union-attr]
    # by hand: 9-29 is counted day 1, 9-30 to 10-12 are not counted, 14 more after 10-12
    assert direct.committed.due == cal.add_working_days(date(2026, 10, 12), 14)
    # Deemed acceptance: the notice came on the 6th working day after receipt (art. 32(4)).
    sp = CATALOGUE["SP-SC"]
    late = Case(
        id="2026-0901-003",
        item=sp,
        events=[
            Received(at=datetime(2026, 9, 1, 9, 30, tzinfo=SH)),
            DeficiencyNotified(at=datetime(2026, 9, 9, 10, tzinfo=SH), missing=["营业执照副本"]),
            MaterialsCompleted(at=datetime(2026, 9, 14, 9, tzinfo=SH)),
            Accepted(at=datetime(2026, 9, 14, 9, 30, tzinfo=SH)),
        ],
    )
    assert cal.add_working_days(date(2026, 9, 1), 6) == date(2026, 9, 9)
    direct = clock(late, date(2026, 10, 20), calendar=cal)
    assert direct.deemed_accepted
    assert found["2026-0901-003"]["accepted_on"] == "2026-09-01"
    assert found["2026-0901-003"]["deemed_accepted"] is True
    assert found["2026-0901-003"]["committed"]["due"] == "2026-09-10"
    assert cal.add_working_days(date(2026, 9, 1), 7) == date(2026, 9, 10)


def test_example_text_and_csv(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(
        capsys, "commitments", "status", CASES, "--items", ITEMS, "--as-of", "2026-10-20"
    )
    assert status == 0
    assert out.startswith("as of 2026-10-20: 5 to act on within 30 days of 12 cases read\n")
    status, out, _ = run(
        capsys, "commitments", "status", CASES, "--items", ITEMS, "--as-of", "2026-10-20", "--csv"
    )
    rows = list(csv.DictReader(io.StringIO(out)))
    assert status == 0
    assert [r["case"] for r in rows][:2] == ["2026-0901-003", "2026-0910-010"]
    assert rows[0]["due"] == "2026-09-10"
    assert rows[0]["days_left"] == "-40"  # calendar days
    assert rows[0]["left"] == "-24"  # working days of the limit
    assert rows[0]["reason"].startswith("breached: committed limit (承诺时限)")


def test_json_answer_round_trips(capsys: pytest.CaptureFixture[str]) -> None:
    from qsdomain.cli.commitments import StatusAnswer  # noqa: PLC0415

    status, out, _ = run(
        capsys, "commitments", "status", CASES, "--items", ITEMS, "--as-of", "2026-10-20", "--json"
    )
    assert status == 0
    answer = from_json(out, StatusAnswer)
    assert answer.worklist[0].id == "2026-0901-003"


def test_default_catalogue_rejects_unknown_items_and_keeps_the_rest(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, answer, err = status_json(capsys, CASES, "--as-of", "2026-10-20")
    assert status == 1
    assert answer["cases"] == 11  # the coordinated case's item is not in the example catalogue
    assert "line 37: item must be an item code" in err
    assert "case 2026-0901-011 must be a case whose rows were all read" in err


# -- layouts -------------------------------------------------------------------------------------


def test_chinese_headers_with_bom_equal_english_headers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = (
        "A1,SP-SC,received,2026-09-21T09:00:00+08:00,,,,,,,,\n"
        "A1,SP-SC,accepted,2026-09-21T10:00:00+08:00,,,,,,,,\n"
        "A1,SP-SC,extension_granted,2026-09-29T10:00:00+08:00,,,,,,5,局长,核查\n"
    )
    chinese = ledger(tmp_path, ",".join(HEADERS) + "\n" + body, "zh.csv", bom=True)
    english = ledger(tmp_path, ENGLISH + "\n" + body, "en.csv")
    _, zh, _ = status_json(capsys, chinese, "--as-of", "2026-10-09")
    _, en, _ = status_json(capsys, english, "--as-of", "2026-10-09")
    assert zh == en
    expected = due_date(date(2026, 9, 21), 7, extension=5)
    assert zh["worklist"][0]["committed"]["due"] == expected.isoformat()


def test_naive_times_are_read_in_the_items_zone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # JL-JDZS is decided on the spot: 17:20 is before close (17:30) in Shanghai; read as UTC it
    # would fall on the next day. The rule: a time without offset is local time in the item's zone.
    rows = "B,JL-JDZS,received,{0}09:00{1},,,,,,,,\nB,JL-JDZS,decided,{0}17:20{1},,,,,,,,\n"
    naive = ledger(tmp_path, ENGLISH + "\n" + rows.format("2026-10-19 ", ""), "naive.csv")
    aware = ledger(tmp_path, ENGLISH + "\n" + rows.format("2026-10-19T", "+08:00"), "aware.csv")
    _, a, _ = status_json(capsys, naive, "--as-of", "2026-10-20")
    _, b, _ = status_json(capsys, aware, "--as-of", "2026-10-20")
    assert a == b
    assert a["tally"]["by_mode"][0]["met"] == 1


def test_a_date_without_a_time_is_rejected(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = ledger(tmp_path, ENGLISH + "\nB,JL-JDZS,received,2026-10-19,,,,,,,,\n")
    status, _, err = status_json(capsys, path, "--as-of", "2026-10-20")
    assert status == 1
    assert "line 2: at must be a time YYYY-MM-DD HH:MM[:SS]" in err


def test_json_document_of_items_and_cases(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    event = '{"event": "%s", "at": "%s"}'
    document = {
        "items": [
            {
                "code": "A",
                "name": "a",
                "mode": "guided",
                "statutory_limit": 20,
                "committed_limit": 10,
            }
        ],
        "cases": [
            {
                "id": "1",
                "item": "A",
                "events": [
                    json.loads(event % ("received", "2026-09-28T10:00:00+08:00")),
                    json.loads(event % ("accepted", "2026-09-28T15:00:00+08:00")),
                ],
            },
            {
                "id": "2",
                "item": "A",
                "events": [json.loads(event % ("accepted", "2026-09-28T15:00:00+08:00"))],
            },
            {
                "id": "3",
                "item": "A",
                "events": [json.loads(event % ("received", "2026-09-28T10:00:00"))],
            },
            {"id": "4", "item": "B", "events": []},
        ],
    }
    path = tmp_path / "cases.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    status, answer, err = status_json(capsys, str(path), "--as-of", "2026-10-09")
    assert status == 1
    assert answer["cases"] == 1
    assert answer["worklist"][0]["committed"]["due"] == "2026-10-16"
    lines = err.splitlines()
    assert lines[0].startswith("rejected: line 2: cases[1].events[0] must be an event allowed")
    assert lines[1].startswith("rejected: line 3: cases[2].events[0].at must be a timezone-aware")
    assert lines[2].startswith("rejected: line 4: cases[3].item must be a known item code")


def test_json_lines_ledger(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = [
        {"办件编号": "C", "事项编码": "SP-SC", "环节": "收件", "时间": "2026-09-21 09:00"},
        {"办件编号": "C", "事项编码": "SP-SC", "环节": "受理", "时间": "2026-09-21 10:00"},
    ]
    path = ledger(tmp_path, "\n".join(json.dumps(r, ensure_ascii=False) for r in rows), "c.jsonl")
    status, answer, _ = status_json(capsys, path, "--as-of", "2026-09-22")
    assert status == 0
    assert answer["worklist"][0]["accepted_on"] == "2026-09-21"


# -- rejects -------------------------------------------------------------------------------------


BAD = """\
case,item,event,at,days,by,reason,kind
G1,SP-SC,received,2026-09-21T09:00:00+08:00,,,,
G1,SP-SC,accepted,2026-09-21T10:00:00+08:00,,,,
B1,SP-SC,received,2026-09-21T09:00:00+08:00,,,,
B1,SP-SC,arrived,2026-09-21T10:00:00+08:00,,,,
T1,SP-SC,received,2026-09-21T09:00:00+08:00,,,,
T1,SP-SC,accepted,2026-09-21T10:00:00+08:00,,,,
T1,SP-SC,extension_granted,2026-09-22T10:00:00+08:00,5,局长,核查,
T1,SP-SC,extension_granted,2026-09-23T10:00:00+08:00,5,局长,再次,
X1,SP-SC,received,2026-09-21T09:00:00+08:00,,,,
X1,SP-SC,accepted,2026-09-21T10:00:00+08:00,,,,
X1,SP-SC,exclusion_started,2026-09-22T10:00:00+08:00,,,,hearing
E1,SP-SC,received,2026-09-21T09:00:00+08:00,,,,
E1,SP-SC,accepted,2026-09-21T10:00:00+08:00,,,,
E1,SP-SC,extension_granted,2026-09-22T10:00:00+08:00,x,局长,核查,
G1,SP-SC,decided,2026-09-24T10:00:00+08:00,,,,
G2,SP-SC,received,2026-09-21T09:00:00+08:00,,,,
G2,SP-SC,accepted,2026-09-20T10:00:00+08:00,,,,
G3,SP-SC,received,2026-09-22T09:00:00+08:00,,,,
"""


def test_bad_rows_and_invalid_timelines_are_reported_and_the_rest_processed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, answer, err = status_json(capsys, ledger(tmp_path, BAD), "--as-of", "2026-09-25")
    assert status == 1
    assert sorted(c["id"] for c in answer["worklist"]) == ["G1"]  # G3: not accepted, no due
    lines = err.splitlines()
    expected = [
        "rejected: line 5: event must be one of received, 收件",  # unknown event kind
        "rejected: line 4: case B1 must be a case whose rows were all read (rejected: line 5)",
        "rejected: line 9: case T1: events[3] must be an event allowed after phase 'accepted'",
        "rejected: line 12: case X1: events[2].kind must be one of the item's",  # not excludable
        "rejected: line 15: days must be a whole number >= 1",
        "rejected: line 13: case E1 must be a case whose rows were all read",
        "rejected: line 16: case must be a case whose rows are contiguous",
        "rejected: line 18: case G2: events[1].at must be a time on or after the previous event",
    ]
    assert len(lines) == len(expected)
    for line, start in zip(lines, expected, strict=True):
        assert line.startswith(start), (line, start)


def test_unknown_header_fails_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = ledger(tmp_path, "办件编号,事项编码,环节,时间,备注\nA,SP-SC,收件,2026-09-21 09:00,x\n")
    status, out, err = run(capsys, "commitments", "status", path, "--as-of", "2026-09-22")
    assert status == 2
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith("qsdomain: error: header[4] must be one of ")


def test_a_missing_required_column_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = ledger(tmp_path, "办件编号,事项编码,环节\nA,SP-SC,收件\n")
    status, _, err = run(capsys, "commitments", "status", path, "--as-of", "2026-09-22")
    assert status == 2
    assert "columns at" in err


# -- deadline ------------------------------------------------------------------------------------


def test_deadline_across_national_day(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(
        capsys, "commitments", "deadline", "--accepted", "2026-09-21", "--limit", "20"
    )
    assert status == 0
    assert out == "2026-10-26 (Monday): counted working day 20 after 2026-09-21\n"
    assert china().add_working_days(date(2026, 9, 21), 20) == date(2026, 10, 26)


def test_deadline_with_exclusions_and_extension(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["--accepted", "2026-09-21", "--limit", "20", "--extension", "10"]
    argv += ["--exclude", "2026-09-29:2026-10-09", "--exclude", "2026-10-20:2026-10-20"]
    status, out, _ = run(capsys, "commitments", "deadline", *argv, "--json")
    answer = json.loads(out)
    expected = due_date(
        date(2026, 9, 21),
        20,
        extension=10,
        exclusions=[
            (date(2026, 9, 29), date(2026, 10, 9)),
            (date(2026, 10, 20), date(2026, 10, 20)),
        ],
    )
    assert status == 0
    assert answer["due"] == expected.isoformat()
    assert answer["exclusions"][1] == {"start": "2026-10-20", "end": "2026-10-20"}
    assert answer["provisional"] is False


def test_deadline_past_the_calendar_is_provisional_and_marked(
    capsys: pytest.CaptureFixture[str],
) -> None:
    argv = ["commitments", "deadline", "--accepted", "2026-12-01", "--limit", "30"]
    status, _, err = run(capsys, *argv, "--provisional", "off")
    assert status == 2
    assert err.startswith("qsdomain: not covered:")
    for extra in ([], ["--provisional-until", "2027-06-30"]):
        status, out, _ = run(capsys, *argv, *extra)
        assert status == 0
        assert out.rstrip().endswith("[provisional]")


@pytest.mark.parametrize(
    "argv",
    [
        ["deadline", "--limit", "20"],
        ["deadline", "--accepted", "2026-02-30", "--limit", "20"],
        ["deadline", "--accepted", "2026-09-21", "--limit", "-1"],
        ["deadline", "--accepted", "2026-09-21", "--limit", "twenty"],
        ["deadline", "--accepted", "2026-09-21", "--limit", "20", "--extension", "x"],
        ["deadline", "--accepted", "2026-09-21", "--limit", "20", "--exclude", "2026-10-09"],
        [
            "deadline",
            "--accepted",
            "2026-09-21",
            "--limit",
            "20",
            "--exclude",
            "2026-10-09:2026-10-01",
        ],
        ["deadline", "--accepted", "2026-09-21", "--limit", "20", "--exclude", "a:b"],
        ["deadline", "--accepted", "2026-09-21", "--limit", "99999999"],
        ["status", "--as-of", "2026-10-20"],
        ["status", CASES],
        ["status", CASES, "--as-of", "20261020"],
        ["status", "/nonexistent/cases.csv", "--as-of", "2026-10-20"],
        ["status", CASES, "--as-of", "2026-10-20", "--items", "/nonexistent/items.json"],
        ["status", CASES, "--as-of", "2026-10-20", "--items", CASES],
        ["status", CASES, "--as-of", "2026-10-20", "--bogus"],
        ["frobnicate"],
    ],
)
def test_bad_command_lines_exit_2_with_one_line(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(capsys, "commitments", *argv)
    assert status == 2, err
    assert out == ""
    assert err.count("\n") == 1, err
    assert "Traceback" not in err
    status, out, err = run(capsys, "commitments", *argv, "--json")
    assert status == 2
    assert json.loads(err)["error"]["message"]


def test_bad_items_file_fails_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    items = tmp_path / "items.json"
    items.write_text('{"items": [{"code": "A", "name": "a", "mode": "fast"}]}', encoding="utf-8")
    status, _, err = run(
        capsys, "commitments", "status", CASES, "--as-of", "2026-10-20", "--items", str(items)
    )
    assert status == 2
    assert err.count("\n") == 1
    assert "mode" in err


def test_decided_late_is_counted_missed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = (
        "L,SP-SC,received,2026-09-21 09:00,,,,,,,,\n"
        "L,SP-SC,accepted,2026-09-21 10:00,,,,,,,,\n"
        "L,SP-SC,decided,2026-10-30 10:00,,,,,,,,\n"
    )
    _, answer, _ = status_json(
        capsys, ledger(tmp_path, ENGLISH + "\n" + rows), "--as-of", "2026-11-02"
    )
    assert answer["worklist"] == []
    assert answer["tally"]["by_item"][0]["missed"] == 1
    item = CATALOGUE["SP-SC"]
    direct = clock(
        Case(
            id="L",
            item=item,
            events=[
                Received(at=datetime(2026, 9, 21, 9, tzinfo=SH)),
                Accepted(at=datetime(2026, 9, 21, 10, tzinfo=SH)),
                Decided(at=datetime(2026, 10, 30, 10, tzinfo=SH)),
            ],
        ),
        date(2026, 11, 2),
    )
    assert direct.state.value == "missed"
