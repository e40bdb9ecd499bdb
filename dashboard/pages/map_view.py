"""Karta: kommuner or län coloured by women's, men's or total share or the gap; lärcentrum on top."""

from __future__ import annotations

import polars as pl
import streamlit as st

from dashboard.charts import figure_cache
from dashboard.charts import figures as charts
from dashboard.data import queries
from dashboard.pages import peers_selection
from dashboard.render import url_state as state
from dashboard.render import widgets as components
from dashboard.text.i18n import show_label, t


def render() -> None:
    lang = state.lang()
    st.title(t("map", lang))

    # 1. selections
    peers = peers_selection.select(default_scope="municipality")
    cols = st.columns([3, 1])
    show = peers_selection.show_choice("total", cols[0])
    with_centres = cols[1].toggle(
        t("show_larcentrum", lang), value=st.query_params.get("lc", "1") == "1", key="w_lc"
    )
    st.query_params["lc"] = "1" if with_centres else "0"

    # 2. data
    frame = peers.frame
    geojson, outlines = queries.map_shapes(peers.level, set(frame["region_code"]), peers.county)
    centres, network = queries.registry_layers(peers.county) if with_centres else (None, None)

    # 3. output
    title = peers.title(show_label(show, lang).lower(), lang)
    source = components.source_for(peers.year, peers.age, peers.measure, peers.definition)
    view = (peers.level, peers.county, peers.year, peers.age, peers.measure, peers.definition)
    fig = figure_cache.shared_figure(
        ("map", *view, show, with_centres, lang, title, source),
        lambda: charts.choropleth(
            geojson,
            frame,
            show,
            title,
            source,
            lang,
            centres,
            network,
            outlines,
            # the browser fetches the outlines once and caches them, instead of every rerun
            (queries.shapes_url(peers.level), queries.shapes_url("county") if outlines else None),
        ),
    )
    column = charts.value_column(show)
    ranked = (
        frame.filter(pl.col("region_level") != "country")
        .drop_nulls(column)
        .sort(column, descending=True)
    )
    summary = title + (
        f". {ranked['region_name'][0]} ↑, {ranked['region_name'][-1]} ↓" if ranked.height else ""
    )
    components.chart_with_data(
        fig,
        components.display_table(frame, lang, peers.measure, peers.definition),
        # what is shown is part of the chart's key (and of the export's file name)
        f"karta-{peers.level}-{show}-{peers.year}",
        summary,
        source,
        sql=peers.sql,
    )
    components.add_to_deck("map")
    components.noise_notice([peers.year])
    if centres is not None:
        components.registry_coverage(peers.county)
        components.centre_table(centres, lang)
