"""The server paths a worker knows, in every spelling a query could turn them into.

The worker is given only neutral paths (a copy of the database, a private temp folder) and the
policy refuses every function that shows a setting or a path, so no path should ever reach a
result. This is the last layer: before anything leaves the worker, each path it knows — as
typed, upper and lower case, reversed, as hex and as base64 at each of its three alignments —
is replaced by "…" in every text cell, column name and message.
"""

from __future__ import annotations

import base64
import sys
from pathlib import Path

from etl.workers import ROOT

#: Shorter strings are too common to replace ("/tmp", "/usr").
MIN_CHARS = 6


def _base64_forms(data: bytes) -> set[str]:
    """The part of `data`'s base64 that is the same wherever `data` sits in a longer text."""
    found = set()
    for offset in range(3):
        encoded = base64.b64encode(b"\0" * offset + data).decode()
        end = len(encoded) - (4 if (offset + len(data)) % 3 else 0)
        middle = encoded[4 if offset else 0 : end]
        if len(middle) >= 8:
            found.add(middle)
    return found


def forms(secret: str) -> set[str]:
    """Every spelling of `secret` that is replaced."""
    spellings = {secret, secret.upper(), secret.lower()}
    spellings |= {s[::-1] for s in spellings}
    data = secret.encode()
    spellings |= {data.hex(), data.hex().upper(), data[::-1].hex(), data[::-1].hex().upper()}
    spellings |= _base64_forms(data)
    return spellings


def secrets(*paths: str) -> list[str]:
    """The spellings of these paths, their folders and the interpreter's and project's own
    paths, longest first (so a path is replaced whole before its folder could be)."""
    found: set[str] = set()
    own = (sys.prefix, sys.base_prefix, sys.executable, str(Path.cwd()), str(ROOT))
    for path in (*paths, *own):
        for part in (Path(path), *Path(path).parents):
            if len(str(part)) >= MIN_CHARS:
                found |= forms(str(part))
    return sorted(found, key=len, reverse=True)


def redact(text: str, known: list[str]) -> str:
    for secret in known:
        text = text.replace(secret, "…")
    return text
