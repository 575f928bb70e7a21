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

import os
import sqlite3
from datetime import date
from pathlib import Path
from types import TracebackType

from qsdomain import _checks, limits
from qsdomain.calendars import WorkingCalendar
from qsdomain.desk._import import TABLES, import_file, is_file
from qsdomain.desk._model import ImportSummary, Report
from qsdomain.desk._report import build_report, default_calendar
from qsdomain.desk._schema import migrate, version_of
from qsdomain.errors import InvalidInputError

__all__ = ["Desk"]


def _path(value: object, field: str = "path") -> str:
    if not isinstance(value, (str, os.PathLike)):
        raise InvalidInputError(field, value, "a file path (str or os.PathLike)")
    text = os.fspath(value)
    if not isinstance(text, str):
        raise InvalidInputError(field, value, "a file path as text")
    return _checks.text(field, text, max_length=limits.MAX_PATH_LENGTH)


class Desk:
    """A county bureau's desk (工作台) over one SQLite database file.

    >>> import tempfile
    >>> from pathlib import Path
    >>> path = Path(tempfile.mkdtemp()) / "bureau.sqlite"
    >>> Desk.create(path).close()
    >>> with Desk(path) as desk:
    ...     desk.schema_version
    1

    :meth:`create` makes a new database with the documented schema (docs/desk.md); opening an
    existing one applies any forward migration it lacks. :meth:`import_file` loads a ledger
    file; :meth:`report` answers what needs action on a day. One ``Desk`` per thread (an
    ``sqlite3`` connection is not shared between threads).
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = _path(path)
        if not is_file(self.path):
            raise InvalidInputError(
                "path", self.path, "an existing desk database (create one with Desk.create)"
            )
        self._conn = self._open(self.path)

    @staticmethod
    def _open(path: str) -> sqlite3.Connection:
        try:
            conn = sqlite3.connect(path, isolation_level=None)
            conn.execute("PRAGMA foreign_keys = ON")
            version = version_of(conn)
        except sqlite3.DatabaseError as err:
            raise InvalidInputError("path", path, f"an SQLite database ({err})") from None
        if version == 0:
            conn.close()
            raise InvalidInputError("path", path, "a desk database (this one is empty)")
        migrate(conn)
        return conn

    @classmethod
    def create(cls, path: str | os.PathLike[str]) -> Desk:
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
        finally:
            conn.close()
        return cls(text)

    @property
    def schema_version(self) -> int:
        """The schema version of the open database."""
        return version_of(self._conn)

    def import_file(
        self,
        path: str | os.PathLike[str],
        *,
        table: str | None = None,
        keep_going: bool = False,
        rejects: str | os.PathLike[str] | None = None,
    ) -> ImportSummary:
        """Load one ledger file (CSV or JSON) in one transaction; return the counts.

        ``table`` is found from the file's columns when not given (one of
        ``instruments``, ``licences``, ``licence_events``, ``service_items``, ``cases``,
        ``lots``). Without ``keep_going`` a bad row raises
        :class:`~qsdomain.desk.ImportRejectedError` and nothing is written; with it the good
        rows load and each rejected one is written to ``rejects`` (CSV: line, field, value,
        reason). Importing the same file again changes nothing.
        """
        _checks.flag("keep_going", keep_going)
        if table is not None:
            _checks.text("table", table, max_length=64)
            if table not in TABLES:
                raise InvalidInputError("table", table, "one of " + ", ".join(TABLES))
        return import_file(
            self._conn,
            _path(path),
            table=table,
            keep_going=keep_going,
            rejects=None if rejects is None else _path(rejects, "rejects"),
        )

    def report(
        self,
        as_of: date,
        *,
        within: int = 30,
        calendar: WorkingCalendar | None = None,
    ) -> Report:
        """What needs action on ``as_of``, per family, most urgent first.

        ``within`` is how many days ahead counts as "due soon" for instruments and licences.
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
        return build_report(self._conn, as_of, within, calendar)

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
        return {t: self._conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}

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
