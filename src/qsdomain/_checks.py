"""Input checks shared by every module: one wording for each kind of bad value."""

from __future__ import annotations

import enum
from datetime import date, datetime
from typing import TypeVar

from qsdomain.errors import InvalidInputError

__all__ = ["day", "enum_member", "whole_number"]

E = TypeVar("E", bound=enum.Enum)


def enum_member(field: str, enum_type: type[E], value: object) -> E:
    """``value`` as a member of ``enum_type``, accepting the member or its value."""
    if isinstance(value, enum_type):
        return value
    try:
        return enum_type(value)
    except ValueError:
        allowed = ", ".join(repr(m.value) for m in enum_type)
        raise InvalidInputError(field, value, f"one of {allowed}") from None


def whole_number(field: str, value: object, low: int | None = None, high: int | None = None) -> int:
    """``value`` if it is an ``int`` (not a ``bool``) within ``low``..``high``."""
    if (
        isinstance(value, int)
        and not isinstance(value, bool)
        and (low is None or value >= low)
        and (high is None or value <= high)
    ):
        return value
    if low is not None and high is not None:
        allowed = f"a whole number from {low} to {high}"
    elif low is not None:
        allowed = f"a whole number >= {low}"
    else:
        allowed = "a whole number (int)"
    raise InvalidInputError(field, value, allowed)


def day(field: str, value: object) -> date:
    """``value`` if it is a ``datetime.date`` that is not a ``datetime``."""
    if isinstance(value, datetime):
        raise InvalidInputError(field, value, "a datetime.date (a day), not a datetime")
    if isinstance(value, date):
        return value
    raise InvalidInputError(field, value, "a datetime.date")
