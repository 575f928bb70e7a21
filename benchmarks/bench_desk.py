"""The desk at province scale: generate, import and report on a big bureau database.

Run: ``python benchmarks/bench_desk.py [--instruments N] [--licences N] [--cases N]``
(defaults: the issue's province, 1,000,000 instruments, 100,000 licences, 200,000 cases).
Each step runs in its own process so that its peak memory (maximum resident set) is its own:

* ``examples/make_bureau.py`` writes the ledgers (CSV) into a temporary folder;
* ``qsdomain desk init`` and ``qsdomain desk import`` load them into SQLite;
* ``Desk(path).report(as_of=...)`` computes the report (target: at most 30 s and 500 MB).

Figures depend on the machine; nothing here is asserted.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "examples"))
from make_bureau import FILES  # noqa: E402 - the generator's files, in the order they import

AS_OF = "2026-11-27"

_REPORT = """
import resource, sys, time
from datetime import date
from qsdomain.desk import Desk
start = time.perf_counter()
with Desk(sys.argv[1]) as desk:
    report = desk.report(as_of=date.fromisoformat(sys.argv[2]))
elapsed = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
for s in report.sections:
    print(f"  {s.family.value:<12} read {s.read:>9,}  needing action {s.needing_action:>7,}")
print(f"report: {elapsed:.1f} s, peak {peak:.0f} MB (targets 30 s, 500 MB)")
"""


def _step(title: str, argv: list[str]) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(argv, check=True, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    print(f"{title}: {elapsed:.1f} s wall, {cpu:.1f} s CPU")
    if done.stdout.strip():
        print(done.stdout.rstrip())
    return elapsed


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--instruments", type=int, default=1_000_000)
    parser.add_argument("--licences", type=int, default=100_000)
    parser.add_argument("--cases", type=int, default=200_000)
    args = parser.parse_args(argv)
    python = sys.executable
    with tempfile.TemporaryDirectory() as folder:
        ledgers = Path(folder) / "ledgers"
        db = str(Path(folder) / "province.sqlite")
        sizes = [
            "--instruments",
            str(args.instruments),
            "--licences",
            str(args.licences),
            "--cases",
            str(args.cases),
        ]
        _step(
            "generate",
            [python, str(ROOT / "examples" / "make_bureau.py"), str(ledgers), *sizes],
        )
        _step("init", [python, "-m", "qsdomain", "desk", "init", db])
        files = [ledgers / name for name in FILES]
        _step("import", [python, "-m", "qsdomain", "desk", "import", db, *map(str, files)])
        print(f"database: {Path(db).stat().st_size / 2**20:.0f} MB")
        _step("report", [python, "-c", _REPORT, db, AS_OF])


if __name__ == "__main__":
    main()
