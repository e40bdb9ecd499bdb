"""Plotly figures from a view's chart specification. No Streamlit here: the page, the slide
view and the pictures draw the same figure; the PowerPoint draws the same specification
natively (dashboard.render.pptx_charts). Figures carry their title but not the source line:
each output shows the source once, where it cannot be clipped (a picture adds it inside)."""

from __future__ import annotations

import plotly.graph_objects as go

from dashboard.charts import map_fit
from dashboard.charts.bars import compare_bars, definition_bars, dumbbell, ranking_bars
from dashboard.charts.lines import trend_lines
from dashboard.charts.maps import choropleth
from dashboard.model.result import ViewResult


def figure(result: ViewResult, inline_shapes: bool = False) -> go.Figure:
    """The result's chart. A page's map names its outlines by URL (the browser caches them);
    pictures and slides need them inline (`inline_shapes`)."""
    from dashboard.charts import extra_kinds

    spec, lang, title = result.chart, result.lang, result.title
    if spec.kind == "ranking":
        return ranking_bars(spec.frame, spec.show, title, lang, spec.highlight, spec.references)
    if spec.kind == "dumbbell":
        return dumbbell(spec.frame, title, lang, spec.highlight)
    if spec.kind == "lines":
        return trend_lines(spec.frame, spec.sexes, title, lang, spec.breaks)
    if spec.kind == "columns":
        return compare_bars(spec.frame, title, lang)
    if spec.kind == "definitions":
        return definition_bars(spec.frame, title, lang)
    if spec.kind == "map":
        return _map(result, inline_shapes)
    return extra_kinds.figure(result)


def _map(result: ViewResult, inline_shapes: bool) -> go.Figure:
    from dashboard.data import places

    spec = result.chart
    geojson, outlines = places.map_shapes(spec.level, set(spec.frame["region_code"]), spec.county)
    # each region's box: a name is written only where it fits inside it (map_fit.apply)
    boxes = {
        feature["id"]: box
        for feature in geojson["features"]
        if (box := map_fit.bounds_of({"features": [feature]}))
    }
    if spec.level == "municipality":
        points = places.label_points()
    else:
        points = {code: ((b[0] + b[2]) / 2, (b[1] + b[3]) / 2) for code, b in boxes.items()}
    urls = (
        (None, None)
        if inline_shapes
        else (
            places.shapes_url(spec.level),
            places.shapes_url("county") if outlines else None,
        )
    )
    return choropleth(
        geojson,
        spec.frame,
        spec.show,
        result.title,
        result.lang,
        spec.centres,
        spec.network,
        outlines,
        urls,
        spec.highlight,
        points,
        boxes,
    )
