"""Rangordning: län, a län's kommuner, all 290 or a kommungrupp, sorted by one value, riket
(and the kommungrupp) as reference lines, one region marked."""

from __future__ import annotations

from dashboard.model import common, peers
from dashboard.model.params import Values
from dashboard.model.result import ChartSpec, ViewResult
from dashboard.model.view import View
from dashboard.text.i18n import t

NAME = "ranking"
PARAMS = peers.params("county", "women")


def load(values: Values, lang: str) -> ViewResult:
    show = values["show"]
    frame = common.peers_frame(values)
    chart = ChartSpec(
        "ranking",
        frame,
        show=show,
        highlight=values.get("highlight") or None,
        references=peers.references(frame, show, values, lang),
        unit="points" if show == "gap" else "percent",
    )
    return peers.result(NAME, values, lang, show, common.who(show, lang), chart, t("ranking", lang))


VIEW = View(
    name=NAME,
    slug="rangordning",
    title_key="ranking",
    params=tuple(PARAMS),
    load=load,
    charts=("ranking",),
    order=30,
    aim=peers.aim_ranked,
    samples=({"scope": "municipality_in_county", "county": "04", "highlight": "0486"},),
)
