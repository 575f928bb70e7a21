"""The audit record every interval method returns, and the input checks they share.

>>> from qsdomain.metrology import staircase_interval
>>> d = staircase_interval(365, 0.5, extend_factor=1.25, reduce_factor=0.5, cap_days=365)
>>> d.proposed_days, d.new_interval_days, d.capped
(456.25, 365.0, True)
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from typing import cast

import attrs

from qsdomain import _checks, limits
from qsdomain.errors import InvalidInputError

__all__ = ["IntervalDecision", "Method"]


class Method(enum.Enum):
    """The interval methods qsdomain implements.

    >>> Method("a3").name
    'A3'
    """

    EXPONENTIAL = "exponential"  # NCSL RP-1 exponential reliability model
    A3 = "a3"  # NCSL RP-1 Method A3, interval test (区间测试法)
    STAIRCASE = "staircase"  # ILAC-G24 / OIML D 10 method 1 (阶梯式调整)
    A1 = "a1"  # NCSL RP-1 Method A1, simple response (简单反应法)
    S2 = "s2"  # NCSL RP-1 Method S2, binomial maximum likelihood (二项式法)


def _method(value: object) -> Method:
    return _checks.enum_member("interval_decision.method", Method, value)


#: A decision's proposed or final interval: 0 is possible (a fit or a step can underflow to it: an
#: interval to refuse, but on record).
_DAYS = _checks.v_real(0.0, limits.MAX_METROLOGY_INTERVAL_DAYS)


def _current_days(_: object, __: attrs.Attribute[float], value: object) -> None:
    # Every method takes a current interval > 0 (interval_days): 0 is never one it was given.
    interval_days("interval_decision.current_days", value)


def _optional_days(_: object, attribute: attrs.Attribute[float | None], value: object) -> None:
    if value is not None:
        interval_days(f"interval_decision.{attribute.name}", value)


def numbers(field: str, value: object) -> dict[str, float]:
    """A small mapping of names to finite numbers (an audit record's inputs or parameters)."""
    if not isinstance(value, Mapping):
        raise InvalidInputError(field, value, "a mapping of names to finite numbers")
    if len(value) > _MAX_AUDIT_ENTRIES:
        raise InvalidInputError(
            field, f"{len(value)} entries", f"at most {_MAX_AUDIT_ENTRIES} entries"
        )
    return {
        _checks.text(f"{field} key", key, max_length=100): _checks.real(f"{field}[{key!r}]", number)
        for key, number in cast("Mapping[object, object]", value).items()
    }


def _inputs(value: object) -> dict[str, float]:
    return numbers("interval_decision.inputs", value)


def _parameters(value: object) -> dict[str, float]:
    return numbers("interval_decision.parameters", value)


#: An audit record names a handful of inputs and settings; a method has at most a dozen.
_MAX_AUDIT_ENTRIES = 64


@attrs.frozen
class IntervalDecision:
    """Why an interval changed: the record a lab files to justify it (CNAS / ISO/IEC 17025).

    >>> from qsdomain.metrology import simple_response_interval
    >>> d = simple_response_interval(180, False, 0.9, extension=0.1)
    >>> d.method.value, round(d.new_interval_days, 1), d.capped
    ('a1', 76.3, False)

    Attributes:
        method: the method used.
        source: the method's source (document, edition, clause).
        current_days: the interval before the decision, in days.
        proposed_days: what the method gives after its own clamps, before the statutory cap.
        new_interval_days: the interval to use: ``proposed_days`` capped by ``cap_days``.
        cap_days: the statutory maximum (JJG 检定周期) in days, or ``None``.
        capped: whether the cap lowered the result.
        inputs: the data the method used (counts, results, times).
        parameters: the method's settings (target, factors, clamps).
        reason: one sentence saying what was decided and why.
    """

    method: Method = attrs.field(converter=_method)
    source: str = attrs.field(validator=_checks.v_text())
    current_days: float = attrs.field(validator=_current_days)
    proposed_days: float = attrs.field(validator=_DAYS)
    new_interval_days: float = attrs.field(validator=_DAYS)
    cap_days: float | None = attrs.field(validator=_optional_days)
    capped: bool = attrs.field(validator=_checks.v_flag())
    inputs: dict[str, float] = attrs.field(converter=_inputs)
    parameters: dict[str, float] = attrs.field(converter=_parameters)
    reason: str = attrs.field(validator=_checks.v_text())

    def __attrs_post_init__(self) -> None:
        cap, proposed = self.cap_days, self.proposed_days
        capped = cap is not None and proposed > cap
        if self.capped is not capped:
            raise InvalidInputError(
                "interval_decision.capped",
                self.capped,
                f"{capped} (whether cap_days lowers proposed_days)",
            )
        final = cap if capped and cap is not None else proposed
        if self.new_interval_days != final:
            raise InvalidInputError(
                "interval_decision.new_interval_days",
                self.new_interval_days,
                f"{final:g} (proposed_days capped by cap_days)",
            )


def interval_days(field: str, value: object) -> float:
    """An interval in days: finite, > 0, at most MAX_METROLOGY_INTERVAL_DAYS."""
    return _checks.real(field, value, 0.0, limits.MAX_METROLOGY_INTERVAL_DAYS, low_open=True)


def optional_days(field: str, value: object) -> float | None:
    return None if value is None else interval_days(field, value)


def target(value: object, field: str = "target") -> float:
    """A reliability target (测量可靠性目标) strictly between 0 and 1."""
    return _checks.real(field, value, 0.0, 1.0, low_open=True, high_open=True)


def counts(in_tolerance: object, total: object) -> tuple[int, int]:
    """(in tolerance, total) with 0 <= in_tolerance <= total, 1 <= total <= the limit."""
    n = _checks.whole_number("total", total, 1, limits.MAX_METROLOGY_CALIBRATIONS)
    x = _checks.whole_number("in_tolerance", in_tolerance, 0)
    if x > n:
        raise InvalidInputError("in_tolerance", x, f"a whole number from 0 to total ({n})")
    return x, n


def clamp(current: float, candidate: float, low: float | None, high: float | None) -> float:
    """``candidate`` kept within [low, high], but never moved past ``current`` the wrong way.

    A lengthening is cut at ``high`` yet never below the current interval, a shortening is
    raised to ``low`` yet never above it: so an interval already outside the bounds is not
    changed in the opposite direction of the method's decision.
    """
    if candidate > current:
        return max(current, candidate if high is None else min(candidate, high))
    if candidate < current:
        return min(current, candidate if low is None else max(candidate, low))
    return current


def check_bounds(min_days: object, max_days: object) -> tuple[float | None, float | None]:
    low = optional_days("min_days", min_days)
    high = optional_days("max_days", max_days)
    if low is not None and high is not None and low > high:
        raise InvalidInputError("min_days", low, f"at most max_days ({high:g})")
    return low, high


def decide(  # noqa: PLR0917 - the audit record has this many parts
    method: Method,
    source: str,
    current: float,
    proposed: float,
    cap: float | None,
    inputs: dict[str, float],
    parameters: dict[str, float],
    reason: str,
) -> IntervalDecision:
    """Keep within MAX_METROLOGY_INTERVAL_DAYS, apply the statutory cap and build the record.

    The limit keeps every method's answer a valid ``current_days`` for the next decision.
    """
    if proposed > limits.MAX_METROLOGY_INTERVAL_DAYS:
        proposed = float(limits.MAX_METROLOGY_INTERVAL_DAYS)
        reason = f"{reason} Limited to {proposed:g} days (MAX_METROLOGY_INTERVAL_DAYS)."
    capped = cap is not None and proposed > cap
    final = cap if capped and cap is not None else proposed
    if capped:
        reason = f"{reason} Capped at the statutory maximum of {cap:g} days (检定周期上限)."
    return IntervalDecision(
        method, source, current, proposed, final, cap, capped, inputs, parameters, reason
    )
