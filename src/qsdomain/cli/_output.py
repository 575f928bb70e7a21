"""What the command line prints: one emit function for answers and errors, text or JSON.

Every command returns a :class:`Reply`: a record to serialize for ``--json`` (through
:func:`qsdomain.serialization.to_json`, never a hand-built dict) and the text to print
otherwise. Errors become a :class:`Reply` too (:func:`error_reply`), printed on standard error.
Text goes to the terminal through :func:`qsdomain._terminal.clean` (an escape sequence or a bidi
override in a ledger is shown, never run); JSON and ``--csv`` output are data, printed as they are.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from datetime import date
from typing import TextIO

import attrs

from qsdomain._terminal import clean
from qsdomain.errors import InvalidInputError, NotCoveredError, QSDomainError

#: Exit status of a command that answered.
EXIT_OK = 0
#: Exit status of a ledger command that answered but rejected some rows (each one reported).
EXIT_REJECTED = 1
#: Exit status of every failure: a usage error, bad input, a look-up outside a table or
#: calendar, a file that cannot be written.
EXIT_ERROR = 2
#: Exit status after Ctrl-C (128 + SIGINT, as a shell reports it).
EXIT_INTERRUPTED = 130

#: Longest rendering of a received value in a JSON error, in characters.
_VALUE_MAX = 200


class UsageError(Exception):
    """The command line itself is malformed: an unknown command or option, a missing value."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


@attrs.frozen
class Reply:
    """A command's answer: ``data`` is serialized for ``--json``, ``text`` printed otherwise;
    ``status`` is the exit status (:data:`EXIT_REJECTED` when a ledger had rejected rows);
    ``verbatim`` marks a text that is data (``--csv``), printed without terminal cleaning."""

    data: object
    text: str
    status: int = EXIT_OK
    verbatim: bool = False


@attrs.frozen
class ErrorDetail:
    """The ``"error"`` object of a JSON error (see docs/cli.md)."""

    type: str
    message: str
    field: str | None
    value: str | None
    allowed: str | None


@attrs.frozen
class ErrorReport:
    """A JSON error: ``{"error": {...}}``."""

    error: ErrorDetail


def emit(reply: Reply, *, as_json: bool, stream: TextIO | None = None) -> None:
    """Print ``reply`` on ``stream`` (standard output by default) as text or one JSON line."""
    out = sys.stdout if stream is None else stream
    if as_json:
        # Serialization imports every family's types; only JSON output pays for it.
        from qsdomain.serialization import to_json  # noqa: PLC0415 - start-up time

        print(to_json(reply.data), file=out)
    else:
        print(reply.text if reply.verbatim else clean(reply.text, keep="\n"), file=out)


def say(line: str) -> None:
    """Print ``line`` on standard error, cleaned for the terminal (a note, a rejected row)."""
    print(clean(line, keep="\n"), file=sys.stderr)


def interrupted_reply() -> Reply:
    """The one line (or JSON error) printed when the user pressed Ctrl-C."""
    detail = ErrorDetail("KeyboardInterrupt", "interrupted", None, None, None)
    return Reply(ErrorReport(detail), "qsdomain: interrupted", EXIT_INTERRUPTED)


def _shown(value: object) -> str | None:
    """A received value for a JSON error: text as is, dates in ISO 8601, others by ``str``."""
    if value is None:
        return None
    shown = value.isoformat() if isinstance(value, date) else str(value)
    return shown if len(shown) <= _VALUE_MAX else shown[: _VALUE_MAX - 3] + "..."


def error_reply(exc: QSDomainError | UsageError | OSError) -> Reply:
    """The one-line error for ``exc``, as text and as a JSON error object."""
    if isinstance(exc, UsageError):
        detail = ErrorDetail("UsageError", exc.message, exc.field, None, None)
        return Reply(ErrorReport(detail), f"qsdomain: error: {exc.message}")
    if isinstance(exc, OSError):  # a file named on the command line cannot be read or written
        reason = exc.strerror or type(exc).__name__
        message = reason if exc.filename is None else f"{reason}: {exc.filename!r}"
        message = " ".join(message.split())
        detail = ErrorDetail(type(exc).__name__, message, None, _shown(exc.filename), None)
        return Reply(ErrorReport(detail), f"qsdomain: error: {message}")
    message = " ".join(str(exc).split())  # one line, whatever the message holds
    field = value = allowed = None
    if isinstance(exc, InvalidInputError):
        field, value, allowed = exc.field, exc.value, exc.allowed
    elif isinstance(exc, NotCoveredError):
        field, value, allowed = exc.what, exc.value, exc.covered
    detail = ErrorDetail(type(exc).__name__, message, field, _shown(value), allowed)
    kind = "not covered" if isinstance(exc, NotCoveredError) else "error"
    return Reply(ErrorReport(detail), f"qsdomain: {kind}: {message}")


_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def day_text(day: date) -> str:
    """A date as the text output shows it: ``2026-10-13 (Tuesday)``."""
    return f"{day.isoformat()} ({_WEEKDAYS[day.weekday()]})"


def table(columns: Sequence[tuple[str, int]], rows: Iterable[Sequence[object]]) -> list[str]:
    """A right-aligned text table: a header of ``(title, width)`` columns, then the rows, each
    cell cleaned for the terminal (one character for one: the widths still hold)."""
    lines = [" ".join(f"{title:>{width}}" for title, width in columns)]
    lines.extend(
        " ".join(
            f"{clean(str(cell)):>{width}}" for cell, (_, width) in zip(row, columns, strict=True)
        )
        for row in rows
    )
    return lines
