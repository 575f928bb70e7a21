"""Binomial tail probabilities, summed over the requested tail in log space (stdlib only).

>>> round(binomial_cdf(15, 20, 0.95), 6)
0.002574
"""

from __future__ import annotations

import math

__all__ = ["binomial_cdf", "binomial_pmf", "binomial_sf"]


def binomial_pmf(k: int, n: int, p: float) -> float:
    """P(X = k) for X ~ Bin(n, p), 0 < p < 1."""
    log = (
        math.lgamma(n + 1)
        - math.lgamma(k + 1)
        - math.lgamma(n - k + 1)
        + k * math.log(p)
        + (n - k) * math.log1p(-p)
    )
    return math.exp(log)


def binomial_cdf(x: int, n: int, p: float) -> float:
    """P(X <= x), summed from the lower tail (accurate when it is small)."""
    if x < 0:
        return 0.0
    if x >= n:
        return 1.0
    return min(1.0, math.fsum(binomial_pmf(k, n, p) for k in range(x + 1)))


def binomial_sf(x: int, n: int, p: float) -> float:
    """P(X > x), summed from the upper tail (accurate when it is small)."""
    if x < 0:
        return 1.0
    if x >= n:
        return 0.0
    return min(1.0, math.fsum(binomial_pmf(k, n, p) for k in range(x + 1, n + 1)))
