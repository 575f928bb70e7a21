"""The built-in registry of licence kinds, one data module per regulation family, and
:func:`register_kind`, which adds to it (here, so that ``_kinds`` imports no data module)."""

from __future__ import annotations

from qsdomain.errors import InvalidInputError
from qsdomain.licensing._food_production import FOOD_PRODUCTION
from qsdomain.licensing._industrial_product import INDUSTRIAL_PRODUCT
from qsdomain.licensing._inspection_body import INSPECTION_BODY
from qsdomain.licensing._kinds import KindRegistry, LicenceKind
from qsdomain.licensing._measurement_standard import MEASUREMENT_STANDARD
from qsdomain.licensing._special_equipment import (
    SPECIAL_EQUIPMENT_OPERATOR,
    SPECIAL_EQUIPMENT_PRODUCTION,
)

__all__ = ["default_kinds", "register_kind"]

_DEFAULT = KindRegistry(
    (
        INDUSTRIAL_PRODUCT,
        FOOD_PRODUCTION,
        INSPECTION_BODY,
        SPECIAL_EQUIPMENT_PRODUCTION,
        SPECIAL_EQUIPMENT_OPERATOR,
        MEASUREMENT_STANDARD,
    )
)


def default_kinds() -> KindRegistry:
    """The built-in licence kinds, each with its cited term and renewal lead.

    >>> default_kinds().codes
    ('food_production', 'industrial_product', 'inspection_body', 'measurement_standard', \
'special_equipment_operator', 'special_equipment_production')

    The registry is immutable; add your own kinds with
    :meth:`~qsdomain.licensing.KindRegistry.with_kind`.
    """
    return _DEFAULT


def register_kind(
    kind: LicenceKind, *, registry: KindRegistry | None = None, replace: bool = False
) -> KindRegistry:
    """A registry holding the kinds of ``registry`` (default: :func:`default_kinds`) and ``kind``.

    >>> from qsdomain.licensing import LicenceKind, Source
    >>> from qsdomain.periods import Term
    >>> mine = LicenceKind(code="provincial_x", name="某省某许可证", term=Term(years=3),
    ...                    term_source=Source("某省办法 第十条", "text"))
    >>> registry = register_kind(mine)
    >>> registry.get("provincial_x").name
    '某省某许可证'

    Nothing global changes: keep the returned registry and pass its kinds to
    :class:`~qsdomain.licensing.Licence`. Registering a code that exists is an error unless
    ``replace=True``.
    """
    if registry is None:
        registry = default_kinds()
    if not isinstance(registry, KindRegistry):
        raise InvalidInputError("registry", registry, "a KindRegistry or None")
    return registry.with_kind(kind, replace=replace)
