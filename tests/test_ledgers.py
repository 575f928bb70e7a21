"""Reading ledgers: BOMs, Chinese headers, line numbers, and rejects that never stop the rest."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qsdomain.errors import InvalidInputError
from qsdomain.ledgers import Row, RowRejected, parse_rows, read_csv, read_json_rows

HEADERS = {"出厂编号": "id", "器具名称": "name", "检定日期": "verified_on", "周期(月)": "months"}


def test_bom_and_chinese_headers(tmp_path: Path) -> None:
    ledger = tmp_path / "台账.csv"
    ledger.write_bytes(
        "出厂编号,器具名称,检定日期,周期(月)\r\nJL-1,电子计价秤,2025-12-01,12\r\n".encode(
            "utf-8-sig"
        )
    )
    (row,) = read_csv(ledger, header_map=HEADERS, required=["id", "verified_on"])
    assert row.line == 2
    assert row.fields == {"id": "JL-1", "name": "电子计价秤", "verified_on": "2025-12-01",
                          "months": "12"}  # fmt: skip
    assert read_csv(ledger, header_map=HEADERS) is not None  # lazily opened, nothing read yet


def test_the_same_file_without_bom_reads_the_same(tmp_path: Path) -> None:
    with_bom, without = tmp_path / "a.csv", tmp_path / "b.csv"
    text = "出厂编号,检定日期\nJL-1,2025-12-01\n"
    with_bom.write_bytes(text.encode("utf-8-sig"))
    without.write_bytes(text.encode("utf-8"))
    assert list(read_csv(with_bom, header_map=HEADERS)) == list(
        read_csv(without, header_map=HEADERS)
    )


def test_blank_lines_are_skipped_and_line_numbers_are_the_file_s() -> None:
    rows = list(read_csv(io.StringIO("id\nA\n\n , \nB\n")))
    assert [(r.line, r.fields["id"]) for r in rows] == [(2, "A"), (5, "B")]


def test_quoted_newlines_keep_the_line_numbers_true() -> None:
    rows = list(read_csv(io.StringIO('id,note\nA,"two\nlines"\nB,x\n')))
    assert [(r.line, r.fields["id"]) for r in rows] == [(3, "A"), (4, "B")]


@pytest.mark.parametrize(
    ("text", "field", "allowed"),
    [
        ("", "line 1", "the file is empty"),
        ("编号\nA\n", "header[0]", "one of"),
        ("id,id\nA,B\n", "header[1]", "only once"),
        ("name\nA\n", "header", "columns id"),
        ("id\nA,B\n", "line 2", "at most 1 cells"),
        ("id\n" + "x" * 10_001 + "\n", "line 2: id", "at most 10000 characters"),
    ],
)
def test_bad_files_name_the_line_or_header(text: str, field: str, allowed: str) -> None:
    with pytest.raises(InvalidInputError) as caught:
        list(read_csv(io.StringIO(text), required=["id"], known=["id", "name"]))
    assert caught.value.field == field
    assert allowed in caught.value.allowed


def test_a_missing_file_is_a_typed_error(tmp_path: Path) -> None:
    with pytest.raises(InvalidInputError, match="readable file"):
        list(read_csv(tmp_path / "missing.csv"))
    with pytest.raises(InvalidInputError, match="readable file"):
        list(read_json_rows(str(tmp_path / "bad\x00name.json")))


def test_non_utf8_bytes_are_a_typed_error(tmp_path: Path) -> None:
    ledger = tmp_path / "gbk.csv"
    ledger.write_bytes("编号\n甲\n".encode("gbk"))
    with pytest.raises(InvalidInputError, match="CSV"):
        list(read_csv(ledger))


def test_typed_readers_name_line_and_field() -> None:
    row = Row(9, {"limit": "x", "on": "2026-02-30", "empty": " ", "ratio": "1e3"})
    for call, field in (
        (lambda: row.whole("limit"), "line 9: limit"),
        (lambda: row.date("on"), "line 9: on"),
        (lambda: row.text("empty"), "line 9: empty"),
        (lambda: row.number("ratio"), "line 9: ratio"),
        (lambda: row.whole("missing"), "line 9: missing"),
    ):
        with pytest.raises(InvalidInputError) as caught:
            call()
        assert caught.value.field == field
    assert row.text("empty", required=False) is None
    assert row.whole("missing", required=False) is None


def test_whole_numbers_respect_their_bounds() -> None:
    with pytest.raises(InvalidInputError, match="<= 60"):
        Row(1, {"n": "61"}).whole("n", high=60)
    with pytest.raises(InvalidInputError, match=">= 0"):
        Row(1, {"n": "-1"}).whole("n", low=0)
    assert Row(1, {"n": "0"}).whole("n", low=0, high=0) == 0


def test_json_arrays_and_json_lines() -> None:
    array = list(read_json_rows(io.StringIO('[{"编号": "A", "n": 1}, {"编号": "B", "n": null}]'),
                                header_map={"编号": "id"}))  # fmt: skip
    assert [(r.line, r.fields) for r in array] == [
        (1, {"id": "A", "n": "1"}),
        (2, {"id": "B", "n": ""}),
    ]
    lines = list(read_json_rows(io.StringIO('{"id": "A"}\n\n{"id": "B"}\n')))
    assert [(r.line, r.fields["id"]) for r in lines] == [(1, "A"), (3, "B")]
    with pytest.raises(InvalidInputError, match="a JSON object"):
        list(read_json_rows(io.StringIO("[1]")))
    with pytest.raises(InvalidInputError, match="a string, a number or null"):
        list(read_json_rows(io.StringIO('[{"id": [1]}]')))
    with pytest.raises(InvalidInputError, match="valid JSON"):
        list(read_json_rows(io.StringIO("[{")))


def test_parse_rows_rejects_bad_rows_and_keeps_going() -> None:
    text = "id,limit\nA,20\nB,twenty\nC,5\nD,\n"
    out = list(parse_rows(read_csv(io.StringIO(text)), lambda r: (r.text("id"), r.whole("limit"))))
    assert out[0] == ("A", 20)
    assert out[2] == ("C", 5)
    assert out[1] == RowRejected(3, "line 3: limit", "twenty", "a whole number")
    assert isinstance(out[3], RowRejected)
    assert out[3].line == 5
    assert str(out[3]) == "line 5: limit must be present (the cell is empty), got "


def test_a_bug_in_the_build_function_is_not_swallowed() -> None:
    with pytest.raises(ZeroDivisionError):
        list(parse_rows([Row(2, {})], lambda row: 1 / 0))


_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=15)


@given(st.lists(st.tuples(_TEXT.filter(str.strip), _TEXT), min_size=1, max_size=20))
def test_whatever_csv_writes_reads_back_cell_for_cell(rows: list[tuple[str, str]]) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["id", "note"])
    writer.writerows(rows)
    read = list(read_csv(io.StringIO(buffer.getvalue())))
    expected = [r for r in rows if any(cell.strip() for cell in r)]
    assert [(row.fields["id"], row.fields["note"]) for row in read] == expected
