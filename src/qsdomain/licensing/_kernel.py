"""The licensing kernel (private): the rule of :func:`~qsdomain.licensing.status`, fast, for
the batch entries :func:`~qsdomain.licensing.statuses` and :func:`~qsdomain.licensing.worklist`.

The rule is the readable code: :meth:`Fold.step` (one event: let time run, check the
transition table, apply it), :meth:`Fold.advance` and ``_status.read``, folded one event at a
time by ``_status.rule_status``. A register of a million licences repeats the same few
thousand situations, so the kernel answers the same questions with two tricks, and nothing
else:

* a licence without events is answered from a bounded memo (:class:`qsdomain._memo.Memo`) of
  the rule's own answer for its shape (kind, issue day, printed expiry, day asked about,
  calendar, warning window): its number and holder are copied, not read;
* a history is folded in one pass (:func:`_run`): one type look-up per event, no
  :meth:`Fold.advance` call while nothing can expire or resume, no phase look-up while the
  licence is in force (every event is allowed then: the transition table's rows).

The reading of the state is the rule's (``_status.read``). ``tests/test_licensing_kernel.py``
states that the kernel answers as the rule, with the same errors, on random and hostile input.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import NoReturn

import attrs

from qsdomain._memo import Memo
from qsdomain.calendars import WorkingDayCalendar
from qsdomain.errors import InvalidInputError
from qsdomain.licensing._events import LicenceEvent
from qsdomain.licensing._licence import Licence
from qsdomain.licensing._lifecycle import _STEPS, Fold, _changed
from qsdomain.licensing._status import LicenceStatus, read, trusted_status

__all__: list[str] = []

_ONE_DAY = timedelta(days=1)

#: Statuses of licences without events, by what they depend on: (id of the kind, id of the
#: calendar, issued, valid_until, as_of, warning window) -> (kind, calendar, the fields of the
#: rule's status between ``as_of`` and ``holder``). Each entry keeps its kind and calendar, so
#: an id is never mistaken for a later object's.
_QUIET: Memo[
    tuple[int, int, date, date | None, date, int], tuple[object, object, tuple[object, ...]]
] = Memo(1 << 16)
#: The fields a licence's shape decides: all but ``id``, ``as_of`` and ``holder``.
_SHAPE = tuple(f.name for f in attrs.fields(LicenceStatus))[2:-1]


def fold_status(
    licence: Licence,
    as_of: date,
    events: tuple[LicenceEvent, ...],
    calendar: WorkingDayCalendar | None,
    warn: int,
) -> LicenceStatus:
    """The rule's status, with checked arguments (a subclass of Licence is always folded: it
    may answer its properties its own way)."""
    if not events and licence.__class__ is Licence:
        return _quiet(licence, as_of, calendar, warn)
    return _folded(licence, as_of, events, calendar, warn)


def _quiet(
    licence: Licence, as_of: date, calendar: WorkingDayCalendar | None, warn: int
) -> LicenceStatus:
    kind = licence.kind
    key = (id(kind), id(calendar), licence.issued, licence.valid_until, as_of, warn)
    hit = _QUIET.get(key)
    if hit is None or hit[0] is not kind or hit[1] is not calendar:
        found = _folded(licence, as_of, (), calendar, warn)
        _QUIET.put(key, (kind, calendar, tuple(getattr(found, name) for name in _SHAPE)))
        return found
    return trusted_status(licence.number, as_of, *hit[2], licence.holder)


def _run(fold: Fold, events: tuple[LicenceEvent, ...], first: int, until: date) -> int:
    """Fold ``events`` while each is an event dated on or before ``until``; how many were.

    It stops, without touching them, at the first item that is not an event or is dated after
    ``until``. ``first`` is the index of ``events[0]`` in the history (errors name
    ``events[first + i]``). The same steps as :meth:`Fold.step`, in one pass.
    """
    steps = _STEPS
    for offset, event in enumerate(events):
        found = steps.get(type(event))
        if found is None:
            return offset
        on = event.on  # one of the library's own frozen types: a checked day
        if on > until:
            return offset
        allowed, handler = found
        if on < fold.cursor:
            raise fold._too_early(first + offset, on)
        if on <= fold.expires:  # advance(on): nothing expires by then
            until_ = fold.suspended_until
            if until_ is not None and on > until_:  # a suspension over: resumed
                fold.valid_since = max(fold.valid_since, until_ + _ONE_DAY)
                fold.suspended_on = fold.suspended_until = None
            fold.cursor = on
        else:
            fold.advance(on)
        suspended_on = fold.suspended_on
        if fold.ended is None and (suspended_on is None or suspended_on > on):
            pass  # in force: every event is allowed (the transition table's rows)
        elif (phase := fold.phase()) not in allowed:
            raise fold._not_allowed(first + offset, event, phase)
        if handler is _changed:
            continue  # a change of particulars moves nothing
        try:
            handler(fold, event)  # type: ignore[operator]
        except InvalidInputError as err:
            if err.field != "events":
                raise
            raise InvalidInputError(f"events[{first + offset}]", err.value, err.allowed) from None
    return len(events)


def _refuse(fold: Fold, index: int, event: object, as_of: date, warn: int) -> NoReturn:
    """Refuse ``events[index]``, not an event, as the rule does: the rule reads the state
    before the first item dated after ``as_of`` (which may raise the calendar's error), then
    steps the item (which raises for an unknown type)."""
    on = getattr(event, "on", None)
    if isinstance(on, date) and not isinstance(on, datetime) and on > as_of:
        fold.advance(as_of)
        read(fold, as_of, warn)
    fold.step(index, event)  # type: ignore[arg-type]
    raise AssertionError("unreachable: Fold.step refuses an unknown event type")  # pragma: no cover


def _folded(
    licence: Licence,
    as_of: date,
    events: tuple[LicenceEvent, ...],
    calendar: WorkingDayCalendar | None,
    warn: int,
) -> LicenceStatus:
    fold = Fold.fresh(licence, calendar)
    done = _run(fold, events, 0, as_of)
    if done == len(events):
        fold.advance(as_of)
        return read(fold, as_of, warn)
    event = events[done]
    if type(event) not in _STEPS:
        _refuse(fold, done, event, as_of, warn)
    fold.advance(as_of)
    result = read(fold, as_of, warn)
    done += _run(fold, events[done:], done, date.max)
    if done < len(events):  # not an event: the state is read already, so no day to compare
        fold.step(done, events[done])  # raises
    return result
