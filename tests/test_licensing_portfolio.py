"""Many licences: streaming statuses and the worklist."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from qsdomain.errors import InvalidInputError
from qsdomain.licensing import (
    Action,
    Licence,
    LicenceStatus,
    RenewalApplied,
    Revoked,
    status,
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
    found = [s.id for s in statuses(REGISTER, AS_OF)]
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
    assert next(stream).id == "X"


def test_the_worklist_is_sorted_by_urgency() -> None:
    items = worklist(REGISTER, AS_OF, within=90)
    assert [(i.action, i.id, i.due) for i in items] == [
        (Action.OVERDUE_FILING, "XK-overdue", date(2025, 9, 14)),
        (Action.EXPIRING, "XK-filed", date(2026, 3, 31)),
        (Action.FILE_RENEWAL, "CMA-soon", date(2026, 5, 31)),
    ]
    assert items[0].days_left == (date(2025, 9, 14) - AS_OF).days


def test_the_default_window_is_the_librarys() -> None:
    """within=None is qsdomain.defaults.WITHIN_DAYS (30): XK-filed expires in 26 days."""
    assert [i.id for i in worklist(REGISTER, AS_OF)] == ["XK-overdue", "XK-filed"]


def test_a_listed_status_is_one_statuses_computed() -> None:
    """worklist over statuses already computed lists the same (no status computed twice)."""
    computed = list(statuses(REGISTER, AS_OF))
    assert all(isinstance(s, LicenceStatus) for s in computed)
    assert worklist(computed, AS_OF, within=90) == worklist(REGISTER, AS_OF, within=90)
    with pytest.raises(InvalidInputError, match=r"items\[0\]\.as_of"):
        worklist(computed, date(2026, 3, 6))


class _Kept(list):  # type: ignore[type-arg]
    def add(self, rejected: object) -> None:
        self.append(rejected)


def test_a_sink_takes_the_refused_items_and_the_stream_goes_on() -> None:
    bad_history = (REGISTER[1], [Revoked(on=date(2025, 1, 1)), Revoked(on=date(2025, 2, 1))])
    sink = _Kept()
    found = [s.id for s in statuses([REGISTER[0], "XK1", bad_history, REGISTER[4]], AS_OF,
                                    rejects=sink)]  # fmt: skip
    assert found == ["XK-overdue", "MS-far"]
    assert [(r.line, r.field) for r in sink] == [(2, "items[1]"), (3, "items[2].events[1]")]
    sink.clear()
    listed = worklist([REGISTER[0], "XK1"], AS_OF, rejects=sink)
    assert [s.id for s in listed] == ["XK-overdue"]
    assert [r.line for r in sink] == [2]
    with pytest.raises(InvalidInputError, match="rejects"):
        statuses(REGISTER, AS_OF, rejects=object())  # type: ignore[arg-type]


def test_the_batch_answers_as_the_single_call() -> None:
    for item in REGISTER:
        lic_, events = item if isinstance(item, tuple) else (item, ())
        assert next(statuses([item], AS_OF)) == status(lic_, events, AS_OF)


def test_a_bad_item_names_its_index() -> None:
    with pytest.raises(InvalidInputError) as err:
        list(statuses([REGISTER[0], "XK1"], AS_OF))
    assert err.value.field == "items[1]"
    bad_history = (REGISTER[1], [Revoked(on=date(2025, 1, 1)), Revoked(on=date(2025, 2, 1))])
    with pytest.raises(InvalidInputError) as err:
        list(statuses([bad_history], AS_OF))
    assert err.value.field == "items[0].events[1]"


def test_arguments_are_checked_before_the_stream_starts() -> None:
    with pytest.raises(InvalidInputError):
        statuses(REGISTER, "2026-03-05")  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError):
        statuses(5, AS_OF)  # type: ignore[arg-type]
