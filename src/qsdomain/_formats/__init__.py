"""Ledger formats (台账格式): the columns, Chinese headers and row builders of each family's ledger.

Private to the library's edges: the command line (:mod:`qsdomain.cli`) and the desk
(:mod:`qsdomain.desk`) read the same files with the same rules, so a row the command line
refuses is refused by ``desk import`` with the same message. Rule families never import this.
"""

from __future__ import annotations

from typing import Protocol

from qsdomain.ledgers import RowRejected

__all__ = ["RejectSink"]


class RejectSink(Protocol):
    """Where a reader puts a rejected row (the CLI's ``Rejects``, the desk's import log)."""

    def add(self, rejected: RowRejected) -> None:
        """Record one rejected row."""
