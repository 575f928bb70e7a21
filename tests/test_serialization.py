"""One converter for every public type: round trips are exact, bad data names its path."""

from __future__ import annotations

import json
import math
import time
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import given

from qsdomain import limits
from qsdomain.calendars import Coverage, ProvisionalSpan, WorkingCalendar
from qsdomain.desk import ActionItem, Report, Section
from qsdomain.errors import InvalidInputError, NaiveDatetimeError, StructuringError
from qsdomain.periods import Convention, Lead, LeadUnit, Term
from qsdomain.sampling import (
    AuthorityRequiresNormal,
    CorrectiveActionAccepted,
    LotPlan,
    LotResult,
    ProductionIrregular,
    ReducedApproval,
    SamplingPlan,
    SwitchingEvent,
    SwitchingState,
    TableSource,
    plan_for,
)
from qsdomain.serialization import from_json, structure, to_json, unstructure
from strategies import (
    leads,
    lot_plans,
    switching_histories,
    synthetic_calendars,
    table_plans,
    terms,
)


@attrs.frozen
class Licence:
    """A small nested record standing in for the rule families' types."""

    issued: date
    term: Term
    convention: Convention
    received_at: datetime
    leads: tuple[Lead, ...] = ()


SHANGHAI = ZoneInfo("Asia/Shanghai")


@given(terms())
def test_terms_round_trip(term: Term) -> None:
    assert from_json(to_json(term), Term) == term


@given(leads())
def test_leads_round_trip(lead: Lead) -> None:
    assert structure(unstructure(lead), Lead) == lead


@given(synthetic_calendars(max_days=60))
def test_calendars_round_trip(cal: WorkingCalendar) -> None:
    assert from_json(to_json(cal), WorkingCalendar) == cal


def test_extended_calendar_round_trips_with_its_provisional_span() -> None:
    cal = WorkingCalendar.weekends_only(date(2026, 1, 1), date(2026, 1, 31)).extended(
        until=date(2026, 2, 28)
    )
    again = from_json(to_json(cal), WorkingCalendar)
    assert again == cal
    assert again.provisional == (
        ProvisionalSpan(date(2026, 2, 1), date(2026, 2, 28), cal.provisional[0].assumption),
    )
    assert again.is_provisional(date(2026, 2, 2))


def test_plain_forms() -> None:
    record = Licence(
        issued=date(2021, 3, 15),
        term=Term(years=5),
        convention=Convention.INCLUSIVE,
        received_at=datetime(2026, 10, 9, 16, 30, tzinfo=SHANGHAI),
        leads=(Lead(6, LeadUnit.MONTHS),),
    )
    data = unstructure(record)
    assert data == {
        "issued": "2021-03-15",
        "term": {"years": 5, "months": 0, "days": 0},
        "convention": "inclusive",
        "received_at": "2026-10-09T16:30:00+08:00",
        "leads": [{"amount": 6, "unit": "months"}],
    }
    again = structure(data, Licence)
    assert again.received_at == record.received_at
    assert again.received_at.utcoffset() == timedelta(hours=8)
    assert again.term == record.term
    assert again.leads == record.leads


def test_coverage_form() -> None:
    cov = Coverage(date(2004, 1, 1), date(2026, 12, 31))
    assert to_json(cov) == '{"first": "2004-01-01", "last": "2026-12-31"}'


GOOD = {
    "issued": "2021-03-15",
    "term": {"years": 5},
    "convention": "inclusive",
    "received_at": "2026-10-09T16:30:00+08:00",
}


@pytest.mark.parametrize(
    ("change", "path", "fragment"),
    [
        ({"term": {"years": -1}}, "$.term.years", "from 0 to 1000"),
        ({"term": {"years": "5"}}, "$.term.years", "whole number"),
        ({"term": {"years": 5.0}}, "$.term.years", "whole number"),
        ({"term": {"years": True}}, "$.term.years", "whole number"),
        ({"term": {"years": 5, "weeks": 2}}, "$.term.weeks", "absent"),
        ({"term": {}}, "$.term", "part > 0"),
        ({"issued": "15/03/2021"}, "$.issued", "YYYY-MM-DD"),
        ({"issued": "2021-02-30"}, "$.issued", "YYYY-MM-DD"),
        ({"issued": 20210315}, "$.issued", "YYYY-MM-DD"),
        ({"convention": "lunar"}, "$.convention", ""),
        ({"received_at": "2026-10-09T16:30:00"}, "$.received_at", "timezone-aware"),
        (
            {"leads": [{"amount": 6, "unit": "months"}, {"amount": 0, "unit": "months"}]},
            "$.leads[1].amount",
            "from 1",
        ),
    ],
)
def test_bad_data_names_the_path(change: dict[str, object], path: str, fragment: str) -> None:
    data = {**GOOD, **change}
    with pytest.raises(StructuringError) as info:
        structure(data, Licence)
    assert isinstance(info.value, InvalidInputError)
    assert isinstance(info.value, ValueError)
    assert info.value.field == path
    assert fragment in str(info.value)


def test_missing_field_and_wrong_shapes() -> None:
    data = {k: v for k, v in GOOD.items() if k != "issued"}
    with pytest.raises(StructuringError, match=r"\$\.issued"):
        structure(data, Licence)
    with pytest.raises(StructuringError, match="JSON object"):
        structure([1, 2], Licence)
    with pytest.raises(StructuringError, match="valid JSON"):
        from_json("{not json", Licence)


def test_naive_datetimes_are_refused_on_the_way_out() -> None:
    record = Licence(
        issued=date(2021, 3, 15),
        term=Term(years=5),
        convention=Convention.INCLUSIVE,
        received_at=datetime(2026, 10, 9, 16, 30),  # noqa: DTZ001 - the point of the test
    )
    with pytest.raises(NaiveDatetimeError):
        to_json(record)


def test_utc_datetimes_keep_their_offset() -> None:
    data = {**GOOD, "received_at": "2026-10-09T08:30:00+00:00"}
    assert structure(data, Licence).received_at == datetime(2026, 10, 9, 8, 30, tzinfo=timezone.utc)


# -- sampling types --------------------------------------------------------------------------------


@given(table_plans())
def test_table_plans_round_trip(chosen: SamplingPlan) -> None:
    assert from_json(to_json(chosen), SamplingPlan) == chosen


@given(lot_plans())
def test_lot_plans_round_trip(lot: LotPlan) -> None:
    again = from_json(to_json(lot), LotPlan)
    assert again == lot
    assert again.plan.scheme is lot.plan.scheme


@given(switching_histories())
def test_switching_states_round_trip(state: SwitchingState) -> None:
    assert from_json(to_json(state), SwitchingState) == state


def test_switching_events_are_tagged() -> None:
    events = [
        LotResult(accepted=True, scheme="single", acceptance_number=1),
        ProductionIrregular(),
        ReducedApproval(approved=True),
        CorrectiveActionAccepted(),
        AuthorityRequiresNormal(),
    ]
    data = unstructure(events)
    assert [e["event"] for e in data] == [
        "lot",
        "production_irregular",
        "reduced_approval",
        "corrective_action_accepted",
        "authority_requires_normal",
    ]
    assert structure(data, list[SwitchingEvent]) == events


@pytest.mark.parametrize(
    ("data", "cls", "path"),
    [
        ({"scheme": "triple"}, SamplingPlan, "$"),
        ({"scheme": "double", "stages": []}, SamplingPlan, "$.stages"),
        (
            {"scheme": "single", "sample_size": 80, "acceptance_number": 2, "rejection_number": 9},
            SamplingPlan,
            "$.rejection_number",
        ),
        ({"event": "holiday"}, SwitchingEvent, "$"),
    ],
)
def test_bad_sampling_data_names_the_path(data: object, cls: object, path: str) -> None:
    with pytest.raises(StructuringError) as info:
        structure(data, cls)  # type: ignore[arg-type]
    assert info.value.field == path


def test_a_lot_plan_cannot_be_structured_inconsistent() -> None:
    data = unstructure(plan_for(2000, "1.5"))
    data["hundred_percent"] = True
    with pytest.raises(StructuringError, match="hundred_percent"):
        structure(data, LotPlan)


# -- hardening: whatever the document, a StructuringError or an object, quickly -------------------


@pytest.mark.parametrize(
    ("document", "allowed"),
    [
        (b'"\x80"', "UTF-8 encoded JSON text"),
        ("[" * 1000, "JSON nested less deeply"),
        ("[" * 100_000, "JSON nested less deeply"),
        ('{"years": 1' + "0" * 4300 + "}", "valid JSON"),
        (None, "JSON text"),
        (12, "JSON text"),
        ('{"years": NaN}', "a finite number"),
        ('{"years": -Infinity}', "a finite number"),
        ('{"years": 5', "valid JSON"),
    ],
)
def test_hostile_documents_are_structuring_errors(document: object, allowed: str) -> None:
    with pytest.raises(StructuringError) as caught:
        from_json(document, Term)  # type: ignore[arg-type]
    assert allowed in caught.value.allowed


def test_an_oversized_document_is_refused_before_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_JSON_CHARS", 10)
    with pytest.raises(StructuringError, match="MAX_JSON_CHARS"):
        from_json('{"years": 1, "months": 2}', Term)


def test_a_string_is_never_a_list() -> None:
    with pytest.raises(StructuringError) as caught:
        structure({"table": "2-A", "single_source": False, "doubts": "abc"}, TableSource)
    assert caught.value.field == "$.doubts"
    with pytest.raises(StructuringError) as caught:
        structure(
            {"name": "x", "coverage": {"first": "2026-01-01", "last": "2026-01-31"},
             "sources": "abc"},
            WorkingCalendar,
        )  # fmt: skip
    assert caught.value.field == "$.sources"


def test_a_long_string_in_a_list_field_fails_fast() -> None:
    started = time.perf_counter()
    with pytest.raises(StructuringError) as caught:
        structure({"recent_normal_results": "x" * 1_000_000}, SwitchingState)
    assert caught.value.field == "$.recent_normal_results"
    assert time.perf_counter() - started < 1.0  # was 16 s: one error per character


def test_a_long_list_of_bad_elements_stops_at_the_first() -> None:
    bad = [{"years": "a"}] * 1_000_000
    started = time.perf_counter()
    with pytest.raises(StructuringError) as caught:
        structure(bad, tuple[Term, ...])
    assert caught.value.field == "$[0].years"
    assert time.perf_counter() - started < 1.0  # was about 2 minutes: every error collected


def test_an_array_longer_than_the_limit_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_ITEMS", 3)
    with pytest.raises(StructuringError, match="MAX_ITEMS"):
        structure([{"years": 1}] * 4, tuple[Term, ...])
    assert len(structure([{"years": 1}] * 3, tuple[Term, ...])) == 3


def test_sequence_paths_are_zero_based_and_name_the_element() -> None:
    with pytest.raises(StructuringError) as caught:
        structure([{"years": 1}, {"years": 2}, {"years": -1}], list[Term])
    assert caught.value.field == "$[2].years"


def test_to_json_refuses_non_finite_numbers() -> None:
    @attrs.frozen
    class Reading:
        value: float

    with pytest.raises(InvalidInputError, match="finite"):
        to_json(Reading(math.nan))
    with pytest.raises(InvalidInputError, match="finite"):
        to_json(Reading(math.inf))
    assert to_json(Reading(0.5)) == '{"value": 0.5}'


def test_a_number_too_large_for_a_float_is_refused_not_made_infinite() -> None:
    @attrs.frozen
    class Reading:
        value: float

    for text in (
        '{"value": 1e999}',
        '{"value": 1' + "0" * 400 + ".0}",
        '{"value": 1' + "0" * 400 + "}",
    ):
        with pytest.raises(StructuringError, match="finite"):
            from_json(text, Reading)
    assert from_json('{"value": 1e300}', Reading) == Reading(1e300)


def test_a_converter_error_names_the_field_in_the_path() -> None:
    """A converter that names its bare attribute ("key", not "item.key") still gets the
    attribute onto the path (it used to stop at the object: "$.sections[0].items[0]")."""
    item = ActionItem(
        family="metrology", key="K", name="秤", state="overdue", due=None, days_left=None,
        reason="r",
    )  # fmt: skip
    report = Report(
        as_of=date(2026, 11, 27),
        within=30,
        sections=(Section(family="metrology", read=0, items=(item,), totals=(), workload=()),),
    )
    data = json.loads(to_json(report))
    data["sections"][0]["items"][0]["key"] = " "
    with pytest.raises(StructuringError) as caught:
        from_json(json.dumps(data), Report)
    assert caught.value.field == "$.sections[0].items[0].key"
    assert caught.value.value == " "
