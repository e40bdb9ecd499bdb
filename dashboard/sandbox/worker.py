"""One analyst query in a process of its own: `python -m dashboard.sandbox.worker`.

The dashboard must keep serving everyone while an analyst's query runs, whatever the query
does. So the query never runs in the dashboard's process: this worker reads a job (JSON on
stdin), caps its own address space (RLIMIT_AS, which DuckDB's `memory_limit` alone does not
enforce for every materialisation), runs the statement read-only, and streams at most
`rows` rows and `result_bytes` bytes back as an Arrow IPC stream after a JSON header. The
parent kills it at the wall-clock limit; DuckDB's own interrupt fires a little earlier so the
analyst gets a sentence instead of a kill.
"""

from __future__ import annotations

import json
import os
import resource
import struct
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any, BinaryIO

#: Header frame: 4-byte big-endian length, then that many bytes of JSON.
HEADER = struct.Struct(">I")


def _cap_memory(extra: int) -> None:
    """Address space capped at what the loaded libraries use now plus `extra` for the query."""
    with open("/proc/self/status", encoding="ascii") as status:
        size_kb = next(int(line.split()[1]) for line in status if line.startswith("VmSize:"))
    limit = size_kb * 1024 + extra
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def _secrets(db_path: str) -> list[str]:
    """Server paths an error or a catalog value could reveal; replaced by "…" before sending."""
    found = {
        db_path,
        str(Path(db_path).parent),
        os.getcwd(),
        str(Path.home()),
        sys.prefix,
        sys.base_prefix,
        sys.executable,
        tempfile.gettempdir(),
    }
    return sorted((s for s in found if len(s) > 4), key=len, reverse=True)


def redact(text: str, secrets: list[str]) -> str:
    for secret in secrets:
        text = text.replace(secret, "…")
    return text


def unique_names(names: list[str]) -> tuple[list[str], list[tuple[str, str]]]:
    """Duplicate column names made unique (a, a_2, …), and which ones were renamed."""
    used: set[str] = set()
    result, renamed = [], []
    for name in names:
        candidate, n = name, 1
        while candidate in used:
            n += 1
            candidate = f"{name}_{n}"
        used.add(candidate)
        result.append(candidate)
        if candidate != name:
            renamed.append((name, candidate))
    return result, renamed


def run_job(job: dict[str, Any], out: BinaryIO) -> None:
    """Run one job and write header + Arrow stream to `out`; never raises for a bad query."""
    secrets = _secrets(job["db_path"])

    def send(header: dict[str, Any], payload: bytes = b"") -> None:
        params = header.get("params") or {}
        header["params"] = {
            k: redact(v, secrets) if isinstance(v, str) else v for k, v in params.items()
        }
        data = json.dumps(header).encode()
        out.write(HEADER.pack(len(data)) + data + payload)
        out.flush()

    try:
        header, payload = _execute(job, secrets)
    except MemoryError:
        header, payload = {"error": "memory"}, b""
    send(header, payload)


def _execute(job: dict[str, Any], secrets: list[str]) -> tuple[dict[str, Any], bytes]:
    import time

    import duckdb
    import pyarrow as pa
    import pyarrow.compute as pc

    from dashboard.sandbox.policy import SandboxError, check, one_line

    config = {
        "enable_external_access": False,
        "autoinstall_known_extensions": False,
        "autoload_known_extensions": False,
        "memory_limit": f"{job['memory_bytes'] // 2 // 1024**2}MB",
        "threads": 2,
        "lock_configuration": True,
    }
    try:
        con = duckdb.connect(job["db_path"], read_only=True, config=config)  # type: ignore[arg-type]
    except duckdb.Error as exc:
        from dashboard.db_errors import kind_of

        return {"error": f"db_{kind_of(exc)}"}, b""
    timer = threading.Timer(job["seconds"], con.interrupt)
    started = time.perf_counter()
    try:
        check(job["sql"], con)
        timer.start()
        reader = con.sql(job["sql"]).to_arrow_reader(1024)
        batches, rows, size, cut = [], 0, 0, None
        for batch in reader:
            room_rows = job["rows"] - rows
            if batch.num_rows > room_rows:
                batch, cut = batch.slice(0, room_rows), "rows"
            if size + batch.nbytes > job["result_bytes"]:
                per_row = max(1, batch.nbytes // max(batch.num_rows, 1))
                batch, cut = batch.slice(0, (job["result_bytes"] - size) // per_row), "bytes"
            batches.append(batch)
            rows, size = rows + batch.num_rows, size + batch.nbytes
            if cut:
                break
        seconds = time.perf_counter() - started
        schema = reader.schema
    except SandboxError as exc:
        return {"error": exc.key, "params": exc.params}, b""
    except duckdb.InterruptException:
        return {"error": "time"}, b""
    except duckdb.OutOfMemoryException:
        return {"error": "memory"}, b""
    except duckdb.PermissionException as exc:
        return {"error": "permission", "params": {"detail": one_line(str(exc))}}, b""
    except duckdb.Error as exc:
        return {"error": "sql_error", "params": {"detail": one_line(str(exc))}}, b""
    finally:
        timer.cancel()
        con.close()
    if cut == "bytes" and rows == 0:
        return {"error": "bytes"}, b""
    names, renamed = unique_names(list(schema.names))
    table = pa.Table.from_batches(batches, schema=schema).rename_columns(names)
    for index, field in enumerate(table.schema):
        if pa.types.is_string(field.type) or pa.types.is_large_string(field.type):
            column = table.column(index)
            for secret in secrets:
                column = pc.replace_substring(column, secret, "…")
            table = table.set_column(index, field, column)
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return {"rows": rows, "cut": cut, "seconds": seconds, "renamed": renamed}, sink.getvalue()


def main() -> None:
    job = json.loads(sys.stdin.buffer.read(1_000_000))
    # everything the worker will need is loaded before the cap, so the cap is the query's alone
    import duckdb
    import pyarrow
    import pyarrow.compute

    import dashboard.db_errors
    import dashboard.sandbox.policy  # noqa: F401

    duckdb.connect().execute("SELECT 1").fetchall()  # starts DuckDB's threads and allocator
    del pyarrow
    _cap_memory(int(job["memory_bytes"]))
    run_job(job, sys.stdout.buffer)


if __name__ == "__main__":
    main()
