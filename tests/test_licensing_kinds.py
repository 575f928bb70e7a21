"""Licence kinds: the cited numbers, the registry's rules, and the Licence value object."""

from __future__ import annotations

from datetime import date, datetime

import attrs
import pytest

from qsdomain.errors import InvalidInputError, NotCoveredError
from qsdomain.licensing import (
    Confidence,
    KindRegistry,
    Licence,
    LicenceKind,
    Source,
    default_kinds,
    register_kind,
)
from qsdomain.periods import Convention, Lead, LeadUnit, Term

# (code, term in years, lead, confidence of the lead) as encoded from the sources named in
# each data module's header.
KINDS = [
    ("industrial_product", 5, Lead(6, LeadUnit.MONTHS), Confidence.TEXT),
    ("food_production", 5, Lead(30, LeadUnit.WORKING_DAYS), Confidence.SECONDARY),
    ("inspection_body", 6, Lead(3, LeadUnit.MONTHS), Confidence.SECONDARY),
    ("special_equipment_production", 4, Lead(6, LeadUnit.MONTHS), Confidence.SECONDARY),
    ("special_equipment_operator", 4, Lead(3, LeadUnit.MONTHS), Confidence.UNCONFIRMED),
    ("measurement_standard", 4, Lead(6, LeadUnit.MONTHS), Confidence.SECONDARY),
]


@pytest.mark.parametrize(("code", "years", "lead", "confidence"), KINDS)
def test_each_kind_carries_its_cited_numbers(
    code: str, years: int, lead: Lead, confidence: Confidence
) -> None:
    kind = default_kinds().get(code)
    assert kind.term == Term(years=years)
    assert kind.renewal_lead == lead
    assert kind.lead_source.confidence is confidence
    assert kind.convention is Convention.INCLUSIVE
    assert kind.term_source.citation
    assert kind.lead_source.citation


def test_the_operator_lead_records_the_disagreement() -> None:
    note = default_kinds().get("special_equipment_operator").lead_source.note
    assert "1 month" in note
    assert "3 months" in note


def test_the_default_registry_has_exactly_the_issue_codes() -> None:
    assert set(default_kinds().codes) == {code for code, *_ in KINDS}


def _mine(code: str = "provincial_x") -> LicenceKind:
    return LicenceKind(
        code=code, name="某省许可证", term=Term(years=3), term_source=Source("某省办法", "text")
    )


def test_registering_returns_a_new_registry_and_never_overwrites() -> None:
    base = default_kinds()
    grown = register_kind(_mine())
    assert "provincial_x" in grown
    assert "provincial_x" not in base
    with pytest.raises(InvalidInputError) as err:
        grown.with_kind(_mine())
    assert err.value.field == "kind.code"
    replaced = grown.with_kind(attrs.evolve(_mine(), notes="v2"), replace=True)
    assert replaced.get("provincial_x").notes == "v2"
    assert grown.get("provincial_x").notes == ""
    assert len(replaced) == len(grown)


def test_a_registry_refuses_duplicate_codes() -> None:
    with pytest.raises(InvalidInputError, match="a code not yet used"):
        KindRegistry([_mine(), _mine()])


def test_an_unknown_code_lists_the_known_codes() -> None:
    with pytest.raises(NotCoveredError) as err:
        default_kinds().get("driving_licence")
    assert "food_production" in str(err.value)
    with pytest.raises(InvalidInputError) as bad:
        Licence(kind="driving_licence", number="1", holder="x", issued=date(2024, 1, 1))
    assert bad.value.field == "kind"
    assert "food_production" in bad.value.allowed
    assert "measurement_standard" in bad.value.allowed


def test_a_user_kind_is_passed_as_an_object() -> None:
    lic = Licence(kind=_mine(), number="1", holder="x", issued=date(2024, 1, 1))
    assert lic.expires == date(2026, 12, 31)
    assert lic.kind.renewal_lead == Lead(30, LeadUnit.CALENDAR_DAYS)  # 行政许可法 art. 50


def test_a_kind_code_must_be_a_plain_identifier() -> None:
    with pytest.raises(InvalidInputError) as err:
        _mine("Food Production")
    assert err.value.field == "kind.code"


def test_an_earliest_filing_day_needs_its_source_and_a_longer_lead() -> None:
    with pytest.raises(InvalidInputError, match="earliest_source"):
        attrs.evolve(_mine(), earliest_filing=Lead(3, LeadUnit.MONTHS))
    with pytest.raises(InvalidInputError, match="longer than the renewal lead"):
        attrs.evolve(
            _mine(),
            earliest_filing=Lead(10, LeadUnit.CALENDAR_DAYS),
            earliest_source=Source("x", "text"),
        )


# -- Licence ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "issued", "expires"),
    [
        ("industrial_product", date(2020, 2, 29), date(2025, 2, 28)),  # leap day
        ("food_production", date(2021, 10, 20), date(2026, 10, 19)),  # the issue's contract
        ("inspection_body", date(2024, 1, 31), date(2030, 1, 30)),
        ("special_equipment_production", date(2021, 3, 31), date(2025, 3, 30)),
        ("special_equipment_operator", date(2022, 3, 1), date(2026, 2, 28)),  # month end
        ("measurement_standard", date(2024, 2, 29), date(2028, 2, 28)),  # leap to leap year
    ],
)
def test_the_derived_expiry_is_inclusive(code: str, issued: date, expires: date) -> None:
    lic = Licence(kind=code, number="1", holder="x", issued=issued)
    assert lic.expires == expires
    assert not lic.expiry_disagrees


def test_a_printed_expiry_is_kept_and_flagged_never_replaced() -> None:
    lic = Licence(
        kind="food_production", number="1", holder="x", issued=date(2021, 10, 20),
        valid_until=date(2026, 10, 20),
    )  # fmt: skip
    assert lic.expires == date(2026, 10, 20)
    assert lic.term_end == date(2026, 10, 19)
    assert lic.expiry_disagrees


def test_a_printed_expiry_before_the_issue_date_is_an_error() -> None:
    with pytest.raises(InvalidInputError) as err:
        Licence(
            kind="food_production", number="1", holder="x", issued=date(2021, 10, 20),
            valid_until=date(2021, 10, 19),
        )  # fmt: skip
    assert err.value.field == "valid_until"


def test_a_naive_datetime_is_not_a_date() -> None:
    with pytest.raises(InvalidInputError) as err:
        Licence(kind="food_production", number="1", holder="x", issued=datetime(2021, 10, 20))  # noqa: DTZ001
    assert err.value.field == "issued"


def test_the_docs_table_agrees_with_the_data() -> None:
    """Each row of the kinds table in docs/licensing.md states the kind's term and lead."""
    from pathlib import Path  # noqa: PLC0415

    page = Path(__file__).parent.parent / "docs" / "licensing.md"
    rows = {
        line.split("|")[1].strip().strip("`"): line
        for line in page.read_text(encoding="utf-8").splitlines()
        if line.startswith("| `")
    }
    for kind in default_kinds():
        row = rows[kind.code]
        assert f"{kind.term.years} years" in row
        assert f"{kind.renewal_lead} before expiry" in row
        assert kind.lead_source.confidence.value in row
