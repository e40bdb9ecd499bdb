"""The dashboard's one query layer: named SQL files, parameters bound, results cached.

Pages call these functions and never see SQL. Results are cached per data version, so a
rebuilt or refreshed database shows up on the next rerun without restarting the app.

The cache is process-wide and holds the frames themselves (`dashboard.data.cache`), not pickled
copies: twenty sessions asking for the same view share one frame, and no rerun spends time
unpickling; it has no Streamlit in it, so the deck command line shares the code. That is safe because polars frames are never changed in place;
nothing here or in the pages mutates a cached result.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import Any

import polars as pl

from dashboard.data import db, per_run, query_run
from dashboard.data.cache import process_cached
from dashboard.data.sql_files import sql_text
from dashboard.text.definitions import DEFAULT as DEFAULT_DEFINITION
from dashboard.text.definitions import DEFINITIONS
from etl.config import load_settings

MEASURES = ("post_secondary", "post_secondary_3plus")
LEVELS = ("county", "municipality")


def db_path() -> Path:
    """The database file, as `etl.config` names it; resolved once per value of UTB_DB_PATH,
    since every lookup asks for it (resolving it anew took ~0.5 ms, hundreds of times a rerun);
    within a page run it is not even asked again (`per_run`)."""
    return per_run.remember(
        "db_path", lambda: _resolved(os.environ.get("UTB_DB_PATH"), os.getcwd())
    )


def database() -> tuple[str, str]:
    """(file, version) of the database now: what every process-wide cache keys on, so a
    rebuilt file is seen on the next run."""
    path = db_path()
    return str(path), db.data_version(path)


@functools.lru_cache(maxsize=16)
def _resolved(explicit: str | None, cwd: str) -> Path:
    return load_settings().db_path


@process_cached(max_entries=1024)
def _cached(
    name: str, params: tuple[tuple[str, Any], ...], path: str, version: str
) -> pl.DataFrame:
    return db.query(
        Path(path), sql_text(name), {k: list(v) if isinstance(v, tuple) else v for k, v in params}
    )


def run(name: str, **params: Any) -> pl.DataFrame:
    """Rows of `dashboard/sql/<name>.sql` for these parameters."""
    path = db_path()
    frozen = tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in params.items()))
    query_run.note(name, frozen)
    return _cached(name, frozen, str(path), db.data_version(path))


def _measure(measure: str) -> str:
    if measure not in MEASURES:
        raise ValueError(f"unknown measure {measure!r}")
    return measure


def _definition(definition: str) -> str:
    if definition not in DEFINITIONS:
        raise ValueError(f"unknown definition {definition!r}")
    return definition


def available_periods() -> dict[str, list[int]]:
    """Age group → its years, newest first (shared: do not modify). Every page asks for it on
    every rerun, so the dict is cached too, not only the rows it is made from."""
    return _periods(*database())


@process_cached(max_entries=4)
def _periods(path: str, version: str) -> dict[str, list[int]]:
    frame = run("available_periods")
    return {
        str(age): [int(y) for y in group["year"]]
        for (age,), group in frame.group_by("age_group", maintain_order=True)
    }


def regions() -> pl.DataFrame:
    return run("regions")


def region_measures(
    region: str, age_group: str, measure: str, definition: str = DEFAULT_DEFINITION
) -> pl.DataFrame:
    return run(
        "region_measures",
        region=region,
        age_group=age_group,
        measure=_measure(measure),
        definition=_definition(definition),
    )


def peers(
    year: int,
    age_group: str,
    measure: str,
    level: str,
    county: str = "",
    definition: str = DEFAULT_DEFINITION,
) -> pl.DataFrame:
    if level not in LEVELS:
        raise ValueError(f"unknown level {level!r}")
    return run(
        "peers",
        year=year,
        age_group=age_group,
        measure=_measure(measure),
        level=level,
        county=county,
        definition=_definition(definition),
    )


def series(
    regions: list[str], age_group: str, measure: str, definition: str = DEFAULT_DEFINITION
) -> pl.DataFrame:
    return run(
        "series",
        regions=sorted(regions),
        age_group=age_group,
        measure=_measure(measure),
        definition=_definition(definition),
    )


def compare(
    regions: list[str],
    year: int,
    age_group: str,
    measure: str,
    definition: str = DEFAULT_DEFINITION,
) -> pl.DataFrame:
    return run(
        "compare",
        regions=regions,
        year=year,
        age_group=age_group,
        measure=_measure(measure),
        definition=_definition(definition),
    )


def definition_years() -> list[int]:
    """Years the definitions panel can show: those of 25-64 or 16-74, newest first — except
    that the newest year with 25-64 (Kolada's age group) comes first, as the default."""
    periods = available_periods()
    years = sorted({y for age in ("25-64", "16-74") for y in periods.get(age, [])}, reverse=True)
    if standard := periods.get("25-64"):
        years.remove(standard[0])
        years.insert(0, standard[0])
    return years


def definitions(region: str, year: int) -> pl.DataFrame:
    """One region and year under every definition, measure and age group (the panel)."""
    return run("definitions", region=region, year=year)


def notes() -> pl.DataFrame:
    return run("notes")


def series_breaks() -> list[int]:
    return [int(y) for y in run("series_breaks")["year"]]


def sources() -> pl.DataFrame:
    return run("sources")


def build_info() -> dict[str, Any]:
    frame = run("build_info")
    return frame.row(0, named=True) if frame.height else {}


def kommungrupp_rows(
    group: str, year: int, age_group: str, measure: str, definition: str = DEFAULT_DEFINITION
) -> pl.DataFrame:
    """One kommungrupp's shares (summed persons of its kommuner), named like a region row;
    empty where the database has no kommungrupper."""
    if not has_relation("kommungrupp_gender_gap"):
        return pl.DataFrame()
    return run(
        "kommungrupp_rows",
        group=group,
        year=year,
        age_group=age_group,
        measure=_measure(measure),
        definition=_definition(definition),
    )


def has_relation(name: str) -> bool:
    return name in set(run("relations")["name"])


# ---- the age, change and figure-finder views (issue 19) -------------------------------------


def age_groups(
    region: str, county: str, year: int, measure: str, definition: str = DEFAULT_DEFINITION
) -> pl.DataFrame:
    """One region (its län for a kommun, and riket) under every age group of one year."""
    return run(
        "age_groups",
        region=region,
        county=county,
        year=year,
        measure=_measure(measure),
        definition=_definition(definition),
    )


def change(
    from_year: int,
    to_year: int,
    age_group: str,
    measure: str,
    level: str,
    county: str = "",
    definition: str = DEFAULT_DEFINITION,
    show: str = "gap",
    ranks: str = "rank",
) -> pl.DataFrame:
    """Each region's value and rank (`ranks`: rank | county_rank | kommungrupp_rank) in two
    years and its change, and riket's."""
    if level not in LEVELS:
        raise ValueError(f"unknown level {level!r}")
    if show not in ("women", "men", "total", "gap") or ranks not in CHANGE_RANKS:
        raise ValueError(f"unknown value {show!r} or ranks {ranks!r}")
    return run(
        "change",
        from_year=from_year,
        to_year=to_year,
        age_group=age_group,
        measure=_measure(measure),
        level=level,
        county=county,
        definition=_definition(definition),
        show=show,
        ranks=ranks,
    )


CHANGE_RANKS = ("rank", "county_rank", "kommungrupp_rank")


def figure_finder(region: str, value: float) -> pl.DataFrame:
    """Every figure of a region within ±1 of `value`, nearest first."""
    return run("figure_finder", region=region, value=float(value))
