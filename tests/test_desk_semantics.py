"""The desk gives the families' answers on the ledger edges (issue #18 items 3 to 7).

Each test writes a small hostile ledger, reads it with the family command (``metrology due``,
``licences check``) and imports it into a desk, and checks both faces say the same thing: a
repeated key is a rejected row naming both lines, never a silent overwrite; a day's records
and events are read in the file's order; a corrected export replaces what it names; the
same ``--within`` lists the same items; the rows of one instrument must be together.
"""

from __future__ import annotations

import csv
import json
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from qsdomain.cli import main
from qsdomain.desk import Desk, ImportRejectedError
from qsdomain.desk._schema import MIGRATIONS, SCHEMA_VERSION, migrate
from qsdomain.errors import InvalidInputError

AS_OF = "2026-11-27"
INSTRUMENTS = "id,name,interval_months,verified_on,outcome,as_found\n"
REGISTER = "number,kind,holder,issued,valid_until,scope\n"
EVENTS = "number,event,on,until,valid_until,note\n"
LOTS = "lot_id,received,product,lot_size,aql,nonconforming_found\n"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, Any, str]:
    """Run the command line in-process; the JSON answer when ``--json`` was given."""
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, json.loads(out) if "--json" in argv and out else out, err


def write(path: Path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    return str(path)


def desk_of(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], *files: str, mode: str = "replace"
) -> tuple[str, list[str]]:
    """A new desk with ``files`` imported (``--keep-going``); the rejected rows' cells."""
    database = str(tmp_path / "desk.sqlite")
    if not Path(database).exists():
        assert run(capsys, "desk", "init", database)[0] == 0
    rejected: list[str] = []
    for n, name in enumerate(files):
        out = tmp_path / f"rejects-{n}-{len(list(tmp_path.iterdir()))}.csv"
        status, text, err = run(
            capsys,
            "desk",
            "import",
            database,
            name,
            "--keep-going",
            "--rejects",
            str(out),
            *(() if mode == "replace" else ("--mode", mode)),  # replace is the default
        )
        assert status in (0, 1), (text, err)
        if out.exists():
            with out.open(encoding="utf-8") as f:
                rejected += [f"{r['field']}: {r['reason']}" for r in csv.DictReader(f)]
    return database, rejected


def report(
    capsys: pytest.CaptureFixture[str], database: str, *extra: str
) -> dict[str, dict[str, Any]]:
    status, answer, err = run(
        capsys, "desk", "report", database, "--as-of", AS_OF, "--json", *extra
    )
    assert status == 0, err
    return {section["family"]: section for section in answer["sections"]}


def items(section: dict[str, Any]) -> list[tuple[Any, ...]]:
    return [(i["key"], i["state"], i["due"], i["days_left"]) for i in section["items"]]


def due(capsys: pytest.CaptureFixture[str], ledger: str, *extra: str) -> tuple[Any, list[str]]:
    _, answer, err = run(capsys, "metrology", "due", ledger, "--as-of", AS_OF, "--json", *extra)
    return answer, err.splitlines()


def due_items(answer: Any) -> list[tuple[Any, ...]]:
    return [(i["id"], i["state"], i["due"], i["days_left"]) for i in answer["due"]]


def check(
    capsys: pytest.CaptureFixture[str], register: str, events: str, *extra: str
) -> tuple[Any, list[str]]:
    _, answer, err = run(
        capsys,
        "licences",
        "check",
        register,
        "--events",
        events,
        "--as-of",
        AS_OF,
        "--json",
        *extra,
    )
    return answer, err.splitlines()


def work(answer: Any) -> list[tuple[Any, ...]]:
    return [(a["id"], a["action"], a["due"], a["days_left"]) for a in answer["worklist"]]


# -- item 3: a repeated natural key is a rejected row naming both lines ---------------------------


def test_a_repeated_verification_is_rejected_naming_both_lines_in_both_faces(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two rows of one instrument, day and outcome (as_found differs, or even a verbatim
    copy): the second is rejected, the first kept, and the summary says so."""
    ledger = write(
        tmp_path / "instruments.csv",
        INSTRUMENTS + "A1,秤,12,2026-06-01,pass,0.1\n"
        "A1,秤,12,2026-06-01,pass,0.5\n"
        "A1,秤,12,2026-06-01,pass,0.5\n",
    )
    answer, err = due(capsys, ledger)
    assert answer["rejected"] == 2
    assert [line.split(" must")[0] for line in err] == [
        "rejected: line 3: verified_on",
        "rejected: line 4: verified_on",
    ]
    assert "line 2's instrument, day and outcome (A1, 2026-06-01, pass)" in err[0]
    database, rejected = desk_of(tmp_path, capsys, ledger)
    assert [r.split(":")[0] for r in rejected] == ["line 3", "line 4"]
    assert "line 2's instrument, day and outcome" in rejected[0]
    with Desk(database) as desk:
        assert desk.counts()["verifications"] == 1
    conn = sqlite3.connect(database)
    assert conn.execute("SELECT as_found FROM verifications").fetchall() == [(0.1,)]
    conn.close()


def test_a_repeated_lot_id_is_rejected_naming_both_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ledger = write(
        tmp_path / "lots.csv",
        LOTS + "B01,2026-11-01,塑料管材,500,1.0,0\nB01,2026-11-02,塑料管材,500,1.0,9\n",
    )
    database, rejected = desk_of(tmp_path, capsys, ledger)
    assert rejected == [
        "line 3: lot_id: a lot_id not used by an earlier row (line 2 has it): one row per lot"
    ]
    conn = sqlite3.connect(database)
    assert conn.execute("SELECT received, nonconforming_found FROM lots").fetchall() == [
        ("2026-11-01", 0)
    ]
    conn.close()
    with Desk(database) as desk, pytest.raises(ImportRejectedError, match="line 2 has it"):
        desk.import_file(ledger)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("L1,changed,2026-03-01,,,地址变更", "L1,changed,2026-03-01,,,名称变更"),
        ("L1,suspended,2026-03-01,2026-04-01,,", "L1,suspended,2026-03-01,2026-05-01,,"),
    ],
    ids=["changed-twice", "suspended-twice"],
)
def test_a_repeated_licence_event_is_rejected_naming_both_lines_in_both_faces(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], first: str, second: str
) -> None:
    register = write(
        tmp_path / "licences.csv", REGISTER + "L1,industrial_product,某厂,2022-01-01,,\n"
    )
    events = write(tmp_path / "events.csv", EVENTS + f"{first}\n{second}\n")
    answer, err = check(capsys, register, events)
    assert answer["rejected"] == 1
    assert err[0].startswith("rejected: line 3 of events.csv: event must be a row not repeating")
    assert "line 2's licence, event and day" in err[0]
    database, rejected = desk_of(tmp_path, capsys, register, events)
    assert [r.split(" must")[0].split(":")[0] for r in rejected] == ["line 3 of events.csv"]
    conn = sqlite3.connect(database)
    kept = conn.execute("SELECT until, note FROM licence_events").fetchall()
    conn.close()
    assert kept == [(first.split(",")[3] or None, first.split(",")[5])]


# -- item 4: a corrected export removes a wrong record --------------------------------------------


def test_a_corrected_events_file_removes_a_revocation_imported_by_mistake(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    register = write(
        tmp_path / "licences.csv", REGISTER + "L1,industrial_product,某厂,2022-01-01,,\n"
    )
    wrong = write(tmp_path / "events-wrong.csv", EVENTS + "L1,revoked,2026-03-01,,,\n")
    right = write(tmp_path / "events.csv", EVENTS + "L1,changed,2026-03-01,,,地址变更\n")
    database, _ = desk_of(tmp_path, capsys, register, wrong, right)
    answer, _ = check(capsys, register, right)
    section = report(capsys, database, "--within", "90")["licensing"]
    assert {t["state"]: t["count"] for t in section["totals"]} == {
        s["state"]: s["licences"] for s in answer["states"]
    }
    assert items(section) == work(answer) == [("L1", "overdue_filing", "2026-06-30", -150)]
    # merge mode keeps the stored events: the revocation stays, and a change on the day of
    # the revocation is a history the family refuses (as licences check does on both files)
    (tmp_path / "merge").mkdir()
    merged, _ = desk_of(tmp_path / "merge", capsys, register, wrong, right, mode="merge")
    assert report(capsys, merged)["licensing"]["totals"] == [{"state": "refused", "count": 1}]


def test_a_corrected_ledger_replaces_an_instruments_records(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wrong = write(tmp_path / "wrong.csv", INSTRUMENTS + "A1,秤,12,2026-06-01,scrapped,\n")
    right = write(tmp_path / "instruments.csv", INSTRUMENTS + "A1,秤,12,2026-06-01,pass,\n")
    database, _ = desk_of(tmp_path, capsys, wrong, right)
    totals = report(capsys, database)["metrology"]["totals"]
    assert totals == [{"state": "current", "count": 1}]


def test_import_help_names_the_default_mode(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["desk", "import", "--help"]) == 0
    text = " ".join(capsys.readouterr().out.split())
    assert "--mode {replace,merge}" in text
    assert "replace (the default)" in text


def test_import_refuses_an_unknown_mode(tmp_path: Path) -> None:
    ledger = write(tmp_path / "instruments.csv", INSTRUMENTS + "A1,秤,12,2026-06-01,pass,\n")
    with Desk.create(tmp_path / "d.sqlite") as desk:
        with pytest.raises(InvalidInputError, match="mode must be one of replace, merge"):
            desk.import_file(ledger, mode="append")
        with pytest.raises(InvalidInputError, match="mode must be one of"):
            desk.import_file(ledger, mode=["replace"])  # type: ignore[arg-type]


# -- item 5 (#19): the same listing window lists the same items ----------------------------------


@pytest.mark.parametrize("within", [0, 30, 120])
def test_desk_within_lists_what_metrology_due_within_lists(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], within: int
) -> None:
    ledger = write(
        tmp_path / "instruments.csv",
        INSTRUMENTS + "D93,秤,12,2026-02-28,pass,\n"  # due 2027-02-27: 92 days
        "D10,秤,12,2025-12-08,pass,\n"  # due 2026-12-07: 10 days
        "D0,秤,12,2025-11-28,pass,\n"  # due 2026-11-27: today
        "D-5,秤,12,2025-11-23,pass,\n",  # overdue
    )
    answer, _ = due(capsys, ledger, "--within", str(within))
    database, _ = desk_of(tmp_path, capsys, ledger)
    section = report(capsys, database, "--within", str(within))["metrology"]
    assert sorted(items(section)) == sorted(due_items(answer))
    listed = {key for key, *_ in items(section)}
    assert ("D93" in listed) == (within >= 92)  # current: listed inside the window only
    assert "D10" in listed  # due soon (the default 30-day warning): always needs action


# -- item 6: a day's records and events are read in the file's order ------------------------------


def test_a_pass_then_a_fail_on_one_day_is_out_of_service_in_both_faces(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ledger = write(
        tmp_path / "instruments.csv",
        INSTRUMENTS + "P1,秤,12,2026-06-01,pass,\nP1,秤,12,2026-06-01,fail,\n"
        "F1,秤,12,2026-06-01,fail,\nF1,秤,12,2026-06-01,pass,\n",
    )
    answer, _ = due(capsys, ledger)
    assert (answer["summary"]["out_of_service"], answer["summary"]["current"]) == (1, 1)
    database, _ = desk_of(tmp_path, capsys, ledger)
    totals = report(capsys, database)["metrology"]["totals"]
    assert totals == [{"state": "current", "count": 1}, {"state": "out_of_service", "count": 1}]


def test_renewed_then_renewal_applied_on_one_day_reads_as_the_command_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    register = write(
        tmp_path / "licences.csv", REGISTER + "L1,industrial_product,某厂,2021-12-20,,\n"
    )
    events = write(
        tmp_path / "events.csv",
        EVENTS + "L1,renewal_applied,2026-05-10,,,\nL1,renewed,2026-06-01,,,\n"
        "L1,renewal_applied,2026-06-01,,,\n",
    )
    answer, _ = check(capsys, register, events)
    database, _ = desk_of(tmp_path, capsys, register, events)
    section = report(capsys, database, "--within", "90")["licensing"]
    assert [s["state"] for s in answer["states"]] == ["renewal_pending"]
    assert [t["state"] for t in section["totals"]] == ["renewal_pending"]


def test_revoked_then_changed_is_refused_in_both_faces(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    register = write(
        tmp_path / "licences.csv", REGISTER + "L1,industrial_product,某厂,2022-01-01,,\n"
    )
    events = write(
        tmp_path / "events.csv",
        EVENTS + "L1,revoked,2026-03-01,,,\nL1,changed,2026-03-01,,,\n",
    )
    answer, err = check(capsys, register, events)
    assert answer["rejected"] == 1
    assert err[0].startswith("rejected: line 2: event on line 3 of events.csv")
    database, _ = desk_of(tmp_path, capsys, register, events)
    section = report(capsys, database)["licensing"]
    assert [(i["key"], i["state"]) for i in section["items"]] == [("L1", "refused")]


def test_a_version_1_database_is_migrated_and_answers_as_before(tmp_path: Path) -> None:
    """A v1 database (no seq) gets seq in the order v1 read a day: fail before pass, and a
    filing before the renewal it led to."""
    path = tmp_path / "v1.sqlite"
    conn = sqlite3.connect(path, isolation_level=None)
    version, _, script = MIGRATIONS[0]
    conn.executescript(
        f"BEGIN;\n{script}\nINSERT INTO schema_version VALUES ({version}, '');COMMIT;"
    )
    conn.executescript(
        "INSERT INTO instruments (id, name, interval_months) VALUES ('A', '秤', 12);"
        "INSERT INTO verifications VALUES ('A', '2026-06-01', 'pass', NULL, NULL),"
        " ('A', '2026-06-01', 'fail', NULL, NULL), ('A', '2025-06-01', 'pass', 0.2, NULL);"
        "INSERT INTO licences VALUES ('L1', 'industrial_product', '某厂', '2021-12-20', NULL, '');"
        "INSERT INTO licence_events VALUES ('L1', 'renewed', '2026-06-01', NULL, NULL, ''),"
        " ('L1', 'renewal_applied', '2026-06-01', NULL, NULL, 'x');"
    )
    assert migrate(conn) == SCHEMA_VERSION
    assert conn.execute(
        "SELECT verified_on, outcome, as_found FROM verifications ORDER BY instrument_id,"
        " verified_on, seq"
    ).fetchall() == [
        ("2025-06-01", "pass", 0.2),
        ("2026-06-01", "fail", None),
        ("2026-06-01", "pass", None),
    ]
    assert conn.execute(
        "SELECT event, note FROM licence_events ORDER BY number, on_day, seq"
    ).fetchall() == [("renewal_applied", "x"), ("renewed", "")]
    assert [r[0] for r in conn.execute("SELECT version FROM schema_version")] == [1, 2]
    conn.close()
    with Desk(path) as desk:
        r = desk.report(as_of=date(2026, 11, 27))
    assert r.section("metrology").totals[0].state == "current"
    assert [t.state for t in r.section("licensing").totals] == ["valid"]


# -- item 7: the rows of one instrument are together ----------------------------------------------


def test_scattered_rows_of_one_instrument_are_rejected_in_both_faces(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ledger = write(
        tmp_path / "instruments.csv",
        INSTRUMENTS + "B1,秤,12,2025-01-01,pass,\nC1,秤,12,2025-06-01,pass,\n"
        "B1,秤,6,2026-05-01,pass,\n",
    )
    answer, err = due(capsys, ledger)
    assert (answer["summary"]["read"], answer["rows"], answer["rejected"]) == (2, 3, 1)
    assert err == [
        "rejected: line 4: id must be an id whose rows are together (its rows began at line 2;"
        " another instrument's rows came between), got B1"
    ]
    database, rejected = desk_of(tmp_path, capsys, ledger)
    assert rejected == [
        "line 4: id: an id whose rows are together (its rows began at line 2; another "
        "instrument's rows came between)"
    ]
    assert sorted(items(report(capsys, database)["metrology"])) == sorted(due_items(answer))
    conn = sqlite3.connect(database)
    assert conn.execute("SELECT interval_months FROM instruments WHERE id = 'B1'").fetchall() == [
        (12,)
    ]
    conn.close()


def test_rows_of_one_instrument_that_disagree_name_both_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ledger = write(
        tmp_path / "instruments.csv",
        INSTRUMENTS + "B1,秤,12,2025-01-01,pass,\nB1,秤,6,2026-05-01,pass,\n",
    )
    _, err = due(capsys, ledger)
    assert err == [
        "rejected: line 3: id must be the instrument columns (name, interval, category ...) of"
        " line 2, where this id's rows began, got B1"
    ]
    _, rejected = desk_of(tmp_path, capsys, ledger)
    assert rejected == [
        "line 3: id: the instrument columns (name, interval, category ...) of line 2, where this"
        " id's rows began"
    ]
