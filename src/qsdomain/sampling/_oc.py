"""Operating characteristics of attribute sampling plans (抽样方案的操作特性).

GB/T 2828.1-2012 / ISO 2859-1:1999 plans by attributes: single (一次), double (二次) and
multiple (五次) sampling. This module is the numerical core behind the public plan classes; it
works on plain tuples.

A plan is a sequence of stages ``(n_i, Ac_i, Re_i)``:

* ``n_i`` is the size of the i-th sample (not cumulative), ``n_i >= 1``;
* ``Ac_i`` and ``Re_i`` are the *cumulative* acceptance and rejection numbers (累计接收数,
  累计拒收数), compared with the number of nonconforming items (or nonconformities) found in
  samples 1..i together; ``Ac_i`` is ``None`` where acceptance is not permitted at that stage
  (the standard's ``#``);
* at stage i the lot is accepted if the cumulative count is ``<= Ac_i``, not accepted if it is
  ``>= Re_i``, and otherwise the next sample is drawn; the last stage has ``Re = Ac + 1`` so a
  decision is always reached.

>>> round(probability_of_acceptance([(20, 1, 2)], 0.18), 10)  # SAS/QC PROBBNML(0.18, 20, 1)
0.1018322793
>>> round(probability_of_acceptance([(13, 0, 2), (13, 1, 2)], 0.18), 10)  # SAS/QC PROBACC2
0.0921738126

Models (:class:`Model`):

* ``"binomial"`` (type B, 二项分布): each item is nonconforming with probability ``p``
  independently; ``0 <= p <= 1``.
* ``"poisson"`` (泊松分布): ``p`` is the mean number of nonconformities per item (nonconformities
  per 100 items / 100, may exceed 1); the count in a sample of ``n`` is Poisson(``n*p``).
* ``"hypergeometric"`` (type A, 超几何分布): a lot of ``lot_size`` = N items holds exactly
  ``D = p*N`` nonconforming items (``D`` must be a whole number); successive samples are drawn
  without replacement from what is left of the lot.

Numerics. Every probability is a sum of positive terms, each computed to full relative
precision, so results keep a relative error below about 5e-13 (asserted <= 1e-12 against mpmath
in the tests, for samples up to 2000) down to probabilities of 1e-300, without overflow or
underflow; below 1e-300 results are tiny or 0.0, never NaN:

* one point probability per tail is computed with Loader's saddle-point formula
  (C. Loader, "Fast and accurate computation of binomial probabilities", 2000; the method of R's
  ``dbinom``/``dpois``/``dhyper``): ``exp(stirlerr(n) - stirlerr(x) - stirlerr(n-x) - bd0(x, np)
  - bd0(n-x, nq)) * sqrt(n / (2 pi x (n-x)))``, where ``bd0(x, m) = x log(x/m) + m - x`` is
  evaluated by a series when ``x`` is near ``m``; there is no ``(1-p)**n`` that underflows and no
  difference of large ``lgamma`` values;
* a tail ``P(X <= c)`` is summed from its largest term outward with the term ratio
  (``t[k-1]/t[k] = k q / ((n-k+1) p)`` for the binomial), stopping once the geometric bound on
  the remaining terms is below 1e-17 of the sum. When ``c + 1`` lies below the mode the lower
  tail is summed directly and the upper tail is its complement; otherwise the upper tail is
  summed and the lower tail is its complement. The complement is only ever taken of a tail of at
  most about one half, so both tails keep full relative precision;
* multiple plans enumerate the distribution of the cumulative count over the states that go on
  to the next stage, stage by stage (the cumulative approach of R AcceptanceSampling's ``OC2c``).

Edge values are exact: ``Pa = 1.0`` at ``p = 0``, and for the binomial ``Pa = 0.0`` at ``p = 1``
when ``Ac < n``.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Callable, Iterable, Sequence
from numbers import Integral, Real
from typing import TypeAlias

from qsdomain.errors import InvalidInputError

__all__ = [
    "Model",
    "Stage",
    "average_outgoing_quality",
    "average_outgoing_quality_limit",
    "average_sample_number",
    "average_total_inspection",
    "oc_curve",
    "probability_of_acceptance",
    "stage_outcome_probabilities",
]

Stage: TypeAlias = tuple[int, int | None, int]
"""``(n_i, Ac_i or None, Re_i)``: this stage's sample size and cumulative Ac/Re numbers."""


class Model(enum.Enum):
    """Distribution of the number of nonconforming items (or nonconformities) in a sample."""

    BINOMIAL = "binomial"  # 二项分布: fraction nonconforming, independent items (type B)
    POISSON = "poisson"  # 泊松分布: nonconformities per item
    HYPERGEOMETRIC = "hypergeometric"  # 超几何分布: finite lot, without replacement (type A)


# Internal plan: ((n_i, a_i, r_i), ...) with a_i = -1 where acceptance is not permitted.
_Plan: TypeAlias = tuple[tuple[int, int, int], ...]
_Tails: TypeAlias = tuple[float, float]

# ---------------------------------------------------------------------------------------------
# Point probabilities (Loader's saddle-point method)
# ---------------------------------------------------------------------------------------------

_TWO_PI = 2.0 * math.pi
_DBL_MIN = 2.2250738585072014e-308
_STOP = 1e-17  # a tail sum stops when the remaining terms are below this fraction of it

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


def _dbinom(x: int, n: int, p: float, q: float) -> float:
    """``C(n, x) p**x q**(n-x) * exp(-n (p + q - 1))`` for ``0 <= x <= n``.

    The last factor is 1 when ``p + q = 1`` exactly; keeping it makes the result insensitive to
    the rounding of ``q = 1 - p`` (the error is ``|x - np|`` times that rounding, not ``n``
    times) and makes :func:`_dhyper`'s ratio of three such values exact for any ``p``, ``q``.
    """
    if x == 0:
        return 1.0 if n == 0 else math.exp(-_bd0(n, n * q) - n * p)
    if x == n:
        return math.exp(-_bd0(n, n * p) - n * q)
    lc = _stirlerr(n) - _stirlerr(x) - _stirlerr(n - x) - _bd0(x, n * p) - _bd0(n - x, n * q)
    return math.exp(lc) * math.sqrt(n / (_TWO_PI * x * (n - x)))


def _dpois(x: int, lam: float) -> float:
    """``exp(-lam) lam**x / x!`` for ``lam > 0``."""
    if x == 0:
        return math.exp(-lam)
    return math.exp(-_stirlerr(x) - _bd0(x, lam)) / math.sqrt(_TWO_PI * x)


def _dhyper(x: int, big_n: int, k_def: int, n: int) -> float:
    """``C(K, x) C(N-K, n-x) / C(N, n)`` for ``x`` inside the support."""
    if n == big_n:
        return 1.0  # the whole lot is sampled: x == K is certain
    p = n / big_n
    q = (big_n - n) / big_n
    p1 = _dbinom(x, k_def, p, q)
    p2 = _dbinom(n - x, big_n - k_def, p, q)
    return p1 * (p2 / _dbinom(n, big_n, p, q))


# ---------------------------------------------------------------------------------------------
# Tails: (P[X <= c], P[X > c]), each to full relative precision
# ---------------------------------------------------------------------------------------------


def _binom_tails(c: int, n: int, p: float, q: float) -> _Tails:
    """Lower and upper tails of Binomial(n, p) at ``c``; ``q`` is ``1 - p``."""
    if c < 0:
        return 0.0, 1.0
    if c >= n or p == 0.0:
        return 1.0, 0.0
    if q == 0.0:
        return 0.0, 1.0
    if c + 1 < (n + 1) * p:
        # c is below the mode, the terms increase up to c (and beyond): sum t[c], t[c-1], ...
        t = _dbinom(c, n, p, q)
        s = t
        if t > 0.0:
            qp = q / p
            for k in range(c, 0, -1):
                r = k * qp / (n - k + 1)
                t *= r
                s += t
                if t <= s * _STOP and r <= 0.5:
                    break
        lower = min(s, 1.0)
        return lower, 1.0 - lower
    # c + 1 is at or above the mode: sum the upper tail t[c+1], t[c+2], ... which decreases.
    t = _dbinom(c + 1, n, p, q)
    s = t
    if t > 0.0:
        pq = p / q
        for k in range(c + 1, n):
            r = (n - k) * pq / (k + 1)
            t *= r
            s += t
            if t <= s * _STOP and r <= 0.5:
                break
    upper = min(s, 1.0)
    return 1.0 - upper, upper


def _pois_tails(c: int, lam: float) -> _Tails:
    """Lower and upper tails of Poisson(lam) at ``c``."""
    if c < 0:
        return 0.0, 1.0
    if lam == 0.0:
        return 1.0, 0.0
    if c + 1 < lam:
        t = _dpois(c, lam)
        s = t
        if t > 0.0:
            for k in range(c, 0, -1):
                r = k / lam
                t *= r
                s += t
                if t <= s * _STOP and r <= 0.5:
                    break
        lower = min(s, 1.0)
        return lower, 1.0 - lower
    t = _dpois(c + 1, lam)
    s = t
    k = c + 1
    while t > 0.0:
        r = lam / (k + 1)
        t *= r
        s += t
        k += 1
        if t <= s * _STOP and r <= 0.5:
            break
    upper = min(s, 1.0)
    return 1.0 - upper, upper


def _hyper_tails(c: int, big_n: int, k_def: int, n: int) -> _Tails:
    """Lower and upper tails at ``c`` of the count in ``n`` items drawn from ``N`` holding ``K``."""
    b = big_n - k_def - n
    lo = max(0, -b)
    hi = min(n, k_def)
    if c < lo:
        return 0.0, 1.0
    if c >= hi:
        return 1.0, 0.0
    if (c + 1) * (big_n + 2) < (n + 1) * (k_def + 1):  # c + 1 < (n+1)(K+1)/(N+2)
        t = _dhyper(c, big_n, k_def, n)
        s = t
        if t > 0.0:
            for k in range(c, lo, -1):
                r = (k * (b + k)) / ((k_def - k + 1) * (n - k + 1))
                t *= r
                s += t
                if t <= s * _STOP and r <= 0.5:
                    break
        lower = min(s, 1.0)
        return lower, 1.0 - lower
    t = _dhyper(c + 1, big_n, k_def, n)
    s = t
    if t > 0.0:
        for k in range(c + 1, hi):
            r = ((k_def - k) * (n - k)) / ((k + 1) * (b + k + 1))
            t *= r
            s += t
            if t <= s * _STOP and r <= 0.5:
                break
    upper = min(s, 1.0)
    return 1.0 - upper, upper


# ---------------------------------------------------------------------------------------------
# Point probabilities over a range (for the states that go on to the next stage)
# ---------------------------------------------------------------------------------------------


def _binom_pmf_range(lo: int, hi: int, n: int, p: float, q: float) -> list[float]:
    """``P(X = k)`` for ``k = lo..hi`` (``0 <= lo <= hi <= n``), X ~ Binomial(n, p)."""
    out = [0.0] * (hi - lo + 1)
    if p == 0.0 or q == 0.0:
        at = 0 if p == 0.0 else n
        if lo <= at <= hi:
            out[at - lo] = 1.0
        return out
    m = min(max(int((n + 1) * p), lo), hi)  # the largest term in the range
    t0 = _dbinom(m, n, p, q)
    out[m - lo] = t0
    if m < hi:
        pq = p / q
        t = t0
        for k in range(m, hi):
            t *= (n - k) * pq / (k + 1)
            out[k + 1 - lo] = t
    if m > lo:
        qp = q / p
        t = t0
        for k in range(m, lo, -1):
            t *= k * qp / (n - k + 1)
            out[k - 1 - lo] = t
    return out


def _pois_pmf_range(lo: int, hi: int, lam: float) -> list[float]:
    """``P(X = k)`` for ``k = lo..hi`` (``0 <= lo <= hi``), X ~ Poisson(lam)."""
    out = [0.0] * (hi - lo + 1)
    if lam == 0.0:
        if lo == 0:
            out[0] = 1.0
        return out
    m = min(max(int(lam), lo), hi)
    t0 = _dpois(m, lam)
    out[m - lo] = t0
    t = t0
    for k in range(m, hi):
        t *= lam / (k + 1)
        out[k + 1 - lo] = t
    t = t0
    for k in range(m, lo, -1):
        t *= k / lam
        out[k - 1 - lo] = t
    return out


def _hyper_pmf_range(lo: int, hi: int, big_n: int, k_def: int, n: int) -> list[float]:
    """``P(X = k)`` for ``k = lo..hi`` (zero outside the support), X hypergeometric."""
    out = [0.0] * (hi - lo + 1)
    b = big_n - k_def - n
    s_lo = max(lo, 0, -b)
    s_hi = min(hi, n, k_def)
    if s_lo > s_hi:
        return out
    m = min(max((n + 1) * (k_def + 1) // (big_n + 2), s_lo), s_hi)
    t0 = _dhyper(m, big_n, k_def, n)
    out[m - lo] = t0
    t = t0
    for k in range(m, s_hi):
        t *= ((k_def - k) * (n - k)) / ((k + 1) * (b + k + 1))
        out[k + 1 - lo] = t
    t = t0
    for k in range(m, s_lo, -1):
        t *= (k * (b + k)) / ((k_def - k + 1) * (n - k + 1))
        out[k - 1 - lo] = t
    return out


# ---------------------------------------------------------------------------------------------
# The stage walk
# ---------------------------------------------------------------------------------------------


class _Walk:
    """Per-stage outcome probabilities of one plan at one quality level.

    ``accept[i]``/``reject[i]``: probability that the decision is taken at stage i and is
    acceptance/non-acceptance; ``reach[i]``: probability that stage i is inspected at all
    (``reach[0] = 1``); ``outgoing``: for the hypergeometric model only, the expected number of
    nonconforming items left in accepted lots, ``E[(D - d) 1{accepted}]`` with ``d`` the
    cumulative count found.
    """

    __slots__ = ("accept", "outgoing", "reach", "reject")

    def __init__(self) -> None:
        self.accept: list[float] = []
        self.reject: list[float] = []
        self.reach: list[float] = []
        self.outgoing = 0.0


def _iid_stage(
    model: Model, p: float, stage: tuple[int, int, int], base: int, states: list[float]
) -> tuple[float, float, list[float]]:
    """One binomial or Poisson stage: the count in the new sample does not depend on ``d``.

    Returns P(accept here), P(reject here) and the new continuing states (based at Ac + 1).
    """
    n_i, a, r = stage
    q = 1.0 - p
    binomial = model is Model.BINOMIAL
    cache: dict[int, _Tails] = {}

    def tails(c: int) -> _Tails:
        got = cache.get(c)
        if got is None:
            got = cache[c] = _binom_tails(c, n_i, p, q) if binomial else _pois_tails(c, n_i * p)
        return got

    new = [0.0] * (r - a - 1)
    lo = max(0, a - (base + len(states) - 1) + 1)  # the new counts x that may continue
    hi = min(n_i, r - base - 1) if binomial else r - base - 1
    pm: list[float] = []
    if lo <= hi:
        pm = _binom_pmf_range(lo, hi, n_i, p, q) if binomial else _pois_pmf_range(lo, hi, n_i * p)
    acc = 0.0
    rej = 0.0
    for j, w in enumerate(states):
        if w == 0.0:
            continue
        d = base + j
        if a >= d:
            acc += w * tails(a - d)[0]
        rej += w * tails(r - 1 - d)[1]
        for x in range(max(lo, a - d + 1), min(hi, r - d - 1) + 1):
            new[d + x - a - 1] += w * pm[x - lo]
    return acc, rej, new


def _hyper_stage(
    stage: tuple[int, int, int], left: int, defectives: int, base: int, states: list[float]
) -> tuple[float, float, list[float], float]:
    """One hypergeometric stage drawn from the ``left`` items not yet sampled.

    Returns P(accept here), P(reject here), the new continuing states (based at Ac + 1) and
    ``E[nonconforming items left in the lot; accepted here]``.
    """
    n_i, a, r = stage
    new = [0.0] * (r - a - 1)
    acc = 0.0
    rej = 0.0
    outgoing = 0.0
    for j, w in enumerate(states):
        d = base + j
        k_left = defectives - d
        if w == 0.0 or k_left < 0:
            continue
        if a >= d:
            acc += w * _hyper_tails(a - d, left, k_left, n_i)[0]
            if k_left > 0 and left > n_i:
                # E[(K - x) 1{x <= c}] = K (M - n)/M P(Hyp(M-1, K-1, n) <= c)
                below = _hyper_tails(a - d, left - 1, k_left - 1, n_i)[0]
                outgoing += w * k_left * ((left - n_i) / left) * below
        rej += w * _hyper_tails(r - 1 - d, left, k_left, n_i)[1]
        lo = max(0, a - d + 1)
        hi = min(n_i, r - d - 1)
        if lo <= hi:
            pm = _hyper_pmf_range(lo, hi, left, k_left, n_i)
            for x in range(lo, hi + 1):
                new[d + x - a - 1] += w * pm[x - lo]
    return acc, rej, new, outgoing


def _walk(plan: _Plan, model: Model, p: float, lot: int, defectives: int) -> _Walk:
    """Enumerate the cumulative count over the states that continue, stage by stage."""
    res = _Walk()
    base = 0  # states[j] = P(undecided after the previous stages, cumulative count base + j)
    states = [1.0]
    cum = 0  # items sampled before this stage
    for stage in plan:
        res.reach.append(math.fsum(states))
        if model is Model.HYPERGEOMETRIC:
            acc, rej, states, out = _hyper_stage(stage, lot - cum, defectives, base, states)
            res.outgoing += out
        else:
            acc, rej, states = _iid_stage(model, p, stage, base, states)
        res.accept.append(acc)
        res.reject.append(rej)
        base = stage[1] + 1
        cum += stage[0]
    return res


def _pa(plan: _Plan, model: Model, p: float, lot: int, defectives: int) -> float:
    """Probability of acceptance for validated arguments."""
    if len(plan) == 1:
        n, a, _ = plan[0]
        if model is Model.BINOMIAL:
            return _binom_tails(a, n, p, 1.0 - p)[0]
        if model is Model.POISSON:
            return _pois_tails(a, n * p)[0]
        return _hyper_tails(a, lot, defectives, n)[0]
    return min(math.fsum(_walk(plan, model, p, lot, defectives).accept), 1.0)


# ---------------------------------------------------------------------------------------------
# Validation
# ---------------------------------------------------------------------------------------------


def _is_int(value: object) -> bool:
    """A whole number (``int``, ``numpy.int64``, ...), but not a ``bool``."""
    return isinstance(value, Integral) and not isinstance(value, bool)


def _check_plan(stages: Sequence[Stage]) -> _Plan:
    given: object = stages
    if isinstance(given, (str, bytes)) or not isinstance(given, Sequence) or not given:
        raise InvalidInputError("stages", stages, "a non-empty sequence of (n, Ac, Re) tuples")
    plan: list[tuple[int, int, int]] = []
    last = len(stages) - 1
    for i, stage in enumerate(stages):
        field = f"stages[{i}]"
        if not isinstance(stage, (tuple, list)) or len(stage) != 3:
            raise InvalidInputError(field, stage, "a tuple (n, Ac or None, Re)")
        n, ac, re = stage
        if not _is_int(n) or n < 1:
            raise InvalidInputError(f"{field}.n", n, "a whole number >= 1 (the sample size)")
        if ac is not None and (not _is_int(ac) or ac < 0):
            raise InvalidInputError(f"{field}.Ac", ac, "None or a whole number >= 0")
        a = -1 if ac is None else int(ac)
        if not _is_int(re) or re < 1 or re <= a:
            raise InvalidInputError(f"{field}.Re", re, f"a whole number >= 1 and > Ac ({ac})")
        if plan:
            pa_, pr_ = plan[-1][1], plan[-1][2]
            if a < pa_:
                raise InvalidInputError(
                    f"{field}.Ac", ac, "cumulative: not below the previous stage's Ac"
                )
            if re < pr_:
                raise InvalidInputError(
                    f"{field}.Re", re, f"cumulative: not below the previous stage's Re ({pr_})"
                )
        if i == last and ac is None:
            raise InvalidInputError(
                f"{field}.Ac", ac, "a whole number at the last stage (a decision must be reached)"
            )
        if i == last and re != a + 1:
            raise InvalidInputError(f"{field}.Re", re, f"Ac + 1 = {a + 1} at the last stage")
        if i < last and re == a + 1:
            raise InvalidInputError(
                f"{field}.Re",
                re,
                "greater than Ac + 1 before the last stage (later stages would be unreachable)",
            )
        plan.append((int(n), a, int(re)))
    return tuple(plan)


def _check_model(model: Model | str) -> Model:
    if isinstance(model, Model):
        return model
    if isinstance(model, str):
        for m in Model:
            if m.value == model:
                return m
    raise InvalidInputError("model", model, "one of 'binomial', 'poisson', 'hypergeometric'")


def _check_p(p: float, model: Model, field: str = "p") -> float:
    given: object = p
    if isinstance(given, bool) or not isinstance(given, Real):
        raise InvalidInputError(field, p, "a real number")
    x = float(given)
    if model is Model.POISSON:
        if not (0.0 <= x < math.inf):
            raise InvalidInputError(field, p, "a finite number >= 0 (nonconformities per item)")
    elif not 0.0 <= x <= 1.0:
        raise InvalidInputError(field, p, "a fraction nonconforming in [0, 1]")
    return x


def _check_lot(lot_size: int | None, plan: _Plan, required: bool) -> int:
    """The lot size, or 0 when it is not given and not required."""
    total = sum(st[0] for st in plan)
    if lot_size is None:
        if required:
            raise InvalidInputError(
                "lot_size", lot_size, f"a whole number >= the total sample size {total}"
            )
        return 0
    if not _is_int(lot_size) or lot_size < total:
        raise InvalidInputError(
            "lot_size", lot_size, f"a whole number >= the total sample size {total}"
        )
    return int(lot_size)


def _defectives(p: float, lot: int, field: str = "p") -> int:
    """``D = p * N`` as a whole number (within 1e-9 relative), else InvalidInputError."""
    exact = p * lot
    d = round(exact)
    if abs(exact - d) > 1e-9 * max(1.0, exact):
        raise InvalidInputError(
            field,
            p,
            f"a multiple of 1/lot_size = 1/{lot} for the hypergeometric model "
            f"(p * lot_size = {exact!r} is not a whole number of nonconforming items)",
        )
    return d


def _prepare(
    stages: Sequence[Stage],
    model: Model | str,
    lot_size: int | None,
    lot_required: bool = False,
) -> tuple[_Plan, Model, int]:
    plan = _check_plan(stages)
    m = _check_model(model)
    lot = _check_lot(lot_size, plan, lot_required or m is Model.HYPERGEOMETRIC)
    return plan, m, lot


def _quality(p: float, m: Model, lot: int) -> tuple[float, int]:
    x = _check_p(p, m)
    return x, (_defectives(x, lot) if m is Model.HYPERGEOMETRIC else 0)


# ---------------------------------------------------------------------------------------------
# Public functions
# ---------------------------------------------------------------------------------------------


def probability_of_acceptance(
    stages: Sequence[Stage],
    p: float,
    model: Model | str = Model.BINOMIAL,
    lot_size: int | None = None,
) -> float:
    """Probability that a lot of quality ``p`` is accepted (接收概率 Pa).

    ``lot_size`` is required for the hypergeometric model (and must then make ``p * lot_size`` a
    whole number); for the other models it is only checked (>= the total sample size) if given.

    >>> round(probability_of_acceptance([(20, 1, 2)], 22 / 120, "hypergeometric", 120), 10)
    0.0762970752

    (SAS/QC ``PROBHYPR(120, 22, 20, 1)``.)

    Raises:
        InvalidInputError: a malformed plan, ``p`` out of range for the model, a missing or too
            small ``lot_size``, or ``p * lot_size`` not a whole number (hypergeometric).
    """
    plan, m, lot = _prepare(stages, model, lot_size)
    x, d = _quality(p, m, lot)
    return _pa(plan, m, x, lot, d)


def oc_curve(
    stages: Sequence[Stage],
    ps: Iterable[float],
    model: Model | str = Model.BINOMIAL,
    lot_size: int | None = None,
) -> list[float]:
    """Probability of acceptance at each quality level in ``ps`` (the OC curve, OC 曲线).

    The plan is checked once; each point costs what :func:`probability_of_acceptance` costs
    (a few microseconds for a single plan).
    """
    plan, m, lot = _prepare(stages, model, lot_size)
    out: list[float] = []
    for i, p in enumerate(ps):
        x = _check_p(p, m, f"ps[{i}]")
        d = _defectives(x, lot, f"ps[{i}]") if m is Model.HYPERGEOMETRIC else 0
        out.append(_pa(plan, m, x, lot, d))
    return out


def stage_outcome_probabilities(
    stages: Sequence[Stage],
    p: float,
    model: Model | str = Model.BINOMIAL,
    lot_size: int | None = None,
) -> list[tuple[float, float]]:
    """``(P(accepted at stage i), P(not accepted at stage i))`` for each stage i.

    The decision is taken at exactly one stage, so all the numbers add up to 1 (to rounding);
    their first components add up to :func:`probability_of_acceptance`.
    """
    plan, m, lot = _prepare(stages, model, lot_size)
    x, d = _quality(p, m, lot)
    w = _walk(plan, m, x, lot, d)
    return list(zip(w.accept, w.reject, strict=True))


def average_sample_number(
    stages: Sequence[Stage],
    p: float,
    model: Model | str = Model.BINOMIAL,
    lot_size: int | None = None,
) -> float:
    """Average sample number (平均样本量 ASN), without curtailment.

    ``ASN = sum_i n_i * P(stage i is inspected)``: every sample that is drawn is inspected in
    full. For a single plan it is ``n``; for a double plan ``n1 + n2 * P(Ac1 < d1 < Re1)``.
    """
    plan, m, lot = _prepare(stages, model, lot_size)
    x, d = _quality(p, m, lot)
    if len(plan) == 1:
        return float(plan[0][0])
    w = _walk(plan, m, x, lot, d)
    return math.fsum(st[0] * reach for st, reach in zip(plan, w.reach, strict=True))


def _aoq(plan: _Plan, m: Model, p: float, lot: int, d: int) -> float:
    if m is Model.HYPERGEOMETRIC:
        if len(plan) == 1 and (d == 0 or lot == plan[0][0]):
            return 0.0
        return _walk(plan, m, p, lot, d).outgoing / lot
    if len(plan) == 1:
        return _pa(plan, m, p, lot, d) * p * ((lot - plan[0][0]) / lot)
    w = _walk(plan, m, p, lot, d)
    total = 0.0
    cum = 0
    for (n_i, _, _), acc in zip(plan, w.accept, strict=True):
        cum += n_i
        total += acc * ((lot - cum) / lot)
    return total * p


def average_outgoing_quality(
    stages: Sequence[Stage],
    p: float,
    lot_size: int,
    model: Model | str = Model.BINOMIAL,
) -> float:
    """Average outgoing quality (平均检出质量 AOQ) under rectifying inspection.

    Assumptions: every nonconforming item found in an inspected sample is replaced by a
    conforming one; a lot that is not accepted is inspected 100 % and all its nonconforming
    items are replaced; so every outgoing lot has ``N = lot_size`` items and
    ``AOQ = E[nonconforming items (nonconformities) left in the outgoing lot] / N``.

    Binomial and Poisson models: the ``N - n_1 - ... - n_i`` items not inspected in a lot
    accepted at stage i are independent of the samples, with ``p`` expected per item, hence::

        AOQ = p * sum_i P(accepted at stage i) * (N - n_1 - ... - n_i) / N

    which is the textbook formula: ``Pa * p * (N - n) / N`` for a single plan and
    ``p * (Pa1 (N - n1) + Pa2 (N - n1 - n2)) / N`` for a double plan (Schilling; SAS/QC
    ``AOQ2('REP', ...)``; Montgomery, *Introduction to Statistical Quality Control*).

    Hypergeometric model (a lot with exactly ``D = p*N`` nonconforming items): the items left in
    a lot accepted with cumulative count ``d`` hold exactly ``D - d`` nonconforming items, so::

        AOQ = E[(D - d) 1{accepted}] / N

    computed exactly per stage with ``E[(K - x) 1{x <= c}] = K (M - n)/M P(Hyp(M-1, K-1, n) <= c)``
    (``M`` items and ``K`` nonconforming items left before the stage). This is *not* the
    textbook formula with a hypergeometric Pa (``Pa * p * (N - n) / N``): acceptance favours
    samples that held few of the ``D`` items, leaving more of them in the lot. For a single plan
    the exact value is ``p (N - n)/N P(Hyp(N-1, D-1, n) <= Ac)``, never below the textbook
    value (N = 100, n = 20, Ac = 1, D = 5: 0.0328 against 0.0296); the two agree as N grows.
    """
    plan, m, lot = _prepare(stages, model, lot_size, lot_required=True)
    x, d = _quality(p, m, lot)
    return _aoq(plan, m, x, lot, d)


def average_total_inspection(
    stages: Sequence[Stage],
    p: float,
    lot_size: int,
    model: Model | str = Model.BINOMIAL,
) -> float:
    """Average total inspection (平均检验总数 ATI) per lot under rectifying inspection.

    ``ATI = sum_i P(accepted at stage i) (n_1 + ... + n_i) + P(not accepted) N``: accepted lots
    cost the samples inspected, lots not accepted are inspected 100 %. For a single plan this is
    ``n Pa + N (1 - Pa)``.
    """
    plan, m, lot = _prepare(stages, model, lot_size, lot_required=True)
    x, d = _quality(p, m, lot)
    if len(plan) == 1:
        pa = _pa(plan, m, x, lot, d)
        return plan[0][0] * pa + lot * (1.0 - pa)
    w = _walk(plan, m, x, lot, d)
    terms = [lot * rej for rej in w.reject]
    cum = 0
    for (n_i, _, _), acc in zip(plan, w.accept, strict=True):
        cum += n_i
        terms.append(cum * acc)
    return math.fsum(terms)


_GRID = 200
_INV_PHI = (math.sqrt(5.0) - 1.0) / 2.0
_NEGLIGIBLE = 1e-12


def _tail_bound(plan: _Plan, m: Model, p: float) -> float:
    """A bound, decreasing in ``p``, on ``AOQ(p) n_1 / (Ac + 1)`` (see the AOQL docstring)."""
    n1 = plan[0][0]
    c = plan[-1][1]
    if m is Model.BINOMIAL:
        return _binom_tails(c + 1, n1 + 1, p, 1.0 - p)[0]
    return _pois_tails(c + 1, n1 * p)[0]


def _maximise_continuous(f: Callable[[float], float], hi: float) -> tuple[float, float]:
    """Max of ``f`` on ``[0, hi]``: a 200-cell grid, then golden-section search in the two
    cells around the best grid point."""
    xs = [hi * j / _GRID for j in range(_GRID + 1)]
    ys = [f(x) for x in xs]
    j = max(range(_GRID + 1), key=ys.__getitem__)
    best_x, best_y = xs[j], ys[j]
    a = xs[max(j - 1, 0)]
    b = xs[min(j + 1, _GRID)]
    c = b - _INV_PHI * (b - a)
    d = a + _INV_PHI * (b - a)
    fc = f(c)
    fd = f(d)
    for _ in range(200):
        if fc > best_y:
            best_x, best_y = c, fc
        if fd > best_y:
            best_x, best_y = d, fd
        if b - a <= 1e-13 * b:
            break
        if fc >= fd:
            b, d, fd = d, c, fc
            c = b - _INV_PHI * (b - a)
            fc = f(c)
        else:
            a, c, fc = c, d, fd
            d = a + _INV_PHI * (b - a)
            fd = f(d)
    return best_y, best_x


def _maximise_discrete(f: Callable[[int], float], hi: int) -> tuple[float, int]:
    """Max of ``f`` on the integers ``0..hi``: every point when ``hi <= 400``, else a grid and a
    ternary search in the two cells around the best grid point."""
    memo: dict[int, float] = {}

    def g(k: int) -> float:
        v = memo.get(k)
        if v is None:
            v = memo[k] = f(k)
        return v

    if hi <= 2 * _GRID:
        lo_k, hi_k = 0, hi
    else:
        xs = sorted({hi * j // _GRID for j in range(_GRID + 1)})
        j = max(range(len(xs)), key=lambda i: g(xs[i]))
        lo_k = xs[max(j - 1, 0)]
        hi_k = xs[min(j + 1, len(xs) - 1)]
        while hi_k - lo_k > 3:
            m1 = lo_k + (hi_k - lo_k) // 3
            m2 = hi_k - (hi_k - lo_k) // 3
            if g(m1) < g(m2):
                lo_k = m1
            else:
                hi_k = m2
    for k in range(lo_k, hi_k + 1):
        g(k)
    k_best = max(memo, key=lambda k: (memo[k], -k))
    return memo[k_best], k_best


def average_outgoing_quality_limit(
    stages: Sequence[Stage],
    lot_size: int,
    model: Model | str = Model.BINOMIAL,
) -> tuple[float, float]:
    """Average outgoing quality limit (平均检出质量上限 AOQL) and the ``p`` where it occurs.

    The AOQ of :func:`average_outgoing_quality` is maximised over ``p``:

    * search interval: ``[0, p_hi]``, with ``p_hi`` found by doubling from ``(Ac+1)/n_1`` (``Ac``
      the last stage's, ``n_1`` the first sample size) until the AOQ is provably negligible
      beyond it. Acceptance needs the first count ``X_1 <= Ac``, so ``AOQ(p) <= p P(X_1 <= Ac)
      <= (Ac+1)/(n_1+1) P(Bin(n_1+1, p) <= Ac+1)`` (binomial; ``(Ac+1)/n_1 P(Pois(n_1 p) <=
      Ac+1)`` for Poisson), a bound that decreases in ``p``; ``p_hi`` makes it <= 1e-12 times
      ``(Ac+1)/n_1`` (binomial: ``p_hi <= 1``). Hypergeometric: ``D_hi`` by doubling until
      ``P(X_1 <= Ac) <= 1e-12``, since ``AOQ <= P(X_1 <= Ac)``.
    * continuous models: the AOQ on a 200-cell grid, then a golden-section search over the two
      cells around the best grid point, to a relative width of 1e-13; the result is exact when
      the AOQ is unimodal within those two cells (its local maxima, if several, lie more than
      two cells apart) and never below any grid value.
    * hypergeometric: ``p = D/N`` with ``D`` a whole number; every ``D <= D_hi`` when
      ``D_hi <= 400``, else a 200-cell grid and a ternary search over whole numbers.

    Returns:
        ``(aoql, p_at_aoql)``; ``(0.0, 0.0)`` when the AOQ is 0 everywhere (the whole lot is
        sampled).
    """
    plan, m, lot = _prepare(stages, model, lot_size, lot_required=True)
    n1 = plan[0][0]
    c = plan[-1][1]
    if m is Model.HYPERGEOMETRIC:

        def aoq_d(k: int) -> float:
            return _aoq(plan, m, k / lot, lot, k)

        k_hi = min(lot, max(1, (c + 1) * lot // n1))
        while k_hi < lot and _hyper_tails(c, lot, k_hi, n1)[0] > _NEGLIGIBLE:
            k_hi = min(lot, 2 * k_hi)
        value, k = _maximise_discrete(aoq_d, k_hi)
        return value, k / lot

    p_hi = (c + 1) / n1
    if m is Model.BINOMIAL:
        p_hi = min(p_hi, 1.0)
        while p_hi < 1.0 and _tail_bound(plan, m, p_hi) > _NEGLIGIBLE:
            p_hi = min(1.0, 2.0 * p_hi)
    else:
        while _tail_bound(plan, m, p_hi) > _NEGLIGIBLE:
            p_hi *= 2.0

    def aoq_p(x: float) -> float:
        return _aoq(plan, m, x, lot, 0)

    value, x = _maximise_continuous(aoq_p, p_hi)
    if value <= 0.0:
        return 0.0, 0.0
    return value, x
