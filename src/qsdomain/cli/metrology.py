"""``qsdomain metrology``: which instruments of a ledger are due, and should an interval change.

``metrology due FILE --as-of DATE`` reads a ledger (台账) of instruments and their verification
records from CSV or JSON, streams it through :func:`qsdomain.metrology.statuses` and
:func:`qsdomain.metrology.due_report`, and prints the due list and a summary; every rejected
row goes to standard error with its line and field, and the exit status is 1 when some were.
``metrology interval --method ...`` runs one interval-adjustment method and prints its audit
record. See docs/metrology.md ("On the command line").
"""

from __future__ import annotations

import argparse
import datetime
import gc
import itertools
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path

import attrs

from qsdomain import limits
from qsdomain.cli._arguments import Rejected, choice, iso_date, whole
from qsdomain.cli._family import Commands, Family
from qsdomain.cli._ledger import (
    Rejects,
    add_ledger_arguments,
    csv_text,
    exit_status,
    ledger_rows,
    objects,
    with_progress,
)
from qsdomain.cli._output import Reply, UsageError
from qsdomain.errors import InvalidInputError
from qsdomain.ledgers import Row, RowRejected
from qsdomain.metrology import (
    Instrument,
    InstrumentState,
    InstrumentStatus,
    IntervalDecision,
    IntervalTestResult,
    LedgerSummary,
    Policy,
    ReliabilityBin,
    Verification,
    due_report,
    exponential_adjustment,
    interval_test,
    s2_interval,
    simple_response_interval,
    staircase_interval,
    statuses,
)
from qsdomain.periods import Term

#: Nothing here is library API: the commands are the interface, FAMILY is read by the CLI.
__all__: list[str] = []

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

#: Longest interval a ledger cell may give, in months (100 years: far beyond any 检定周期).
_MAX_MONTHS = 1200


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
_INSTRUMENT_FIELDS = tuple(a.name for a in attrs.fields(Instrument))
#: Most distinct entries each memo of :class:`_Shapes` keeps (it is cleared when full).
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
        self.terms: dict[int, Term] = {}
        self.instruments: dict[tuple[str, ...], Instrument] = {}
        self.days: dict[str, date] = {}
        self.records: dict[tuple[date, str], Verification] = {}

    def term(self, months: int | None) -> Term | None:
        if months is None:
            return None
        term = self.terms.get(months)
        if term is None:
            if len(self.terms) >= _MEMO:
                self.terms.clear()
            term = self.terms[months] = Term(months=months)
        return term

    def record(self, on: date, outcome: str) -> Verification:
        key = (on, outcome)
        record = self.records.get(key)
        if record is None:
            if len(self.records) >= _MEMO:
                self.records.clear()
            record = self.records[key] = Verification(on=on, outcome=outcome)
        return record


def _with_id(template: Instrument, ident: str) -> Instrument:
    """``template`` (a checked Instrument) with another id, without checking the rest again.

    ``ident`` must already be what Instrument accepts for an id (a non-blank string of at most
    MAX_TEXT_LENGTH characters); every other field is the template's, already checked.
    """
    clone = object.__new__(Instrument)
    for name in _INSTRUMENT_FIELDS:
        object.__setattr__(clone, name, getattr(template, name))
    object.__setattr__(clone, "id", ident)
    return clone


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


def _builder(as_of: date) -> Callable[[Row], _Entry]:
    shapes = _Shapes()

    def build(row: Row) -> _Entry:
        fields = row.fields
        get = fields.get
        shape = tuple([get(name, "") for name in _SHAPE])
        template = shapes.instruments.get(shape)
        ident = get("id", "").strip()
        if template is None or not ident:
            instrument = _instrument(row, shapes)
            if len(shapes.instruments) >= _MEMO:
                shapes.instruments.clear()
            shapes.instruments[shape] = instrument
        else:
            instrument = _with_id(template, ident)
        text = get("verified_on", "")
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
                if len(shapes.days) >= _MEMO:
                    shapes.days.clear()
                shapes.days[text] = on  # only days on or before as_of are kept
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
        if not get("as_found") and not get("usage"):
            return _Entry(row.line, instrument, shapes.record(on, outcome))
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


def _reject(rejects: Rejects, line: int, field: str, value: object, reason: str) -> None:
    rejects.add(RowRejected(line, f"line {line}: {field}", str(value), reason))


def _histories(
    entries: Iterable[_Entry], rejects: Rejects
) -> Iterator[tuple[Instrument, list[Verification]]]:
    """Consecutive rows with one id become one instrument with its records in date order.

    A later row of the same instrument whose instrument columns differ, whose record comes
    before the previous one, or which has no record is rejected (never silently merged).
    """
    current: Instrument | None = None
    records: list[Verification] = []
    empty = False
    for entry in entries:
        instrument, record = entry.instrument, entry.record
        if current is not None and instrument.id == current.id:
            if instrument != current:
                _reject(
                    rejects,
                    entry.line,
                    "id",
                    instrument.id,
                    "the same instrument columns as the id's earlier rows",
                )
            elif record is None or empty:
                _reject(
                    rejects,
                    entry.line,
                    "verified_on",
                    "",
                    "a date (an instrument with records has no row without one)",
                )
            elif records and record.on < records[-1].on:
                _reject(
                    rejects,
                    entry.line,
                    "verified_on",
                    record.on.isoformat(),
                    f"on or after the previous record's day ({records[-1].on})",
                )
            else:
                records.append(record)
            continue
        if current is not None:
            yield current, records
        current, empty = instrument, record is None
        records = [] if record is None else [record]
    if current is not None:
        yield current, records


@attrs.frozen
class DueItem:
    """One line of the due list: the instrument, its state, dates and why."""

    id: str
    name: str
    state: InstrumentState
    valid_through: datetime.date | None
    due: datetime.date | None
    days_left: int | None
    reason: str


@attrs.frozen
class DueAnswer:
    """``metrology due``: the due list, the rows read and rejected, and the counts by state.

    ``summary`` counts instruments (``summary.read`` is the number of instruments whose
    status was computed); ``rows`` and ``rejected`` count rows of the file.
    """

    as_of: datetime.date
    within: int
    rows: int
    rejected: int
    due: tuple[DueItem, ...]
    summary: LedgerSummary


_DUE_COLUMNS = ("id", "name", "state", "valid_through", "due", "days_left", "reason")


def _width(text: str) -> int:
    """Columns ``text`` takes on a terminal (Chinese characters take two)."""
    if text.isascii():
        return len(text)
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _table(rows: Callable[[], Iterable[tuple[str, ...]]]) -> Iterator[str]:
    """The due list as a text table; ``rows`` is called twice (widths, then lines), so that
    a long list is never held as cells and lines at once."""
    header = tuple(_DUE_COLUMNS)
    widths = [_width(title) for title in header[:-1]]
    for r in rows():
        widths = [max(w, _width(c)) for w, c in zip(widths, r, strict=False)]
    for cells in itertools.chain([header], rows()):
        padded = [c + " " * (w - _width(c)) for c, w in zip(cells, widths, strict=False)]
        yield "  ".join([*padded, cells[-1]]).rstrip()


def _cells(st: InstrumentStatus, name: str) -> tuple[str, ...]:
    return (
        st.instrument_id,
        name,
        st.state.value,
        "" if st.valid_through is None else st.valid_through.isoformat(),
        "" if st.due is None else st.due.isoformat(),
        "" if st.days_left is None else str(st.days_left),
        st.reason,
    )


def _summary_line(answer: DueAnswer) -> str:
    s = answer.summary
    states = ", ".join(f"{getattr(s, state.value)} {state.value}" for state in InstrumentState)
    return (
        f"{answer.rows} rows read, {answer.rejected} rejected; "
        f"{s.read} instruments as of {answer.as_of}: {states}"
    )


def _due(args: argparse.Namespace) -> Reply:
    as_of: date = args.as_of
    within: int = args.within
    policy = Policy(warning_days=within, grace_days=args.grace)
    rejects = Rejects()
    counted = [0]

    def count(rows: Iterable[Row]) -> Iterator[Row]:
        for row in rows:
            counted[0] += 1
            yield row

    rows = ledger_rows(args.file, header_map=HEADERS, known=COLUMNS, required=REQUIRED)
    rows = iter(with_progress(count(rows), args.progress, what="instruments"))
    names: dict[str, str] = {}
    keep = (InstrumentState.CURRENT, InstrumentState.OUT_OF_SERVICE)

    def remember(
        pairs: Iterable[tuple[Instrument, list[Verification]]],
    ) -> Iterator[tuple[Instrument, list[Verification]]]:
        for instrument, records in pairs:
            names[instrument.id] = instrument.name
            yield instrument, records

    def forget(found: Iterable[InstrumentStatus]) -> Iterator[InstrumentStatus]:
        for st in found:
            if st.state in keep:  # never on the due list: its name is not needed
                names.pop(st.instrument_id, None)
            yield st

    pairs = remember(_histories(objects(rows, _builder(as_of), rejects), rejects))
    # The objects of a ledger form no reference cycles; the cyclic collector would only
    # rescan the growing due list again and again (about a third of the run time).
    collecting = gc.isenabled()
    gc.disable()
    try:
        report = due_report(forget(statuses(pairs, as_of, policy=policy)))
    finally:
        if collecting:
            gc.enable()
    due_list = report.due

    def rows_of() -> Iterator[tuple[str, ...]]:
        return (_cells(st, names.get(st.instrument_id, "")) for st in due_list)

    # The record is what --json prints; text and CSV are written straight from the statuses,
    # so a long due list is not also held as a tuple of items.
    items = (
        tuple(
            DueItem(
                st.instrument_id,
                names.get(st.instrument_id, ""),
                st.state,
                st.valid_through,
                st.due,
                st.days_left,
                st.reason,
            )
            for st in due_list
        )
        if args.json
        else ()
    )
    answer = DueAnswer(as_of, within, counted[0], rejects.count, items, report.summary)
    rejects.report()
    if args.csv:
        text = csv_text(_DUE_COLUMNS, rows_of())
    else:
        lines = _table(rows_of) if due_list else iter(["nothing is due"])
        text = "\n".join(itertools.chain(lines, [_summary_line(answer)]))
    return Reply(answer, text, exit_status(rejects))


# -- interval ------------------------------------------------------------------------------------

_NUMBER = re.compile(r"[0-9]{1,18}(?:\.[0-9]{1,18})?|\.[0-9]{1,18}")
_BIN = re.compile(r"([^:]+):([^:]+):([^:]+)")
METHODS = ("a3", "exponential", "staircase", "a1", "s2")


def _number(field: str) -> Callable[[str], float]:
    """A plain decimal number (no sign, exponent, NaN or infinity); the library checks range."""

    def parse(text: str) -> float:
        if not _NUMBER.fullmatch(text):
            raise Rejected(InvalidInputError(field, text, "a decimal number such as 0.9 or 365"))
        return float(text)

    return parse


def _bin(text: str) -> ReliabilityBin:
    found = _BIN.fullmatch(text)
    allowed = "T:N:X (days, number calibrated, number in tolerance), such as 180:40:36"
    if not found:
        raise Rejected(InvalidInputError("--bin", text, allowed))
    try:
        time = _number("--bin")(found[1])
        calibrated = whole("--bin", 1)(found[2])
        good = whole("--bin", 0)(found[3])
        return ReliabilityBin(time, calibrated, good)
    except Rejected:
        raise Rejected(InvalidInputError("--bin", text, allowed)) from None
    except InvalidInputError as err:
        raise Rejected(InvalidInputError("--bin", text, err.allowed)) from None


def _bins_file(path: str) -> list[ReliabilityBin]:
    """Bins from a CSV file with columns time, calibrated, in_tolerance (one bin per row)."""
    bins: list[ReliabilityBin] = []
    known = ("time", "calibrated", "in_tolerance")
    with Path(path).open(encoding="utf-8-sig", newline="") as fh:
        from qsdomain.ledgers import read_csv  # noqa: PLC0415 - only this option reads files

        for row in read_csv(fh, known=known, required=known):
            time = row.number("time") or 0.0
            calibrated = row.whole("calibrated", low=1) or 0
            good = row.whole("in_tolerance", low=0) or 0
            try:
                bins.append(ReliabilityBin(time, calibrated, good))
            except InvalidInputError as err:
                raise InvalidInputError(
                    f"line {row.line}: {err.field}", err.value, err.allowed
                ) from None
            if len(bins) > limits.MAX_METROLOGY_RECORDS:
                raise InvalidInputError(
                    "--bins", path, f"at most {limits.MAX_METROLOGY_RECORDS} bins"
                )
    return bins


def _need(args: argparse.Namespace, method: str, *names: str) -> None:
    missing = [f"--{n.replace('_', '-')}" for n in names if getattr(args, n) is None]
    if missing:
        raise UsageError(
            f"metrology interval: --method {method} needs {', '.join(missing)}", missing[0]
        )


def _decision_lines(d: IntervalDecision) -> list[str]:
    cap = "none" if d.cap_days is None else f"{d.cap_days:g} days"
    capped = " (capped)" if d.capped else ""
    return [
        f"new interval: {d.new_interval_days:g} days{capped} (was {d.current_days:g} days)",
        f"method: {d.method.value} ({d.source})",
        "inputs: " + ", ".join(f"{k}={v:g}" for k, v in d.inputs.items()),
        "parameters: " + (", ".join(f"{k}={v:g}" for k, v in d.parameters.items()) or "none"),
        f"proposed: {d.proposed_days:g} days; cap: {cap}",
        f"reason: {d.reason}",
    ]


def _interval(args: argparse.Namespace) -> Reply:
    method: str = args.method
    result: IntervalDecision | IntervalTestResult
    if method == "s2":
        bins = list(args.bin or [])
        if args.bins is not None:
            bins += _bins_file(args.bins)
        if not bins:
            raise UsageError("metrology interval: --method s2 needs --bin or --bins", "--bin")
        _need(args, method, "target")
        result = s2_interval(
            bins,
            args.target,
            model=args.model,
            current_days=args.current_days,
            cap_days=args.cap_days,
        )
    else:
        _need(args, method, "current_days")
        if method == "a3":
            _need(args, method, "in_tolerance", "total", "target")
            optional = {
                name: getattr(args, name)
                for name in ("confidence", "max_change", "min_days", "max_days")
                if getattr(args, name) is not None
            }
            result = interval_test(
                args.current_days,
                args.in_tolerance,
                args.total,
                args.target,
                cap_days=args.cap_days,
                **optional,
            )
        elif method == "exponential":
            _need(args, method, "in_tolerance", "total", "target")
            result = exponential_adjustment(
                args.current_days,
                args.in_tolerance,
                args.total,
                args.target,
                max_change=2.0 if args.max_change is None else args.max_change,
                cap_days=args.cap_days,
            )
        elif method == "staircase":
            _need(args, method, "as_found", "extend_factor", "reduce_factor")
            result = staircase_interval(
                args.current_days,
                args.as_found,
                extend_factor=args.extend_factor,
                reduce_factor=args.reduce_factor,
                band=0.8 if args.band is None else args.band,
                min_days=args.min_days,
                max_days=args.max_days,
                cap_days=args.cap_days,
            )
        else:  # a1
            _need(args, method, "result", "target", "extension")
            result = simple_response_interval(
                args.current_days,
                args.result == "in",
                args.target,
                extension=args.extension,
                min_days=args.min_days,
                max_days=args.max_days,
                cap_days=args.cap_days,
            )
    if isinstance(result, IntervalTestResult):
        lines = [
            f"interval test: observed {result.observed:.4f}, confidence {result.confidence:.4f}"
            f" (threshold {result.threshold:g}): "
            f"{'rejected' if result.rejected else 'not rejected'}, {result.direction}",
            *_decision_lines(result.decision),
        ]
    else:
        lines = _decision_lines(result)
    return Reply(result, "\n".join(lines))


def _register(commands: Commands) -> None:
    p = commands.add(
        "due", "the due list and a summary of a ledger of instruments (台账) on a day", _due
    )
    add_ledger_arguments(p)
    p.add_argument(
        "--as-of",
        required=True,
        type=iso_date("--as-of"),
        metavar="DATE",
        help="the day asked about, YYYY-MM-DD (required: never today by default)",
    )
    p.add_argument(
        "--within",
        type=whole("--within", 0, limits.MAX_METROLOGY_POLICY_DAYS),
        default=30,
        metavar="DAYS",
        help="the due-soon window: days up to and including the due date (default 30)",
    )
    p.add_argument(
        "--grace",
        type=whole("--grace", 0, limits.MAX_METROLOGY_POLICY_DAYS),
        default=0,
        metavar="DAYS",
        help="days after the due date counted as grace, not overdue (default 0)",
    )
    p = commands.add("interval", "one interval-adjustment method and its audit record", _interval)
    p.add_argument(
        "--method",
        required=True,
        type=choice("--method", METHODS),
        metavar="METHOD",
        help="a3 (RP-1 interval test), exponential, staircase (ILAC-G24 method 1), "
        "a1 (RP-1 simple response) or s2 (reliability model fitted to binned history)",
    )
    numbers = {
        "--current-days": "the current interval in days",
        "--target": "the reliability target R*, such as 0.9",
        "--confidence": "a3: the confidence for rejecting the interval (default 0.5)",
        "--max-change": "a3, exponential: the largest factor of change (default 2)",
        "--min-days": "a3, staircase, a1: the shortest interval allowed",
        "--max-days": "a3, staircase, a1: the longest interval allowed",
        "--cap-days": "the statutory maximum in days (the record says whether it applied)",
        "--as-found": "staircase: the as-found error as a fraction of MPE (1.2 is 1.2 x MPE)",
        "--extend-factor": "staircase: the factor after a result inside the band",
        "--reduce-factor": "staircase: the factor after an out-of-tolerance result",
        "--band": "staircase: the band as a fraction of MPE (default 0.8)",
        "--extension": "a1: the extension a (I <- I(1 + a) after an in-tolerance result)",
    }
    for option, text in numbers.items():
        p.add_argument(option, type=_number(option), metavar="X", help=text)
    for option, text in (
        ("--in-tolerance", "a3, exponential: results in tolerance"),
        ("--total", "a3, exponential: results in all"),
    ):
        p.add_argument(option, type=whole(option, 0), metavar="N", help=text)
    p.add_argument(
        "--result",
        type=choice("--result", ("in", "out")),
        metavar="in|out",
        help="a1: the last result in or out of tolerance",
    )
    p.add_argument(
        "--bin",
        type=_bin,
        action="append",
        metavar="T:N:X",
        help="s2: one bin: resubmission time in days, number calibrated, number in tolerance "
        "(repeat the option)",
    )
    p.add_argument(
        "--bins",
        metavar="FILE",
        help="s2: a CSV file of bins with columns time, calibrated, in_tolerance",
    )
    p.add_argument(
        "--model",
        type=choice("--model", ("exponential", "weibull")),
        default="weibull",
        help="s2: the reliability model fitted (default weibull)",
    )


FAMILY = Family("metrology", "instruments due for verification, and interval adjustment", _register)
