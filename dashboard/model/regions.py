"""Regions as the views need them: names in the UI's language, level, län and kommungrupp of
a code, and the codes of a level, a län or a kommungrupp.

All of it is one index built once per database version: a page's pickers ask for hundreds of
labels and code lists on every rerun, and each answer is a dictionary lookup, not a query or a
polars filter (those release Python's lock, which twenty sessions at once then wait for)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import polars as pl

from dashboard.data import queries
from dashboard.data.cache import process_cached
from dashboard.text.i18n import t


@dataclass(frozen=True)
class RegionIndex:
    info: dict[str, dict[str, str | None]]
    by_level: dict[str, tuple[str, ...]]  # codes in the table's order
    kommuner_of_county: dict[str, tuple[str, ...]]
    kommuner_of_group: dict[str, tuple[str, ...]]
    groups: dict[str, str]  # kommungrupp code → name, A1 … C9
    has_kommungrupp: bool


def regions() -> pl.DataFrame:
    return queries.regions()


def _index() -> RegionIndex:
    return _index_of(*queries.database())


@process_cached(max_entries=4)
def _index_of(path: str, version: str) -> RegionIndex:
    frame = regions()
    rows = list(frame.iter_rows(named=True))
    by_level: dict[str, list[str]] = defaultdict(list)
    of_county: dict[str, list[str]] = defaultdict(list)
    of_group: dict[str, list[str]] = defaultdict(list)
    groups: dict[str, str] = {}
    for row in rows:
        code = row["region_code"]
        by_level[row["region_level"]].append(code)
        if row["region_level"] == "municipality":
            of_county[row["county_code"]].append(code)
            if row.get("kommungrupp_code"):
                of_group[row["kommungrupp_code"]].append(code)
                groups[row["kommungrupp_code"]] = row["kommungrupp_name"]
    return RegionIndex(
        info={row["region_code"]: row for row in rows},
        by_level={k: tuple(v) for k, v in by_level.items()},
        kommuner_of_county={k: tuple(v) for k, v in of_county.items()},
        kommuner_of_group={k: tuple(v) for k, v in of_group.items()},
        groups=dict(sorted(groups.items())),
        has_kommungrupp="kommungrupp_code" in frame.columns,
    )


def all_codes() -> list[str]:
    return list(_index().info)


def region_info(code: str) -> dict[str, str | None]:
    """Name, level, county (and kommungrupp where the database has it) of one region."""
    return _index().info.get(code, {})


def region_name(code: str, lang: str) -> str:
    if code == "00":
        return t("country", lang)
    return str(region_info(code).get("region_name") or code)


def level_of(code: str) -> str | None:
    level = region_info(code).get("region_level")
    return str(level) if level else None


def county_of(code: str) -> str | None:
    """The län of a kommun, the län itself for a län, None for riket or an unknown code."""
    info = region_info(code)
    level = info.get("region_level")
    if level == "county":
        return code
    if level == "municipality":
        return str(info["county_code"])
    return None


def codes_of(level: str) -> list[str]:
    return list(_index().by_level.get(level, ()))


def kommuner_of_county(county: str) -> list[str]:
    return list(_index().kommuner_of_county.get(county, ()))


def kommuner_of_group(group: str) -> list[str]:
    return list(_index().kommuner_of_group.get(group, ()))


def has_kommungrupp() -> bool:
    return _index().has_kommungrupp


def kommungrupp_of(code: str) -> str | None:
    value = region_info(code).get("kommungrupp_code")
    return str(value) if value else None


def kommungrupper() -> dict[str, str]:
    """Code → name of SKR's kommungrupper, in code order (A1 … C9)."""
    return dict(_index().groups)


def region_label(code: str, lang: str) -> str:
    """For pickers: kommuner marked as such, so Gotland the kommun and the län differ."""
    info = region_info(code)
    name = t("country", lang) if code == "00" else str(info.get("region_name") or code)
    if info.get("region_level") == "municipality":
        return f"{name} ({t('municipality_one', lang)})"
    return name
