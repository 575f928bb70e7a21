"""Reading a metrology ledger (台账) for ``qsdomain metrology due``: columns, rows, histories.

The canonical columns (:data:`COLUMNS`) and their Chinese headers (:data:`HEADERS`), the cell
texts of each choice column, the row builder that turns a ledger row into an instrument and its
verification record (sharing what rows have in common, see :class:`_Shapes`), and
:func:`histories`, which makes the rows of one id (together in the file) one instrument's
history, rejecting a repeated or scattered row.
Shared by ``qsdomain metrology due`` (:mod:`qsdomain.cli.metrology`) and the desk.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import date

import attrs

from qsdomain import limits
from qsdomain._memo import Memo
from qsdomain.errors import InvalidInputError
from qsdomain.ledgers import Row, RowRejected
from qsdomain.metrology import Instrument, Verification
from qsdomain.periods import Term
from qsdomain.rejects import RejectSink

#: The names the metrology command uses (the module is private: these are shared, not API).
__all__ = [
    "COLUMNS",
    "HEADERS",
    "OUTCOMES",
    "REGIMES",
    "REQUIRED",
    "SCHEMES",
    "SUPERVISIONS",
    "builder",
    "histories",
]

# -- the ledger's columns ------------------------------------------------------------------------

#: The canonical column names of a metrology ledger (CSV header or JSON key).
COLUMNS = (
    "id",
    "name",
    "category",
    "interval_months",
    "verified_on",
    "outcome",
    "as_found",
    "usage",
    "supervision",
    "scheme",
    "regime",
    "max_interval_months",
    "usage_limit",
)
#: The columns a ledger must have.
REQUIRED = ("id", "name", "interval_months", "verified_on", "outcome")

#: Chinese headers a ledger may use instead of the canonical names (docs/metrology.md).
HEADERS = {
    "编号": "id",
    "器具编号": "id",
    "出厂编号": "id",
    "名称": "name",
    "器具名称": "name",
    "类别": "category",
    "器具类别": "category",
    "检定周期(月)": "interval_months",
    "检定周期（月）": "interval_months",
    "校准间隔(月)": "interval_months",
    "校准间隔（月）": "interval_months",
    "检定日期": "verified_on",
    "校准日期": "verified_on",
    "检定结论": "outcome",
    "校准结论": "outcome",
    "示值误差/MPE": "as_found",
    "使用量": "usage",
    "监管方式": "supervision",
    "检定方式": "scheme",
    "检定/校准": "regime",
    "最长周期(月)": "max_interval_months",
    "最长周期（月）": "max_interval_months",
    "使用限额": "usage_limit",
}

#: The cell texts of each choice column (English value or Chinese term) and their values.
OUTCOMES = {
    "pass": "pass",
    "合格": "pass",
    "fail": "fail",
    "不合格": "fail",
    "adjusted": "adjusted",
    "调修后合格": "adjusted",
    "scrapped": "scrapped",
    "报废": "scrapped",
}
SUPERVISIONS = {
    "type_approval": "type_approval",
    "型式批准": "type_approval",
    "verification": "verification",
    "强制检定": "verification",
    "type_approval_and_verification": "type_approval_and_verification",
    "型式批准、强制检定": "type_approval_and_verification",
    "none": "none",
    "非强制": "none",
}
SCHEMES = {
    "periodic": "periodic",
    "周期检定": "periodic",
    "first_only_scrap": "first_only_scrap",
    "失准报废": "first_only_scrap",
    "fixed_life": "fixed_life",
    "到期轮换": "fixed_life",
}
REGIMES = {
    "verification": "verification",
    "检定": "verification",
    "calibration": "calibration",
    "校准": "calibration",
}

_MAX_MONTHS = limits.MAX_METROLOGY_INTERVAL_MONTHS


@attrs.frozen
class _Entry:
    """One ledger row made into objects: the instrument and its record (``None``: none yet)."""

    line: int
    instrument: Instrument
    record: Verification | None


#: The columns an instrument is made of, apart from its id (the key of a shared template).
_SHAPE = (
    "name",
    "interval_months",
    "category",
    "supervision",
    "scheme",
    "regime",
    "max_interval_months",
    "usage_limit",
)
_NO_CELLS = ("",) * len(_SHAPE)
#: Most distinct entries each memo of :class:`_Shapes` keeps (:class:`qsdomain._memo.Memo`).
_MEMO = 1 << 16


class _Shapes:
    """What rows share, read and checked once: one Term per month count, one Instrument
    template per combination of the non-id columns, one date per date text, one Verification
    per (day, outcome) when the row has nothing else.

    A ledger of a million rows has a few dozen distinct shapes; the first row of each goes
    through the typed readers and the Instrument constructor, the others reuse the checked
    values (frozen, equal by value, so sharing them changes no answer and no error message:
    anything not found in a memo takes the checked path)."""

    def __init__(self) -> None:
        self.terms: Memo[int, Term] = Memo(_MEMO)
        self.instruments: Memo[tuple[str, ...], Instrument] = Memo(_MEMO)
        self.days: Memo[str, date] = Memo(_MEMO)
        self.records: Memo[tuple[date, str], Verification] = Memo(_MEMO)
        #: The record of a (verified_on, outcome) pair of cell texts, for rows with nothing
        #: else in their record columns: one look-up instead of reading the two cells.
        self.cells: Memo[tuple[str, str], Verification] = Memo(_MEMO)

    def term(self, months: int | None) -> Term | None:
        if months is None:
            return None
        term = self.terms.get(months)
        if term is None:
            term = self.terms.put(months, Term(months=months))
        return term

    def record(self, on: date, outcome: str) -> Verification:
        key = (on, outcome)
        record = self.records.get(key)
        if record is None:
            record = self.records.put(key, Verification(on=on, outcome=outcome))
        return record


def _instrument(row: Row, shapes: _Shapes) -> Instrument:
    """The row's instrument, every cell read through the typed readers (errors name it)."""
    fields = row.fields
    months = row.whole("interval_months", low=1, high=_MAX_MONTHS, required=False)
    most = (
        row.whole("max_interval_months", low=1, high=_MAX_MONTHS, required=False)
        if fields.get("max_interval_months")
        else None
    )
    limit = row.number("usage_limit", required=False) if fields.get("usage_limit") else None
    try:
        return Instrument(
            id=row.text("id") or "",
            name=row.text("name") or "",
            interval=shapes.term(months),
            category=row.text("category", required=False) if fields.get("category") else None,
            supervision=(
                row.choice("supervision", SUPERVISIONS, required=False)
                if fields.get("supervision")
                else None
            ),
            scheme=(row.choice("scheme", SCHEMES, required=False) or "periodic")
            if fields.get("scheme")
            else "periodic",
            regime=(row.choice("regime", REGIMES, required=False) or "verification")
            if fields.get("regime")
            else "verification",
            max_interval=shapes.term(most),
            usage_limit=limit,
        )
    except InvalidInputError as err:
        if err.field.startswith("line "):
            raise
        field = err.field.removeprefix("instrument.")
        raise InvalidInputError(f"line {row.line}: {field}", err.value, err.allowed) from None


def _shaped(row: Row, shapes: _Shapes) -> Instrument:
    """The row's instrument: a clone of the checked template of its shape, or read afresh."""
    get = row.fields.get
    shape = tuple(map(get, _SHAPE, _NO_CELLS))  # get(name, "") for each, without a frame
    template = shapes.instruments.get(shape)
    ident = get("id", "").strip()
    if template is None or not ident:
        return shapes.instruments.put(shape, _instrument(row, shapes))
    try:
        return template.with_id(ident)
    except InvalidInputError:  # the row's own reading names its line and field
        return _instrument(row, shapes)


def builder(as_of: date) -> Callable[[Row], _Entry]:
    shapes = _Shapes()

    def build(row: Row) -> _Entry:
        get = row.fields.get
        instrument = _shaped(row, shapes)
        text = get("verified_on", "")
        cells = (text, get("outcome", ""))
        plain = not get("as_found") and not get("usage")
        if plain:
            known = shapes.cells.get(cells)
            if known is not None:
                return _Entry(row.line, instrument, known)
        on = shapes.days.get(text)
        if on is None:
            on = row.date("verified_on", required=False)
            if on is not None:
                if on > as_of:
                    raise InvalidInputError(
                        f"line {row.line}: verified_on",
                        on.isoformat(),
                        f"on or before --as-of {as_of}",
                    )
                shapes.days.put(text, on)  # only days on or before as_of are kept
        outcome = OUTCOMES.get(get("outcome", "")) if on is not None else None
        if outcome is None:
            outcome = row.choice("outcome", OUTCOMES, required=on is not None)
        if on is None:
            if outcome is not None:
                raise InvalidInputError(
                    f"line {row.line}: verified_on", "", "a date when an outcome is given"
                )
            return _Entry(row.line, instrument, None)
        assert outcome is not None  # required (and so returned) when there is a date
        if plain:
            record = shapes.cells.put(cells, shapes.record(on, outcome))  # cells checked above
            return _Entry(row.line, instrument, record)
        as_found = row.number("as_found", required=False)
        usage = row.number("usage", required=False)
        try:
            record = Verification(on=on, outcome=outcome, as_found=as_found, usage=usage)
        except InvalidInputError as err:
            raise InvalidInputError(
                f"line {row.line}: {err.field.removeprefix('verification.')}",
                err.value,
                err.allowed,
            ) from None
        return _Entry(row.line, instrument, record)

    return build


def _reject(rejects: RejectSink, line: int, field: str, value: object, reason: str) -> None:
    rejects.add(RowRejected(line, f"line {line}: {field}", str(value), reason))


def histories(
    entries: Iterable[_Entry], rejects: RejectSink
) -> Iterator[tuple[Instrument, list[Verification]]]:
    """The rows of each id become one instrument with its records in the file's order.

    One rule for ``metrology due`` and ``desk import`` (issue #18 items 3 and 7). The rows of
    one instrument must be together in the file and its records in date order (records of one
    day in the order they happened: a failure before the adjustment that passed it); a row is
    rejected, never silently merged, when

    * its id's rows began earlier in the file and another instrument's rows came between
      (rows of one instrument must be together: the message names the line where they began);
    * its instrument columns (name, interval, category ...) differ from the id's first row;
    * it repeats an earlier row's instrument, day and outcome (one row per verification, even
      a verbatim copy: a doubled export row is reported, not counted as loaded twice);
    * its record comes before the previous one's day, or it has no record while the id has.

    The ids whose rows are done are remembered (one dict entry per instrument) so that a
    later row of one of them is caught; grouping them instead would hold the whole ledger.
    """
    current: Instrument | None = None
    first = 0
    records: list[Verification] = []
    lines: list[int] = []
    empty = False
    done: dict[str, int] = {}
    for entry in entries:
        instrument, record, line = entry.instrument, entry.record, entry.line
        ident = instrument.id
        if current is not None and ident == current.id:
            if instrument != current:
                _reject(
                    rejects,
                    line,
                    "id",
                    ident,
                    f"the instrument columns (name, interval, category ...) of line {first},"
                    " where this id's rows began",
                )
            elif record is None or empty:
                _reject(
                    rejects,
                    line,
                    "verified_on",
                    "",
                    "a date (an instrument with records has no row without one)",
                )
            elif records and record.on < records[-1].on:
                _reject(
                    rejects,
                    line,
                    "verified_on",
                    record.on.isoformat(),
                    f"on or after the previous record's day ({records[-1].on})",
                )
            elif (
                records
                and record.on == records[-1].on
                and (repeated := _repeated(record, records, lines))
            ):
                _reject(
                    rejects,
                    line,
                    "verified_on",
                    f"{record.on.isoformat()} {record.outcome.value}",
                    f"a row not repeating line {repeated}'s instrument, day and outcome "
                    f"({ident}, {record.on}, {record.outcome.value}): one row per verification",
                )
            else:
                records.append(record)
                lines.append(line)
            continue
        began = done.get(ident)
        if began is not None:
            if current is not None:  # the instrument before this row is done
                yield current, records
                done[current.id] = first
                current, records, lines = None, [], []
            _reject(
                rejects,
                line,
                "id",
                ident,
                f"an id whose rows are together (its rows began at line {began}; another "
                "instrument's rows came between)",
            )
            continue
        if current is not None:
            yield current, records
            done[current.id] = first
        current, empty, first = instrument, record is None, line
        records = [] if record is None else [record]
        lines = [] if record is None else [line]
    if current is not None:
        yield current, records


def _repeated(record: Verification, records: list[Verification], lines: list[int]) -> int:
    """The line of an earlier record of ``record``'s day with its outcome (0: none)."""
    for earlier, line in zip(reversed(records), reversed(lines), strict=True):
        if earlier.on != record.on:
            return 0
        if earlier.outcome is record.outcome:
            return line
    return 0
