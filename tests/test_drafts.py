"""The drafts (qsdomain._drafts): hot-path results built by relabelling a twin object.

A draft-built object must be indistinguishable from one the attrs constructor builds: same
type, equal, same hash, frozen, picklable; and a draft that is not an exact twin of its class
must be refused at import time (here: when ``draft_of`` is called).
"""

from __future__ import annotations

import pickle
from datetime import date

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from qsdomain._drafts import drafted
from qsdomain.commitments import CaseClock, ClockState, Deadline, Mode
from qsdomain.commitments._clock import _case_clock_of, _deadline_of
from qsdomain.metrology import Basis, InstrumentState, InstrumentStatus, Outcome, Verification
from qsdomain.metrology._status import _trusted_status


def _alike(fast: object, plain: object) -> None:
    assert type(fast) is type(plain)
    assert fast == plain
    assert hash(fast) == hash(plain)
    assert repr(fast) == repr(plain)
    assert pickle.loads(pickle.dumps(fast)) == plain
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        fast.state = None  # type: ignore[attr-defined]


@given(
    st.integers(0, 60),
    st.none() | st.dates(),
    st.integers(-60, 60),
    st.sampled_from(ClockState),
    st.booleans(),
)
def test_a_drafted_deadline_is_a_deadline(
    limit: int, due: date | None, used: int, state: ClockState, paused: bool
) -> None:
    fast = _deadline_of(limit, due, used, limit - used, state, paused)
    plain = Deadline(limit=limit, due=due, used=used, left=limit - used, state=state, paused=paused)
    _alike(fast, plain)


def test_a_drafted_case_clock_is_a_case_clock() -> None:
    day = date(2026, 9, 28)
    off = Deadline(limit=20, due=day, used=3, left=17, state="on_track")
    fast = _case_clock_of(
        "1", day, ClockState.ON_TRACK, day, 0, "why", "A", Mode.GUIDED, day, day, False,
        off, off, None, None, 0, False,
    )  # fmt: skip
    plain = CaseClock(
        id="1", as_of=day, state="on_track", due=day, days_left=0, reason="why", item_code="A",
        mode="guided", received_on=day, accepted_on=day, statutory=off, committed=off,
    )  # fmt: skip
    _alike(fast, plain)
    assert fast.state is ClockState.ON_TRACK


def test_a_drafted_status_is_a_status() -> None:
    day = date(2026, 11, 27)
    last = Verification(on=date(2025, 12, 1), outcome=Outcome.PASS)
    reason = "检定有效期至 2026-11-27: due soon, 0 days left inside the warning window."
    fast = _trusted_status(
        "JL-1", day, InstrumentState.DUE_SOON, day, 0, reason, day, last, Basis.VERIFICATION
    )
    plain = InstrumentStatus(
        id="JL-1", as_of=day, state="due_soon", due=day, days_left=0, reason=reason,
        valid_through=day, last=last, basis="verification",
    )  # fmt: skip
    _alike(fast, plain)


@attrs.frozen(weakref_slot=False)
class _Pair:
    a: int
    b: int


def test_a_drafted_pair_is_a_pair() -> None:
    build = drafted(_Pair)
    _alike_plain(build(1, 2), _Pair(1, 2))
    assert type(build(1, 2)).__name__ == "_Pair"


def _alike_plain(fast: object, plain: object) -> None:
    assert type(fast) is type(plain)
    assert fast == plain
    assert hash(fast) == hash(plain)


def test_a_class_with_a_weakref_slot_is_refused() -> None:
    @attrs.frozen
    class Weak:
        a: int

    with pytest.raises(TypeError, match="weakref_slot=False"):
        drafted(Weak)


def test_a_class_with_a_dict_is_refused() -> None:
    @attrs.frozen(slots=False)
    class Loose:
        a: int

    with pytest.raises(TypeError, match="slotted"):
        drafted(Loose)


def test_a_subclass_is_refused() -> None:
    @attrs.frozen(weakref_slot=False)
    class Wider(_Pair):
        c: int

    with pytest.raises(TypeError, match="on object"):
        drafted(Wider)
