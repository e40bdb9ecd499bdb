"""Jämför: up to eight regions side by side, as a table and a chart."""

from __future__ import annotations

import streamlit as st

from dashboard.charts import figures as charts
from dashboard.data import queries
from dashboard.render import url_state as state
from dashboard.render import widgets as components
from dashboard.text.definitions import measure_title
from dashboard.text.i18n import t
from dashboard.text.narrative import ages

MAX_REGIONS = 8


def render() -> None:
    lang = state.lang()
    st.title(t("compare", lang))
    cols = st.columns([1, 1, 2, 2])
    age, year = components.age_and_year(cols[0], cols[1])
    measure = components.measure(cols[2])
    definition = components.definition(cols[3])
    regions = queries.regions()
    labels = components.region_label(regions, lang)
    own = state.remembered("region")
    picked = state.choices(
        "regions",
        regions["region_code"].to_list(),
        list(dict.fromkeys(["00", own])) if own else ["00", "04", "0486", "0480"],
        t("regions", lang),
        format_func=labels.__getitem__,
        max_selections=MAX_REGIONS,
    )
    if not picked:
        picked = ["00"]
    frame = queries.compare(picked, year, age, measure, definition)
    title = (
        f"{measure_title(measure, definition, lang)}, {ages(age)} {t('years_word', lang)}, {year}"
    )
    source = components.source_for(year, age, measure, definition)
    components.data_table(components.display_table(frame, lang), hide_index=True)
    fig = charts.compare_bars(frame, title, source, lang)
    summary = title + ": " + ", ".join(frame["region_name"].to_list())
    components.chart_with_data(
        fig,
        components.display_table(frame, lang, measure, definition),
        f"jamfor-{age}-{year}",
        summary,
        source,
        sql=queries.display_sql(
            "compare",
            regions=picked,
            year=year,
            age_group=age,
            measure=measure,
            definition=definition,
        ),
    )
    components.add_to_deck("compare")
    components.noise_notice([year])
