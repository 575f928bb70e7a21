"""Write ``src/qsdomain/calendars/data/YYYY.json``: the bundled years as ``load_schedule`` files.

Run: ``python benchmarks/make_china_json.py`` (it rewrites the 23 files; review the diff). The
source is the break-by-break transcription of the State Council notices in
``tests/china_notices.py`` (each break with the notice's own words, its festival and its
statutory days); the files are the very format a user types in the day a notice appears
(``docs/calendar-data.md``), read by the same validator. ``tests/test_china_schedule_data.py``
checks that the files equal the transcription day for day.
"""

from __future__ import annotations

import importlib.util
import io
import json
import sys
import tokenize
from datetime import date, timedelta
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "tests/china_notices.py"
TARGET = ROOT / "src/qsdomain/calendars/data"

# The days each amendment changed, read from its summary in the transcription.
CHANGED: dict[str, tuple[date, ...]] = {
    # 国发明电〔2015〕1号: 3 Sep off (Victory Day), 4 Sep in lieu, Sunday 6 Sep worked.
    "国发明电〔2015〕1号": (date(2015, 9, 3), date(2015, 9, 4), date(2015, 9, 6)),
    # 国办发明电〔2019〕3号: 2-3 May off (4 May is a Saturday), Sundays 28 Apr and 5 May worked.
    "国办发明电〔2019〕3号": (
        date(2019, 4, 28),
        date(2019, 5, 2),
        date(2019, 5, 3),
        date(2019, 5, 5),
    ),
    # 国办发明电〔2020〕1号: 31 Jan off; Saturday 1 Feb no longer a make-up working day.
    "国办发明电〔2020〕1号": (date(2020, 1, 31), date(2020, 2, 1)),
}


def load_transcription(path: Path = SOURCE) -> ModuleType:
    """The transcription module at ``path`` (it imports only the standard library)."""
    spec = importlib.util.spec_from_file_location("china_notices", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("china_notices", module)
    spec.loader.exec_module(module)
    return module


def notice_texts(path: Path = SOURCE) -> dict[int, list[str]]:
    """The notices' own words, per year: the comment above each break (continuations joined)."""
    texts: dict[int, list[str]] = {}
    year = 0
    last_row = -2
    source = path.read_text(encoding="utf-8")
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        row, col = token.start
        if token.type == tokenize.NAME and token.string == "year" and col == 8:
            year = -1  # the number follows
        elif token.type == tokenize.NUMBER and year == -1:
            year = int(token.string)
            texts[year] = []
        elif token.type == tokenize.COMMENT and year > 0 and col == 12:
            words = token.string.removeprefix("#").strip()
            if row == last_row + 1 and texts[year]:
                texts[year][-1] += words
            else:
                texts[year].append(words)
            last_row = row
    return texts


def _notice(number: str, title: str, published: date) -> dict[str, object]:
    return {"title": title, "number": number, "published": published.isoformat()}


def documents(module: ModuleType, texts: dict[int, list[str]]) -> dict[int, dict[str, object]]:
    """One ``load_schedule`` document per year of the transcription ``module``."""
    one = timedelta(days=1)
    out: dict[int, dict[str, object]] = {}
    for year in module.SCHEDULES:
        off: set[date] = set()
        for brk in year.breaks:
            day = brk.first
            while day <= brk.last:
                if day.weekday() < 5:
                    off.add(day)
                day += one
        doc: dict[str, object] = {
            "year": year.year,
            "notice": _notice(year.notice, year.title, year.published),
            "text": texts[year.year],
            "days_off": [d.isoformat() for d in sorted(off)],
            "makeup_working_days": [d.isoformat() for d in sorted(year.makeup_working_days)],
        }
        if year.amendments:
            doc["amendments"] = [
                {
                    "notice": _notice(a.notice, a.title, a.published),
                    "changed": [d.isoformat() for d in CHANGED[a.notice]],
                    "summary": a.summary,
                }
                for a in year.amendments
            ]
        out[year.year] = doc
    return out


def main(source: Path = SOURCE) -> None:
    TARGET.mkdir(exist_ok=True)
    docs = documents(load_transcription(source), notice_texts(source))
    for year, doc in docs.items():
        text = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
        (TARGET / f"{year}.json").write_text(text, encoding="utf-8")
    print(f"wrote {len(docs)} files to {TARGET}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else SOURCE)
