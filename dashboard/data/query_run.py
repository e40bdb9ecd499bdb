"""A query as a view ran it: which SQL file, with which bound parameters."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class QueryRun:
    """One query the view ran: the SQL file's name and its bound parameters."""

    name: str
    params: tuple[tuple[str, object], ...]
