"""Speed and accuracy of the OC core (qsdomain.sampling._oc), against scipy and mpmath.

Run from the repository root::

    python benchmarks/bench_sampling_oc.py

For single plans from n = 50 (GB/T 2828.1-2012 Table 2-A plans) up to n = 10**15, Ac = 10**12,
at 40 quality levels spread across the OC curve (Pa from about 1 down to about 1e-3 and the
far tails), it prints:

* the median and the largest time of one ``probability_of_acceptance`` call (argument checks
  included), binomial and Poisson, in microseconds; and of one ``scipy.stats.binom.cdf`` call on
  a scalar, where scipy is installed;
* the worst relative error of both tails (``P(X <= Ac)`` and ``P(X > Ac)``) against mpmath (40
  digits: the smaller tail summed exactly for the binomial, the regularised upper incomplete
  gamma for the Poisson), where the reference is affordable (n <= 10**9), and the largest
  condition number ``(|Ac - np| + sd) / (1 - p)`` on that grid (the error that rounding the
  mean ``np`` to a float alone causes is about 1e-16 times it).

scipy and mpmath are imported only here and in the tests; the library never imports them.
"""

from __future__ import annotations

import math
import statistics
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

import mpmath as mp

# n, Ac: GB/T 2828.1-2012 Table 2-A (normal, single) H / AQL 2.5, N / AQL 1.5, R / AQL 0.65;
# then sizes far beyond the tables.
PLANS = (
    (50, 3),
    (315, 10),
    (2000, 21),
    (10**6, 10**4),
    (10**9, 10**6),
    (10**12, 10**9),
    (10**15, 10**12),
)
POINTS = 40
BATCH = 20
REPEATS = 3
MAX_REFERENCE_N = 10**9
mp.mp.dps = 40


def _per_call_us(fn: Callable[[], object]) -> float:
    """Best of ``REPEATS`` batches of ``BATCH`` calls, in microseconds per call."""
    best = float("inf")
    for _ in range(REPEATS):
        start = time.perf_counter()
        for _ in range(BATCH):
            fn()
        best = min(best, (time.perf_counter() - start) / BATCH)
    return best * 1e6


def _grid(n: int, ac: int) -> list[float]:
    """Quality levels with the mean count from Ac - 12 sd to Ac + 12 sd (Poisson sd)."""
    sd = math.sqrt(ac + 1)
    out = []
    for i in range(POINTS):
        mean = ac + 1 + sd * (24.0 * i / (POINTS - 1) - 12.0)
        out.append(min(max(mean, 0.5) / n, 0.999))
    return out


def _ref_binom(c: int, n: int, p: float) -> tuple[mp.mpf, mp.mpf]:
    big_p = mp.mpf(p)
    big_q = 1 - big_p
    lower_first = c + 1 < n * big_p
    k = c if lower_first else c + 1
    t = mp.binomial(n, k) * big_p**k * big_q ** (n - k)
    s = t
    while 0 < k < n:
        if lower_first:
            t = t * k / (n - k + 1) * big_q / big_p
            k -= 1
        else:
            t = t * (n - k) / (k + 1) * big_p / big_q
            k += 1
        s += t
        if t < s * mp.mpf("1e-42"):
            break
    return (s, 1 - s) if lower_first else (1 - s, s)


def _ref_pois(c: int, lam: float) -> tuple[mp.mpf, mp.mpf]:
    with mp.workdps(90):  # the complement of a lower tail near 1 keeps 50 digits
        lower = mp.gammainc(c + 1, mp.mpf(lam), mp.inf, regularized=True)
        return +lower, 1 - lower


def _rel(value: float, ref: mp.mpf) -> float:
    if ref < mp.mpf("1e-300"):
        return 0.0
    return float(abs(mp.mpf(value) - ref) / ref)


def _errors(n: int, ac: int, ps: list[float]) -> tuple[float, float, float]:
    """Worst relative errors (binomial, Poisson) and the largest condition number."""
    from qsdomain.sampling import _oc_kernel as kernel

    worst_b = worst_p = kappa = 0.0
    for p in ps:
        got = kernel.binom_tails(ac, n, p, 1.0 - p)
        ref = _ref_binom(ac, n, p)
        worst_b = max(worst_b, _rel(got[0], ref[0]), _rel(got[1], ref[1]))
        got = kernel.pois_tails(ac, n * p)
        ref = _ref_pois(ac, n * p)
        worst_p = max(worst_p, _rel(got[0], ref[0]), _rel(got[1], ref[1]))
        kappa = max(kappa, (abs(ac - n * p) + math.sqrt(n * p * (1 - p))) / (1 - p))
    return worst_b, worst_p, kappa


def main() -> None:
    src = Path(__file__).resolve().parents[1] / "src"
    if src.is_dir() and str(src) not in sys.path:
        sys.path.insert(0, str(src))

    from qsdomain.sampling._oc import probability_of_acceptance

    try:
        from scipy.stats import binom
    except ImportError:  # pragma: no cover - scipy is an optional benchmark dependency
        binom = None

    print(f"python {sys.version.split()[0]}; scipy {'yes' if binom else 'not installed'}")
    print(
        f"{'plan':>22}  {'binom med/max us':>16}  {'pois med/max us':>15}  {'scipy med us':>12}"
        f"  {'err binom':>9}  {'err pois':>9}  {'max kappa':>9}"
    )
    for n, ac in PLANS:
        stages = [(n, ac, ac + 1)]
        ps = _grid(n, ac)
        b_times = [_per_call_us(partial(probability_of_acceptance, stages, p)) for p in ps]
        p_times = [
            _per_call_us(partial(probability_of_acceptance, stages, p, "poisson")) for p in ps
        ]
        scipy_us = (
            statistics.median(_per_call_us(partial(binom.cdf, ac, n, p)) for p in ps)
            if binom
            else math.nan
        )
        if n <= MAX_REFERENCE_N:
            err_b, err_p, kappa = _errors(n, ac, ps)
            errs = f"{err_b:9.1e}  {err_p:9.1e}  {kappa:9.1e}"
        else:
            errs = f"{'-':>9}  {'-':>9}  {'-':>9}"
        print(
            f"{f'n={n:.0e} Ac={ac:.0e}' if n > 10**4 else f'n={n} Ac={ac}':>22}  "
            f"{statistics.median(b_times):7.1f}/{max(b_times):<8.1f}  "
            f"{statistics.median(p_times):6.1f}/{max(p_times):<8.1f}  {scipy_us:12.2f}  {errs}"
        )


if __name__ == "__main__":
    main()
