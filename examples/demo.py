"""The main job on bundled example data: deadlines, licence renewals and lot inspection.

Run it with ``make demo`` (or ``python examples/demo.py --as-of 2026-11-22``). It reads
``examples/data/applications.csv`` (cases received, with their statutory limit in working
days), ``examples/data/licences.csv`` and ``examples/data/licence-events.csv`` (a register of
licences and certificates and what happened to them: filings, renewals, a suspension, a
revocation ...) and ``examples/data/lots.csv`` (incoming lots and the nonconforming items
found), and prints, as of the given day, when each case must be decided, where each licence
stands (:func:`qsdomain.licensing.status`), and how each lot was sampled and judged under
GB/T 2828.1-2012 with its switching rules. ``qsdomain licences check`` gives the worklist of
the same register on the command line.
"""

from __future__ import annotations

import argparse
import csv
import unicodedata
from collections.abc import Callable
from datetime import date
from pathlib import Path

from qsdomain.calendars import china
from qsdomain.errors import QSDomainError
from qsdomain.ledgers import read_csv
from qsdomain.licensing import (
    Cancelled,
    Changed,
    Licence,
    LicenceEvent,
    RenewalApplied,
    RenewalRefused,
    Renewed,
    Revoked,
    Suspended,
    Withdrawn,
    status,
)
from qsdomain.sampling import SwitchingState, lot_result, plan_for

DATA = Path(__file__).resolve().parent / "data"


def cases(as_of: date) -> None:
    """Working-day limits count from the day after acceptance (行政许可法 arts. 42, 82)."""
    cal = china()
    print(f"Licensing cases, as of {as_of} (working days per 行政许可法 art. 82)")
    print(f"{'case':<18} {'received':<10} {'limit':>5}  {'decide by':<11} {'left':>9}  matter")
    with (DATA / "applications.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            received = date.fromisoformat(row["received"])
            limit = int(row["limit_working_days"])
            try:
                due = cal.add_working_days(received, limit)
                shown_due = due.isoformat()
                # A due day before as_of has passed, even when no working day lies between them
                # (as of Saturday, Friday's deadline is passed, not "0 working days left").
                if as_of > due:
                    shown_left = "passed"
                else:
                    shown_left = f"{cal.working_days_between(as_of, due)} wd"
            except QSDomainError:  # a limit that runs past the covered years: never guessed
                shown_due, shown_left = "not covered", "-"
            print(
                f"{row['case_id']:<18} {received.isoformat():<10} {limit:>5}  "
                f"{shown_due:<11} {shown_left:>9}  {row['matter']}"
            )
    print(f"(covered: {cal.coverage}; 'not covered' needs the next year's State Council notice)")


_EVENTS: dict[str, Callable[..., LicenceEvent]] = {
    "renewal_applied": RenewalApplied,
    "renewed": Renewed,
    "renewal_refused": RenewalRefused,
    "changed": Changed,
    "suspended": Suspended,
    "revoked": Revoked,
    "withdrawn": Withdrawn,
    "cancelled": Cancelled,
}


def _event(row: dict[str, str]) -> LicenceEvent:
    """One row of licence-events.csv as a licensing event."""
    on = date.fromisoformat(row["on"])
    if row["event"] == "suspended":
        return Suspended(on=on, until=date.fromisoformat(row["until"]), note=row["note"])
    if row["event"] == "renewed":
        until = date.fromisoformat(row["valid_until"]) if row["valid_until"] else None
        return Renewed(on=on, valid_until=until, note=row["note"])
    return _EVENTS[row["event"]](on=on, note=row["note"])


def _pad(cell: str, width: int) -> str:
    """``cell`` padded to ``width`` terminal columns (CJK characters take two)."""
    used = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in cell)
    return cell + " " * max(width - used, 0)


def licences(as_of: date) -> None:
    """Each licence's status through qsdomain.licensing: kind rules, events, 行政许可法 art. 50."""
    events: dict[str, list[LicenceEvent]] = {}
    with (DATA / "licence-events.csv").open(encoding="utf-8") as f:
        for cells in csv.DictReader(f):
            events.setdefault(cells["number"], []).append(_event(cells))
    cal = china()
    print(f"\nLicences and certificates, as of {as_of}")
    print(f"{'licence':<26} {'kind':<28} {'expires':<10} {'renew by':<10}  state")
    for row in read_csv(DATA / "licences.csv"):
        licence = Licence(
            kind=row.text("kind"),
            number=row.text("number") or "",
            holder=row.text("holder") or "",
            issued=row.date("issued"),
            valid_until=row.date("valid_until", required=False),
            scope=row.text("scope", required=False) or "",
        )
        st = status(licence, as_of, events=events.get(licence.number, ()), calendar=cal)
        renew_by = "-" if st.renewal_due is None else st.renewal_due.isoformat()
        print(
            f"{_pad(licence.number, 26)} {licence.kind.code:<28} {st.expires.isoformat():<10} "
            f"{renew_by:<10}  {st.state.value}"
        )


def lots() -> None:
    """Each lot sampled with the plan its current severity asks for (GB/T 2828.1-2012 cl. 9)."""
    print("\nIncoming lots (GB/T 2828.1-2012, level II, single sampling; reduced not approved)")
    print(f"{'lot':<10} {'N':>5} {'AQL':>4} {'severity':<9} {'plan':<12} {'found':>5}  result")
    state = SwitchingState.start(reduced_approved=False)
    with (DATA / "lots.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            chosen = plan_for(int(row["lot_size"]), row["aql"], "II", state.severity)
            found = int(row["nonconforming_found"])
            result = lot_result(chosen.plan, [found])
            ac, re = chosen.acceptance_number, chosen.rejection_number
            shown = f"{chosen.code_letter} {chosen.sample_size} {ac}/{re}"
            verdict = "accepted" if result.accepted else "not accepted"
            severity = state.severity.value
            state = state.record(result)
            switch = state.last_transition
            note = f"; -> {switch.to.value} (clause {switch.clause})" if switch else ""
            print(
                f"{row['lot_id']:<10} {chosen.lot_size:>5} {chosen.aql:>4} {severity:<9} "
                f"{shown:<12} {found:>5}  {verdict}, score {state.switching_score}{note}"
            )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--as-of", type=date.fromisoformat, required=True, metavar="YYYY-MM-DD")
    args = parser.parse_args(argv)
    cases(args.as_of)
    licences(args.as_of)
    lots()


if __name__ == "__main__":
    main()
