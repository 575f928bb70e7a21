"""Bounded time at the documented limits (issue #18 item 15), with the answers unchanged.

The binomial tails behind ``reliability_bounds`` and ``interval_test`` are summed from their
far end with early termination; the S2 likelihood search stops on a relative tolerance; a kind
registry grows by one kind without checking the others again. Each is checked here against a
slow, obviously right reference (mpmath sums at 50 digits, the former full-sum bisection) and
by counting the work it does, never by the clock.
"""

from __future__ import annotations

import math
import random

import mpmath as mp
import pytest

from qsdomain import limits
from qsdomain.errors import InvalidInputError
from qsdomain.licensing import KindRegistry, LicenceKind, Source, default_kinds, register_kind
from qsdomain.metrology import (
    ReliabilityBin,
    _binomial,
    _s2,
    fit_reliability,
    reliability_bounds,
    s2_interval,
)
from qsdomain.metrology._a3 import _bisect
from qsdomain.periods import Term


def _reference_tails(x: int, n: int, p: float) -> tuple[mp.mpf, mp.mpf]:
    """(P(X <= x), P(X > x)) as exact sums of the mass at 50 digits."""
    with mp.workdps(50):
        big_p = mp.mpf(p)
        q = 1 - big_p
        terms = [mp.binomial(n, k) * big_p**k * q ** (n - k) for k in range(n + 1)]
        return mp.fsum(terms[: x + 1]), mp.fsum(terms[x + 1 :])


def _cases(seed: int, count: int) -> list[tuple[int, int, float]]:
    rng = random.Random(seed)
    cases = []
    for _ in range(count):
        n = rng.choice([1, 2, 5, 20, 100, 400])
        x = rng.randrange(n)
        p = rng.choice([rng.random(), x / n + rng.gauss(0, 0.02), 1e-5, 0.99999, 0.5])
        cases.append((x, n, min(max(p, 1e-9), 1 - 1e-9)))
    return cases


@pytest.mark.parametrize(("x", "n", "p"), _cases(18, 40), ids=lambda v: f"{v!r}")
def test_binomial_tails_match_mpmath_to_1e_12_relative(x: int, n: int, p: float) -> None:
    """Both tails, even when one is 1e-50 and the other rounds to 1."""
    lower, upper = _reference_tails(x, n, p)
    assert _binomial.binomial_cdf(x, n, p) == pytest.approx(float(lower), rel=1e-12, abs=1e-300)
    assert _binomial.binomial_sf(x, n, p) == pytest.approx(float(upper), rel=1e-12, abs=1e-300)


def _full_sum_bounds(x: int, n: int, confidence: float) -> tuple[float, float]:
    """The former algorithm: every term of the tail summed, at each of 60 bisection steps."""

    def pmf(k: int, p: float) -> float:
        log = math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1)
        return math.exp(log + k * math.log(p) + (n - k) * math.log1p(-p))

    def sf(c: int, p: float) -> float:
        return min(1.0, math.fsum(pmf(k, p) for k in range(c + 1, n + 1)))

    def cdf(c: int, p: float) -> float:
        return min(1.0, math.fsum(pmf(k, p) for k in range(c + 1)))

    alpha = (1.0 - confidence) / 2.0
    lower = 0.0 if x == 0 else _bisect(lambda p: sf(x - 1, p) >= alpha)
    upper = 1.0 if x == n else _bisect(lambda p: cdf(x, p) <= alpha)
    return lower, upper


@pytest.mark.parametrize("seed", range(6))
def test_reliability_bounds_agree_with_the_full_sum_bisection(seed: int) -> None:
    rng = random.Random(seed)
    n = rng.choice([1, 7, 20, 150, 600])
    x = rng.randint(0, n)
    confidence = rng.choice([0.0, 0.5, 0.95, 0.999, rng.random()])
    got = reliability_bounds(x, n, confidence)
    assert got == pytest.approx(_full_sum_bounds(x, n, confidence), abs=1e-12)


def test_reliability_bounds_solve_their_equations_at_the_calibration_limit() -> None:
    """n = MAX_METROLOGY_CALIBRATIONS: the tails at the bounds are (1 - c)/2."""
    n = limits.MAX_METROLOGY_CALIBRATIONS
    x = n // 2
    lower, upper = reliability_bounds(x, n, 0.95)
    assert _binomial.binomial_sf(x - 1, n, lower) == pytest.approx(0.025, rel=1e-9)
    assert _binomial.binomial_cdf(x, n, upper) == pytest.approx(0.025, rel=1e-9)
    assert lower == pytest.approx(0.5 - 1.96 * 0.0005, abs=2e-6)  # normal approximation


def test_reliability_bounds_sum_a_bounded_number_of_terms(monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue #18 item 15: each bisection step summed all n terms (9.5 s at n = 100,000).

    Now each tail starts from one saddle-point mass and stops once the rest is negligible.
    """
    calls = 0
    mass = _binomial.binomial_pmf

    def counted(k: int, n: int, p: float) -> float:
        nonlocal calls
        calls += 1
        return mass(k, n, p)

    monkeypatch.setattr(_binomial, "binomial_pmf", counted)
    reliability_bounds(50_000, 100_000, 0.95)
    assert calls <= 2 * 60  # one mass per tail evaluated, 60 bisection steps per bound


def test_binomial_tail_far_from_the_mode_stops_early() -> None:
    """P(X <= 10) at n = 10**6, p = 0.5 underflows at once instead of summing 11 terms of 0."""
    assert _binomial.binomial_cdf(10, 10**6, 0.5) == 0.0
    assert _binomial.binomial_sf(10, 10**6, 0.5) == 1.0


# -- S2 ------------------------------------------------------------------------------------------


def _count_evaluations(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    count = [0]
    likelihood = _s2._log_likelihood

    def counted(*args: object) -> float:
        count[0] += 1
        return likelihood(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(_s2, "_log_likelihood", counted)
    return count


def test_s2_search_on_a_large_likelihood_stops_on_a_relative_tolerance(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """|ln L| in the thousands: an absolute 1e-13 was below one ulp, so all 5000 steps ran."""
    rng = random.Random(4)
    bins = [ReliabilityBin(30.0 * (i + 1), 1000, rng.randint(500, 1000)) for i in range(20)]
    count = _count_evaluations(monkeypatch)
    fit = fit_reliability(bins, "weibull")
    assert fit.log_likelihood < -1000
    assert count[0] < 2000


def test_s2_search_gives_up_at_once_on_history_no_model_fits(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A simplex with no finite point shrinks to nothing: refused after ~100 steps, not 20,000."""
    bins = [
        ReliabilityBin(25306.95455475509, 10, 9),
        ReliabilityBin(17078.389150238654, 1, 0),
        ReliabilityBin(1e-300, 2, 1),
    ]
    count = _count_evaluations(monkeypatch)
    with pytest.raises(InvalidInputError, match="bins"):
        fit_reliability(bins, "weibull")
    assert count[0] < 1000


def test_s2_refuses_more_bins_than_the_limit() -> None:
    bins = [ReliabilityBin(1.0 + i, 10, 9) for i in range(limits.MAX_RELIABILITY_BINS + 1)]
    with pytest.raises(InvalidInputError, match="MAX_RELIABILITY_BINS"):
        fit_reliability(bins, "exponential")
    with pytest.raises(InvalidInputError, match="MAX_RELIABILITY_BINS"):
        s2_interval(bins, 0.9)


def test_s2_fit_unchanged_on_well_posed_history() -> None:
    """The figures the docstrings pin (the simplex stops within about 1e-8 of the optimum)."""
    fit = fit_reliability([ReliabilityBin(10, 100, 90), ReliabilityBin(20, 100, 70)], "weibull")
    assert [fit.reliability(t) for t in (10, 20)] == pytest.approx([0.9, 0.7], rel=1e-8)
    exponential = fit_reliability([ReliabilityBin(52, 40, 36)], "exponential")
    assert exponential.parameters[0] == pytest.approx(-math.log(0.9) / 52, rel=1e-8)


# -- licence kinds -------------------------------------------------------------------------------


def _kind(code: str) -> LicenceKind:
    return LicenceKind(
        code=code, name="某省某许可证", term=Term(years=3), term_source=Source("某省办法", "text")
    )


def test_registering_kinds_one_at_a_time_equals_one_registry_of_them_all() -> None:
    mine = [_kind(f"provincial_{i}") for i in range(200)]
    registry = default_kinds()
    for kind in mine:
        registry = register_kind(kind, registry=registry)
    assert registry == KindRegistry((*default_kinds(), *mine))
    assert registry.get("provincial_199") is mine[-1]
    assert len(registry.codes) == len(registry)
    replaced = registry.with_kind(_kind("provincial_0"), replace=True)
    assert replaced.kinds[-1].code == "provincial_0"
    assert len(replaced) == len(registry)
    with pytest.raises(InvalidInputError, match="not yet registered"):
        registry.with_kind(_kind("provincial_5"))
