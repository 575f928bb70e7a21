"""Reaction methods (反应法): change the interval after each result.

>>> from qsdomain.metrology import a1_reduction
>>> round(a1_reduction(0.1, 0.9), 4)
0.5759
"""

from __future__ import annotations

import math

from qsdomain import _checks
from qsdomain.errors import InvalidInputError
from qsdomain.metrology._decision import (
    IntervalDecision,
    Method,
    check_bounds,
    clamp,
    decide,
    interval_days,
    optional_days,
)
from qsdomain.metrology._decision import target as check_target

__all__ = ["a1_reduction", "simple_response_interval", "staircase_interval"]

#: Smallest fraction of an interval A1 may keep after one result; below it the step is not a
#: method anyone means (a = 1 at R* = 0.98 would keep 2^-49 of the interval).
_MIN_KEEP = 1e-3

_G24 = (
    "ILAC-G24:2007 / OIML D 10:2007 method 1, automatic adjustment or 'staircase' (clause "
    "5.1 of the 2007 edition; 6.2 of the 2022 edition); step factors are the lab's own"
)
_A1 = (
    "NCSL International RP-1 (4th ed., 2010), Method A1 (simple response); reduction factor "
    "b = 1 - (1 + a)^(-R*/(1 - R*)) is qsdomain's own, chosen so the interval settles at R*"
)


def staircase_interval(
    current_days: float,
    as_found: float,
    *,
    extend_factor: float,
    reduce_factor: float,
    band: float = 0.8,
    min_days: float | None = None,
    max_days: float | None = None,
    cap_days: float | None = None,
) -> IntervalDecision:
    """ILAC-G24 method 1: extend after a comfortable pass, reduce after an out-of-tolerance one.

    >>> d = staircase_interval(365, 1.2, extend_factor=1.25, reduce_factor=0.5)
    >>> d.new_interval_days
    182.5

    ``as_found`` is the as-found error as a fraction of the MPE. Rule table:

    =========================  ===============================
    as found                   next interval
    =========================  ===============================
    at most ``band`` of MPE    current times ``extend_factor``
    above band, at most MPE    unchanged
    above MPE                  current times ``reduce_factor``
    =========================  ===============================

    ILAC-G24 names the 80 % band as its example and gives no step sizes, so the factors have
    no defaults: the lab states its own. The text does not say what to do between the band
    and the MPE; keeping the interval is qsdomain's reading. Clamps, then the statutory cap.
    """
    current = interval_days("current_days", current_days)
    found = _checks.real("as_found", as_found, 0.0, 1e6)
    extend = _checks.real("extend_factor", extend_factor, 1.0, 100.0, low_open=True)
    reduce = _checks.real("reduce_factor", reduce_factor, 0.0, 1.0, low_open=True, high_open=True)
    limit = _checks.real("band", band, 0.0, 1.0, low_open=True)
    low, high = check_bounds(min_days, max_days)
    cap = optional_days("cap_days", cap_days)
    if found <= limit:
        proposed, rule = current * extend, f"within {limit:.0%} of MPE: extend x{extend:g}"
    elif found <= 1.0:
        proposed, rule = current, f"between {limit:.0%} of MPE and the MPE: keep"
    else:
        proposed, rule = current * reduce, f"outside the MPE: reduce x{reduce:g}"
    proposed = clamp(current, proposed, low, high)
    reason = f"Staircase (阶梯式调整): as found {found:.0%} of MPE, {rule}; {proposed:g} days."
    parameters = {"extend_factor": extend, "reduce_factor": reduce, "band": limit}
    parameters.update({} if low is None else {"min_days": low})
    parameters.update({} if high is None else {"max_days": high})
    return decide(
        Method.STAIRCASE,
        _G24,
        current,
        proposed,
        cap,
        {"current_days": current, "as_found": found},
        parameters,
        reason,
    )


def a1_reduction(extension: float, target: float) -> float:
    """The A1 reduction factor b that makes the interval settle where reliability is ``target``.

    >>> round(a1_reduction(0.1, 0.95), 4)
    0.8365

    After an in-tolerance result I <- I(1 + a), after an out-of-tolerance one I <- I(1 - b).
    If results are in tolerance with probability R*, log I drifts by
    R* ln(1 + a) + (1 - R*) ln(1 - b) per step; setting that to zero gives
    b = 1 - (1 + a)^(-R*/(1 - R*)). (RP-1 ties b to a and R* without printing the function in
    the sources read; this is qsdomain's derivation. The arithmetic alternative
    b = a R*/(1 - R*) reaches 1 once R* >= 1/(1 + a).)
    """
    return 1.0 - _a1_keep(extension, target)


def _a1_keep(extension: object, target: object) -> float:
    """1 - b: the fraction of the interval kept after an out-of-tolerance result."""
    a = _checks.real("extension", extension, 0.0, 10.0, low_open=True)
    r_target = check_target(target)
    keep = math.exp(-r_target / (1.0 - r_target) * math.log1p(a))
    if keep < _MIN_KEEP:
        raise InvalidInputError(
            "extension",
            a,
            f"small enough for target {r_target:g} that one out-of-tolerance result keeps at "
            f"least {_MIN_KEEP:g} of the interval (here 1 - b = {keep:.3g})",
        )
    return keep


def simple_response_interval(
    current_days: float,
    in_tolerance: bool,
    target: float,
    *,
    extension: float,
    min_days: float | None = None,
    max_days: float | None = None,
    cap_days: float | None = None,
) -> IntervalDecision:
    """RP-1 Method A1: lengthen by ``extension`` after a pass, shorten by the tied factor after not.

    >>> round(simple_response_interval(180, True, 0.9, extension=0.1).new_interval_days, 1)
    198.0

    RP-1 documents A1 and discourages it (it reacts to single results), but JJF 1139-2005's
    简单反应法 and many labs use it; the reduction factor is :func:`a1_reduction`, so that
    in the long run the interval settles where the in-tolerance rate is ``target``.
    """
    current = interval_days("current_days", current_days)
    passed = _checks.flag("in_tolerance", in_tolerance)
    r_target = check_target(target)
    a = _checks.real("extension", extension, 0.0, 10.0, low_open=True)
    low, high = check_bounds(min_days, max_days)
    cap = optional_days("cap_days", cap_days)
    keep = _a1_keep(a, r_target)
    b = 1.0 - keep
    proposed = clamp(current, current * (1.0 + a) if passed else current * keep, low, high)
    step = f"in tolerance: x(1 + {a:g})" if passed else f"out of tolerance: x(1 - {b:.4f})"
    reason = f"Simple response (简单反应法), target {r_target:g}: {step}; {proposed:g} days."
    parameters = {"target": r_target, "extension": a, "reduction": b}
    parameters.update({} if low is None else {"min_days": low})
    parameters.update({} if high is None else {"max_days": high})
    return decide(
        Method.A1,
        _A1,
        current,
        proposed,
        cap,
        {"current_days": current, "in_tolerance": float(passed)},
        parameters,
        reason,
    )
