"""Start one caged worker per analyst query and read back its capped result.

The dashboard process only ever holds a result already cut to the byte and row caps; the
worker is killed (its whole process group) at the wall-clock limit whatever it is doing; at
most `MAX_CONCURRENT` workers run per dashboard process, and further queries wait (then are
told to try again), so a workshop's analysts cannot together take the machine's memory or both
cores. The worker gets a read-only copy of the database (`snapshot`) and a private folder
(`workdir`), never the live file's path; the folder is removed when the worker ends, and the
first query of a process removes whatever a killed server left.
"""

from __future__ import annotations

import contextlib
import json
import subprocess
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import duckdb
import polars as pl
import pyarrow as pa

from dashboard.sandbox import snapshot, workdir
from dashboard.sandbox.policy import SandboxError, check
from dashboard.sandbox.worker import HEADER
from etl import workers

MAX_CONCURRENT = 2
WAIT_SECONDS = 30.0
#: Worker start-up (Python, DuckDB, Arrow) on top of the query's own time limit.
START_SECONDS = 5.0
Plan = Literal["plain", "analyze"] | None


@dataclass(frozen=True)
class Limits:
    seconds: float = 10.0
    rows: int = 10_000
    result_bytes: int = 8 * 1024**2
    memory_bytes: int = 1024 * 1024**2  # address space for the query, beyond the libraries
    temp_bytes: int = 512 * 1024**2  # DuckDB's spill files, in the worker's private folder
    file_bytes: int = 512 * 1024**2  # any one file the worker writes (RLIMIT_FSIZE)


LIMITS = Limits()


@dataclass(frozen=True)
class SandboxResult:
    frame: pl.DataFrame
    cut: str | None  # None, "rows" or "bytes": why the result was shortened
    seconds: float
    renamed: list[tuple[str, str]] = field(default_factory=list)
    plan: str | None = None  # the query plan, when one was asked for instead of rows

    @property
    def truncated(self) -> bool:
        return self.cut is not None


_gate = threading.BoundedSemaphore(MAX_CONCURRENT)
_swept = threading.Event()


def run(
    db_path: Path,
    sql: str,
    limits: Limits = LIMITS,
    on_wait: Callable[[], object] | None = None,
    wait_seconds: float = WAIT_SECONDS,
    *,
    plan: Plan = None,
    policy: bool = True,
    isolation: bool = True,
) -> SandboxResult:
    """The query's capped result (or its plan), or SandboxError with a one-line message.

    `policy` and `isolation` are for tests only, never set from anything a visitor sends: each
    switches one layer off so that a test can show the other holds alone."""
    if policy:
        check(sql, duckdb.connect())  # refuse early, without starting a process
    if not _gate.acquire(blocking=False):
        if on_wait is not None:
            on_wait()
        if not _gate.acquire(timeout=wait_seconds):
            raise SandboxError("busy", n=MAX_CONCURRENT)
    try:
        if not _swept.is_set():
            _swept.set()
            workdir.sweep()  # what a killed server left
        return _run_worker(db_path, sql, limits, plan, policy, isolation)
    finally:
        _gate.release()


def _run_worker(
    db_path: Path, sql: str, limits: Limits, plan: Plan, policy: bool, isolation: bool
) -> SandboxResult:
    with contextlib.ExitStack() as held:
        try:
            path = held.enter_context(snapshot.taken(db_path)) if isolation else db_path
        except FileNotFoundError:
            raise SandboxError("db_missing") from None
        except snapshot.Locked:
            raise SandboxError("db_locked") from None
        except OSError:
            raise SandboxError("db_unavailable") from None
        user = workdir.worker_user() if isolation else None
        folder = held.enter_context(workdir.private(user))
        job = {
            "db_path": str(path),
            "workdir": str(folder),
            "user": user,
            "sql": sql,
            "plan": plan,
            "policy": policy,
            "isolation": isolation,
            "seconds": limits.seconds,
            "rows": limits.rows,
            "result_bytes": limits.result_bytes,
            "memory_bytes": limits.memory_bytes,
            "temp_bytes": limits.temp_bytes,
            "file_bytes": limits.file_bytes,
        }
        process = workers.start("dashboard.sandbox.worker")  # nothing of the server reaches it
        started = time.perf_counter()
        try:
            out, _ = process.communicate(
                json.dumps(job).encode(), timeout=limits.seconds + START_SECONDS
            )
        except subprocess.TimeoutExpired:
            raise SandboxError("time", seconds=limits.seconds) from None
        finally:
            workers.stop(process)  # and whatever it started, before its folder goes
    return _answer(out, limits, time.perf_counter() - started)


def _answer(out: bytes, limits: Limits, elapsed: float) -> SandboxResult:
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
    seconds = float(header.get("seconds") or elapsed)
    if isinstance(header.get("plan"), str):
        return SandboxResult(pl.DataFrame(), None, seconds, plan=header["plan"])
    with pa.ipc.open_stream(out[HEADER.size + length :]) as reader:
        table = reader.read_all()
    frame = pl.from_arrow(table)
    assert isinstance(frame, pl.DataFrame)
    return SandboxResult(frame, header.get("cut"), seconds, [tuple(r) for r in header["renamed"]])
