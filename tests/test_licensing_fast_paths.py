"""The licensing hot paths give the answers (and the errors) of the plain paths.

Compared for random input: the hand-written Licence initialiser with attrs' own; the memo of
event-free statuses with the fold; the event step's shortcuts (no advance while nothing can
expire or resume, no phase look-up while in force) with the step as first written; the status
loop (one type look-up per event) with the loop as first written, over histories mixed with
items that are not events; the in-force reading (one f-string per reason, timedelta objects
reused, ISO texts remembered) with the reading as first written; the fold's kept due day with the
lead's own answer.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qsdomain.calendars import china
from qsdomain.errors import CalendarNotCoveredError, InvalidInputError, QSDomainError
from qsdomain.licensing import (
    Licence,
    LicenceEvent,
    LicenceState,
    LicenceStatus,
    Policy,
    status,
    statuses,
)
from qsdomain.licensing._defaults import default_kinds
from qsdomain.licensing._licence import _term_end
from qsdomain.licensing._lifecycle import (
    _ALLOWED,
    _DAYS,
    _EVENT_NAMES,
    _FINAL,
    _HANDLERS,
    Fold,
    days,
    lead_before,
)
from qsdomain.licensing._status import _due_for, _folded, _in_force, _iso, read
from qsdomain.periods import Convention, Lead, LeadUnit
from qsdomain.strategies import licence_events, licence_histories, licences

FAST = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

ODD = st.sampled_from(
    (
        None,
        "",
        " ",
        " x",
        "x",
        "food_production",
        "industrial_product",
        "nope",
        0,
        1.5,
        True,
        [],
        date(2021, 3, 15),
        date(1, 1, 1),
        date(9999, 12, 31),
        datetime(2021, 3, 15),  # noqa: DTZ001 - a naive datetime is the bad input tested
        "x" * 1001,
        default_kinds().get("inspection_body"),
    )
)


def _made(make: Any, **kwargs: object) -> object:
    try:
        return make(**kwargs)
    except (InvalidInputError, TypeError) as err:
        return type(err), str(err)


def _plain_licence(**kwargs: object) -> Licence:
    made = object.__new__(Licence)
    made.__attrs_init__(**kwargs)  # type: ignore[attr-defined]
    return made


def _fields(obj: object) -> object:
    if isinstance(obj, Licence):
        return [getattr(obj, f.name) for f in attrs.fields(Licence)]
    return obj


@FAST
@given(
    st.fixed_dictionaries(
        {"kind": ODD, "number": ODD, "holder": ODD, "issued": ODD},
        optional={"valid_until": ODD, "scope": ODD},
    )
)
def test_licence_init_agrees_with_the_attrs_initialiser(kwargs: dict[str, object]) -> None:
    assert _fields(_made(Licence, **kwargs)) == _fields(_made(_plain_licence, **kwargs))


@FAST
@given(licences())
def test_valid_licences_rebuild_identically(lic: Licence) -> None:
    kwargs = {f.name: getattr(lic, f.name) for f in attrs.fields(Licence) if f.init}
    assert _fields(Licence(**kwargs)) == _fields(_plain_licence(**kwargs))  # type: ignore[arg-type]


def _answer(call: Any) -> object:
    try:
        return call()
    except (InvalidInputError, CalendarNotCoveredError) as err:
        return type(err), str(err)


@FAST
@given(licences(), st.integers(-30, 4000), st.integers(0, 400), st.booleans())
def test_event_free_statuses_are_the_folds(
    lic: Licence, offset: int, warn: int, extended: bool
) -> None:
    as_of = lic.issued + timedelta(days=offset)
    cal = china().extended(until=date(2040, 12, 31)) if extended else None
    plain = _answer(lambda: _folded(lic, as_of, (), cal, warn))
    from qsdomain.licensing import Policy  # noqa: PLC0415

    policy = Policy(warning_days=warn)
    for _ in range(2):  # the second call answers from the memo
        assert _answer(lambda: status(lic, (), as_of, calendar=cal, policy=policy)) == plain
    # Another licence of the same kind and day shares the memo entry, not the number.
    other = attrs.evolve(lic, number="OTHER-1", holder="另一家")
    found = _answer(lambda: status(other, (), as_of, calendar=cal, policy=policy))
    if isinstance(plain, tuple):
        assert found == plain
    else:
        assert found == attrs.evolve(plain, id=other.number, holder=other.holder)  # type: ignore[misc]


def _plain_step(fold: Fold, index: int, event: LicenceEvent) -> None:
    """Fold.step as first written: advance and phase on every event, two look-ups."""
    kind_of = type(event)
    allowed = _ALLOWED.get(kind_of)
    if allowed is None:
        raise InvalidInputError(f"events[{index}]", event, _EVENT_NAMES)
    on = event.on
    if on < fold.cursor:
        what = "the issue date" if fold.cursor == fold.licence.issued else "the previous event"
        raise InvalidInputError(
            f"events[{index}].on", on, f"a date on or after {what} ({fold.cursor})"
        )
    fold.advance(on)
    phase = fold.phase()
    if phase not in allowed:
        raise InvalidInputError(
            f"events[{index}]",
            event,
            f"an event allowed on a licence that is {fold._phase_text(phase)}",
        )
    handler = _HANDLERS.get(kind_of)
    if handler is not None:
        try:
            handler(fold, event)  # type: ignore[operator]
        except InvalidInputError as err:
            if err.field != "events":
                raise
            raise InvalidInputError(f"events[{index}]", err.value, err.allowed) from None
    else:
        fold.ended = _FINAL[kind_of]
        fold.ended_on = on
        fold.suspended_on = fold.suspended_until = None


def _state(fold: Fold) -> tuple[object, ...]:
    return tuple(getattr(fold, name) for name in Fold.__slots__ if name != "_due")


def _run(step: Any, lic: Licence, events: list[LicenceEvent]) -> list[object]:
    fold = Fold.fresh(lic, None)
    seen: list[object] = []
    for index, event in enumerate(events):
        try:
            step(fold, index, event)
        except QSDomainError as err:
            seen.append((type(err), str(err)))
            break
        seen.append(_state(fold))
    return seen


@FAST
@given(licence_histories(), st.lists(licence_events(), max_size=4), st.randoms())
def test_step_agrees_with_the_plain_step(
    pair: tuple[Licence, tuple[LicenceEvent, ...]], extra: list[LicenceEvent], rng: Any
) -> None:
    lic, history = pair
    # A valid history, then the same with random events mixed in (mostly refused).
    for events in (list(history), sorted([*history, *extra], key=lambda e: rng.random())):
        assert _run(Fold.step, lic, events) == _run(_plain_step, lic, events)


@FAST
@given(st.integers(1, 120), st.sampled_from(LeadUnit), st.dates(date(2000, 1, 1), date(2035, 1, 1)))
def test_cached_lead_is_the_lead(amount: int, unit: LeadUnit, day: date) -> None:
    lead = Lead(amount, unit)
    for cal in (None, china()):
        expected = _answer(lambda cal=cal: lead.before(day, calendar=cal or china()))
        assert _answer(lambda cal=cal: lead_before(lead, day, cal)) == expected


def test_register_statuses_are_the_single_statuses() -> None:
    kinds = ("industrial_product", "inspection_body", "measurement_standard", "food_production")
    register = [
        Licence(kind=kinds[i % 4], number=f"N{i}", holder="某单位", issued=date(2021, 1, 1 + i % 9))
        for i in range(40)
    ]
    as_of = date(2025, 12, 1)
    assert list(statuses(register, as_of)) == [
        _folded(lic, as_of, (), None, 30) for lic in register
    ]


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


@FAST
@given(licence_histories(), st.integers(-3000, 400))
def test_filed_by_due_is_the_bounds_test(
    pair: tuple[Licence, tuple[LicenceEvent, ...]], offset: int
) -> None:
    lic, history = pair
    fold = Fold.fresh(lic, None)
    for index, event in enumerate(history):
        fold.step(index, event)
    on = fold.expires + timedelta(days=offset)

    def plain() -> bool:
        low, _ = fold.due_bounds()
        return on <= low or on <= fold.due()

    assert _answer(lambda: fold.filed_by_due(on)) == _answer(plain)


# -- the status loop and its reading, against the code as first written ----------------------


def _plain_in_force(fold: Fold, as_of: date, warn: int) -> tuple[object, ...]:
    """_status._in_force as first written: a timedelta built per use, the reason in pieces."""
    expires = fold.expires
    if fold.filed_on is not None and fold.filed_in_time:
        return (
            LicenceState.RENEWAL_PENDING,
            max(fold.filed_on, fold.valid_since),
            _due_for(fold, as_of, warn),
            f"Renewal filed in time on {fold.filed_on.isoformat()}, undecided; valid until "
            f"{expires.isoformat()}, then deemed renewed if still undecided (行政许可法 art. 50).",
        )
    due = _due_for(fold, as_of, warn)
    if fold.refused_on is not None:
        return (
            LicenceState.VALID,
            max(fold.refused_on, fold.valid_since),
            due,
            f"Renewal refused on {fold.refused_on.isoformat()}; valid until {expires.isoformat()}.",
        )
    if due is not None and as_of > due:
        late = (
            f" A filing on {fold.filed_on.isoformat()} was late."
            if fold.filed_on is not None
            else ""
        )
        return (
            LicenceState.RENEWAL_OVERDUE,
            max(due + timedelta(days=1), fold.valid_since),
            due,
            f"The last day to file for renewal was {due.isoformat()}; valid until "
            f"{expires.isoformat()}, then expired.{late}",
        )
    lead = fold.kind.renewal_lead
    if due is not None and as_of >= due - timedelta(days=warn):
        return (
            LicenceState.RENEWAL_DUE_SOON,
            max(due - timedelta(days=warn), fold.valid_since),
            due,
            f"File for renewal by {due.isoformat()} ({lead} before expiry on "
            f"{expires.isoformat()}).",
        )
    state = LicenceState.VALID if fold.deemed_from is None else LicenceState.DEEMED_RENEWED
    deemed = (
        ""
        if fold.deemed_from is None
        else f" Deemed renewed from {fold.deemed_from.isoformat()} (行政许可法 art. 50)."
    )
    by = f"; file for renewal by {due.isoformat()}" if due is not None else ""
    return state, fold.valid_since, due, f"Valid until {expires.isoformat()}{by}.{deemed}"


def _plain_status(
    lic: Licence, as_of: date, events: tuple[object, ...], cal: Any, warn: int
) -> LicenceStatus:
    """_status._folded as first written: getattr and isinstance per event, the plain step."""
    fold = Fold.fresh(lic, cal)
    result: LicenceStatus | None = None
    for index, event in enumerate(events):
        if result is None:
            on = getattr(event, "on", None)
            # (since first written: an item dated by a datetime is refused by the step alone)
            if isinstance(on, date) and not isinstance(on, datetime) and on > as_of:
                fold.advance(as_of)
                result = read(fold, as_of, warn)
        _plain_step(fold, index, event)  # type: ignore[arg-type]
    if result is None:
        fold.advance(as_of)
        result = read(fold, as_of, warn)
    return result


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
def test_status_agrees_with_the_plain_loop(  # noqa: PLR0917 - one per drawn value
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
        plain = _answer(lambda events=events: _plain_status(lic, as_of, events, cal, warn))
        fast = _answer(
            lambda events=events: status(lic, events, as_of, calendar=cal, policy=policy)
        )
        assert fast == plain


def _day_or_first(event: object) -> date:
    on = getattr(event, "on", None)
    if isinstance(on, datetime):
        return on.date()
    return on if isinstance(on, date) else date(1, 1, 1)


@FAST
@given(
    licence_histories(), st.integers(-400, 4000), st.integers(0, 400), st.sampled_from(_CALENDARS)
)
def test_in_force_reading_is_the_plain_reading(
    pair: tuple[Licence, tuple[LicenceEvent, ...]], offset: int, warn: int, cal: Any
) -> None:
    lic, history = pair
    as_of = lic.issued + timedelta(days=offset)
    fold = Fold.fresh(lic, cal)
    for index, event in enumerate(e for e in history if e.on <= as_of):
        fold.step(index, event)
    fold.advance(as_of)
    assert _answer(lambda: _in_force(fold, as_of, warn)) == _answer(
        lambda: _plain_in_force(fold, as_of, warn)
    )


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


@FAST
@given(st.integers(-5000, 5000))
def test_remembered_days_are_the_timedelta(n: int) -> None:
    for _ in range(2):
        assert (_DAYS.get(n) or days(n)) == timedelta(days=n)


def test_a_later_non_event_is_refused_after_the_reading_as_before() -> None:
    # Food production's 30-working-day lead before 2027-02-28 lies beyond china(): the plain
    # loop read the state before a later-dated item, so the calendar's error came first.
    lic = Licence(kind="food_production", number="SC1", holder="某厂", issued=date(2022, 3, 1))
    as_of = date(2026, 12, 20)
    for cal in _CALENDARS:
        events = (_Dated(as_of + timedelta(days=1)),)
        plain = _answer(lambda cal=cal, events=events: _plain_status(lic, as_of, events, cal, 30))
        assert (
            _answer(lambda cal=cal, events=events: status(lic, events, as_of, calendar=cal))
            == plain
        )  # type: ignore[arg-type]
    assert _answer(lambda: status(lic, events, as_of))[0] is CalendarNotCoveredError  # type: ignore[arg-type, index]


class _OwnSpelling(date):
    """A date subclass that spells itself its own way (the memo must not answer for it)."""

    def isoformat(self) -> str:
        return "day " + super().isoformat()


@FAST
@given(st.dates())
def test_remembered_iso_text_is_the_isoformat(day: date) -> None:
    for _ in range(2):  # computed, then from the memo
        assert _iso(day) == day.isoformat()
    own = _OwnSpelling(day.year, day.month, day.day)
    assert _iso(own) == own.isoformat() == "day " + day.isoformat()


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
    st_ = status(lic, (Changed(on=date(2022, 1, 10)),), date(2022, 6, 1))
    assert st_.reason.endswith(
        " The printed expiry None differs from the kind's term (2026-03-14)."
    )


def test_an_item_dated_by_a_datetime_is_a_typed_error() -> None:
    """Regression: a non-event whose ``on`` is a datetime after the day escaped as TypeError."""
    lic = Licence(kind="industrial_product", number="A", holder="某厂", issued=date(2021, 3, 15))
    with pytest.raises(InvalidInputError, match=r"events\[0\]"):
        status(lic, [_Dated(datetime(2027, 1, 1, tzinfo=timezone.utc))], date(2026, 6, 1))  # type: ignore[list-item]
