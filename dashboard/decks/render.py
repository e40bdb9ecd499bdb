"""One slide drawn from the database (or from its verified pinned table): figure, headline,
source line and table; and the figure re-laid out for a projector."""

from __future__ import annotations

from dataclasses import dataclass

import plotly.graph_objects as go
import polars as pl

from dashboard.charts import figures as charts
from dashboard.charts import map_fit
from dashboard.data import geometry_files, queries
from dashboard.decks import headlines
from dashboard.decks.model import Slide
from dashboard.text.definitions import (
    DEFAULT,
    DEFINITIONS,
    measure_title,
    panel_rows,
    panel_source,
    source_with_definition,
)
from dashboard.text.definitions import headline as panel_headline
from dashboard.text.i18n import show_label, t
from dashboard.text.narrative import ages


@dataclass
class Rendered:
    figure: go.Figure
    headline: str
    source: str
    table: pl.DataFrame
    kind: str  # bars | columns | lines | dumbbell | map
    show: str = "women"


def _param(
    params: dict[str, str], key: str, default: str, allowed: list[str] | tuple[str, ...]
) -> str:
    value = params.get(key, default)
    return value if value in allowed else default


def _period(params: dict[str, str]) -> tuple[str, int, str, str]:
    periods = queries.available_periods()
    age = _param(
        params, "age", "25-64" if "25-64" in periods else sorted(periods)[0], sorted(periods)
    )
    years = [str(y) for y in periods[age]]
    year = int(_param(params, "year", years[0], years))
    measure = _param(params, "measure", "post_secondary", queries.MEASURES)
    return age, year, measure, _param(params, "definition", DEFAULT, DEFINITIONS)


def _peers(
    params: dict[str, str], year: int, age: str, measure: str, definition: str
) -> tuple[pl.DataFrame, str, str, str]:
    scope = _param(params, "scope", "county", ("county", "municipality_in_county", "municipality"))
    counties = queries.regions().filter(pl.col("region_level") == "county")
    county = (
        _param(params, "county", "04", counties["region_code"].to_list())
        if scope == "municipality_in_county"
        else ""
    )
    level = "county" if scope == "county" else "municipality"
    names = dict(zip(counties["region_code"], counties["region_name"], strict=True))
    frame = queries.peers(year, age, measure, level, county, definition)
    return frame, level, county, names.get(county, "")


def render(slide: Slide, lang: str = "sv") -> Rendered:
    """The figure, headline, source line and table of one slide."""
    params = slide.params
    age, year, measure, definition = _period(params)
    snapshot = pl.DataFrame(slide.snapshot) if slide.snapshot is not None else None
    title_base = f"{measure_title(measure, definition, lang)}, {ages(age)} {t('years_word', lang)}"
    if slide.view == "definitions":
        return _definitions(params, snapshot, lang)
    if slide.view in ("ranking", "map", "gap"):
        frame, level, county, county_name = _peers(params, year, age, measure, definition)
        frame = snapshot if snapshot is not None else frame
        scope = county_name or (
            t("counties_level", lang) if level == "county" else t("all_municipalities", lang)
        )
        source = source_with_definition(
            queries.source_line(year, age), measure, definition, age, lang
        )
        if slide.view == "gap":
            text = headlines.gap(frame, year, scope, lang, params.get("highlight") or None)
            fig = charts.dumbbell(frame, f"{title_base}, {year} — {scope}", source, lang)
            return Rendered(fig, text, source, frame, "dumbbell")
        show = _param(
            params,
            "show",
            "women" if slide.view == "ranking" else "total",
            ("women", "men", "total", "gap"),
        )
        text = headlines.ranking(
            frame, show, year, scope, measure, lang, params.get("highlight") or None
        )
        title = f"{title_base}, {show_label(show, lang).lower()}, {year} — {scope}"
        if slide.view == "ranking":
            highlight = params.get("highlight") or None
            return Rendered(
                charts.ranking_bars(frame, show, title, source, lang, highlight),
                text,
                source,
                frame,
                "bars",
                show,
            )
        centres, network = (
            queries.registry_layers(county) if params.get("lc", "1") == "1" else (None, None)
        )
        geojson, outlines = queries.map_shapes(level, set(frame["region_code"]), county)
        return Rendered(
            charts.choropleth(
                geojson, frame, show, title, source, lang, centres, network, outlines
            ),
            text,
            source,
            frame,
            "map",
            show,
        )
    if slide.view == "trends":
        regions = [r for r in params.get("regions", "04").split(",") if r] or ["04"]
        sexes = [
            s
            for s in params.get("sex", "women,men").split(",")
            if s in ("women", "men", "total", "gap")
        ]
        series = (
            snapshot if snapshot is not None else queries.series(regions, age, measure, definition)
        )
        years = sorted(set(series["year"]))
        source = source_with_definition(
            queries.source_line(years[-1], age), measure, definition, age, lang
        )
        fig = charts.trend_lines(
            series,
            sexes or ["women", "men"],
            f"{title_base}, {years[0]}–{years[-1]}",
            source,
            lang,
            queries.series_breaks(),
        )
        return Rendered(fig, headlines.trend(series, years, lang), source, series, "lines")
    # overview and compare: chosen regions side by side
    if slide.view == "overview":
        region = params.get("region", "00")
        codes = ["00"] if region == "00" else [region, "00"]
    else:
        codes = [r for r in params.get("regions", "00,04").split(",") if r][:8] or ["00"]
    frame = (
        snapshot if snapshot is not None else queries.compare(codes, year, age, measure, definition)
    )
    source = source_with_definition(queries.source_line(year, age), measure, definition, age, lang)
    fig = charts.compare_bars(frame, f"{title_base}, {year}", source, lang)
    text = (
        headlines.overview(frame, year, age, measure, lang)
        if slide.view == "overview"
        else f"{title_base}, {year}: " + ", ".join(charts.region_names(frame, lang))
    )
    return Rendered(fig, text, source, frame, "columns")


def _definitions(params: dict[str, str], snapshot: pl.DataFrame | None, lang: str) -> Rendered:
    """ "Vilken siffra stämmer?": one region and year under every published definition."""
    codes = queries.regions()
    names = dict(zip(codes["region_code"], codes["region_name"], strict=True))
    region = _param(params, "region", "04", list(names))
    years = [str(y) for y in queries.definition_years()]
    year = int(_param(params, "year", years[0], years))
    frame = (
        snapshot if snapshot is not None else panel_rows(queries.definitions(region, year), lang)
    )
    name = t("country", lang) if region == "00" else names[region]
    title = f"{t('which_figure', lang)} — {name}, {year}"
    source = panel_source(queries.source_line(year, "16-74"), lang)
    figure = charts.definition_bars(frame, title, source, lang)
    return Rendered(figure, panel_headline(frame, name, year, lang), source, frame, "columns")


def presentation(fig: go.Figure, width: int = 1280, height: int = 720) -> go.Figure:
    """The figure re-laid out for a projector: large type, no title (the slide has a headline)."""
    scale = width / 1280
    fig = go.Figure(fig)
    # a page's map names its outlines by URL; a picture is drawn without the server
    for trace in fig.data:
        if isinstance(getattr(trace, "geojson", None), str):
            level = geometry_files.level_of(trace.geojson)
            if level:
                trace.geojson = queries.shapes(level)
    fig.update_layout(
        title=None,
        width=width,
        height=height,
        font={"size": round(20 * scale)},
        margin={"l": 20, "r": 20, "t": 30, "b": round(80 * scale)},
        legend={"font": {"size": round(20 * scale)}},
    )
    fig.update_annotations(font={"size": round(16 * scale)})
    fig.update_xaxes(tickfont={"size": round(18 * scale)}, automargin=True)
    # every category keeps its label (Plotly would skip some at this size): at most ~25 rows fit
    fig.update_yaxes(tickfont={"size": round(16 * scale)}, automargin=True)
    fig.update_traces(textfont={"size": round(18 * scale)}, selector={"type": "bar"})
    # a map re-fits its regions to this picture (plot area: less margins and the colour bar)
    map_fit.apply(fig, width - 160, height - 30 - round(80 * scale))
    return fig
