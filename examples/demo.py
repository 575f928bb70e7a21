"""The main job on bundled example data: deadlines, certificate renewals and lot inspection.

Run it with ``make demo`` (or ``python examples/demo.py --as-of 2026-11-22``). It reads
``examples/data/applications.csv`` (cases received, with their statutory limit in working
days), ``examples/data/certificates.csv`` (certificates with their validity term) and
``examples/data/lots.csv`` (incoming lots and the nonconforming items found), and prints, as of
the given day, when each case must be decided, where each certificate stands, and how each lot
was sampled and judged under GB/T 2828.1-2012 with its switching rules.
"""

from __future__ import annotations

import argparse
import csv
from datetime import date
from pathlib import Path

from qsdomain.calendars import china
from qsdomain.errors import QSDomainError
from qsdomain.periods import Convention, Lead, LeadUnit, Term
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


def certificates(as_of: date) -> None:
    """Validity printed inclusively (有效期 ... 至 ...); renewal filed N months before expiry."""
    print(f"\nCertificates, as of {as_of}")
    print(f"{'certificate':<16} {'valid from':<10} {'valid to':<10} {'renew by':<10}  status")
    with (DATA / "certificates.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            issued = date.fromisoformat(row["issued"])
            expiry = Term(years=int(row["term_years"])).end(issued, Convention.INCLUSIVE)
            renew_by = Lead(int(row["renewal_lead_months"]), LeadUnit.MONTHS).before(expiry)
            if as_of > expiry:
                status = "expired"
            elif as_of > renew_by:
                status = f"valid; renewal filing date passed {(as_of - renew_by).days} days ago"
            else:
                status = f"valid; {(renew_by - as_of).days} days left to file for renewal"
            print(
                f"{row['certificate_no']:<16} {issued.isoformat():<10} {expiry.isoformat():<10} "
                f"{renew_by.isoformat():<10}  {status}"
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
    certificates(args.as_of)
    lots()


if __name__ == "__main__":
    main()
