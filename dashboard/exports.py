"""Tables as files that open correctly where they are used: Swedish Excel and .xlsx."""

from __future__ import annotations

import io

import polars as pl

from etl.formula_guard import neutralise_frame


def swedish_csv(frame: pl.DataFrame) -> bytes:
    """`;`-separated, decimal comma, UTF-8 with BOM: what Swedish Excel opens without a wizard.
    Text that a spreadsheet would run as a formula is neutralised."""
    # polars' own decimal comma, not a Python lambda per cell: a UDF runs on polars' thread pool
    # and needs the GIL there, which deadlocks the server when another script thread holds the
    # GIL while waiting on that pool (see README "Serving many").
    text = neutralise_frame(frame).write_csv(separator=";", decimal_comma=True)
    return "\ufeff".encode() + text.encode("utf-8")


def xlsx(frame: pl.DataFrame, sheet: str = "data") -> bytes:
    buffer = io.BytesIO()
    neutralise_frame(frame).write_excel(buffer, worksheet=sheet[:31], autofit=True)
    return buffer.getvalue()
