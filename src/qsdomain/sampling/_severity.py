"""Inspection severity and sampling scheme (GB/T 2828.1-2012 ≡ ISO 2859-1:1999 clauses 9, 10)."""

from __future__ import annotations

import enum
from typing import TypeVar

from qsdomain._checks import enum_member

__all__ = ["Scheme", "Severity", "member"]

E = TypeVar("E", "Severity", "Scheme")


class Severity(enum.Enum):
    """Inspection severity, 检验严格度 (GB/T 2828.1-2012 clause 9).

    >>> Severity("tightened")
    <Severity.TIGHTENED: 'tightened'>
    """

    NORMAL = "normal"  # 正常检验
    TIGHTENED = "tightened"  # 加严检验
    REDUCED = "reduced"  # 放宽检验


class Scheme(enum.Enum):
    """Sampling scheme by number of samples, 抽样方案类型 (GB/T 2828.1-2012 clause 10).

    >>> [s.value for s in Scheme]
    ['single', 'double', 'multiple']
    """

    SINGLE = "single"  # 一次抽样
    DOUBLE = "double"  # 二次抽样
    MULTIPLE = "multiple"  # 五次抽样 (multiple sampling has five stages in the 1999/2012 edition)


#: Each member by itself and by its value: the look-up every plan request makes.
_MEMBERS: dict[type[enum.Enum], dict[object, enum.Enum]] = {
    kind: {**{m: m for m in kind}, **{m.value: m for m in kind}} for kind in (Severity, Scheme)
}


def member(field: str, kind: type[E], value: object) -> E:
    """``value`` (a member or its value) as a member of ``kind``; otherwise the typed error of
    :func:`qsdomain._checks.enum_member` naming ``field``.

    >>> member("severity", Severity, "reduced")
    <Severity.REDUCED: 'reduced'>
    """
    try:
        return _MEMBERS[kind][value]  # type: ignore[return-value]  # the table holds kind's members
    except (KeyError, TypeError):  # TypeError: an unhashable value such as a list
        return enum_member(field, kind, value)
