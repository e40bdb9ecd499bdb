"""Bar charts: regions ranked, women against men per region (dumbbell), a few regions side
by side, and one region under every definition."""

from __future__ import annotations

import plotly.graph_objects as go
import polars as pl

from dashboard.charts.theme import (
    COLOURS,
    format_value,
    layout,
    percent_axis,
    points_axis,
    reference_lines,
    region_names,
    value_column,
)
from dashboard.text.formatting import number, percent
from dashboard.text.i18n import show_label, t


def ranking_bars(
    frame: pl.DataFrame,
    show: str,
    title: str,
    lang: str = "sv",
    highlight: str | None = None,
    references: tuple[tuple[str, float], ...] = (),
) -> go.Figure:
    """Regions sorted by one value (women, men, total or gap), riket as a reference line."""
    column = value_column(show)
    regions = frame.filter(pl.col("region_level") != "country").drop_nulls(column).sort(column)
    colours = [
        COLOURS["highlight"] if code == highlight else COLOURS[show]
        for code in regions["region_code"]
    ]
    values = regions[column].to_list()
    names = [
        f"<b>{n}</b>" if c == highlight else n
        for n, c in zip(regions["region_name"], regions["region_code"], strict=True)
    ]
    outline = [2.5 if code == highlight else 0 for code in regions["region_code"]]
    fig = go.Figure(
        go.Bar(
            y=names,
            x=values,
            orientation="h",
            marker={"color": colours, "line": {"color": "#000000", "width": outline}},
            text=[format_value(v, show, lang) for v in values],
            textposition="outside",
            cliponaxis=False,
            customdata=regions["region_code"].to_list(),
            hovertemplate="%{y}: %{text}<extra></extra>",
            name=show_label(show, lang),
        )
    )
    reference_lines(fig, references, show, lang)
    axis = percent_axis(lang) if show != "gap" else points_axis(lang)
    return layout(
        fig,
        title,
        lang,
        xaxis=axis,
        height=max(420, 22 * regions.height + 160),
        showlegend=False,
        yaxis={"automargin": True, "dtick": 1},
    )


def dumbbell(
    frame: pl.DataFrame,
    title: str,
    lang: str = "sv",
    highlight: str | None = None,
) -> go.Figure:
    """Men's and women's share per region joined by a line, sorted by the gap; riket and the
    marked region in bold."""
    rows = frame.drop_nulls("gap_pp").sort("gap_pp")
    names = [
        f"<b>{n}</b>" if c in (highlight, "00") else n
        for n, c in zip(region_names(rows, lang), rows["region_code"], strict=True)
    ]
    fig = go.Figure()
    xs: list[float | None] = []
    ys: list[str | None] = []
    for name, men, women in zip(names, rows["men_share"], rows["women_share"], strict=True):
        xs += [men, women, None]
        ys += [name, name, None]
    fig.add_scatter(
        x=xs,
        y=ys,
        mode="lines",
        line={"color": COLOURS["muted"], "width": 3},
        hoverinfo="skip",
        showlegend=False,
    )
    for sex in ("men", "women"):
        fig.add_scatter(
            x=rows[f"{sex}_share"].to_list(),
            y=names,
            mode="markers",
            name=t(sex, lang),
            marker={
                "color": COLOURS[sex],
                "size": 11,
                "symbol": "circle" if sex == "women" else "diamond",
            },
            customdata=[number(g, 1, lang) for g in rows["gap_pp"]],
            hovertemplate="%{y}: %{x:.1f}<br>"
            + t("gap_pp", lang)
            + " %{customdata} "
            + t("pp_short", lang)
            + "<extra>"
            + t(sex, lang)
            + "</extra>",
        )
    return layout(
        fig,
        title,
        lang,
        xaxis=percent_axis(lang),
        height=max(420, 24 * rows.height + 160),
        yaxis={"automargin": True, "dtick": 1},
    )


def compare_bars(frame: pl.DataFrame, title: str, lang: str = "sv") -> go.Figure:
    """Women, men and total for a handful of regions side by side."""
    fig = go.Figure()
    for sex in ("women", "men", "total"):
        values = frame[f"{sex}_share"].to_list()
        fig.add_bar(
            x=region_names(frame, lang),
            y=values,
            name=t(sex, lang),
            marker_color=COLOURS[sex],
            text=[percent(v, 1, lang) for v in values],
            textposition="outside",
        )
    return layout(fig, title, lang, barmode="group", yaxis=percent_axis(lang), height=520)


def definition_bars(frame: pl.DataFrame, title: str, lang: str = "sv") -> go.Figure:
    """Women and men under every definition (the "Vilken siffra stämmer?" panel), one row per
    definition, labelled on two lines so long definition names stay readable."""
    rows = frame.reverse()  # Plotly draws the first category at the bottom
    labels = [label.replace(" · ", "<br>", 1) for label in rows["region_name"]]
    fig = go.Figure()
    for sex in ("men", "women"):
        values = rows[f"{sex}_share"].to_list()
        fig.add_bar(
            y=labels,
            x=values,
            orientation="h",
            name=t(sex, lang),
            marker_color=COLOURS[sex],
            text=[percent(v, 1, lang) for v in values],
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{y}: %{text}<extra>" + t(sex, lang) + "</extra>",
        )
    return layout(
        fig,
        title,
        lang,
        barmode="group",
        xaxis=percent_axis(lang),
        yaxis={"automargin": True},
        height=max(420, 62 * rows.height + 160),
        margin={"l": 10, "r": 70, "t": 80, "b": 40},  # room for the value labels outside the bars
        legend={
            "orientation": "h",
            "y": 1.02,
            "x": 1,
            "xanchor": "right",
            "yanchor": "bottom",
            "traceorder": "reversed",
        },
    )
