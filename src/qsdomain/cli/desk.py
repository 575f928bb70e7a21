"""``qsdomain desk``: a county bureau's ledgers in SQLite, imported and reported on (工作台).

``desk init DB`` creates the database with the documented schema; ``desk import DB FILE ...``
loads ledger files (CSV with or without BOM, Chinese headers allowed, or JSON), one
transaction per file; ``desk report DB --as-of DATE`` prints what needs action, per family,
most urgent first, as a table, ``--json``, ``--csv DIR`` or ``--html FILE``. See docs/desk.md.
"""

from __future__ import annotations

import argparse
import os
from datetime import date
from pathlib import Path

import attrs

from qsdomain import limits
from qsdomain._files import replaced
from qsdomain.cli._arguments import calendar_from, iso_date, whole
from qsdomain.cli._family import Commands, Family
from qsdomain.cli._output import EXIT_OK, EXIT_REJECTED, Reply
from qsdomain.desk import (
    DEFAULT_TIMEOUT,
    Desk,
    ImportSummary,
    Report,
    report_html,
    report_text,
    write_report_csv,
)
from qsdomain.errors import DeskDatabaseError, InvalidInputError

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


#: Most numbered rejects names tried for one file (``x.csv.rejects.2.csv`` ...).
_MAX_NUMBERED = 10_000


def _same_as_any(path: str, others: list[str]) -> bool:
    for other in others:
        try:
            if os.path.samefile(path, other):
                return True
        except (OSError, ValueError):
            continue
    return False


@attrs.define
class _RejectsNames:
    """The rejects file of each ledger of one ``desk import`` run, every one distinct.

    ``--rejects FILE`` (one ledger) is used as given: an existing file is refused without
    ``--force``. Otherwise a ledger ``x.csv`` gets ``x.csv.rejects.csv`` beside it, or in the
    folder ``--rejects DIR``; a name already written in this run, or (without ``--force``) one
    that exists, takes the next number: ``x.csv.rejects.2.csv``, ``x.csv.rejects.3.csv`` ...;
    a name that is one of the run's ledgers or the database is never taken.
    """

    args: argparse.Namespace
    written: set[str] = attrs.field(factory=set)

    def explicit(self) -> bool:
        given: str | None = self.args.rejects
        return given is not None and len(self.args.files) == 1 and not os.path.isdir(given)

    def path(self, source: str) -> str | None:
        if not self.args.keep_going:
            return None
        given: str | None = self.args.rejects
        if self.explicit():
            return given
        if given is None:
            folder = Path(source).parent
        else:
            folder = Path(given)
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except (OSError, ValueError) as err:
                raise InvalidInputError("--rejects", given, f"a folder ({err})") from None
        stem = Path(source).name + ".rejects"
        protected = [self.args.database, *self.args.files]
        for number in range(1, _MAX_NUMBERED + 1):
            name = folder / (f"{stem}.csv" if number == 1 else f"{stem}.{number}.csv")
            taken = (
                self._key(name) in self.written
                or (not self.args.force and os.path.lexists(name))
                or _same_as_any(str(name), protected)
            )
            if not taken:
                return str(name)
        raise InvalidInputError(
            "--rejects", str(folder), f"a folder with a free name {stem}.N.csv (N <= 10000)"
        )

    def wrote(self, path: str) -> None:
        self.written.add(self._key(Path(path)))

    @staticmethod
    def _key(path: Path) -> str:
        return os.path.join(os.path.realpath(path.parent), path.name)


def _import(args: argparse.Namespace) -> Reply:
    files: list[str] = args.files
    summaries: list[ImportSummary] = []
    rejects: list[str | None] = []
    lines: list[str] = []
    names = _RejectsNames(args)
    with Desk(args.database, timeout=args.timeout) as desk:
        for source in files:
            out = names.path(source)
            try:
                summary = desk.import_file(
                    source,
                    table=args.table,
                    keep_going=args.keep_going,
                    rejects=out,
                    overwrite=args.force,
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
            except DeskDatabaseError as err:
                if not summaries:
                    raise
                done = ", ".join(Path(s.path).name for s in summaries)
                raise DeskDatabaseError(
                    err.path,
                    err.problem,
                    f"{err.remedy}; the files before it were imported: {done}",
                    err.kind,
                ) from None
            summaries.append(summary)
            rejects.append(out if summary.rejected else None)
            line = (
                f"{source}: {summary.table}: read {summary.read}, loaded {summary.loaded}, "
                f"rejected {summary.rejected}"
            )
            if summary.rejected and out is not None:
                names.wrote(out)
                line += f" (written to {out})"
            lines.append(line)
    answer = ImportAnswer(args.database, tuple(summaries), tuple(rejects))
    status = EXIT_REJECTED if any(s.rejected for s in summaries) else EXIT_OK
    return Reply(answer, "\n".join(lines), status)


def _report(args: argparse.Namespace) -> Reply:
    as_of: date = args.as_of
    with Desk(args.database, timeout=args.timeout) as desk:
        calendar = calendar_from(args, as_of)  # the one provisional policy, as the desk's
        answer: Report = desk.report(as_of, within=args.within, calendar=calendar)
    notes: list[str] = []
    if args.csv_dir is not None:
        Path(args.csv_dir).mkdir(parents=True, exist_ok=True)
        written = write_report_csv(answer, args.csv_dir)
        notes.append("wrote " + ", ".join(str(p) for p in written))
    if args.html is not None:
        # Whole or not at all, and a symbolic link at FILE is replaced, never written through.
        with replaced(args.html, field="--html") as page:
            page.write(report_html(answer))
        notes.append(f"wrote {args.html}")
    if notes and not args.table:
        return Reply(answer, "\n".join(notes))
    text = report_text(answer, limit=args.limit)
    return Reply(answer, "\n".join([text, *notes]))


def _add_timeout(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--timeout",
        type=whole("--timeout", 0, 3600),
        default=int(DEFAULT_TIMEOUT),
        metavar="SECONDS",
        help="how long to wait while another program (another import) writes to the "
        f"database before giving up (default {int(DEFAULT_TIMEOUT)})",
    )


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
        help="where rejected rows go with --keep-going: a file, or a folder (an existing one, "
        "or any PATH when several files are imported); default: FILE.rejects.csv beside each "
        "FILE (x.csv gives x.csv.rejects.csv). Written only when some row is rejected, whole "
        "(a temporary file, then renamed). A name already written in the run or existing takes "
        "the next number (x.csv.rejects.2.csv), said in the output; an existing --rejects "
        "FILE is refused without --force; a ledger or the database is never written over",
    )
    load.add_argument(
        "--force",
        action="store_true",
        help="replace an existing rejects file instead of refusing it or choosing a new name",
    )
    _add_timeout(load)

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
    report.add_argument(
        "--html",
        metavar="FILE",
        help="write a self-contained HTML page (to a temporary file, then renamed over FILE; "
        "a symbolic link at FILE is replaced by the page, what it points at is left as it is)",
    )
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
    _add_timeout(report)


FAMILY = Family("desk", "a bureau's ledgers in SQLite and its daily worklist (工作台)", _register)
