"""Plotly figures from a view's chart specification. No Streamlit here: the page, the slide
view and the pictures draw the same figure; the PowerPoint draws the same specification
natively (dashboard.render.pptx_charts). Figures carry their title but not the source line:
each output shows the source once, where it cannot be clipped (a picture adds it inside)."""

from __future__ import annotations

from collections.abc import Callable

import plotly.graph_objects as go

from dashboard.charts import map_fit
from dashboard.charts.ages import age_bars
from dashboard.charts.bars import compare_bars, definition_bars, dumbbell, ranking_bars
from dashboard.charts.extra_kinds import change_bars
from dashboard.charts.lines import trend_lines
from dashboard.charts.maps import choropleth
from dashboard.model.result import ViewResult


def figure(result: ViewResult, inline_shapes: bool = False) -> go.Figure:
    """The result's chart. A page's map names its outlines by URL (the browser caches them);
    pictures and slides need them inline (`inline_shapes`)."""
    return KINDS[result.chart.kind](result, inline_shapes)


def _ranking(result: ViewResult, inline_shapes: bool) -> go.Figure:
    spec = result.chart
    return ranking_bars(
        spec.frame, spec.show, result.title, result.lang, spec.highlight, spec.references
    )


def _dumbbell(result: ViewResult, inline_shapes: bool) -> go.Figure:
    return dumbbell(result.chart.frame, result.title, result.lang, result.chart.highlight)


def _lines(result: ViewResult, inline_shapes: bool) -> go.Figure:
    spec = result.chart
    return trend_lines(spec.frame, spec.sexes, result.title, result.lang, spec.breaks)


def _columns(result: ViewResult, inline_shapes: bool) -> go.Figure:
    return compare_bars(result.chart.frame, result.title, result.lang)


def _definitions(result: ViewResult, inline_shapes: bool) -> go.Figure:
    return definition_bars(result.chart.frame, result.title, result.lang)


def _age(result: ViewResult, inline_shapes: bool) -> go.Figure:
    return age_bars(result)


def _change(result: ViewResult, inline_shapes: bool) -> go.Figure:
    return change_bars(result)


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


#: Every chart kind a view may declare (`View.charts`), drawn as a Plotly figure: registered
#: once here (the PowerPoint's native charts: `dashboard.render.pptx_kinds.KINDS`).
KINDS: dict[str, Callable[[ViewResult, bool], go.Figure]] = {
    "ranking": _ranking,
    "dumbbell": _dumbbell,
    "lines": _lines,
    "columns": _columns,
    "definitions": _definitions,
    "map": _map,
    "age": _age,
    "change": _change,
}
