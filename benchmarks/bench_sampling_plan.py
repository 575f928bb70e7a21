"""Plan look-up speed: ``plan_for`` (Table 1, arrows, redirections, 100 % check).

Run: ``make bench`` (or ``python benchmarks/bench_sampling_plan.py``). Targets: at most 5 µs per
call (issue #3), at most 7 µs for ``plan_for(2000, "1.5")`` (issue #19: ``plan_for`` builds its
own ``LotPlan`` as a trusted draft instead of re-deriving it). Median over repeats of 1,000
random (lot size, AQL) pairs; nothing is asserted.
"""

from __future__ import annotations

import random
import statistics
import timeit

from qsdomain.sampling import _gbt2828_1_2012 as gbt
from qsdomain.sampling import plan_for

REPEAT = 9


def main() -> None:
    rng = random.Random(2859)
    cases = [(rng.randrange(2, 10**6), rng.choice(gbt.AQLS)) for _ in range(1000)]
    print("plan_for: median µs per call over 1,000 random lots x", REPEAT, "repeats")
    for level, severity, scheme in (
        ("II", "normal", "single"),
        ("II", "tightened", "single"),
        ("I", "reduced", "double"),
        ("III", "normal", "multiple"),
    ):
        times = timeit.repeat(
            lambda level=level, severity=severity, scheme=scheme: [
                plan_for(n, a, level, severity, scheme) for n, a in cases
            ],
            number=5,
            repeat=REPEAT,
        )
        per_call = statistics.median(times) / (5 * len(cases)) * 1e6
        print(f"  level {level:<3} {severity:<9} {scheme:<8} {per_call:6.2f} µs")
    floats = [(n, float(a)) for n, a in cases]
    times = timeit.repeat(lambda: [plan_for(n, a) for n, a in floats], number=5, repeat=REPEAT)
    print(f"  AQL given as float          {statistics.median(times) / 5000 * 1e6:6.2f} µs")


if __name__ == "__main__":
    main()
