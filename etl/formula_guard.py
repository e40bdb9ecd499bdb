"""Text cells that a spreadsheet would run as formulas, made inert in every file we write.

Excel and LibreOffice evaluate a cell that starts with `=`, `+`, `-` or `@` (and tab or
carriage return before one of them) — `=HYPERLINK(…)` or `+cmd|…` in a lärcentrum name would
run on the reader's machine. A leading apostrophe is the spreadsheet's own "this is text"
mark (OWASP's advice for CSV injection); numbers and dates are not text and are untouched.
"""

from __future__ import annotations

import polars as pl

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
_PATTERN = r"^[=+\-@\t\r]"


def neutralise(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_PREFIXES) else value


def neutralise_frame(frame: pl.DataFrame) -> pl.DataFrame:
    """Every text column with formula-like cells prefixed by an apostrophe."""
    return frame.with_columns(
        pl.when(pl.col(name).str.contains(_PATTERN))
        .then(pl.lit("'") + pl.col(name))
        .otherwise(pl.col(name))
        .alias(name)
        for name, dtype in frame.schema.items()
        if dtype == pl.String
    )
