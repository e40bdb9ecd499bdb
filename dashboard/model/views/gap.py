"""Könsskillnad: women against men per region, sorted by the gap, riket marked."""

from __future__ import annotations

from dashboard.model import common, peers
from dashboard.model.params import Values
from dashboard.model.result import ChartSpec, ViewResult
from dashboard.model.view import View
from dashboard.text.i18n import t

NAME = "gap"
PARAMS = peers.params("county", None)


def load(values: Values, lang: str) -> ViewResult:
    frame = common.peers_frame(values)
    chart = ChartSpec("dumbbell", frame, show="gap", highlight=values.get("highlight") or None)
    return peers.result(NAME, values, lang, "gap", t("gap_title", lang), chart, t("gap", lang))


VIEW = View(
    name=NAME,
    slug="konsskillnad",
    title_key="gap",
    params=tuple(PARAMS),
    load=load,
    charts=("dumbbell",),
    order=40,
    aim=peers.aim_ranked,
)
