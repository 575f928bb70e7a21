"""Cited reference data: the 2020 catalogue's supervision modes and JJG maximum intervals.

>>> from qsdomain.metrology import statutory_interval
>>> statutory_interval("数字指示秤")
Traceback (most recent call last):
...
qsdomain.errors.NotCoveredError: confirmed statutory interval '数字指示秤' is not covered; ...
>>> statutory_interval("数字指示秤", allow_unconfirmed=True).max_interval
Term(years=1, months=0, days=0)

Sources and what was read (2026-11-27):

* 市场监管总局公告2020年第42号《实施强制管理的计量器具目录》 (2020-10-26), read in the China
  Weighing Apparatus Association reprint (5aivisa.com/newsletter/year2020/m10/3837.asp) and
  another reprint of the announcement: items 1-2 (which 监管方式 need type approval and which
  are verified in use) and item 4 (the two ways of compulsory verification: 只做首次强制检定
  (失准报废 or 限期使用、到期轮换) and 周期检定) were read; the catalogue has 40 first-level
  and 62 second-level entries. The table itself (each entry's 监管方式) was **not** read, so
  the entries below carry no supervision mode: they name the first-level entries the reprints
  list and nothing more.
* 计量法 art. 9 (read in a quotation of the law's text): "未按照规定申请检定或者检定不合格
  的，不得使用" (used by :func:`~qsdomain.metrology.status`).
* The JJG texts were **not** read; no number below is confirmed. The water-meter limits come
  from two secondary pages citing JJG 162 (2009 clause 7.5, and 2019); the others are the
  commonly quoted "检定周期一般不超过1年" and are from memory. An unconfirmed number is
  returned only when asked for with ``allow_unconfirmed=True``; nothing uses one by default.
"""

from __future__ import annotations

import attrs

from qsdomain import _checks
from qsdomain.errors import InvalidInputError, NotCoveredError
from qsdomain.periods import Term

__all__ = ["CATALOGUE_2020", "STATUTORY_INTERVALS", "StatutoryInterval", "statutory_interval"]

#: Catalogue source, for every entry below.
_ANNOUNCEMENT = "市场监管总局公告2020年第42号《实施强制管理的计量器具目录》"

#: First-level entries of the 2020 catalogue named in the reprints read (10 of 40); their
#: supervision modes were not read and are deliberately absent.
CATALOGUE_2020: tuple[str, ...] = (
    "体温计",
    "非自动衡器",
    "自动衡器",
    "称重传感器",
    "流量计",
    "机动车测速仪",
    "声级计",
    "水分测定仪",
    "透射式烟度计",
    "有毒有害、易燃易爆气体检测（报警）仪",
)


def _term(_: object, __: attrs.Attribute[Term], value: object) -> None:
    if not isinstance(value, Term):
        raise InvalidInputError("statutory_interval.max_interval", value, "a qsdomain.periods.Term")


@attrs.frozen
class StatutoryInterval:
    """A JJG maximum interval or service life, with whether it was confirmed from the text.

    >>> from qsdomain.metrology import STATUTORY_INTERVALS
    >>> [s.instrument for s in STATUTORY_INTERVALS if s.service_life][:1]
    ['冷水水表 (DN ≤ 25 mm)']

    Attributes:
        instrument: the instrument (and the size range the number applies to).
        regulation: the verification regulation (JJG number and edition, as cited).
        max_interval: the maximum interval (检定周期一般不超过) or service life (使用期限).
        service_life: true for a fixed service life (限期使用，到期轮换), false for a period.
        confirmed: whether the number was read in the regulation itself.
        source: where the number was read.
    """

    instrument: str = attrs.field(validator=_checks.v_text())
    regulation: str = attrs.field(validator=_checks.v_text())
    max_interval: Term = attrs.field(validator=_term)
    service_life: bool = attrs.field(validator=_checks.v_flag())
    confirmed: bool = attrs.field(validator=_checks.v_flag())
    source: str = attrs.field(validator=_checks.v_text())


_MEMORY = "from memory of the commonly quoted clause; the JJG text was not read"
_WATER = (
    "secondary: nmghzsl.com/meitibaodao/357.html (JJG 162-2019), 51dongshi.net and "
    "haomeiwen.com (JJG 162-2009 clause 7.5); the JJG text was not read"
)

STATUTORY_INTERVALS: tuple[StatutoryInterval, ...] = (
    StatutoryInterval("数字指示秤", "JJG 539", Term(years=1), False, False, _MEMORY),
    StatutoryInterval("出租汽车计价器", "JJG 517-2016", Term(years=1), False, False, _MEMORY),
    StatutoryInterval("无创自动测量血压计", "JJG 692-2010", Term(years=1), False, False, _MEMORY),
    StatutoryInterval("可燃气体检测报警器", "JJG 693-2011", Term(years=1), False, False, _MEMORY),
    StatutoryInterval("冷水水表 (DN ≤ 25 mm)", "JJG 162", Term(years=6), True, False, _WATER),
    StatutoryInterval(
        "冷水水表 (25 mm < DN ≤ 50 mm)", "JJG 162", Term(years=4), True, False, _WATER
    ),
    StatutoryInterval("冷水水表 (DN > 50 mm)", "JJG 162", Term(years=2), False, False, _WATER),
)


def statutory_interval(instrument: str, *, allow_unconfirmed: bool = False) -> StatutoryInterval:
    """The JJG maximum interval of ``instrument``, if known and (by default) confirmed.

    >>> statutory_interval("冷水水表 (DN > 50 mm)", allow_unconfirmed=True).regulation
    'JJG 162'

    Raises :class:`~qsdomain.errors.NotCoveredError` for an instrument not in
    :data:`STATUTORY_INTERVALS`, and for one whose number is unconfirmed unless
    ``allow_unconfirmed`` is true: an unconfirmed number is never a rule by default.
    """
    _checks.text("instrument", instrument)
    _checks.flag("allow_unconfirmed", allow_unconfirmed)
    for entry in STATUTORY_INTERVALS:
        if entry.instrument == instrument and (entry.confirmed or allow_unconfirmed):
            return entry
    known = ", ".join(e.instrument for e in STATUTORY_INTERVALS if e.confirmed or allow_unconfirmed)
    what = "statutory interval" if allow_unconfirmed else "confirmed statutory interval"
    raise NotCoveredError(what, instrument, known or "none confirmed yet (see the module notes)")
