"""The licensing hot paths give the answers (and the errors) of the plain paths.

Compared for random input: the hand-written Licence initialiser with attrs' own; the memo of
event-free statuses with the fold; the event step's shortcuts (no advance while nothing can
expire or resume, no phase look-up while in force) with the step as first written.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

import attrs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qsdomain.calendars import china
from qsdomain.errors import CalendarNotCoveredError, InvalidInputError, QSDomainError
from qsdomain.licensing import Licence, LicenceEvent, status, statuses
from qsdomain.licensing._defaults import default_kinds
from qsdomain.licensing._licence import _term_end
from qsdomain.licensing._lifecycle import (
    _ALLOWED,
    _EVENT_NAMES,
    _FINAL,
    _HANDLERS,
    Fold,
    lead_before,
)
from qsdomain.licensing._status import _folded
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
    from qsdomain.licensing import StatusPolicy  # noqa: PLC0415

    policy = StatusPolicy(warn_days=warn)
    for _ in range(2):  # the second call answers from the memo
        assert _answer(lambda: status(lic, as_of, calendar=cal, policy=policy)) == plain
    # Another licence of the same kind and day shares the memo entry, not the number.
    other = attrs.evolve(lic, number="OTHER-1", holder="另一家")
    found = _answer(lambda: status(other, as_of, calendar=cal, policy=policy))
    if isinstance(plain, tuple):
        assert found == plain
    else:
        assert found == attrs.evolve(plain, licence=other)  # type: ignore[misc]


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
        _folded(lic, as_of, (), None, 90) for lic in register
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
