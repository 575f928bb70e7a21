"""Start-up costs: `import qsdomain`, the first `china()`, and a one-shot CLI command.

Run: ``make bench`` (or ``python benchmarks/bench_import.py``). Targets (issues #2, #19):
``import qsdomain`` adds at most 30 ms to interpreter start (``python -X importtime``);
building the calendar on first use (reading the 23 bundled ``load_schedule`` files, once per
process) at most 20 ms; ``qsdomain calendar add 2026-09-30 5`` at most 100 ms wall time on a
quiet machine. Medians of several runs; nothing is asserted.
"""

from __future__ import annotations

import re
import statistics
import subprocess
import sys
import time

RUNS = 15


def import_time_ms(statement: str) -> float:
    """Median cumulative import time of the top-level qsdomain module, from -X importtime."""
    values = []
    for _ in range(RUNS):
        err = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", statement],
            capture_output=True,
            text=True,
            check=True,
        ).stderr
        total = 0
        for line in err.splitlines():
            m = re.match(r"import time:\s+\d+ \|\s+(\d+) \|( *)(\S+)$", line)
            # Top-level entries (one space of indent) of qsdomain and its submodules.
            if m and m.group(3).split(".")[0] == "qsdomain" and len(m.group(2)) == 1:
                total += int(m.group(1))
        values.append(total / 1000)
    return statistics.median(values)


def wall_ms(argv: list[str]) -> float:
    values = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run(argv, capture_output=True, check=True)
        values.append((time.perf_counter() - start) * 1000)
    return statistics.median(values)


def first_china_ms() -> float:
    code = (
        "import time; from qsdomain.calendars import china; t=time.perf_counter(); china(); "
        "print((time.perf_counter()-t)*1000)"
    )
    values = [
        float(
            subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, check=True
            ).stdout
        )
        for _ in range(RUNS)
    ]
    return statistics.median(values)


def main() -> None:
    print(f"medians of {RUNS} runs")
    rows = [
        ("import qsdomain (cumulative, -X importtime)", import_time_ms("import qsdomain")),
        ("import qsdomain.calendars (cumulative)", import_time_ms("import qsdomain.calendars")),
        ("first china() (bundled JSON files + index build)", first_china_ms()),
        ("python -c pass (interpreter start, wall)", wall_ms([sys.executable, "-c", "pass"])),
        (
            "python -m qsdomain calendar add 2026-09-30 5 (wall)",
            wall_ms([sys.executable, "-m", "qsdomain", "calendar", "add", "2026-09-30", "5"]),
        ),
    ]
    for label, ms in rows:
        print(f"{label:<52} {ms:7.1f} ms")


if __name__ == "__main__":
    main()
