"""``qsdomain desk``: a county bureau's ledgers in SQLite, imported and reported on (工作台).

``desk init DB`` creates the database with the documented schema; ``desk import DB FILE ...``
loads ledger files (CSV with or without BOM, Chinese headers allowed, or JSON), one
transaction per file; ``desk report DB --as-of DATE`` prints what needs action, per family,
most urgent first, as a table, ``--json``, ``--csv DIR`` or ``--html FILE``. See docs/desk.md.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

import attrs

from qsdomain import limits
from qsdomain.cli._arguments import calendar_from, iso_date, whole
from qsdomain.cli._family import Commands, Family
from qsdomain.cli._output import EXIT_OK, EXIT_REJECTED, Reply
from qsdomain.desk import (
    Desk,
    ImportSummary,
    Report,
    default_calendar,
    report_html,
    report_text,
    write_report_csv,
)
from qsdomain.errors import InvalidInputError

#: Nothing here is library API: the commands are the interface, FAMILY is read by the CLI.
__all__: list[str] = []


@attrs.frozen
class InitAnswer:
    """``desk init``: the database created and its schema version."""

    database: str
    schema_version: int


def _init(args: argparse.Namespace) -> Reply:
    with Desk.create(args.database) as desk:
        answer = InitAnswer(desk.path, desk.schema_version)
    return Reply(answer, f"created {answer.database} (schema version {answer.schema_version})")


@attrs.frozen
class ImportAnswer:
    """``desk import``: what each file did (and where its rejected rows were written)."""

    database: str
    files: tuple[ImportSummary, ...]
    rejects: tuple[str | None, ...]


def _rejects_path(args: argparse.Namespace, source: str, many: bool) -> str | None:
    if not args.keep_going:
        return None
    given: str | None = args.rejects
    if given is None:
        return str(Path(source).with_suffix("")) + ".rejects.csv"
    if many:
        folder = Path(given)
        folder.mkdir(parents=True, exist_ok=True)
        return str(folder / (Path(source).stem + ".rejects.csv"))
    return given


def _import(args: argparse.Namespace) -> Reply:
    files: list[str] = args.files
    summaries: list[ImportSummary] = []
    rejects: list[str | None] = []
    lines: list[str] = []
    with Desk(args.database) as desk:
        for source in files:
            out = _rejects_path(args, source, len(files) > 1)
            try:
                summary = desk.import_file(
                    source,
                    table=args.table,
                    keep_going=args.keep_going,
                    rejects=out,
                    mode=args.mode,
                )
            except InvalidInputError as err:
                if not summaries:
                    raise
                done = ", ".join(Path(s.path).name for s in summaries)
                raise InvalidInputError(
                    err.field,
                    err.value,
                    f"{err.allowed}; the files before it were imported: {done}",
                ) from None
            summaries.append(summary)
            rejects.append(out if summary.rejected else None)
            line = (
                f"{source}: {summary.table}: read {summary.read}, loaded {summary.loaded}, "
                f"rejected {summary.rejected}"
            )
            if summary.rejected:
                line += f" (written to {out})"
            lines.append(line)
    answer = ImportAnswer(args.database, tuple(summaries), tuple(rejects))
    status = EXIT_REJECTED if any(s.rejected for s in summaries) else EXIT_OK
    return Reply(answer, "\n".join(lines), status)


def _report(args: argparse.Namespace) -> Reply:
    as_of: date = args.as_of
    with Desk(args.database) as desk:
        calendar = calendar_from(args)
        if args.provisional_until is None:  # the desk's default: provisional, and marked so
            calendar = default_calendar(as_of, calendar)
        answer: Report = desk.report(as_of, within=args.within, calendar=calendar)
    notes: list[str] = []
    if args.csv_dir is not None:
        Path(args.csv_dir).mkdir(parents=True, exist_ok=True)
        written = write_report_csv(answer, args.csv_dir)
        notes.append("wrote " + ", ".join(str(p) for p in written))
    if args.html is not None:
        Path(args.html).write_text(report_html(answer), encoding="utf-8")
        notes.append(f"wrote {args.html}")
    if notes and not args.table:
        return Reply(answer, "\n".join(notes))
    text = report_text(answer, limit=args.limit)
    return Reply(answer, "\n".join([text, *notes]))


def _register(commands: Commands) -> None:
    init = commands.add("init", "create a desk database with the documented schema", _init)
    init.add_argument("database", metavar="DB", help="the SQLite file to create (must not exist)")

    load = commands.add(
        "import", "load ledger files into the desk (one transaction per file)", _import
    )
    load.add_argument("database", metavar="DB", help="the desk database")
    load.add_argument("files", metavar="FILE", nargs="+", help="ledger files, CSV or JSON")
    load.add_argument(
        "--table",
        metavar="TABLE",
        help="the ledger the files go into (default: found from each file's columns)",
    )
    load.add_argument(
        "--mode",
        choices=("replace", "merge"),
        default="replace",
        help="replace (the default): each file is the whole truth for the instruments and "
        "licences it names, their stored records and events replaced by the file's (as a "
        "case's events always are), so a corrected export removes a wrong record; merge: the "
        "file's rows are added to the stored ones, a row with a stored key updating it",
    )
    load.add_argument(
        "--keep-going",
        action="store_true",
        help="load the good rows and write the rejected ones to a rejects file (default: a "
        "bad row stops the file and nothing of it is written)",
    )
    load.add_argument(
        "--rejects",
        metavar="PATH",
        help="where rejected rows go with --keep-going: a file, or a folder for several "
        "files (default: FILE.rejects.csv beside each file)",
    )

    report = commands.add(
        "report", "what needs action today, per family, most urgent first", _report, calendar=True
    )
    report.add_argument("database", metavar="DB", help="the desk database")
    report.add_argument(
        "--as-of", type=iso_date("--as-of"), required=True, metavar="DATE", help="report date"
    )
    report.add_argument(
        "--within",
        type=whole("--within", 0, limits.MAX_WITHIN_DAYS),
        default=30,
        metavar="DAYS",
        help="the window, meaning what it means to the family commands: instruments due in "
        "at most DAYS days are due soon (metrology due --within), licences whose filing "
        "deadline or expiry is within DAYS days are listed (licences check --within) "
        "(default 30)",
    )
    report.add_argument(
        "--csv", dest="csv_dir", metavar="DIR", help="write one CSV file per section into DIR"
    )
    report.add_argument("--html", metavar="FILE", help="write a self-contained HTML page")
    report.add_argument(
        "--table",
        action="store_true",
        help="print the terminal table too when --csv or --html is given",
    )
    report.add_argument(
        "--limit",
        type=whole("--limit", 1, 1_000_000),
        default=50,
        metavar="N",
        help="items shown per section in the terminal table (default 50)",
    )


FAMILY = Family("desk", "a bureau's ledgers in SQLite and its daily worklist (工作台)", _register)
