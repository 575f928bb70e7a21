"""工业产品生产许可证 (industrial product production licence), as cited data.

Sources:

* 中华人民共和国工业产品生产许可证管理条例, 国务院令第440号 (2005-07-09), revised by the State
  Council decision of 2023-07-20. Art. 25: "生产许可证有效期为5年 ... 生产许可证有效期届满，
  企业继续生产的，应当在生产许可证有效期届满6个月前向所在地省、自治区、直辖市工业产品生产
  许可证主管部门提出换证申请". The article's proviso of 3 years for food processing enterprises
  no longer applies (food moved to 食品生产许可, SC). The wording was read in the project's
  reference notes ([H]) and in several verbatim reproductions (for example the 2023 text on
  zh.wikisource.org and law-guide pages quoting art. 25); the article number rests on them.
* 工业产品生产许可证管理条例实施办法, 质检总局令第156号 (2014), with the 2018 reform (国发
  〔2018〕33号): a change of production conditions, inspection means, technology or process
  (a new site, a new line, a major retooling) is applied for within 1 month of the change.
  Secondary sources only.
"""

from __future__ import annotations

from qsdomain.licensing._kinds import Confidence, Deadline, LicenceKind, Source
from qsdomain.periods import Convention, Lead, LeadUnit, Term

__all__ = ["INDUSTRIAL_PRODUCT"]

_ORDINANCE = "工业产品生产许可证管理条例 (国务院令第440号, 2023年7月20日修订) 第二十五条"

INDUSTRIAL_PRODUCT = LicenceKind(
    code="industrial_product",
    name="全国工业产品生产许可证",
    term=Term(years=5),
    term_source=Source(
        _ORDINANCE,
        Confidence.TEXT,
        note="the 3-year term for food processing in the same article no longer applies; "
        "wording seen in verbatim reproductions, article number per the project reference",
    ),
    convention=Convention.INCLUSIVE,
    renewal_lead=Lead(6, LeadUnit.MONTHS),
    lead_source=Source(_ORDINANCE, Confidence.TEXT, note="届满6个月前 提出换证申请"),
    deadlines=(
        Deadline(
            "change of production conditions, inspection means, technology or process "
            "(生产条件、检验手段、生产技术或者工艺发生变化)",
            1,
            LeadUnit.MONTHS,
            Source(
                "工业产品生产许可证管理条例实施办法 (质检总局令第156号, 2014)",
                Confidence.SECONDARY,
                note="article number not confirmed; the ordinance itself says only 及时 (art. 26)",
            ),
        ),
    ),
)
