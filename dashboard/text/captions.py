"""The source line every chart carries: SCB table, SCB's updated date, when we loaded it."""

from __future__ import annotations

import polars as pl

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


def source_text(sources: pl.DataFrame, lang: str = "sv") -> str:
    """E.g. "Källa: SCB, TAB3981 (UF0506B/Utbildning), uppdaterad 2024-04-25. Inläst 2026-11-22"."""
    words = WORDS[lang]
    if sources.is_empty():
        return f"{words['source']}: {words['scb']}"
    parts = []
    for row in sources.iter_rows(named=True):
        part = f"{words['scb']}, {row['scb_table_id']} ({row['scb_table_name']})"
        if row["scb_updated"] is not None:
            part += f", {words['updated']} {day(row['scb_updated'])}"
        parts.append(part)
    loaded = day(sources["loaded_at"].max())  # type: ignore[arg-type]
    return f"{words['source']}: " + "; ".join(parts) + f". {words['loaded']} {loaded}"
