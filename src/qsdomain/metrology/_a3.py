"""NCSL RP-1 Method A3, the interval test (区间测试法): is the current interval wrong?

>>> from qsdomain.metrology import interval_test
>>> r = interval_test(365, 15, 20, 0.95)      # 2019 NCSLI tutorial, asset 1
>>> r.rejected, round(r.confidence, 4), round(r.new_interval_days)
(True, 0.9949, 231)
"""

from __future__ import annotations

import math
from collections.abc import Callable

import attrs

from qsdomain import _checks, limits
from qsdomain.errors import InvalidInputError
from qsdomain.metrology._binomial import binomial_cdf, binomial_pmf, binomial_sf
from qsdomain.metrology._decision import (
    IntervalDecision,
    Method,
    check_bounds,
    clamp,
    counts,
    decide,
    interval_days,
    optional_days,
)
from qsdomain.metrology._decision import target as check_target

__all__ = ["IntervalTestResult", "interval_test", "reliability_bounds"]

_SOURCE = (
    "NCSL International RP-1 (4th ed., 2010), Method A3 (interval test); shortening rule as in "
    "sandialabs/suncal intervals/testa3.py; lengthening for R* < R0 < 1 is qsdomain's own"
)


def _fraction(_: object, attribute: attrs.Attribute[float], value: object) -> None:
    _checks.real(f"result.{attribute.name}", value, 0.0, 1.0)


def _threshold(_: object, __: attrs.Attribute[float], value: object) -> None:
    _checks.real("result.threshold", value, 0.0, 1.0, high_open=True)


def _positive(_: object, __: attrs.Attribute[float], value: object) -> None:
    _checks.real("result.new_interval_days", value, 0.0, limits.MAX_METROLOGY_INTERVAL_DAYS)


def _rejected(_: object, __: attrs.Attribute[bool], value: object) -> None:
    _checks.flag("result.rejected", value)


_DIRECTIONS = ("shorten", "lengthen", "keep")


def _direction(_: object, __: attrs.Attribute[str], value: object) -> None:
    if value.__class__ is not str or value not in _DIRECTIONS:
        raise InvalidInputError("result.direction", value, "one of 'shorten', 'lengthen', 'keep'")


def _decision(_: object, __: attrs.Attribute[IntervalDecision], value: object) -> None:
    if not isinstance(value, IntervalDecision):
        raise InvalidInputError("result.decision", value, "an IntervalDecision")


@attrs.frozen
class IntervalTestResult:
    """The outcome of an interval test: whether the interval is rejected and what replaces it.

    >>> from qsdomain.metrology import interval_test
    >>> r = interval_test(180, 50, 50, 0.9)
    >>> r.direction, r.rejected, r.new_interval_days
    ('lengthen', True, 360.0)

    Attributes:
        observed: the observed reliability x/n.
        confidence: the computed confidence that the interval is wrong (rejection
            confidence, 0 when the data lean the other way).
        threshold: the confidence needed to change the interval.
        rejected: whether ``confidence`` exceeds ``threshold``.
        direction: ``"shorten"``, ``"lengthen"`` or ``"keep"`` (what the data point to).
        new_interval_days: the interval to use (the current one when not changed).
        decision: the audit record.
    """

    observed: float = attrs.field(validator=_fraction)
    confidence: float = attrs.field(validator=_fraction)
    threshold: float = attrs.field(validator=_threshold)
    rejected: bool = attrs.field(validator=_rejected)
    direction: str = attrs.field(validator=_direction)
    new_interval_days: float = attrs.field(validator=_positive)
    decision: IntervalDecision = attrs.field(validator=_decision)

    def __attrs_post_init__(self) -> None:
        if self.new_interval_days != self.decision.new_interval_days:
            raise InvalidInputError(
                "result.new_interval_days",
                self.new_interval_days,
                f"the decision's new interval ({self.decision.new_interval_days:g})",
            )


def _rejection(x: int, n: int, r_target: float) -> float:
    """Confidence that reliability at the interval is not ``r_target``, given x of n."""
    if x in (0, n):
        return max(0.0, 1.0 - binomial_pmf(x, n, r_target))
    if x / n <= r_target:
        return max(0.0, 1.0 - 2.0 * binomial_cdf(x, n, r_target))
    return max(0.0, 1.0 - 2.0 * binomial_sf(x - 1, n, r_target))


def _pow10(exponent: float) -> float:
    """10 ** exponent as a float (inf beyond the float range instead of an OverflowError)."""
    return math.inf if exponent > 300.0 else math.exp(exponent * math.log(10.0))


def _factor(observed: float, r_target: float, q: float, max_change: float) -> float:
    if observed < r_target:
        return max(_pow10((observed - r_target) * q), 1.0 / max_change)
    if observed >= 1.0:
        w = math.inf if q >= 1.0 else _pow10((observed - r_target) / (1.0 - q))
        return min(w, max_change)
    return min(_pow10((observed - r_target) * q), max_change)


def interval_test(
    current_days: float,
    in_tolerance: int,
    total: int,
    target: float,
    *,
    confidence: float = 0.5,
    max_change: float = 2.0,
    min_change_days: float = 5.0,
    min_days: float | None = 14.0,
    max_days: float | None = 1826.0,
    cap_days: float | None = None,
) -> IntervalTestResult:
    """Test the current interval against the reliability target and change it if rejected.

    >>> r = interval_test(365, 42, 50, 0.9, confidence=0.3)
    >>> round(r.confidence, 4), round(r.new_interval_days)
    (0.7557, 329)
    >>> interval_test(365, 21, 20, 0.9)
    Traceback (most recent call last):
    ...
    qsdomain.errors.InvalidInputError: in_tolerance must be a whole number from 0 to total (20), ...

    Data: ``total`` calibrations done at (about) the current interval, ``in_tolerance`` of
    them in tolerance; R0 = x/n. Rejection confidence (F the binomial CDF, f its PMF, at the
    target R*): Q = 1 - 2F(x; n, R*) when 0 < R0 <= R*; Q = 1 - f(x; n, R*) when R0 is 0 or 1.

    Lengthening (where suncal never lengthens): for R* < R0 < 1 qsdomain uses the mirror
    image, Q = 1 - 2P(X >= x) = 2F(x-1; n, R*) - 1: the probability of doing at least this
    well if reliability were only R*. That is the same two-sided test read from the other
    tail, so the decision is symmetric (equivalently: R* lies below the lower confidence
    limit). New interval: I0 * 10^((R0 - R*)Q) for R0 < 1 (at least I0/max_change, at most
    I0*max_change); for R0 = 1, I0 * 10^((1 - R*)/(1 - Q)) capped at I0*max_change.

    The interval changes only if Q > ``confidence`` and the change is at least
    ``min_change_days``; the changed value is clamped to [``min_days``, ``max_days``]
    (RP-1/suncal defaults: 0.5, 2, 5, 14, 1826); finally ``cap_days`` (the statutory
    maximum) caps the result, whether or not it changed.
    """
    current = interval_days("current_days", current_days)
    x, n = counts(in_tolerance, total)
    r_target = check_target(target)
    threshold = _checks.real("confidence", confidence, 0.0, 1.0, high_open=True)
    change = _checks.real("max_change", max_change, 1.0, 100.0)
    min_change = _checks.real("min_change_days", min_change_days, 0.0)
    low, high = check_bounds(min_days, max_days)
    cap = optional_days("cap_days", cap_days)
    observed = x / n
    q = _rejection(x, n, r_target)
    direction = "shorten" if observed < r_target else "lengthen" if observed > r_target else "keep"
    rejected = q > threshold and direction != "keep"
    proposed = current
    if rejected:
        candidate = current * _factor(observed, r_target, q, change)
        if abs(candidate - current) >= min_change:
            proposed = clamp(current, candidate, low, high)
    verdict = "rejected" if rejected else "not rejected"
    reason = (
        f"Interval test (区间测试法): {x} of {n} in tolerance (R0 = {observed:.4g}) against the "
        f"target {r_target:g}: {verdict} at confidence {q:.4f} (needed > {threshold:g}); "
        f"interval {current:g} -> {proposed:g} days."
    )
    decision = decide(
        Method.A3,
        _SOURCE,
        current,
        proposed,
        cap,
        {"current_days": current, "in_tolerance": x, "total": n},
        {
            "target": r_target,
            "confidence": threshold,
            "max_change": change,
            "min_change_days": min_change,
            **({} if low is None else {"min_days": low}),
            **({} if high is None else {"max_days": high}),
        },
        reason,
    )
    return IntervalTestResult(
        observed, q, threshold, rejected, direction, decision.new_interval_days, decision
    )


def _bisect(rises: Callable[[float], bool]) -> float:
    """The point in (0, 1) where a monotone condition turns true, to about 1e-16."""
    low, high = 0.0, 1.0
    for _ in range(60):
        mid = (low + high) / 2
        if rises(mid):
            high = mid
        else:
            low = mid
    return (low + high) / 2


def reliability_bounds(
    in_tolerance: int, total: int, confidence: float = 0.5
) -> tuple[float, float]:
    """Two-sided Clopper-Pearson bounds on reliability from x of n in tolerance.

    >>> [round(b, 4) for b in reliability_bounds(15, 20, 0.5)]   # NCSLI tutorial, asset 1
    [0.6516, 0.8286]

    The lower bound R_L solves P(X >= x; n, R_L) = (1 - c)/2 and the upper R_U solves
    P(X <= x; n, R_U) = (1 - c)/2 (R_L = 0 when x = 0, R_U = 1 when x = n). RP-1 Method A3's
    decision reads the same way: the interval fails the test when the target lies outside
    [R_L, R_U] (ISG wording). Computed by bisection, so it costs far more than
    :func:`interval_test`, which does not call it.
    """
    x, n = counts(in_tolerance, total)
    level = _checks.real("confidence", confidence, 0.0, 1.0, high_open=True)
    alpha = (1.0 - level) / 2.0
    lower = 0.0 if x == 0 else _bisect(lambda p: binomial_sf(x - 1, n, p) >= alpha)
    upper = 1.0 if x == n else _bisect(lambda p: binomial_cdf(x, n, p) <= alpha)
    return lower, upper
