"""Decks of saved views and how each slide is drawn. No Streamlit here: the slide view, the PPTX
export and the tests all use these functions.

A slide is a page name and that page's URL parameters. A deck re-renders with the newest data,
or is *pinned*: it then carries each slide's table as it was when pinned (a few KB) and its data
fingerprint, and is drawn from those numbers whatever the database holds now.
"""

from __future__ import annotations

import base64
import json
import zlib
from dataclasses import dataclass, field
from typing import Any

import plotly.graph_objects as go
import polars as pl

from dashboard import charts, queries
from dashboard.captions import source_text
from dashboard.formatting import number, percent
from dashboard.i18n import measure_label, show_label, t
from dashboard.narrative import ages, headline

VIEWS = ("overview", "ranking", "gap", "trends", "map", "compare")
DECK_VERSION = 1


class DeckError(ValueError):
    """A deck file or link that cannot be read; the message says what is wrong."""


@dataclass
class Slide:
    view: str
    params: dict[str, str]
    snapshot: list[dict[str, Any]] | None = None  # the table, when the deck is pinned


@dataclass
class Deck:
    title: str = "Utbildningsläget"
    slides: list[Slide] = field(default_factory=list)
    pinned_fingerprint: str | None = None
    pinned_built_at: str | None = None

    @property
    def pinned(self) -> bool:
        return self.pinned_fingerprint is not None


@dataclass
class Rendered:
    figure: go.Figure
    headline: str
    source: str
    table: pl.DataFrame
    kind: str  # bars | columns | lines | dumbbell | map
    show: str = "women"


# --- files and links ---------------------------------------------------------------------------


def to_json(deck: Deck) -> str:
    return json.dumps(
        {
            "version": DECK_VERSION,
            "title": deck.title,
            "pinned": {
                "data_fingerprint": deck.pinned_fingerprint,
                "built_at": deck.pinned_built_at,
            }
            if deck.pinned
            else None,
            "slides": [
                {
                    "view": s.view,
                    "params": s.params,
                    **({"data": s.snapshot} if s.snapshot is not None else {}),
                }
                for s in deck.slides
            ],
        },
        ensure_ascii=False,
        indent=1,
        default=str,
    )


def from_json(text: str | bytes) -> Deck:
    try:
        doc = json.loads(text)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise DeckError(f"not a deck file: {exc}") from exc
    if (
        not isinstance(doc, dict)
        or doc.get("version") != DECK_VERSION
        or not isinstance(doc.get("slides"), list)
    ):
        raise DeckError(f"not a version {DECK_VERSION} deck (expected version and slides)")
    slides = []
    for number_, raw in enumerate(doc["slides"], start=1):
        if (
            not isinstance(raw, dict)
            or raw.get("view") not in VIEWS
            or not isinstance(raw.get("params", {}), dict)
        ):
            raise DeckError(f"slide {number_}: view must be one of {', '.join(VIEWS)}")
        slides.append(
            Slide(
                raw["view"],
                {str(k): str(v) for k, v in raw.get("params", {}).items()},
                raw.get("data"),
            )
        )
    pinned = doc.get("pinned") or {}
    return Deck(
        str(doc.get("title") or "Utbildningsläget"),
        slides,
        pinned.get("data_fingerprint"),
        pinned.get("built_at"),
    )


def to_link(deck: Deck) -> str:
    """A URL-safe token for `?deck=`; pinned decks travel as files (their tables are too long)."""
    light = Deck(deck.title, [Slide(s.view, s.params) for s in deck.slides])
    return base64.urlsafe_b64encode(zlib.compress(to_json(light).encode(), 9)).decode().rstrip("=")


def from_link(token: str) -> Deck:
    try:
        raw = zlib.decompress(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
    except (ValueError, zlib.error) as exc:
        raise DeckError("the deck in the link is damaged") from exc
    return from_json(raw)


def pin(deck: Deck, lang: str = "sv") -> Deck:
    """The same deck carrying today's numbers, so it shows them whatever the database holds later."""
    info = queries.build_info()
    slides = [Slide(s.view, s.params, render(s, lang).table.to_dicts()) for s in deck.slides]
    return Deck(deck.title, slides, info.get("data_fingerprint"), str(info.get("built_at")))


def version_note(deck: Deck, lang: str = "sv") -> str:
    current = queries.build_info().get("data_fingerprint")
    if not deck.pinned:
        return "Senaste data" if lang == "sv" else "Newest data"
    stamp = (deck.pinned_built_at or "")[:10]
    if deck.pinned_fingerprint == current:
        return (
            f"Låst till dataversion {stamp} (aktuell)"
            if lang == "sv"
            else f"Pinned to data of {stamp} (current)"
        )
    return (
        f"Låst till dataversion {stamp}; databasen har nyare data"
        if lang == "sv"
        else f"Pinned to data of {stamp}; the database has newer data"
    )


# --- drawing a slide ---------------------------------------------------------------------------


def _param(
    params: dict[str, str], key: str, default: str, allowed: list[str] | tuple[str, ...]
) -> str:
    value = params.get(key, default)
    return value if value in allowed else default


def _period(params: dict[str, str]) -> tuple[str, int, str]:
    periods = queries.available_periods()
    age = _param(
        params, "age", "25-64" if "25-64" in periods else sorted(periods)[0], sorted(periods)
    )
    years = [str(y) for y in periods[age]]
    year = int(_param(params, "year", years[0], years))
    return age, year, _param(params, "measure", "post_secondary", queries.MEASURES)


def _peers(
    params: dict[str, str], year: int, age: str, measure: str
) -> tuple[pl.DataFrame, str, str]:
    scope = _param(params, "scope", "county", ("county", "municipality_in_county", "municipality"))
    counties = queries.regions().filter(pl.col("region_level") == "county")
    county = (
        _param(params, "county", "04", counties["region_code"].to_list())
        if scope == "municipality_in_county"
        else ""
    )
    level = "county" if scope == "county" else "municipality"
    names = dict(zip(counties["region_code"], counties["region_name"], strict=True))
    return queries.peers(year, age, measure, level, county), level, names.get(county, "")


def render(slide: Slide, lang: str = "sv") -> Rendered:
    """The figure, headline, source line and table of one slide."""
    params = slide.params
    age, year, measure = _period(params)
    snapshot = pl.DataFrame(slide.snapshot) if slide.snapshot is not None else None
    title_base = f"{measure_label(measure, lang)}, {ages(age)} {t('years_word', lang)}"
    if slide.view in ("ranking", "map", "gap"):
        frame, level, county_name = _peers(params, year, age, measure)
        frame = snapshot if snapshot is not None else frame
        scope = county_name or (
            t("counties_level", lang) if level == "county" else t("all_municipalities", lang)
        )
        source = source_text(queries.source_line(year, age), lang)
        if slide.view == "gap":
            text = _gap_headline(frame, year, scope, lang)
            fig = charts.dumbbell(frame, f"{title_base}, {year} — {scope}", source, lang)
            return Rendered(fig, text, source, frame, "dumbbell")
        show = _param(
            params,
            "show",
            "women" if slide.view == "ranking" else "total",
            ("women", "men", "total", "gap"),
        )
        text = _ranking_headline(frame, show, year, scope, measure, lang)
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
        centres = queries.larcentrum() if params.get("lc", "1") == "1" else None
        geojson = queries.shapes(level)
        shown = set(frame["region_code"])
        geojson = {**geojson, "features": [f for f in geojson["features"] if f["id"] in shown]}
        return Rendered(
            charts.choropleth(geojson, frame, show, title, source, lang, centres),
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
        series = snapshot if snapshot is not None else queries.series(regions, age, measure)
        years = sorted(set(series["year"]))
        source = source_text(queries.source_line(years[-1], age), lang)
        fig = charts.trend_lines(
            series,
            sexes or ["women", "men"],
            f"{title_base}, {years[0]}–{years[-1]}",
            source,
            lang,
            queries.series_breaks(),
        )
        return Rendered(fig, _trend_headline(series, years, lang), source, series, "lines")
    # overview and compare: chosen regions side by side
    if slide.view == "overview":
        region = params.get("region", "00")
        codes = ["00"] if region == "00" else [region, "00"]
    else:
        codes = [r for r in params.get("regions", "00,04").split(",") if r][:8] or ["00"]
    frame = snapshot if snapshot is not None else queries.compare(codes, year, age, measure)
    source = source_text(queries.source_line(year, age), lang)
    fig = charts.compare_bars(frame, f"{title_base}, {year}", source, lang)
    text = (
        _overview_headline(frame, year, age, measure, lang)
        if slide.view == "overview"
        else f"{title_base}, {year}: " + ", ".join(frame["region_name"].to_list())
    )
    return Rendered(fig, text, source, frame, "columns")


def _overview_headline(frame: pl.DataFrame, year: int, age: str, measure: str, lang: str) -> str:
    row = frame.row(0, named=True)
    country = frame.filter(pl.col("region_code") == "00").row(0, named=True)
    return headline({**row, "country_gap_pp": country["gap_pp"]}, year, age, measure, lang)


def _ranking_headline(
    frame: pl.DataFrame, show: str, year: int, scope: str, measure: str, lang: str
) -> str:
    column = charts.value_column(show)
    rows = (
        frame.filter(pl.col("region_level") != "country")
        .drop_nulls(column)
        .sort(column, descending=True)
    )
    country = frame.filter(pl.col("region_level") == "country")
    fmt = (
        (lambda v: number(v, 1, lang) + " " + t("pp_short", lang))
        if show == "gap"
        else (lambda v: percent(v, 1, lang))
    )
    who = show_label(show, lang).lower()
    if not rows.height:
        return f"{measure_label(measure, lang)}, {who}, {year}"
    riket = (
        f"; {t('country', lang).lower() if lang == 'sv' else 'Sweden'} {fmt(country[column][0])}"
        if country.height
        else ""
    )
    if lang == "sv":
        return (
            f"{scope}, {who} {year}: högst {rows['region_name'][0]} {fmt(rows[column][0])}, "
            f"lägst {rows['region_name'][-1]} {fmt(rows[column][-1])}{riket}"
        )
    return (
        f"{scope}, {who} {year}: highest {rows['region_name'][0]} {fmt(rows[column][0])}, "
        f"lowest {rows['region_name'][-1]} {fmt(rows[column][-1])}{riket}"
    )


def _gap_headline(frame: pl.DataFrame, year: int, scope: str, lang: str) -> str:
    return _ranking_headline(frame, "gap", year, scope, "post_secondary", lang)


def _trend_headline(series: pl.DataFrame, years: list[int], lang: str) -> str:
    parts = []
    for code, name in (
        series.select("region_code", "region_name").unique(maintain_order=True).iter_rows()
    ):
        rows = series.filter(pl.col("region_code") == code).sort("year")
        first, last = rows.row(0, named=True), rows.row(-1, named=True)
        change = (last["women_share"] or 0) - (first["women_share"] or 0)
        parts.append(f"{name} {number(change, 1, lang)}")
    lead = "Kvinnornas andel förändring" if lang == "sv" else "Change in women's share"
    return f"{lead} {years[0]}–{years[-1]} ({t('pp_short', lang)}): " + ", ".join(parts)


def presentation(fig: go.Figure, width: int = 1280, height: int = 720) -> go.Figure:
    """The figure re-laid out for a projector: large type, no title (the slide has a headline)."""
    scale = width / 1280
    fig = go.Figure(fig)
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
    return fig
