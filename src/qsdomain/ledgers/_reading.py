"""The ledger readers behind :mod:`qsdomain.ledgers` (see its docstring)."""

from __future__ import annotations

import csv
import io
import json
import operator
import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import IO, TypeVar

import attrs

from qsdomain import _checks, limits
from qsdomain._drafts import drafted
from qsdomain._files import refuse_special
from qsdomain.errors import InvalidInputError, QSDomainError
from qsdomain.rejects import RejectSink, RowRejected, rejected

__all__ = ["Row", "ledger_rows", "parse_rows", "read_csv", "read_json_rows"]

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


@attrs.frozen(weakref_slot=False)  # built by a draft: qsdomain._drafts
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

    line: int = attrs.field(converter=_checks.as_int)
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


def _header_map(value: object) -> dict[str, str]:
    """``header_map`` checked: ``None`` or a mapping of header texts to field names."""
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise InvalidInputError(
            "header_map", value, "a mapping of header texts to field names, or None"
        )
    if len(value) > limits.MAX_ITEMS:
        raise InvalidInputError("header_map", len(value), f"at most {limits.MAX_ITEMS} headers")
    for key, name in value.items():
        _checks.text("header_map[]", key)
        _checks.text(f"header_map[{key!r}]", name)
    return dict(value)


def _column_names(field: str, value: object, *, optional: bool) -> tuple[str, ...] | None:
    """``required``/``known`` checked: a list of column names (``None`` where ``optional``)."""
    if value is None and optional:
        return None
    allowed = "a list of column names" + (" or None" if optional else "")
    if isinstance(value, (str, bytes, bytearray)):
        raise InvalidInputError(field, value, "a list of column names, not a string")
    if isinstance(value, Mapping) or not isinstance(value, Iterable):
        raise InvalidInputError(field, value, allowed)
    return _checks.texts(field, value)


def _reject_sink(value: object) -> RejectSink | None:
    if value is None or callable(getattr(value, "add", None)):
        return value  # type: ignore[return-value]  # anything with an add method will do
    raise InvalidInputError(
        "rejects", value, "None or an object with an add(RowRejected) method (a RejectSink)"
    )


def _canonical(
    headers: Iterable[str],
    header_map: Mapping[str, str],
    known: Iterable[str] | None,
    *,
    line: int | None = None,
) -> list[str]:
    """The canonical names of ``headers`` (a CSV header row, or the keys of the JSON object at
    ``line``, whose errors then name that line)."""
    names = []
    allowed = set(header_map.values()) | set(known or ())
    for position, header in enumerate(headers):
        cleaned = header.strip().lstrip("\ufeff")
        name = header_map.get(cleaned, cleaned)
        if known is not None and name not in allowed:
            shown = ", ".join(sorted(allowed | set(header_map)))
            where = f"header[{position}]" if line is None else f"line {line}: {cleaned}"
            raise InvalidInputError(where, cleaned, f"one of {shown}")
        if name in names:
            where = f"header[{position}]" if line is None else f"line {line}: {cleaned}"
            raise InvalidInputError(where, cleaned, "a column named only once")
        names.append(name)
    return names


def _check_required(names: list[str], required: Iterable[str]) -> None:
    missing = [name for name in required if name not in names]
    if missing:
        raise InvalidInputError("header", ", ".join(names), f"columns {', '.join(missing)}")


def _first_bad_utf8(path: str | os.PathLike[str]) -> tuple[int, int, str] | None:
    """The line, byte offset and reason of the first bytes of ``path`` UTF-8 cannot decode.

    Read only when decoding failed: the decoder reads ahead in blocks, so the line the reader
    had reached is not the line of the bad bytes."""
    offset = 0
    try:
        with Path(path).open("rb") as stream:
            for number, raw in enumerate(stream, 1):
                try:
                    raw.decode("utf-8")
                except UnicodeDecodeError as err:
                    bad = f"can't decode byte 0x{raw[err.start]:02x}: {err.reason}"
                    return number, offset + err.start, bad
                offset += len(raw)
    except OSError:
        return None
    return None


def _undecodable(
    source: object, owned: bool, line: int, err: UnicodeDecodeError, what: str
) -> InvalidInputError:
    """The error for a file that is not UTF-8, naming the line of its first bad bytes (for a
    stream the caller opened, the line the reader had reached)."""
    found = _first_bad_utf8(source) if owned else None  # type: ignore[arg-type]
    if found is None:
        return InvalidInputError(f"line {line}", "", f"{what} ({err})")
    number, offset, reason = found
    return InvalidInputError(f"line {number}", f"byte {offset}", f"{what} ({reason})")


#: Drops a byte-order mark at the start of a line: files concatenated from several exports
#: carry one where each export began (C-level, so a million lines cost no Python call).
_without_bom = operator.methodcaller("removeprefix", "\ufeff")


def read_csv(
    source: str | os.PathLike[str] | IO[str],
    *,
    header_map: Mapping[str, str] | None = None,
    required: Iterable[str] = (),
    known: Iterable[str] | None = None,
    rejects: RejectSink | None = None,
) -> Iterator[Row]:
    """The rows of a CSV ledger (UTF-8, with or without BOM), lazily, with line numbers.

    >>> import io
    >>> rows = read_csv(io.StringIO("id,limit\\nA,20\\n\\nB,5\\n"), required=["id"])
    >>> [(row.line, row.text("id")) for row in rows]
    [(2, 'A'), (4, 'B')]

    ``header_map`` maps a file's headers (Chinese ones, say) to canonical field names;
    ``known``, when given, is the full set of canonical names a header may have (anything else
    is an error naming the header); ``required`` names the columns that must be present. Blank
    lines are skipped, and so is a row equal to the header row (the next export's header in
    concatenated exports). A row with more cells than headers, or a cell longer than
    :data:`~qsdomain.limits.MAX_TEXT_LENGTH`, is an error naming its line, or, with
    ``rejects``, a :class:`RowRejected` given to ``rejects.add`` while reading goes on; a row
    with fewer cells has empty cells. The arguments are checked at once; the file is opened
    when the first row is asked for.
    """
    mapping = _header_map(header_map)
    needed = _column_names("required", required, optional=False)
    allowed = _column_names("known", known, optional=True)
    sink = _reject_sink(rejects)
    return _read_csv(source, mapping, needed or (), allowed, sink)


def _read_csv(
    source: str | os.PathLike[str] | IO[str],
    mapping: Mapping[str, str],
    required: Iterable[str],
    known: Iterable[str] | None,
    rejects: RejectSink | None,
) -> Iterator[Row]:
    stream, owned = _open_text(source)
    try:
        reader = csv.reader(map(_without_bom, stream))
        try:
            header = next(reader, None)
        except csv.Error as err:
            raise InvalidInputError("line 1", "", f"a CSV header row ({err})") from None
        except UnicodeDecodeError as err:
            raise _undecodable(source, owned, 1, err, "UTF-8 encoded CSV") from None
        if header is None:
            raise InvalidInputError("line 1", "", "a CSV header row (the file is empty)")
        names = _canonical(header, mapping, known)
        _check_required(names, required)

        def undecodable(line: int, err: UnicodeDecodeError) -> InvalidInputError:
            return _undecodable(source, owned, line, err, "UTF-8 encoded CSV")

        # A file opened here is decoded as strict UTF-8: no lone surrogate can come from it.
        yield from _csv_rows(
            reader, names, header, check_text=not owned, rejects=rejects, undecodable=undecodable
        )
    finally:
        if owned:
            stream.close()


#: A Row of a CSV file whose first row passed Row's checks, built by a draft
#: (:mod:`qsdomain._drafts`): the names are the same, each cell is a string from the csv module
#: whose length was just checked, and the line number grows. Checking all that again on each
#: of a million rows is a third of reading them.
_checked_row = drafted(Row)


def _csv_rows(
    reader: Iterator[list[str]],
    names: list[str],
    header: list[str],
    *,
    check_text: bool,
    rejects: RejectSink | None,
    undecodable: Callable[[int, UnicodeDecodeError], InvalidInputError],
) -> Iterator[Row]:
    line = 1
    width = len(names)
    checked = False
    header_cells = [cell.strip() for cell in header]
    first_header = header_cells[0] if header_cells else ""
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as err:  # a cell over the csv module's own limit: the row is lost
            line = reader.line_num  # type: ignore[attr-defined]
            problem = InvalidInputError(f"line {line}", "", f"readable CSV ({err})")
            if rejects is None:
                raise problem from None
            rejects.add(rejected(line, problem))
            continue
        except UnicodeDecodeError as err:
            raise undecodable(line + 1, err) from None
        line = reader.line_num  # type: ignore[attr-defined]
        # One joined string answers "is every cell blank?" (str.strip and str.isspace agree
        # on what whitespace is) and "can any cell be too long?" without a loop per cell.
        joined = "".join(cells)
        if not joined or joined.isspace():
            continue
        if (
            len(cells) > width
            or len(joined) > _FIELD_LIMIT
            or (check_text and not (joined.isascii() or joined.isprintable()))
        ):
            try:
                _check_cells(line, names, cells, check_text=check_text)
            except InvalidInputError as problem:
                if rejects is None:
                    raise
                rejects.add(rejected(line, problem))
                continue
        if cells[0].strip() == first_header and [c.strip() for c in cells] == header_cells:
            continue  # the header again: the next export of a concatenated file
        fields = dict(zip(names, cells, strict=False))
        if checked:
            yield _checked_row(line, fields)
        else:
            yield Row(line, fields)  # the first row is checked in full: the names with it
            checked = True


def _check_cells(line: int, names: list[str], cells: list[str], *, check_text: bool) -> None:
    """Raise the typed error of a row that has too many cells, a cell that is too long, or
    (``check_text``: from a stream the caller decoded) a cell that is not text."""
    if len(cells) > len(names):
        raise InvalidInputError(
            f"line {line}", f"{len(cells)} cells", f"at most {len(names)} cells"
        )
    for name, cell in zip(names, cells, strict=False):
        if len(cell) > _FIELD_LIMIT:
            raise InvalidInputError(
                f"line {line}: {name}", cell, f"a cell of at most {_FIELD_LIMIT} characters"
            )
        if check_text:
            # A control character, or a lone surrogate from a stream the caller decoded with
            # "surrogateescape".
            _checks.text(f"line {line}: {name}", cell, allow_empty=True)


def read_json_rows(
    source: str | os.PathLike[str] | IO[str],
    *,
    header_map: Mapping[str, str] | None = None,
    known: Iterable[str] | None = None,
    rejects: RejectSink | None = None,
) -> Iterator[Row]:
    """The rows of a JSON ledger: an array of objects, or JSON Lines (one object per line).

    >>> import io
    >>> ledger = io.StringIO('[{"编号": "A", "limit": 20}]')
    >>> rows = read_json_rows(ledger, header_map={"编号": "id"})
    >>> [(row.line, row.text("id"), row.whole("limit")) for row in rows]
    [(1, 'A', 20)]

    Values are kept as text (``20`` becomes ``"20"``), so one set of typed readers serves CSV
    and JSON. A JSON array is numbered by item (from 1), JSON Lines by line (split at line
    feeds only: U+2028 inside a string is text). An item that is not an object, a value that
    is an object or an array, a lone surrogate, a key given twice in one object, an unknown
    key (when ``known`` is given), and in JSON Lines a line that is not valid JSON, are errors
    naming the line (and key), or with ``rejects`` a :class:`RowRejected` each while reading
    goes on. A JSON array that is not valid JSON is an error of the whole file.
    """
    mapping = _header_map(header_map)
    allowed = _column_names("known", known, optional=True)
    sink = _reject_sink(rejects)
    return _read_json(source, mapping, allowed, sink)


def _read_json(
    source: str | os.PathLike[str] | IO[str],
    mapping: Mapping[str, str],
    known: Iterable[str] | None,
    rejects: RejectSink | None,
) -> Iterator[Row]:
    stream, owned = _open_text(source)
    try:
        text = stream.read(limits.MAX_JSON_CHARS + 1)
    except UnicodeDecodeError as err:
        found = _first_bad_utf8(source) if owned else None  # type: ignore[arg-type]
        if found is None:
            raise InvalidInputError(
                "source", f"byte {err.start}", f"UTF-8 encoded JSON text ({err.reason})"
            ) from None
        line, offset, reason = found
        raise InvalidInputError(
            f"line {line}", f"byte {offset}", f"UTF-8 encoded JSON text ({reason})"
        ) from None
    finally:
        if owned:
            stream.close()
    if len(text) > limits.MAX_JSON_CHARS:
        raise InvalidInputError(
            "source", f"{len(text)} characters", f"at most {limits.MAX_JSON_CHARS} characters"
        )
    for number, item in _json_items(text.lstrip("\ufeff"), rejects):
        try:
            row = _json_row(number, item, mapping, known)
        except InvalidInputError as problem:
            if rejects is None:
                raise
            rejects.add(rejected(number, problem))
            continue
        yield row


class _Repeated:
    """What a JSON object with a key given twice becomes: never silently the last value."""

    __slots__ = ("key",)

    def __init__(self, key: str) -> None:
        self.key = key

    def __repr__(self) -> str:
        return f"an object with the key {self.key!r} twice"


def _json_object(pairs: list[tuple[str, object]]) -> dict[str, object] | _Repeated:
    """``object_pairs_hook``: the object, or :class:`_Repeated` naming its first repeated key."""
    obj = dict(pairs)
    if len(obj) == len(pairs):
        return obj
    seen: set[str] = set()
    for key, _ in pairs:
        if key in seen:
            return _Repeated(key)
        seen.add(key)
    raise AssertionError("unreachable: a shorter dict has a repeated key")  # pragma: no cover


#: One decoder for every item (``json.loads`` with a hook builds a new decoder per call).
_JSON = json.JSONDecoder(object_pairs_hook=_json_object)


def _json_items(text: str, rejects: RejectSink | None) -> Iterator[tuple[int, object]]:
    stripped = text.strip()
    if stripped.startswith("["):
        try:
            items = _JSON.decode(stripped)
        except (json.JSONDecodeError, RecursionError, ValueError) as err:
            raise InvalidInputError("source", stripped[:60], f"valid JSON ({err})") from None
        yield from enumerate(items, 1)
        return
    # JSON Lines: split at line feeds only (str.splitlines also splits at U+2028, U+0085 ...,
    # which JSON allows inside strings); "\r" before "\n" is JSON whitespace.
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            item = _JSON.decode(line.removeprefix("\ufeff"))
        except (json.JSONDecodeError, RecursionError, ValueError) as err:
            problem = InvalidInputError(f"line {number}", line[:60], f"valid JSON ({err})")
            if rejects is None:
                raise problem from None
            rejects.add(rejected(number, problem))
            continue
        yield number, item


def _json_row(
    number: int, item: object, mapping: Mapping[str, str], known: Iterable[str] | None
) -> Row:
    """The Row of the JSON item numbered ``number``, or the typed error naming line and key."""
    if isinstance(item, _Repeated):
        raise InvalidInputError(
            f"line {number}: {item.key}", item.key, "a key given once in the object"
        )
    if not isinstance(item, Mapping):
        raise InvalidInputError(f"line {number}", item, "a JSON object")
    names = _canonical(item.keys(), mapping, known, line=number)
    values = [_as_text(number, key, value) for key, value in item.items()]
    try:
        return Row(number, dict(zip(names, values, strict=True)))
    except InvalidInputError as err:  # Row checks the keys: one is blank, too long or no text
        raise InvalidInputError(f"line {number}: key", err.value, err.allowed) from None


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
            yield rejected(row.line, err)


def ledger_rows(
    path: str | os.PathLike[str],
    *,
    header_map: Mapping[str, str] | None = None,
    known: Iterable[str] | None = None,
    required: Iterable[str] = (),
    rejects: RejectSink | None = None,
) -> Iterator[Row]:
    """The rows of the ledger file at ``path``: JSON for ``.json``/``.jsonl`` files, else CSV.

    >>> import tempfile
    >>> from pathlib import Path
    >>> path = Path(tempfile.mkdtemp()) / "instruments.jsonl"
    >>> _ = path.write_text('{"编号": "JL-1"}', encoding="utf-8")
    >>> rows = ledger_rows(path, header_map={"编号": "id"}, known=["id", "name"],
    ...                    required=["id", "name"])
    >>> [row.fields for row in rows]
    [{'id': 'JL-1', 'name': ''}]

    A JSON object has no header: a required key it lacks is an empty cell, as a CSV row's
    missing cells are. With ``rejects``, a structurally bad row (an extra cell, a JSON value
    that is an object, a cell over the size limit ...) goes there with its line and reading
    goes on; without, it raises (:func:`read_csv`).
    """
    if not isinstance(path, (str, os.PathLike)):
        raise InvalidInputError("path", path, "a file path (str or os.PathLike)")
    wanted = _column_names("required", required, optional=False) or ()
    if Path(path).suffix.lower() in (".json", ".jsonl"):
        rows = read_json_rows(path, header_map=header_map, known=known, rejects=rejects)
        return (_with_required(row, wanted) for row in rows)
    return read_csv(path, header_map=header_map, known=known, required=wanted, rejects=rejects)


def _with_required(row: Row, required: Sequence[str]) -> Row:
    """JSON rows have no header: a required key missing from an object is an empty cell."""
    missing = [name for name in required if name not in row.fields]
    return attrs.evolve(row, fields={**row.fields, **dict.fromkeys(missing, "")})
