"""Where a view's numbers come from, read off its own rows: each row names the SCB table its
counts come from (`source_table`) and SCB's updated stamp (`scb_updated`), so the source line,
the downloads and the export's metadata name exactly the tables behind the numbers shown —
not every table of the year, and not a table guessed from the age group."""

from __future__ import annotations

from datetime import date, datetime

import polars as pl

from dashboard.data import queries
from dashboard.model.params import Values
from dashboard.model.result import Provenance, SourceTable, ViewResult


def _names() -> dict[str, str]:
    """SCB table id → its path (UF0506B/Utbildning), from the database's own source list."""
    rows = queries.sources().filter(pl.col("kind").is_in(["offline_file", "api_response"]))
    return {
        str(row["scb_table_id"]): str(row["scb_table_name"] or "")
        for row in rows.iter_rows(named=True)
        if row["scb_table_id"]
    }


def tables_of(*frames: pl.DataFrame) -> tuple[SourceTable, ...]:
    """The SCB tables the rows come from, each once, in id order. A row summed from two tables
    (which the data does not have today) names both, comma-separated; both are listed."""
    names = _names()
    found: dict[str, SourceTable] = {}
    for frame in frames:
        if "source_table" not in frame.columns:
            continue
        stamps = frame["scb_updated"] if "scb_updated" in frame.columns else None
        for index, ids in enumerate(frame["source_table"]):
            for table in str(ids or "").split(", "):
                if table and table not in found:
                    found[table] = SourceTable(table, names.get(table, ""), _day(stamps, index))
    return tuple(found[k] for k in sorted(found))


def _day(stamps: pl.Series | None, index: int) -> date | None:
    value = stamps[index] if stamps is not None else None
    return value.date() if isinstance(value, datetime) else value


def built_at() -> datetime | None:
    value = queries.build_info().get("built_at")
    return value if isinstance(value, datetime) else None


def of(result: ViewResult, values: Values) -> Provenance:
    """The result's provenance: its rows' tables, the data version and its definition."""
    info = queries.build_info()
    return Provenance(
        tables=tables_of(result.data),
        data_version=str(info.get("data_fingerprint") or ""),
        built_at=built_at(),
        definition=values.get("definition", ""),
        measure=values.get("measure", ""),
    )
