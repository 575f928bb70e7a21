"""The ``qsdomain`` command line: the library's rules on the terminal, text or ``--json``.

Usage examples::

    qsdomain calendar is-working 2026-10-10
    qsdomain calendar add 2026-09-30 5
    qsdomain calendar between 2026-01-01 2026-12-31 --json
    qsdomain term end 2021-03-15 --years 5 --convention inclusive

Bad input prints one line to standard error and exits with status 2; no traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any, NoReturn

from qsdomain import __version__
from qsdomain.errors import InvalidInputError, QSDomainError

__all__ = ["main"]

_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line and exit status 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message}\n")


def _iso_date(field: str) -> Callable[[str], date]:
    def parse(text: str) -> date:
        try:
            if len(text) == 10 and text[4] == "-" and text[7] == "-":
                return date.fromisoformat(text)
        except ValueError:
            pass
        raise argparse.ArgumentTypeError(f"{field} must be a date YYYY-MM-DD, got {text!r}")

    return parse


def _whole(field: str) -> Callable[[str], int]:
    def parse(text: str) -> int:
        try:
            return int(text, 10)
        except ValueError:
            raise argparse.ArgumentTypeError(
                f"{field} must be a whole number, got {text!r}"
            ) from None

    return parse


def _calendar(args: argparse.Namespace) -> Any:
    from qsdomain.calendars import china  # noqa: PLC0415 - keep start-up light

    cal = china()
    until: date | None = getattr(args, "provisional_until", None)
    if until is not None:
        cal = cal.extended(until=until)
    return cal


def _emit(args: argparse.Namespace, payload: dict[str, Any], text: str) -> None:
    if args.json:
        print(json.dumps(payload, ensure_ascii=False))
    else:
        print(text)


def _describe(cal: Any, day: date) -> str:
    weekday = _WEEKDAYS[day.weekday()]
    working = cal.is_working_day(day)
    if working and day.weekday() in cal.weekend:
        kind = "a make-up working day (调休上班)"
    elif working:
        kind = "a working day"
    elif day.weekday() in cal.weekend:
        kind = "a weekend rest day"
    else:
        kind = "a day off (holiday break)"
    note = " [provisional]" if cal.is_provisional(day) else ""
    return f"{day.isoformat()} ({weekday}) is {kind}{note}"


def _cmd_is_working(args: argparse.Namespace) -> None:
    cal = _calendar(args)
    working = cal.is_working_day(args.date)
    _emit(
        args,
        {
            "date": args.date.isoformat(),
            "working_day": working,
            "calendar": cal.name,
            "provisional": cal.is_provisional(args.date),
        },
        _describe(cal, args.date),
    )


def _cmd_add(args: argparse.Namespace) -> None:
    cal = _calendar(args)
    result = cal.add_working_days(args.date, args.n)
    provisional = cal.is_provisional_between(args.date, result)
    where = "after" if args.n >= 0 else "before"
    note = " [provisional]" if provisional else ""
    _emit(
        args,
        {
            "date": args.date.isoformat(),
            "n": args.n,
            "result": result.isoformat(),
            "calendar": cal.name,
            "provisional": provisional,
        },
        f"{result.isoformat()} ({_WEEKDAYS[result.weekday()]}): working day {abs(args.n)} "
        f"{where} {args.date.isoformat()}{note}",
    )


def _cmd_between(args: argparse.Namespace) -> None:
    cal = _calendar(args)
    count = cal.working_days_between(args.start, args.end)
    provisional = cal.is_provisional_between(args.start, args.end)
    note = " [provisional]" if provisional else ""
    _emit(
        args,
        {
            "start": args.start.isoformat(),
            "end": args.end.isoformat(),
            "working_days": count,
            "calendar": cal.name,
            "provisional": provisional,
        },
        f"{count} working days after {args.start.isoformat()} up to and including "
        f"{args.end.isoformat()}{note}",
    )


def _cmd_info(args: argparse.Namespace) -> None:
    cal = _calendar(args)
    _emit(
        args,
        {
            "calendar": cal.name,
            "coverage": {
                "first": cal.coverage.first.isoformat(),
                "last": cal.coverage.last.isoformat(),
            },
            "sources": list(cal.sources),
        },
        "\n".join([f"{cal.name}: {cal.coverage}", *cal.sources]),
    )


def _cmd_term_end(args: argparse.Namespace) -> None:
    from qsdomain.periods import Convention, Term  # noqa: PLC0415 - keep start-up light

    term = Term(years=args.years, months=args.months, days=args.days)
    convention = Convention(args.convention)
    cal = _calendar(args) if convention is Convention.CIVIL_CODE else None
    nominal = term.nominal_end(args.start, convention)
    end = term.end(args.start, convention, calendar=cal)
    moved = f" (moved from {nominal.isoformat()}, a rest day)" if end != nominal else ""
    _emit(
        args,
        {
            "start": args.start.isoformat(),
            "term": {"years": term.years, "months": term.months, "days": term.days},
            "convention": convention.value,
            "nominal_end": nominal.isoformat(),
            "end": end.isoformat(),
        },
        f"{term} from {args.start.isoformat()} ({convention.value}): ends "
        f"{end.isoformat()} ({_WEEKDAYS[end.weekday()]}){moved}",
    )


def _cmd_term_lead(args: argparse.Namespace) -> None:
    from qsdomain.periods import Lead, LeadUnit  # noqa: PLC0415 - keep start-up light

    lead = Lead(args.amount, LeadUnit(args.unit))
    cal = _calendar(args) if lead.unit is LeadUnit.WORKING_DAYS else None
    result = lead.before(args.date, calendar=cal)
    _emit(
        args,
        {
            "date": args.date.isoformat(),
            "lead": {"amount": lead.amount, "unit": lead.unit.value},
            "result": result.isoformat(),
        },
        f"{lead} before {args.date.isoformat()}: {result.isoformat()} "
        f"({_WEEKDAYS[result.weekday()]})",
    )


def _sampling_args(args: argparse.Namespace) -> Any:
    from qsdomain.sampling import plan_for  # noqa: PLC0415 - keep start-up light

    return plan_for(args.lot_size, args.aql, args.level, args.severity, args.scheme)


def _stage_rows(chosen: Any) -> list[dict[str, Any]]:
    rows = []
    for i, (stage, total) in enumerate(
        zip(chosen.plan.stages, chosen.plan.cumulative_sample_sizes, strict=True), 1
    ):
        rows.append(
            {
                "stage": i,
                "sample_size": stage.sample_size,
                "cumulative_sample_size": total,
                "acceptance_number": stage.acceptance_number,
                "rejection_number": stage.rejection_number,
            }
        )
    return rows


def _cmd_sampling_plan(args: argparse.Namespace) -> None:
    chosen = _sampling_args(args)
    plan = chosen.plan
    payload = {
        "standard": "GB/T 2828.1-2012 (ISO 2859-1:1999)",
        "lot_size": chosen.lot_size,
        "aql": chosen.aql,
        "level": chosen.level,
        "severity": plan.severity.value,
        "scheme": plan.scheme.value,
        "table_code_letter": chosen.table_code_letter,
        "code_letter": plan.code_letter,
        "hundred_percent": chosen.hundred_percent,
        "stages": _stage_rows(chosen),
        "table": chosen.source.table,
        "table_single_source": chosen.source.single_source,
        "table_doubts": list(chosen.source.doubts),
    }
    lines = [
        f"GB/T 2828.1-2012: lot of {chosen.lot_size}, AQL {chosen.aql}, level {chosen.level}, "
        f"{plan.severity.value} inspection, {plan.scheme.value} sampling",
        f"code letter {plan.code_letter}"
        + (
            f" (Table 1 gives {chosen.table_code_letter}; the table's arrow leads to "
            f"{plan.code_letter})"
            if plan.code_letter != chosen.table_code_letter
            else ""
        ),
    ]
    if plan.scheme.value != args.scheme:
        lines.append(f"no {args.scheme} plan is printed here: the standard uses this one instead")
    if chosen.hundred_percent:
        lines.append(
            f"the sample size {plan.stages[0].sample_size} is not smaller than the lot: "
            f"inspect all {chosen.lot_size} items (100 %)"
        )
    if chosen.source.single_source:
        lines.append(
            f"note: Table {chosen.source.table} rests on one public transcription only "
            "(docs/sampling-tables.md)"
        )
    lines.extend(f"doubt: {reason}" for reason in chosen.source.doubts)
    lines.append(f"{'stage':>5} {'sample':>7} {'cumulative':>10} {'Ac':>4} {'Re':>4}")
    for row in payload["stages"]:
        ac = "#" if row["acceptance_number"] is None else row["acceptance_number"]
        lines.append(
            f"{row['stage']:>5} {row['sample_size']:>7} {row['cumulative_sample_size']:>10} "
            f"{ac!s:>4} {row['rejection_number']:>4}"
        )
    _emit(args, payload, "\n".join(lines))


def _oc_grid(plan: Any, model: str, lot_size: int | None, points: int) -> list[float]:
    """Quality levels from 0 up to where Pa falls to 0.001 (found by bisection)."""
    grid_model = "poisson" if model == "poisson" else "binomial"
    lo, hi = 0.0, 1.0
    while grid_model == "poisson" and plan.probability_of_acceptance(hi, grid_model) > 1e-3:
        hi *= 2
    for _ in range(60):
        mid = (lo + hi) / 2
        if plan.probability_of_acceptance(mid, grid_model) > 1e-3:
            lo = mid
        else:
            hi = mid
    grid = [hi * i / (points - 1) for i in range(points)]
    if model == "hypergeometric" and lot_size is not None:
        # The lot holds a whole number of nonconforming items.
        grid = sorted({round(p * lot_size) / lot_size for p in grid})
    return grid


def _cmd_sampling_oc(args: argparse.Namespace) -> None:
    if args.points < 2:
        raise InvalidInputError("--points", args.points, "a whole number >= 2")
    chosen = _sampling_args(args)
    plan = chosen.plan
    model = args.model
    lot = chosen.lot_size
    grid = _oc_grid(plan, model, lot, args.points)
    hyper_lot = lot if model == "hypergeometric" else None
    pa = plan.oc_curve(grid, model, hyper_lot)
    rows = []
    for p, a in zip(grid, pa, strict=True):
        row = {
            "p": p,
            "pa": a,
            "asn": plan.average_sample_number(p, model, hyper_lot),
        }
        if model != "poisson":
            row["aoq"] = plan.average_outgoing_quality(p, lot, model)
            row["ati"] = plan.average_total_inspection(p, lot, model)
        rows.append(row)
    payload = {
        "lot_size": lot,
        "aql": chosen.aql,
        "code_letter": plan.code_letter,
        "scheme": plan.scheme.value,
        "severity": plan.severity.value,
        "model": model,
        "points": rows,
    }
    unit = "nonconformities per 100 items" if model == "poisson" else "% nonconforming"
    lines = [
        f"OC of the {plan.scheme.value} {plan.severity.value} plan, code letter "
        f"{plan.code_letter}, AQL {chosen.aql} ({model}; p in {unit})",
        f"{'p':>9} {'Pa':>8} {'ASN':>8}"
        + ("" if model == "poisson" else f" {'AOQ %':>8} {'ATI':>8}"),
    ]
    for row in rows:
        line = f"{row['p'] * 100:>9.4f} {row['pa']:>8.4f} {row['asn']:>8.1f}"
        if model != "poisson":
            line += f" {row['aoq'] * 100:>8.4f} {row['ati']:>8.1f}"
        lines.append(line)
    if args.plot:
        _plot(args.plot, grid, pa, title=lines[0], unit=unit)
        lines.append(f"plot written to {args.plot}")
    _emit(args, payload, "\n".join(lines))


def _plot(path: str, grid: list[float], pa: list[float], *, title: str, unit: str) -> None:
    try:
        import matplotlib  # noqa: PLC0415 - optional extra

        matplotlib.use("Agg")
        from matplotlib import pyplot  # noqa: PLC0415
    except ImportError:
        raise InvalidInputError(
            "--plot", path, "used with matplotlib installed (pip install 'qsdomain[plot]')"
        ) from None
    fig, ax = pyplot.subplots(figsize=(7, 4.5))
    ax.plot([p * 100 for p in grid], pa)
    ax.set_xlabel(f"quality p ({unit})")
    ax.set_ylabel("probability of acceptance Pa")
    ax.set_title(title, fontsize=9)
    ax.set_ylim(0, 1.02)
    ax.grid(visible=True, alpha=0.3)
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    pyplot.close(fig)


def _add_common(parser: argparse.ArgumentParser, *, calendar: bool = True) -> None:
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    if calendar:
        parser.add_argument(
            "--provisional-until",
            type=_iso_date("--provisional-until"),
            metavar="DATE",
            help="extend the calendar beyond its official coverage up to DATE, counting "
            "weekends only; answers that use those days are marked provisional",
        )


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``qsdomain`` command."""
    parser = _Parser(prog="qsdomain", description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--version", action="version", version=f"qsdomain {__version__}")
    top = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _add_calendar_commands(top)
    _add_term_commands(top)
    _add_sampling_commands(top)
    return parser


def _add_calendar_commands(top: Any) -> None:
    cal = top.add_parser("calendar", help="working days in the official China calendar")
    cal_sub = cal.add_subparsers(dest="action", required=True, metavar="ACTION")
    p = cal_sub.add_parser("is-working", help="is DATE a working day?")
    p.add_argument("date", type=_iso_date("DATE"), metavar="DATE")
    _add_common(p)
    p.set_defaults(func=_cmd_is_working)
    p = cal_sub.add_parser("add", help="the N-th working day after DATE (before it if N < 0)")
    p.add_argument("date", type=_iso_date("DATE"), metavar="DATE")
    p.add_argument("n", type=_whole("N"), metavar="N")
    _add_common(p)
    p.set_defaults(func=_cmd_add)
    p = cal_sub.add_parser("between", help="working days x with START < x <= END")
    p.add_argument("start", type=_iso_date("START"), metavar="START")
    p.add_argument("end", type=_iso_date("END"), metavar="END")
    _add_common(p)
    p.set_defaults(func=_cmd_between)
    p = cal_sub.add_parser("info", help="coverage and the notices the calendar comes from")
    _add_common(p)
    p.set_defaults(func=_cmd_info)


def _add_term_commands(top: Any) -> None:
    term = top.add_parser("term", help="ends of terms and lead times before a date")
    term_sub = term.add_subparsers(dest="action", required=True, metavar="ACTION")
    p = term_sub.add_parser("end", help="the last day of a term starting on START")
    p.add_argument("start", type=_iso_date("START"), metavar="START")
    p.add_argument("--years", type=_whole("--years"), default=0)
    p.add_argument("--months", type=_whole("--months"), default=0)
    p.add_argument("--days", type=_whole("--days"), default=0)
    p.add_argument("--convention", choices=["inclusive", "civil_code"], required=True)
    _add_common(p)
    p.set_defaults(func=_cmd_term_end)
    p = term_sub.add_parser("lead", help="the date AMOUNT units before DATE")
    p.add_argument("date", type=_iso_date("DATE"), metavar="DATE")
    p.add_argument("amount", type=_whole("AMOUNT"), metavar="AMOUNT")
    p.add_argument("--unit", choices=["calendar_days", "months", "working_days"], required=True)
    _add_common(p)
    p.set_defaults(func=_cmd_term_lead)


def _add_sampling_commands(top: Any) -> None:
    samp = top.add_parser("sampling", help="sampling inspection by attributes (GB/T 2828.1-2012)")
    samp_sub = samp.add_subparsers(dest="action", required=True, metavar="ACTION")
    for name, func, helptext in (
        ("plan", _cmd_sampling_plan, "the sampling plan for a lot"),
        ("oc", _cmd_sampling_oc, "the OC curve (Pa, ASN, AOQ, ATI) of that plan"),
    ):
        p = samp_sub.add_parser(name, help=helptext)
        p.add_argument("--lot-size", type=_whole("--lot-size"), required=True, metavar="N")
        p.add_argument("--aql", required=True, metavar="AQL")
        p.add_argument("--level", default="II", help="S-1 .. S-4, I, II (default), III")
        p.add_argument("--severity", choices=["normal", "tightened", "reduced"], default="normal")
        p.add_argument("--scheme", choices=["single", "double", "multiple"], default="single")
        if name == "oc":
            p.add_argument("--points", type=_whole("--points"), default=50)
            p.add_argument(
                "--model", choices=["binomial", "poisson", "hypergeometric"], default="binomial"
            )
            p.add_argument(
                "--plot", metavar="FILE.png", help="also draw the curve (needs matplotlib)"
            )
        _add_common(p, calendar=False)
        p.set_defaults(func=func)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 ok, 2 bad input or not covered)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        args.func(args)
    except QSDomainError as exc:
        kind = "error" if isinstance(exc, InvalidInputError) else "not covered"
        print(f"qsdomain: {kind}: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # pragma: no cover - e.g. `qsdomain ... | head`
        return 0
    return 0
