"""What every ledger command shares: the file argument, reading rows, rejects, progress, CSV out.

A ledger command (``metrology due``, ``licences check``, ``commitments status`` ...) reads a CSV
or JSON file through :mod:`qsdomain.ledgers`, builds domain objects row by row, reports every
rejected row (line, field, value, reason) on standard error without stopping, and exits with
status 0 when every row was read and 1 when some were rejected (2 stays "the command failed").
A row the reader itself cannot read (one cell too many, a JSON object as a value ...) is one of
them: the commands pass their :class:`Rejects` to :func:`ledger_rows` as its ``rejects``.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from typing import TypeVar

from qsdomain import rejects as _rejects
from qsdomain._spreadsheet import text_cell
from qsdomain._terminal import clean
from qsdomain.cli._arguments import iso_date
from qsdomain.cli._output import EXIT_OK, EXIT_REJECTED, UsageError, say
from qsdomain.ledgers import Row, RowRejected, ledger_rows, parse_rows

__all__ = [
    "Rejects",
    "add_ledger_arguments",
    "csv_text",
    "exit_status",
    "ledger_rows",
    "objects",
    "with_progress",
]

T = TypeVar("T")

#: Rejected rows kept to be printed; beyond this only the count grows (the file may be huge).
REJECTS_SHOWN = _rejects.KEPT


def add_ledger_arguments(
    parser: argparse.ArgumentParser,
    *,
    as_of_help: str = "the day asked about, YYYY-MM-DD (required: never today by default)",
) -> None:
    """``FILE``, ``--as-of``, ``--csv`` and ``--progress``/``--no-progress`` for a ledger
    command; ``as_of_help`` says what the command reads on that day."""
    parser.add_argument(
        "file", metavar="FILE", help="the ledger: a .csv (UTF-8, BOM allowed) or .json/.jsonl file"
    )
    parser.add_argument(
        "--as-of", required=True, type=iso_date("--as-of"), metavar="DATE", help=as_of_help
    )
    parser.add_argument(
        "--csv", action="store_true", help="print the result rows as CSV instead of a table"
    )
    shown = parser.add_mutually_exclusive_group()
    shown.add_argument(
        "--progress",
        dest="progress",
        action="store_true",
        default=None,
        help="show a progress bar on standard error (needs the 'progress' extra: tqdm); "
        "by default shown when standard error is a terminal and tqdm is installed",
    )
    shown.add_argument(
        "--no-progress", dest="progress", action="store_false", help="never show a progress bar"
    )


def with_progress(items: Iterable[T], enabled: bool | None, *, what: str) -> Iterable[T]:
    """``items`` with a progress bar on standard error when asked for (or by default on a
    terminal), through tqdm (the optional ``progress`` extra); the items themselves unchanged."""
    if enabled is False:
        return items
    try:
        from tqdm import tqdm  # noqa: PLC0415 - optional extra, loaded only when used
    except ImportError:
        if enabled:
            raise UsageError(
                "--progress needs the 'progress' extra: pip install 'qsdomain[progress]'",
                "--progress",
            ) from None
        return items
    if enabled is None and not sys.stderr.isatty():
        return items
    bar: Iterable[T] = tqdm(items, desc=what, unit=" rows", file=sys.stderr, leave=False)
    return bar


class Rejects(_rejects.Rejects):
    """The rejected rows of one run (:class:`qsdomain.rejects.Rejects`: every one counted, the
    first :data:`REJECTS_SHOWN` kept), printed on standard error."""

    __slots__ = ()

    def lines(self) -> list[str]:
        """One line per kept rejection, and a last line if some were not kept, each cleaned for
        the terminal (one line each, whatever the ledger's text holds)."""
        return [f"rejected: {clean(line)}" for line in super().lines()]

    def report(self) -> None:
        """Print the rejections on standard error (they never go to standard output)."""
        for line in self.lines():
            say(line)


def objects(rows: Iterable[Row], build: Callable[[Row], T], rejects: Rejects) -> Iterator[T]:
    """The domain objects ``build`` makes of ``rows``; bad rows go to ``rejects``, lazily."""
    for item in parse_rows(rows, build):
        if isinstance(item, RowRejected):
            rejects.add(item)
        else:
            yield item


def exit_status(rejects: Rejects) -> int:
    """0 when every row was read, 1 when some were rejected."""
    return EXIT_REJECTED if rejects.count else EXIT_OK


def csv_text(
    header: Sequence[str], rows: Iterable[Sequence[object]], *, text_columns: Collection[str]
) -> str:
    """``rows`` under ``header`` as CSV text (dates in ISO 8601, ``None`` as an empty cell).

    ``text_columns`` names the columns of text that comes from the ledger (ids, names, reasons):
    a cell of theirs that a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@``, a tab
    or a carriage return first), or that starts with ``'``, gets a leading ``'``. The other
    columns (numbers, dates, the library's state names) are written as they are.
    """
    at = [header.index(name) for name in text_columns]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        cells = ["" if cell is None else str(cell) for cell in row]
        for i in at:
            cells[i] = text_cell(cells[i])
        writer.writerow(cells)
    return buffer.getvalue().rstrip("\n")
