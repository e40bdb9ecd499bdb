"""Analysts' SQL in the browser, able to read the database and nothing else.

Two layers: only one SELECT / EXPLAIN / informational PRAGMA is accepted (a clear message for
everything else), and the connection itself is read-only with external access disabled and its
configuration locked, so even a statement that slips past the first layer cannot touch files,
the network, extensions or settings. A time limit interrupts long queries; a row cap keeps the
browser responsive.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from pathlib import Path

import duckdb
import polars as pl

ALLOWED = {"SELECT", "EXPLAIN", "PRAGMA"}
TIME_LIMIT_SECONDS = 10.0
ROW_CAP = 10_000
CONFIG = {
    "enable_external_access": False,
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
    "memory_limit": "2GB",
    "lock_configuration": True,
}


class SandboxError(Exception):
    """A query the console refused or that failed; the message is for the analyst."""


@dataclass(frozen=True)
class SandboxResult:
    frame: pl.DataFrame
    truncated: bool
    seconds: float


def _statement_type(con: duckdb.DuckDBPyConnection, sql: str) -> str:
    try:
        statements = con.extract_statements(sql)
    except duckdb.Error as exc:
        raise SandboxError(f"SQL error: {str(exc).splitlines()[0]}") from exc
    if len(statements) != 1:
        raise SandboxError(f"Run one statement at a time ({len(statements)} were given).")
    return str(statements[0].type).rsplit(".", 1)[-1]


def run(
    db_path: Path, sql: str, time_limit: float = TIME_LIMIT_SECONDS, row_cap: int = ROW_CAP
) -> SandboxResult:
    if not sql.strip():
        raise SandboxError("Write a query first, or pick an example.")
    con = duckdb.connect(str(db_path), read_only=True, config=CONFIG)  # type: ignore[arg-type]
    timer = threading.Timer(time_limit, con.interrupt)
    try:
        kind = _statement_type(con, sql)
        if kind not in ALLOWED:
            raise SandboxError(
                f"{kind} statements are not allowed: the SQL console only reads the database "
                f"({', '.join(sorted(ALLOWED))}). Files, network, extensions and settings are out of reach."
            )
        started = time.perf_counter()
        timer.start()
        result = con.execute(sql)
        rows = result.fetchmany(row_cap + 1)
        columns = [d[0] for d in result.description or []]
        seconds = time.perf_counter() - started
    except duckdb.InterruptException as exc:
        raise SandboxError(
            f"The query was stopped at the time limit of {time_limit:g} s. "
            "Narrow it down (WHERE, LIMIT) or aggregate first."
        ) from exc
    except duckdb.PermissionException as exc:
        raise SandboxError(
            "The SQL console can only read this database: reading or writing files, the "
            f"network and extensions are disabled ({str(exc).splitlines()[0]})."
        ) from exc
    except duckdb.Error as exc:
        raise SandboxError(f"SQL error: {str(exc).splitlines()[0]}") from exc
    finally:
        timer.cancel()
        con.close()
    truncated = len(rows) > row_cap
    frame = pl.DataFrame(
        rows[:row_cap], schema=_unique(columns), orient="row", infer_schema_length=None
    )
    return SandboxResult(frame, truncated, seconds)


def _unique(columns: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    names = []
    for name in columns:
        seen[name] = seen.get(name, 0) + 1
        names.append(name if seen[name] == 1 else f"{name}_{seen[name]}")
    return names
