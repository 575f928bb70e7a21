"""The bureau desk (县级质监局工作台): a county bureau's ledgers in SQLite and its daily worklist.

>>> from qsdomain.desk import Family
>>> [f.title_zh for f in Family]
['计量', '许可', '五办承诺', '抽样检验']
"""

from __future__ import annotations

from qsdomain.desk._model import (
    ActionItem,
    Family,
    ImportSummary,
    LineState,
    Report,
    Section,
    SectionMissingError,
    StateTotal,
    WeekLoad,
)
from qsdomain.desk._render import report_csv, report_html, report_text, write_report_csv

__all__ = [
    "ActionItem",
    "Family",
    "ImportSummary",
    "LineState",
    "Report",
    "Section",
    "SectionMissingError",
    "StateTotal",
    "WeekLoad",
    "report_csv",
    "report_html",
    "report_text",
    "write_report_csv",
]
