"""Regions as the views need them: names in the UI's language, level, län and kommungrupp of
a code, and the codes of a level; looked up in one index per database version."""

from __future__ import annotations

import polars as pl

from dashboard.data import db, queries
from dashboard.data.cache import process_cached
from dashboard.text.i18n import t


def regions() -> pl.DataFrame:
    return queries.regions()


def region_info(code: str) -> dict[str, str | None]:
    """Name, level, county (and kommungrupp where the database has it) of one region."""
    return _region_index().get(code, {})


def _region_index() -> dict[str, dict[str, str | None]]:
    path = queries.db_path()
    return _index_of(str(path), db.data_version(path))


@process_cached(max_entries=4)
def _index_of(path: str, version: str) -> dict[str, dict[str, str | None]]:
    return {row["region_code"]: row for row in regions().iter_rows(named=True)}


def region_name(code: str, lang: str) -> str:
    if code == "00":
        return t("country", lang)
    return str(region_info(code).get("region_name") or code)


def level_of(code: str) -> str | None:
    level = region_info(code).get("region_level")
    return str(level) if level else None


def county_of(code: str) -> str | None:
    """The län of a kommun, the län itself for a län, None for riket or an unknown code."""
    level = level_of(code)
    if level == "county":
        return code
    if level == "municipality":
        return str(region_info(code)["county_code"])
    return None


def codes_of(level: str) -> list[str]:
    frame = regions().filter(pl.col("region_level") == level)
    return frame["region_code"].to_list()


def has_kommungrupp() -> bool:
    return "kommungrupp_code" in regions().columns


def kommungrupp_of(code: str) -> str | None:
    value = region_info(code).get("kommungrupp_code")
    return str(value) if value else None


def kommungrupper() -> dict[str, str]:
    """Code → name of SKR's kommungrupper, in code order (A1 … C9)."""
    if not has_kommungrupp():
        return {}
    frame = (
        regions()
        .drop_nulls("kommungrupp_code")
        .select("kommungrupp_code", "kommungrupp_name")
        .unique()
        .sort("kommungrupp_code")
    )
    return dict(frame.iter_rows())


def region_label(code: str, lang: str) -> str:
    """For pickers: kommuner marked as such, so Gotland the kommun and the län differ."""
    name = region_name(code, lang)
    if level_of(code) == "municipality":
        return f"{name} ({t('municipality_one', lang)})"
    return name
