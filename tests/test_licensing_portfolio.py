"""Many licences: streaming statuses and the worklist."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from qsdomain.errors import InvalidInputError
from qsdomain.licensing import (
    Licence,
    RenewalApplied,
    Revoked,
    WorkReason,
    statuses,
    worklist,
)

AS_OF = date(2026, 3, 5)


def lic(number: str, kind: str, issued: date) -> Licence:
    return Licence(kind=kind, number=number, holder="某单位", issued=issued)


REGISTER = [
    lic("XK-overdue", "industrial_product", date(2021, 3, 15)),  # due 2025-09-14, no filing
    lic("CMA-soon", "inspection_body", date(2020, 9, 1)),  # due 2026-05-31
    (
        lic("XK-filed", "industrial_product", date(2021, 4, 1)),
        [RenewalApplied(on=date(2025, 9, 1))],
    ),
    (lic("XK-revoked", "industrial_product", date(2021, 3, 1)), [Revoked(on=date(2024, 1, 1))]),
    lic("MS-far", "measurement_standard", date(2025, 1, 1)),  # due 2028-06-30
    lic("XK-expired", "industrial_product", date(2020, 1, 1)),
]


def test_statuses_stream_in_order() -> None:
    found = [s.licence.number for s in statuses(REGISTER, AS_OF)]
    assert found == [
        "XK-overdue",
        "CMA-soon",
        "XK-filed",
        "XK-revoked",
        "MS-far",
        "XK-expired",
    ]


def test_statuses_are_lazy() -> None:
    def endless() -> Iterator[Licence]:
        while True:
            yield lic("X", "inspection_body", date(2024, 1, 1))

    stream = statuses(endless(), AS_OF)
    assert next(stream).licence.number == "X"


def test_the_worklist_is_sorted_by_urgency() -> None:
    items = worklist(REGISTER, AS_OF, within=90)
    assert [(i.reason, i.number, i.due) for i in items] == [
        (WorkReason.OVERDUE_FILING, "XK-overdue", date(2025, 9, 14)),
        (WorkReason.EXPIRING, "XK-filed", date(2026, 3, 31)),
        (WorkReason.FILE_RENEWAL, "CMA-soon", date(2026, 5, 31)),
    ]
    assert items[0].days == (date(2025, 9, 14) - AS_OF).days


def test_a_bad_item_names_its_index() -> None:
    with pytest.raises(InvalidInputError) as err:
        list(statuses([REGISTER[0], "XK1"], AS_OF))
    assert err.value.field == "licences[1]"
    bad_history = (REGISTER[1], [Revoked(on=date(2025, 1, 1)), Revoked(on=date(2025, 2, 1))])
    with pytest.raises(InvalidInputError) as err:
        list(statuses([bad_history], AS_OF))
    assert err.value.field == "licences[0].events[1]"


def test_arguments_are_checked_before_the_stream_starts() -> None:
    with pytest.raises(InvalidInputError):
        statuses(REGISTER, "2026-03-05")  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError):
        statuses(5, AS_OF)  # type: ignore[arg-type]
