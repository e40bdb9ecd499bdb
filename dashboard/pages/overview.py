"""Översikt: one region against riket — shares, gap, rank, change, and a sentence."""

from __future__ import annotations

import polars as pl
import streamlit as st

from dashboard.charts import figures as charts
from dashboard.data import queries
from dashboard.render import url_state as state
from dashboard.render import widgets as components
from dashboard.text.definitions import measure_title
from dashboard.text.formatting import number, percent
from dashboard.text.i18n import level_word, t
from dashboard.text.narrative import ages, headline


def render() -> None:
    lang = state.lang()
    st.title(t("overview", lang))

    # 1. selections
    cols = st.columns([2, 1, 1, 2, 2])
    region = components.region(cols[0])
    age, year = components.age_and_year(cols[1], cols[2])
    measure = components.measure(cols[3])
    definition = components.definition(cols[4])

    # 2. data
    history = queries.region_measures(region, age, measure, definition)
    row = history.filter(pl.col("year") == year).row(0, named=True)
    earlier = history.filter(pl.col("year") < year)

    # 3. output
    st.markdown(f"### {headline(row, year, age, measure, lang)}")
    metrics = st.columns(4)
    previous = earlier.row(-1, named=True) if earlier.height else None
    first = earlier.row(0, named=True) if earlier.height else None
    for column, sex in zip(metrics[:3], ("women", "men", "total"), strict=True):
        delta = None
        if previous and previous[f"{sex}_share"] is not None:
            delta = (
                f"{number(row[f'{sex}_share'] - previous[f'{sex}_share'], 1, lang)} {t('pp_short', lang)} "
                + t("since_previous", lang, year=previous["year"])
            )
        column.metric(t(sex, lang), percent(row[f"{sex}_share"], 1, lang), delta)
    metrics[3].metric(
        t("gap_pp", lang),
        f"{number(row['gap_pp'], 1, lang)} {t('pp_short', lang)}",
        f"{t('country', lang)}: {number(row['country_gap_pp'], 1, lang)} {t('pp_short', lang)}",
        delta_color="off",
        delta_arrow="off",  # riket's gap is a reference, not a change: no arrow
    )
    if row["region_level"] != "country":
        ranks = " · ".join(
            f"{t(sex, lang)}: "
            + t(
                "rank_of",
                lang,
                rank=row[f"rank_{sex}"],
                n=row["n_regions"],
                level=level_word(row["region_level"], lang),
            )
            for sex in ("women", "men", "total")
        )
        st.markdown(f"**{t('rank', lang)}** — {ranks}")
    if first and first["year"] != (previous or {}).get("year"):
        st.caption(
            f"{t('since_previous', lang, year=first['year']).capitalize()}: "
            + ", ".join(
                f"{t(s, lang).lower()} {number(row[f'{s}_share'] - first[f'{s}_share'], 1, lang)} "
                f"{t('pp_short', lang)}"
                for s in ("women", "men", "total")
            )
        )
    components.noise_notice([year])

    title = f"{measure_title(measure, definition, lang)}, {ages(age)} {t('years_word', lang)}"
    source = components.source_for(year, age, measure, definition)
    if history.height > 1:
        series = queries.series([region], age, measure, definition)
        fig = charts.trend_lines(
            series, ["women", "men"], title, source, lang, queries.series_breaks()
        )
        table = series
    else:
        # one year only (e.g. 25-64 from the offline files): the region against riket instead
        codes = [region] if region == "00" else ["00", region]
        table = pl.concat(
            [
                queries.region_measures(c, age, measure, definition).filter(pl.col("year") == year)
                for c in codes
            ]
        )
        fig = charts.compare_bars(table, f"{title}, {year}", source, lang)
        st.caption(t("only_one_year", lang, age=ages(age), year=year))
    components.chart_with_data(
        fig,
        components.display_table(table, lang, measure, definition),
        f"oversikt-{region}-{age}",
        headline(row, year, age, measure, lang),
        source,
        sql=queries.display_sql(
            "region_measures",
            region=region,
            age_group=age,
            measure=measure,
            definition=definition,
        ),
    )
    components.add_to_deck("overview")
