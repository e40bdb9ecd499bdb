"""The queries a view ran: which SQL file, with which bound parameters — recorded while the
registry loads a view, so the result itself says what ran (the page shows those queries; no
output derives them again)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass


@dataclass(frozen=True)
class QueryRun:
    """One query the view ran: the SQL file's name and its bound parameters."""

    name: str
    params: tuple[tuple[str, object], ...]


#: Queries that look things up for the words around the numbers (names, notes, the source
#: list): they run, but the query shown beside a chart is the one its numbers come from.
LOOKUPS = frozenset(
    {"regions", "build_info", "sources", "relations", "notes", "series_breaks", "available_periods"}
)
_ran: ContextVar[list[QueryRun] | None] = ContextVar("queries_ran", default=None)


@contextmanager
def recording() -> Iterator[list[QueryRun]]:
    """Within the block, every query run (name and bound parameters) is added to the list."""
    ran: list[QueryRun] = []
    token = _ran.set(ran)
    try:
        yield ran
    finally:
        _ran.reset(token)


def note(name: str, params: tuple[tuple[str, object], ...]) -> None:
    """Called by the query layer for every query it runs."""
    ran = _ran.get()
    if ran is not None and name not in LOOKUPS and QueryRun(name, params) not in ran:
        ran.append(QueryRun(name, params))
