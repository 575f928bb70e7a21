"""Speed of the OC core (qsdomain.sampling._oc) against scipy.

Run from the repository root::

    python benchmarks/bench_sampling_oc.py

Prints, for single plans of GB/T 2828.1-2012 with n = 50, 315 and 2000:

* the median time of one ``probability_of_acceptance`` call (argument checks included) and of
  one ``scipy.stats.binom.cdf`` call on a scalar, over 40 quality levels spread across the OC
  curve, and their ratio;
* the time of ``oc_curve`` over 1,000 quality levels (and, for scale, of one vectorised
  ``scipy.stats.binom.cdf`` call on the same 1,000 points).

scipy is imported only here; the library itself never imports it.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

# n, Ac, Re from GB/T 2828.1-2012 Table 2-A (normal, single): H / AQL 2.5, N / AQL 1.5,
# R / AQL 0.65.
PLANS = ((50, 3, 4), (315, 10, 11), (2000, 21, 22))
POINTS = 40
BATCH = 200
REPEATS = 5
CURVE_POINTS = 1000


def _per_call_us(fn: Callable[[], object]) -> float:
    """Best of ``REPEATS`` batches of ``BATCH`` calls, in microseconds per call."""
    best = float("inf")
    for _ in range(REPEATS):
        start = time.perf_counter()
        for _ in range(BATCH):
            fn()
        best = min(best, (time.perf_counter() - start) / BATCH)
    return best * 1e6


def main() -> None:
    src = Path(__file__).resolve().parents[1] / "src"
    if src.is_dir() and str(src) not in sys.path:
        sys.path.insert(0, str(src))

    import numpy as np
    from scipy.stats import binom

    from qsdomain.sampling._oc import oc_curve, probability_of_acceptance

    print(f"python {sys.version.split()[0]}")
    header = (
        f"{'plan':>16}  {'ours us/call':>12}  {'scipy us/call':>13}  {'speed-up':>8}"
        f"  {'OC 1000 pts ms':>14}  {'scipy vector ms':>15}"
    )
    print(header)
    for n, ac, re in PLANS:
        stages = [(n, ac, re)]
        top = min(1.0, 3.0 * (ac + 1) / n)
        ps = [top * (i + 0.5) / POINTS for i in range(POINTS)]
        ours = statistics.median(
            _per_call_us(partial(probability_of_acceptance, stages, p)) for p in ps
        )
        theirs = statistics.median(_per_call_us(partial(binom.cdf, ac, n, p)) for p in ps)

        curve_ps = [top * i / (CURVE_POINTS - 1) for i in range(CURVE_POINTS)]
        curve_times = []
        for _ in range(REPEATS):
            start = time.perf_counter()
            oc_curve(stages, curve_ps)
            curve_times.append(time.perf_counter() - start)
        curve_ms = statistics.median(curve_times) * 1e3
        grid = np.asarray(curve_ps)
        vector_times = []
        for _ in range(REPEATS):
            start = time.perf_counter()
            binom.cdf(ac, n, grid)
            vector_times.append(time.perf_counter() - start)
        vector_ms = statistics.median(vector_times) * 1e3

        print(
            f"{f'n={n} Ac={ac} Re={re}':>16}  {ours:12.2f}  {theirs:13.2f}  "
            f"{theirs / ours:7.1f}x  {curve_ms:14.2f}  {vector_ms:15.3f}"
        )


if __name__ == "__main__":
    main()
