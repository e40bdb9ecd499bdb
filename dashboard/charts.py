"""Plotly figures from query results. No Streamlit here, so every chart is unit-testable and
the same figure serves the page, slide view and exports."""

from __future__ import annotations

import plotly.graph_objects as go
import polars as pl

from dashboard.formatting import percent

#: Okabe-Ito colours: distinguishable with the common forms of colour blindness.
COLOURS = {"women": "#D55E00", "men": "#0072B2", "total": "#009E73", "country": "#000000"}
SEX_LABELS = {
    "sv": {"women": "Kvinnor", "men": "Män", "total": "Totalt"},
    "en": {"women": "Women", "men": "Men", "total": "Total"},
}


def with_source(fig: go.Figure, source: str) -> go.Figure:
    """Put the source line inside the figure, so it survives every export."""
    fig.add_annotation(
        text=source,
        xref="paper",
        yref="paper",
        x=0,
        y=-0.12,
        xanchor="left",
        yanchor="top",
        showarrow=False,
        font={"size": 11, "color": "#555"},
    )
    fig.update_layout(margin={"b": 90})
    return fig


def county_bars(frame: pl.DataFrame, title: str, source: str, lang: str = "sv") -> go.Figure:
    """Women's and men's share per län, sorted by women's share, riket as reference lines."""
    counties = frame.filter(pl.col("region_level") == "county").sort("women_share")
    country = frame.filter(pl.col("region_level") == "country")
    labels = SEX_LABELS[lang]
    fig = go.Figure()
    for sex in ("men", "women"):
        values = counties[f"{sex}_share"].to_list()
        fig.add_bar(
            y=counties["region_name"].to_list(),
            x=values,
            orientation="h",
            name=labels[sex],
            marker_color=COLOURS[sex],
            text=[percent(v, 1, lang) for v in values],
            textposition="outside",
            hovertemplate="%{y}: %{text}<extra>" + labels[sex] + "</extra>",
        )
    if not country.is_empty():
        for sex, dash in (("women", "dash"), ("men", "dot")):
            share = country[f"{sex}_share"][0]
            fig.add_vline(
                x=share,
                line_dash=dash,
                line_color=COLOURS[sex],
                annotation_text=f"{country['region_name'][0]} {labels[sex].lower()} "
                f"{percent(share, 1, lang)}",
                annotation_position="top",
            )
    fig.update_layout(
        title=title,
        barmode="group",
        height=max(480, 34 * counties.height + 160),
        xaxis={"ticksuffix": " %" if lang == "sv" else "%", "rangemode": "tozero"},
        legend={"orientation": "h", "y": 1.02, "x": 1, "xanchor": "right", "yanchor": "bottom"},
        separators=", " if lang == "sv" else ".,",
    )
    return with_source(fig, source)
