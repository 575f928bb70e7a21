"""Licence status: one call, and a register of 1,000,000 licences streamed.

Run: ``python benchmarks/bench_licensing.py [N]`` (N defaults to 1,000,000). Prints:

* the median time of one :func:`qsdomain.licensing.status` call for a licence with 0, 1, 3 and
  5 events, for a month-lead kind and for a working-day lead (food production): ``status`` is
  the plain rule, with no memo (#19: speed lives only in ``licensing/_kernel.py``, behind the
  batch entries);
* the time to stream :func:`qsdomain.licensing.statuses` over N licences of mixed kinds (a
  fifth with a renewal filing), built beforehand, as of one day;
* the same including building the ``Licence`` objects from plain values, as a register import
  would.

Targets: 1,000,000 licences through ``statuses`` at most 3 s (issues #10, #19). Issue #10's
5 µs for one call was met by a memo in ``status`` itself; since #19 the one call is the rule.
The figures depend on the machine; nothing here is asserted.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
import timeit
from collections.abc import Iterator
from datetime import date, timedelta

from qsdomain.calendars import china
from qsdomain.licensing import (
    Changed,
    Licence,
    LicenceEvent,
    RenewalApplied,
    Renewed,
    Suspended,
    status,
    statuses,
)

AS_OF = date(2026, 6, 1)
KINDS = ("industrial_product", "inspection_body", "measurement_standard", "food_production")


def _history(count: int) -> tuple[LicenceEvent, ...]:
    events: list[LicenceEvent] = [
        Changed(on=date(2022, 1, 10)),
        Suspended(on=date(2022, 5, 1), until=date(2022, 6, 30)),
        Changed(on=date(2023, 3, 1)),
        RenewalApplied(on=date(2025, 9, 1)),
        Renewed(on=date(2026, 1, 5)),
    ]
    return tuple(events[:count])


def one_call() -> None:
    cal = china()
    for kind in ("industrial_product", "food_production"):
        lic = Licence(kind=kind, number="X1", holder="某厂", issued=date(2021, 3, 15))
        for count in (0, 1, 3, 5):
            events = _history(count)
            number = 20_000
            times = timeit.repeat(
                lambda lic=lic, events=events: status(lic, events, AS_OF, calendar=cal),
                number=number,
                repeat=5,
            )
            per = statistics.median(times) / number * 1e6
            print(f"status, {kind:<20} {count} events: {per:6.2f} µs")


def _register(n: int) -> list[Licence | tuple[Licence, tuple[LicenceEvent, ...]]]:
    rng = random.Random(10)
    out: list[Licence | tuple[Licence, tuple[LicenceEvent, ...]]] = []
    first = date(2020, 7, 1)
    for i in range(n):
        issued = first + timedelta(days=rng.randrange(0, 2000))
        lic = Licence(kind=KINDS[i % 4], number=f"N{i}", holder="某单位", issued=issued)
        if i % 5 == 0:
            filed = min(issued + timedelta(days=1200), AS_OF)
            out.append((lic, (RenewalApplied(on=filed),)))
        else:
            out.append(lic)
    return out


def _build(n: int) -> Iterator[Licence]:
    rng = random.Random(10)
    first = date(2020, 7, 1)
    for i in range(n):
        issued = first + timedelta(days=rng.randrange(0, 2000))
        yield Licence(kind=KINDS[i % 4], number=f"N{i}", holder="某单位", issued=issued)


def many(n: int) -> None:
    register = _register(n)
    started = time.perf_counter()
    counted = sum(1 for _ in statuses(register, AS_OF))
    elapsed = time.perf_counter() - started
    print(f"statuses over {counted:,} built licences: {elapsed:.2f} s")
    started = time.perf_counter()
    counted = sum(1 for _ in statuses(_build(n), AS_OF))
    elapsed = time.perf_counter() - started
    print(f"statuses over {counted:,} licences built on the fly: {elapsed:.2f} s")


if __name__ == "__main__":
    one_call()
    many(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000)
