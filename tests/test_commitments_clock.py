"""Clocks of a case (行政许可法 arts. 32, 34, 42, 44, 45, 82): examples and laws.

Every expected date below was counted by hand on the 2026 State Council schedule (国办发明电
〔2025〕7号): Spring Festival off 15-23 February with make-up Saturdays 14 and 28 February;
Mid-Autumn off Friday 25 September with make-up Sunday 20 September; National Day off 1-7
October with make-up Saturday 10 October.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qsdomain.calendars import china
from qsdomain.commitments import (
    Accepted,
    Case,
    ClockState,
    Decided,
    DeficiencyNotified,
    Delivered,
    ExclusionEnded,
    ExclusionStarted,
    ExtensionGranted,
    MaterialsCompleted,
    MeetingHeld,
    Mode,
    ObligationKind,
    ProgressReported,
    Received,
    ServiceItem,
    Withdrawn,
    clock,
)
from qsdomain.errors import CalendarNotCoveredError, InvalidInputError, QSDomainError
from qsdomain.strategies import cases

SH = ZoneInfo("Asia/Shanghai")
CAL = china()


def at(y: int, m: int, d: int, hh: int = 10, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=SH)


def item(
    mode: str = "tracked", statutory: int = 20, committed: int = 10, **kw: object
) -> ServiceItem:
    return ServiceItem(
        code="X", name="x", mode=mode, statutory_limit=statutory, committed_limit=committed, **kw
    )


def accepted_case(accepted: date, it: ServiceItem | None = None, *more: object) -> Case:
    """A case received and accepted on ``accepted`` at 10:00 and 11:00, then ``more`` events."""
    y, m, d = accepted.year, accepted.month, accepted.day
    events = [Received(at=at(y, m, d, 10)), Accepted(at=at(y, m, d, 11)), *more]
    return Case(id="c", item=it or item(), events=events)


# -- the contract ------------------------------------------------------------------------------


def test_the_contract_example_works_as_written() -> None:
    it = ServiceItem(code="XK-001", name="工业产品生产许可证 发证", mode=Mode.TRACKED,
                     statutory_limit=20, committed_limit=10)  # fmt: skip
    case = Case(id="2026-0928-001", item=it, events=[
        Received(at=datetime(2026, 9, 28, 10, 0, tzinfo=SH)),
        Accepted(at=datetime(2026, 9, 28, 15, 0, tzinfo=SH))])  # fmt: skip
    c = clock(case, as_of=date(2026, 10, 9), calendar=china())
    assert c.accepted_on == date(2026, 9, 28)
    # 29, 30 Sep; 8, 9, 10 (make-up Saturday), 12-16 Oct: the 10th counted day is 16 October.
    assert c.committed.due == date(2026, 10, 16)
    assert c.statutory.due == date(2026, 10, 30)
    assert c.state.value == "on_track"
    assert c.committed.used == 4  # 29, 30 Sep, 8, 9 Oct
    assert c.state is c.committed.state


# -- holiday breaks, make-up days, year end ----------------------------------------------------


def test_spring_festival_break_and_its_make_up_saturdays() -> None:
    # Accepted Friday 13 Feb: Sat 14 (make-up) is day 1, 16-23 off, 24-27 are days 2-5.
    c = clock(accepted_case(date(2026, 2, 13), item(committed=5)), date(2026, 2, 24))
    assert c.committed.due == date(2026, 2, 27)
    assert c.committed.used == 2
    six = clock(accepted_case(date(2026, 2, 13), item(committed=6)), date(2026, 2, 24))
    assert six.committed.due == date(2026, 2, 28)  # the second make-up Saturday


def test_national_day_break() -> None:
    c = clock(accepted_case(date(2026, 9, 30), item(committed=5)), date(2026, 10, 1))
    assert c.committed.due == date(2026, 10, 13)  # 8, 9, 10 (Sat), 12, 13


def test_year_end_2026_is_inside_the_coverage() -> None:
    c = clock(
        accepted_case(date(2026, 12, 10), item(statutory=15, committed=10)), date(2026, 12, 11)
    )
    assert c.committed.due == date(2026, 12, 24)
    assert c.statutory.due == date(2026, 12, 31)
    assert not c.provisional


def test_a_due_date_past_the_coverage_is_a_typed_error_unless_extended() -> None:
    case = accepted_case(date(2026, 12, 10), item(statutory=16, committed=10))
    with pytest.raises(CalendarNotCoveredError):
        clock(case, date(2026, 12, 11))
    extended = CAL.extended(until=date(2027, 12, 31))
    c = clock(case, date(2026, 12, 11), calendar=extended)
    assert c.statutory.due == date(2027, 1, 1)  # weekends-only assumption: provisional
    assert c.provisional


# -- deemed acceptance (art. 32(4)) ------------------------------------------------------------


def test_notice_on_the_6th_working_day_means_deemed_acceptance_on_receipt() -> None:
    # Received Mon 2 Nov; the 5th working day after is Mon 9 Nov; notice on Tue 10 Nov.
    events = [
        Received(at=at(2026, 11, 2)),
        DeficiencyNotified(at=at(2026, 11, 10), missing=["章程"]),
    ]
    c = clock(Case(id="c", item=item(), events=events), date(2026, 11, 10))
    assert c.deemed_accepted
    assert c.accepted_on == date(2026, 11, 2)
    assert c.committed.due == CAL.add_working_days(date(2026, 11, 2), 10)


def test_notice_on_the_5th_working_day_is_in_time() -> None:
    events = [
        Received(at=at(2026, 11, 2)),
        DeficiencyNotified(at=at(2026, 11, 9), missing=["章程"]),
    ]
    c = clock(Case(id="c", item=item(), events=events), date(2026, 11, 20))
    assert not c.deemed_accepted
    assert c.accepted_on is None
    assert c.state is ClockState.NOT_STARTED


def test_the_5th_working_day_can_be_a_make_up_sunday() -> None:
    # Received Mon 14 Sep: 15-18 are days 1-4 and Sunday 20 Sep (make-up) is day 5.
    late = [Received(at=at(2026, 9, 14)), DeficiencyNotified(at=at(2026, 9, 21), missing=["a"])]
    on_time = [Received(at=at(2026, 9, 14)), DeficiencyNotified(at=at(2026, 9, 20), missing=["a"])]
    assert clock(Case(id="c", item=item(), events=late), date(2026, 9, 21)).deemed_accepted
    assert not clock(Case(id="c", item=item(), events=on_time), date(2026, 9, 21)).deemed_accepted


def test_silence_past_the_5th_working_day_is_deemed_acceptance() -> None:
    case = Case(id="c", item=item(), events=[Received(at=at(2026, 11, 2))])
    before = clock(case, date(2026, 11, 9))
    assert before.accepted_on is None
    assert before.next_obligation is not None
    assert before.next_obligation.kind is ObligationKind.NOTIFY_OR_ACCEPT
    assert before.next_obligation.by == date(2026, 11, 9)
    after = clock(case, date(2026, 11, 10))
    assert after.deemed_accepted
    assert after.accepted_on == date(2026, 11, 2)


def test_guided_clock_starts_when_the_materials_are_complete() -> None:
    events = [
        Received(at=at(2026, 11, 2)),
        DeficiencyNotified(at=at(2026, 11, 3), missing=["章程"]),
        MaterialsCompleted(at=at(2026, 11, 16)),
    ]
    c = clock(Case(id="c", item=item("guided", 20, 5), events=events), date(2026, 11, 17))
    assert c.accepted_on == date(2026, 11, 16)
    assert c.committed.due == date(2026, 11, 23)


def test_rongque_acceptance_keeps_the_clock_running_with_a_sub_deadline() -> None:
    it = item("guided", 20, 10, outstanding_limit=3)
    events = [Received(at=at(2026, 11, 2)), Accepted(at=at(2026, 11, 2, 11), outstanding=["照片"])]
    c = clock(Case(id="c", item=it, events=events), date(2026, 11, 3))
    assert c.accepted_on == date(2026, 11, 2)
    assert c.next_obligation is not None
    assert c.next_obligation.kind is ObligationKind.SUPPLY_OUTSTANDING
    assert c.next_obligation.by == date(2026, 11, 5)
    supplied = Case(id="c", item=it, events=[*events, MaterialsCompleted(at=at(2026, 11, 4))])
    c2 = clock(supplied, date(2026, 11, 4))
    assert c2.next_obligation is not None
    assert c2.next_obligation.kind is ObligationKind.DECIDE
    assert c2.committed.due == c.committed.due  # the clock never stopped


# -- exclusions (art. 45) and extensions (art. 42) ---------------------------------------------


def test_expert_review_spanning_national_day() -> None:
    # Accepted Mon 21 Sep; counted 22, 23, 24, 28 Sep (25 is Mid-Autumn); review 29 Sep-9 Oct
    # takes out 29, 30 Sep, 8, 9 Oct; then 10 Oct (Sat) is day 5 ... 30 Oct is day 20.
    review = [
        ExclusionStarted(at=at(2026, 9, 29), kind="expert_review", notified=date(2026, 9, 29)),
        ExclusionEnded(at=at(2026, 10, 9, 16)),
    ]
    c = clock(accepted_case(date(2026, 9, 21), item(), *review), date(2026, 10, 12))
    assert c.statutory.due == date(2026, 10, 30)
    assert c.excluded_days == 4
    plain = clock(accepted_case(date(2026, 9, 21)), date(2026, 10, 12))
    assert plain.statutory.due == date(2026, 10, 26)


def test_a_running_exclusion_pauses_the_clock() -> None:
    start = ExclusionStarted(at=at(2026, 9, 29), kind="testing")
    c = clock(accepted_case(date(2026, 9, 21), item(), start), date(2026, 10, 12))
    assert c.statutory.paused
    assert c.statutory.due is None
    assert c.statutory.used == 4
    assert c.next_obligation is not None
    assert c.next_obligation.kind is ObligationKind.NOTIFY_EXCLUSION  # art. 45: tell in writing


def test_an_extension_adds_to_both_clocks() -> None:
    ext = ExtensionGranted(at=at(2026, 10, 12), days=10, by="局长", reason="需现场核查")
    c = clock(accepted_case(date(2026, 9, 28), item(), ext), date(2026, 10, 12))
    assert c.statutory.limit == 30
    assert c.committed.limit == 20
    assert c.statutory.due == CAL.add_working_days(date(2026, 9, 28), 30)


def test_an_extension_granted_twice_is_rejected() -> None:
    ext = ExtensionGranted(at=at(2026, 10, 12), days=5, by="局长", reason="a")
    again = ExtensionGranted(at=at(2026, 10, 13), days=5, by="局长", reason="b")
    with pytest.raises(InvalidInputError) as err:
        accepted_case(date(2026, 9, 28), item(), ext, again)
    assert err.value.field == "events[3]"


# -- states -------------------------------------------------------------------------------------


def test_states_through_the_life_of_a_case() -> None:
    case = accepted_case(date(2026, 9, 28), item(committed=10, warn_at=[0.5]))
    assert clock(case, date(2026, 9, 27)).state is ClockState.NOT_STARTED
    assert clock(case, date(2026, 10, 9)).state is ClockState.ON_TRACK  # 4 of 10
    assert clock(case, date(2026, 10, 10)).state is ClockState.WARNING  # 5 of 10
    assert clock(case, date(2026, 10, 16)).state is ClockState.WARNING  # due day itself
    assert clock(case, date(2026, 10, 17)).state is ClockState.BREACHED
    met = accepted_case(date(2026, 9, 28), item(), Decided(at=at(2026, 10, 16, 17)))
    assert clock(met, date(2026, 11, 30)).state is ClockState.MET
    missed = accepted_case(date(2026, 9, 28), item(), Decided(at=at(2026, 10, 19)))
    c = clock(missed, date(2026, 11, 30))
    assert c.state is ClockState.MISSED
    assert c.statutory.state is ClockState.MET
    assert c.committed.left == -1
    gone = accepted_case(date(2026, 9, 28), item(), Withdrawn(at=at(2026, 10, 8)))
    assert clock(gone, date(2026, 10, 30)).state is ClockState.WITHDRAWN


def test_delivery_is_due_within_the_delivery_limit_after_the_decision() -> None:
    case = accepted_case(date(2026, 9, 28), item(), Decided(at=at(2026, 9, 30)))
    c = clock(case, date(2026, 10, 1))
    assert c.delivery_due == date(2026, 10, 20)  # art. 44: 8, 9, 10, 12-16, 19, 20 Oct
    assert c.next_obligation is not None
    assert c.next_obligation.kind is ObligationKind.DELIVER
    done = accepted_case(
        date(2026, 9, 28), item(), Decided(at=at(2026, 9, 30)), Delivered(at=at(2026, 10, 8))
    )
    assert clock(done, date(2026, 10, 9)).next_obligation is None


def test_tracked_items_owe_progress_reports() -> None:
    it = item("tracked", progress_every=3)
    report = ProgressReported(at=at(2026, 10, 9))
    c = clock(accepted_case(date(2026, 9, 28), it, report), date(2026, 10, 9))
    assert c.next_obligation is not None
    assert c.next_obligation.kind is ObligationKind.REPORT_PROGRESS
    assert c.next_obligation.by == date(2026, 10, 13)  # 10 (Sat), 12, 13


def test_coordinated_items_use_45_plus_15_and_a_meeting() -> None:
    it = item("coordinated", 45, 30)
    assert it.max_extension == 15
    c = clock(accepted_case(date(2026, 9, 28), it), date(2026, 9, 29))
    assert c.next_obligation is not None
    assert c.next_obligation.kind is ObligationKind.HOLD_MEETING
    assert c.next_obligation.by == CAL.add_working_days(date(2026, 9, 28), 10)
    held = clock(
        accepted_case(date(2026, 9, 28), it, MeetingHeld(at=at(2026, 9, 29))), date(2026, 9, 29)
    )
    assert held.next_obligation is not None
    assert held.next_obligation.kind is ObligationKind.DECIDE


def test_overtime_counts_rest_days_on_the_committed_clock_only() -> None:
    c = clock(accepted_case(date(2026, 9, 30), item("overtime", 20, 5)), date(2026, 10, 1))
    assert c.committed.due == date(2026, 10, 5)  # 1-5 October, holidays worked
    assert c.statutory.due == CAL.add_working_days(date(2026, 9, 30), 20)


# -- the hour-level rule of immediate items (art. 34) ------------------------------------------


def immediate(received: datetime, *more: object) -> Case:
    it = item("immediate", 20, 0)
    return Case(id="c", item=it, events=[Received(at=received), Accepted(at=received), *more])


def test_immediate_decided_before_close_is_met_after_close_missed() -> None:
    assert (
        clock(
            immediate(at(2026, 10, 9, 10), Decided(at=at(2026, 10, 9, 17, 30))), date(2026, 10, 9)
        ).state
        is ClockState.MET
    )
    late = clock(
        immediate(at(2026, 10, 9, 10), Decided(at=at(2026, 10, 9, 17, 31))), date(2026, 10, 9)
    )
    assert late.state is ClockState.MISSED


def test_immediate_open_is_breached_after_close_of_business() -> None:
    case = immediate(at(2026, 10, 9, 10))
    assert clock(case, at(2026, 10, 9, 17, 0)).state is ClockState.ON_TRACK
    assert clock(case, at(2026, 10, 9, 17, 31)).state is ClockState.BREACHED
    assert clock(case, date(2026, 10, 9)).state is ClockState.BREACHED  # read at close of day


def test_immediate_received_after_close_is_due_the_next_working_day() -> None:
    c = clock(immediate(at(2026, 9, 30, 18, 0)), date(2026, 9, 30))
    assert c.committed.due == date(2026, 10, 8)
    assert c.state is ClockState.ON_TRACK


# -- laws ---------------------------------------------------------------------------------------

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def counted(start: date, end: date, spans: object) -> int:
    """Reference count: working days x with start < x <= end, outside every span (a day loop)."""
    total, day = 0, start + timedelta(days=1)
    while day <= end:
        inside = any(s.start <= day <= (s.end or date.max) for s in spans)  # type: ignore[attr-defined]
        total += CAL.is_working_day(day) and not inside
        day += timedelta(days=1)
    return total


def as_of_for(case: Case, offset: int) -> date:
    return min(case.events[0].at.astimezone(SH).date() + timedelta(days=offset), date(2026, 9, 30))


@SETTINGS
@given(cases(), st.integers(0, 200))
def test_counted_days_between_acceptance_and_due_equal_the_limit(case: Case, offset: int) -> None:
    c = clock(case, as_of_for(case, offset))
    state = case.state_at(
        datetime.combine(c.as_of, datetime.max.time(), tzinfo=ZoneInfo(case.item.zone))
    )
    if c.accepted_on is not None and c.statutory.due is not None:
        assert counted(c.accepted_on, c.statutory.due, state.exclusions) == c.statutory.limit
        assert c.statutory.limit == case.item.statutory_limit + state.extension_days


@SETTINGS
@given(cases(), st.integers(0, 200))
def test_committed_due_never_after_statutory_due(case: Case, offset: int) -> None:
    """Holds for every mode, overtime included (counting rest days only brings the committed
    due date earlier); the one exception is an immediate item whose statutory limit is 0,
    received after close, whose committed clock moves to the next working day."""
    c = clock(case, as_of_for(case, offset))
    if c.committed.due is None or c.statutory.due is None:
        return
    if case.item.mode is Mode.IMMEDIATE and case.item.statutory_limit == 0:
        return
    assert c.committed.due <= c.statutory.due


@SETTINGS
@given(cases(), st.integers(0, 200))
def test_the_clock_on_a_date_depends_only_on_events_up_to_it(case: Case, offset: int) -> None:
    day = as_of_for(case, offset)
    tz = ZoneInfo(case.item.zone)
    kept = [e for e in case.events if e.at.astimezone(tz).date() <= day]
    truncated = Case(id=case.id, item=case.item, events=kept, handler=case.handler)
    assert clock(truncated, day) == clock(case, day)


@SETTINGS
@given(
    st.dates(date(2025, 1, 1), date(2026, 6, 30)),
    st.integers(1, 20),
    st.integers(0, 30),
    st.integers(0, 20),
    st.integers(1, 20),
)
def test_a_longer_exclusion_never_makes_the_due_date_earlier(
    accepted: date, start: int, length: int, more: int, limit: int
) -> None:
    def due(days: int) -> date | None:
        s = accepted + timedelta(days=start)
        e = s + timedelta(days=days)
        events = [
            ExclusionStarted(at=datetime(s.year, s.month, s.day, 9, tzinfo=SH), kind="testing"),
            ExclusionEnded(at=datetime(e.year, e.month, e.day, 16, tzinfo=SH)),
        ]
        case = accepted_case(accepted, item(statutory=limit, committed=0), *events)
        return clock(case, e).statutory.due

    shorter, longer = due(length), due(length + more)
    assert shorter is not None
    assert longer is not None
    assert longer >= shorter


# -- bad input ---------------------------------------------------------------------------------


def test_events_out_of_order_name_the_event() -> None:
    with pytest.raises(InvalidInputError) as err:
        Case(
            id="c",
            item=item(),
            events=[Received(at=at(2026, 9, 28, 10)), Accepted(at=at(2026, 9, 28, 9))],
        )
    assert err.value.field == "events[1].at"


def test_an_extension_beyond_the_maximum_names_its_days() -> None:
    ext = ExtensionGranted(at=at(2026, 10, 12), days=11, by="局长", reason="a")
    with pytest.raises(InvalidInputError) as err:
        accepted_case(date(2026, 9, 28), item(), ext)
    assert err.value.field == "events[2].days"


def test_as_of_must_be_a_date_or_an_aware_datetime() -> None:
    case = accepted_case(date(2026, 9, 28))
    with pytest.raises(InvalidInputError) as err:
        clock(case, datetime(2026, 10, 9, 10))  # noqa: DTZ001 - the misuse under test
    assert err.value.field == "as_of"
    with pytest.raises(InvalidInputError):
        clock(case, "2026-10-09")  # type: ignore[arg-type]


# -- the one-off answer ------------------------------------------------------------------------


def test_due_date_agrees_with_the_clock_of_the_same_case() -> None:
    from qsdomain.commitments import due_date  # noqa: PLC0415 - kept beside its only test

    spans = [(date(2026, 9, 29), date(2026, 10, 9))]
    assert due_date(date(2026, 9, 21), 20, exclusions=spans) == date(2026, 10, 30)
    assert due_date(date(2026, 9, 21), 10, extension=10) == due_date(date(2026, 9, 21), 20)
    with pytest.raises(InvalidInputError) as err:
        due_date(date(2026, 9, 21), 20, exclusions=[(date(2026, 10, 9), date(2026, 9, 29))])
    assert err.value.field == "exclusions[0][1]"
    with pytest.raises(CalendarNotCoveredError):
        due_date(date(2026, 12, 21), 20)


# -- the fast working-day counter agrees with the calendar ----------------------------------------


def _outcome(f: object, *args: object) -> object:
    try:
        return f(*args)  # type: ignore[operator]
    except QSDomainError as err:  # the error itself is compared
        return (type(err), str(err))


@settings(max_examples=300, deadline=None)
@given(
    start=st.dates(date(2003, 12, 1), date(2027, 2, 1)),
    end=st.dates(date(2003, 12, 1), date(2027, 2, 1)),
    n=st.integers(-5, 400),
)
def test_the_clocks_counter_answers_as_the_calendar_does(start: date, end: date, n: int) -> None:
    from qsdomain.commitments._kernel import working_days  # noqa: PLC0415 - the fast path

    for cal in (china(), china().extended(until=date(2027, 12, 31))):
        counter = working_days(cal)
        assert _outcome(counter.after, start, n) == _outcome(cal.add_working_days, start, n)
        if end > start:  # before it, nothing is used (and nothing asked)
            assert _outcome(counter.used, start, end, ()) == _outcome(
                cal.working_days_between_excluding, start, end, ()
            )


def test_hot_path_builders_make_the_objects_the_classes_make() -> None:
    from qsdomain.commitments import Deadline, Obligation, ObligationKind  # noqa: PLC0415
    from qsdomain.commitments._clock import _deadline_of, _obligation_of  # noqa: PLC0415

    built = _deadline_of(10, date(2026, 10, 16), 4, 6, ClockState.ON_TRACK, False)
    checked = Deadline(limit=10, due=date(2026, 10, 16), used=4, left=6, state="on_track")
    assert built == checked
    assert hash(built) == hash(checked)
    owed = _obligation_of(ObligationKind.DELIVER, date(2026, 10, 23), False)
    assert type(owed) is Obligation
    assert owed == Obligation(kind="deliver", by=date(2026, 10, 23))
    # A draft that does not fit its class is refused at import: tests/test_drafts.py.
