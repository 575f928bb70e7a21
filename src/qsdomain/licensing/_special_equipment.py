"""特种设备 licences: production licence and operator certificate, as cited data.

Sources:

* 特种设备生产和充装单位许可规则, TSG 07-2019 (市场监管总局 2019-05-13): production licences
  are valid 4 years; the holder applies for renewal (换证/延续) 6 months before expiry. Several
  agreeing secondary sources; the clause number was not confirmed from the text. The older
  特种设备制造许可 rules carried the same 6 months ("许可证有效期满6个月前 ... 提出换证申请").
  A recollection that TSG 07-2019 also bounds the filing to at most 12 months before expiry was
  not confirmed, so no earliest filing day is encoded.
* 特种设备作业人员证 (operator certificate): "《作业人员证》有效期为4年" (TSG Z6001-2013 art. 3,
  read in reproductions of the text; TSG Z6001-2019 keeps 4 years per secondary sources).
  The lead for the review (复审) is disputed: 特种设备作业人员监督管理办法 (质检总局令第140号,
  2011年修订) art. 22 as quoted by one secondary source says 3 months before expiry; TSG
  Z6001-2019 is reported to say 1 month. The longer lead (3 months) is encoded, so a filing
  in time under it is in time under both; the disagreement is recorded in the source note.
"""

from __future__ import annotations

from qsdomain.licensing._kinds import Confidence, LicenceKind, Source
from qsdomain.periods import Convention, Lead, LeadUnit, Term

__all__ = ["SPECIAL_EQUIPMENT_OPERATOR", "SPECIAL_EQUIPMENT_PRODUCTION"]

_TSG07 = "特种设备生产和充装单位许可规则 TSG 07-2019"

SPECIAL_EQUIPMENT_PRODUCTION = LicenceKind(
    code="special_equipment_production",
    name="特种设备生产许可证",
    term=Term(years=4),
    term_source=Source(_TSG07, Confidence.SECONDARY, note="clause number not confirmed"),
    convention=Convention.INCLUSIVE,
    renewal_lead=Lead(6, LeadUnit.MONTHS),
    lead_source=Source(
        _TSG07,
        Confidence.SECONDARY,
        note="届满6个月前; a 12-month earliest filing day is unconfirmed and not encoded",
    ),
)

SPECIAL_EQUIPMENT_OPERATOR = LicenceKind(
    code="special_equipment_operator",
    name="特种设备安全管理和作业人员证",
    term=Term(years=4),
    term_source=Source(
        "特种设备作业人员考核规则 TSG Z6001 (2013 art. 3; 2019 edition)",
        Confidence.TEXT,
        note="4 years read in the 2013 text; the 2019 edition per secondary sources",
    ),
    convention=Convention.INCLUSIVE,
    renewal_lead=Lead(3, LeadUnit.MONTHS),
    lead_source=Source(
        "特种设备作业人员监督管理办法 (质检总局令第140号, 2011年修订) 第二十二条",
        Confidence.UNCONFIRMED,
        note="sources disagree: 3 months (the measures, one secondary source) or 1 month "
        "(TSG Z6001-2019, reported); the longer lead is used",
    ),
)
