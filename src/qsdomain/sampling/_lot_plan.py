"""The plan for a lot: a code letter and AQL to a plan object, a lot size to a :class:`LotPlan`."""

from __future__ import annotations

import functools

import attrs

from qsdomain._checks import as_int, flag
from qsdomain._drafts import drafted
from qsdomain.errors import InvalidInputError
from qsdomain.sampling import _gbt2828_1_2012 as gbt
from qsdomain.sampling._plans import (
    DoubleSamplingPlan,
    MultipleSamplingPlan,
    SamplingPlan,
    SingleSamplingPlan,
    Stage,
)
from qsdomain.sampling._severity import Scheme, Severity, member
from qsdomain.sampling._tables import (
    TableSource,
    check_level,
    check_lot_size,
    code_letter,
    normalize_aql,
    resolve,
    table1_letter,
    table_letters,
    table_source,
)

__all__ = ["LotPlan", "plan", "plan_for"]


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
    sev = member("severity", Severity, severity)
    sch = member("scheme", Scheme, scheme)
    column = gbt.AQLS.index(normalize_aql(aql))
    letters = table_letters(Scheme.SINGLE, sev)
    letter = code_letter.strip().upper() if isinstance(code_letter, str) else None
    if letter is None or len(letter) != 1 or letter not in letters:
        raise InvalidInputError(
            "code_letter",
            code_letter,
            f"one of {letters[0]}-{letters[-1]} for {sev.value} inspection",
        )
    return _build(letter, column, sev.value, sch.value)


@functools.cache
def _build(letter: str, column: int, severity: str, scheme: str) -> SamplingPlan:
    """The plan object for a resolved cell (plans are immutable, so each of the at most
    17 x 26 x 3 x 3 answers is built once; keyed by the members' values, which hash fast)."""
    sev, sch = Severity(severity), Scheme(scheme)
    found_scheme, found, stages = resolve(letter, column, sev, sch)
    labels = {"code_letter": found, "aql": gbt.AQLS[column], "severity": sev}
    if found_scheme is Scheme.SINGLE:
        ((n, ac, re_),) = stages
        return SingleSamplingPlan(n, ac, re_, **labels)  # type: ignore[arg-type]
    built = tuple(Stage(n, ac, re_) for n, ac, re_ in stages)
    if found_scheme is Scheme.DOUBLE:
        return DoubleSamplingPlan(built, **labels)  # type: ignore[arg-type]
    return MultipleSamplingPlan(built, **labels)  # type: ignore[arg-type]


@attrs.frozen(weakref_slot=False)  # plan_for builds it by a draft: qsdomain._drafts
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

    A ``LotPlan`` you build yourself (or read from JSON) is checked against the tables: every
    field must be what :func:`plan_for` would give. :func:`plan_for` builds its own answer
    without re-deriving it (a trusted draft, :mod:`qsdomain._drafts`).
    """

    lot_size: int = attrs.field(converter=as_int)
    aql: str
    level: str
    table_code_letter: str
    plan: SamplingPlan
    hundred_percent: bool

    def __attrs_post_init__(self) -> None:
        check_lot_size(self.lot_size)
        if normalize_aql(self.aql) != self.aql:
            raise InvalidInputError("lot_plan.aql", self.aql, "an AQL in its canonical spelling")
        if check_level(self.level) != self.level:
            raise InvalidInputError("lot_plan.level", self.level, f"one of {', '.join(gbt.LEVELS)}")
        letter = code_letter(self.lot_size, self.level)
        if self.table_code_letter != letter:
            raise InvalidInputError(
                "lot_plan.table_code_letter",
                self.table_code_letter,
                f"{letter}, the Table 1 letter for this lot size and level",
            )
        self._check_plan(letter)
        expected = self.plan.stages[0].sample_size >= self.lot_size
        if flag("lot_plan.hundred_percent", self.hundred_percent) is not expected:
            raise InvalidInputError(
                "lot_plan.hundred_percent",
                self.hundred_percent,
                f"{expected}: the first sample size compared with the lot size",
            )

    def _check_plan(self, letter: str) -> None:
        """The plan must be what :func:`plan` gives for the Table 1 letter and the AQL, for its
        own severity and some scheme (a double or multiple table may send you to a single or
        double plan, so the plan's scheme need not be the one asked for)."""
        chosen: object = self.plan
        if not isinstance(chosen, (SingleSamplingPlan, DoubleSamplingPlan, MultipleSamplingPlan)):
            raise InvalidInputError("lot_plan.plan", chosen, "a sampling plan from the tables")
        if chosen.severity is None or chosen.aql != self.aql:
            raise InvalidInputError(
                "lot_plan.plan", chosen, f"a plan from the tables labelled with AQL {self.aql}"
            )
        column = gbt.AQLS.index(self.aql)
        severity = chosen.severity.value
        if not any(_build(letter, column, severity, s.value) == chosen for s in Scheme):
            raise InvalidInputError(
                "lot_plan.plan",
                chosen,
                f"the plan GB/T 2828.1-2012 gives for code letter {letter}, AQL {self.aql}, "
                f"{chosen.severity.value} inspection (any scheme)",
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
    size = check_lot_size(lot_size)  # numpy.int64 as int: no numpy bool in the plan
    name = check_level(level)
    letter = table1_letter(size, name)
    chosen = plan(letter, aql, severity, scheme)
    # Every field is the tables' own answer for checked inputs: built without re-deriving it.
    return _trusted_lot_plan(
        size, chosen.aql, name, letter, chosen, chosen.stages[0].sample_size >= size
    )


#: LotPlan from values plan_for derived (every field, in order; no converter, no check).
_trusted_lot_plan = drafted(LotPlan)
