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
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from typing import Any, NamedTuple

import attrs
import pytest

from good_calls import AWARE, NAIVE, Call, D, all_good_calls
from qsdomain import sampling
from qsdomain.errors import QSDomainError

#: A generous bound: the fuzzing campaign (``make fuzz``) holds every document to 1 s; this only
#: catches a call that runs away (a tighter wall-clock bound fails on a loaded machine).
CALL_SECONDS = 10.0

PACKAGES = (
    "qsdomain.periods",
    "qsdomain.calendars",
    "qsdomain.sampling",
    "qsdomain.serialization",
    "qsdomain.metrology",
    "qsdomain.licensing",
    "qsdomain.commitments",
    "qsdomain.ledgers",
    "qsdomain.desk",
)

GOOD = all_good_calls()

#: Public callables deliberately without a good call, with the reason.
EXEMPT = {
    "calendars.WorkingDayCalendar": "a Protocol: nothing to call",
    "ledgers.RejectSink": "a Protocol: nothing to call",
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


def _shown(value: Any) -> str:
    """A short name for a bad value that is the same in every process (never a memory address,
    so that pytest-xdist's workers collect the same test ids)."""
    if isinstance(value, (bool, int, float, Decimal, date, bytes)) or value is None:
        text = repr(value)
        return text if len(text) <= 24 else f"{type(value).__name__}{len(text)}"
    if isinstance(value, str):
        return repr(value) if len(value) <= 20 else f"str{len(value)}"
    if isinstance(value, (list, tuple, dict)) and len(repr(value)) <= 24:
        return repr(value)
    return type(value).__name__


def _case_ids() -> list[str]:
    """One id per case: the call, the slot and the value, numbered where two would be alike."""
    seen: dict[str, int] = {}
    ids = []
    for case in CASES:
        slot = case.keyword if case.keyword is not None else f"arg{case.position}"
        base = f"{case.name}-{slot}-{_shown(case.value)}"
        seen[base] = seen.get(base, 0) + 1
        ids.append(base if seen[base] == 1 else f"{base}#{seen[base]}")
    return ids


def _with(call: Call, case: Case) -> tuple[tuple[Any, ...], dict[str, Any]]:
    args, kwargs = list(call.args), dict(call.kwargs)
    if case.keyword is not None:
        kwargs[case.keyword] = case.value
    else:
        assert case.position is not None
        args[case.position] = case.value
    return tuple(args), kwargs


@pytest.mark.parametrize("case", CASES, ids=_case_ids())
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
