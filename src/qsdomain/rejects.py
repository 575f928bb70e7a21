"""Rejected rows and items (退回记录): what a batch could not read or answer, and why.

>>> from qsdomain.errors import InvalidInputError
>>> r = rejected(3, InvalidInputError("line 3: verified_on", "2025-13-01", "a date YYYY-MM-DD"))
>>> r.line, r.field, str(r)
(3, 'line 3: verified_on', 'line 3: verified_on must be a date YYYY-MM-DD, got 2025-13-01')

Every batch entry of the library (the ledger readers of :mod:`qsdomain.ledgers`, each family's
``statuses`` and ``worklist``) takes ``rejects=``: any object with an ``add(RowRejected)``
method (:class:`RejectSink`). With a sink, a row or item that cannot be read or answered is
reported to it and the batch goes on; without one, the batch raises the typed error. Each
rejection is built by :func:`rejected` from the error, so it reads the same wherever it comes
from. ``line`` is the row's line in its file, or, for a stream of domain objects, the item's
position in the stream counted from 1.
"""

from __future__ import annotations

import datetime
from typing import Protocol

import attrs

from qsdomain import _checks, limits
from qsdomain.errors import InvalidInputError, NotCoveredError, QSDomainError

__all__ = ["KEPT", "RejectSink", "Rejects", "RowRejected", "rejected"]

#: Rejections a :class:`Rejects` keeps by default; beyond this only its count grows (a ledger
#: of a million rows may reject them all).
KEPT = 1000


@attrs.frozen
class RowRejected:
    """A row (or a streamed item) that could not become an answer, and why.

    >>> RowRejected(line=3, field="line 3: verified_on", value="2025-13-01",
    ...             reason="a date YYYY-MM-DD").line
    3

    Attributes:
        line: the line number of the row, or the item's position in a stream (from 1).
        field: the field the error names (``line N: name``, or a path inside the object).
        value: the value received, as text.
        reason: what is allowed, or what went wrong.
    """

    line: int = attrs.field(converter=_checks.as_int, validator=_checks.v_whole(1))
    field: str = attrs.field(validator=_checks.v_text())
    value: str = attrs.field(validator=_checks.v_text(allow_empty=True))
    reason: str = attrs.field(validator=_checks.v_text())

    def __str__(self) -> str:
        field = self.field if self.field.startswith("line ") else f"line {self.line}: {self.field}"
        return f"{field} must be {self.reason}, got {self.value}"


class RejectSink(Protocol):
    """Where a batch puts a row or item it cannot read or answer, so that it goes on.

    Any object with an ``add(rejected)`` method will do: the command line's list of rejects,
    the desk's rejects file, a plain list's subclass.

    >>> import io
    >>> from qsdomain.ledgers import read_json_rows
    >>> class Printed:
    ...     def add(self, rejected):
    ...         print(rejected)
    >>> rows = read_json_rows(io.StringIO('{"id": "A"}\\n{"id": {}}\\n'), rejects=Printed())
    >>> [row.text("id") for row in rows]
    line 2: id must be a string, a number or null, got {}
    ['A']
    """

    def add(self, rejected: RowRejected) -> None:
        """Record one rejected row or item."""


class Rejects:
    """The one reject sink of the library (退回记录): counts every rejection, keeps the first
    ``keep`` of them.

    >>> from qsdomain.errors import InvalidInputError
    >>> sink = Rejects(keep=1)
    >>> for line in (3, 5):
    ...     sink.add(rejected(line, InvalidInputError("id", "", "a non-empty text")))
    >>> sink.count, [r.line for r in sink.kept], sink.lines()
    (2, [3], ['line 3: id must be a non-empty text, got ', '... and 1 more rows'])

    The command line's rejects (printed on standard error) and the desk's rejects file are
    this class; a caller of a family's ``statuses`` or of a ledger reader may pass one as
    ``rejects=`` and read ``count`` and ``kept`` afterwards. A subclass that also writes each
    rejection somewhere overrides :meth:`add` and calls ``super().add(rejected)``.
    """

    __slots__ = ("count", "keep", "kept")

    def __init__(self, *, keep: int = KEPT) -> None:
        self.keep: int = _checks.whole_number("rejects.keep", keep, 0)
        self.count = 0
        self.kept: list[RowRejected] = []

    def add(self, rejected: RowRejected) -> None:
        """Count ``rejected``, and keep it while fewer than ``keep`` are kept."""
        if not isinstance(rejected, RowRejected):
            raise InvalidInputError("rejected", rejected, "a RowRejected")
        self.count += 1
        if len(self.kept) < self.keep:
            self.kept.append(rejected)

    def lines(self) -> list[str]:
        """One line per kept rejection, and a last line counting those not kept, if any."""
        out = [str(r) for r in self.kept]
        if self.count > len(self.kept):
            out.append(f"... and {self.count - len(self.kept)} more rows")
        return out

    def __repr__(self) -> str:
        return f"{type(self).__name__}(count={self.count}, kept={len(self.kept)}, keep={self.keep})"


def _shown(text: str, most: int) -> str:
    """``text`` cut to ``most`` characters, a lone surrogate spelled as its escape."""
    cut = text[:most]
    if cut.isascii() or cut.isprintable():
        return cut
    return cut.encode("utf-8", "backslashreplace").decode("utf-8")


def _value_text(value: object) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, datetime.date):
        return value.isoformat()
    return repr(value)


def rejected(line: int, error: QSDomainError, *, prefix: str = "") -> RowRejected:
    """The :class:`RowRejected` for the library's ``error`` about the row or item at ``line``.

    >>> from qsdomain.errors import NotCoveredError
    >>> str(rejected(7, NotCoveredError("due", "2031-01-05", "2004-2026"), prefix="items[6]."))
    'line 7: items[6].due must be covered by 2004-2026, got 2031-01-05'

    The field, value and reason come from the error (an input error's field, value and what is
    allowed; a look-up's what, value and coverage); ``prefix`` goes before the field (the
    item's place in a stream). The value is cut to 200 characters, the others to the text
    limit, and a lone surrogate, which no rejects file could hold, is spelled as its escape.
    """
    most = limits.MAX_TEXT_LENGTH
    if isinstance(error, InvalidInputError):
        field, value, reason = error.field, _value_text(error.value), error.allowed
    elif isinstance(error, NotCoveredError):
        field, value, reason = error.what, _value_text(error.value), f"covered by {error.covered}"
    else:
        field, value, reason = type(error).__name__, "", str(error)
    field = prefix + field if prefix else field
    return RowRejected(
        line, _shown(field or "item", most), _shown(value, 200), _shown(reason or "valid", most)
    )
