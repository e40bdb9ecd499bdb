"""The source line every chart carries: SCB table, SCB's updated date, when we loaded it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Protocol

from dashboard.text.formatting import day

WORDS = {
    "sv": {"source": "Källa", "scb": "SCB", "updated": "uppdaterad", "loaded": "Inläst"},
    "en": {
        "source": "Source",
        "scb": "Statistics Sweden (SCB)",
        "updated": "updated",
        "loaded": "Loaded",
    },
}


class Table(Protocol):
    """An SCB table as the source line names it (`dashboard.model.result.SourceTable`)."""

    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def updated(self) -> date | None: ...


def source_text(tables: Sequence[Table], loaded: datetime | None, lang: str = "sv") -> str:
    """E.g. "Källa: SCB, TAB3981 (UF0506B/Utbildning), uppdaterad 2024-04-25. Inläst 2026-11-22":
    every table the rows come from, once."""
    words = WORDS[lang]
    if not tables:
        return f"{words['source']}: {words['scb']}"
    parts = []
    for table in tables:
        part = f"{words['scb']}, {table.id}" + (f" ({table.name})" if table.name else "")
        if table.updated is not None:
            part += f", {words['updated']} {day(table.updated)}"
        parts.append(part)
    text = f"{words['source']}: " + "; ".join(parts)
    return text + (f". {words['loaded']} {day(loaded)}" if loaded is not None else "")
