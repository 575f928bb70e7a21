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

:func:`drafted` writes the draft from the class's own fields (as attrs writes its
``__init__``), so the two cannot drift apart, and checks at import that CPython accepts the
relabelling. As with every trusted builder, never use a draft on caller input: it runs no
converter and no validator.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar, cast

import attrs

T = TypeVar("T")


def drafted(frozen: type[T]) -> Callable[..., T]:
    """A builder of ``frozen`` instances taking every field, positionally, in attrs' order.

    >>> @attrs.frozen(weakref_slot=False)
    ... class Pair:
    ...     a: int
    ...     b: int
    >>> build = drafted(Pair)
    >>> build(1, 2), type(build(1, 2)) is Pair
    (Pair(a=1, b=2), True)

    Raises:
        TypeError: ``frozen`` is not a slotted attrs class of the draftable kind (it has a
            ``__weakref__`` or ``__dict__`` slot, or a base with slots of its own).
    """
    names = [field.name for field in attrs.fields(frozen)]  # type: ignore[arg-type]
    if frozen.__bases__ != (object,) or sorted(getattr(frozen, "__slots__", ())) != sorted(names):
        raise TypeError(
            f"{frozen.__name__} must be a slotted attrs class on object, declared with "
            f"weakref_slot=False, to be drafted"
        )
    arguments = ", ".join(names)
    lines = [f"def __init__(self, {arguments}):"]
    lines += [f"    self.{name} = {name}" for name in names]
    lines.append("    self.__class__ = frozen")
    namespace: dict[str, Any] = {"frozen": frozen}
    exec("\n".join(lines), namespace)
    draft = type(
        f"_{frozen.__name__}Draft",
        (),
        {"__slots__": tuple(names), "__init__": namespace["__init__"], "__module__": __name__},
    )
    probe: Any = object.__new__(draft)
    probe.__class__ = frozen  # raises TypeError if CPython finds the layouts different
    return cast("Callable[..., T]", draft)
