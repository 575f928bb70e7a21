"""The bundled examples run and print the answers the rules give."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

from qsdomain.calendars import china

ROOT = Path(__file__).resolve().parents[1]


def demo_lines(as_of: str) -> list[str]:
    """What ``examples/demo.py --as-of AS_OF`` prints, line by line."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "demo.py"), "--as-of", as_of],
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.splitlines()


def test_demo_prints_the_deadlines_and_statuses() -> None:
    lines = demo_lines("2026-11-22")
    # 60 working days after 15 Sep 2026, across Mid-Autumn and National Day breaks.
    assert any(line.startswith("XK-2026-0915-003") and "2026-12-14" in line for line in lines)
    # A limit that runs past the covered years is reported, not guessed.
    assert any(line.startswith("XK-2026-1118-004") and "not covered" in line for line in lines)
    # Licences: see test_demo_prints_each_licence_status for the answers computed here.
    assert any(line.startswith("XK13-011-01256") and "2027-02-27" in line for line in lines)
    assert any(line.startswith("XK06-015-00871") and line.endswith("expired") for line in lines)
    # Lots: the second not-accepted lot within five switches to tightened (clause 9.3.1), five
    # accepted lots on tightened switch back (clause 9.3.2); the tightened plan is K 125 3/4.
    assert any(
        line.startswith("L2026-105") and "-> tightened (clause 9.3.1)" in line for line in lines
    )
    assert any(line.startswith("L2026-106") and "tightened K 125 3/4" in line for line in lines)
    assert any(
        line.startswith("L2026-110") and "-> normal (clause 9.3.2)" in line for line in lines
    )


def test_a_deadline_on_the_friday_before_a_saturday_as_of_has_passed() -> None:
    """Regression: as of Saturday 2026-11-28 the case due Friday 2026-11-27 showed '0 wd'."""
    line = next(x for x in demo_lines("2026-11-28") if x.startswith("XK-2026-1030-007"))
    assert "2026-11-27" in line
    assert "passed" in line
    assert "0 wd" not in line


def _licence_line(lines: list[str], number: str) -> list[str]:
    """The cells (licence, kind, expires, renew by, state) the demo prints for ``number``."""
    line = next(x for x in lines if x.startswith(number + " "))
    return line.split()


def test_demo_prints_each_licence_status() -> None:
    """The answers are worked out here by hand from the rules, not by the licensing module."""
    lines = demo_lines("2026-11-22")
    # Industrial product licence, 5 years inclusive (条例 art. 25): issued 2022-02-28, so valid
    # through the day before 2027-02-28; renewal 6 months before expiry; nothing filed.
    expiry = date(2027, 2, 28) - timedelta(days=1)
    assert _licence_line(lines, "XK13-011-01256")[2:] == [
        expiry.isoformat(),
        date(2026, 8, 27).isoformat(),
        "renewal_overdue",
    ]
    # Issued 2021-05-31: valid through 2026-05-30, file by 2025-11-30; filed 2026-03-02 (late),
    # so no deemed renewal: expired.
    assert _licence_line(lines, "XK06-015-00871")[2:] == ["2026-05-30", "2025-11-30", "expired"]
    # Food licence through 2026-11-30: file 30 working days before (SAMR Order 24 of 2020).
    due = china().add_working_days(date(2026, 11, 30), -30)
    assert _licence_line(lines, "SC12433010600045")[2:] == [
        "2026-11-30",
        due.isoformat(),
        "renewal_overdue",
    ]
    # Food licence through 2026-10-19, filed 2026-08-03, before the last day to file (30
    # working days back across National Day), undecided at expiry: deemed renewed for a full
    # 5-year term from 2026-10-20 (行政许可法 art. 50).
    assert date(2026, 8, 3) <= china().add_working_days(date(2026, 10, 19), -30)
    cells = _licence_line(lines, "SC10633010200001")
    assert (cells[2], cells[4]) == (
        (date(2031, 10, 20) - timedelta(days=1)).isoformat(),
        "deemed_renewed",
    )
    # Suspended 2026-10-15 through 2027-01-14; revoked 2026-07-06; cancelled 2025-08-15.
    assert _licence_line(lines, "330106-Q2-2024-0033")[-1] == "suspended"
    assert _licence_line(lines, "TS2233001-2027")[-1] == "revoked"
    assert _licence_line(lines, "190012349876")[-1] == "cancelled"
    # Renewed 2025-08-28 through the printed 2030-09-13: valid again, next filing 6 months before.
    assert _licence_line(lines, "XK05-009-00412")[2:] == ["2030-09-13", "2030-03-13", "valid"]
