"""The desk report as a terminal table, CSV files and one self-contained HTML page.

>>> from datetime import date
>>> from qsdomain.desk import Report, report_text
>>> print(report_text(Report(as_of=date(2026, 11, 27), within=30, sections=())))
Bureau desk 工作台 - as of 2026-11-27, due within 30 days
<BLANKLINE>
(no sections)

The renderers only read a :class:`~qsdomain.desk.Report`; they compute nothing. Text is cleaned
for display (control characters become U+FFFD, by :func:`qsdomain._terminal.clean`, the
command line's one cleaner) in the table and the page, never in the CSV files,
which carry every value as it is, except that a text cell a spreadsheet would run as a formula
gets a leading ``'`` (see :func:`report_csv`).
"""

from __future__ import annotations

import csv
import functools
import html
import io
import math
import os
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, timedelta
from pathlib import Path

from qsdomain import _checks
from qsdomain._files import replaced
from qsdomain._spreadsheet import text_cell
from qsdomain._terminal import clean as _clean
from qsdomain.desk._model import WEEKS, ActionItem, Family, Report, Section
from qsdomain.errors import InvalidInputError

__all__ = ["report_csv", "report_html", "report_text", "write_report_csv"]

#: The footnote under a table with provisional answers (their due day carries a ``*``).
PROVISIONAL_NOTE = "* rests on provisional calendar days"

#: The columns of an action table and of each family's CSV file, in order.
ITEM_COLUMNS = ("key", "name", "state", "due", "days_left", "reason", "provisional")

#: The columns of ``sampling-lines.csv`` and of the switching states table.
LINE_COLUMNS = ("product", "severity", "lots", "not_accepted", "last_lot")

#: Widest a key, name or state may be in the terminal table (cells); longer text ends in "…".
_MAX_CELLS = {"key": 24, "name": 30, "state": 20}

#: One colour per family in the chart (the Okabe-Ito palette, readable with colour blindness).
_COLOURS = {
    Family.METROLOGY: "#0072B2",
    Family.LICENSING: "#E69F00",
    Family.COMMITMENTS: "#009E73",
    Family.SAMPLING: "#CC79A7",
}


# -- shared checks and text helpers -------------------------------------------------------------


def _report(value: object) -> Report:
    if not isinstance(value, Report):
        raise InvalidInputError("report", value, "a qsdomain.desk.Report")
    return value


def _limit(value: object) -> int | None:
    return None if value is None else _checks.whole_number("limit", value, 0)


@functools.lru_cache(maxsize=8192)
def _char_cells(ch: str) -> int:
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def cells(value: str) -> int:
    """The terminal columns ``value`` takes: two for each East Asian wide or fullwidth character.

    >>> cells("JL-1"), cells("电子秤"), cells("ＡＢ")
    (4, 6, 4)

    Ambiguous-width characters (``unicodedata.east_asian_width`` "A") count as one column, as in
    most terminals outside East Asian locales; combining marks count as none.
    """
    if value.isascii() and value.isprintable():
        return len(value)
    return sum(_char_cells(ch) for ch in value)


def _fit(value: str, most: int) -> str:
    """``value`` cut to at most ``most`` cells, ending in "…" when cut."""
    if cells(value) <= most:
        return value
    kept, used = [], 0
    for ch in value:
        width = _char_cells(ch)
        if used + width > most - 1:
            break
        kept.append(ch)
        used += width
    return "".join(kept) + "…"


def _pad(value: str, width: int, right: bool) -> str:
    space = " " * max(0, width - cells(value))
    return space + value if right else value + space


def _table(header: Sequence[str], rows: Sequence[Sequence[str]], numeric: set[int]) -> list[str]:
    """Lines of an aligned table; the last column is not padded (no trailing spaces)."""
    widths = [cells(h) for h in header]
    for row in rows:
        widths = [max(w, cells(c)) for w, c in zip(widths, row, strict=True)]
    last = len(header) - 1
    lines = []
    for row in [list(header), ["-" * w for w in widths], *rows]:
        parts = [
            _pad(c, widths[i], i in numeric) if i < last or i in numeric else c
            for i, c in enumerate(row)
        ]
        lines.append("  ".join(parts).rstrip())
    return lines


def _day(value: date | None) -> str:
    return "" if value is None else value.isoformat()


def _number(value: int | None) -> str:
    return "" if value is None else str(value)


def _shown(items: Sequence[ActionItem], limit: int | None) -> tuple[Sequence[ActionItem], int]:
    """The items to show and how many more there are."""
    if limit is None or len(items) <= limit:
        return items, 0
    return items[:limit], len(items) - limit


# -- terminal text ------------------------------------------------------------------------------


def _heading(report: Report) -> str:
    return f"Bureau desk 工作台 - as of {report.as_of.isoformat()}, due within {report.within} days"


def _section_text(section: Section, limit: int | None) -> list[str]:
    title = f"{section.family.title} {section.family.title_zh}"
    lines = [title, "=" * cells(title)]
    lines.append(f"read {section.read}, needing action {section.needing_action}")
    if section.totals:
        lines += [
            "",
            *_table(
                ["state", "count"], [[_clean(t.state), str(t.count)] for t in section.totals], {1}
            ),
        ]
    if section.lines:
        rows = [
            [
                _fit(_clean(x.product), _MAX_CELLS["name"]),
                _fit(_clean(x.severity), _MAX_CELLS["state"]),
                str(x.lots),
                str(x.not_accepted),
                _fit(_clean(x.last_lot), _MAX_CELLS["key"]),
            ]
            for x in section.lines
        ]
        lines += [
            "",
            "Switching state per product line 各产品线转移状态",
            *_table(LINE_COLUMNS, rows, {2, 3}),
        ]
    lines.append("")
    if not section.items:
        lines.append("Nothing needs action.")
        return lines
    shown, more = _shown(section.items, limit)
    rows = [
        [
            _fit(_clean(i.key), _MAX_CELLS["key"]),
            _fit(_clean(i.name), _MAX_CELLS["name"]),
            _fit(_clean(i.state), _MAX_CELLS["state"]),
            _day(i.due) + ("*" if i.provisional else ""),
            _number(i.days_left),
            _clean(i.reason),
        ]
        for i in shown
    ]
    lines += _table(ITEM_COLUMNS[:-1], rows, {4})
    if more:
        lines.append(f"... and {more} more")
    if any(i.provisional for i in shown):
        lines.append(PROVISIONAL_NOTE)
    return lines


def report_text(report: Report, *, limit: int | None = 50) -> str:
    """The report as terminal tables: a section per family, its totals, then its action items.

    >>> from datetime import date
    >>> from qsdomain.desk import ActionItem, Report, Section, StateTotal, report_text
    >>> item = ActionItem(family="metrology", key="JL-0001", name="电子计价秤", state="overdue",
    ...                   due=date(2026, 11, 20), days_left=-7, reason="verify it now")
    >>> soon = ActionItem(family="metrology", key="JL-0002", name="pH meter", state="due_soon",
    ...                   due=date(2026, 12, 31), days_left=34, reason="due on 2026-12-31",
    ...                   provisional=True)
    >>> section = Section(family="metrology", read=40, items=(item, soon), workload=(),
    ...                   totals=(StateTotal(state="current", count=38),
    ...                           StateTotal(state="overdue", count=1),
    ...                           StateTotal(state="due_soon", count=1)))
    >>> print(report_text(Report(as_of=date(2026, 11, 27), within=30, sections=(section,))))
    Bureau desk 工作台 - as of 2026-11-27, due within 30 days
    Answers on provisional calendar days (marked *): 1
    <BLANKLINE>
    Metrology 计量
    ==============
    read 40, needing action 2
    <BLANKLINE>
    state     count
    --------  -----
    current      38
    overdue       1
    due_soon      1
    <BLANKLINE>
    key      name        state     due          days_left  reason
    -------  ----------  --------  -----------  ---------  -----------------
    JL-0001  电子计价秤  overdue   2026-11-20          -7  verify it now
    JL-0002  pH meter    due_soon  2026-12-31*         34  due on 2026-12-31
    * rests on provisional calendar days

    Columns are aligned in terminal cells (a Chinese character takes two); a key, name or state
    longer than the column's maximum is cut and ends in "…". Each section shows its first
    ``limit`` items (``None``: all) and says how many more there are; items come in the report's
    order, most urgent first. For sampling, a table gives each product line's switching state.
    """
    found = _report(report)
    most = _limit(limit)
    lines = [_heading(found)]
    if found.provisional_items:
        lines.append(f"Answers on provisional calendar days (marked *): {found.provisional_items}")
    if not found.sections:
        lines += ["", "(no sections)"]
    for section in found.sections:
        lines += ["", *_section_text(section, most)]
    return "\n".join(lines)


# -- CSV ----------------------------------------------------------------------------------------


def _csv(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def _item_row(item: ActionItem) -> list[str]:
    return [
        text_cell(item.key),
        text_cell(item.name),
        text_cell(item.state),
        _day(item.due),
        _number(item.days_left),
        text_cell(item.reason),
        "true" if item.provisional else "false",
    ]


def _tables(report: Report) -> Iterator[tuple[str, Sequence[str], Iterable[Sequence[object]]]]:
    """Each CSV file's name, header and rows (generated, so a writer can stream them)."""
    for s in report.sections:
        yield f"{s.family.value}.csv", ITEM_COLUMNS, (_item_row(i) for i in s.items)
    for s in report.sections:
        if s.family is Family.SAMPLING:
            rows = (
                [
                    text_cell(x.product),
                    text_cell(x.severity),
                    x.lots,
                    x.not_accepted,
                    text_cell(x.last_lot),
                ]
                for x in s.lines
            )
            yield "sampling-lines.csv", LINE_COLUMNS, rows
    yield (
        "totals.csv",
        ("family", "state", "count"),
        ([s.family.value, text_cell(t.state), t.count] for s in report.sections for t in s.totals),
    )
    yield (
        "workload.csv",
        ("family", "week_of", "count"),
        (
            [s.family.value, w.week_of.isoformat(), w.count]
            for s in report.sections
            for w in s.workload
        ),
    )


def report_csv(report: Report) -> dict[str, str]:
    """One CSV text per section (every item, never cut), plus totals, workload and product lines.

    >>> from datetime import date
    >>> from qsdomain.desk import ActionItem, Report, Section, report_csv
    >>> item = ActionItem(family="licensing", key="XK-7", name="甲厂", state="overdue_filing",
    ...                   due=date(2026, 9, 14), days_left=-74, reason="renewal not filed")
    >>> files = report_csv(Report(as_of=date(2026, 11, 27), within=30, sections=(
    ...     Section(family="licensing", read=0, items=(item,), totals=(), workload=()),)))
    >>> sorted(files)
    ['licensing.csv', 'totals.csv', 'workload.csv']
    >>> print(files["licensing.csv"], end="")
    key,name,state,due,days_left,reason,provisional
    XK-7,甲厂,overdue_filing,2026-09-14,-74,renewal not filed,false

    The keys are file names: ``<family>.csv`` for each section present (columns
    ``key, name, state, due, days_left, reason, provisional``; an empty cell for no due day),
    ``totals.csv`` (``family, state, count``), ``workload.csv`` (``family, week_of, count``) and,
    with a sampling section, ``sampling-lines.csv`` (``product, severity, lots, not_accepted,
    last_lot``). Lines end in CRLF, as RFC 4180 says. The texts carry no byte order mark;
    :func:`write_report_csv` adds one when it writes the files.

    A text cell (``key``, ``name``, ``state``, ``reason``, ``product``, ``severity``,
    ``last_lot``) that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return, which a
    spreadsheet would run as a formula (OWASP "CSV Injection"), or with ``'``, gets a leading
    ``'``; remove one leading ``'`` from such a cell to get the value back. The library's state
    names never start with one, and the ``family``, dates (``due``, ``week_of``), numbers
    (``days_left``, counts) and ``provisional`` are always written as they are:

    >>> bad = ActionItem(family="licensing", key="XK-8", name='=HYPERLINK("http://x")',
    ...                  state="overdue_filing", due=None, days_left=-3, reason="not filed")
    >>> print(report_csv(Report(as_of=date(2026, 11, 27), within=30, sections=(
    ...     Section(family="licensing", read=0, items=(bad,), totals=(), workload=()),)
    ... ))["licensing.csv"], end="")
    key,name,state,due,days_left,reason,provisional
    XK-8,"'=HYPERLINK(""http://x"")",overdue_filing,,-3,not filed,false
    """
    return {name: _csv(header, rows) for name, header, rows in _tables(_report(report))}


def _directory(value: object) -> Path:
    if isinstance(value, os.PathLike):
        value = os.fspath(value)
    where = Path(_checks.text("directory", value))
    try:
        if where.is_dir():
            return where
    except (OSError, ValueError) as err:
        raise InvalidInputError("directory", value, f"an existing directory ({err})") from None
    raise InvalidInputError("directory", value, "an existing directory")


def write_report_csv(report: Report, directory: str | os.PathLike[str]) -> list[Path]:
    """Write :func:`report_csv`'s files into an existing directory; the paths written, in order.

    >>> import tempfile
    >>> from datetime import date
    >>> from qsdomain.desk import Report, write_report_csv
    >>> with tempfile.TemporaryDirectory() as where:
    ...     paths = write_report_csv(Report(as_of=date(2026, 11, 27), within=30, sections=()),
    ...                              where)
    ...     [p.name for p in paths], paths[0].read_bytes()[:3]
    (['totals.csv', 'workload.csv'], b'\\xef\\xbb\\xbf')

    The files are UTF-8 with a byte order mark (``utf-8-sig``), so Excel opens Chinese text
    correctly; Python's ``open(path, encoding="utf-8-sig")`` and :func:`qsdomain.ledgers.read_csv`
    read them back (a text cell that starts with ``'`` had one added: see :func:`report_csv`).
    Rows are streamed to disk (a province's report is not held twice in memory); each file is
    written to a new temporary file in the directory and then replaces any file of the same
    name (a symbolic link of that name is replaced itself, never written through), so none is
    left half-written. A directory that does not exist or cannot be written raises
    :class:`~qsdomain.errors.InvalidInputError` (as would text UTF-8 cannot encode, which a
    checked :class:`~qsdomain.desk.Report` cannot hold).
    """
    found = _report(report)
    where = _directory(directory)
    written = []
    for name, header, rows in _tables(found):
        path = where / name
        try:
            with replaced(str(path), field="directory", encoding="utf-8-sig") as out:
                writer = csv.writer(out, lineterminator="\r\n")
                writer.writerow(header)
                writer.writerows(rows)
        except UnicodeEncodeError as err:
            raise InvalidInputError(name, err.object[err.start : err.end], "UTF-8 text") from None
        except OSError as err:
            raise InvalidInputError(
                "directory", str(where), f"a writable directory ({err})"
            ) from None
        written.append(path)
    return written


# -- HTML ---------------------------------------------------------------------------------------

_CSS = """
body { font-family: system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif;
  margin: 1.5rem auto; max-width: 72rem; padding: 0 1rem; color: #1b1b1b; line-height: 1.4; }
h1 { font-size: 1.5rem; margin-bottom: 0.25rem; }
h2 { font-size: 1.25rem; border-bottom: 2px solid #ccc; padding-bottom: 0.2rem; margin-top: 2rem; }
h3 { font-size: 1rem; margin: 1rem 0 0.4rem; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; font-size: 0.9rem; }
th, td { border: 1px solid #ddd; padding: 0.2rem 0.5rem; text-align: left; vertical-align: top; }
td { white-space: nowrap; }
td:last-child { white-space: normal; }
th { background: #f3f3f3; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.late td { background: #fdecea; }
.note, .more { color: #555; font-size: 0.85rem; }
figure { margin: 1rem 0; }
svg text { font-size: 11px; fill: #333; }
svg .axis { stroke: #888; stroke-width: 1; }
svg .grid { stroke: #e5e5e5; stroke-width: 1; }
"""


def _e(value: str) -> str:
    return html.escape(_clean(value), quote=True)


def _weeks(report: Report) -> list[date]:
    """The Mondays the chart shows: 12 from the first week with workload, more if data needs."""
    found = sorted({w.week_of for s in report.sections for w in s.workload})
    first = found[0] if found else report.as_of - timedelta(days=report.as_of.weekday())
    span = (found[-1] - first).days // 7 + 1 if found else 0
    return [first + timedelta(weeks=k) for k in range(max(WEEKS, span))]


def _nice_step(top: int) -> int:
    """A round step (1, 2 or 5 times a power of ten) giving at most five ticks up to ``top``."""
    magnitude = 1
    while True:
        for factor in (1, 2, 5):
            if top <= 5 * factor * magnitude:
                return factor * magnitude
        magnitude *= 10


def _chart(report: Report) -> str:
    """An inline SVG grouped-bar chart of each family's due workload per week."""
    charted = [s for s in report.sections if s.workload]
    if not charted:
        return '<p class="note">No dated items fall due in the next 12 weeks.</p>'
    weeks = _weeks(report)
    counts = {(s.family, w.week_of): w.count for s in charted for w in s.workload}
    top = max(1, *counts.values())
    step = _nice_step(top)
    ceiling = step * math.ceil(top / step)
    left, right, upper, lower = 56, 16, 40, 58
    width = max(720, left + right + 40 * len(weeks))
    height = 300
    plot_w, plot_h = width - left - right, height - upper - lower
    group = plot_w / len(weeks)
    bar = (group * 0.8) / len(charted)
    out = [
        f'<svg width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-labelledby="chart-title">',
        '<title id="chart-title">Items falling due per week, by family 每周到期事项</title>',
    ]
    for k in range(0, ceiling + 1, step):
        y = upper + plot_h - k / ceiling * plot_h
        out.append(
            f'<line class="grid" x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}"/>'
        )
        out.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{k}</text>')
    base = upper + plot_h
    out.append(f'<line class="axis" x1="{left}" y1="{base}" x2="{width - right}" y2="{base}"/>')
    out.append(f'<line class="axis" x1="{left}" y1="{upper}" x2="{left}" y2="{base}"/>')
    for n, monday in enumerate(weeks):
        x0 = left + group * n + group * 0.1
        out.append(f'<g class="week" data-week="{monday.isoformat()}">')
        for m, s in enumerate(charted):
            count = counts.get((s.family, monday), 0)
            h = count / ceiling * plot_h
            out.append(
                f'<rect class="bar" data-family="{s.family.value}" x="{x0 + bar * m:.1f}" '
                f'y="{base - h:.1f}" width="{bar:.1f}" height="{h:.1f}" '
                f'fill="{_COLOURS[s.family]}"><title>{_e(s.family.title)} '
                f"{_e(s.family.title_zh)}, week of {monday.isoformat()}: {count}</title></rect>"
            )
        cx = left + group * (n + 0.5)
        out.append(
            f'<text x="{cx:.1f}" y="{base + 16}" text-anchor="middle">'
            f"{monday.month:02d}-{monday.day:02d}</text>"
        )
        if n == 0 or monday.year != weeks[n - 1].year:
            out.append(
                f'<text x="{cx:.1f}" y="{base + 30}" text-anchor="middle">{monday.year}</text>'
            )
        out.append("</g>")
    out.append(
        f'<text x="{left + plot_w / 2:.1f}" y="{height - 12}" text-anchor="middle">'
        "Week beginning (Monday) 周起始日（周一）</text>"
    )
    out.append(
        f'<text transform="translate(14 {upper + plot_h / 2:.1f}) rotate(-90)" '
        'text-anchor="middle">Items due 到期事项数</text>'
    )
    x = left
    for s in charted:
        label = f"{s.family.title} {s.family.title_zh}"
        out.append(
            f'<g class="legend"><rect x="{x}" y="12" width="12" height="12" '
            f'fill="{_COLOURS[s.family]}"/><text x="{x + 16}" y="22">{_e(label)}</text></g>'
        )
        x += 24 + 7 * cells(label)
    out.append("</svg>")
    return "\n".join(out)


def _html_table(
    caption: str,
    header: Sequence[str],
    rows: Iterable[tuple[str, Sequence[str]]],
    numeric: set[int],
) -> list[str]:
    """A table; each row is (its class, its cells), cells already escaped."""
    out = [f"<table><caption>{caption}</caption>", "<thead><tr>"]
    out += [f'<th scope="col">{_e(h)}</th>' for h in header]
    out.append("</tr></thead><tbody>")
    for kind, row in rows:
        shown = f' class="{kind}"' if kind else ""
        tds = "".join(
            f'<td class="num">{c}</td>' if i in numeric else f"<td>{c}</td>"
            for i, c in enumerate(row)
        )
        out.append(f"<tr{shown}>{tds}</tr>")
    out.append("</tbody></table>")
    return out


def _item_cells(item: ActionItem) -> tuple[str, list[str]]:
    kinds = [k for k, on in (("late", item.late), ("provisional", item.provisional)) if on]
    due = _e(_day(item.due)) + ("*" if item.provisional else "")
    cells_ = [
        _e(item.key),
        _e(item.name),
        _e(item.state),
        due,
        _number(item.days_left),
        _e(item.reason),
    ]
    return " ".join(kinds), cells_


def _section_html(section: Section, limit: int | None) -> list[str]:
    family = section.family
    out = [
        f'<section id="{family.value}">',
        f'<h2>{_e(family.title)} <span lang="zh-CN">{_e(family.title_zh)}</span></h2>',
        f"<p>Read {section.read}; needing action {section.needing_action}.</p>",
    ]
    if section.totals:
        rows = (("", [_e(t.state), str(t.count)]) for t in section.totals)
        out += _html_table("Totals per state 各状态数量", ["state", "count"], rows, {1})
    if section.lines:
        rows = (
            ("", [_e(x.product), _e(x.severity), str(x.lots), str(x.not_accepted), _e(x.last_lot)])
            for x in section.lines
        )
        out += _html_table(
            "Switching state per product line 各产品线转移状态", LINE_COLUMNS, rows, {2, 3}
        )
    if not section.items:
        out += ["<p>Nothing needs action.</p>", "</section>"]
        return out
    shown, more = _shown(section.items, limit)
    out += _html_table(
        "Needing action, most urgent first 待办事项（最紧急在前）",
        ITEM_COLUMNS[:-1],
        (_item_cells(i) for i in shown),
        {4},
    )
    if more:
        out.append(f'<p class="more">... and {more} more (the CSV files list every item)</p>')
    if any(i.provisional for i in shown):
        out.append(f'<p class="note">{_e(PROVISIONAL_NOTE)}</p>')
    out.append("</section>")
    return out


def report_html(report: Report, *, limit: int | None = 500) -> str:
    """The report as one self-contained HTML page: tables and an SVG chart of the weekly workload.

    >>> from datetime import date
    >>> from qsdomain.desk import Report, Section, WeekLoad, report_html
    >>> section = Section(family="metrology", read=0, items=(), totals=(),
    ...                   workload=(WeekLoad(week_of=date(2026, 11, 30), count=2),))
    >>> page = report_html(Report(as_of=date(2026, 11, 27), within=30, sections=(section,)))
    >>> page.startswith("<!DOCTYPE html>"), page.count('class="bar"'), "<script" in page
    (True, 12, False)

    The page needs no network and runs no script: the style sheet is inline, the chart is inline
    SVG (one group of bars per week, one bar per family with dated items, the weeks' Mondays on
    the axis, a legend), and every text from the report is escaped with :func:`html.escape`.
    Each section has its English and Chinese heading, its totals per state, for sampling the
    switching state per product line, and its first ``limit`` action items (``None``: all) with
    a count of the rest; late rows are shaded, and a provisional answer's due day carries a
    ``*`` explained under the table. The chart shows 12 weeks from the earliest week in the
    report's workload (more when the workload spans more).
    """
    found = _report(report)
    most = _limit(limit)
    title = _e(_heading(found))
    total = sum(s.needing_action for s in found.sections)
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{title}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        '<h1>Bureau desk <span lang="zh-CN">工作台</span></h1>',
        f'<p>As of <time datetime="{found.as_of.isoformat()}">{found.as_of.isoformat()}</time>, '
        f"due within {found.within} days: {total} items need action"
        + (
            f"; {found.provisional_items} rest on provisional calendar days (marked *)."
            if found.provisional_items
            else "."
        )
        + "</p>",
    ]
    if found.sections:
        out.append("<nav><ul>")
        out += [
            f'<li><a href="#{s.family.value}">{_e(s.family.title)} '
            f'<span lang="zh-CN">{_e(s.family.title_zh)}</span></a> ({s.needing_action})</li>'
            for s in found.sections
        ]
        out.append("</ul></nav>")
    out += [
        '<section id="workload">',
        '<h2>Due workload per week <span lang="zh-CN">每周到期工作量</span></h2>',
        "<figure>",
        _chart(found),
        "<figcaption>Items falling due in each of the next weeks, by family.</figcaption>",
        "</figure>",
        "</section>",
    ]
    if not found.sections:
        out.append("<p>No sections.</p>")
    for section in found.sections:
        out += _section_html(section, most)
    out += ["</body>", "</html>", ""]
    return "\n".join(out)
