"""The ``qsdomain`` command line: the library's rules on a terminal, as text or ``--json``.

>>> main(["calendar", "add", "2026-09-30", "5"])
2026-10-13 (Tuesday): working day 5 after 2026-09-30
0

Each family of commands is one module of this package (``calendar``, ``term``, ``sampling``,
``metrology``, ``licences``, ``commitments``, ``desk``) whose ``FAMILY`` registers its
subcommands; the module name is the command word. Bad input of any kind prints one line on
standard error (a JSON object with ``--json``) and exits with status 2, never a traceback; a
ledger command that rejected some rows exits with status 1; Ctrl-C prints ``qsdomain:
interrupted`` and exits with status 130. Text reaches the terminal cleaned of escape sequences,
controls and bidi overrides (:mod:`qsdomain._terminal`). See docs/cli.md.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from qsdomain import __version__
from qsdomain.cli._family import Commands, Family, Handler, Parser
from qsdomain.cli._output import (
    EXIT_ERROR,
    EXIT_OK,
    UsageError,
    emit,
    error_reply,
    interrupted_reply,
)
from qsdomain.errors import QSDomainError

__all__ = ["build_parser", "main"]

#: The command families, in the order ``qsdomain --help`` lists them; each is the module
#: ``qsdomain.cli.<name>`` defining ``FAMILY``. A new family is a new module and a name here.
FAMILIES: tuple[str, ...] = (
    "calendar",
    "term",
    "sampling",
    "metrology",
    "licences",
    "commitments",
    "desk",
)

_DESCRIPTION = (
    "Rules of Chinese quality and technical supervision on the command line: working days in "
    "the official calendar, ends of terms and lead times, sampling plans of GB/T "
    "2828.1-2012, measuring-instrument ledgers and interval analysis, licence registers, and "
    "the deadlines of service cases (五办承诺). Every command takes --json."
)
_EPILOG = (
    "Exit status: 0 when the command answered, 1 when a ledger command answered but rejected "
    "some rows (each reported on standard error), 2 for any error (bad input, a date outside the "
    "calendar, a file that cannot be written), 130 after Ctrl-C; the error is one line on standard "
    "error."
)


def _family(name: str) -> Family:
    module = importlib.import_module(f"qsdomain.cli.{name}")
    family = getattr(module, "FAMILY", None)
    if not isinstance(family, Family):  # pragma: no cover - a programming error
        raise TypeError(f"qsdomain.cli.{name} defines no FAMILY")
    return family


def build_parser(only: str | None = None, action: str | None = None) -> argparse.ArgumentParser:
    """The argument parser of ``qsdomain``; with ``only``, just that family is loaded, and with
    ``action`` too, just that command of it is built (the whole family if it has no such one).

    >>> build_parser().parse_args(["term", "lead", "2026-10-31", "30", "--unit", "months"]).unit
    'months'
    """
    parser = Parser(prog="qsdomain", description=_DESCRIPTION, epilog=_EPILOG)
    parser.add_argument("--version", action="version", version=f"qsdomain {__version__}")
    top = parser.add_subparsers(dest="command", required=True, metavar="COMMAND", title="commands")
    for name in FAMILIES:
        if only is not None and name != only:
            continue  # not asked for: neither its parser nor its module (and library) is built
        family = _family(name)
        asked = action if only is not None else None
        commands = Commands(top.add_parser(name, help=family.help, description=family.help), asked)
        family.register(commands)
        if asked is not None and not commands.found:  # not one of its actions: say which are
            return build_parser(only)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``qsdomain`` with ``argv`` (default: the process arguments); returns the exit status.

    >>> main(["calendar", "is-working", "2026-02-30"])
    2
    """
    arguments = list(sys.argv[1:] if argv is None else argv)
    as_json = "--json" in arguments  # before parsing, so that usage errors honour it too
    chosen = arguments[0] if arguments and arguments[0] in FAMILIES else None
    action = arguments[1] if chosen is not None and len(arguments) > 1 else None
    try:
        args = build_parser(chosen, action).parse_args(arguments)
        as_json = bool(args.json)
        handler: Handler = args.handler
        reply = handler(args)
        emit(reply, as_json=as_json)
    except SystemExit as exc:  # --help and --version print, then exit with status 0
        return exc.code if isinstance(exc.code, int) else EXIT_OK
    except BrokenPipeError:  # pragma: no cover - e.g. `qsdomain ... | head`
        return EXIT_OK
    except (QSDomainError, UsageError, OSError) as exc:
        emit(error_reply(exc), as_json=as_json, stream=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:  # Ctrl-C: an import in progress has rolled back; one line, no trace
        stopped = interrupted_reply()
        emit(stopped, as_json=as_json, stream=sys.stderr)
        return stopped.status
    return reply.status
