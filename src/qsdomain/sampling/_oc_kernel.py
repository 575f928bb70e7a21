"""Point probabilities and tails of the binomial, Poisson and hypergeometric counts.

The numerical kernel behind :mod:`qsdomain.sampling._oc`. Every function here trusts its
arguments (the callers validate them) and returns in bounded time whatever their size.

Point probabilities use Loader's saddle-point formula (C. Loader, "Fast and accurate computation
of binomial probabilities", 2000; the method of R's ``dbinom``/``dpois``/``dhyper``)::

    exp(stirlerr(n) - stirlerr(x) - stirlerr(n-x) - bd0(x, np) - bd0(n-x, nq))
        * sqrt(n / (2 pi x (n-x)))

where ``bd0(x, m) = x log(x/m) + m - x`` is evaluated by a series when ``x`` is near ``m``: no
``(1-p)**n`` that underflows and no difference of large ``lgamma`` values, so each point
probability has full relative precision down to 1e-300.

A tail ``P(X <= c)`` or ``P(X > c)`` is computed in one of two ways, each giving the smaller of
the two tails directly (the other is its complement, which is then at least about one half, so
both keep full relative precision):

* **summation** (:func:`_sum_terms`, one walker for every distribution and direction): from the
  tail's first term outward with the term ratio (``t[k-1]/t[k] = k q / ((n-k+1) p)`` for the
  binomial), stopping once the remaining terms, bounded by a geometric series since the three
  distributions are log-concave (their term ratios fall away from the mode), are below 1e-17 of
  the sum. It is used when it needs at most :data:`_MAX_TERMS` terms: about ``40 var / |c - mean|``
  terms far from the mean, ``9 sd`` near it, never more than the support holds;
* **quadrature** otherwise (only the binomial and the Poisson, only for large counts): the
  classical integral forms of the regularised incomplete beta and gamma functions,
  ``P(Bin(n, p) > c) = I_p(c+1, n-c) = n * integral_0^p dbinom(c; n-1, s) ds`` and
  ``P(Pois(lam) > c) = P(c+1, lam) = integral_0^lam dpois(c; mu) dmu``, with the integrand (a
  point probability, so again full relative precision) integrated by 16-point Gauss-Legendre
  panels from the end point outward, each about 8 and at most 16 e-folds of the integrand wide
  (where 16-point Gauss-Legendre is exact to about 1e-16), until the integrand has fallen by
  e**-40 (below 1e-17 of its value at the end point): typically 5 or 6 panels, at most
  :data:`_MAX_PANELS`, 16 point probabilities each (about 0.1-0.4 ms in all).

One walker serves every tail and :func:`pmf_range` every range of point probabilities; writing
the loops out per distribution was not faster (n = 50/315/2000 table plans: 8.2/15.0/11.4 µs
per call before, 9.1/12.1/15.4 µs after, within the noise of a shared machine).

The hypergeometric model is summed only; its variance is at most a quarter of the sample size,
which the callers bound (``limits.MAX_HYPERGEOMETRIC_SAMPLE_SIZE``), so the sum is bounded too.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Iterable

_TWO_PI = 2.0 * math.pi
_DBL_MIN = 2.2250738585072014e-308
_STOP = 1e-17  # a tail sum stops when the remaining terms are below this fraction of it
_MAX_TERMS = 400  # longest tail summation; beyond it the quadrature is used
_EFOLDS = 8.0  # widest panel of the quadrature, in e-folds of the integrand
_DROP = 40.0  # the quadrature stops when the integrand has fallen by e**-40 (< 1e-17)
_MAX_PANELS = 24  # a safety bound; the integral needs at most about 10 panels

Tails = tuple[float, float]
Ratio = Callable[[int], float]

# stirlerr(n) = log(n!) - (n + 1/2) log(n) + n - log(sqrt(2 pi)), n = 0..15 (computed with
# mpmath at 50 digits; n = 0 is never used).
_SFERR = (
    0.0,
    0.08106146679532726,
    0.0413406959554093,
    0.02767792568499834,
    0.020790672103765093,
    0.016644691189821193,
    0.013876128823070748,
    0.01189670994589177,
    0.010411265261972096,
    0.009255462182712733,
    0.00833056343336287,
    0.007573675487951841,
    0.00694284010720953,
    0.006408994188004207,
    0.0059513701127588475,
    0.005554733551962801,
)
_S0 = 1.0 / 12.0
_S1 = 1.0 / 360.0
_S2 = 1.0 / 1260.0
_S3 = 1.0 / 1680.0
_S4 = 1.0 / 1188.0


def _stirlerr(n: int) -> float:
    """Error of Stirling's formula for ``log(n!)``, for a whole number ``n >= 0``."""
    if n <= 15:
        return _SFERR[n]
    nn = float(n) * n
    if n > 500:
        return (_S0 - _S1 / nn) / n
    if n > 80:
        return (_S0 - (_S1 - _S2 / nn) / nn) / n
    if n > 35:
        return (_S0 - (_S1 - (_S2 - _S3 / nn) / nn) / nn) / n
    return (_S0 - (_S1 - (_S2 - (_S3 - _S4 / nn) / nn) / nn) / nn) / n


def _bd0(x: float, m: float) -> float:
    """``x log(x/m) + m - x`` for ``x >= 1``, without cancellation when ``x`` is near ``m``.

    With ``v = (x-m)/(x+m)``, ``bd0 = (x-m) v + 2x (v**3/3 + v**5/5 + ...)``; the series is used
    for ``|v| < 1/2`` (R uses 0.1), where the closed form would lose up to 4 decimal digits to
    cancellation; beyond it the closed form loses at most a factor 4 relative to ``bd0``.
    """
    if m <= 0.0:
        return math.inf
    d = x - m
    s2 = x + m
    if abs(d) < 0.5 * s2:
        v = d / s2
        s = d * v
        if abs(s) < _DBL_MIN:
            return s
        ej = 2.0 * x * v
        v *= v
        j = 3.0
        while True:
            ej *= v
            s1 = s + ej / j
            if s1 == s:
                return s1
            s = s1
            j += 2.0
    # x / m may overflow to inf (m tiny): log(inf) = inf and the term is exp(-inf) = 0.
    return x * math.log(x / m) + m - x


def log_dbinom(x: int, n: int, p: float, q: float) -> float:
    """``log(C(n, x) p**x q**(n-x)) - n (p + q - 1)`` for ``0 <= x <= n``; ``-inf`` for 0.

    The last term is 0 when ``p + q = 1`` exactly; keeping it makes the result insensitive to
    the rounding of ``q = 1 - p`` (the error is ``|x - np|`` times that rounding, not ``n``
    times) and makes :func:`dhyper`'s ratio of three such values exact for any ``p``, ``q``.
    """
    if x == 0:
        return 0.0 if n == 0 else -_bd0(n, n * q) - n * p
    if x == n:
        return -_bd0(n, n * p) - n * q
    lc = _stirlerr(n) - _stirlerr(x) - _stirlerr(n - x) - _bd0(x, n * p) - _bd0(n - x, n * q)
    return lc + 0.5 * math.log(n / (_TWO_PI * x * (n - x)))


def dbinom(x: int, n: int, p: float, q: float) -> float:
    """``exp(log_dbinom(x, n, p, q))``: ``P(X = x)`` for X ~ Binomial(n, p), ``q = 1 - p``."""
    return math.exp(log_dbinom(x, n, p, q))


def log_dpois(x: int, lam: float) -> float:
    """``log(exp(-lam) lam**x / x!)`` for ``lam > 0``."""
    if x == 0:
        return -lam
    return -_stirlerr(x) - _bd0(x, lam) - 0.5 * math.log(_TWO_PI * x)


def dpois(x: int, lam: float) -> float:
    """``P(X = x)`` for X ~ Poisson(lam), ``lam > 0``."""
    return math.exp(log_dpois(x, lam))


def dhyper(x: int, big_n: int, k_def: int, n: int) -> float:
    """``C(K, x) C(N-K, n-x) / C(N, n)`` for ``x`` inside the support."""
    if n == big_n:
        return 1.0  # the whole lot is sampled: x == K is certain
    p = n / big_n
    q = (big_n - n) / big_n
    p1 = dbinom(x, k_def, p, q)
    p2 = dbinom(n - x, big_n - k_def, p, q)
    return p1 * (p2 / dbinom(n, big_n, p, q))


# ---------------------------------------------------------------------------------------------
# The tail walker and the quadrature
# ---------------------------------------------------------------------------------------------


def _sum_terms(t: float, ratio: Ratio, ks: Iterable[int], cap: int = _MAX_TERMS) -> float | None:
    """``t + t r(k0) + t r(k0) r(k1) + ...`` over ``ks``, or ``None`` if it does not converge.

    ``ratio(k)`` is the ratio of the next term to the term at ``k``, falling along ``ks`` (a
    log-concave distribution walked away from its mode), so once ``r < 1`` the rest is below
    ``t r / (1 - r)``. Stops when that is below ``_STOP`` of the sum, at the end of ``ks``
    (the end of the support), or after ``cap`` terms (then ``None``).
    """
    s = t
    if t == 0.0:
        return 0.0
    for i, k in enumerate(ks):
        r = ratio(k)
        t *= r
        s += t
        if r < 1.0 and t * r <= s * _STOP * (1.0 - r):
            return s
        if i >= cap:
            return None
    return s


def _legendre_nodes(m: int) -> tuple[tuple[float, float], ...]:
    """Gauss-Legendre nodes on ``[0, 1]`` and their weights (Newton on ``P_m``)."""
    out = []
    for i in range(1, m + 1):
        x = math.cos(math.pi * (i - 0.25) / (m + 0.5))
        for _ in range(100):
            p0, p1 = 1.0, x
            for j in range(2, m + 1):
                p0, p1 = p1, ((2 * j - 1) * x * p1 - (j - 1) * p0) / j
            dp = m * (x * p1 - p0) / (x * x - 1.0)
            dx = p1 / dp
            x -= dx
            if abs(dx) < 1e-16:
                break
        out.append(((1.0 + x) / 2.0, 1.0 / ((1.0 - x * x) * dp * dp)))
    return tuple(out)


_GL16 = _legendre_nodes(16)


def _integrate_tail(
    density: Callable[[float], float],
    log_density: Callable[[float], float],
    slopes: Callable[[float], tuple[float, float]],
    end: float,
    bound: float,
) -> float:
    """Integral of a log-concave ``density`` from ``end`` towards ``bound``, where it falls.

    ``slopes(s)`` gives the first and second derivatives of ``log_density``. A panel starting at
    ``s`` is ``min(E/|g'|, sqrt(2E/|g''|))`` wide (``E = _EFOLDS``), halved while the integrand
    falls by more than ``2E`` across it; panels are added until the integrand has fallen by
    ``_DROP`` e-folds from ``end`` or ``bound`` is reached.
    """
    top = log_density(end)
    direction = 1.0 if bound > end else -1.0
    total = 0.0
    x = end
    g_x = top
    for _ in range(_MAX_PANELS):
        g1, g2 = slopes(x)
        w = min(
            _EFOLDS / abs(g1) if g1 != 0.0 else math.inf,
            math.sqrt(2.0 * _EFOLDS / abs(g2)) if g2 != 0.0 else math.inf,
        )
        far = x + direction * w
        if (far - bound) * direction >= 0.0:
            far = bound
        g_far = log_density(far)
        for _ in range(60):
            if g_x - g_far <= 2.0 * _EFOLDS:
                break
            far = x + (far - x) / 2.0
            g_far = log_density(far)
        h = far - x
        total += abs(h) * math.fsum(w_i * density(x + h * u) for u, w_i in _GL16)
        x, g_x = far, g_far
        if x == bound or top - g_x >= _DROP:
            break
    return total


# ---------------------------------------------------------------------------------------------
# Tails: (P[X <= c], P[X > c]), each to full relative precision
# ---------------------------------------------------------------------------------------------


def _short(avail: int, c: int, mean: float, var: float) -> bool:
    """Whether summing the smaller tail at ``c`` takes at most ``_MAX_TERMS`` terms.

    About ``40 var / |c - mean|`` terms far from the mean, ``9 sd`` near it, and never more
    than the ``avail`` terms of the tail's support.
    """
    if avail <= _MAX_TERMS:
        return True
    return 40.0 * var <= _MAX_TERMS * max(abs(c + 0.5 - mean), 4.5 * math.sqrt(var), 1.0)


def _split(small: float, lower_first: bool) -> Tails:
    small = min(small, 1.0)
    return (small, 1.0 - small) if lower_first else (1.0 - small, small)


def binom_ratios(n: int, p: float, q: float) -> tuple[Ratio, Ratio]:
    """``t[k+1]/t[k]`` and ``t[k-1]/t[k]`` of the Binomial(n, p) point probabilities."""
    pq = p / q
    qp = q / p

    def up(k: int) -> float:
        return (n - k) * pq / (k + 1)

    def down(k: int) -> float:
        return k * qp / (n - k + 1)

    return up, down


def binom_tails(c: int, n: int, p: float, q: float) -> Tails:
    """Lower and upper tails of Binomial(n, p) at ``c``; ``q`` is ``1 - p``."""
    if c < 0:
        return 0.0, 1.0
    if c >= n or p == 0.0:
        return 1.0, 0.0
    if q == 0.0:
        return 0.0, 1.0
    lower_first = c + 1 < (n + 1) * p  # c is below the mode: the lower tail is the smaller
    if _short(c + 1 if lower_first else n - c, c, n * p, n * p * q):
        up, down = binom_ratios(n, p, q)
        if lower_first:
            s = _sum_terms(dbinom(c, n, p, q), down, range(c, 0, -1))
        else:
            s = _sum_terms(dbinom(c + 1, n, p, q), up, range(c + 1, n))
        if s is not None:
            return _split(s, lower_first)
    # P(X > c) = n * integral_0^p dbinom(c; n-1, s) ds; the integrand peaks at s = c / (n-1).
    m = n - 1
    upper_first = p * m < c
    log_n = math.log(n)

    def density(s: float) -> float:
        return n * dbinom(c, m, s, 1.0 - s)

    def log_density(s: float) -> float:
        return log_n + log_dbinom(c, m, s, 1.0 - s) if 0.0 < s < 1.0 else -math.inf

    def slopes(s: float) -> tuple[float, float]:
        return c / s - (m - c) / (1.0 - s), -c / (s * s) - (m - c) / ((1.0 - s) * (1.0 - s))

    bound = 0.0 if upper_first else 1.0
    return _split(_integrate_tail(density, log_density, slopes, p, bound), not upper_first)


def pois_ratios(lam: float) -> tuple[Ratio, Ratio]:
    """``t[k+1]/t[k]`` and ``t[k-1]/t[k]`` of the Poisson(lam) point probabilities."""

    def up(k: int) -> float:
        return lam / (k + 1)

    def down(k: int) -> float:
        return k / lam

    return up, down


def pois_tails(c: int, lam: float) -> Tails:
    """Lower and upper tails of Poisson(lam) at ``c``."""
    if c < 0 or lam == math.inf:
        return 0.0, 1.0
    if lam == 0.0:
        return 1.0, 0.0
    lower_first = c + 1 < lam
    if _short(c + 1 if lower_first else _MAX_TERMS + 1, c, lam, lam):
        up, down = pois_ratios(lam)
        if lower_first:
            s = _sum_terms(dpois(c, lam), down, range(c, 0, -1))
        else:
            s = _sum_terms(dpois(c + 1, lam), up, itertools.count(c + 1))
        if s is not None:
            return _split(s, lower_first)
    # P(X > c) = integral_0^lam dpois(c; mu) dmu; the integrand peaks at mu = c.
    upper_first = lam < c

    def density(mu: float) -> float:
        return dpois(c, mu)

    def log_density(mu: float) -> float:
        return log_dpois(c, mu) if 0.0 < mu < math.inf else -math.inf

    def slopes(mu: float) -> tuple[float, float]:
        return c / mu - 1.0, -c / (mu * mu)

    bound = 0.0 if upper_first else math.inf
    return _split(_integrate_tail(density, log_density, slopes, lam, bound), not upper_first)


def hyper_ratios(big_n: int, k_def: int, n: int) -> tuple[Ratio, Ratio]:
    """``t[k+1]/t[k]`` and ``t[k-1]/t[k]`` of the hypergeometric point probabilities."""
    b = big_n - k_def - n

    def up(k: int) -> float:
        return ((k_def - k) * (n - k)) / ((k + 1) * (b + k + 1))

    def down(k: int) -> float:
        return (k * (b + k)) / ((k_def - k + 1) * (n - k + 1))

    return up, down


def hyper_tails(c: int, big_n: int, k_def: int, n: int) -> Tails:
    """Lower and upper tails at ``c`` of the count in ``n`` items drawn from ``N`` holding ``K``.

    Summed only: about ``9 sd + 40 var / |c - mean|`` terms with ``var <= n / 4``, bounded by
    the callers' limit on ``n``.
    """
    lo = max(0, n + k_def - big_n)
    hi = min(n, k_def)
    if c < lo:
        return 0.0, 1.0
    if c >= hi:
        return 1.0, 0.0
    up, down = hyper_ratios(big_n, k_def, n)
    lower_first = (c + 1) * (big_n + 2) < (n + 1) * (k_def + 1)  # c + 1 < (n+1)(K+1)/(N+2)
    if lower_first:
        s = _sum_terms(dhyper(c, big_n, k_def, n), down, range(c, lo, -1), cap=n + 1)
    else:
        s = _sum_terms(dhyper(c + 1, big_n, k_def, n), up, range(c + 1, hi), cap=n + 1)
    return _split(1.0 if s is None else s, lower_first)


# ---------------------------------------------------------------------------------------------
# Point probabilities over a range (for the states that go on to the next stage)
# ---------------------------------------------------------------------------------------------


def pmf_range(lo: int, hi: int, anchor: int, t0: float, ratios: tuple[Ratio, Ratio]) -> list[float]:
    """``P(X = k)`` for ``k = lo..hi`` from ``t0 = P(X = anchor)``, ``lo <= anchor <= hi``.

    The anchor should be the largest term in the range (the mode, clamped to the range), so the
    ratios only ever shrink terms and none is lost to underflow that matters.
    """
    up, down = ratios
    out = [0.0] * (hi - lo + 1)
    out[anchor - lo] = t0
    t = t0
    for k in range(anchor, hi):
        t *= up(k)
        out[k + 1 - lo] = t
    t = t0
    for k in range(anchor, lo, -1):
        t *= down(k)
        out[k - 1 - lo] = t
    return out
