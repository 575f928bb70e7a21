"""Reading ledgers: BOMs, Chinese headers, line numbers, and rejects that never stop the rest."""

from __future__ import annotations

import csv
import io
import json
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


# -- #18 item 8: one structurally bad row never aborts a file --------------------------------------


class Kept(list[RowRejected]):
    """A reject sink that keeps every rejected row."""

    def add(self, rejected: RowRejected) -> None:
        self.append(rejected)


def _where(kept: Kept) -> list[tuple[int, str]]:
    return [(r.line, r.field) for r in kept]


@pytest.mark.parametrize(
    ("text", "line", "field"),
    [
        ("id,name\nA1,x\nA2,x,\nA3,x\n", 3, "line 3"),  # a stray trailing comma
        ("id,name\nA1,x\nA2," + "y" * 10_001 + "\nA3,x\n", 3, "line 3: name"),
        ('id,name\nA1,x\nA2,"' + "y" * 140_000 + '"\nA3,x\n', 3, "line 3"),  # csv's own limit
    ],
    ids=["extra-cell", "cell-over-limit", "cell-over-csv-limit"],
)
def test_a_structurally_bad_csv_row_is_rejected_and_the_good_rows_read(
    text: str, line: int, field: str
) -> None:
    kept = Kept()
    rows = list(read_csv(io.StringIO(text), rejects=kept))
    assert [row.fields["id"] for row in rows] == ["A1", "A3"]
    assert _where(kept) == [(line, field)]
    assert len(kept[0].value) <= 200
    with pytest.raises(InvalidInputError) as caught:  # without a sink: the typed error
        list(read_csv(io.StringIO(text)))
    assert caught.value.field == field


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ('[{"id": "A1"}, {"id": "A2", "name": {"x": 1}}, {"id": "A3"}]', "line 2: name"),
        ('[{"id": "A1"}, {"id": "A2", "name": [1]}, {"id": "A3"}]', "line 2: name"),
        ('[{"id": "A1"}, {"id": "A2", "name": "\\ud800"}, {"id": "A3"}]', "line 2: name"),
        ('[{"id": "A1"}, {"id": "A2", "id": "A9"}, {"id": "A3"}]', "line 2: id"),
        ('[{"id": "A1"}, 5, {"id": "A3"}]', "line 2"),
        ('{"id": "A1"}\n{"id": "A2", \n{"id": "A3"}\n', "line 2"),  # JSON Lines: one bad line
        ('{"id": "A1"}\n{"id": "A2", "colour": "red"}\n{"id": "A3"}\n', "line 2: colour"),
    ],
    ids=["object", "array", "lone-surrogate", "repeated-key", "not-object", "bad-line", "unknown"],
)
def test_a_structurally_bad_json_row_is_rejected_and_the_good_rows_read(
    text: str, field: str
) -> None:
    kept = Kept()
    rows = list(read_json_rows(io.StringIO(text), known=["id", "name"], rejects=kept))
    assert [row.fields["id"] for row in rows] == ["A1", "A3"]
    assert _where(kept) == [(2, field)]
    with pytest.raises(InvalidInputError) as caught:
        list(read_json_rows(io.StringIO(text), known=["id", "name"]))
    assert caught.value.field == field


def test_a_repeated_json_key_is_refused_not_silently_the_last_value() -> None:
    with pytest.raises(InvalidInputError, match="a key given once") as caught:
        list(read_json_rows(io.StringIO('{"id": "A1", "name": "x", "name": "y"}\n')))
    assert (caught.value.field, caught.value.value) == ("line 1: name", "name")


def test_a_rejected_value_with_a_lone_surrogate_or_a_huge_key_can_be_written() -> None:
    kept = Kept()
    key = "k" * 20_000
    text = '{"\\ud800": "x"}\n{"' + key + '": "x"}\n'
    assert list(read_json_rows(io.StringIO(text), rejects=kept)) == []
    assert [r.line for r in kept] == [1, 2]
    for rejected in kept:
        rejected.field.encode("utf-8")  # no lone surrogate left: a rejects file can hold it


def test_invalid_json_array_syntax_stays_an_error_of_the_file() -> None:
    with pytest.raises(InvalidInputError, match="valid JSON") as caught:
        list(read_json_rows(io.StringIO('[{"id": "A1"}, {"id": ]'), rejects=Kept()))
    assert caught.value.field == "source"


def test_undecodable_bytes_name_the_line_of_the_first_bad_byte(tmp_path: Path) -> None:
    """The decoder reads ahead in blocks: the line the reader reached is not the bad line."""
    good = "".join(f"A{n},秤\n" for n in range(5_000))
    ledger = tmp_path / "gbk.csv"
    ledger.write_bytes(b"id,name\n" + good.encode() + "A,秤\n".encode("gbk") + b"B,x\n")
    with pytest.raises(InvalidInputError, match="UTF-8") as caught:
        list(read_csv(ledger, rejects=Kept()))  # the file's error, with or without a sink
    assert caught.value.field == "line 5002"
    json_ledger = tmp_path / "gbk.jsonl"
    json_ledger.write_bytes(b'{"id": "A"}\n' + '{"id": "秤"}\n'.encode("gbk"))
    with pytest.raises(InvalidInputError, match="UTF-8") as caught:
        list(read_json_rows(json_ledger))
    assert caught.value.field == "line 2"


# -- #18 item 13: the reading API refuses bad arguments with typed errors --------------------------


SOURCE = "id,name\nA1,x\n"


@pytest.mark.parametrize(
    ("kwargs", "field", "allowed"),
    [
        ({"header_map": True}, "header_map", "a mapping of header texts"),
        ({"header_map": " "}, "header_map", "a mapping of header texts"),
        ({"header_map": {"编号": 5}}, "header_map['编号']", "string"),
        ({"required": None}, "required", "a list of column names"),
        ({"required": "id"}, "required", "a list of column names, not a string"),
        ({"known": True}, "known", "a list of column names or None"),
        ({"known": "idn"}, "known", "a list of column names, not a string"),
        ({"known": ["id", 5]}, "known[1]", "string"),
        ({"rejects": []}, "rejects", "an add(RowRejected) method"),
    ],
    ids=[
        "header_map-true",
        "header_map-space",
        "header_map-value",
        "required-none",
        "required-string",
        "known-true",
        "known-string",
        "known-element",
        "rejects-list",
    ],
)
def test_read_csv_refuses_bad_arguments_when_called(
    kwargs: dict[str, object], field: str, allowed: str
) -> None:
    with pytest.raises(InvalidInputError) as caught:
        read_csv(io.StringIO(SOURCE), **kwargs)  # type: ignore[arg-type]  # no iteration needed
    assert caught.value.field == field
    assert allowed in caught.value.allowed


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"header_map": True}, "header_map"),
        ({"header_map": " "}, "header_map"),
        ({"known": True}, "known"),
        ({"known": "idn"}, "known"),
        ({"rejects": 5}, "rejects"),
    ],
    ids=["header_map-true", "header_map-space", "known-true", "known-string", "rejects-int"],
)
def test_read_json_rows_refuses_bad_arguments_when_called(
    kwargs: dict[str, object], field: str
) -> None:
    with pytest.raises(InvalidInputError) as caught:
        read_json_rows(io.StringIO('[{"id": "A"}]'), **kwargs)  # type: ignore[arg-type]
    assert caught.value.field == field


def test_a_string_is_never_a_list_of_characters() -> None:
    """Regression: required="id" asked for columns i and d; known="idn" accepted i, d, n."""
    with pytest.raises(InvalidInputError, match="not a string"):
        read_csv(io.StringIO("i,d\n1,2\n"), required="id")
    with pytest.raises(InvalidInputError, match="not a string"):
        read_csv(io.StringIO("i,d,n\n1,2,3\n"), known="idn")
    # the lists themselves still work, from any iterable
    (row,) = read_csv(io.StringIO(SOURCE), required=("id",), known=iter(["id", "name"]))
    assert row.fields == {"id": "A1", "name": "x"}


# -- #18 item 16: JSON Lines line breaks, BOMs in the middle of a file, repeated headers ---------


@pytest.mark.parametrize("char", ["\u2028", "\u2029", "\x85"], ids=["U+2028", "U+2029", "U+0085"])
def test_json_lines_split_at_line_feeds_only(char: str) -> None:
    """str.splitlines splits at U+2028, U+0085 ...: inside a JSON string they are text."""
    text = json.dumps({"id": "A1", "name": f"a{char}b"}, ensure_ascii=False) + "\r\n"
    text += '{"id": "A2"}\n'
    rows = list(read_json_rows(io.StringIO(text)))
    assert [(r.line, r.fields["id"]) for r in rows] == [(1, "A1"), (2, "A2")]
    assert rows[0].fields["name"] == f"a{char}b"


def test_a_bom_at_the_start_of_a_line_is_not_part_of_an_id() -> None:
    """Concatenated exports: each carries a BOM, and the second one its header too."""
    text = "\ufeffid,name\nA1,x\n\ufeffid,name\nA2,y\n\ufeffA3,z\n id , name \n"
    rows = list(read_csv(io.StringIO(text)))
    assert [(r.line, r.fields["id"]) for r in rows] == [(2, "A1"), (4, "A2"), (5, "A3")]
    json_lines = '\ufeff{"id": "A1"}\n\ufeff{"id": "A2"}\n'
    assert [r.fields["id"] for r in read_json_rows(io.StringIO(json_lines))] == ["A1", "A2"]


def test_a_bom_before_a_quoted_cell_keeps_the_cell_s_quoting() -> None:
    text = 'id,name\nA1,x\n\ufeff"A,2",y\n'
    rows = list(read_csv(io.StringIO(text)))
    assert [r.fields["id"] for r in rows] == ["A1", "A,2"]


def test_a_bom_inside_a_cell_is_kept() -> None:
    (row,) = read_csv(io.StringIO("id,name\nA1,\ufeffx\n"))
    assert row.fields["name"] == "\ufeffx"
