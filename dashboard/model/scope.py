"""Which regions a view compares — the län, a län's kommuner, all kommuner, a kommungrupp —
and which one it marks; declared once for the ranking, the gap, the map and the change view."""

from __future__ import annotations

import polars as pl

from dashboard.data import queries
from dashboard.model.params import Context, Param, Values
from dashboard.model.regions import (
    codes_of,
    county_of,
    has_kommungrupp,
    kommuner_of_county,
    kommuner_of_group,
    kommungrupp_of,
    kommungrupper,
    level_of,
    region_name,
)
from dashboard.text.i18n import t

SCOPES = ("county", "municipality_in_county", "municipality")
KOMMUNGRUPP_SCOPE = "kommungrupp"


def _region_of_interest(context: Context) -> str:
    """The region the user cares about: the link's highlight or region, else their last one."""
    for value in (context.raw.get("highlight"), context.raw.get("region")):
        if value and level_of(value) is not None:
            return value
    return str(context.remembered.get("region") or "")


def _scopes(values: Values) -> list[str]:
    return [*SCOPES, KOMMUNGRUPP_SCOPE] if has_kommungrupp() else list(SCOPES)


def _scope_label(scope: str, lang: str) -> str:
    return t(f"scope_{scope}", lang)


def scope_params(default_scope: str, county_shows_kommuner: bool) -> list[Param]:
    """scope, county, group and highlight: which regions are compared and which one is marked.

    A kommun of interest puts the view among the kommuner of its län; a län of interest among
    the län (ranking) or among its own kommuner (`county_shows_kommuner`, the map)."""

    def scope_default(values: Values, context: Context) -> str:
        region = _region_of_interest(context)
        level = level_of(region) if region else None
        if level == "municipality":
            return "municipality_in_county"
        if level == "county":
            return "municipality_in_county" if county_shows_kommuner else "county"
        return default_scope

    def county_default(values: Values, context: Context) -> str:
        return county_of(_region_of_interest(context)) or "04"

    def group_default(values: Values, context: Context) -> str:
        groups = list(kommungrupper())
        own = kommungrupp_of(_region_of_interest(context))
        return own if own else (groups[0] if groups else "")

    def shown(values: Values) -> list[str]:
        scope = values["scope"]
        if scope == "county":
            return ["", *codes_of("county")]
        if scope == "municipality_in_county":
            return ["", *kommuner_of_county(values.get("county", ""))]
        if scope == KOMMUNGRUPP_SCOPE:
            return ["", *kommuner_of_group(values.get("group", ""))]
        return ["", *codes_of("municipality")]

    def highlight_default(values: Values, context: Context) -> str:
        region = _region_of_interest(context)
        carried = carry_highlight(region, values) if region else ""
        return carried or ""

    def carry_highlight(value: str, values: Values) -> str | None:
        """A region that is not among those shown: its län on the län ranking, else nothing
        marked (it is still a region, so the link was not wrong)."""
        level = level_of(value)
        if level is None:
            return None
        if value in shown(values):
            return value
        if values["scope"] == "county" and level == "municipality":
            return county_of(value)
        return ""

    def carry_county(value: str, values: Values) -> str | None:
        return county_of(value)

    return [
        Param("scope", "level", _scopes, scope_default, _scope_label, shared_as=None),
        Param(
            "county",
            "county_filter",
            lambda values: codes_of("county"),
            county_default,
            region_name,
            active=lambda values: values.get("scope") == "municipality_in_county",
            carry=carry_county,
        ),
        Param(
            "group",
            "kommungrupp",
            lambda values: list(kommungrupper()),
            group_default,
            lambda code, lang: f"{code} {kommungrupper().get(code, '')}",
            active=lambda values: values.get("scope") == KOMMUNGRUPP_SCOPE,
            carry=lambda value, values: kommungrupp_of(value),
        ),
        Param(
            "highlight",
            "highlight",
            shown,
            highlight_default,
            lambda code, lang: region_name(code, lang) if code else t("no_region_marked", lang),
            carry=carry_highlight,
            shared_as="region",
        ),
    ]


def scope_label(values: Values, lang: str) -> str:
    scope = values["scope"]
    if scope == "county":
        return t("counties_level", lang)
    if scope == "municipality_in_county":
        return region_name(values["county"], lang)
    if scope == KOMMUNGRUPP_SCOPE:
        return (
            f"{t('kommungrupp', lang)} {values['group']} {kommungrupper().get(values['group'], '')}"
        )
    return t("all_municipalities", lang)


def among(values: Values, lang: str) -> str:
    """Where a rank is counted, as a sentence says it after "19 av 21": "län", "i Södermanlands
    län", "kommuner", "i kommungrupp B4 …" (never the scope's menu label, "Län" / "Counties")."""
    scope = values["scope"]
    if scope == "county":
        return t("county", lang)
    if scope == "municipality":
        return t("municipality", lang)
    if scope == KOMMUNGRUPP_SCOPE:
        group = values["group"]
        return t("in_kommungrupp", lang, group=f"{group} {kommungrupper().get(group, '')}".strip())
    return t("in_scope", lang, scope=region_name(values["county"], lang))


def peers_frame(values: Values) -> pl.DataFrame:
    """The regions compared (and riket) for the view's scope."""
    scope = values["scope"]
    level = "county" if scope == "county" else "municipality"
    county = values.get("county", "") if scope == "municipality_in_county" else ""
    frame = queries.peers(
        int(values["year"]), values["age"], values["measure"], level, county, values["definition"]
    )
    if scope == KOMMUNGRUPP_SCOPE and "kommungrupp_code" in frame.columns:
        frame = frame.filter(
            (pl.col("region_code") == "00") | (pl.col("kommungrupp_code") == values["group"])
        )
    return frame
