"""The desk under faults (issue #18 item 9): imports killed or run side by side, a report
while an import writes, read-only and damaged databases, rows no import writes. Each ends in
an answer, a ``refused`` item or one typed line: never a traceback, never a half-written
database."""

from __future__ import annotations

import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from qsdomain.cli import main
from qsdomain.desk import Desk, DeskDatabaseError, Family
from qsdomain.errors import InvalidInputError
from test_desk import AS_OF, DATA, FILES, dump

ROOT = Path(__file__).resolve().parents[1]
#: The command line run as a user would: this checkout's package, a fresh interpreter.
ENV = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT / "tests")])}
REPORT = ("desk", "report", "--as-of", AS_OF.isoformat(), "--json")
TEXT_REPORT = REPORT[:-1]


def qsdomain(*argv: object, prefix: tuple[str, ...] = ()) -> subprocess.CompletedProcess[str]:
    """``python -m qsdomain ARGV`` in a subprocess (``prefix`` runs it under another command)."""
    command = [*prefix, sys.executable, "-m", "qsdomain", *map(str, argv)]
    return subprocess.run(command, capture_output=True, text=True, env=ENV, timeout=60, check=False)


def run(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, str, str]:
    status = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return status, out, err


def assert_one_error_line(status: int, err: str, *needles: str) -> None:
    """Exit status 2 and one ``qsdomain: error:`` line naming each needle; no traceback."""
    assert "Traceback" not in err, err
    assert status == 2, err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("qsdomain: error: "), err
    for needle in needles:
        assert needle in lines[0], (needle, err)


@pytest.fixture
def bureau(tmp_path: Path) -> Path:
    """A closed desk database holding every example ledger."""
    path = tmp_path / "bureau.sqlite"
    with Desk.create(path) as desk:
        for name in FILES:
            assert desk.import_file(DATA / name).complete
    return path


def instruments_csv(path: Path, count: int, prefix: str = "K") -> Path:
    """An instrument ledger of ``count`` rows, one verification each."""
    with path.open("w", encoding="utf-8") as out:
        out.write("id,name,interval_months,verified_on,outcome\n")
        for i in range(count):
            out.write(f"{prefix}{i:06d},电子秤,12,2026-{i % 12 + 1:02d}-{i % 28 + 1:02d},pass\n")
    return path


def integrity(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [str(r[0]) for r in conn.execute("PRAGMA integrity_check")]
    finally:
        conn.close()


def wait_for_writes(path: Path, proc: subprocess.Popen[str]) -> None:
    """Until the import in ``proc`` has written pages to the write-ahead log (or ended)."""
    log = Path(f"{path}-wal")
    deadline = time.monotonic() + 9
    while proc.poll() is None and time.monotonic() < deadline:
        if log.exists() and log.stat().st_size > 32:  # past the log's header: frames
            return
        time.sleep(0.002)


# -- paths ---------------------------------------------------------------------------------------


def test_a_path_with_a_nul_is_a_typed_error(tmp_path: Path) -> None:
    for call in (
        lambda: Desk.create("\x00"),
        lambda: Desk(tmp_path / "a\x00b.sqlite"),
        lambda: Desk.create(str(tmp_path / "b.sqlite") + "\x00"),
    ):
        with pytest.raises(InvalidInputError, match="NUL"):
            call()
    with Desk.create(tmp_path / "b.sqlite") as desk:
        with pytest.raises(InvalidInputError, match="rejects must be a file path without NUL"):
            desk.import_file(DATA / "lots.csv", keep_going=True, rejects="\x00")
        with pytest.raises(InvalidInputError, match="path must be a file path without NUL"):
            desk.import_file("lots\x00.csv")
        assert desk.counts()["lots"] == 0


# -- locks and WAL -------------------------------------------------------------------------------


def test_a_new_desk_is_in_write_ahead_log_mode(tmp_path: Path) -> None:
    path = tmp_path / "b.sqlite"
    Desk.create(path).close()
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        conn.close()


def test_an_older_desk_is_put_in_write_ahead_log_mode_when_opened(bureau: Path) -> None:
    conn = sqlite3.connect(bureau)
    assert conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0] == "delete"
    conn.close()
    Desk(bureau).close()
    conn = sqlite3.connect(bureau)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        conn.close()


def test_an_import_while_another_writes_waits_then_says_another_import_runs(
    bureau: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = dump(bureau)
    holder = sqlite3.connect(bureau, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")  # what a running import holds
        status, _, err = run(capsys, "desk", "import", bureau, DATA / "lots.csv", "--timeout", 0)
        assert_one_error_line(status, err, "is locked", "another desk import", "--timeout")
        with Desk(bureau, timeout=0.05) as desk, pytest.raises(DeskDatabaseError) as caught:
            desk.import_file(DATA / "lots.csv")
        assert caught.value.kind == "locked"
        assert isinstance(caught.value, ValueError)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert dump(bureau) == before
    status, out, err = run(capsys, "desk", "import", bureau, DATA / "lots.csv")
    assert status == 0, err
    assert "loaded 12" in out


def test_a_lock_after_good_files_says_which_were_imported(
    bureau: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    real = Desk.import_file
    calls: list[object] = []

    def locked_second(self: Desk, path: object, **options: object) -> object:
        calls.append(path)
        if len(calls) == 2:  # another import took the lock between the two files
            raise DeskDatabaseError(self.path, "is locked", "try again", "locked")
        return real(self, path, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(Desk, "import_file", locked_second)
    status, _, err = run(capsys, "desk", "import", bureau, DATA / "lots.csv", DATA / "cases.csv")
    assert_one_error_line(status, err, "is locked", "the files before it were imported: lots.csv")


def test_a_report_reads_while_an_import_holds_uncommitted_pages(
    bureau: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before WAL, a writer whose pages spilled to the file locked every reader out ("database
    is locked"); now a report reads the last committed state."""
    status, expected, _ = run(capsys, *REPORT[:2], bureau, *REPORT[2:])
    assert status == 0
    writer = sqlite3.connect(bureau, isolation_level=None)
    try:
        writer.execute("PRAGMA cache_size = 10")  # spill to the file early, as a big import does
        writer.execute("BEGIN IMMEDIATE")
        writer.executemany(
            "INSERT INTO instruments (id, name, interval_months) VALUES (?, '秤', 12)",
            [(f"W{i:06d}",) for i in range(20_000)],
        )
        status, out, err = run(capsys, *REPORT[:2], bureau, *REPORT[2:], "--timeout", 0)
        assert status == 0, err
        assert out == expected  # the uncommitted rows are not read
    finally:
        writer.execute("ROLLBACK")
        writer.close()


def test_two_imports_at_once_both_load_one_after_the_other(
    bureau: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two ``desk import`` processes at once: the second waits for the first (busy timeout)
    and both load; a report taken meanwhile answers."""
    first = instruments_csv(tmp_path / "first.csv", 20_000, "F")
    second = instruments_csv(tmp_path / "second.csv", 2_000, "S")
    with Desk(bureau) as desk:
        before = desk.counts()["instruments"]
    command = [sys.executable, "-m", "qsdomain", "desk", "import", str(bureau)]
    proc = subprocess.Popen(
        [*command, str(first)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV
    )
    try:
        wait_for_writes(bureau, proc)
        other = qsdomain("desk", "import", bureau, second, "--timeout", 60)
        status, _, err = run(capsys, *REPORT[:2], bureau, *REPORT[2:])
        assert status == 0, err
    finally:
        _, err = proc.communicate(timeout=60)
    assert (proc.returncode, other.returncode) == (0, 0), (err, other.stderr)
    assert "Traceback" not in err + other.stderr
    with Desk(bureau) as desk:
        assert desk.counts()["instruments"] == before + 20_000 + 2_000
    assert integrity(bureau) == ["ok"]


@pytest.mark.parametrize("delay", [0.0, 0.03, 0.3])
def test_an_import_killed_with_sigkill_leaves_whole_files_only(
    bureau: Path, tmp_path: Path, delay: float
) -> None:
    big = instruments_csv(tmp_path / "big.csv", 30_000)
    before = dump(bureau)
    proc = subprocess.Popen(
        [sys.executable, "-m", "qsdomain", "desk", "import", str(bureau), str(big)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=ENV,
    )
    wait_for_writes(bureau, proc)
    time.sleep(delay)
    proc.kill()
    proc.wait(timeout=30)
    assert integrity(bureau) == ["ok"]
    after = dump(bureau)
    if after != before:  # the kill came after the commit: the whole file, nothing else
        assert len(after["instruments"]) == len(before["instruments"]) + 30_000
        assert {k: v for k, v in after.items() if k not in ("instruments", "verifications")} == {
            k: v for k, v in before.items() if k not in ("instruments", "verifications")
        }
    with Desk(bureau) as desk:  # and the desk goes on working
        assert desk.import_file(DATA / "lots.csv").complete


# -- read-only -----------------------------------------------------------------------------------


def unprivileged() -> tuple[str, ...]:
    """A command prefix under which file permissions hold: as root, drop the capabilities that
    let root write anything (chmod stops nobody else)."""
    if os.geteuid() != 0:
        return ()
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: chmod does not stop root from writing")
    caps = "-dac_override,-dac_read_search,-fowner"
    return (setpriv, f"--inh-caps={caps}", f"--bounding-set={caps}", "--")


@pytest.mark.parametrize("frozen", ["file", "folder", "file and folder"])
def test_a_read_only_database_reports_and_refuses_imports(tmp_path: Path, frozen: str) -> None:
    folder = tmp_path / "archive"
    folder.mkdir()
    path = folder / "bureau.sqlite"
    with Desk.create(path) as desk:
        for name in FILES:
            desk.import_file(DATA / name)
    expected = json.loads(qsdomain(*REPORT[:2], path, *REPORT[2:]).stdout)
    before = dump(path)
    prefix = unprivileged()
    if "file" in frozen:
        path.chmod(0o444)
    if "folder" in frozen:
        folder.chmod(0o555)
    try:
        report = qsdomain(*REPORT[:2], path, *REPORT[2:], prefix=prefix)
        assert report.returncode == 0, report.stderr
        assert json.loads(report.stdout) == expected
        load = qsdomain("desk", "import", path, DATA / "lots.csv", prefix=prefix)
        assert_one_error_line(load.returncode, load.stderr, "cannot be written", "read-only")
    finally:
        folder.chmod(0o755)
        path.chmod(0o644)
    assert dump(path) == before


# -- damaged databases ---------------------------------------------------------------------------


def _sql(*statements: str) -> Callable[[Path], None]:
    def damage(path: Path) -> None:
        conn = sqlite3.connect(path, isolation_level=None)
        try:
            conn.execute("PRAGMA ignore_check_constraints = ON")
            for statement in statements:
                conn.execute(statement)
        finally:
            conn.close()

    return damage


def _truncated(path: Path) -> None:
    with path.open("r+b") as stream:
        stream.truncate(path.stat().st_size // 2)


def _garbage_pages(path: Path) -> None:
    data = bytearray(path.read_bytes())
    rng = random.Random(18)
    page = 4096
    for start in range(page, len(data), 3 * page):  # every third page after the first
        data[start : start + page] = rng.randbytes(page)
    path.write_bytes(bytes(data))


_FIRST_INSTRUMENT = "(SELECT min(id) FROM instruments)"

#: (damage, what the report's error says, whether an import still loads)
DAMAGES: dict[str, tuple[Callable[[Path], None], tuple[str, ...], bool]] = {
    "truncated": (_truncated, ("is damaged",), False),
    "garbage pages": (_garbage_pages, ("is damaged",), False),
    "dropped table": (_sql("DROP TABLE lots"), ("is damaged", "no table lots"), False),
    "schema_version -1": (
        _sql("DELETE FROM schema_version", "INSERT INTO schema_version VALUES (-1, 'edited')"),
        ("is damaged", "schema_version holds -1"),
        False,
    ),
    "schema_version garbage": (
        _sql(
            "DROP TABLE schema_version",
            "CREATE TABLE schema_version (version, note)",
            "INSERT INTO schema_version VALUES ('garbage', '')",
        ),
        ("is damaged", "schema_version holds 'garbage'"),
        False,
    ),
    "schema_version emptied": (
        _sql("DELETE FROM schema_version"),
        ("is damaged", "schema_version holds None"),
        False,
    ),
    "text not UTF-8": (
        _sql(f"UPDATE instruments SET name = CAST(x'ff41' AS TEXT) WHERE id = {_FIRST_INSTRUMENT}"),
        ("not UTF-8", "table instruments", "column name: '\\xffA'"),
        True,  # the file is sound; importing the ledger again mends the row
    ),
    "a key stored as bytes": (
        _sql(
            "UPDATE verifications SET instrument_id = CAST(instrument_id AS BLOB)"
            f" WHERE instrument_id = {_FIRST_INSTRUMENT}"
        ),
        ("holds a row the desk cannot read", "TypeError"),
        True,
    ),
}


@pytest.mark.parametrize("damage", list(DAMAGES))
def test_a_damaged_database_gives_one_typed_line(
    bureau: Path, capsys: pytest.CaptureFixture[str], damage: str
) -> None:
    harm, says, imports = DAMAGES[damage]
    harm(bureau)
    status, _, err = run(capsys, *TEXT_REPORT[:2], bureau, *TEXT_REPORT[2:])
    assert_one_error_line(status, err, *says)
    status, out, err = run(capsys, "desk", "import", bureau, DATA / "lots.csv")
    if imports:
        assert status == 0, err
    else:
        assert_one_error_line(status, err, "is damaged")
        assert "loaded" not in out


def test_the_damage_is_a_desk_database_error_in_python(bureau: Path) -> None:
    _garbage_pages(bureau)
    with pytest.raises(DeskDatabaseError) as caught, Desk(bureau) as desk:
        desk.report(AS_OF)
    assert caught.value.kind == "damaged"
    assert isinstance(caught.value, ValueError)
    assert str(bureau) in str(caught.value)


def test_an_import_into_a_table_beside_a_damaged_one_is_refused(tmp_path: Path) -> None:
    """Garbage in the lots table's pages, which opening the desk does not read: the integrity
    check refuses a licence import (which would not touch those pages) before it writes."""
    path = tmp_path / "b.sqlite"
    with Desk.create(path) as desk:
        desk.import_file(DATA / "lots.csv")
    conn = sqlite3.connect(path)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'lots'").fetchone()[0]
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with path.open("r+b") as stream:
        stream.seek((root - 1) * size)
        stream.write(random.Random(18).randbytes(size))
    with Desk(path) as desk, pytest.raises(DeskDatabaseError, match="is damaged") as caught:
        desk.import_file(DATA / "licences.csv")
    assert caught.value.kind == "damaged"
    assert "nothing was imported" in str(caught.value) or "malformed" in str(caught.value)


# -- rows no import writes -----------------------------------------------------------------------


@pytest.fixture
def impossible(bureau: Path) -> dict[str, tuple[Family, str, str, str]]:
    """The bureau with one impossible cell in each dated table: where, and the cell's text."""
    conn = sqlite3.connect(bureau, isolation_level=None)
    ident, day, outcome = conn.execute(
        "SELECT instrument_id, verified_on, outcome FROM verifications ORDER BY 1, 2 LIMIT 1"
    ).fetchone()
    number = conn.execute("SELECT min(number) FROM licence_events").fetchone()[0]
    other = conn.execute(
        "SELECT min(number) FROM licences WHERE number NOT IN (SELECT number FROM licence_events)"
    ).fetchone()[0]
    case = conn.execute("SELECT min(case_id) FROM case_events").fetchone()[0]
    lot = conn.execute("SELECT min(lot_id) FROM lots").fetchone()[0]
    _sql(
        f"UPDATE verifications SET verified_on = '2026-02-30' WHERE instrument_id = '{ident}'"
        f" AND verified_on = '{day}' AND outcome = '{outcome}'",
        f"UPDATE licence_events SET on_day = '2026-04-31' WHERE number = '{number}'",
        f"UPDATE licences SET issued = '2026-13-45' WHERE number = '{other}'",
        f"UPDATE case_events SET at = 'yesterday' WHERE case_id = '{case}' AND seq = 0",
        f"UPDATE lots SET received = '2026-02-30' WHERE lot_id = '{lot}'",
    )(bureau)
    conn.close()
    return {
        "verifications": (Family.METROLOGY, ident, "verified_on", "2026-02-30"),
        "licence_events": (Family.LICENSING, number, "on_day", "2026-04-31"),
        "licences": (Family.LICENSING, other, "issued", "2026-13-45"),
        "case_events": (Family.COMMITMENTS, case, "at", "yesterday"),
        "lots": (Family.SAMPLING, lot, "received", "2026-02-30"),
    }


def test_an_impossible_stored_day_is_a_refused_item_naming_its_cell(
    bureau: Path, impossible: dict[str, tuple[Family, str, str, str]]
) -> None:
    with Desk(bureau) as desk:
        report = desk.report(AS_OF)
        counts = desk.counts()
    for table, (family, key, column, value) in impossible.items():
        section = report.section(family.value)
        found = [i for i in section.items if i.key == key and i.state == "refused"]
        assert len(found) == 1, (table, key)
        reason = found[0].reason
        assert f"stored {table} row {key!r}, column {column}" in reason, reason
        assert repr(value) in reason, reason
    # nothing dropped: every instrument, licence and lot is counted once
    assert report.section("metrology").read == counts["instruments"]
    assert report.section("licensing").read == counts["licences"]
    assert report.section("sampling").read == counts["lots"]
