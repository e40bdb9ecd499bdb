"""Small crafted inputs for tests: a toy country of one län with two kommuner.

The validation checks compare facts with the region table, so a toy region table makes every
check testable with a handful of rows instead of 290 kommuner.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import polars as pl

from etl.sources.model import FACT_SCHEMA, LEVEL_CODES, SourceBatch, SourceRecord

TOY_REGIONS = pl.DataFrame(
    {
        "region_code": ["00", "04", "0480", "0486"],
        "region_name": ["Riket", "Södermanlands län", "Nyköping", "Strängnäs"],
        "region_level": ["country", "county", "municipality", "municipality"],
        "county_code": [None, "04", "04", "04"],
    }
)
TEN_YEAR_GROUPS = ("16-24", "25-34", "35-44", "45-54", "55-64", "65-74")


def record(source_id: str, kind: str = "offline_file") -> SourceRecord:
    return SourceRecord(
        source_id=source_id,
        kind=kind,
        scb_table_id="TAB3981",
        scb_table_name="UF0506B/Utbildning",
        title="crafted test input",
        query=None,
        url=None,
        origin_repository=None,
        origin_commit=None,
        origin_path=None,
        licence="CC0",
        file_path="crafted",
        sha256="0" * 64,
    )


def cells(
    year: int, regions: list[str], age_groups: tuple[str, ...] = ("16-74",), persons: int = 10
) -> list[tuple[int, str, str, str, str, int]]:
    """Complete rows: every level and both sexes for each region and age group."""
    return [
        (year, region, age, sex, level, persons)
        for region in regions
        for age in age_groups
        for sex in ("women", "men")
        for level in LEVEL_CODES
    ]


def batch(
    source_id: str, rows: list[tuple[int, str, str, str, str, int]], kind: str = "offline_file"
) -> SourceBatch:
    return SourceBatch(
        record(source_id, kind), pl.DataFrame(rows, schema=FACT_SCHEMA, orient="row")
    )


def write_toy(path: Path, batches: list[SourceBatch]) -> None:
    from etl.database import write_database

    write_database(path, TOY_REGIONS, [record("offline:codes")], batches)


@contextmanager
def write_lock_held_elsewhere(db_path: Path) -> Iterator[None]:
    """Another process holds `db_path` open for writing (as an analyst's tool might)."""
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('held', flush=True); "
            "time.sleep(60)",
            str(db_path),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        yield
    finally:
        holder.kill()
        holder.wait()


#: The pages that are not views: their screen module (every view's page is the router's)
OTHER_SCREENS = {"about", "registry", "deck", "sql_console"}


def unfolded(app: Any, *views: str) -> Any:
    """An AppTest whose views' folded parts (table and files, pictures, links and embed) are
    open, as a reader who opened them sees them: they are made only while open."""
    for view in views:
        for part in ("table", "pictures", "share", "copy"):
            app.session_state[f"open_{part}_{view}"] = True
    return app


def page_script(name: str) -> str:
    """The script AppTest runs for one page: a view by its name (`ranking`), or a screen that
    is not a view by its module (`about`, `sql_console`)."""
    if name in OTHER_SCREENS:
        return f"from dashboard.screens import {name}\n{name}.render()"
    return f"from dashboard.router import render_view\nrender_view({name!r})"
