"""Read-only copies of the database, one per data version, for the console's workers.

A console worker never sees the live database file or its path. It opens a copy made for that
version of the file (a copy, not a hard link: a link would be the same inode, and a write to
it a write to the live file) in a directory of the server's user under the system's temp
folder, with neutral names: `<tmp>/sqlview-<uid>/<hash>/db`, the file mode 0444 and its
directory 0555. The copy is made once per version, atomically (copied into a new directory,
then the directory renamed into place), and reused by every process of the server. A process
holds a shared lock on the copy while a worker reads it; a copy whose source file has since
been replaced (or removed) and that nobody holds is removed by the next runner.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from dashboard.sandbox.workdir import own_dir
from etl.workers import CLEAN_ENV, ROOT

_SOURCE = ".src"
_LOCKED, _MISSING = (
    3,
    4,
)  # exit codes of the copying child  # beside each copy: the live file's path, readable by the server's user only


def base_dir() -> Path:
    return own_dir(Path(tempfile.gettempdir()) / f"sqlview-{os.geteuid()}", 0o711)


def version_key(db_path: Path) -> str | None:
    """The name of the copy of `db_path`'s current version; None if the file is gone."""
    try:
        info = db_path.stat()
    except OSError:
        return None
    stamp = f"{db_path}|{info.st_dev}|{info.st_ino}|{info.st_mtime_ns}|{info.st_size}"
    return hashlib.sha256(stamp.encode()).hexdigest()[:24]


@contextlib.contextmanager
def taken(db_path: Path) -> Iterator[Path]:
    """The read-only copy of the current version of `db_path`, held for the block.
    FileNotFoundError when there is no database file."""
    db_path = db_path.resolve()
    base = base_dir()
    for _ in range(5):
        key = version_key(db_path)
        if key is None:
            raise FileNotFoundError(errno.ENOENT, "no database file")
        copy = base / key / "db"
        if not copy.exists():
            _make(base, key, db_path)
        fd = _held(copy)
        if fd is not None:
            break
    else:
        raise OSError(errno.EAGAIN, "the database copy kept changing")
    try:
        sweep(base)
        yield copy
    finally:
        os.close(fd)


def _held(copy: Path) -> int | None:
    """A descriptor with a shared lock on `copy`, if it is still in place once locked."""
    try:
        fd = os.open(copy, os.O_RDONLY | os.O_CLOEXEC)
    except FileNotFoundError:
        return None
    fcntl.flock(fd, fcntl.LOCK_SH)
    try:
        if os.stat(copy).st_ino == os.fstat(fd).st_ino:
            return fd
    except FileNotFoundError:
        pass
    os.close(fd)
    return None


def _make(base: Path, key: str, db_path: Path) -> None:
    new = Path(tempfile.mkdtemp(prefix=".new-", dir=base))
    lock = os.open(new, os.O_RDONLY | os.O_CLOEXEC)
    fcntl.flock(lock, fcntl.LOCK_EX)  # a sweep leaves a copy in progress alone
    try:
        _copy(db_path, new / "db")
        os.chmod(new / "db", 0o444)
        os.chmod(new, 0o555)
        source = base / f"{key}{_SOURCE}"
        with open(os.open(source, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w") as f:
            f.write(str(db_path))
        try:
            os.rename(new, base / key)
        except OSError as exc:  # another process put the same version in place first
            if exc.errno not in (errno.ENOTEMPTY, errno.EEXIST):
                raise
            _remove(new)
    except BaseException:
        _remove(new)
        raise
    finally:
        os.close(lock)


class Locked(OSError):
    """A program holds the live file open for writing (DuckDB's own write lock)."""


def _copy(source: Path, target: Path) -> None:
    """Copy the live file in a child process: closing a descriptor of a file drops every POSIX
    lock this process holds on it, DuckDB's own read lock among them, so this process never
    opens the live file itself. The child refuses a file a writer holds (its copy could be torn)."""
    done = subprocess.run(
        [sys.executable, "-E", "-s", "-m", "dashboard.sandbox.snapshot", str(source), str(target)],
        cwd=ROOT,
        env=dict(CLEAN_ENV),
        capture_output=True,
        check=False,
    )
    if done.returncode == _LOCKED:
        raise Locked(errno.EAGAIN, "the database is open for writing")
    if done.returncode == _MISSING:
        raise FileNotFoundError(errno.ENOENT, "no database file")
    if done.returncode:
        raise OSError(errno.EIO, "the database could not be copied")


def _copy_main(source: str, target: str) -> int:
    try:
        live = open(source, "rb")  # noqa: SIM115 -- held for the lock check and the copy
    except FileNotFoundError:
        return _MISSING
    with live, open(target, "xb") as out:
        try:  # DuckDB's writer holds a write lock on the whole file
            fcntl.lockf(live, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except OSError:
            return _LOCKED
        shutil.copyfileobj(live, out, 1024 * 1024)
    return 0


def _remove(folder: Path) -> None:
    with contextlib.suppress(OSError):
        os.chmod(folder, 0o700)
    shutil.rmtree(folder, ignore_errors=True)


def sweep(base: Path | None = None) -> int:
    """Remove copies nobody holds whose source file has a newer version or is gone, and
    copies a killed process left half made."""
    base = base or base_dir()
    removed = 0
    for entry in base.iterdir():
        name = entry.name
        if name.endswith(_SOURCE):
            # written just before its copy is renamed into place: only an old one is an orphan
            with contextlib.suppress(OSError):
                orphan = not (base / name.removesuffix(_SOURCE)).exists()
                if orphan and time.time() - entry.stat().st_mtime > 60:
                    entry.unlink(missing_ok=True)
            continue
        if not name.startswith(".new-"):
            try:
                source = Path((base / f"{name}{_SOURCE}").read_text(encoding="utf-8"))
            except OSError:
                source = None
            if source is not None and version_key(source) == name:
                continue  # the current version of its file
        if name.startswith(".new-"):
            with contextlib.suppress(OSError):
                if time.time() - entry.stat().st_mtime < 60:
                    continue  # made a moment ago and perhaps not yet locked by its maker
        target = entry if name.startswith(".new-") else entry / "db"
        try:
            fd = os.open(target, os.O_RDONLY | os.O_CLOEXEC)
        except OSError:
            fd = None
        if fd is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                os.close(fd)
                continue
        try:
            _remove(entry)
            (base / f"{name}{_SOURCE}").unlink(missing_ok=True)
            removed += 1
        finally:
            if fd is not None:
                os.close(fd)
    return removed


if __name__ == "__main__":
    sys.exit(_copy_main(sys.argv[1], sys.argv[2]))
