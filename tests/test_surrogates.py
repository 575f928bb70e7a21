"""Lone surrogates (U+D800 to U+DFFF) are refused wherever text enters, fast paths included.

A Python string can hold a lone surrogate (a ``"\\ud800"`` escape in JSON, a stream decoded with
``surrogateescape``) but UTF-8 cannot encode it: it used to be accepted and then fail as a
``UnicodeEncodeError`` when the desk wrote SQLite or CSV, or the command line printed it.
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from qsdomain import _checks, strategies
from qsdomain.desk import ActionItem, Desk
from qsdomain.errors import InvalidInputError
from qsdomain.ledgers import Row, read_csv, read_json_rows
from qsdomain.licensing import Licence
from qsdomain.metrology import Instrument
from qsdomain.periods import Term
from qsdomain.serialization import to_json

LONE = st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF)
#: Text as a ledger may hold it (controls, wide and combining characters), never a surrogate.
TEXT = st.text(st.characters(codec="utf-8"), max_size=12)


@st.composite
def with_a_lone_surrogate(draw: st.DrawFn) -> str:
    """Valid text with one lone surrogate put in somewhere (a pair would be two)."""
    before, after = draw(TEXT), draw(TEXT)
    return f"{before}{draw(LONE)}{after}"


@given(with_a_lone_surrogate(), st.booleans())
def test_text_refuses_any_lone_surrogate(value: str, allow_empty: bool) -> None:
    with pytest.raises(InvalidInputError, match="without lone surrogates") as caught:
        _checks.text("name", value, allow_empty=allow_empty)
    assert caught.value.field == "name"


@given(st.lists(TEXT.filter(str.strip), max_size=3), with_a_lone_surrogate())
def test_texts_name_the_element_with_the_surrogate(good: list[str], bad: str) -> None:
    with pytest.raises(InvalidInputError, match="without lone surrogates") as caught:
        _checks.texts("sources", [*good, bad])
    assert caught.value.field == f"sources[{len(good)}]"


@given(TEXT.filter(str.strip))
def test_text_utf8_can_encode_is_accepted(value: str) -> None:
    assert _checks.text("name", value) == value
    value.encode("utf-8")


def test_a_pair_is_not_a_lone_surrogate() -> None:
    assert _checks.text("name", "秤\U0001f600") == "秤\U0001f600"


# -- the inline fast paths (Instrument, Licence, metrology's required_text) ----------------------

TERM = Term(months=12)


@pytest.mark.parametrize("field", ["id", "name"])
@pytest.mark.parametrize("bad", ["\ud800", "电子计价秤\udfff", "JL-\udcff1"])
def test_instrument_refuses_a_lone_surrogate(field: str, bad: str) -> None:
    """Regression: Instrument.__init__ accepted these inline, bypassing _checks.text."""
    kwargs: dict[str, Any] = {"id": "JL-1", "name": "电子计价秤", "interval": TERM, field: bad}
    with pytest.raises(InvalidInputError, match="without lone surrogates") as caught:
        Instrument(**kwargs)
    assert caught.value.field.endswith(field)


@pytest.mark.parametrize("field", ["number", "holder", "scope"])
@pytest.mark.parametrize("bad", ["\ud800", "某厂\udfff"])
def test_licence_refuses_a_lone_surrogate(field: str, bad: str) -> None:
    """Regression: Licence.__init__ accepted these inline, bypassing _checks.text."""
    kwargs: dict[str, Any] = {
        "kind": "food_production",
        "number": "SC1",
        "holder": "某厂",
        "issued": date(2021, 1, 1),
        field: bad,
    }
    with pytest.raises(InvalidInputError, match="without lone surrogates") as caught:
        Licence(**kwargs)
    assert caught.value.field.endswith(field)


@given(strategies.instrument_statuses(), with_a_lone_surrogate())
def test_instrument_status_refuses_a_lone_surrogate(status: Any, bad: str) -> None:
    with pytest.raises(InvalidInputError, match="without lone surrogates"):
        attrs.evolve(status, id=bad)


@given(strategies.licence_statuses(), with_a_lone_surrogate())
def test_licence_status_refuses_a_lone_surrogate_reason(status: Any, bad: str) -> None:
    """Regression (found by ``make fuzz``): the reason was only checked to be a str."""
    with pytest.raises(InvalidInputError, match="without lone surrogates") as caught:
        attrs.evolve(status, reason=bad)
    assert caught.value.field == "licence_status.reason"


def test_the_fast_paths_still_take_controls_and_chinese() -> None:
    """Text that is neither ASCII nor printable goes to the full check, which accepts it."""
    made = Instrument(id="JL-1\t甲", name="电子\x00计价秤", interval=TERM)
    assert (made.id, made.name) == ("JL-1\t甲", "电子\x00计价秤")
    assert Licence(kind="food_production", number="SC1", holder="某\u2028厂",
                   issued=date(2021, 1, 1), scope="").holder == "某\u2028厂"  # fmt: skip


def test_action_item_refuses_a_lone_surrogate() -> None:
    with pytest.raises(InvalidInputError, match="name must be a string without lone"):
        ActionItem(family="metrology", key="JL-1", name="\ud800", state="overdue", due=None,
                   days_left=None, reason="x")  # fmt: skip


# -- the ledger readers ---------------------------------------------------------------------------


def test_a_file_read_by_path_is_strict_utf8(tmp_path: Path) -> None:
    """The readers open files strictly: bytes UTF-8 cannot decode never become surrogates."""
    ledger = tmp_path / "bad.csv"
    ledger.write_bytes(b"id,name\nJL-1,\xff\xfe\n")
    with pytest.raises(InvalidInputError, match="can't decode byte 0xff"):
        list(read_csv(ledger))


def test_a_json_file_that_is_not_utf8_is_refused_with_a_typed_error(tmp_path: Path) -> None:
    """Regression: the UnicodeDecodeError escaped (a traceback from ``metrology due``)."""
    ledger = tmp_path / "bad.json"
    ledger.write_bytes(b'[{"id": "\xff"}]')
    with pytest.raises(InvalidInputError, match="UTF-8 encoded JSON text") as caught:
        list(read_json_rows(ledger))
    assert (caught.value.field, caught.value.value) == ("line 1", "byte 9")


def test_json_spelling_a_lone_surrogate_is_refused_naming_line_and_field() -> None:
    """Regression: JSON can spell "\\ud800" in plain ASCII; the row used to be accepted."""
    ledger = io.StringIO('{"id": "JL-1"}\n{"id": "JL-2", "name": "\\ud800"}\n')
    rows = read_json_rows(ledger)
    assert next(rows).fields == {"id": "JL-1"}
    with pytest.raises(InvalidInputError, match="without lone surrogates") as caught:
        next(rows)
    assert caught.value.field == "line 2: name"


def test_json_spelling_a_surrogate_pair_reads_the_character() -> None:
    (row,) = read_json_rows(io.StringIO('[{"name": "\\ud83d\\ude00"}]'))
    assert row.text("name") == "\U0001f600"


def test_csv_from_a_surrogateescape_stream_is_refused_on_any_row() -> None:
    """Rows after the first skip Row's checks (the trusted fast path): still refused."""
    raw = b"id,name\nJL-1,\xe7\xa7\xa4\nJL-2,\xff\n"
    stream = io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8", errors="surrogateescape")
    rows = read_csv(stream)
    assert next(rows).fields == {"id": "JL-1", "name": "秤"}
    with pytest.raises(InvalidInputError, match="without lone surrogates") as caught:
        next(rows)
    assert caught.value.field == "line 3: name"


def test_row_refuses_a_lone_surrogate() -> None:
    with pytest.raises(InvalidInputError, match="without lone surrogates"):
        Row(line=2, fields={"name": "\udcff"})


# -- the public strategies ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "cls", strategies.covered_types(), ids=lambda c: getattr(c, "__name__", str(c))
)
@given(data=st.data())
def test_strategies_never_make_a_lone_surrogate(cls: Any, data: st.DataObject) -> None:
    """Every strategy's objects serialize to text UTF-8 can encode."""
    value = data.draw(strategies.for_type(cls))
    try:
        text = to_json(value)
    except InvalidInputError:  # a type with no JSON form (a protocol)
        return
    text.encode("utf-8")


def test_the_desk_refuses_a_file_utf8_cannot_decode(tmp_path: Path) -> None:
    """Regression: finding the table of a non-UTF-8 file let a UnicodeDecodeError escape."""
    with Desk.create(tmp_path / "bureau.sqlite") as desk:
        for name in ("instruments.csv", "instruments.json"):
            bad = tmp_path / name
            bad.write_bytes(b'[{"id": "\xff"}]' if name.endswith(".json") else b"id\n\xff\n")
            with pytest.raises(InvalidInputError, match="a UTF-8 file"):
                desk.import_file(bad)
