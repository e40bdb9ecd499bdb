"""Könsskillnad: women against men per region as a dumbbell chart sorted by the gap, riket marked."""

from __future__ import annotations

import polars as pl
import streamlit as st

from dashboard.charts import figures as charts
from dashboard.pages import peers_selection
from dashboard.render import url_state as state
from dashboard.render import widgets as components
from dashboard.text.formatting import number
from dashboard.text.i18n import t


def render() -> None:
    lang = state.lang()
    st.title(t("gap", lang))
    peers = peers_selection.select()
    frame = peers.frame
    title = peers.title(f"{t('women', lang).lower()} / {t('men', lang).lower()}", lang)
    source = components.source_for(peers.year, peers.age, peers.measure, peers.definition)
    ordered = (
        frame.filter(pl.col("region_level") != "country")
        .drop_nulls("gap_pp")
        .sort("gap_pp", descending=True)
    )
    country = frame.filter(pl.col("region_level") == "country")
    summary = title
    if ordered.height and country.height:
        summary = (
            f"{title}. {t('gap_pp', lang)}: {ordered['region_name'][0]} "
            f"{number(ordered['gap_pp'][0], 1, lang)}, {ordered['region_name'][-1]} "
            f"{number(ordered['gap_pp'][-1], 1, lang)}, {t('country', lang)} {number(country['gap_pp'][0], 1, lang)} "
            f"{t('pp', lang)}."
        )
    st.markdown(summary.split(". ", 1)[-1] if ". " in summary else "")
    fig = charts.dumbbell(frame, title, source, lang)
    components.chart_with_data(
        fig,
        components.display_table(frame, lang, peers.measure, peers.definition),
        f"konsskillnad-{peers.level}-{peers.year}",
        summary,
        source,
        sql=peers.sql,
    )
    components.add_to_deck("gap")
    components.noise_notice([peers.year])
