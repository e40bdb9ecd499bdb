"""Vilken siffra stämmer?: one region and year under every published definition, side by side.

A presenter quoting "16 points in Sörmland" needs to know which definition that is and to
reproduce it; this page shows what Kolada, SCB-style charts and the 16-74 series would each
publish, who uses which, and why they differ.
"""

from __future__ import annotations

import polars as pl
import streamlit as st

from dashboard.charts import figures as charts
from dashboard.data import queries
from dashboard.render import url_state as state
from dashboard.render import widgets as components
from dashboard.text import definitions
from dashboard.text.formatting import number
from dashboard.text.i18n import t
from dashboard.text.safe_text import markdown


def render() -> None:
    lang = state.lang()
    st.title(t("which_figure", lang))
    st.caption(t("which_figure_intro", lang))

    # 1. selections
    cols = st.columns([2, 1])
    region = components.region(cols[0], default="04")
    years = [str(y) for y in queries.definition_years()]
    year = int(state.choice("year", years, years[0], t("year", lang), container=cols[1]))

    # 2. data
    raw = queries.definitions(region, year)
    rows = definitions.panel_rows(raw, lang)
    name = components.region_label(queries.regions(), lang)[region].split(" (")[0]

    # 3. output
    st.markdown(f"### {markdown(definitions.headline(rows, name, year, lang))}")
    components.data_table(_table(rows, lang), hide_index=True)
    for age_group, group in raw.group_by("age_group", maintain_order=True):
        main = group.filter(pl.col("measure") == "post_secondary")
        by_definition = {d: g for d, g in zip(main["definition"], main["gap_pp"], strict=True)}
        st.markdown(
            definitions.explanation(
                main["women_unknown_share"][0],
                main["men_unknown_share"][0],
                by_definition.get("unknown_included"),
                by_definition.get("unknown_excluded"),
                str(age_group[0]),
                lang,
            )
        )
    with st.expander(t("copy_table", lang)):
        st.code(_markdown_table(_table(rows, lang)), language="markdown")
    title = f"{t('which_figure', lang)} — {name}, {year}"
    source = definitions.panel_source(queries.source_line(year, "16-74"), lang)
    components.chart_with_data(
        charts.definition_bars(rows, title, source, lang),
        _table(rows, lang),
        f"vilken-siffra-{region}-{year}",
        definitions.headline(rows, name, year, lang),
        source,
        sql=queries.display_sql("definitions", region=region, year=year),
    )
    components.add_to_deck("definitions")
    components.noise_notice([year])


def _table(rows: pl.DataFrame, lang: str) -> pl.DataFrame:
    return rows.select(
        pl.col("region_name").alias(t("definition", lang)),
        pl.col("women_share").round(2).alias(t("women", lang) + " %"),
        pl.col("men_share").round(2).alias(t("men", lang) + " %"),
        pl.col("total_share").round(2).alias(t("total", lang) + " %"),
        pl.col("gap_pp").round(2).alias(f"{t('gap_pp', lang)} ({t('pp_short', lang)})"),
        pl.col("used_by").alias(t("used_by", lang)),
    )


def _markdown_table(table: pl.DataFrame) -> str:
    """A table to paste into a report or slide notes, with Swedish-style decimals kept as text."""
    header = "| " + " | ".join(table.columns) + " |"
    rule = "|" + "|".join("---" for _ in table.columns) + "|"
    lines = [
        "| "
        + " | ".join(
            number(v, 1, state.lang()) if isinstance(v, float) else str(v).replace("|", "/")
            for v in row
        )
        + " |"
        for row in table.iter_rows()
    ]
    return "\n".join([header, rule, *lines])
