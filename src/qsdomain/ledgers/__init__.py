"""Reading ledgers (台账) from CSV and JSON files: numbered rows, Chinese headers, rejects.

>>> import io
>>> from qsdomain.ledgers import read_csv
>>> text = ("\\ufeff编号,名称,检定日期\\n"
...         "JL-0001,电子计价秤,2025-12-01\\nJL-0002,加油机,2025-13-01\\n")
>>> headers = {"编号": "id", "名称": "name", "检定日期": "verified_on"}
>>> rows = list(read_csv(io.StringIO(text), header_map=headers))
>>> rows[0].line, rows[0].text("id"), rows[0].date("verified_on")
(2, 'JL-0001', datetime.date(2025, 12, 1))
>>> rows[1].date("verified_on")
Traceback (most recent call last):
...
qsdomain.errors.InvalidInputError: line 3: verified_on must be a date YYYY-MM-DD, got '2025-13-01'

A ledger is read row by row (a generator: a file of any size streams), and every row keeps its
line number, so an error names the line, the field, the value and what is allowed.
:func:`parse_rows` turns rows into domain objects with a function you give, yielding a
:class:`RowRejected` for each bad row instead of stopping, so nothing is silently dropped and
one bad row never hides the others. This is the edge of the library: rule families never read
files; the command line and the desk call this module.

CSV files are UTF-8, with or without a byte-order mark (Excel writes one). A header is matched
exactly, after trimming spaces, against the canonical field names and the ``header_map``
(for example ``{"出厂编号": "id"}``); an unknown header or a missing required one is an error
before any row is read. JSON ledgers are a JSON array of objects (or one object per line, JSON
Lines) whose keys go through the same ``header_map``.

One structurally bad row never has to abort a file. Give the readers a ``rejects=`` sink (any
object with an ``add(RowRejected)`` method, :class:`RejectSink`) and a row with more cells than
headers, a cell over :data:`~qsdomain.limits.MAX_TEXT_LENGTH` characters, a JSON item that is
not an object, a JSON value that is an object or an array, a lone surrogate (``"\\ud800"``),
a repeated JSON key, or a JSON Lines line that is not valid JSON goes to the sink with its line
(and field) while the good rows are read:

>>> class Kept(list):
...     def add(self, rejected):
...         self.append(rejected)
>>> kept = Kept()
>>> text = "id,name\\nA1,秤\\nA2,秤,\\nA3,加油机\\n"
>>> [row.text("id") for row in read_csv(io.StringIO(text), rejects=kept)]
['A1', 'A3']
>>> [str(r) for r in kept]
['line 3 must be at most 2 cells, got 3 cells']

:class:`Rejects` is the library's own sink: it counts every rejection and keeps the first
:data:`~qsdomain.rejects.KEPT` (the command line prints them; the desk's import writes them to
its rejects file):

>>> sink = Rejects()
>>> [row.text("id") for row in read_csv(io.StringIO(text), rejects=sink)]
['A1', 'A3']
>>> sink.count, sink.lines()
(1, ['line 3 must be at most 2 cells, got 3 cells'])

Without a sink the same row raises the typed error. What makes the rest of a file unreadable
stays an error of the file: an empty file, a bad or unknown header, a JSON array that is not
valid JSON, bytes that are not UTF-8 (the error names the line of the first bad byte).

Byte-order marks: a U+FEFF at the start of any line is dropped (files concatenated from several
exports carry one at each export's start), in CSV and JSON Lines alike, and a CSV row equal to
the header row is skipped (the header of the next export). JSON Lines are split at line feeds
only, so U+2028 or U+0085 inside a string are text, as JSON says.

The readers check their arguments when called: ``header_map`` is a mapping of header texts to
field names, ``required`` and ``known`` are lists of column names (a string is never a list of
characters), ``rejects`` has an ``add`` method.

Each family's ledger layout (its columns, Chinese headers and row builders) is a module of
this package: :mod:`qsdomain.ledgers.metrology`, :mod:`~qsdomain.ledgers.licensing`,
:mod:`~qsdomain.ledgers.commitments` and :mod:`~qsdomain.ledgers.sampling`. The command line and
the desk read the same files through them with the same rules, so a row the command line
refuses is refused by ``desk import`` with the same message. Rule families never import them.
"""

from __future__ import annotations

from qsdomain.ledgers._reading import Row, ledger_rows, parse_rows, read_csv, read_json_rows
from qsdomain.rejects import Rejects, RejectSink, RowRejected

__all__ = [
    "RejectSink",
    "Rejects",
    "Row",
    "RowRejected",
    "ledger_rows",
    "parse_rows",
    "read_csv",
    "read_json_rows",
]
