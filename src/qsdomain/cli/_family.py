"""How a family module plugs its subcommands into ``qsdomain``.

A family module (``calendar.py``, ``sampling.py``, ...) defines ``FAMILY = Family(name, help,
register)``; ``register`` receives a :class:`Commands` and calls :meth:`Commands.add` once per
subcommand, then adds that subcommand's arguments to the parser it gets back. A handler takes
the parsed arguments and returns a :class:`~qsdomain.cli._output.Reply`; printing, ``--json``
and errors are handled once, in :func:`qsdomain.cli.main`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import NoReturn

import attrs

from qsdomain.cli._arguments import Rejected, add_calendar_options
from qsdomain.cli._output import Reply, UsageError

Handler = Callable[[argparse.Namespace], Reply]


class Parser(argparse.ArgumentParser):
    """An argument parser that raises instead of printing usage and exiting.

    A bad argument value becomes the :class:`~qsdomain.errors.InvalidInputError` its type
    raised; anything else (unknown option, missing argument) a :class:`UsageError`.
    """

    def error(self, message: str) -> NoReturn:
        raised = sys.exc_info()[1]  # argparse calls error() while handling ArgumentError
        cause = raised.__context__ if raised is not None else None
        if isinstance(cause, Rejected):
            raise cause.error
        field = raised.argument_name if isinstance(raised, argparse.ArgumentError) else None
        where = self.prog.removeprefix("qsdomain").strip()
        hint = f" (see: {self.prog} --help)"
        raise UsageError(f"{where}: {message}{hint}" if where else f"{message}{hint}", field)


class Commands:
    """The subcommands of one family; a family's ``register`` adds each with :meth:`add`."""

    def __init__(self, family_parser: argparse.ArgumentParser, only: str | None = None) -> None:
        self._actions = family_parser.add_subparsers(
            dest="action", required=True, metavar="ACTION", title="actions"
        )
        #: With ``only``, the one action whose parser is built (start-up time): the others'
        #: arguments go to one parser that is never used, and ``found`` says whether ``only``
        #: was registered (if not, the caller builds the whole family for its error message).
        self._only = only
        self._unused: argparse.ArgumentParser | None = None
        self.found = False

    def add(
        self, name: str, help: str, handler: Handler, *, calendar: bool = False
    ) -> argparse.ArgumentParser:
        """Register subcommand ``name``; returns its parser for the command's own arguments.

        Every command gets ``--json``; ``calendar=True`` adds the options that choose the
        working calendar (read them back with :func:`qsdomain.cli._arguments.calendar_from`).
        """
        if self._only is not None and name != self._only:
            if self._unused is None:
                self._unused = argparse.ArgumentParser(add_help=False, conflict_handler="resolve")
            return self._unused
        self.found = True
        parser = self._actions.add_parser(name, help=help, description=help)
        parser.add_argument(
            "--json",
            action="store_true",
            help="print the answer as one JSON object (an error as a JSON object on stderr)",
        )
        if calendar:
            add_calendar_options(parser)
        parser.set_defaults(handler=handler)
        return parser


@attrs.frozen
class Family:
    """A family of subcommands: ``qsdomain NAME ACTION ...``.

    Attributes:
        name: the command word (``calendar``).
        help: one line shown by ``qsdomain --help``.
        register: adds the family's subcommands to the :class:`Commands` it receives.
    """

    name: str
    help: str
    register: Callable[[Commands], None]
