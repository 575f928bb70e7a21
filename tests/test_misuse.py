"""Misuse of every public function, constructor and method: typed errors, in bounded time.

For each public callable there is one *good call* below. The tests then replace one argument at a
time by values of the wrong type (chosen from the parameter's annotation: ``None`` where it is
not optional, a string or a float for a whole number, a ``datetime`` or a string for a day, a
naive ``datetime`` for an aware one, a bare string for a list, ...) and by out-of-range and huge
values, and require:

* a wrong type raises a :class:`~qsdomain.errors.QSDomainError`;
* an out-of-range or huge value raises a ``QSDomainError`` or is answered;
* nothing else is raised (no ``TypeError`` or ``AttributeError`` from deep inside), and every call
  returns within :data:`CALL_SECONDS`.

A public callable without a good call fails :func:`test_every_public_callable_has_a_good_call`,
so each new rule family must register its functions here.
"""

from __future__ import annotations

import enum
import importlib
import importlib.util
import inspect
import math
import re
import time
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any, NamedTuple

import attrs
import pytest

from qsdomain import calendars, licensing, periods, sampling, serialization
from qsdomain.errors import QSDomainError

CALL_SECONDS = 1.0

PACKAGES = (
    "qsdomain.periods",
    "qsdomain.calendars",
    "qsdomain.sampling",
    "qsdomain.serialization",
    "qsdomain.metrology",
    "qsdomain.licensing",
    "qsdomain.commitments",
    "qsdomain.desk",
)

D = date(2026, 11, 27)
AWARE = datetime(2026, 11, 27, 10, 0, tzinfo=timezone(timedelta(hours=8)))
NAIVE = datetime(2026, 11, 27, 10, 0)  # noqa: DTZ001 - a naive datetime is the misuse
CAL = calendars.china()
SMALL_CAL = calendars.WorkingCalendar.weekends_only(date(2026, 1, 1), date(2026, 12, 31))
PLAN_K = sampling.plan("K", "1.5")
DOUBLE_K = sampling.plan("K", "1.5", scheme="double")


LOT_PLAN = sampling.plan_for(2000, "1.5")
LIC = licensing.Licence(
    kind="food_production", number="SC1", holder="某厂", issued=date(2021, 10, 20)
)
LIC_EVENTS = (licensing.RenewalApplied(on=date(2026, 8, 3)),)
LIC_STATUS = licensing.status(LIC, D, events=LIC_EVENTS, calendar=CAL)
LIC_START = licensing.Lifecycle.start(LIC)
LIC_ITEM = licensing.worklist([LIC], date(2026, 7, 1))[0]
LIC_SOURCE = licensing.Source("行政许可法 第五十条", "text")
LIC_KIND = licensing.LicenceKind(
    code="provincial_x", name="某省许可证", term=periods.Term(years=3), term_source=LIC_SOURCE
)


def _working_days(start: date, end: date) -> list[date]:
    """The iterator drained, so that its checks run."""
    return list(CAL.working_days(start, end))


def _rest_days(start: date, end: date) -> list[date]:
    """The iterator drained, so that its checks run."""
    return list(CAL.rest_days(start, end))


class Call(NamedTuple):
    """A call that succeeds: the callable, its positional and its keyword arguments."""

    target: Callable[..., Any]
    args: tuple[Any, ...] = ()
    kwargs: dict[str, Any] = {}  # noqa: RUF012 - never mutated


def _good_calls() -> dict[str, Call]:
    s = sampling
    return {
        # periods
        "periods.Term": Call(periods.Term, (), {"years": 5}),
        "periods.Term.anniversary": Call(periods.Term(years=1).anniversary, (D,)),
        "periods.Term.nominal_end": Call(
            periods.Term(years=1).nominal_end, (D, periods.Convention.INCLUSIVE)
        ),
        "periods.Term.end": Call(
            periods.Term(months=1).end, (D, periods.Convention.CIVIL_CODE), {"calendar": CAL}
        ),
        "periods.Lead": Call(periods.Lead, (30, periods.LeadUnit.WORKING_DAYS)),
        "periods.Lead.before": Call(
            periods.Lead(30, periods.LeadUnit.WORKING_DAYS).before, (D,), {"calendar": CAL}
        ),
        # calendars
        "calendars.china": Call(calendars.china),
        "calendars.as_working_calendar": Call(calendars.as_working_calendar, (CAL,)),
        "calendars.Coverage": Call(calendars.Coverage, (date(2026, 1, 1), D)),
        "calendars.ProvisionalSpan": Call(
            calendars.ProvisionalSpan, (date(2027, 1, 1), date(2027, 12, 31), "weekends only")
        ),
        "calendars.WorkingCalendar": Call(
            calendars.WorkingCalendar,
            ("test", calendars.Coverage(date(2026, 1, 1), date(2026, 12, 31))),
            {"weekdays_off": [date(2026, 10, 1)], "makeup_working_days": [date(2026, 10, 10)]},
        ),
        "calendars.WorkingCalendar.is_working_day": Call(CAL.is_working_day, (D,)),
        "calendars.WorkingCalendar.add_working_days": Call(CAL.add_working_days, (D, 5)),
        "calendars.WorkingCalendar.working_days_between": Call(
            CAL.working_days_between, (date(2026, 9, 30), D)
        ),
        "calendars.WorkingCalendar.next_working_day": Call(CAL.next_working_day, (D,)),
        "calendars.WorkingCalendar.previous_working_day": Call(CAL.previous_working_day, (D,)),
        "calendars.WorkingCalendar.roll_forward": Call(CAL.roll_forward, (D,)),
        "calendars.WorkingCalendar.roll_backward": Call(CAL.roll_backward, (D,)),
        "calendars.WorkingCalendar.working_days": Call(_working_days, (date(2026, 10, 1), D)),
        "calendars.WorkingCalendar.rest_days": Call(_rest_days, (date(2026, 10, 1), D)),
        "calendars.WorkingCalendar.is_provisional": Call(CAL.is_provisional, (D,)),
        "calendars.WorkingCalendar.is_provisional_between": Call(
            CAL.is_provisional_between, (date(2026, 1, 1), D)
        ),
        "calendars.WorkingCalendar.with_days_off": Call(
            SMALL_CAL.with_days_off, ([D],), {"source": "县局闭馆通知"}
        ),
        "calendars.WorkingCalendar.with_working_days": Call(
            SMALL_CAL.with_working_days, ([date(2026, 11, 28)],), {"source": "调休"}
        ),
        "calendars.WorkingCalendar.extended": Call(
            SMALL_CAL.extended, (), {"until": date(2027, 12, 31)}
        ),
        "calendars.WorkingCalendar.weekends_only": Call(
            calendars.WorkingCalendar.weekends_only, (date(2026, 1, 1), D), {"weekend": [6]}
        ),
        "calendars.WorkingCalendar.from_calendar": Call(
            calendars.WorkingCalendar.from_calendar, (SMALL_CAL,), {"name": "copy"}
        ),
        # sampling: look-up
        "sampling.code_letter": Call(s.code_letter, (2000,), {"level": "II"}),
        "sampling.normalize_aql": Call(s.normalize_aql, ("1.5",)),
        "sampling.plan": Call(s.plan, ("K", "1.5"), {"severity": "normal", "scheme": "single"}),
        "sampling.plan_for": Call(
            s.plan_for, (2000, "1.5"), {"level": "II", "severity": "normal", "scheme": "single"}
        ),
        "sampling.table_source": Call(s.table_source, (PLAN_K,)),
        "sampling.LotPlan": Call(
            s.LotPlan, (), {f.name: getattr(LOT_PLAN, f.name) for f in attrs.fields(s.LotPlan)}
        ),
        "sampling.TableSource": Call(s.TableSource, ("2-A", False, ())),
        # sampling: plans
        "sampling.Stage": Call(s.Stage, (125, 5, 6)),
        "sampling.SingleSamplingPlan": Call(s.SingleSamplingPlan, (125, 5)),
        "sampling.DoubleSamplingPlan": Call(s.DoubleSamplingPlan, (DOUBLE_K.stages,)),
        "sampling.MultipleSamplingPlan": Call(
            s.MultipleSamplingPlan, (s.plan("K", "1.5", scheme="multiple").stages,)
        ),
        "sampling.StageDecision": Call(s.StageDecision, (s.Decision.ACCEPT, 1, 0, 125)),
        "sampling.probability_of_acceptance": Call(
            s.probability_of_acceptance, (PLAN_K, 0.02), {"model": "binomial"}
        ),
        "plan.decide": Call(PLAN_K.decide, ([3],)),
        "plan.probability_of_acceptance": Call(PLAN_K.probability_of_acceptance, (0.02,)),
        "plan.oc_curve": Call(PLAN_K.oc_curve, ([0.01, 0.02],)),
        "plan.average_sample_number": Call(DOUBLE_K.average_sample_number, (0.02,)),
        "plan.average_outgoing_quality": Call(
            PLAN_K.average_outgoing_quality, (0.02,), {"lot_size": 2000}
        ),
        "plan.average_total_inspection": Call(
            PLAN_K.average_total_inspection, (0.02,), {"lot_size": 2000}
        ),
        "plan.average_outgoing_quality_limit": Call(
            PLAN_K.average_outgoing_quality_limit, (), {"lot_size": 2000}
        ),
        # sampling: switching
        "sampling.lot_result": Call(s.lot_result, (PLAN_K, [3])),
        "sampling.LotResult": Call(
            s.LotResult,
            (),
            {"accepted": True, "acceptance_number": 5, "accepted_at_tighter_aql": True},
        ),
        "sampling.ProductionIrregular": Call(s.ProductionIrregular),
        "sampling.AuthorityRequiresNormal": Call(s.AuthorityRequiresNormal),
        "sampling.ReducedApproval": Call(s.ReducedApproval, (True,)),
        "sampling.CorrectiveActionAccepted": Call(s.CorrectiveActionAccepted),
        "sampling.SwitchingState": Call(s.SwitchingState, (), {"switching_score": 4}),
        "sampling.SwitchingState.start": Call(s.SwitchingState.start, (True,)),
        "sampling.SwitchingState.record": Call(
            s.SwitchingState.start().record, (s.lot_result(PLAN_K, [3]),)
        ),
        "sampling.SwitchingState.apply": Call(
            s.SwitchingState.start().apply, (s.ReducedApproval(True),)
        ),
        "sampling.Transition": Call(
            s.Transition,
            (),
            {
                "from_": "normal",
                "to": "tightened",
                "clause": "9.3.1",
                "reason": "2 of 5 lots not accepted",
            },
        ),
        # serialization
        "serialization.to_json": Call(serialization.to_json, (periods.Term(years=1),)),
        "serialization.unstructure": Call(serialization.unstructure, (periods.Term(years=1),)),
        "serialization.from_json": Call(serialization.from_json, ('{"years": 1}', periods.Term)),
        "serialization.structure": Call(serialization.structure, ({"years": 1}, periods.Term)),
        **_licensing_calls(),
    }


def _licensing_calls() -> dict[str, Call]:
    lic = licensing
    d1, d2 = date(2024, 3, 1), date(2024, 5, 31)
    return {
        "licensing.Source": Call(lic.Source, ("某办法 第十条", "secondary"), {"note": "x"}),
        "licensing.Deadline": Call(lic.Deadline, ("change", 10, "working_days", LIC_SOURCE)),
        "licensing.LicenceKind": Call(
            lic.LicenceKind,
            (),
            {"code": "k", "name": "某证", "term": periods.Term(years=3), "term_source": LIC_SOURCE},
        ),
        "licensing.KindRegistry": Call(lic.KindRegistry, ([LIC_KIND],)),
        "licensing.KindRegistry.get": Call(lic.default_kinds().get, ("food_production",)),
        "licensing.KindRegistry.with_kind": Call(
            lic.default_kinds().with_kind, (LIC_KIND,), {"replace": False}
        ),
        "licensing.default_kinds": Call(lic.default_kinds),
        "licensing.register_kind": Call(
            lic.register_kind, (LIC_KIND,), {"registry": lic.default_kinds(), "replace": True}
        ),
        "licensing.Licence": Call(
            lic.Licence,
            (),
            {
                "kind": "food_production",
                "number": "SC1",
                "holder": "某厂",
                "issued": date(2021, 10, 20),
                "valid_until": date(2026, 10, 19),
                "scope": "糕点",
            },
        ),
        "licensing.RenewalApplied": Call(lic.RenewalApplied, (), {"on": d1, "note": "x"}),
        "licensing.Renewed": Call(lic.Renewed, (), {"on": d1, "valid_until": d2}),
        "licensing.RenewalRefused": Call(lic.RenewalRefused, (), {"on": d1}),
        "licensing.Changed": Call(lic.Changed, (), {"on": d1}),
        "licensing.Suspended": Call(lic.Suspended, (), {"on": d1, "until": d2}),
        "licensing.Revoked": Call(lic.Revoked, (), {"on": d1}),
        "licensing.Withdrawn": Call(lic.Withdrawn, (), {"on": d1}),
        "licensing.Cancelled": Call(lic.Cancelled, (), {"on": d1}),
        "licensing.Lifecycle": Call(
            lic.Lifecycle,
            (),
            {f.name: getattr(LIC_START, f.name) for f in attrs.fields(lic.Lifecycle)},
        ),
        "licensing.Lifecycle.start": Call(lic.Lifecycle.start, (LIC,)),
        "licensing.apply": Call(lic.apply, (LIC_START, LIC_EVENTS[0]), {"calendar": CAL}),
        "licensing.replay": Call(lic.replay, (LIC, LIC_EVENTS), {"calendar": CAL}),
        "licensing.status": Call(
            lic.status,
            (LIC, D),
            {"events": LIC_EVENTS, "calendar": CAL, "policy": lic.StatusPolicy(30)},
        ),
        "licensing.statuses": Call(
            lic.statuses, ([LIC],), {"as_of": D, "calendar": CAL, "policy": None}
        ),
        "licensing.worklist": Call(
            lic.worklist, ([LIC], D), {"within": 90, "calendar": CAL, "policy": None}
        ),
        "licensing.LicenceStatus": Call(
            lic.LicenceStatus,
            (),
            {f.name: getattr(LIC_STATUS, f.name) for f in attrs.fields(lic.LicenceStatus)},
        ),
        "licensing.StatusPolicy": Call(lic.StatusPolicy, (30,)),
        "licensing.WorkItem": Call(
            lic.WorkItem,
            (),
            {f.name: getattr(LIC_ITEM, f.name) for f in attrs.fields(lic.WorkItem)},
        ),
    }


GOOD = _good_calls()

#: Public callables deliberately without a good call, with the reason.
EXEMPT = {
    "calendars.WorkingDayCalendar": "a Protocol: nothing to call",
    "serialization.converter": "the cattrs Converter object itself, not a qsdomain function",
}


def _public_callables() -> Iterator[str]:
    """Names (without the ``qsdomain.`` prefix) of every public function, class and method."""
    for package in PACKAGES:
        if importlib.util.find_spec(package) is None:
            continue
        module = importlib.import_module(package)
        short = package.removeprefix("qsdomain.")
        for name in module.__all__:
            obj = getattr(module, name)
            if isinstance(obj, type) and issubclass(obj, (enum.Enum, BaseException)):
                continue
            if not callable(obj):
                continue
            yield f"{short}.{name}"
            if isinstance(obj, type) and attrs.has(obj):
                for attr, member in vars(obj).items():
                    if attr.startswith("_"):
                        continue
                    if inspect.isfunction(member) or isinstance(member, classmethod):
                        yield f"{short}.{name}.{attr}"


def _plan_methods() -> set[str]:
    """The OC and decision methods every plan class shares (registered once, as ``plan.*``)."""
    names = set()
    for cls in (sampling.SingleSamplingPlan, sampling.DoubleSamplingPlan):
        for klass in cls.__mro__:
            if klass.__module__.startswith("qsdomain.sampling"):
                names |= {
                    attr
                    for attr, member in vars(klass).items()
                    if not attr.startswith("_") and inspect.isfunction(member)
                }
    return names


def test_every_public_callable_has_a_good_call() -> None:
    missing = sorted(
        name for name in _public_callables() if name not in GOOD and name not in EXEMPT
    )
    missing += sorted(f"plan.{m}" for m in _plan_methods() if f"plan.{m}" not in GOOD)
    missing = [m for m in missing if not m.startswith("sampling.Stage.as_")]
    assert missing == [], "register a good call in tests/test_misuse.py for: " + ", ".join(missing)


@pytest.mark.parametrize("name", sorted(GOOD))
def test_the_good_call_succeeds(name: str) -> None:
    call = GOOD[name]
    call.target(*call.args, **call.kwargs)


# -- bad values from annotations ---------------------------------------------------------------


def _annotation(call: Call, position: int | None, keyword: str | None) -> str:
    """The annotation string of the replaced parameter (``""`` when unknown)."""
    try:
        parameters = list(inspect.signature(call.target).parameters.values())
    except (TypeError, ValueError):
        return ""
    if keyword is not None:
        for parameter in parameters:
            if parameter.name == keyword:
                return str(parameter.annotation)
        return ""
    positional = [p for p in parameters if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    if position is not None and position < len(positional):
        return str(positional[position].annotation)
    return ""


def _words(annotation: str) -> set[str]:
    return set(re.findall(r"[A-Za-z_]+", annotation))


def _wrong_types(annotation: str) -> list[Any]:  # noqa: PLR0911 - one return per kind
    """Values whose *type* the annotation does not allow."""
    words = _words(annotation)
    optional = "None" in words or "Optional" in words
    if not words or words & {"object", "Any", "T"}:
        return []
    values: list[Any] = [] if optional else [None]
    if words & {"Iterable", "Sequence", "tuple", "list", "frozenset", "set"}:
        return [*values, 5, object()]
    if "datetime" in words:
        return [*values, NAIVE, D, "2026-11-27T10:00:00+08:00", 1.5]
    if "date" in words:
        return [*values, AWARE, NAIVE, "2026-11-27", 20261127, True]
    if "str" in words and not words & {"float", "Decimal"}:
        return [*values, 5, b"x", ["x"]]
    if "bool" in words:
        return [*values, 1, "true", 0.0]
    if "int" in words and "float" not in words:
        return [*values, "5", 5.0, True, math.nan, [5]]
    if "float" in words:
        return [*values, "0.5", True, [0.5], math.nan]
    if words & {"Term", "Coverage", "Lead", "LotResult", "SwitchingEvent"}:
        return [*values, "P1Y", 5, {"years": 1}]
    if words & {"WorkingCalendar", "WorkingDayCalendar"}:
        return [*values, "china", 5]
    if words & {"SamplingPlan", "SingleSamplingPlan"}:
        return [*values, "single", 5, (125, 5, 6)]
    return [*values, object()]


def _out_of_range(annotation: str) -> list[Any]:
    """Values of an allowed type that are out of range, huge or odd."""
    words = _words(annotation)
    values: list[Any] = []
    if words & {"object", "Any", "T"}:
        values += [object(), math.nan, "长" * 1_000_000, [[[[]]]], {1: 2}, b"\xff"]
    if "int" in words:
        values += [-1, 0, 10**100, -(10**100), 2**63]
    if "float" in words or "Decimal" in words:
        values += [-1e300, 1e300, math.inf, -0.5, 1.5, Decimal("sNaN"), Decimal("NaN")]
    if "date" in words and "datetime" not in words:
        values += [date.min, date.max, date(2000, 2, 29)]
    if "str" in words:
        values += ["", " ", "长" * 1_000_000, "1_5", "sNaN", "\x00"]
    if words & {"Iterable", "Sequence", "tuple", "list"}:
        values += [[], "abc", [None], iter(range(10**7))]
    return values


class Case(NamedTuple):
    name: str
    position: int | None
    keyword: str | None
    value: Any
    wrong_type: bool


def _cases() -> Iterator[Case]:
    for name, call in sorted(GOOD.items()):
        slots: list[tuple[int | None, str | None]] = [(i, None) for i in range(len(call.args))]
        slots += [(None, k) for k in call.kwargs]
        for position, keyword in slots:
            annotation = _annotation(call, position, keyword)
            for value in _wrong_types(annotation):
                yield Case(name, position, keyword, value, True)
            for value in _out_of_range(annotation):
                yield Case(name, position, keyword, value, False)


CASES = list(_cases())


def _case_id(case: Case) -> str:
    slot = case.keyword if case.keyword is not None else f"arg{case.position}"
    shown = repr(case.value)
    return f"{case.name}-{slot}-{shown[:24]}"


def _with(call: Call, case: Case) -> tuple[tuple[Any, ...], dict[str, Any]]:
    args, kwargs = list(call.args), dict(call.kwargs)
    if case.keyword is not None:
        kwargs[case.keyword] = case.value
    else:
        assert case.position is not None
        args[case.position] = case.value
    return tuple(args), kwargs


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_misuse_is_a_typed_error_in_bounded_time(case: Case) -> None:
    call = GOOD[case.name]
    args, kwargs = _with(call, case)
    started = time.perf_counter()
    try:
        call.target(*args, **kwargs)
    except QSDomainError:
        pass
    else:
        assert not case.wrong_type, f"{case.name} accepted a value of the wrong type"
    assert time.perf_counter() - started < CALL_SECONDS


def test_the_cases_cover_every_good_call_with_arguments() -> None:
    with_arguments = {name for name, call in GOOD.items() if call.args or call.kwargs}
    assert with_arguments <= {case.name for case in CASES}
