"""Generate a county (or province) quality-supervision bureau's ledgers: seeded, streamed, fast.

Run ``python examples/make_bureau.py OUT_DIR [--seed N] [--as-of 2026-11-27]`` for a county
bureau (about 5,000 instruments, 300 licences, 800 service cases, 50 lots), or add
``--province`` for 1,000,000 instruments, 100,000 licences and 200,000 cases. Each family's
size can be set alone (``--instruments N``, ``--licences N``, ``--cases N``, ``--lots N``).

The files are in the formats the command line reads (docs/metrology.md, docs/licensing.md,
docs/commitments.md "On the command line"), and every row is read without a reject::

    qsdomain metrology due OUT/instruments.csv --as-of 2026-11-27
    qsdomain licences check OUT/licences.csv --events OUT/licence-events.csv \\
        --as-of 2026-11-27 --provisional-until 2027-12-31
    qsdomain commitments status OUT/cases.csv --items OUT/service_items.json \\
        --as-of 2026-11-27 --provisional-until 2027-12-31

(licence renewal deadlines and case clocks run into the next year, which the bundled calendar
does not cover yet: ``--provisional-until`` says how to count those days).

What is generated, relative to ``--as-of``:

* ``instruments.csv`` (计量器具台账, Chinese headers): one row per verification record, an
  instrument's rows together and in date order. The instrument names and intervals come from
  :data:`qsdomain.metrology.STATUTORY_INTERVALS` where it lists them, the categories from
  :data:`qsdomain.metrology.CATALOGUE_2020`; the other names, the 12-month intervals and the
  supervision modes are illustrative. Most instruments are current, about 5 % fall due within
  30 days and about 5 % are overdue; outcomes are 合格, 调修后合格, 不合格 and 报废; water
  meters are fixed-life (到期轮换), clinical thermometers first-verification-only (失准报废),
  pressure gauges and hygrometers calibrated (校准), a few instruments never verified.
* ``licences.csv`` and ``licence-events.csv``: licences of every built-in kind
  (:func:`qsdomain.licensing.default_kinds`) with renewals filed in time, filed late, granted,
  pending, deemed granted (行政许可法 art. 50) and refused, changes, suspensions, revocations,
  withdrawals, cancellations and expiries.
* ``service_items.json`` (the example catalogue and a coordinated item: all five modes) and
  ``cases.csv`` (办件 events, Chinese headers): cases received over the last six months, with
  deficiency notices, 容缺 acceptances, excluded procedures (特殊环节), extensions, progress
  reports, coordination meetings, decisions, deliveries and withdrawals; what happens after
  ``--as-of`` is not written, so some cases are open, some at warning, some breached.
* ``lots.csv``: lots on two product lines, defect counts chosen with the GB/T 2828.1-2012
  plans (:func:`qsdomain.sampling.plan_for`) so that one line switches to tightened
  inspection (clause 9.3.1) near the end and stays there.

The first few rows of each family are fixed situations (an overdue instrument, a revoked
licence, a breached case ...), so even a small run holds every state; the rest are drawn
from ``random.Random`` seeded by ``--seed`` (one stream per family: the same seed gives the
same bytes, and changing one family's size leaves the other files unchanged). Rows are
written as they are made, so memory stays flat at any size.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
import time
from bisect import bisect
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import IO

from qsdomain.calendars import china
from qsdomain.commitments import ExclusionKind, Mode, ServiceItem, example_catalogue
from qsdomain.licensing import default_kinds
from qsdomain.metrology import CATALOGUE_2020, STATUTORY_INTERVALS
from qsdomain.periods import Term
from qsdomain.sampling import SwitchingState, lot_result, plan_for
from qsdomain.serialization import unstructure

#: The day the example ledgers describe unless told otherwise (the day of issue #12's report).
AS_OF = date(2026, 11, 27)


@dataclass(frozen=True)
class Sizes:
    """How many instruments, licences, cases and lots to generate."""

    instruments: int
    licences: int
    cases: int
    lots: int


COUNTY = Sizes(instruments=5_000, licences=300, cases=800, lots=50)
PROVINCE = Sizes(instruments=1_000_000, licences=100_000, cases=200_000, lots=50)

#: The files written, in order.
FILES = (
    "instruments.csv",
    "licences.csv",
    "licence-events.csv",
    "service_items.json",
    "cases.csv",
    "lots.csv",
)

INSTRUMENT_HEADER = (
    "器具编号",
    "器具名称",
    "器具类别",
    "检定周期(月)",
    "检定日期",
    "检定结论",
    "监管方式",
    "检定方式",
    "检定/校准",
)
LICENCE_HEADER = ("number", "kind", "holder", "issued", "valid_until", "scope")
EVENT_HEADER = ("number", "event", "on", "until", "valid_until", "note")
CASE_HEADER = (
    "办件编号",
    "事项编码",
    "环节",
    "时间",
    "承办人",
    "缺少材料",
    "容缺材料",
    "特殊环节",
    "告知日期",
    "延期天数",
    "批准人",
    "延期理由",
)
LOT_HEADER = ("lot_id", "received", "product", "lot_size", "aql", "nonconforming_found")


def _days(as_of: date) -> Callable[[int], str]:
    """ISO text of the day ``n`` days after ``as_of`` (negative: before), memoized."""
    memo: dict[int, str] = {}
    base = as_of.toordinal()

    def iso(n: int) -> str:
        text = memo.get(n)
        if text is None:
            text = memo[n] = date.fromordinal(base + n).isoformat()
        return text

    return iso


def _writer(stream: IO[str]) -> csv.Writer:
    return csv.writer(stream, lineterminator="\n")


def _pick(rng: random.Random, cumulative: Sequence[float]) -> int:
    """An index drawn with the weights whose running sums are ``cumulative``."""
    return bisect(cumulative, rng.random() * cumulative[-1])


def _running(weights: Sequence[float]) -> list[float]:
    total, out = 0.0, []
    for weight in weights:
        total += weight
        out.append(total)
    return out


# -- metrology ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Kind:
    """One kind of instrument in the ledger: its columns and how often it occurs."""

    name: str
    category: str
    months: int | None  # None: first verification only
    supervision: str
    scheme: str  # 周期检定, 到期轮换 or 失准报废
    regime: str  # 检定 or 校准
    weight: float


def _months(term: Term) -> int:
    return term.years * 12 + term.months


def _statutory(name: str) -> tuple[int, bool]:
    """The months and service-life flag of ``name`` in STATUTORY_INTERVALS."""
    entry = next(e for e in STATUTORY_INTERVALS if e.instrument == name)
    return _months(entry.max_interval), entry.service_life


def _category(name: str) -> str:
    """A first-level entry of CATALOGUE_2020 (a typo here fails at import, not in a file)."""
    if name not in CATALOGUE_2020:
        raise LookupError(name)
    return name


def _instrument_kinds() -> tuple[_Kind, ...]:
    both, verified, none = "型式批准、强制检定", "强制检定", "非强制"
    scales = _category("非自动衡器")
    kinds = [
        _Kind("电子计价秤", scales, 12, both, "周期检定", "检定", 20),
        _Kind("电子台秤", scales, 12, both, "周期检定", "检定", 6),
        _Kind("固定式电子汽车衡", scales, 12, both, "周期检定", "检定", 3),
        _Kind("动态公路车辆自动衡器", _category("自动衡器"), 12, both, "周期检定", "检定", 1),
        _Kind("称重传感器", _category("称重传感器"), 12, "型式批准", "周期检定", "校准", 1),
        _Kind("涡轮流量计", _category("流量计"), 12, both, "周期检定", "检定", 2),
        _Kind("雷达测速仪", _category("机动车测速仪"), 12, both, "周期检定", "检定", 1),
        _Kind("声级计", _category("声级计"), 12, both, "周期检定", "检定", 1),
        _Kind("粮食水分测定仪", _category("水分测定仪"), 12, both, "周期检定", "检定", 1),
        _Kind("透射式烟度计", _category("透射式烟度计"), 12, both, "周期检定", "检定", 0.5),
        _Kind("玻璃体温计", _category("体温计"), None, verified, "失准报废", "检定", 6),
        _Kind("一般压力表", "", 12, none, "周期检定", "校准", 3),
        _Kind("温湿度计", "", 12, none, "周期检定", "校准", 1),
    ]
    gas = _category("有毒有害、易燃易爆气体检测（报警）仪")
    # The names STATUTORY_INTERVALS lists, with its intervals and service lives; the three
    # groupings not among CATALOGUE_2020's ten entries are this example's own.
    listed = (
        ("数字指示秤", scales, 8.0),
        ("出租汽车计价器", "出租汽车计价器", 3.0),
        ("无创自动测量血压计", "血压计", 4.0),
        ("可燃气体检测报警器", gas, 6.0),
        ("冷水水表 (DN ≤ 25 mm)", "水表", 24.0),
        ("冷水水表 (25 mm < DN ≤ 50 mm)", "水表", 4.0),
        ("冷水水表 (DN > 50 mm)", "水表", 2.0),
    )
    for name, category, weight in listed:
        months, life = _statutory(name)
        scheme = "到期轮换" if life else "周期检定"
        kinds.append(_Kind(name, category, months, both, scheme, "检定", weight))
    return tuple(kinds)


INSTRUMENT_KINDS = _instrument_kinds()
_BY_NAME = {kind.name: kind for kind in INSTRUMENT_KINDS}
_KIND_SUMS = _running([kind.weight for kind in INSTRUMENT_KINDS])

#: Outcomes of the last record (cumulative weights follow); an earlier record was 合格 (93 %)
#: or 调修后合格: an instrument that failed was repaired or scrapped before its next period.
_LAST = ("合格", "调修后合格", "不合格", "报废")
_LAST_SUMS = _running([88, 7, 3, 2])

#: Fixed situations for the first instruments: (kind, days since the last record, outcome),
#: days=None: never verified; an interval of k months is about 30.44 k days.
_FIXED_INSTRUMENTS: tuple[tuple[str, int | None, str], ...] = (
    ("电子计价秤", 365 + 45, "合格"),  # overdue by about six weeks
    ("电子计价秤", 365 - 15, "合格"),  # due within 30 days
    ("冷水水表 (DN ≤ 25 mm)", 6 * 365 + 40, "合格"),  # fixed life over: replace
    ("一般压力表", 365 + 20, "合格"),  # calibration interval over
    ("可燃气体检测报警器", 40, "不合格"),  # out of service (计量法 art. 9)
    ("出租汽车计价器", 100, "报废"),  # scrapped
    ("无创自动测量血压计", None, ""),  # never verified
    ("玻璃体温计", 300, "合格"),  # first verification only: never due
    ("冷水水表 (25 mm < DN ≤ 50 mm)", 4 * 365 - 10, "合格"),  # replacement due soon
    ("电子台秤", 120, "调修后合格"),  # adjusted, current
)


def _instrument_rows(
    rng: random.Random, count: int, as_of: date
) -> Iterator[list[tuple[str, ...]]]:
    """Each instrument's rows, one instrument at a time."""
    iso = _days(as_of)
    width = max(5, len(str(count)))
    rand, randrange = rng.random, rng.randrange
    for i in range(count):
        ident = f"JL-{i + 1:0{width}d}"
        if i < len(_FIXED_INSTRUMENTS):
            name, age, outcome = _FIXED_INSTRUMENTS[i]
            kind = _BY_NAME[name]
            fixed = True
        else:
            kind = INSTRUMENT_KINDS[_pick(rng, _KIND_SUMS)]
            fixed, age, outcome = False, 0, ""
        months = "" if kind.months is None else str(kind.months)
        head = (ident, kind.name, kind.category, months)
        tail = (kind.supervision, kind.scheme, kind.regime)
        period = 365 if kind.months is None else round(kind.months * 30.44)
        if not fixed:
            roll = rand()
            if roll < 0.005:
                age = None
            elif kind.scheme == "周期检定" and roll < 0.055:
                age = period + randrange(1, 200)  # overdue
            elif kind.scheme == "到期轮换":
                age = randrange(0, period + period // 10)  # about 9 % past their life
            else:
                age = randrange(0, period)
            outcome = _LAST[_pick(rng, _LAST_SUMS)]
            if kind.scheme != "周期检定" and outcome in ("调修后合格", "不合格"):
                outcome = "合格"  # fixed-life and first-only instruments are not adjusted
        if age is None:
            yield [(*head, "", "", *tail)]
            continue
        rows = [(*head, iso(-age), outcome, *tail)]
        if kind.scheme == "周期检定" and not fixed:
            back = age
            for _ in range(randrange(0, 4)):  # up to three earlier periods
                back += period - randrange(0, 25)  # verified a little before each due date
                earlier = "合格" if rand() < 0.93 else "调修后合格"
                rows.append((*head, iso(-back), earlier, *tail))
            rows.reverse()
        yield rows


def write_instruments(path: Path, count: int, as_of: date, rng: random.Random) -> int:
    """Write the metrology ledger; return the number of rows (records) written."""
    written = 0
    with path.open("w", encoding="utf-8", newline="") as stream:
        out = _writer(stream)
        out.writerow(INSTRUMENT_HEADER)
        for rows in _instrument_rows(rng, count, as_of):
            out.writerows(rows)
            written += len(rows)
    return written


# -- licensing ------------------------------------------------------------------------------------

_TOWNS = ("城关", "新安", "永丰", "临河", "东湖", "西山", "南塘", "北岭", "青石", "白沙")
_NAMES = ("华星", "永安", "顺达", "恒信", "宏远", "金桥", "天成", "鑫源", "瑞丰", "振兴", "康泰")
_SURNAMES = "张王李赵刘陈杨黄周吴徐孙马朱胡郭何林罗高"

#: Per kind: (weight, what the holder makes or does, the scope written on the licence).
_LICENCE_KINDS: dict[str, tuple[float, tuple[tuple[str, str], ...]]] = {
    "industrial_product": (
        20,
        (
            ("塑料制品", "塑料管材"),
            ("电线电缆", "电线电缆"),
            ("化肥", "复肥"),
            ("水泥", "通用硅酸盐水泥"),
            ("危险化学品包装物", "危险化学品包装物、容器"),
        ),
    ),
    "food_production": (
        30,
        (("食品", "糕点"), ("酒业", "白酒"), ("饮料", "饮料"), ("豆制品", "豆制品")),
    ),
    "inspection_body": (
        8,
        (("检测技术", "建筑材料检测"), ("环境监测", "环境监测"), ("质检", "纺织品检验")),
    ),
    "measurement_standard": (
        8,
        (
            ("计量检定", "电能表检定装置"),
            ("热电", "压力表标准装置"),
            ("燃气", "燃气表检定装置"),
        ),
    ),
    "special_equipment_production": (
        9,
        (("锅炉", "锅炉制造"), ("电梯工程", "电梯安装改造修理"), ("压力容器", "压力容器制造")),
    ),
    "special_equipment_operator": (
        25,
        (("N1", "N1 叉车司机"), ("G1", "G1 工业锅炉司炉"), ("Q2", "Q2 起重机司机")),
    ),
}

#: Situations a licence can be in on the day (cumulative weights follow).
_SITUATIONS = (
    "current",
    "pending",
    "renewed",
    "deemed",
    "expired",
    "late",
    "suspended",
    "revoked",
    "withdrawn",
    "cancelled",
    "refused",
    "changed",
    "not_yet_valid",
)
_SITUATION_SUMS = _running([46, 8, 14, 4, 6, 4, 3, 1.5, 1, 2, 1, 9, 0.5])
#: The first licences, one per situation (and the two renewal warnings), kinds in turn.
_FIXED_LICENCES = (
    "due_soon",
    "overdue",
    "pending",
    "renewed",
    "deemed",
    "expired",
    "late",
    "suspended",
    "revoked",
    "withdrawn",
    "cancelled",
    "refused",
    "changed",
    "not_yet_valid",
    "current",
)


def _plus_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _lead_days(code: str) -> int:
    """Calendar days that surely cover the kind's renewal lead (working days: 2n + 40)."""
    lead = default_kinds().get(code).renewal_lead
    if lead.unit.value == "months":
        return lead.amount * 31 + 1
    return 2 * lead.amount + 40


def _typical_lead_days(code: str) -> int:
    """Calendar days the kind's renewal lead usually spans (working days: 7 in 5, 3 off)."""
    lead = default_kinds().get(code).renewal_lead
    if lead.unit.value == "months":
        return lead.amount * 365 // 12
    return lead.amount * 7 // 5 + 3


@dataclass(frozen=True)
class _LicenceKind:
    code: str
    years: int
    lead: int  # calendar days surely covering the renewal lead
    trades: tuple[tuple[str, str], ...]


def _licence_kinds() -> tuple[tuple[_LicenceKind, ...], list[float]]:
    registry = default_kinds()
    kinds, weights = [], []
    for code in registry.codes:
        weight, trades = _LICENCE_KINDS[code]  # every built-in kind is generated
        term = registry.get(code).term
        kinds.append(_LicenceKind(code, term.years, _lead_days(code), trades))
        weights.append(weight)
    return tuple(kinds), _running(weights)


def _number(kind: _LicenceKind, serial: int, issued: date, expires: date, trade: str) -> str:
    year = issued.year
    if kind.code == "industrial_product":
        return f"XK{serial % 30 + 1:02d}-{serial % 997:03d}-{serial:05d}"
    if kind.code == "food_production":
        return f"SC1{serial % 30 + 1:02d}3301{serial % 9 + 2:02d}{serial:05d}"
    if kind.code == "inspection_body":
        return f"{year % 100:02d}0012{serial:06d}"
    if kind.code == "measurement_standard":
        return f"[{year}]浙量标杭证字第{serial:03d}号"
    if kind.code == "special_equipment_production":
        return f"TS{serial % 9 + 21}33{serial:05d}-{expires.year}"
    return f"3301{serial % 9 + 1:02d}-{trade}-{year}-{serial:04d}"


def _holder(rng: random.Random, kind: _LicenceKind, trade: str) -> str:
    if kind.code == "special_equipment_operator":
        return f"{rng.choice(_SURNAMES)}某"
    town, name = rng.choice(_TOWNS), rng.choice(_NAMES)
    suffix = "厂" if trade == "豆制品" else "有限公司"
    return f"{town}{name}{trade}{suffix}"


def _licence_history(  # noqa: PLR0911, PLR0912 - one branch per situation
    rng: random.Random, kind: _LicenceKind, situation: str, as_of: date
) -> tuple[date, list[tuple[str, date, date | None, date | None, str]]]:
    """The issue day and the events (event, on, until, valid_until, note) of one licence."""
    term = kind.years * 365
    lead = kind.lead
    day = timedelta(days=1)
    randint = rng.randint

    def issued_for(expires: date) -> date:
        return _plus_years(expires + day, -kind.years)

    def in_time(expires: date) -> date:
        return expires - timedelta(days=lead + randint(5, 60))

    if situation == "due_soon":  # the filing deadline is in about two weeks
        return issued_for(as_of + timedelta(days=_typical_lead_days(kind.code) + 14)), []
    if situation == "overdue":  # the filing deadline has passed, nothing filed
        return issued_for(as_of + timedelta(days=20)), []
    if situation in ("current", "changed"):
        expires = as_of + timedelta(days=randint(2, term))
        issued = issued_for(expires)
        events: list[tuple[str, date, date | None, date | None, str]] = []
        if situation == "changed" and issued < as_of:
            on = issued + timedelta(days=randint(0, (as_of - issued).days))
            events.append(("changed", on, None, None, "名称变更"))
        return issued, events
    if situation == "not_yet_valid":
        return as_of + timedelta(days=randint(1, 10)), []
    if situation == "pending":
        expires = as_of + timedelta(days=randint(20, 150))
        filed = min(in_time(expires), as_of)
        return issued_for(expires), [("renewal_applied", filed, None, None, "受理通知书")]
    if situation == "renewed":
        expires = as_of - timedelta(days=randint(1, term - 30))
        filed = in_time(expires)
        decided = filed + timedelta(days=randint(10, 50))
        new = _plus_years(expires, kind.years) if rng.random() < 0.5 else None
        return issued_for(expires), [
            ("renewal_applied", filed, None, None, ""),
            ("renewed", decided, None, new, "准予延续"),
        ]
    if situation == "deemed":  # filed in time, no decision by expiry (行政许可法 art. 50)
        expires = as_of - timedelta(days=randint(1, 200))
        return issued_for(expires), [
            ("renewal_applied", in_time(expires), None, None, "no decision by expiry")
        ]
    if situation == "expired":
        expires = as_of - timedelta(days=randint(1, 700))
        events = []
        if rng.random() < 0.3 and (as_of - expires).days > 11:
            on = expires + timedelta(days=randint(11, (as_of - expires).days))
            events.append(("cancelled", on, None, None, "注销"))
        return issued_for(expires), events
    if situation == "late":  # filed after the last day in time, before expiry
        expires = as_of + timedelta(days=randint(-100, 25))
        filed = min(expires - timedelta(days=randint(1, 20)), as_of)
        return issued_for(expires), [("renewal_applied", filed, None, None, "逾期申请延续")]
    if situation == "refused":
        expires = as_of + timedelta(days=randint(-120, 60))
        filed = in_time(expires)
        refused = filed + timedelta(days=randint(10, 40))
        return issued_for(expires), [
            ("renewal_applied", filed, None, None, ""),
            ("renewal_refused", min(refused, as_of), None, None, "不予延续"),
        ]
    expires = as_of + timedelta(days=randint(200, term - 100))
    issued = issued_for(expires)
    span = (as_of - issued).days
    on = as_of - timedelta(days=randint(1, min(60, span)))
    if situation == "suspended":
        until = on + timedelta(days=randint(90, 180))
        return issued, [("suspended", on, until, None, "暂扣")]
    final = {"revoked": "吊销", "withdrawn": "撤销: 以欺骗手段取得", "cancelled": "注销"}
    return issued, [(situation, on, None, None, final[situation])]


def write_licences(
    path: Path, events_path: Path, count: int, as_of: date, rng: random.Random
) -> tuple[int, int]:
    """Write the register and its events; return (licences, events) written."""
    kinds, kind_sums = _licence_kinds()
    events_written = 0
    with (
        path.open("w", encoding="utf-8", newline="") as register,
        events_path.open("w", encoding="utf-8", newline="") as events,
    ):
        out, log = _writer(register), _writer(events)
        out.writerow(LICENCE_HEADER)
        log.writerow(EVENT_HEADER)
        for i in range(count):
            if i < len(_FIXED_LICENCES):
                kind, situation = kinds[i % len(kinds)], _FIXED_LICENCES[i]
            else:
                kind = kinds[_pick(rng, kind_sums)]
                situation = _SITUATIONS[_pick(rng, _SITUATION_SUMS)]
            trade, scope = rng.choice(kind.trades)
            issued, history = _licence_history(rng, kind, situation, as_of)
            expires = _plus_years(issued, kind.years) - timedelta(days=1)
            number = _number(kind, i + 1, issued, expires, trade)
            shown = "" if kind.code == "industrial_product" else expires.isoformat()
            out.writerow((number, kind.code, _holder(rng, kind, trade), issued, shown, scope))
            for event, on, until, valid_until, note in history:
                if on > as_of:
                    continue  # not yet happened
                log.writerow((number, event, on, until or "", valid_until or "", note))
                events_written += 1
    return count, events_written


# -- service commitments --------------------------------------------------------------------------


def service_items() -> tuple[ServiceItem, ...]:
    """The example catalogue and one coordinated item: all five modes (五办承诺)."""
    coordinated = ServiceItem(
        code="XM-LHSP",
        name="重大项目 特种设备制造许可 联合审查",
        mode=Mode.COORDINATED,
        statutory_limit=45,
        committed_limit=30,
        excludable=frozenset(
            {ExclusionKind.EXPERT_REVIEW, ExclusionKind.INSPECTION, ExclusionKind.TESTING}
        ),
        basis=(
            "行政许可法 (2019) art. 42 para. 2: unified or joint handling within 45 working "
            "days, extendable once by 15 (confirmed); committed limit illustrative",
        ),
    )
    return (*example_catalogue(), coordinated)


#: Items' shares of the cases (cumulative weights follow the codes).
_ITEM_SHARES = (
    ("JL-JDZS", 40),
    ("TZ-SYDJ", 20),
    ("SP-SC", 15),
    ("XK-GYCP", 10),
    ("JL-XSPZ", 12),
    ("XM-LHSP", 3),
)
_HANDLERS = ("李明", "王芳", "赵强", "陈静", "刘洋", "周敏", "吴磊", "孙丽")
_APPROVERS = ("局长 张某", "副局长 刘某", "副县长 刘某")
_MISSING = ("营业执照副本", "食品安全管理制度", "检验报告", "设备清单", "法定代表人身份证明")
#: Business minutes (from midnight) a window records events in: 09:00-11:50, 13:30-17:20.
_MINUTES = (*range(540, 710, 5), *range(810, 1040, 5))

#: The first cases: (item, working days before as_of it was received, plan). The plans:
#: "late" never decided (breached), "warning" accepted with most of the committed limit used,
#: "fresh" just accepted, "met" and "missed" decided, "withdrawn", "long" coordinated.
_FIXED_CASES = (
    ("JL-XSPZ", 40, "late"),
    ("JL-XSPZ", 9, "warning"),
    ("XK-GYCP", 2, "fresh"),
    ("SP-SC", 30, "met"),
    ("TZ-SYDJ", 25, "missed"),
    ("JL-XSPZ", 30, "withdrawn"),
    ("XM-LHSP", 20, "long"),
    ("JL-JDZS", 3, "met"),
    ("SP-SC", 30, "late"),
    ("TZ-SYDJ", 3, "warning"),
)


class _Timeline:
    """One case's events, written as rows up to the close of ``as_of`` and no further."""

    def __init__(self, case: str, item: str, last_day: int, iso: Callable[[int], str]) -> None:
        self.case, self.item, self.last_day, self.iso = case, item, last_day, iso
        self.rows: list[tuple[object, ...]] = []
        self.at = (-(10**9), 0)  # (day, minute) of the previous event
        self.cut = False

    def add(self, day: int, minute: int, event: str, *cells: object) -> bool:
        """Record ``event`` on ``day`` (a day number) at ``minute``; False once past as_of."""
        if self.cut or day > self.last_day:
            self.cut = True
            return False
        if (day, minute) < self.at:  # never before the previous event
            day, minute = self.at[0], min(self.at[1] + 5, 1439)
        self.at = (day, minute)
        when = f"{self.iso(day)}T{minute // 60:02d}:{minute % 60:02d}:00+08:00"
        extra = list(cells) + [""] * (8 - len(cells))
        self.rows.append((self.case, self.item, event, when, *extra))
        return True


def _decision_days(rng: random.Random, committed: int, statutory: int) -> int:
    """Working days from acceptance to decision: mostly within the committed limit."""
    roll = rng.random()
    if roll < 0.9:
        return max(1, round(committed * rng.uniform(0.3, 1.0)))
    if roll < 0.97:
        return round(rng.uniform(committed, statutory)) + 1
    return round(statutory * rng.uniform(1.0, 1.4)) + 1


class _Window:
    """Working days (as day numbers relative to as_of) and how to count on them."""

    def __init__(self, as_of: date, back: int, ahead: int) -> None:
        calendar = china()
        first, last = as_of - timedelta(days=back), as_of + timedelta(days=ahead)
        if last > calendar.coverage.last:  # by the weekly rule (only days before as_of count)
            calendar = calendar.extended(until=last)
        if first < calendar.coverage.first:
            calendar = calendar.extended(back_to=first)
        self.days = [
            (first + timedelta(days=n) - as_of).days
            for n in range((last - first).days + 1)
            if calendar.is_working_day(first + timedelta(days=n))
        ]
        self.index = {day: i for i, day in enumerate(self.days)}
        self.today = bisect(self.days, 0) - 1  # the last working day on or before as_of

    def on_or_after(self, day: int) -> int:
        """The first working day on or after ``day``."""
        return self.days[min(bisect(self.days, day - 1), len(self.days) - 1)]

    def after(self, day: int, working_days: int) -> int:
        """The day ``working_days`` working days after ``day`` (a working day)."""
        i = min(self.index[day] + working_days, len(self.days) - 1)
        return self.days[i]


def _case_events(  # noqa: PLR0912, PLR0915 - one timeline, mode by mode
    rng: random.Random,
    t: _Timeline,
    item: ServiceItem,
    received: int,
    *,
    plan: str,
    window: _Window,
) -> None:
    randint, rand, choice = rng.randint, rng.random, rng.choice
    after = window.after
    minute = choice(_MINUTES)
    handler = choice(_HANDLERS) if item.mode is Mode.TRACKED or rand() < 0.3 else ""
    t.add(received, minute, "收件", handler)
    mode = item.mode
    if mode is Mode.IMMEDIATE:
        roll = rand()
        if roll < 0.95:  # decided on the spot
            t.add(received, min(minute + randint(10, 120), 1050), "决定")
        elif roll < 0.98:  # after close of business
            t.add(received, 1085, "决定")
        else:  # the next working day
            t.add(after(received, 1), choice(_MINUTES), "决定")
        return
    # acceptance (guided items: a deficiency notice first, or 容缺受理)
    accepted = received
    outstanding_until = None
    if mode is Mode.GUIDED and plan not in ("fresh", "warning"):
        roll = rand()
        if roll < 0.6:
            notice = after(received, randint(0, 4) if rand() < 0.95 else 6)
            missing = "；".join(rng.sample(_MISSING, randint(1, 2)))
            t.add(notice, choice(_MINUTES), "一次性告知", "", missing)
            accepted = after(notice, randint(2, 10))
            t.add(accepted, choice(_MINUTES), "补正齐全")
        elif roll < 0.75:
            accepted = after(received, 1)
            outstanding_until = after(accepted, randint(2, 8))
    elif mode is not Mode.OVERTIME and rand() < 0.5:
        accepted = after(received, 1)
    outstanding = "" if outstanding_until is None else "检验报告"
    t.add(accepted, choice(_MINUTES), "受理", "", "", outstanding)
    committed, statutory = item.committed_limit, item.statutory_limit
    if plan == "met":
        took = max(1, committed // 2)
    elif plan == "missed":
        took = statutory + 2
    elif plan in ("late", "warning", "fresh", "withdrawn", "long"):
        took = 10 * statutory  # not decided by as_of
    else:
        took = _decision_days(rng, committed, statutory)
    decided = after(accepted, took)
    # what happens while the case is open, in time order
    steps: list[tuple[int, int, str, tuple[object, ...]]] = []
    if outstanding_until is not None:  # the items left outstanding under 容缺受理 arrive
        steps.append((outstanding_until, choice(_MINUTES), "补正齐全", ()))
    if mode is Mode.COORDINATED:
        meeting = after(accepted, randint(3, 9))
        steps.append((meeting, choice(_MINUTES), "协调会", ()))
    if plan == "long" or (item.excludable and rand() < 0.25):
        start = after(accepted, randint(1, 4))
        kind = choice(sorted(k.chinese for k in item.excludable))
        steps.append((start, choice(_MINUTES), "特殊环节开始", ("", "", "", kind, t.iso(start))))
        end = after(start, randint(3, 20))
        steps.append((end, choice(_MINUTES), "特殊环节结束", ()))
        decided = after(decided, (window.index[end] - window.index[start]) + 1)
    if plan == "long" or (mode is not Mode.IMMEDIATE and rand() < 0.08):
        at = after(accepted, max(1, committed // 2))
        days = item.max_extension if plan == "long" else randint(1, item.max_extension)
        reason = "现场核查需补充材料" if mode is not Mode.COORDINATED else "联合审查涉及三个部门"
        cells = ("", "", "", "", "", days, choice(_APPROVERS), reason)
        steps.append((at, choice(_MINUTES), "延期", cells))
        decided = after(decided, days)
    if mode is Mode.TRACKED:
        every = item.progress_every
        report = after(accepted, every)
        while report < decided:
            if rand() < 0.93:  # now and then a report is missed
                steps.append((report, 960, "进度告知", ()))
            report = after(report, every)
    if mode is Mode.OVERTIME and plan not in ("late", "warning", "missed"):
        # rest days count too: decided on any day, now and then a day or two late
        limit = item.committed_limit
        took = limit + randint(1, 3) if rand() < 0.06 else randint(1, limit)
        decided = accepted + took
    withdrawn = plan == "withdrawn" or rand() < 0.03
    steps.sort(key=lambda step: (step[0], step[1]))
    for day, at_minute, event, cells in steps:
        if day >= decided or (withdrawn and day >= after(accepted, 3)):
            break
        t.add(day, at_minute, event, *cells)
    if withdrawn:
        t.add(after(accepted, 3), choice(_MINUTES), "撤回")
        return
    if not t.add(decided, choice(_MINUTES), "决定"):
        return
    if rand() < 0.7:
        t.add(after(window.on_or_after(decided), randint(1, 5)), 600, "送达")


def write_cases(
    path: Path, items_path: Path, count: int, as_of: date, rng: random.Random
) -> tuple[int, int]:
    """Write the service items and the case events; return (cases, events) written."""
    items = {item.code: item for item in service_items()}
    document = {"items": unstructure(list(items.values()))}
    items_path.write_text(
        json.dumps(document, ensure_ascii=False, indent=2, sort_keys=False) + "\n",
        encoding="utf-8",
    )
    window = _Window(as_of, back=400, ahead=400)
    iso = _days(as_of)
    span = 125  # cases are received over the last 125 working days
    codes = [code for code, _ in _ITEM_SHARES]
    shares = _running([share for _, share in _ITEM_SHARES])
    rows = 0
    with path.open("w", encoding="utf-8", newline="") as stream:
        out = _writer(stream)
        out.writerow(CASE_HEADER)
        for i in range(count):
            if i < len(_FIXED_CASES):
                code, back, plan = _FIXED_CASES[i]
            else:
                code, plan = codes[_pick(rng, shares)], "drawn"
                back = span - (i * span) // count
            received = window.days[window.today - back]
            case = f"{iso(received).replace('-', '')[2:]}-{i + 1:06d}"
            t = _Timeline(case, code, 0, iso)
            _case_events(rng, t, items[code], received, plan=plan, window=window)
            out.writerows(t.rows)
            rows += len(t.rows)
    return count, rows


# -- sampling -------------------------------------------------------------------------------------

#: The two product lines: (name, lot size, AQL). The second switches to tightened.
LINES = (
    ("PVC pipe fittings (管件)", 2000, "1.5"),
    ("电线电缆 (wires and cables)", 1200, "1.0"),
)


def write_lots(path: Path, count: int, as_of: date, rng: random.Random) -> int:
    """Write the lots of both lines, alternating, with their counts of nonconforming items.

    Line one stays on normal inspection (a rare lot is not accepted); line two has two lots
    not accepted among its last five, so it is on tightened inspection on ``as_of``
    (GB/T 2828.1-2012 clause 9.3.1), and too few accepted lots follow to switch back.
    """
    states = [SwitchingState.start(reduced_approved=False) for _ in LINES]
    per_line = [(count + 1) // 2, count // 2]  # line one gets the odd lot
    seen = [0, 0]
    with path.open("w", encoding="utf-8", newline="") as stream:
        out = _writer(stream)
        out.writerow(LOT_HEADER)
        for i in range(count):
            line = i % 2
            name, size, aql = LINES[line]
            n, total = seen[line], per_line[line]
            seen[line] += 1
            lot_size = size + rng.randrange(-4, 5) * 50
            chosen = plan_for(lot_size, aql, "II", states[line].severity)
            ac, re = chosen.acceptance_number, chosen.rejection_number
            if line == 1:  # two of its last lots are not accepted (clause 9.3.1)
                reject = total >= 2 and n in (max(0, total - 4), max(1, total - 2))
            else:  # now and then a lot is not accepted, never two close together
                reject = n % 8 == 3 and rng.random() < 0.3
            # an accepted lot mostly has few nonconforming items, seldom Ac itself
            found = re + rng.randrange(0, 3) if reject else int(rng.random() ** 2 * (ac + 1))
            result = lot_result(chosen.plan, [found])
            states[line] = states[line].record(result)
            received = as_of - timedelta(days=2 * (count - i))
            out.writerow((f"L{received.year}-{i + 1:03d}", received, name, lot_size, aql, found))
    return count


# -- all of it ------------------------------------------------------------------------------------


def generate(
    out_dir: Path | str, *, seed: int = 0, as_of: date = AS_OF, sizes: Sizes = COUNTY
) -> dict[str, int]:
    """Write every ledger into ``out_dir`` (created if need be); return rows written per file."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)

    def stream(family: str) -> random.Random:
        return random.Random(f"qsdomain-bureau:{seed}:{family}")

    rows = {
        "instruments.csv": write_instruments(
            out / "instruments.csv", sizes.instruments, as_of, stream("instruments")
        )
    }
    rows["licences.csv"], rows["licence-events.csv"] = write_licences(
        out / "licences.csv", out / "licence-events.csv", sizes.licences, as_of, stream("licences")
    )
    _, rows["cases.csv"] = write_cases(
        out / "cases.csv", out / "service_items.json", sizes.cases, as_of, stream("cases")
    )
    rows["service_items.json"] = len(service_items())
    rows["lots.csv"] = write_lots(out / "lots.csv", sizes.lots, as_of, stream("lots"))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("out_dir", metavar="OUT_DIR", help="where to write the ledgers")
    parser.add_argument("--seed", type=int, default=0, help="the random seed (default 0)")
    parser.add_argument(
        "--as-of", type=date.fromisoformat, default=AS_OF, help=f"the day (default {AS_OF})"
    )
    parser.add_argument(
        "--province", action="store_true", help="province sizes: 1,000,000 instruments ..."
    )
    for name in ("instruments", "licences", "cases", "lots"):
        parser.add_argument(f"--{name}", type=int, metavar="N", help=f"how many {name}")
    args = parser.parse_args(argv)
    base = PROVINCE if args.province else COUNTY
    sizes = Sizes(
        *(
            getattr(base, name) if getattr(args, name) is None else getattr(args, name)
            for name in ("instruments", "licences", "cases", "lots")
        )
    )
    if min(sizes.instruments, sizes.licences, sizes.cases, sizes.lots) < 0:
        parser.error("sizes must be 0 or more")
    started = time.perf_counter()
    rows = generate(args.out_dir, seed=args.seed, as_of=args.as_of, sizes=sizes)
    took = time.perf_counter() - started
    for name, n in rows.items():
        print(f"{name:<20} {n:>10,} rows")
    print(f"written to {args.out_dir} in {took:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
