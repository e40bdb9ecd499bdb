"""Reading a lärcentrum list (CSV or .xlsx) into rows, bounded: the file's size, rows, columns
and cell lengths are capped, and the parse runs in a worker process under a wall clock and an
address-space cap. What the rows mean is checked afterwards (`etl.larcentrum.registry`).

Apart from the checks because this is the part that touches an untrusted file: a region's own
list or a visitor's upload. It imports only the standard library (openpyxl in the worker), so
the worker starts small and its memory cap is the file's alone.
"""

from __future__ import annotations

import json
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from etl import workers
from etl.errors import EtlError

#: A national list is a few hundred rows; anything far larger is not a lärcentrum list.
MAX_FILE_BYTES = 5 * 1024**2
MAX_ROWS = 5_000
#: Columns a list may use (ours has nine); a cell far to the right (XFD) is refused, not padded.
MAX_COLUMNS = 50
#: Row numbers a sheet may declare or use (blank rows between centres are skipped).
MAX_SHEET_ROWS = 20_000
#: The whole parse runs in a worker process with these bounds (see `read_rows`).
PARSE_SECONDS = 8.0
PARSE_MEMORY_BYTES = 384 * 1024**2
#: An .xlsx is a zip; its sheets may unpack to at most this much (a zip bomb stops here).
MAX_XLSX_UNPACKED_BYTES = 50 * 1024**2
#: Longest accepted text per column; longer is a pasted document, not a name.
MAX_CHARS = {"name": 200, "locality": 100, "source": 2_000, "website": 2_000}
DEFAULT_MAX_CHARS = 100


class RegistryError(EtlError):
    """A lärcentrum file was refused; `problems` lists each with its line number."""

    def __init__(self, path: Path, problems: list[str]):
        self.problems = problems
        shown = "\n".join(f"  {p}" for p in problems[:50])
        more = f"\n  … and {len(problems) - 50} more" if len(problems) > 50 else ""
        super().__init__(
            f"{path}: {len(problems)} problem(s); nothing was loaded, the previous list stays.\n"
            f"{shown}{more}"
        )


@dataclass(frozen=True)
class Row:
    line: int
    values: dict[str, str]
    #: columns whose text was longer than the column allows: their full length (the value
    #: itself is cut, so no later check scans a pasted document)
    lengths: dict[str, int] = field(default_factory=dict)


def read_rows(
    path: Path,
    on_wait: Callable[[], object] | None = None,
    seconds: float = PARSE_SECONDS,
    memory_bytes: int = PARSE_MEMORY_BYTES,
) -> tuple[list[str], list[Row]]:
    """Header and rows with their line numbers (Excel row numbers for .xlsx).

    The file is parsed in a worker process (`python -m etl.larcentrum.parse_worker`) under a
    wall-clock limit and an address-space cap, at low CPU priority, so no file — a shared
    string of 45 MB, a cell in column XFD, a zip of repeated rows — can hold a core or the
    server's memory. `on_wait` is called about ten times a second while it runs: the page
    passes a Streamlit call there, so a visitor who leaves or reruns stops the work (Streamlit
    raises in it and the worker is killed)."""
    read_bounded(path, MAX_FILE_BYTES)  # size first, before starting anything
    job = json.dumps({"path": str(path), "memory_bytes": memory_bytes}).encode()
    process = workers.start("etl.larcentrum.parse_worker")
    started = time.monotonic()
    out = b""
    try:
        pending: bytes | None = job
        while True:
            try:
                out, _ = process.communicate(pending, timeout=0.1)
                break
            except subprocess.TimeoutExpired:
                pending = None
            if time.monotonic() - started > seconds:
                raise RegistryError(
                    path,
                    [
                        f"line 1: reading the file took longer than {seconds:g} s, which no "
                        "lärcentrum list needs; save it again as CSV or a plain .xlsx"
                    ],
                )
            if on_wait is not None:
                on_wait()
    finally:
        if process.poll() is None:
            workers.stop(process)
    try:
        answer = json.loads(out)
    except ValueError:
        answer = {"error": "memory"}
    if answer.get("error") == "memory":
        raise RegistryError(
            path,
            [
                f"line 1: reading the file needed more than {memory_bytes / 1024**2:g} MB, "
                "which no lärcentrum list needs; save it again as CSV or a plain .xlsx"
            ],
        )
    if problems := answer.get("problems"):
        raise RegistryError(path, [str(p) for p in problems])
    rows = [Row(int(line), dict(values), dict(lengths)) for line, values, lengths in answer["rows"]]
    return [str(h) for h in answer["header"]], rows


def read_bounded(path: Path, limit: int) -> bytes:
    """At most `limit` bytes of the file, or RegistryError: a size read, not trusted from
    stat (a pipe or /dev/zero has no size)."""
    too_large = RegistryError(
        path,
        [
            f"line 1: the file is larger than {limit / 1024**2:g} MB; a lärcentrum list is at most 5 MB"
        ],
    )
    if path.stat().st_size > limit:
        raise too_large
    with path.open("rb") as stream:
        data = stream.read(limit + 1)
    if len(data) > limit:
        raise too_large
    return data
