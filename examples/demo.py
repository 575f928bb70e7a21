"""The main job: a county bureau's morning worklist across all four families (make demo).

Run it with ``make demo`` (or ``python examples/demo.py --as-of 2026-11-27``). It generates a
county quality-supervision bureau with ``examples/make_bureau.py`` (about 5,000 measuring
instruments, 300 licences, 800 service cases and 50 incoming lots; the same every run), loads
the ledgers into a fresh SQLite desk (``qsdomain.desk``), and prints what needs action on the
day: instruments overdue or due soon (计量), licence renewals to file or already late (许可),
service cases breached or at warning (五办承诺), and lots not accepted or whose inspection
severity switched (抽样检验). ``--keep DIR`` leaves the ledgers, the database and an HTML
report in DIR; the command line does the same with ``qsdomain desk init|import|report``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from datetime import date
from pathlib import Path

from qsdomain.desk import Desk, report_html, report_text

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_bureau import FILES, generate  # the generator beside this script

#: The day the demo reports on unless told otherwise.
AS_OF = date(2026, 11, 27)


def morning(folder: Path, as_of: date, *, limit: int) -> str:
    """Generate the bureau into ``folder``, load it into a desk and return the report text."""
    ledgers = folder / "ledgers"
    generate(ledgers, as_of=as_of)
    database = folder / "bureau.sqlite"
    database.unlink(missing_ok=True)
    lines = []
    with Desk.create(database) as desk:
        for name in FILES:
            summary = desk.import_file(ledgers / name)
            lines.append(
                f"imported {name}: {summary.loaded} of {summary.read} rows into {summary.table}"
            )
        report = desk.report(as_of=as_of)
    (folder / "report.html").write_text(report_html(report), encoding="utf-8")
    return "\n".join([*lines, "", report_text(report, limit=limit)])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--as-of", type=date.fromisoformat, default=AS_OF, metavar="YYYY-MM-DD")
    parser.add_argument("--limit", type=int, default=8, help="items shown per family")
    parser.add_argument("--keep", metavar="DIR", help="keep the ledgers, database and report")
    args = parser.parse_args(argv)
    if args.keep:
        folder = Path(args.keep)
        folder.mkdir(parents=True, exist_ok=True)
        print(morning(folder, args.as_of, limit=args.limit))
        print(f"\nledgers, database and report.html are in {folder}")
        return
    with tempfile.TemporaryDirectory(prefix="qsdomain-demo-") as folder:
        print(morning(Path(folder), args.as_of, limit=args.limit))


if __name__ == "__main__":
    main()
