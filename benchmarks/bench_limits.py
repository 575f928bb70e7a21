"""Calls at their documented limits (issue #18 item 15): each should take well under 1 s.

Run: ``python benchmarks/bench_limits.py``. Prints the time of:

* ``metrology.reliability_bounds(n // 2, n, 0.95)`` for n = 10**4, 10**5 and
  ``MAX_METROLOGY_CALIBRATIONS`` (10**6), and ``interval_test`` at that limit;
* ``metrology.fit_reliability`` (both models) and ``s2_interval`` on ``MAX_RELIABILITY_BINS``
  bins of random history (the worst of a few seeds);
* ``licensing.register_kind`` called once per kind up to ``MAX_KINDS``, and one call at the limit.

Figures depend on the machine; nothing here is asserted.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable

from qsdomain import limits
from qsdomain.licensing import LicenceKind, Source, default_kinds, register_kind
from qsdomain.metrology import (
    ReliabilityBin,
    fit_reliability,
    interval_test,
    reliability_bounds,
    s2_interval,
)
from qsdomain.periods import Term


def seconds(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> None:
    for n in (10**4, 10**5, limits.MAX_METROLOGY_CALIBRATIONS):
        took = seconds(lambda n=n: reliability_bounds(n // 2, n, 0.95))  # type: ignore[misc]
        print(f"reliability_bounds(n // 2, n, 0.95), n = {n:>9,}: {took:8.3f} s")
    n = limits.MAX_METROLOGY_CALIBRATIONS
    took = seconds(lambda: interval_test(365, n // 2, n, 0.9))
    print(f"interval_test(365, n // 2, n, 0.9),   n = {n:>9,}: {took:8.3f} s")

    worst: dict[str, float] = {}
    for seed in range(3):
        rng = random.Random(seed)
        bins = []
        for i in range(limits.MAX_RELIABILITY_BINS):
            calibrated = rng.choice((1, 10, 1000, 10**6))
            bins.append(ReliabilityBin((1 + i) * 0.5, calibrated, rng.randint(0, calibrated)))
        for model in ("exponential", "weibull"):
            took = seconds(lambda b=bins, m=model: fit_reliability(b, m))  # type: ignore[misc]
            worst[model] = max(worst.get(model, 0.0), took)
        took = seconds(lambda b=bins: s2_interval(b, 0.9))  # type: ignore[misc]
        worst["s2_interval"] = max(worst.get("s2_interval", 0.0), took)
    for name, took in worst.items():
        print(f"{name:>12} on {limits.MAX_RELIABILITY_BINS:,} bins (worst of 3): {took:8.3f} s")

    kinds = [
        LicenceKind(
            code=f"provincial_{i}",
            name="某省某许可证",
            term=Term(years=3),
            term_source=Source("某省办法", "text"),
        )
        for i in range(limits.MAX_KINDS - len(default_kinds()))
    ]
    registry = default_kinds()
    start = time.perf_counter()
    for kind in kinds[:-1]:
        registry = register_kind(kind, registry=registry)
    took = time.perf_counter() - start
    print(f"register_kind one at a time up to {limits.MAX_KINDS:,} kinds: {took:8.3f} s")
    last = seconds(lambda: register_kind(kinds[-1], registry=registry))
    print(f"register_kind once at {limits.MAX_KINDS:,} kinds: {last * 1e3:8.3f} ms")


if __name__ == "__main__":
    main()
