"""Lines over time. Colour says the sex (women vermilion, men blue), the dash says the region:
the chosen region solid, others dotted, riket always dashed — so riket's women and men are
told apart from each other and from the region's, with a legend naming every line."""

from __future__ import annotations

import plotly.graph_objects as go
import polars as pl

from dashboard.charts.theme import (
    COLOURS,
    COUNTRY_DASH,
    REGION_DASHES,
    layout,
    percent_axis,
    points_axis,
    value_column,
)
from dashboard.text.i18n import show_label, t


def trend_lines(
    frame: pl.DataFrame,
    sexes: tuple[str, ...] | list[str],
    title: str,
    lang: str = "sv",
    breaks: tuple[int, ...] | list[int] = (),
) -> go.Figure:
    """Shares (or the gap) over time per region and sex; SCB's series breaks marked."""
    fig = go.Figure()
    regions = frame.select("region_code", "region_name").unique(maintain_order=True).rows()
    regions = [r for r in regions if r[0] != "00"] + [r for r in regions if r[0] == "00"]
    for index, (code, name) in enumerate(regions):
        name = t("country", lang) if code == "00" else name
        rows = frame.filter(pl.col("region_code") == code).sort("year")
        for sex in sexes:
            fig.add_scatter(
                x=rows["year"].to_list(),
                y=rows[value_column(sex)].to_list(),
                mode="lines+markers",
                name=f"{name} – {show_label(sex, lang).lower()}",
                line={
                    "color": COLOURS[sex],
                    "dash": COUNTRY_DASH
                    if code == "00"
                    else REGION_DASHES[index % len(REGION_DASHES)],
                    "width": 2.5 if code == "00" else 3,
                },
                marker={"symbol": "circle-open" if code == "00" else "circle", "size": 7},
                hovertemplate=f"{name} %{{x}}: %{{y:.1f}}<extra>{show_label(sex, lang)}</extra>",
            )
    years = frame["year"].to_list()
    for year in breaks:
        if years and min(years) < year <= max(years):
            fig.add_vline(
                x=year - 0.5,
                line_dash="dot",
                line_color="#666",
                annotation_text=f"{t('series_break', lang)} {year}",
                annotation_position="top left",
            )
    gap_only = list(sexes) == ["gap"]
    axis = points_axis(lang) if gap_only else percent_axis(lang) if "gap" not in sexes else {}
    span = len(set(years))
    return layout(
        fig,
        title,
        lang,
        yaxis=axis,
        xaxis={"dtick": 1 if span <= 12 else 5, "tickformat": "d"},
        height=520,
        legend={"orientation": "h", "y": -0.12, "x": 0, "xanchor": "left", "yanchor": "top"},
        margin={"l": 10, "r": 10, "t": 80, "b": 40},
    )
