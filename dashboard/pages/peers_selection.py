"""The selection shared by the map, ranking and gap pages: which regions are compared."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import polars as pl
import streamlit as st

from dashboard.data import queries
from dashboard.render import url_state as state
from dashboard.render import widgets as components
from dashboard.text.definitions import measure_title
from dashboard.text.i18n import show_label, t
from dashboard.text.narrative import ages

SCOPES = ("county", "municipality_in_county", "municipality")


@dataclass(frozen=True)
class Peers:
    age: str
    year: int
    measure: str
    definition: str
    level: str  # county | municipality
    county: str  # "" = all
    frame: pl.DataFrame
    sql: str

    def title(self, what: str, lang: str) -> str:
        """E.g. "Eftergymnasial utbildning, kvinnor, 25–64 år, 2019 — Södermanlands län"."""
        return (
            f"{measure_title(self.measure, self.definition, lang)}, {what}, "
            f"{ages(self.age)} {t('years_word', lang)}, "
            f"{self.year} — {self.scope_label(lang)}"
        )

    def scope_label(self, lang: str) -> str:
        if self.level == "county":
            return t("counties_level", lang)
        if self.county:
            names = queries.regions()
            return names.filter(pl.col("region_code") == self.county)["region_name"][0]
        return t("all_municipalities", lang)


def _scope_of_region(default_scope: str) -> tuple[str, str]:
    """The scope and county that show the user's region among its peers: a kommun among the
    kommuner of its län, a län among the län."""
    region = state.remembered("region")
    regions = queries.regions()
    row = regions.filter(pl.col("region_code") == (region or ""))
    if row.is_empty() or row["region_level"][0] == "country":
        return default_scope, "04"
    if row["region_level"][0] == "municipality":
        return "municipality_in_county", str(row["county_code"][0])
    return "county", str(row["region_code"][0])


def select(default_scope: str = "county") -> Peers:
    lang = state.lang()
    default_scope, default_county = _scope_of_region(default_scope)
    cols = st.columns([1, 1, 2, 2, 2])
    age, year = components.age_and_year(cols[0], cols[1])
    measure = components.measure(cols[2])
    definition = components.definition(cols[3])
    scope_labels = {
        "county": t("counties_level", lang),
        "municipality_in_county": t("municipalities_in_county", lang),
        "municipality": t("all_municipalities", lang),
    }
    scope = state.choice(
        "scope",
        SCOPES,
        default_scope,
        t("level", lang),
        format_func=scope_labels.__getitem__,
        container=cols[4],
    )
    county = ""
    if scope == "municipality_in_county":
        counties = queries.regions().filter(pl.col("region_level") == "county")
        county = state.choice(
            "county",
            counties["region_code"].to_list(),
            default_county,
            t("county_filter", lang),
            format_func=dict(
                zip(counties["region_code"], counties["region_name"], strict=True)
            ).__getitem__,
        )
    level = "county" if scope == "county" else "municipality"
    params: dict[str, Any] = {
        "year": year,
        "age_group": age,
        "measure": measure,
        "level": level,
        "county": county,
        "definition": definition,
    }
    return Peers(
        age,
        year,
        measure,
        definition,
        level,
        county,
        queries.peers(**params),
        queries.display_sql("peers", **params),
    )


SHOW = ("women", "men", "total", "gap")


def show_choice(default: str, container: object) -> str:
    """Which value the map or ranking shows, kept in `?show=`."""
    lang = state.lang()
    return state.choice(
        "show",
        SHOW,
        default,
        t("show", lang),
        container=container,
        horizontal=True,
        format_func=lambda s: show_label(s, lang),
    )
