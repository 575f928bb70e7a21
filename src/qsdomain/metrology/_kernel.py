"""The metrology kernel: :func:`~qsdomain.metrology._status.rule` over a ledger, fast.

Private: only the batch entries (:func:`~qsdomain.metrology.statuses`,
:func:`~qsdomain.metrology.worklist`, :func:`~qsdomain.metrology.ledger_report`) use it. Every
answer and every error is the rule's (tests/test_metrology_fast_paths.py, "the kernel answers
as the rule", on random and hostile input); only the cost differs:

* a ledger row of one record in service, on a periodic instrument with no cap, under a policy
  with no alignment, no early window and a plain warning window (the default), is computed
  inline: the rule's steps for that case, without the calls;
* period ends are remembered by the Term object's identity (a ledger reuses a few Term
  objects for many rows, and an int hashes in C where a Term hashes through Python), and the
  reason sentences by (days left, basis) within one scan (the day asked about being fixed);
* a row current beyond what a report lists is only counted (``skip_beyond``).

Every other row goes through the rule itself.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from qsdomain._memo import Memo
from qsdomain.calendars import WorkingCalendar
from qsdomain.errors import InvalidInputError, QSDomainError
from qsdomain.metrology._instrument import Instrument, Policy, Verification
from qsdomain.metrology._status import (
    InstrumentStatus,
    _calendar_state,
    _trusted_status,
    period_end,
    rule,
    sentence,
)
from qsdomain.metrology._vocabulary import (
    Alignment,
    Basis,
    EarlyRule,
    InstrumentState,
    Outcome,
    Regime,
    Scheme,
)
from qsdomain.periods import Term
from qsdomain.rejects import RejectSink, rejected

__all__ = ["NO_SKIP", "scan"]

#: ``skip_beyond`` of :func:`scan` that skips nothing (no days_left is this large).
NO_SKIP = 1 << 62

#: Period ends by Term identity: id -> (the Term, start day -> end). Each entry holds its
#: Term, so the id cannot be reused while the entry lives; it is used only for that object.
_BY_ID: Memo[int, tuple[Term, Memo[date, date]]] = Memo(256)


def _ends_of(term: Term) -> Memo[date, date]:
    entry = _BY_ID.get(id(term))
    if entry is None or entry[0] is not term:
        entry = _BY_ID.put(id(term), (term, Memo(1 << 16)))
    return entry[1]


def _end(start: date, term: Term) -> date:
    """:func:`~qsdomain.metrology._status.period_end`, remembered by the Term's identity."""
    ends = _ends_of(term)
    end = ends.get(start)
    if end is None:
        end = ends.put(start, period_end(start, term))
    return end


def _inline(policy: Policy) -> bool:
    """Whether one-record rows may be computed inline under ``policy``."""
    return (
        policy.align is Alignment.NONE
        and not policy.warning_in_due_month
        and (policy.early is EarlyRule.MOVE or policy.early_window_days == 0)
    )


def scan(  # noqa: PLR0912 - one loop, its fast path inline
    items: Iterator[Any],
    as_of: date,
    policy: Policy,
    working: WorkingCalendar | None,
    *,
    rejects: RejectSink | None,
    skip_beyond: int = NO_SKIP,
    skipped: list[int] | None = None,
) -> Iterator[InstrumentStatus]:
    """The status of each (instrument, records) item, in order, as the rule gives it.

    A refused item raises :class:`~qsdomain.errors.InvalidInputError` whose field starts with
    ``items[i]``, or, given ``rejects``, is reported there (:func:`qsdomain.rejects.rejected`,
    its position counted from 1) and the stream goes on. A current row with more than
    ``skip_beyond`` days left is not yielded but counted in ``skipped[0]``.
    """
    inline = _inline(policy)
    warning = policy.warning_days
    current, out = InstrumentState.CURRENT, (Outcome.FAIL, Outcome.SCRAPPED)
    periodic, calibration = Scheme.PERIODIC, Regime.CALIBRATION
    by_id = _BY_ID
    reasons: Memo[int, str] = Memo(1 << 16)
    instrument: Any
    records: Any
    for i, item in enumerate(items):
        try:
            try:
                instrument, records = item
            except (TypeError, ValueError):
                raise InvalidInputError("", item, "an (instrument, records) pair") from None
            if (
                inline
                and instrument.__class__ is Instrument
                and records.__class__ is list
                and len(records) == 1
            ):
                last = records[0]
                if (
                    last.__class__ is Verification
                    and last.on <= as_of
                    and last.outcome not in out
                    and instrument.scheme is periodic
                    and instrument.max_interval is None
                ):
                    on, term = last.on, instrument.interval
                    entry = by_id.get(id(term))
                    end = entry[1].get(on) if entry is not None and entry[0] is term else None
                    if end is None:
                        end = _end(on, term)  # type: ignore[arg-type]
                    days_left = (end - as_of).days
                    if days_left >= warning:
                        if days_left > skip_beyond:
                            skipped[0] += 1  # type: ignore[index]
                            continue
                        state = current
                    else:
                        state = _calendar_state(days_left, end, as_of, policy)
                    if instrument.regime is calibration:
                        basis, key = Basis.CALIBRATION, (days_left << 1) | 1
                    else:
                        basis, key = Basis.VERIFICATION, days_left << 1
                    reason = reasons.get(key)
                    if reason is None:
                        reason = reasons.put(key, sentence(state, basis, last, end, days_left))
                    yield _trusted_status(
                        instrument.id, as_of, state, end, days_left, reason, end, last, basis
                    )
                    continue
            if not isinstance(instrument, Instrument):
                raise InvalidInputError("instrument", instrument, "an Instrument")
            yield rule(instrument, records, as_of, policy, working, None)
        except QSDomainError as err:
            problem = err
            if isinstance(err, InvalidInputError):
                field = f"items[{i}].{err.field}" if err.field else f"items[{i}]"
                problem = InvalidInputError(field, err.value, err.allowed)
            if rejects is None:
                raise problem from None
            rejects.add(rejected(i + 1, problem))
