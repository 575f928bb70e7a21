"""Good calls of every public callable, gathered from one module per family.

Each ``tests/good_calls_<family>.py`` exports ``GOOD_CALLS``: for each public function,
constructor and method (by its dotted name without ``qsdomain.``), one call that succeeds.
``tests/test_misuse.py`` then replaces one argument at a time by wrong-typed, out-of-range and
huge values. A new family adds its own module; nothing else needs to change.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any, NamedTuple

__all__ = ["AWARE", "NAIVE", "Call", "D", "all_good_calls"]

D = date(2026, 11, 27)
AWARE = datetime(2026, 11, 27, 10, 0, tzinfo=timezone(timedelta(hours=8)))
NAIVE = datetime(2026, 11, 27, 10, 0)  # noqa: DTZ001 - a naive datetime is the misuse


class Call(NamedTuple):
    """A call that succeeds: the callable, its positional and its keyword arguments."""

    target: Callable[..., Any]
    args: tuple[Any, ...] = ()
    kwargs: dict[str, Any] = {}  # noqa: RUF012 - never mutated


def all_good_calls() -> dict[str, Call]:
    """The union of every ``good_calls_<family>.GOOD_CALLS`` (a name registered twice fails)."""
    found: dict[str, Call] = {}
    for path in sorted(Path(__file__).parent.glob("good_calls_*.py")):
        module = importlib.import_module(path.stem)
        twice = set(found) & set(module.GOOD_CALLS)
        assert not twice, f"registered twice: {sorted(twice)}"
        found.update(module.GOOD_CALLS)
    return found
