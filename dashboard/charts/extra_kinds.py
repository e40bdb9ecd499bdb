"""Charts of the views added later: age groups (women, men and the gap by 10-year group, riket
dashed, the län dotted) and change between two years (regions by their change, riket as the
reference line)."""

from __future__ import annotations

import plotly.graph_objects as go
import polars as pl
from plotly.subplots import make_subplots

from dashboard.charts.theme import (
    COLOURS,
    bar_colour,
    format_value,
    label_room,
    layout,
    percent_axis,
    points_axis,
    ranked_rows,
)
from dashboard.model.result import ViewResult
from dashboard.text.formatting import number
from dashboard.text.i18n import t
from dashboard.text.narrative import ages

#: riket dashed, the län (beside a kommun) dotted — as in the trend lines
DASHES = {"country": "dash", "county": "dot"}


def figure(result: ViewResult) -> go.Figure:
    if result.chart.kind == "age":
        return age_bars(result)
    if result.chart.kind == "change":
        return change_bars(result)
    raise ValueError(f"no chart for kind {result.chart.kind!r}")


def ten_year_rows(frame: pl.DataFrame) -> pl.DataFrame:
    """The 10-year groups only (the totals are in the table), by age."""
    return frame.filter(~pl.col("is_total")).sort("age_order")


def _name(code: str, name: str, lang: str) -> str:
    return t("country", lang) if code == "00" else name


def age_bars(result: ViewResult) -> go.Figure:
    """Top: women's and men's shares of the region as bars, riket (and the län) as lines over
    them. Bottom: the gap per age group, the region's bars against riket's line."""
    spec, lang = result.chart, result.lang
    rows = ten_year_rows(spec.frame)
    region = spec.highlight or ""
    own = rows.filter(pl.col("region_code") == region)
    others = rows.filter(pl.col("region_code") != region)
    labels = [ages(a) for a in own["age_group"]]
    fig = make_subplots(
        rows=2,
        cols=1,
        shared_xaxes=True,
        vertical_spacing=0.1,
        row_heights=[0.58, 0.42],
        subplot_titles=(f"{t('women', lang)} / {t('men', lang).lower()}", t("gap_pp", lang)),
    )
    own_name = _name(region, str(own["region_name"][0]) if own.height else region, lang)
    for sex in ("women", "men"):
        values = own[f"{sex}_share"].to_list()
        fig.add_bar(
            x=labels,
            y=values,
            name=f"{own_name} – {t(sex, lang).lower()}",
            marker_color=COLOURS[sex],
            text=[format_value(v, sex, lang) for v in values],
            textposition="outside",
            cliponaxis=False,
            row=1,
            col=1,
        )
    gaps = own["gap_pp"].to_list()
    fig.add_bar(
        x=labels,
        y=gaps,
        name=f"{own_name} – {t('gap_word', lang)}",
        marker_color=COLOURS["gap"],
        text=[format_value(v, "gap", lang) for v in gaps],
        textposition="outside",
        cliponaxis=False,
        row=2,
        col=1,
    )
    for code, name, level in (
        others.select("region_code", "region_name", "region_level")
        .unique(maintain_order=True)
        .iter_rows()
    ):
        other = others.filter(pl.col("region_code") == code)
        shown = _name(code, name, lang)
        by_age = dict(zip(other["age_group"], other.iter_rows(named=True), strict=True))
        dash = DASHES.get(level, "dot")
        for sex in ("women", "men"):
            fig.add_scatter(
                x=labels,
                y=[by_age.get(a, {}).get(f"{sex}_share") for a in own["age_group"]],
                mode="lines+markers",
                name=f"{shown} – {t(sex, lang).lower()}",
                line={"color": COLOURS[sex], "dash": dash, "width": 2},
                marker={"symbol": "diamond" if level == "country" else "square", "size": 8},
                row=1,
                col=1,
            )
        ref = [by_age.get(a, {}).get("gap_pp") for a in own["age_group"]]
        fig.add_scatter(
            x=labels,
            y=ref,
            mode="lines+markers+text",
            name=f"{shown} – {t('gap_word', lang)}",
            line={"color": COLOURS["country"] if level == "country" else "#555555", "dash": dash},
            marker={"symbol": "diamond" if level == "country" else "square", "size": 8},
            text=[number(v, 1, lang) if level == "country" else "" for v in ref],
            textposition="middle right",
            row=2,
            col=1,
        )
    fig.update_yaxes(percent_axis(lang), row=1, col=1)
    axis = points_axis(lang)
    axis.pop("title", None)
    fig.update_yaxes(axis, row=2, col=1)
    fig.update_xaxes(title_text=t("age", lang), row=2, col=1)
    return layout(
        fig,
        result.title,
        lang,
        barmode="group",
        height=720,
        margin={"l": 10, "r": 10, "t": 110, "b": 40},
        # beside the plot, not under it: a picture's source line sits under the plot
        legend={"orientation": "v", "y": 1, "x": 1.01, "xanchor": "left", "yanchor": "top"},
    )


def change_bars(result: ViewResult) -> go.Figure:
    """Regions by their change in points, largest rise on top; hover says rank then and now;
    riket's change a black bar among them. A fall's label stands right of zero, on the side
    its bar leaves empty (at the bar's end it ran into the region names)."""
    spec, lang = result.chart, result.lang
    regions = spec.frame.filter(pl.col("region_level") != "country").drop_nulls("change")
    rows = ranked_rows(regions, "change", spec.references)
    highlight = spec.highlight
    ranks = {
        code: t(
            "change_ranks", lang, then=a if a is not None else "–", now=b if b is not None else "–"
        )
        for code, a, b in zip(
            regions["region_code"], regions["rank_then"], regions["rank_now"], strict=True
        )
    }
    values = [value for _, value, _ in rows]
    texts = [("+" if v > 0 else "") + format_value(v, "gap", lang) for v in values]
    names = [f"<b>{n}</b>" if c == highlight or c.startswith("ref") else n for n, _, c in rows]
    fig = go.Figure(
        go.Bar(
            y=names,
            x=values,
            orientation="h",
            marker={
                "color": [bar_colour(c, highlight, COLOURS[spec.show]) for *_, c in rows],
                "line": {
                    "color": "#000000",
                    "width": [2.5 if c == highlight else 0 for *_, c in rows],
                },
            },
            text=[text if v >= 0 else "" for text, v in zip(texts, values, strict=True)],
            textposition="outside",
            cliponaxis=False,
            customdata=[ranks.get(c, "") for *_, c in rows],
            hovertemplate="%{y}: %{x:.1f} · %{customdata}<extra></extra>",
        )
    )
    for name, text, value in zip(names, texts, values, strict=True):
        if value < 0:
            fig.add_annotation(
                x=0,
                y=name,
                text=text,
                xanchor="left",
                xshift=4,
                showarrow=False,
                name="value_label",
            )
    return layout(
        fig,
        result.title,
        lang,
        xaxis=points_axis(lang) | {"title": {"text": t("change_word", lang)}},
        height=max(420, 22 * len(rows) + 160),
        showlegend=False,
        yaxis={"automargin": True, "dtick": 1},
        margin={"l": 10, "r": label_room(texts), "t": 80, "b": 40},
    )
