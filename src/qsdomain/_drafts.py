"""Drafts: building a frozen result object fast from values a computation knows to be valid.

A frozen attrs class refuses attribute assignment (its ``__setattr__`` raises), so a trusted
builder has to set each slot through the slot's descriptor, a C call of about 45 ns per
field. The few results built once per row of a large ledger (a case clock of 13 fields for
each of a million cases) spend more time there than in their arithmetic.

A *draft* is a plain class with exactly the same slots as the frozen class. Its ``__init__``
assigns them the ordinary way (the interpreter's specialised slot store, a few ns each) and
then relabels the object as the frozen class by assigning ``__class__``. CPython allows that
assignment between two classes of the same layout: the same base, the same slot names and no
``__dict__`` or ``__weakref__`` in either, which is why the frozen classes built this way are
declared with ``weakref_slot=False``. The object is then an ordinary instance of the frozen
class: same type, same fields, frozen from then on.

:func:`draft_of` checks a draft against its class at import: the same slot names as the
fields, an ``__init__`` taking the fields in attrs' order, and a relabelling that CPython
accepts. A renamed, added or reordered field then fails loudly there rather than giving a
wrong object. As with every trusted builder, never use a draft on caller input: it runs no
converter and no validator.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any, TypeVar, cast

import attrs

T = TypeVar("T")


def draft_of(frozen: type[T], draft: type) -> Callable[..., T]:
    """``draft`` as a builder of ``frozen`` instances, once checked to be its exact twin.

    Raises:
        TypeError: the slots differ from the fields, or CPython refuses the relabelling.
    """
    names = [field.name for field in attrs.fields(frozen)]  # type: ignore[arg-type]
    fields = sorted(names)
    if sorted(draft.__slots__) != fields or sorted(frozen.__slots__) != fields:  # type: ignore[attr-defined]
        raise TypeError(
            f"{draft.__name__} must have exactly the slots {fields} of {frozen.__name__} "
            f"(declared with weakref_slot=False)"
        )
    parameters = list(inspect.signature(draft.__init__).parameters)[1:]  # type: ignore[misc]
    if parameters != names:
        raise TypeError(f"{draft.__name__}.__init__ must take the fields in order: {names}")
    probe: Any = object.__new__(draft)
    probe.__class__ = frozen  # raises TypeError if the layouts differ
    return cast("Callable[..., T]", draft)
