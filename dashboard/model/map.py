"""Karta: kommuner or län coloured by one value, the marked region outlined and named, known
lärcentrum on top (and kommuner with kommun-level evidence apart)."""

from __future__ import annotations

from dashboard.data import queries
from dashboard.model import common, peers, tables
from dashboard.model.params import Param, Values
from dashboard.model.result import ChartSpec, ViewResult
from dashboard.text.i18n import t

NAME = "map"
PARAMS = [
    *peers.params("municipality", "total", county_shows_kommuner=True),
    Param(
        "lc",
        "show_larcentrum",
        lambda values: ["1", "0"],
        lambda values, context: "1",
        widget="toggle",
    ),
]


def load(values: Values, lang: str) -> ViewResult:
    year, show = int(values["year"]), values["show"]
    frame = common.peers_frame(values)
    scope = common.scope_label(values, lang)
    source = common.source(year, values, lang)
    county = values.get("county", "") if values["scope"] == "municipality_in_county" else ""
    centres, network = queries.registry_layers(county) if values.get("lc") == "1" else (None, None)
    if centres is not None and network is not None and values["scope"] == common.KOMMUNGRUPP_SCOPE:
        shown = set(frame["region_code"])
        centres = centres.filter(centres["kommun_code"].is_in(shown))
        network = network.filter(network["region_code"].is_in(shown))
    title = f"{common.title_base(values, lang)}, {common.who(show, lang)}, {year} — {scope}"
    return ViewResult(
        view=NAME,
        params=tuple(values.items()),
        lang=lang,
        title=title,
        headline=peers.sentence(frame, show, values, lang, scope),
        chart=ChartSpec(
            "map",
            frame,
            show=show,
            highlight=values.get("highlight") or None,
            level="county" if values["scope"] == "county" else "municipality",
            county=county,
            centres=centres,
            network=network,
            references=peers.references(frame, show, values, lang),
            unit="points" if show == "gap" else "percent",
        ),
        table=tables.for_people(frame, lang),
        data=tables.for_files(frame, values, source, lang),
        source=source,
        definition=common.definition_text(values, lang),
        file_stem=common.file_stem(
            lang,
            t("map", lang),
            scope,
            t(show, lang) if show != "gap" else t("gap_word", lang),
            year,
        ),
        facts=peers.rank_fact(frame, show, values, lang),
        notes=common.noise_notes([year], lang),
        sql=common.peers_sql(values),
    )
