"""Bar charts: regions ranked, women against men per region (dumbbell), a few regions side
by side, and one region under every definition."""

from __future__ import annotations

import textwrap

import plotly.graph_objects as go
import polars as pl

from dashboard.charts.theme import (
    COLOURS,
    bar_colour,
    format_value,
    label_room,
    layout,
    percent_axis,
    points_axis,
    ranked_rows,
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
    """Regions sorted by one value (women, men, total or gap); riket (and a kommungrupp) a black
    bar among them, so every value label stands clear at the end of its own bar."""
    column = value_column(show)
    regions = frame.filter(pl.col("region_level") != "country").drop_nulls(column)
    rows = ranked_rows(regions, column, references)
    values = [value for _, value, _ in rows]
    texts = [format_value(v, show, lang) for v in values]
    marked = {code for _, _, code in rows if code == highlight or code.startswith("ref")}
    fig = go.Figure(
        go.Bar(
            y=[f"<b>{n}</b>" if c in marked else n for n, _, c in rows],
            x=values,
            orientation="h",
            marker={
                "color": [bar_colour(c, highlight, COLOURS[show]) for _, _, c in rows],
                "line": {
                    "color": "#000000",
                    "width": [2.5 if c == highlight else 0 for *_, c in rows],
                },
            },
            text=texts,
            textposition="outside",
            cliponaxis=False,
            customdata=[c for *_, c in rows],
            hovertemplate="%{y}: %{text}<extra></extra>",
            name=show_label(show, lang),
        )
    )
    axis = percent_axis(lang) if show != "gap" else points_axis(lang)
    return layout(
        fig,
        title,
        lang,
        xaxis=axis,
        height=max(420, 22 * len(rows) + 160),
        showlegend=False,
        yaxis={"automargin": True, "dtick": 1},
        margin={"l": 10, "r": label_room(texts), "t": 80, "b": 40},
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


#: A definition's label is wrapped to lines this long: the whole label fits beside the bars of a
#: phone (one line of ~60 characters started left of the screen)
LABEL_CHARS = 24


def _wrapped(label: str, chars: int = LABEL_CHARS) -> str:
    """ "25–64 år · nivå 5–7 · okänd nivå i nämnaren (som Kolada)" on short lines."""
    parts = [textwrap.wrap(part, chars) or [part] for part in label.split(" · ")]
    return "<br>".join(line for part in parts for line in part)


def definition_bars(
    frame: pl.DataFrame, title: str, lang: str = "sv", label_chars: int = LABEL_CHARS
) -> go.Figure:
    """Women and men under every definition (the "Vilken siffra stämmer?" panel), one row per
    definition, labelled on two lines so long definition names stay readable."""
    rows = frame.reverse()  # Plotly draws the first category at the bottom
    labels = [_wrapped(label, label_chars) for label in rows["region_name"]]
    lines = max((label.count("<br>") + 1 for label in labels), default=1)
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
        height=max(420, max(62, 17 * lines + 12) * rows.height + 160),
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
