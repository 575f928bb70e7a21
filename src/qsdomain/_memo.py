"""One bounded memo (备忘) for every place the library remembers answers it computed.

>>> ends = Memo(2)
>>> ends.get_or("a", lambda: 1), ends.get_or("b", lambda: 2), ends.get_or("a", lambda: 9)
(1, 2, 1)
>>> ends.get_or("c", lambda: 3), len(ends)  # full: emptied, then "c" kept
(3, 1)

A long-running process (a desk server, a batch over a province) must not grow without limit,
and a remembered answer must be exactly the answer: a :class:`Memo` holds at most ``size``
entries and empties itself when full (cheaper than keeping an order for least-recently-used
eviction, and a ledger's hot keys come back at once). Only answers are remembered: a function
that raises leaves nothing behind. Keys must be hashable and stand for the whole question (an
object's identity is a key only while the memo holds the object too).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

from qsdomain.errors import InvalidInputError

__all__ = ["Memo"]

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Memo(dict[K, V], Generic[K, V]):
    """A dict of at most ``size`` remembered answers, emptied when full.

    >>> m: Memo[int, int] = Memo(1 << 16)
    >>> m.get_or(3, lambda: 3 * 3)
    9

    Read it as a dict (``m.get(key)``, ``key in m``); add through :meth:`put` or
    :meth:`get_or`, which keep the bound.
    """

    __slots__ = ("size",)

    def __init__(self, size: int) -> None:
        if size.__class__ is not int or size < 1:
            raise InvalidInputError("size", size, "a whole number >= 1")
        super().__init__()
        self.size = size

    def put(self, key: K, value: V) -> V:
        """Remember ``value`` for ``key`` (emptying the memo first if it is full); return it."""
        if len(self) >= self.size:
            self.clear()
        self[key] = value
        return value

    def get_or(self, key: K, make: Callable[[], V]) -> V:
        """The remembered answer for ``key``, or ``make()`` remembered and returned."""
        found = self.get(key, _MISSING)
        if found is _MISSING:
            return self.put(key, make())
        return found  # type: ignore[return-value]


_MISSING: object = object()
