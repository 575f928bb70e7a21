"""Service items, events and the case fold: construction rules and typed errors."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings

from qsdomain.commitments import (
    Accepted,
    Case,
    CaseClock,
    CaseState,
    Decided,
    DeficiencyNotified,
    Delivered,
    Event,
    ExclusionEnded,
    ExclusionKind,
    ExclusionStarted,
    MaterialsCompleted,
    Mode,
    Phase,
    Received,
    ServiceItem,
    Withdrawn,
    apply,
    clock,
    example_catalogue,
    replay,
)
from qsdomain.errors import InvalidInputError, NaiveDatetimeError
from qsdomain.serialization import from_json, to_json
from qsdomain.strategies import case_clocks, cases

SH = ZoneInfo("Asia/Shanghai")
T = datetime(2026, 9, 28, 10, tzinfo=SH)


def item(**kw: object) -> ServiceItem:
    fields: dict[str, object] = {
        "code": "X", "name": "x", "mode": "guided", "statutory_limit": 20, "committed_limit": 10
    }  # fmt: skip
    fields.update(kw)
    return ServiceItem(**fields)


def later(hours: int) -> datetime:
    return T.replace(hour=10 + hours)


# -- modes and items ---------------------------------------------------------------------------


def test_the_five_modes_and_their_chinese_names() -> None:
    assert [(m.value, m.chinese) for m in Mode] == [
        ("immediate", "马上办"),
        ("guided", "指导办"),
        ("overtime", "加班办"),
        ("tracked", "跟踪办"),
        ("coordinated", "协调办"),
    ]
    assert all(m.meaning for m in Mode)


def test_the_eight_art_45_procedures() -> None:
    assert {k.chinese for k in ExclusionKind} == {
        "听证", "招标", "拍卖", "检验", "检测", "检疫", "鉴定", "专家评审"
    }  # fmt: skip


def test_item_defaults_follow_art_42_and_44() -> None:
    plain = item()
    assert (plain.max_extension, plain.delivery_limit, plain.zone) == (10, 10, "Asia/Shanghai")
    assert plain.business_hours == ("09:00-12:00", "13:30-17:30")
    assert plain.warn_at == (0.5, 0.75)
    assert item(mode="coordinated", statutory_limit=45).max_extension == 15
    assert item(mode="immediate", committed_limit=0).on_the_spot


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"committed_limit": 25}, "service_item.committed_limit"),
        ({"mode": "urgent"}, "mode"),
        ({"mode": "immediate"}, "service_item.committed_limit"),
        (
            {"mode": "immediate", "committed_limit": 0, "on_the_spot": False},
            "service_item.on_the_spot",
        ),
        ({"statutory_limit": -1}, "service_item.statutory_limit"),
        ({"statutory_limit": True}, "service_item.statutory_limit"),
        ({"zone": "Mars/Olympus"}, "zone"),
        ({"business_hours": ["13:30-17:30", "09:00-12:00"]}, "business_hours[1]"),
        ({"business_hours": ["9-12"]}, "business_hours[0]"),
        ({"business_hours": []}, "business_hours"),
        ({"excludable": ["nap"]}, "excludable[0]"),
        ({"warn_at": [0.75, 0.5]}, "warn_at"),
        ({"warn_at": [1.5]}, "warn_at[0]"),
    ],
)
def test_bad_items_are_typed_errors_naming_the_field(
    changes: dict[str, object], field: str
) -> None:
    with pytest.raises(InvalidInputError) as err:
        item(**changes)
    assert err.value.field == field


def test_the_example_catalogue_cites_each_limit() -> None:
    items = {i.code: i for i in example_catalogue()}
    assert items["XK-GYCP"].statutory_limit == 60
    assert items["SP-SC"].max_extension == 5
    assert items["JL-JDZS"].mode is Mode.IMMEDIATE
    for i in items.values():
        assert i.basis
        assert "confirmed" in i.basis[0] or "unconfirmed" in i.basis[0]


# -- events ------------------------------------------------------------------------------------


def test_a_naive_datetime_is_refused() -> None:
    with pytest.raises(NaiveDatetimeError) as err:
        Received(at=datetime(2026, 9, 28, 10))  # noqa: DTZ001 - the misuse under test
    assert err.value.field == "at"


def test_a_deficiency_notice_lists_at_least_one_item() -> None:
    with pytest.raises(InvalidInputError) as err:
        DeficiencyNotified(at=T, missing=[])
    assert err.value.field == "missing"
    with pytest.raises(InvalidInputError):
        DeficiencyNotified(at=T, missing="营业执照")  # a string is not a list


def test_an_unknown_exclusion_kind_is_refused() -> None:
    with pytest.raises(InvalidInputError) as err:
        ExclusionStarted(at=T, kind="lunch")
    assert err.value.field == "kind"


# -- the fold ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("events", "field"),
    [
        ([Accepted(at=T)], "events[0]"),
        ([Received(at=T), ExclusionEnded(at=later(1))], "events[1]"),
        ([Received(at=T), Withdrawn(at=later(1)), Accepted(at=later(2))], "events[2]"),
        (
            [Received(at=T), Decided(at=later(1)), Delivered(at=later(2)), Decided(at=later(3))],
            "events[3]",
        ),
        (
            [
                Received(at=T),
                DeficiencyNotified(at=later(1), missing=["a"]),
                MaterialsCompleted(at=later(2)),
                DeficiencyNotified(at=later(3), missing=["b"]),
            ],
            "events[3]",
        ),
        ([Received(at=T), Accepted(at=later(1)), MaterialsCompleted(at=later(2))], "events[2]"),
        (
            [
                Received(at=T),
                ExclusionStarted(at=later(1), kind="testing"),
                ExclusionStarted(at=later(2), kind="testing"),
            ],
            "events[2]",
        ),
        ([Received(at=T), Received(at=later(1))], "events[1]"),
        ([Received(at=T), "accepted"], "events[1]"),
        ([], "events"),
    ],
)
def test_inconsistent_timelines_name_the_event(events: list[object], field: str) -> None:
    with pytest.raises(InvalidInputError) as err:
        Case(id="c", item=item(), events=events)
    assert err.value.field == field


def test_an_exclusion_the_item_does_not_allow_is_refused() -> None:
    it = item(excludable=["testing"])
    with pytest.raises(InvalidInputError) as err:
        Case(
            id="c", item=it, events=[Received(at=T), ExclusionStarted(at=later(1), kind="hearing")]
        )
    assert err.value.field == "events[1].kind"


def test_replay_is_the_fold_of_apply() -> None:
    events: list[Event] = [Received(at=T), Accepted(at=later(1)), Decided(at=later(2))]
    state = CaseState.start()
    folded = []
    for event in events:
        state = apply(state, event, item())
        folded.append(state)
    assert tuple(folded) == replay(events, item())
    assert [s.phase for s in folded] == [Phase.RECEIVED, Phase.ACCEPTED, Phase.DECIDED]


def test_a_decision_closes_a_running_exclusion_at_its_day() -> None:
    events = [
        Received(at=T),
        Accepted(at=later(1)),
        ExclusionStarted(at=later(2), kind="testing"),
        Decided(at=datetime(2026, 10, 9, 10, tzinfo=SH)),
    ]
    span = Case(id="c", item=item(), events=events).state.exclusions[0]
    assert (span.start, span.end) == (date(2026, 9, 28), date(2026, 10, 9))


def test_local_dates_use_the_items_zone() -> None:
    # 23:30 UTC on 27 September is 07:30 on 28 September in Shanghai.
    utc = datetime(2026, 9, 27, 23, 30, tzinfo=ZoneInfo("UTC"))
    case = Case(id="c", item=item(), events=[Received(at=utc), Accepted(at=utc)])
    assert clock(case, date(2026, 9, 28)).accepted_on == date(2026, 9, 28)


# -- serialization -----------------------------------------------------------------------------

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(cases())
def test_cases_round_trip(case: Case) -> None:
    assert from_json(to_json(case), Case) == case


@SETTINGS
@given(case_clocks())
def test_clocks_round_trip(c: CaseClock) -> None:
    assert from_json(to_json(c), CaseClock) == c


def test_events_are_tagged_in_json() -> None:
    case = Case(id="c", item=item(), events=[Received(at=T)])
    assert '"event": "received"' in to_json(case)
    with pytest.raises(InvalidInputError) as err:
        from_json(to_json(case).replace('"received"', '"arrived"'), Case)
    assert err.value.field.startswith("$.events[0]")
