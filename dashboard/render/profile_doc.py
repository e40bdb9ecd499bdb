"""A profile as a printable document: every sentence, table cell and chart of its two pages,
worded and formatted once in the reader's language, so the PDF and the HTML page lay out the
same text and neither formats a number of its own.

The words come from the view results (headlines, titles, source lines, definitions) and the
catalogue's `PROFILE` part; the numbers from the view results, formatted as the pages format
them ("41,1 %", "13,0 p.e."); the charts are drawn here as SVG (`dashboard.charts.vector`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import unquote

import polars as pl

from dashboard.charts.vector import bars, dumbbells, trend
from dashboard.charts.vector import map as map_chart
from dashboard.charts.vector.canvas import Drawn
from dashboard.model.profile import Centre, Profile
from dashboard.model.result import ViewResult
from dashboard.text.formatting import day, percent, value_text
from dashboard.text.i18n import profile_text, t
from dashboard.text.narrative import ages

#: Columns of the two pages' charts, in points (A4 less 15-mm margins is 510 pt).
HALF = 250.0


@dataclass(frozen=True)
class Table:
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Figure:
    """A chart with its heading, a caption saying exactly what it shows (the view's title),
    and its text alternative."""

    key: str
    heading: str
    caption: str
    alt: str
    width: float


@dataclass(frozen=True)
class Item:
    """A lärcentrum (or a kommun's kommun-level evidence) with its source."""

    title: str
    detail: str
    source: str
    shown: str  # the source as printed: a long address shortened on a län's list
    link: bool  # the source is a web page


@dataclass(frozen=True)
class PrintDoc:
    lang: str
    title: str
    eyebrow: str
    name: str
    kind: str
    subtitle: str
    summary_heading: str
    summary: tuple[str, ...]
    compare_heading: str
    compare: Table
    compare_chart: Figure
    ranks_heading: str
    ranks: Table | None
    age: Figure
    trend: Figure | None
    trend_missing: str
    map: Figure
    peers: Figure
    larcentrum_heading: str
    larcentrum_lead: str
    larcentrum: tuple[Item, ...]
    about_heading: str
    definitions: tuple[str, ...]
    sources_heading: str
    sources: tuple[str, ...]
    notes_heading: str
    notes: tuple[str, ...]
    version: str
    made: str
    footer: str
    svgs: dict[str, str] = field(default_factory=dict)


def _kind(profile: Profile) -> str:
    lang = profile.lang
    if profile.level == "municipality":
        key = "kind_municipality" if profile.group else "kind_municipality_alone"
        return profile_text(key, lang, county=profile.county, group=profile.group)
    peers = profile.parts["peers"].result.chart.frame
    n = peers.filter(pl.col("region_level") != "country").height
    if profile.level == "county":
        return profile_text("kind_county", lang, n=n)
    kommuner = profile.larcentrum.kommuner
    return profile_text("kind_country", lang, counties=n, kommuner=kommuner)


def _compare(profile: Profile) -> Table:
    lang = profile.lang
    columns = (
        profile_text("col_region", lang),
        *(t(s, lang) for s in ("women", "men", "total")),
        profile_text("col_gap", lang),
    )
    rows = tuple(
        (
            str(r["region_name"]),
            *(percent(r[f"{s}_share"], 1, lang) for s in ("women", "men", "total")),
            value_text(r["gap_pp"], "gap", lang),
        )
        for r in profile.comparison.iter_rows(named=True)
    )
    return Table(columns, rows)


def _ranks(profile: Profile) -> Table | None:
    lang = profile.lang
    if not profile.standings:
        return None
    columns = ("", *(t(s, lang) for s in ("women", "men", "total")), profile_text("col_gap", lang))
    rows = []
    for standing in profile.standings:
        if standing.scope == "country":
            where = profile_text(f"rank_country_{profile.level}", lang)
        else:
            where = profile_text(f"rank_{standing.scope}", lang, where=standing.where)
        cells = tuple(
            profile_text("rank_cell", lang, rank=rank, n=standing.n) if rank is not None else "–"
            for rank in standing.ranks
        )
        rows.append((where, *cells))
    return Table(columns, tuple(rows))


def _figure(
    key: str, heading: str, result: ViewResult, drawn: Drawn, svgs: dict[str, str]
) -> Figure:
    svgs[key] = drawn.svg
    alt = f"{profile_text(f'alt_{key}', result.lang)}. {drawn.summary}"
    return Figure(key, heading, result.title, alt, drawn.width)


#: A län lists many centres: their addresses are printed to this length (the link is whole).
SHORT_SOURCE = 70


def _item(centre: Centre, lang: str, with_kommun: bool) -> Item:
    title = centre.name
    if with_kommun and centre.kommun and centre.kommun not in title:
        title += f" ({centre.kommun})"
    elif centre.locality and centre.locality not in title:
        title += f", {centre.locality}"
    detail = " · ".join(
        part
        for part in (centre.kind, profile_text(f"conf_{centre.confidence}", lang), centre.year)
        if part
    )
    link = centre.source.startswith(("https://", "http://"))
    shown = unquote(centre.source) if link else centre.source  # "lärcentrum", not "l%C3%A4r…"
    if with_kommun and len(shown) > SHORT_SOURCE:
        shown = shown[: SHORT_SOURCE - 1] + "…"
    return Item(title, detail, centre.source, shown, link)


def _larcentrum(profile: Profile) -> tuple[str, tuple[Item, ...]]:
    known, lang = profile.larcentrum, profile.lang
    if known.status == "summary":
        lead = profile_text(
            "lc_summary",
            lang,
            kommuner=known.kommuner,
            named=known.named,
            network=known.network,
            none_known=known.none_known,
        )
        return lead, tuple(_item(c, lang, with_kommun=True) for c in known.centres)
    lead = profile_text(f"lc_{known.status}", lang, name=profile.name)
    return lead, tuple(_item(c, lang, with_kommun=False) for c in known.centres)


def document(profile: Profile) -> PrintDoc:
    lang, overview = profile.lang, profile.overview
    year = overview.settings["year"]
    svgs: dict[str, str] = {}
    age = profile.parts["age"].result
    peers = profile.parts["peers"].result
    the_map = profile.parts["map"].result
    trend_result = profile.trend
    trend_settings = profile.parts["trend"].result.settings
    lead, items = _larcentrum(profile)
    where = profile.county or profile.name
    compare_key = f"compare_{profile.level}"
    made = day(profile.made)
    short = profile.data_version[:12]
    return PrintDoc(
        lang=lang,
        title=profile_text("doc_title", lang, name=profile.name),
        eyebrow=profile_text("eyebrow", lang),
        name=profile.name,
        kind=_kind(profile),
        subtitle=overview.title,
        summary_heading=profile_text("summary", lang),
        summary=profile.headlines,
        compare_heading=profile_text(compare_key, lang, name=profile.name),
        compare=_compare(profile),
        compare_chart=_figure(
            "compare",
            profile_text("compare_chart", lang),
            overview,
            dumbbells.comparison(profile.comparison, lang),
            svgs,
        ),
        ranks_heading=profile_text("ranks", lang),
        ranks=_ranks(profile),
        age=_figure(
            "age",
            profile_text("age", lang, year=age.settings["year"]),
            age,
            dumbbells.by_age(age.chart.frame, profile.code, lang),
            svgs,
        ),
        trend=_trend(profile, trend_result, svgs) if trend_result else None,
        trend_missing=profile_text("no_trend", lang, ages=ages(trend_settings.get("age", ""))),
        map=_figure(
            "map",
            profile_text("map", lang, where=where, year=year),
            the_map,
            map_chart.choropleth(the_map, HALF, 420.0 if profile.level == "country" else 300.0),
            svgs,
        ),
        peers=_figure(
            "peers",
            profile_text(
                "peers_country" if profile.level == "country" else "peers_county",
                lang,
                where=where,
                year=year,
            ),
            peers,
            bars.ranking(peers, HALF, row=9.0 if peers.chart.frame.height > 30 else 11.0),
            svgs,
        ),
        larcentrum_heading=profile_text("larcentrum", lang),
        larcentrum_lead=lead,
        larcentrum=items,
        about_heading=profile_text("about", lang),
        definitions=(overview.definition, profile_text("gap_definition", lang)),
        sources_heading=profile_text("sources", lang),
        sources=profile.sources,
        notes_heading=profile_text("notes", lang),
        notes=profile.notes,
        version=profile_text(
            "version", lang, version=profile.data_version, day=day(profile.built_at)
        ),
        made=profile_text("made", lang, day=made),
        footer=profile_text("footer", lang, name=profile.name, version=short, day=made),
        svgs=svgs,
    )


def _trend(profile: Profile, result: ViewResult, svgs: dict[str, str]) -> Figure:
    years = sorted(result.chart.frame["year"].unique().to_list())
    heading = profile_text(
        "trend",
        profile.lang,
        start=years[0],
        end=years[-1],
        ages=ages(result.settings.get("age", "")),
    )
    drawn = trend.lines(
        result.chart.frame,
        profile.code,
        result.chart.sexes,
        result.chart.breaks,
        profile.lang,
        HALF,
    )
    return _figure("trend", heading, result, drawn, svgs)
