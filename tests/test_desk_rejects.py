"""The rejects files of ``desk import --keep-going``: never over a user's file, each one distinct.

Issue #18 items 1 and 2: ``--rejects`` naming the input ledger emptied it before it was read;
an existing file was truncated even when no row was rejected; two ledgers of one name (or
``x.csv`` and ``x.json``) wrote one rejects file, the second over the first.
"""

from __future__ import annotations

import csv
import sqlite3
from collections.abc import Iterable
from pathlib import Path

import pytest

from qsdomain.cli import main
from qsdomain.desk import Desk, _import
from qsdomain.errors import InvalidInputError
from qsdomain.ledgers import Rejects, Row
from test_desk import dump

HEADER = "id,name,interval_months,verified_on,outcome\n"
LEDGER = HEADER + "A1,秤,12,2026-06-01,pass\nA2,秤,12,2026-02-30,pass\n"
CLEAN = HEADER + "C1,秤,12,2026-06-01,pass\n"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def lines_of(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as f:
        return [row["line"] for row in csv.DictReader(f)]


@pytest.fixture
def database(tmp_path: Path) -> Path:
    path = tmp_path / "d.sqlite"
    Desk.create(path).close()
    return path


def test_rejects_naming_the_input_ledger_is_refused_and_the_ledger_kept(
    tmp_path: Path,
    database: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    inst = tmp_path / "inst.csv"
    inst.write_text(LEDGER, encoding="utf-8")
    before = dump(database)
    for named in ("inst.csv", "./inst.csv", str(inst)):
        status, out, err = run(
            capsys, "desk", "import", "d.sqlite", "inst.csv", "--keep-going", "--rejects", named
        )
        assert (status, out) == (2, "")
        assert "other than the ledger being imported" in err
        assert inst.read_text(encoding="utf-8") == LEDGER
    assert dump(database) == before


def test_rejects_through_a_symlink_to_the_ledger_or_the_database_is_refused(
    tmp_path: Path, database: Path
) -> None:
    inst = tmp_path / "inst.csv"
    inst.write_text(LEDGER, encoding="utf-8")
    (tmp_path / "to-ledger.csv").symlink_to(inst)
    (tmp_path / "to-db.csv").symlink_to(database)
    db_bytes = database.read_bytes()
    with Desk(database) as desk:
        for link, what in (("to-ledger.csv", "ledger"), ("to-db.csv", "database")):
            for overwrite in (False, True):  # not even when asked
                with pytest.raises(InvalidInputError, match=what):
                    desk.import_file(
                        inst, keep_going=True, rejects=tmp_path / link, overwrite=overwrite
                    )
    assert inst.read_text(encoding="utf-8") == LEDGER
    assert database.read_bytes() == db_bytes


def test_an_existing_rejects_file_is_kept_unless_forced(
    tmp_path: Path,
    database: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)  # a short path: messages shorten long values
    other = Path("OTHER.csv")
    other.write_text("precious\n", encoding="utf-8")
    clean, bad = tmp_path / "clean.csv", tmp_path / "bad.csv"
    clean.write_text(CLEAN, encoding="utf-8")
    bad.write_text(LEDGER, encoding="utf-8")
    for ledger in (clean, bad):  # refused before anything is read, rejected rows or not
        status, out, err = run(
            capsys,
            "desk",
            "import",
            str(database),
            str(ledger),
            "--keep-going",
            "--rejects",
            str(other),
        )
        assert (status, out) == (2, "")
        assert "OTHER.csv" in err
        assert "--force" in err
        assert other.read_text(encoding="utf-8") == "precious\n"
    assert dump(database)["instruments"] == []
    status, out, _ = run(
        capsys, "desk", "import", str(database), str(bad), "--keep-going", "--rejects", str(other),
        "--force",
    )  # fmt: skip
    assert status == 1
    assert f"(written to {other})" in out
    assert lines_of(other) == ["3"]


def test_no_rejects_file_when_no_row_is_rejected(tmp_path: Path, database: Path) -> None:
    clean = tmp_path / "clean.csv"
    clean.write_text(CLEAN, encoding="utf-8")
    out = tmp_path / "out.csv"
    with Desk(database) as desk:
        assert desk.import_file(clean, keep_going=True, rejects=out).rejected == 0
        out.write_text("kept\n", encoding="utf-8")
        desk.import_file(clean, keep_going=True, rejects=out, overwrite=True)
    assert out.read_text(encoding="utf-8") == "kept\n"  # nothing rejected: nothing replaced
    assert sorted(p.name for p in tmp_path.iterdir()) == ["clean.csv", "d.sqlite", "out.csv"]


def test_a_failed_import_leaves_no_rejects_file_and_no_temporary_file(
    tmp_path: Path, database: Path, monkeypatch: pytest.MonkeyPatch
) -> None:

    real = _import._LOADERS["instruments"]

    def fails_after_loading(
        conn: sqlite3.Connection, rows: Iterable[Row], log: Rejects, mode: str
    ) -> int:
        real(conn, rows, log, mode)
        raise OSError(28, "No space left on device")

    monkeypatch.setitem(_import._LOADERS, "instruments", fails_after_loading)
    ledger = tmp_path / "bad.csv"
    ledger.write_text(LEDGER, encoding="utf-8")
    out = tmp_path / "out.csv"
    out.write_text("old\n", encoding="utf-8")
    before, rows = sorted(p.name for p in tmp_path.iterdir()), dump(database)
    with Desk(database) as desk, pytest.raises(OSError, match="No space"):
        desk.import_file(ledger, keep_going=True, rejects=out, overwrite=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # no .out.csv.*.part left
    assert out.read_text(encoding="utf-8") == "old\n"
    assert dump(database) == rows


def test_rejects_over_a_symlink_replace_the_link_not_its_target(
    tmp_path: Path, database: Path
) -> None:
    ledger = tmp_path / "bad.csv"
    ledger.write_text(LEDGER, encoding="utf-8")
    victim = tmp_path / "victim.txt"
    victim.write_text("victim\n", encoding="utf-8")
    link = tmp_path / "link.csv"
    link.symlink_to(victim)
    with Desk(database) as desk:
        desk.import_file(ledger, keep_going=True, rejects=link, overwrite=True)
    assert victim.read_text(encoding="utf-8") == "victim\n"
    assert not link.is_symlink()
    assert lines_of(link) == ["3"]


def test_same_named_ledgers_get_distinct_rejects_files_in_a_folder(
    tmp_path: Path, database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for folder, bad in (("a", "A2"), ("b", "B2")):
        (tmp_path / folder).mkdir()
        rows = [f"{folder}1,秤,12,2026-06-01,pass", f"{bad},秤,12,2026-02-30,pass"]
        if folder == "b":
            rows.append(f"{bad}x,秤,12,2026-02-31,pass")
        (tmp_path / folder / "instruments.csv").write_text(
            HEADER + "\n".join(rows) + "\n", encoding="utf-8"
        )
    out_dir = tmp_path / "rejects"
    status, out, _ = run(
        capsys, "desk", "import", str(database), str(tmp_path / "a" / "instruments.csv"),
        str(tmp_path / "b" / "instruments.csv"), "--keep-going", "--rejects", str(out_dir),
    )  # fmt: skip
    assert status == 1
    first = out_dir / "instruments.csv.rejects.csv"
    second = out_dir / "instruments.csv.rejects.2.csv"
    assert f"(written to {first})" in out
    assert f"(written to {second})" in out
    assert lines_of(first) == ["3"]
    assert lines_of(second) == ["3", "4"]


def test_x_csv_and_x_json_keep_their_suffix_and_existing_names_are_numbered(
    tmp_path: Path, database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "x.csv").write_text(LEDGER, encoding="utf-8")
    (tmp_path / "x.json").write_text(
        '[{"id": "J1", "name": "秤", "interval_months": "12", "verified_on": "2026-13-01",'
        ' "outcome": "pass"}]',
        encoding="utf-8",
    )
    taken = tmp_path / "x.csv.rejects.csv"
    taken.write_text("an earlier run's rejects\n", encoding="utf-8")
    status, out, _ = run(
        capsys, "desk", "import", str(database), str(tmp_path / "x.csv"), str(tmp_path / "x.json"),
        "--keep-going", "--table", "instruments",
    )  # fmt: skip
    assert status == 1
    assert taken.read_text(encoding="utf-8") == "an earlier run's rejects\n"
    numbered = tmp_path / "x.csv.rejects.2.csv"
    from_json = tmp_path / "x.json.rejects.csv"
    assert f"(written to {numbered})" in out
    assert f"(written to {from_json})" in out
    assert lines_of(numbered) == ["3"]
    assert len(lines_of(from_json)) == 1


def test_a_default_name_that_is_another_ledger_of_the_run_is_never_taken(
    tmp_path: Path, database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = tmp_path / "x.csv"
    first.write_text(LEDGER, encoding="utf-8")
    second = tmp_path / "x.csv.rejects.csv"  # a ledger that happens to have that name
    second.write_text(CLEAN, encoding="utf-8")
    status, out, _ = run(
        capsys, "desk", "import", str(database), str(first), str(second), "--keep-going", "--force"
    )
    assert status == 1
    assert second.read_text(encoding="utf-8") == CLEAN
    assert f"(written to {tmp_path / 'x.csv.rejects.2.csv'})" in out
    assert [r[0] for r in dump(database)["instruments"]] == ["A1", "C1"]


def test_rejects_in_a_missing_folder_is_a_typed_error(tmp_path: Path, database: Path) -> None:
    ledger = tmp_path / "bad.csv"
    ledger.write_text(LEDGER, encoding="utf-8")
    with Desk(database) as desk, pytest.raises(InvalidInputError, match="existing folder"):
        desk.import_file(ledger, keep_going=True, rejects=tmp_path / "no" / "r.csv")
    assert not (tmp_path / "no").exists()
