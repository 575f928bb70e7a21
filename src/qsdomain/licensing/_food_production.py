"""食品生产许可证 (food production licence, SC), as cited data.

Source: 食品生产许可管理办法, 国家市场监督管理总局令第24号 (2020-01-02, in force 2020-03-01),
chapter 4 (变更、延续与注销).

* Validity 5 years ("食品生产许可证 ... 有效期为5年"), unchanged from the 2015 measures (食药
  监总局令第16号) that introduced the SC licence.
* Renewal: "食品生产者需要延续依法取得的食品生产许可的有效期的，应当在该食品生产许可有效期
  届满30个工作日前，向原发证的市场监督管理部门提出申请" (the 2020 wording names the market
  regulation department). Confirmed in several agreeing secondary reproductions of the text;
  the article number was not confirmed from the official text (one guide cites art. 34 of the
  2015 measures for the same sentence), so it is not encoded.
* A change of the licensed particulars (production conditions, layout, main equipment, food
  category) is applied for within 10 working days of the change: one secondary source only.
"""

from __future__ import annotations

from qsdomain.licensing._kinds import Confidence, Deadline, LicenceKind, Source
from qsdomain.periods import Convention, Lead, LeadUnit, Term

__all__ = ["FOOD_PRODUCTION"]

_MEASURES = "食品生产许可管理办法 (市场监管总局令第24号, 2020) 第四章"

FOOD_PRODUCTION = LicenceKind(
    code="food_production",
    name="食品生产许可证",
    term=Term(years=5),
    term_source=Source(
        _MEASURES, Confidence.SECONDARY, note="article number not confirmed from the official text"
    ),
    convention=Convention.INCLUSIVE,
    renewal_lead=Lead(30, LeadUnit.WORKING_DAYS),
    lead_source=Source(
        _MEASURES,
        Confidence.SECONDARY,
        note="有效期届满30个工作日前; wording agrees in several reproductions, article number "
        "not confirmed",
    ),
    deadlines=(
        Deadline(
            "change of the licensed particulars (许可事项发生变化)",
            10,
            LeadUnit.WORKING_DAYS,
            Source(_MEASURES, Confidence.UNCONFIRMED, note="one secondary source"),
        ),
    ),
)
