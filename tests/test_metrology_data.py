"""Metrology reference data and serialization of every public metrology type."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qsdomain.errors import NotCoveredError, StructuringError
from qsdomain.metrology import (
    CATALOGUE_2020,
    STATUTORY_INTERVALS,
    Instrument,
    Verification,
    statutory_interval,
)
from qsdomain.serialization import from_json, to_json
from qsdomain.strategies import for_type
from qsdomain.strategies._metrology import METROLOGY_STRATEGIES


def test_unconfirmed_numbers_are_not_rules_by_default() -> None:
    """Every number is marked; none was read in a JJG text, so none is returned by default."""
    assert STATUTORY_INTERVALS
    for entry in STATUTORY_INTERVALS:
        assert entry.source
        if not entry.confirmed:
            with pytest.raises(NotCoveredError):
                statutory_interval(entry.instrument)
        assert statutory_interval(entry.instrument, allow_unconfirmed=True) == entry


def test_unknown_instrument() -> None:
    with pytest.raises(NotCoveredError):
        statutory_interval("游标卡尺", allow_unconfirmed=True)


def test_catalogue_names_are_distinct() -> None:
    assert len(set(CATALOGUE_2020)) == len(CATALOGUE_2020) == 10


@pytest.mark.parametrize("cls", list(METROLOGY_STRATEGIES), ids=lambda c: c.__name__)
def test_round_trip_every_public_type(cls: Any) -> None:
    @settings(max_examples=15, suppress_health_check=[HealthCheck.too_slow])
    @given(for_type(cls))
    def round_trip(value: Any) -> None:
        assert from_json(to_json(value), cls) == value

    round_trip()


@pytest.mark.parametrize(
    ("text", "cls", "field"),
    [
        ('{"on": "2026-01-01", "outcome": "maybe"}', Verification, "$.outcome"),
        ('{"on": "2026-01-01T08:00:00", "outcome": "pass"}', Verification, "$.on"),
        ('{"id": "A", "name": "秤", "interval": {"years": -1}}', Instrument, "$.interval.years"),
        ('{"id": "A", "name": "秤", "scheme": "periodic"}', Instrument, "$.interval"),
    ],
)
def test_structuring_bad_data_names_the_path(text: str, cls: type, field: str) -> None:
    with pytest.raises(StructuringError) as err:
        from_json(text, cls)
    assert err.value.field == field


@given(st.sampled_from(STATUTORY_INTERVALS))
def test_statutory_intervals_round_trip(entry: Any) -> None:
    assert from_json(to_json(entry), type(entry)) == entry
