"""计量标准考核证书 (measurement standard certificate), as cited data.

Source: 计量标准考核办法, 质检总局令第72号 (2005-01-14, in force 2005-07-01), later amended
(质检总局令第184号 2017 and following). The 2005 text: "计量标准考核证书的有效期为4年" and
"有效期届满前6个月，持证单位应当向主持考核的 ... 部门申请复查考核" (reported by 中国法院网
when the measures came out). No source found says the term became 5 years: JJF 1033-2023
(计量标准考核规范) governs the procedure, not the term. Both numbers are encoded as
secondary-sourced; the article numbers were not confirmed.
"""

from __future__ import annotations

from qsdomain.licensing._kinds import Confidence, LicenceKind, Source
from qsdomain.periods import Convention, Lead, LeadUnit, Term

__all__ = ["MEASUREMENT_STANDARD"]

_MEASURES = "计量标准考核办法 (质检总局令第72号, 2005; 修订后)"

MEASUREMENT_STANDARD = LicenceKind(
    code="measurement_standard",
    name="计量标准考核证书",
    term=Term(years=4),
    term_source=Source(
        _MEASURES,
        Confidence.SECONDARY,
        note="4 years in the 2005 text; no source found for a change to 5 years",
    ),
    convention=Convention.INCLUSIVE,
    renewal_lead=Lead(6, LeadUnit.MONTHS),
    lead_source=Source(
        _MEASURES, Confidence.SECONDARY, note="复查考核 applied for 6 months before expiry"
    ),
)
