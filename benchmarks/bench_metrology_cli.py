"""``qsdomain metrology due`` on a generated ledger, in-process: rows per second and peak memory.

Run: ``python benchmarks/bench_metrology_cli.py [ROWS] [--tracemalloc]`` (default 1,000,000
rows). The ledger is written into a temporary directory (never committed) with the Chinese
headers a county office's export has; the command is run through :func:`qsdomain.cli.main`
with its standard output discarded, so the figures include reading and checking every row,
building the objects, the statuses, the due list and its text table. Prints the wall time,
rows/s, the due list's length and the growth of the process's peak resident set (and, with
``--tracemalloc``, the peak of Python allocations, which slows the run about twofold).
Targets of issue #9: 3 s and 200 MB for 1,000,000 instruments. Nothing here is asserted.
"""

from __future__ import annotations

import contextlib
import csv
import io
import random
import resource
import sys
import tempfile
import time
import tracemalloc
from datetime import date, timedelta
from pathlib import Path

from qsdomain.cli import main as qsdomain

AS_OF = date(2026, 11, 27)
HEADER = ["器具编号", "器具名称", "器具类别", "检定周期(月)", "检定日期", "检定结论"]
NAMES = [
    ("电子计价秤", "非自动衡器", 12),
    ("燃油加油机", "燃油加油机", 6),
    ("出租汽车计价器", "出租汽车计价器", 12),
    ("电子血压计", "血压计", 12),
    ("可燃气体检测报警器", "可燃气体检测报警器", 12),
    ("压力表", "压力表", 6),
]


def write_ledger(path: Path, rows: int) -> None:
    """Most instruments verified within their interval; a few failed, a few never verified."""
    rng = random.Random(9)
    outcomes = ["合格"] * 96 + ["不合格"] * 2 + ["调修后合格"] * 2
    with path.open("w", newline="", encoding="utf-8-sig") as fh:
        out = csv.writer(fh)
        out.writerow(HEADER)
        for i in range(rows):
            name, category, months = rng.choice(NAMES)
            if rng.random() < 0.002:
                out.writerow([f"JL-{i:07d}", name, category, months, "", ""])
                continue
            verified = AS_OF - timedelta(days=rng.randrange(months * 33))
            out.writerow([f"JL-{i:07d}", name, category, months, verified, rng.choice(outcomes)])


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_due(path: Path) -> tuple[int, float, float, str]:
    sink = io.StringIO()
    start, cpu = time.perf_counter(), time.process_time()
    with contextlib.redirect_stdout(sink):
        status = qsdomain(["metrology", "due", str(path), "--as-of", AS_OF.isoformat()])
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    return status, elapsed, cpu, sink.getvalue().rstrip("\n").rsplit("\n", 1)[-1]


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    rows = int(args[0]) if args else 1_000_000
    traced = "--tracemalloc" in sys.argv
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "ledger.csv"
        write_ledger(path, rows)
        size = path.stat().st_size / 1e6
        before = peak_rss_mb()
        if traced:
            tracemalloc.start()
        status, elapsed, cpu, summary = run_due(path)
        if traced:
            _, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
        grown = peak_rss_mb() - before
        print(f"ledger: {rows:,} rows, {size:.0f} MB CSV")
        print(
            f"metrology due: {elapsed:.2f} s wall, {cpu:.2f} s CPU, "
            f"{rows / elapsed:,.0f} rows/s (wall), exit {status}"
        )
        print(f"peak RSS growth: {grown:.0f} MB (peak RSS {peak_rss_mb():.0f} MB)")
        if traced:
            print(f"tracemalloc peak: {peak / 1e6:.0f} MB (timing above includes tracing)")
        print(summary)


if __name__ == "__main__":
    main()
