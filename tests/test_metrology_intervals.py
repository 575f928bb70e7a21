"""Interval adjustment (校准间隔, 测量可靠性目标): worked examples, laws and bad input."""

from __future__ import annotations

import math

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from qsdomain.errors import InvalidInputError
from qsdomain.metrology import (
    Method,
    ReliabilityBin,
    a1_reduction,
    exponential_adjustment,
    exponential_interval,
    fit_reliability,
    interval_test,
    reliability_bounds,
    s2_interval,
    simple_response_interval,
    staircase_interval,
)
from qsdomain.metrology._binomial import binomial_cdf, binomial_sf

# -- A3: the 2019 NCSL International symposium tutorial on intervals, as reproduced in the
# sandialabs/suncal test suite (test/test_interval.py, testA3): pass/fail sequences of three
# assets, 20 calibrations each at the assigned interval, target 0.95; and a fourth made-up case.
_ASSET_1 = [1, 1, 0, 1, 0, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 0, 1, 1, 1, 0]
_ASSET_2 = [1, 1, 1, 0, 1, 0, 0, 1, 1, 1, 0, 0, 1, 1, 1, 0, 1, 1, 1, 1]
_ASSET_3 = [1, 1, 1, 1, 0, 1, 0, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 0, 1, 1]


@pytest.mark.parametrize(
    ("current", "results", "target", "confidence", "interval", "rejection"),
    [
        (365, _ASSET_1, 0.95, 0.5, 231, 0.9949),
        (365, _ASSET_2, 0.95, 0.5, 205, 0.9993),
        (730, _ASSET_3, 0.95, 0.5, 523, 0.9682),
        (365, [1] * 42 + [0] * 8, 0.9, 0.3, 329, 0.7557),
    ],
)
def test_a3_tutorial_figures(  # noqa: PLR0917 - one parameter per table column
    current: int,
    results: list[int],
    target: float,
    confidence: float,
    interval: int,
    rejection: float,
) -> None:
    r = interval_test(current, sum(results), len(results), target, confidence=confidence)
    assert r.rejected
    assert r.direction == "shorten"
    assert round(r.new_interval_days) == interval
    assert r.confidence == pytest.approx(rejection, abs=5e-5)
    assert r.decision.method is Method.A3
    assert not r.decision.capped


@pytest.mark.parametrize(
    ("x", "n", "confidence", "low", "high"),
    [
        (15, 20, 0.5, 0.6516, 0.8286),
        (14, 20, 0.5, 0.6000, 0.7843),
        (16, 20, 0.5, 0.7041, 0.8716),
        (42, 50, 0.3, 0.8067, 0.8664),
    ],
)
def test_reliability_bounds_tutorial_figures(
    x: int, n: int, confidence: float, low: float, high: float
) -> None:
    assert reliability_bounds(x, n, confidence) == pytest.approx((low, high), abs=5e-5)


def test_reliability_bounds_edges() -> None:
    assert reliability_bounds(0, 10)[0] == 0.0
    assert reliability_bounds(10, 10)[1] == 1.0


def test_a3_lengthens_all_in_tolerance_up_to_max_change() -> None:
    r = interval_test(180, 50, 50, 0.9)
    assert r.confidence == pytest.approx(1 - 0.9**50)
    assert (r.direction, r.rejected, r.new_interval_days) == ("lengthen", True, 360.0)


def test_a3_lengthens_between_target_and_one() -> None:
    """99 of 100 at R* = 0.9: suncal's rule never lengthens here; the mirrored test does."""
    r = interval_test(365, 99, 100, 0.9)
    assert r.confidence == pytest.approx(1 - 2 * (binomial_sf(98, 100, 0.9)))
    assert r.rejected
    assert 365 < r.new_interval_days <= 730


def test_a3_keeps_the_interval_when_not_rejected() -> None:
    r = interval_test(365, 18, 20, 0.9)  # observed = target
    assert (r.direction, r.rejected, r.new_interval_days) == ("keep", False, 365.0)
    r = interval_test(365, 17, 20, 0.9)
    assert not r.rejected
    assert r.new_interval_days == 365.0


def test_a3_ignores_changes_below_min_change_and_clamps() -> None:
    r = interval_test(20, 15, 20, 0.95)  # 20 -> 12.6 days: clamped to the 14-day minimum
    assert r.new_interval_days == 14.0
    r = interval_test(10, 19, 20, 0.95, confidence=0.0, min_change_days=5)
    assert r.new_interval_days == 10.0  # the change is under 5 days


def test_a3_statutory_cap_applies_even_without_change() -> None:
    r = interval_test(400, 18, 20, 0.9, cap_days=365)
    assert not r.rejected
    assert r.new_interval_days == 365.0
    assert r.decision.capped
    assert "检定周期上限" in r.decision.reason


def test_binomial_tails_agree() -> None:
    for x in range(21):
        assert binomial_cdf(x, 20, 0.9) + binomial_sf(x, 20, 0.9) == pytest.approx(1.0)


# -- exponential model -----------------------------------------------------------------------


def test_exponential_model_worked_values() -> None:
    # 15 of 20 at 365 days, target 0.95: 365 * ln 0.95 / ln 0.75
    assert exponential_interval(365, 15, 20, 0.95) == pytest.approx(
        365 * math.log(0.95) / math.log(0.75)
    )
    assert exponential_interval(365, 18, 20, 0.9) == pytest.approx(365.0)


def test_exponential_model_edges() -> None:
    """All in tolerance: no finite interval (inf); none: 0.0. Adjustment bounds both."""
    assert exponential_interval(365, 20, 20, 0.9) == math.inf
    assert exponential_interval(365, 0, 20, 0.9) == 0.0
    assert exponential_adjustment(365, 20, 20, 0.9).new_interval_days == 730.0
    assert exponential_adjustment(365, 0, 20, 0.9).new_interval_days == 182.5


# -- ILAC-G24 method 1 as a rule table -------------------------------------------------------


@pytest.mark.parametrize(
    ("as_found", "expected"),
    [(0.0, 456.25), (0.5, 456.25), (0.8, 456.25), (0.81, 365.0), (1.0, 365.0), (1.01, 182.5)],
)
def test_staircase_rule_table(as_found: float, expected: float) -> None:
    d = staircase_interval(365, as_found, extend_factor=1.25, reduce_factor=0.5)
    assert d.new_interval_days == expected
    assert d.method is Method.STAIRCASE


def test_staircase_clamps_and_band() -> None:
    d = staircase_interval(
        365, 0.9, extend_factor=1.5, reduce_factor=0.5, band=0.95, max_days=400, min_days=30
    )
    assert d.new_interval_days == 400.0
    assert d.parameters["band"] == 0.95


# -- A1 --------------------------------------------------------------------------------------


@given(st.floats(0.01, 1.0), st.floats(0.5, 0.99))
def test_a1_settles_at_the_target(a: float, target: float) -> None:
    """R* ln(1 + a) + (1 - R*) ln(1 - b) = 0: log I does not drift when R = R*.

    Where the tied b would keep under 0.1 % of the interval, the extension is refused.
    """
    log_keep = -target / (1 - target) * math.log1p(a)
    if log_keep < math.log(1e-3):
        with pytest.raises(InvalidInputError):
            a1_reduction(a, target)
        return
    b = a1_reduction(a, target)
    assert 0 < b < 1
    drift = target * math.log1p(a) + (1 - target) * math.log1p(-b)
    assert drift == pytest.approx(0.0, abs=1e-9)


def test_a1_steps() -> None:
    assert simple_response_interval(100, True, 0.9, extension=0.2).new_interval_days == 120.0
    b = a1_reduction(0.2, 0.9)
    d = simple_response_interval(100, False, 0.9, extension=0.2)
    assert d.new_interval_days == pytest.approx(100 * (1 - b))


# -- S2 (documented synthetic cases: RP-1 Table D-1 was not available) ------------------------


def test_s2_two_bins_two_parameters_fit_exactly() -> None:
    """Weibull through R(10) = 0.9 and R(20) = 0.7: closed form θ2 = ln(ln .7/ln .9)/ln 2."""
    fit = fit_reliability([ReliabilityBin(10, 100, 90), ReliabilityBin(20, 100, 70)], "weibull")
    shape = math.log(math.log(0.7) / math.log(0.9)) / math.log(2)
    rate = (-math.log(0.9)) ** (1 / shape) / 10
    assert fit.parameters == pytest.approx((rate, shape), rel=1e-6)
    assert fit.interval(0.9) == pytest.approx(10.0, rel=1e-6)


def test_s2_one_bin_exponential_is_the_exponential_model() -> None:
    d = s2_interval([ReliabilityBin(365, 20, 15)], 0.95, model="exponential")
    assert d.new_interval_days == pytest.approx(exponential_interval(365, 15, 20, 0.95), rel=1e-6)


def test_s2_is_a_maximum() -> None:
    bins = [ReliabilityBin(30, 50, 48), ReliabilityBin(90, 40, 33), ReliabilityBin(180, 30, 20)]
    for model in ("exponential", "weibull"):
        fit = fit_reliability(bins, model)
        for i in range(len(fit.parameters)):
            for step in (0.99, 1.01):
                moved = list(fit.parameters)
                moved[i] *= step
                other = type(fit)(fit.model, tuple(moved), 0.0)
                loglik = sum(
                    b.in_tolerance * math.log(other.reliability(b.time))
                    + (b.calibrated - b.in_tolerance) * math.log1p(-other.reliability(b.time))
                    for b in bins
                )
                best = sum(
                    b.in_tolerance * math.log(fit.reliability(b.time))
                    + (b.calibrated - b.in_tolerance) * math.log1p(-fit.reliability(b.time))
                    for b in bins
                )
                assert loglik < best


def test_s2_refuses_history_without_failures() -> None:
    with pytest.raises(InvalidInputError) as err:
        fit_reliability([ReliabilityBin(30, 10, 10)])
    assert err.value.field == "bins"


def test_s2_cap() -> None:
    d = s2_interval([ReliabilityBin(365, 20, 19)], 0.9, model="exponential", cap_days=365)
    assert d.capped
    assert d.new_interval_days == 365.0
    assert d.proposed_days > 365


# -- laws ------------------------------------------------------------------------------------

_TARGETS = st.floats(0.5, 0.99)
_DAYS = st.floats(1.0, 3650.0)


@given(_DAYS, st.integers(1, 80), _TARGETS, st.data())
def test_more_in_tolerance_never_shortens_a3(
    current: float, total: int, target: float, data: st.DataObject
) -> None:
    """Holds for A3 (both directions), for the exponential model and S2 with one bin."""
    x = data.draw(st.integers(0, total - 1))
    fewer = interval_test(current, x, total, target).new_interval_days
    more = interval_test(current, x + 1, total, target).new_interval_days
    assert more >= fewer
    assert exponential_interval(current, x + 1, total, target) >= exponential_interval(
        current, x, total, target
    )


@given(_DAYS, st.floats(0.0, 3.0), st.floats(0.0, 3.0))
def test_smaller_as_found_never_shortens_staircase(current: float, a: float, b: float) -> None:
    lo, hi = sorted((a, b))
    kw = {"extend_factor": 1.3, "reduce_factor": 0.6}
    assert staircase_interval(current, lo, **kw).new_interval_days >= (
        staircase_interval(current, hi, **kw).new_interval_days
    )


@settings(max_examples=60)
@given(_DAYS, st.integers(1, 60), _TARGETS, st.floats(1.0, 3650.0), st.data())
def test_no_method_exceeds_the_statutory_cap(
    current: float, total: int, target: float, cap: float, data: st.DataObject
) -> None:
    x = data.draw(st.integers(0, total))
    found = data.draw(st.floats(0.0, 2.0))
    decisions = [
        interval_test(current, x, total, target, cap_days=cap).decision,
        exponential_adjustment(current, x, total, target, cap_days=cap),
        staircase_interval(current, found, extend_factor=2, reduce_factor=0.5, cap_days=cap),
        simple_response_interval(current, x > 0, target, extension=0.05, cap_days=cap),
    ]
    assume(0 < x < total)
    decisions.append(s2_interval([ReliabilityBin(current, total, x)], target, cap_days=cap))
    for d in decisions:
        assert d.new_interval_days <= cap
        assert d.capped == (d.proposed_days > cap)


# -- bad input -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda: interval_test(365, 21, 20, 0.9), "in_tolerance"),
        (lambda: interval_test(365, 5, 0, 0.9), "total"),
        (lambda: interval_test(365, 5, True, 0.9), "total"),
        (lambda: interval_test(365, 5, 20, 1.0), "target"),
        (lambda: interval_test(365, 5, 20, 0.0), "target"),
        (lambda: interval_test(0, 5, 20, 0.9), "current_days"),
        (lambda: interval_test(-30, 5, 20, 0.9), "current_days"),
        (lambda: interval_test(365, 5, 20, 0.9, confidence=1.0), "confidence"),
        (lambda: interval_test(365, 5, 20, 0.9, min_days=100, max_days=50), "min_days"),
        (lambda: interval_test(365, 5, 20, 0.9, cap_days=0), "cap_days"),
        (lambda: exponential_interval(365, -1, 20, 0.9), "in_tolerance"),
        (lambda: exponential_interval(365, 1, 20, 1.5), "target"),
        (lambda: exponential_interval(math.nan, 1, 20, 0.5), "current_days"),
        (lambda: staircase_interval(365, 0.5, extend_factor=1, reduce_factor=0.5), "extend_factor"),
        (lambda: staircase_interval(365, 0.5, extend_factor=2, reduce_factor=1), "reduce_factor"),
        (lambda: staircase_interval(365, -0.1, extend_factor=2, reduce_factor=0.5), "as_found"),
        (lambda: simple_response_interval(365, 1, 0.9, extension=0.1), "in_tolerance"),
        (lambda: a1_reduction(0.0, 0.9), "extension"),
        (lambda: a1_reduction(1.0, 0.99), "extension"),  # would keep 2^-99 of the interval
        (lambda: ReliabilityBin(10, 5, 6), "bin.in_tolerance"),
        (lambda: ReliabilityBin(0, 5, 3), "bin.time"),
        (lambda: fit_reliability([ReliabilityBin(10, 5, 3)], "gamma"), "model"),
        (lambda: fit_reliability(["bin"]), "bins[0]"),
    ],
)
def test_bad_input_names_the_field(call: object, field: str) -> None:
    with pytest.raises(InvalidInputError) as err:
        call()  # type: ignore[operator]
    assert err.value.field == field


def test_s2_weibull_is_not_monotone_in_in_tolerance_counts() -> None:
    """Where the law fails: one more pass in the longest bin flattens the fitted curve's tail
    and steepens its start, so the Weibull interval at R* = 0.9 gets shorter (21.8 -> 20.7)."""
    before = [ReliabilityBin(30, 33, 31), ReliabilityBin(90, 40, 14), ReliabilityBin(180, 27, 8)]
    after = [*before[:2], ReliabilityBin(180, 27, 9)]
    shorter = fit_reliability(after, "weibull").interval(0.9)
    assert shorter < fit_reliability(before, "weibull").interval(0.9) - 1.0


@settings(max_examples=30)
@given(
    st.lists(st.tuples(st.floats(1.0, 400.0), st.integers(1, 40)), min_size=1, max_size=3),
    st.data(),
)
def test_s2_exponential_more_in_tolerance_never_shortens(
    cells: list[tuple[float, int]], data: st.DataObject
) -> None:
    goods = [data.draw(st.integers(0, n)) for _, n in cells]
    i = data.draw(st.integers(0, len(cells) - 1))
    assume(goods[i] < cells[i][1])
    raised = [g + (j == i) for j, g in enumerate(goods)]
    total = sum(n for _, n in cells)
    assume(sum(goods) > 0 and sum(raised) < total)
    fewer = [ReliabilityBin(t, n, g) for (t, n), g in zip(cells, goods, strict=True)]
    more = [ReliabilityBin(t, n, g) for (t, n), g in zip(cells, raised, strict=True)]
    a = fit_reliability(fewer, "exponential").interval(0.9)
    b = fit_reliability(more, "exponential").interval(0.9)
    assert b >= a * (1 - 1e-6)
