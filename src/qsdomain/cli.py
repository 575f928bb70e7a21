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

    return parser


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
