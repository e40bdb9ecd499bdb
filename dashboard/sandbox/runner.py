"""Start one caged worker per analyst query and read back its capped result.

The dashboard process only ever holds a result already cut to the byte and row caps; the
worker is killed at the wall-clock limit whatever it is doing; at most `MAX_CONCURRENT`
workers run per dashboard process, and further queries wait (then are told to try again),
so a workshop's analysts cannot together take the machine's memory or both cores.
"""

from __future__ import annotations

import json
import subprocess
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import polars as pl
import pyarrow as pa

from dashboard.sandbox.policy import SandboxError, check
from dashboard.sandbox.worker import HEADER
from etl import workers

MAX_CONCURRENT = 2
WAIT_SECONDS = 30.0
#: Worker start-up (Python, DuckDB, Arrow) on top of the query's own time limit.
START_SECONDS = 5.0


@dataclass(frozen=True)
class Limits:
    seconds: float = 10.0
    rows: int = 10_000
    result_bytes: int = 8 * 1024**2
    memory_bytes: int = 1024 * 1024**2  # address space for the query, beyond the libraries


LIMITS = Limits()


@dataclass(frozen=True)
class SandboxResult:
    frame: pl.DataFrame
    cut: str | None  # None, "rows" or "bytes": why the result was shortened
    seconds: float
    renamed: list[tuple[str, str]] = field(default_factory=list)

    @property
    def truncated(self) -> bool:
        return self.cut is not None


_gate = threading.BoundedSemaphore(MAX_CONCURRENT)


def run(
    db_path: Path,
    sql: str,
    limits: Limits = LIMITS,
    on_wait: Callable[[], object] | None = None,
    wait_seconds: float = WAIT_SECONDS,
) -> SandboxResult:
    """The query's capped result, or SandboxError with a one-line message."""
    check(sql, duckdb.connect())  # refuse early, without starting a process
    if not _gate.acquire(blocking=False):
        if on_wait is not None:
            on_wait()
        if not _gate.acquire(timeout=wait_seconds):
            raise SandboxError("busy", n=MAX_CONCURRENT)
    try:
        return _run_worker(db_path, sql, limits)
    finally:
        _gate.release()


def _run_worker(db_path: Path, sql: str, limits: Limits) -> SandboxResult:
    job = {
        "db_path": str(db_path),
        "sql": sql,
        "seconds": limits.seconds,
        "rows": limits.rows,
        "result_bytes": limits.result_bytes,
        "memory_bytes": limits.memory_bytes,
    }
    process = workers.start("dashboard.sandbox.worker")  # nothing of the server reaches it
    started = time.perf_counter()
    try:
        out, _ = process.communicate(
            json.dumps(job).encode(), timeout=limits.seconds + START_SECONDS
        )
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        raise SandboxError("time", seconds=limits.seconds) from None
    if len(out) < HEADER.size:
        # killed by the kernel or a signal: RLIMIT_AS makes allocations fail, rarely a crash
        raise SandboxError("memory", mb=limits.memory_bytes / 1024**2)
    (length,) = HEADER.unpack_from(out)
    header = json.loads(out[HEADER.size : HEADER.size + length])
    if error := header.get("error"):
        sizes = {
            "time": {"seconds": limits.seconds},
            "memory": {"mb": limits.memory_bytes / 1024**2},
            "bytes": {"mb": limits.result_bytes / 1024**2},
        }
        raise SandboxError(error, **(header.get("params") or sizes.get(error, {})))
    with pa.ipc.open_stream(out[HEADER.size + length :]) as reader:
        table = reader.read_all()
    frame = pl.from_arrow(table)
    assert isinstance(frame, pl.DataFrame)
    seconds = float(header.get("seconds") or time.perf_counter() - started)
    return SandboxResult(frame, header.get("cut"), seconds, [tuple(r) for r in header["renamed"]])
