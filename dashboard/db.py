"""Read-only access to the database, one short-lived connection per query.

The dashboard never writes: connections are opened read-only, so a page can't damage the
data, and a refresh that swaps in a new file is picked up by the next query.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb
import polars as pl

from dashboard.db_errors import DatabaseUnavailable, kind_of


def connect(db_path: Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection, or DatabaseUnavailable with a sentence for people."""
    try:
        return duckdb.connect(str(db_path), read_only=True)
    except duckdb.Error as exc:
        raise DatabaseUnavailable(kind_of(exc)) from None


def query(db_path: Path, sql: str, params: dict[str, Any] | None = None) -> pl.DataFrame:
    """Run one parameterised query (`$name` bindings) and return its rows."""
    with connect(db_path) as con:
        relation = con.sql(sql, params=params or None)
        return relation.pl() if relation is not None else pl.DataFrame()


def data_version(db_path: Path) -> str:
    """Changes whenever a new database is installed; caches are keyed on it."""
    try:
        stat = db_path.stat()
    except OSError:
        raise DatabaseUnavailable("missing") from None
    return f"{stat.st_ino}-{stat.st_mtime_ns}-{stat.st_size}"
