"""A database file that cannot be used as ours: found, said in a sentence, and set aside.

A file can be damaged (cut short, overwritten, a bad checksum), foreign (a DuckDB file without
our build record, or not a DuckDB file at all) or held for writing by another program. The
first two are renamed aside, never deleted — `<name>.damaged-<time>`, with its `.wal` — so that
`etl ensure` (and with it `make run` and `make serve`) builds a new one without a hand step and
the operator still has the old file to look at. A file held for writing is left alone: the
sentence names the cause and the fix.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import duckdb

from etl.atomic import exclusive_lock
from etl.errors import EtlError

#: DuckDB's words for a lock conflict (never "lock" alone: "block" has it too).
LOCK_CONFLICT = ("Could not set lock on file", "Conflicting lock is held")
#: DuckDB's words for a file it cannot read as a database.
DAMAGE = (
    "not a valid DuckDB database file",
    "Corrupt database file",
    "does not match stored checksum",
    "Could not read enough bytes",
    "Serialization Error",
    "Failed to load metadata",
)


def is_lock_conflict(text: str) -> bool:
    return any(words in text for words in LOCK_CONFLICT)


def is_damage(text: str) -> bool:
    return any(words in text for words in DAMAGE)


LOCKED_SENTENCE = (
    "The database file is open for writing in another program (a DuckDB session opened without "
    "read-only, e.g. `duckdb FILE` or `duckdb.connect(FILE)`), so nothing else can open it. "
    "Close that session, or open the file read-only (`duckdb -readonly`, `read_only=True`), "
    "then run the command again."
)


class DatabaseLocked(EtlError):
    def __init__(self) -> None:
        super().__init__(LOCKED_SENTENCE)


@dataclass(frozen=True)
class State:
    kind: str  # "missing", "ours", "damaged", "foreign" or "locked"
    why: str = ""


def state_of(db_path: Path) -> State:
    """What the file at `db_path` is, read-only and without changing it."""
    if not db_path.exists():
        return State("missing")
    try:
        with duckdb.connect(str(db_path), read_only=True) as con:
            tables = con.execute(
                "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'build_info'"
            ).fetchone()
    except duckdb.Error as exc:
        text = str(exc)
        if is_lock_conflict(text):
            return State("locked")
        return State("damaged", "it is not a readable DuckDB database")
    if not tables or not tables[0]:
        return State("foreign", "it is a DuckDB database, but not one this project built")
    return State("ours")


def set_aside(db_path: Path) -> Path:
    """Rename the file (and its .wal) to `<name>.damaged-<time>` beside it; returns the name."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    kept = db_path.with_name(f"{db_path.name}.damaged-{stamp}")
    n = 1
    while kept.exists():
        n += 1
        kept = db_path.with_name(f"{db_path.name}.damaged-{stamp}-{n}")
    os.replace(db_path, kept)
    wal = db_path.with_name(db_path.name + ".wal")
    if wal.exists():
        os.replace(wal, kept.with_name(kept.name + ".wal"))
    return kept


def recover(db_path: Path) -> str | None:
    """Set a damaged or foreign file aside (under the build lock); a sentence saying so, or
    None when there was nothing to do. DatabaseLocked when another program holds it."""
    found = state_of(db_path)
    if found.kind == "locked":
        raise DatabaseLocked()
    if found.kind not in ("damaged", "foreign"):
        return None
    with exclusive_lock(db_path):
        found = state_of(db_path)  # again, now that no build can be installing one
        if found.kind not in ("damaged", "foreign"):
            return None
        kept = set_aside(db_path)
    return (
        f"{db_path} could not be used ({found.why}); it was kept as {kept.name} beside it, "
        "and a new database is built."
    )
