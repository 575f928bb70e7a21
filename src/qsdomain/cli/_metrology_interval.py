"""``qsdomain metrology interval``: one interval-adjustment method and its audit record.

``metrology interval --method METHOD`` reads the method's numbers from the command line (or,
for ``s2``, reliability bins from ``--bin`` or a CSV file ``--bins``), runs the matching
function of :mod:`qsdomain.metrology` and prints its :class:`~qsdomain.metrology.IntervalDecision`
(and, for ``a3``, the interval test). Private to the CLI: :mod:`qsdomain.cli.metrology` registers
it with :func:`add_interval`. See docs/metrology.md ("On the command line").
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable
from pathlib import Path

from qsdomain import limits
from qsdomain._files import refuse_special
from qsdomain.cli._arguments import Rejected, choice, whole
from qsdomain.cli._family import Commands
from qsdomain.cli._output import Reply, UsageError
from qsdomain.errors import InvalidInputError
from qsdomain.metrology import (
    IntervalDecision,
    IntervalTestResult,
    ReliabilityBin,
    exponential_adjustment,
    interval_test,
    s2_interval,
    simple_response_interval,
    staircase_interval,
)

#: What the metrology family module uses: the methods and the command's registration.
__all__ = ["METHODS", "add_interval"]

_NUMBER = re.compile(r"[0-9]{1,18}(?:\.[0-9]{1,18})?|\.[0-9]{1,18}")
_BIN = re.compile(r"([^:]+):([^:]+):([^:]+)")
METHODS = ("a3", "exponential", "staircase", "a1", "s2")


def _number(field: str) -> Callable[[str], float]:
    """A plain decimal number (no sign, exponent, NaN or infinity); the library checks range."""

    def parse(text: str) -> float:
        if not _NUMBER.fullmatch(text):
            raise Rejected(InvalidInputError(field, text, "a decimal number such as 0.9 or 365"))
        return float(text)

    return parse


def _bin(text: str) -> ReliabilityBin:
    found = _BIN.fullmatch(text)
    allowed = "T:N:X (days, number calibrated, number in tolerance), such as 180:40:36"
    if not found:
        raise Rejected(InvalidInputError("--bin", text, allowed))
    try:
        time = _number("--bin")(found[1])
        calibrated = whole("--bin", 1)(found[2])
        good = whole("--bin", 0)(found[3])
        return ReliabilityBin(time, calibrated, good)
    except Rejected:
        raise Rejected(InvalidInputError("--bin", text, allowed)) from None
    except InvalidInputError as err:
        raise Rejected(InvalidInputError("--bin", text, err.allowed)) from None


def _bins_file(path: str) -> list[ReliabilityBin]:
    """Bins from a CSV file with columns time, calibrated, in_tolerance (one bin per row)."""
    bins: list[ReliabilityBin] = []
    known = ("time", "calibrated", "in_tolerance")
    refuse_special("--bins", path)  # a FIFO would block the read forever
    with Path(path).open(encoding="utf-8-sig", newline="") as fh:
        from qsdomain.ledgers import read_csv  # noqa: PLC0415 - only this option reads files

        for row in read_csv(fh, known=known, required=known):
            time = row.number("time") or 0.0
            calibrated = row.whole("calibrated", low=1) or 0
            good = row.whole("in_tolerance", low=0) or 0
            try:
                bins.append(ReliabilityBin(time, calibrated, good))
            except InvalidInputError as err:
                raise InvalidInputError(
                    f"line {row.line}: {err.field}", err.value, err.allowed
                ) from None
            if len(bins) > limits.MAX_RELIABILITY_BINS:
                raise InvalidInputError(
                    "--bins", path, f"at most {limits.MAX_RELIABILITY_BINS} bins"
                )
    return bins


def _need(args: argparse.Namespace, method: str, *names: str) -> None:
    missing = [f"--{n.replace('_', '-')}" for n in names if getattr(args, n) is None]
    if missing:
        raise UsageError(
            f"metrology interval: --method {method} needs {', '.join(missing)}", missing[0]
        )


def _decision_lines(d: IntervalDecision) -> list[str]:
    cap = "none" if d.cap_days is None else f"{d.cap_days:g} days"
    capped = " (capped)" if d.capped else ""
    return [
        f"new interval: {d.new_interval_days:g} days{capped} (was {d.current_days:g} days)",
        f"method: {d.method.value} ({d.source})",
        "inputs: " + ", ".join(f"{k}={v:g}" for k, v in d.inputs.items()),
        "parameters: " + (", ".join(f"{k}={v:g}" for k, v in d.parameters.items()) or "none"),
        f"proposed: {d.proposed_days:g} days; cap: {cap}",
        f"reason: {d.reason}",
    ]


def _s2(args: argparse.Namespace) -> IntervalDecision:
    bins = list(args.bin or [])
    if args.bins is not None:
        bins += _bins_file(args.bins)
    if not bins:
        raise UsageError("metrology interval: --method s2 needs --bin or --bins", "--bin")
    _need(args, "s2", "target")
    return s2_interval(
        bins,
        args.target,
        model=args.model,
        current_days=args.current_days,
        cap_days=args.cap_days,
    )


def _a3(args: argparse.Namespace) -> IntervalTestResult:
    _need(args, "a3", "in_tolerance", "total", "target")
    optional = {
        name: getattr(args, name)
        for name in ("confidence", "max_change", "min_days", "max_days")
        if getattr(args, name) is not None
    }
    return interval_test(
        args.current_days,
        args.in_tolerance,
        args.total,
        args.target,
        cap_days=args.cap_days,
        **optional,
    )


def _exponential(args: argparse.Namespace) -> IntervalDecision:
    _need(args, "exponential", "in_tolerance", "total", "target")
    return exponential_adjustment(
        args.current_days,
        args.in_tolerance,
        args.total,
        args.target,
        max_change=2.0 if args.max_change is None else args.max_change,
        cap_days=args.cap_days,
    )


def _staircase(args: argparse.Namespace) -> IntervalDecision:
    _need(args, "staircase", "as_found", "extend_factor", "reduce_factor")
    return staircase_interval(
        args.current_days,
        args.as_found,
        extend_factor=args.extend_factor,
        reduce_factor=args.reduce_factor,
        band=0.8 if args.band is None else args.band,
        min_days=args.min_days,
        max_days=args.max_days,
        cap_days=args.cap_days,
    )


def _a1(args: argparse.Namespace) -> IntervalDecision:
    _need(args, "a1", "result", "target", "extension")
    return simple_response_interval(
        args.current_days,
        args.result == "in",
        args.target,
        extension=args.extension,
        min_days=args.min_days,
        max_days=args.max_days,
        cap_days=args.cap_days,
    )


#: Each method's runner; every method but s2 needs --current-days first.
_RUNNERS: dict[str, Callable[[argparse.Namespace], IntervalDecision | IntervalTestResult]] = {
    "a3": _a3,
    "exponential": _exponential,
    "staircase": _staircase,
    "a1": _a1,
    "s2": _s2,
}


def _interval(args: argparse.Namespace) -> Reply:
    method: str = args.method
    if method != "s2":
        _need(args, method, "current_days")
    result = _RUNNERS[method](args)
    if isinstance(result, IntervalTestResult):
        lines = [
            f"interval test: observed {result.observed:.4f}, confidence {result.confidence:.4f}"
            f" (threshold {result.threshold:g}): "
            f"{'rejected' if result.rejected else 'not rejected'}, {result.direction}",
            *_decision_lines(result.decision),
        ]
    else:
        lines = _decision_lines(result)
    return Reply(result, "\n".join(lines))


def add_interval(commands: Commands) -> None:
    """Register ``metrology interval`` and its options (in the order ``--help`` lists them)."""
    p = commands.add("interval", "one interval-adjustment method and its audit record", _interval)
    _add_method_options(p)
    _add_s2_options(p)


def _add_method_options(p: argparse.ArgumentParser) -> None:
    """``--method`` and the numbers and counts the methods take."""
    p.add_argument(
        "--method",
        required=True,
        type=choice("--method", METHODS),
        metavar="METHOD",
        help="a3 (RP-1 interval test), exponential, staircase (ILAC-G24 method 1), "
        "a1 (RP-1 simple response) or s2 (reliability model fitted to binned history)",
    )
    numbers = {
        "--current-days": "the current interval in days",
        "--target": "the reliability target R*, such as 0.9",
        "--confidence": "a3: the confidence for rejecting the interval (default 0.5)",
        "--max-change": "a3, exponential: the largest factor of change (default 2)",
        "--min-days": "a3, staircase, a1: the shortest interval allowed",
        "--max-days": "a3, staircase, a1: the longest interval allowed",
        "--cap-days": "the statutory maximum in days (the record says whether it applied)",
        "--as-found": "staircase: the as-found error as a fraction of MPE (1.2 is 1.2 x MPE)",
        "--extend-factor": "staircase: the factor after a result inside the band",
        "--reduce-factor": "staircase: the factor after an out-of-tolerance result",
        "--band": "staircase: the band as a fraction of MPE (default 0.8)",
        "--extension": "a1: the extension a (I <- I(1 + a) after an in-tolerance result)",
    }
    for option, text in numbers.items():
        p.add_argument(option, type=_number(option), metavar="X", help=text)
    for option, text in (
        ("--in-tolerance", "a3, exponential: results in tolerance"),
        ("--total", "a3, exponential: results in all"),
    ):
        p.add_argument(option, type=whole(option, 0), metavar="N", help=text)
    p.add_argument(
        "--result",
        type=choice("--result", ("in", "out")),
        metavar="in|out",
        help="a1: the last result in or out of tolerance",
    )


def _add_s2_options(p: argparse.ArgumentParser) -> None:
    """The bins and the model of ``--method s2``."""
    p.add_argument(
        "--bin",
        type=_bin,
        action="append",
        metavar="T:N:X",
        help="s2: one bin: resubmission time in days, number calibrated, number in tolerance "
        "(repeat the option)",
    )
    p.add_argument(
        "--bins",
        metavar="FILE",
        help="s2: a CSV file of bins with columns time, calibrated, in_tolerance",
    )
    p.add_argument(
        "--model",
        type=choice("--model", ("exponential", "weibull")),
        default="weibull",
        help="s2: the reliability model fitted (default weibull)",
    )
