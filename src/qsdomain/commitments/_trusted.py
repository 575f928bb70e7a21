"""Building frozen result objects from values a computation already knows to be valid.

Public classes validate every field at construction, which is right for input but costs a
converter call per field. The fold and the clocks build their own results from checked inputs,
so they use :func:`build` and :func:`evolve`, which set the fields directly (the house rule:
"computations trust constructed objects"). Never use these on user input. The results built
once per case on the clocks' hot path use drafts instead (:mod:`qsdomain._drafts`).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

import attrs

T = TypeVar("T")

_set = object.__setattr__


@functools.cache
def _names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in attrs.fields(cls) if f.init)


@functools.cache
def _defaults(cls: type) -> tuple[tuple[str, Any], ...]:
    """(name, default) of each field; classes built here have no factory defaults."""
    found = []
    for field in attrs.fields(cls):
        if isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
            raise TypeError(f"{cls.__name__}.{field.name} has a factory default")
        found.append((field.name, field.default))
    return tuple(found)


def build(cls: type[T], **values: Any) -> T:
    """An instance of the attrs class ``cls`` with ``values`` (defaults for the others)."""
    obj = object.__new__(cls)
    for name, value in values.items():
        _set(obj, name, value)
    defaults = _defaults(cls)  # type: ignore[arg-type]
    if len(values) < len(defaults):
        for name, default in defaults:
            if name not in values:
                _set(obj, name, default)
    return obj


@functools.cache
def _slots(cls: type) -> tuple[tuple[str, Callable[..., Any], Callable[..., None]], ...]:
    """(name, getter, setter) of each field's slot: calling the descriptors directly skips
    the attribute look-up that ``getattr`` and ``object.__setattr__`` make each time."""
    found = []
    for name in _names(cls):
        slot = cls.__dict__[name]
        found.append((name, slot.__get__, slot.__set__))
    return tuple(found)


def evolve(obj: T, **changes: Any) -> T:
    """A copy of ``obj`` with ``changes``, fields set directly."""
    cls = type(obj)
    new = object.__new__(cls)
    for name, get, put in _slots(cls):  # type: ignore[arg-type]  # a class is hashable
        put(new, changes[name] if name in changes else get(obj))
    return new
