"""Hypothesis strategies that build valid qsdomain objects, for your own property tests.

>>> from hypothesis import given
>>> from qsdomain import strategies
>>> from qsdomain.periods import Convention
>>> @given(strategies.terms(), strategies.dates())
... def test_end_never_before_start(term, start):
...     assert term.end(start, Convention.INCLUSIVE) >= start
>>> test_end_never_before_start()

Every public type of every qsdomain package has a strategy; :func:`for_type` finds it by type,
and :func:`register` makes :func:`hypothesis.strategies.from_type` know them all. Hypothesis is
an optional dependency (``pip install 'qsdomain[strategies]'``): the library itself never imports
this module, and importing it without hypothesis raises an ``ImportError`` that says so.
"""

from __future__ import annotations

try:
    import hypothesis  # noqa: F401 - fail early with a message that says which extra to install
except ImportError as exc:  # pragma: no cover - exercised only without the extra
    raise ImportError(
        "qsdomain.strategies needs hypothesis: pip install 'qsdomain[strategies]'"
    ) from exc

from typing import Any

from hypothesis import strategies as st

from qsdomain.strategies._calendars import (
    CALENDAR_STRATEGIES,
    coverages,
    dates,
    provisional_spans,
    statutory_holidays,
    synthetic_calendars,
    working_calendars,
    year_schedules,
)
from qsdomain.strategies._commitments import (
    COMMITMENT_STRATEGIES,
    case_clocks,
    case_events,
    case_states,
    cases,
    service_items,
)
from qsdomain.strategies._desk import (
    DESK_STRATEGIES,
    action_items,
    desk_reports,
    desk_sections,
    import_summaries,
    line_states,
    state_totals,
    week_loads,
)
from qsdomain.strategies._ledgers import LEDGER_STRATEGIES, ledger_rows, row_rejections
from qsdomain.strategies._licensing import (
    LICENSING_STRATEGIES,
    licence_events,
    licence_histories,
    licence_kinds,
    licence_statuses,
    licences,
    lifecycles,
)
from qsdomain.strategies._metrology import (
    METROLOGY_STRATEGIES,
    histories,
    instrument_statuses,
    instruments,
    interval_decisions,
    interval_tests,
    policies,
    reliability_bins,
    reliability_fits,
    verifications,
)
from qsdomain.strategies._periods import PERIOD_STRATEGIES, leads, terms
from qsdomain.strategies._sampling import (
    SAMPLING_STRATEGIES,
    line_statuses,
    lot_outcomes,
    lot_plans,
    lot_results,
    lots,
    sampling_plans,
    stage_decisions,
    switching_events,
    switching_histories,
    table_plans,
    table_sources,
    transitions,
)

__all__ = [
    "action_items",
    "case_clocks",
    "case_events",
    "case_states",
    "cases",
    "coverages",
    "dates",
    "desk_reports",
    "desk_sections",
    "for_type",
    "histories",
    "import_summaries",
    "instrument_statuses",
    "instruments",
    "interval_decisions",
    "interval_tests",
    "leads",
    "ledger_rows",
    "licence_events",
    "licence_histories",
    "licence_kinds",
    "licence_statuses",
    "licences",
    "lifecycles",
    "line_states",
    "line_statuses",
    "lot_outcomes",
    "lot_plans",
    "lot_results",
    "lots",
    "policies",
    "provisional_spans",
    "register",
    "reliability_bins",
    "reliability_fits",
    "row_rejections",
    "sampling_plans",
    "service_items",
    "stage_decisions",
    "state_totals",
    "statutory_holidays",
    "switching_events",
    "switching_histories",
    "synthetic_calendars",
    "table_plans",
    "table_sources",
    "terms",
    "transitions",
    "verifications",
    "week_loads",
    "working_calendars",
    "year_schedules",
]

_BY_TYPE: dict[Any, Any] = {
    **PERIOD_STRATEGIES,
    **CALENDAR_STRATEGIES,
    **SAMPLING_STRATEGIES,
    **METROLOGY_STRATEGIES,
    **COMMITMENT_STRATEGIES,
    **LICENSING_STRATEGIES,
    **LEDGER_STRATEGIES,
    **DESK_STRATEGIES,
}


def for_type(cls: Any) -> st.SearchStrategy[Any]:
    """The strategy that builds valid instances of the public type ``cls``.

    >>> from qsdomain.periods import Term
    >>> from qsdomain.strategies import for_type
    >>> from hypothesis import find
    >>> find(for_type(Term), lambda term: term.months == 6)
    Term(years=0, months=6, days=0)

    Raises ``LookupError`` for a type qsdomain does not define.
    """
    try:
        return _BY_TYPE[cls]()  # type: ignore[no-any-return]
    except (KeyError, TypeError):
        raise LookupError(f"qsdomain.strategies has no strategy for {cls!r}") from None


def covered_types() -> tuple[Any, ...]:
    """Every type :func:`for_type` knows (used by the fuzzing harness).

    >>> from qsdomain.periods import Term
    >>> Term in covered_types()
    True
    """
    return tuple(_BY_TYPE)


def register() -> None:
    """Make :func:`hypothesis.strategies.from_type` build qsdomain's classes with these strategies.

    >>> from hypothesis import strategies as st
    >>> from qsdomain.periods import Term
    >>> from qsdomain.strategies import register
    >>> register()
    >>> from hypothesis import find
    >>> find(st.from_type(Term), lambda term: term.days == 30)
    Term(years=0, months=0, days=30)
    """
    for cls in _BY_TYPE:
        if isinstance(cls, type):
            st.register_type_strategy(cls, for_type(cls))
