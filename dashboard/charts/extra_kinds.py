"""The change view's chart: regions by their change between two
years, riket a black bar among them (the age view's is `dashboard.charts.ages`)."""

from __future__ import annotations

import plotly.graph_objects as go
import polars as pl

from dashboard.charts.theme import (
    COLOURS,
    bar_colour,
    format_value,
    label_room,
    layout,
    points_axis,
    ranked_rows,
)
from dashboard.model.result import ViewResult
from dashboard.text.i18n import t


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
