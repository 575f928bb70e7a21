"""Plain-data and JSON forms of every public qsdomain type, through one cattrs converter.

>>> from qsdomain.periods import Term
>>> from qsdomain.serialization import from_json, to_json
>>> to_json(Term(years=5))
'{"years": 5, "months": 0, "days": 0}'
>>> from_json('{"years": 5}', Term)
Term(years=5, months=0, days=0)
>>> from_json('{"years": "five"}', Term)
Traceback (most recent call last):
...
qsdomain.errors.StructuringError: $.years must be a whole number (int), got 'five'

Dates are ISO 8601 strings (``"2026-10-08"``); datetimes are ISO 8601 strings with their UTC
offset and must be timezone-aware; enums are their values. Structuring is strict: no silent
conversion of ``"5"`` to ``5`` or of ``5.7`` to ``5``, unknown keys are errors, and every error
is a :class:`~qsdomain.errors.StructuringError` (an ``InvalidInputError``, so a ``ValueError``)
whose ``field`` is the path of the bad value, such as ``$.term.years``.

Domain modules never import this one; it is the edge where plain data meets domain objects.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any, TypeVar

import attrs
import cattrs
import cattrs.gen
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError, IterableValidationError

from qsdomain.errors import InvalidInputError, NaiveDatetimeError, StructuringError

if sys.version_info < (3, 11):  # pragma: no cover - cattrs installs the backport there
    from exceptiongroup import BaseExceptionGroup  # type: ignore[import-not-found,unused-ignore]

__all__ = ["converter", "from_json", "structure", "to_json", "unstructure"]

T = TypeVar("T")

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class _Rejected(Exception):  # noqa: N818 - internal signal, always turned into StructuringError
    """A leaf value the strict hooks refused; carries what is allowed."""

    def __init__(self, value: object, allowed: str) -> None:
        super().__init__(value, allowed)
        self.value = value
        self.allowed = allowed


def _structure_int(value: object, _: type) -> int:
    if value.__class__ is int:
        return value
    raise _Rejected(value, "a whole number (int)")


def _structure_float(value: object, _: type) -> float:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    raise _Rejected(value, "a number")


def _structure_str(value: object, _: type) -> str:
    if isinstance(value, str):
        return value
    raise _Rejected(value, "a string")


def _structure_bool(value: object, _: type) -> bool:
    if isinstance(value, bool):
        return value
    raise _Rejected(value, "true or false")


def _structure_date(value: object, _: type) -> date:
    if value.__class__ is date:
        return value
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise _Rejected(value, "an ISO 8601 date string YYYY-MM-DD")


def _structure_datetime(value: object, _: type) -> datetime:
    parsed: datetime | None = None
    if isinstance(value, datetime):
        parsed = value
    elif isinstance(value, str):
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            parsed = None
    if parsed is None:
        raise _Rejected(value, "an ISO 8601 datetime string with a UTC offset")
    if parsed.tzinfo is None or parsed.utcoffset() is None:
        raise _Rejected(value, "a timezone-aware datetime (with a UTC offset such as +08:00)")
    return parsed


def _unstructure_datetime(value: datetime) -> str:
    if value.tzinfo is None or value.utcoffset() is None:
        raise NaiveDatetimeError("datetime", value)
    return value.isoformat()


def _make_converter() -> cattrs.Converter:
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(float, _structure_float)
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(bool, _structure_bool)
    conv.register_structure_hook(date, _structure_date)
    conv.register_unstructure_hook(date, date.isoformat)
    conv.register_structure_hook(datetime, _structure_datetime)
    conv.register_unstructure_hook(datetime, _unstructure_datetime)
    _register_sampling(conv)
    # Sets become sorted lists so the JSON form is deterministic.
    conv.register_unstructure_hook_func(
        lambda t: getattr(t, "__origin__", None) in (frozenset, set),
        lambda value: sorted(conv.unstructure(v) for v in value),
    )
    return conv


def _register_tagged(
    conv: cattrs.Converter, union: Any, key: str, members: dict[str, type[Any]]
) -> None:
    """Serialize a union of attrs classes with a tag field naming the member."""
    for tag, cls in members.items():
        unstructure_fields = cattrs.gen.make_dict_unstructure_fn(cls, conv)
        structure_fields = cattrs.gen.make_dict_structure_fn(
            cls, conv, _cattrs_forbid_extra_keys=True
        )

        def tagged(obj: Any, fields: Any = unstructure_fields, tag: str = tag) -> Any:
            return {key: tag, **fields(obj)}

        def untagged(
            data: Any, _: type, fields: Any = structure_fields, cls: type = cls, tag: str = tag
        ) -> Any:
            if not isinstance(data, Mapping):
                raise _Rejected(data, f"a JSON object with the fields of {cls.__name__}")
            if data.get(key, tag) != tag:
                raise _Rejected(data.get(key), f"{tag!r} for a {cls.__name__}")
            return fields({k: v for k, v in data.items() if k != key}, cls)

        conv.register_unstructure_hook(cls, tagged)
        conv.register_structure_hook(cls, untagged)

    allowed = ", ".join(repr(tag) for tag in members)

    def any_member(data: Any, _: type) -> Any:
        tag = data.get(key) if isinstance(data, Mapping) else None
        if tag not in members:
            raise _Rejected(tag, f"an object whose {key} is one of {allowed}")
        return conv.structure(data, members[tag])

    conv.register_structure_hook(union, any_member)


def _register_sampling(conv: cattrs.Converter) -> None:
    """Tags for the sampling unions; ``Transition.from_`` is written as ``from``."""
    from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override  # noqa: PLC0415

    from qsdomain.sampling import (  # noqa: PLC0415 - the edge layer may know every family
        AuthorityRequiresNormal,
        CorrectiveActionAccepted,
        DoubleSamplingPlan,
        LotResult,
        MultipleSamplingPlan,
        ProductionIrregular,
        ReducedApproval,
        SamplingPlan,
        SingleSamplingPlan,
        SwitchingEvent,
        SwitchingState,
        TableSource,
        Transition,
    )

    # Double and multiple plans have the same fields, so plans carry their scheme.
    plans = {"single": SingleSamplingPlan, "double": DoubleSamplingPlan,
             "multiple": MultipleSamplingPlan}  # fmt: skip
    _register_tagged(conv, SamplingPlan, "scheme", plans)
    events = {
        "lot": LotResult,
        "production_irregular": ProductionIrregular,
        "authority_requires_normal": AuthorityRequiresNormal,
        "reduced_approval": ReducedApproval,
        "corrective_action_accepted": CorrectiveActionAccepted,
    }
    _register_tagged(conv, SwitchingEvent, "event", events)
    # Their list fields have converters that refuse a string and stop at a small bound; hand
    # them the raw value, so a 1,000,000-character string is refused at once, not per character.
    for bounded in (SwitchingState, TableSource):
        conv.register_structure_hook(
            bounded,
            make_dict_structure_fn(
                bounded, conv, _cattrs_forbid_extra_keys=True, _cattrs_prefer_attrib_converters=True
            ),
        )
    conv.register_unstructure_hook(
        Transition, make_dict_unstructure_fn(Transition, conv, from_=override(rename="from"))
    )
    conv.register_structure_hook(
        Transition,
        make_dict_structure_fn(
            Transition, conv, _cattrs_forbid_extra_keys=True, from_=override(rename="from")
        ),
    )


#: The one converter every public type goes through.
converter: cattrs.Converter = _make_converter()


def _leaves(exc: BaseException, path: str) -> list[tuple[str, BaseException]]:
    """Flatten cattrs' exception groups into (path, leaf exception) pairs."""
    found: list[tuple[str, BaseException]] = []
    if isinstance(exc, ClassValidationError):
        with_notes, without = exc.group_exceptions()
        for inner, attr_note in with_notes:
            found += _leaves(inner, f"{path}.{attr_note.name}")
        for inner in without:
            found += _leaves(inner, path)
        return found
    if isinstance(exc, IterableValidationError):
        with_index, without = exc.group_exceptions()
        for inner, index_note in with_index:
            found += _leaves(inner, f"{path}[{index_note.index}]")
        for inner in without:
            found += _leaves(inner, path)
        return found
    if isinstance(exc, ForbiddenExtraKeysError):
        return [(f"{path}.{key}", exc) for key in sorted(exc.extra_fields)]
    if isinstance(exc, BaseExceptionGroup):
        for inner in exc.exceptions:
            found += _leaves(inner, path)
        return found
    return [(path, exc)]


def _lookup(data: object, path: str) -> object:
    """The value at ``path`` (``$.a.b[2]``) inside ``data``, or ``None`` if it is absent."""
    current = data
    for name, index in re.findall(r"\.([^.\[]+)|\[(\d+)\]", path):
        try:
            current = current[int(index)] if index else current[name]  # type: ignore[index]
        except (KeyError, IndexError, TypeError):
            return None
    return current


def _as_structuring_error(exc: BaseException, data: object) -> StructuringError:
    path, leaf = _leaves(exc, "$")[0]
    if isinstance(leaf, _Rejected):
        return StructuringError(path, leaf.value, leaf.allowed)
    if isinstance(leaf, ForbiddenExtraKeysError):
        return StructuringError(path, _lookup(data, path), "absent: the key is not a known field")
    if isinstance(leaf, InvalidInputError):
        # Validators name fields "<object>.<attribute>"; graft the attribute onto the path.
        _, dot, attribute = leaf.field.partition(".")
        return StructuringError(f"{path}.{attribute}" if dot else path, leaf.value, leaf.allowed)
    if isinstance(leaf, KeyError):
        return StructuringError(path, None, "present: the field is required")
    value = _lookup(data, path)
    return StructuringError(path, value, f"valid input ({leaf})")


def structure(data: object, cls: type[T]) -> T:
    """Turn plain data (dicts, lists, strings, numbers) into an instance of ``cls``.

    Raises :class:`~qsdomain.errors.StructuringError` naming the path of the first bad field.
    """
    if attrs.has(cls) and not isinstance(data, Mapping):
        raise StructuringError("$", data, f"a JSON object with the fields of {cls.__name__}")
    try:
        return converter.structure(data, cls)
    except (ClassValidationError, IterableValidationError, ForbiddenExtraKeysError) as exc:
        raise _as_structuring_error(exc, data) from exc
    except _Rejected as exc:
        raise StructuringError("$", exc.value, exc.allowed) from exc
    except InvalidInputError as exc:
        raise _as_structuring_error(exc, data) from exc
    except (TypeError, ValueError, AttributeError) as exc:
        name = getattr(cls, "__name__", str(cls))
        raise StructuringError("$", data, f"data for a {name} ({exc})") from exc


def unstructure(obj: object) -> Any:
    """Turn a qsdomain object into plain JSON-compatible data."""
    return converter.unstructure(obj)


def to_json(obj: object, *, indent: int | None = None) -> str:
    """Serialize a qsdomain object to a JSON string (non-ASCII text kept as is)."""
    return json.dumps(unstructure(obj), ensure_ascii=False, indent=indent)


def from_json(text: str | bytes, cls: type[T]) -> T:
    """Parse JSON text and structure it into ``cls``."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise StructuringError("$", _short(text), f"valid JSON ({exc.msg})") from exc
    return structure(data, cls)


def _short(text: str | bytes) -> str:
    shown = text if isinstance(text, str) else text.decode("utf-8", "replace")
    return shown if len(shown) <= 60 else shown[:57] + "..."
