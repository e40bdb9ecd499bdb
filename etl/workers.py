"""Worker processes for work on untrusted input: an uploaded lärcentrum list, an analyst's SQL.

Both run in a child Python that inherits nothing of the server's environment (no paths, no
secrets, its own process group so a kill reaches it and whatever it started), caps
its own address space once it has loaded what it needs, and never outlives or starves the server:

- it dies with its parent (`PR_SET_PDEATHSIG`, SIGKILL), and checks that the parent it was
  started by is still its parent, since one that died before the signal was set would leave
  it re-parented to PID 1 for good;
- it runs at the lowest CPU priority (nice 19), so pages come first on a busy machine;
- `RLIMIT_CPU` kills it a little after its own time limit even if nothing else does;
- the parent kills its whole process group at the wall clock (`stop`).

Standard library only: the SQL console's worker imports this before anything else.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import resource
import signal
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: All a worker gets of an environment
CLEAN_ENV = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": "/nonexistent"}
#: Lowest priority: a worker gets a core only when no page wants it.
NICENESS = 19
_PR_SET_PDEATHSIG = 1


def start(module: str) -> subprocess.Popen[bytes]:
    """`python -m module PARENT_PID` in the project root, isolated (-E -s), job on stdin,
    answer on stdout, errors discarded (a traceback could name server paths)."""
    return subprocess.Popen(
        [sys.executable, "-E", "-s", "-m", module, str(os.getpid())],
        cwd=ROOT,
        env=dict(CLEAN_ENV),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        # a process group of its own, so a kill reaches it and all it started; not a session
        # of its own: with the kernel's autogroup scheduling a new session is a new scheduling
        # group that gets as much CPU as the whole server, whatever its nice value
        process_group=0,
    )


def stop(process: subprocess.Popen[bytes]) -> None:
    """Kill the worker's whole process group (it leads its own) and reap it."""
    if process.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
    process.communicate()


def die_with_parent() -> None:
    """In the worker: SIGKILL when the parent dies; exit now if it already has. Called again
    after a change of user, which clears the setting."""
    expected = int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1].isdecimal() else None
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if expected is not None and os.getppid() != expected:
        os._exit(1)


def lower_priority(cpu_seconds: float) -> None:
    """In the worker: lowest CPU priority, and killed by the kernel after `cpu_seconds` of
    CPU (SIGXCPU at the soft limit, SIGKILL one second later).

    Nice 19 and, where the kernel has it, SCHED_IDLE: the worker (and every thread it starts
    later, DuckDB's among them) runs only on CPU time no page wants, and a page's thread that
    wakes up preempts it at once."""
    os.nice(NICENESS - os.nice(0))
    with contextlib.suppress(AttributeError, OSError):
        os.sched_setscheduler(0, os.SCHED_IDLE, os.sched_param(0))
    limit = max(1, int(cpu_seconds) + 1)
    resource.setrlimit(resource.RLIMIT_CPU, (limit, limit + 1))


def cap_memory(extra: int) -> None:
    """In the worker: address space capped at what its loaded libraries use now plus `extra`
    for the work itself, and no core files."""
    with open("/proc/self/status", "rb") as status:  # bytes: no codec left to import
        size_kb = next(int(line.split()[1]) for line in status if line.startswith(b"VmSize:"))
    limit = size_kb * 1024 + extra
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
