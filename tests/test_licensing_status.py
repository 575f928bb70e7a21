"""Status on a day: the issue's contract, worked cases and the lifecycle's errors."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from qsdomain.calendars import china
from qsdomain.errors import CalendarNotCoveredError, InvalidInputError
from qsdomain.licensing import (
    Cancelled,
    Changed,
    Licence,
    LicenceState,
    Policy,
    RenewalApplied,
    RenewalRefused,
    Renewed,
    Revoked,
    Suspended,
    Withdrawn,
    status,
)
from qsdomain.periods import Lead, LeadUnit

S = LicenceState


def food(issued: date) -> Licence:
    return Licence(kind="food_production", number="SC1", holder="某食品有限公司", issued=issued)


def industrial(issued: date = date(2021, 3, 15)) -> Licence:
    return Licence(kind="industrial_product", number="XK1", holder="某厂", issued=issued)


def test_the_issue_contract_works_as_written() -> None:
    lic = Licence(
        kind="food_production", number="SC10633010200001", holder="某食品有限公司",
        issued=date(2021, 10, 20),
    )  # fmt: skip
    st = status(lic, (), date(2026, 6, 1), calendar=china())
    assert st.state.value == "valid"
    assert st.expires == date(2026, 10, 19)
    assert st.renewal_due == Lead(30, LeadUnit.WORKING_DAYS).before(st.expires, calendar=china())
    later = status(lic, [RenewalApplied(on=date(2026, 8, 3))], date(2026, 10, 20), calendar=china())
    assert later.state.value == "deemed_renewed"
    assert later.expires == date(2031, 10, 19)  # a full term from the day after the old expiry
    assert later.since == date(2026, 10, 20)


def test_a_food_licence_expiring_just_after_national_day() -> None:
    """Expiry Thu 2026-10-08: the 30 working days skip Oct 1-7 and Sep 25-27 and count the
    make-up Sunday Sep 20 (国办发明电〔2025〕7号)."""
    lic = food(date(2021, 10, 9))
    st = status(lic, (), date(2026, 8, 1))
    assert st.expires == date(2026, 10, 8)
    assert st.renewal_due == date(2026, 8, 20)
    cal = china()
    assert cal.working_days_between(date(2026, 8, 20), date(2026, 10, 8)) == 30
    on_the_day = status(lic, [RenewalApplied(on=date(2026, 8, 20))], date(2026, 10, 9))
    assert on_the_day.state is S.DEEMED_RENEWED
    a_day_late = status(lic, [RenewalApplied(on=date(2026, 8, 21))], date(2026, 10, 9))
    assert a_day_late.state is S.EXPIRED
    assert a_day_late.since == date(2026, 10, 9)


def test_a_30_working_day_lead_across_the_spring_festival() -> None:
    """Expiry 2026-03-10: the lead skips 16-20 and 23 Feb 2026 and counts Sat 14 and 28 Feb."""
    lic = food(date(2021, 3, 11))
    st = status(lic, (), date(2026, 1, 5))
    assert st.expires == date(2026, 3, 10)
    assert st.renewal_due == date(2026, 1, 21)
    by_hand = [
        date(2026, 1, 21) + timedelta(days=i)
        for i in range(1, 49)
        if china().is_working_day(date(2026, 1, 21) + timedelta(days=i))
    ]
    assert len(by_hand) == 30
    assert by_hand[-1] == date(2026, 3, 10)


def test_leap_day_issue_and_month_end_leads() -> None:
    lic = industrial(date(2020, 2, 29))
    st = status(lic, (), date(2024, 1, 1))
    assert (st.expires, st.renewal_due) == (date(2025, 2, 28), date(2024, 8, 28))
    operator = Licence(
        kind="special_equipment_operator", number="T1", holder="张三", issued=date(2022, 5, 31)
    )
    st = status(operator, (), date(2025, 1, 1))
    assert (st.expires, st.renewal_due) == (date(2026, 5, 30), date(2026, 2, 28))


@pytest.mark.parametrize(
    ("as_of", "state", "since"),
    [
        (date(2021, 3, 14), S.NOT_YET_VALID, None),
        (date(2021, 3, 15), S.VALID, date(2021, 3, 15)),
        (date(2025, 8, 14), S.VALID, date(2021, 3, 15)),
        (date(2025, 8, 15), S.RENEWAL_DUE_SOON, date(2025, 8, 15)),  # 30 days before 9-14
        (date(2025, 9, 14), S.RENEWAL_DUE_SOON, date(2025, 8, 15)),  # the last day in time
        (date(2025, 9, 15), S.RENEWAL_OVERDUE, date(2025, 9, 15)),
        (date(2026, 3, 14), S.RENEWAL_OVERDUE, date(2025, 9, 15)),  # the last day of validity
        (date(2026, 3, 15), S.EXPIRED, date(2026, 3, 15)),
    ],
)
def test_a_licence_without_events_through_time(
    as_of: date, state: LicenceState, since: date | None
) -> None:
    st = status(industrial(), (), as_of)
    assert (st.state, st.since) == (state, since)
    # due: the last day to file (2025-09-14) while no filing is made, the expiry once expired
    due = date(2026, 3, 14) if state is S.EXPIRED else date(2025, 9, 14)
    assert (st.due, st.days_left) == (due, (due - as_of).days)
    assert st.expires == date(2026, 3, 14)


def test_the_warning_window_is_a_policy() -> None:
    st = status(industrial(), (), date(2025, 8, 1), policy=Policy(warning_days=30))
    assert st.state is S.VALID
    assert status(industrial(), (), date(2025, 9, 14), policy=Policy(0)).state is S.RENEWAL_DUE_SOON


def test_a_timely_filing_is_pending_then_deemed_renewed() -> None:
    events = [RenewalApplied(on=date(2025, 9, 1))]
    assert status(industrial(), events, date(2025, 10, 1)).state is S.RENEWAL_PENDING
    st = status(industrial(), events, date(2026, 3, 15))
    assert (st.state, st.expires, st.since) == (
        S.DEEMED_RENEWED,
        date(2031, 3, 14),
        date(2026, 3, 15),
    )


def test_a_decision_before_expiry_prevents_deemed_renewal() -> None:
    refused = [RenewalApplied(on=date(2025, 9, 1)), RenewalRefused(on=date(2026, 3, 1))]
    assert status(industrial(), refused, date(2026, 3, 15)).state is S.EXPIRED
    renewed = [RenewalApplied(on=date(2025, 9, 1)), Renewed(on=date(2026, 3, 1))]
    st = status(industrial(), renewed, date(2026, 3, 15))
    assert (st.state, st.expires) == (S.VALID, date(2031, 3, 14))
    printed = [
        RenewalApplied(on=date(2025, 9, 1)),
        Renewed(on=date(2026, 3, 1), valid_until=date(2031, 2, 28)),
    ]
    assert status(industrial(), printed, date(2026, 3, 15)).expires == date(2031, 2, 28)


def test_a_late_filing_undecided_at_expiry_leaves_the_licence_expired() -> None:
    late = [RenewalApplied(on=date(2025, 9, 15))]
    during = status(industrial(), late, date(2026, 1, 1))
    assert during.state is S.RENEWAL_OVERDUE
    assert "late" in during.reason
    assert status(industrial(), late, date(2026, 3, 15)).state is S.EXPIRED


def test_a_decision_after_deemed_renewal_confirms_it() -> None:
    events = [RenewalApplied(on=date(2025, 9, 1)), Renewed(on=date(2026, 4, 1))]
    st = status(industrial(), events, date(2026, 5, 1))
    assert (st.state, st.expires, st.since) == (S.VALID, date(2031, 3, 14), date(2026, 4, 1))


def test_a_suspension_ends_by_itself() -> None:
    events = [Suspended(on=date(2023, 4, 1), until=date(2023, 6, 30))]
    assert status(industrial(), events, date(2023, 3, 31)).state is S.VALID
    assert status(industrial(), events, date(2023, 4, 1)).state is S.SUSPENDED
    assert status(industrial(), events, date(2023, 6, 30)).state is S.SUSPENDED
    back = status(industrial(), events, date(2023, 7, 1))
    assert (back.state, back.since) == (S.VALID, date(2023, 7, 1))


@pytest.mark.parametrize(
    ("event", "state"),
    [(Revoked, S.REVOKED), (Withdrawn, S.WITHDRAWN), (Cancelled, S.CANCELLED)],
)
def test_final_acts_are_final(event: type, state: LicenceState) -> None:
    events = [event(on=date(2023, 1, 9))]
    st = status(industrial(), events, date(2030, 1, 1))
    assert (st.state, st.since, st.days_left, st.renewal_due) == (
        state,
        date(2023, 1, 9),
        None,
        None,
    )
    for after in (
        Changed(on=date(2023, 2, 1)),
        Renewed(on=date(2023, 2, 1)),
        event(on=date(2023, 2, 1)),
    ):
        with pytest.raises(InvalidInputError) as err:
            status(industrial(), [*events, after], date(2023, 1, 1))
        assert err.value.field == "events[1]"


def test_cancelling_an_expired_licence_is_allowed_changing_it_is_not() -> None:
    st = status(industrial(), [Cancelled(on=date(2026, 4, 1))], date(2026, 5, 1))
    assert st.state is S.CANCELLED
    with pytest.raises(InvalidInputError, match="expired since 2026-03-15"):
        status(industrial(), [Changed(on=date(2026, 4, 1))], date(2026, 5, 1))


def test_a_change_never_moves_the_expiry() -> None:
    st = status(industrial(), [Changed(on=date(2023, 5, 5))], date(2024, 1, 1))
    assert st.expires == date(2026, 3, 14)
    assert st.state is S.VALID


def test_events_out_of_order_are_an_error() -> None:
    events = [Changed(on=date(2023, 5, 5)), Changed(on=date(2023, 5, 4))]
    with pytest.raises(InvalidInputError) as err:
        status(industrial(), events, date(2024, 1, 1))
    assert err.value.field == "events[1].on"


def test_an_event_before_the_issue_date_is_an_error() -> None:
    with pytest.raises(InvalidInputError) as err:
        status(industrial(), [Changed(on=date(2021, 3, 14))], date(2024, 1, 1))
    assert err.value.field == "events[0].on"


def test_a_later_bad_event_is_an_error_whatever_the_day() -> None:
    events = [Revoked(on=date(2024, 1, 1)), Renewed(on=date(2025, 1, 1))]
    with pytest.raises(InvalidInputError):
        status(industrial(), events, date(2022, 1, 1))


def test_a_suspension_ending_before_it_starts_is_an_error() -> None:
    with pytest.raises(InvalidInputError) as err:
        Suspended(on=date(2024, 3, 1), until=date(2024, 2, 29))
    assert err.value.field == "suspended.until"


def test_a_second_filing_while_one_is_undecided_is_an_error() -> None:
    events = [RenewalApplied(on=date(2025, 9, 1)), RenewalApplied(on=date(2025, 9, 2))]
    with pytest.raises(InvalidInputError) as err:
        status(industrial(), events, date(2025, 10, 1))
    assert err.value.field == "events[1]"


def test_a_naive_datetime_is_not_a_day() -> None:
    with pytest.raises(InvalidInputError) as err:
        status(industrial(), (), datetime(2024, 1, 1, 9))  # noqa: DTZ001
    assert err.value.field == "as_of"
    with pytest.raises(InvalidInputError) as err:
        RenewalApplied(on=datetime(2024, 1, 1, 9))  # noqa: DTZ001
    assert err.value.field == "renewal_applied.on"


def test_a_working_day_lead_beyond_the_calendar_raises_where_the_state_needs_it() -> None:
    lic = food(date(2022, 6, 1))  # expires 2027-05-31, beyond china()'s 2026 coverage
    far = status(lic, (), date(2024, 1, 1))
    assert far.state is S.VALID
    assert far.renewal_due is None
    with pytest.raises(CalendarNotCoveredError):
        status(lic, (), date(2027, 3, 1))
    with pytest.raises(CalendarNotCoveredError):  # the remembered failure is raised again
        status(lic, (), date(2027, 3, 1))
    extended = china().extended(until=date(2027, 12, 31))
    assert status(lic, (), date(2027, 3, 1), calendar=extended).renewal_due is not None


def test_a_printed_expiry_that_disagrees_is_named_in_the_reason() -> None:
    lic = Licence(
        kind="industrial_product", number="XK1", holder="某厂", issued=date(2021, 3, 15),
        valid_until=date(2026, 3, 15),
    )  # fmt: skip
    st = status(lic, (), date(2024, 1, 1))
    assert st.expires == date(2026, 3, 15)
    assert "2026-03-15 differs" in st.reason


@pytest.mark.parametrize(
    "history",
    [
        pytest.param([RenewalRefused(on=date(2026, 1, 5))], id="no-filing"),
        pytest.param(
            [
                RenewalApplied(on=date(2025, 9, 1)),
                RenewalRefused(on=date(2025, 12, 1)),
                RenewalRefused(on=date(2026, 1, 5)),
            ],
            id="refused-twice",
        ),
        pytest.param(
            [
                RenewalApplied(on=date(2025, 9, 1)),
                Renewed(on=date(2025, 12, 1)),
                RenewalRefused(on=date(2026, 1, 5)),
            ],
            id="after-the-renewal",
        ),
    ],
)
def test_a_refusal_with_no_undecided_filing_is_refused(history: list[object]) -> None:
    """行政许可法 art. 50: a refusal answers an application to renew; with no filing undecided
    there is nothing to refuse, and the event is named (#20 item 11; it was accepted silently)."""
    at = len(history) - 1
    with pytest.raises(InvalidInputError, match=rf"events\[{at}\] must be a RenewalRefused"):
        status(industrial(), history, date(2026, 2, 1))  # type: ignore[arg-type]
