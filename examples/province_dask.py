"""Province scale beyond one process: the ledgers as Parquet, statuses computed on Dask.

Run ``python examples/province_dask.py LEDGER_DIR --as-of 2026-11-27 --workers 2`` on a
directory written by ``examples/make_bureau.py`` (needs the ``dask`` extra:
``pip install 'qsdomain[dask]'``). It

1. exports the metrology ledger and the licence register with its events to Parquet
   (:func:`export`): typed columns (dates as ``date32``, intervals as integers, the Chinese
   cell texts as the library's values), the instruments cut into parts of about
   ``--rows-per-part`` rows at an instrument's boundary (an instrument's records are never
   split), the licences and their events into ``--licence-parts`` parts by a hash of the
   licence number (a licence and its events land in the same part);
2. starts a :class:`distributed.LocalCluster` with ``--workers`` worker processes and, part by
   part on the workers, builds the domain objects with the public constructors
   (:class:`~qsdomain.metrology.Instrument`, :class:`~qsdomain.metrology.Verification`,
   :class:`~qsdomain.periods.Term`, :class:`~qsdomain.licensing.Licence` and the licence
   events) and streams them through :func:`qsdomain.metrology.statuses` and
   :func:`qsdomain.licensing.statuses` (:func:`run`);
3. prints the instruments and licences per state, the due list (instruments due soon, in
   grace or overdue, most urgent first) and the renewals to file, and with ``--compare``
   runs the same part functions in this one process without Dask (:func:`run_single`) and
   says whether the answers are equal (they are: the same functions on the same parts).

Licence renewal deadlines run into next year, which the bundled calendar may not cover yet:
``--provisional-until`` (default: the end of the year after ``--as-of``) extends it by the
statutory-holiday rule, as the command line's and the desk's provisional policy does.
"""

from __future__ import annotations

import argparse
import time
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from qsdomain.calendars import china
from qsdomain.licensing import (
    Cancelled,
    Changed,
    Licence,
    LicenceEvent,
    RenewalApplied,
    RenewalRefused,
    Renewed,
    Revoked,
    Suspended,
    Withdrawn,
)
from qsdomain.licensing import statuses as licence_statuses
from qsdomain.metrology import Instrument, Verification
from qsdomain.metrology import statuses as instrument_statuses
from qsdomain.periods import Term

# -- the Parquet export --------------------------------------------------------------------------

#: The metrology ledger's Chinese headers (as make_bureau writes them) and the column names.
INSTRUMENT_COLUMNS = {
    "器具编号": "id",
    "器具名称": "name",
    "器具类别": "category",
    "检定周期(月)": "interval_months",
    "检定日期": "verified_on",
    "检定结论": "outcome",
    "监管方式": "supervision",
    "检定方式": "scheme",
    "检定/校准": "regime",
}
#: Cell texts of the choice columns and the library's values (docs/metrology.md).
VALUES = {
    "outcome": {"合格": "pass", "不合格": "fail", "调修后合格": "adjusted", "报废": "scrapped"},
    "supervision": {
        "型式批准": "type_approval",
        "强制检定": "verification",
        "型式批准、强制检定": "type_approval_and_verification",
        "非强制": "none",
    },
    "scheme": {"周期检定": "periodic", "失准报废": "first_only_scrap", "到期轮换": "fixed_life"},
    "regime": {"检定": "verification", "校准": "calibration"},
}
_DATES = ("verified_on", "issued", "valid_until", "on", "until")


def _read_options(path: Path, types: dict[str, pa.DataType]) -> pacsv.ConvertOptions:
    """Every column a string (an empty cell ""), except ``types``; an empty typed cell null."""
    with path.open(encoding="utf-8-sig") as stream:
        header = stream.readline().rstrip("\n").split(",")
    column_types = {name: types.get(name, pa.string()) for name in header}
    return pacsv.ConvertOptions(column_types=column_types, strings_can_be_null=False)


def _values(column: pa.ChunkedArray | pa.Array, mapping: dict[str, str]) -> pa.Array:
    """``column``'s cell texts as values (an empty cell stays empty; the rest must be known)."""
    encoded = pc.dictionary_encode(column)
    chunks = encoded.chunks if isinstance(encoded, pa.ChunkedArray) else [encoded]
    out = []
    for chunk in chunks:
        words = [mapping.get(text, text) if text else "" for text in chunk.dictionary.to_pylist()]
        out.append(pa.DictionaryArray.from_arrays(chunk.indices, pa.array(words, pa.string())))
    return pa.chunked_array(out, pa.dictionary(pa.int32(), pa.string())).cast(pa.string())


def _typed_instruments(batch: pa.RecordBatch) -> pa.Table:
    table = pa.Table.from_batches([batch]).rename_columns(
        [INSTRUMENT_COLUMNS.get(name, name) for name in batch.schema.names]
    )
    for name, mapping in VALUES.items():
        if name in table.column_names:
            index = table.column_names.index(name)
            table = table.set_column(index, name, _values(table.column(name), mapping))
    return table


def _last_start(table: pa.Table) -> int:
    """Where the rows of ``table``'s last instrument begin (they may go on in the next batch)."""
    ids = table.column("id")
    last = ids[-1].as_py()
    k = len(table) - 1
    while k > 0 and ids[k - 1].as_py() == last:
        k -= 1
    return k


def _export_instruments(source: Path, target: Path, rows_per_part: int) -> int:
    """Stream the ledger into parts of about ``rows_per_part`` rows; return the parts written."""
    target.mkdir(parents=True, exist_ok=True)
    types = {"检定周期(月)": pa.int32(), "检定日期": pa.date32()}
    reader = pacsv.open_csv(
        source,
        read_options=pacsv.ReadOptions(block_size=4 << 20),
        convert_options=_read_options(source, types),
    )
    parts, pending, held = 0, [], 0
    for batch in reader:
        if batch.num_rows == 0:
            continue
        pending.append(_typed_instruments(batch))
        held += batch.num_rows
        if held >= rows_per_part:
            table = pa.concat_tables(pending)
            cut = _last_start(table)
            if cut == 0:  # one instrument fills the buffer: keep reading
                continue
            pq.write_table(table.slice(0, cut), target / f"part-{parts:05d}.parquet")
            parts += 1
            pending, held = [table.slice(cut)], len(table) - cut
    if held:
        pq.write_table(pa.concat_tables(pending), target / f"part-{parts:05d}.parquet")
        parts += 1
    return parts


def _buckets(numbers: pa.ChunkedArray, parts: int) -> pa.Array:
    """Each licence number's part: a CRC-32 of its UTF-8 bytes, modulo ``parts`` (stable)."""
    return pa.array([zlib.crc32(n.encode("utf-8")) % parts for n in numbers.to_pylist()])


def _export_by_number(source: Path, target: Path, parts: int, types: dict[str, Any]) -> None:
    target.mkdir(parents=True, exist_ok=True)
    table = pacsv.read_csv(source, convert_options=_read_options(source, types))
    bucket = _buckets(table.column("number"), parts)
    for part in range(parts):
        chosen = table.filter(pc.equal(bucket, part))
        pq.write_table(chosen, target / f"part-{part:05d}.parquet")


def export(
    ledger_dir: Path | str,
    parquet_dir: Path | str,
    *,
    rows_per_part: int = 100_000,
    licence_parts: int = 4,
) -> dict[str, int]:
    """Write ``instruments/``, ``licences/`` and ``licence-events/`` part files; return counts.

    The instrument ledger is streamed (a few blocks in memory at a time); the licence files
    are read whole (a province's register is a few hundred thousand rows).
    """
    source, target = Path(ledger_dir), Path(parquet_dir)
    made = {
        "instruments": _export_instruments(
            source / "instruments.csv", target / "instruments", rows_per_part
        )
    }
    date_types = {"issued": pa.date32(), "valid_until": pa.date32()}
    _export_by_number(source / "licences.csv", target / "licences", licence_parts, date_types)
    event_types = {"on": pa.date32(), "until": pa.date32(), "valid_until": pa.date32()}
    _export_by_number(
        source / "licence-events.csv", target / "licence-events", licence_parts, event_types
    )
    made["licences"] = made["licence-events"] = licence_parts
    return made


def parts(parquet_dir: Path | str, name: str) -> list[str]:
    """The part files of one table, in order."""
    return sorted(str(p) for p in (Path(parquet_dir) / name).glob("part-*.parquet"))


# -- one part's statuses (the same function with and without Dask) --------------------------------

INSTRUMENT_FIELDS = ("id", "state", "valid_through", "due", "days_left")
LICENCE_FIELDS = ("number", "state", "expires", "renewal_due", "days_left")


def _frame(rows: list[tuple[object, ...]], fields: Sequence[str]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=list(fields))
    types = dict.fromkeys(fields, "string") | {"days_left": "Int64"}
    return frame.astype(types)


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def _histories(table: pa.Table) -> Iterator[tuple[Instrument, list[Verification]]]:
    """Each instrument of a part with its records (consecutive rows of one id)."""
    column = {name: table.column(name).to_pylist() for name in table.column_names}
    ids, names, months = column["id"], column["name"], column["interval_months"]
    days, outcomes = column["verified_on"], column["outcome"]
    terms: dict[int, Term] = {}
    instrument: Instrument | None = None
    records: list[Verification] = []
    for i, ident in enumerate(ids):
        if instrument is None or ident != instrument.id:
            if instrument is not None:
                yield instrument, records
            n = months[i]
            if n is not None and n not in terms:
                terms[n] = Term(months=n)
            instrument = Instrument(
                id=ident,
                name=names[i],
                interval=None if n is None else terms[n],
                category=column["category"][i] or None,
                supervision=column["supervision"][i] or None,
                scheme=column["scheme"][i] or "periodic",
                regime=column["regime"][i] or "verification",
            )
            records = []
        if days[i] is not None:
            records.append(Verification(on=days[i], outcome=outcomes[i]))
    if instrument is not None:
        yield instrument, records


def instrument_part(path: str, as_of: date) -> pd.DataFrame:
    """The status of every instrument of one part file, as a frame of INSTRUMENT_FIELDS."""
    rows = [
        (s.id, s.state.value, _iso(s.valid_through), _iso(s.due), s.days_left)
        for s in instrument_statuses(_histories(pq.read_table(path)), as_of)
    ]
    return _frame(rows, INSTRUMENT_FIELDS)


def _event(row: dict[str, Any]) -> LicenceEvent:
    """One row of the events file as an event (the English codes make_bureau writes)."""
    kind, on, note = row["event"], row["on"], row["note"]
    if kind == "suspended":
        return Suspended(on=on, until=row["until"], note=note)
    if kind == "renewed":
        return Renewed(on=on, valid_until=row["valid_until"], note=note)
    simple = {
        "renewal_applied": RenewalApplied,
        "renewal_refused": RenewalRefused,
        "changed": Changed,
        "revoked": Revoked,
        "withdrawn": Withdrawn,
        "cancelled": Cancelled,
    }
    return simple[kind](on=on, note=note)


def licence_part(
    licence_path: str, events_path: str, as_of: date, provisional_until: date
) -> pd.DataFrame:
    """The status of every licence of one part (with its events), a frame of LICENCE_FIELDS."""
    events: dict[str, list[tuple[date, int, LicenceEvent]]] = {}
    for i, row in enumerate(pq.read_table(events_path).to_pylist()):
        events.setdefault(row["number"], []).append((row["on"], i, _event(row)))
    calendar = china().extended(until=provisional_until, rule="statutory")

    def items() -> Iterator[tuple[Licence, list[LicenceEvent]]]:
        for row in pq.read_table(licence_path).to_pylist():
            licence = Licence(
                kind=row["kind"],
                number=row["number"],
                holder=row["holder"],
                issued=row["issued"],
                valid_until=row["valid_until"],
                scope=row["scope"],
            )
            history = sorted(events.get(licence.number, []), key=lambda e: (e[0], e[1]))
            yield licence, [event for _, _, event in history]

    rows = [
        (s.id, s.state.value, _iso(s.expires), _iso(s.renewal_due), s.days_left)
        for s in licence_statuses(items(), as_of, calendar=calendar)
    ]
    return _frame(rows, LICENCE_FIELDS)


# -- the answer ------------------------------------------------------------------------------------

#: Instrument states on the due list, and licence states whose renewal must be filed.
DUE_STATES = ("due_soon", "grace", "overdue")
FILE_STATES = ("renewal_due_soon", "renewal_overdue")


@dataclass(frozen=True)
class Answer:
    """Counts per state, the due list and the renewals to file (and, if asked, every status).

    ``due``: (id, state, due, days_left) of the instruments due soon, in grace or overdue,
    most urgent first; ``renewals``: (number, state, renewal_due, days_left) of the licences
    whose renewal is due soon or overdue, by filing deadline; ``instruments`` and
    ``licences``: every status, sorted, when ``everything`` was asked for.
    """

    instrument_states: tuple[tuple[str, int], ...]
    licence_states: tuple[tuple[str, int], ...]
    due: tuple[tuple[str, str, str, int], ...]
    renewals: tuple[tuple[str, str, str, int], ...]
    instruments: tuple[tuple[object, ...], ...] = ()
    licences: tuple[tuple[object, ...], ...] = ()


def _counts(counts: pd.Series) -> tuple[tuple[str, int], ...]:
    return tuple(sorted((str(state), int(n)) for state, n in counts.items()))


def _rows(frame: pd.DataFrame) -> tuple[tuple[object, ...], ...]:
    cells = frame.astype(object).where(frame.notna(), None)
    return tuple(sorted(tuple(row) for row in cells.itertuples(index=False)))


def _answer(
    instrument_counts: pd.Series,
    licence_counts: pd.Series,
    due: pd.DataFrame,
    renewals: pd.DataFrame,
    everything: tuple[pd.DataFrame, pd.DataFrame] | None,
) -> Answer:
    due_rows = sorted(
        (str(r.id), str(r.state), str(r.due), int(r.days_left)) for r in due.itertuples(index=False)
    )
    due_rows.sort(key=lambda r: (r[3], r[0]))
    file_rows = sorted(
        (str(r.number), str(r.state), str(r.renewal_due), int(r.days_left))
        for r in renewals.itertuples(index=False)
    )
    file_rows.sort(key=lambda r: (r[2], r[0]))
    instruments, licences = ((), ()) if everything is None else map(_rows, everything)
    return Answer(
        _counts(instrument_counts),
        _counts(licence_counts),
        tuple(due_rows),
        tuple(file_rows),
        tuple(instruments),
        tuple(licences),
    )


def _until(as_of: date, provisional_until: date | None) -> date:
    return date(as_of.year + 1, 12, 31) if provisional_until is None else provisional_until


def run(
    parquet_dir: Path | str,
    as_of: date,
    *,
    workers: int = 2,
    processes: bool = True,
    provisional_until: date | None = None,
    everything: bool = False,
    timeout: float | None = None,
) -> Answer:
    """The statuses of every part, computed on a LocalCluster of ``workers`` workers.

    ``processes=False`` runs the workers as threads of this process (no worker start-up,
    but the GIL lets only one of them compute at a time). ``timeout``: seconds to wait for
    each result before giving up (``None``: no limit).
    """
    import dask.dataframe as dd  # noqa: PLC0415 - the dask extra, only needed here
    from distributed import Client, LocalCluster  # noqa: PLC0415

    until = _until(as_of, provisional_until)
    files = parts(parquet_dir, "instruments")
    registers = parts(parquet_dir, "licences"), parts(parquet_dir, "licence-events")
    # worker processes talk over TCP on the loopback address only; threads need no network
    where = {"host": "127.0.0.1"} if processes else {}
    with (
        LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=processes,
            dashboard_address=None,
            **where,
        ) as cluster,
        Client(cluster) as client,
    ):
        if processes:  # the workers import this file as a module, as the part functions' home
            client.upload_file(__file__)
        instruments = dd.from_map(
            instrument_part, files, as_of=as_of, meta=_frame([], INSTRUMENT_FIELDS)
        )
        licences = dd.from_map(
            licence_part,
            *registers,
            as_of=as_of,
            provisional_until=until,
            meta=_frame([], LICENCE_FIELDS),
        )
        wanted = [
            instruments["state"].value_counts(split_out=1),
            licences["state"].value_counts(split_out=1),
            instruments[instruments["state"].isin(DUE_STATES)],
            licences[licences["state"].isin(FILE_STATES)],
        ]
        if everything:
            wanted += [instruments, licences]
        found = [future.result(timeout=timeout) for future in client.compute(wanted)]
    return _answer(*found[:4], (found[4], found[5]) if everything else None)


def run_single(
    parquet_dir: Path | str,
    as_of: date,
    *,
    provisional_until: date | None = None,
    everything: bool = False,
) -> Answer:
    """The same part functions, one part after another in this process, without Dask."""
    until = _until(as_of, provisional_until)
    instruments = pd.concat(
        [instrument_part(path, as_of) for path in parts(parquet_dir, "instruments")],
        ignore_index=True,
    )
    registers = zip(
        parts(parquet_dir, "licences"), parts(parquet_dir, "licence-events"), strict=True
    )
    licences = pd.concat(
        [licence_part(register, log, as_of, until) for register, log in registers],
        ignore_index=True,
    )
    return _answer(
        instruments["state"].value_counts(),
        licences["state"].value_counts(),
        instruments[instruments["state"].isin(DUE_STATES)],
        licences[licences["state"].isin(FILE_STATES)],
        (instruments, licences) if everything else None,
    )


def _show(answer: Answer, took: float, how: str, shown: int) -> None:
    print(f"{how}: {took:.1f} s")
    for family, counts in (
        ("instruments", answer.instrument_states),
        ("licences", answer.licence_states),
    ):
        total = sum(n for _, n in counts)
        print(f"  {family} ({total:,}): " + ", ".join(f"{s} {n:,}" for s, n in counts))
    print(f"  due list: {len(answer.due):,} instruments; the first {min(shown, len(answer.due))}:")
    for ident, state, due, days in answer.due[:shown]:
        print(f"    {ident:<12} {state:<9} {due} {days:>5}")
    print(f"  renewals to file: {len(answer.renewals):,}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("ledger_dir", metavar="LEDGER_DIR", help="make_bureau.py's output")
    parser.add_argument("--as-of", type=date.fromisoformat, required=True, metavar="DATE")
    parser.add_argument("--workers", type=int, default=2, help="worker processes (default 2)")
    parser.add_argument("--threads", action="store_true", help="threads instead of processes")
    parser.add_argument("--parquet", help="where to export (default LEDGER_DIR/parquet)")
    parser.add_argument("--rows-per-part", type=int, default=100_000, metavar="N")
    parser.add_argument("--licence-parts", type=int, default=4, metavar="N")
    parser.add_argument("--provisional-until", type=date.fromisoformat, metavar="DATE")
    parser.add_argument("--compare", action="store_true", help="also run without Dask")
    parser.add_argument("--show", type=int, default=10, metavar="N", help="due rows to print")
    args = parser.parse_args(argv)
    target = Path(args.parquet or Path(args.ledger_dir) / "parquet")
    started = time.perf_counter()
    made = export(
        args.ledger_dir,
        target,
        rows_per_part=args.rows_per_part,
        licence_parts=args.licence_parts,
    )
    print(f"exported to {target} in {time.perf_counter() - started:.1f} s: {made}")
    started = time.perf_counter()
    answer = run(
        target,
        args.as_of,
        workers=args.workers,
        processes=not args.threads,
        provisional_until=args.provisional_until,
    )
    _show(answer, time.perf_counter() - started, f"dask, {args.workers} workers", args.show)
    if args.compare:
        started = time.perf_counter()
        single = run_single(target, args.as_of, provisional_until=args.provisional_until)
        _show(single, time.perf_counter() - started, "one process, no dask", args.show)
        print("equal" if single == answer else "DIFFERENT")
        return 0 if single == answer else 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
