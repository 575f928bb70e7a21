"""The desk's answers: a report per family, its action items, totals and weekly workload.

>>> from datetime import date
>>> from qsdomain.desk import ActionItem, Family
>>> item = ActionItem(family=Family.METROLOGY, key="JL-0001", name="电子计价秤",
...                   state="overdue", due=date(2026, 11, 20), days_left=-7,
...                   reason="verification overdue since 2026-11-20")
>>> item.family.title, item.family.title_zh, item.late
('Metrology', '计量', True)

Every result is a frozen value object valid from construction, so a report read back from JSON
(:func:`qsdomain.serialization.from_json`) is checked like one computed here.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from datetime import date, timedelta
from itertools import pairwise
from typing import TypeVar

import attrs

from qsdomain import _checks, limits
from qsdomain._drafts import drafted
from qsdomain.errors import InvalidInputError, NotCoveredError

__all__ = [
    "ActionItem",
    "Family",
    "ImportSummary",
    "LineState",
    "Report",
    "Section",
    "StateTotal",
    "WeekLoad",
]

T = TypeVar("T")

#: Weeks of due workload a report charts (the issue asks for the next 12 weeks).
WEEKS = 12


class Family(enum.Enum):
    """The four rule families a bureau desk reports on, in report order."""

    METROLOGY = "metrology"  # 计量
    LICENSING = "licensing"  # 许可
    COMMITMENTS = "commitments"  # 五办承诺
    SAMPLING = "sampling"  # 抽样检验

    @property
    def title(self) -> str:
        """The section heading in English.

        >>> Family.COMMITMENTS.title
        'Service commitments'
        """
        return _TITLES[self][0]

    @property
    def title_zh(self) -> str:
        """The section heading in Chinese.

        >>> Family.SAMPLING.title_zh
        '抽样检验'
        """
        return _TITLES[self][1]


_TITLES = {
    Family.METROLOGY: ("Metrology", "计量"),
    Family.LICENSING: ("Licensing", "许可"),
    Family.COMMITMENTS: ("Service commitments", "五办承诺"),
    Family.SAMPLING: ("Sampling inspection", "抽样检验"),
}


def _family(value: object) -> Family:
    return _checks.enum_member("family", Family, value)


#: The most days two dates can be apart (0001-01-01 to 9999-12-31).
_SPAN = date.max.toordinal() - date.min.toordinal()

_TEXT = _checks.v_text()
_STATE = _checks.v_text(max_length=64)
_COUNT = _checks.v_whole(0)


@attrs.frozen(kw_only=True, weakref_slot=False)  # built by a draft: qsdomain._drafts
class ActionItem:
    """One thing on the desk that needs action: an instrument, a licence, a case or a lot.

    >>> from datetime import date
    >>> ActionItem(family=Family.LICENSING, key="XK1", name="甲厂", state="overdue_filing",
    ...            due=date(2026, 9, 14), days_left=-74,
    ...            reason="renewal not filed by 2026-09-14").days_left
    -74

    Attributes:
        family: the rule family the item belongs to.
        key: its identifier in the ledger (instrument id, licence number, case id, lot id).
        name: what it is, for a reader (instrument name, holder, service item, product line).
        state: the family's state or reason value (``overdue``, ``file_renewal``, ...).
        due: the day action is due (``None``: nothing dated, e.g. a lot not accepted).
        days_left: days from the report date to ``due``; negative when late.
        reason: one line saying why it needs action.
        provisional: whether the answer rests on provisional (not yet announced) calendar days.
    """

    family: Family = attrs.field(converter=_family)
    key: str = attrs.field(validator=_TEXT)
    name: str = attrs.field(validator=_checks.v_text(allow_empty=True))
    state: str = attrs.field(validator=_STATE)
    due: date | None = attrs.field(validator=_checks.v_day(optional=True))
    days_left: int | None = attrs.field(
        converter=_checks.as_optional_int, validator=_checks.v_whole(-_SPAN, _SPAN, optional=True)
    )
    reason: str = attrs.field(validator=_TEXT)
    provisional: bool = attrs.field(default=False, validator=_checks.v_flag())

    @property
    def late(self) -> bool:
        """Whether the due day has passed (``days_left`` below zero).

        >>> from datetime import date
        >>> ActionItem(family="sampling", key="L1", name="管件", state="not_accepted",
        ...            due=None, days_left=None, reason="lot not accepted").late
        False
        """
        return self.days_left is not None and self.days_left < 0


#: An :class:`ActionItem` of values the library computed itself (ids, states, days and reasons
#: read from the families' checked results), its fields in order, built by a draft
#: (:mod:`qsdomain._drafts`) without running the converters again: the desk builds hundreds of
#: thousands per report.
trusted_item = drafted(ActionItem)


@attrs.frozen(kw_only=True)
class StateTotal:
    """How many items of a family are in one state on the report date.

    >>> StateTotal(state="overdue", count=3)
    StateTotal(state='overdue', count=3)
    """

    state: str = attrs.field(validator=_STATE)
    count: int = attrs.field(converter=_checks.as_int, validator=_COUNT)


@attrs.frozen(kw_only=True)
class WeekLoad:
    """How many items of a family fall due in one week (Monday to Sunday) after the report date.

    >>> from datetime import date
    >>> WeekLoad(week_of=date(2026, 11, 30), count=12).count
    12
    """

    week_of: date = attrs.field(validator=_checks.v_day())
    count: int = attrs.field(converter=_checks.as_int, validator=_COUNT)

    @week_of.validator
    def _monday(self, _: attrs.Attribute[date], value: date) -> None:
        if value.weekday() != 0:
            raise InvalidInputError("week_load.week_of", value, "a Monday")


def _tuple_of(
    field: str, kind: type[T], value: object, max_items: int = limits.MAX_ITEMS
) -> tuple[T, ...]:
    found = _checks.items(field, value, max_items=max_items)
    for i, element in enumerate(found):
        if not isinstance(element, kind):
            raise InvalidInputError(f"{field}[{i}]", element, f"a {kind.__name__}")
    return found  # type: ignore[return-value]  # every element checked above


@attrs.frozen(kw_only=True)
class LineState:
    """A product line's switching state under GB/T 2828.1-2012 clause 9 after its last lot.

    >>> LineState(product="PVC管件", severity="tightened", lots=12, not_accepted=3,
    ...           last_lot="L2026-112").severity
    'tightened'

    Attributes:
        product: the product line.
        severity: ``normal``, ``tightened``, ``reduced`` or ``discontinued`` (the
            :class:`~qsdomain.sampling.Severity` value, or discontinued per 9.4).
        lots: lots of this line inspected up to the report date.
        not_accepted: how many of them were not accepted.
        last_lot: the id of the line's last lot.
    """

    product: str = attrs.field(validator=_TEXT)
    severity: str = attrs.field(validator=_STATE)
    lots: int = attrs.field(converter=_checks.as_int, validator=_COUNT)
    not_accepted: int = attrs.field(converter=_checks.as_int, validator=_COUNT)
    last_lot: str = attrs.field(validator=_TEXT)

    @not_accepted.validator
    def _within(self, _: attrs.Attribute[int], value: int) -> None:
        if value > self.lots:
            raise InvalidInputError("line_state.not_accepted", value, f"at most lots ({self.lots})")


@attrs.frozen(kw_only=True, weakref_slot=False)  # built by a draft: qsdomain._drafts
class Section:
    """One family's part of the report: items needing action, totals per state, weekly load.

    >>> s = Section(family=Family.SAMPLING, read=0, items=(), totals=(), workload=())
    >>> s.family.title, s.needing_action
    ('Sampling inspection', 0)

    Every item belongs to the section's family, and each state has one total:

    >>> from datetime import date
    >>> lot = ActionItem(family="sampling", key="L1", name="管件", state="not_accepted",
    ...                  due=None, days_left=None, reason="lot not accepted")
    >>> Section(family="metrology", read=1, items=(lot,), totals=(), workload=())
    Traceback (most recent call last):
    ...
    qsdomain.errors.InvalidInputError: section.items[0].family must be 'metrology' (the section's \
family), got 'sampling'

    Attributes:
        family: the rule family.
        read: how many ledger entries (instruments, licences, cases, lots) were read.
        items: those needing action, most urgent first; each of the section's ``family``.
        totals: every state with its count, in the family's state order; each state once.
        workload: items falling due in each of the next weeks (empty for sampling, whose lots
            have no due day).
        lines: for sampling, each product line's switching state (empty for the others).
    """

    family: Family = attrs.field(converter=_family)
    read: int = attrs.field(converter=_checks.as_int, validator=_COUNT)
    items: tuple[ActionItem, ...] = attrs.field(
        converter=_checks.as_tuple, validator=_checks.v_items(ActionItem)
    )
    totals: tuple[StateTotal, ...] = attrs.field(
        converter=_checks.as_tuple, validator=_checks.v_items(StateTotal, max_items=1000)
    )
    workload: tuple[WeekLoad, ...] = attrs.field(
        converter=_checks.as_tuple, validator=_checks.v_items(WeekLoad, max_items=WEEKS)
    )
    lines: tuple[LineState, ...] = attrs.field(
        default=(),
        converter=_checks.as_tuple,
        validator=_checks.v_items(LineState, max_items=10_000),
    )

    @items.validator
    def _of_the_family(
        self, _: attrs.Attribute[tuple[ActionItem, ...]], value: tuple[ActionItem, ...]
    ) -> None:
        family = self.family
        for i, item in enumerate(value):
            if item.family is not family:
                raise InvalidInputError(
                    f"section.items[{i}].family",
                    item.family.value,
                    f"{family.value!r} (the section's family)",
                )

    @totals.validator
    def _each_state_once(
        self, _: attrs.Attribute[tuple[StateTotal, ...]], value: tuple[StateTotal, ...]
    ) -> None:
        seen: set[str] = set()
        for i, total in enumerate(value):
            if total.state in seen:
                raise InvalidInputError(
                    f"section.totals[{i}].state",
                    total.state,
                    "a state not already counted (each once)",
                )
            seen.add(total.state)

    def __attrs_post_init__(self) -> None:
        """What every computed section satisfies (issue #18 item 14): ``read`` is the sum of the
        totals (entries refused count in a ``refused`` total), the workload is consecutive weeks,
        and only sampling has product lines, and only the others a workload. (An item's state
        is not always a totals state: a licence's item is what to do, its total its state.)"""
        counted = sum(t.count for t in self.totals)
        if self.read != counted:
            raise InvalidInputError("section.read", self.read, f"{counted} (the sum of the totals)")
        if self.family is Family.SAMPLING and self.workload:
            raise InvalidInputError("section.workload", len(self.workload), "empty for sampling")
        if self.family is not Family.SAMPLING and self.lines:
            raise InvalidInputError(
                "section.lines", len(self.lines), f"empty for {self.family.value}"
            )
        weeks = [w.week_of for w in self.workload]
        if any(b != a + timedelta(days=7) for a, b in pairwise(weeks)):
            raise InvalidInputError(
                "section.workload", [w.isoformat() for w in weeks], "consecutive weeks in order"
            )

    @property
    def needing_action(self) -> int:
        """How many items need action."""
        return len(self.items)

    def total(self, state: str) -> int:
        """The count of one state (0 when no item is in it).

        >>> Section(family="metrology", read=2, items=(), workload=(),
        ...         totals=(StateTotal(state="current", count=2),)).total("overdue")
        0
        """
        wanted = _checks.text("state", state, max_length=64)
        return next((t.count for t in self.totals if t.state == wanted), 0)


_draft_section = drafted(Section)


def trusted_section(
    *,
    family: Family,
    read: int,
    items: tuple[ActionItem, ...],
    totals: tuple[StateTotal, ...],
    workload: tuple[WeekLoad, ...],
    lines: tuple[LineState, ...] = (),
) -> Section:
    """A :class:`Section` of parts the desk computed itself, built by a draft
    (:mod:`qsdomain._drafts`) without its converters and validators: ``items`` made by
    :func:`trusted_item` for this ``family`` (a report may list hundreds of thousands),
    ``totals`` by :func:`totals_of` (each state once), ``read`` their sum, ``workload`` and
    ``lines`` checked objects. ``tests/test_desk.py`` checks that every section the desk builds
    passes the checked constructor."""
    return _draft_section(family, read, items, totals, workload, lines)


def _sections(value: object) -> tuple[Section, ...]:
    found = _tuple_of("report.sections", Section, value, len(Family))
    families = [s.family for s in found]
    if families != sorted(set(families), key=list(Family).index):
        raise InvalidInputError(
            "report.sections",
            [f.value for f in families],
            "each family at most once, in Family order",
        )
    return found


@attrs.frozen(kw_only=True)
class Report:
    """The bureau's worklist on one day: a section per family.

    >>> from datetime import date
    >>> r = Report(as_of=date(2026, 11, 27), within=30, sections=())
    >>> r.as_of, r.provisional_items
    (datetime.date(2026, 11, 27), 0)

    Attributes:
        as_of: the report date.
        within: how many days ahead "due soon" looks.
        sections: one :class:`Section` per family present, in :class:`Family` order.
    """

    as_of: date = attrs.field(validator=_checks.v_day())
    within: int = attrs.field(
        converter=_checks.as_int, validator=_checks.v_whole(0, limits.MAX_WITHIN_DAYS)
    )
    sections: tuple[Section, ...] = attrs.field(converter=_sections)

    def section(self, family: Family | str) -> Section:
        """The section of one family.

        >>> from datetime import date
        >>> Report(as_of=date(2026, 11, 27), within=30, sections=()).section("metrology")
        Traceback (most recent call last):
        ...
        qsdomain.desk._model.SectionMissingError: section 'metrology' is not covered; covered: \
a family in this report (none)
        """
        wanted = _family(family)
        for s in self.sections:
            if s.family is wanted:
                return s
        shown = ", ".join(s.family.value for s in self.sections) or "none"
        raise SectionMissingError("section", wanted.value, f"a family in this report ({shown})")

    @property
    def provisional_items(self) -> int:
        """How many items rest on provisional calendar days."""
        return sum(1 for s in self.sections for i in s.items if i.provisional)


class SectionMissingError(NotCoveredError):
    """A report has no section for the family asked for."""


@attrs.frozen(kw_only=True)
class ImportSummary:
    """What one ``import`` of a ledger file did: rows read, loaded and rejected.

    >>> ImportSummary(path="instruments.csv", table="instruments", read=3, loaded=2,
    ...               rejected=1).complete
    False

    Attributes:
        path: the file imported.
        table: the ledger it went into (``instruments``, ``licences``, ...).
        read: data rows read.
        loaded: rows stored (inserted or, on re-import, updated to the same values).
        rejected: rows refused; each is listed in the rejects file with its line and reason.
    """

    path: str = attrs.field(validator=_TEXT)
    table: str = attrs.field(validator=_STATE)
    read: int = attrs.field(converter=_checks.as_int, validator=_COUNT)
    loaded: int = attrs.field(converter=_checks.as_int, validator=_COUNT)
    rejected: int = attrs.field(converter=_checks.as_int, validator=_COUNT)

    @rejected.validator
    def _adds_up(self, _: attrs.Attribute[int], value: int) -> None:
        if self.loaded + value > self.read:
            raise InvalidInputError(
                "import_summary.rejected",
                value,
                f"at most read - loaded ({self.read} - {self.loaded})",
            )

    @property
    def complete(self) -> bool:
        """Whether every row read was loaded."""
        return self.rejected == 0


def totals_of(counts: dict[str, int], order: Iterable[str]) -> tuple[StateTotal, ...]:
    """Totals in the family's state order, then any other state in name order."""
    ordered = list(order)
    rest = sorted(k for k in counts if k not in ordered)
    return tuple(StateTotal(state=s, count=counts[s]) for s in ordered + rest if s in counts)
