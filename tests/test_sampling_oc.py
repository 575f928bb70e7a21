"""Operating characteristics of attribute sampling plans (qsdomain.sampling._oc).

Three kinds of test:

* accuracy: a slow, obviously right mpmath reference (full point-probability vectors at 40
  digits, exhaustive sums over every count of every stage) against the fast float code, with a
  relative error of at most 1e-12 wherever the true probability is at least 1e-300;
* laws every plan obeys (monotone OC curve, outcomes adding up to 1, ASN and AOQ bounds, ...);
* worked values published in the SAS/QC documentation and classical closed forms.
"""

from __future__ import annotations

import itertools
import math
import time
from collections.abc import Callable, Sequence
from fractions import Fraction

import mpmath as mp
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qsdomain import limits
from qsdomain.errors import InvalidInputError
from qsdomain.sampling import (
    DoubleSamplingPlan,
    MultipleSamplingPlan,
    SingleSamplingPlan,
    Stage,
)
from qsdomain.sampling import _oc_kernel as kernel
from qsdomain.sampling import plan as table_plan
from qsdomain.sampling import probability_of_acceptance as sampling_pa
from qsdomain.sampling._oc import (
    Limits,
    Model,
    average_outgoing_quality,
    average_outgoing_quality_limit,
    average_sample_number,
    average_total_inspection,
    oc_curve,
    probability_of_acceptance,
    stage_outcome_probabilities,
)

mp.mp.dps = 40
REL = 1e-12
FLOOR = mp.mpf("1e-300")  # below this only "tiny, finite, not negative" is required
SLOW = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# ---------------------------------------------------------------------------------------------
# Reference implementation (mpmath / exact fractions)
# ---------------------------------------------------------------------------------------------


def ref_binom_pmf(n: int, p: float) -> list[mp.mpf]:
    """P(X = k), k = 0..n, X ~ Binomial(n, p) with the float p taken exactly."""
    big_p = mp.mpf(p)
    big_q = 1 - big_p
    if big_p == 0:
        return [mp.mpf(1)] + [mp.mpf(0)] * n
    if big_q == 0:
        return [mp.mpf(0)] * n + [mp.mpf(1)]
    ratio = big_p / big_q
    t = big_q**n
    out = [t]
    for k in range(n):
        t = t * (n - k) / (k + 1) * ratio
        out.append(t)
    return out


def ref_pois_pmf(lam: mp.mpf, upto: int) -> list[mp.mpf]:
    """P(X = k), k = 0..upto, X ~ Poisson(lam)."""
    t = mp.exp(-lam)
    out = [t]
    for k in range(upto):
        t = t * lam / (k + 1)
        out.append(t)
    return out


def ref_pois_upper(lam: mp.mpf, r: int) -> mp.mpf:
    """P(X >= r) for X ~ Poisson(lam) (regularised lower incomplete gamma)."""
    if r <= 0:
        return mp.mpf(1)
    if lam == 0:
        return mp.mpf(0)
    return mp.gammainc(r, 0, lam, regularized=True)


def ref_hyper_pmf(big_n: int, k_def: int, n: int) -> list[Fraction]:
    """P(X = x), x = 0..n, for n items drawn from N holding K, as exact fractions."""
    den = math.comb(big_n, n)
    return [
        Fraction(math.comb(k_def, x) * math.comb(big_n - k_def, n - x), den)
        if 0 <= n - x <= big_n - k_def and x <= k_def
        else Fraction(0)
        for x in range(n + 1)
    ]


def ref_stage(
    model: str, n_i: int, p: float, *, d: int, re: int, left: int, defectives: int
) -> tuple[list[mp.mpf], mp.mpf | None]:
    """Point probabilities of the stage's count and, for Poisson, P(rejected at this stage)."""
    if model == "hypergeometric":
        return [mp.mpf(f) for f in ref_hyper_pmf(left, defectives - d, n_i)], None
    if model == "binomial":
        return ref_binom_pmf(n_i, p), None
    lam = mp.mpf(n_i) * mp.mpf(p)
    return ref_pois_pmf(lam, max(re - d, 0)), ref_pois_upper(lam, re - d)


def ref_walk(
    stages: Sequence[Limits], p: float, model: str, lot: int | None = None
) -> tuple[list[mp.mpf], list[mp.mpf], list[mp.mpf], mp.mpf]:
    """(accept_i, reject_i, reach_i, E[outgoing nonconforming; accepted]) by exhaustive sums.

    Every count x of every stage is visited for every undecided cumulative count d (Poisson:
    x up to Re - d, with the rest of the tail from the incomplete gamma function).
    """
    states: dict[int, mp.mpf] = {0: mp.mpf(1)}
    acc_l: list[mp.mpf] = []
    rej_l: list[mp.mpf] = []
    reach: list[mp.mpf] = []
    outgoing = mp.mpf(0)
    cum = 0
    lot_n = 0 if lot is None else lot
    defectives = round(p * lot_n)
    for n_i, ac, re in stages:
        a = -1 if ac is None else ac
        reach.append(mp.fsum(states.values()))
        acc = mp.mpf(0)
        rej = mp.mpf(0)
        new: dict[int, mp.mpf] = {}
        for d, w in states.items():
            pmf, upper = ref_stage(
                model, n_i, p, d=d, re=re, left=lot_n - cum, defectives=defectives
            )
            for x, px in enumerate(pmf):
                total = d + x
                if total <= a:
                    acc += w * px
                    outgoing += w * px * (defectives - total)
                elif total >= re:
                    rej += w * px if upper is None else 0
                else:
                    new[total] = new.get(total, mp.mpf(0)) + w * px
            if upper is not None:
                rej += w * upper
        acc_l.append(acc)
        rej_l.append(rej)
        states = new
        cum += n_i
    return acc_l, rej_l, reach, outgoing


def close(value: float, ref: mp.mpf, rel: float = REL) -> bool:
    """``value`` agrees with ``ref`` to ``rel``, or both are below the 1e-300 floor."""
    assert math.isfinite(value)
    assert value >= 0.0
    if ref < FLOOR:
        return value <= 1e-299
    return bool(abs(mp.mpf(value) - ref) <= rel * ref)


# ---------------------------------------------------------------------------------------------
# Strategies
# ---------------------------------------------------------------------------------------------


@st.composite
def probabilities(draw: st.DrawFn, n: int, c: int) -> float:
    """Fractions nonconforming that stress the tails: any, tiny, near 1, near the OC drop."""
    return draw(
        st.one_of(
            st.floats(min_value=0.0, max_value=1.0),
            st.floats(min_value=0.0, max_value=330.0).map(lambda e: 10.0**-e),
            st.floats(min_value=1e-16, max_value=0.5).map(lambda t: 1.0 - t),
            st.floats(min_value=0.02, max_value=40.0).map(lambda f: min(1.0, f * (c + 1) / n)),
        )
    )


@st.composite
def single_cases(draw: st.DrawFn) -> tuple[int, int, float]:
    n = draw(st.one_of(st.integers(1, 60), st.integers(1, 2000), st.just(2000)))
    c = draw(st.one_of(st.integers(0, min(n, 57)), st.integers(0, n)))
    return n, c, draw(probabilities(n, c))


@st.composite
def plans(draw: st.DrawFn, max_stages: int = 5, max_n: int = 40) -> list[Limits]:
    """Valid single, double or multiple plans with cumulative Ac/Re numbers."""
    k = draw(st.integers(1, max_stages))
    stages: list[Limits] = []
    a_prev, r_prev = -1, 1
    for i in range(k):
        n = draw(st.integers(1, max_n))
        if i == k - 1:
            low = max(a_prev, r_prev - 1, 0)
            a = draw(st.integers(low, low + 3))
            stages.append((n, a, a + 1))
            break
        a = draw(st.integers(a_prev, a_prev + 2))
        low_r = max(r_prev, a + 2)
        r = draw(st.integers(low_r, low_r + 3))
        stages.append((n, None if a < 0 else a, r))
        a_prev, r_prev = a, r
    return stages


# ---------------------------------------------------------------------------------------------
# Accuracy against the reference
# ---------------------------------------------------------------------------------------------


@SLOW
@given(single_cases())
def test_single_binomial_matches_reference_in_both_tails(case: tuple[int, int, float]) -> None:
    n, c, p = case
    pmf = ref_binom_pmf(n, p)
    lower = mp.fsum(pmf[: c + 1])
    upper = mp.fsum(pmf[c + 1 :])
    assert close(probability_of_acceptance([(n, c, c + 1)], p), lower)
    ((acc, rej),) = stage_outcome_probabilities([(n, c, c + 1)], p)
    assert close(acc, lower)
    assert close(rej, upper)


@SLOW
@given(single_cases())
def test_single_poisson_matches_reference(case: tuple[int, int, float]) -> None:
    n, c, p = case
    p *= 3.0  # nonconformities per item may exceed 1
    lam = mp.mpf(n) * mp.mpf(p)
    lower = mp.fsum(ref_pois_pmf(lam, c))
    ((acc, rej),) = stage_outcome_probabilities([(n, c, c + 1)], p, "poisson")
    assert close(acc, lower)
    assert close(rej, ref_pois_upper(lam, c + 1))


@st.composite
def hyper_cases(draw: st.DrawFn) -> tuple[int, int, int, int]:
    big_n = draw(st.one_of(st.integers(1, 300), st.integers(1, 20_000)))
    n = draw(st.integers(1, min(big_n, 2000)))
    k_def = draw(st.one_of(st.integers(0, big_n), st.integers(0, min(big_n, 3 * n // 2 + 5))))
    c = draw(st.one_of(st.integers(0, min(n, 57)), st.integers(0, n)))
    return big_n, k_def, n, c


@SLOW
@given(hyper_cases())
def test_single_hypergeometric_matches_exact_fractions(case: tuple[int, int, int, int]) -> None:
    big_n, k_def, n, c = case
    p = k_def / big_n
    pmf = ref_hyper_pmf(big_n, k_def, n)
    lower = mp.mpf(sum(pmf[: c + 1], Fraction(0)))
    upper = mp.mpf(sum(pmf[c + 1 :], Fraction(0)))
    ((acc, rej),) = stage_outcome_probabilities([(n, c, c + 1)], p, "hypergeometric", big_n)
    assert close(acc, lower)
    assert close(rej, upper)


@SLOW
@given(st.sampled_from(["binomial", "poisson", "hypergeometric"]), st.data())
def test_multiple_plans_match_exhaustive_path_sums(model: str, data: st.DataObject) -> None:
    max_n = 40 if model == "hypergeometric" else data.draw(st.sampled_from([40, 2000]))
    stages = data.draw(plans(max_n=max_n))
    total = sum(s[0] for s in stages)
    lot = None
    if model == "hypergeometric":
        lot = data.draw(st.integers(total, total + 150))
        p = data.draw(st.integers(0, lot)) / lot
    else:
        p = data.draw(probabilities(total, stages[-1][2]))
        if model == "poisson":
            p *= 2.0
    acc_r, rej_r, reach_r, _ = ref_walk(stages, p, model, lot)
    outcomes = stage_outcome_probabilities(stages, p, model, lot)
    for (acc, rej), ra, rr in zip(outcomes, acc_r, rej_r, strict=True):
        assert close(acc, ra)
        assert close(rej, rr)
    assert close(probability_of_acceptance(stages, p, model, lot), mp.fsum(acc_r))
    asn = mp.fsum(s[0] * r for s, r in zip(stages, reach_r, strict=True))
    assert close(average_sample_number(stages, p, model, lot), asn)


@SLOW
@given(plans(max_stages=3, max_n=25), st.data())
def test_rectifying_inspection_matches_reference(stages: list[Limits], data: st.DataObject) -> None:
    total = sum(s[0] for s in stages)
    model = data.draw(st.sampled_from(["binomial", "poisson", "hypergeometric"]))
    lot = data.draw(st.integers(total, total + 100))
    if model == "hypergeometric":
        p = data.draw(st.integers(0, lot)) / lot
    else:
        p = data.draw(st.floats(0.0, 1.0))
    hyper_lot = lot if model == "hypergeometric" else None
    acc_r, rej_r, _, outgoing = ref_walk(stages, p, model, hyper_lot)
    cums = [sum(s[0] for s in stages[: i + 1]) for i in range(len(stages))]
    if model == "hypergeometric":
        aoq = outgoing / lot
    else:
        aoq = mp.mpf(p) * mp.fsum(a * (lot - c) for a, c in zip(acc_r, cums, strict=True)) / lot
    ati = mp.fsum(a * c for a, c in zip(acc_r, cums, strict=True)) + lot * mp.fsum(rej_r)
    assert close(average_outgoing_quality(stages, p, lot, model), aoq, 1e-11)
    assert close(average_total_inspection(stages, p, lot, model), ati, 1e-11)


def test_reference_agrees_with_itself_on_a_double_plan() -> None:
    # Guards the reference: Pa1 + sum_d P(d1 = d) P(d2 <= Ac2 - d) written out by hand.
    pmf = ref_binom_pmf(13, 0.18)
    pa = pmf[0] + pmf[1] * pmf[0]
    acc, _, _, _ = ref_walk([(13, 0, 2), (13, 1, 2)], 0.18, "binomial")
    assert abs(mp.fsum(acc) - pa) < mp.mpf("1e-35")


# ---------------------------------------------------------------------------------------------
# Laws
# ---------------------------------------------------------------------------------------------


@settings(max_examples=80, deadline=None)
@given(plans(max_n=300), st.sampled_from(["binomial", "poisson"]), st.data())
def test_oc_curve_is_non_increasing(stages: list[Limits], model: str, data: st.DataObject) -> None:
    ps = sorted(data.draw(st.lists(st.floats(0.0, 1.0), min_size=2, max_size=12)))
    pa = oc_curve(stages, ps, model)
    for lower_p, higher_p in itertools.pairwise(pa):
        assert higher_p <= lower_p * (1 + 4 * REL) + 1e-300


@settings(max_examples=60, deadline=None)
@given(plans(max_n=60), st.data())
def test_hypergeometric_oc_is_non_increasing_in_d(
    stages: list[Limits], data: st.DataObject
) -> None:
    lot = sum(s[0] for s in stages) + data.draw(st.integers(0, 60))
    pa = oc_curve(stages, [d / lot for d in range(lot + 1)], "hypergeometric", lot)
    for lower_p, higher_p in itertools.pairwise(pa):
        assert higher_p <= lower_p * (1 + 4 * REL) + 1e-300


@settings(max_examples=80, deadline=None)
@given(plans(max_n=300), st.sampled_from(list(Model)))
def test_edges_of_the_oc_curve_are_exact(stages: list[Limits], model: Model) -> None:
    total = sum(s[0] for s in stages)
    lot = total + 7 if model is Model.HYPERGEOMETRIC else None
    assert probability_of_acceptance(stages, 0.0, model, lot) == 1.0
    if model is not Model.POISSON:
        # Every count equals the sample size: walk the stages with cumulative count = cumulative
        # n; the first stage that decides (Ac reached, or Re reached first) decides for sure.
        cum = 0
        accepted = False
        for n_i, ac, re in stages:
            cum += n_i
            if ac is not None and cum <= ac:
                accepted = True
                break
            if cum >= re:
                break
        assert probability_of_acceptance(stages, 1.0, model, lot) == (1.0 if accepted else 0.0)


def test_pa_at_p_one_is_exactly_zero_for_large_samples() -> None:
    for n in (1, 50, 315, 2000):
        assert probability_of_acceptance([(n, min(n - 1, 21), min(n, 22))], 1.0) == 0.0
        assert probability_of_acceptance([(n, n, n + 1)], 1.0) == 1.0


@settings(max_examples=80, deadline=None)
@given(plans(max_n=200), st.sampled_from(list(Model)), st.data())
def test_outcomes_add_up_to_one_and_asn_is_bounded(
    stages: list[Limits], model: Model, data: st.DataObject
) -> None:
    total = sum(s[0] for s in stages)
    lot = None
    if model is Model.HYPERGEOMETRIC:
        lot = total + data.draw(st.integers(0, 500))
        p = data.draw(st.integers(0, lot)) / lot
    else:
        p = data.draw(st.floats(0.0, 1.0))
    outcomes = stage_outcome_probabilities(stages, p, model, lot)
    assert len(outcomes) == len(stages)
    assert math.fsum(a + r for a, r in outcomes) == pytest.approx(1.0, abs=1e-12)
    assert math.fsum(a for a, _ in outcomes) == pytest.approx(
        probability_of_acceptance(stages, p, model, lot), rel=1e-12, abs=1e-300
    )
    asn = average_sample_number(stages, p, model, lot)
    assert stages[0][0] <= asn <= total * (1 + 1e-15)


@settings(max_examples=40, deadline=None)
@given(plans(max_stages=3, max_n=100), st.data())
def test_hypergeometric_tends_to_binomial(stages: list[Limits], data: st.DataObject) -> None:
    total = sum(s[0] for s in stages)
    p = data.draw(st.integers(1, 99)) / 100
    binomial = probability_of_acceptance(stages, p)
    gaps = [
        abs(probability_of_acceptance(stages, p, "hypergeometric", lot) - binomial)
        for lot in (100 * total, 10_000 * total, 1_000_000 * total)
    ]
    # The difference is O(n / N): it shrinks as the lot grows and ends below 2 n / N.
    assert gaps[2] <= gaps[0] + 1e-15
    assert gaps[2] <= 2e-6


@settings(max_examples=60, deadline=None)
@given(plans(max_stages=3, max_n=80), st.sampled_from(list(Model)), st.data())
def test_aoq_is_at_most_p_and_ati_is_bounded(
    stages: list[Limits], model: Model, data: st.DataObject
) -> None:
    total = sum(s[0] for s in stages)
    lot = total + data.draw(st.integers(0, 2000))
    if model is Model.HYPERGEOMETRIC:
        p = data.draw(st.integers(0, lot)) / lot
    else:
        p = data.draw(st.floats(0.0, 1.0))
    aoq = average_outgoing_quality(stages, p, lot, model)
    assert 0.0 <= aoq <= p * (1 + 1e-12)
    ati = average_total_inspection(stages, p, lot, model)
    assert stages[0][0] * (1 - 1e-12) <= ati <= lot * (1 + 1e-12)


@settings(max_examples=25, deadline=None)
@given(plans(max_stages=3, max_n=120), st.sampled_from(list(Model)), st.data())
def test_aoql_is_the_maximum_of_the_aoq(
    stages: list[Limits], model: Model, data: st.DataObject
) -> None:
    total = sum(s[0] for s in stages)
    lot = total + data.draw(st.integers(1, 3000))
    aoql, p_star = average_outgoing_quality_limit(stages, lot, model)
    assert aoql == pytest.approx(average_outgoing_quality(stages, p_star, lot, model), rel=1e-12)
    for _ in range(8):
        if model is Model.HYPERGEOMETRIC:
            p = data.draw(st.integers(0, lot)) / lot
        else:
            p = data.draw(st.floats(0.0, 1.0 if model is Model.BINOMIAL else 3.0))
        assert average_outgoing_quality(stages, p, lot, model) <= aoql * (1 + 1e-12)


# ---------------------------------------------------------------------------------------------
# Edge cases (sampling.md section 3.4) and errors
# ---------------------------------------------------------------------------------------------


def test_hypergeometric_whole_lot_sampled() -> None:
    # n = N: the sample count is D itself.
    for d in range(51):
        pa = probability_of_acceptance([(50, 3, 4)], d / 50, "hypergeometric", 50)
        assert pa == (1.0 if d <= 3 else 0.0)
    plan: list[Limits] = [(20, None, 4), (30, 3, 4)]  # the two samples exhaust the lot
    for d in range(51):
        out = stage_outcome_probabilities(plan, d / 50, "hypergeometric", 50)
        assert math.fsum(out[0] + out[1]) == pytest.approx(1.0, abs=1e-14)
        assert math.fsum(a for a, _ in out) == pytest.approx(1.0 if d <= 3 else 0.0, abs=1e-14)
    assert average_outgoing_quality([(50, 3, 4)], 0.04, 50, "hypergeometric") == 0.0


def test_no_and_all_nonconforming_in_the_lot() -> None:
    for plan in ([(125, 3, 4)], [(80, 1, 4), (80, 4, 5)]):
        assert probability_of_acceptance(plan, 0.0, "hypergeometric", 500) == 1.0
        assert probability_of_acceptance(plan, 1.0, "hypergeometric", 500) == 0.0
        assert average_outgoing_quality(plan, 0.0, 500, "hypergeometric") == 0.0
        assert average_total_inspection(plan, 1.0, 500, "hypergeometric") == 500.0


def test_tiny_p_keeps_relative_accuracy_of_rejection() -> None:
    for p in (1e-300, 5e-324, 1e-30, 1e-17):
        ((acc, rej),) = stage_outcome_probabilities([(2000, 0, 1)], p)
        exact = -mp.expm1(2000 * mp.log1p(-mp.mpf(p)))
        assert close(acc, 1 - exact)
        assert close(rej, exact)


def test_deep_tails_do_not_underflow_or_overflow() -> None:
    # (1 - p)**2000 underflows for p = 0.5, yet Pa for Ac = 1000 is about 1/2.
    pa = probability_of_acceptance([(2000, 1000, 1001)], 0.5)
    assert close(pa, mp.fsum(ref_binom_pmf(2000, 0.5)[:1001]))
    # A Pa of about 1e-290 is still computed to full relative precision.
    pa = probability_of_acceptance([(2000, 5, 6)], 0.29)
    ref = mp.fsum(ref_binom_pmf(2000, 0.29)[:6])
    assert 1e-300 < ref < 1e-250
    assert close(pa, ref)
    # Far below 1e-300 the result is a clean 0.0, not NaN.
    assert probability_of_acceptance([(2000, 0, 1)], 0.9) == 0.0
    assert probability_of_acceptance([(2000, 0, 1)], 1e300, "poisson") == 0.0


@pytest.mark.parametrize(
    ("p", "model", "lot", "field"),
    [
        (-0.01, "binomial", None, "p"),
        (1.01, "binomial", None, "p"),
        (math.nan, "binomial", None, "p"),
        (-1e-9, "poisson", None, "p"),
        (math.inf, "poisson", None, "p"),
        (1.5, "hypergeometric", 100, "p"),
        (-0.01, "hypergeometric", 100, "p"),
        (0.125, "hypergeometric", 100, "p"),  # D = 12.5 is not a whole number
        (0.1, "hypergeometric", None, "lot_size"),
        (0.1, "hypergeometric", 49, "lot_size"),  # smaller than the sample
        (0.1, "binomial", 49, "lot_size"),
        (0.1, "hypergeometric", 100.0, "lot_size"),
        (True, "binomial", None, "p"),
        ("0.1", "binomial", None, "p"),
        (0.1, "normal", None, "model"),
    ],
)
def test_bad_quality_levels_and_lots_are_rejected(
    p: object, model: str, lot: object, field: str
) -> None:
    with pytest.raises(InvalidInputError) as err:
        probability_of_acceptance([(50, 1, 2)], p, model, lot)  # type: ignore[arg-type]
    assert err.value.field == field


def test_poisson_allows_more_than_one_nonconformity_per_item() -> None:
    pa = probability_of_acceptance([(5, 10, 11)], 1.5, Model.POISSON)
    assert close(pa, mp.fsum(ref_pois_pmf(mp.mpf(7.5), 10)))


def test_errors_in_curves_and_rectification_name_the_field() -> None:
    with pytest.raises(InvalidInputError) as err:
        oc_curve([(50, 1, 2)], [0.1, 0.2, 1.2])
    assert err.value.field == "ps[2]"
    with pytest.raises(InvalidInputError) as err:
        oc_curve([(50, 1, 2)], [0.1, 0.015], "hypergeometric", 100)
    assert err.value.field == "ps[1]"
    with pytest.raises(InvalidInputError) as err:
        average_outgoing_quality([(50, 1, 2)], 0.1, None)  # type: ignore[arg-type]
    assert err.value.field == "lot_size"
    with pytest.raises(InvalidInputError) as err:
        average_outgoing_quality_limit([(50, 1, 2)], 40)
    assert err.value.field == "lot_size"
    with pytest.raises(InvalidInputError) as err:
        average_total_inspection([(50, 1, 2)], 0.105, 100, "hypergeometric")
    assert err.value.field == "p"


def test_near_whole_d_from_float_division_is_accepted() -> None:
    # p = D / N rounded to a float gives p * N within a few ulps of D: accepted as D.
    assert any(d / 3000 * 3000 != d for d in range(3000))
    pa = probability_of_acceptance([(200, 1, 2)], 7 / 3000, "hypergeometric", 3000)
    ref = mp.mpf(sum(ref_hyper_pmf(3000, 7, 200)[:2], Fraction(0)))
    assert close(pa, ref)


# ---------------------------------------------------------------------------------------------
# Worked values
# ---------------------------------------------------------------------------------------------
# SAS/QC User's Guide, chapter "Functions" (support.sas.com/documentation/cdl/en/qcug/...):
# "Evaluating Single-Sampling Plans" (PROBBNML, PROBHYPR examples) and the PROBACC2, ASN2,
# AOQ2 function pages, each quoting the value its example statements produce (10 digits).


def test_sas_single_sampling_examples() -> None:
    # probbnml(0.18, 20, 1) = 0.1018322793
    assert probability_of_acceptance([(20, 1, 2)], 0.18) == pytest.approx(0.1018322793, abs=5e-11)
    # probhypr(120, 22, 20, 1) = 0.0762970752
    pa = probability_of_acceptance([(20, 1, 2)], 22 / 120, "hypergeometric", 120)
    assert pa == pytest.approx(0.0762970752, abs=5e-11)


def test_sas_double_sampling_examples() -> None:
    plan: list[Limits] = [(13, 0, 2), (13, 1, 2)]  # a1=0, r1=2, a2=1, n1=n2=13
    # probacc2(0, 2, 1, 13, 13, 0.18) = 0.0921738126
    assert probability_of_acceptance(plan, 0.18) == pytest.approx(0.0921738126, abs=5e-11)
    # asn2('full', 0, 2, 1, 13, 13, 0.18) = 15.811418112
    assert average_sample_number(plan, 0.18) == pytest.approx(15.811418112, abs=5e-9)
    # aoq2('rep', 120, 0, 2, 1, 13, 13, 0.18) = 0.0144743043
    assert average_outgoing_quality(plan, 0.18, 120) == pytest.approx(0.0144743043, abs=5e-11)
    # ATI2's formula: n1 Pa1 + (n1 + n2) Pa2 + N (1 - Pa1 - Pa2).
    (pa1, _), (pa2, _) = stage_outcome_probabilities(plan, 0.18)
    ati = 13 * pa1 + 26 * pa2 + 120 * (1 - pa1 - pa2)
    assert average_total_inspection(plan, 0.18, 120) == pytest.approx(ati, rel=1e-13)


def test_sas_type_a_double_plan_draws_its_second_sample_from_the_whole_lot() -> None:
    # probacc2(1, 4, 3, 50, 100, 10, 200) = 0.2396723824. SAS evaluates the second sample as
    # drawn from the full lot (N = 200, D = 10) again, independently of the first; composing
    # our single-stage hypergeometric probabilities that way reproduces SAS's value ...
    def single(c: int, n: int, lot: int, d: int) -> float:
        if c < 0:
            return 0.0
        return probability_of_acceptance([(n, c, c + 1)], d / lot, "hypergeometric", lot)

    def point(x: int) -> float:
        return single(x, 50, 200, 10) - single(x - 1, 50, 200, 10)

    sas = single(1, 50, 200, 10) + sum(point(d) * single(3 - d, 100, 200, 10) for d in (2, 3))
    assert sas == pytest.approx(0.2396723824, abs=5e-11)
    # ... while this module draws the second sample from the 150 items left, with 10 - d1
    # nonconforming among them: the exact value, checked against exact fractions.
    ours = probability_of_acceptance([(50, 1, 4), (100, 3, 4)], 0.05, "hypergeometric", 200)
    acc, _, _, _ = ref_walk([(50, 1, 4), (100, 3, 4)], 0.05, "hypergeometric", 200)
    assert close(ours, mp.fsum(acc))
    assert ours == pytest.approx(0.2374843077, abs=5e-11)


def test_poisson_aoql_closed_forms() -> None:
    # Single plans under the Poisson model: AOQ = (1 - n/N) m P(Pois(m) <= c) / n, m = n p.
    # c = 0: maximum of m e^-m at m = 1, AOQL = (1 - n/N) / (n e)       (Dodge's y = 0.3679)
    # c = 1: maximum of m (1 + m) e^-m at m = golden ratio phi, AOQL = (1 - n/N) phi^3 e^-phi / n
    #        (Dodge's y = 0.8400)
    n, lot = 50, 10_000
    aoql, p_star = average_outgoing_quality_limit([(n, 0, 1)], lot, "poisson")
    assert aoql == pytest.approx((1 - n / lot) / (n * math.e), rel=1e-13)
    assert p_star == pytest.approx(1 / n, rel=1e-6)
    phi = (1 + math.sqrt(5)) / 2
    aoql, p_star = average_outgoing_quality_limit([(n, 1, 2)], lot, "poisson")
    assert aoql == pytest.approx((1 - n / lot) * phi**3 * math.exp(-phi) / n, rel=1e-13)
    assert p_star == pytest.approx(phi / n, rel=1e-6)
    assert aoql * n / (1 - n / lot) == pytest.approx(0.8400, abs=5e-5)


def test_single_plan_rectification_formulas() -> None:
    # Binomial: AOQ = Pa p (N - n) / N and ATI = n Pa + N (1 - Pa).
    pa = probability_of_acceptance([(80, 2, 3)], 0.02)
    assert average_outgoing_quality([(80, 2, 3)], 0.02, 1000) == pytest.approx(
        pa * 0.02 * 920 / 1000, rel=1e-15
    )
    assert average_total_inspection([(80, 2, 3)], 0.02, 1000) == pytest.approx(
        80 * pa + 1000 * (1 - pa), rel=1e-15
    )
    # Hypergeometric: the exact E[(D - d) 1{d <= Ac}] / N, larger than Pa p (N - n) / N.
    pmf = ref_hyper_pmf(100, 5, 20)
    exact = float((5 * pmf[0] + 4 * pmf[1]) / 100)
    aoq = average_outgoing_quality([(20, 1, 2)], 0.05, 100, "hypergeometric")
    assert aoq == pytest.approx(exact, rel=1e-13)
    assert aoq == pytest.approx(0.0328, abs=5e-5)
    textbook = probability_of_acceptance([(20, 1, 2)], 0.05, "hypergeometric", 100) * 0.05 * 0.8
    assert textbook == pytest.approx(0.0296, abs=5e-5)


def test_oc_curve_equals_pointwise_pa() -> None:
    plan: list[Limits] = [(32, None, 2), (32, 0, 3), (32, 1, 3), (32, 2, 4), (32, 4, 5)]
    ps = [i / 200 for i in range(201)]
    assert oc_curve(plan, ps) == [probability_of_acceptance(plan, p) for p in ps]
    assert oc_curve(plan, (p for p in ps), Model.POISSON) == [
        probability_of_acceptance(plan, p, "poisson") for p in ps
    ]


# ---------------------------------------------------------------------------------------------
# Large samples and counts: bounded time (issue #6), checked against mpmath
# ---------------------------------------------------------------------------------------------


def ref_binom_tails(c: int, n: int, p: float) -> tuple[mp.mpf, mp.mpf]:
    """(P(X <= c), P(X > c)), X ~ Binomial(n, p): the smaller tail summed at 40 digits."""
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


def ref_pois_tails(c: int, lam: float) -> tuple[mp.mpf, mp.mpf]:
    """(P(X <= c), P(X > c)), X ~ Poisson(lam), from mpmath's upper incomplete gamma."""
    with mp.workdps(60):  # the complement of a lower tail near 1e-16 keeps 44 digits
        lower = mp.gammainc(c + 1, mp.mpf(lam), mp.inf, regularized=True)
        return +lower, 1 - lower


Z_GRID = (-8.0, -2.0, -0.3, 0.0, 0.3, 8.0)  # c = mean + z sd


def conditioned(value: float, ref: mp.mpf, kappa: float) -> bool:
    """Within 1e-12 relative, or 4e-16 times the condition number ``kappa`` if larger."""
    return close(value, ref, max(REL, 4e-16 * kappa))


LARGE_BINOMIAL = [
    *((n, p, z) for n, p in ((10**6, 0.3), (10**5, 0.9), (40_000, 0.5)) for z in Z_GRID),
    *((10**9, 0.001, z) for z in (-8.0, 0.0, 8.0)),
]


@pytest.mark.parametrize(("n", "p", "z"), LARGE_BINOMIAL)
def test_large_binomial_tails_match_mpmath(n: int, p: float, z: float) -> None:
    c = int(n * p + z * math.sqrt(n * p * (1 - p)))
    lower, upper = kernel.binom_tails(c, n, p, 1.0 - p)
    ref_lower, ref_upper = ref_binom_tails(c, n, p)
    kappa = (abs(c - n * p) + math.sqrt(n * p * (1 - p))) / (1 - p)
    assert conditioned(lower, ref_lower, kappa)
    assert conditioned(upper, ref_upper, kappa)
    assert probability_of_acceptance([(n, c, c + 1)], p) == lower


@pytest.mark.parametrize(
    ("lam", "z"), [*((lam, z) for lam in (1e5, 1e7) for z in Z_GRID), (1e9, -8.0), (1e9, 8.0)]
)
def test_large_poisson_tails_match_mpmath(lam: float, z: float) -> None:
    c = int(lam + z * math.sqrt(lam))
    lower, upper = kernel.pois_tails(c, lam)
    ref_lower, ref_upper = ref_pois_tails(c, lam)
    kappa = abs(c - lam) + math.sqrt(lam)
    assert conditioned(lower, ref_lower, kappa)
    assert conditioned(upper, ref_upper, kappa)


def best_of_three(call: Callable[..., object], *args: object) -> float:
    """The shortest of three runs of ``call(*args)``, in seconds (robust to a busy machine)."""
    times = []
    for _ in range(3):
        start = time.perf_counter()
        call(*args)
        times.append(time.perf_counter() - start)
    return min(times)


def ref_binom_upper_by_quadrature(c: int, n: int, p: float) -> mp.mpf:
    """P(X > c) = n C(n-1, c) integral_0^p s^c (1-s)^(n-1-c) ds, by mpmath's quadrature over
    40 panels of the 40 standard deviations below p (for n too large to sum)."""
    m = n - 1
    log_c = mp.loggamma(m + 1) - mp.loggamma(c + 1) - mp.loggamma(m - c + 1) + mp.log(n)
    big_p = mp.mpf(p)
    lo = max(mp.mpf(0), big_p - 40 * mp.sqrt(big_p * (1 - big_p) / n))
    return mp.quad(
        lambda s: mp.exp(log_c + c * mp.log(s) + (m - c) * mp.log1p(-s)),
        [lo + (big_p - lo) * i / 40 for i in range(41)],
    )


def test_huge_single_plan_returns_at_once() -> None:
    # Issue #6: this call did not return within 300 s (the cost grew with Ac).
    plan = SingleSamplingPlan(10**15, 10**12)
    assert best_of_three(plan.probability_of_acceptance, 0.001) < 0.05
    with mp.workdps(30):
        for c in (10**12, 10**12 + 3 * 10**6):  # the mean, and 3 sd above it
            upper = kernel.binom_tails(c, 10**15, 0.001, 0.999)[1]
            kappa = (abs(c - 10**12) + 10**6) / 0.999
            assert conditioned(upper, ref_binom_upper_by_quadrature(c, 10**15, 0.001), kappa)
    pa = plan.probability_of_acceptance(0.001)
    assert pa == pytest.approx(1.0 - kernel.binom_tails(10**12, 10**15, 0.001, 0.999)[1])


@pytest.mark.parametrize("model", ["binomial", "poisson"])
def test_every_size_is_bounded_in_time(model: str) -> None:
    for n in (50, 10**6, 10**15):
        for c in (0, n // 1000, n // 2, n - 1):
            for p in (1e-9, c / n, 0.5):
                assert best_of_three(probability_of_acceptance, [(n, c, c + 1)], p, model) < 0.02, (
                    n,
                    c,
                    p,
                )


def test_huge_double_and_multiple_plans_and_aoql_are_bounded() -> None:
    double = DoubleSamplingPlan(
        (Stage(10**12, 10**9, 10**9 + 60), Stage(10**12, 2 * 10**9, 2 * 10**9 + 1))
    )
    for p in (1e-3, 1.00002e-3, 1e-2):
        assert best_of_three(double.probability_of_acceptance, p) < 0.05
        outcomes = stage_outcome_probabilities([s.as_tuple() for s in double.stages], p)
        assert math.fsum(a + r for a, r in outcomes) == pytest.approx(1.0, abs=1e-12)
    seven = [Stage(10**9, 10**6 * (i + 1), 10**6 * (i + 1) + 40) for i in range(6)]
    seven.append(Stage(10**9, 10**7, 10**7 + 1))
    multiple = MultipleSamplingPlan(tuple(seven))
    assert best_of_three(multiple.probability_of_acceptance, 1e-3) < 0.1
    single = SingleSamplingPlan(10**9, 10**6)
    start = time.perf_counter()
    aoql, at = single.average_outgoing_quality_limit(10**10)
    assert time.perf_counter() - start < 2.0
    assert 0.0 < aoql < at < 2e-3


def test_oc_size_limits_are_refused_by_name() -> None:
    plan = SingleSamplingPlan(50, 1)
    assert len(plan.oc_curve([0.01] * limits.MAX_OC_POINTS)) == limits.MAX_OC_POINTS
    with pytest.raises(InvalidInputError, match="MAX_OC_POINTS") as err:
        plan.oc_curve(itertools.repeat(0.01))  # never read to the end
    assert err.value.field == "ps"
    big = SingleSamplingPlan(limits.MAX_HYPERGEOMETRIC_SAMPLE_SIZE + 1, 3)
    with pytest.raises(InvalidInputError, match="MAX_HYPERGEOMETRIC_SAMPLE_SIZE") as err:
        big.probability_of_acceptance(0.0, "hypergeometric", 10**6)
    assert err.value.field == "model"
    gap = limits.MAX_OC_STAGE_GAP
    wide = DoubleSamplingPlan((Stage(10, 0, gap + 1), Stage(10, gap, gap + 1)))
    with pytest.raises(InvalidInputError, match="MAX_OC_STAGE_GAP") as err:
        wide.probability_of_acceptance(0.1)
    assert err.value.field == "stages[0]"
    narrow = DoubleSamplingPlan((Stage(100, 0, gap), Stage(100, gap - 1, gap)))
    assert 0.0 < narrow.probability_of_acceptance(0.5) < 1.0
    eight = MultipleSamplingPlan((*(Stage(5, i, i + 2) for i in range(7)), Stage(5, 8, 9)))
    with pytest.raises(InvalidInputError, match="MAX_OC_STAGES") as err:
        eight.average_sample_number(0.1)
    assert err.value.field == "stages"
    with pytest.raises(InvalidInputError, match="MAX_OC_SIZE") as err:
        SingleSamplingPlan(10**15 + 1, 10).probability_of_acceptance(0.1)
    assert err.value.field == "stages"
    with pytest.raises(InvalidInputError, match="MAX_OC_SIZE") as err:
        SingleSamplingPlan(50, 1).average_outgoing_quality(0.1, 10**400)
    assert err.value.field == "lot_size"


# ---------------------------------------------------------------------------------------------
# AQLs above 10: nonconformities per 100 items, Poisson only (issue #6)
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("aql", ["15", "1000"])
def test_aql_above_ten_refuses_the_binomial_and_hypergeometric_models(aql: str) -> None:
    lp = table_plan("J", aql)
    for model in ("binomial", Model.HYPERGEOMETRIC):
        with pytest.raises(InvalidInputError, match="poisson") as err:
            lp.probability_of_acceptance(0.5, model, lot_size=1000)
        assert err.value.field == "model"
    with pytest.raises(InvalidInputError):
        sampling_pa(lp, 1.0)  # the default binomial model
    with pytest.raises(InvalidInputError):
        lp.average_outgoing_quality_limit(1000)
    # 2000 nonconformities per 100 items: the binomial model could not even express it.
    assert sampling_pa(lp, 20.0, "poisson") < 0.05
    assert lp.oc_curve([0.0, 0.1], Model.POISSON)[0] == 1.0


def test_aql_ten_and_below_keep_every_model() -> None:
    lp = table_plan("J", "10")
    assert lp.probability_of_acceptance(0.1, "binomial") > 0.0
    assert lp.probability_of_acceptance(0.1, Model.HYPERGEOMETRIC, 1000) > 0.0
    assert SingleSamplingPlan(80, 21).probability_of_acceptance(0.1) > 0.0  # no AQL label


def test_p_and_model_use_the_shared_checks() -> None:
    # The shared wording of _checks.real and _checks.enum_member, not a second one.
    with pytest.raises(InvalidInputError, match=r"a finite real number in \[0, 1\]"):
        probability_of_acceptance([(50, 1, 2)], 1.5)
    with pytest.raises(InvalidInputError, match="'binomial', 'poisson', 'hypergeometric'"):
        SingleSamplingPlan(50, 1).probability_of_acceptance(0.1, "normal")
    plan_ = SingleSamplingPlan(50, 1)
    assert plan_.probability_of_acceptance(0.1, Model.POISSON) == plan_.probability_of_acceptance(
        0.1, "poisson"
    )


@pytest.mark.parametrize("z", [-8.0, 0.0, 8.0])
@pytest.mark.parametrize("k_def", [2_000, 500_000])
def test_hypergeometric_at_the_sample_size_limit_matches_mpmath(k_def: int, z: float) -> None:
    big_n, n = 10**6, limits.MAX_HYPERGEOMETRIC_SAMPLE_SIZE
    mean = n * k_def / big_n
    c = int(mean + z * math.sqrt(mean * (1 - k_def / big_n)))
    assert best_of_three(kernel.hyper_tails, c, big_n, k_def, n) < 0.005
    lower, upper = kernel.hyper_tails(c, big_n, k_def, n)

    def term(x: int) -> mp.mpf:
        return mp.binomial(k_def, x) * mp.binomial(big_n - k_def, n - x) / mp.binomial(big_n, n)

    below = c + 1 < mean
    t = term(c if below else c + 1)
    s, x = t, (c if below else c + 1)
    while t > s * mp.mpf("1e-30") and 0 < x < n:
        x += -1 if below else 1
        t = term(x)
        s += t
    ref_lower, ref_upper = (s, 1 - s) if below else (1 - s, s)
    assert close(lower, ref_lower)
    assert close(upper, ref_upper)


def test_a_lot_of_only_nonconforming_items_is_decided_exactly() -> None:
    """Regression (found by hypothesis): every item drawn is nonconforming, so the second
    stage's cumulative count is 2 <= Ac 2 with certainty, and Pa is exactly 1, not 1 - 1e-16."""
    stages = [(1, 0, 2), (1, 2, 3)]
    assert probability_of_acceptance(stages, 1.0, Model.HYPERGEOMETRIC, 9) == 1.0
    assert probability_of_acceptance([(1, 0, 2), (1, 1, 2)], 1.0, Model.HYPERGEOMETRIC, 9) == 0.0
