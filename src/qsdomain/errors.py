"""The qsdomain error family.

Every error the library raises on purpose derives from :class:`QSDomainError`, and each leaf
also derives from the builtin it resembles, so ``except ValueError`` and ``except LookupError``
keep working for callers who do not know this library:

>>> from qsdomain.errors import InvalidInputError, QSDomainError
>>> err = InvalidInputError("aql", "0.3", "one of 0.010 ... 1000")
>>> str(err)
"aql must be one of 0.010 ... 1000, got '0.3'"
>>> isinstance(err, ValueError) and isinstance(err, QSDomainError)
True

* :class:`InvalidInputError` (``ValueError``): a value the caller passed is not allowed.
  Messages name the field, the value received and what is allowed.
* :class:`NotCoveredError` (``LookupError``): a look-up fell outside what a table or a
  calendar knows. Messages name what was looked up and the covered range.
* :class:`DeskDatabaseError` (``ValueError``): a desk database cannot be read or written as
  asked (another writer holds it, it is read-only, damaged, or not a desk's). Messages name
  the file, what is wrong and what to do.
"""

from __future__ import annotations

from datetime import date

__all__ = [
    "CalendarNotCoveredError",
    "DeskDatabaseError",
    "InvalidInputError",
    "NaiveDatetimeError",
    "NotCoveredError",
    "QSDomainError",
    "StructuringError",
]


class QSDomainError(Exception):
    """Base class of every error qsdomain raises on purpose.

    >>> from qsdomain.errors import QSDomainError
    >>> from qsdomain.periods import Term
    >>> try:
    ...     Term(years=-1)
    ... except QSDomainError as err:
    ...     print(type(err).__name__)
    InvalidInputError
    """


#: Longest rendering of a received value in a message; longer ones are cut with "...".
_SHOWN_MAX = 80


def _show(value: object) -> str:
    """How a received value appears in a message: days and datetimes in ISO 8601, others by
    ``repr``, cut to a readable length.

    >>> from datetime import date
    >>> _show(date(2027, 1, 1)), _show("x" * 100)[-6:]
    ('2027-01-01', 'xxx...')
    """
    if isinstance(value, date):  # a datetime is a date too
        return value.isoformat()
    try:
        shown = repr(value)
    except Exception:
        shown = f"<{type(value).__name__} object>"
    return shown if len(shown) <= _SHOWN_MAX else shown[: _SHOWN_MAX - 3] + "..."


class InvalidInputError(QSDomainError, ValueError):
    """A value given to the library is outside what the rule allows.

    >>> raise InvalidInputError("term.years", -1, "a whole number >= 0")
    Traceback (most recent call last):
    ...
    qsdomain.errors.InvalidInputError: term.years must be a whole number >= 0, got -1

    Attributes:
        field: the name (or path) of the offending field.
        value: the value received.
        allowed: a short description of what is allowed.
    """

    def __init__(self, field: str, value: object, allowed: str) -> None:
        super().__init__(field, value, allowed)
        self.field = field
        self.value = value
        self.allowed = allowed

    def __str__(self) -> str:
        return f"{self.field} must be {self.allowed}, got {_show(self.value)}"


class NaiveDatetimeError(InvalidInputError):
    """A ``datetime`` without a time zone was given where an aware one is required."""

    def __init__(self, field: str, value: object) -> None:
        super().__init__(field, value, "a timezone-aware datetime (e.g. tzinfo=Asia/Shanghai)")

    def __reduce__(self) -> tuple[type[NaiveDatetimeError], tuple[str, object]]:
        return (type(self), (self.field, self.value))


class StructuringError(InvalidInputError):
    """Data handed to :mod:`qsdomain.serialization` cannot become the requested type.

    ``field`` holds the path of the bad field, such as ``$.term.years``.
    """


class NotCoveredError(QSDomainError, LookupError):
    """A look-up fell outside the range a table or calendar covers.

    >>> raise NotCoveredError("letter", "T", "A to R")
    Traceback (most recent call last):
    ...
    qsdomain.errors.NotCoveredError: letter 'T' is not covered; covered: A to R

    Attributes:
        what: what was looked up.
        value: the key that was not covered.
        covered: a short description of what is covered.
    """

    def __init__(self, what: str, value: object, covered: str) -> None:
        super().__init__(what, value, covered)
        self.what = what
        self.value = value
        self.covered = covered

    def __str__(self) -> str:
        return f"{self.what} {_show(self.value)} is not covered; covered: {self.covered}"


class CalendarNotCoveredError(NotCoveredError):
    """A date (or a date a calculation reached) lies outside a working calendar's coverage.

    The message names the calendar and its covered range; to get an answer beyond it, extend
    the calendar explicitly with a stated assumption
    (:meth:`qsdomain.calendars.WorkingCalendar.extended`), which marks the added days as
    provisional.
    """


class DeskDatabaseError(QSDomainError, ValueError):
    """A desk database cannot be read or written as asked; the message says what to do.

    >>> raise DeskDatabaseError("b.sqlite", "is damaged", "restore a backup", kind="damaged")
    Traceback (most recent call last):
    ...
    qsdomain.errors.DeskDatabaseError: b.sqlite is damaged: restore a backup

    Every ``sqlite3.Error`` a :class:`~qsdomain.desk.Desk` meets becomes one of these, so
    ``except ValueError`` and ``except QSDomainError`` catch it and the command line prints
    one line.

    Attributes:
        path: the database file.
        problem: what is wrong with it, starting with a verb ("is locked by ...").
        remedy: what to do about it.
        kind: ``"locked"`` (another program is writing), ``"read_only"`` (the file or its
            folder cannot be written), ``"damaged"`` (corrupt pages, text that is not UTF-8, a
            missing table, a hand-edited schema version) or ``"unavailable"`` (the file cannot
            be opened or read at all).
    """

    KINDS = ("locked", "read_only", "damaged", "unavailable")

    def __init__(self, path: str, problem: str, remedy: str, kind: str = "damaged") -> None:
        super().__init__(path, problem, remedy, kind)
        self.path = path
        self.problem = problem
        self.remedy = remedy
        self.kind = kind

    def __str__(self) -> str:
        return f"{self.path} {self.problem}: {self.remedy}"
