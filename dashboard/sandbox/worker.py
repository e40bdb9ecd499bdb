"""One analyst query in a process of its own: `python -m dashboard.sandbox.worker PARENT_PID`.

The dashboard must keep serving everyone while an analyst's query runs, whatever the query
does, and the query must not be able to change anything. So the query never runs in the
dashboard's process: this worker reads a job (JSON on stdin) and, before it opens the database,

- dies with its parent, runs at the lowest priority under a CPU-time limit (`etl.workers`);
- moves into its private temp folder, bounds every file it writes (`RLIMIT_FSIZE`), drops to
  an unprivileged user when started as root, and asks the kernel (Landlock) to refuse every
  write outside that folder (`confine`);
- caps its own address space (RLIMIT_AS, which DuckDB's `memory_limit` alone does not enforce
  for every materialisation).

It then opens the read-only copy of the database it was given (never the live file), checks the
statement again on that database, and streams at most `rows` rows and `result_bytes` bytes back
as an Arrow IPC stream after a JSON header — or the query plan DuckDB gives for the checked
SELECT. The parent kills it at the wall-clock limit; DuckDB's own interrupt fires a little
earlier so the analyst gets a sentence instead of a kill. Every failure is a key of the text
catalogue, never DuckDB's own message.
"""

from __future__ import annotations

import json
import os
import resource
import signal
import struct
import sys
import threading
import time
from typing import Any, BinaryIO

from etl import workers

#: Header frame: 4-byte big-endian length, then that many bytes of JSON.
HEADER = struct.Struct(">I")


def confine(job: dict[str, Any]) -> None:
    """Everything that holds whatever the SQL says, applied before the database is opened."""
    from dashboard.sandbox import landlock

    os.chdir(job["workdir"])
    # a write past the size limit fails (EFBIG) instead of killing the worker
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    size = int(job["file_bytes"])
    resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))
    if not job.get("isolation", True):
        return  # tests only: the policy alone
    if job.get("user"):
        uid, gid = job["user"]
        os.setgroups([])
        os.setgid(gid)
        os.setuid(uid)
        workers.die_with_parent()  # a change of user clears the parent-death signal
    landlock.restrict(job["workdir"])


def run_job(job: dict[str, Any], out: BinaryIO) -> None:
    """Run one job and write header + payload to `out`; never raises for a bad query."""
    from dashboard.sandbox import redact

    known = redact.secrets(job["db_path"], job["workdir"])

    def send(header: dict[str, Any], payload: bytes = b"") -> None:
        params = header.get("params") or {}
        header["params"] = {
            k: redact.redact(v, known) if isinstance(v, str) else v for k, v in params.items()
        }
        if isinstance(header.get("plan"), str):
            header["plan"] = redact.redact(header["plan"], known)
        data = json.dumps(header).encode()
        out.write(HEADER.pack(len(data)) + data + payload)
        out.flush()

    try:
        header, payload = _execute(job, known)
    except MemoryError:
        header, payload = {"error": "memory"}, b""
    send(header, payload)


def _config(job: dict[str, Any]) -> dict[str, Any]:
    return {
        "enable_external_access": False,
        "autoinstall_known_extensions": False,
        "autoload_known_extensions": False,
        "memory_limit": f"{job['memory_bytes'] // 2 // 1024**2}MB",
        "threads": 2,
        # spills go to the private folder only, and only so far
        "temp_directory": job["workdir"],
        "max_temp_directory_size": f"{job['temp_bytes'] // 1024**2}MB",
        "lock_configuration": True,
        # no Python variable of this process can be read as a table
        "python_enable_replacements": False,
    }


def _execute(job: dict[str, Any], known: list[str]) -> tuple[dict[str, Any], bytes]:
    import duckdb

    from dashboard.sandbox import results
    from dashboard.sandbox.failures import failure
    from dashboard.sandbox.policy import SandboxError, check, database_relations

    try:
        con = duckdb.connect(job["db_path"], read_only=True, config=_config(job))
    except duckdb.Error as exc:
        from dashboard.data.db_errors import kind_of

        return {"error": f"db_{kind_of(exc)}"}, b""
    timer = threading.Timer(job["seconds"], con.interrupt)
    started = time.perf_counter()
    sql = job["sql"]
    try:
        if job.get("policy", True):
            check(sql, con, database_relations(con))
        timer.start()
        relation = con.sql(sql)
        if relation is None:
            return {"error": "no_result"}, b""
        if job.get("plan"):
            plan = relation.explain(type="analyze" if job["plan"] == "analyze" else "standard")
            return {"plan": plan[: job["result_bytes"]], "seconds": 0.0}, b""
        batches, schema, cut = results.collect(relation, job["rows"], job["result_bytes"])
        seconds = time.perf_counter() - started
    except SandboxError as exc:
        return {"error": exc.key, "params": exc.params}, b""
    except duckdb.InterruptException:
        return {"error": "time"}, b""
    except duckdb.OutOfMemoryException:
        return {"error": "memory"}, b""
    except duckdb.Error as exc:
        problem = failure(exc, sql)
        return {"error": problem.key, "params": problem.params}, b""
    finally:
        timer.cancel()
        con.close()
    rows = sum(batch.num_rows for batch in batches)
    if cut == "bytes" and rows == 0:
        return {"error": "bytes"}, b""
    payload, renamed = results.to_stream(batches, schema, known)
    return {"rows": rows, "cut": cut, "seconds": seconds, "renamed": renamed}, payload


def main() -> None:
    workers.die_with_parent()
    job = json.loads(sys.stdin.buffer.read(1_000_000))
    workers.lower_priority(float(job["seconds"]) + 3)
    # everything the worker will need is loaded before it gives up its user and the
    # filesystem: after `confine` it cannot read the interpreter's files any more
    import duckdb
    import pyarrow
    import pyarrow.compute
    import pyarrow.ipc

    import dashboard.data.db_errors
    import dashboard.sandbox.failures
    import dashboard.sandbox.policy
    import dashboard.sandbox.redact
    import dashboard.sandbox.results

    confine(job)
    dashboard.sandbox.policy.builtin_functions()  # the allow-list, read before the cap
    duckdb.connect().execute("SELECT 1").fetchall()  # starts DuckDB's threads and allocator
    del pyarrow
    workers.cap_memory(int(job["memory_bytes"]))
    run_job(job, sys.stdout.buffer)


if __name__ == "__main__":
    main()
