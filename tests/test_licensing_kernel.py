"""The licensing kernel answers as the rule: the same statuses and errors, on any input.

The rule is ``licensing._status.rule`` (:meth:`Fold.step` per event, ``_status.read``); the
kernel (``licensing/_kernel.py``) stands behind ``status``, ``statuses`` and ``worklist``: a
memo of event-free statuses and a one-pass fold. Compared through the public verbs (an error of
the batch names ``items[0].`` + the rule's field). Also: the memos of lead days and term ends
against the computations they remember.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qsdomain.calendars import china
from qsdomain.errors import CalendarNotCoveredError, InvalidInputError
from qsdomain.licensing import (
    Licence,
    LicenceEvent,
    Policy,
    status,
    statuses,
)
from qsdomain.licensing._defaults import default_kinds
from qsdomain.licensing._licence import _term_end
from qsdomain.licensing._lifecycle import Fold, lead_before
from qsdomain.licensing._status import rule as the_rule
from qsdomain.periods import Convention, Lead, LeadUnit
from qsdomain.strategies import licence_events, licence_histories, licences

FAST = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _answer(call: Any) -> object:
    try:
        return call()
    except (InvalidInputError, CalendarNotCoveredError) as err:
        return type(err), str(err)


def _batch(lic: Licence, events: Any, as_of: date, **options: Any) -> object:
    """The kernel's answer through statuses(), its error named as the rule names it."""
    try:
        return next(statuses([(lic, events)], as_of, **options))
    except (InvalidInputError, CalendarNotCoveredError) as err:
        if isinstance(err, InvalidInputError):  # items[0].events[2].on -> events[2].on
            field = err.field.replace("items[0].", "", 1)
            err = InvalidInputError(field, err.value, err.allowed)
        return type(err), str(err)


@FAST
@given(licences(), st.integers(-30, 4000), st.integers(0, 400), st.booleans())
def test_event_free_statuses_are_the_rules(
    lic: Licence, offset: int, warn: int, extended: bool
) -> None:
    as_of = lic.issued + timedelta(days=offset)
    cal = china().extended(until=date(2040, 12, 31)) if extended else None
    policy = Policy(warning_days=warn)
    rule = _answer(lambda: the_rule(lic, (), as_of, calendar=cal, policy=policy))
    for _ in range(2):  # the second call answers from the memo
        assert _batch(lic, (), as_of, calendar=cal, policy=policy) == rule
    # Another licence of the same kind and day shares the memo entry, not the number.
    other = attrs.evolve(lic, number="OTHER-1", holder="另一家")
    found = _batch(other, (), as_of, calendar=cal, policy=policy)
    assert found == _answer(lambda: the_rule(other, (), as_of, calendar=cal, policy=policy))
    if not isinstance(rule, tuple):
        assert found == attrs.evolve(rule, id=other.number, holder=other.holder)  # type: ignore[misc]


@FAST
@given(st.integers(1, 120), st.sampled_from(LeadUnit), st.dates(date(2000, 1, 1), date(2035, 1, 1)))
def test_cached_lead_is_the_lead(amount: int, unit: LeadUnit, day: date) -> None:
    lead = Lead(amount, unit)
    for cal in (None, china()):
        expected = _answer(lambda cal=cal: lead.before(day, calendar=cal or china()))
        assert _answer(lambda cal=cal: lead_before(lead, day, cal)) == expected


@FAST
@given(
    st.sampled_from(default_kinds().kinds),
    st.dates(date(1, 1, 1), date(9999, 12, 31)),
    st.sampled_from(Convention),
)
def test_cached_term_end_is_the_term_end(kind: Any, start: date, convention: Convention) -> None:
    for _ in range(2):  # computed, then from the memo
        assert _answer(lambda: _term_end(kind.term, start, convention)) == _answer(
            lambda: kind.term.nominal_end(start, convention)
        )


class _Dated:
    """Not an event, though it has a day (the loop must refuse it as the plain one did)."""

    def __init__(self, on: date) -> None:
        self.on = on


_NOT_EVENTS = st.one_of(
    st.builds(_Dated, st.dates(date(2015, 1, 1), date(2032, 12, 31))),
    st.builds(_Dated, st.datetimes()),
    st.sampled_from((None, "Changed", date(2024, 1, 1), object())),
)

_CALENDARS = (None, china(), china().extended(until=date(2045, 12, 31)))


@FAST
@given(
    licence_histories(),
    st.lists(st.one_of(licence_events(), _NOT_EVENTS), max_size=3),
    st.randoms(),
    st.integers(-400, 4000),
    st.integers(0, 400),
    st.sampled_from(_CALENDARS),
)
def test_the_kernel_folds_histories_as_the_rule(  # noqa: PLR0917 - one per drawn value
    pair: tuple[Licence, tuple[LicenceEvent, ...]],
    extra: list[object],
    rng: Any,
    offset: int,
    warn: int,
    cal: Any,
) -> None:
    lic, history = pair
    as_of = lic.issued + timedelta(days=offset)
    policy = Policy(warning_days=warn)
    mixed = [*history, *extra]
    rng.shuffle(mixed)
    for events in (history, tuple(mixed), tuple(sorted(mixed, key=_day_or_first))):
        rule = _answer(
            lambda events=events: the_rule(lic, events, as_of, calendar=cal, policy=policy)
        )
        assert _batch(lic, events, as_of, calendar=cal, policy=policy) == rule
        one = _answer(lambda events=events: status(lic, events, as_of, calendar=cal, policy=policy))
        assert one == rule  # status() answers through the kernel too


def _day_or_first(event: object) -> date:
    on = getattr(event, "on", None)
    if isinstance(on, datetime):
        return on.date()
    return on if isinstance(on, date) else date(1, 1, 1)


@FAST
@given(licence_histories(), st.sampled_from(_CALENDARS))
def test_the_folds_due_day_is_the_leads(
    pair: tuple[Licence, tuple[LicenceEvent, ...]], cal: Any
) -> None:
    lic, history = pair
    fold = Fold.fresh(lic, cal)
    for index, event in enumerate(history):
        fold.step(index, event)
        lead = fold.kind.renewal_lead
        expected = _answer(lambda lead=lead: lead.before(fold.expires, calendar=cal or china()))
        for _ in range(2):  # computed, then kept in the fold (a day beyond the calendar too)
            assert _answer(fold.due) == expected
            found = fold.due_or_error()
            assert (type(found), str(found)) == expected or found == expected


def test_a_later_non_event_is_refused_after_the_reading_as_the_rule_does() -> None:
    # Food production's 30-working-day lead before 2027-02-28 lies beyond china(): the rule
    # reads the state before a later-dated item, so the calendar's error comes first.
    lic = Licence(kind="food_production", number="SC1", holder="某厂", issued=date(2022, 3, 1))
    as_of = date(2026, 12, 20)
    for cal in _CALENDARS:
        events = (_Dated(as_of + timedelta(days=1)),)
        rule = _answer(lambda cal=cal, events=events: the_rule(lic, events, as_of, calendar=cal))
        assert _batch(lic, events, as_of, calendar=cal) == rule
    assert _answer(lambda: the_rule(lic, events, as_of))[0] is CalendarNotCoveredError  # type: ignore[arg-type, index]


class _AlwaysDisagrees(Licence):
    """A subclass that answers expiry_disagrees its own way (read must still ask it)."""

    __slots__ = ()

    @property
    def expiry_disagrees(self) -> bool:
        return True


def test_read_asks_a_subclass_whether_its_expiry_disagrees() -> None:
    from qsdomain.licensing import Changed  # noqa: PLC0415

    lic = _AlwaysDisagrees(
        kind="industrial_product", number="XK1", holder="某厂", issued=date(2021, 3, 15)
    )
    for as_of in (date(2022, 6, 1), date(2022, 6, 2)):
        for events in ((Changed(on=date(2022, 1, 10)),), ()):
            st_ = the_rule(lic, events, as_of)
            assert st_.reason.endswith(
                " The printed expiry None differs from the kind's term (2026-03-14)."
            )
            assert next(statuses([(lic, events)], as_of)) == st_  # never from the memo


AS_OF = date(2026, 6, 1)


def test_an_item_dated_by_a_datetime_is_a_typed_error() -> None:
    """Regression: a non-event whose ``on`` is a datetime after the day escaped as TypeError."""
    lic = Licence(kind="industrial_product", number="A", holder="某厂", issued=date(2021, 3, 15))
    with pytest.raises(InvalidInputError, match=r"events\[0\]"):
        the_rule(lic, [_Dated(datetime(2027, 1, 1, tzinfo=timezone.utc))], date(2026, 6, 1))  # type: ignore[list-item]
    with pytest.raises(InvalidInputError, match=r"items\[0\]\.events\[0\]"):
        list(
            statuses([(lic, [_Dated(datetime(2027, 1, 1, tzinfo=timezone.utc))])], date(2026, 6, 1))
        )
