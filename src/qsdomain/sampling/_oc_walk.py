"""The stage walk: per-stage outcome probabilities of a plan at one quality level.

Part of the OC computation of :mod:`qsdomain.sampling._oc`; arguments are trusted.
"""

from __future__ import annotations

import enum
import math
from typing import TypeAlias

from qsdomain.sampling import _oc_kernel as k

__all__ = ["Model", "Plan", "Walk", "pa", "walk"]


class Model(enum.Enum):
    """Distribution of the number of nonconforming items (or nonconformities) in a sample.

    >>> Model("poisson")
    <Model.POISSON: 'poisson'>
    """

    BINOMIAL = "binomial"  # 二项分布: fraction nonconforming, independent items (type B)
    POISSON = "poisson"  # 泊松分布: nonconformities per item
    HYPERGEOMETRIC = "hypergeometric"  # 超几何分布: finite lot, without replacement (type A)


# Internal plan: ((n_i, a_i, r_i), ...) with a_i = -1 where acceptance is not permitted.
Plan: TypeAlias = tuple[tuple[int, int, int], ...]


# ---------------------------------------------------------------------------------------------
# The stage walk
# ---------------------------------------------------------------------------------------------


class Walk:
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


def _iid_pmf(model: Model, n: int, p: float, lo: int, hi: int) -> list[float]:
    """``P(X = x)`` for ``x = lo..hi`` (0 outside the support), X binomial(n, p) or Poisson(np)."""
    top = n if model is Model.BINOMIAL else hi
    out = [0.0] * (hi - lo + 1)
    if p == 0.0 or (model is Model.BINOMIAL and p == 1.0):
        at = 0 if p == 0.0 else n
        if lo <= at <= hi:
            out[at - lo] = 1.0
        return out
    s_hi = min(hi, top)
    if lo > s_hi:
        return out
    if model is Model.BINOMIAL:
        q = 1.0 - p
        m = min(max(int((n + 1) * p), lo), s_hi)
        up, down = k.binom_ratios(n, p, q)
        t0 = k.dbinom(m, n, p, q)
    else:
        lam = n * p
        if lam == math.inf:
            return out  # the count is beyond every bound
        m = min(max(int(lam), lo), s_hi)
        up, down = k.pois_ratios(lam)
        t0 = k.dpois(m, lam)
    out[: s_hi - lo + 1] = k.pmf_range(lo, s_hi, m, t0, (up, down))
    return out


def _iid_tails(model: Model, n: int, p: float, c: int) -> k.Tails:
    if model is Model.BINOMIAL:
        return k.binom_tails(c, n, p, 1.0 - p)
    return k.pois_tails(c, n * p)


def _iid_stage(
    model: Model, p: float, stage: tuple[int, int, int], base: int, states: list[float]
) -> tuple[float, float, list[float]]:
    """One binomial or Poisson stage: the count in the new sample does not depend on ``d``.

    ``states[j]`` is the probability of going on with cumulative count ``base + j``. Returns
    P(accept here), P(reject here) and the new continuing states (based at Ac + 1). The lower
    tails at ``a - d`` and the upper tails at ``r - 1 - d`` for every state ``d`` come from one
    computed tail each, extended by adding point probabilities.
    """
    n_i, a, r = stage
    d_hi = base + len(states) - 1
    x_lo = max(0, a - d_hi + 1)
    pm = _iid_pmf(model, n_i, p, x_lo, r - 1 - base)

    def at(x: int) -> float:
        return pm[x - x_lo] if x >= x_lo else 0.0

    acc = 0.0
    if a >= base:
        d = min(d_hi, a)
        lower = _iid_tails(model, n_i, p, a - d)[0]
        while True:
            acc += states[d - base] * lower
            d -= 1
            if d < base:
                break
            lower += at(a - d)
    rej = 0.0
    upper = _iid_tails(model, n_i, p, r - 1 - base)[1]
    for d in range(base, d_hi + 1):
        rej += states[d - base] * upper
        upper += at(r - 1 - d)
    new = [0.0] * (r - a - 1)
    for j, w in enumerate(states):
        d = base + j
        if w == 0.0:
            continue
        for x in range(max(0, a - d + 1), r - d):
            new[d + x - a - 1] += w * pm[x - x_lo]
    return acc, rej, new


def _hyper_pmf(lo: int, hi: int, big_n: int, k_def: int, n: int) -> list[float]:
    """``P(X = x)`` for ``x = lo..hi`` (zero outside the support), X hypergeometric."""
    out = [0.0] * (hi - lo + 1)
    support_lo, support_hi = max(0, n + k_def - big_n), min(n, k_def)
    if support_lo == support_hi:  # one possible count (no or only nonconforming items left)
        if lo <= support_lo <= hi:
            out[support_lo - lo] = 1.0  # exactly: dhyper's rounding must not leak into edges
        return out
    s_lo = max(lo, support_lo)
    s_hi = min(hi, support_hi)
    if s_lo > s_hi:
        return out
    m = min(max((n + 1) * (k_def + 1) // (big_n + 2), s_lo), s_hi)
    up, down = k.hyper_ratios(big_n, k_def, n)
    t0 = k.dhyper(m, big_n, k_def, n)
    out[s_lo - lo : s_hi - lo + 1] = k.pmf_range(s_lo, s_hi, m, t0, (up, down))
    return out


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
            acc += w * k.hyper_tails(a - d, left, k_left, n_i)[0]
            if k_left > 0 and left > n_i:
                # E[(K - x) 1{x <= c}] = K (M - n)/M P(Hyp(M-1, K-1, n) <= c)
                below = k.hyper_tails(a - d, left - 1, k_left - 1, n_i)[0]
                outgoing += w * k_left * ((left - n_i) / left) * below
        rej += w * k.hyper_tails(r - 1 - d, left, k_left, n_i)[1]
        lo = max(0, a - d + 1)
        hi = min(n_i, r - d - 1)
        if lo <= hi:
            pm = _hyper_pmf(lo, hi, left, k_left, n_i)
            for x in range(lo, hi + 1):
                new[d + x - a - 1] += w * pm[x - lo]
    return acc, rej, new, outgoing


def walk(plan: Plan, model: Model, p: float, lot: int, defectives: int) -> Walk:
    """Enumerate the cumulative count over the states that continue, stage by stage."""
    res = Walk()
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


def pa(plan: Plan, model: Model, p: float, lot: int, defectives: int) -> float:
    """Probability of acceptance for validated arguments."""
    if len(plan) == 1:
        n, a, _ = plan[0]
        if model is Model.HYPERGEOMETRIC:
            return k.hyper_tails(a, lot, defectives, n)[0]
        return _iid_tails(model, n, p, a)[0]
    return min(math.fsum(walk(plan, model, p, lot, defectives).accept), 1.0)
