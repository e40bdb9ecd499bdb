"""Database failures as sentences for people: no traceback, no server path, no process id.

DuckDB's messages name the file, the interpreter holding a lock and its PID; users need to
know what happened and what to do, and an outsider must not learn the server's layout.
"""

from __future__ import annotations

import duckdb

from dashboard.text import en
from etl.damaged import is_damage, is_lock_conflict

MESSAGES = {
    "locked": en.PAGES["db_locked"],
    "damaged": en.PAGES["db_damaged"],
    "missing": (
        "The database is missing or cannot be read. Build it with `make run` or "
        "`python -m etl ensure`."
    ),
    "unavailable": "The database cannot be opened right now. Try again in a moment.",
}


class DatabaseUnavailable(Exception):
    """The database cannot be opened now; `kind` (locked, damaged, missing, unavailable) says
    why."""

    def __init__(self, kind: str) -> None:
        super().__init__(MESSAGES[kind])
        self.kind = kind


def kind_of(exc: BaseException) -> str:
    """Which sentence a failure to open the file gets: "locked" only for DuckDB's own lock
    conflict (a bad checksum "in block at …" is damage, not a lock)."""
    text = str(exc)
    if is_lock_conflict(text):
        return "locked"
    if is_damage(text):
        return "damaged"
    if isinstance(exc, (duckdb.IOException, OSError)) or "does not exist" in text:
        return "missing"
    return "unavailable"
