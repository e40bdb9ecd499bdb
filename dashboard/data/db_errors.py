"""Database failures as sentences for people: no traceback, no server path, no process id.

DuckDB's messages name the file, the interpreter holding a lock and its PID; users need to
know what happened and what to do, and an outsider must not learn the server's layout.
"""

from __future__ import annotations

import duckdb

MESSAGES = {
    "locked": (
        "The database is locked by another program (a refresh or an analyst's tool holding it "
        "for writing). Try again in a moment."
    ),
    "missing": (
        "The database is missing or cannot be read. Build it with `make run` or "
        "`python -m etl ensure`."
    ),
    "unavailable": "The database cannot be opened right now. Try again in a moment.",
}


class DatabaseUnavailable(Exception):
    """The database cannot be opened now; `kind` (locked, missing, unavailable) says why."""

    def __init__(self, kind: str) -> None:
        super().__init__(MESSAGES[kind])
        self.kind = kind


def kind_of(exc: BaseException) -> str:
    text = str(exc)
    if "lock" in text.lower():
        return "locked"
    if isinstance(exc, (duckdb.IOException, OSError)) or "does not exist" in text:
        return "missing"
    return "unavailable"
