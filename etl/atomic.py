"""Install a database file atomically, and keep two writers from racing.

A build writes a new file beside the old one and renames it over the old one only after every
check passed, so readers (the dashboard, an analyst's notebook) see either the old database or
the new one, never half of one. Any failure, Ctrl-C or SIGTERM removes the new file.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import signal
from collections.abc import Iterator
from pathlib import Path

from etl.errors import EtlError


class LockedError(EtlError):
    """Another build or refresh holds the database's lock."""


@contextlib.contextmanager
def exclusive_lock(db_path: Path) -> Iterator[None]:
    """Hold `<db>.lock` for the duration; a second writer is refused at once, not queued."""
    db_path.parent.mkdir(parents=True, exist_ok=True)
    lock_path = db_path.with_name(db_path.name + ".lock")
    with lock_path.open("a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            raise LockedError(
                f"{db_path} is being rebuilt by {holder}; wait for it to finish, then try again"
            ) from exc
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()}")
        handle.flush()
        try:
            yield
        finally:
            handle.seek(0)
            handle.truncate()
            fcntl.flock(handle, fcntl.LOCK_UN)


def temporary_path_for(db_path: Path) -> Path:
    return db_path.with_name(f".{db_path.name}.building-{os.getpid()}")


def remove_stale_builds(db_path: Path) -> None:
    """Files left by a build that was killed with SIGKILL (only called under the lock)."""
    for stale in db_path.parent.glob(f".{db_path.name}.building-*"):
        stale.unlink(missing_ok=True)
        stale.with_name(stale.name + ".wal").unlink(missing_ok=True)


@contextlib.contextmanager
def terminate_as_interrupt() -> Iterator[None]:
    """Turn SIGTERM into KeyboardInterrupt so cleanup runs as it does for Ctrl-C."""

    def _raise(signum: int, frame: object) -> None:
        raise KeyboardInterrupt(f"signal {signum}")

    try:
        previous = signal.signal(signal.SIGTERM, _raise)
    except ValueError:  # not the main thread (e.g. inside a test runner thread)
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@contextlib.contextmanager
def atomic_install(db_path: Path, lock: bool = True) -> Iterator[Path]:
    """Yield a temporary path to write; on success it replaces `db_path`, else it is deleted.

    `lock=False` is for a caller that already holds the lock (the refresh holds it from its
    first request to the install).
    """
    with exclusive_lock(db_path) if lock else contextlib.nullcontext(), terminate_as_interrupt():
        remove_stale_builds(db_path)
        tmp = temporary_path_for(db_path)
        try:
            yield tmp
            _fsync(tmp)
            os.replace(tmp, db_path)
            _fsync_dir(db_path.parent)
        finally:
            tmp.unlink(missing_ok=True)
            tmp.with_name(tmp.name + ".wal").unlink(missing_ok=True)


def _fsync(path: Path) -> None:
    with path.open("rb") as handle:
        os.fsync(handle.fileno())


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
