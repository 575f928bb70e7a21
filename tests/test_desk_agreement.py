"""Law: the desk gives the families' answers, on random and hostile ledgers (issue #18 item 7).

A ledger is written to CSV with what a careless clerk's export holds: records of one day in
either order, repeated rows, an instrument's rows scattered through the file, bad dates and
outcomes, events of licences the register lacks, same-day licence events in any order. It is
imported into a fresh desk with ``--keep-going`` and reported on with ``--within W --json``;
``metrology due`` and ``licences check`` read the same files with the same ``--within W``.
Both faces must list the same keys with the same states, due days and days left, count the
same states, and reject the same lines.
"""

from __future__ import annotations

import csv
import json
import re
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qsdomain.cli import main

AS_OF = "2026-11-27"
#: The same calendar for both faces (the desk's default extends China's provisionally).
CALENDAR = ("--provisional-until", "2030-12-31")

_IDS = ("A1", "B1", "C1", "D1")
_DAYS = (
    "2024-12-01",
    "2025-06-01",
    "2025-11-28",
    "2025-12-20",
    "2026-02-28",
    "2026-06-01",
    "2026-11-27",
    "2026-02-30",  # not a day: a rejected row
)
_OUTCOMES = ("pass", "pass", "fail", "adjusted", "scrapped", "合格", "ok")

instrument_rows = st.lists(
    st.tuples(
        st.sampled_from(_IDS),
        st.sampled_from(("秤", "秤", "压力表")),
        st.sampled_from(("12", "12", "6")),
        st.sampled_from(_DAYS),
        st.sampled_from(_OUTCOMES),
        st.sampled_from(("", "", "0.1", "0.5")),
    ),
    min_size=1,
    max_size=12,
)

#: The register: fixed licences of kinds whose renewal leads differ (months, working days).
REGISTER = (
    "number,kind,holder,issued,valid_until,scope\n"
    "L1,industrial_product,某厂,2021-12-20,,\n"
    "L2,food_production,某食品厂,2021-12-01,2026-11-30,\n"
    "L3,inspection_body,某检测公司,2020-12-28,2026-12-27,\n"
    "L4,special_equipment_operator,张某,2022-12-05,2026-12-04,\n"
)
_EVENTS = ("renewal_applied", "renewed", "renewal_refused", "changed", "suspended", "revoked")
event_rows = st.lists(
    st.tuples(
        st.sampled_from(("L1", "L2", "L3", "L4", "L9")),  # L9: not in the register
        st.sampled_from(_EVENTS),
        st.sampled_from(("2026-03-01", "2026-06-01", "2026-06-01", "2026-10-15", "2026-13-01")),
        st.sampled_from(("note a", "note b")),
    ),
    max_size=8,
)


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, Any, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, json.loads(out) if "--json" in argv and out.strip() else out, err


def _lines(err: str, name: str = "") -> list[int]:
    """The lines the command line's ``rejected:`` messages name (of ``name``, if given)."""
    where = re.compile(rf"rejected: line (\d+){' of ' + re.escape(name) if name else ''}:")
    return sorted(int(m.group(1)) for m in map(where.match, err.splitlines()) if m)


def _rejected_lines(path: Path) -> list[int]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as f:
        return sorted(int(r["line"]) for r in csv.DictReader(f))


def _write_instruments(folder: Path, rows: list[tuple[str, ...]]) -> str:
    path = folder / "instruments.csv"
    text = "id,name,interval_months,verified_on,outcome,as_found\n"
    path.write_text(text + "".join(",".join(r) + "\n" for r in rows), encoding="utf-8")
    return str(path)


def _write_events(folder: Path, rows: list[tuple[str, str, str, str]]) -> str:
    path = folder / "events.csv"
    lines = ["number,event,on,until,valid_until,note"]
    for number, event, on, note in rows:
        until = "2026-12-31" if event == "suspended" else ""
        lines.append(f"{number},{event},{on},{until},,{note}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def _desk(
    capsys: pytest.CaptureFixture[str], folder: Path, files: list[str], within: int
) -> tuple[dict[str, Any], dict[str, list[int]]]:
    """The desk's report sections by family, and the rejected lines of each file."""
    database = str(folder / "desk.sqlite")
    assert _run(capsys, "desk", "init", database)[0] == 0
    rejected: dict[str, list[int]] = {}
    for n, name in enumerate(files):
        out = folder / f"rejects-{n}.csv"
        status, _, err = _run(
            capsys, "desk", "import", database, name, "--keep-going", "--rejects", str(out)
        )
        assert status in (0, 1), err
        rejected[Path(name).name] = _rejected_lines(out)
    status, answer, err = _run(
        capsys,
        "desk",
        "report",
        database,
        "--as-of",
        AS_OF,
        "--within",
        str(within),
        "--json",
        *CALENDAR,
    )
    assert status == 0, err
    return {s["family"]: s for s in answer["sections"]}, rejected


def _totals(section: dict[str, Any]) -> dict[str, int]:
    return {t["state"]: t["count"] for t in section["totals"] if t["state"] != "refused"}


def _listed(section: dict[str, Any]) -> list[tuple[Any, ...]]:
    return sorted(
        (i["key"], i["state"], i["due"], i["days_left"])
        for i in section["items"]
        if i["state"] != "refused"
    )


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(instrument_rows, event_rows, st.sampled_from((0, 10, 30, 90, 120)))
def test_the_desk_and_the_family_commands_agree(
    capsys: pytest.CaptureFixture[str],
    instruments: list[tuple[str, ...]],
    events: list[tuple[str, str, str, str]],
    within: int,
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        ledger = _write_instruments(folder, instruments)
        register = folder / "licences.csv"
        register.write_text(REGISTER, encoding="utf-8")
        events_file = _write_events(folder, events)
        sections, rejected = _desk(capsys, folder, [ledger, str(register), events_file], within)

        # metrology: the same due list, the same counts, the same rejected lines
        status, due, err = _run(
            capsys,
            "metrology",
            "due",
            ledger,
            "--as-of",
            AS_OF,
            "--within",
            str(within),
            "--json",
        )
        assert status in (0, 1), err
        section = sections["metrology"]
        assert _listed(section) == sorted(
            (i["id"], i["state"], i["due"], i["days_left"]) for i in due["due"]
        )
        summary = due["summary"]
        assert _totals(section) == {
            state: summary[state]
            for state in (
                "never_verified",
                "current",
                "due_soon",
                "grace",
                "overdue",
                "out_of_service",
            )
            if summary[state]
        }
        assert not [i for i in section["items"] if i["state"] == "refused"]
        assert rejected["instruments.csv"] == _lines(err)

        # licensing: the same worklist, states and rejected lines; a history the family
        # refuses is a rejected register row in the command, a refused item in the desk
        status, check, err = _run(
            capsys,
            "licences",
            "check",
            str(register),
            "--events",
            events_file,
            "--as-of",
            AS_OF,
            "--within",
            str(within),
            "--json",
            *CALENDAR,
        )
        assert status in (0, 1), err
        section = sections["licensing"]
        assert _listed(section) == sorted(
            (a["id"], a["action"], a["due"], a["days_left"]) for a in check["worklist"]
        )
        assert _totals(section) == {s["state"]: s["licences"] for s in check["states"]}
        refused = sorted(i["key"] for i in section["items"] if i["state"] == "refused")
        numbers = dict(enumerate(("L1", "L2", "L3", "L4"), start=2))
        assert refused == sorted(numbers[line] for line in _lines(err, ""))
        assert rejected["events.csv"] == _lines(err, "events.csv")
        assert rejected["licences.csv"] == []
        assert section["read"] == len(numbers)
