"""Län: the 21 counties' post-secondary shares for women and men, against riket."""

from __future__ import annotations

import streamlit as st

from dashboard import charts, queries
from dashboard.captions import source_text
from dashboard.formatting import percent, points

AGE_DEFAULT = "25-64"
MEASURE_LABELS = {
    "post_secondary": "Eftergymnasial utbildning (nivå 5–7)",
    "post_secondary_3plus": "Minst 3 års eftergymnasial utbildning (nivå 6–7)",
}


def _from_url(key: str, allowed: list[str], default: str) -> str:
    """A selection from the URL; an invalid value falls back to the default with a notice."""
    value = st.query_params.get(key)
    if value is None:
        return default
    if value not in allowed:
        st.warning(f"Ogiltigt värde i länken: {key}={value!r}. Visar {default} i stället.")
        return default
    return value


def render() -> None:
    st.title("Utbildningsnivå i länen")
    periods = queries.available_periods()
    ages = sorted(periods)

    # 1. selections, read from and written back to the URL
    age = _from_url("age", ages, AGE_DEFAULT if AGE_DEFAULT in ages else ages[0])
    years = [str(y) for y in periods[age]]
    year = _from_url("year", years, years[0])
    measure = _from_url("measure", list(MEASURE_LABELS), "post_secondary")
    cols = st.columns(3)
    age = cols[0].selectbox("Ålder", ages, index=ages.index(age), format_func=lambda a: f"{a} år")
    years = [str(y) for y in periods[age]]
    year = cols[1].selectbox("År", years, index=years.index(year) if year in years else 0)
    measure = cols[2].selectbox(
        "Mått",
        list(MEASURE_LABELS),
        index=list(MEASURE_LABELS).index(measure),
        format_func=MEASURE_LABELS.__getitem__,
    )
    st.query_params.update({"age": age, "year": year, "measure": measure})

    # 2. data
    frame = queries.county_shares(int(year), age, measure)
    source = source_text(queries.source_line(int(year), age))
    country = frame.filter(frame["region_level"] == "country").row(0, named=True)

    # 3. output
    st.markdown(
        f"I riket hade **{percent(country['women_share'])}** av kvinnorna och "
        f"**{percent(country['men_share'])}** av männen {age} år "
        f"{MEASURE_LABELS[measure].lower()} år {year} — en skillnad på "
        f"**{points(country['gap_pp'])}**."
    )
    title = f"{MEASURE_LABELS[measure]}, {age} år, {year}"
    fig = charts.county_bars(frame, title, source)
    st.plotly_chart(fig, alt=f"{title}. Tabellen nedan visar samma siffror.")
    table = frame.select(
        "region_name", "women_share", "men_share", "gap_pp", "rank_women", "rank_men"
    )
    st.dataframe(
        table,
        hide_index=True,
        column_config={
            "region_name": "Region",
            "women_share": st.column_config.NumberColumn("Kvinnor %", format="%.1f"),
            "men_share": st.column_config.NumberColumn("Män %", format="%.1f"),
            "gap_pp": st.column_config.NumberColumn("Skillnad (p.e.)", format="%.1f"),
            "rank_women": "Rang kvinnor",
            "rank_men": "Rang män",
        },
    )
    st.caption(source)
