"""Strategies for :mod:`qsdomain.periods`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from hypothesis import strategies as st

from qsdomain.periods import Convention, Lead, LeadUnit, Term

__all__ = ["PERIOD_STRATEGIES", "leads", "terms"]


def terms() -> st.SearchStrategy[Term]:
    """Terms of up to 20 years, 36 months and 400 days, with at least one positive part.

    >>> from hypothesis import find
    >>> from qsdomain.strategies import terms
    >>> find(terms(), lambda term: term.years >= 5)
    Term(years=5, months=0, days=0)
    """
    parts = st.tuples(st.integers(0, 20), st.integers(0, 36), st.integers(0, 400))
    return parts.filter(any).map(lambda ymd: Term(years=ymd[0], months=ymd[1], days=ymd[2]))


def leads() -> st.SearchStrategy[Lead]:
    """Lead times in any unit, up to 250.

    >>> from hypothesis import find
    >>> from qsdomain.strategies import leads
    >>> find(leads(), lambda lead: lead.amount >= 30)
    Lead(amount=30, unit=<LeadUnit.CALENDAR_DAYS: 'calendar_days'>)
    """
    return st.builds(Lead, st.integers(1, 250), st.sampled_from(list(LeadUnit)))


PERIOD_STRATEGIES: dict[Any, Callable[[], st.SearchStrategy[Any]]] = {
    Term: terms,
    Lead: leads,
    Convention: lambda: st.sampled_from(Convention),
    LeadUnit: lambda: st.sampled_from(LeadUnit),
}
