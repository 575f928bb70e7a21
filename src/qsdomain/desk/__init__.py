"""The bureau desk (县级质监局工作台): a county bureau's ledgers in SQLite and its daily worklist.

>>> from qsdomain.desk import Family
>>> [f.title_zh for f in Family]
['计量', '许可', '五办承诺', '抽样检验']
"""

from __future__ import annotations

from qsdomain.desk._desk import DEFAULT_TIMEOUT, Desk
from qsdomain.desk._import import ImportRejectedError
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
from qsdomain.desk._report import default_calendar
from qsdomain.errors import DeskDatabaseError

__all__ = [
    "DEFAULT_TIMEOUT",
    "ActionItem",
    "Desk",
    "DeskDatabaseError",
    "Family",
    "ImportRejectedError",
    "ImportSummary",
    "LineState",
    "Report",
    "Section",
    "SectionMissingError",
    "StateTotal",
    "WeekLoad",
    "default_calendar",
    "report_csv",
    "report_html",
    "report_text",
    "write_report_csv",
]
