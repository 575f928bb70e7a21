"""Hostile ledgers through every command: one structurally bad row never aborts a file (#18 item 8).

A stray trailing comma (one cell too many), a JSON value that is an object, a ``"\\ud800"``
escape, a repeated JSON key: each is a rejected row naming its line, while the good rows of the
same file load, in the family commands and in ``desk import --keep-going`` alike.
"""

from __future__ import annotations

import csv
import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from qsdomain.cli import main

DATA = Path(__file__).resolve().parents[1] / "examples" / "data"
AS_OF = "2026-11-27"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def with_extra_cell(source: Path, target: Path, line: int) -> Path:
    """``source`` copied to ``target`` with a stray trailing comma on ``line``."""
    lines = source.read_text(encoding="utf-8-sig").splitlines()
    lines[line - 1] += ","
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target


def _due(path: Path, _: Path) -> list[str]:
    return ["metrology", "due", str(path), "--as-of", AS_OF]


def _check(path: Path, _: Path) -> list[str]:
    events = str(DATA / "licence-events.csv")
    return ["licences", "check", str(path), "--events", events, "--as-of", AS_OF]


def _events(path: Path, _: Path) -> list[str]:
    return [
        "licences",
        "check",
        str(DATA / "licences.csv"),
        "--events",
        str(path),
        "--as-of",
        AS_OF,
    ]


def _status(path: Path, _: Path) -> list[str]:
    items = str(DATA / "service_items.json")
    return ["commitments", "status", str(path), "--items", items, "--as-of", AS_OF]


COMMANDS: dict[str, tuple[str, Callable[[Path, Path], list[str]], int]] = {
    "metrology-due": ("instruments.csv", _due, 5),
    "licences-check": ("licences.csv", _check, 4),
    "licences-check-events": ("licence-events.csv", _events, 3),
    "commitments-status": ("cases.csv", _status, 6),
}


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_an_extra_cell_is_one_rejected_row_in_every_family_command(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ledger, argv, line = COMMANDS[name]
    bad = with_extra_cell(DATA / ledger, tmp_path / ledger, line)
    status, out, err = run(capsys, *argv(bad, tmp_path), "--json", "--no-progress")
    assert status == 1, err  # rows rejected; 2 would be "the command failed"
    assert f"rejected: line {line} must be at most " in err
    assert "Traceback" not in err
    json.loads(out)  # an answer, from the good rows


def test_metrology_due_counts_a_rejected_row_as_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, clean, _ = run(capsys, *_due(DATA / "instruments.csv", tmp_path), "--json")
    bad = with_extra_cell(DATA / "instruments.csv", tmp_path / "i.csv", 5)
    _, out, _ = run(capsys, *_due(bad, tmp_path), "--json")
    before, after = json.loads(clean), json.loads(out)
    assert (after["rows"], after["rejected"]) == (before["rows"], before["rejected"] + 1)


def _instruments_json(tmp_path: Path) -> tuple[Path, list[dict[str, object]]]:
    with (DATA / "instruments.csv").open(encoding="utf-8-sig", newline="") as stream:
        rows: list[dict[str, object]] = [dict(row) for row in csv.DictReader(stream)]
    return tmp_path / "instruments.json", rows


@pytest.mark.parametrize(
    "damage",
    ['"name": {"x": 1}', '"name": [1, 2]', '"name": "\\ud800"', '"id": "X", "id": "Y"'],
    ids=["object", "array", "lone-surrogate", "repeated-key"],
)
def test_a_bad_json_value_is_one_rejected_row(
    damage: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, rows = _instruments_json(tmp_path)
    items = [json.dumps(row, ensure_ascii=False) for row in rows]
    items[2] = "{" + damage + ", " + items[2][1:]  # the third object: line 3
    path.write_text("[" + ",\n".join(items) + "]", encoding="utf-8")
    status, out, err = run(capsys, *_due(path, tmp_path), "--json")
    assert status == 1
    assert "rejected: line 3: " in err
    assert json.loads(out)["rows"] == len(rows)


def test_a_bad_json_lines_line_is_one_rejected_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, rows = _instruments_json(tmp_path)
    lines = [json.dumps(row, ensure_ascii=False) for row in rows]
    lines[3] = lines[3][:-5]  # cut short: not valid JSON
    path = path.with_suffix(".jsonl")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    status, out, err = run(capsys, *_due(path, tmp_path), "--json")
    assert status == 1
    assert "rejected: line 4 must be valid JSON" in err
    assert json.loads(out)["rows"] == len(rows)


@pytest.mark.parametrize("ledger", ["instruments.csv", "licences.csv", "lots.csv"])
def test_desk_import_keep_going_loads_the_good_rows_around_an_extra_cell(
    ledger: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = str(tmp_path / "b.sqlite")
    assert run(capsys, "desk", "init", database)[0] == 0
    clean = tmp_path / "clean" / ledger
    clean.parent.mkdir()
    shutil.copy(DATA / ledger, clean)
    _, out, _ = run(capsys, "desk", "import", database, str(clean), "--json")
    (summary,) = json.loads(out)["files"]
    bad = with_extra_cell(DATA / ledger, tmp_path / ledger, 3)
    status, out, err = run(capsys, "desk", "import", database, str(bad))
    assert status == 2
    assert "line 3 must be at most" in err
    assert "nothing was imported" in err
    rejects = tmp_path / "rejects.csv"
    argv = ["desk", "import", database, str(bad), "--keep-going", "--rejects", str(rejects)]
    status, out, err = run(capsys, *argv, "--json")
    assert status == 1, err
    (after,) = json.loads(out)["files"]
    assert (after["read"], after["loaded"], after["rejected"]) == (
        summary["read"],
        summary["loaded"] - 1,
        1,
    )
    with rejects.open(encoding="utf-8") as stream:
        (rejected,) = list(csv.DictReader(stream))
    assert (rejected["line"], rejected["field"]) == ("3", "line 3")


def test_desk_import_finds_the_table_past_a_bad_first_json_object(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The table is detected from the first readable object; the bad one is a rejected row."""
    path, rows = _instruments_json(tmp_path)
    items = [json.dumps(row, ensure_ascii=False) for row in rows]
    items[0] = '{"name": {"x": 1}, ' + items[0][1:]
    path.write_text("[" + ",\n".join(items) + "]", encoding="utf-8")
    database = str(tmp_path / "b.sqlite")
    assert run(capsys, "desk", "init", database)[0] == 0
    rejects = str(tmp_path / "rejects.csv")
    argv = ["desk", "import", database, str(path), "--keep-going", "--rejects", rejects]
    status, out, err = run(capsys, *argv, "--json")
    assert status == 1, err
    (summary,) = json.loads(out)["files"]
    assert (summary["table"], summary["read"], summary["rejected"]) == (
        "instruments",
        len(rows),
        1,
    )
