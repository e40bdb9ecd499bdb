"""Choropleth maps drawn from our own GeoJSON on a blank background (no tiles, no downloads).

The colour scale spreads the values shown: shares on a sequential scale over their range, a
gap sequential too when every gap lies on one side of zero (a scale symmetric around 0 painted
every Sörmland kommun the same purple), diverging around 0 only when gaps change sign. The
marked region is outlined; pictures and slides name the regions where the names fit (labels
are placed by `map_fit.apply`, which knows the picture's size).
"""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go
import polars as pl

from dashboard.charts import map_fit
from dashboard.charts.markers import add_centres, add_network
from dashboard.charts.theme import (
    DIVERGING,
    SEQUENTIAL,
    SEQUENTIAL_GAP,
    format_value,
    layout,
    value_column,
)
from dashboard.text.i18n import t

#: The plot area of a map on a page (the figure is 760 px high; the page about 1000 px wide);
#: the page's script re-fits the map to the plot area it really has (a phone's is 360 px wide).
MAP_AREA = (1000, 600)
#: Up to this many regions are named on a picture of the map (a län's kommuner: at most 49).
MAX_LABELS = 60


def colour_scale(values: list[float | None], show: str) -> dict[str, Any]:
    known = [v for v in values if v is not None]
    if not known:
        return {"colorscale": SEQUENTIAL}
    low, high = min(known), max(known)
    if show == "gap" and low < 0 < high:
        limit = max(abs(low), abs(high))
        return {"colorscale": DIVERGING, "zmid": 0, "zmin": -limit, "zmax": limit}
    if high - low < 1e-9:
        low, high = low - 0.5, high + 0.5
    return {
        "colorscale": SEQUENTIAL_GAP if show == "gap" else SEQUENTIAL,
        "zmin": low,
        "zmax": high,
    }


def _hover(rows: pl.DataFrame, show: str, lang: str) -> list[str]:
    column = value_column(show)
    rank_column = "rank_gap" if show == "gap" else f"rank_{show}"
    county_rank = "county_rank_gap" if show == "gap" else f"county_rank_{show}"
    texts = []
    for row in rows.iter_rows(named=True):
        text = f"{row['region_name']}<br>{format_value(row[column], show, lang)}"
        if row.get(rank_column) is not None:
            text += f"<br>{t('rank_national', lang)} {row[rank_column]} / {row['n_regions']}"
        if row.get(county_rank) is not None and row.get("n_in_county"):
            text += f"<br>{t('rank_in_county', lang)} {row[county_rank]} / {row['n_in_county']}"
        texts.append(text)
    return texts


def _outline(fig: go.Figure, geojson: Any, codes: list[str], width: float, colour: str) -> None:
    fig.add_trace(
        go.Choroplethmap(
            geojson=geojson,
            locations=codes,
            z=[0] * len(codes),
            colorscale=[[0, "rgba(0,0,0,0)"], [1, "rgba(0,0,0,0)"]],
            showscale=False,
            marker={"line": {"width": width, "color": colour}},
            hoverinfo="skip",
            showlegend=False,
        )
    )


def labels(
    rows: pl.DataFrame,
    points: dict[str, tuple[float, float]],
    highlight: str | None,
    boxes: dict[str, map_fit.Bounds] | None = None,
) -> list[list[Any]]:
    """[lon, lat, name, marked, west, south, east, north] for the regions a picture may name
    (a map of a län's kommuner: all of them; of many: only the marked one). The box is the
    region's: `map_fit.apply` writes a name only where it fits inside it."""
    named = (
        rows
        if rows.height <= MAX_LABELS
        else rows.filter(pl.col("region_code") == (highlight or ""))
    )
    return [
        [*points[code], name, code == highlight, *(boxes or {}).get(code, (0, 0, 0, 0))]
        for code, name in zip(named["region_code"], named["region_name"], strict=True)
        if code in points
    ]


def choropleth(
    geojson: dict[str, Any],
    frame: pl.DataFrame,
    show: str,
    title: str,
    lang: str = "sv",
    centres: pl.DataFrame | None = None,
    network: pl.DataFrame | None = None,
    outlines: dict[str, Any] | None = None,
    urls: tuple[str | None, str | None] = (None, None),
    highlight: str | None = None,
    points: dict[str, tuple[float, float]] | None = None,
    boxes: dict[str, map_fit.Bounds] | None = None,
) -> go.Figure:
    """Regions coloured by a value, the marked one outlined, known lärcentrum as markers by
    confidence, kommuner with only kommun-level evidence apart. Hover shows value and ranks.
    `urls` (regions, outlines): where the browser can fetch the whole level's GeoJSON instead
    of receiving it in the figure; the frame is fitted to the shapes passed in either way."""
    column = value_column(show)
    rows = frame.filter(pl.col("region_level") != "country")
    values = rows[column].to_list()
    fig = go.Figure(
        go.Choroplethmap(
            geojson=urls[0] or geojson,
            locations=rows["region_code"].to_list(),
            z=values,
            text=_hover(rows, show, lang),
            hovertemplate="%{text}<extra></extra>",
            marker={"line": {"width": 0.4, "color": "white"}},
            # under the map, across it: a bar beside it took a fifth of a phone's width
            colorbar={
                "title": {"text": t("pp_short", lang) if show == "gap" else "%", "side": "right"},
                "orientation": "h",
                "x": 0.5,
                "xanchor": "center",
                "y": -0.02,
                "yanchor": "top",
                "len": 0.9,
                "thickness": 12,
            },
            **colour_scale(values, show),
        )
    )
    if outlines is not None and outlines.get("features"):
        # län borders over kommun maps, so a county's shape is recognisable
        _outline(fig, urls[1] or outlines, [f["id"] for f in outlines["features"]], 1.6, "#222222")
    if highlight and highlight in set(rows["region_code"]):
        _outline(fig, urls[0] or geojson, [highlight], 4, "#000000")
    if centres is not None and not centres.is_empty():
        add_centres(fig, centres, lang)
    if network is not None and not network.is_empty():
        add_network(fig, network, lang)
    bounds = map_fit.bounds_of(geojson)
    centre, zoom = map_fit.fit(bounds, *MAP_AREA) if bounds else ({"lat": 62.5, "lon": 16.5}, 3.6)
    fig.update_layout(
        map={"style": "white-bg", "center": centre, "zoom": zoom},
        meta={
            "bounds": list(bounds) if bounds else None,
            "labels": labels(rows, points or {}, highlight, boxes),
        },
        # the marker legend says what each marker means, even when only one kind is on the map
        showlegend=any(trace.type == "scattermap" for trace in fig.data),
    )
    return layout(
        fig,
        title,
        lang,
        height=760,
        margin={"l": 0, "r": 0, "t": 70, "b": 10},
        # the marker legend above the map, never over a county (it covered Norrbotten's north)
        legend={
            "orientation": "h",
            "x": 0,
            "y": 1.01,
            "xanchor": "left",
            "yanchor": "bottom",
            "font": {"size": 12},
        },
    )
