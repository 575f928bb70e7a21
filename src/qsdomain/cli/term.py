"""``qsdomain term``: ends of terms and lead times before a date."""

from __future__ import annotations

import argparse
import datetime
from datetime import date

import attrs

from qsdomain.cli._arguments import (
    add_term_options,
    calendar_from,
    choice,
    iso_date,
    term_from,
    whole,
)
from qsdomain.cli._family import Commands, Family
from qsdomain.cli._output import Reply, day_text
from qsdomain.cli.calendar import provisional_note
from qsdomain.periods import Convention, Lead, LeadUnit, Term

#: Nothing here is library API: the commands are the interface, FAMILY is read by the CLI.
__all__: list[str] = []


@attrs.frozen
class TermEndAnswer:
    """``term end``: the nominal and the actual last day of ``term`` from ``start``."""

    start: datetime.date
    term: Term
    convention: Convention
    nominal_end: datetime.date
    end: datetime.date
    provisional: bool = False


@attrs.frozen
class LeadAnswer:
    """``term lead``: the day ``lead`` before ``date``."""

    date: datetime.date
    lead: Lead
    result: datetime.date
    provisional: bool = False


def _end(args: argparse.Namespace) -> Reply:
    start: date = args.start
    term = term_from(args)
    convention = Convention(args.convention)
    cal = calendar_from(args, start) if convention is Convention.CIVIL_CODE else None
    nominal = term.nominal_end(start, convention)
    end = term.end(start, convention, calendar=cal)
    moved = f" (moved from {nominal.isoformat()}, a rest day)" if end != nominal else ""
    # the end rests on provisional days when the days it was moved across (or its own) are
    provisional = cal is not None and cal.is_provisional_between(nominal, end)
    text = (
        f"{term} from {start.isoformat()} ({convention.value}): ends {day_text(end)}{moved}"
        f"{provisional_note(provisional)}"
    )
    return Reply(TermEndAnswer(start, term, convention, nominal, end, provisional), text)


def _lead(args: argparse.Namespace) -> Reply:
    day: date = args.date
    lead = Lead(args.amount, LeadUnit(args.unit))
    cal = calendar_from(args, day) if lead.unit is LeadUnit.WORKING_DAYS else None
    result = lead.before(day, calendar=cal)
    provisional = cal is not None and cal.is_provisional_between(result, day)
    text = f"{lead} before {day.isoformat()}: {day_text(result)}{provisional_note(provisional)}"
    return Reply(LeadAnswer(day, lead, result, provisional), text)


def _register(commands: Commands) -> None:
    p = commands.add("end", "the last day of a term starting on START", _end, calendar=True)
    p.add_argument("start", type=iso_date("START"), metavar="START", help="a date YYYY-MM-DD")
    add_term_options(p)
    conventions = [c.value for c in Convention]
    p.add_argument(
        "--convention",
        type=choice("--convention", conventions),
        required=True,
        metavar="{" + ",".join(conventions) + "}",
        help="inclusive: the start day is day one (certificates); civil_code: the start day "
        "is not counted and a rest day moves the end (民法典 arts. 201-203)",
    )
    p = commands.add("lead", "the date AMOUNT units before DATE", _lead, calendar=True)
    p.add_argument("date", type=iso_date("DATE"), metavar="DATE", help="a date YYYY-MM-DD")
    p.add_argument("amount", type=whole("AMOUNT"), metavar="AMOUNT", help="a whole number >= 1")
    units = [u.value for u in LeadUnit]
    p.add_argument(
        "--unit",
        type=choice("--unit", units),
        required=True,
        metavar="{" + ",".join(units) + "}",
        help="what AMOUNT counts",
    )


FAMILY = Family("term", "ends of terms and lead times before a date", _register)
