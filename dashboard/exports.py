"""Tables as files that open correctly where they are used: Swedish Excel and .xlsx."""

from __future__ import annotations

import io

import polars as pl

from etl.formula_guard import neutralise_frame


def swedish_csv(frame: pl.DataFrame) -> bytes:
    """`;`-separated, decimal comma, UTF-8 with BOM: what Swedish Excel opens without a wizard.
    Text that a spreadsheet would run as a formula is neutralised."""
    text = (
        neutralise_frame(frame)
        .with_columns(
            pl.col(c).map_elements(
                lambda v: "" if v is None else repr(float(v)).replace(".", ","),
                return_dtype=pl.String,
            )
            for c, dtype in frame.schema.items()
            if dtype.is_float()
        )
        .write_csv(separator=";")
    )
    return "\ufeff".encode() + text.encode("utf-8")


def xlsx(frame: pl.DataFrame, sheet: str = "data") -> bytes:
    buffer = io.BytesIO()
    neutralise_frame(frame).write_excel(buffer, worksheet=sheet[:31], autofit=True)
    return buffer.getvalue()
