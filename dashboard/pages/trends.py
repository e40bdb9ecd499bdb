"""Utveckling: shares over time for chosen regions against riket, by sex; series breaks marked."""

from __future__ import annotations

import streamlit as st

from dashboard.charts import figures as charts
from dashboard.data import queries
from dashboard.render import url_state as state
from dashboard.render import widgets as components
from dashboard.text.definitions import measure_title
from dashboard.text.i18n import show_label, t
from dashboard.text.narrative import ages

SEXES = ("women", "men", "total", "gap")


def render() -> None:
    lang = state.lang()
    st.title(t("trends", lang))

    # 1. selections
    periods = queries.available_periods()
    cols = st.columns([1, 2, 2])
    multi_year = [a for a, years in sorted(periods.items()) if len(years) > 1] or sorted(periods)
    age = state.choice(
        "age",
        multi_year,
        "25-64" if "25-64" in multi_year else multi_year[0],
        t("age", lang),
        format_func=lambda a: f"{ages(a)} {t('years_word', lang)}",
        container=cols[0],
    )
    measure = components.measure(cols[1])
    definition = components.definition(cols[2])
    regions = queries.regions()
    labels = components.region_label(regions, lang)
    choices = [c for c in regions["region_code"] if c != "00"]
    own = state.remembered("region")
    picked = state.choices(
        "regions",
        choices,
        [own] if own is not None and own in choices else ["04"],
        t("regions", lang),
        format_func=labels.__getitem__,
        max_selections=8,
    )
    sexes = state.choices(
        "sex",
        list(SEXES),
        ["women", "men"],
        t("show", lang),
        format_func=lambda s: show_label(s, lang),
    ) or ["women", "men"]

    # 2. data
    series = queries.series(picked, age, measure, definition)
    years = sorted(set(series["year"]))

    # 3. output
    title = (
        f"{measure_title(measure, definition, lang)}, {ages(age)} {t('years_word', lang)}, "
        f"{years[0]}–{years[-1]}"
    )
    source = components.source_for(years[-1], age, measure, definition)
    fig = charts.trend_lines(series, sexes, title, source, lang, queries.series_breaks())
    summary = f"{title}: " + ", ".join(sorted(set(series["region_name"])))
    components.chart_with_data(
        fig,
        components.display_table(series, lang, measure, definition),
        f"utveckling-{age}",
        summary,
        source,
        sql=queries.display_sql(
            "series",
            regions=sorted(picked),
            age_group=age,
            measure=measure,
            definition=definition,
        ),
    )
    components.add_to_deck("trends")
    components.noise_notice(years)
