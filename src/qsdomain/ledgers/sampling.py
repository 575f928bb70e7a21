"""The lot ledger (来料批次台账): one row per incoming lot and the nonconforming items found.

Columns ``lot_id, received, product, lot_size, aql, nonconforming_found`` and an optional
``level`` (inspection level, default II), or their Chinese headers (:data:`HEADERS`). A lot is
inspected with the single sampling plan of GB/T 2828.1-2012 its product line's switching state
asks for; ``nonconforming_found`` is what that sample held. Shared by the desk and the demo.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date

import attrs

from qsdomain.errors import InvalidInputError
from qsdomain.ledgers import Row, RowRejected, parse_rows
from qsdomain.rejects import RejectSink
from qsdomain.sampling import plan_for

__all__ = ["COLUMNS", "HEADERS", "REQUIRED", "Lot", "lot_row", "lots"]

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


def lots(rows: Iterable[Row], rejects: RejectSink) -> Iterator[tuple[int, Lot]]:
    """Each good row's line and lot; a bad row, or one repeating an earlier row's ``lot_id``,
    goes to ``rejects`` naming its line (and the earlier one's): a lot is one row, never
    overwritten by a later one (issue #18 item 3)."""
    seen: dict[str, int] = {}
    for item in parse_rows(rows, _lined):
        if isinstance(item, RowRejected):
            rejects.add(item)
            continue
        line, lot = item
        earlier = seen.setdefault(lot.lot_id, line)
        if earlier != line:
            rejects.add(
                RowRejected(
                    line,
                    f"line {line}: lot_id",
                    lot.lot_id,
                    f"a lot_id not used by an earlier row (line {earlier} has it): one row per lot",
                )
            )
            continue
        yield line, lot


def _lined(row: Row) -> tuple[int, Lot]:
    return row.line, lot_row(row)
