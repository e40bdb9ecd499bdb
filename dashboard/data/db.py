"""Read-only access to the database: one long-lived connection per process and file version.

The dashboard never writes: the file is attached read-only, so a page can't damage the data.
Opening DuckDB for every query cost 18-25 ms, so each process keeps one connection per
database file and gives every query its own cursor (cursors run in parallel, one per page
thread). A refresh installs a new file by renaming it over the old one; `data_version` sees the
new inode and the next query opens the new file, while queries still running finish on the old
one (its connection is dropped, not closed, so their cursors stay valid).

The file is attached to a private in-memory DuckDB rather than opened with
`duckdb.connect(path)`: DuckDB caches instances by path, and a second `connect` to a replaced
file would return the cached instance of the old one as long as anything still held it.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

from dashboard.data import per_run
from dashboard.data.db_errors import DatabaseUnavailable, kind_of

_open: dict[str, tuple[str, duckdb.DuckDBPyConnection]] = {}
_opening = threading.Lock()


def data_version(db_path: Path) -> str:
    """Changes whenever a new database is installed; caches are keyed on it. Looked up once
    per page run (`per_run`)."""
    return per_run.remember(("data_version", db_path), lambda: _file_version(db_path))


def _file_version(db_path: Path) -> str:
    try:
        stat = db_path.stat()
    except OSError:
        raise DatabaseUnavailable("missing") from None
    return f"{stat.st_ino}-{stat.st_mtime_ns}-{stat.st_size}"


def _attach(db_path: Path) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(":memory:")
    try:
        con.execute("ATTACH $path AS data (READ_ONLY)", {"path": str(db_path)})
    except duckdb.Error as exc:
        con.close()
        raise DatabaseUnavailable(kind_of(exc)) from None
    return con


def _connection(db_path: Path, version: str) -> duckdb.DuckDBPyConnection:
    key = str(db_path)
    with _opening:
        held = _open.get(key)
        if held is None or held[0] != version:
            _open[key] = held = (version, _attach(db_path))
        return held[1]


def connect(db_path: Path) -> duckdb.DuckDBPyConnection:
    """A read-only cursor on the current file, or DatabaseUnavailable with a sentence for people.
    Close it when done (`with connect(path) as con:`); the process keeps the connection."""
    cursor = _connection(db_path, data_version(db_path)).cursor()
    cursor.execute("USE data")
    return cursor


def query(db_path: Path, sql: str, params: dict[str, Any] | None = None) -> pl.DataFrame:
    """Run one parameterised query (`$name` bindings) and return its rows."""
    with connect(db_path) as con:
        relation = con.sql(sql, params=params or None)
        return relation.pl() if relation is not None else pl.DataFrame()
