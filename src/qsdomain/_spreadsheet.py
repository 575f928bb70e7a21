"""Text cells for the CSV files qsdomain writes, made safe to open in a spreadsheet.

Excel, LibreOffice Calc and WPS take a cell whose text starts with ``=``, ``+``, ``-`` or ``@``
(or a tab or carriage return before one) as a formula and run it when the file is opened, so a
ledger entry named ``=HYPERLINK("http://...")`` would become a live link, or worse, in a CSV
written from it (OWASP, "CSV Injection"). As OWASP recommends, such a cell gets a leading single
quote ``'``, which makes the spreadsheet show it as text.

Only text that can come from data (ids, names, holders, reasons) goes through :func:`text_cell`;
numbers (a ``days_left`` of ``-3``), dates, ``true``/``false`` and the library's own enum values
are written as they are. A cell that already starts with ``'`` gets one more, so the rule can
be undone exactly: a cell read back that starts with ``'`` had one added (:func:`undo`).
"""

from __future__ import annotations

__all__ = ["FORMULA_STARTS", "text_cell", "undo"]

#: The first characters that make a spreadsheet read a cell as a formula (OWASP's list), and
#: the quote itself, so that every quoted cell was quoted here.
FORMULA_STARTS = frozenset("=+-@\t\r'")


def text_cell(value: str) -> str:
    """``value`` as a CSV cell a spreadsheet shows as text and never runs as a formula.

    >>> text_cell('=HYPERLINK("http://example.com")')
    '\\'=HYPERLINK("http://example.com")'
    >>> text_cell("JL-0001"), text_cell("电子计价秤"), text_cell("")
    ('JL-0001', '电子计价秤', '')
    """
    return "'" + value if value[:1] in FORMULA_STARTS else value


def undo(cell: str) -> str:
    """The text :func:`text_cell` was given, from the cell it made.

    >>> undo("'=1+1"), undo("''quoted"), undo("plain")
    ('=1+1', "'quoted", 'plain')
    """
    return cell[1:] if cell[:1] == "'" else cell
