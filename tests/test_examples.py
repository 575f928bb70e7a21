"""The bundled examples run and print the answers the rules give."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

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
    # 2022-02-28 + 5 years, inclusive: the day before 2027-02-28.
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
