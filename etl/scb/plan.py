"""What to ask SCB for, and whether its answers fit: pure functions, tested without a network.

TAB3981 is fetched in two families of queries, both for every published region (riket, län
and kommuner as SCB publishes them, not summed by us): ages as the 10-year groups of codelist
`agg_Ålder10år16-74`, and ages as the 16-74 total. 25-64 is derived later from the groups.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import polars as pl
from pxweb._internal.functions import build_query, count_data_cells, split_value_codes

from etl.scb.transport import ScbError
from etl.sources import jsonstat2
from etl.sources.model import FACT_SCHEMA, LEVEL_CODES, SEX_BY_SCB_CODE
from etl.sources.region_codes import regions_frame

TABLE_ID = "TAB3981"
AGE_CODELIST = "agg_Ålder10år16-74"
TOTAL_AGE_CODE = "tot16-74"
TOTAL_AGE_GROUP = "16-74"
EXPECTED_DIMENSIONS = ["Region", "Alder", "UtbildningsNiva", "Kon", "ContentsCode", "Tid"]


@dataclass(frozen=True)
class PlannedQuery:
    body: dict[str, Any]
    cells: int
    #: Alder code in the response → our age group ("25-34")
    age_groups: dict[str, str]


def age_groups_from_codelist(codelist: dict[str, Any]) -> dict[str, str]:
    """Group code → "first-last", read from each group's valueMap (its single ages), not its code."""
    groups = {}
    for value in codelist.get("values", []):
        ages = [int(a) for a in value.get("valueMap", []) if str(a).isascii() and str(a).isdigit()]
        if (
            not ages
            or len(ages) != len(value["valueMap"])
            or sorted(ages) != list(range(min(ages), max(ages) + 1))
        ):
            raise ScbError(
                f"codelist {codelist.get('id')}: group {value.get('code')!r} is not a run of single ages"
            )
        groups[value["code"]] = f"{min(ages)}-{max(ages)}"
    covered = sorted(
        int(a)
        for g in groups.values()
        for a in range(int(g.split("-")[0]), int(g.split("-")[1]) + 1)
    )
    if covered != list(range(16, 75)):
        raise ScbError(
            f"codelist {codelist.get('id')}: groups {sorted(groups.values())} do not cover ages 16-74 once each"
        )
    return groups


def check_metadata(metadata: dict[str, Any]) -> None:
    """Refuse metadata whose shape we do not know (a renamed dimension, a new level)."""
    if metadata.get("id") != EXPECTED_DIMENSIONS:
        raise ScbError(
            f"metadata drift: {TABLE_ID} has dimensions {metadata.get('id')}, expected {EXPECTED_DIMENSIONS}"
        )
    levels = jsonstat2.category_codes(metadata, "UtbildningsNiva")
    if new := sorted(set(levels) - set(LEVEL_CODES)):
        raise ScbError(
            f"metadata drift: new education level code(s) {new}; the level table must be extended first"
        )
    if missing := sorted(set(LEVEL_CODES) - set(levels)):
        raise ScbError(f"metadata drift: education level code(s) {missing} no longer published")
    if sorted(jsonstat2.category_codes(metadata, "Kon")) != sorted(SEX_BY_SCB_CODE):
        raise ScbError(
            f"metadata drift: Kon codes {jsonstat2.category_codes(metadata, 'Kon')}, expected 1 and 2"
        )
    if TOTAL_AGE_CODE not in jsonstat2.category_codes(metadata, "Alder"):
        raise ScbError(f"metadata drift: age code {TOTAL_AGE_CODE!r} is gone")


def region_drift(metadata: dict[str, Any], known: set[str] | None) -> tuple[list[str], list[str]]:
    """(added, removed) region codes against the regions we had; removed ones are an error."""
    published = set(jsonstat2.category_codes(metadata, "Region"))
    if known is None:
        return [], []
    return sorted(published - known), sorted(known - published)


def regions_from_metadata(metadata: dict[str, Any]) -> pl.DataFrame:
    return regions_frame(jsonstat2.category_labels(metadata, "Region"))


def years_to_fetch(
    metadata: dict[str, Any], loaded_years: set[int], loaded_updated: datetime | None, full: bool
) -> tuple[list[str], str]:
    """The years to ask for and why. SCB's `updated` stamp moves when it publishes; until it
    does, only years we lack are fetched."""
    published = jsonstat2.category_codes(metadata, "Tid")
    updated = jsonstat2.updated_stamp(metadata)
    if full or not loaded_years:
        return published, "full refresh" if full else "no SCB data loaded yet"
    missing = [y for y in published if int(y) not in loaded_years]
    if updated != loaded_updated:
        # a new publication usually adds a year and may revise the latest one
        latest_loaded = str(max(loaded_years))
        wanted = sorted(set(missing) | ({latest_loaded} if latest_loaded in published else set()))
        return wanted, f"SCB updated the table ({_day(loaded_updated)} → {_day(updated)})"
    return missing, "years missing" if missing else f"SCB's table unchanged since {_day(updated)}"


def _day(stamp: datetime | None) -> str:
    return stamp.date().isoformat() if stamp else "unknown"


def plan_queries(
    metadata: dict[str, Any], codelist: dict[str, Any], years: list[str], max_cells: int
) -> list[PlannedQuery]:
    """Selection bodies for the given years, each under the API's cell limit."""
    groups = age_groups_from_codelist(codelist)
    common = {
        "Region": jsonstat2.category_codes(metadata, "Region"),
        "UtbildningsNiva": jsonstat2.category_codes(metadata, "UtbildningsNiva"),
        "Kon": jsonstat2.category_codes(metadata, "Kon"),
        "ContentsCode": jsonstat2.category_codes(metadata, "ContentsCode"),
        "Tid": years,
    }
    families = [
        ({"Alder": list(groups)}, {"Alder": AGE_CODELIST}, groups),
        ({"Alder": [TOTAL_AGE_CODE]}, None, {TOTAL_AGE_CODE: TOTAL_AGE_GROUP}),
    ]
    planned = []
    for age_selection, codelists, age_map in families:
        value_codes = {
            "Region": common["Region"],
            **age_selection,
            **{k: v for k, v in common.items() if k != "Region"},
        }
        for chunk in split_value_codes(value_codes, max_cells):
            planned.append(
                PlannedQuery(build_query(chunk, codelists), count_data_cells(chunk), age_map)
            )
    return planned


def response_facts(doc: dict[str, Any], query: PlannedQuery, where: str) -> pl.DataFrame:
    """Fact rows of one data response, after checking it answers exactly what was asked."""
    if doc.get("id") != EXPECTED_DIMENSIONS:
        raise ScbError(
            f"{where}: response dimensions {doc.get('id')} differ from the metadata's {EXPECTED_DIMENSIONS}"
        )
    for selection in query.body["selection"]:
        variable, asked = selection["variableCode"], selection["valueCodes"]
        got = jsonstat2.category_codes(doc, variable)
        if got != asked:
            raise ScbError(
                f"{where}: {variable} has {len(got)} codes in the response but {len(asked)} were asked "
                f"for (first difference: {_first_difference(asked, got)})"
            )
    cells = jsonstat2.data_frame(doc, where)
    if (nulls := cells.filter(pl.col("value").is_null())).height:
        first = nulls.row(0, named=True)
        raise ScbError(f"{where}: {nulls.height} cell(s) without a value, e.g. {first}")
    if (
        fractions := cells.filter(pl.col("value") != pl.col("value").round(0))
    ).height or cells.filter(pl.col("value") < 0).height:
        raise ScbError(
            f"{where}: counts must be non-negative whole numbers, e.g. {fractions.row(0, named=True) if fractions.height else 'negative'}"
        )
    return cells.select(
        pl.col("Tid").cast(pl.Int32).alias("year"),
        pl.col("Region").alias("region_code"),
        pl.col("Alder").replace_strict(query.age_groups).alias("age_group"),
        pl.col("Kon").replace_strict(SEX_BY_SCB_CODE).alias("sex"),
        pl.col("UtbildningsNiva").alias("level_code"),
        pl.col("value").cast(pl.Int64).alias("persons"),
    ).cast(FACT_SCHEMA)  # type: ignore[arg-type]


def _first_difference(asked: list[str], got: list[str]) -> str:
    missing = [c for c in asked if c not in set(got)]
    extra = [c for c in got if c not in set(asked)]
    return f"missing {missing[:5]}" if missing else f"unexpected {extra[:5]}" if extra else "order"
