"""The NCSL RP-1 exponential reliability model: the interval where reliability meets the target.

>>> from qsdomain.metrology import exponential_interval
>>> round(exponential_interval(365, 15, 20, 0.95), 1)
65.1
"""

from __future__ import annotations

import math

from qsdomain import _checks
from qsdomain.metrology._decision import (
    IntervalDecision,
    Method,
    counts,
    decide,
    interval_days,
    optional_days,
)
from qsdomain.metrology._decision import (
    target as check_target,
)

__all__ = ["exponential_adjustment", "exponential_interval"]

_SOURCE = "NCSL International RP-1 (4th ed., 2010), exponential reliability model, App. D"


def exponential_interval(
    current_days: float, in_tolerance: int, total: int, target: float
) -> float:
    """The interval at which the exponential model puts reliability at ``target``, in days.

    >>> exponential_interval(365, 18, 20, 0.9)
    365.0
    >>> exponential_interval(365, 20, 20, 0.9), exponential_interval(365, 0, 20, 0.9)
    (inf, 0.0)

    Model (NCSL RP-1, 4th ed., App. D): R(t) = exp(-λt). With ``total`` calibrations at
    ``current_days`` of which ``in_tolerance`` were in tolerance, the maximum-likelihood
    λ̂ = -ln(x/n) / I₀, and R(I) = R* at I = I₀ · ln R* / ln(x/n).

    Edge cases, said plainly: when every result was in tolerance (x = n) the estimate of λ is
    0 and the model sets no finite interval, so the answer is ``math.inf``; when none was
    (x = 0) λ̂ is infinite and the answer is ``0.0``. Neither is an interval to use as it
    stands: :func:`exponential_adjustment` bounds the change and applies the statutory cap.
    """
    current = interval_days("current_days", current_days)
    x, n = counts(in_tolerance, total)
    r_target = check_target(target)
    if x == n:
        return math.inf
    if x == 0:
        return 0.0
    return current * math.log(r_target) / math.log(x / n)


def exponential_adjustment(
    current_days: float,
    in_tolerance: int,
    total: int,
    target: float,
    *,
    max_change: float = 2.0,
    cap_days: float | None = None,
) -> IntervalDecision:
    """:func:`exponential_interval`, bounded by a change factor and the statutory cap.

    >>> d = exponential_adjustment(365, 20, 20, 0.9, cap_days=365)
    >>> d.proposed_days, d.new_interval_days, d.capped
    (730.0, 365.0, True)

    The result lies within [I₀ / max_change, I₀ · max_change] (the default 2 is RP-1 Method
    A3's maximum change, taken here as a guard; the model itself has none), so x = n and
    x = 0 give 2·I₀ and I₀/2; then ``cap_days`` (the JJG maximum) caps it.
    """
    current = interval_days("current_days", current_days)
    x, n = counts(in_tolerance, total)
    r_target = check_target(target)
    change = _checks.real("max_change", max_change, 1.0, 100.0)
    cap = optional_days("cap_days", cap_days)
    raw = exponential_interval(current, x, n, r_target)
    proposed = min(max(raw, current / change), current * change)
    reason = (
        f"Exponential model: {x} of {n} in tolerance at {current:g} days puts reliability at "
        f"the target {r_target:g} (测量可靠性目标) after {raw:g} days; within the change "
        f"limit x{change:g}: {proposed:g} days."
    )
    return decide(
        Method.EXPONENTIAL,
        _SOURCE,
        current,
        proposed,
        cap,
        {"current_days": current, "in_tolerance": x, "total": n},
        {"target": r_target, "max_change": change},
        reason,
    )
