"""``examples/province_dask.py``: on a two-worker LocalCluster, the same statuses as one process
and as the command line, over 100,000 generated instrument rows (issue #12 part 5)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest

from qsdomain.cli import main

pytest.importorskip("dask.dataframe", reason="needs the dask extra")
pytest.importorskip("distributed", reason="needs the dask extra")
pq = pytest.importorskip("pyarrow.parquet", reason="needs the dask extra")

from test_make_bureau import load  # noqa: E402 - after the extra is known to be there

AS_OF = date(2026, 11, 27)
INSTRUMENTS = 51_000  # about two records each: just over 100,000 rows
LICENCES = 2_000


@pytest.fixture(scope="module")
def dask_example() -> ModuleType:
    return load("province_dask")


@pytest.fixture(scope="module")
def ledgers(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, int]:
    """(ledger dir, parquet dir, instrument rows): the ledgers and their Parquet export."""
    bureau = load("make_bureau")
    out = tmp_path_factory.mktemp("province")
    sizes = bureau.Sizes(instruments=INSTRUMENTS, licences=LICENCES, cases=0, lots=0)
    rows = bureau.generate(out, seed=12, sizes=sizes)["instruments.csv"]
    parquet = out / "parquet"
    load("province_dask").export(out, parquet, rows_per_part=25_000, licence_parts=3)
    return out, parquet, rows


def test_the_export_keeps_each_instrument_in_one_part(
    dask_example: ModuleType, ledgers: tuple[Path, Path, int]
) -> None:
    _, parquet, rows = ledgers
    assert rows >= 100_000
    files = dask_example.parts(parquet, "instruments")
    assert len(files) >= 4
    seen: set[str] = set()
    total = 0
    for path in files:
        ids = pq.read_table(path, columns=["id"]).column("id").to_pylist()
        total += len(ids)
        assert seen.isdisjoint(ids)
        seen.update(ids)
    assert (total, len(seen)) == (rows, INSTRUMENTS)


def test_dask_on_two_worker_processes_equals_one_process(
    dask_example: ModuleType, ledgers: tuple[Path, Path, int]
) -> None:
    _, parquet, _ = ledgers
    on_dask = dask_example.run(
        parquet, AS_OF, workers=2, processes=True, everything=True, timeout=120
    )
    alone = dask_example.run_single(parquet, AS_OF, everything=True)
    assert on_dask == alone
    assert len(on_dask.instruments) == INSTRUMENTS
    assert len(on_dask.licences) == LICENCES
    states = dict(on_dask.instrument_states)
    assert len(on_dask.due) == states["due_soon"] + states.get("grace", 0) + states["overdue"]
    assert [row[3] for row in on_dask.due] == sorted(row[3] for row in on_dask.due)


def test_the_counts_are_the_command_lines(
    dask_example: ModuleType,
    ledgers: tuple[Path, Path, int],
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The command line reads the CSV with its own readers: the same states come out."""
    ledger_dir, parquet, _ = ledgers
    alone = dask_example.run_single(parquet, AS_OF)
    argv = ["--as-of", AS_OF.isoformat(), "--json", "--no-progress"]
    assert main(["metrology", "due", str(ledger_dir / "instruments.csv"), *argv]) == 0
    summary = json.loads(capsys.readouterr().out)["summary"]
    assert dict(alone.instrument_states) == {
        state: n for state, n in summary.items() if state not in ("read", "rejected") and n
    }
    register = str(ledger_dir / "licences.csv")
    events = ["--events", str(ledger_dir / "licence-events.csv")]
    provisional = ["--provisional-until", "2027-12-31"]
    assert main(["licences", "check", register, *events, *argv, *provisional]) == 0
    counted = json.loads(capsys.readouterr().out)["states"]
    assert dict(alone.licence_states) == {row["state"]: row["licences"] for row in counted}
