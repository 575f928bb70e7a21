"""The main job on bundled example data: deadlines of licensing cases and certificate renewals.

Run it with ``make demo`` (or ``python examples/demo.py --as-of 2026-11-22``). It reads
``examples/data/applications.csv`` (cases received, with their statutory limit in working
days) and ``examples/data/certificates.csv`` (certificates with their validity term), and
prints, as of the given day, when each case must be decided and where each certificate stands.
"""

from __future__ import annotations

import argparse
import csv
from datetime import date
from pathlib import Path

from qsdomain.calendars import china
from qsdomain.errors import QSDomainError
from qsdomain.periods import Convention, Lead, LeadUnit, Term

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
                left = cal.working_days_between(as_of, due)
                shown_due = due.isoformat()
                shown_left = "passed" if left < 0 else f"{left} wd"
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--as-of", type=date.fromisoformat, required=True, metavar="YYYY-MM-DD")
    args = parser.parse_args()
    cases(args.as_of)
    certificates(args.as_of)


if __name__ == "__main__":
    main()
