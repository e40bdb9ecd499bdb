"""Landlock: the kernel's own refusal of every write outside one directory, for this process.

A console worker calls `restrict(workdir)` before it opens the database: from then on the
kernel lets it (and every thread and child it starts afterwards) read the filesystem but write,
create, remove, rename or truncate only inside `workdir`, whatever DuckDB is asked to do. Where
the kernel has network rules (ABI 4) TCP bind and connect are refused as well, and where it has
scopes (ABI 6) signals to and abstract sockets of processes outside the sandbox.

Standard library (ctypes) only. On a kernel without Landlock (before 5.13, or built without it)
`restrict` returns 0 and the other layers hold alone (see the README's security section).
"""

from __future__ import annotations

import ctypes
import os
import platform
import struct

_CREATE_RULESET, _ADD_RULE, _RESTRICT_SELF = 444, 445, 446  # the same on every architecture
_CREATE_RULESET_VERSION = 1
_RULE_PATH_BENEATH = 1
_PR_SET_NO_NEW_PRIVS = 38

EXECUTE, WRITE_FILE, READ_FILE, READ_DIR = 1 << 0, 1 << 1, 1 << 2, 1 << 3
#: Rights that read (or run) what is there.
READ = EXECUTE | READ_FILE | READ_DIR


def _fs_rights(abi: int) -> int:
    """Every filesystem right the kernel's ABI knows: all of them are handled (denied unless a
    rule grants them)."""
    rights = (1 << 13) - 1  # EXECUTE … MAKE_SYM (ABI 1)
    if abi >= 2:
        rights |= 1 << 13  # REFER: links and renames across directories
    if abi >= 3:
        rights |= 1 << 14  # TRUNCATE
    if abi >= 5:
        rights |= 1 << 15  # IOCTL_DEV
    return rights


def _libc() -> ctypes.CDLL:
    return ctypes.CDLL(None, use_errno=True)


def abi_version() -> int:
    """The kernel's Landlock ABI (0 where it has none)."""
    if platform.system() != "Linux":
        return 0
    version = _libc().syscall(_CREATE_RULESET, None, ctypes.c_size_t(0), _CREATE_RULESET_VERSION)
    return max(int(version), 0)


def restrict(workdir: str) -> int:
    """Read-only filesystem but `workdir`, for this thread and all it starts later; returns
    the ABI applied (0: no Landlock here). Raises OSError if the kernel refuses a step."""
    abi = abi_version()
    if abi < 1:
        return 0
    libc = _libc()
    handled = _fs_rights(abi)
    if abi >= 6:
        attr = struct.pack("=QQQ", handled, 0b11, 0b11)  # TCP bind+connect; sockets+signals
    elif abi >= 4:
        attr = struct.pack("=QQ", handled, 0b11)
    else:
        attr = struct.pack("=Q", handled)
    buffer = ctypes.create_string_buffer(attr, len(attr))
    ruleset = libc.syscall(_CREATE_RULESET, buffer, ctypes.c_size_t(len(attr)), 0)
    if ruleset < 0:
        raise OSError(ctypes.get_errno(), "landlock_create_ruleset")
    try:
        _allow(libc, ruleset, "/", READ & handled)
        _allow(libc, ruleset, workdir, handled)
        if libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "PR_SET_NO_NEW_PRIVS")
        if libc.syscall(_RESTRICT_SELF, ruleset, 0) != 0:
            raise OSError(ctypes.get_errno(), "landlock_restrict_self")
    finally:
        os.close(ruleset)
    return abi


def _allow(libc: ctypes.CDLL, ruleset: int, path: str, rights: int) -> None:
    fd = os.open(path, os.O_PATH | os.O_CLOEXEC)
    try:
        rule = ctypes.create_string_buffer(struct.pack("=Qi", rights, fd), 12)
        if libc.syscall(_ADD_RULE, ruleset, _RULE_PATH_BENEATH, rule, 0) != 0:
            raise OSError(ctypes.get_errno(), f"landlock_add_rule {path}")
    finally:
        os.close(fd)
