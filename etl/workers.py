"""Worker processes for work on untrusted input: an uploaded lärcentrum list, an analyst's SQL.

Both run in a child Python that inherits nothing of the server's environment (no paths, no
secrets, its own session so a kill reaches it alone) and caps its own address space once it
has loaded what it needs, so a hostile file or query can fail only itself. Standard library
only: the SQL console's worker imports this before anything else.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: All a worker gets of an environment
CLEAN_ENV = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": "/nonexistent"}


def start(module: str) -> subprocess.Popen[bytes]:
    """`python -m module` in the project root, isolated (-E -s), job on stdin, answer on
    stdout, errors discarded (a traceback could name server paths)."""
    return subprocess.Popen(
        [sys.executable, "-E", "-s", "-m", module],
        cwd=ROOT,
        env=dict(CLEAN_ENV),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


def cap_memory(extra: int) -> None:
    """In the worker: address space capped at what its loaded libraries use now plus `extra`
    for the work itself, and no core files."""
    import resource

    with open("/proc/self/status", encoding="ascii") as status:
        size_kb = next(int(line.split()[1]) for line in status if line.startswith("VmSize:"))
    limit = size_kb * 1024 + extra
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
