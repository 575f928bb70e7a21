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
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date
from pathlib import Path
from typing import IO, TypeVar

import attrs

from qsdomain import _checks, limits
from qsdomain._files import refuse_special
from qsdomain.errors import InvalidInputError, QSDomainError

__all__ = ["Row", "RowRejected", "parse_rows", "read_csv", "read_json_rows"]

T = TypeVar("T")

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_WHOLE = re.compile(r"[+-]?[0-9]{1,18}")
_DECIMAL = re.compile(r"[+-]?(?:[0-9]{1,18}(?:\.[0-9]{1,18})?|\.[0-9]{1,18})")

#: Longest field read from a CSV ledger, in characters (the csv module's default is 131,072).
_FIELD_LIMIT = limits.MAX_TEXT_LENGTH


def _text_fields(value: object) -> dict[str, str]:
    if not isinstance(value, Mapping):
        raise InvalidInputError("row.fields", value, "a mapping of field names to text")
    if len(value) > limits.MAX_ITEMS:
        raise InvalidInputError("row.fields", len(value), f"at most {limits.MAX_ITEMS} fields")
    for key, cell in value.items():
        _checks.text("row.fields[]", key)
        _checks.text(f"row.fields[{key!r}]", cell, allow_empty=True)
    return dict(value)


@attrs.frozen
class Row:
    """One row of a ledger: its line number and its fields by canonical name (raw text).

    >>> row = Row(line=7, fields={"limit": "20", "accepted": "2026-09-28", "note": ""})
    >>> row.whole("limit", low=0), row.date("accepted"), row.text("note", required=False)
    (20, datetime.date(2026, 9, 28), None)

    The typed readers raise :class:`~qsdomain.errors.InvalidInputError` whose field is
    ``line N: name``. An empty cell is "absent": ``required=False`` turns it into ``None``.

    Attributes:
        line: the line number in the file (the header is line 1; for JSON, the item's number
            counted from 1).
        fields: the row's cells, keyed by canonical field name, as text.
    """

    line: int = attrs.field()
    fields: Mapping[str, str] = attrs.field(converter=_text_fields)

    @line.validator
    def _check_line(self, _: attrs.Attribute[int], value: int) -> None:
        _checks.whole_number("row.line", value, 1)

    def _where(self, name: str) -> str:
        return f"line {self.line}: {name}"

    def _raw(self, name: str, required: bool) -> str | None:
        _checks.text("name", name)
        _checks.flag("required", required)
        value = self.fields.get(name, "").strip()
        if value:
            return value
        if required:
            raise InvalidInputError(self._where(name), "", "present (the cell is empty)")
        return None

    def text(self, name: str, *, required: bool = True) -> str | None:
        """The cell as text, trimmed (``None`` for an empty optional cell)."""
        return self._raw(name, required)

    def date(self, name: str, *, required: bool = True) -> date | None:
        """The cell as a day written YYYY-MM-DD."""
        value = self._raw(name, required)
        if value is None:
            return None
        if _ISO_DATE.fullmatch(value):
            try:
                return date.fromisoformat(value)
            except ValueError:
                pass
        raise InvalidInputError(self._where(name), value, "a date YYYY-MM-DD")

    def whole(
        self,
        name: str,
        *,
        low: int | None = None,
        high: int | None = None,
        required: bool = True,
    ) -> int | None:
        """The cell as a whole number in decimal digits, within ``low`` and ``high``."""
        if low is not None:
            _checks.whole_number("low", low)
        if high is not None:
            _checks.whole_number("high", high)
        value = self._raw(name, required)
        if value is None:
            return None
        number = int(value) if _WHOLE.fullmatch(value) else None
        if (
            number is None
            or (low is not None and number < low)
            or (high is not None and number > high)
        ):
            bounds = [
                f">= {low}" if low is not None else "",
                f"<= {high}" if high is not None else "",
            ]
            allowed = " and ".join(b for b in bounds if b)
            raise InvalidInputError(
                self._where(name), value, f"a whole number{' ' + allowed if allowed else ''}"
            )
        return number

    def number(self, name: str, *, required: bool = True) -> float | None:
        """The cell as a finite decimal number (no exponent, no NaN or infinity)."""
        value = self._raw(name, required)
        if value is None:
            return None
        if not _DECIMAL.fullmatch(value):
            raise InvalidInputError(self._where(name), value, "a decimal number such as 0.8")
        return float(value)

    def choice(self, name: str, allowed: Mapping[str, str], *, required: bool = True) -> str | None:
        """The cell as one of ``allowed``'s keys (English or Chinese), mapped to its value.

        >>> Row(1, {"outcome": "合格"}).choice("outcome", {"pass": "pass", "合格": "pass"})
        'pass'
        """
        if not isinstance(allowed, Mapping) or not allowed:
            raise InvalidInputError(
                "allowed", allowed, "a non-empty mapping of cell texts to values"
            )
        value = self._raw(name, required)
        if value is None:
            return None
        if value in allowed:
            return allowed[value]
        shown = ", ".join(allowed)
        raise InvalidInputError(self._where(name), value, f"one of {shown}")


@attrs.frozen
class RowRejected:
    """A row that could not become a domain object, and why.

    >>> RowRejected(line=3, field="line 3: verified_on", value="2025-13-01",
    ...             reason="a date YYYY-MM-DD").line
    3

    Attributes:
        line: the line number of the row.
        field: the field the error names (``line N: name``, or a path inside the object).
        value: the value received, as text.
        reason: what is allowed, or what went wrong.
    """

    line: int = attrs.field()
    field: str = attrs.field()
    value: str = attrs.field()
    reason: str = attrs.field()

    @line.validator
    def _check_line(self, _: attrs.Attribute[int], value: int) -> None:
        _checks.whole_number("row_rejected.line", value, 1)

    @field.validator
    @reason.validator
    def _check_text(self, attribute: attrs.Attribute[str], value: str) -> None:
        _checks.text(f"row_rejected.{attribute.name}", value)

    @value.validator
    def _check_value(self, _: attrs.Attribute[str], value: str) -> None:
        _checks.text("row_rejected.value", value, allow_empty=True)

    def __str__(self) -> str:
        field = self.field if self.field.startswith("line ") else f"line {self.line}: {self.field}"
        return f"{field} must be {self.reason}, got {self.value}"


def _open_text(source: str | os.PathLike[str] | IO[str]) -> tuple[IO[str], bool]:
    """A text stream for ``source`` and whether this function opened it (and must close it).

    A path that is not a regular file (a FIFO, a directory, a device) is refused before it is
    opened: reading it could block forever."""
    if isinstance(source, (str, os.PathLike)):
        refuse_special("path", source)
        try:
            return Path(source).open(encoding="utf-8-sig", newline=""), True
        except (OSError, ValueError) as err:
            raise InvalidInputError("path", str(source), f"a readable file ({err})") from None
    if isinstance(source, io.TextIOBase) or hasattr(source, "read"):
        return source, False
    raise InvalidInputError("source", source, "a path or an open text file")


def _canonical(
    headers: Iterable[str], header_map: Mapping[str, str], known: Iterable[str] | None
) -> list[str]:
    names = []
    allowed = set(header_map.values()) | set(known or ())
    for position, header in enumerate(headers):
        cleaned = header.strip().lstrip("\ufeff")
        name = header_map.get(cleaned, cleaned)
        if known is not None and name not in allowed:
            shown = ", ".join(sorted(allowed | set(header_map)))
            raise InvalidInputError(f"header[{position}]", cleaned, f"one of {shown}")
        if name in names:
            raise InvalidInputError(f"header[{position}]", cleaned, "a column named only once")
        names.append(name)
    return names


def _check_required(names: list[str], required: Iterable[str]) -> None:
    missing = [name for name in required if name not in names]
    if missing:
        raise InvalidInputError("header", ", ".join(names), f"columns {', '.join(missing)}")


def read_csv(
    source: str | os.PathLike[str] | IO[str],
    *,
    header_map: Mapping[str, str] | None = None,
    required: Iterable[str] = (),
    known: Iterable[str] | None = None,
) -> Iterator[Row]:
    """The rows of a CSV ledger (UTF-8, with or without BOM), lazily, with line numbers.

    >>> import io
    >>> rows = read_csv(io.StringIO("id,limit\\nA,20\\n\\nB,5\\n"), required=["id"])
    >>> [(row.line, row.text("id")) for row in rows]
    [(2, 'A'), (4, 'B')]

    ``header_map`` maps a file's headers (Chinese ones, say) to canonical field names;
    ``known``, when given, is the full set of canonical names a header may have (anything else
    is an error naming the header); ``required`` names the columns that must be present. Blank
    lines are skipped. A row with more cells than headers is an error naming its line; a row
    with fewer has empty cells.
    """
    mapping = dict(header_map or {})
    stream, owned = _open_text(source)
    try:
        reader = csv.reader(stream)
        try:
            header = next(reader, None)
        except (csv.Error, UnicodeDecodeError) as err:
            raise InvalidInputError("line 1", "", f"a CSV header row ({err})") from None
        if header is None:
            raise InvalidInputError("line 1", "", "a CSV header row (the file is empty)")
        names = _canonical(header, mapping, known)
        _check_required(names, required)
        # A file opened here is decoded as strict UTF-8: no lone surrogate can come from it.
        yield from _csv_rows(reader, names, check_text=not owned)
    finally:
        if owned:
            stream.close()


def _checked_row(line: int, fields: dict[str, str]) -> Row:
    """A Row of a CSV file whose first row passed Row's checks: the names are the same, each
    cell is a string from the csv module whose length was just checked, and the line number
    grows. Checking all that again on each of a million rows is a third of reading them."""
    row: Row = _new(Row)
    _set_line(row, line)
    _set_fields(row, fields)
    return row


_new = object.__new__
if tuple(field.name for field in attrs.fields(Row)) != ("line", "fields"):  # pragma: no cover
    raise TypeError("Row's fields changed: update _checked_row")
_set_line = Row.__dict__["line"].__set__
_set_fields = Row.__dict__["fields"].__set__


def _csv_rows(reader: Iterator[list[str]], names: list[str], *, check_text: bool) -> Iterator[Row]:
    line = 1
    width = len(names)
    checked = False
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except (csv.Error, UnicodeDecodeError) as err:
            raise InvalidInputError(f"line {line + 1}", "", f"readable CSV ({err})") from None
        line = reader.line_num  # type: ignore[attr-defined]
        # One joined string answers "is every cell blank?" (str.strip and str.isspace agree
        # on what whitespace is) and "can any cell be too long?" without a loop per cell.
        joined = "".join(cells)
        if not joined or joined.isspace():
            continue
        if len(cells) > width:
            raise InvalidInputError(f"line {line}", f"{len(cells)} cells", f"at most {width} cells")
        if len(joined) > _FIELD_LIMIT:
            too_long = next((c for c in cells if len(c) > _FIELD_LIMIT), None)
            if too_long is not None:
                raise InvalidInputError(
                    f"line {line}", too_long, f"cells of at most {_FIELD_LIMIT} characters"
                )
        if check_text and not (joined.isascii() or joined.isprintable()):
            # A control character, or a lone surrogate from a stream the caller decoded with
            # "surrogateescape": each cell is checked.
            for name, cell in zip(names, cells, strict=False):
                _checks.text(f"line {line}: {name}", cell, allow_empty=True)
        fields = dict(zip(names, cells, strict=False))
        if checked:
            yield _checked_row(line, fields)
        else:
            yield Row(line, fields)  # the first row is checked in full: the names with it
            checked = True


def read_json_rows(
    source: str | os.PathLike[str] | IO[str],
    *,
    header_map: Mapping[str, str] | None = None,
    known: Iterable[str] | None = None,
) -> Iterator[Row]:
    """The rows of a JSON ledger: an array of objects, or JSON Lines (one object per line).

    >>> import io
    >>> ledger = io.StringIO('[{"编号": "A", "limit": 20}]')
    >>> rows = read_json_rows(ledger, header_map={"编号": "id"})
    >>> [(row.line, row.text("id"), row.whole("limit")) for row in rows]
    [(1, 'A', 20)]

    Values are kept as text (``20`` becomes ``"20"``), so one set of typed readers serves CSV
    and JSON. A JSON array is numbered by item (from 1), JSON Lines by line.
    """
    mapping = dict(header_map or {})
    stream, owned = _open_text(source)
    try:
        text = stream.read(limits.MAX_JSON_CHARS + 1)
    except UnicodeDecodeError as err:
        raise InvalidInputError(
            "source", f"byte {err.start}", f"UTF-8 encoded JSON text ({err.reason})"
        ) from None
    finally:
        if owned:
            stream.close()
    if len(text) > limits.MAX_JSON_CHARS:
        raise InvalidInputError(
            "source", f"{len(text)} characters", f"at most {limits.MAX_JSON_CHARS} characters"
        )
    for number, item in _json_items(text.lstrip("\ufeff")):
        if not isinstance(item, Mapping):
            raise InvalidInputError(f"line {number}", item, "a JSON object")
        names = _canonical(item.keys(), mapping, known)
        values = [_as_text(number, key, value) for key, value in item.items()]
        yield Row(number, dict(zip(names, values, strict=True)))


def _json_items(text: str) -> Iterator[tuple[int, object]]:
    stripped = text.strip()
    try:
        if stripped.startswith("["):
            yield from enumerate(json.loads(stripped), 1)
            return
        for number, line in enumerate(text.splitlines(), 1):
            if line.strip():
                yield number, json.loads(line)
    except (json.JSONDecodeError, RecursionError, ValueError) as err:
        raise InvalidInputError("source", stripped[:60], f"valid JSON ({err})") from None


def _as_text(number: int, key: str, value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        # JSON can spell a lone surrogate ("\\ud800"), which no file or database can store.
        return _checks.text(f"line {number}: {key}", value, allow_empty=True)
    if isinstance(value, (int, float)):
        return str(value)
    raise InvalidInputError(f"line {number}: {key}", value, "a string, a number or null")


def parse_rows(rows: Iterable[Row], build: Callable[[Row], T]) -> Iterator[T | RowRejected]:
    """``build(row)`` for each row, or a :class:`RowRejected` where it raises a typed error.

    >>> rows = [Row(2, {"n": "5"}), Row(3, {"n": "five"})]
    >>> [str(x) for x in parse_rows(rows, lambda row: row.whole("n"))]
    ['5', 'line 3: n must be a whole number, got five']

    Only the library's own errors (:class:`~qsdomain.errors.QSDomainError`) become rejections;
    anything else is a bug and propagates. The rows stream: nothing is kept.
    """
    if not callable(build):
        raise InvalidInputError("build", build, "a function of one Row")
    for index, row in enumerate(_checks.stream("rows", rows)):
        if not isinstance(row, Row):
            raise InvalidInputError(f"rows[{index}]", row, "a Row")
        try:
            yield build(row)
        except QSDomainError as err:
            if isinstance(err, InvalidInputError):
                shown = err.value if isinstance(err.value, str) else repr(err.value)
                yield RowRejected(row.line, err.field, shown[:200], err.allowed)
            else:
                yield RowRejected(row.line, type(err).__name__, "", str(err))
