"""The command line and the user's files and terminal: Ctrl-C, --html, FIFOs, escape codes.

Issue #18 items 10, 11 and 12.
"""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

import qsdomain
from qsdomain import _files
from qsdomain._terminal import clean
from qsdomain.cli import _ledger, main
from qsdomain.desk import Desk, _import
from qsdomain.errors import InvalidInputError
from qsdomain.ledgers import Rejects, Row
from test_desk import dump

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "examples" / "data"
INSTRUMENTS = "id,name,interval_months,verified_on,outcome\n" + "".join(
    f"N{i},秤,12,2026-01-{i:02d},pass\n" for i in range(1, 21)
)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


# -- item 11: Ctrl-C ------------------------------------------------------------------------------


def test_ctrl_c_during_desk_import_exits_130_with_one_line_and_rolls_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    database = tmp_path / "d.sqlite"
    Desk.create(database).close()
    assert run(capsys, "desk", "import", str(database), str(DATA / "instruments.csv"))[0] == 0
    before = dump(database)
    real = _import._LOADERS["instruments"]

    def interrupted(rows: Iterable[Row]) -> Iterator[Row]:
        for count, row in enumerate(rows):
            if count == 15:  # after some rows were written in the transaction
                raise KeyboardInterrupt
            yield row

    def loader(conn: sqlite3.Connection, rows: Iterable[Row], log: Rejects, mode: str) -> int:
        return real(conn, interrupted(rows), log, mode)

    monkeypatch.setattr(_import, "_BATCH", 5)  # rows reach the database before the interrupt
    monkeypatch.setitem(_import._LOADERS, "instruments", loader)
    ledger = tmp_path / "more.csv"
    ledger.write_text(INSTRUMENTS, encoding="utf-8")
    for extra in ([], ["--json"]):
        status, out, err = run(capsys, "desk", "import", str(database), str(ledger), *extra)
        assert (status, out) == (130, "")
        assert err.count("\n") == 1
        assert "Traceback" not in err
        if extra:
            assert json.loads(err)["error"]["type"] == "KeyboardInterrupt"
        else:
            assert err == "qsdomain: interrupted\n"
    assert dump(database) == before


def test_ctrl_c_in_any_command_exits_130_without_a_traceback(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(*_: object) -> Iterator[object]:
        yield from ()
        raise KeyboardInterrupt

    monkeypatch.setattr(_ledger, "parse_rows", interrupted)
    status, out, err = run(
        capsys, "metrology", "due", str(DATA / "instruments.csv"), "--as-of", "2026-11-27"
    )
    assert (status, out, err) == (130, "", "qsdomain: interrupted\n")


# -- item 12: --html -------------------------------------------------------------------------------


@pytest.fixture
def database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "d.sqlite"
    Desk.create(path).close()
    ledger = tmp_path / "inst.csv"
    ledger.write_text(INSTRUMENTS, encoding="utf-8")
    assert run(capsys, "desk", "import", str(path), str(ledger))[0] == 0
    return path


def test_html_over_a_symlink_replaces_the_link_and_leaves_its_target(
    tmp_path: Path, database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("not a report\n", encoding="utf-8")
    page = tmp_path / "report.html"
    page.symlink_to(victim)
    status, out, _ = run(
        capsys, "desk", "report", str(database), "--as-of", "2026-11-27", "--html", str(page)
    )
    assert (status, out) == (0, f"wrote {page}\n")
    assert victim.read_text(encoding="utf-8") == "not a report\n"
    assert not page.is_symlink()
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_html_that_fails_half_way_leaves_the_old_page_whole(
    tmp_path: Path,
    database: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = tmp_path / "report.html"
    page.write_text("yesterday's page\n", encoding="utf-8")
    original = _files.Replacement.commit

    def disk_full(self: _files.Replacement) -> None:
        assert self.stream is not None
        self.stream.write("x" * 100)  # written, half a page, then the disk is full
        self.discard()
        raise InvalidInputError(self.field, self.target, "a writable file (disk full)")

    monkeypatch.setattr(_files.Replacement, "commit", disk_full)
    status, _, err = run(
        capsys, "desk", "report", str(database), "--as-of", "2026-11-27", "--html", str(page)
    )
    monkeypatch.setattr(_files.Replacement, "commit", original)
    assert status == 2
    assert "--html" in err
    assert page.read_text(encoding="utf-8") == "yesterday's page\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d.sqlite", "inst.csv", "report.html"]


def test_html_at_a_directory_is_a_typed_error(
    tmp_path: Path, database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "out").mkdir()
    folder = str(tmp_path / "out")
    status, out, err = run(
        capsys, "desk", "report", str(database), "--as-of", "2026-11-27", "--html", folder
    )
    assert (status, out) == (2, "")
    assert err.startswith("qsdomain: error: --html must be a writable file")
    assert list((tmp_path / "out").iterdir()) == []
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


# -- item 12: a ledger that is not a regular file ------------------------------------------------

LEDGER_COMMANDS = {
    "metrology due": ["metrology", "due", "{}", "--as-of", "2026-11-27"],
    "licences check": ["licences", "check", "{}", "--as-of", "2026-11-27"],
    "licences check --events": [
        "licences", "check", str(DATA / "licences.csv"), "--events", "{}", "--as-of", "2026-11-27"
    ],
    "commitments status": ["commitments", "status", "{}", "--as-of", "2026-11-27"],
    "commitments status --items": [
        "commitments", "status", str(DATA / "cases.csv"), "--items", "{}", "--as-of", "2026-11-27",
    ],
    "desk import": ["desk", "import", "{db}", "{}"],
}  # fmt: skip


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs os.mkfifo")
def test_every_ledger_command_refuses_a_fifo_instead_of_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "ledger.csv"
    os.mkfifo(fifo)
    database = tmp_path / "d.sqlite"
    Desk.create(database).close()
    # One child runs every command: a blocked read fails the test (timeout), never hangs it.
    script = (
        "import sys, json\n"
        "from qsdomain.cli import main\n"
        "for argv in json.loads(sys.argv[1]):\n"
        "    print(main(argv), flush=True)\n"
    )
    argvs = [
        [a.format(str(fifo), db=str(database)) for a in argv] for argv in LEDGER_COMMANDS.values()
    ]
    env = {**os.environ, "PYTHONPATH": str(Path(qsdomain.__file__).parents[1])}
    done = subprocess.run(
        [sys.executable, "-c", script, json.dumps(argvs)],
        capture_output=True,
        text=True,
        timeout=20,
        env=env,
        check=False,
    )
    assert done.stdout.split() == ["2"] * len(argvs), done.stderr
    errors = done.stderr.splitlines()
    assert len(errors) == len(argvs)
    assert all("regular file (this is a FIFO (named pipe))" in line for line in errors), errors


@pytest.mark.parametrize("command", sorted(LEDGER_COMMANDS))
def test_every_ledger_command_refuses_a_directory(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = tmp_path / "d.sqlite"
    Desk.create(database).close()
    argv = [a.format(str(tmp_path), db=str(database)) for a in LEDGER_COMMANDS[command]]
    status, out, err = run(capsys, *argv)
    assert (status, out) == (2, "")
    assert "regular file (this is a directory)" in err
    assert err.count("\n") == 1


# -- item 10: one cleaner --------------------------------------------------------------------------

HOSTILE = "\x1b]0;PWNED\x07\x1b[2J\x9b31m\u202egnp.exe\u2066\x7f\r"


def test_the_cleaner_leaves_no_control_or_bidi_character() -> None:
    shown = clean(HOSTILE + "\n秤", keep="\n")
    assert shown.endswith("\n秤")
    assert not any(ch in shown for ch in "\x1b\x07\x9b\u202e\u2066\x7f\r")
    assert "PWNED" in shown  # shown, not run


def test_rejected_lines_and_errors_on_stderr_are_cleaned(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ledger = tmp_path / "esc.csv"
    ledger.write_text(
        "id,name,interval_months,verified_on,outcome\n"
        f'A1,"{HOSTILE}",12,2025-01-01,pass\n'
        f'A2,x,12,"2025-02-30{HOSTILE}",pass\n',
        encoding="utf-8",
        newline="",
    )
    status, out, err = run(capsys, "metrology", "due", str(ledger), "--as-of", "2026-11-27")
    assert status == 1
    assert "PWNED" in out
    assert "rejected: line " in err
    missing = str(tmp_path / f"{HOSTILE}.csv")
    status, _, err = run(capsys, "metrology", "due", missing, "--as-of", "2026-11-27")
    assert status == 2
    assert err.startswith("qsdomain: error:")
    for text in (out, err):
        assert not any(ch in text for ch in "\x1b\x07\x9b\u202e\u2066\x7f\r")


def test_a_replaced_file_gets_the_mode_a_plain_open_would_give(tmp_path: Path) -> None:
    mask = os.umask(0o027)
    try:
        target = tmp_path / "page.html"
        with _files.replaced(str(target), field="html") as out:
            out.write("x")
        assert stat.S_IMODE(target.stat().st_mode) == 0o640
    finally:
        os.umask(mask)
    assert [p.name for p in tmp_path.iterdir()] == ["page.html"]  # no temporary file left
