"""The desk: a bureau's ledgers in one SQLite file, imported with nothing lost, reported daily.

>>> import tempfile
>>> from datetime import date
>>> from pathlib import Path
>>> from qsdomain.desk import Desk
>>> folder = Path(tempfile.mkdtemp())
>>> _ = (folder / "instruments.csv").write_text(
...     "器具编号,器具名称,检定周期(月),检定日期,检定结论\\n"
...     "JL-0001,电子计价秤,12,2025-12-01,合格\\n", encoding="utf-8")
>>> with Desk.create(folder / "bureau.sqlite") as desk:
...     desk.import_file(folder / "instruments.csv").loaded
...     report = desk.report(as_of=date(2026, 11, 27))
1
>>> [(i.key, i.state, i.days_left) for i in report.section("metrology").items]
[('JL-0001', 'due_soon', 3)]
"""

from __future__ import annotations

import contextlib
import functools
import os
import sqlite3
import urllib.parse
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from types import TracebackType

from qsdomain import _checks, limits
from qsdomain.calendars import WorkingCalendar
from qsdomain.desk._import import MODES, TABLES, import_file, is_file
from qsdomain.desk._model import ImportSummary, Report
from qsdomain.desk._report import build_report, default_calendar
from qsdomain.desk._schema import migrate, version_of
from qsdomain.errors import DeskDatabaseError, InvalidInputError, QSDomainError

__all__ = ["DEFAULT_TIMEOUT", "Desk"]

#: Seconds a desk waits for another program's write transaction to end before it gives up
#: (SQLite's ``busy_timeout``): a second ``desk import`` waits this long for the first.
DEFAULT_TIMEOUT = 5.0
#: The longest wait a desk accepts.
_MAX_TIMEOUT = 3600.0

_REBUILD = (
    "restore it from a backup, or create a new desk (qsdomain desk init) and import the "
    "ledgers again"
)


def _path(value: object, field: str = "path") -> str:
    if not isinstance(value, (str, os.PathLike)):
        raise InvalidInputError(field, value, "a file path (str or os.PathLike)")
    text = os.fspath(value)
    if not isinstance(text, str):
        raise InvalidInputError(field, value, "a file path as text")
    text = _checks.text(field, text, max_length=limits.MAX_PATH_LENGTH)
    if "\x00" in text:
        raise InvalidInputError(field, text, "a file path without NUL characters")
    try:
        os.fsencode(text)
    except UnicodeError:
        raise InvalidInputError(field, text, "a file path the file system can encode") from None
    return text


def _code(err: sqlite3.Error) -> str:
    """SQLite's name for the error (``SQLITE_BUSY``, ``SQLITE_READONLY_DIRECTORY`` ...)."""
    return str(getattr(err, "sqlite_errorname", "") or "")


def _typed(path: str, err: sqlite3.Error, timeout: float) -> DeskDatabaseError:
    """The desk's error for an ``sqlite3`` error: what is wrong with the file, what to do."""
    code, text = _code(err), " ".join(str(err).split())
    if code.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "database is locked" in text:
        return DeskDatabaseError(
            path,
            f"is locked: another program is writing to it (another desk import?); waited "
            f"{timeout:g} s",
            "try again when it has finished, or wait longer (--timeout)",
            "locked",
        )
    if code.startswith("SQLITE_READONLY") or "readonly database" in text:
        return DeskDatabaseError(
            path,
            "cannot be written (the file or its folder is read-only)",
            "make both writable to import or migrate it; a report reads it as it is",
            "read_only",
        )
    if code.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")) or "no such " in text:
        return DeskDatabaseError(path, f"is damaged ({text})", _REBUILD, "damaged")
    if code.startswith(("SQLITE_CANTOPEN", "SQLITE_IOERR", "SQLITE_FULL", "SQLITE_PERM")):
        return DeskDatabaseError(
            path,
            f"cannot be read or written ({text})",
            "check the disk, its free space and the file's permissions",
            "unavailable",
        )
    return DeskDatabaseError(path, f"cannot be used ({text})", _REBUILD, "damaged")


def _undecodable(conn: sqlite3.Connection) -> str | None:
    """Where the first stored text that is not UTF-8 is: table, key and column (or None).

    Read only after ``sqlite3`` refused to decode a cell, whose message names the column but
    not the table or the row: every text cell is read as bytes and decoded here.
    """
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    for table in tables:
        quoted = '"' + table.replace('"', '""') + '"'
        columns = [(r[1], r[5]) for r in conn.execute(f"PRAGMA table_info({quoted})")]
        if not columns:
            continue
        names = [str(name) for name, _ in columns]
        keys = [i for i, (_, pk) in enumerate(columns) if pk] or [0]
        cells = ", ".join('CAST("' + n.replace('"', '""') + '" AS BLOB)' for n in names)
        for row in conn.execute(f"SELECT {cells} FROM {quoted}"):
            for column, cell in zip(names, row, strict=True):
                if not isinstance(cell, bytes):
                    continue
                try:
                    cell.decode("utf-8")
                except UnicodeDecodeError:
                    key = ", ".join(
                        f"{names[i]}={_shown(row[i])}" for i in keys if isinstance(row[i], bytes)
                    )
                    return f"table {table}, row {key}, column {column}: {_shown(cell)}"
    return None


def _shown(cell: bytes) -> str:
    """A stored cell for a message: bytes that are not UTF-8 as ``\\xff``, controls escaped."""
    text = cell.decode("utf-8", "backslashreplace")
    text = text if len(text) <= 40 else text[:37] + "..."
    return "'" + "".join(c if c.isprintable() else repr(c)[1:-1] for c in text) + "'"


def _tables(conn: sqlite3.Connection) -> frozenset[str]:
    """The tables of ``conn``'s database."""
    return frozenset(
        str(r[0]) for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    )


@functools.cache
def _schema_tables() -> frozenset[str]:
    """The tables of the current schema (what a desk database must hold)."""
    fresh = sqlite3.connect(":memory:", isolation_level=None)
    try:
        migrate(fresh)
        return _tables(fresh)
    finally:
        fresh.close()


def _connect(target: str, timeout: float, *, uri: bool = False) -> sqlite3.Connection:
    conn = sqlite3.connect(target, timeout=timeout, isolation_level=None, uri=uri)
    # sqlite3 decodes text strictly as UTF-8 (never replaced or dropped): a cell that is not
    # UTF-8 raises, and the desk reports where it is (_undecodable).
    conn.text_factory = str
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def _wal(conn: sqlite3.Connection) -> None:
    """Put the database in write-ahead-log mode (a report reads while an import writes), if
    it is not yet and can be: a read-only or busy database stays as it is."""
    if str(conn.execute("PRAGMA journal_mode").fetchone()[0]).lower() == "wal":
        return
    with contextlib.suppress(sqlite3.OperationalError):
        conn.execute("PRAGMA journal_mode = WAL")


class Desk:
    """A county bureau's desk (工作台) over one SQLite database file.

    >>> import tempfile
    >>> from pathlib import Path
    >>> path = Path(tempfile.mkdtemp()) / "bureau.sqlite"
    >>> Desk.create(path).close()
    >>> with Desk(path) as desk:
    ...     desk.schema_version
    2

    :meth:`create` makes a new database with the documented schema (docs/desk.md); opening an
    existing one applies any forward migration it lacks. :meth:`import_file` loads a ledger
    file; :meth:`report` answers what needs action on a day. One ``Desk`` per thread (an
    ``sqlite3`` connection is not shared between threads).

    The database is kept in write-ahead-log mode, so a report reads while another program
    imports; a writer waits up to ``timeout`` seconds for another one. Every ``sqlite3`` error
    (locked, read-only, damaged) is raised as :class:`~qsdomain.errors.DeskDatabaseError`.
    """

    def __init__(self, path: str | os.PathLike[str], *, timeout: float = DEFAULT_TIMEOUT) -> None:
        self.path = _path(path)
        self.timeout = _checks.real("timeout", timeout, 0.0, _MAX_TIMEOUT)
        if not is_file(self.path):
            raise InvalidInputError(
                "path", self.path, "an existing desk database (create one with Desk.create)"
            )
        self._conn = self._open(self.path, self.timeout)
        self._checked = False

    @staticmethod
    def _open(path: str, timeout: float) -> sqlite3.Connection:
        try:
            conn = _connect(path, timeout)
        except sqlite3.Error as err:
            raise _typed(path, err, timeout) from None
        try:
            try:
                version = version_of(conn)
            except sqlite3.OperationalError as err:
                if not _code(err).startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN")):
                    raise
                # A WAL database in a folder this process cannot write: its -shm cannot be
                # made, so it is read as immutable (read-only; nothing may write it meanwhile).
                conn.close()
                conn = _connect(f"file:{urllib.parse.quote(path)}?immutable=1", timeout, uri=True)
                version = version_of(conn)
        except sqlite3.Error as err:
            conn.close()
            if _code(err).startswith("SQLITE_NOTADB"):  # not a damaged desk: another file
                raise InvalidInputError("path", path, f"an SQLite database ({err})") from None
            raise _typed(path, err, timeout) from None
        except InvalidInputError as err:
            conn.close()
            if err.field != "schema_version":
                raise
            raise DeskDatabaseError(
                path,
                f"is damaged (its schema_version holds {err.value!r}, not a version)",
                _REBUILD,
                "damaged",
            ) from None
        if version == 0:
            conn.close()
            raise InvalidInputError("path", path, "a desk database (this one is empty)")
        try:
            migrate(conn)
            missing = sorted(_schema_tables() - _tables(conn))
            if missing:
                raise DeskDatabaseError(
                    path, "is damaged (no table " + ", ".join(missing) + ")", _REBUILD, "damaged"
                )
            _wal(conn)
        except sqlite3.Error as err:
            conn.close()
            raise _typed(path, err, timeout) from None
        except QSDomainError:
            conn.close()
            raise
        return conn

    @contextlib.contextmanager
    def _guard(self) -> Iterator[None]:
        """Turn every ``sqlite3`` error inside into a :class:`DeskDatabaseError`."""
        try:
            yield
        except sqlite3.Error as err:
            typed = _typed(self.path, err, self.timeout)
            if "Could not decode to UTF-8" in str(err):
                with contextlib.suppress(sqlite3.Error):
                    where = _undecodable(self._conn)
                    if where is not None:
                        typed = DeskDatabaseError(
                            self.path,
                            f"holds text that is not UTF-8 ({where})",
                            "import that ledger again, or correct the row",
                            "damaged",
                        )
            raise typed from err

    @classmethod
    def create(cls, path: str | os.PathLike[str], *, timeout: float = DEFAULT_TIMEOUT) -> Desk:
        """A new desk database at ``path`` with the current schema (the file must not exist).

        >>> import tempfile
        >>> from pathlib import Path
        >>> path = Path(tempfile.mkdtemp()) / "bureau.sqlite"
        >>> Desk.create(path).close()
        >>> Desk.create(path)
        Traceback (most recent call last):
        ...
        qsdomain.errors.InvalidInputError: path must be a new file (this one exists), got ...
        """
        text = _path(path)
        try:
            exists = Path(text).exists()
            conn = None if exists else sqlite3.connect(text, isolation_level=None)
        except (OSError, sqlite3.Error) as err:
            raise InvalidInputError("path", text, f"a file that can be created ({err})") from None
        if conn is None:
            raise InvalidInputError("path", text, "a new file (this one exists)")
        try:
            migrate(conn)
            conn.execute("PRAGMA journal_mode = WAL")
        except sqlite3.Error as err:
            raise _typed(text, err, DEFAULT_TIMEOUT) from None
        finally:
            conn.close()
        return cls(text, timeout=timeout)

    @property
    def schema_version(self) -> int:
        """The schema version of the open database."""
        with self._guard():
            return version_of(self._conn)

    def import_file(
        self,
        path: str | os.PathLike[str],
        *,
        table: str | None = None,
        keep_going: bool = False,
        rejects: str | os.PathLike[str] | None = None,
        overwrite: bool = False,
        mode: str = "replace",
    ) -> ImportSummary:
        """Load one ledger file (CSV or JSON) in one transaction; return the counts.

        ``table`` is found from the file's columns when not given (one of
        ``instruments``, ``licences``, ``licence_events``, ``service_items``, ``cases``,
        ``lots``). Without ``keep_going`` a bad row raises
        :class:`~qsdomain.desk.ImportRejectedError` and nothing is written; with it the good
        rows load and each rejected one is written to ``rejects`` (CSV: line, field, value,
        reason). Importing the same file again changes nothing.

        The rejects file is written only when some row was rejected, to a temporary file in
        its folder moved into place (:func:`os.replace`) when the file is imported, so it is
        whole or absent. It is never the ledger being imported nor the database (an
        :class:`~qsdomain.errors.InvalidInputError` says so before anything is read), and an
        existing file is replaced only with ``overwrite=True`` (a symbolic link is replaced
        itself, never what it points at).

        Before the first import through this desk the database is checked (``PRAGMA
        quick_check``): a damaged one is refused with
        :class:`~qsdomain.errors.DeskDatabaseError` rather than written to.
        While another program writes (another import), this one waits up to ``timeout``
        seconds, then raises the same error, ``kind`` ``"locked"``; a read-only database
        raises it with ``kind`` ``"read_only"``.

        ``mode="replace"`` (the default) makes the file the whole truth for what it names: an
        instrument's stored records and a licence's stored events are replaced by the file's
        (as a case's events always are), so a corrected export removes a wrong record.
        ``mode="merge"`` adds the file's rows to the stored ones, a row whose natural key is
        stored updating it (a file of this month's verifications only, say).
        """
        _checks.flag("keep_going", keep_going)
        _checks.flag("overwrite", overwrite)
        if not isinstance(mode, str) or mode not in MODES:
            raise InvalidInputError("mode", mode, "one of " + ", ".join(MODES))
        if table is not None:
            _checks.text("table", table, max_length=64)
            if table not in TABLES:
                raise InvalidInputError("table", table, "one of " + ", ".join(TABLES))
        source = _path(path)
        out = None if rejects is None else _path(rejects, "rejects")
        with self._guard():
            self._check()
            summary = import_file(
                self._conn,
                source,
                table=table,
                keep_going=keep_going,
                rejects=out,
                overwrite=overwrite,
                mode=mode,
            )
            # Copy the write-ahead log into the file now (not only at close), so that a copy
            # of the file taken between imports holds them; readers are not waited for.
            self._conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
            return summary

    def _check(self) -> None:
        """Refuse a damaged database before the first write through this desk (SQLite's quick
        integrity check: every page and record well formed; it reads the whole file, about
        60 ms for a county bureau's desk, so later imports through this desk trust what it
        wrote itself)."""
        if self._checked:
            return
        problems = [str(r[0]) for r in self._conn.execute("PRAGMA quick_check(5)")]
        if problems != ["ok"]:
            raise DeskDatabaseError(
                self.path,
                "is damaged (integrity check: " + "; ".join(problems)[:300] + ")",
                "nothing was imported; " + _REBUILD,
                "damaged",
            )
        self._checked = True

    def report(
        self,
        as_of: date,
        *,
        within: int = 30,
        calendar: WorkingCalendar | None = None,
    ) -> Report:
        """What needs action on ``as_of``, per family, most urgent first.

        ``within`` means what it means to the family commands: the due-soon window of the
        instruments (``metrology due --within``, :attr:`qsdomain.metrology.Policy.warning_days`)
        and the licences' worklist window (``licences check --within``,
        :func:`qsdomain.licensing.worklist`), so the same window lists the same items.
        ``calendar`` defaults to :func:`~qsdomain.calendars.china` extended provisionally
        (statutory-holiday rule) three years past ``as_of``, as far as that rule reaches
        (:func:`default_calendar`); items whose answer uses those provisional days are marked
        ``provisional``, and an item whose answer needs a day past the calendar is listed as
        refused. ``as_of`` may be any day up to 9989-09-30 (the report looks up to ten years
        and twelve weeks past it).
        """
        as_of = _checks.day("as_of", as_of)
        within = _checks.whole_number("within", within, 0, limits.MAX_WITHIN_DAYS)
        if calendar is None:
            calendar = default_calendar(as_of)
        elif not isinstance(calendar, WorkingCalendar):
            raise InvalidInputError("calendar", calendar, "a WorkingCalendar or None")
        with self._guard():
            try:
                return build_report(self._conn, as_of, within, calendar)
            except (TypeError, ValueError, KeyError, OverflowError) as err:
                if isinstance(err, QSDomainError):
                    raise
                # A cell of a type or shape no import writes (the file was edited by other
                # means): the report names it rather than crash.
                raise DeskDatabaseError(
                    self.path,
                    f"holds a row the desk cannot read ({type(err).__name__}: {err})"[:400],
                    "import that ledger again, or correct the row",
                    "damaged",
                ) from err

    def counts(self) -> dict[str, int]:
        """Rows per table.

        >>> import tempfile
        >>> from pathlib import Path
        >>> with Desk.create(Path(tempfile.mkdtemp()) / "b.sqlite") as desk:
        ...     desk.counts()["instruments"]
        0
        """
        tables = (
            "instruments",
            "verifications",
            "licences",
            "licence_events",
            "service_items",
            "case_events",
            "lots",
        )
        with self._guard():
            return {
                t: self._conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables
            }

    def close(self) -> None:
        """Close the database."""
        self._conn.close()

    def __enter__(self) -> Desk:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()
