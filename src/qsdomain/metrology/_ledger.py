"""Many instruments at once: statuses streamed, the worklist, a ledger's due list and summary.

>>> from datetime import date
>>> from qsdomain.metrology import Instrument, Verification, due_report, statuses
>>> from qsdomain.periods import Term
>>> ledger = [(Instrument(id=f"S-{m}", name="秤", interval=Term(years=1)),
...            [Verification(on=date(2025, m, 15), outcome="pass")]) for m in (1, 6, 12)]
>>> report = due_report(statuses(ledger, date(2026, 1, 20)))
>>> [s.id for s in report.due], report.summary.overdue, report.summary.current
(['S-1'], 1, 2)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from datetime import date
from operator import attrgetter

import attrs

from qsdomain import _checks, defaults, limits
from qsdomain._drafts import drafted
from qsdomain.calendars import WorkingCalendar, WorkingDayCalendar
from qsdomain.errors import InvalidInputError
from qsdomain.metrology import _kernel
from qsdomain.metrology._instrument import Instrument, Policy, Verification
from qsdomain.metrology._status import InstrumentStatus, checked_options
from qsdomain.metrology._vocabulary import InstrumentState
from qsdomain.rejects import RejectSink, RowRejected

__all__ = ["DueReport", "LedgerSummary", "due_report", "ledger_report", "statuses", "worklist"]

_Items = Iterable[tuple[Instrument, Iterable[Verification]]]


def _sink(value: object) -> RejectSink | None:
    if value is None or callable(getattr(value, "add", None)):
        return value  # type: ignore[return-value]  # anything with an add method will do
    raise InvalidInputError(
        "rejects", value, "None or an object with an add(RowRejected) method (a RejectSink)"
    )


def statuses(
    items: _Items,
    as_of: date,
    *,
    policy: Policy | None = None,
    calendar: WorkingDayCalendar | WorkingCalendar | None = None,
    rejects: RejectSink | None = None,
) -> Iterator[InstrumentStatus]:
    """The status of each (instrument, records) pair in ``items``, one at a time.

    >>> from datetime import date
    >>> from qsdomain.metrology import Instrument, Verification
    >>> from qsdomain.periods import Term
    >>> ledger = [(Instrument(id=f"S-{i}", name="秤", interval=Term(years=1)),
    ...            [Verification(on=date(2025, 12, i), outcome="pass")]) for i in (1, 2)]
    >>> [s.days_left for s in statuses(ledger, date(2026, 11, 27))]
    [3, 4]

    Each answer is :func:`~qsdomain.metrology.status`'s for that pair. A generator: nothing is
    kept after a status is yielded, so a ledger of any size streams in constant memory.
    ``as_of``, ``policy``, ``calendar``, ``rejects`` and whether ``items`` is a list at all
    are checked at the call; the items as they are read. An item the rule refuses raises its
    typed error, whose field starts with ``items[i]``; given ``rejects`` (a
    :class:`~qsdomain.rejects.RejectSink`), it is reported there instead (its position in the
    stream counted from 1) and the stream goes on.
    """
    day, checked, working = checked_options(as_of, policy, calendar)
    sink = _sink(rejects)
    stream = _checks.stream("items", items)
    return _kernel.scan(stream, day, checked, working, rejects=sink)


def worklist(
    items: _Items,
    as_of: date,
    *,
    within: int | None = None,
    policy: Policy | None = None,
    calendar: WorkingDayCalendar | WorkingCalendar | None = None,
    rejects: RejectSink | None = None,
) -> list[InstrumentStatus]:
    """What needs action (待办): the instruments due, most urgent first.

    >>> from datetime import date
    >>> from qsdomain.metrology import Instrument, Verification
    >>> from qsdomain.periods import Term
    >>> ledger = [(Instrument(id=f"S-{m}", name="秤", interval=Term(years=1)),
    ...            [Verification(on=date(2025, m, 15), outcome="pass")]) for m in (1, 2, 3)]
    >>> [(s.id, s.state.value, s.days_left) for s in worklist(ledger, date(2026, 1, 20))]
    [('S-1', 'overdue', -6), ('S-2', 'due_soon', 25)]
    >>> [s.id for s in worklist(ledger, date(2026, 1, 20), within=60)]
    ['S-1', 'S-2', 'S-3']

    Every status whose state needs action (never verified, due soon, grace, overdue) and every
    current one due within ``within`` calendar days (``0 <= days_left <= within``; ``None``:
    :data:`qsdomain.defaults.WITHIN_DAYS`), in the order of :func:`due_report`'s due list:
    overdue and never verified first, then by due day and id. Out-of-service instruments are
    not listed (they are not to be verified but repaired or replaced). The options and
    ``rejects`` are :func:`statuses`'s.
    """
    report = ledger_report(
        items,
        as_of,
        policy=policy,
        calendar=calendar,
        within=defaults.WITHIN_DAYS if within is None else within,
        rejects=rejects,
    )
    return list(report.due)


#: A count of a ledger's instruments: a whole number >= 0.
_COUNT = _checks.v_whole(0)


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

    read: int = attrs.field(default=0, converter=_checks.as_int, validator=_COUNT)
    rejected: int = attrs.field(default=0, converter=_checks.as_int, validator=_COUNT)
    never_verified: int = attrs.field(default=0, converter=_checks.as_int, validator=_COUNT)
    current: int = attrs.field(default=0, converter=_checks.as_int, validator=_COUNT)
    due_soon: int = attrs.field(default=0, converter=_checks.as_int, validator=_COUNT)
    grace: int = attrs.field(default=0, converter=_checks.as_int, validator=_COUNT)
    overdue: int = attrs.field(default=0, converter=_checks.as_int, validator=_COUNT)
    out_of_service: int = attrs.field(default=0, converter=_checks.as_int, validator=_COUNT)

    def __attrs_post_init__(self) -> None:
        counted = (
            self.rejected
            + self.never_verified
            + self.current
            + self.due_soon
            + self.grace
            + self.overdue
            + self.out_of_service
        )
        if self.read != counted:
            raise InvalidInputError(
                "ledger_summary.read",
                self.read,
                f"{counted} (rejected plus the count of every state)",
            )


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


@attrs.frozen(weakref_slot=False)  # built by a draft: qsdomain._drafts
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

    def __attrs_post_init__(self) -> None:
        """What every computed report satisfies (issue #18 item 14): the due list is in its
        order and each state listed is counted in the summary at least as
        often. (Which current statuses are listed depends on ``within``, not stored.)"""
        due = self.due
        for i in range(1, len(due)):
            if _key(due[i]) < _key(due[i - 1]):
                raise InvalidInputError(
                    f"report.due[{i}]",
                    due[i].id,
                    "the due list's order: overdue and never verified first, then by due day "
                    "and id",
                )
        listed = Counter(st.state.value for st in due)
        for state, n in listed.items():
            if getattr(self.summary, state) < n:
                raise InvalidInputError(
                    f"report.summary.{state}",
                    getattr(self.summary, state),
                    f"at least {n} (the statuses listed in that state)",
                )


def _key(st: InstrumentStatus) -> tuple[int, date, str]:
    """The due list's order: overdue and never verified first, then by due date and id."""
    state = st.state
    first = state is InstrumentState.OVERDUE or state is InstrumentState.NEVER_VERIFIED
    return (0 if first else 1, st.due or date.min, st.id)


#: The first part of :func:`_key` as one int: the group, then the due day's ordinal.
_GROUP = 10_000_000  # above date.max.toordinal() (3,652,059)
_MIN_DAY = date.min.toordinal()
_OVERDUE = InstrumentState.OVERDUE
_NEVER_VERIFIED = InstrumentState.NEVER_VERIFIED


_by_id = attrgetter("id")


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


#: A DueReport of statuses checked one by one as they came (qsdomain._drafts).
_trusted_report = drafted(DueReport)


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
    caller's reader rejected, carried into the summary. :func:`ledger_report` gives the same
    report straight from the rows, faster.
    """
    within, rejected = _report_arguments(within, rejected)
    # Counted by the state's value: a str hashes from its cache, an enum member through a
    # Python-level __hash__ (a noticeable cost over a million statuses).
    counts = dict.fromkeys(_STATE_VALUES, 0)
    due: list[InstrumentStatus] = []
    for n, st in enumerate(_checks.stream("statuses", statuses)):
        if st.__class__ is not InstrumentStatus and not isinstance(st, InstrumentStatus):
            raise InvalidInputError(f"statuses[{n}]", st, "an InstrumentStatus")
        _tally(st, counts, due, within)
    return _finish(counts, due, rejected)


def ledger_report(
    items: _Items,
    as_of: date,
    *,
    policy: Policy | None = None,
    calendar: WorkingDayCalendar | WorkingCalendar | None = None,
    within: int | None = None,
    rejected: int = 0,
    rejects: RejectSink | None = None,
) -> DueReport:
    """The due report of a ledger of (instrument, records) rows on ``as_of``, in one pass.

    >>> from datetime import date
    >>> from qsdomain.metrology import Instrument, Verification
    >>> from qsdomain.periods import Term
    >>> rows = [(Instrument(id=f"S-{m}", name="秤", interval=Term(years=1)),
    ...          [Verification(on=date(2025, m, 15), outcome="pass")]) for m in (1, 6, 12)]
    >>> report = ledger_report(rows, date(2026, 1, 20))
    >>> [s.id for s in report.due], report.summary.current
    (['S-1'], 2)

    Always equal to ``due_report(statuses(items, as_of, policy=policy, calendar=calendar,
    rejects=rejects), within=within, rejected=rejected + <the items rejected>)``, with the same
    errors (a bad item's field starts with ``items[i]``): the items ``rejects`` was given are
    counted in ``summary.rejected`` too. The difference is cost: a status object is built only
    for the rows that make the list; a row that is current beyond the list is counted and
    dropped, which on a ledger where most instruments are current (the usual case) saves most
    of the objects.
    """
    day, checked, working = checked_options(as_of, policy, calendar)
    within, rejected = _report_arguments(within, rejected)
    sink = _sink(rejects)
    stream = _checks.stream("items", items)
    refused = [0]
    counting = None if sink is None else _Counted(sink, refused)
    counts = dict.fromkeys(_STATE_VALUES, 0)
    due: list[InstrumentStatus] = []
    # Current rows beyond the list (within=None: every current row) are only counted, in
    # skipped[0]; every other row comes as its status.
    beyond = -1 if within is None else within
    skipped = [0]
    found = _kernel.scan(
        stream, day, checked, working, rejects=counting, skip_beyond=beyond, skipped=skipped
    )
    for st in found:
        _tally(st, counts, due, within)
    counts[_CURRENT.value] += skipped[0]
    return _finish(counts, due, rejected + refused[0])


@attrs.define
class _Counted:
    """A reject sink passing each rejection on, counted in ``count[0]``."""

    sink: RejectSink
    count: list[int]

    def add(self, rejection: RowRejected) -> None:
        self.count[0] += 1
        self.sink.add(rejection)


_CURRENT = InstrumentState.CURRENT
_OUT_OF_SERVICE = InstrumentState.OUT_OF_SERVICE
_STATE_VALUES = [state.value for state in InstrumentState]


def _report_arguments(within: object, rejected: object) -> tuple[int | None, int]:
    checked = (
        None
        if within is None
        else _checks.whole_number("within", within, 0, limits.MAX_METROLOGY_POLICY_DAYS)
    )
    return checked, _checks.whole_number("rejected", rejected, 0)


def _tally(
    st: InstrumentStatus, counts: dict[str, int], due: list[InstrumentStatus], within: int | None
) -> None:
    """Count ``st`` by its state's value and add it to ``due`` if it makes the list."""
    state = st.state
    counts[state._value_] += 1
    if state is _CURRENT:
        days_left = st.days_left
        if within is None or days_left is None or days_left > within:
            return
    elif state is _OUT_OF_SERVICE:
        return
    due.append(st)


def _finish(counts: dict[str, int], due: list[InstrumentStatus], rejected: int) -> DueReport:
    """The report of the counts and the due list gathered (refused past MAX_ITEMS)."""
    if len(due) > limits.MAX_ITEMS:
        raise InvalidInputError(
            "report.due", f"more than {limits.MAX_ITEMS} statuses", "at most MAX_ITEMS statuses"
        )
    read = sum(counts.values()) + rejected
    summary = LedgerSummary(read=read, rejected=rejected, **counts)
    return _trusted_report(_in_order(due), summary)
