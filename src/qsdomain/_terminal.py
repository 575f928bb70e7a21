"""Text fit for a terminal: what a ledger says is shown, never run by the terminal.

>>> clean("JL-1 \\x1b]0;PWNED\\x07\\x1b[2J秤")
'JL-1 \\ufffd]0;PWNED\\ufffd\\ufffd[2J秤'

A ledger is data a clerk (or anyone who sent the clerk a file) wrote. Printed as it is, its
escape sequences would retitle the window, clear the screen or move the cursor, a C1 control
(U+009B is a one-character CSI) would do the same, and a bidi override (U+202E) or isolate
would show the rest of a line in another order than the one it has. Every text the command line
prints (the answer, the ``rejected:`` lines, the error messages) and the desk's terminal table
and HTML page go through :func:`clean`; JSON and CSV outputs are data for programs and carry
every value as it is.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["REPLACEMENT", "clean"]

#: What an unprintable character is shown as.
REPLACEMENT = "\ufffd"


def clean(value: str, *, keep: str = "") -> str:
    """``value`` with every character a terminal would act on, or reorder, shown as U+FFFD.

    >>> clean("A\\u202eB\\x9bC\\x7fD"), clean("a\\tb\\nc"), clean("a\\tb\\nc", keep="\\n")
    ('A\\ufffdB\\ufffdC\\ufffdD', 'a\\ufffdb\\ufffdc', 'a\\ufffdb\\nc')

    Replaced: the controls (Unicode category Cc: C0 with ESC, BEL and carriage return, DEL, the
    C1 controls U+0080 to U+009F), the format characters (Cf: the bidi embeddings, overrides,
    isolates and marks U+202A to U+202E, U+2066 to U+2069, U+200E, U+200F, and zero-width
    characters), lone surrogates (Cs), private-use and unassigned code points (Co, Cn), and the
    line and paragraph separators (Zl, Zp). A space other than U+0020 (Zs, e.g. U+3000) becomes
    a plain space. ``keep`` names characters left as they are: ``"\\n"`` for a text of several
    lines. Text without any of these is returned as it is.
    """
    if value.isprintable():
        return value
    if keep:  # each run between kept characters on its own: most lines take the fast path
        parts = re.split(f"([{re.escape(keep)}])", value)
        return "".join(part if i % 2 else clean(part) for i, part in enumerate(parts))
    out = []
    for ch in value:
        category = unicodedata.category(ch)
        if category == "Zs":
            out.append(" ")
        elif category[0] == "C" or category in ("Zl", "Zp"):
            out.append(REPLACEMENT)
        else:
            out.append(ch)
    return "".join(out)
