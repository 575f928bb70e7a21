"""A small example catalogue of a county bureau's service items, each limit with its source.

Confirmation states (see ``docs/commitments.md``): **confirmed** = the article was read in the
project's reference notes from the primary text ([H] in ``regulations.md``); **unconfirmed** =
a secondary or single source only, to be verified before relying on it. Committed limits and
modes are illustrative choices of a bureau, not law.

Note (行政许可法 art. 82): the law counts *its own* limits in working days; a limit written
"60日" in another regulation may be meant as calendar days. The catalogue stores every limit as
working days, as the issue specifies; check the item's own regulation before relying on it.
"""

from __future__ import annotations

from qsdomain.commitments._items import ServiceItem
from qsdomain.commitments._modes import ExclusionKind, Mode

__all__ = ["example_catalogue"]

_TESTING = frozenset({ExclusionKind.INSPECTION, ExclusionKind.TESTING, ExclusionKind.EXPERT_REVIEW})


def example_catalogue() -> tuple[ServiceItem, ...]:
    """Five example items of a county bureau's window, with cited statutory limits.

    >>> items = {item.code: item for item in example_catalogue()}
    >>> items["SP-SC"].statutory_limit, items["SP-SC"].max_extension, items["SP-SC"].delivery_limit
    (10, 5, 5)
    >>> sorted(items)
    ['JL-JDZS', 'JL-XSPZ', 'SP-SC', 'TZ-SYDJ', 'XK-GYCP']
    """
    return (
        ServiceItem(
            code="XK-GYCP",
            name="工业产品生产许可证 发证",
            mode=Mode.TRACKED,
            statutory_limit=60,
            committed_limit=30,
            excludable=_TESTING,
            delivery_limit=10,
            basis=(
                "工业产品生产许可证管理条例 (国务院令第440号, 2005, rev. 2023-07-20) art. 24: "
                "decide within 60 days of acceptance, certificate within 10 days (confirmed)",
            ),
        ),
        ServiceItem(
            code="SP-SC",
            name="食品生产许可",
            mode=Mode.GUIDED,
            statutory_limit=10,
            committed_limit=7,
            max_extension=5,
            delivery_limit=5,
            excludable=_TESTING,
            basis=(
                "食品生产许可管理办法 (市场监管总局令第24号, 2020): decide within 10 working "
                "days, +5 with approval; certificate within 5 working days (unconfirmed: "
                "article numbers and figures from secondary sources only)",
            ),
        ),
        ServiceItem(
            code="JL-XSPZ",
            name="计量器具型式批准",
            mode=Mode.TRACKED,
            statutory_limit=20,
            committed_limit=15,
            excludable=_TESTING,
            basis=(
                "计量器具新产品管理办法 (市场监管总局令第68号, 2023): limit not found; the "
                "行政许可法 art. 42 default of 20 working days is used, type evaluation "
                "(型式评价) excluded as testing under art. 45 (unconfirmed)",
            ),
        ),
        ServiceItem(
            code="JL-JDZS",
            name="计量检定证书 出具",
            mode=Mode.IMMEDIATE,
            statutory_limit=20,
            committed_limit=0,
            basis=(
                "Not an administrative licence; no statutory limit found. The 行政许可法 "
                "art. 42 default is used as a ceiling and the bureau promises 马上办 "
                "(art. 34 pattern) (unconfirmed, illustrative)",
            ),
        ),
        ServiceItem(
            code="TZ-SYDJ",
            name="特种设备使用登记",
            mode=Mode.OVERTIME,
            statutory_limit=15,
            committed_limit=5,
            excludable=frozenset({ExclusionKind.INSPECTION}),
            basis=(
                "TSG 08-2017 特种设备使用管理规则: registration within 15 working days of "
                "acceptance (unconfirmed: the figure was not found in a primary text this "
                "round); 特种设备安全法 (2013) art. 33 obliges the user to register",
            ),
        ),
    )
