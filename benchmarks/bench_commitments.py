"""Service-commitment clocks: one ``clock`` call, and the clocks of a large ledger.

Run: ``python benchmarks/bench_commitments.py [N]`` (N cases, default 100,000). Prints:

* the median time of one :func:`qsdomain.commitments.clock` call over a mix of cases (received,
  accepted, with an exclusion, extended, decided, delivered: up to 10 events each);
* the time to stream :func:`qsdomain.commitments.clocks` over N cases (every clock computed and
  dropped), the rate per case, and the extrapolation to 1,000,000 cases (measured at N, scaled
  linearly: the work is per case); then :func:`worklist` over the same cases (every clock
  read, those to act on kept and sorted; the target includes it, issue #19) and the stream
  into :func:`tally`;
* the time to build the distinct cases (``Case`` validates its timeline at construction),
  separately. At most 100,000 distinct cases are built; a larger N cycles through them (a
  clock keeps nothing from one case to the next, so repeating a case costs what a new one
  would).

Targets (issues #11, #19): one clock call at most 10 µs; 1,000,000 cases at most 5 s, the
worklist included. The figures
depend on the machine; nothing here is asserted.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
import timeit
from collections import deque
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from qsdomain.calendars import china
from qsdomain.commitments import (
    Accepted,
    Case,
    Decided,
    Delivered,
    Event,
    ExclusionEnded,
    ExclusionStarted,
    ExtensionGranted,
    ProgressReported,
    Received,
    clock,
    clocks,
    example_catalogue,
    tally,
    worklist,
)

SH = ZoneInfo("Asia/Shanghai")
AS_OF = date(2026, 9, 30)


ITEMS = [i for i in example_catalogue() if i.mode.value != "immediate"]


def make_case(rng: random.Random, number: int) -> Case:
    """A case received in 2025 or early 2026 with up to 10 events."""
    item = rng.choice(ITEMS)
    t = datetime(2025, 1, 2, 9, tzinfo=SH) + timedelta(minutes=rng.randrange(600_000))

    def later(days: int) -> datetime:
        nonlocal t
        t += timedelta(days=rng.randrange(days + 1), minutes=rng.randrange(1, 600))
        return t

    events: list[Event] = [Received(at=t), Accepted(at=later(3))]
    if rng.random() < 0.5:
        kind = sorted(item.excludable, key=lambda k: k.value)[0]
        events += [ExclusionStarted(at=later(5), kind=kind), ExclusionEnded(at=later(10))]
    if rng.random() < 0.3:
        days = max(1, item.max_extension)
        events.append(ExtensionGranted(at=later(3), days=days, by="局长", reason="现场核查"))
    events += [ProgressReported(at=later(3)) for _ in range(rng.randrange(3))]
    if rng.random() < 0.7:
        events.append(Decided(at=later(20)))
        if rng.random() < 0.8:
            events.append(Delivered(at=later(5)))
    return Case(id=f"2025-{number:07d}", item=item, events=events)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    rng = random.Random(11)
    cal = china()

    started = time.perf_counter()
    distinct = [make_case(rng, i) for i in range(min(n, 100_000))]
    built = time.perf_counter() - started
    per_build = built / len(distinct) * 1e6
    cases = [distinct[i % len(distinct)] for i in range(n)]
    events = sum(len(c.events) for c in distinct) / len(distinct)
    print(f"built {len(distinct):,} distinct cases ({events:.1f} events on average): "
          f"{per_build:.1f} µs per Case (validation included)")  # fmt: skip

    sample = distinct[:1000]
    runs = timeit.repeat(
        lambda: [clock(c, AS_OF, calendar=cal) for c in sample], number=3, repeat=7
    )
    one = statistics.median(runs) / (3 * len(sample)) * 1e6
    print(f"one clock call: median {one:.2f} µs (target <= 10 µs)")

    best = float("inf")
    for _ in range(3):  # the best of three: the machine is shared
        started = time.perf_counter()
        deque(clocks(cases, AS_OF, calendar=cal), maxlen=0)
        best = min(best, time.perf_counter() - started)
    print(f"clocks over {n:,} cases: {best:.2f} s ({best / n * 1e6:.2f} µs per case; "
          f"best of 3)")  # fmt: skip
    print(f"extrapolated to 1,000,000 cases: {best / n * 1e6:.1f} s (target <= 5 s; "
          f"measured at {n:,} and scaled linearly)")  # fmt: skip
    started = time.perf_counter()
    listed = len(worklist(cases, AS_OF, calendar=cal))
    streamed = time.perf_counter() - started
    print(f"worklist over {n:,} cases (every clock read): {streamed:.2f} s "
          f"({streamed / n * 1e6:.2f} µs per case; {listed:,} listed; target <= 5 s "
          f"at 1,000,000: {streamed / n * 1e6:.1f} s extrapolated)")  # fmt: skip
    started = time.perf_counter()
    tally(clocks(cases, AS_OF, calendar=cal))
    counted = time.perf_counter() - started
    print(f"clocks + tally over {n:,} cases: {counted:.2f} s")


if __name__ == "__main__":
    main()
