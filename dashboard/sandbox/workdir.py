"""Private directories for console workers, and the user a worker runs as.

Each query gets a directory of its own under the system's temp folder (a random, neutral name,
mode 0700, owned by the worker's user): DuckDB spills there (`temp_directory`, bounded by
`max_temp_directory_size`), the worker's current directory is there, and it is the only place
the worker may write (Landlock). The runner removes it when the worker ends or is killed; while
a worker runs the runner holds a lock on it, so the next server start (or any runner) removes
whatever a killed server left behind and nothing in use.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import stat
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

#: The unprivileged account a worker drops to when the server runs as root.
WORKER_USER, WORKER_GROUPS = "nobody", ("nogroup", "nobody")


def own_dir(path: Path, mode: int) -> Path:
    """`path` as a directory that this process's user made and only it can write (it may
    already exist); anything else at that name in a shared temp folder is refused."""
    with contextlib.suppress(FileExistsError):
        os.mkdir(path, mode)
    info = os.lstat(path)
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.geteuid() or info.st_mode & 0o022:
        raise PermissionError(f"{path} is not a private directory of this user")
    return path


def base_dir() -> Path:
    return own_dir(Path(tempfile.gettempdir()) / f"sqlwork-{os.geteuid()}", 0o711)


def worker_user() -> tuple[int, int] | None:
    """(uid, gid) of the account a worker drops to, when the server runs as root."""
    if os.geteuid() != 0:
        return None
    import grp
    import pwd

    uid = pwd.getpwnam(WORKER_USER).pw_uid
    for name in WORKER_GROUPS:
        with contextlib.suppress(KeyError):
            return uid, grp.getgrnam(name).gr_gid
    return uid, pwd.getpwnam(WORKER_USER).pw_gid


def _locked(path: Path, blocking: bool) -> int | None:
    """An open descriptor of `path` holding its exclusive lock, or None if someone holds it."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
    except OSError:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | (0 if blocking else fcntl.LOCK_NB))
    except OSError:
        os.close(fd)
        return None
    return fd


@contextlib.contextmanager
def private(user: tuple[int, int] | None) -> Iterator[Path]:
    """A fresh directory for one worker, removed afterwards whatever happened."""
    path = Path(tempfile.mkdtemp(dir=base_dir()))
    fd = _locked(path, blocking=True)
    try:
        if user is not None:
            os.chown(path, *user)
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)
        if fd is not None:
            os.close(fd)


#: A folder younger than this may be one a runner has made and not yet locked.
SETTLE_SECONDS = 30.0


def sweep() -> int:
    """Remove every worker directory no runner holds (a killed server's leftovers)."""
    removed = 0
    for entry in base_dir().iterdir():
        with contextlib.suppress(OSError):
            if time.time() - entry.stat().st_mtime < SETTLE_SECONDS:
                continue
        fd = _locked(entry, blocking=False)
        if fd is None:
            continue
        try:
            shutil.rmtree(entry, ignore_errors=True)
            removed += 1
        finally:
            os.close(fd)
    return removed
