"""Binomial probabilities: Loader's saddle-point mass and tails summed from their far end.

>>> round(binomial_cdf(15, 20, 0.95), 6)
0.002574

A tail is summed outwards from its boundary term, each term from the previous one by the ratio
of consecutive masses, and the sum stops once what is left is below 2**-60 of it: terms fall
off at least geometrically away from the mode (the distribution is log-concave), so a tail of
``n`` = 10**6 costs a few thousand additions instead of a million. A tail that contains the
mode is one minus the other tail (it is then at least about 1/2, so nothing is lost). The
boundary term is Loader's saddle-point form (C. Loader, "Fast and accurate computation of
binomial probabilities", 2000; R's ``dbinom``), accurate to a few ulps where
``lgamma(n + 1) - ...`` loses about ``n * 1e-16`` (1e-9 relative at ``n`` = 10**6).
"""

from __future__ import annotations

import math

__all__ = ["binomial_cdf", "binomial_pmf", "binomial_sf"]

_LOG_SQRT_2PI = 0.5 * math.log(2.0 * math.pi)

#: Stop a tail once the terms left add up to less than this fraction of it.
_NEGLIGIBLE = 2.0**-60


def _stirling_error(n: int) -> float:
    """ln(n!) - ln(sqrt(2 pi n) (n/e)^n), the error of Stirling's formula (n >= 1)."""
    if n <= 15:
        return math.lgamma(n + 1.0) - (n + 0.5) * math.log(n) + n - _LOG_SQRT_2PI
    nn = float(n) * n
    s0, s1, s2, s3, s4 = 1 / 12, 1 / 360, 1 / 1260, 1 / 1680, 1 / 1188
    return (s0 - (s1 - (s2 - (s3 - s4 / nn) / nn) / nn) / nn) / n


def _deviance(x: float, mean: float) -> float:
    """x ln(x/mean) + mean - x, without cancellation when x is near mean (Loader's bd0)."""
    if abs(x - mean) < 0.1 * (x + mean):
        v = (x - mean) / (x + mean)
        s = (x - mean) * v
        term = 2.0 * x * v
        v *= v
        j = 1
        while True:
            term *= v
            following = s + term / (2 * j + 1)
            if following == s:
                return s
            s = following
            j += 1
    return x * math.log(x / mean) + mean - x


def binomial_pmf(k: int, n: int, p: float) -> float:
    """P(X = k) for X ~ Bin(n, p), 0 < p < 1 and 0 <= k <= n.

    >>> round(binomial_pmf(15, 20, 0.75), 6)
    0.202331
    """
    q = 1.0 - p
    if k == 0:
        return math.exp(n * math.log1p(-p))
    if k == n:
        return math.exp(n * math.log(p))
    rest = n - k
    log = (
        _stirling_error(n)
        - _stirling_error(k)
        - _stirling_error(rest)
        - _deviance(k, n * p)
        - _deviance(rest, n * q)
    )
    return math.exp(log) * math.sqrt(n / (2.0 * math.pi * k * rest))


def _upward(start: int, n: int, p: float) -> float:
    """P(X >= start) for a start above the mode: terms fall from the first one."""
    ratio = p / (1.0 - p)
    term = binomial_pmf(start, n, p)
    total = term
    k = start
    while k < n and term > 0.0:
        step = (n - k) / (k + 1) * ratio
        term *= step
        total += term
        k += 1
        if step < 1.0 and term * step < total * _NEGLIGIBLE * (1.0 - step):
            break
    return total


def _downward(start: int, n: int, p: float) -> float:
    """P(X <= start) for a start below the mode: terms fall from the first one."""
    ratio = (1.0 - p) / p
    term = binomial_pmf(start, n, p)
    total = term
    k = start
    while k > 0 and term > 0.0:
        step = k / (n - k + 1) * ratio
        term *= step
        total += term
        k -= 1
        if step < 1.0 and term * step < total * _NEGLIGIBLE * (1.0 - step):
            break
    return total


def binomial_cdf(x: int, n: int, p: float) -> float:
    """P(X <= x), accurate in relative terms when it is small.

    >>> round(binomial_cdf(500_000, 1_000_000, 0.5), 6)
    0.500399
    """
    if x < 0:
        return 0.0
    if x >= n:
        return 1.0
    mode = math.floor((n + 1) * p)
    if x < mode:
        return min(1.0, _downward(x, n, p))
    return max(0.0, 1.0 - _upward(x + 1, n, p))


def binomial_sf(x: int, n: int, p: float) -> float:
    """P(X > x), accurate in relative terms when it is small."""
    if x < 0:
        return 1.0
    if x >= n:
        return 0.0
    mode = math.floor((n + 1) * p)
    if x + 1 > mode:
        return min(1.0, _upward(x + 1, n, p))
    return max(0.0, 1.0 - _downward(x, n, p))
