"""Karta: kommuner or län coloured by one value, the marked region outlined and named, known
lärcentrum on top (and kommuner with kommun-level evidence apart)."""

from __future__ import annotations

from dashboard.data import places
from dashboard.model import common, peers
from dashboard.model.params import Param, Values
from dashboard.model.result import ChartSpec, ViewResult
from dashboard.model.view import View
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
    show = values["show"]
    frame = common.peers_frame(values)
    county = values.get("county", "") if values["scope"] == "municipality_in_county" else ""
    centres, network = places.registry_layers(county) if values.get("lc") == "1" else (None, None)
    if centres is not None and network is not None and values["scope"] == common.KOMMUNGRUPP_SCOPE:
        shown = set(frame["region_code"])
        centres = centres.filter(centres["kommun_code"].is_in(shown))
        network = network.filter(network["region_code"].is_in(shown))
    chart = ChartSpec(
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
    )
    return peers.result(NAME, values, lang, show, common.who(show, lang), chart, t("map", lang))


def aim(settings: Values, region: str) -> Values:
    """The län's kommuner, the kommun (if it is one) outlined and named."""
    aimed = {k: v for k, v in settings.items() if k != "highlight"}
    aimed.update(scope="municipality_in_county", county=common.county_of(region) or "")
    if common.level_of(region) == "municipality":
        aimed["highlight"] = region
    return aimed


VIEW = View(
    name=NAME,
    slug="karta",
    title_key="map",
    params=tuple(PARAMS),
    load=load,
    charts=("map",),
    order=20,
    aim=aim,
    samples=({"highlight": "0486", "show": "gap"},),
)
