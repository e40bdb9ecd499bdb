"""Under Vilken siffra stämmer?: the figure finder's sentences (a number typed or in the link,
`?value=16`) with the query that found them, and a table to paste into a report."""

import polars as pl
import streamlit as st

from dashboard.data.sql_files import shown_sql
from dashboard.model.result import ViewResult
from dashboard.render.made_once import made_once
from dashboard.render.page import folded
from dashboard.text.formatting import number
from dashboard.text.i18n import t
from dashboard.text.safe_text import markdown


def after(result: ViewResult) -> None:
    found = list(result.extra.get("finder") or [])  # type: ignore[call-overload]
    value = result.settings.get("value", "")
    if value and found:
        with st.expander(t("finder_heading", result.lang, value=value), expanded=True):
            st.markdown("\n".join(f"- {markdown(sentence)}" for sentence in found))
            finder = tuple(q for q in result.queries if q.name == "figure_finder")
            st.code("\n".join(shown_sql(finder)), language="sql")
    if (box := folded(t("copy_table", result.lang), f"open_copy_{result.view}")) is not None:
        pasted = made_once(result, "markdown", lambda: markdown_table(result.table, result.lang))
        box.code(pasted, language="markdown")


def markdown_table(table: pl.DataFrame, lang: str) -> str:
    """A table to paste into a report or slide notes, with the UI's decimals kept as text."""
    header = "| " + " | ".join(table.columns) + " |"
    rule = "|" + "|".join("---" for _ in table.columns) + "|"
    lines = [
        "| "
        + " | ".join(
            number(v, 1, lang) if isinstance(v, float) else str(v).replace("|", "/") for v in row
        )
        + " |"
        for row in table.iter_rows()
    ]
    return "\n".join([header, rule, *lines])
