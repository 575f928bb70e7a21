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

import enum
import json
import math
import re
import sys
from collections.abc import Mapping, MutableSequence, Sequence
from collections.abc import Set as AbstractSet
from datetime import date, datetime
from typing import Any, TypeVar

import attrs
import cattrs
import cattrs.gen
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
    StructureHandlerNotFoundError,
)

from qsdomain import limits
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
    # A JSON number too large for a float (1e999, or 400 digits) would become inf or overflow.
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        try:
            number = float(value)
        except OverflowError:
            number = math.inf
        if math.isfinite(number):
            return number
    raise _Rejected(value, "a finite number")


def _structure_str(value: object, _: type) -> str:
    if isinstance(value, str):
        return value
    raise _Rejected(value, "a string")


def _structure_bool(value: object, _: type) -> bool:
    if isinstance(value, bool):
        return value
    raise _Rejected(value, "true or false")


def _structure_enum(value: object, cls: type[enum.Enum]) -> enum.Enum:
    for member in cls:
        if value == member.value and type(value) is type(member.value):
            return member
    allowed = ", ".join(repr(m.value) for m in cls)
    raise _Rejected(value, f"one of {allowed}")


def _is_enum(cls: Any) -> bool:
    return isinstance(cls, type) and issubclass(cls, enum.Enum)


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


_SEQUENCE_ORIGINS = (tuple, list, frozenset, set, Sequence, MutableSequence, AbstractSet)


def _is_sequence_type(cls: Any) -> bool:
    """Homogeneous list-like types (``tuple[X, ...]``, ``list[X]``, ``frozenset[X]`` ...)."""
    origin = getattr(cls, "__origin__", None)
    if origin not in _SEQUENCE_ORIGINS:
        return False
    args: tuple[Any, ...] = getattr(cls, "__args__", ())
    return origin is not tuple or (len(args) == 2 and args[1] is Ellipsis)


def _sequence_hook(conv: cattrs.Converter, cls: Any) -> Any:
    """Structure a JSON array element by element, stopping at the first bad element.

    A string is never a list (cattrs would otherwise split it into characters), an array longer
    than :data:`qsdomain.limits.MAX_ITEMS` is refused before it is read, and the first bad element
    ends the work: a bad document costs no more than a good one.
    """
    element = cls.__args__[0]
    origin = cls.__origin__
    build: Any = frozenset if origin in (frozenset, set, AbstractSet) else tuple
    if origin is list or origin is MutableSequence:
        build = list
    element_hook = conv.get_structure_hook(element)

    def structure_sequence(value: object, _: type) -> Any:
        if not isinstance(value, (list, tuple)):
            raise _Rejected(value, "a JSON array")
        if len(value) > limits.MAX_ITEMS:
            raise _Rejected(
                f"an array of {len(value)} items",
                f"an array of at most {limits.MAX_ITEMS} items (qsdomain.limits.MAX_ITEMS)",
            )
        out = []
        for index, item in enumerate(value):
            try:
                out.append(element_hook(item, element))
            except Exception as exc:
                note = IterableValidationNote(f"Structuring @ index {index}", index, element)
                exc.__notes__ = [*getattr(exc, "__notes__", []), note]  # type: ignore[attr-defined]
                raise IterableValidationError("While structuring an array", [exc], cls) from None
        return build(out)

    return structure_sequence


def _make_converter() -> cattrs.Converter:
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(float, _structure_float)
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(bool, _structure_bool)
    conv.register_structure_hook_func(_is_enum, _structure_enum)
    conv.register_structure_hook(date, _structure_date)
    conv.register_unstructure_hook(date, date.isoformat)
    conv.register_structure_hook(datetime, _structure_datetime)
    conv.register_unstructure_hook(datetime, _unstructure_datetime)
    conv.register_structure_hook_factory(_is_sequence_type, lambda cls: _sequence_hook(conv, cls))
    _register_sampling(conv)
    _register_commitments(conv)
    _register_licensing(conv)
    # Sets become sorted lists so the JSON form is deterministic.
    conv.register_unstructure_hook_func(
        lambda t: getattr(t, "__origin__", None) in (frozenset, set),
        lambda value: sorted(conv.unstructure(v) for v in value),
    )
    return conv


def _register_tagged(
    conv: cattrs.Converter, union: Any, key: str, members: Mapping[str, type[Any]]
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
        if not isinstance(tag, str) or tag not in members:
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


def _register_commitments(conv: cattrs.Converter) -> None:
    """Tags for the union of case events: each event carries ``"event": "<kind>"``."""
    from qsdomain.commitments import EVENT_KINDS, Event  # noqa: PLC0415 - the edge layer

    _register_tagged(conv, Event, "event", dict(EVENT_KINDS))


def _register_licensing(conv: cattrs.Converter) -> None:
    """Tags for the licensing events: each event carries ``"event"`` naming its kind."""
    from qsdomain.licensing import EVENT_KINDS, LicenceEvent  # noqa: PLC0415 - the edge layer may know all

    _register_tagged(conv, LicenceEvent, "event", EVENT_KINDS)


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


def _field_path(path: str, field: str, data: object) -> str:
    """``path`` (an object's) with the attribute an InvalidInputError's ``field`` names.

    Validators name fields "<object>.<attribute>": the attribute is grafted on. A converter may
    name the bare attribute ("key"): it is grafted on when the object at ``path`` has that
    key, so the path still ends at the field; any other field leaves ``path`` as it is.
    """
    _, dot, attribute = field.partition(".")
    if dot:
        return f"{path}.{attribute}"
    here = _lookup(data, path)
    if isinstance(here, Mapping) and field in here:
        return f"{path}.{field}"
    return path


def _as_structuring_error(exc: BaseException, data: object) -> StructuringError:
    path, leaf = _leaves(exc, "$")[0]
    if isinstance(leaf, _Rejected):
        return StructuringError(path, leaf.value, leaf.allowed)
    if isinstance(leaf, ForbiddenExtraKeysError):
        return StructuringError(path, _lookup(data, path), "absent: the key is not a known field")
    if isinstance(leaf, InvalidInputError):
        return StructuringError(_field_path(path, leaf.field, data), leaf.value, leaf.allowed)
    if isinstance(leaf, KeyError):
        return StructuringError(path, None, "present: the field is required")
    value = _lookup(data, path)
    return StructuringError(path, value, f"valid input ({leaf})")


def structure(data: object, cls: type[T]) -> T:
    """Turn plain data (dicts, lists, strings, numbers) into an instance of ``cls``.

    >>> from qsdomain.periods import Lead
    >>> structure({"amount": 30, "unit": "working_days"}, Lead)
    Lead(amount=30, unit=<LeadUnit.WORKING_DAYS: 'working_days'>)
    >>> structure({"amount": 30, "unit": "fortnights"}, Lead)
    Traceback (most recent call last):
    ...
    qsdomain.errors.StructuringError: $.unit must be one of ..., got 'fortnights'

    Raises :class:`~qsdomain.errors.StructuringError` naming the path of the first bad field.
    """
    if attrs.has(cls) and not isinstance(data, Mapping):
        raise StructuringError("$", data, f"a JSON object with the fields of {cls.__name__}")
    try:
        return converter.structure(data, cls)
    except RecursionError as exc:
        raise StructuringError("$", _short(repr(data)), "data nested less deeply") from exc
    except StructureHandlerNotFoundError:
        raise InvalidInputError(
            "cls", cls, "a qsdomain type (a class of a qsdomain package)"
        ) from None
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
    """Turn a qsdomain object into plain JSON-compatible data.

    >>> from datetime import date
    >>> from qsdomain.calendars import ProvisionalSpan
    >>> unstructure(ProvisionalSpan(date(2027, 1, 1), date(2027, 12, 31), "weekends only"))
    {'first': '2027-01-01', 'last': '2027-12-31', 'assumption': 'weekends only'}
    """
    return converter.unstructure(obj)


def to_json(obj: object, *, indent: int | None = None) -> str:
    """Serialize a qsdomain object to a JSON string (non-ASCII text kept as is).

    >>> from qsdomain.calendars import Coverage
    >>> from datetime import date
    >>> to_json(Coverage(date(2026, 1, 1), date(2026, 12, 31)))
    '{"first": "2026-01-01", "last": "2026-12-31"}'

    JSON has no NaN or infinity: a non-finite float is refused with an
    :class:`~qsdomain.errors.InvalidInputError` rather than written as a bare ``NaN`` token that
    other JSON readers reject.
    """
    data = unstructure(obj)
    try:
        return json.dumps(data, ensure_ascii=False, indent=indent, allow_nan=False)
    except ValueError as exc:
        raise InvalidInputError(
            "to_json(obj)", obj, "an object whose numbers are finite (JSON has no NaN or inf)"
        ) from exc
    except TypeError as exc:
        raise InvalidInputError(
            "to_json(obj)", obj, f"a qsdomain object or plain JSON data ({exc})"
        ) from exc


def _refuse_constant(token: str) -> float:
    raise _Rejected(token, "a finite number (JSON has no NaN or Infinity)")


def from_json(text: str | bytes | bytearray, cls: type[T]) -> T:
    """Parse JSON text (a ``str``, or UTF-8 ``bytes``) and structure it into ``cls``.

    >>> from qsdomain.calendars import Coverage
    >>> from_json('{"first": "2026-01-01", "last": "2026-12-31"}', Coverage)
    Coverage(first=datetime.date(2026, 1, 1), last=datetime.date(2026, 12, 31))
    >>> from_json(b'"\\x80"', Coverage)
    Traceback (most recent call last):
    ...
    qsdomain.errors.StructuringError: $ must be UTF-8 encoded JSON text ..., got ...

    Whatever the input, the outcome is an instance of ``cls`` or a
    :class:`~qsdomain.errors.StructuringError`, in time proportional to the input's length:
    documents longer than :data:`qsdomain.limits.MAX_JSON_CHARS`, numbers of more than 4300
    digits, ``NaN``/``Infinity`` tokens, nesting deeper than Python's recursion limit and
    non-UTF-8 bytes are refused.
    """
    if not isinstance(text, (str, bytes, bytearray)):
        raise StructuringError("$", text, "JSON text (a str, or UTF-8 bytes)")
    if len(text) > limits.MAX_JSON_CHARS:
        raise StructuringError(
            "$",
            f"a document of {len(text)} characters",
            f"at most {limits.MAX_JSON_CHARS} characters (qsdomain.limits.MAX_JSON_CHARS)",
        )
    if not isinstance(text, str):
        try:
            text = bytes(text).decode("utf-8")
        except UnicodeDecodeError as exc:
            raise StructuringError(
                "$", _short(text), f"UTF-8 encoded JSON text ({exc.reason} at byte {exc.start})"
            ) from None
    try:
        data = json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as exc:
        raise StructuringError("$", _short(text), f"valid JSON ({exc.msg})") from exc
    except _Rejected as exc:
        raise StructuringError("$", exc.value, exc.allowed) from None
    except RecursionError:
        raise StructuringError("$", _short(text), "JSON nested less deeply") from None
    except ValueError as exc:  # e.g. an integer of more than sys.get_int_max_str_digits() digits
        raise StructuringError("$", _short(text), f"valid JSON ({exc})") from None
    return structure(data, cls)


def _short(text: str | bytes | bytearray) -> str:
    shown = text if isinstance(text, str) else bytes(text).decode("utf-8", "replace")
    return shown if len(shown) <= 60 else shown[:57] + "..."
