"""What the SQL page offers for a result: its files, built only when clicked, and its messages.

The result the page holds is already capped in the worker by its size *as written* (text
expanded, every cell as a file has it), so a file built from it stays under that cap. It is
built when the reader clicks (Streamlit calls these on its own thread), never on a rerun.
"""

from __future__ import annotations

import io
from collections.abc import Callable

import polars as pl

from dashboard.render.table_files import swedish_csv
from dashboard.sandbox.policy import SandboxError


def csv_file(frame: pl.DataFrame) -> Callable[[], bytes]:
    """Swedish-Excel CSV of the result, formula-like text made inert, on click."""
    return lambda: swedish_csv(frame)


def parquet_file(frame: pl.DataFrame) -> Callable[[], bytes]:
    def build() -> bytes:
        buffer = io.BytesIO()
        frame.write_parquet(buffer)
        return buffer.getvalue()

    return build


def message(exc: SandboxError, template: str, escape: Callable[[str], str]) -> str:
    """The refusal in the page's language with every value from the query or DuckDB escaped
    for Markdown (a table name in an error must not become a link or markup)."""
    params = {k: escape(v) if isinstance(v, str) else v for k, v in exc.params.items()}
    return template.format(**params)
