"""Laws of the licensing rules, over any valid history (hypothesis)."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qsdomain.errors import QSDomainError
from qsdomain.licensing import (
    Action,
    Changed,
    KindRegistry,
    Licence,
    LicenceEvent,
    LicenceKind,
    LicenceState,
    LicenceStatus,
    Lifecycle,
    RenewalApplied,
    status,
    statuses,
    worklist,
)
from qsdomain.serialization import from_json, to_json
from qsdomain.strategies import (
    for_type,
    licence_events,
    licence_histories,
    licence_statuses,
    licences,
    lifecycles,
)

History = tuple[Licence, tuple[LicenceEvent, ...]]
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _status(pair: History, day: date) -> LicenceStatus | None:
    try:
        return status(pair[0], pair[1], day)
    except QSDomainError:  # a working-day lead beyond the calendar
        return None


@FAST
@given(licence_histories(), st.integers(-5, 2600))
def test_the_states_partition_time(pair: History, offset: int) -> None:
    """Every day has exactly one state; a state that changes begins on that day."""
    day = pair[0].issued + timedelta(days=offset)
    today, yesterday = _status(pair, day), _status(pair, day - timedelta(days=1))
    if today is None or yesterday is None:
        return
    assert isinstance(today.state, LicenceState)
    if today.since is not None:
        assert today.since <= day
    if today.state is not yesterday.state:
        assert today.since == day or (today.state is LicenceState.NOT_YET_VALID)


@FAST
@given(licence_histories(), st.integers(0, 2600))
def test_the_state_depends_only_on_events_on_or_before_the_day(pair: History, offset: int) -> None:
    lic, events = pair
    day = lic.issued + timedelta(days=offset)
    earlier = (lic, tuple(e for e in events if e.on <= day))
    full, cut = _status(pair, day), _status(earlier, day)
    if full is None or cut is None:
        return
    assert (full.state, full.expires, full.since, full.renewal_due) == (
        cut.state,
        cut.expires,
        cut.since,
        cut.renewal_due,
    )


@FAST
@given(licence_histories(), st.integers(0, 2600))
def test_a_change_never_moves_the_expiry(pair: History, offset: int) -> None:
    lic, events = pair
    day = lic.issued + timedelta(days=offset)
    without = (lic, tuple(e for e in events if not isinstance(e, Changed)))
    a, b = _status(pair, day), _status(without, day)
    if a is None or b is None:
        return
    assert (a.state, a.expires) == (b.state, b.expires)


@FAST
@given(licences(), st.integers(0, 2600))
def test_renewal_due_is_before_expiry(lic: Licence, offset: int) -> None:
    st_ = _status((lic, ()), lic.issued + timedelta(days=offset))
    if st_ is not None and st_.renewal_due is not None:
        assert st_.renewal_due < st_.expires


@FAST
@given(licence_histories(), st.integers(-5, 2600))
def test_due_is_the_next_day_to_act(pair: History, offset: int) -> None:
    """due: the filing day while a filing is to be made, else the expiry; days_left counts to it."""
    st_ = _status(pair, pair[0].issued + timedelta(days=offset))
    if st_ is None:
        return
    if st_.due is None:
        assert st_.days_left is None
        assert st_.state.value in {"revoked", "withdrawn", "cancelled"}
        return
    assert st_.days_left == (st_.due - st_.as_of).days
    assert st_.due in {st_.renewal_due, st_.expires}
    if st_.action is not None and st_.action.value != "expiring":
        assert st_.due == st_.renewal_due
        assert st_.filed_on is None
        assert not st_.refused


@FAST
@given(st.lists(licence_histories(), max_size=6), st.integers(0, 2600), st.integers(0, 400))
def test_the_worklist_is_the_statuses_needing_action(
    pairs: list[History], offset: int, within: int
) -> None:
    """Listed: a status with an action and at most ``within`` days left; overdue first."""
    as_of = date(2018, 1, 1) + timedelta(days=offset)
    try:
        every = list(statuses(pairs, as_of))
    except QSDomainError:  # a working-day lead beyond the calendar
        return
    listed = worklist(pairs, as_of, within=within)
    expected = [
        s
        for s in every
        if s.action is not None and s.days_left is not None and s.days_left <= within
    ]
    assert sorted(listed, key=id) == sorted(expected, key=id) or sorted(
        (s.id, s.due) for s in listed
    ) == sorted((s.id, s.due) for s in expected)
    ranks = [(s.action is not Action.OVERDUE_FILING, s.due, s.id) for s in listed]
    assert ranks == sorted(ranks)


@FAST
@given(licence_histories(), st.integers(0, 2600))
def test_deemed_renewal_only_follows_a_filing_in_time(pair: History, offset: int) -> None:
    lic, events = pair
    day = lic.issued + timedelta(days=offset)
    st_ = _status(pair, day)
    if st_ is None or st_.state is not LicenceState.DEEMED_RENEWED:
        return
    old_expiry = st_.since - timedelta(days=1) if st_.since else None
    assert old_expiry is not None
    filings = [e for e in events if isinstance(e, RenewalApplied) and e.on <= old_expiry]
    assert filings
    before = _status((lic, tuple(e for e in events if e.on <= filings[-1].on)), filings[-1].on)
    if before is not None and before.renewal_due is not None:
        assert filings[-1].on <= before.renewal_due


@FAST
@given(
    st.one_of(
        licences(),
        licence_events(),
        lifecycles(),
        licence_statuses(),
        for_type(LicenceKind),
        for_type(KindRegistry),
    )
)
def test_serialization_round_trips(value: object) -> None:
    assert from_json(to_json(value), type(value)) == value
    if type(value).__module__ == "qsdomain.licensing._events":
        assert from_json(to_json(value), LicenceEvent) == value  # type: ignore[arg-type]


def test_the_round_trip_covers_every_public_type() -> None:
    for cls in (Licence, Lifecycle, LicenceStatus):
        assert for_type(cls) is not None
