"""A write that failed for want of disk, said as a sentence that names the folder.

A build or refresh writes a new file beside the database and renames it into place; on a full
or read-only disk that write fails deep inside DuckDB or the standard library. The operator
needs the folder and what to do, not a traceback; the installed database is untouched.
"""

from __future__ import annotations

import errno
from pathlib import Path

READ_ONLY = {errno.EROFS, errno.EACCES, errno.EPERM}
FULL = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}
_READ_ONLY_WORDS = ("Read-only file system", "Permission denied")
_FULL_WORDS = ("No space left on device", "Disk quota exceeded", "File too large")


def disk_problem(exc: BaseException, folder: Path) -> str | None:
    """The sentence for a write that failed in `folder` for want of disk, else None."""
    code = getattr(exc, "errno", None)
    text = str(exc)
    if code in READ_ONLY or any(words in text for words in _READ_ONLY_WORDS):
        return (
            f"Cannot write in {folder}: the folder is read-only (or not writable for this user). "
            "Make it writable, or point UTB_DB_PATH (--db) at a folder that is; the installed "
            "database was kept as it was."
        )
    if code in FULL or any(words in text for words in _FULL_WORDS):
        return (
            f"The disk holding {folder} is full. Free some space (a build needs about three "
            "times the database's size), then run the command again; the installed database "
            "was kept as it was."
        )
    return None
