"""Metrology: one status, one interval test, and a million-instrument ledger streamed from CSV.

Run: ``python benchmarks/bench_metrology.py [ROWS]`` (default 1,000,000). Prints:

* the median time of one :func:`~qsdomain.metrology.status` call (target <= 5 µs) and one
  :func:`~qsdomain.metrology.interval_test` call with 20 results (target <= 50 µs);
* the time and peak memory (resident set growth) of reading a generated CSV ledger of ROWS
  instruments with the ``csv`` module and streaming it through ``ledger_report`` (the status
  of every instrument, the due list and the summary; targets: <= 3 s, <= 200 MB), the reader
  sharing what rows have in common as the command line's reader does: one Instrument per
  kind renumbered per row with ``Instrument.with_id``, one ``Verification`` per distinct
  (day, outcome); the best of three runs, the machine being shared. Then the same with a new
  Instrument and Verification built for every row, and the composition
  ``due_report(statuses(...))`` (the same report, a status object built for every row) with
  each reader. Every run is in its own process, forked before it starts, and all the reports
  are checked to be the same;
* the floors: the csv module alone, and the shared reader's objects with no status computed;
* if pandas is installed, the same due dates computed the way a user would otherwise do it
  (``read_csv`` plus vectorised month offsets) and the ratio.

Figures depend on the machine; nothing here is asserted.
"""

from __future__ import annotations

import csv
import multiprocessing
import random
import resource
import statistics
import sys
import tempfile
import time
import timeit
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

from qsdomain.metrology import (
    DueReport,
    Instrument,
    Outcome,
    Verification,
    due_report,
    interval_test,
    ledger_report,
    status,
    statuses,
)
from qsdomain.periods import Term

AS_OF = date(2026, 11, 27)
REPEAT = 7


def median_us(fn: object, number: int) -> float:
    times = timeit.repeat(fn, number=number, repeat=REPEAT)  # type: ignore[arg-type]
    return statistics.median(times) / number * 1e6


def write_ledger(path: Path, rows: int) -> None:
    """A ledger like a county office's: most instruments verified within their interval."""
    rng = random.Random(9)
    outcomes = ["pass"] * 96 + ["fail"] * 2 + ["adjusted"] * 2
    with path.open("w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(["id", "name", "interval_months", "verified_on", "outcome"])
        for i in range(rows):
            months = rng.choice((6, 12, 24))
            verified = AS_OF - timedelta(days=rng.randrange(months * 33))
            out.writerow(
                [
                    f"JL-{i:07d}",
                    "电子计价秤",
                    rng.choice((6, 12, 24)),
                    verified,
                    rng.choice(outcomes),
                ]
            )


def read_ledger(path: Path) -> Iterator[tuple[Instrument, list[Verification]]]:
    """What an edge reader does: one row at a time, terms shared by value."""
    terms: dict[str, Term] = {}
    with path.open(newline="", encoding="utf-8") as fh:
        rows = csv.reader(fh)
        next(rows)
        for ident, name, months, verified, outcome in rows:
            term = terms.get(months)
            if term is None:
                term = terms[months] = Term(months=int(months))
            instrument = Instrument(id=ident, name=name, interval=term)
            # The outcome cell as read: Verification looks its value up (Outcome(...) would
            # cost an Enum call per row for the same member).
            record = Verification(on=date.fromisoformat(verified), outcome=outcome)
            yield instrument, [record]


def read_ledger_shared(path: Path) -> Iterator[tuple[Instrument, list[Verification]]]:
    """The same rows, sharing what rows have in common, as ``qsdomain metrology due`` does.

    One Instrument per kind (name and interval) renumbered per row with ``with_id`` (only the
    id is checked again, and the copy is made without the constructor's per-field calls), and
    one Verification per distinct (day, outcome) cell pair: records are frozen and equal by
    value, so one serves every row that has it (a ledger of a million rows has a few
    thousand).
    """
    kinds: dict[tuple[str, str], Instrument] = {}
    records: dict[tuple[str, str], Verification] = {}
    with path.open(newline="", encoding="utf-8") as fh:
        rows = csv.reader(fh)
        next(rows)
        for ident, name, months, verified, outcome in rows:
            kind = kinds.get((name, months))
            if kind is None:
                kind = kinds[name, months] = Instrument(
                    id=ident, name=name, interval=Term(months=int(months))
                )
            record = records.get((verified, outcome))
            if record is None:
                record = records[verified, outcome] = Verification(
                    on=date.fromisoformat(verified), outcome=outcome
                )
            yield kind.with_id(ident), [record]


def floors(path: Path) -> tuple[float, float]:
    """Seconds to read the ledger with the csv module alone, then also building the objects.

    What no status computation can go below: the second figure is the first plus one
    Instrument (and one shared record) per row, with nothing computed.
    """
    start = time.perf_counter()
    with path.open(newline="", encoding="utf-8") as fh:
        for _ in csv.reader(fh):
            pass
    csv_s = time.perf_counter() - start
    start = time.perf_counter()
    for _ in read_ledger_shared(path):
        pass
    return csv_s, time.perf_counter() - start


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def in_child(make: Callable[[], DueReport]) -> tuple[float, float, int, str]:
    """Run ``make`` in a forked process: (seconds, peak RSS growth in MB, a digest of the
    report to compare runs by, a line describing it)."""
    reader, writer = multiprocessing.Pipe(duplex=False)

    def run() -> None:
        before = rss_mb()
        start = time.perf_counter()
        report = make()
        elapsed = time.perf_counter() - start
        s = report.summary
        digest = hash((s, tuple((st.id, st.state, st.due) for st in report.due)))
        text = (
            f"due {len(report.due):,}, overdue {s.overdue:,}, out of service {s.out_of_service:,}"
        )
        writer.send((elapsed, rss_mb() - before, digest, text))

    child = multiprocessing.get_context("fork").Process(target=run)
    child.start()
    found: tuple[float, float, int, str] = reader.recv()
    child.join()
    return found


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    scale = Instrument(id="JL-2025-0001", name="电子计价秤", interval=Term(years=1))
    history = [Verification(on=date(2025, 12, 1), outcome=Outcome.PASS)]
    one_status = median_us(lambda: status(scale, history, AS_OF), 20000)
    one_test = median_us(lambda: interval_test(365, 15, 20, 0.95), 5000)
    print(f"status, one call:         {one_status:6.2f} µs")
    print(f"interval_test, n=20:      {one_test:6.2f} µs")

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "ledger.csv"
        write_ledger(path, rows)
        # Each run in a fresh process forked from this small one: a run's leftovers (a due list
        # of a quarter of a million statuses, a fragmented heap) would slow the next one.
        # The best of three runs (the machine is shared); each run in its own process.
        runs = [in_child(lambda: ledger_report(read_ledger_shared(path), AS_OF)) for _ in range(3)]
        assert len({run[2] for run in runs}) == 1
        shared_s, shared_mb, digest, text = min(runs)
        print(f"ledger of {rows:,}, shared reader + ledger_report: {shared_s:.2f} s, "
              f"peak RSS growth {shared_mb:.0f} MB (targets: 3 s, 200 MB); {text}")  # fmt: skip
        elapsed, grown, plain, _ = in_child(lambda: ledger_report(read_ledger(path), AS_OF))
        assert plain == digest
        print(f"same, a new Instrument and Verification per row: {elapsed:.2f} s, "
              f"{grown:.0f} MB")  # fmt: skip
        composed_s, _, composed, _ = in_child(
            lambda: due_report(statuses(read_ledger(path), AS_OF))
        )
        assert composed == digest
        composed_shared_s, _, composed, _ = in_child(
            lambda: due_report(statuses(read_ledger_shared(path), AS_OF))
        )
        assert composed == digest
        print(
            f"due_report(statuses(...)), a status object per row: {composed_s:.2f} s; "
            f"records shared: {composed_shared_s:.2f} s"
        )
        csv_s, objects_s = floors(path)
        print(
            f"floors: csv module alone {csv_s:.2f} s; "
            f"csv + the objects (shared reader, no status) {objects_s:.2f} s"
        )
        try:
            import pandas as pd
        except ImportError:
            print("pandas not installed (pip install -e '.[bench]'): comparison skipped")
            return
        start = time.perf_counter()
        frame = pd.read_csv(path, parse_dates=["verified_on"])
        ends = [
            group["verified_on"] + pd.DateOffset(months=int(months)) - timedelta(days=1)
            for months, group in frame.groupby("interval_months")
        ]
        pd.concat(ends)
        pandas_s = time.perf_counter() - start
        print(
            f"pandas read_csv + DateOffset (due dates only): {pandas_s:.2f} s "
            f"(qsdomain / pandas = {shared_s / pandas_s:.2f}; "
            f"{elapsed / pandas_s:.2f} building every object afresh)"
        )


if __name__ == "__main__":
    main()
