"""The pieces every ledger command shares: rejects, progress bars, CSV output, file types."""

from __future__ import annotations

import builtins
import csv
import io
from pathlib import Path
from typing import Any

import pytest

from qsdomain.cli._ledger import (
    REJECTS_SHOWN,
    Rejects,
    csv_text,
    exit_status,
    ledger_rows,
    objects,
    with_progress,
)
from qsdomain.cli._output import UsageError
from qsdomain.ledgers import Row, RowRejected


def test_rejects_count_everything_and_keep_a_bounded_number() -> None:
    rejects = Rejects()
    for line in range(2, REJECTS_SHOWN + 12):
        rejects.add(RowRejected(line, f"line {line}: n", "x", "a whole number"))
    assert rejects.count == REJECTS_SHOWN + 10
    lines = rejects.lines()
    assert len(lines) == REJECTS_SHOWN + 1
    assert lines[0] == "rejected: line 2: n must be a whole number, got x"
    assert lines[-1] == "rejected: ... and 10 more rows"
    assert exit_status(rejects) == 1
    assert exit_status(Rejects()) == 0


def test_objects_stream_good_rows_and_collect_bad_ones() -> None:
    rows = [Row(2, {"n": "1"}), Row(3, {"n": "x"}), Row(4, {"n": "3"})]
    rejects = Rejects()
    assert list(objects(rows, lambda row: row.whole("n"), rejects)) == [1, 3]
    assert [r.line for r in rejects.kept] == [3]


def test_csv_text_writes_iso_dates_and_empty_cells() -> None:
    from datetime import date  # noqa: PLC0415

    text = csv_text(
        ["id", "due", "note"],
        [["A", date(2026, 11, 30), None], ["B,C", 1, "x"]],
        text_columns=("id", "note"),
    )
    assert text == 'id,due,note\nA,2026-11-30,\n"B,C",1,x'


def test_csv_text_quotes_only_the_text_columns_a_spreadsheet_would_run() -> None:
    """Regression (CSV injection): ledger text starting with = + - @ was written as it was."""
    rows = [['=HYPERLINK("http://x")', "-3", "@SUM(A1)", "-3"], ["+1", "2026-11-30", "\tx", "ok"]]
    text = csv_text(["name", "days_left", "note", "state"], rows, text_columns=("name", "note"))
    assert list(csv.reader(io.StringIO(text))) == [
        ["name", "days_left", "note", "state"],
        ['\'=HYPERLINK("http://x")', "-3", "'@SUM(A1)", "-3"],
        ["'+1", "2026-11-30", "'\tx", "ok"],
    ]


def test_the_file_suffix_chooses_the_reader(tmp_path: Path) -> None:
    csv_file, json_file = tmp_path / "a.csv", tmp_path / "a.json"
    csv_file.write_text("编号\nA\n", encoding="utf-8")
    json_file.write_text('[{"编号": "A"}, {}]', encoding="utf-8")
    for path in (csv_file, json_file):
        rows = list(
            ledger_rows(str(path), header_map={"编号": "id"}, known=["id"], required=["id"])
        )
        assert rows[0].fields["id"] == "A"
    assert rows[1].fields == {"id": ""}  # a required key missing from a JSON object is empty


def test_progress_is_off_unless_asked_or_on_a_terminal() -> None:
    items = [1, 2, 3]
    assert with_progress(items, False, what="rows") is items
    assert with_progress(items, None, what="rows") is items  # stderr is not a terminal here


def test_the_progress_bar_passes_the_items_through() -> None:
    pytest.importorskip("tqdm", reason="needs the progress extra")
    items = [1, 2, 3]
    assert list(with_progress(items, True, what="rows")) == items  # tqdm wraps, same items


def test_progress_without_tqdm_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def no_tqdm(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "tqdm":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_tqdm)
    items = [1]
    assert with_progress(items, None, what="rows") is items
    with pytest.raises(UsageError, match="qsdomain\\[progress\\]"):
        with_progress(items, True, what="rows")
