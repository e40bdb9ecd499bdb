"""The dashboard's one query layer: named SQL files, parameters bound, results cached.

Pages call these functions and never see SQL. Results are cached per data version, so a
rebuilt or refreshed database shows up on the next rerun without restarting the app.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import polars as pl
import streamlit as st

from dashboard import db
from etl.config import load_settings

SQL_DIR = Path(__file__).with_name("sql")
MEASURES = ("post_secondary", "post_secondary_3plus")


@cache
def sql_text(name: str) -> str:
    return (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")


def db_path() -> Path:
    return load_settings().db_path


@st.cache_data(show_spinner=False, max_entries=256)
def _cached(
    name: str, params: tuple[tuple[str, Any], ...], path: str, version: str
) -> pl.DataFrame:
    return db.query(Path(path), sql_text(name), dict(params))


def run(name: str, **params: Any) -> pl.DataFrame:
    """Rows of `dashboard/sql/<name>.sql` for these parameters."""
    path = db_path()
    return _cached(name, tuple(sorted(params.items())), str(path), db.data_version(path))


def available_periods() -> dict[str, list[int]]:
    """Age group → its years, newest first."""
    frame = run("available_periods")
    return {
        str(age): [int(y) for y in group["year"]]
        for (age,), group in frame.group_by("age_group", maintain_order=True)
    }


def county_shares(year: int, age_group: str, measure: str) -> pl.DataFrame:
    if measure not in MEASURES:
        raise ValueError(f"unknown measure {measure!r}")
    return run("county_shares", year=year, age_group=age_group, measure=measure)


def source_line(year: int, age_group: str) -> pl.DataFrame:
    return run("source_line", year=year, age_group=age_group)
