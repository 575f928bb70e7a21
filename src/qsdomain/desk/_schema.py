"""The desk's SQLite schema (数据库结构) and its forward migrations.

The schema is a thin store: one table per ledger, the columns of the ledger files in canonical
form (days as ``YYYY-MM-DD`` text, choices as the library's enum values), foreign keys from
each event to what it happened to, and ``CHECK`` constraints where the domain has a closed set
or a bound. The rules stay in the families: the desk reads rows, builds domain objects and asks
the families. docs/desk.md prints this schema.

Versions are kept in ``schema_version``; :data:`MIGRATIONS` lists the scripts in order and
:func:`migrate` applies those a database has not had yet, each in its own transaction.
"""

from __future__ import annotations

import sqlite3

from qsdomain import limits
from qsdomain.errors import InvalidInputError

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "migrate", "version_of"]

_MAX_MONTHS = limits.MAX_METROLOGY_INTERVAL_MONTHS
_DAY = "GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'"

#: Version 1: the four families' ledgers.
_V1 = f"""
CREATE TABLE schema_version (
    version INTEGER PRIMARY KEY,
    note TEXT NOT NULL
);

-- 计量 metrology: the instrument ledger (台账) and its verification/calibration records.
CREATE TABLE instruments (
    id TEXT PRIMARY KEY CHECK (length(trim(id)) > 0),
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    category TEXT,
    interval_months INTEGER CHECK (interval_months BETWEEN 1 AND {_MAX_MONTHS}),
    supervision TEXT CHECK (supervision IN
        ('type_approval', 'verification', 'type_approval_and_verification', 'none')),
    scheme TEXT NOT NULL DEFAULT 'periodic'
        CHECK (scheme IN ('periodic', 'first_only_scrap', 'fixed_life')),
    regime TEXT NOT NULL DEFAULT 'verification'
        CHECK (regime IN ('verification', 'calibration')),
    max_interval_months INTEGER CHECK (max_interval_months BETWEEN 1 AND {_MAX_MONTHS}),
    usage_limit REAL CHECK (usage_limit > 0)
) WITHOUT ROWID;
CREATE TABLE verifications (
    instrument_id TEXT NOT NULL REFERENCES instruments (id) ON DELETE CASCADE,
    verified_on TEXT NOT NULL CHECK (verified_on {_DAY}),
    outcome TEXT NOT NULL CHECK (outcome IN ('pass', 'fail', 'adjusted', 'scrapped')),
    as_found REAL,
    usage REAL CHECK (usage >= 0),
    PRIMARY KEY (instrument_id, verified_on, outcome)
) WITHOUT ROWID;

-- 许可 licensing: the register and what happened to each licence.
CREATE TABLE licences (
    number TEXT PRIMARY KEY CHECK (length(trim(number)) > 0),
    kind TEXT NOT NULL,
    holder TEXT NOT NULL CHECK (length(trim(holder)) > 0),
    issued TEXT NOT NULL CHECK (issued {_DAY}),
    valid_until TEXT CHECK (valid_until {_DAY} AND valid_until >= issued),
    scope TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;
CREATE TABLE licence_events (
    number TEXT NOT NULL REFERENCES licences (number) ON DELETE CASCADE,
    event TEXT NOT NULL CHECK (event IN ('renewal_applied', 'renewed', 'renewal_refused',
        'changed', 'suspended', 'revoked', 'withdrawn', 'cancelled')),
    on_day TEXT NOT NULL CHECK (on_day {_DAY}),
    until TEXT CHECK (until {_DAY}),
    valid_until TEXT CHECK (valid_until {_DAY}),
    note TEXT NOT NULL DEFAULT '',
    CHECK ((event = 'suspended') = (until IS NOT NULL)),
    PRIMARY KEY (number, event, on_day)
) WITHOUT ROWID;

-- 五办承诺 service commitments: the service items (a JSON document each, read through the
-- library's converter) and the events of each case.
CREATE TABLE service_items (
    code TEXT PRIMARY KEY CHECK (length(trim(code)) > 0),
    name TEXT NOT NULL,
    document TEXT NOT NULL CHECK (json_valid(document))
);
CREATE TABLE case_events (
    case_id TEXT NOT NULL CHECK (length(trim(case_id)) > 0),
    seq INTEGER NOT NULL CHECK (seq >= 0),
    item TEXT NOT NULL REFERENCES service_items (code),
    event TEXT NOT NULL CHECK (event IN ('received', 'deficiency_notified',
        'materials_completed', 'accepted', 'exclusion_started', 'exclusion_ended',
        'extension_granted', 'progress_reported', 'meeting_held', 'decided', 'delivered',
        'withdrawn')),
    at TEXT NOT NULL,
    handler TEXT,
    missing TEXT,
    outstanding TEXT,
    kind TEXT,
    notified TEXT CHECK (notified {_DAY}),
    days INTEGER CHECK (days >= 1),
    approver TEXT,
    reason TEXT,
    PRIMARY KEY (case_id, seq)
) WITHOUT ROWID;

-- 抽样检验 sampling inspection: incoming lots, in order per product line.
CREATE TABLE lots (
    lot_id TEXT PRIMARY KEY CHECK (length(trim(lot_id)) > 0),
    product TEXT NOT NULL CHECK (length(trim(product)) > 0),
    received TEXT NOT NULL CHECK (received {_DAY}),
    lot_size INTEGER NOT NULL CHECK (lot_size >= 2),
    aql TEXT NOT NULL,
    level TEXT NOT NULL DEFAULT 'II',
    nonconforming_found INTEGER NOT NULL CHECK (nonconforming_found >= 0)
);
CREATE INDEX lots_by_line ON lots (product, received, lot_id);
"""

#: Version 2: records and licence events keep the order of their file (issue #18 item 6).
#: ``seq`` orders the records of one instrument's day (and the events of one licence's day) as
#: they were written; it grows with every import, so a later file's rows of a day come after
#: an earlier file's. SQLite cannot change a primary key: each table is renamed, made anew,
#: copied and dropped, in the migration's one transaction. A version 1 row gets the ``seq`` of
#: the order version 1 read a day in (records: fail, adjusted, pass, scrapped; events:
#: renewal_applied, renewal_refused, renewed, changed, suspended, then the rest), so an old
#: database answers as before.
_V2 = f"""
ALTER TABLE verifications RENAME TO verifications_v1;
CREATE TABLE verifications (
    instrument_id TEXT NOT NULL REFERENCES instruments (id) ON DELETE CASCADE,
    verified_on TEXT NOT NULL CHECK (verified_on {_DAY}),
    seq INTEGER NOT NULL CHECK (seq >= 0),
    outcome TEXT NOT NULL CHECK (outcome IN ('pass', 'fail', 'adjusted', 'scrapped')),
    as_found REAL,
    usage REAL CHECK (usage >= 0),
    PRIMARY KEY (instrument_id, verified_on, seq),
    UNIQUE (instrument_id, verified_on, outcome)
) WITHOUT ROWID;
INSERT INTO verifications (instrument_id, verified_on, seq, outcome, as_found, usage)
SELECT instrument_id, verified_on,
       row_number() OVER (ORDER BY instrument_id, verified_on,
           CASE outcome WHEN 'fail' THEN 0 WHEN 'adjusted' THEN 1 WHEN 'pass' THEN 2 ELSE 3 END)
       - 1,
       outcome, as_found, usage
FROM verifications_v1;
DROP TABLE verifications_v1;

ALTER TABLE licence_events RENAME TO licence_events_v1;
CREATE TABLE licence_events (
    number TEXT NOT NULL REFERENCES licences (number) ON DELETE CASCADE,
    on_day TEXT NOT NULL CHECK (on_day {_DAY}),
    seq INTEGER NOT NULL CHECK (seq >= 0),
    event TEXT NOT NULL CHECK (event IN ('renewal_applied', 'renewed', 'renewal_refused',
        'changed', 'suspended', 'revoked', 'withdrawn', 'cancelled')),
    until TEXT CHECK (until {_DAY}),
    valid_until TEXT CHECK (valid_until {_DAY}),
    note TEXT NOT NULL DEFAULT '',
    CHECK ((event = 'suspended') = (until IS NOT NULL)),
    PRIMARY KEY (number, on_day, seq),
    UNIQUE (number, event, on_day)
) WITHOUT ROWID;
INSERT INTO licence_events (number, on_day, seq, event, until, valid_until, note)
SELECT number, on_day,
       row_number() OVER (ORDER BY number, on_day,
           CASE event WHEN 'renewal_applied' THEN 0 WHEN 'renewal_refused' THEN 1
                      WHEN 'renewed' THEN 2 WHEN 'changed' THEN 3 WHEN 'suspended' THEN 4
                      ELSE 5 END, event)
       - 1,
       event, until, valid_until, note
FROM licence_events_v1;
DROP TABLE licence_events_v1;
"""

#: Every migration in order: (version, note, script). A new schema version appends one.
MIGRATIONS: tuple[tuple[int, str, str], ...] = (
    (1, "the four families' ledgers", _V1),
    (2, "records and licence events in their file's order (seq)", _V2),
)

#: The version a database has once every migration has been applied.
SCHEMA_VERSION = MIGRATIONS[-1][0]


def version_of(connection: sqlite3.Connection) -> int:
    """The schema version of an open database: 0 for an empty one.

    >>> import sqlite3
    >>> version_of(sqlite3.connect(":memory:"))
    0
    """
    tables = {
        row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    }
    if not tables:
        return 0
    if "schema_version" not in tables:
        raise InvalidInputError(
            "database", sorted(tables)[:5], "a qsdomain desk database (no schema_version table)"
        )
    found = connection.execute("SELECT max(version) FROM schema_version").fetchone()[0]
    # A version edited by hand (-1, 'x', 1.5) or a table emptied must not send migrate() to
    # re-create tables that exist: it is refused, and the desk reports it as damaged.
    if isinstance(found, bool) or not isinstance(found, int) or found < 1:
        raise InvalidInputError(
            "schema_version",
            found,
            "a whole number >= 1 (the schema_version table was changed by hand)",
        )
    return found


def migrate(connection: sqlite3.Connection) -> int:
    """Apply the migrations ``connection`` has not had; return the version reached.

    >>> import sqlite3
    >>> migrate(sqlite3.connect(":memory:")) == SCHEMA_VERSION
    True

    A database from a newer qsdomain (a higher version than this one knows) is refused rather
    than read with the wrong schema.
    """
    current = version_of(connection)
    if current > SCHEMA_VERSION:
        raise InvalidInputError(
            "schema_version", current, f"at most {SCHEMA_VERSION} (upgrade qsdomain to read it)"
        )
    for version, note, script in MIGRATIONS:
        if version <= current:
            continue
        # executescript commits first; the script and its version row then land together.
        quoted = note.replace("'", "''")
        connection.executescript(
            f"BEGIN;\n{script}\nINSERT INTO schema_version VALUES ({version}, '{quoted}');\nCOMMIT;"
        )
    return SCHEMA_VERSION
