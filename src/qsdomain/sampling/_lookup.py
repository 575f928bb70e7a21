"""Plan look-up in GB/T 2828.1-2012 (≡ ISO 2859-1:1999): code letters, arrows, redirections."""

from __future__ import annotations

import bisect
import functools
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

import attrs

from qsdomain._checks import enum_member
from qsdomain.errors import InvalidInputError, NotCoveredError
from qsdomain.sampling import _gbt2828_1_2012 as gbt
from qsdomain.sampling._plans import (
    DoubleSamplingPlan,
    MultipleSamplingPlan,
    SamplingPlan,
    SingleSamplingPlan,
    Stage,
)
from qsdomain.sampling._types import Scheme, Severity

__all__ = [
    "LotPlan",
    "TableSource",
    "code_letter",
    "normalize_aql",
    "plan",
    "plan_for",
    "table_source",
]

_AQL_VALUES = tuple((Decimal(a), a) for a in gbt.AQLS)
# Fast path for the usual spellings: the canonical strings and the floats they denote.
_AQL_FAST: dict[object, str] = {**{a: a for a in gbt.AQLS}, **{float(a): a for a in gbt.AQLS}}
_ALLOWED_AQLS = ", ".join(gbt.AQLS)
_LEVEL_ALIASES = {lvl.replace("-", ""): lvl for lvl in gbt.LEVELS}
_LEVEL_FAST = frozenset(gbt.LEVELS)
_LOT_LOWS = [low for low, _, _ in gbt.LOT_SIZE_CODE_LETTERS]


def normalize_aql(aql: object) -> str:
    """The canonical spelling of an AQL (接收质量限) from the preferred series of the tables.

    >>> normalize_aql(1), normalize_aql("0.4"), normalize_aql(0.065), normalize_aql("1000")
    ('1.0', '0.40', '0.065', '1000')
    >>> normalize_aql(0.3)
    Traceback (most recent call last):
    ...
    qsdomain.errors.InvalidInputError: aql must be one of 0.010, 0.015, ..., 650, 1000, got 0.3
    """
    if aql.__class__ in (str, float):
        fast = _AQL_FAST.get(aql)
        if fast is not None:
            return fast
    if isinstance(aql, bool) or not isinstance(aql, (str, int, float, Decimal)):
        raise InvalidInputError("aql", aql, f"one of {_ALLOWED_AQLS}")
    try:
        value = Decimal(aql.strip() if isinstance(aql, str) else str(aql))
    except InvalidOperation:
        raise InvalidInputError("aql", aql, f"one of {_ALLOWED_AQLS}") from None
    for number, spelling in _AQL_VALUES:
        if value == number:
            return spelling
    raise InvalidInputError("aql", aql, f"one of {_ALLOWED_AQLS}")


def _level(level: object) -> str:
    if level in _LEVEL_FAST:
        return level  # type: ignore[return-value,unused-ignore]
    if isinstance(level, str):
        key = level.strip().upper().replace("-", "")
        if key in _LEVEL_ALIASES:
            return _LEVEL_ALIASES[key]
    raise InvalidInputError("level", level, f"one of {', '.join(gbt.LEVELS)}")


def _lot_size(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 2:
        raise InvalidInputError(
            "lot_size", value, "a whole number of items >= 2 (Table 1 starts at 2)"
        )
    return value


def code_letter(lot_size: int, level: str = "II") -> str:
    """The sample size code letter (样本量字码) for a lot, from GB/T 2828.1-2012 Table 1.

    ``level`` is one of the general inspection levels ``"I" "II" "III"`` (一般检验水平; II
    unless the responsible authority says otherwise) or the special levels ``"S-1"`` to
    ``"S-4"`` (特殊检验水平).

    >>> code_letter(1000), code_letter(1000, "S-2"), code_letter(500001, "III")
    ('J', 'C', 'R')
    """
    size = _lot_size(lot_size)
    column = gbt.LEVELS.index(_level(level))
    # The bands are contiguous from 2 upwards: the band is the last one starting at or below N.
    return gbt.LOT_SIZE_CODE_LETTERS[bisect.bisect_right(_LOT_LOWS, size) - 1][2][column]


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
                "arrow",
                f"{where}, letter {letter}, AQL {gbt.AQLS[column]}",
                "a plan in the column",
            )
        letter = order[index]
        cell = table[letter][column]
    if cell == gbt.BLANK:
        raise NotCoveredError(
            "plan", f"{where}, letter {letter}, AQL {gbt.AQLS[column]}", "a printed cell"
        )
    return letter, cell


def _check_letter(letter: object, table: Mapping[str, tuple[Any, ...]], what: str) -> str:
    if isinstance(letter, str) and letter.strip().upper() in table:
        return letter.strip().upper()
    letters = "".join(table)
    raise InvalidInputError("code_letter", letter, f"one of {letters[0]}-{letters[-1]} for {what}")


def plan(
    code_letter: str,
    aql: str | float,
    severity: str | Severity = "normal",
    scheme: str | Scheme = "single",
) -> SamplingPlan:
    """The sampling plan (抽样方案) for a code letter and AQL, with the arrows already followed.

    An arrow sends you to the first plan below (↓) or above (↑) it in the same column; that
    plan's code letter and sample size replace the row's. Where a double or multiple table
    prints ``*`` the corresponding single plan is used, and where a multiple table prints
    ``++`` the corresponding double plan (keys to GB/T 2828.1-2012 Tables 3 and 4).

    >>> plan("J", "1.0")                      # Table 2-A: n = 80, Ac = 2, Re = 3
    SingleSamplingPlan(sample_size=80, acceptance_number=2, rejection_number=3,
                       code_letter='J', aql='1.0', severity=<Severity.NORMAL: 'normal'>)
    >>> plan("A", "1.0").code_letter          # ↓ to letter E (n = 13, Ac = 0)
    'E'
    >>> plan("J", "2.5", scheme="double").stages
    (Stage(sample_size=50, acceptance_number=2, rejection_number=5),
     Stage(sample_size=50, acceptance_number=6, rejection_number=7))
    """
    sev = enum_member("severity", Severity, severity)
    sch = enum_member("scheme", Scheme, scheme)
    column = gbt.AQLS.index(normalize_aql(aql))
    letter = _check_letter(code_letter, gbt.SINGLE[sev.value], f"{sev.value} inspection")
    return _resolve(letter, column, sev, sch)


@functools.cache
def _resolve(letter: str, column: int, sev: Severity, sch: Scheme) -> SamplingPlan:
    """The plan for a valid letter, AQL column, severity and scheme (plans are immutable, so
    each of the at most 19 x 26 x 3 x 3 answers is built once)."""
    aql = gbt.AQLS[column]
    if sch is Scheme.SINGLE:
        found, cell = _follow(gbt.SINGLE[sev.value], letter, column, f"single {sev.value}")
        ac, re = cell
        n = gbt.SINGLE_SAMPLE_SIZES[sev.value][found]
        return SingleSamplingPlan(n, ac, re, code_letter=found, aql=aql, severity=sev)
    tables = gbt.DOUBLE if sch is Scheme.DOUBLE else gbt.MULTIPLE
    table = tables[sev.value]
    if letter not in table:  # no such row in this table (e.g. row S): use the single plan
        return _resolve(letter, column, sev, Scheme.SINGLE)
    found, cell = _follow(table, letter, column, f"{sch.value} {sev.value}")
    if cell == gbt.USE_SINGLE:
        return _resolve(found, column, sev, Scheme.SINGLE)
    if cell == gbt.USE_DOUBLE:
        return _resolve(found, column, sev, Scheme.DOUBLE)
    sizes = (gbt.DOUBLE_SAMPLE_SIZES if sch is Scheme.DOUBLE else gbt.MULTIPLE_SAMPLE_SIZES)[
        sev.value
    ]
    n = sizes[found]
    stages = tuple(Stage(n, ac, re) for ac, re in cell)
    if sch is Scheme.DOUBLE:
        return DoubleSamplingPlan(stages, code_letter=found, aql=aql, severity=sev)
    return MultipleSamplingPlan(stages, code_letter=found, aql=aql, severity=sev)


_TABLE_NUMBER = {Scheme.SINGLE: "2", Scheme.DOUBLE: "3", Scheme.MULTIPLE: "4"}
_TABLE_SUFFIX = {Severity.NORMAL: "A", Severity.TIGHTENED: "B", Severity.REDUCED: "C"}


@attrs.frozen
class TableSource:
    """Where a plan from the tables comes from, and how sure that transcription is.

    >>> table_source(plan("J", "1.0")).verified
    True
    >>> src = table_source(plan("J", "1.0", "reduced", "multiple"))
    >>> src.table, src.single_source, src.verified
    ('4-C', True, False)

    Attributes:
        table: the table of GB/T 2828.1-2012 the plan was read from ("2-A" ... "4-C").
        single_source: the table could be checked against one public transcription only
            (see docs/sampling-tables.md); Tables 3 and 4 are in that state.
        doubts: reasons this particular cell or sample size is in doubt (empty if none).
    """

    table: str
    single_source: bool
    doubts: tuple[str, ...]

    @property
    def verified(self) -> bool:
        """Checked against at least two independent sources, with no recorded doubt."""
        return not self.single_source and not self.doubts


def table_source(chosen: SamplingPlan) -> TableSource:
    """The table a plan from :func:`plan` came from and how sure its transcription is."""
    if chosen.code_letter is None or chosen.aql is None or chosen.severity is None:
        raise InvalidInputError("plan", chosen, "a plan from the GB/T 2828.1-2012 tables")
    table = f"{_TABLE_NUMBER[chosen.scheme]}-{_TABLE_SUFFIX[chosen.severity]}"
    doubts = [
        reason
        for reason in (
            gbt.UNCERTAIN_CELLS.get((table, chosen.code_letter, chosen.aql)),
            gbt.UNCERTAIN_SAMPLE_SIZES.get((table, chosen.code_letter)),
        )
        if reason
    ]
    return TableSource(table, table in gbt.SINGLE_SOURCE_TABLES, tuple(doubts))


@attrs.frozen
class LotPlan:
    """What to do with one lot: the plan from the tables, and whether to inspect 100 %.

    >>> lp = plan_for(1000, "1.0")
    >>> lp.table_code_letter, lp.code_letter, lp.sample_size, lp.acceptance_number
    ('J', 'J', 80, 2)
    >>> small = plan_for(10, "1.0", level="III")    # letter C, ↓ to E: n = 13 > 10 items
    >>> small.hundred_percent, small.sample_size, small.acceptance_number
    (True, 10, 0)

    Attributes:
        lot_size: the number of items in the lot (批量) N.
        aql: the AQL, canonical spelling.
        level: the inspection level (检验水平).
        table_code_letter: the code letter Table 1 gives for the lot size and level, before
            any arrow is followed.
        plan: the plan to use (its ``code_letter`` may differ after arrows or redirections).
        hundred_percent: ``True`` when the (first) sample size equals or exceeds the lot size:
            then every item of the lot is inspected (100 %检验; key to the arrows of GB/T
            2828.1-2012 Tables 2-A to 2-C), and the plan's acceptance number still decides.
    """

    lot_size: int
    aql: str
    level: str
    table_code_letter: str
    plan: SamplingPlan
    hundred_percent: bool

    def __attrs_post_init__(self) -> None:
        _lot_size(self.lot_size)
        if normalize_aql(self.aql) != self.aql:
            raise InvalidInputError("lot_plan.aql", self.aql, "an AQL in its canonical spelling")
        if _level(self.level) != self.level:
            raise InvalidInputError("lot_plan.level", self.level, f"one of {', '.join(gbt.LEVELS)}")
        letter = code_letter(self.lot_size, self.level)
        if self.table_code_letter != letter:
            raise InvalidInputError(
                "lot_plan.table_code_letter",
                self.table_code_letter,
                f"{letter}, the Table 1 letter for this lot size and level",
            )
        expected = self.plan.stages[0].sample_size >= self.lot_size
        if self.hundred_percent is not expected:
            raise InvalidInputError(
                "lot_plan.hundred_percent",
                self.hundred_percent,
                f"{expected}: the first sample size compared with the lot size",
            )

    @property
    def code_letter(self) -> str | None:
        """The code letter of the plan actually used."""
        return self.plan.code_letter

    @property
    def sample_size(self) -> int:
        """Items to draw for the first (or only) sample: the lot size under 100 % inspection."""
        n = self.plan.stages[0].sample_size
        return self.lot_size if self.hundred_percent else n

    @property
    def acceptance_number(self) -> int | None:
        """Ac of the first (or only) stage."""
        return self.plan.stages[0].acceptance_number

    @property
    def rejection_number(self) -> int:
        """Re of the first (or only) stage."""
        return self.plan.stages[0].rejection_number

    @property
    def source(self) -> TableSource:
        """The table the plan came from and how sure its transcription is."""
        return table_source(self.plan)

    @property
    def cumulative_exceeds_lot(self) -> bool:
        """Whether the plan's later samples would need more items than the lot holds.

        The standard does not address this for double and multiple plans; where it is true,
        consider the single plan for the lot instead.
        """
        return not self.hundred_percent and self.plan.maximum_sample_size > self.lot_size


def plan_for(
    lot_size: int,
    aql: str | float,
    level: str = "II",
    severity: str | Severity = "normal",
    scheme: str | Scheme = "single",
) -> LotPlan:
    """The plan for a lot of ``lot_size`` items: Table 1 code letter, then :func:`plan`.

    >>> lp = plan_for(500, "0.65")          # Table 1 gives H; Table 2-A's ↓ leads to J
    >>> (lp.table_code_letter, lp.code_letter, lp.sample_size, lp.acceptance_number)
    ('H', 'J', 80, 1)
    >>> plan_for(5, "0.65", level="III").hundred_percent   # letter B, ↓ to n = 20 > 5 items
    True
    """
    letter = code_letter(lot_size, level)
    chosen = plan(letter, aql, severity, scheme)
    return LotPlan(
        lot_size=lot_size,
        aql=normalize_aql(aql),
        level=_level(level),
        table_code_letter=letter,
        plan=chosen,
        hundred_percent=chosen.stages[0].sample_size >= lot_size,
    )
