"""The bundled examples run and print the answers the rules give."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def demo_lines(*argv: str) -> list[str]:
    """What ``examples/demo.py ARGV`` prints, line by line."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "demo.py"), *argv],
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.splitlines()


def test_demo_prints_a_county_bureaus_morning(tmp_path: Path) -> None:
    lines = demo_lines("--as-of", "2026-11-27", "--limit", "3", "--keep", str(tmp_path))
    imported = [line for line in lines if line.startswith("imported ")]
    assert len(imported) == 6
    for line in imported:  # every generated row loads: "N of N rows"
        loaded, _, rest = line.partition(": ")[2].partition(" of ")
        assert rest.startswith(loaded + " rows"), line
    for heading in ("Metrology 计量", "Licensing 许可", "Service commitments 五办承诺"):
        assert heading in lines
    assert "Sampling inspection 抽样检验" in lines
    assert sum(1 for line in lines if line.startswith("... and ")) >= 3
    assert (tmp_path / "report.html").read_text(encoding="utf-8").count("<svg") == 1
    assert (tmp_path / "bureau.sqlite").is_file()


def test_demo_is_the_same_every_run() -> None:
    assert demo_lines("--limit", "5") == demo_lines("--limit", "5")
