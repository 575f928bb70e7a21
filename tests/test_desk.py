"""The desk: schema and migrations, import with nothing lost, the report against the families."""

from __future__ import annotations

import csv
import json
import shutil
import sqlite3
from collections import Counter
from collections.abc import Iterator
from datetime import date, datetime, timezone
from pathlib import Path

import attrs
import pytest

from qsdomain import licensing, metrology
from qsdomain.calendars import china
from qsdomain.cli import main
from qsdomain.desk import (
    ActionItem,
    Desk,
    Family,
    ImportRejectedError,
    Report,
    Section,
    StateTotal,
    default_calendar,
)
from qsdomain.desk import _import as desk_import
from qsdomain.desk._schema import MIGRATIONS, SCHEMA_VERSION, migrate, version_of
from qsdomain.errors import InvalidInputError, QSDomainError
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
from qsdomain.metrology import Instrument, Verification
from qsdomain.periods import Term
from qsdomain.serialization import from_json, to_json
from test_make_bureau import load

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "examples" / "data"
AS_OF = date(2026, 11, 27)
#: The example ledgers, in the order they import (make_bureau writes them).
FILES: tuple[str, ...] = load("make_bureau").FILES


def dump(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, sorted: what "the database is unchanged" compares."""
    conn = sqlite3.connect(path)
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {n: sorted(conn.execute(f"SELECT * FROM {n}").fetchall(), key=repr) for n in names}
    finally:
        conn.close()


@pytest.fixture
def bureau(tmp_path: Path) -> Iterator[Desk]:
    """A desk with every bundled example ledger imported."""
    with Desk.create(tmp_path / "bureau.sqlite") as desk:
        for name in FILES:
            summary = desk.import_file(DATA / name)
            assert summary.complete, summary
        yield desk


@pytest.fixture
def report(bureau: Desk) -> Report:
    return bureau.report(as_of=AS_OF)


# -- schema ---------------------------------------------------------------------------------------


def test_create_makes_the_current_schema_and_refuses_an_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "b.sqlite"
    with Desk.create(path) as desk:
        assert desk.schema_version == SCHEMA_VERSION
        assert set(desk.counts()) >= {"instruments", "licences", "case_events", "lots"}
    with pytest.raises(InvalidInputError, match="a new file"):
        Desk.create(path)


def test_migrations_run_once_and_in_order() -> None:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    assert version_of(conn) == 0
    assert migrate(conn) == SCHEMA_VERSION
    assert migrate(conn) == SCHEMA_VERSION  # a second run applies nothing
    versions = [r[0] for r in conn.execute("SELECT version FROM schema_version")]
    assert versions == [m[0] for m in MIGRATIONS]


def test_a_newer_schema_and_a_foreign_database_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "b.sqlite"
    Desk.create(path).close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO schema_version VALUES (?, 'from the future')", (SCHEMA_VERSION + 1,))
    conn.commit()
    conn.close()
    with pytest.raises(InvalidInputError, match="upgrade qsdomain"):
        Desk(path)
    other = tmp_path / "other.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    with pytest.raises(InvalidInputError, match="no schema_version"):
        Desk(other)
    (tmp_path / "text.sqlite").write_text("not a database", encoding="utf-8")
    with pytest.raises(InvalidInputError, match="SQLite"):
        Desk(tmp_path / "text.sqlite")
    with pytest.raises(InvalidInputError, match="existing desk"):
        Desk(tmp_path / "missing.sqlite")


def test_the_schema_checks_what_the_domain_closes(tmp_path: Path) -> None:
    path = tmp_path / "b.sqlite"
    Desk.create(path).close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("INSERT INTO instruments (id, name, interval_months) VALUES ('A', '秤', 12)")
    bad = [
        "INSERT INTO verifications VALUES ('A', '2026-01-01', 0, 'ok', NULL, NULL)",
        "INSERT INTO verifications VALUES ('A', '2026/01/01', 0, 'pass', NULL, NULL)",
        "INSERT INTO verifications VALUES ('B', '2026-01-01', 0, 'pass', NULL, NULL)",
        "INSERT INTO verifications VALUES ('A', '2026-01-01', -1, 'pass', NULL, NULL)",
        "INSERT INTO instruments (id, name, interval_months) VALUES ('C', '秤', 0)",
        "INSERT INTO licences VALUES ('X', 'food_production', '某厂', '2026-01-01',"
        " '2025-01-01', '')",
        "INSERT INTO lots VALUES ('L', 'p', '2026-01-01', 1, '1.5', 'II', 0)",
    ]
    for sql in bad:
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute(sql)
    conn.close()


# -- import ---------------------------------------------------------------------------------------


def test_every_example_ledger_imports_whole(tmp_path: Path) -> None:
    with Desk.create(tmp_path / "b.sqlite") as desk:
        tables = [desk.import_file(DATA / name).table for name in FILES]
        assert tables == [
            "instruments",
            "licences",
            "licence_events",
            "service_items",
            "cases",
            "lots",
        ]
        counts = desk.counts()
    with (DATA / "licences.csv").open(encoding="utf-8") as f:
        assert counts["licences"] == sum(1 for _ in csv.DictReader(f))
    with (DATA / "lots.csv").open(encoding="utf-8") as f:
        assert counts["lots"] == sum(1 for _ in csv.DictReader(f))


def test_reimport_is_idempotent(tmp_path: Path, bureau: Desk) -> None:
    before = dump(Path(bureau.path))
    for name in FILES:
        bureau.import_file(DATA / name)
    assert dump(Path(bureau.path)) == before


BAD_LEDGER = (
    "\ufeff器具编号,器具名称,检定周期(月),检定日期,检定结论\n"
    "JL-1,电子计价秤,12,2025-12-01,合格\n"  # line 2: good
    "JL-2,电子计价秤,12,2025-13-01,合格\n"  # line 3: no such day
    "JL-3,加油机,6,2026-06-01,合格\n"  # line 4: good
    "JL-4,加油机,6,2026-06-01,优秀\n"  # line 5: no such outcome
    "JL-5,血压计,,2026-03-01,合格\n"  # line 6: no interval (a periodic instrument needs one)
    "JL-6,血压计,12,2026-03-01,合格\n"  # line 7: good
)


def test_keep_going_loads_exactly_the_good_rows_and_writes_exactly_the_bad(
    tmp_path: Path,
) -> None:
    ledger = tmp_path / "instruments.csv"
    ledger.write_text(BAD_LEDGER, encoding="utf-8")
    rejects = tmp_path / "rejects.csv"
    with Desk.create(tmp_path / "b.sqlite") as desk:
        summary = desk.import_file(ledger, keep_going=True, rejects=rejects)
        assert (summary.read, summary.loaded, summary.rejected) == (6, 3, 3)
    ids = [r[0] for r in dump(tmp_path / "b.sqlite")["instruments"]]
    assert ids == ["JL-1", "JL-3", "JL-6"]
    with rejects.open(encoding="utf-8") as f:
        written = list(csv.DictReader(f))
    assert [(r["line"], r["field"], r["value"]) for r in written] == [
        ("3", "line 3: verified_on", "2025-13-01"),
        ("5", "line 5: outcome", "优秀"),
        ("6", "line 6: interval", "None"),
    ]
    assert all(r["reason"] for r in written)


def test_without_keep_going_a_bad_row_writes_nothing(tmp_path: Path) -> None:
    ledger = tmp_path / "instruments.csv"
    ledger.write_text(BAD_LEDGER, encoding="utf-8")
    path = tmp_path / "b.sqlite"
    with Desk.create(path) as desk:
        desk.import_file(DATA / "licences.csv")
        before = dump(path)
        with pytest.raises(ImportRejectedError, match=r"line 3: verified_on") as caught:
            desk.import_file(ledger)
        assert isinstance(caught.value, ValueError)
        assert dump(path) == before


def test_an_import_killed_mid_file_leaves_the_database_as_before(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "b.sqlite"
    with Desk.create(path) as desk:
        desk.import_file(DATA / "licences.csv")
        before = dump(path)
        real = desk_import._rows

        def dying(name: str, table: str, *rest: object) -> Iterator[object]:
            for n, row in enumerate(real(name, table, *rest)):
                if n == 12:  # after two batches would have been written, were it not atomic
                    raise KeyboardInterrupt
                yield row

        monkeypatch.setattr(desk_import, "_BATCH", 5)
        monkeypatch.setattr(desk_import, "_rows", dying)
        with pytest.raises(KeyboardInterrupt):
            desk.import_file(DATA / "instruments.csv")
        assert dump(path) == before
        monkeypatch.undo()
        assert desk.import_file(DATA / "instruments.csv").complete  # the desk still works


def test_the_table_is_found_from_the_columns_or_refused(tmp_path: Path) -> None:
    odd = tmp_path / "odd.csv"
    odd.write_text("foo,bar\n1,2\n", encoding="utf-8")
    with Desk.create(tmp_path / "b.sqlite") as desk:
        with pytest.raises(InvalidInputError, match="columns name one ledger"):
            desk.import_file(odd)
        with pytest.raises(InvalidInputError, match="one of instruments"):
            desk.import_file(odd, table="people")
        with pytest.raises(InvalidInputError, match="existing ledger file"):
            desk.import_file(tmp_path / "missing.csv")
        # the right table given explicitly still checks the columns
        with pytest.raises(QSDomainError):
            desk.import_file(odd, table="lots")


def test_events_need_their_licence_and_cases_their_items(tmp_path: Path) -> None:
    with Desk.create(tmp_path / "b.sqlite") as desk:
        with pytest.raises(ImportRejectedError, match="import the licences first"):
            desk.import_file(DATA / "licence-events.csv")
        with pytest.raises(InvalidInputError, match=r"import service_items\.json first"):
            desk.import_file(DATA / "cases.csv")
        assert desk.counts()["licence_events"] == 0


def test_json_ledgers_import_like_csv(tmp_path: Path) -> None:
    ledger = tmp_path / "lots.json"
    ledger.write_text(
        '[{"lot_id": "L1", "received": "2026-10-01", "product": "管件", "lot_size": "2000",'
        ' "aql": "1.5", "nonconforming_found": "2"}]',
        encoding="utf-8",
    )
    with Desk.create(tmp_path / "b.sqlite") as desk:
        summary = desk.import_file(ledger)
        assert (summary.table, summary.loaded) == ("lots", 1)


def test_a_case_in_a_later_file_replaces_its_stored_events(tmp_path: Path) -> None:
    with Desk.create(tmp_path / "b.sqlite") as desk:
        desk.import_file(DATA / "service_items.json")
        rows = (DATA / "cases.csv").read_text(encoding="utf-8").splitlines()
        first = rows[1].split(",")[0]
        mine = [rows[0]] + [r for r in rows[1:] if r.startswith(first + ",")]
        partial = tmp_path / "partial.csv"
        partial.write_text("\n".join(mine[:2]) + "\n", encoding="utf-8")
        desk.import_file(partial)
        assert desk.counts()["case_events"] == 1
        whole = tmp_path / "whole.csv"
        whole.write_text("\n".join(mine) + "\n", encoding="utf-8")
        desk.import_file(whole)
        assert desk.counts()["case_events"] == len(mine) - 1


# -- the report -----------------------------------------------------------------------------------

_EVENTS = {
    "renewal_applied": RenewalApplied,
    "renewal_refused": RenewalRefused,
    "changed": Changed,
    "revoked": Revoked,
    "withdrawn": Withdrawn,
    "cancelled": Cancelled,
}


def _direct_licences() -> dict[str, licensing.LicenceStatus]:
    """Every example licence's status computed straight from the CSV files, no desk."""
    events: dict[str, list[LicenceEvent]] = {}
    with (DATA / "licence-events.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            on = date.fromisoformat(row["on"])
            event: LicenceEvent
            if row["event"] == "suspended":
                event = Suspended(on=on, until=date.fromisoformat(row["until"]), note=row["note"])
            elif row["event"] == "renewed":
                valid = date.fromisoformat(row["valid_until"]) if row["valid_until"] else None
                event = Renewed(on=on, valid_until=valid, note=row["note"])
            else:
                event = _EVENTS[row["event"]](on=on, note=row["note"])
            events.setdefault(row["number"], []).append(event)
    cal = china().extended(until=date(2029, 12, 31), rule="statutory")
    found = {}
    with (DATA / "licences.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            lic = Licence(
                kind=row["kind"],
                number=row["number"],
                holder=row["holder"],
                issued=date.fromisoformat(row["issued"]),
                valid_until=date.fromisoformat(row["valid_until"]) if row["valid_until"] else None,
                scope=row["scope"],
            )
            history = sorted(events.get(lic.number, []), key=lambda e: e.on)
            found[lic.number] = licensing.status(lic, history, AS_OF, calendar=cal)
    return found


def test_licensing_section_agrees_with_the_family_called_directly(report: Report) -> None:
    direct = _direct_licences()
    section = report.section(Family.LICENSING)
    assert section.read == len(direct)
    assert dict(Counter(st.state.value for st in direct.values())) == {
        t.state: t.count for t in section.totals
    }
    for item in section.items:
        st = direct[item.key]
        assert item.name == st.holder
        assert item.reason == st.reason
        assert (item.due, item.days_left) == (st.due, st.days_left)


def _direct_instruments() -> dict[str, metrology.InstrumentStatus]:
    """Every example instrument's status straight from the CSV (public constructors only)."""
    outcomes = {"合格": "pass", "不合格": "fail", "调修后合格": "adjusted", "报废": "scrapped"}
    schemes = {"周期检定": "periodic", "失准报废": "first_only_scrap", "到期轮换": "fixed_life"}
    supervisions = {
        "型式批准": "type_approval",
        "强制检定": "verification",
        "型式批准、强制检定": "type_approval_and_verification",
        "非强制": "none",
    }
    ledger: dict[str, tuple[Instrument, list[Verification]]] = {}
    with (DATA / "instruments.csv").open(encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            ident = row["器具编号"]
            if ident not in ledger:
                months = row["检定周期(月)"]
                ledger[ident] = (
                    Instrument(
                        id=ident,
                        name=row["器具名称"],
                        category=row["器具类别"] or None,
                        interval=Term(months=int(months)) if months else None,
                        supervision=supervisions.get(row["监管方式"]),
                        scheme=schemes.get(row["检定方式"], "periodic"),
                    ),
                    [],
                )
            if row["检定日期"]:
                ledger[ident][1].append(
                    Verification(
                        on=date.fromisoformat(row["检定日期"]), outcome=outcomes[row["检定结论"]]
                    )
                )
    return {i: metrology.status(inst, recs, AS_OF) for i, (inst, recs) in ledger.items()}


def test_metrology_section_agrees_with_the_family_called_directly(report: Report) -> None:
    direct = _direct_instruments()
    section = report.section("metrology")
    assert dict(Counter(st.state.value for st in direct.values())) == {
        t.state: t.count for t in section.totals
    }
    for item in section.items:
        st = direct[item.key]
        assert (item.state, item.due, item.days_left, item.reason) == (
            st.state.value,
            st.due,
            st.days_left,
            st.reason,
        )
    listed = {i.key for i in section.items}
    for key, st in direct.items():
        needs = st.state.value in ("overdue", "never_verified", "grace", "due_soon") or (
            st.state.value == "current" and st.days_left is not None and st.days_left <= 30
        )
        assert (key in listed) == needs, key


def test_items_are_most_urgent_first(report: Report) -> None:
    metro = report.section("metrology").items
    late = [i.days_left for i in metro if i.state == "overdue"]
    assert late == sorted(late)
    cases = report.section("commitments").items
    order = {"breached": 0, "warning": 1}
    keys = [(order[i.state], i.due) for i in cases]
    assert keys == sorted(keys)


def test_commitments_section_agrees_with_the_command_reading_the_csv(
    report: Report, capsys: pytest.CaptureFixture[str]
) -> None:
    """The cases went through SQLite; ``commitments status`` reads the CSV file directly."""
    argv = ["commitments", "status", str(DATA / "cases.csv"), "--as-of", AS_OF.isoformat()]
    argv += ["--items", str(DATA / "service_items.json"), "--json"]
    assert main(argv) == 0
    answer = json.loads(capsys.readouterr().out)
    section = report.section("commitments")
    assert section.read == answer["cases"]
    expected = [
        (c["id"], c["committed"]["state"], c["committed"]["due"], c["provisional"])
        for c in answer["worklist"]
        if c["committed"]["state"] in ("breached", "warning")
    ]
    got = [(i.key, i.state, str(i.due), i.provisional) for i in section.items]
    assert got == expected
    assert section.total("breached") == sum(1 for e in expected if e[1] == "breached")


def test_sampling_section_replays_the_switching_rules(report: Report) -> None:
    section = report.section(Family.SAMPLING)
    (line,) = section.lines
    assert line.lots == 12
    assert line.not_accepted == section.total("not_accepted") == 2
    states = [i.state for i in section.items]
    assert "to_tightened" in states
    assert "to_normal" in states


def test_a_history_the_family_refuses_is_reported_not_dropped(tmp_path: Path) -> None:
    path = tmp_path / "b.sqlite"
    with Desk.create(path) as desk:
        desk.import_file(DATA / "licences.csv")
    conn = sqlite3.connect(path)
    # renewed twice on one day with no filing between: the lifecycle fold refuses it
    number = conn.execute("SELECT number FROM licences LIMIT 1").fetchone()[0]
    conn.execute(
        "INSERT INTO licence_events (number, event, on_day, seq)"
        " VALUES (?, 'revoked', '2026-01-05', 0), (?, 'renewed', '2026-01-06', 0)",
        (number, number),
    )
    conn.commit()
    conn.close()
    with Desk(path) as desk:
        section = desk.report(as_of=AS_OF).section("licensing")
    refused = [i for i in section.items if i.state == "refused"]
    assert [i.key for i in refused] == [number]
    assert "refused" in refused[0].reason
    assert section.total("refused") == 1
    assert section.read == 20


def test_answers_past_the_official_calendar_are_marked_provisional(tmp_path: Path) -> None:
    path = tmp_path / "b.sqlite"
    with Desk.create(path) as desk:
        desk.import_file(DATA / "service_items.json")
        cases = tmp_path / "cases.csv"
        cases.write_text(
            "case,item,event,at\n"
            "C-1,XK-GYCP,received,2026-12-20T09:00:00+08:00\n"
            "C-1,XK-GYCP,accepted,2026-12-21T09:00:00+08:00\n",
            encoding="utf-8",
        )
        desk.import_file(cases)
        late = desk.report(as_of=date(2027, 2, 20)).section("commitments")
        early = desk.report(as_of=date(2026, 12, 22)).section("commitments")
    assert late.items
    assert all(i.provisional for i in late.items)
    assert early.total("on_track") == 1


def test_the_report_round_trips_through_the_converter(report: Report) -> None:
    assert from_json(to_json(report), Report) == report


def test_report_refuses_bad_arguments(bureau: Desk) -> None:
    with pytest.raises(InvalidInputError, match="as_of"):
        bureau.report(as_of=datetime(2026, 11, 27, tzinfo=timezone.utc))  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="within"):
        bureau.report(as_of=AS_OF, within=-1)
    with pytest.raises(InvalidInputError, match="calendar"):
        bureau.report(as_of=AS_OF, calendar="china")  # type: ignore[arg-type]


def test_weekly_workload_counts_items_due_in_each_week(report: Report) -> None:
    for section in report.sections[:3]:
        assert len(section.workload) == 12
        assert section.workload[0].week_of <= AS_OF < section.workload[1].week_of
    metro = report.section("metrology")
    due_soon = [i for i in metro.items if i.due is not None and i.due >= AS_OF]
    horizon = metro.workload[-1].week_of
    assert sum(w.count for w in metro.workload) >= sum(
        1 for i in due_soon if i.due is not None and i.due < horizon
    )


def test_a_copied_database_reports_the_same(tmp_path: Path, bureau: Desk, report: Report) -> None:
    copy = tmp_path / "copy.sqlite"
    shutil.copy(bureau.path, copy)
    with Desk(copy) as desk:
        assert desk.report(as_of=AS_OF) == report


def test_every_item_is_what_the_checked_constructor_makes(report: Report) -> None:
    """The desk builds items without re-running the converters; they must be valid anyway."""
    for section in report.sections:
        for item in section.items:
            assert ActionItem(**attrs.asdict(item, recurse=False)) == item


def test_a_line_discontinued_under_clause_9_4_stops_inspecting(tmp_path: Path) -> None:
    """Two lots not accepted on normal switch to tightened (9.3.1); five not accepted on
    tightened discontinue inspection (9.4); the lot after that is listed as not inspected."""
    ledger = tmp_path / "lots.csv"
    rows = ["lot_id,received,product,lot_size,aql,nonconforming_found"]
    rows += [f"B{i:02d},2026-10-{i + 1:02d},线缆,2000,1.5,10" for i in range(8)]
    ledger.write_text("\n".join(rows) + "\n", encoding="utf-8")
    with Desk.create(tmp_path / "b.sqlite") as desk:
        desk.import_file(ledger)
        section = desk.report(as_of=AS_OF).section("sampling")
    (line,) = section.lines
    assert (line.severity, line.lots, line.not_accepted, line.last_lot) == (
        "discontinued",
        7,
        7,
        "B07",
    )
    assert section.total("not_inspected") == 1
    assert section.items[0].key == "B07"
    assert section.items[0].state == "not_inspected"
    assert "9.4" in section.items[0].reason
    states = [(i.key, i.state) for i in section.items if i.state.startswith("to_")]
    assert states == [("B06", "to_discontinued"), ("B01", "to_tightened")]


def test_a_failure_and_its_adjustment_on_one_day_read_in_that_order(tmp_path: Path) -> None:
    """The table keeps a day's records in outcome order (adjusted < fail); the report must
    read the failure first, then the adjustment that passed the instrument."""
    ledger = tmp_path / "instruments.csv"
    ledger.write_text(
        "id,name,interval_months,verified_on,outcome\n"
        "A-1,电子计价秤,12,2026-06-01,fail\n"
        "A-1,电子计价秤,12,2026-06-01,adjusted\n",
        encoding="utf-8",
    )
    with Desk.create(tmp_path / "b.sqlite") as desk:
        desk.import_file(ledger)
        section = desk.report(as_of=AS_OF).section("metrology")
    direct = metrology.status(
        Instrument(id="A-1", name="电子计价秤", interval=Term(months=12)),
        [
            Verification(on=date(2026, 6, 1), outcome="fail"),
            Verification(on=date(2026, 6, 1), outcome="adjusted"),
        ],
        AS_OF,
    )
    assert direct.state.value == "current"
    assert section.total("current") == 1


def test_a_document_with_cases_is_refused_not_half_read(tmp_path: Path) -> None:
    document = tmp_path / "document.json"
    items = json.loads((DATA / "service_items.json").read_text(encoding="utf-8"))["items"]
    document.write_text(
        json.dumps({"items": items, "cases": [{"id": "C1"}]}, ensure_ascii=False),
        encoding="utf-8",
    )
    with Desk.create(tmp_path / "b.sqlite") as desk:
        with pytest.raises(InvalidInputError, match="cases must be none"):
            desk.import_file(document)
        assert desk.counts()["service_items"] == 0


def test_every_section_is_what_the_checked_constructor_makes(report: Report) -> None:
    """The desk builds sections without re-running their checks (trusted_section); each must
    pass them anyway: every item of the section's family, each state counted once."""
    assert [s.family for s in report.sections] == list(Family)
    assert all(s.items for s in report.sections)
    for section in report.sections:
        assert Section(**attrs.asdict(section, recurse=False)) == section
        assert section.read == sum(t.count for t in section.totals)


def _lot(key: str, family: str = "sampling") -> ActionItem:
    return ActionItem(family=family, key=key, name="管件", state="not_accepted", due=None,
                      days_left=None, reason="lot not accepted")  # fmt: skip


def test_a_section_refuses_an_item_of_another_family() -> None:
    """Regression: a metrology item in the sampling section was accepted (and rendered there)."""
    items = [_lot("L1"), _lot("L2"), _lot("L3"), _lot("JL-1", family="metrology")]
    with pytest.raises(InvalidInputError, match="'sampling' \\(the section's family\\)") as caught:
        Section(family="sampling", read=0, items=items, totals=(), workload=())
    assert (caught.value.field, caught.value.value) == ("section.items[3].family", "metrology")
    text = to_json(Section(family="sampling", read=0, items=items[:3], totals=(), workload=()))
    with pytest.raises(QSDomainError, match=r"^\$\.items\[0\]\.family must be 'sampling'"):
        from_json(text.replace('"family": "sampling", "key"', '"family": "licensing", "key"', 1),
                  Section)  # fmt: skip


def test_a_section_refuses_a_state_counted_twice() -> None:
    """Regression: two totals for one state were accepted and total() answered the first."""
    totals = [StateTotal(state="accepted", count=3), StateTotal(state="not_accepted", count=1),
              StateTotal(state="accepted", count=2)]  # fmt: skip
    with pytest.raises(InvalidInputError, match="each once") as caught:
        Section(family="sampling", read=6, items=(), totals=totals, workload=())
    assert (caught.value.field, caught.value.value) == ("section.totals[2].state", "accepted")


# -- #18 item 16: a far --as-of ------------------------------------------------------------------


@pytest.mark.parametrize("year", [2058, 2061, 2401, 5000, 9989])
def test_an_empty_desk_answers_any_far_as_of(tmp_path: Path, year: int) -> None:
    """Regression: past about 2057 the default calendar's three-year extension went past the
    statutory rule's festival table (refused), and past about 2400 past MAX_CALENDAR_DAYS (an
    error naming until/back_to, not as_of)."""
    with Desk.create(tmp_path / "b.sqlite") as desk:
        report = desk.report(date(year, 1, 1))
    assert all(not section.items for section in report.sections)


def test_a_desk_whose_rows_need_no_far_calendar_answers_a_far_as_of(tmp_path: Path) -> None:
    with Desk.create(tmp_path / "b.sqlite") as desk:
        for name in ("instruments.csv", "licences.csv", "lots.csv"):
            desk.import_file(DATA / name)
        report = desk.report(date(2500, 1, 1))
    assert all(item.state != "refused" for s in report.sections for item in s.items)


def test_an_as_of_past_the_last_reportable_day_names_as_of_and_the_range(tmp_path: Path) -> None:
    """Regression: 9999-12-31 was an OverflowError from the weekly workload."""
    with Desk.create(tmp_path / "b.sqlite") as desk, pytest.raises(InvalidInputError) as err:
        desk.report(date(9999, 12, 31))
    assert err.value.field == "as_of"
    assert "a day from 0001-01-01 to 9989-09-30" in err.value.allowed


def test_default_calendar_stops_where_the_statutory_rule_stops() -> None:
    assert default_calendar(date(2500, 1, 1)).coverage.last == date(2060, 12, 31)
    assert default_calendar(date(2026, 11, 27)).coverage.last == date(2029, 11, 29)
