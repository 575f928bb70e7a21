"""Strategies for :mod:`qsdomain.licensing`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from hypothesis import strategies as st

from qsdomain.errors import QSDomainError
from qsdomain.licensing import (
    Action,
    Cancelled,
    Changed,
    Confidence,
    Deadline,
    KindRegistry,
    Licence,
    LicenceEvent,
    LicenceKind,
    LicenceState,
    LicenceStatus,
    Lifecycle,
    Policy,
    RenewalApplied,
    RenewalRefused,
    Renewed,
    Revoked,
    Source,
    Suspended,
    Withdrawn,
    apply,
    default_kinds,
    replay,
    status,
)
from qsdomain.periods import Convention, Lead, LeadUnit, Term

__all__ = [
    "LICENSING_STRATEGIES",
    "licence_events",
    "licence_histories",
    "licence_kinds",
    "licence_statuses",
    "licences",
    "lifecycles",
]

#: Issue days whose working-day deadlines the bundled China calendar covers.
_FIRST = date(2005, 1, 1)
_LAST = date(2021, 12, 31)

_TEXT = st.text(alphabet="许可证甲乙丙ABC0123456789-", min_size=1, max_size=12)


def _sources() -> st.SearchStrategy[Source]:
    return st.builds(
        Source, _TEXT, st.sampled_from(Confidence), note=st.sampled_from(["", "第五十条"])
    )


def _deadlines() -> st.SearchStrategy[Deadline]:
    return st.builds(Deadline, _TEXT, st.integers(1, 60), st.sampled_from(LeadUnit), _sources())


def _custom_kinds() -> st.SearchStrategy[LicenceKind]:
    return st.builds(
        LicenceKind,
        code=st.from_regex(r"[a-z][a-z0-9_]{0,11}", fullmatch=True),
        name=_TEXT,
        term=st.builds(Term, years=st.integers(1, 6)),
        term_source=_sources(),
        convention=st.sampled_from(Convention),
        renewal_lead=st.builds(
            Lead, st.integers(1, 6), st.sampled_from([LeadUnit.MONTHS, LeadUnit.CALENDAR_DAYS])
        ),
        lead_source=_sources(),
        deadlines=st.lists(_deadlines(), max_size=2).map(tuple),
    )


def licence_kinds() -> st.SearchStrategy[LicenceKind]:
    """The built-in kinds and made-up ones (leads in months or calendar days).

    >>> from hypothesis import find
    >>> from qsdomain.strategies import licence_kinds
    >>> find(licence_kinds(), lambda kind: kind.code == "food_production").term.years
    5
    """
    return st.one_of(st.sampled_from(default_kinds().kinds), _custom_kinds())


def _registries() -> st.SearchStrategy[KindRegistry]:
    return st.lists(licence_kinds(), max_size=4, unique_by=lambda kind: kind.code).map(KindRegistry)


def licences(kinds: st.SearchStrategy[LicenceKind] | None = None) -> st.SearchStrategy[Licence]:
    """Licences issued 2005-2021, some with a printed expiry that disagrees with the term.

    >>> from hypothesis import Phase, find, settings
    >>> quick = settings(phases=[Phase.generate], max_examples=2000, derandomize=True)
    >>> from qsdomain.strategies import licences
    >>> find(licences(), lambda lic: lic.expiry_disagrees, settings=quick).valid_until is not None
    True
    """

    def build(kind: LicenceKind, issued: date, shift: int | None, number: str) -> Licence:
        lic = Licence(kind=kind, number=number, holder="某公司", issued=issued)
        until = None if shift is None else max(issued, lic.term_end + timedelta(days=shift))
        return Licence(kind=kind, number=number, holder="某公司", issued=issued, valid_until=until)

    return st.builds(
        build,
        licence_kinds() if kinds is None else kinds,
        st.dates(min_value=_FIRST, max_value=_LAST),
        st.one_of(st.none(), st.integers(-40, 40)),
        _TEXT,
    )


def licence_events(
    first: date = _FIRST, last: date = date(2026, 12, 31)
) -> st.SearchStrategy[LicenceEvent]:
    """Any one event dated between ``first`` and ``last``.

    >>> from hypothesis import find
    >>> from qsdomain.strategies import licence_events
    >>> type(find(licence_events(), lambda e: hasattr(e, "until"))).__name__
    'Suspended'
    """
    on = st.dates(min_value=first, max_value=last)
    span = st.integers(0, 400)
    simple = st.sampled_from(
        [RenewalApplied, RenewalRefused, Changed, Revoked, Withdrawn, Cancelled]
    )
    return st.one_of(
        st.builds(lambda cls, day: cls(on=day), simple, on),
        st.builds(lambda day, n: Suspended(on=day, until=day + timedelta(days=n)), on, span),
        st.builds(
            lambda day, n: Renewed(on=day, valid_until=None if n is None else day + timedelta(n)),
            on,
            st.one_of(st.none(), st.integers(0, 2500)),
        ),
    )


def _valid_history(lic: Licence, candidates: list[LicenceEvent]) -> tuple[LicenceEvent, ...]:
    """The candidates, in date order, that the lifecycle rules accept one after another."""
    kept: list[LicenceEvent] = []
    life = Lifecycle.start(lic)
    for event in sorted(candidates, key=lambda e: e.on):
        try:
            life = apply(life, event)
        except QSDomainError:
            continue
        kept.append(event)
    return tuple(kept)


def licence_histories(
    licence_strategy: st.SearchStrategy[Licence] | None = None,
) -> st.SearchStrategy[tuple[Licence, tuple[LicenceEvent, ...]]]:
    """A licence and a history of up to 6 events that the lifecycle rules accept.

    >>> from hypothesis import given, settings
    >>> from qsdomain.strategies import licence_histories
    >>> @settings(max_examples=5, database=None, deadline=None)
    ... @given(licence_histories())
    ... def check(value):
    ...     assert len(value[1]) <= 6
    >>> check()
    """

    @st.composite
    def build(draw: st.DrawFn) -> tuple[Licence, tuple[LicenceEvent, ...]]:
        lic = draw(licences() if licence_strategy is None else licence_strategy)
        last = min(lic.expires + timedelta(days=400), date(2026, 12, 31))
        first = lic.issued
        if last < first:
            return lic, ()
        candidates = draw(st.lists(licence_events(first, last), max_size=6))
        return lic, _valid_history(lic, candidates)

    return build()


def lifecycles() -> st.SearchStrategy[Lifecycle]:
    """The lifecycle at the end of a valid history.

    >>> from hypothesis import given, settings
    >>> from qsdomain.strategies import lifecycles
    >>> @settings(max_examples=5, database=None, deadline=None)
    ... @given(lifecycles())
    ... def check(value):
    ...     assert (value.ended is None) == (value.ended_on is None)
    >>> check()
    """
    return licence_histories().map(
        lambda pair: replay(pair[0], pair[1])[-1] if pair[1] else Lifecycle.start(pair[0])
    )


def _status_or_none(
    pair: tuple[Licence, tuple[LicenceEvent, ...]], offset: int, warn: int
) -> LicenceStatus | None:
    lic, events = pair
    try:
        return status(
            lic, events, lic.issued + timedelta(days=offset), policy=Policy(warning_days=warn)
        )
    except QSDomainError:
        return None


def _present(value: LicenceStatus | None) -> LicenceStatus:
    assert value is not None
    return value


def licence_statuses() -> st.SearchStrategy[LicenceStatus]:
    """The status of a valid history on a day around its life.

    >>> from hypothesis import given, settings
    >>> from qsdomain.strategies import licence_statuses
    >>> @settings(max_examples=5, database=None, deadline=None)
    ... @given(licence_statuses())
    ... def check(value):
    ...     assert value.since is None or value.since <= value.as_of
    >>> check()
    """
    found = st.builds(
        _status_or_none, licence_histories(), st.integers(-30, 2600), st.integers(0, 120)
    )
    return found.filter(lambda x: x is not None).map(_present)


LICENSING_STRATEGIES: dict[Any, Callable[[], st.SearchStrategy[Any]]] = {
    Confidence: lambda: st.sampled_from(Confidence),
    Source: _sources,
    Deadline: _deadlines,
    LicenceKind: licence_kinds,
    KindRegistry: _registries,
    Licence: licences,
    RenewalApplied: lambda: st.builds(RenewalApplied, on=st.dates(_FIRST, _LAST), note=_TEXT),
    Renewed: lambda: licence_events().map(lambda e: e if type(e) is Renewed else Renewed(on=e.on)),
    RenewalRefused: lambda: st.builds(RenewalRefused, on=st.dates(_FIRST, _LAST)),
    Changed: lambda: st.builds(Changed, on=st.dates(_FIRST, _LAST)),
    Suspended: lambda: st.builds(
        lambda day, n: Suspended(on=day, until=day + timedelta(days=n)),
        st.dates(_FIRST, _LAST),
        st.integers(0, 400),
    ),
    Revoked: lambda: st.builds(Revoked, on=st.dates(_FIRST, _LAST)),
    Withdrawn: lambda: st.builds(Withdrawn, on=st.dates(_FIRST, _LAST)),
    Cancelled: lambda: st.builds(Cancelled, on=st.dates(_FIRST, _LAST)),
    LicenceEvent: licence_events,
    LicenceState: lambda: st.sampled_from(LicenceState),
    Lifecycle: lifecycles,
    LicenceStatus: licence_statuses,
    Policy: lambda: st.builds(Policy, st.integers(0, 3660)),
    Action: lambda: st.sampled_from(Action),
}
