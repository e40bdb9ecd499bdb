"""The console worker's own cage (issue 28): what it opens, where it may write, who it runs as,
how it ends, and that nothing of the server's paths leaves it in any spelling."""

from __future__ import annotations

import base64
import os
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from dashboard.sandbox import landlock, redact, runner, snapshot, workdir, worker
from dashboard.sandbox.policy import SandboxError
from dashboard.text.i18n import SANDBOX_SV
from etl import workers

ROOT = Path(__file__).resolve().parent.parent


def test_the_copy_is_read_only_shared_and_not_the_live_file(db_path: Path) -> None:
    with snapshot.taken(db_path) as copy, snapshot.taken(db_path) as again:
        assert copy == again  # one copy per version, reused
        assert copy.read_bytes() == db_path.read_bytes()
        assert copy.stat().st_ino != db_path.stat().st_ino  # a copy, not a hard link
        assert stat.S_IMODE(copy.stat().st_mode) == 0o444
        assert stat.S_IMODE(copy.parent.stat().st_mode) == 0o555
        assert str(db_path.parent) not in str(copy) and "utbildning" not in str(copy)


def test_a_replaced_file_gets_a_new_copy_and_the_old_one_goes(
    db_path: Path, tmp_path: Path
) -> None:
    live = tmp_path / "live.duckdb"
    live.write_bytes(db_path.read_bytes())
    with snapshot.taken(live) as first:
        pass
    replacement = tmp_path / "new.duckdb"
    replacement.write_bytes(db_path.read_bytes())
    os.replace(replacement, live)
    with snapshot.taken(live) as second:
        assert second != first
        assert not first.exists()  # unused, and no longer its file's version
    live.unlink()
    with pytest.raises(SandboxError, match="missing"):
        runner.run(live, "SELECT 1")
    snapshot.sweep()
    assert not second.exists()


def test_the_private_folder_goes_when_the_worker_ends_or_is_killed(db_path: Path) -> None:
    runner.run(db_path, "SELECT 1")
    assert all(_held(p) for p in workdir.base_dir().iterdir())  # only other tests' workers
    with pytest.raises(SandboxError, match="time limit"):
        runner.run(db_path, "SELECT count(*) FROM range(1000000000000)", runner.Limits(seconds=1))
    assert all(_held(p) for p in workdir.base_dir().iterdir())


def _held(folder: Path) -> bool:
    """Another test process's worker is using it right now."""
    import fcntl

    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return False
    except OSError:
        return True
    finally:
        os.close(fd)


def test_a_killed_servers_leftovers_are_swept_and_a_running_worker_kept() -> None:
    left = Path(workdir.base_dir()) / "tmpleftover"
    left.mkdir()
    (left / "duckdb_temp_block.tmp").write_bytes(b"x" * 1000)
    os.utime(left, (time.time() - 3600, time.time() - 3600))  # left by a server killed an hour ago
    with workdir.private(None) as in_use:
        workdir.sweep()
        assert in_use.exists() and not left.exists()
    assert not in_use.exists()


def _worker_while_running(db_path: Path, sql: str) -> tuple[int, threading.Thread]:
    started: list[subprocess.Popen[bytes]] = []
    original = workers.start

    def spy(module: str) -> subprocess.Popen[bytes]:
        started.append(original(module))
        return started[-1]

    def run() -> None:
        with pytest.raises(SandboxError):
            runner.run(db_path, sql, runner.Limits(20))

    runner_thread = threading.Thread(target=run)
    workers.start = spy
    try:
        runner_thread.start()
        deadline = time.monotonic() + 20
        while not started and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        workers.start = original
    pid = started[0].pid
    while time.monotonic() < deadline + 30 and not _reading_its_copy(pid):
        time.sleep(0.1)  # past the worker's start-up and its cage, into the query
    return pid, runner_thread


def _reading_its_copy(pid: int) -> bool:
    """The worker has opened the database's copy, which it does only once caged."""
    try:
        links = [os.readlink(fd) for fd in Path(f"/proc/{pid}/fd").iterdir()]
    except OSError:
        return False
    return any(link.startswith(str(snapshot.base_dir())) for link in links)


def test_the_worker_runs_unprivileged_last_in_line_and_cpu_limited(db_path: Path) -> None:
    pid, running = _worker_while_running(db_path, "SELECT count(*) FROM range(1000000000000)")
    status = Path(f"/proc/{pid}/status").read_text()
    limits = Path(f"/proc/{pid}/limits").read_text()
    stat_fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    nice, policy = int(stat_fields[16]), int(stat_fields[38])
    group, session = os.getpgid(pid), os.getsid(pid)
    os.killpg(pid, signal.SIGKILL)  # seen enough: the runner answers at once
    running.join()
    uid = int(next(line for line in status.splitlines() if line.startswith("Uid:")).split()[1])
    assert uid == (65534 if os.geteuid() == 0 else os.geteuid())
    assert nice == workers.NICENESS and policy == os.SCHED_IDLE
    assert group == pid and session == os.getsid(0)  # a group of its own, in our session
    cpu = next(line for line in limits.splitlines() if line.startswith("Max cpu time"))
    assert cpu.split()[3] == "24"  # twenty seconds of query, three of grace, rounded up
    assert "NoNewPrivs:\t1" in status or landlock.abi_version() == 0


def test_a_worker_dies_with_its_parent(db_path: Path, tmp_path: Path) -> None:
    """kill -9 of the server: its worker must not go on burning a core (H4)."""
    script = (
        "import sys, pathlib\n"
        "from dashboard.sandbox import runner\n"
        "runner.run(pathlib.Path(sys.argv[1]), 'SELECT count(*) FROM range(1000000000000)',"
        " runner.Limits(seconds=60))\n"
    )
    server = subprocess.Popen([sys.executable, "-c", script, str(db_path)], cwd=ROOT)
    worker_pid = None
    deadline = time.monotonic() + 30
    while worker_pid is None and time.monotonic() < deadline:
        time.sleep(0.2)
        children = Path(f"/proc/{server.pid}/task/{server.pid}/children")
        found = children.read_text().split() if children.exists() else []
        worker_pid = int(found[0]) if found else None
    assert worker_pid is not None
    time.sleep(1.5)
    server.send_signal(signal.SIGKILL)
    server.wait()
    for _ in range(300):  # at once, unless the machine is very busy
        if not Path(f"/proc/{worker_pid}").exists() or "Z" in _state(worker_pid):
            break
        time.sleep(0.1)
    assert not Path(f"/proc/{worker_pid}").exists() or "Z" in _state(worker_pid)


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return "Z"


CHILD = """
import os, sys, threading
from dashboard.sandbox import landlock, worker
folder = sys.argv[1]
worker.confine({"workdir": folder, "file_bytes": 1024 * 1024, "isolation": True, "user": None})
results = []
def attempt(path, size=10):
    try:
        with open(path, "wb") as out:
            out.write(b"x" * size)
        results.append("wrote")
    except OSError as exc:
        results.append(exc.errno)
attempt(sys.argv[2])
thread = threading.Thread(target=attempt, args=(sys.argv[2] + ".thread",))
thread.start(); thread.join()
attempt(os.path.join(folder, "inside"))
attempt(os.path.join(folder, "big"), 2 * 1024 * 1024)
print(results)
"""


def test_landlock_and_the_file_size_limit_hold_in_every_thread(tmp_path: Path) -> None:
    import errno

    folder, outside = tmp_path / "work", tmp_path / "outside"
    folder.mkdir()
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(folder), str(outside)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    denied = errno.EACCES if landlock.abi_version() else "wrote"
    assert done.stdout.strip() == str([denied, denied, "wrote", errno.EFBIG])
    assert not outside.exists()


# --- nothing of the server in any spelling, in any output -------------------------------------

CAMPAIGN = [
    "SELECT error(hex(value)) FROM duckdb_settings() WHERE name='temp_directory'",
    "PRAGMA table_info(error(upper(current_setting('temp_directory'))))",
    "SELECT * FROM read_blob('{db}')",
    "SELECT * FROM read_text('{db}.tmp')",
    "SELECT * FROM '{db}'",
    "SELECT nope FROM attainment",
    "SELECT * FROM nothing_here",
    "SELECT 'a'::INT",
    "SELEC 1",
    "SELECT error('x' || 1)",
    "SELECT * FROM range(3) t(n)",
    "SELECT current_database() AS d, version() AS v",
    "SELECT * FROM duckdb_tables()",
    "SELECT * FROM duckdb_columns() LIMIT 50",
    "SHOW ALL TABLES",
    "SHOW DATABASES",
    "SELECT * FROM information_schema.tables",
    "SELECT * FROM information_schema.schemata",
    "SELECT count(*) FROM range(1000000000000)",
]


def _spellings(path: Path) -> set[str]:
    text = str(path)
    found = {text, text.upper(), text.lower(), text[::-1], text.encode().hex()}
    found |= {text.encode().hex().upper(), base64.b64encode(text.encode()).decode()[:-4]}
    return {s for s in found if len(s) >= 8}


def test_no_server_path_in_any_spelling_reaches_any_output(db_path: Path) -> None:
    import duckdb

    folders = [db_path, db_path.parent, ROOT, Path(sys.prefix), Path(sys.executable)]
    folders += [snapshot.base_dir(), workdir.base_dir(), Path(duckdb.__file__).parent]
    forbidden = set().union(*(_spellings(folder) for folder in folders))
    outputs = []
    for template in CAMPAIGN:
        try:
            result = runner.run(db_path, template.format(db=db_path), runner.Limits(seconds=2))
            outputs += [*result.frame.columns, *(str(v) for r in result.frame.rows() for v in r)]
        except SandboxError as exc:
            outputs += [str(exc), SANDBOX_SV[exc.key].format(**exc.params)]
    with snapshot.taken(db_path) as copy:
        for plan in ("plain", "analyze"):
            outputs.append(str(runner.run(db_path, "SELECT * FROM attainment", plan=plan).plan))
    forbidden |= _spellings(copy) | _spellings(copy.parent)
    leaks = {s for s in forbidden for text in outputs if s in text}
    assert leaks == set()
    assert not any(str(os.getpid()) in text.split() for text in outputs)


def test_the_worker_redacts_every_spelling_of_what_it_knows() -> None:
    known = redact.secrets("/tmp/sqlview-0/0123456789abcdef/db", "/tmp/sqlwork-0/tmpabc")
    path = "/tmp/sqlview-0/0123456789abcdef/db"
    for spelling in (path, path.upper(), path[::-1], path.encode().hex()):
        assert redact.redact(f"<{spelling}>", known) == "<…>"
    for prefix in ("", "a", "ab"):
        encoded = base64.b64encode((prefix + path + "zz").encode()).decode()
        assert redact.redact(encoded, known) != encoded
    assert worker.HEADER.size == 4
