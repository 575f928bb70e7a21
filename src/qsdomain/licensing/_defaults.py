"""The built-in registry of licence kinds, one data module per regulation family."""

from __future__ import annotations

from qsdomain.licensing._food_production import FOOD_PRODUCTION
from qsdomain.licensing._industrial_product import INDUSTRIAL_PRODUCT
from qsdomain.licensing._inspection_body import INSPECTION_BODY
from qsdomain.licensing._kinds import KindRegistry
from qsdomain.licensing._measurement_standard import MEASUREMENT_STANDARD
from qsdomain.licensing._special_equipment import (
    SPECIAL_EQUIPMENT_OPERATOR,
    SPECIAL_EQUIPMENT_PRODUCTION,
)

__all__ = ["default_kinds"]

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
