"""Tables as files that open correctly where they are used: Swedish Excel and .xlsx.

Every text-like column passes the formula guard (strings, categoricals/enums and the text in
lists and structs); nested values and bytes are written as text (JSON, hex) rather than
failing the writer; .xlsx cells are cut at Excel's own limit so the file always opens.
"""

from __future__ import annotations

import io

import polars as pl

from etl.formula_guard import neutralise_frame

#: Excel's limits: characters in one cell, rows in one sheet (with the header).
XLSX_CELL_CHARS = 32_767
XLSX_ROWS = 1_048_575


def _as_text(expr: pl.Expr, dtype: pl.DataType) -> pl.Expr | None:
    """A nested or binary column as one text cell per row; None for types writers take."""
    if isinstance(dtype, pl.Struct):
        return expr.struct.json_encode()
    if isinstance(dtype, (pl.List, pl.Array)):
        # JSON of a one-field struct, unwrapped: `[1, 2]` → "[1,2]"
        wrapped = pl.struct(expr.alias("v")).struct.json_encode()
        return wrapped.str.strip_prefix('{"v":').str.strip_suffix("}")
    if dtype == pl.Binary:
        return expr.bin.encode("hex")
    if dtype == pl.Null:
        return expr.cast(pl.String)
    return None


def writable(frame: pl.DataFrame) -> pl.DataFrame:
    """The frame with formula-like text made inert and every column of a type a CSV or .xlsx
    writer takes (nested values as JSON text, bytes as hex)."""
    guarded = neutralise_frame(frame)
    texts = [
        text.alias(name)
        for name, dtype in guarded.schema.items()
        if (text := _as_text(pl.col(name), dtype)) is not None
    ]
    return guarded.with_columns(texts) if texts else guarded


def swedish_csv(frame: pl.DataFrame) -> bytes:
    """`;`-separated, decimal comma, UTF-8 with BOM: what Swedish Excel opens without a wizard.
    Text that a spreadsheet would run as a formula is neutralised."""
    # polars' own decimal comma, not a Python lambda per cell: a UDF runs on polars' thread pool
    # and needs the GIL there, which deadlocks the server when another script thread holds the
    # GIL while waiting on that pool (see README "Serving many").
    text = writable(frame).write_csv(separator=";", decimal_comma=True)
    return "\ufeff".encode() + text.encode("utf-8")


def xlsx(frame: pl.DataFrame, sheet: str = "data") -> bytes:
    table = writable(frame.head(XLSX_ROWS))
    table = table.with_columns(
        pl.col(name).str.slice(0, XLSX_CELL_CHARS)
        for name, dtype in table.schema.items()
        if dtype == pl.String
    )
    buffer = io.BytesIO()
    table.write_excel(buffer, worksheet=sheet[:31], autofit=True)
    return buffer.getvalue()
