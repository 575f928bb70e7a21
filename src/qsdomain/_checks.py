"""Input checks shared by every module: one wording for each kind of bad value.

Domain classes call these from their attrs validators and converters, so an object is valid from
construction; computations then trust constructed objects and never check them again. Every
check raises :class:`~qsdomain.errors.InvalidInputError` naming the field, the value and what is
allowed, and none of them can be slow: a sequence longer than its stated limit is refused before
it is read to the end.

For attrs classes, use the ready-made pieces, in one style: a generic named converter that only
normalises (:func:`as_int`, :func:`as_optional_int`, :func:`as_tuple`; attrs' mypy plugin takes
only named functions as converters) and a validator made by a ``v_*`` factory
(:func:`v_text`, :func:`v_day`, :func:`v_whole`, :func:`v_real`, :func:`v_flag`,
:func:`v_member`, :func:`v_items`), which names the field in its errors by the one rule,
:func:`field_path`: ``type.field``, the class name in lower snake case, a dot, the attribute:

>>> import attrs
>>> @attrs.frozen
... class InstrumentStatus:
...     days_left: int | None = attrs.field(
...         converter=as_optional_int, validator=v_whole(-36500, 36500, optional=True))
>>> InstrumentStatus(None).days_left, InstrumentStatus(3).days_left
(None, 3)
>>> InstrumentStatus("3")
Traceback (most recent call last):
...
qsdomain.errors.InvalidInputError: instrument_status.days_left must be a whole number from ...

No one-line wrapper function per field is needed (``def _to_due(v): return day("due", v)``);
a field whose check is not one of these (a cross-field rule, a table look-up) keeps its own
``@field.validator`` method, naming its field by the same rule.
"""

from __future__ import annotations

import enum
import math
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date, datetime
from numbers import Integral, Real
from typing import TYPE_CHECKING, Any, TypeVar

from qsdomain import limits
from qsdomain._memo import Memo
from qsdomain.errors import InvalidInputError, NaiveDatetimeError

if TYPE_CHECKING:
    import attrs

__all__ = [
    "Validator",
    "as_int",
    "as_optional_int",
    "as_tuple",
    "aware_datetime",
    "day",
    "days",
    "enum_member",
    "field_path",
    "flag",
    "items",
    "real",
    "stream",
    "text",
    "texts",
    "v_day",
    "v_flag",
    "v_items",
    "v_member",
    "v_real",
    "v_text",
    "v_whole",
    "whole_number",
]

E = TypeVar("E", bound=enum.Enum)
T = TypeVar("T")

#: A lone surrogate code point (U+D800 to U+DFFF). A Python string can hold one (a ``"\\ud800"``
#: escape in JSON, a file name decoded with ``surrogateescape``), but UTF-8 cannot encode it, so
#: it would fail later, far from its source, when the text is written to a file, a database or a
#: terminal.
_SURROGATE = re.compile("[\ud800-\udfff]")


def enum_member(field: str, enum_type: type[E], value: object) -> E:
    """``value`` as a member of ``enum_type``, accepting the member or its value.

    >>> from qsdomain.periods import Convention
    >>> enum_member("convention", Convention, "inclusive")
    <Convention.INCLUSIVE: 'inclusive'>
    """
    if isinstance(value, enum_type):
        return value
    try:
        return enum_type(value)
    except (ValueError, TypeError):  # TypeError: an unhashable value such as a list
        allowed = ", ".join(repr(m.value) for m in enum_type)
        raise InvalidInputError(field, value, f"one of {allowed}") from None


def whole_number(field: str, value: object, low: int | None = None, high: int | None = None) -> int:
    """``value`` as an ``int`` if it is a whole number (not a ``bool``) within ``low``..``high``.

    Any :class:`numbers.Integral` passes (``numpy.int64`` included) and comes back as ``int``.

    >>> whole_number("n", 5, 1, 10)
    5
    >>> whole_number("n", True)
    Traceback (most recent call last):
    ...
    qsdomain.errors.InvalidInputError: n must be a whole number (int), got True
    """
    number = None if isinstance(value, bool) or not isinstance(value, Integral) else int(value)
    if number is not None and (low is None or number >= low) and (high is None or number <= high):
        return number
    if low is not None and high is not None:
        allowed = f"a whole number from {low} to {high}"
    elif low is not None:
        allowed = f"a whole number >= {low}"
    elif high is not None:
        allowed = f"a whole number <= {high}"
    else:
        allowed = "a whole number (int)"
    raise InvalidInputError(field, value, allowed)


def real(
    field: str,
    value: object,
    low: float | None = None,
    high: float | None = None,
    *,
    low_open: bool = False,
    high_open: bool = False,
) -> float:
    """``value`` as a finite ``float`` (not a ``bool``, not NaN) within the stated bounds.

    >>> real("target", 0.95, 0.0, 1.0, low_open=True, high_open=True)
    0.95
    >>> real("target", float("nan"))
    Traceback (most recent call last):
    ...
    qsdomain.errors.InvalidInputError: target must be a finite real number, got nan
    """
    number = math.nan if isinstance(value, bool) or not isinstance(value, Real) else float(value)
    ok = math.isfinite(number)
    if ok and low is not None:
        ok = number > low if low_open else number >= low
    if ok and high is not None:
        ok = number < high if high_open else number <= high
    if ok:
        return number
    if low is None and high is None:
        raise InvalidInputError(field, value, "a finite real number")
    left = "(" if low_open else "["
    right = ")" if high_open else "]"
    lo = "-inf" if low is None else f"{low:g}"
    hi = "inf" if high is None else f"{high:g}"
    raise InvalidInputError(field, value, f"a finite real number in {left}{lo}, {hi}{right}")


def flag(field: str, value: object) -> bool:
    """``value`` if it is ``True`` or ``False`` (not 0, 1 or a string).

    >>> flag("single_source", 1)
    Traceback (most recent call last):
    ...
    qsdomain.errors.InvalidInputError: single_source must be True or False, got 1
    """
    if isinstance(value, bool):
        return value
    raise InvalidInputError(field, value, "True or False")


def text(
    field: str,
    value: object,
    *,
    max_length: int = limits.MAX_TEXT_LENGTH,
    allow_empty: bool = False,
) -> str:
    """``value`` if it is a string of at most ``max_length`` characters (non-blank by default).

    >>> text("name", "电子计价秤")
    '电子计价秤'
    >>> text("name", " ")
    Traceback (most recent call last):
    ...
    qsdomain.errors.InvalidInputError: name must be a non-empty string of ..., got ' '

    A string holding a lone surrogate (U+D800 to U+DFFF) is refused too: it is not text that
    UTF-8 can encode, so no ledger, database or terminal could take it.

    >>> text("name", "电子\\ud800")
    Traceback (most recent call last):
    ...
    qsdomain.errors.InvalidInputError: name must be a string without lone surrogates ...
    """
    if isinstance(value, str) and len(value) <= max_length and (allow_empty or value.strip() != ""):
        # isascii and isprintable answer for almost every string at a fraction of the search's
        # cost (a surrogate is neither ASCII nor printable); only the rest are searched.
        if value.isascii() or value.isprintable() or _SURROGATE.search(value) is None:
            return value
        raise InvalidInputError(
            field, value, "a string without lone surrogates (text that UTF-8 can encode)"
        )
    kind = "a string" if allow_empty else "a non-empty string"
    raise InvalidInputError(field, value, f"{kind} of at most {max_length} characters")


def items(
    field: str,
    value: object,
    *,
    max_items: int = limits.MAX_ITEMS,
    limit_name: str = "MAX_ITEMS",
) -> tuple[object, ...]:
    """The elements of a list-like ``value`` as a tuple: never a string, bytes or a mapping.

    A string is not a list of characters; a longer sequence than ``max_items`` (the limit
    ``qsdomain.limits.<limit_name>``) is refused as soon as the limit is passed, so a huge input
    costs no more than the limit.

    >>> items("doubts", ["a", "b"])
    ('a', 'b')
    >>> items("doubts", "abc")
    Traceback (most recent call last):
    ...
    qsdomain.errors.InvalidInputError: doubts must be a list (not a string), got 'abc'
    """
    if value.__class__ is tuple and len(value) <= max_items:  # already immutable: no copy
        return value
    if isinstance(value, (str, bytes, bytearray, Mapping)) or not isinstance(value, Iterable):
        raise InvalidInputError(field, value, "a list (not a string)")
    collected: list[object] = []
    for element in value:
        if len(collected) >= max_items:
            raise InvalidInputError(
                field,
                f"more than {max_items} items",
                f"a list of at most {max_items} items (qsdomain.limits.{limit_name})",
            )
        collected.append(element)
    return tuple(collected)


def texts(
    field: str,
    value: object,
    *,
    max_items: int = limits.MAX_ITEMS,
    max_length: int = limits.MAX_TEXT_LENGTH,
) -> tuple[str, ...]:
    """A list of non-empty strings as a tuple (a bare string is refused, not split).

    >>> texts("sources", ["国办发明电〔2025〕7号"])
    ('国办发明电〔2025〕7号',)
    """
    return tuple(
        text(f"{field}[{i}]", element, max_length=max_length)
        for i, element in enumerate(items(field, value, max_items=max_items))
    )


def day(field: str, value: object) -> date:
    """``value`` if it is a ``datetime.date`` that is not a ``datetime``.

    >>> from datetime import date, datetime
    >>> day("as_of", date(2026, 11, 27))
    datetime.date(2026, 11, 27)
    >>> day("as_of", datetime(2026, 11, 27))
    Traceback (most recent call last):
    ...
    qsdomain.errors.InvalidInputError: as_of must be a datetime.date (a day), not a datetime, ...
    """
    if isinstance(value, datetime):
        raise InvalidInputError(field, value, "a datetime.date (a day), not a datetime")
    if isinstance(value, date):
        return value
    raise InvalidInputError(field, value, "a datetime.date")


def days(field: str, value: object, *, max_items: int = limits.MAX_ITEMS) -> frozenset[date]:
    """A list of days as a frozen set; each element checked by :func:`day`.

    >>> from datetime import date
    >>> sorted(days("weekdays_off", [date(2026, 10, 1)]))
    [datetime.date(2026, 10, 1)]
    """
    return frozenset(
        day(f"{field}[{i}]", element)
        for i, element in enumerate(items(field, value, max_items=max_items))
    )


def aware_datetime(field: str, value: object) -> datetime:
    """``value`` if it is a timezone-aware ``datetime``.

    >>> from datetime import datetime, timezone
    >>> aware_datetime("at", datetime(2026, 9, 28, 2, 0, tzinfo=timezone.utc)).hour
    2
    >>> aware_datetime("at", datetime(2026, 9, 28, 10, 0))
    Traceback (most recent call last):
    ...
    qsdomain.errors.NaiveDatetimeError: at must be a timezone-aware ..., got 2026-09-28T10:00:00
    """
    if not isinstance(value, datetime):
        raise InvalidInputError(field, value, "a timezone-aware datetime.datetime")
    if value.tzinfo is None or value.utcoffset() is None:
        raise NaiveDatetimeError(field, value)
    return value


def stream(field: str, value: Iterable[T]) -> Iterator[T]:
    """An iterator over a list-like ``value``, not read ahead: never a string, bytes or a mapping.

    For functions that consume a stream of any length one item at a time (a ledger): only what
    is not a list of items at all is refused, before the first item is read; the caller checks
    each item as it comes (see :func:`items` for a bounded list read whole).

    >>> next(stream("rows", iter([1, 2])))
    1
    >>> stream("rows", None)
    Traceback (most recent call last):
    ...
    qsdomain.errors.InvalidInputError: rows must be a list (not a string), got None
    """
    if isinstance(value, (str, bytes, bytearray, Mapping)) or not isinstance(value, Iterable):
        raise InvalidInputError(field, value, "a list (not a string)")
    return iter(value)


def as_int(value: int) -> int:
    """An attrs converter: a whole number of another integral type (``numpy.int64``) as the
    ``int`` it is, so that no numpy scalar is stored (and fails later, in ``to_json``); any
    other value, ``bool`` included, unchanged for the field's validator to judge. Typed as
    ``int`` so that the classes' signatures still say what they take.

    >>> type(as_int(__import__("fractions").Fraction(4, 1)))
    <class 'fractions.Fraction'>
    >>> as_int(True), as_int(5)
    (True, 5)
    """
    number: object = value
    if number.__class__ is int or isinstance(number, bool) or not isinstance(number, Integral):
        return value
    return int(number)


def as_optional_int(value: int | None) -> int | None:
    """:func:`as_int` for a field that may be ``None``.

    >>> as_optional_int(None) is None
    True
    """
    return None if value is None else as_int(value)


def as_tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    """An attrs converter: a list (or any iterable but a string, bytes or a mapping) as a tuple;
    anything else unchanged for the field's validator (:func:`v_items`) to judge. Typed with
    ``Any`` (not a type variable): attrs' mypy plugin cannot solve a generic converter.

    >>> as_tuple(["a", "b"]), as_tuple("ab")
    (('a', 'b'), 'ab')
    """
    found: object = value
    if found.__class__ is tuple or isinstance(found, (str, bytes, bytearray, Mapping)):
        return value  # type: ignore[return-value]
    if isinstance(found, Iterable):
        return tuple(value)
    return value  # type: ignore[return-value]


# -- attrs validators: one factory per kind of check, the field named type.field ---------------

#: What the ``v_*`` factories return: an attrs validator ``(instance, attribute, value)``.
Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]

_SNAKE = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_PATHS: Memo[tuple[type, str], str] = Memo(4096)


def field_path(instance: object, attribute: attrs.Attribute[Any]) -> str:
    """The name an error gives a field of an attrs class: ``type.field``, the class name in
    lower snake case, a dot, the attribute's name (the rule of docs/contributing.md).

    >>> import attrs
    >>> @attrs.frozen
    ... class LotPlan:
    ...     n: int
    >>> field_path(LotPlan(1), attrs.fields(LotPlan).n)
    'lot_plan.n'
    """
    cls = type(instance)
    found = _PATHS.get((cls, attribute.name))
    if found is None:
        found = _PATHS.put(
            (cls, attribute.name), f"{_SNAKE.sub('_', cls.__name__).lower()}.{attribute.name}"
        )
    return found


def v_text(
    *, allow_empty: bool = False, max_length: int = limits.MAX_TEXT_LENGTH, optional: bool = False
) -> Validator:
    """A validator: :func:`text` (``optional``: or ``None``).

    >>> import attrs
    >>> @attrs.frozen
    ... class Holder:
    ...     name: str = attrs.field(validator=v_text())
    >>> Holder(" ")
    Traceback (most recent call last):
    ...
    qsdomain.errors.InvalidInputError: holder.name must be a non-empty string of ..., got ' '
    """

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None and optional:
            return
        text(field_path(instance, attribute), value, max_length=max_length, allow_empty=allow_empty)

    return check


def v_day(*, optional: bool = False) -> Validator:
    """A validator: :func:`day` (``optional``: or ``None``).

    >>> import attrs, datetime
    >>> @attrs.frozen
    ... class Visit:
    ...     on: datetime.date = attrs.field(validator=v_day())
    >>> Visit(datetime.datetime(2026, 1, 5, 9))
    Traceback (most recent call last):
    ...
    qsdomain.errors.InvalidInputError: visit.on must be a datetime.date (a day), not a datetime, ...
    """

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None and optional:
            return
        if value.__class__ is not date:
            day(field_path(instance, attribute), value)

    return check


def v_whole(
    low: int | None = None, high: int | None = None, *, optional: bool = False
) -> Validator:
    """A validator: :func:`whole_number` within ``low``..``high`` (``optional``: or ``None``);
    pair it with the converter :func:`as_int` (:func:`as_optional_int`) so that a numpy integer
    is stored as an ``int``.

    >>> import attrs
    >>> @attrs.frozen
    ... class Tally:
    ...     met: int = attrs.field(converter=as_int, validator=v_whole(0))
    >>> Tally(-1)
    Traceback (most recent call last):
    ...
    qsdomain.errors.InvalidInputError: tally.met must be a whole number >= 0, got -1
    """

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None and optional:
            return
        if (
            value.__class__ is not int
            or (low is not None and value < low)
            or (high is not None and value > high)
        ):
            whole_number(field_path(instance, attribute), value, low, high)

    return check


def v_real(
    low: float | None = None,
    high: float | None = None,
    *,
    low_open: bool = False,
    high_open: bool = False,
    optional: bool = False,
) -> Validator:
    """A validator: :func:`real` within the stated bounds (``optional``: or ``None``).

    >>> import attrs
    >>> @attrs.frozen
    ... class Target:
    ...     ratio: float = attrs.field(validator=v_real(0, 1))
    >>> Target(float("nan"))
    Traceback (most recent call last):
    ...
    qsdomain.errors.InvalidInputError: target.ratio must be a finite real number in [0, 1], ...
    """

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None and optional:
            return
        real(
            field_path(instance, attribute),
            value,
            low,
            high,
            low_open=low_open,
            high_open=high_open,
        )

    return check


def v_flag() -> Validator:
    """A validator: :func:`flag` (``True`` or ``False``, not 0 or 1).

    >>> import attrs
    >>> @attrs.frozen
    ... class Line:
    ...     provisional: bool = attrs.field(validator=v_flag())
    >>> Line(1)
    Traceback (most recent call last):
    ...
    qsdomain.errors.InvalidInputError: line.provisional must be True or False, got 1
    """

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not True and value is not False:
            flag(field_path(instance, attribute), value)

    return check


def v_member(enum_type: type[enum.Enum], *, optional: bool = False) -> Validator:
    """A validator: a member of ``enum_type`` (its value is refused: a converter that turns
    values into members is the class's own, ``converter=enum_type`` raising an untyped error).

    >>> import attrs
    >>> from qsdomain.periods import Convention
    >>> @attrs.frozen
    ... class Rule:
    ...     convention: Convention = attrs.field(validator=v_member(Convention))
    >>> Rule("inclusive")
    Traceback (most recent call last):
    ...
    qsdomain.errors.InvalidInputError: rule.convention must be a Convention: one of ...
    """
    allowed = f"a {enum_type.__name__}: one of " + ", ".join(repr(m.value) for m in enum_type)

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None and optional:
            return
        if not isinstance(value, enum_type):
            raise InvalidInputError(field_path(instance, attribute), value, allowed)

    return check


def v_items(
    of: type | tuple[type, ...] | None = None,
    *,
    max_items: int = limits.MAX_ITEMS,
    limit_name: str = "MAX_ITEMS",
) -> Validator:
    """A validator: a tuple (convert with :func:`as_tuple`) of at most ``max_items`` elements,
    each an instance of ``of`` when given; an element is named ``type.field[i]``.

    >>> import attrs
    >>> @attrs.frozen
    ... class Batch:
    ...     ids: tuple[str, ...] = attrs.field(converter=as_tuple, validator=v_items(str))
    >>> Batch(["a", "b"]).ids
    ('a', 'b')
    >>> Batch(["a", 2])
    Traceback (most recent call last):
    ...
    qsdomain.errors.InvalidInputError: batch.ids[1] must be a str, got 2
    """
    names = (of,) if isinstance(of, type) else (of or ())
    kind = " or ".join(t.__name__ for t in names)

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, tuple) or len(value) > max_items:
            path = field_path(instance, attribute)
            items(path, value, max_items=max_items, limit_name=limit_name)
            raise InvalidInputError(path, value, "a tuple")
        if of is not None:
            for i, element in enumerate(value):
                if not isinstance(element, of):
                    raise InvalidInputError(
                        f"{field_path(instance, attribute)}[{i}]", element, f"a {kind}"
                    )

    return check
