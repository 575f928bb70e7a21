"""The lot ledger (来料批次台账): one row per incoming lot and the nonconforming items found.

Columns ``lot_id, received, product, lot_size, aql, nonconforming_found`` and an optional
``level`` (inspection level, default II), or their Chinese headers (:data:`HEADERS`). A lot is
inspected with the single sampling plan of GB/T 2828.1-2012 its product line's switching state
asks for; ``nonconforming_found`` is what that sample held. Shared by the desk and the demo.
"""

from __future__ import annotations

from datetime import date

import attrs

from qsdomain.errors import InvalidInputError
from qsdomain.ledgers import Row
from qsdomain.sampling import plan_for

__all__ = ["COLUMNS", "HEADERS", "REQUIRED", "Lot", "lot_row"]

COLUMNS = ("lot_id", "received", "product", "lot_size", "aql", "level", "nonconforming_found")
REQUIRED = ("lot_id", "received", "product", "lot_size", "aql", "nonconforming_found")

#: Chinese headers a lot ledger may use.
HEADERS = {
    "批次编号": "lot_id",
    "批号": "lot_id",
    "到货日期": "received",
    "产品": "product",
    "产品名称": "product",
    "批量": "lot_size",
    "接收质量限": "aql",
    "AQL": "aql",
    "检验水平": "level",
    "不合格品数": "nonconforming_found",
}

#: Largest lot a ledger row may give (GB/T 2828.1-2012 Table 1's last band is "500 001 and over";
#: a billion items is far past any lot a county bureau samples).
_MAX_LOT = 10**9


@attrs.frozen
class Lot:
    """One lot read from the ledger, its AQL and level checked against GB/T 2828.1 tables."""

    lot_id: str
    received: date
    product: str
    lot_size: int
    aql: str
    level: str
    nonconforming_found: int


def lot_row(row: Row) -> Lot:
    """The lot of one ledger row (errors name the row's line and field)."""
    lot_id = row.text("lot_id") or ""
    received = row.date("received")
    assert received is not None  # required
    product = row.text("product") or ""
    lot_size = row.whole("lot_size", low=2, high=_MAX_LOT) or 0
    aql = row.text("aql") or ""
    level = row.text("level", required=False) or "II"
    found = row.whole("nonconforming_found", low=0, high=_MAX_LOT)
    assert found is not None  # required
    try:
        chosen = plan_for(lot_size, aql, level)
    except InvalidInputError as err:
        raise InvalidInputError(f"line {row.line}: {err.field}", err.value, err.allowed) from None
    if found > lot_size:
        raise InvalidInputError(
            f"line {row.line}: nonconforming_found", found, f"at most the lot size ({lot_size})"
        )
    return Lot(lot_id, received, product, lot_size, str(chosen.aql), level, found)
