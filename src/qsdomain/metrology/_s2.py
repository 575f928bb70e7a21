"""NCSL RP-1 Method S2 (二项式法): fit reliability models to binned history by maximum likelihood.

>>> from qsdomain.metrology import ReliabilityBin, fit_reliability
>>> fit = fit_reliability([ReliabilityBin(52, 40, 36)], "exponential")
>>> round(fit.parameters[0], 6), round(fit.interval(0.9), 2)
(0.002026, 52.0)
"""

from __future__ import annotations

import enum
import math
from collections.abc import Callable, Iterable, Sequence

import attrs

from qsdomain import _checks, limits
from qsdomain.errors import InvalidInputError
from qsdomain.metrology._decision import (
    IntervalDecision,
    Method,
    decide,
    interval_days,
    optional_days,
)
from qsdomain.metrology._decision import target as check_target

__all__ = ["ReliabilityBin", "ReliabilityFit", "ReliabilityModel", "fit_reliability", "s2_interval"]

_SOURCE = (
    "NCSL International RP-1 (4th ed., 2010), Method S2, App. D: likelihood eq. D-5; "
    "exponential and Weibull models"
)


class ReliabilityModel(enum.Enum):
    """Reliability models R(t) fitted by :func:`fit_reliability`.

    >>> [m.value for m in ReliabilityModel]
    ['exponential', 'weibull']

    * exponential: R(t) = exp(-θt);
    * Weibull: R(t) = exp(-(θ1·t)^θ2).
    """

    EXPONENTIAL = "exponential"
    WEIBULL = "weibull"


@attrs.frozen
class ReliabilityBin:
    """One resubmission-time bin: calibrations at about that interval, and how many passed.

    >>> ReliabilityBin(13, 20, 19).calibrated
    20

    Attributes:
        time: the resubmission time (any unit: days, weeks; the interval comes out in it).
        calibrated: calibrations in the bin (n_i).
        in_tolerance: of them, in tolerance as found (g_i).
    """

    time: float = attrs.field(validator=lambda _, __, v: interval_days("bin.time", v))
    calibrated: int = attrs.field(
        validator=lambda _, __, v: _checks.whole_number(
            "bin.calibrated", v, 1, limits.MAX_METROLOGY_CALIBRATIONS
        )
    )
    in_tolerance: int = attrs.field(
        validator=lambda _, __, v: _checks.whole_number("bin.in_tolerance", v, 0)
    )

    def __attrs_post_init__(self) -> None:
        if self.in_tolerance > self.calibrated:
            raise InvalidInputError(
                "bin.in_tolerance",
                self.in_tolerance,
                f"a whole number from 0 to calibrated ({self.calibrated})",
            )


def _fit_model(value: object) -> ReliabilityModel:
    return _checks.enum_member("fit.model", ReliabilityModel, value)


def _floats(value: Iterable[float]) -> tuple[float, ...]:
    return tuple(_checks.items("fit.parameters", value, max_items=2))  # type: ignore[arg-type]


@attrs.frozen
class ReliabilityFit:
    """A maximum-likelihood fit of one reliability model.

    >>> fit = ReliabilityFit(ReliabilityModel.EXPONENTIAL, (0.01,), -3.2)
    >>> round(fit.reliability(10), 4), round(fit.interval(0.9), 3)
    (0.9048, 10.536)

    Attributes:
        model: the model.
        parameters: θ for the exponential model, (θ1, θ2) for Weibull.
        log_likelihood: ln L at the fit, with the binomial coefficients (RP-1 eq. D-5).
    """

    model: ReliabilityModel = attrs.field(converter=_fit_model)
    parameters: tuple[float, ...] = attrs.field(converter=_floats)
    log_likelihood: float = attrs.field()

    def __attrs_post_init__(self) -> None:
        size = 1 if self.model is ReliabilityModel.EXPONENTIAL else 2
        if len(self.parameters) != size:
            raise InvalidInputError(
                "fit.parameters", self.parameters, f"{size} positive numbers for {self.model.value}"
            )
        for i, value in enumerate(self.parameters):
            _checks.real(f"fit.parameters[{i}]", value, 0.0, low_open=True)
        _checks.real("fit.log_likelihood", self.log_likelihood, high=0.0)

    def reliability(self, t: float) -> float:
        """R(t) under the fitted model, for a time ``t`` >= 0.

        >>> fit = ReliabilityFit("weibull", (0.01, 2.0), -1.5)
        >>> round(fit.reliability(10), 4)
        0.99
        """
        t = _checks.real("t", t, 0.0)
        if self.model is ReliabilityModel.EXPONENTIAL:
            return math.exp(-self.parameters[0] * t)
        rate, shape = self.parameters
        try:
            return math.exp(-((rate * t) ** shape))
        except OverflowError:
            return 0.0

    def interval(self, target: float) -> float:
        """The time at which R(t) falls to ``target``.

        >>> round(ReliabilityFit("exponential", (0.01,), -3.2).interval(0.95), 3)
        5.129
        """
        r_target = check_target(target)
        if self.model is ReliabilityModel.EXPONENTIAL:
            return -math.log(r_target) / self.parameters[0]
        rate, shape = self.parameters
        return float((-math.log(r_target)) ** (1.0 / shape) / rate)


def _prepared(bins: Sequence[ReliabilityBin]) -> list[tuple[float, int, int, float]]:
    """Each bin as (time, good, bad, ln C(n, g)): the coefficient is the same at every step."""
    return [
        (
            b.time,
            b.in_tolerance,
            b.calibrated - b.in_tolerance,
            math.lgamma(b.calibrated + 1)
            - math.lgamma(b.in_tolerance + 1)
            - math.lgamma(b.calibrated - b.in_tolerance + 1),
        )
        for b in bins
    ]


def _log_likelihood(
    data: list[tuple[float, int, int, float]], rate: float, shape: float | None
) -> float:
    """ln L (RP-1 eq. D-5) of the prepared bins: R(t) = exp(-(rate t)^shape), shape 1 if None.

    The search calls this hundreds to thousands of times, so the coefficients are computed
    once (:func:`_prepared`) and R(t) is written out here rather than passed as a function;
    the sum is the same, term by term and in the same order, as the plain formula.
    """
    total = 0.0
    exp, log, log1p = math.exp, math.log, math.log1p
    for time, good, bad, coefficient in data:
        if shape is None:
            p = exp(-rate * time)
        else:
            try:
                p = exp(-((rate * time) ** shape))
            except OverflowError:
                p = 0.0
        if (good and p <= 0.0) or (bad and p >= 1.0):
            return -math.inf
        total += coefficient
        if good:
            total += good * log(p)
        if bad:
            total += bad * log1p(-p)
    return total


#: Relative spread of the simplex's values at which the search stops (with the points within
#: 1e-10 of each other in log-parameter space). An absolute 1e-13, as before 0.x, is below one
#: ulp of ln L once |ln L| exceeds about 500, so such searches ran all 5000 steps.
_TOLERANCE = 1e-13


def _nelder_mead(f: Callable[[list[float]], float], start: list[float]) -> list[float]:
    """Minimise ``f`` from ``start`` (Nelder and Mead, 1965; standard coefficients 1, 2, 0.5)."""
    dim = len(start)
    simplex = [list(start)]
    for i in range(dim):
        point = list(start)
        point[i] += 0.5
        simplex.append(point)
    values = [f(p) for p in simplex]
    for _ in range(5000):
        order = sorted(range(dim + 1), key=values.__getitem__)
        simplex = [simplex[i] for i in order]
        values = [values[i] for i in order]
        collapsed = _spread(simplex) < 1e-10
        if collapsed and values[0] == math.inf:
            break  # no finite point in a simplex shrunk to nothing: the fit is refused
        if collapsed and abs(values[-1] - values[0]) <= _TOLERANCE * max(1.0, abs(values[0])):
            break
        centroid = [sum(p[j] for p in simplex[:-1]) / dim for j in range(dim)]
        worst = simplex[-1]
        reflected = [c + (c - w) for c, w in zip(centroid, worst, strict=True)]
        fr = f(reflected)
        if fr < values[0]:
            expanded = [c + 2.0 * (c - w) for c, w in zip(centroid, worst, strict=True)]
            fe = f(expanded)
            simplex[-1], values[-1] = (expanded, fe) if fe < fr else (reflected, fr)
        elif fr < values[-2]:
            simplex[-1], values[-1] = reflected, fr
        else:
            contracted = [c + 0.5 * (w - c) for c, w in zip(centroid, worst, strict=True)]
            fc = f(contracted)
            if fc < values[-1]:
                simplex[-1], values[-1] = contracted, fc
            else:
                best = simplex[0]
                simplex = [best] + [
                    [b + 0.5 * (x - b) for b, x in zip(best, p, strict=True)] for p in simplex[1:]
                ]
                values = [values[0]] + [f(p) for p in simplex[1:]]
    return simplex[min(range(dim + 1), key=values.__getitem__)]


def _spread(simplex: list[list[float]]) -> float:
    return max(abs(a - b) for p in simplex[1:] for a, b in zip(p, simplex[0], strict=True))


#: Bound on the logarithm of every parameter during the search (e^±40 is far beyond any
#: plausible rate or shape), so the simplex never overflows.
_LOG_BOUND = 40.0


def _inside(u: list[float]) -> bool:
    return all(-_LOG_BOUND <= x <= _LOG_BOUND for x in u)


def _bins(value: object) -> tuple[ReliabilityBin, ...]:
    found = _checks.items(
        "bins", value, max_items=limits.MAX_RELIABILITY_BINS, limit_name="MAX_RELIABILITY_BINS"
    )
    for i, b in enumerate(found):
        if not isinstance(b, ReliabilityBin):
            raise InvalidInputError(f"bins[{i}]", b, "a ReliabilityBin")
    bins = tuple(b for b in found if isinstance(b, ReliabilityBin))
    good = sum(b.in_tolerance for b in bins)
    total = sum(b.calibrated for b in bins)
    if not bins or good in (0, total):
        raise InvalidInputError(
            "bins",
            f"{good} of {total} in tolerance",
            "history with results both in and out of tolerance (otherwise no finite fit)",
        )
    return bins


def fit_reliability(
    bins: Iterable[ReliabilityBin], model: ReliabilityModel | str = ReliabilityModel.WEIBULL
) -> ReliabilityFit:
    """Fit ``model`` to binned history by maximum likelihood (RP-1 eq. D-5).

    >>> bins = [ReliabilityBin(10, 100, 90), ReliabilityBin(20, 100, 70)]
    >>> fit = fit_reliability(bins, "weibull")          # two bins, two parameters: exact
    >>> [round(fit.reliability(t), 4) for t in (10, 20)]
    [0.9, 0.7]

    ln L(θ) = Σ [ln C(n_i, g_i) + g_i ln R(t_i) + (n_i - g_i) ln(1 - R(t_i))], maximised over
    the logarithms of the parameters with a Nelder-Mead simplex (stdlib only). History where
    every result was in tolerance, or none was, has no finite fit and is refused.
    """
    kind = _checks.enum_member("model", ReliabilityModel, model)
    data = _bins(bins)
    good = sum(b.in_tolerance for b in data)
    total = sum(b.calibrated for b in data)
    mean_t = sum(b.time * b.calibrated for b in data) / total
    theta0 = -math.log(good / total) / mean_t
    prepared = _prepared(data)
    if kind is ReliabilityModel.EXPONENTIAL:

        def neg(u: list[float]) -> float:
            if not _inside(u):
                return math.inf
            rate = math.exp(u[0])
            return -_log_likelihood(prepared, rate, None)

        best = _nelder_mead(neg, [math.log(theta0)])
        params: tuple[float, ...] = (math.exp(best[0]),)
    else:

        def neg(u: list[float]) -> float:
            if not _inside(u):
                return math.inf
            rate, shape = math.exp(u[0]), math.exp(u[1])
            return -_log_likelihood(prepared, rate, shape)

        best = _nelder_mead(neg, [math.log(theta0), 0.0])
        params = (math.exp(best[0]), math.exp(best[1]))
    log_likelihood = -neg(best)
    if not math.isfinite(log_likelihood):
        raise InvalidInputError(
            "bins",
            f"{good} of {total} in tolerance",
            f"history the {kind.value} model can fit with rate and shape within e^±{_LOG_BOUND:g}",
        )
    return ReliabilityFit(kind, params, log_likelihood)


def s2_interval(
    bins: Iterable[ReliabilityBin],
    target: float,
    *,
    model: ReliabilityModel | str = ReliabilityModel.WEIBULL,
    current_days: float | None = None,
    cap_days: float | None = None,
) -> IntervalDecision:
    """Method S2: the interval where the fitted reliability falls to ``target``, capped.

    >>> bins = [ReliabilityBin(180, 40, 36)]
    >>> round(s2_interval(bins, 0.9, model="exponential").new_interval_days, 4)
    180.0

    Times are in days here (the record's unit). ``current_days`` is recorded for the audit
    only; RP-1's model rejection tests and figure of merit are not implemented: the caller
    names the model.
    """
    r_target = check_target(target)
    current = optional_days("current_days", current_days)
    cap = optional_days("cap_days", cap_days)
    data = _bins(bins)
    fit = fit_reliability(data, model)
    proposed = min(fit.interval(r_target), float(limits.MAX_METROLOGY_INTERVAL_DAYS))
    params = ", ".join(f"{p:.6g}" for p in fit.parameters)
    reason = (
        f"S2 (二项式法) {fit.model.value} fit (θ = {params}, ln L = {fit.log_likelihood:.4f}) "
        f"reaches the target {r_target:g} (测量可靠性目标) at {proposed:g} days."
    )
    inputs: dict[str, float] = {"bins": float(len(data))}
    if current is not None:
        inputs["current_days"] = current
    parameters = {"target": r_target}
    parameters.update({f"theta{i + 1}": p for i, p in enumerate(fit.parameters)})
    return decide(
        Method.S2,
        _SOURCE,
        current if current is not None else proposed,
        proposed,
        cap,
        inputs,
        parameters,
        reason,
    )
