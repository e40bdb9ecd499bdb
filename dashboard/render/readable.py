"""A view's table as the UI writes numbers, for every output that shows it as text (the page's
table, the embed's table): no Streamlit here."""

from __future__ import annotations

import polars as pl

from dashboard.text.formatting import number
from dashboard.text.i18n import t


def for_reading(table: pl.DataFrame, lang: str) -> pl.DataFrame:
    """The people table as the UI writes numbers: decimals in the UI's language (one decimal,
    "41,1"), whole numbers with its thousands separator, "–" where there is no value (riket's
    rank). Years stay as they are."""
    year = t("year", lang)
    columns: list[pl.Expr | pl.Series] = []
    for name, dtype in table.schema.items():
        column = pl.col(name)
        # formatted in Python, not by a Python function on polars' thread pool (see README)
        if dtype.is_float() or (dtype.is_integer() and name != year):
            decimals = 1 if dtype.is_float() else 0
            columns.append(
                pl.Series(
                    name,
                    [number(v, decimals, lang) if v is not None else "–" for v in table[name]],
                    dtype=pl.String,
                )
            )
        elif dtype == pl.String or dtype.is_integer():
            columns.append(column.cast(pl.String).fill_null("–").alias(name))
        else:
            columns.append(column)
    return table.select(columns)
