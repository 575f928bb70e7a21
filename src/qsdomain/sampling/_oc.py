"""Operating characteristics of attribute sampling plans (抽样方案的操作特性).

GB/T 2828.1-2012 / ISO 2859-1:1999 plans by attributes: single (一次), double (二次) and
multiple (五次) sampling. This module computes the measures (Pa, OC curve, ASN, AOQ, ATI, AOQL)
behind the public plan classes; it works on plain tuples, which it trusts: the plan classes
(:class:`~qsdomain.sampling.Stage` and the plans) are valid from construction.

A plan is a sequence of stages ``(n_i, Ac_i, Re_i)`` (:data:`Limits`):

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
* ``"poisson"`` (泊松分布): ``p`` is the mean number of nonconformities per item
  (nonconformities per 100 items / 100, may exceed 1); the count in a sample of ``n`` is
  Poisson(``n*p``). The only model for a plan at an AQL above 10 (:func:`plan_model`).
* ``"hypergeometric"`` (type A, 超几何分布): a lot of ``lot_size`` = N items holds exactly
  ``D = p*N`` nonconforming items (``D`` must be a whole number); successive samples are drawn
  without replacement from what is left of the lot.

Numerics (the tails are in :mod:`qsdomain.sampling._oc_kernel`): every probability is a sum of
positive terms or an integral of a positive integrand, each point probability computed to full
relative precision, so results keep their relative precision down to probabilities of 1e-300,
without overflow or underflow; below 1e-300 results are tiny or 0.0, never NaN. The relative
error is at most 1e-12 (checked against mpmath in the tests, up to n = 10**15) where the tail is
well conditioned, i.e. where ``kappa = (|c - n p| + sd) / (1 - p)`` (about the relative change
of the tail per relative change of ``p``; ``|c - lam| + sqrt(lam)`` for the Poisson) is below
2500, which covers every plan of the tables; beyond, it is within about 4e-16 times ``kappa``,
the error that rounding the mean ``n p`` to a float alone causes.

Multiple plans enumerate the distribution of the cumulative count over the states that go on to
the next stage, stage by stage (the cumulative approach of R AcceptanceSampling's ``OC2c``); the
tails a stage needs at consecutive counts are obtained from two computed tails by adding point
probabilities (positive terms only).

Bounded time. A tail costs at most about 400 terms or 24 quadrature panels of 16 point
probabilities (about 0.3 ms) whatever ``n`` and ``c``; a stage of a multiple plan costs two
tails and ``O(W**2)`` additions with ``W = Re - Ac <= limits.MAX_OC_STAGE_GAP``; a plan has at
most ``limits.MAX_OC_STAGES`` stages; samples and lots hold at most ``limits.MAX_OC_SIZE``
items; the hypergeometric model sums at most about
``5 sqrt(n)`` terms per tail with ``n <= limits.MAX_HYPERGEOMETRIC_SAMPLE_SIZE``; an OC curve has
at most ``limits.MAX_OC_POINTS`` points. Larger inputs are refused with an
:class:`~qsdomain.errors.InvalidInputError` naming the limit.

Edge values are exact: ``Pa = 1.0`` at ``p = 0``, and for the binomial ``Pa = 0.0`` at ``p = 1``
when ``Ac < n``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from typing import TypeAlias

from qsdomain import limits
from qsdomain._checks import enum_member, items, real, whole_number
from qsdomain.errors import InvalidInputError
from qsdomain.sampling import _oc_kernel as kernel
from qsdomain.sampling._gbt2828_1_2012 import AQLS
from qsdomain.sampling._oc_walk import Model, Plan, pa, walk

__all__ = [
    "Limits",
    "Model",
    "average_outgoing_quality",
    "average_outgoing_quality_limit",
    "average_sample_number",
    "average_total_inspection",
    "oc_curve",
    "plan_model",
    "probability_of_acceptance",
    "stage_outcome_probabilities",
]

Limits: TypeAlias = tuple[int, int | None, int]
"""``(n_i, Ac_i or None, Re_i)``: one stage's sample size and cumulative Ac/Re numbers."""


# AQLs above 10: nonconformities per 100 items only (GB/T 2828.1-2012 5.2 = ISO 2859-1:1999 5.2:
# "AQL values shall not exceed 10 % nonconforming"; up to 1000 nonconformities per 100 items).
_PER_100_ONLY = frozenset(AQLS[AQLS.index("10") + 1 :])


# ---------------------------------------------------------------------------------------------
# Arguments: the model, the quality level, the lot and the size limits
# ---------------------------------------------------------------------------------------------


def plan_model(model: Model | str, aql: str | None = None) -> Model:
    """``model`` as a :class:`Model`, refused for a plan at an AQL above 10 unless Poisson.

    AQLs above 10 are in nonconformities per 100 items only (GB/T 2828.1-2012 5.2, identical to
    ISO 2859-1:1999 5.2: "AQL values shall not exceed 10 % nonconforming"; up to 1000
    nonconformities per 100 items), so the count in a sample is Poisson and may exceed the
    sample size: the binomial and hypergeometric models, counts of nonconforming items, have no
    meaning there.

    >>> plan_model("binomial", "2.5")
    <Model.BINOMIAL: 'binomial'>
    >>> plan_model("poisson", "1000")        # "binomial" here is an InvalidInputError
    <Model.POISSON: 'poisson'>
    """
    m = enum_member("model", Model, model)
    if m is not Model.POISSON and aql in _PER_100_ONLY:
        raise InvalidInputError(
            "model",
            m.value,
            f"'poisson' for a plan at AQL {aql} (AQLs above 10 are nonconformities per 100 "
            "items only, GB/T 2828.1-2012 5.2; p is then nonconformities per item)",
        )
    return m


def _quality(p: object, m: Model, lot: int, field: str = "p") -> tuple[float, int]:
    """``p`` checked for the model, and ``D = p * N`` for the hypergeometric model."""
    if m is Model.POISSON:
        return real(field, p, 0.0), 0  # nonconformities per item, any finite value >= 0
    x = real(field, p, 0.0, 1.0)  # a fraction nonconforming
    if m is not Model.HYPERGEOMETRIC:
        return x, 0
    exact = x * lot
    d = round(exact)
    if abs(exact - d) > 1e-9 * max(1.0, exact):
        raise InvalidInputError(
            field,
            p,
            f"a multiple of 1/lot_size = 1/{lot} for the hypergeometric model "
            f"(p * lot_size = {exact!r} is not a whole number of nonconforming items)",
        )
    return x, d


def _prepare(
    stages: Sequence[Limits],
    model: Model | str,
    lot_size: object,
    lot_required: bool = False,
) -> tuple[Plan, Model, int]:
    """The plan in internal form, the model and the lot size (0 if not given nor required)."""
    m = enum_member("model", Model, model)
    plan = tuple((n, -1 if a is None else a, r) for n, a, r in stages)
    if len(plan) > limits.MAX_OC_STAGES:
        raise InvalidInputError(
            "stages", len(plan), f"at most limits.MAX_OC_STAGES = {limits.MAX_OC_STAGES} stages"
        )
    for i, (_, a, r) in enumerate(plan):
        if r - a > limits.MAX_OC_STAGE_GAP:
            raise InvalidInputError(
                f"stages[{i}]",
                stages[i],
                f"Re - Ac at most limits.MAX_OC_STAGE_GAP = {limits.MAX_OC_STAGE_GAP}",
            )
    total = sum(st[0] for st in plan)
    if total > limits.MAX_OC_SIZE:
        raise InvalidInputError(
            "stages", total, "a total sample size of at most limits.MAX_OC_SIZE = 10**15"
        )
    if m is Model.HYPERGEOMETRIC and total > limits.MAX_HYPERGEOMETRIC_SAMPLE_SIZE:
        raise InvalidInputError(
            "model",
            m.value,
            "'binomial' or 'poisson' for a total sample size above "
            f"limits.MAX_HYPERGEOMETRIC_SAMPLE_SIZE = {limits.MAX_HYPERGEOMETRIC_SAMPLE_SIZE}",
        )
    if lot_size is None and not (lot_required or m is Model.HYPERGEOMETRIC):
        return plan, m, 0
    if lot_size is None:
        raise InvalidInputError(
            "lot_size", lot_size, f"a whole number >= the total sample size {total}"
        )
    lot = whole_number("lot_size", lot_size, total)
    if lot > limits.MAX_OC_SIZE:
        raise InvalidInputError("lot_size", lot, "at most limits.MAX_OC_SIZE = 10**15")
    return plan, m, lot


# ---------------------------------------------------------------------------------------------
# Public functions
# ---------------------------------------------------------------------------------------------


def probability_of_acceptance(
    stages: Sequence[Limits],
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
        InvalidInputError: ``p`` out of range for the model, a missing or too
            small ``lot_size``, ``p * lot_size`` not a whole number (hypergeometric), or a plan
            beyond the limits of the module docstring.
    """
    plan, m, lot = _prepare(stages, model, lot_size)
    x, d = _quality(p, m, lot)
    return pa(plan, m, x, lot, d)


def oc_curve(
    stages: Sequence[Limits],
    ps: Iterable[float],
    model: Model | str = Model.BINOMIAL,
    lot_size: int | None = None,
) -> list[float]:
    """Probability of acceptance at each quality level in ``ps`` (the OC curve, OC 曲线).

    Each point costs what :func:`probability_of_acceptance` costs (a few microseconds for a
    single plan of the tables); at most ``limits.MAX_OC_POINTS`` points.

    >>> [round(pa, 4) for pa in oc_curve([(80, 2, 3)], [0.0, 0.01, 0.05])]
    [1.0, 0.9534, 0.2306]
    """
    plan, m, lot = _prepare(stages, model, lot_size)
    levels = items("ps", ps, max_items=limits.MAX_OC_POINTS, limit_name="MAX_OC_POINTS")
    out: list[float] = []
    for i, p in enumerate(levels):
        x, d = _quality(p, m, lot, f"ps[{i}]")
        out.append(pa(plan, m, x, lot, d))
    return out


def stage_outcome_probabilities(
    stages: Sequence[Limits],
    p: float,
    model: Model | str = Model.BINOMIAL,
    lot_size: int | None = None,
) -> list[tuple[float, float]]:
    """``(P(accepted at stage i), P(not accepted at stage i))`` for each stage i.

    The decision is taken at exactly one stage, so all the numbers add up to 1 (to rounding);
    their first components add up to :func:`probability_of_acceptance`.

    >>> [(round(a, 4), round(r, 4)) for a, r in stage_outcome_probabilities(
    ...     [(13, 0, 2), (13, 1, 2)], 0.05)]
    [(0.5133, 0.1354), (0.1803, 0.1709)]
    """
    plan, m, lot = _prepare(stages, model, lot_size)
    x, d = _quality(p, m, lot)
    w = walk(plan, m, x, lot, d)
    return list(zip(w.accept, w.reject, strict=True))


def average_sample_number(
    stages: Sequence[Limits],
    p: float,
    model: Model | str = Model.BINOMIAL,
    lot_size: int | None = None,
) -> float:
    """Average sample number (平均样本量 ASN), without curtailment.

    ``ASN = sum_i n_i * P(stage i is inspected)``: every sample that is drawn is inspected in
    full. For a single plan it is ``n``; for a double plan ``n1 + n2 * P(Ac1 < d1 < Re1)``.

    >>> round(average_sample_number([(13, 0, 2), (13, 1, 2)], 0.05), 2)
    17.57
    """
    plan, m, lot = _prepare(stages, model, lot_size)
    x, d = _quality(p, m, lot)
    if len(plan) == 1:
        return float(plan[0][0])
    w = walk(plan, m, x, lot, d)
    return math.fsum(st[0] * reach for st, reach in zip(plan, w.reach, strict=True))


def _aoq(plan: Plan, m: Model, p: float, lot: int, d: int) -> float:
    if m is Model.HYPERGEOMETRIC:
        if len(plan) == 1 and (d == 0 or lot == plan[0][0]):
            return 0.0
        return walk(plan, m, p, lot, d).outgoing / lot
    if len(plan) == 1:
        return pa(plan, m, p, lot, d) * p * ((lot - plan[0][0]) / lot)
    w = walk(plan, m, p, lot, d)
    total = 0.0
    cum = 0
    for (n_i, _, _), acc in zip(plan, w.accept, strict=True):
        cum += n_i
        total += acc * ((lot - cum) / lot)
    return total * p


def average_outgoing_quality(
    stages: Sequence[Limits],
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

    >>> round(average_outgoing_quality([(20, 1, 2)], 0.05, 100, "hypergeometric"), 4)
    0.0328
    """
    plan, m, lot = _prepare(stages, model, lot_size, lot_required=True)
    x, d = _quality(p, m, lot)
    return _aoq(plan, m, x, lot, d)


def average_total_inspection(
    stages: Sequence[Limits],
    p: float,
    lot_size: int,
    model: Model | str = Model.BINOMIAL,
) -> float:
    """Average total inspection (平均检验总数 ATI) per lot under rectifying inspection.

    ``ATI = sum_i P(accepted at stage i) (n_1 + ... + n_i) + P(not accepted) N``: accepted lots
    cost the samples inspected, lots not accepted are inspected 100 %. For a single plan this is
    ``n Pa + N (1 - Pa)``.

    >>> round(average_total_inspection([(80, 2, 3)], 0.01, 1000), 1)
    122.8
    """
    plan, m, lot = _prepare(stages, model, lot_size, lot_required=True)
    x, d = _quality(p, m, lot)
    if len(plan) == 1:
        accepted = pa(plan, m, x, lot, d)
        return plan[0][0] * accepted + lot * (1.0 - accepted)
    w = walk(plan, m, x, lot, d)
    terms = [lot * rej for rej in w.reject]
    cum = 0
    for (n_i, _, _), acc in zip(plan, w.accept, strict=True):
        cum += n_i
        terms.append(cum * acc)
    return math.fsum(terms)


_GRID = 200
_INV_PHI = (math.sqrt(5.0) - 1.0) / 2.0
_NEGLIGIBLE = 1e-12


def _tail_bound(plan: Plan, m: Model, p: float) -> float:
    """A bound, decreasing in ``p``, on ``AOQ(p) n_1 / (Ac + 1)`` (see the AOQL docstring)."""
    n1 = plan[0][0]
    c = plan[-1][1]
    if m is Model.BINOMIAL:
        return kernel.binom_tails(c + 1, n1 + 1, p, 1.0 - p)[0]
    return kernel.pois_tails(c + 1, n1 * p)[0]


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


def _aoql_hypergeometric(plan: Plan, lot: int) -> tuple[float, float]:
    """The AOQL over ``p = D / N``, ``D`` a whole number up to where acceptance is negligible."""
    n1 = plan[0][0]
    c = plan[-1][1]

    def aoq_d(k: int) -> float:
        return _aoq(plan, Model.HYPERGEOMETRIC, k / lot, lot, k)

    k_hi = min(lot, max(1, (c + 1) * lot // n1))
    while k_hi < lot and kernel.hyper_tails(c, lot, k_hi, n1)[0] > _NEGLIGIBLE:
        k_hi = min(lot, 2 * k_hi)
    value, k = _maximise_discrete(aoq_d, k_hi)
    return value, k / lot


def _p_high(plan: Plan, m: Model) -> float:
    """A ``p`` beyond which the AOQ is negligible (doubling from ``(Ac+1)/n_1``)."""
    p_hi = (plan[-1][1] + 1) / plan[0][0]
    if m is Model.BINOMIAL:
        p_hi = min(p_hi, 1.0)
        while p_hi < 1.0 and _tail_bound(plan, m, p_hi) > _NEGLIGIBLE:
            p_hi = min(1.0, 2.0 * p_hi)
    else:
        while _tail_bound(plan, m, p_hi) > _NEGLIGIBLE:  # at most ~1100 doublings (to inf)
            p_hi *= 2.0
    return p_hi


def average_outgoing_quality_limit(
    stages: Sequence[Limits],
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

    Bounded: the doubling takes at most about 1100 steps (binomial: 40), the search at most
    201 + 2 + 70 AOQ evaluations (continuous) or 201 + 2 log_1.5(D_hi / 100) + 6
    (hypergeometric), each as bounded as :func:`average_outgoing_quality`.

    Returns:
        ``(aoql, p_at_aoql)``; ``(0.0, 0.0)`` when the AOQ is 0 everywhere (the whole lot is
        sampled).

    >>> aoql, at = average_outgoing_quality_limit([(80, 2, 3)], 1000)
    >>> round(aoql, 5), round(at, 4)
    (0.01574, 0.0281)
    """
    plan, m, lot = _prepare(stages, model, lot_size, lot_required=True)
    if m is Model.HYPERGEOMETRIC:
        return _aoql_hypergeometric(plan, lot)

    def aoq_p(x: float) -> float:
        return _aoq(plan, m, x, lot, 0)

    value, x = _maximise_continuous(aoq_p, _p_high(plan, m))
    if value <= 0.0:
        return 0.0, 0.0
    return value, x
