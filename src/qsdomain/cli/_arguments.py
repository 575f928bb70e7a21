"""Argument types and option groups shared by the family modules.

Each type turns the text of one argument into a value or raises :class:`Rejected`, which
carries an :class:`~qsdomain.errors.InvalidInputError` naming the option, the text received
and what is allowed; the parser reports that error (text or JSON) instead of argparse's own.

The calendar options live here, with :func:`calendar_from`, the one function that builds the
working calendar a command uses: a new calendar option is added in this module only.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING

from qsdomain import defaults
from qsdomain._provisional import RULES, provisional_calendar
from qsdomain.calendars import WorkingCalendar, china
from qsdomain.errors import InvalidInputError

if TYPE_CHECKING:  # qsdomain.periods (and dateutil) load only for the commands that use a term
    from qsdomain.periods import Term

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_WHOLE = re.compile(r"[+-]?[0-9]+")
_DECIMAL = re.compile(r"[0-9]+(?:\.[0-9]+)?|\.[0-9]+")
#: Longest whole number read, in digits: far above any limit, below Python's 4300-digit cap.
_MAX_DIGITS = 1000


class Rejected(argparse.ArgumentTypeError):
    """An argument's text is not allowed; ``error`` says which option, what text, what is."""

    def __init__(self, error: InvalidInputError) -> None:
        super().__init__(str(error))
        self.error = error


def iso_date(field: str) -> Callable[[str], date]:
    """A date written YYYY-MM-DD (ISO 8601, extended form), a real day of the calendar."""

    def parse(text: str) -> date:
        if _ISO_DATE.fullmatch(text):
            try:
                return date.fromisoformat(text)
            except ValueError:
                pass
        raise Rejected(InvalidInputError(field, text, "a date YYYY-MM-DD"))

    return parse


def _bounds(low: int | None, high: int | None) -> str:
    if low is not None and high is not None:
        return f"a whole number from {low} to {high}"
    if low is not None:
        return f"a whole number >= {low}"
    if high is not None:
        return f"a whole number <= {high}"
    return "a whole number"


def whole(field: str, low: int | None = None, high: int | None = None) -> Callable[[str], int]:
    """A whole number in decimal digits (optionally signed), within ``low`` and ``high``."""
    allowed = _bounds(low, high)

    def parse(text: str) -> int:
        if not _WHOLE.fullmatch(text) or len(text) > _MAX_DIGITS:
            raise Rejected(InvalidInputError(field, text, allowed))
        value = int(text, 10)
        if (low is not None and value < low) or (high is not None and value > high):
            raise Rejected(InvalidInputError(field, text, allowed))
        return value

    return parse


def choice(field: str, values: Sequence[str]) -> Callable[[str], str]:
    """One of ``values``, spelled exactly."""
    allowed = f"one of {', '.join(values)}"

    def parse(text: str) -> str:
        if text not in values:
            raise Rejected(InvalidInputError(field, text, allowed))
        return text

    return parse


def aql(field: str = "--aql") -> Callable[[str], str]:
    """An AQL written as a plain decimal number (``0.65``, ``1.5``, ``10``).

    Only the spelling is checked here (no exponent, underscore, sign, NaN or infinity); the
    sampling tables decide whether the number is one of their AQLs.
    """

    def parse(text: str) -> str:
        if not _DECIMAL.fullmatch(text):
            raise Rejected(InvalidInputError(field, text, "a decimal number such as 0.65 or 1.5"))
        return text

    return parse


# -- terms ---------------------------------------------------------------------------------------


def add_term_options(parser: argparse.ArgumentParser) -> None:
    """``--years``, ``--months``, ``--days``: the parts of a term (each 0 if not given)."""
    for unit in ("years", "months", "days"):
        parser.add_argument(
            f"--{unit}",
            type=whole(f"--{unit}"),
            default=0,
            metavar="N",
            help=f"{unit} in the term (default 0)",
        )


def term_from(args: argparse.Namespace) -> Term:
    """The :class:`~qsdomain.periods.Term` that ``--years``, ``--months``, ``--days`` give."""
    years: int = args.years
    months: int = args.months
    days: int = args.days
    from qsdomain.periods import Term  # noqa: PLC0415 - see the import block

    return Term(years=years, months=months, days=days)


# -- calendars -----------------------------------------------------------------------------------


#: The values ``--provisional`` accepts, the default first (see :mod:`qsdomain._provisional`).
PROVISIONAL_RULES = RULES


def add_schedule_options(parser: argparse.ArgumentParser) -> None:
    """``--schedule FILE`` (repeatable) and ``--replace-schedule``: years typed in from notices."""
    parser.add_argument(
        "--schedule",
        action="append",
        default=[],
        metavar="FILE",
        help="a year's holiday schedule typed in from its State Council notice (JSON, see "
        "docs/calendar-data.md), added after the bundled years; repeat for several years",
    )
    parser.add_argument(
        "--replace-schedule",
        action="store_true",
        help="let --schedule replace a bundled year (a correction; recorded in the sources)",
    )


def add_calendar_options(parser: argparse.ArgumentParser) -> None:
    """The options that choose the working calendar; read back by :func:`calendar_from`."""
    add_schedule_options(parser)
    parser.add_argument(
        "--provisional",
        type=choice("--provisional", PROVISIONAL_RULES),
        default=defaults.PROVISIONAL,
        metavar="RULE",
        help="how days past the official schedules are counted, the answers that use them "
        "marked provisional: 'statutory' (the default, as on the desk: weekends and the "
        "statutory holidays of the 全国年节及纪念日放假办法 in force, a holiday on a weekend made "
        "up on the next working day), 'weekends' (weekends only) or 'off' (a day past the "
        "schedules is refused)",
    )
    parser.add_argument(
        "--provisional-until",
        type=iso_date("--provisional-until"),
        metavar="DATE",
        help=f"the last provisional day (default: {defaults.PROVISIONAL_YEARS} years past the "
        "day asked about, as far as the rule reaches); changes nothing else",
    )


def calendar_from(args: argparse.Namespace, as_of: date | None) -> WorkingCalendar:
    """The working calendar the calendar options ask for: the official China calendar with any
    ``--schedule`` years, extended by the provisional policy (``--provisional``,
    ``--provisional-until``; by default three years past ``as_of``, the day the command asks
    about), the same policy as the desk's (:func:`qsdomain.desk.default_calendar`). Without an
    ``as_of`` (``calendar info``) only an explicit ``--provisional-until`` extends it."""
    files: list[str] = args.schedule
    replace: bool = args.replace_schedule
    if files:  # the schedule loader (JSON, validator) loads only when a file is given
        from qsdomain.calendars import load_schedule  # noqa: PLC0415 - start-up time

        calendar = china(extra=[load_schedule(path) for path in files], replace=replace)
    else:
        calendar = china(replace=replace)
    rule: str = args.provisional
    until: date | None = args.provisional_until
    if rule == "off" and until is not None:
        raise InvalidInputError(
            "--provisional-until", until.isoformat(), "no date with --provisional off"
        )
    if as_of is None:
        if until is None or rule == "off":
            return calendar
        as_of = calendar.coverage.last
    return provisional_calendar(calendar, as_of, rule=rule, until=until)
