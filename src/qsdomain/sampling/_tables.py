"""The printed tables of GB/T 2828.1-2012 (≡ ISO 2859-1:1999), read: code letters, AQLs, arrows.

Everything here works on the plain cells of :mod:`qsdomain.sampling._gbt2828_1_2012`; the plan
objects built from them live in :mod:`qsdomain.sampling._plans` (which checks every labelled
plan against :func:`resolve`) and :mod:`qsdomain.sampling._lot_plan`.

>>> resolve("A", AQLS.index("1.0"), Severity.NORMAL, Scheme.SINGLE)   # ↓ to letter E
(<Scheme.SINGLE: 'single'>, 'E', ((13, 0, 1),))
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Mapping
from decimal import Decimal
from numbers import Integral
from typing import Any, Protocol, TypeAlias

import attrs

from qsdomain._checks import texts, v_flag
from qsdomain.errors import InvalidInputError, NotCoveredError
from qsdomain.sampling import _gbt2828_1_2012 as gbt
from qsdomain.sampling._severity import Scheme, Severity

__all__ = [
    "AQLS",
    "TableSource",
    "check_labels",
    "check_level",
    "check_lot_size",
    "code_letter",
    "normalize_aql",
    "resolve",
    "table_letters",
    "table_name",
    "table_source",
]

AQLS = gbt.AQLS

#: A resolved cell: the scheme finally used, its code letter, and its stages as (n, Ac, Re).
Resolved: TypeAlias = tuple[Scheme, str, tuple[tuple[int, int | None, int], ...]]

_AQL_VALUES = tuple((Decimal(a), a) for a in gbt.AQLS)
# Fast path for the usual spellings: the canonical strings and the floats they denote.
_AQL_FAST: dict[object, str] = {**{a: a for a in gbt.AQLS}, **{float(a): a for a in gbt.AQLS}}
_LARGEST_AQL = 1000
_ALLOWED_AQLS = f"one of {', '.join(gbt.AQLS)}"
#: An AQL written as a plain decimal number: no sign, exponent, underscore, NaN or infinity.
_AQL_SPELLING = re.compile(r"[0-9]{1,4}(?:\.[0-9]{1,6})?")
_LEVEL_ALIASES = {lvl.replace("-", ""): lvl for lvl in gbt.LEVELS}
_ALLOWED_LEVELS = f"one of {', '.join(gbt.LEVELS)}"
_LOT_LOWS = [low for low, _, _ in gbt.LOT_SIZE_CODE_LETTERS]
_TABLE_NUMBER = {Scheme.SINGLE: "2", Scheme.DOUBLE: "3", Scheme.MULTIPLE: "4"}
_TABLE_SUFFIX = {Severity.NORMAL: "A", Severity.TIGHTENED: "B", Severity.REDUCED: "C"}
_TABLES = {Scheme.SINGLE: gbt.SINGLE, Scheme.DOUBLE: gbt.DOUBLE, Scheme.MULTIPLE: gbt.MULTIPLE}
#: The code letters with a row in each table, by (scheme, severity): read once, not per call.
_LETTERS = {
    (scheme, severity): "".join(table[severity.value])
    for scheme, table in _TABLES.items()
    for severity in Severity
}
_SIZES = {
    Scheme.SINGLE: gbt.SINGLE_SAMPLE_SIZES,
    Scheme.DOUBLE: gbt.DOUBLE_SAMPLE_SIZES,
    Scheme.MULTIPLE: gbt.MULTIPLE_SAMPLE_SIZES,
}
#: The names of the nine plan tables, "2-A" ... "4-C".
TABLE_NAMES = frozenset(f"{n}-{s}" for n in "234" for s in "ABC")


def _aql_number(aql: object) -> Decimal | None:
    """The number an AQL spelling denotes, or ``None`` if it is no plain finite number."""
    if isinstance(aql, str):
        spelled = aql.strip()
        return Decimal(spelled) if _AQL_SPELLING.fullmatch(spelled) else None
    if isinstance(aql, Decimal):
        return aql if aql.is_finite() else None
    if isinstance(aql, bool):
        return None
    if isinstance(aql, Integral):
        number = int(aql)
        return Decimal(number) if 0 < number <= _LARGEST_AQL else None
    if isinstance(aql, float):
        # float's own repr: a subclass (numpy.float64) may print itself as "np.float64(1.5)".
        return Decimal(float.__repr__(aql)) if 0 < aql <= _LARGEST_AQL else None  # NaN fails
    return None


def normalize_aql(aql: object) -> str:
    """The canonical spelling of an AQL (接收质量限) from the preferred series of the tables.

    >>> normalize_aql(1), normalize_aql("0.4"), normalize_aql(0.065), normalize_aql("1000")
    ('1.0', '0.40', '0.065', '1000')
    >>> normalize_aql(0.3)
    Traceback (most recent call last):
    ...
    qsdomain.errors.InvalidInputError: aql must be one of 0.010, 0.015, ..., 650, 1000, got 0.3

    A string must be a plain decimal number: ``"1_5"``, ``"1e1"``, ``"sNaN"`` are refused.
    A ``float`` is read as the decimal it prints as, and so is any subclass of ``float``
    (``numpy.float64``); a whole number may be any :class:`numbers.Integral` (``numpy.int64``),
    never a ``bool``. Other real types are refused with the same error, ``numpy.float32``
    among them: its 0.65 is 0.64999997..., not an AQL of the tables (convert with ``float``
    or pass the AQL as text).

    >>> class Measured(float):  # as numpy.float64, whose repr is "np.float64(1.5)"
    ...     def __repr__(self):
    ...         return f"Measured({float(self)})"
    >>> normalize_aql(Measured(1.5))
    '1.5'
    """
    if aql.__class__ in (str, float):
        fast = _AQL_FAST.get(aql)
        if fast is not None:
            return fast
    value = _aql_number(aql)
    if value is not None:
        for number, spelling in _AQL_VALUES:
            if value == number:
                return spelling
    raise InvalidInputError("aql", aql, _ALLOWED_AQLS)


def check_level(level: object) -> str:
    """The canonical name of an inspection level (检验水平): ``"ii"`` and ``"S2"`` are accepted.

    >>> check_level("s2"), check_level("II")
    ('S-2', 'II')
    """
    if isinstance(level, str) and len(level) <= 8:
        key = level.strip().upper().replace("-", "")
        if key in _LEVEL_ALIASES:
            return _LEVEL_ALIASES[key]
    raise InvalidInputError("level", level, _ALLOWED_LEVELS)


def check_lot_size(value: object) -> int:
    """``value`` as a lot size: a whole number of items, at least 2 (Table 1 starts at 2).

    >>> check_lot_size(2000)
    2000
    """
    # int first (a C-level test); any other Integral (numpy.int64) comes back as int.
    if isinstance(value, (int, Integral)):
        number = int(value)
        if number >= 2 and not isinstance(value, bool):
            return number
    raise InvalidInputError("lot_size", value, "a whole number of items >= 2 (Table 1 starts at 2)")


def code_letter(lot_size: int, level: str = "II") -> str:
    """The sample size code letter (样本量字码) for a lot, from GB/T 2828.1-2012 Table 1.

    ``level`` is one of the general inspection levels ``"I" "II" "III"`` (一般检验水平; II
    unless the responsible authority says otherwise) or the special levels ``"S-1"`` to
    ``"S-4"`` (特殊检验水平).

    >>> code_letter(1000), code_letter(1000, "S-2"), code_letter(500001, "III")
    ('J', 'C', 'R')
    """
    return table1_letter(check_lot_size(lot_size), check_level(level))


def table1_letter(size: int, level: str) -> str:
    """:func:`code_letter` for a checked lot size and a canonical level name."""
    # The bands are contiguous from 2 upwards: the band is the last one starting at or below N.
    band = gbt.LOT_SIZE_CODE_LETTERS[bisect.bisect_right(_LOT_LOWS, size) - 1]
    return band[2][gbt.LEVELS.index(level)]


def table_name(scheme: Scheme, severity: Severity) -> str:
    """The number of the table that holds plans of ``scheme`` for ``severity``.

    >>> table_name(Scheme.DOUBLE, Severity.TIGHTENED)
    '3-B'
    """
    return f"{_TABLE_NUMBER[scheme]}-{_TABLE_SUFFIX[severity]}"


def table_letters(scheme: Scheme, severity: Severity) -> str:
    """The code letters that have a row in the table for ``scheme`` and ``severity``.

    >>> table_letters(Scheme.SINGLE, Severity.TIGHTENED)
    'ABCDEFGHJKLMNPQRS'
    """
    return _LETTERS[scheme, severity]


def _follow(
    table: Mapping[str, tuple[Any, ...]], letter: str, column: int, where: str
) -> tuple[str, Any]:
    """Follow arrows within a column: the first plan in the arrow's direction replaces the
    row's plan, code letter and sample size (GB/T 2828.1-2012 Tables 2-4, keys to the arrows)."""
    order = list(table)
    index = order.index(letter)
    cell = table[letter][column]
    while cell in (gbt.DOWN, gbt.UP):
        index += 1 if cell == gbt.DOWN else -1
        if not 0 <= index < len(order):
            raise NotCoveredError(  # pragma: no cover - the table tests walk every arrow
                "arrow", f"{where}, letter {letter}, AQL {gbt.AQLS[column]}", "a plan in the column"
            )
        letter = order[index]
        cell = table[letter][column]
    if cell == gbt.BLANK:
        raise NotCoveredError(
            "plan", f"{where}, letter {letter}, AQL {gbt.AQLS[column]}", "a printed cell"
        )
    return letter, cell


@functools.cache
def resolve(letter: str, column: int, severity: Severity, scheme: Scheme) -> Resolved:
    """The plan the tables give for a code letter with a row in the scheme's table (or in the
    single table, for rows the others lack, such as row S) and an AQL column: arrows followed,
    ``*`` sent to the single table and ``++`` to the double table (keys to Tables 3 and 4).

    >>> resolve("J", AQLS.index("2.5"), Severity.NORMAL, Scheme.DOUBLE)
    (<Scheme.DOUBLE: 'double'>, 'J', ((50, 2, 5), (50, 6, 7)))
    """
    table = _TABLES[scheme][severity.value]
    if letter not in table:  # no such row in this table (e.g. row S): use the single plan
        return resolve(letter, column, severity, Scheme.SINGLE)
    where = f"Table {table_name(scheme, severity)}"
    found, cell = _follow(table, letter, column, where)
    if cell == gbt.USE_SINGLE:
        return resolve(found, column, severity, Scheme.SINGLE)
    if cell == gbt.USE_DOUBLE:
        return resolve(found, column, severity, Scheme.DOUBLE)
    n = _SIZES[scheme][severity.value][found]
    if scheme is Scheme.SINGLE:
        ac, re_ = cell
        return (scheme, found, ((n, ac, re_),))
    return (scheme, found, tuple((n, ac, re_) for ac, re_ in cell))


def _doubts(value: object) -> tuple[str, ...]:
    return texts("table_source.doubts", value, max_items=2)


def _check_table(_: object, __: attrs.Attribute[str], value: object) -> None:
    if not isinstance(value, str) or value not in TABLE_NAMES:
        raise InvalidInputError(
            "table_source.table", value, f"one of {', '.join(sorted(TABLE_NAMES))}"
        )


@attrs.frozen
class TableSource:
    """Where a plan from the tables comes from, and how sure that transcription is.

    >>> from qsdomain.sampling import plan
    >>> table_source(plan("J", "1.0")).verified
    True
    >>> src = table_source(plan("J", "1.0", "reduced", "multiple"))
    >>> src.table, src.single_source, src.verified
    ('4-C', True, False)

    Attributes:
        table: the table of GB/T 2828.1-2012 the plan was read from ("2-A" ... "4-C").
        single_source: the table could be checked against one public transcription only
            (see docs/sampling-tables.md); Tables 3 and 4 are in that state.
        doubts: reasons this particular cell or sample size is in doubt (empty if none; at
            most two: one for the cell, one for the sample size).
    """

    table: str = attrs.field(validator=_check_table)
    single_source: bool = attrs.field(validator=v_flag())
    doubts: tuple[str, ...] = attrs.field(converter=_doubts)

    @property
    def verified(self) -> bool:
        """Checked against at least two independent sources, with no recorded doubt.

        >>> TableSource("2-A", single_source=False, doubts=()).verified
        True
        """
        return not self.single_source and not self.doubts


class _Labelled(Protocol):
    """What :func:`table_source` reads of a plan (a ``SamplingPlan``; typed by its shape so
    that this module, which ``_plans`` imports, need not import ``_plans`` back)."""

    @property
    def scheme(self) -> Scheme: ...


def table_source(chosen: _Labelled) -> TableSource:
    """The table a plan from :func:`~qsdomain.sampling.plan` came from and how sure its
    transcription is.

    >>> from qsdomain.sampling import plan
    >>> table_source(plan("K", "1.5", scheme="double")).table
    '3-A'

    A plan is labelled (code letter, AQL, severity) only if it equals the tables' plan for
    those labels, so the source of a labelled plan is always the true one.
    """
    letter = getattr(chosen, "code_letter", None)
    aql = getattr(chosen, "aql", None)
    severity = getattr(chosen, "severity", None)
    if letter is None or aql is None or severity is None:
        raise InvalidInputError("plan", chosen, "a plan from the GB/T 2828.1-2012 tables")
    table = table_name(chosen.scheme, severity)
    doubts = [
        reason
        for reason in (
            gbt.UNCERTAIN_CELLS.get((table, letter, aql)),
            gbt.UNCERTAIN_SAMPLE_SIZES.get((table, letter)),
        )
        if reason
    ]
    return TableSource(table, table in gbt.SINGLE_SOURCE_TABLES, tuple(doubts))


def check_labels(
    scheme: Scheme,
    stages: tuple[tuple[int, int | None, int], ...],
    letter: object,
    aql: object,
    severity: object,
) -> None:
    """Refuse labels that are malformed or name a table cell whose plan is not ``stages``.

    A plan carries a code letter, AQL and severity only as a plan from the tables: all three
    or none, and then equal to what the table prints at exactly that row and column.

    >>> check_labels(Scheme.SINGLE, ((125, 4, 5),), "K", "1.5", Severity.NORMAL)
    Traceback (most recent call last):
    ...
    qsdomain.errors.InvalidInputError: plan must be the plan Table 2-A gives at code letter K, ...
    """
    if letter is None and aql is None and severity is None:
        return
    if not isinstance(severity, Severity):
        raise InvalidInputError("plan.severity", severity, "a Severity when the plan is labelled")
    if not (isinstance(aql, str) and aql in gbt.AQLS):
        raise InvalidInputError("plan.aql", aql, f"an AQL in canonical spelling, {_ALLOWED_AQLS}")
    letters = table_letters(scheme, severity)
    if not (isinstance(letter, str) and len(letter) == 1 and letter in letters):
        raise InvalidInputError(
            "plan.code_letter", letter, f"a code letter of Table {table_name(scheme, severity)}: "
            f"one of {', '.join(letters)}",
        )  # fmt: skip
    found = resolve(letter, gbt.AQLS.index(aql), severity, scheme)
    if found != (scheme, letter, stages):
        sch, at, expected = found
        shown = "; ".join(f"n = {n}, Ac = {'#' if ac is None else ac}, Re = {re_}"
                          for n, ac, re_ in expected)  # fmt: skip
        raise InvalidInputError(
            "plan",
            f"a {scheme.value} plan labelled {letter}, AQL {aql}, {severity.value}: {stages}",
            f"the plan Table {table_name(scheme, severity)} gives at code letter {letter}, AQL "
            f"{aql}: the {sch.value} plan of letter {at} ({shown})",
        )
