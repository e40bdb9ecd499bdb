"""Rangordning: län, kommuner in a län, or all 290, sorted, riket as reference, one highlighted."""

from __future__ import annotations

import polars as pl
import streamlit as st

from dashboard.charts import figures as charts
from dashboard.pages import peers_selection
from dashboard.render import url_state as state
from dashboard.render import widgets as components
from dashboard.text.i18n import show_label, t


def render() -> None:
    lang = state.lang()
    st.title(t("ranking", lang))

    # 1. selections
    peers = peers_selection.select()
    cols = st.columns([2, 2])
    show = peers_selection.show_choice("women", cols[0])
    codes = peers.frame.filter(pl.col("region_level") != "country")
    names = dict(zip(codes["region_code"], codes["region_name"], strict=True))
    highlight = state.choice(
        "highlight",
        ["", *names],
        state.remembered("region") or "",
        t("region", lang),
        container=cols[1],
        format_func=lambda c: names.get(c, "–"),
    )

    # 2. data → 3. output
    column = charts.value_column(show)
    title = peers.title(show_label(show, lang).lower(), lang)
    source = components.source_for(peers.year, peers.age, peers.measure, peers.definition)
    fig = charts.ranking_bars(peers.frame, show, title, source, lang, highlight or None)
    ordered = codes.drop_nulls(column).sort(column, descending=True)
    summary = title + (
        f": 1. {ordered['region_name'][0]}, {ordered.height}. {ordered['region_name'][-1]}"
        if ordered.height
        else ""
    )
    if highlight:
        row = ordered.with_row_index("place").filter(pl.col("region_code") == highlight)
        if row.height:
            st.markdown(
                f"**{names[highlight]}**: "
                + t(
                    "rank_of",
                    lang,
                    rank=row["place"][0] + 1,
                    n=ordered.height,
                    level=t(peers.level, lang),
                )
            )
    components.chart_with_data(
        fig,
        components.display_table(peers.frame, lang, peers.measure, peers.definition),
        f"rangordning-{peers.level}-{show}-{peers.year}",
        summary,
        source,
        sql=peers.sql,
    )
    components.add_to_deck("ranking")
    components.noise_notice([peers.year])
