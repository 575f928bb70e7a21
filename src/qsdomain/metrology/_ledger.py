"""A ledger's due list and summary, from a stream of statuses.

>>> from datetime import date
>>> from qsdomain.metrology import Instrument, Verification, due_report, statuses
>>> from qsdomain.periods import Term
>>> ledger = [(Instrument(id=f"S-{m}", name="秤", interval=Term(years=1)),
...            [Verification(on=date(2025, m, 15), outcome="pass")]) for m in (1, 6, 12)]
>>> report = due_report(statuses(ledger, date(2026, 1, 20)))
>>> [s.instrument_id for s in report.due], report.summary.overdue, report.summary.current
(['S-1'], 1, 2)
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from operator import attrgetter

import attrs

from qsdomain import _checks, limits
from qsdomain.errors import InvalidInputError
from qsdomain.metrology._status import InstrumentStatus
from qsdomain.metrology._vocabulary import InstrumentState

__all__ = ["DueReport", "LedgerSummary", "due_report"]


def _count(_: object, attribute: attrs.Attribute[int], value: object) -> None:
    if value.__class__ is not int or value < 0:
        _checks.whole_number(f"summary.{attribute.name}", value, 0)


@attrs.frozen
class LedgerSummary:
    """How many rows were read and rejected, and how many are in each state.

    >>> LedgerSummary(read=3, overdue=1, current=2).read
    3

    ``rejected`` counts rows an edge reader (CSV, JSON) could not turn into an instrument;
    the library fills it with what the caller says (see :func:`due_report`).

    Attributes:
        read: rows read (statuses counted plus rejected rows).
        rejected: rows rejected before a status could be computed.
        never_verified: rows in that state; likewise the other states.
    """

    read: int = attrs.field(default=0, validator=_count)
    rejected: int = attrs.field(default=0, validator=_count)
    never_verified: int = attrs.field(default=0, validator=_count)
    current: int = attrs.field(default=0, validator=_count)
    due_soon: int = attrs.field(default=0, validator=_count)
    grace: int = attrs.field(default=0, validator=_count)
    overdue: int = attrs.field(default=0, validator=_count)
    out_of_service: int = attrs.field(default=0, validator=_count)


def _due(value: Iterable[object]) -> tuple[InstrumentStatus, ...]:
    """The due list as a tuple of statuses, checked item by item (refused past MAX_ITEMS)."""
    found: list[InstrumentStatus] = []
    for i, st in enumerate(_checks.stream("report.due", value)):
        if i >= limits.MAX_ITEMS:
            raise InvalidInputError(
                "report.due", f"more than {i} statuses", "at most MAX_ITEMS statuses"
            )
        if not isinstance(st, InstrumentStatus):
            raise InvalidInputError(f"report.due[{i}]", st, "an InstrumentStatus")
        found.append(st)
    return tuple(found)


def _summary(_: object, __: attrs.Attribute[LedgerSummary], value: object) -> None:
    if not isinstance(value, LedgerSummary):
        raise InvalidInputError("report.summary", value, "a LedgerSummary")


@attrs.frozen
class DueReport:
    """The instruments that need action, in order, and the ledger's summary.

    >>> DueReport(due=(), summary=LedgerSummary()).due
    ()

    Attributes:
        due: statuses needing action: overdue and never verified first, then grace and due
            soon (and current ones within ``within`` days, if asked), each group by due date
            then instrument id.
        summary: the counts.
    """

    due: tuple[InstrumentStatus, ...] = attrs.field(converter=_due)
    summary: LedgerSummary = attrs.field(validator=_summary)


def _key(st: InstrumentStatus) -> tuple[int, date, str]:
    """The due list's order: overdue and never verified first, then by due date and id."""
    state = st.state
    first = state is InstrumentState.OVERDUE or state is InstrumentState.NEVER_VERIFIED
    return (0 if first else 1, st.due or date.min, st.instrument_id)


#: The first part of :func:`_key` as one int: the group, then the due day's ordinal.
_GROUP = 10_000_000  # above date.max.toordinal() (3,652,059)
_MIN_DAY = date.min.toordinal()
_OVERDUE = InstrumentState.OVERDUE
_NEVER_VERIFIED = InstrumentState.NEVER_VERIFIED


_by_id = attrgetter("instrument_id")


def _rank(st: InstrumentStatus) -> int:
    """The first two parts of :func:`_key` as one int: the group, then the due day."""
    state = st.state
    day = st.due
    rank = day.toordinal() if day is not None else _MIN_DAY
    if state is not _OVERDUE and state is not _NEVER_VERIFIED:
        rank += _GROUP
    return rank


def _in_order(due: list[InstrumentStatus]) -> tuple[InstrumentStatus, ...]:
    """The statuses sorted by :func:`_key`, ties in arrival order.

    Two stable sorts (by id, then by group and due day as one int) give that order; sorting
    on one-type keys lets the interpreter compare them without the tuple and date machinery,
    several times faster on a due list of a few hundred thousand, and the list holds only
    the statuses (no key tuple per entry: less memory on a large ledger).
    """
    due.sort(key=_by_id)
    due.sort(key=_rank)
    return tuple(due)


def _trusted_report(due: tuple[InstrumentStatus, ...], summary: LedgerSummary) -> DueReport:
    """A DueReport of statuses :func:`due_report` checked one by one as they came."""
    made: DueReport = object.__new__(DueReport)
    _set_due(made, due)
    _set_summary(made, summary)
    return made


if tuple(field.name for field in attrs.fields(DueReport)) != ("due", "summary"):  # pragma: no cover
    raise TypeError("DueReport's fields changed: update _trusted_report")
_set_due = DueReport.__dict__["due"].__set__
_set_summary = DueReport.__dict__["summary"].__set__


def due_report(
    statuses: Iterable[InstrumentStatus], *, within: int | None = None, rejected: int = 0
) -> DueReport:
    """Consume a stream of statuses into a due list and a summary.

    >>> from datetime import date
    >>> from qsdomain.metrology import Instrument, Verification, statuses
    >>> from qsdomain.periods import Term
    >>> rows = [(Instrument(id="A", name="秤", interval=Term(years=1)),
    ...          [Verification(on=date(2025, 3, 1), outcome="pass")])]
    >>> due_report(statuses(rows, date(2026, 1, 20)), within=60).due[0].days_left
    39

    Only the statuses that make the list are kept (not the whole ledger). ``within`` adds
    current instruments due in at most that many days; ``rejected`` is the number of rows the
    caller's reader rejected, carried into the summary.
    """
    if within is not None:
        within = _checks.whole_number("within", within, 0, limits.MAX_METROLOGY_POLICY_DAYS)
    rejected = _checks.whole_number("rejected", rejected, 0)
    # Counted by the state's value: a str hashes from its cache, an enum member through a
    # Python-level __hash__ (a noticeable cost over a million statuses).
    counts = dict.fromkeys([state.value for state in InstrumentState], 0)
    due: list[InstrumentStatus] = []
    current = InstrumentState.CURRENT
    out_of_service = InstrumentState.OUT_OF_SERVICE
    for n, st in enumerate(_checks.stream("statuses", statuses)):
        if st.__class__ is not InstrumentStatus and not isinstance(st, InstrumentStatus):
            raise InvalidInputError(f"statuses[{n}]", st, "an InstrumentStatus")
        state = st.state
        counts[state._value_] += 1
        if state is current:
            days_left = st.days_left
            if within is None or days_left is None or days_left > within:
                continue
        elif state is out_of_service:
            continue
        due.append(st)
    if len(due) > limits.MAX_ITEMS:
        raise InvalidInputError(
            "report.due", f"more than {limits.MAX_ITEMS} statuses", "at most MAX_ITEMS statuses"
        )
    read = sum(counts.values()) + rejected
    summary = LedgerSummary(read=read, rejected=rejected, **counts)
    return _trusted_report(_in_order(due), summary)
