"""检验检测机构资质认定证书 (inspection body qualification, CMA), as cited data.

Source: 检验检测机构资质认定管理办法, 质检总局令第163号 (2015), as amended by
国家市场监督管理总局令第38号 (2021): "资质认定证书有效期为6年。需要延续资质认定证书有效期的，
应当在其有效期届满3个月前提出申请". The wording agrees in several secondary reproductions; the
article number was not confirmed from the official text, so it is not encoded. (The older
实验室和检查机构资质认定管理办法 had 3 years and 6 months; it no longer applies.)
"""

from __future__ import annotations

from qsdomain.licensing._kinds import Confidence, LicenceKind, Source
from qsdomain.periods import Convention, Lead, LeadUnit, Term

__all__ = ["INSPECTION_BODY"]

_MEASURES = "检验检测机构资质认定管理办法 (质检总局令第163号, 市场监管总局令第38号2021年修改)"

INSPECTION_BODY = LicenceKind(
    code="inspection_body",
    name="检验检测机构资质认定证书 (CMA)",
    term=Term(years=6),
    term_source=Source(_MEASURES, Confidence.SECONDARY, note="article number not confirmed"),
    convention=Convention.INCLUSIVE,
    renewal_lead=Lead(3, LeadUnit.MONTHS),
    lead_source=Source(
        _MEASURES, Confidence.SECONDARY, note="有效期届满3个月前; article number not confirmed"
    ),
)
