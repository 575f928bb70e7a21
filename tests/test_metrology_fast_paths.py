"""The metrology kernel answers as the rule; the other hot paths as their plain versions.

The rule is :func:`qsdomain.metrology._status.rule` (src, the one copy); the kernel
(:mod:`qsdomain.metrology._kernel`, behind ``statuses``, ``worklist`` and ``ledger_report``)
must give the same statuses and the same errors on random and hostile input. The other fast
paths (``Instrument.with_id``'s draft, the ledger reader's row checks, the CSV row builder's
clones) are compared with the plain path they replace, valid and invalid.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from datetime import date, timedelta
from random import Random
from typing import Any

import attrs
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from qsdomain import limits
from qsdomain.errors import InvalidInputError
from qsdomain.ledgers import Row, read_csv
from qsdomain.metrology import (
    Alignment,
    Instrument,
    InstrumentState,
    InstrumentStatus,
    Outcome,
    Policy,
    Verification,
    _kernel,
    due_report,
    ledger_report,
    status,
    statuses,
)
from qsdomain.metrology._ledger import _key
from qsdomain.metrology._status import rule
from qsdomain.periods import Convention, Term
from qsdomain.rejects import RowRejected
from qsdomain.strategies import histories, instrument_statuses, instruments, policies


def _same(fast: object, plain: object) -> None:
    assert fast == plain
    if attrs.has(type(fast)):
        for field in attrs.fields(type(fast)):
            assert getattr(fast, field.name) is getattr(plain, field.name) or (
                getattr(fast, field.name) == getattr(plain, field.name)
            )


@pytest.mark.parametrize("outcome", list(Outcome))
def test_verification_from_an_outcome_value_holds_the_member(outcome: Outcome) -> None:
    record = Verification(on=date(2025, 1, 1), outcome=str(outcome.value))
    assert record.outcome is outcome
    assert record == Verification(on=date(2025, 1, 1), outcome=Outcome(outcome.value))


def _plain_status(
    instrument: Instrument, records: list[Verification], as_of: date, policy: Policy
) -> InstrumentStatus:
    """The rule (src), with every result re-checked by InstrumentStatus's validators."""
    found = rule(instrument, iter(records), as_of, policy, None, None)
    return InstrumentStatus(**attrs.asdict(found, recurse=False))


def _plain_stream(pairs: list[Any], as_of: date, policy: Policy) -> object:
    """What statuses must give: the rule item by item, or the first error as statuses names it."""
    found = []
    for i, pair in enumerate(pairs):
        try:
            if not (isinstance(pair, (tuple, list)) and len(pair) == 2):
                raise InvalidInputError("", pair, "an (instrument, records) pair")
            instrument, records = pair
            if not isinstance(instrument, Instrument):
                raise InvalidInputError("instrument", instrument, "an Instrument")
            found.append(rule(instrument, records, as_of, policy, None, None))
        except InvalidInputError as err:
            field = f"items[{i}].{err.field}" if err.field else f"items[{i}]"
            return field, str(err.value), err.allowed
    return found


@settings(max_examples=300)
@given(instruments(), histories(), st.integers(-30, 4000), policies())
def test_status_agrees_with_the_plain_computation(
    instrument: Instrument, history: list[Verification], later: int, policy: Policy
) -> None:
    as_of = (history[-1].on if history else date(2020, 1, 1)) + timedelta(days=later)
    try:
        expected: object = _plain_status(instrument, history, as_of, policy)
    except InvalidInputError as err:
        expected = str(err)
    for records in (history, tuple(history), iter(history)):
        try:
            found: object = status(instrument, records, as_of, policy=policy)
        except InvalidInputError as err:
            found = str(err)
        _same(found, expected)
    if history and later >= 0:
        # The one-record shortcut against the general path with the same single record.
        one = [history[-1]]
        _same(
            status(instrument, one, as_of, policy=policy),
            _plain_status(instrument, one, as_of, policy),
        )


@settings(max_examples=100)
@given(st.lists(st.tuples(instruments(), histories(2), st.integers(0, 900)), max_size=12))
def test_statuses_and_due_report_agree_with_status_one_by_one(
    rows: list[tuple[Instrument, list[Verification], int]],
) -> None:
    as_of = date(2036, 1, 1)  # after every generated record (from 2030 plus 2 gaps of 800 days)
    pairs = [(instrument, history) for instrument, history, _ in rows]
    streamed = list(statuses(pairs, as_of))
    assert streamed == [status(i, h, as_of) for i, h in pairs]
    report = due_report(iter(streamed))
    counts = Counter(s.state.value for s in streamed)
    assert attrs.asdict(report.summary) == {
        "read": len(streamed),
        "rejected": 0,
        **{state.value: counts[state.value] for state in InstrumentState},
    }


def test_status_shortcut_still_refuses_a_bad_single_record() -> None:
    scale = Instrument(id="S", name="秤", interval=Term(years=1))
    record = Verification(on=date(2026, 1, 2), outcome="pass")
    with pytest.raises(InvalidInputError, match=r"records\[0\]\.on"):
        status(scale, [record], date(2026, 1, 1))
    with pytest.raises(InvalidInputError, match=r"records\[0\]"):
        status(scale, ["2026-01-02"], date(2026, 1, 5))  # type: ignore[list-item]
    with pytest.raises(InvalidInputError, match=r"items\[0\]\.instrument"):
        list(statuses([("S", [record])], date(2026, 1, 5)))  # type: ignore[list-item]


def test_month_end_alignment_in_status_matches_the_helper() -> None:
    scale = Instrument(id="S", name="秤", interval=Term(months=1))
    got = status(
        scale,
        [Verification(on=date(2026, 1, 10), outcome="pass")],
        date(2026, 2, 1),
        policy=Policy(align=Alignment.MONTH_END),
    )
    assert got.valid_through == date(2026, 2, 9)
    assert got.due == date(2026, 2, 28)


# -- the ledger reader and the CSV row builder --------------------------------------------------

_CELL = st.text(alphabet=st.sampled_from(' \t\u3000\u00a0\u2028x,"1'), max_size=4)


@given(st.lists(_CELL, max_size=4))
def test_blank_row_test_agrees_with_a_cell_by_cell_test(cells: list[str]) -> None:
    joined = "".join(cells)
    assert (not joined or joined.isspace()) == (not any(cell.strip() for cell in cells))


@settings(max_examples=200)
@given(st.lists(st.lists(_CELL, min_size=0, max_size=4), max_size=8))
def test_read_csv_rows_equal_checked_rows(lines: list[list[str]]) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["a", "b", "c"])
    writer.writerows(lines)
    text = buffer.getvalue()
    if any(len(cells) > 3 and any(c.strip() for c in cells) for cells in lines):
        with pytest.raises(InvalidInputError, match="cells"):
            list(read_csv(io.StringIO(text)))
        return
    rows = list(read_csv(io.StringIO(text)))
    reader = csv.reader(io.StringIO(text))
    next(reader)
    expected = []
    for cells in reader:
        if any(cell.strip() for cell in cells):
            expected.append(Row(reader.line_num, dict(zip(["a", "b", "c"], cells, strict=False))))
    assert rows == expected


def test_read_csv_still_refuses_an_overlong_cell() -> None:
    text = "a,b\nx," + "y" * (limits.MAX_TEXT_LENGTH + 1) + "\n"
    with pytest.raises(InvalidInputError, match="a cell of at most"):
        list(read_csv(io.StringIO(text)))


def _outcome(call: Any, *args: Any, **kwargs: Any) -> object:
    """What ``call`` returns, or the typed error it raises."""
    try:
        return call(*args, **kwargs)
    except InvalidInputError as err:
        return err


@given(
    instruments(),
    st.from_regex(r"[A-Z]{2}-[0-9]{1,6}", fullmatch=True)
    | st.text(max_size=5)
    | st.just("x" * (limits.MAX_TEXT_LENGTH + 1))
    | st.just("JL-\ud800")
    | st.integers()
    | st.none(),
)
@example(Instrument(id="A", name="a", interval=Term(years=1)), " A")
def test_with_id_is_evolve(template: Instrument, ident: Any) -> None:
    """Instrument.with_id (built by a draft) is attrs.evolve: same object, same error."""
    plain, fast = _outcome(attrs.evolve, template, id=ident), _outcome(template.with_id, ident)
    if isinstance(plain, InvalidInputError):
        assert isinstance(fast, InvalidInputError)
        assert str(fast) == str(plain)
        return
    assert isinstance(fast, Instrument)
    assert type(fast) is Instrument
    _same(fast, plain)
    assert hash(fast) == hash(plain)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        fast.id = "changed"  # type: ignore[misc]


@settings(max_examples=200)
@given(
    st.lists(instrument_statuses(), max_size=30),
    st.none() | st.integers(0, 400),
    st.randoms(use_true_random=False),
)
def test_due_list_order_is_the_plain_sort_by_key(
    found: list[InstrumentStatus], within: int | None, rng: Random
) -> None:
    # Many equal ids and due days, so that the ties (broken by arrival order) are exercised.
    found = [attrs.evolve(s, id=rng.choice("AB")) for s in found]
    report = due_report(found, within=within)
    kept = [
        (n, s)
        for n, s in enumerate(found)
        if s.state is not InstrumentState.OUT_OF_SERVICE
        and (
            s.state is not InstrumentState.CURRENT
            or (within is not None and s.days_left is not None and s.days_left <= within)
        )
    ]
    expected = tuple(s for _, _, s in sorted((_key(s), n, s) for n, s in kept))
    assert report.due == expected
    assert [id(s) for s in report.due] == [id(s) for s in expected]


def _mostly(good: tuple[str, ...], bad: tuple[str, ...]) -> st.SearchStrategy[str]:
    """Good cells nine times in ten (so that rows reach the memos), bad ones otherwise."""
    return st.one_of(*[st.sampled_from(good)] * 9, st.sampled_from(bad))


_CELLS = {
    "id": _mostly(("JL-1", "JL-2", " JL-3 "), ("", " ")),
    "name": _mostly(("秤", "压力表"), ("",)),
    "interval_months": _mostly(("12", "6"), ("0", "x", "")),
    "verified_on": _mostly(
        ("2025-12-01", " 2025-12-01", "2026-01-05"), ("2027-01-01", "2025-13-01", "")
    ),
    "outcome": _mostly(("合格", " 合格 ", "pass", "不合格"), ("bogus", "")),
    "as_found": _mostly(("", "", "0.5"), ("1.5", "x")),
    "scheme": _mostly(("", "周期检定"), ("失准报废", "nope")),
}


_ROW = {
    "id": "JL-1",
    "name": "秤",
    "interval_months": "12",
    "verified_on": "2025-12-01",
    "outcome": "合格",
    "as_found": "",
    "scheme": "",
}


@settings(max_examples=150)
@given(st.lists(st.fixed_dictionaries(_CELLS), min_size=1, max_size=12))
@example([_ROW, {**_ROW, "as_found": "0.5"}, {**_ROW, "id": "JL-2"}])  # a memo hit, and not
@example([_ROW, {**_ROW, "verified_on": "2027-01-01"}, {**_ROW, "outcome": " 合格 "}])
def test_the_row_builder_answers_as_a_fresh_one(cells: list[dict[str, str]]) -> None:
    """Rows through one builder (its memos warm) give what each row gives a fresh builder."""
    from qsdomain.ledgers.metrology import builder  # noqa: PLC0415 - the private builder

    as_of = date(2026, 11, 27)

    def entry(build: Any, row: Row) -> object:
        try:
            made = build(row)
        except InvalidInputError as err:
            return str(err)
        return (made.line, made.instrument, made.record)

    warm = builder(as_of)
    rows = [Row(line, fields) for line, fields in enumerate(cells, 2)]
    assert [entry(warm, row) for row in rows] == [entry(builder(as_of), row) for row in rows]


@settings(max_examples=60)
@given(
    st.lists(
        st.tuples(
            st.integers(0, 5),
            st.integers(1, 30),
            st.dates(date(2000, 1, 1), date(2030, 12, 31)),
            st.sampled_from(["pass", "adjusted"]),
        ),
        min_size=1,
        max_size=40,
    )
)
def test_statuses_over_shared_and_equal_terms_are_the_periods_answers(
    cells: list[tuple[int, int, date, str]],
) -> None:
    """Rows sharing a few Term objects (and equal copies) in any order: the identity-keyed memo
    gives each row what Term.nominal_end gives, as a fresh status call does."""
    as_of = date(2031, 1, 1)
    shared = [Term(months=m) for m in range(1, 31)]
    rows = [
        (
            Instrument(
                id=f"R-{n}",
                name="秤",
                interval=shared[months - 1] if pick % 2 else Term(months=months),
            ),
            [Verification(on=on, outcome=outcome)],
        )
        for n, (pick, months, on, outcome) in enumerate(cells)
    ]
    for (instrument, records), got in zip(rows, statuses(rows, as_of), strict=True):
        assert instrument.interval is not None
        expected = instrument.interval.nominal_end(records[0].on, Convention.INCLUSIVE)
        assert got.valid_through == expected
        assert got == status(instrument, records, as_of)


def test_period_end_memo_survives_more_terms_than_it_keeps() -> None:
    """Past the kernel memo's size in distinct Term objects it is emptied, never wrong."""
    start = date(2024, 1, 31)
    kept = [Term(days=n) for n in range(1, _kernel._BY_ID.size * 2 + 2)]
    for term in kept + kept[:3] + [Term(days=1), Term(days=2)]:
        assert _kernel._end(start, term) == term.nominal_end(start, Convention.INCLUSIVE)


@settings(max_examples=300)
@given(
    st.lists(
        st.tuples(instruments(), histories(1), st.sampled_from(["list", "tuple", "iter"])),
        min_size=1,
        max_size=12,
    ),
    # The default policy (the inline rows) often, any other computable policy otherwise.
    st.just(Policy())
    | st.just(Policy(warning_days=0))
    | policies().filter(lambda p: p.align is not Alignment.PREVIOUS_WORKING_DAY),
    st.integers(-10, 900),
)
def test_statuses_inline_rows_agree_with_the_plain_path(
    rows: list[tuple[Instrument, list[Verification], object]], policy: Policy, later: int
) -> None:
    """The kernel's inline one-record rows (and the rows it hands to the rule) answer as the
    rule and as status, for any policy; a record after as_of is refused alike."""
    days = [h[0].on for _, h, _ in rows if h]
    as_of = (max(days) if days else date(2030, 1, 1)) + timedelta(days=later)
    pairs: list[tuple[Instrument, Any]] = []
    for instrument, history, shape in rows:
        if shape == "iter":
            pairs.append((instrument, iter(history)))
        elif shape == "list":
            pairs.append((instrument, list(history)))
        else:
            pairs.append((instrument, tuple(history)))
    try:
        streamed: object = list(statuses(pairs, as_of, policy=policy))
    except InvalidInputError as err:
        streamed = str(err)
    if later < 0 and any(on > as_of for on in days):
        assert isinstance(streamed, str)
        assert "].on must be on or before as_of" in streamed
        assert streamed.startswith("items[")
        return
    assert isinstance(streamed, list)
    for got, (instrument, history, _) in zip(streamed, rows, strict=True):
        _same(got, _plain_status(instrument, history, as_of, policy))
        _same(got, status(instrument, history, as_of, policy=policy))


def _report_or_error(make: Any) -> object:
    try:
        return make()
    except InvalidInputError as err:
        return ("error", err.field, str(err))


@settings(max_examples=300)
@given(
    st.lists(
        st.tuples(instruments(), histories(2), st.sampled_from(["list", "tuple"])),
        max_size=14,
    ),
    st.just(Policy())
    | st.just(Policy(warning_days=0))
    | policies().filter(lambda p: p.align is not Alignment.PREVIOUS_WORKING_DAY),
    st.integers(-10, 900),
    st.none() | st.integers(0, 400),
    st.integers(0, 5),
    st.none() | st.integers(0, 13),
)
def test_ledger_report_is_due_report_of_statuses(  # noqa: PLR0917 - the drawn values
    rows: list[tuple[Instrument, list[Verification], str]],
    policy: Policy,
    later: int,
    within: int | None,
    rejected: int,
    bad_at: int | None,
) -> None:
    """ledger_report skips building the statuses of current rows beyond the list: its report
    (due list, order, summary) and its errors are those of due_report over statuses."""
    days = [h[-1].on for _, h, _ in rows if h]
    as_of = (max(days) if days else date(2030, 1, 1)) + timedelta(days=later)
    pairs: list[Any] = [
        (instrument, list(history) if shape == "list" else tuple(history))
        for instrument, history, shape in rows
    ]
    if bad_at is not None and bad_at <= len(pairs):
        pairs.insert(bad_at, ("not an instrument", []))  # refused as items[bad_at].instrument
    fused = _report_or_error(
        lambda: ledger_report(pairs, as_of, policy=policy, within=within, rejected=rejected)
    )
    plain = _report_or_error(
        lambda: due_report(statuses(pairs, as_of, policy=policy), within=within, rejected=rejected)
    )
    assert fused == plain
    if not isinstance(fused, tuple):
        assert [id(s.last) for s in fused.due] == [id(s.last) for s in plain.due]  # type: ignore[attr-defined]


def test_ledger_report_checks_its_arguments_like_the_composition() -> None:
    row = (Instrument(id="S", name="秤", interval=Term(years=1)), [])
    for kwargs, field in (
        ({"as_of": "2026-01-01"}, "as_of"),
        ({"as_of": date(2026, 1, 1), "within": -1}, "within"),
        ({"as_of": date(2026, 1, 1), "rejected": True}, "rejected"),
        ({"as_of": date(2026, 1, 1), "policy": "default"}, "policy"),
    ):
        with pytest.raises(InvalidInputError) as caught:
            ledger_report([row], **kwargs)  # type: ignore[arg-type]
        assert caught.value.field == field
    with pytest.raises(InvalidInputError, match="items must be a list"):
        ledger_report("rows", date(2026, 1, 1))  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="items must be a list"):
        statuses("rows", date(2026, 1, 1))  # type: ignore[arg-type]  # at the call now


class _Sink(list):  # type: ignore[type-arg]
    def add(self, rejection: RowRejected) -> None:
        self.append(rejection)


_HOSTILE = st.sampled_from(
    [
        "not a pair",
        (1, 2, 3),
        ("S", []),
        (Instrument(id="H", name="秤", interval=Term(years=1)), "records"),
        (Instrument(id="H", name="秤", interval=Term(years=1)), ["2026-01-01"]),
        (Instrument(id="H", name="秤", interval=Term(years=1)), [None]),
        (
            Instrument(id="H", name="秤", interval=Term(years=1)),
            [Verification(on=date(2099, 1, 1), outcome="pass")],
        ),
    ]
)


@settings(max_examples=200)
@given(
    st.lists(
        st.one_of(st.tuples(instruments(), histories(2)), _HOSTILE),
        max_size=10,
    ),
    st.just(Policy()) | policies().filter(lambda p: p.align is not Alignment.PREVIOUS_WORKING_DAY),
    st.integers(0, 900),
)
def test_the_kernel_answers_as_the_rule_on_hostile_items(
    items: list[Any], policy: Policy, later: int
) -> None:
    """Good and hostile items mixed: without a sink the kernel stops at the rule's first error
    (named items[i]...); with one it reports each refused item and goes on, yielding the rule's
    answer for every other."""
    days = [h[-1].on for h in (i[1] for i in items if isinstance(i, tuple) and len(i) == 2)
            if isinstance(h, list) and h and isinstance(h[-1], Verification)
            and h[-1].on.year < 2099]  # fmt: skip
    as_of = (max(days) if days else date(2036, 1, 1)) + timedelta(days=later)
    expected = _plain_stream(items, as_of, policy)
    try:
        found: object = list(statuses(items, as_of, policy=policy))
    except InvalidInputError as err:
        found = (err.field, str(err.value), err.allowed)
    assert found == expected
    sink = _Sink()
    kept = list(statuses(items, as_of, policy=policy, rejects=sink))
    answers, refused = [], []
    for n, item in enumerate(items):
        one = _plain_stream([item], as_of, policy)
        if isinstance(one, tuple):
            refused.append((n + 1, f"items[{n}]" + one[0][len("items[0]") :], one[2]))
        else:
            answers += one  # type: ignore[operator]
    assert kept == answers
    assert [(r.line, r.field, r.reason) for r in sink] == refused
    report = ledger_report(items, as_of, policy=policy, rejects=_Sink())
    assert report.summary.rejected == len(refused)
    assert report.summary.read == len(items)
