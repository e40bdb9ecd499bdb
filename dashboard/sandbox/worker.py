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
import struct
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any, BinaryIO

from etl import workers

#: Header frame: 4-byte big-endian length, then that many bytes of JSON.
HEADER = struct.Struct(">I")


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
        text = text.replace(secret, "…").replace(secret[::-1], "…")
    return text


#: DuckDB type ids the page shows as they are; every other type is sent as its text form.
PLAIN_TYPES = frozenset(
    {
        "boolean",
        "tinyint",
        "smallint",
        "integer",
        "bigint",
        "utinyint",
        "usmallint",
        "uinteger",
        "ubigint",
        "float",
        "double",
        "decimal",
        "varchar",
    }
)
# Dates and times are sent as their ISO text too: DuckDB's range (and `infinity`) is wider than
# what polars and Python can convert, and a date far outside it would crash the page.
#: Characters a number, date or time takes at most in a CSV cell (with its separator).
PLAIN_CELL_CHARS = 40
#: Per text cell on top of its bytes: two quotes, a separator, the formula guard's apostrophe.
TEXT_CELL_CHARS = 4
BATCH_ROWS = 256


def displayable(relation: Any) -> Any:
    """The relation with every column of a type the page cannot show as-is (LIST, STRUCT, MAP,
    UNION, BLOB, INTERVAL, BIT, UUID, HUGEINT, dates and times, ENUM, …) cast to text.

    ENUMs become plain text too: their dictionary is then counted once per row, as it will be
    written to a file, instead of once per result."""
    expressions = []
    for index, (name, kind) in enumerate(zip(relation.columns, relation.types, strict=True), 1):
        alias = '"' + str(name).replace('"', '""') + '"'
        if str(kind.id) in PLAIN_TYPES:
            expressions.append(f"#{index} AS {alias}")
        else:
            expressions.append(f"CAST(#{index} AS VARCHAR) AS {alias}")
    return relation.project(", ".join(expressions))


def written_bytes(batch: Any) -> Any:
    """Per row, the bytes it takes once written: text at its UTF-8 length (quotes doubled, as
    CSV writes them), every other cell at the widest a number or date is written."""
    import pyarrow as pa
    import pyarrow.compute as pc

    total = pa.array([0] * batch.num_rows, pa.int64())
    for column in batch.columns:
        if pa.types.is_string(column.type) or pa.types.is_large_string(column.type):
            length = pc.add(
                pc.fill_null(pc.binary_length(column), 0),
                pc.fill_null(pc.count_substring(column, '"'), 0),
            )
            total = pc.add(total, pc.add(pc.cast(length, pa.int64()), TEXT_CELL_CHARS))
        else:
            total = pc.add(total, PLAIN_CELL_CHARS)
    return total


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

    from dashboard.sandbox.policy import SandboxError, check, database_relations, one_line

    config = {
        "enable_external_access": False,
        "autoinstall_known_extensions": False,
        "autoload_known_extensions": False,
        "memory_limit": f"{job['memory_bytes'] // 2 // 1024**2}MB",
        "threads": 2,
        "lock_configuration": True,
        # no Python variable of this process can be read as a table
        "python_enable_replacements": False,
    }
    try:
        con = duckdb.connect(job["db_path"], read_only=True, config=config)  # type: ignore[arg-type]
    except duckdb.Error as exc:
        from dashboard.data.db_errors import kind_of

        return {"error": f"db_{kind_of(exc)}"}, b""
    timer = threading.Timer(job["seconds"], con.interrupt)
    started = time.perf_counter()
    try:
        check(job["sql"], con, database_relations(con))
        timer.start()
        relation = con.sql(job["sql"])
        if relation is None:
            return {"error": "sql_error", "params": {"detail": "no result"}}, b""
        reader = displayable(relation).to_arrow_reader(BATCH_ROWS)
        batches, rows, size, cut = [], 0, 0, None
        for batch in reader:
            room_rows = job["rows"] - rows
            if batch.num_rows > room_rows:
                batch, cut = batch.slice(0, room_rows), "rows"
            # the cost as written (text expanded, every cell as a file has it), not as held
            cost = pc.cumulative_sum(written_bytes(batch))
            room = job["result_bytes"] - size
            if batch.num_rows and cost[-1].as_py() > room:
                fits = pc.sum(pc.less_equal(cost, room)).as_py() or 0
                batch, cut = batch.slice(0, fits), "bytes"
            if batch.num_rows:
                size += cost[batch.num_rows - 1].as_py()
                batches.append(batch)
                rows += batch.num_rows
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
    names, renamed = unique_names([redact(str(n), secrets) for n in schema.names])
    table = pa.Table.from_batches(batches, schema=schema).rename_columns(names)
    for index, field in enumerate(table.schema):
        if pa.types.is_string(field.type) or pa.types.is_large_string(field.type):
            column = table.column(index)
            for secret in secrets:
                column = pc.replace_substring(column, secret, "…")
                column = pc.replace_substring(column, secret[::-1], "…")
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

    import dashboard.data.db_errors
    import dashboard.sandbox.policy

    dashboard.sandbox.policy.builtin_functions()  # the allow-list, read before the cap

    duckdb.connect().execute("SELECT 1").fetchall()  # starts DuckDB's threads and allocator
    del pyarrow
    workers.cap_memory(int(job["memory_bytes"]))
    run_job(job, sys.stdout.buffer)


if __name__ == "__main__":
    main()
